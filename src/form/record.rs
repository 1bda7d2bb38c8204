//! The evidence file a form stands for, written as YAML: what `parindex convert` keeps in git.

use crate::load::yaml::quote;
use crate::model::{CriteriaSet, Evidence, Value};
use std::fmt::Write;

/// A value as an evidence file writes it: `true`, `"97.29%"`, `"21/32"`, `12`, `"n/a"`.
fn scalar(v: &Value) -> String {
    match v {
        Value::Boolean(b) => b.to_string(),
        Value::Number(n) => n.to_string(),
        other => quote(&other.show()),
    }
}

/// `evidence` (bound to `set`) as an evidence file naming its set by `criteria_ref`: a leaf
/// with a value alone on one line, one with the appraisal's rounds as a mapping.
pub fn evidence_yaml(set: &CriteriaSet, evidence: &Evidence, criteria_ref: &str) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "# {} ({}): {}",
        set.title,
        set.id,
        crate::i18n::form::SHEET_FORM.vi
    );
    out.push_str("parindex: 1\nkind: evidence\n");
    let _ = writeln!(out, "criteria: {}", quote(criteria_ref));
    let _ = writeln!(out, "unit: {}", quote(&evidence.unit));
    let _ = writeln!(out, "period: {}", quote(&evidence.period));
    let mut any = false;
    for (i, entry) in evidence.entries.iter().enumerate() {
        let Some(e) = entry else { continue };
        if !any {
            out.push_str("values:\n");
            any = true;
        }
        let code = quote(&set.nodes[i].code);
        let plain = e.appraised.is_none()
            && e.reason.is_none()
            && e.note.is_none()
            && e.docs.is_empty()
            && e.second.is_none();
        match (&e.value, plain) {
            (Some(v), true) => {
                let _ = writeln!(out, "  {code}: {}", scalar(v));
                continue;
            }
            _ => {
                let _ = writeln!(out, "  {code}:");
            }
        }
        let mut field = |key: &str, text: Option<String>| {
            if let Some(t) = text {
                let _ = writeln!(out, "    {key}: {t}");
            }
        };
        field("value", e.value.as_ref().map(scalar));
        field("appraised", e.appraised.as_ref().map(scalar));
        field("reason", e.reason.as_deref().map(quote));
        field("explanation", e.explanation().map(quote));
        field("reappraised", e.reappraised().map(scalar));
        field("reappraisal_reason", e.reappraisal_reason().map(quote));
        field("note", e.note.as_deref().map(quote));
        if !e.docs.is_empty() {
            out.push_str("    docs:\n");
            for d in &e.docs {
                let _ = writeln!(out, "      - {}", quote(d));
            }
        }
    }
    if !any {
        out.push_str("values: {}\n");
    }
    out
}
