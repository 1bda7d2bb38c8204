//! National-scale benchmark: `cargo bench --bench rank`.
//!
//! This benchmark binary runs on mimalloc, the allocator of `parindex` itself, so that the floor
//! and the binary pay the same price per allocation.
//!
//! Two national workloads of the same size (a criteria set of 96 leaves and 10,000 commune
//! evidence files): one whose values are mostly plain scalars, one whose every value is in the
//! map form `{ value: …, appraised: …, reason: "…" }`. For each:
//! - the floor: reading and parsing the same files into generic YAML values
//!   (`serde_yaml::Value`) on one thread, in this process;
//! - `parindex rank` on the folder (the release binary, all cores): wall time, files per
//!   second, the ratio to the floor, and peak memory (GNU time's maximum resident set size, or
//!   the child's `ru_maxrss` from `wait4` where GNU time is absent).
//!
//! The two are measured in turn, floor then rank, one round not counted and then five: the
//! medians of each, their ratio, and the spread of the five rounds' own ratios.
//!
//! Then the scale checks, each at N and 2N criteria (N = 20,000 by default), printing the least
//! wall time and the least processor time (user + system, from `wait4`) of 3 runs at each size
//! and their ratios (about 2 where the cost grows linearly; processor time is the steadier
//! figure on a shared machine):
//! - `whatif --target` on an evidence file of N leaves that needs 2% of them improved;
//! - `diff` of two evidence files, each scored with its own set of N criteria;
//! - `score` of a wide set: N sibling leaves under one section.
//!
//! Finally a single `parindex score` of the Krông Nô example (median wall time of 30 runs).
//!
//! Environment: `PARINDEX_BENCH_FILES` (default 10000), `PARINDEX_BENCH_DIR` (default
//! `target/bench-data`; workloads are generated once and reused), `PARINDEX_BENCH_SCALE` (N,
//! default 20000) and `PARINDEX_BENCH_SKIP_SCALE=1` to leave the scale checks out.

use std::fmt::Write as _;
use std::fs::File;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

/// The allocator of the `parindex` binary (src/main.rs), so that the floor is comparable.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

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

/// How a workload writes its evidence values.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Form {
    /// Plain scalars, one value in twenty in the map form.
    Scalar,
    /// Every value in the map form `{ value: …, appraised: …, reason: "…" }`.
    Map,
}

/// A value for leaf `leaf` (as numbered in [`rule_for`]).
fn value_text(leaf: usize, rng: &mut Lcg) -> String {
    match leaf % 5 {
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
    }
}

const REASONS: [&str; 4] = [
    "Hội đồng thẩm định xác nhận",
    "Tài liệu kiểm chứng chưa đầy đủ",
    "Số liệu không khớp với báo cáo của Sở",
    "Sáng kiến chưa có tính mới",
];

fn evidence_text(i: usize, rng: &mut Lcg, form: Form) -> String {
    let mut e = format!("parindex: 1\nkind: evidence\ncriteria: ../criteria.yaml\nunit: \"UBND xã Số {i:05} (giả định)\"\nperiod: \"2025\"\nvalues:\n");
    for s in 1..=SECTIONS {
        for k in 1..=CRITERIA_PER_SECTION {
            for l in 1..=LEAVES_PER_CRITERION {
                let code = format!("{s}.{k}.{l}");
                let leaf = s * 100 + k * 10 + l;
                let value = value_text(leaf, rng);
                match form {
                    Form::Scalar if rng.below(20) == 0 => {
                        writeln!(e, "  \"{code}\": {{ value: {value}, appraised: {value}, reason: \"Hội đồng thẩm định xác nhận\" }}").unwrap();
                    }
                    Form::Scalar => writeln!(e, "  \"{code}\": {value}").unwrap(),
                    Form::Map => {
                        // The council changes about one value in eight.
                        let appraised = if rng.below(8) == 0 {
                            value_text(leaf, rng)
                        } else {
                            value.clone()
                        };
                        let reason = REASONS[rng.below(REASONS.len() as u64) as usize];
                        writeln!(e, "  \"{code}\": {{ value: {value}, appraised: {appraised}, reason: \"{reason}\" }}").unwrap();
                    }
                }
            }
        }
    }
    e
}

