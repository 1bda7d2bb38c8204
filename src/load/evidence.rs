//! Evidence files: from the parsed file to [`Evidence`] bound to its criteria set, with every
//! value checked against its criterion's rule.

use super::position::{child, key, Seg};
use super::raw::{float_text, RawEntry, RawEvidence, RawExpect, Scalar};
use super::value::{fits_rule, read_value, ValueProblem};
use super::{check_header, parse_criteria, Source};
use crate::decimal::parse_decimal;
use crate::diag::{self, Diagnostic, Diagnostics};
use crate::embedded;
use crate::model::{CriteriaSet, Entry, Evidence, Expect, Value};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

/// Finds the criteria set an evidence file names, loading each set once.
#[derive(Debug, Default)]
pub struct CriteriaResolver {
    /// A set given on the command line (`--criteria FILE`), used for every evidence file.
    forced: Option<Arc<CriteriaSet>>,
    /// Sets loaded alongside (by `check`), found by id before the embedded ones, so that an
    /// edited copy of an embedded set is the one its evidence is checked against.
    local: HashMap<String, Arc<CriteriaSet>>,
    cache: Mutex<HashMap<String, Arc<CriteriaSet>>>,
    /// Held while a set is parsed.
    loading: Mutex<()>,
}

impl CriteriaResolver {
    pub fn new() -> Self {
        Self::default()
    }

    /// Scores every evidence file with `set`, whatever its `criteria:` says.
    pub fn forced(set: CriteriaSet) -> Self {
        CriteriaResolver {
            forced: Some(Arc::new(set)),
            ..Self::default()
        }
    }

    /// Resolves ids to these sets first, then to the embedded ones and to paths.
    pub fn with_local(sets: impl IntoIterator<Item = Arc<CriteriaSet>>) -> Self {
        CriteriaResolver {
            local: sets.into_iter().map(|s| (s.id.clone(), s)).collect(),
            ..Self::default()
        }
    }

    /// The set for `reference` (an embedded id, or a path relative to `base_dir`), with the
    /// warnings found when it was first loaded.
    pub fn resolve(
        &self,
        reference: &str,
        base_dir: &Path,
    ) -> Result<(Arc<CriteriaSet>, Vec<Diagnostic>), ResolveError> {
        if let Some(set) = self.forced.as_ref().or_else(|| self.local.get(reference)) {
            return Ok((set.clone(), Vec::new()));
        }
        // Keys: `embedded:ID`, or the path as joined (checked first: no system calls for the
        // ten-thousandth file naming the same set) and its canonical form (one set however
        // it is reached).
        let (keys, source) = if let Some(text) = embedded::find(reference) {
            let key = format!("embedded:{reference}");
            if let Some(set) = self.cached(&key) {
                return Ok((set, Vec::new()));
            }
            (vec![key.clone()], Source::from_text(key, text.to_string()))
        } else {
            let path: PathBuf = base_dir.join(reference);
            let joined = path.display().to_string();
            if let Some(set) = self.cached(&joined) {
                return Ok((set, Vec::new()));
            }
            if !path.is_file() {
                return Err(ResolveError::NotFound);
            }
            let canonical = path
                .canonicalize()
                .unwrap_or_else(|_| path.clone())
                .display()
                .to_string();
            if let Some(set) = self.cached(&canonical) {
                self.remember(&[joined], &set);
                return Ok((set, Vec::new()));
            }
            (
                vec![joined, canonical],
                Source::read(&path).map_err(ResolveError::Invalid)?,
            )
        };
        // One thread parses a set while the others wait for it, rather than all parsing it.
        let _one_at_a_time = self.loading.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(set) = self.cached(&keys[0]) {
            return Ok((set, Vec::new()));
        }
        let (set, warnings) = parse_criteria(&source).map_err(ResolveError::Invalid)?;
        let set = Arc::new(set);
        self.remember(&keys, &set);
        Ok((set, warnings))
    }

    fn remember(&self, keys: &[String], set: &Arc<CriteriaSet>) {
        let mut cache = self.cache.lock().unwrap_or_else(|e| e.into_inner());
        for k in keys {
            cache.insert(k.clone(), set.clone());
        }
    }

    fn cached(&self, key: &str) -> Option<Arc<CriteriaSet>> {
        self.cache
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .get(key)
            .cloned()
    }
}

/// Why a criteria reference did not resolve.
#[derive(Debug)]
pub enum ResolveError {
    NotFound,
    /// The set was found but does not load.
    Invalid(Diagnostics),
}

