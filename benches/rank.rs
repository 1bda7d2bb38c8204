//! National-scale benchmark: `cargo bench --bench rank`.
//!
//! Generates a criteria set of about 100 leaves and 10,000 evidence files (one per commune),
//! then measures:
//! - the floor: reading and parsing the same files into generic YAML values on one thread;
//! - `parindex rank` on the folder (the release binary, all cores): wall time, files per
//!   second and peak memory (GNU time's maximum resident set size);
//! - a single `parindex score` of the Krông Nô example (median wall time of 30 runs).
//!
//! Environment: `PARINDEX_BENCH_FILES` (default 10000) and `PARINDEX_BENCH_DIR` (default
//! `target/bench-data`; the workload is generated once and reused).

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

const SECTIONS: usize = 8;
const CRITERIA_PER_SECTION: usize = 4;
const LEAVES_PER_CRITERION: usize = 3;

/// A small deterministic generator (no dependency needed for a workload).
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

fn rule_for(leaf: usize) -> (&'static str, u32) {
    match leaf % 5 {
        0 => ("yes-no", 50),
        1 => ("ratio", 100),
        2 => ("{ ratio: { zero_below: \"50%\", full_at: \"95%\" } }", 100),
        3 => ("{ tiers: [ { at_least: \"100%\", points: 0.5 }, { at_least: \"90%\", points: 0.25 } ] }", 50),
        _ => ("{ deduct: { per: 0.25 } }", 50),
    }
}

fn criteria_text() -> String {
    let mut c = String::from("parindex: 1\nkind: criteria\nid: bench-commune\ntitle: \"Chỉ số CCHC cấp xã (benchmark)\"\ngrades:\n  - { label: \"Tốt\", min: 80 }\n  - { label: \"Khá\", min: 65 }\n  - { label: \"Yếu\", min: 0 }\nsections:\n");
    for s in 1..=SECTIONS {
        let mut s_max = 0;
        let mut block = String::new();
        for k in 1..=CRITERIA_PER_SECTION {
            let mut k_max = 0;
            let mut leaves = String::new();
            for l in 1..=LEAVES_PER_CRITERION {
                let (rule, cents) = rule_for(s * 100 + k * 10 + l);
                k_max += cents;
                writeln!(leaves, "          - {{ code: \"{s}.{k}.{l}\", title: \"Tiêu chí thành phần {s}.{k}.{l}\", max: {}, rule: {rule} }}", cents as f64 / 100.0).unwrap();
            }
            s_max += k_max;
            writeln!(block, "      - code: \"{s}.{k}\"\n        title: \"Tiêu chí {s}.{k}\"\n        max: {}\n        items:\n{leaves}", k_max as f64 / 100.0).unwrap();
        }
        writeln!(
            c,
            "  - code: \"{s}\"\n    title: \"Lĩnh vực {s}\"\n    max: {}\n    items:\n{block}",
            s_max as f64 / 100.0
        )
        .unwrap();
    }
    c
}

fn evidence_text(i: usize, rng: &mut Lcg) -> String {
    let mut e = format!("parindex: 1\nkind: evidence\ncriteria: ../criteria.yaml\nunit: \"UBND xã Số {i:05} (giả định)\"\nperiod: \"2025\"\nvalues:\n");
    for s in 1..=SECTIONS {
        for k in 1..=CRITERIA_PER_SECTION {
            for l in 1..=LEAVES_PER_CRITERION {
                let code = format!("{s}.{k}.{l}");
                let value = match (s * 100 + k * 10 + l) % 5 {
                    0 => {
                        if rng.below(10) < 8 {
                            "true".to_string()
                        } else {
                            "false".to_string()
                        }
                    }
                    1 | 3 => {
                        let whole = 60 + rng.below(41);
                        let tenth = if whole == 100 { 0 } else { rng.below(10) };
                        format!("\"{whole}.{tenth}%\"")
                    }
                    2 => {
                        let total = 50 + rng.below(500);
                        format!("\"{}/{total}\"", total - rng.below(total / 4))
                    }
                    _ => rng.below(3).to_string(),
                };
                if rng.below(20) == 0 {
                    writeln!(e, "  \"{code}\": {{ value: {value}, appraised: {value}, reason: \"Hội đồng thẩm định xác nhận\" }}").unwrap();
                } else {
                    writeln!(e, "  \"{code}\": {value}").unwrap();
                }
            }
        }
    }
    e
}