/// The national workload in `dir` (generated once; a marker says it is complete).
fn generate(dir: &Path, files: usize, form: Form) -> Vec<PathBuf> {
    let evidence_dir = dir.join("evidence");
    let marker = dir.join(format!(".complete-v3-{files}"));
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
        std::fs::write(p, evidence_text(i, &mut rng, form)).unwrap();
    }
    std::fs::write(marker, "").unwrap();
    paths
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(|a, b| a.partial_cmp(b).unwrap());
    v[v.len() / 2]
}

/// The floor: read and parse every file into generic YAML values, one thread, once.
fn floor_once(paths: &[PathBuf]) -> f64 {
    let t = Instant::now();
    for p in paths {
        let text = std::fs::read_to_string(p).unwrap();
        let v: serde_yaml::Value = serde_yaml::from_str(&text).unwrap();
        std::hint::black_box(v);
    }
    t.elapsed().as_secs_f64()
}

/// The median, least and most of some runs.
fn spread(runs: Vec<f64>) -> (f64, f64, f64) {
    let least = runs.iter().copied().fold(f64::INFINITY, f64::min);
    let most = runs.iter().copied().fold(0.0, f64::max);
    (median(runs), least, most)
}

/// How the peak memory of a child is measured.
#[derive(Clone, Copy, PartialEq, Eq)]
enum PeakBy {
    /// GNU time's `%M` (maximum resident set size, KiB).
    GnuTime,
    /// The child's `ru_maxrss` (KiB on Linux), from `wait4`.
    Wait4,
}

impl PeakBy {
    /// GNU time where it is installed (and not turned off with `PARINDEX_BENCH_NO_GNU_TIME`).
    fn detect() -> PeakBy {
        if std::env::var_os("PARINDEX_BENCH_NO_GNU_TIME").is_some() {
            return PeakBy::Wait4;
        }
        let works = Command::new("/usr/bin/time")
            .args(["-f", "%M", "true"])
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .output()
            .is_ok_and(|o| {
                o.status.success()
                    && String::from_utf8_lossy(&o.stderr)
                        .trim()
                        .parse::<u64>()
                        .is_ok()
            });
        if works {
            PeakBy::GnuTime
        } else {
            PeakBy::Wait4
        }
    }

    fn name(self) -> &'static str {
        match self {
            PeakBy::GnuTime => "GNU time",
            PeakBy::Wait4 => "wait4 ru_maxrss",
        }
    }
}

#[cfg(target_os = "linux")]
#[path = "../tests/common/rusage.rs"]
mod rusage;

/// One run of the binary. Standard output is discarded; standard error goes to
/// `scratch/stderr.txt` and is shown if the run fails.
struct Run {
    wall: f64,
    /// Peak resident set, KiB.
    peak_kb: u64,
    /// Processor time, user + system (0 where unknown).
    cpu: f64,
}

fn run_measured(bin: &str, args: &[&str], by: PeakBy, scratch: &Path) -> Run {
    let err_path = scratch.join("stderr.txt");
    let time_path = scratch.join("time.txt");
    let mut cmd = match by {
        PeakBy::GnuTime => {
            let mut c = Command::new("/usr/bin/time");
            c.arg("-o").arg(&time_path).args(["-f", "%M %U %S", bin]);
            c
        }
        PeakBy::Wait4 => Command::new(bin),
    };
    cmd.args(args)
        .stdout(Stdio::null())
        .stderr(File::create(&err_path).unwrap());
    let t = Instant::now();
    let (ok, peak_kb, cpu) = match by {
        PeakBy::GnuTime => {
            let ok = cmd.status().unwrap().success();
            let text = std::fs::read_to_string(&time_path).unwrap_or_default();
            let fields: Vec<f64> = text
                .lines()
                .last()
                .unwrap_or("")
                .split_whitespace()
                .filter_map(|f| f.parse().ok())
                .collect();
            match fields[..] {
                [kb, user, system] => (ok, kb as u64, user + system),
                _ => (ok, 0, 0.0),
            }
        }
        #[cfg(target_os = "linux")]
        PeakBy::Wait4 => {
            let (ok, kib, cpu, _) = rusage::wait(cmd.spawn().unwrap().id());
            (ok, kib, cpu)
        }
        #[cfg(not(target_os = "linux"))]
        PeakBy::Wait4 => (cmd.status().unwrap().success(), 0, 0.0),
    };
    let wall = t.elapsed().as_secs_f64();
    assert!(
        ok,
        "parindex {args:?} failed: {}",
        std::fs::read_to_string(&err_path).unwrap_or_default()
    );
    Run { wall, peak_kb, cpu }
}