/// Reads an evidence file and binds it to its criteria set.
pub fn load_evidence(
    path: &Path,
    resolver: &CriteriaResolver,
) -> Result<(Source, Evidence, Arc<CriteriaSet>, Vec<Diagnostic>), Diagnostics> {
    let source = Source::read(path)?;
    let base = path.parent().unwrap_or(Path::new("."));
    let (evidence, set, warnings) = parse_evidence(&source, base, resolver)?;
    Ok((source, evidence, set, warnings))
}

/// Binds an evidence file's source to its criteria set, reporting every problem at once.
pub fn parse_evidence(
    source: &Source,
    base_dir: &Path,
    resolver: &CriteriaResolver,
) -> Result<(Evidence, Arc<CriteriaSet>, Vec<Diagnostic>), Diagnostics> {
    let raw: RawEvidence = source.parse(Some("evidence"), entry_at)?;
    check_header(source, &raw.parindex, &raw.kind, "evidence")?;
    let (set, mut found) = match resolver.resolve(&raw.criteria, base_dir) {
        Ok(found) => found,
        Err(ResolveError::NotFound) => {
            let ids: Vec<&str> = embedded::ids().collect();
            let help = match diag::suggest(&raw.criteria, ids.iter().copied()) {
                Some(s) => format!(
                    "did you mean `{s}`? Embedded sets: {}; or give a path relative to this file",
                    ids.join(", ")
                ),
                None => format!(
                    "embedded sets: {}; or give a path relative to this file",
                    ids.join(", ")
                ),
            };
            return Err(Diagnostics::one(
                source
                    .diag(
                        diag::UNKNOWN_CRITERIA,
                        &[key("criteria")],
                        format!(
                            "criteria set `{}` is neither an embedded set nor a file",
                            raw.criteria
                        ),
                    )
                    .help(help),
            ));
        }
        Err(ResolveError::Invalid(d)) => return Err(d),
    };
    let period = match &raw.period {
        Scalar::Str(s) | Scalar::Int(s) => s.clone(),
        other => {
            found.push(
                source
                    .diag(
                        diag::WRONG_TYPE,
                        &[key("period")],
                        format!("`period: {}` is not a period", other.text()),
                    )
                    .help("write the assessed period, e.g. `period: \"2022\"`"),
            );
            String::new()
        }
    };
    let mut b = Binder {
        source,
        set: &set,
        found,
    };
    let entries = b.entries(&raw);
    let expect = raw.expect.as_ref().map(|e| b.expect(e));
    let Binder { mut found, .. } = b;
    // A leaf whose value was rejected is reported as such, not again as missing.
    let invalid: std::collections::HashSet<String> = found
        .iter()
        .filter(|d| d.is_error())
        .filter_map(|d| d.criterion.clone())
        .collect();
    let missing: Vec<&str> = set
        .leaves()
        .filter(|&i| {
            !invalid.contains(set.nodes[i].code.as_str())
                && entries[i]
                    .as_ref()
                    .is_none_or(|e| e.value.is_none() && e.appraised.is_none())
        })
        .map(|i| set.nodes[i].code.as_str())
        .collect();
    if !missing.is_empty() {
        found.push(
            source
                .diag_at_key(
                    diag::MISSING_VALUE,
                    &[key("values")],
                    format!(
                        "{} of {} leaves {} no value and score 0: {}",
                        missing.len(),
                        set.leaves().count(),
                        if missing.len() == 1 { "has" } else { "have" },
                        missing.join(", ")
                    ),
                )
                .help("give each leaf a value, or \"n/a\" where the criterion does not apply"),
        );
    }
    let (errors, warnings): (Vec<_>, Vec<_>) = found.into_iter().partition(Diagnostic::is_error);
    if !errors.is_empty() {
        let mut all = errors;
        all.extend(warnings);
        return Err(Diagnostics(all));
    }
    Ok((
        Evidence {
            criteria_ref: raw.criteria.clone(),
            unit: raw.unit.clone(),
            period,
            entries,
            expect,
            origin: source.name.clone(),
        },
        set,
        warnings,
    ))
}

/// The criterion code an entry of `values` (or `expect.scores`) stands for, given a path.
fn entry_at(_: &Source, path: &[Seg]) -> Option<String> {
    match path {
        [Seg::Key(v), Seg::Key(code), ..] if v == "values" => Some(code.clone()),
        [Seg::Key(e), Seg::Key(s), Seg::Key(code), ..] if e == "expect" && s == "scores" => {
            Some(code.clone())
        }
        _ => None,
    }
}

