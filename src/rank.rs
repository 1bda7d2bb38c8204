//! Ranking many units scored against one criteria set: a league table with section ranks.
//!
//! Ranks are on the exact ratio score ÷ max (compared by cross-multiplication, never through
//! a rounded percentage) and ties share a rank, as in competition ranking: 1, 2, 2, 4.

use crate::diag::{Diagnostic, Diagnostics};
use crate::load::{CriteriaResolver, Source};
use crate::model::Evidence;
use crate::model::{CriteriaSet, Grade, SectionKind, Stage};
use crate::pipeline::tally_source;
use crate::score::{Scorecard, Tally, Total};
use crate::units::unit_key;
use rust_decimal::Decimal;
use std::cmp::Ordering;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering as AtomicOrdering};
use std::sync::{Arc, Mutex};

/// One unit's result, as much as a league table needs (kept small: a national ranking holds
/// ten thousand of these, never the files' texts). Boxed: the standings are moved from the
/// workers into the league table's rows, and a pointer moves where the figures would be
/// copied into fresh memory at each step.
#[derive(Debug, Clone)]
pub struct Standing(Box<UnitResult>);

impl std::ops::Deref for Standing {
    type Target = UnitResult;
    fn deref(&self) -> &UnitResult {
        &self.0
    }
}

/// What a [`Standing`] holds.
#[derive(Debug, Clone)]
pub struct UnitResult {
    pub file: String,
    pub unit: String,
    pub period: String,
    /// The criteria set (shared by every standing scored with it): units are only ranked
    /// against the same set.
    pub set: Arc<CriteriaSet>,
    pub score: Decimal,
    pub max: Decimal,
    pub grade: Option<String>,
    /// `(score, max)` per section, in the set's order.
    pub sections: Vec<(Decimal, Decimal)>,
    /// Where the total (first) and each section sort ([`SortKey`] packed), computed where
    /// the file was scored (on a worker thread), so that ranking ten thousand units sorts on
    /// ready keys.
    keys: Box<[PackedKey]>,
    /// The unit's name as compared for duplicates (see [`unit_key`]), made on the worker.
    unit_key: String,
}

impl Standing {
    pub fn from_card(card: &Scorecard, file: &str) -> Self {
        let figures = |i: usize| (card.nodes[i].score, card.nodes[i].max);
        Standing::new(
            &card.set,
            figures,
            &card.total,
            &card.unit,
            &card.period,
            file,
        )
    }

    /// The standing of a unit whose figures were tallied ([`crate::score::tally`]) from
    /// `evidence` against `set`.
    pub fn from_tally(
        set: &Arc<CriteriaSet>,
        evidence: &Evidence,
        tally: &Tally,
        file: &str,
    ) -> Self {
        let figures = |i: usize| (tally.nodes[i].score, tally.nodes[i].max);
        Standing::new(
            set,
            figures,
            &tally.total,
            &evidence.unit,
            &evidence.period,
            file,
        )
    }

    /// `figures` gives a node's score and effective max.
    fn new(
        set: &Arc<CriteriaSet>,
        figures: impl Fn(usize) -> (Decimal, Decimal),
        total: &Total,
        unit: &str,
        period: &str,
        file: &str,
    ) -> Self {
        let sections: Vec<(Decimal, Decimal)> = set.sections().map(&figures).collect();
        let keys = std::iter::once((total.score, total.max))
            .chain(
                set.sections()
                    .zip(&sections)
                    .map(|(i, &f)| ranked(set, i, f)),
            )
            .map(|r| pack(sort_key(r)))
            .collect();
        Standing(Box::new(UnitResult {
            file: file.to_string(),
            unit: unit.to_string(),
            period: period.to_string(),
            set: set.clone(),
            score: total.score,
            max: total.max,
            grade: total.grade.clone(),
            sections,
            keys,
            unit_key: unit_key(unit),
        }))
    }

    /// What ranks the total (`k` = 0) or section `k − 1` (see [`ranked`]).
    fn ratio(&self, k: usize) -> (Decimal, Decimal) {
        match k.checked_sub(1) {
            None => (self.score, self.max),
            Some(s) => ranked(&self.set, self.set.section(s), self.sections[s]),
        }
    }

    pub fn percent(&self) -> Option<Decimal> {
        crate::decimal::percent(self.score, self.max).ok().flatten()
    }