fn generate(dir: &Path, files: usize) -> Vec<PathBuf> {
    let evidence_dir = dir.join("evidence");
    let marker = dir.join(format!(".complete-v2-{files}"));
    let paths: Vec<PathBuf> = (0..files)
        .map(|i| evidence_dir.join(format!("xa-{i:05}.yaml")))
        .collect();
    if marker.exists() {
        return paths;
    }
    let _ = std::fs::remove_dir_all(dir);
    std::fs::create_dir_all(&evidence_dir).unwrap();
    std::fs::write(dir.join("criteria.yaml"), criteria_text()).unwrap();
    let mut rng = Lcg(2025);
    for (i, p) in paths.iter().enumerate() {
        std::fs::write(p, evidence_text(i, &mut rng)).unwrap();
    }
    std::fs::write(marker, "").unwrap();
    paths
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(|a, b| a.partial_cmp(b).unwrap());
    v[v.len() / 2]
}

fn main() {
    let files: usize = std::env::var("PARINDEX_BENCH_FILES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(10_000);
    let dir = PathBuf::from(
        std::env::var("PARINDEX_BENCH_DIR").unwrap_or_else(|_| "target/bench-data".into()),
    );
    let bin = env!("CARGO_BIN_EXE_parindex");
    let t = Instant::now();
    let paths = generate(&dir, files);
    let bytes: u64 = paths
        .iter()
        .map(|p| std::fs::metadata(p).unwrap().len())
        .sum();
    println!(
        "workload: {files} evidence files, {} leaves each, {:.1} MiB ({:.1}s to prepare)",
        SECTIONS * CRITERIA_PER_SECTION * LEAVES_PER_CRITERION,
        bytes as f64 / 1048576.0,
        t.elapsed().as_secs_f64()
    );

    // Warm the page cache so that both measurements read from memory.
    for p in &paths {
        std::fs::read(p).unwrap();
    }

    // The floor: read and parse into generic YAML values, one thread.
    let floor = median(
        (0..3)
            .map(|_| {
                let t = Instant::now();
                for p in &paths {
                    let text = std::fs::read_to_string(p).unwrap();
                    let v: serde_yaml::Value = serde_yaml::from_str(&text).unwrap();
                    std::hint::black_box(v);
                }
                t.elapsed().as_secs_f64()
            })
            .collect(),
    );
    println!("floor (read + parse to generic YAML, 1 thread): {floor:.3} s");

    // parindex rank, the release binary, all cores.
    let evidence_dir = dir.join("evidence");
    let mut runs = Vec::new();
    let mut peak_kb = 0u64;
    for _ in 0..3 {
        let t = Instant::now();
        let out = Command::new("/usr/bin/time")
            .args(["-f", "%M"])
            .arg(bin)
            .args(["rank", "--quiet", "--format", "csv"])
            .arg(&evidence_dir)
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .output()
            .expect("GNU time at /usr/bin/time (Debian package `time`)");
        runs.push(t.elapsed().as_secs_f64());
        assert!(
            out.status.success(),
            "rank failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let kb: u64 = String::from_utf8_lossy(&out.stderr)
            .trim()
            .lines()
            .last()
            .unwrap_or("0")
            .trim()
            .parse()
            .unwrap_or(0);
        peak_kb = peak_kb.max(kb);
    }
    let wall = median(runs);
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    println!(
        "rank: {wall:.3} s wall on {cores} cores, {:.0} files/s, peak memory {:.1} MB; {:.2}x the floor (target ≤ 0.75x, < 150 MB)",
        files as f64 / wall,
        peak_kb as f64 / 1024.0,
        wall / floor
    );

    // A single score of the Krông Nô example.
    let example = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/krong-no-2022.yaml");
    let single = median(
        (0..30)
            .map(|_| {
                let t = Instant::now();
                let status = Command::new(bin)
                    .arg("score")
                    .arg(&example)
                    .stdout(Stdio::null())
                    .status()
                    .unwrap();
                assert!(status.success());
                t.elapsed().as_secs_f64()
            })
            .collect(),
    );
    println!(
        "score examples/krong-no-2022.yaml: {:.2} ms wall, median of 30 (target < 5 ms)",
        single * 1000.0
    );
}