/// The least wall time and the least processor time of `runs` runs of the binary (which must
/// succeed). The least is the figure least disturbed by whatever else the machine runs.
fn timed(bin: &str, args: &[&str], runs: usize, scratch: &Path) -> (f64, f64) {
    let runs: Vec<Run> = (0..runs)
        .map(|_| run_measured(bin, args, PeakBy::Wait4, scratch))
        .collect();
    let least = |f: fn(&Run) -> f64| runs.iter().map(f).fold(f64::INFINITY, f64::min);
    (least(|r| r.wall), least(|r| r.cpu))
}

/// Measured runs of `parindex rank` per workload.
/// Rounds of floor and rank measured in turn, after one round not counted.
const ROUNDS: usize = 5;

/// Floor and `parindex rank` of one workload.
fn bench_rank(label: &str, dir: &Path, files: usize, form: Form, bin: &str, by: PeakBy) {
    let t = Instant::now();
    let paths = generate(dir, files, form);
    let bytes: u64 = paths
        .iter()
        .map(|p| std::fs::metadata(p).unwrap().len())
        .sum();
    println!(
        "\nworkload {label}: {files} evidence files in {}, {} leaves each, {:.1} MiB ({:.1}s to prepare)",
        dir.display(),
        SECTIONS * CRITERIA_PER_SECTION * LEAVES_PER_CRITERION,
        bytes as f64 / 1048576.0,
        t.elapsed().as_secs_f64()
    );
    // Warm the page cache so that both measurements read from memory.
    for p in &paths {
        std::fs::read(p).unwrap();
    }
    let evidence_dir = dir.join("evidence");
    let evidence_dir = evidence_dir.to_str().unwrap();
    let args = ["rank", "--quiet", "--format", "json", evidence_dir];
    // The floor and rank take turns, so that both meet the same state of this shared machine:
    // measured in two series, one after the other, a slow minute moved one side only (a floor
    // of 0.68-0.83 s in one series, against 0.69-0.71 s in most). One round first, not counted
    // (the first process after the floor ran slowest of its series every time), then five.
    floor_once(&paths);
    run_measured(bin, &args, by, dir);
    let (mut floors, mut runs, mut cpus, mut ratios) =
        (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    let mut peak_kb = 0u64;
    for _ in 0..ROUNDS {
        let floor = floor_once(&paths);
        let run = run_measured(bin, &args, by, dir);
        floors.push(floor);
        ratios.push(run.wall / floor);
        runs.push(run.wall);
        cpus.push(run.cpu);
        peak_kb = peak_kb.max(run.peak_kb);
    }
    let (floor, floor_least, floor_most) = spread(floors);
    let (wall, wall_least, wall_most) = spread(runs);
    let (ratio, ratio_least, ratio_most) = spread(ratios);
    let cpu = median(cpus);
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    println!("  floor (read + parse to serde_yaml::Value, 1 thread, mimalloc): {floor:.3} s (median of {ROUNDS}; {floor_least:.3}-{floor_most:.3} s)");
    println!(
        "  rank: {wall:.3} s wall on {cores} cores (median of {ROUNDS}; {wall_least:.3}-{wall_most:.3} s; {cpu:.3} s of processor time), {:.0} files/s, peak memory {:.1} MB ({})",
        files as f64 / wall,
        peak_kb as f64 / 1024.0,
        by.name()
    );
    println!(
        "  rank / floor: {:.2}x (target ≤ 0.6x, < 100 MB); each round's rank / floor: median {ratio:.2}x, {ratio_least:.2}-{ratio_most:.2}x",
        wall / floor,
    );
}

/// A criteria set of `n` leaves, all worth 1: 20 sections of 10 criteria of n/200 leaves.
/// `shift` renumbers the leaves of every criterion from 1 + shift, so that a set with shift 1
/// drops each criterion's first leaf and adds one after its last (removed and added criteria).
fn deep_set(n: usize, id: &str, shift: usize) -> String {
    let per = n / 200;
    let mut c = format!("parindex: 1\nkind: criteria\nid: {id}\ntitle: \"Bộ tiêu chí {n} (benchmark)\"\ngrades:\n  - {{ label: \"Tốt\", min: 80 }}\n  - {{ label: \"Khá\", min: 65 }}\n  - {{ label: \"Yếu\", min: 0 }}\nsections:\n");
    for s in 1..=20 {
        writeln!(
            c,
            "  - code: \"{s}\"\n    title: \"Lĩnh vực {s}\"\n    max: {}\n    items:",
            10 * per
        )
        .unwrap();
        for k in 1..=10 {
            writeln!(c, "      - code: \"{s}.{k}\"\n        title: \"Tiêu chí {s}.{k}\"\n        max: {per}\n        items:").unwrap();
            for l in 1 + shift..=per + shift {
                writeln!(c, "          - {{ code: \"{s}.{k}.{l}\", title: \"Tiêu chí thành phần {s}.{k}.{l}\", max: 1, rule: {} }}", scale_rule(l)).unwrap();
            }
        }
    }
    c
}

/// Rules worth 1 point each, so that a leaf at its worst value loses exactly 1.
fn scale_rule(leaf: usize) -> &'static str {
    match leaf % 5 {
        0 => "yes-no",
        1 => "ratio",
        2 => "{ ratio: { zero_below: \"50%\", full_at: \"95%\" } }",
        3 => "{ tiers: [ { at_least: \"100%\", points: 1 }, { at_least: \"90%\", points: 0.5 } ] }",
        _ => "{ deduct: { per: 0.25 } }",
    }
}