    /// Whether this is the result of `unit`, its name compared as duplicates are (case,
    /// spaces and the way accents are typed do not make another unit: [`unit_key`]). A
    /// blank name is no unit's: it matches nothing, not even another blank name.
    pub fn is_of(&self, unit: &str) -> bool {
        !self.is_nameless() && self.unit_key == unit_key(unit)
    }

    /// Whether the unit's name is blank (W205): it is matched to no other file's unit.
    pub fn is_nameless(&self) -> bool {
        self.unit_key.is_empty()
    }
}

/// What ranks section node `i` whose figures are `(score, max)`: the figures, except that a
/// penalty section ranks by the points it left, `(max − score, max)`, as fewer points taken
/// off is better.
fn ranked(set: &CriteriaSet, i: usize, (score, max): (Decimal, Decimal)) -> (Decimal, Decimal) {
    match set.nodes[i].kind {
        SectionKind::Penalty => ((max - score).max(Decimal::ZERO), max),
        SectionKind::Scored | SectionKind::Bonus => (score, max),
    }
}

/// Compares `a.0 / a.1` with `b.0 / b.1` exactly; a zero maximum ranks below everything.
/// Exact however many digits the cross-products take: a comparison that rounded them would
/// not be a total order (1/3 equal to two ratios that differ), and a sort given one may stop.
pub fn cmp_ratio(a: (Decimal, Decimal), b: (Decimal, Decimal)) -> Ordering {
    match (a.1.is_zero(), b.1.is_zero()) {
        (true, true) => return Ordering::Equal,
        (true, false) => return Ordering::Less,
        (false, true) => return Ordering::Greater,
        _ => {}
    }
    // a.0 / a.1 against b.0 / b.1 is a.0 × b.1 against b.0 × a.1 when the maxima's product
    // is positive, and the reverse otherwise.
    let order = crate::decimal::cmp_products(a.0, b.1, b.0, a.1);
    if a.1.is_sign_negative() != b.1.is_sign_negative() {
        order.reverse()
    } else {
        order
    }
}

/// score ÷ max rounded to 28 digits (which never reverses an order); `None` for a zero max.
/// A section of 10 or 100 points is divided by moving the point ([`crate::decimal::div`]).
fn quotient((score, max): (Decimal, Decimal)) -> Option<Decimal> {
    if max.is_zero() {
        None
    } else {
        crate::decimal::div(score, max).ok()
    }
}

/// Where a ratio sorts: its quotient as one integer at 28 decimal places (ten thousand units
/// are sorted comparing integers, not decimals of differing scales), and whether that
/// quotient is the ratio itself. Two exact quotients that are equal are equal ratios: a tie
/// is then told without the exact comparison's two multiplications (scores of a few places
/// over maxima such as 10 or 80 divide exactly).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct SortKey {
    at_28: i128,
    exact: bool,
}

/// A [`SortKey`] in one integer, as the standings keep them (half the size): twice the
/// quotient plus one where it is exact, so that packed keys sort as their quotients do and
/// keys of one quotient lie side by side. [`NO_KEY`] where there is none.
type PackedKey = i128;

/// No key: the exact comparison decides. A quotient whose packing would be this, or would not
/// fit, is given no key either (correct, only slower).
const NO_KEY: PackedKey = i128::MIN;

fn pack(key: Option<SortKey>) -> PackedKey {
    key.and_then(|k| k.at_28.checked_mul(2)?.checked_add(i128::from(k.exact)))
        .unwrap_or(NO_KEY)
}

fn unpack(key: PackedKey) -> Option<SortKey> {
    (key != NO_KEY).then_some(SortKey {
        at_28: key >> 1,
        exact: key & 1 == 1,
    })
}

/// `None` for a zero max or a quotient that does not fit (then the exact comparison decides).
fn sort_key(ratio: (Decimal, Decimal)) -> Option<SortKey> {
    let q = quotient(ratio)?;
    let at_28 = 10i128
        .checked_pow(28 - q.scale())
        .and_then(|f| q.mantissa().checked_mul(f))?;
    // Where q × max is computed without rounding, it equals the score exactly when, and only
    // when, q is the ratio exactly.
    let exact = crate::decimal::exact_mul(q, ratio.1) == Some(ratio.0);
    Some(SortKey { at_28, exact })
}

/// Competition ranks (1, 2, 2, 4) of ratios, highest first.
pub fn competition_ranks(ratios: &[(Decimal, Decimal)]) -> Vec<usize> {
    let keys: Vec<PackedKey> = ratios.iter().map(|&r| pack(sort_key(r))).collect();
    ranks_by(&keys, |i| ratios[i], &mut Vec::new())
}

