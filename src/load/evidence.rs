//! Evidence files: from the parsed file to [`Evidence`] bound to its criteria set, with every
//! value checked against its criterion's rule.

use super::raw::{RawEntry, RawEvidence, RawExpect, Reader, Scalar};
use super::value::{fits_rule, hint_for, na_allowed, read_leaf_value, ValueProblem};
use super::yaml::{child, key, Node, Seg};
use super::{check_header, expect_kind, parse_criteria, Source};
use crate::decimal::parse_decimal;
use crate::diag::{self, Diagnostic, Diagnostics, Findings};
use crate::embedded;
use crate::i18n::{diag as say, Text};
use crate::model::{CriteriaSet, Entry, Evidence, Expect, SecondRound, Stage, Value};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

/// Finds the criteria set an evidence file names, loading each set once.
#[derive(Debug)]
pub struct CriteriaResolver {
    /// Tells this resolver's entries in each thread's last-answer cache from another's.
    id: u64,
    /// A set given on the command line (`--criteria FILE`), used for every evidence file.
    forced: Option<Arc<CriteriaSet>>,
    /// Sets loaded alongside (by `check`), found by id before the embedded ones, so that an
    /// edited copy of an embedded set is the one its evidence is checked against.
    local: HashMap<String, Arc<CriteriaSet>>,
    cache: Mutex<HashMap<String, Arc<CriteriaSet>>>,
    /// Sets that did not load, by the same keys, with their errors: ten thousand files naming
    /// a broken set parse it once, and name it one way (the first file's), so that its errors
    /// are told once however each file's `criteria:` reaches it (`../set.yaml` from each
    /// district's folder).
    broken: Mutex<HashMap<String, Diagnostics>>,
    /// Held while a set is parsed.
    loading: Mutex<()>,
}

impl Default for CriteriaResolver {
    fn default() -> Self {
        static NEXT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);
        CriteriaResolver {
            id: NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed),
            forced: None,
            local: HashMap::new(),
            cache: Mutex::new(HashMap::new()),
            broken: Mutex::new(HashMap::new()),
            loading: Mutex::new(()),
        }
    }
}

/// A resolution remembered: resolver id, reference, folder, and the set.
type LastResolved = Option<(u64, String, PathBuf, Arc<CriteriaSet>)>;

