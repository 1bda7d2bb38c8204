//! What each stage of `rank` costs, one thread: `cargo bench --bench stages`.
//!
//! On the workload `cargo bench --bench rank` generates (run it first), each stage is timed on
//! its own over every file, on the results of the stage before it kept in memory:
//! - read: the files' bytes into text;
//! - floor: the text parsed into generic YAML values by `serde_yaml` (the bench's floor);
//! - events: saphyr-parser's event stream alone, each event dropped (the parser's own share);
//! - parse: the text read into parindex's document tree (saphyr-parser's events);
//! - bind: the tree bound to the criteria set, every value read and checked;
//! - score: the evidence scored, each leaf's details kept (`score`, `explain`);
//! - tally: the evidence scored for a league table, figures only (what `rank` does);
//! - standing: the league-table line made from the card (quotients for ranking included).

use parindex::load::{parse_evidence, CriteriaResolver, Source};
use parindex::model::Stage;
use parindex::rank::Standing;
use std::path::PathBuf;
use std::time::Instant;

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    let dir = PathBuf::from(
        std::env::var("PARINDEX_BENCH_DIR").unwrap_or_else(|_| "target/bench-data".into()),
    )
    .join("scalar/evidence");
    let Ok(list) = std::fs::read_dir(&dir) else {
        eprintln!(
            "no workload in {}: run `cargo bench --bench rank` first",
            dir.display()
        );
        return;
    };
    let mut paths: Vec<PathBuf> = list.map(|e| e.unwrap().path()).collect();
    paths.sort();
    let resolver = CriteriaResolver::new();
    let base = dir.as_path();
    let best = |f: &dyn Fn()| {
        (0..3)
            .map(|_| {
                let t = Instant::now();
                f();
                t.elapsed().as_secs_f64()
            })
            .fold(f64::MAX, f64::min)
    };
    let read = best(&|| {
        for p in &paths {
            std::hint::black_box(std::fs::read_to_string(p).unwrap());
        }
    });
    let floor = best(&|| {
        for p in &paths {
            let text = std::fs::read_to_string(p).unwrap();
            let v: serde_yaml::Value = serde_yaml::from_str(&text).unwrap();
            std::hint::black_box(v);
        }
    });
    // Each later stage on the results of the one before, kept in memory, so that it is timed
    // alone.
    let sources = || -> Vec<Source> { paths.iter().map(|p| Source::read(p).unwrap()).collect() };
    let events = (0..3)
        .map(|_| {
            let all = sources();
            let t = Instant::now();
            for s in &all {
                let mut parser = saphyr_parser::Parser::new_from_str(&s.text);
                while let Some(e) = parser.next_event() {
                    std::hint::black_box(e.unwrap());
                }
            }
            t.elapsed().as_secs_f64()
        })
        .fold(f64::MAX, f64::min);
    let parse = (0..3)
        .map(|_| {
            let all = sources();
            let t = Instant::now();
            for s in &all {
                std::hint::black_box(s.document().unwrap());
            }
            t.elapsed().as_secs_f64()
        })
        .fold(f64::MAX, f64::min);
    let parsed = sources();
    for s in &parsed {
        s.document().unwrap();
    }
    if std::env::var_os("PARINDEX_PROFILE_BIND").is_some() {
        for _ in 0..20 {
            for s in &parsed {
                std::hint::black_box(parse_evidence(s, base, &resolver).unwrap());
            }
        }
        return;
    }
    let mut bound = Vec::new();
    let bind = best(&|| {
        for s in &parsed {
            std::hint::black_box(parse_evidence(s, base, &resolver).unwrap());
        }
    });
    for s in &parsed {
        bound.push(parse_evidence(s, base, &resolver).unwrap());
    }
    if std::env::var_os("PARINDEX_PROFILE_SCORE").is_some()
        || std::env::var_os("PARINDEX_PROFILE_TALLY").is_some()
    {
        // For a profiler: scoring alone, many times over.
        for _ in 0..20 {
            for (e, set, _) in &bound {
                if std::env::var_os("PARINDEX_PROFILE_TALLY").is_some() {
                    std::hint::black_box(parindex::score::tally(set, e, Stage::Final).unwrap());
                } else {
                    std::hint::black_box(parindex::score::score(set, e, Stage::Final).unwrap());
                }
            }
        }
        return;
    }
    let score = best(&|| {
        for (e, set, _) in &bound {
            std::hint::black_box(parindex::score::score(set, e, Stage::Final).unwrap());
        }
    });
    let tally = best(&|| {
        for (e, set, _) in &bound {
            std::hint::black_box(parindex::score::tally(set, e, Stage::Final).unwrap());
        }
    });
    let cards: Vec<_> = bound
        .iter()
        .map(|(e, set, _)| parindex::score::score(set, e, Stage::Final).unwrap())
        .collect();
    let standing = best(&|| {
        for (card, s) in cards.iter().zip(&parsed) {
            std::hint::black_box(Standing::from_card(card, &s.name));
        }
    });
    println!(
        "{} files, one thread, best of 3, each stage alone:",
        paths.len()
    );
    let line = |name: &str, t: f64| {
        println!(
            "  {name:<9} {:7.1} ms  {:5.2}x the floor",
            t * 1e3,
            t / floor
        )
    };
    line("floor", floor);
    line("read", read);
    line("events", events);
    line("parse", parse);
    line("bind", bind);
    line("score", score);
    line("tally", tally);
    line("standing", standing);
    line("all", read + parse + bind + tally + standing);
}