/// Competition ranks of the units whose sort keys are `keys` (unit `i`'s ratio is
/// `ratio(i)`): sorted on the keys' integers, the exact cross-multiplied comparison used only
/// where two are equal and not both exact, so the order is exact without two multiplications
/// per comparison. `keys` is one table's column, contiguous: ten thousand standings are not
/// visited again for each comparison. `keyed` is room for the sort, reused from table to table.
fn ranks_by(
    keys: &[PackedKey],
    ratio: impl Fn(usize) -> (Decimal, Decimal),
    keyed: &mut Vec<(std::cmp::Reverse<PackedKey>, u32)>,
) -> Vec<usize> {
    let n = keys.len();
    // Quotients rounded to 28 places that differ come from ratios that differ (rounding never
    // reverses an order); equal ones are a tie when both are exact.
    let best_first = |a: usize, b: usize| match (unpack(keys[b]), unpack(keys[a])) {
        (Some(x), Some(y)) if x.at_28 != y.at_28 => x.at_28.cmp(&y.at_28),
        (Some(x), Some(y)) if x.exact && y.exact => Ordering::Equal,
        _ => cmp_ratio(ratio(b), ratio(a)),
    };
    let order: Vec<usize> = if !keys.contains(&NO_KEY) {
        // The usual case: sorted as plain integers (highest first), then each run of equal
        // quotients put in its exact order (almost always a tie already, and known to be
        // one without arithmetic when every quotient in it is exact).
        keyed.clear();
        keyed.extend(
            keys.iter()
                .enumerate()
                .map(|(i, &k)| (std::cmp::Reverse(k), i as u32)),
        );
        keyed.sort_unstable();
        let mut order: Vec<usize> = Vec::with_capacity(n);
        for run in keyed.chunk_by(|a, b| a.0 .0 >> 1 == b.0 .0 >> 1) {
            let start = order.len();
            order.extend(run.iter().map(|&(_, i)| i as usize));
            if run.len() > 1 && !run.iter().all(|&(k, _)| k.0 & 1 == 1) {
                order[start..].sort_by(|&a, &b| best_first(a, b));
            }
        }
        order
    } else {
        let mut order: Vec<usize> = (0..n).collect();
        order.sort_by(|&a, &b| best_first(a, b));
        order
    };
    let mut ranks = vec![0; n];
    for (pos, &i) in order.iter().enumerate() {
        ranks[i] = if pos > 0 && best_first(i, order[pos - 1]) == Ordering::Equal {
            ranks[order[pos - 1]]
        } else {
            pos + 1
        };
    }
    ranks
}

/// One row of the league table.
#[derive(Debug, Clone)]
pub struct Row {
    pub standing: Standing,
    pub rank: usize,
    pub section_ranks: Vec<usize>,
    /// Rank in the previous ranking, matched by unit name.
    pub previous_rank: Option<usize>,
}

impl Row {
    /// Places gained since the previous ranking (negative: lost).
    pub fn places_up(&self) -> Option<i64> {
        self.previous_rank.map(|p| p as i64 - self.rank as i64)
    }
}