thread_local! {
    /// The last set a thread resolved, by resolver, reference and folder: ten thousand files
    /// in one folder naming one set are answered without building a path or taking a lock.
    static LAST: std::cell::RefCell<LastResolved> = const { std::cell::RefCell::new(None) };
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
        let hit = LAST.with_borrow(|last| match last {
            Some((id, r, base, set)) if *id == self.id && r == reference && base == base_dir => {
                Some(set.clone())
            }
            _ => None,
        });
        if let Some(set) = hit {
            return Ok((set, Vec::new()));
        }
        let found = self.resolve_uncached(reference, base_dir)?;
        LAST.with_borrow_mut(|last| {
            *last = Some((
                self.id,
                reference.to_string(),
                base_dir.to_path_buf(),
                found.0.clone(),
            ))
        });
        Ok(found)
    }

    fn resolve_uncached(
        &self,
        reference: &str,
        base_dir: &Path,
    ) -> Result<(Arc<CriteriaSet>, Vec<Diagnostic>), ResolveError> {
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
            if let Some(d) = self.broken_at(&joined) {
                return Err(ResolveError::Invalid(d));
            }
            // Only a regular file with `kind: criteria` is a criteria set: a folder, a FIFO (which
            // would wait for a writer), a device or a system file under /proc, /sys or /dev is
            // refused unopened, and a file that turns out not to be a criteria set is named but
            // never quoted (it may be a `.env` or a key: in CI its lines would be published).
            let refused = |what: diag::Message| ResolveError::Refused {
                path: joined.clone(),
                what,
            };
            let meta = match std::fs::metadata(&path) {
                Ok(meta) => meta,
                Err(_) => return Err(ResolveError::NotFound),
            };
            if !meta.is_file() {
                let what = if meta.is_dir() {
                    say::A_FOLDER
                } else {
                    super::walk::describe_special(&meta.file_type())
                };
                return Err(refused(say::not_regular(what)));
            }
            let canonical_path = path.canonicalize().unwrap_or_else(|_| path.clone());
            if let Some(root) = ["/proc", "/sys", "/dev"]
                .into_iter()
                .find(|root| canonical_path.starts_with(root))
            {
                return Err(refused(say::system_file_under(root)));
            }
            let canonical = canonical_path.display().to_string();
            if let Some(set) = self.cached(&canonical) {
                self.remember(&[joined], &set);
                return Ok((set, Vec::new()));
            }
            if let Some(d) = self.broken_at(&canonical) {
                self.remember_broken(&[joined], &d);
                return Err(ResolveError::Invalid(d));
            }
            // A file that cannot be read (not UTF-8, too large) is named on the `criteria:`
            // line; one quoted as a parindex file keeps its own diagnostic.
            let source =
                Source::read(&set_name(&path, &canonical_path)).map_err(|d| match d.0.first() {
                    Some(first) if first.position.is_none() => {
                        refused(say::unreadable_set(diag::Message {
                            en: first.message.clone(),
                            vi: first.message_vi.clone(),
                        }))
                    }
                    _ => {
                        // Quoted where it stands (E003 at its byte): told once, as a parse error is.
                        self.remember_broken(&[joined.clone(), canonical.clone()], &d);
                        ResolveError::Invalid(d)
                    }
                })?;
            if let Some(why) = source.not_a_criteria_set() {
                return Err(refused(say::content_not_shown(why)));
            }
            (vec![joined, canonical], source)
        };
        // One thread parses a set while the others wait for it, rather than all parsing it.
        let _one_at_a_time = self.loading.lock().unwrap_or_else(|e| e.into_inner());
        // Another thread may have loaded it meanwhile, reached another way (`h1/../set.yaml`
        // and `h2/../set.yaml` are one canonical path).
        for k in &keys {
            if let Some(set) = self.cached(k) {
                self.remember(&keys, &set);
                return Ok((set, Vec::new()));
            }
            if let Some(d) = self.broken_at(k) {
                self.remember_broken(&keys, &d);
                return Err(ResolveError::Invalid(d));
            }
        }
        let (set, warnings) = parse_criteria(&source).map_err(|d| {
            self.remember_broken(&keys, &d);
            ResolveError::Invalid(d)
        })?;
        let set = Arc::new(set);
        self.remember(&keys, &set);
        Ok((set, warnings))
    }

    /// The one set of id `id` this resolver has loaded from a file (or was given), where there
    /// is one: a JSON result names its set by id only, and a set read from a file has no
    /// other name. `None` where none, or two different texts, have that id.
    pub fn loaded(&self, id: &str) -> Option<Arc<CriteriaSet>> {
        let cache = self.cache.lock().unwrap_or_else(|e| e.into_inner());
        let mut found: Option<Arc<CriteriaSet>> = None;
        let candidates = cache
            .values()
            .chain(self.local.values())
            .chain(self.forced.iter());
        for set in candidates.filter(|s| s.id == id) {
            match &found {
                Some(f) if f.sha256 != set.sha256 => return None,
                Some(_) => {}
                None => found = Some(set.clone()),
            }
        }
        found
    }

    fn remember(&self, keys: &[String], set: &Arc<CriteriaSet>) {
        let mut cache = self.cache.lock().unwrap_or_else(|e| e.into_inner());
        for k in keys {
            cache.insert(k.clone(), set.clone());
        }
    }

    /// A criteria set at `path` that did not load, read by the caller itself (`check` reads
    /// the sets in its folders first): files naming it, however, get its errors as told.
    pub fn remember_failed(&self, path: &Path, d: &Diagnostics) {
        let mut keys = vec![path.display().to_string()];
        if let Ok(canonical) = path.canonicalize() {
            keys.push(canonical.display().to_string());
        }
        self.remember_broken(&keys, d);
    }

    fn remember_broken(&self, keys: &[String], d: &Diagnostics) {
        let mut broken = self.broken.lock().unwrap_or_else(|e| e.into_inner());
        for k in keys {
            broken.insert(k.clone(), d.clone());
        }
    }

    fn broken_at(&self, key: &str) -> Option<Diagnostics> {
        self.broken
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .get(key)
            .cloned()
    }

    fn cached(&self, key: &str) -> Option<Arc<CriteriaSet>> {
        self.cache
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .get(key)
            .cloned()
    }
}

