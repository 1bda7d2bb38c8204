//! `check`: every problem in every criteria set and evidence file under the given paths.
//!
//! Criteria sets are loaded first, so that evidence naming a set by id is checked against the
//! copy being checked rather than the embedded one. Evidence is then bound, scored and its
//! `expect:` figures verified, through [`crate::pipeline`] as every command does.

use crate::diag::{self, Diagnostic, Diagnostics, Severity};
use crate::i18n::{diag as say, Lang};
use crate::load::yaml::key;
use crate::load::FileKind;
use crate::load::{parse_criteria, CriteriaResolver, Source};
use crate::model::{CriteriaSet, Stage};
use crate::pipeline::score_source;
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// What a check found.
#[derive(Debug, Default)]
pub struct CheckReport {
    /// In file order, each file's diagnostics in the order found.
    pub diagnostics: Vec<Diagnostic>,
    /// Files checked.
    pub files: usize,
    /// YAML files found in folders that are not parindex files (no `parindex:` key).
    pub skipped: Vec<PathBuf>,
    /// Each evidence file that names its unit: what `check --units` matches to the list.
    pub forms: Vec<ReturnedForm>,
}

/// An evidence file as a form returned by its unit.
#[derive(Debug, Clone)]
pub struct ReturnedForm {
    pub file: String,
    /// Its `unit:` as written.
    pub unit: String,
    /// A diagnostic placed at its `unit:`, for what is found about the unit.
    pub unit_at: Diagnostic,
    /// The criteria set it was scored against, `(id, SHA-256)`; `None` when it did not score.
    pub set: Option<(String, String)>,
    /// Placed at its `criteria:` (the form's cell), for a set other than its group's.
    pub criteria_at: Diagnostic,
    /// Its period as scored, trimmed; `None` when it did not score (its own errors say why,
    /// `period:` missing or not a period among them).
    pub period: Option<String>,
    /// Placed at its `period:` (or the file, when it has none).
    pub period_at: Diagnostic,
}

impl CheckReport {
    /// Problems of a severity found, shown or not (a W015 counts those a file did not show).
    pub fn count(&self, severity: Severity) -> usize {
        let shown = self
            .diagnostics
            .iter()
            .filter(|d| d.severity == severity)
            .count();
        let not_shown: usize = self
            .diagnostics
            .iter()
            .map(|d| match severity {
                Severity::Error => d.not_shown.0,
                Severity::Warning => d.not_shown.1,
            })
            .sum();
        shown + not_shown
    }

    /// "2 errors, 1 warning in 12 files" (in `lang`), with the YAML files and the workbooks
    /// that are not parindex's counted apart.
    pub fn summary(&self, lang: Lang) -> String {
        let (e, w) = (self.count(Severity::Error), self.count(Severity::Warning));
        let books = self
            .skipped
            .iter()
            .filter(|p| crate::load::is_xlsx(p))
            .count();
        let yaml = self.skipped.len() - books;
        let mut s = crate::i18n::diag::check_summary(lang, e, w, self.files, yaml);
        if books > 0 {
            s.push_str(&crate::i18n::units::workbooks_skipped(lang, books));
        }
        s
    }
}

