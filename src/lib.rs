//! parindex: exact, explainable scorecards for Vietnam's Public Administration Reform index
//! (Chỉ số cải cách hành chính).
//!
//! The library holds the domain model ([`model`]), loading and validation of criteria sets
//! and evidence files ([`load`]), the rules ([`rule`]: per rule kind its value check, score
//! with derivation, inverse and description), the scoring engine ([`score`]), the one way
//! from an evidence file to a scored card with its diagnostics ([`pipeline`]), importing a
//! published criteria table saved as CSV ([`import`], which the engine never uses), the reports
//! built on scorecards ([`losses`], [`rank`], [`compare`], [`explain`], [`whatif`],
//! [`check`], [`report`]), rendering ([`render`]) and diagnostics ([`diag`]); the `parindex`
//! binary is a thin command-line layer over it.
//!
//! Imports point down only:
//!
//! ```text
//! decimal, diag                 leaves
//! model     → decimal
//! rule      → model, decimal, diag
//! score     → model, rule, decimal                 (the engine: neither parser nor printer)
//! load      → model, rule, decimal, diag, embedded
//! pipeline  → load, score                          (path → scored card, diagnostics placed)
//! reports   → pipeline, score, rule, model         (losses, explain, whatif, rounds, template: no load;
//!                                                   check, rank, compare also read files)
//! i18n      → model, score, compare, decimal       (the catalogue: words for people, both languages)
//! render    → reports, score, model, i18n          (report/ renders its own view model too)
//! import    → model, decimal, diag                 (a table → criteria YAML)
//! cmd       → everything (the binary; anyhow only there)
//! ```

pub mod check;
pub mod compare;
pub mod decimal;
pub mod diag;
pub mod embedded;
pub mod explain;
pub mod i18n;
pub mod import;
pub mod load;
pub mod losses;
pub mod model;
pub mod output;
pub mod pipeline;
pub mod rank;
pub mod render;
pub mod report;
pub mod rounds;
pub mod rule;
pub mod score;
pub mod template;
pub mod whatif;

/// The version stamped into JSON results.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// The JSON Schema (draft-07) of both file kinds, for editors (`parindex schema`).
pub const SCHEMA: &str = include_str!("schema.json");