/// The league table: rows in rank order (ties in unit-name order).
pub fn league(standings: Vec<Standing>, previous: Option<&[Standing]>) -> Vec<Row> {
    // The total and each section are ranked independently: one sort each, spread over the
    // cores (a national ranking sorts ten thousand units nine times).
    let tables = 1 + standings.first().map_or(0, |s| s.sections.len());
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(tables);
    let mut by_table: Vec<Vec<usize>> = vec![Vec::new(); tables];
    std::thread::scope(|scope| {
        let chunk = tables.div_ceil(threads.max(1));
        for (c, slots) in by_table.chunks_mut(chunk).enumerate() {
            let standings = &standings;
            scope.spawn(move || {
                // One column of keys and one room for the sort, reused for each of this
                // thread's tables.
                let first = c * chunk;
                let mut column: Vec<PackedKey> = Vec::with_capacity(standings.len());
                let mut keyed = Vec::with_capacity(standings.len());
                for (j, slot) in slots.iter_mut().enumerate() {
                    column.clear();
                    column.extend(standings.iter().map(|s| s.keys[first + j]));
                    *slot = ranks_by(&column, |i| standings[i].ratio(first + j), &mut keyed);
                }
            });
        }
    });
    let ranks = by_table.remove(0);
    let section_ranks = by_table;
    // Last year's rank by unit, looked up once per unit; names compared as duplicates are,
    // so that `Xã A` last year is `xã  A` this year.
    let previous_ranks: Option<std::collections::HashMap<&str, usize>> = previous.map(|p| {
        let keys: Vec<PackedKey> = p.iter().map(|s| s.keys[0]).collect();
        let ranks = ranks_by(&keys, |i| p[i].ratio(0), &mut Vec::new());
        let mut by_unit = std::collections::HashMap::with_capacity(p.len());
        // A blank name is no unit's, and is matched to none.
        for (s, r) in p.iter().zip(ranks).filter(|(s, _)| !s.is_nameless()) {
            by_unit.entry(s.unit_key.as_str()).or_insert(r);
        }
        by_unit
    });
    // The order is sorted as indices, and each standing moved once into its row: sorting
    // the rows themselves would move ten thousand of them about many times over.
    let mut order: Vec<usize> = (0..standings.len()).collect();
    order.sort_by(|&a, &b| {
        ranks[a]
            .cmp(&ranks[b])
            .then_with(|| standings[a].unit.cmp(&standings[b].unit))
    });
    let mut slots: Vec<Option<Standing>> = standings.into_iter().map(Some).collect();
    order
        .into_iter()
        .map(|i| {
            let standing = slots[i].take().expect("each unit is placed once");
            let previous_rank = previous_ranks
                .as_ref()
                .and_then(|p| p.get(standing.unit_key.as_str()).copied());
            Row {
                rank: ranks[i],
                section_ranks: section_ranks.iter().map(|r| r[i]).collect(),
                previous_rank,
                standing,
            }
        })
        .collect()
}

/// How many units fall in one grade band (a group as the Ministry publishes them: Nhóm A
/// ≥ 90%, Nhóm B 80–90%, …).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GradeCount {
    pub label: String,
    /// The band's lower bound, a percentage.
    pub min: Decimal,
    pub units: usize,
}

/// The units in each of the set's bands, in band order, bands without units included. A unit
/// without a grade (a zero maximum) is counted in none.
pub fn grade_counts<'a>(
    grades: &[Grade],
    standings: impl IntoIterator<Item = &'a Standing>,
) -> Vec<GradeCount> {
    let mut counts: Vec<GradeCount> = grades
        .iter()
        .map(|g| GradeCount {
            label: g.label.clone(),
            min: g.min,
            units: 0,
        })
        .collect();
    for s in standings {
        // The grade was given by the first band the ratio reaches: the first of that label.
        if let Some(i) = s
            .grade
            .as_deref()
            .and_then(|label| grades.iter().position(|g| g.label == label))
        {
            counts[i].units += 1;
        }
    }
    counts
}

/// Scores the evidence files under `paths` (folders searched; files found there whose
/// `kind:` is not `evidence` are passed over) on every core: the standings, and each file that
/// did not load with its diagnostics. `progress` hears (done, total).
pub fn score_paths(
    paths: &[PathBuf],
    resolver: &CriteriaResolver,
    stage: Stage,
    progress: &(dyn Fn(usize, usize) + Sync),
) -> (Vec<Standing>, Vec<(String, Vec<Diagnostic>)>) {
    let (files, unreadable) = crate::load::yaml_files(paths);
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let total = files.len();
    let results = score_files(&files, resolver, stage, threads, &|done| {
        progress(done, total)
    });
    let mut ok = Vec::with_capacity(files.len());
    let mut failed: Vec<(String, Vec<Diagnostic>)> = unreadable
        .into_iter()
        .map(|d| (d.file.clone(), vec![d]))
        .collect();
    for ((file, _), r) in files.iter().zip(results) {
        match r {
            Ok(Some(s)) => ok.push(s),
            Ok(None) => {}
            Err(d) => failed.push((file.display().to_string(), d.0)),
        }
    }
    (ok, failed)
}

/// The diagnostics kept for each file that did not load, when many files are read at once.
pub const SHOWN_PER_FAILED_FILE: usize = 10;