/// The name a criteria set's own errors give it. A set reached through `..` is named by where
/// it is (from the current folder when it lies inside it), not by the spelling of whichever
/// file loaded it first: districts' files naming `../set.yaml` reach it as `h1/../set.yaml`,
/// `h2/../set.yaml`, …, and which of their threads came first differs from run to run.
fn set_name(joined: &Path, canonical: &Path) -> PathBuf {
    if !joined
        .components()
        .any(|c| c == std::path::Component::ParentDir)
    {
        return joined.to_path_buf();
    }
    std::env::current_dir()
        .and_then(|d| d.canonicalize())
        .ok()
        .and_then(|here| canonical.strip_prefix(here).ok().map(Path::to_path_buf))
        .unwrap_or_else(|| canonical.to_path_buf())
}

/// Why a criteria reference did not resolve.
#[derive(Debug)]
pub enum ResolveError {
    NotFound,
    /// The set was found but does not load.
    Invalid(Diagnostics),
    /// The path names something that is not a criteria set file: `path` as joined, and what
    /// it is ("a folder, not a regular file"). Nothing of the file is in it.
    Refused {
        path: String,
        what: diag::Message,
    },
}

/// The criteria set a file's `criteria:` names (an embedded id or a path relative to
/// `base_dir`), or the one diagnostic at that key that says why it is not there.
pub(super) fn resolve_criteria(
    source: &Source,
    reference: &str,
    base_dir: &Path,
    resolver: &CriteriaResolver,
) -> Result<(Arc<CriteriaSet>, Vec<Diagnostic>), Diagnostics> {
    match resolver.resolve(reference, base_dir) {
        Ok(found) => Ok(found),
        Err(ResolveError::NotFound) => {
            let ids: Vec<&str> = embedded::ids().collect();
            let help = say::embedded_sets(
                diag::suggest(reference, ids.iter().copied()),
                &ids.join(", "),
            );
            Err(Diagnostics::one(
                source
                    .diag(
                        diag::UNKNOWN_CRITERIA,
                        &[key("criteria")],
                        say::criteria_not_found(reference),
                    )
                    .help(help),
            ))
        }
        Err(ResolveError::Invalid(d)) => Err(d),
        Err(ResolveError::Refused { path, what }) => Err(Diagnostics::one(
            source
                .diag(
                    diag::UNKNOWN_CRITERIA,
                    &[key("criteria")],
                    say::criteria_refused(reference, &path, what),
                )
                .help(say::CRITERIA_HELP),
        )),
    }
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
    let doc = source.document()?;
    expect_kind(source, doc, "evidence")?;
    let mut reader = Reader::new(source);
    let raw = match reader.evidence(doc) {
        Some(raw) if !reader.fatal => raw,
        _ => return Err(Diagnostics(reader.found.into_vec(&source.name))),
    };
    check_header(source, &raw.parindex, raw.kind, "evidence")?;
    // The set's warnings are its own, told before the file's and not counted in its limit.
    let (set, set_warnings) = resolve_criteria(source, raw.criteria, base_dir, resolver)?;
    let mut found = Findings::new();
    if raw.unit.trim().is_empty() {
        // On an Excel form the officer sees the unit's cell, not a `unit:` key.
        let (message, help) = match source.form {
            Some(_) => (say::BLANK_UNIT_CELL, say::NAME_THE_UNIT_CELL),
            None => (say::BLANK_UNIT, say::NAME_THE_UNIT),
        };
        found.push(
            source
                .diag(diag::BLANK_UNIT, &[key("unit")], message)
                .help(help),
        );
    }
    // A form carries the SHA-256 of the set it was made for: scored against another set (an
    // edited copy, another year's), its rows would be read under other rules.
    if let Some(form) = &source.form {
        if form.sha256 != set.sha256 {
            return Err(Diagnostics::one(
                Diagnostic::new(
                    diag::FORM_OTHER_SET,
                    &source.name,
                    crate::i18n::form::other_set(
                        &diag::shown(&form.sha256.chars().take(12).collect::<String>()),
                        &set.id,
                        &set.sha256[..12.min(set.sha256.len())],
                    ),
                )
                .in_cell(form.sha256_cell.clone())
                .help(crate::i18n::form::OTHER_SET_HELP),
            ));
        }
        crate::form::check_against_set(form, &set, &source.name)?;
    }
    // Unknown keys were reported while reading; every other check still runs.
    found.absorb(reader.found);
    let period = match raw.period {
        Scalar::Str(s) | Scalar::Int(s) => {
            if let Some(p) = super::hidden_char(Some("period"), None, s) {
                let mut d = source.diag(p.check, &[key("period")], p.message);
                d.set_help(p.help.map(|h| *h));
                found.push(d);
            }
            s.to_string()
        }
        other => {
            found.push(
                source
                    .diag(
                        diag::WRONG_TYPE,
                        &[key("period")],
                        say::not_a_period(&other.text()),
                    )
                    .help(say::WRITE_PERIOD),
            );
            String::new()
        }
    };
    let mut b = Binder {
        source,
        set: &set,
        found,
        open: None,
        rejected: None,
    };
    let entries = b.entries(&raw);
    let expect = raw
        .expect
        .as_ref()
        .map(|e| b.expect(e, &raw.values, vec![key("expect")]));
    let Binder {
        mut found,
        rejected,
        ..
    } = b;
    // A leaf whose value was rejected is reported as such, not again as missing: told by the
    // binder for every value, and by the errors kept for the rest.
    let mut invalid: std::collections::HashSet<&str> = found
        .kept()
        .iter()
        .filter(|d| d.is_error())
        .filter_map(|d| d.criterion.as_deref())
        .collect();
    for (i, _) in rejected.iter().flatten().enumerate().filter(|(_, r)| **r) {
        invalid.insert(set.nodes[i].code.as_str());
    }
    let missing: Vec<usize> = set
        .leaves()
        .filter(|&i| {
            !invalid.contains(set.nodes[i].code.as_str())
                && entries[i].as_ref().is_none_or(|e| {
                    e.value.is_none() && e.appraised.is_none() && e.reappraised().is_none()
                })
        })
        .collect();
    // A leaf the council appraised but the unit did not assess scores 0 at the self stage.
    let no_self: Vec<&str> = set
        .leaves()
        .filter(|&i| {
            !invalid.contains(set.nodes[i].code.as_str())
                && entries[i].as_ref().is_some_and(|e| {
                    e.value.is_none() && (e.appraised.is_some() || e.reappraised().is_some())
                })
        })
        .map(|i| set.nodes[i].code.as_str())
        .collect();
    if !missing.is_empty() || !no_self.is_empty() {
        // n/a is suggested only where the set allows it (revision 2: `forbid` by default).
        let na: Vec<&str> = missing
            .iter()
            .filter(|&&i| set.nodes[i].if_na.allows_na())
            .map(|&i| set.nodes[i].code.as_str())
            .collect();
        let help = if na.is_empty() && missing.len() == 1 {
            say::GIVE_THE_LEAF_A_VALUE.into()
        } else if na.is_empty() {
            say::GIVE_EACH_LEAF_NO_NA.into()
        } else if na.len() == missing.len() {
            say::GIVE_EACH_LEAF_OR_NA.into()
        } else {
            say::give_each_leaf_na_only_on(&na.join(", "))
        };
        let missing: Vec<&str> = missing
            .iter()
            .map(|&i| set.nodes[i].code.as_str())
            .collect();
        let leaves = set.leaves().count();
        let mut parts: Option<diag::Message> = None;
        let mut add = |part: diag::Message| {
            parts = Some(match parts.take() {
                Some(before) => before.join("; ", part),
                None => part,
            });
        };
        if !missing.is_empty() {
            add(say::leaves_without_value(
                missing.len(),
                leaves,
                &missing.join(", "),
            ));
        }
        if !no_self.is_empty() {
            add(say::leaves_without_self(
                no_self.len(),
                leaves,
                &no_self.join(", "),
            ));
        }
        let help = if missing.is_empty() {
            say::GIVE_OWN_VALUE.into()
        } else if no_self.is_empty() {
            help
        } else {
            help.join("; ", say::GIVE_OWN_VALUE_TOO.into())
        };
        found.push(
            source
                .diag_at_key(
                    diag::MISSING_VALUE,
                    &[key("values")],
                    parts.unwrap_or_default(),
                )
                .help(help),
        );
    }
    let (errors, warnings): (Vec<_>, Vec<_>) = set_warnings
        .into_iter()
        .chain(found.into_vec(&source.name))
        .partition(Diagnostic::is_error);
    if !errors.is_empty() {
        let mut all = errors;
        all.extend(warnings);
        return Err(Diagnostics(all));
    }
    Ok((
        Evidence {
            criteria_ref: raw.criteria.to_string(),
            unit: raw.unit.to_string(),
            period,
            entries,
            expect,
            origin: source.name.clone(),
        },
        set,
        warnings,
    ))
}