struct Binder<'a> {
    source: &'a Source,
    set: &'a CriteriaSet,
    found: Vec<Diagnostic>,
}

impl Binder<'_> {
    /// A code key as text, or a diagnostic for a key YAML read as a number.
    fn code_key(&mut self, k: &Scalar, parent: &[Seg]) -> Option<(String, Vec<Seg>)> {
        let text = match k {
            Scalar::Str(s) | Scalar::Int(s) => s.clone(),
            Scalar::Float(f) => {
                // Find the key as written: `1.10` arrives here as the binary 1.1.
                let written = self
                    .source
                    .index()
                    .children(parent)
                    .into_iter()
                    .filter_map(|p| match p.last() {
                        Some(Seg::Key(k)) if k.parse::<f64>().ok() == Some(*f) => Some(k.clone()),
                        _ => None,
                    })
                    .next()
                    .unwrap_or_else(|| float_text(*f));
                let mut path = parent.to_vec();
                path.push(Seg::Key(written.clone()));
                self.found.push(
                    self.source
                        .diag_at_key(
                            diag::FLOAT_CODE,
                            &path,
                            super::criteria::float_code_message(&written, *f),
                        )
                        .criterion(written.clone())
                        .help(format!("quote the code: `\"{written}\":`")),
                );
                return None;
            }
            other => {
                self.found.push(
                    self.source
                        .diag(
                            diag::BAD_CODE,
                            parent,
                            format!("`{}` is not a criterion code", other.text()),
                        )
                        .help("keys under `values` are quoted criterion codes such as \"3.4.1\""),
                );
                return None;
            }
        };
        let mut path = parent.to_vec();
        path.push(Seg::Key(text.clone()));
        Some((text, path))
    }

    /// [`Self::node`] with the path built only for a report.
    fn node_fast(&mut self, code: &str, path: &dyn Fn() -> Vec<Seg>) -> Option<usize> {
        match self.set.find(code) {
            Some(i) => Some(i),
            None => self.node(code, &path()),
        }
    }

    /// Resolves a code to a node index, reporting unknown codes.
    fn node(&mut self, code: &str, path: &[Seg]) -> Option<usize> {
        match self.set.find(code) {
            Some(i) => Some(i),
            None => {
                let codes = self.set.nodes.iter().map(|n| n.code.as_str());
                let help = match diag::suggest(code, codes) {
                    Some(s) => format!("did you mean `{s}`? (criteria set {})", self.set.id),
                    None => format!("`parindex criteria show {}` lists the codes", self.set.id),
                };
                self.found.push(
                    self.source
                        .diag_at_key(
                            diag::UNKNOWN_CODE,
                            path,
                            format!("`{code}` is not a criterion of {}", self.set.id),
                        )
                        .criterion(code)
                        .help(help),
                );
                None
            }
        }
    }

    /// The entries by node.
    fn entries(&mut self, raw: &RawEvidence) -> Vec<Option<Box<Entry>>> {
        let mut entries: Vec<Option<Box<Entry>>> = vec![None; self.set.nodes.len()];
        let mut given = vec![false; self.set.nodes.len()];
        let Some(values) = &raw.values else {
            return entries;
        };
        let values_path = vec![key("values")];
        for (k, raw_entry) in &values.0 {
            // The common case, a code written as a string, costs no copy: paths for messages
            // are built only when there is something to report.
            let owned;
            let code: &str = match k {
                Scalar::Str(s) | Scalar::Int(s) => s,
                other => match self.code_key(other, &values_path) {
                    Some((c, _)) => {
                        owned = c;
                        &owned
                    }
                    None => continue,
                },
            };
            let path = || vec![key("values"), Seg::Key(code.to_string())];
            let Some(i) = self.node_fast(code, &path) else {
                continue;
            };
            let node = &self.set.nodes[i];
            if !node.is_leaf() {
                let leaves: Vec<&str> = self
                    .set
                    .leaves()
                    .filter(|&l| self.set.nodes[l].code.starts_with(&format!("{code}.")))
                    .map(|l| self.set.nodes[l].code.as_str())
                    .collect();
                self.found.push(
                    self.source
                        .diag_at_key(
                            diag::NOT_A_LEAF,
                            &path(),
                            format!("`{code}` has sub-criteria; its score is the sum of theirs"),
                        )
                        .criterion(code)
                        .help(format!(
                            "give values to its leaves instead: {}",
                            leaves.join(", ")
                        )),
                );
                continue;
            }
            if given[i] {
                self.found.push(
                    self.source
                        .diag_at_key(
                            diag::DUPLICATE_CODE,
                            &path(),
                            format!("`{code}` has two values"),
                        )
                        .criterion(code)
                        .help("keep one value per criterion"),
                );
                continue;
            }
            given[i] = true;
            let entry = match raw_entry {
                RawEntry::Plain(s) => Entry {
                    value: self.value(s, &path, i),
                    ..Entry::default()
                },
                RawEntry::Full(m) => {
                    let value = m
                        .value
                        .as_ref()
                        .and_then(|s| self.value(s, &|| child(&path(), "value"), i));
                    let appraised = m
                        .appraised
                        .as_ref()
                        .and_then(|s| self.value(s, &|| child(&path(), "appraised"), i));
                    if appraised.is_some()
                        && m.reason.as_deref().is_none_or(|r| r.trim().is_empty())
                    {
                        self.found.push(
                            self.source
                                .diag_at_key(
                                    diag::APPRAISED_WITHOUT_REASON,
                                    &child(&path(), "appraised"),
                                    format!("`{code}` has an appraised value without a `reason`"),
                                )
                                .criterion(code)
                                .help("say why the appraisal council changed the value: `reason: \"…\"`"),
                        );
                    }
                    Entry {
                        value,
                        appraised,
                        reason: m.reason.clone(),
                        note: m.note.clone(),
                        docs: m.docs.clone().unwrap_or_default(),
                    }
                }
            };
            entries[i] = Some(Box::new(entry));
        }
        entries
    }

    /// Reads one value and checks it against the leaf's rule.
    fn value(
        &mut self,
        scalar: &Scalar,
        path: &dyn Fn() -> Vec<Seg>,
        node: usize,
    ) -> Option<Value> {
        // A plain float's digits are only needed from the text when its binary value cannot
        // hold them; looking them up builds the position index, so it is done only then.
        let written = match scalar {
            Scalar::Float(f) if super::value::significant_digits(&float_text(*f)) > 15 => {
                self.source.raw(&path()).map(str::to_string)
            }
            _ => None,
        };
        let n = &self.set.nodes[node];
        let result = read_value(scalar, written.as_deref()).and_then(|v| match (&v, &n.rule) {
            (Some(value), Some(rule)) => {
                fits_rule(value, rule, n.max, written.as_deref()).map(|()| v)
            }
            _ => Ok(v),
        });
        match result {
            Ok(v) => v,
            Err(ValueProblem {
                check,
                message,
                help,
            }) => {
                let mut d = self
                    .source
                    .diag(check, &path(), message)
                    .criterion(n.code.clone());
                d.help = help;
                self.found.push(d);
                None
            }
        }
    }

    fn expect(&mut self, raw: &RawExpect) -> Expect {
        let base = vec![key("expect")];
        let mut out = Expect {
            grade: raw.grade.clone(),
            ..Expect::default()
        };
        for (name, text, slot) in [
            ("total", &raw.total, &mut out.total),
            ("percent", &raw.percent, &mut out.percent),
        ] {
            if let Some(t) = text {
                match parse_decimal(&t.0) {
                    Ok(n) => *slot = Some(n),
                    Err(e) => self.found.push(
                        self.source
                            .diag(
                                diag::WRONG_TYPE,
                                &child(&base, name),
                                format!("expected {name} `{}`: {e}", t.0),
                            )
                            .help("write the published figure as a number, e.g. 78.046"),
                    ),
                }
            }
        }
        if let Some(scores) = &raw.scores {
            let scores_path = child(&base, "scores");
            for (k, t) in &scores.0 {
                let Some((code, path)) = self.code_key(k, &scores_path) else {
                    continue;
                };
                if self.node(&code, &path).is_none() {
                    continue;
                }
                match parse_decimal(&t.0) {
                    Ok(n) => out.scores.push((code, n)),
                    Err(e) => self.found.push(
                        self.source
                            .diag(
                                diag::WRONG_TYPE,
                                &path,
                                format!("expected score `{}`: {e}", t.0),
                            )
                            .criterion(code),
                    ),
                }
            }
        }
        out
    }
}
