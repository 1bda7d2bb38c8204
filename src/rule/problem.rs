//! Why a value cannot be used. Both the loader (reading a value's text) and the rules
//! (checking a value against the kind its rule takes) report these, so they live here, below
//! both: `load` → `rule`, never the other way.

use crate::diag::{self, Check};

/// Why a value cannot be used: the check, the message and a help text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValueProblem {
    pub check: Check,
    pub message: String,
    pub help: Option<String>,
}

impl ValueProblem {
    pub fn new(check: Check, message: impl Into<String>, help: Option<String>) -> ValueProblem {
        ValueProblem {
            check,
            message: message.into(),
            help,
        }
    }
}

/// `12.698` or `1.234.567`: digits grouped in threes by dots, as Vietnamese writes thousands.
pub(crate) fn looks_like_thousands(s: &str) -> bool {
    let mut groups = s.split('.');
    let first = groups.next().unwrap_or("");
    let rest: Vec<&str> = groups.collect();
    !rest.is_empty()
        && (1..=3).contains(&first.len())
        && first.bytes().all(|b| b.is_ascii_digit())
        && rest
            .iter()
            .all(|g| g.len() == 3 && g.bytes().all(|b| b.is_ascii_digit()))
        && (rest.len() > 1 || s.len() > 1)
}

/// The problem of a count written with Vietnamese thousands separators (`12.698`).
pub(crate) fn thousands(s: &str) -> ValueProblem {
    let joined = s.replace('.', "");
    ValueProblem::new(
        diag::NOT_A_COUNT,
        format!("`{s}` is not a whole count"),
        Some(format!(
            "if `.` is a thousands separator (Vietnamese style), write {joined}"
        )),
    )
}