/// Scores every file on `threads` threads; results come back in the order of `paths`.
/// `progress` is called with the number of files done so far.
/// `paths` as from [`crate::load::yaml_files`]; a file found in a folder (not named) that is
/// not evidence comes back as `Ok(None)`.
pub fn score_files(
    paths: &[(PathBuf, bool)],
    resolver: &CriteriaResolver,
    stage: Stage,
    threads: usize,
    progress: &(dyn Fn(usize) + Sync),
) -> Vec<Result<Option<Standing>, Diagnostics>> {
    let next = AtomicUsize::new(0);
    let done = AtomicUsize::new(0);
    type Slot = Option<Result<Option<Standing>, Diagnostics>>;
    // Sized once, filled not cloned: a national ranking holds ten thousand of these.
    let mut slots: Vec<Slot> = Vec::with_capacity(paths.len());
    slots.resize_with(paths.len(), || None);
    let results: Mutex<Vec<Slot>> = Mutex::new(slots);
    let per_thread = paths.len() / threads.max(1) + 16;
    let work = || {
        let mut mine = Vec::with_capacity(per_thread);
        loop {
            let i = next.fetch_add(1, AtomicOrdering::Relaxed);
            let Some((path, named)) = paths.get(i) else {
                break;
            };
            // A file that did not load keeps its first few diagnostics only (W015 counts the
            // rest): a folder of broken files is told about, not held whole.
            let scored = score_file(path, !*named, resolver, stage)
                .map_err(|d| d.shortened(SHOWN_PER_FAILED_FILE));
            mine.push((i, scored));
            progress(done.fetch_add(1, AtomicOrdering::Relaxed) + 1);
        }
        let mut all = results.lock().unwrap_or_else(|e| e.into_inner());
        for (i, r) in mine {
            all[i] = Some(r);
        }
    };
    std::thread::scope(|scope| {
        // The calling thread is one of the workers: what it frees while scoring is then at
        // hand, warm, for the league it goes on to build, rather than fresh pages.
        for _ in 1..threads.clamp(1, paths.len().max(1)) {
            scope.spawn(work);
        }
        work();
    });
    results
        .into_inner()
        .unwrap_or_else(|e| e.into_inner())
        .into_iter()
        .map(|r| r.expect("every file was scored"))
        .collect()
}

/// Loads, binds and scores one evidence file; a criteria set `found` in a folder is skipped
/// (`None`), and so is a workbook found there that is not a form. Any other file is read as evidence and its problems reported: a file that is
/// neither kind is never dropped from the table without a word.
pub fn score_file(
    path: &Path,
    found: bool,
    resolver: &CriteriaResolver,
    stage: Stage,
) -> Result<Option<Standing>, Diagnostics> {
    let source = if found {
        match Source::read_found(path)? {
            Some(s) => s,
            // A workbook that is not a form (last year's results beside the forms).
            None => return Ok(None),
        }
    } else {
        Source::read(path)?
    };
    // A criteria set or a remediation plan beside the evidence is not a unit's result.
    if found
        && matches!(
            crate::load::file_kind(&source)?,
            crate::load::FileKind::Criteria | crate::load::FileKind::Remediation
        )
    {
        return Ok(None);
    }
    let base = path.parent().unwrap_or(Path::new("."));
    let (evidence, set, tally) =
        tally_source(&source, base, resolver, stage).map_err(|d| own_diagnostics(d, &source))?;
    Ok(Some(Standing::from_tally(
        &set,
        &evidence,
        &tally,
        &source.name,
    )))
}

/// The diagnostics of a file that did not score, less its criteria set's warnings: those come
/// with whichever file loaded the set first, which on several threads is a matter of timing,
/// and a league shows none for the files it ranks; the same folder then always gives the same
/// messages. The set's errors stay with every file they stop.
fn own_diagnostics(d: Diagnostics, source: &Source) -> Diagnostics {
    Diagnostics(
        d.0.into_iter()
            .filter(|x| x.is_error() || x.file == source.name)
            .collect(),
    )
}

