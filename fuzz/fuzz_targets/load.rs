//! Fuzz target: any bytes, read as a criteria set and as an evidence file (bound to a small
//! valid set), and scored when they load. Loading must never panic, hang or take memory out of
//! proportion to the input, whatever the input.
#![no_main]

use libfuzzer_sys::fuzz_target;
use parindex::load::{parse_criteria, parse_evidence, CriteriaResolver, Source};
use parindex::model::Stage;
use std::path::Path;
use std::sync::OnceLock;

const SMALL: &str = include_str!("../../tests/fixtures/small-criteria.yaml");

fn resolver() -> &'static CriteriaResolver {
    static R: OnceLock<CriteriaResolver> = OnceLock::new();
    R.get_or_init(|| {
        let (set, _) = parse_criteria(&Source::from_text("small".into(), SMALL.into())).unwrap();
        CriteriaResolver::forced(set)
    })
}

fuzz_target!(|data: &[u8]| {
    let Ok(source) = Source::from_bytes("fuzz.yaml".into(), data.to_vec()) else {
        return;
    };
    if let Ok((set, _)) = parse_criteria(&source) {
        // Render every diagnostic-free set's figures too: sums must not panic.
        let _ = set.sections().count();
    }
    if let Ok((evidence, set, _)) = parse_evidence(&source, Path::new("."), resolver()) {
        let _ = parindex::score::score(&set, &evidence, Stage::Final);
        let _ = parindex::score::score(&set, &evidence, Stage::SelfAssessment);
        let _ = parindex::score::score(&set, &evidence, Stage::Appraised);
    }
    // Diagnostics are placed through the document tree: exercise the lookup on every input.
    let _ = source.raw(&[parindex::load::yaml::key("kind")]);
    let _ = parindex::load::file_kind(&source);
});
