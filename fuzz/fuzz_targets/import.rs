//! Fuzz target: any bytes, imported as a criteria table (`parindex criteria import`). The
//! import must never panic, and whatever it writes must read back as YAML.
#![no_main]

use libfuzzer_sys::fuzz_target;
use parindex::import::{import, Options};
use parindex::load::Source;
use std::path::Path;

fuzz_target!(|data: &[u8]| {
    let Ok(source) = Source::from_bytes("fuzz.csv".into(), data.to_vec()) else {
        return;
    };
    if let Ok(imported) = import(&source, Options::from_path(Path::new("fuzz-2025.csv"))) {
        let yaml = imported.to_yaml();
        let _ = imported.summary();
        let back = Source::from_text("fuzz.yaml".into(), yaml);
        assert!(back.document().is_ok(), "the written YAML does not read back");
    }
});