/// One diagnostic per unit that more than one file holds, naming the files: a league lists
/// each unit once, and `--previous` and `--peers` match units by name.
pub fn duplicate_units(standings: &[Standing]) -> Vec<Diagnostic> {
    // Each unit's first standing, and each later standing of a unit met before: a national
    // ranking checks ten thousand names, almost never with a duplicate, so nothing more is
    // kept for a unit met once.
    let mut first: rustc_hash::FxHashMap<&str, u32> = Default::default();
    first.reserve(standings.len());
    let mut again: Vec<(u32, u32)> = Vec::new();
    // A blank name is no unit's (W205, see [`nameless_units`]): two nameless files are not
    // one unit twice.
    for (i, s) in standings
        .iter()
        .enumerate()
        .filter(|(_, s)| !s.is_nameless())
    {
        // Names that read the same are one unit: accents typed composed or decomposed, case,
        // and spaces do not make a second unit (invisible characters are refused on loading).
        match first.entry(s.unit_key.as_str()) {
            std::collections::hash_map::Entry::Occupied(e) => again.push((*e.get(), i as u32)),
            std::collections::hash_map::Entry::Vacant(e) => {
                e.insert(i as u32);
            }
        }
    }
    // Units in the order they were first met, each one's files in the order they came.
    again.sort_by_key(|&(first, _)| first);
    again
        .chunk_by(|a, b| a.0 == b.0)
        .map(|more| {
            let unit = &standings[more[0].0 as usize];
            let files: Vec<&str> = std::iter::once(unit.file.as_str())
                .chain(
                    more.iter()
                        .map(|&(_, i)| standings[i as usize].file.as_str()),
                )
                .collect();
            Diagnostic::new(
                crate::diag::DUPLICATE_UNIT,
                files[1],
                crate::i18n::diag::unit_twice(&unit.unit, files.len(), &names_shown(&files)),
            )
            .help(crate::i18n::diag::UNIT_ONCE)
        })
        .collect()
}

/// One warning naming the files whose `unit:` is blank (W205): their rows in a league have no
/// name. Each file's own W205 is not shown by a league, which shows no file's warnings.
/// `previous`: the files are last year's (`--previous`), matched to no unit of this year's.
pub fn nameless_units(standings: &[Standing], previous: bool) -> Option<Diagnostic> {
    let files: Vec<&str> = standings
        .iter()
        .filter(|s| s.is_nameless())
        .map(|s| s.file.as_str())
        .collect();
    let first = *files.first()?;
    let shown = names_shown(&files[..files.len().min(10)]);
    let message = if previous {
        crate::i18n::diag::nameless_previous(files.len(), standings.len(), &shown)
    } else {
        crate::i18n::diag::nameless_units(files.len(), standings.len(), &shown)
    };
    Some(
        Diagnostic::new(crate::diag::BLANK_UNIT, first, message)
            .help(crate::i18n::diag::NAME_THE_UNIT),
    )
}

/// File names for a message, each on one line as [`crate::diag::visible_name`] writes it (a
/// name with a line break would otherwise break the message into a line of its own).
fn names_shown(files: &[&str]) -> String {
    let names: Vec<_> = files.iter().map(|f| crate::diag::visible_name(f)).collect();
    names.join(", ")
}

/// A diagnostic naming the files when they are scored against different criteria sets.
pub fn mixed_sets(standings: &[Standing]) -> Option<Diagnostic> {
    // Each set, how many files it scored, and its first few files (all a message names).
    let mut groups: Vec<(&Arc<CriteriaSet>, usize, Vec<&str>)> = Vec::new();
    for s in standings {
        // Files that name one set share it (the resolver loads each set once): the pointer
        // tells, before the identity and the digest are compared.
        match groups.iter_mut().find(|(set, _, _)| {
            Arc::ptr_eq(set, &s.set) || (set.id == s.set.id && set.sha256 == s.set.sha256)
        }) {
            Some((_, count, shown)) => {
                *count += 1;
                if shown.len() < MIXED_SET_FILES_SHOWN {
                    shown.push(&s.file);
                }
            }
            None => groups.push((&s.set, 1, vec![&s.file])),
        }
    }
    if groups.len() < 2 {
        return None;
    }
    // The sets with fewest files first, each with its count and its first few files: the odd
    // ones out are what the user looks for, and a message naming every file of a national
    // folder would be cut before it reached them.
    groups.sort_by_key(|&(_, count, _)| count);
    let list: Vec<(&str, &str, usize, &[&str])> = groups
        .iter()
        .map(|(set, count, shown)| {
            let sha = &set.sha256;
            (
                set.id.as_str(),
                &sha[..8.min(sha.len())],
                *count,
                shown.as_slice(),
            )
        })
        .collect();
    Some(
        Diagnostic::new(
            crate::diag::MIXED_CRITERIA,
            groups[0].2[0],
            crate::i18n::diag::mixed_sets(&list),
        )
        .help(crate::i18n::diag::RANK_SEPARATELY),
    )
}

/// The period most files of a league give (the first seen of the most common), `None` where
/// none gives one.
pub fn league_period(standings: &[Standing]) -> Option<&str> {
    crate::collect::most_common(
        standings
            .iter()
            .map(|s| s.period.trim())
            .filter(|p| !p.is_empty()),
    )
}

