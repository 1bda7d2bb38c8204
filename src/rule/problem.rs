//! Why a value cannot be used. Both the loader (reading a value's text) and the rules
//! (checking a value against the kind its rule takes) report these, so they live here, below
//! both: `load` → `rule`, never the other way.

use crate::diag::{self, Check, Message};
use crate::i18n::diag as say;

/// Why a value cannot be used: the check, the message and a help text, in both languages.
/// The texts are boxed: every value read returns this as its error, and a small `Result`
/// keeps the common path (a value that reads) cheap.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValueProblem {
    pub check: Check,
    pub message: Box<Message>,
    pub help: Option<Box<Message>>,
}

impl ValueProblem {
    pub fn new(check: Check, message: impl Into<Message>, help: Option<Message>) -> ValueProblem {
        ValueProblem {
            check,
            message: Box::new(message.into()),
            help: help.map(Box::new),
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
        say::not_a_whole_count(s),
        Some(say::thousands_separator(&joined)),
    )
}