/// Checks every criteria set and evidence file under `paths`.
pub fn check_paths(paths: &[PathBuf]) -> CheckReport {
    let mut report = CheckReport::default();
    // A file named twice (directly and through its folder) comes back once.
    let (files, unreadable) = crate::load::yaml_files(paths);
    report.diagnostics.extend(unreadable);
    let mut criteria: Vec<Source> = Vec::new();
    let mut evidence: Vec<(Source, PathBuf)> = Vec::new();
    let mut plans: Vec<(Source, PathBuf)> = Vec::new();
    for (path, explicit) in files {
        let read = if explicit {
            Source::read(&path).map(Some)
        } else {
            Source::read_found(&path)
        };
        let source = match read {
            Ok(Some(s)) => s,
            // A workbook beside the forms that is not one (a result workbook) is not ours.
            Ok(None) => {
                report.skipped.push(path);
                continue;
            }
            Err(d) => {
                report.files += 1;
                report.diagnostics.extend(d.0);
                continue;
            }
        };
        // The kind comes from the document itself: a file that does not parse is reported,
        // whatever its `kind:` line looks like.
        if let Err(d) = source.document() {
            report.files += 1;
            report.diagnostics.extend(d.0);
            continue;
        }
        match crate::load::file_kind(&source) {
            Ok(FileKind::Criteria) => criteria.push(source),
            Ok(FileKind::Evidence) => evidence.push((source, path)),
            Ok(FileKind::Remediation) => plans.push((source, path)),
            // Other YAML in a folder (a CI workflow, an editor's settings) is not ours.
            Err(_) if !explicit && !crate::load::is_parindex_file(&source) => {
                report.skipped.push(path)
            }
            Err(d) => {
                report.files += 1;
                report.diagnostics.extend(d.0);
            }
        }
    }
    let mut sets: Vec<Arc<CriteriaSet>> = Vec::new();
    let mut failed_sets: Vec<(&str, Diagnostics)> = Vec::new();
    let mut first_of_id: HashMap<String, String> = HashMap::new();
    for source in &criteria {
        report.files += 1;
        match parse_criteria(source) {
            Ok((set, warnings)) => {
                report.diagnostics.extend(warnings);
                if let Some(first) = first_of_id.get(&set.id) {
                    report.diagnostics.push(
                        source
                            .diag(
                                diag::DUPLICATE_ID,
                                &[key("id")],
                                say::id_used_twice(&set.id, first),
                            )
                            .help(say::OWN_SET_ID),
                    );
                    continue;
                }
                first_of_id.insert(set.id.clone(), source.name.clone());
                sets.push(Arc::new(set));
            }
            Err(d) => {
                report.diagnostics.extend(d.0.iter().cloned());
                failed_sets.push((&source.name, d));
            }
        }
    }
    let resolver = CriteriaResolver::with_local(sets);
    for (name, d) in &failed_sets {
        resolver.remember_failed(Path::new(name), d);
    }
    // A set's errors are told once, not again with each file that names it.
    let mut told: HashSet<diag::ToldKey> = report
        .diagnostics
        .iter()
        .map(Diagnostic::told_key)
        .collect();
    for (source, path) in evidence {
        report.files += 1;
        let base = path.parent().unwrap_or(Path::new("."));
        // Even a form that does not score was returned by its unit; one that names no unit is
        // matched to none on the list (E708), as `rank --units` finds.
        // `unit: ~` is no name (E009 says so): matched to none, as a blank name is, not as `~`.
        let returned = source.raw(&[key("unit")]);
        if let Some(unit) = returned {
            report.forms.push(ReturnedForm {
                file: source.name.clone(),
                unit: unit.to_string(),
                unit_at: source.diag(diag::UNKNOWN_UNIT, &[key("unit")], ""),
                set: None,
                criteria_at: source.diag(diag::GROUP_OTHER_SET, &[key("criteria")], ""),
                period: None,
                period_at: source.diag(diag::FORM_OTHER_PERIOD, &[key("period")], ""),
            });
        }
        let returned = returned.is_some();
        match score_source(source, base, &resolver, Stage::Final) {
            Ok(scored) => {
                if let Some(form) = report.forms.last_mut().filter(|_| returned) {
                    form.set = Some((scored.set.id.clone(), scored.set.sha256.clone()));
                    form.period = Some(scored.card.period.trim().to_string());
                }
                // Every stage pinned is verified (`expect: { stages: … }`), not only the final.
                let failures = scored.all_expectation_failures();
                report.diagnostics.extend(scored.warnings);
                match failures {
                    Ok(f) => report.diagnostics.extend(f),
                    Err(d) => report.diagnostics.extend(d.0),
                }
            }
            Err(d) => {
                for x in d.0 {
                    // A set's error met again through another file is told already.
                    if told.insert(x.told_key()) {
                        report.diagnostics.push(x);
                    }
                }
            }
        }
    }
    // Remediation plans last: their codes are checked against the sets loaded above, and
    // their lost criteria against the evidence they name.
    for (source, path) in plans {
        report.files += 1;
        report
            .diagnostics
            .extend(crate::remediation::check_plan(&source, &path, &resolver));
    }
    // A gate that checked nothing must not pass: a wrong folder, a typo, files not yet
    // committed. The paths are named so that the mistake is plain.
    if report.files == 0 && report.diagnostics.is_empty() {
        let shown: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
        report.diagnostics.push(
            Diagnostic::new(
                diag::NOTHING_TO_CHECK,
                &shown.join(", "),
                say::nothing_to_check(report.skipped.len()),
            )
            .help(say::NAME_THE_FILES),
        );
    }
    // A broken criteria set named by several evidence files is reported once. The criterion
    // is part of what is said: two criteria that lost the same points are two warnings (W501
    // is placed at `remedies:` for both), and so is the help that tells them apart.
    let mut seen = std::collections::HashSet::new();
    report.diagnostics.retain(|d| {
        seen.insert((
            d.file.clone(),
            d.position,
            d.check.code,
            d.criterion.clone(),
            d.message.clone(),
            d.help.clone(),
        ))
    });
    report
}

/// A diagnostic as a GitHub Actions workflow command (`::error file=…,line=…::…`).
pub fn github_annotation(d: &Diagnostic, lang: Lang) -> String {
    fn data(s: &str) -> String {
        s.replace('%', "%25")
            .replace('\r', "%0D")
            .replace('\n', "%0A")
    }
    fn property(s: &str) -> String {
        data(s).replace(':', "%3A").replace(',', "%2C")
    }
    let level = d.severity.name();
    let (text, help) = (d.message_in(lang), d.help_in(lang));
    let mut props = format!("file={}", property(&diag::visible(&d.file)));
    if let Some(p) = d.position {
        props.push_str(&format!(",line={},col={}", p.line, p.column));
    }
    props.push_str(&format!(
        ",title={}",
        property(&format!("{} {}", d.check.code, d.check.title_in(lang)))
    ));
    let mut message = match d.criterion_prefix_in(lang) {
        Some(c) => format!("{}: {}", diag::bounded(c), diag::bounded(text)),
        None => diag::bounded(text).into_owned(),
    };
    if let Some(help) = help {
        let word = lang.t(crate::i18n::diag::HELP);
        message.push_str(&format!("\n{word}: {}", diag::bounded(help)));
    }
    // A control or bidirectional character quoted from the input is shown as its code point,
    // and a long quote is cut.
    let message = diag::shown(&message);
    format!("::{level} {props}::{}", data(&message))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn github_annotations_escape_their_data() {
        let d = Diagnostic::new(diag::RATE_OUT_OF_RANGE, "a,b:c.yaml", "100% over\nline")
            .criterion("3.4.1");
        assert_eq!(
            github_annotation(&d, Lang::En),
            "::error file=a%2Cb%3Ac.yaml,title=E205 rate outside 0%25–100%25::3.4.1: 100%25 over%0Aline"
        );
    }
}
