//! Planning at scale: `cargo bench --bench whatif`.
//!
//! Generates criteria sets of 20,000 and 40,000 leaves (every rule kind, all of max 1) with an
//! evidence file that falls well short, then times `parindex whatif --target 95` (the release
//! binary; median of 3 runs) on each, in wall time and in CPU time (user + system, from GNU
//! time: on a shared machine the wall time says more about the neighbours). The plan improves
//! most leaves, so a planner that rescored the whole card per step would be quadratic: the
//! ratio of the CPU times shows the growth (about 2 for linear, 4 for quadratic).
//!
//! Environment: `PARINDEX_BENCH_LEAVES` (default `20000,40000`) and `PARINDEX_BENCH_DIR`
//! (default `target/bench-data-whatif`; each workload is generated once and reused).

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

const RULES: [(&str, &str); 6] = [
    ("yes-no", "false"),
    ("ratio", "\"37/91\""),
    (
        "{ ratio: { zero_below: \"20%\", full_at: \"80%\" } }",
        "\"45%\"",
    ),
    (
        "{ tiers: [ { at_least: \"90%\", points: 1 }, { at_least: \"50%\", points: 0.5 } ] }",
        "\"60%\"",
    ),
    ("{ deduct: { per: 0.25 } }", "3"),
    ("points", "0.3"),
];

/// A set of `leaves` leaves in sections of 100, and its evidence; returns the evidence path.
fn generate(dir: &Path, leaves: usize) -> PathBuf {
    let dir = dir.join(format!("leaves-{leaves}"));
    let evidence = dir.join("evidence.yaml");
    if evidence.exists() {
        return evidence;
    }
    std::fs::create_dir_all(&dir).unwrap();
    let mut c = format!("parindex: 1\nkind: criteria\nid: bench-{leaves}\ntitle: bench\ngrades: [ {{ label: A, min: 90 }}, {{ label: B, min: 0 }} ]\nsections:\n");
    let mut e = String::from(
        "parindex: 1\nkind: evidence\ncriteria: ./criteria.yaml\nunit: u\nperiod: \"2025\"\nvalues:\n",
    );
    let mut k = 0;
    for s in 1..=leaves.div_ceil(100) {
        let n = 100.min(leaves - k);
        writeln!(c, "  - {{ code: \"{s}\", title: s, max: {n}, items: [").unwrap();
        for j in 1..=n {
            let (rule, value) = RULES[k % RULES.len()];
            writeln!(
                c,
                "      {{ code: \"{s}.{j}\", title: t, max: 1, rule: {rule} }},"
            )
            .unwrap();
            writeln!(e, "  \"{s}.{j}\": {value}").unwrap();
            k += 1;
        }
        c.push_str("    ] }\n");
    }
    std::fs::write(dir.join("criteria.yaml"), c).unwrap();
    std::fs::write(&evidence, e).unwrap();
    evidence
}

fn main() {
    let sizes: Vec<usize> = std::env::var("PARINDEX_BENCH_LEAVES")
        .unwrap_or_else(|_| "20000,40000".into())
        .split(',')
        .map(|s| s.trim().parse().expect("a number of leaves"))
        .collect();
    let dir = PathBuf::from(
        std::env::var("PARINDEX_BENCH_DIR").unwrap_or_else(|_| "target/bench-data-whatif".into()),
    );
    let bin = env!("CARGO_BIN_EXE_parindex");
    let mut previous: Option<(usize, f64)> = None;
    for leaves in sizes {
        let evidence = generate(&dir, leaves);
        let runs: Vec<(f64, f64)> = (0..3)
            .map(|_| {
                let t = Instant::now();
                let out = Command::new("/usr/bin/time")
                    .args(["-f", "%U %S"])
                    .arg(bin)
                    .args(["whatif", "--target", "95"])
                    .arg(&evidence)
                    .stdout(Stdio::null())
                    .stderr(Stdio::piped())
                    .output()
                    .expect("GNU time at /usr/bin/time (Debian package `time`)");
                let wall = t.elapsed().as_secs_f64();
                assert!(out.status.success(), "whatif failed on {leaves} leaves");
                let stderr = String::from_utf8_lossy(&out.stderr);
                let cpu: f64 = stderr
                    .lines()
                    .last()
                    .unwrap_or("")
                    .split_whitespace()
                    .map(|f| f.parse::<f64>().unwrap_or(0.0))
                    .sum();
                (wall, cpu)
            })
            .collect();
        let median = |mut v: Vec<f64>| {
            v.sort_by(|a, b| a.partial_cmp(b).unwrap());
            v[v.len() / 2]
        };
        let wall = median(runs.iter().map(|r| r.0).collect());
        let cpu = median(runs.iter().map(|r| r.1).collect());
        match previous {
            Some((n, t)) => println!(
                "whatif --target on {leaves} leaves: {wall:.2} s wall, {cpu:.2} s CPU (×{:.2} the CPU time for ×{:.2} the leaves)",
                cpu / t,
                leaves as f64 / n as f64
            ),
            None => println!("whatif --target on {leaves} leaves: {wall:.2} s wall, {cpu:.2} s CPU"),
        }
        previous = Some((leaves, cpu));
    }
}
