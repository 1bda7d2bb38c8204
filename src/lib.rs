//! parindex: exact, explainable scorecards for Vietnam's Public Administration Reform index
//! (Chỉ số cải cách hành chính).
//!
//! The library holds the domain model ([`model`]), loading and validation of criteria sets
//! and evidence files ([`load`]), the rules ([`rule`]: per rule kind its value check, score
//! with derivation, inverse and description), the scoring engine ([`score`]), rendering
//! ([`render`]) and diagnostics ([`diag`]); importing a published criteria table saved as CSV
//! ([`import`], which the engine never uses); the `parindex` binary is a thin command-line
//! layer over it.

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
pub mod rank;
pub mod render;
pub mod report;
pub mod rule;
pub mod score;
pub mod template;
pub mod whatif;

/// The version stamped into JSON results.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// The JSON Schema (draft-07) of both file kinds, for editors (`parindex schema`).
pub const SCHEMA: &str = include_str!("schema.json");