/// A value for a [`scale_rule`] leaf: its best, its worst (scores 0) or a random one.
fn scale_value(leaf: usize, pick: Option<bool>, rng: &mut Lcg) -> String {
    match (leaf % 5, pick) {
        (0, Some(best)) => best.to_string(),
        (0, None) => (rng.below(10) < 8).to_string(),
        (4, Some(true)) => "0".into(),
        (4, Some(false)) => "4".into(),
        (4, None) => rng.below(4).to_string(),
        (_, Some(true)) => "\"100%\"".into(),
        (_, Some(false)) => "\"0%\"".into(),
        (_, None) => format!("\"{}%\"", 50 + rng.below(51)),
    }
}

/// Evidence for [`deep_set`]: random values, or (`plan`) every tenth leaf at its worst and the
/// others at their best, so that the unit stands at exactly 90%.
fn deep_evidence(n: usize, criteria: &str, shift: usize, seed: u64, plan: bool) -> String {
    let per = n / 200;
    let mut rng = Lcg(seed);
    let mut e = format!("parindex: 1\nkind: evidence\ncriteria: {criteria}\nunit: \"UBND tỉnh giả định\"\nperiod: \"{seed}\"\nvalues:\n");
    let mut count = 0;
    for s in 1..=20 {
        for k in 1..=10 {
            for l in 1 + shift..=per + shift {
                let pick = plan.then_some(count % 10 != 0);
                count += 1;
                writeln!(e, "  \"{s}.{k}.{l}\": {}", scale_value(l, pick, &mut rng)).unwrap();
            }
        }
    }
    e
}

/// A wide set: `n` leaves under one section, and evidence for it.
fn wide(n: usize) -> (String, String) {
    let mut c = format!("parindex: 1\nkind: criteria\nid: bench-wide-{n}\ntitle: \"{n} tiêu chí ngang hàng (benchmark)\"\nsections:\n  - code: \"1\"\n    title: \"Lĩnh vực duy nhất\"\n    max: {n}\n    items:\n");
    let mut e = "parindex: 1\nkind: evidence\ncriteria: wide-set.yaml\nunit: \"UBND tỉnh giả định\"\nperiod: \"2025\"\nvalues:\n".to_string();
    let mut rng = Lcg(7);
    for l in 1..=n {
        writeln!(
            c,
            "      - {{ code: \"1.{l}\", title: \"Tiêu chí 1.{l}\", max: 1, rule: {} }}",
            scale_rule(l)
        )
        .unwrap();
        writeln!(e, "  \"1.{l}\": {}", scale_value(l, None, &mut rng)).unwrap();
    }
    (c, e)
}

