//! parindex: exact, explainable scorecards for Vietnam's Public Administration Reform index
//! (Chỉ số cải cách hành chính).
//!
//! The library holds the domain model ([`model`]), loading and validation of criteria sets
//! and evidence files ([`load`]), the rules ([`rule`]: per rule kind its value check, score
//! with derivation, inverse and description), the scoring engine ([`score`]), the one way
//! from an evidence file to a scored card with its diagnostics ([`pipeline`]), importing a
//! published criteria table saved as CSV ([`import`], which the engine never uses), the reports
//! built on scorecards ([`losses`], [`rank`], [`compare`], [`explain`], [`whatif`],
//! [`check`], [`report`], and [`remediation`] with the unit's [`plan`]), a province's round of
//! forms ([`units`], [`unit_forms`], [`collect`]), rendering ([`render`]) and diagnostics
//! ([`diag`]); the `parindex` binary is a thin command-line layer over it.
//!
//! Imports point down only:
//!
//! ```text
//! decimal, diag                 leaves
//! model     → decimal
//! plan      → decimal                              (a remediation plan: the unit's statements)
//! rule      → model, decimal, diag
//! score     → model, rule, decimal                 (the engine: neither parser nor printer)
//! form      → model, i18n, diag                    (the Excel form: layout, reader; the writer
//!                                                   also takes render::xlsx's creation date)
//! load      → model, plan, rule, decimal, diag, embedded, form   (an .xlsx form read as evidence)
//! pipeline  → load, score                          (path → scored card, diagnostics placed)
//! reports   → pipeline, score, rule, model         (losses, explain, whatif, rounds, template: no load;
//!                                                   check, rank, compare also read files)
//! i18n      → model, score, compare, decimal       (the catalogue: words for people, both languages)
//! render    → reports, score, model, i18n          (report/ and remediation/ render their own
//!                                                   view models too; render/docx lays out the
//!                                                   Word documents)
//! import    → model, decimal, diag, load::yaml      (a table → criteria YAML; YAML text quoted as the
//!                                                   loader reads it back)
//! units     → load (Source), diag, i18n            (the units file: names, groups, form names)
//! forms     → template, units, output              (a form per unit, all or nothing)
//! collect   → units, rank, check                   (returned forms matched to the list;
//!                                                   one league per group)
//! cmd       → everything (the binary; anyhow only there)
//! ```

pub mod check;
pub mod collect;
pub mod compare;
pub mod decimal;
pub mod diag;
pub mod embedded;
pub mod explain;
pub mod form;
pub mod i18n;
pub mod import;
pub mod load;
pub mod losses;
pub mod model;
pub mod output;
pub mod pipeline;
pub mod plan;
pub mod rank;
pub mod remediation;
pub mod render;
pub mod report;
pub mod rounds;
pub mod rule;
pub mod score;
pub mod template;
pub mod unit_forms;
pub mod units;
pub mod whatif;

/// The version stamped into JSON results.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// The JSON Schema (draft-07) of both file kinds, for editors (`parindex schema`).
pub const SCHEMA: &str = include_str!("schema.json");
