//! The self-assessment form: an evidence file ready to fill in, generated from a criteria set.

use crate::i18n::{rule as rule_words, template as words, Lang};
use crate::load::yaml::quote;
use crate::model::{CriteriaSet, IfNa, SectionKind};
use std::fmt::Write;
use std::path::{Component, Path, PathBuf};

/// An evidence file for `set` with every leaf in order, each with a comment giving its title,
/// max, rule and accepted spelling, and an empty value. `criteria_ref` is what its
/// `criteria:` names (an embedded id, or a path relative to where the form will live). The
/// comments are in `lang`; the keys are the file format's.
pub fn template(set: &CriteriaSet, criteria_ref: &str, lang: Lang) -> String {
    form(set, criteria_ref, None, lang)
}

/// What a form sent to one unit has filled in before the unit sees it.
#[derive(Debug, Clone, Copy, Default)]
pub struct FormFields<'a> {
    pub unit: &'a str,
    pub period: &'a str,
}

/// [`template`], with the unit's name and the period filled in when `fields` are given (a form
/// sent to a unit on a units file); such a form also names the criteria set's SHA-256, so that
/// a form returned against a changed text can be told apart.
pub fn form(
    set: &CriteriaSet,
    criteria_ref: &str,
    fields: Option<FormFields>,
    lang: Lang,
) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{}", words::title(lang, &set.title, &set.id));
    if fields.is_some() {
        let _ = writeln!(out, "{}", words::set_sha256(lang, &set.sha256));
    }
    out.push_str(lang.t(words::HOW_TO_FILL));
    out.push_str("parindex: 1\nkind: evidence\n");
    let _ = writeln!(out, "criteria: {}", quote(criteria_ref));
    let (unit, period) = fields.map_or(("", ""), |f| (f.unit, f.period));
    let _ = writeln!(out, "unit: {}", quote(unit));
    let _ = writeln!(out, "period: {}", quote(period));
    out.push_str("values:\n");
    for (i, node) in set.nodes.iter().enumerate() {
        let indent = "  ";
        match &node.rule {
            None => {
                if node.depth == 0 && i > 0 {
                    out.push('\n');
                }
                // A bonus or penalty section says what its points do to the total.
                let kind = if node.depth > 0 {
                    SectionKind::Scored
                } else {
                    node.kind
                };
                let _ = writeln!(
                    out,
                    "{indent}# {} {} {}",
                    node.code,
                    node.title,
                    words::max_note(
                        lang,
                        &lang.figure(node.max),
                        node.max == rust_decimal::Decimal::ONE,
                        kind
                    )
                );
            }
            Some(rule) => {
                let _ = writeln!(out, "{indent}# {} {}", node.code, node.title);
                let na = match node.if_na {
                    IfNa::Full => lang.t(words::NA_FULL),
                    IfNa::Exclude => lang.t(words::NA_EXCLUDE),
                    IfNa::Forbid => "",
                };
                let _ = writeln!(
                    out,
                    "{indent}#   {}",
                    words::how_to_write(
                        lang,
                        &rule_words::describe(lang, rule, node.max),
                        rule_words::form_spelling(lang, rule),
                        na
                    )
                );
                let _ = writeln!(out, "{indent}\"{}\":", node.code);
            }
        }
    }
    out
}

/// `target` written relative to the folder `from` (both made absolute first), so that an
/// evidence form written elsewhere still finds its criteria file.
pub fn relative_path(target: &Path, from: &Path) -> PathBuf {
    let abs = |p: &Path| {
        p.canonicalize().unwrap_or_else(|_| {
            std::env::current_dir()
                .map(|d| d.join(p))
                .unwrap_or_else(|_| p.to_path_buf())
        })
    };
    let (target, from) = (abs(target), abs(from));
    let t: Vec<Component> = target.components().collect();
    let f: Vec<Component> = from.components().collect();
    let common = t.iter().zip(&f).take_while(|(a, b)| a == b).count();
    let mut out = PathBuf::new();
    for _ in common..f.len() {
        out.push("..");
    }
    for c in &t[common..] {
        out.push(c.as_os_str());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_paths_climb_to_the_common_folder() {
        let dir = tempfile::tempdir().unwrap();
        let criteria = dir.path().join("criteria/set.yaml");
        std::fs::create_dir_all(criteria.parent().unwrap()).unwrap();
        std::fs::write(&criteria, "").unwrap();
        let forms = dir.path().join("evidence/2025");
        std::fs::create_dir_all(&forms).unwrap();
        assert_eq!(
            relative_path(&criteria, &forms),
            PathBuf::from("../../criteria/set.yaml")
        );
        assert_eq!(
            relative_path(&criteria, criteria.parent().unwrap()),
            PathBuf::from("set.yaml")
        );
    }
}