/// The files of the scale checks at size `n`, in `dir/n` (generated once).
fn generate_scale(dir: &Path, n: usize) -> PathBuf {
    let d = dir.join(n.to_string());
    let marker = d.join(".complete-v1");
    if marker.exists() {
        return d;
    }
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    let write = |name: &str, text: String| std::fs::write(d.join(name), text).unwrap();
    write("old-set.yaml", deep_set(n, &format!("bench-old-{n}"), 0));
    write("new-set.yaml", deep_set(n, &format!("bench-new-{n}"), 1));
    write("old.yaml", deep_evidence(n, "old-set.yaml", 0, 2024, false));
    write("new.yaml", deep_evidence(n, "new-set.yaml", 1, 2025, false));
    write("plan.yaml", deep_evidence(n, "old-set.yaml", 0, 2025, true));
    let (set, evidence) = wide(n);
    write("wide-set.yaml", set);
    write("wide.yaml", evidence);
    std::fs::write(marker, "").unwrap();
    d
}

/// Each scale check at `n` and `2n` criteria, with the ratio of the two times.
fn bench_scale(dir: &Path, n: usize, bin: &str) {
    let t = Instant::now();
    let small = generate_scale(dir, n);
    let large = generate_scale(dir, 2 * n);
    println!(
        "\nscale checks at {n} and {} criteria ({:.1}s to prepare), least of 3 runs; the ratio is about 2 where the cost grows linearly (processor time is the steadier figure on a busy machine)",
        2 * n,
        t.elapsed().as_secs_f64()
    );
    let checks: [(&str, &[&str]); 4] = [
        (
            "whatif --target 92 (2% of the leaves to improve)",
            &["whatif", "plan.yaml", "--target", "92"],
        ),
        (
            "diff of two years, each with its own set",
            &["diff", "old.yaml", "new.yaml"],
        ),
        (
            "score of a wide set (siblings under one section)",
            &["score", "wide.yaml"],
        ),
        ("check of the wide set alone", &["check", "wide-set.yaml"]),
    ];
    for (label, args) in checks {
        let at = |d: &Path| {
            let args: Vec<String> = args
                .iter()
                .map(|a| {
                    if a.ends_with(".yaml") {
                        d.join(a).display().to_string()
                    } else {
                        a.to_string()
                    }
                })
                .collect();
            let args: Vec<&str> = args.iter().map(String::as_str).collect();
            timed(bin, &args, 3, d)
        };
        let ((wall_a, cpu_a), (wall_b, cpu_b)) = (at(&small), at(&large));
        println!("  {label}");
        println!(
            "    wall {n}: {wall_a:.3} s, {}: {wall_b:.3} s, ratio {:.2}   processor time {n}: {cpu_a:.3} s, {}: {cpu_b:.3} s, ratio {:.2}",
            2 * n,
            wall_b / wall_a,
            2 * n,
            cpu_b / cpu_a
        );
    }
}

fn main() {
    let files: usize = std::env::var("PARINDEX_BENCH_FILES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(10_000);
    let dir = PathBuf::from(
        std::env::var("PARINDEX_BENCH_DIR").unwrap_or_else(|_| "target/bench-data".into()),
    );
    let scale: usize = std::env::var("PARINDEX_BENCH_SCALE")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(20_000);
    let skip_scale = std::env::var_os("PARINDEX_BENCH_SKIP_SCALE").is_some_and(|v| v != "0");
    let bin = env!("CARGO_BIN_EXE_parindex");
    let by = PeakBy::detect();

    bench_rank(
        "A (scalar values)",
        &dir.join("scalar"),
        files,
        Form::Scalar,
        bin,
        by,
    );
    bench_rank(
        "B (every value as { value, appraised, reason })",
        &dir.join("map"),
        files,
        Form::Map,
        bin,
        by,
    );

    if skip_scale {
        println!("\nscale checks skipped (PARINDEX_BENCH_SKIP_SCALE)");
    } else {
        bench_scale(&dir.join("scale"), scale.max(200), bin);
    }

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
        "\nscore examples/krong-no-2022.yaml: {:.2} ms wall, median of 30 (target < 5 ms)",
        single * 1000.0
    );
}