/// The files of a league whose period is not `period`, named (three of them) with theirs.
fn periods_shown(files: &[&Standing]) -> String {
    let mut shown: Vec<String> = files
        .iter()
        .take(3)
        .map(|s| {
            format!(
                "{} ({})",
                crate::diag::visible_name(&s.file),
                crate::diag::shown(&s.period)
            )
        })
        .collect();
    if files.len() > 3 {
        shown.push("…".into());
    }
    shown.join(", ")
}

/// A warning (W506) naming the files of a league whose period is not `period`, the league's:
/// ranked all the same (a late file may be there on purpose), but a league of two periods is
/// not what a province publishes. `previous`: the files are last year's (`--previous`).
pub fn other_periods(standings: &[Standing], period: &str, previous: bool) -> Option<Diagnostic> {
    let other: Vec<&Standing> = standings
        .iter()
        .filter(|s| s.period.trim() != period)
        .collect();
    let first = other.first()?;
    Some(
        Diagnostic::new(
            crate::diag::PEERS_OTHER_PERIOD,
            &first.file,
            crate::i18n::rank::other_periods(
                other.len(),
                &crate::diag::shown(period),
                &periods_shown(&other),
                previous,
            ),
        )
        .help(crate::i18n::rank::ONE_PERIOD_A_LEAGUE),
    )
}

/// An error (E508) naming last year's files (`--previous`) whose period does not come before
/// `period`, this league's: their ranks would be shown as the previous period's. `rank cur
/// --previous cur` showed every unit "same".
pub fn previous_not_before(previous: &[Standing], period: &str) -> Option<Diagnostic> {
    let late: Vec<&Standing> = previous
        .iter()
        .filter(|s| !crate::compare::period_follows(period, &s.period))
        .collect();
    let first = late.first()?;
    Some(
        Diagnostic::new(
            crate::diag::PREVIOUS_MISMATCH,
            &first.file,
            crate::i18n::rank::previous_not_before(
                late.len(),
                &crate::diag::shown(period),
                &periods_shown(&late),
            ),
        )
        .help(crate::i18n::rank::PREVIOUS_IS_EARLIER),
    )
}