struct Binder<'a> {
    source: &'a Source,
    set: &'a CriteriaSet,
    found: Findings,
    /// The leaves the file gives no value, for the hint at an unknown code: listed once, at
    /// the first, not again for each (a file of many unknown codes would take quadratic time).
    open: Option<Vec<usize>>,
    /// The leaves a value of which was rejected, by node (made at the first): reported as
    /// such, never again as missing, even past the diagnostics a file keeps (W015).
    rejected: Option<Vec<bool>>,
}

impl Binder<'_> {
    /// A code key's text, or a diagnostic for a key that is no code (`1.10` unquoted).
    fn code_key<'t>(&mut self, k: &'t Node) -> Option<&'t str> {
        match k.scalar() {
            Some(Scalar::Str(s) | Scalar::Int(s)) => Some(s),
            Some(Scalar::Float(written)) => {
                self.found.push(
                    self.source
                        .diag_at(
                            diag::FLOAT_CODE,
                            k,
                            super::criteria::float_code_message(written),
                        )
                        .criterion(written)
                        .help(say::quote_the_key(written)),
                );
                None
            }
            other => {
                let shown =
                    other.map_or_else(|| k.described(), |s| format!("`{}`", s.text()).into());
                self.found.push(
                    self.source
                        .diag_at(diag::BAD_CODE, k, say::not_a_code(shown))
                        .help(say::VALUES_KEYS_ARE_CODES),
                );
                None
            }
        }
    }

    /// Resolves a code to a node index, reporting unknown codes at the key; `cursor` is the
    /// place in the leaves' order where the next code is expected; `written` holds the file's
    /// value keys, for the hint.
    fn node(
        &mut self,
        code: &str,
        at: &Node,
        cursor: &mut usize,
        written: &[(&Node, RawEntry)],
    ) -> Option<usize> {
        match self.set.find_from(code, cursor) {
            Some(i) => Some(i),
            None => {
                let set = self.set;
                let codes = set.nodes.iter().map(|n| n.code.as_str());
                // Siblings as near as each other: the one of them the file gives no value is
                // the likely one (`1.9` beside 1.2 and 1.3, with 1.1 missing).
                let open = self.open.get_or_insert_with(|| {
                    let given: rustc_hash::FxHashSet<&str> =
                        written.iter().filter_map(|(k, _)| k.text()).collect();
                    set.leaves()
                        .filter(|&i| !given.contains(set.nodes[i].code.as_str()))
                        .collect()
                });
                let open = open.iter().map(|&i| set.nodes[i].code.as_str());
                let show = say::show_lists_codes(&set.id);
                let help = match diag::suggest_code(code, codes) {
                    Some(s) => say::did_you_mean_in_set(s, &set.id),
                    None => match (diag::suggest_code(code, open), set.around(code)) {
                        (Some(s), _) => say::did_you_mean_beside(s),
                        (None, Some(around)) => around.join("; ", show),
                        (None, None) => show,
                    },
                };
                self.found.push(
                    self.source
                        .diag_at(
                            diag::UNKNOWN_CODE,
                            at,
                            say::not_a_criterion_of(code, &self.set.id),
                        )
                        .criterion(code)
                        .help(help),
                );
                None
            }
        }
    }

    /// The entries by node.
    fn entries(&mut self, raw: &RawEvidence) -> Vec<Option<Entry>> {
        // Filled, not cloned element by element as `vec![None; n]` would.
        let mut entries: Vec<Option<Entry>> = Vec::with_capacity(self.set.nodes.len());
        entries.resize_with(self.set.nodes.len(), || None);
        let mut cursor = 0;
        for (k, raw_entry) in &raw.values {
            let Some(code) = self.code_key(k) else {
                continue;
            };
            let Some(i) = self.node(code, k, &mut cursor, &raw.values) else {
                continue;
            };
            let node = &self.set.nodes[i];
            if !node.is_leaf() {
                let prefix = format!("{code}.");
                let leaves: Vec<&str> = self
                    .set
                    .leaves()
                    .filter(|&l| self.set.nodes[l].code.starts_with(&prefix))
                    .map(|l| self.set.nodes[l].code.as_str())
                    .collect();
                self.found.push(
                    self.source
                        .diag_at(diag::NOT_A_LEAF, k, say::has_sub_criteria(code))
                        .criterion(code)
                        .help(say::give_leaves_values(&leaves.join(", "))),
                );
                continue;
            }
            if entries[i].is_some() {
                // `"1.6"` and `1.6` are two keys to YAML but one criterion here.
                self.found.push(
                    self.source
                        .diag_at(diag::DUPLICATE_CODE, k, say::two_values(code))
                        .criterion(code)
                        .help(say::ONE_VALUE_EACH),
                );
                continue;
            }
            let entry = match raw_entry {
                RawEntry::Plain(v) => Entry {
                    value: self.value(v, i),
                    ..Entry::default()
                },
                RawEntry::Full(m) => {
                    let value = m.value.and_then(|v| self.value(v, i));
                    let before = self.found.len();
                    let appraised = m.appraised.and_then(|v| self.value(v, i));
                    // An `appraised` rejected as a value is reported already.
                    let appraised_rejected = self.found.len() > before;
                    if appraised.is_some() && m.reason.is_none_or(|r| r.trim().is_empty()) {
                        self.found.push(
                            self.source
                                .diag_at_key(
                                    diag::APPRAISED_WITHOUT_REASON,
                                    &[key("values"), key(code), key("appraised")],
                                    say::appraised_without_reason(code),
                                )
                                .criterion(code)
                                .help(say::SAY_WHY_APPRAISED),
                        );
                    }
                    let before = self.found.len();
                    let reappraised = m.reappraised.and_then(|v| self.value(v, i));
                    let reappraised_rejected = self.found.len() > before;
                    self.half_written(
                        code,
                        m,
                        &appraised,
                        appraised_rejected,
                        &reappraised,
                        reappraised_rejected,
                    );
                    // The parsed values, not the keys: `appraised:` left empty (or `~`) is no
                    // first appraisal, and must not let a second one through.
                    if reappraised.is_some() && appraised.is_none() && !appraised_rejected {
                        self.found.push(
                            self.source
                                .diag_at_key(
                                    diag::REAPPRAISED_WITHOUT_APPRAISED,
                                    &[key("values"), key(code), key("reappraised")],
                                    say::reappraised_without_appraised(code),
                                )
                                .criterion(code)
                                .help(say::REAPPRAISED_WITHOUT_APPRAISED_HELP),
                        );
                    } else if reappraised.is_some()
                        && m.reappraisal_reason.is_none_or(|r| r.trim().is_empty())
                    {
                        self.found.push(
                            self.source
                                .diag_at_key(
                                    diag::REAPPRAISED_WITHOUT_REASON,
                                    &[key("values"), key(code), key("reappraised")],
                                    say::reappraised_without_reason(code),
                                )
                                .criterion(code)
                                .help(say::SAY_WHY_REAPPRAISED),
                        );
                    }
                    Entry {
                        value,
                        appraised,
                        reason: m.reason.map(str::to_string),

                        note: m.note.map(str::to_string),
                        docs: m.docs.clone(),
                        second: (m.explanation.is_some()
                            || reappraised.is_some()
                            || m.reappraisal_reason.is_some())
                        .then(|| {
                            Box::new(SecondRound {
                                explanation: m.explanation.map(str::to_string),
                                reappraised,
                                reappraisal_reason: m.reappraisal_reason.map(str::to_string),
                            })
                        }),
                    }
                }
            };
            entries[i] = Some(entry);
        }
        entries
    }

    /// The parts of a round written without the rest (W204): a `reappraisal_reason` with no
    /// second appraisal (or an empty one), an `explanation` with no first appraisal to explain.
    /// Each is scored as if the round had not happened, which the file's author may not know.
    fn half_written(
        &mut self,
        code: &str,
        m: &super::raw::RawEntryMap,
        appraised: &Option<Value>,
        appraised_rejected: bool,
        reappraised: &Option<Value>,
        reappraised_rejected: bool,
    ) {
        let mut warn = |field: &str, message: diag::Message, help: Text| {
            self.found.push(
                self.source
                    .diag_at_key(
                        diag::HALF_WRITTEN_ROUND,
                        &[key("values"), key(code), key(field)],
                        message,
                    )
                    .criterion(code)
                    .help(help),
            );
        };
        if m.reappraisal_reason.is_some() && reappraised.is_none() && !reappraised_rejected {
            if m.reappraised.is_some() {
                warn(
                    "reappraised",
                    say::empty_reappraised(code),
                    say::WRITE_REAPPRAISED,
                );
            } else {
                warn(
                    "reappraisal_reason",
                    say::reason_without_reappraised(code),
                    say::GIVE_REAPPRAISED_OR_REMOVE,
                );
            }
        }
        if m.explanation.is_some() && appraised.is_none() && !appraised_rejected {
            warn(
                "explanation",
                say::explanation_without_appraised(code),
                say::GIVE_APPRAISED_OR_REMOVE,
            );
        }
    }

    /// Reads one value from its text and checks it against the leaf's rule.
    fn value(&mut self, at: &Node, node: usize) -> Option<Value> {
        let scalar = at.scalar()?;
        let n = &self.set.nodes[node];
        let hidden = at
            .text()
            .and_then(|t| super::hidden_char(None, Some(at), t))
            .map_or(Ok(()), Err);
        let result = hidden
            .and_then(|()| read_leaf_value(&scalar, at.text(), n.rule.as_ref()))
            .and_then(|v| match (&v, &n.rule) {
                (Some(value), Some(rule)) => fits_rule(value, rule, n.max, at.text())
                    .and_then(|()| na_allowed(value, n))
                    .map(|()| v),
                _ => Ok(v),
            });
        match result.map_err(|p| hint_for(p, n)) {
            Ok(v) => v,
            Err(ValueProblem {
                check,
                message,
                help,
            }) => {
                let mut d = self
                    .source
                    .diag_at(check, at, message)
                    .criterion(n.code.clone());
                d.set_help(help.map(|h| *h));
                self.found.push(d);
                let nodes = self.set.nodes.len();
                self.rejected.get_or_insert_with(|| vec![false; nodes])[node] = true;
                None
            }
        }
    }

    /// The figures under `expect:` (at `base`), with those of each stage under its `stages:`.
    fn expect(&mut self, raw: &RawExpect, written: &[(&Node, RawEntry)], base: Vec<Seg>) -> Expect {
        let mut out = Expect {
            grade: raw.grade.map(str::to_string),
            ..Expect::default()
        };
        for (name, figures) in &raw.stages {
            let Some(stage) = Stage::from_name(name) else {
                continue;
            };
            let at = child(&child(&base, "stages"), name);
            let figures = self.expect(figures, written, at);
            out.stages.push((stage, figures));
        }
        for (name, text, slot) in [
            ("total", &raw.total, &mut out.total),
            ("percent", &raw.percent, &mut out.percent),
        ] {
            if let Some(t) = text {
                match parse_decimal(t.0) {
                    Ok(n) => *slot = Some(n),
                    Err(e) => {
                        self.found.push(
                            self.source
                                .diag(
                                    diag::WRONG_TYPE,
                                    &child(&base, name),
                                    say::expected_figure(name, t.0, e),
                                )
                                .help(say::WRITE_PUBLISHED_FIGURE),
                        );
                    }
                }
            }
        }
        let mut pinned = vec![false; self.set.nodes.len()];
        for (k, t) in &raw.scores {
            let Some(code) = self.code_key(k) else {
                continue;
            };
            let Some(i) = self.node(code, k, &mut 0, written) else {
                continue;
            };
            if std::mem::replace(&mut pinned[i], true) {
                self.found.push(
                    self.source
                        .diag_at(diag::DUPLICATE_CODE, k, say::two_expected_scores(code))
                        .criterion(code)
                        .help(say::ONE_EXPECTED_EACH),
                );
                continue;
            }
            match parse_decimal(t.0) {
                Ok(n) => out.scores.push((code.to_string(), n)),
                Err(e) => {
                    self.found.push(
                        self.source
                            .diag(
                                diag::WRONG_TYPE,
                                &child(&child(&base, "scores"), code),
                                say::expected_figure("score", t.0, e),
                            )
                            .criterion(code),
                    );
                }
            }
        }
        out
    }
}