/// Files named for each criteria set in E214, before "and N more".
const MIXED_SET_FILES_SHOWN: usize = 3;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::decimal::dec;

    fn r(s: &str, m: &str) -> (Decimal, Decimal) {
        (dec(s), dec(m))
    }

    #[test]
    fn ties_share_a_rank_and_the_next_rank_skips() {
        let ranks = competition_ranks(&[r("8", "10"), r("9", "10"), r("8", "10"), r("7", "10")]);
        assert_eq!(ranks, vec![2, 1, 2, 4]);
    }

    #[test]
    fn ranks_use_the_exact_ratio_not_the_rounded_percentage() {
        // Both display 66.67%, but 2/3 > 0.6666.
        let ranks = competition_ranks(&[r("0.6666", "1"), r("2", "3")]);
        assert_eq!(ranks, vec![2, 1]);
        // Equal ratios on different maxima tie.
        assert_eq!(
            competition_ranks(&[r("1", "2"), r("44.5", "89")]),
            vec![1, 1]
        );
    }

    #[test]
    fn ranks_are_one_more_than_the_units_strictly_better() {
        // Many ties, a zero maximum, and two ratios whose 28-place quotients are equal
        // though the ratios are not (1/3 is above 0.333…3 with 28 threes).
        let mut lcg = crate::decimal::Lcg(7);
        let mut next = |n: u64| lcg.below(n);
        let mut ratios: Vec<(Decimal, Decimal)> = (0..500)
            .map(|_| {
                // Maxima that divide exactly and ones that do not (3, 0.3, 89, 7.5).
                let max = dec(["1", "2", "3", "10", "0.3", "89", "7.5"][next(7) as usize]);
                (Decimal::new(next(40) as i64, 1).min(max), max)
            })
            .collect();
        ratios.push(r("1", "3"));
        ratios.push(r("0.3333333333333333333333333333", "1"));
        let n = ratios.len();
        ratios.push(r("0", "0"));
        // Without a zero maximum every quotient is an integer key (the fast sort); with one,
        // the general sort.
        for list in [&ratios[..n], &ratios[..]] {
            let ranks = competition_ranks(list);
            for (i, &a) in list.iter().enumerate() {
                let better = list
                    .iter()
                    .filter(|&&b| cmp_ratio(b, a) == Ordering::Greater)
                    .count();
                assert_eq!(ranks[i], better + 1, "{a:?}");
            }
            assert!(ranks[n - 2] < ranks[n - 1], "1/3 above 0.333…3");
        }
    }

    #[test]
    fn a_quotient_is_exact_only_when_it_is_the_ratio() {
        let exact = |s: &str, m: &str| sort_key(r(s, m)).map(|k| k.exact);
        assert_eq!(exact("7.293", "10"), Some(true));
        assert_eq!(exact("44.5", "89"), Some(true));
        assert_eq!(exact("-1.5", "3"), Some(true));
        assert_eq!(exact("1", "3"), Some(false));
        assert_eq!(exact("2", "6"), Some(false));
        assert_eq!(exact("0", "0"), None);
        // Products past a decimal's 28 places would be rounded: not taken for exact.
        assert_eq!(exact("1", "0.33"), Some(false));
        assert_eq!(exact("0.0000000000000000000000000001", "0.5"), Some(false));
        // Equal ratios tie whichever way they are known: exact (1/2, 44.5/89) or not
        // (1/3, 2/6, 3/9), and an exact quotient never ties an inexact one it equals at 28
        // places.
        assert_eq!(
            competition_ranks(&[
                r("1", "3"),
                r("1", "2"),
                r("2", "6"),
                r("44.5", "89"),
                r("3", "9")
            ]),
            vec![3, 1, 3, 1, 3]
        );
        assert_eq!(
            competition_ranks(&[r("0.3333333333333333333333333333", "1"), r("1", "3")]),
            vec![2, 1]
        );
    }

    #[test]
    fn ratios_whose_cross_products_pass_28_digits_compare_exactly() {
        // Review finding: with the products rounded, A = B and B = C but A > C, and the sort
        // of 21 such units stopped the process.
        let a = r("3.0000000000000000000000000001", "9");
        let b = r("1", "3");
        let c = r("2.9999999999999999999999999999", "9");
        assert_eq!(cmp_ratio(a, b), Ordering::Greater);
        assert_eq!(cmp_ratio(b, c), Ordering::Greater);
        assert_eq!(cmp_ratio(a, c), Ordering::Greater);
        assert_eq!(cmp_ratio(c, a), Ordering::Less);
        assert_eq!(cmp_ratio(b, r("3", "9")), Ordering::Equal);
        assert_eq!(
            cmp_ratio(r("0.0000000000000000000000000001", "3"), r("0", "3")),
            Ordering::Greater
        );
        assert_eq!(cmp_ratio(r("-1", "3"), r("-1", "2")), Ordering::Greater);
        let list: Vec<(Decimal, Decimal)> = "AABBBAACCAABACABBABAC"
            .chars()
            .map(|u| match u {
                'A' => a,
                'B' => b,
                _ => c,
            })
            .collect();
        let ranks = competition_ranks(&list);
        for (u, rank) in "AABBBAACCAABACABBABAC".chars().zip(ranks) {
            assert_eq!(rank, [1, 11, 18]["ABC".find(u).unwrap()], "{u}");
        }
    }

    #[test]
    fn packed_keys_keep_the_quotient_its_exactness_and_its_order() {
        let keys = [
            r("-1.5", "3"),
            r("1", "3"),
            r("2", "6"),
            r("1", "2"),
            r("0", "5"),
            r("0", "0"),
        ]
        .map(sort_key);
        for k in keys {
            assert_eq!(unpack(pack(k)), k);
        }
        // Packed, higher quotients sort higher, and an exact key sits beside an inexact one
        // of the same quotient (1/3 and 2/6 are one quotient, inexact).
        let packed: Vec<PackedKey> = keys[..5].iter().map(|&k| pack(k)).collect();
        assert!(packed[0] < packed[4] && packed[4] < packed[1] && packed[1] < packed[3]);
        assert_eq!(packed[1], packed[2]);
        assert_eq!(pack(None), NO_KEY);
        // A quotient too large to pack has no key: the exact comparison decides.
        let huge = SortKey {
            at_28: i128::MAX / 2 + 1,
            exact: true,
        };
        assert_eq!(pack(Some(huge)), NO_KEY);
    }

    #[test]
    fn a_zero_maximum_ranks_last() {
        assert_eq!(competition_ranks(&[r("0", "0"), r("0", "5")]), vec![2, 1]);
    }
}
