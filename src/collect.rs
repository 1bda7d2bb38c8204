//! Collecting the returned forms against the units file: which units on the list sent theirs,
//! which did not (W701), which forms name a unit that is not on it (E708), and — when the
//! list gives groups — one league per group, each against its own criteria set.
//!
//! A form is matched to a unit by its `unit:` through [`crate::units::unit_key`] (NFC, case
//! and spacing ignored): the key that also finds a unit ranked twice (E215).

use crate::check::CheckReport;
use crate::diag::{self, Diagnostic};
use crate::i18n::units as words;
use crate::model::CriteriaSet;
use crate::rank::{grade_counts, league, mixed_sets, GradeCount, Row, Standing};
use crate::units::UnitList;
use std::sync::Arc;

/// The forms matched to the list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Collection {
    /// Per form (in the order given), the index of its unit on the list; `None`: not on it.
    pub unit_of: Vec<Option<usize>>,
    /// The units on the list no form came from, in the list's order.
    pub missing: Vec<usize>,
    /// Units more than one form came from: the unit's index and its forms' indices.
    pub duplicates: Vec<(usize, Vec<usize>)>,
}

/// Matches forms, given by their `unit:`, to the list.
pub fn collect<'a>(list: &UnitList, units: impl IntoIterator<Item = &'a str>) -> Collection {
    let unit_of: Vec<Option<usize>> = units.into_iter().map(|u| list.find(u)).collect();
    let mut forms_of: Vec<Vec<usize>> = vec![Vec::new(); list.units.len()];
    for (form, unit) in unit_of.iter().enumerate() {
        if let Some(u) = unit {
            forms_of[*u].push(form);
        }
    }
    let missing = (0..list.units.len())
        .filter(|&u| forms_of[u].is_empty())
        .collect();
    let duplicates = forms_of
        .into_iter()
        .enumerate()
        .filter(|(_, f)| f.len() > 1)
        .collect();
    Collection {
        unit_of,
        missing,
        duplicates,
    }
}

impl Collection {
    /// The units on the list whose form is one of `failed`, the files that did not load
    /// (`--keep-going`), each read again for its `unit:` where it still can be, else known by
    /// the file name its form was given: `(unit, file)`.
    /// They are taken out of `missing`: a unit whose form was refused did send one, and the
    /// published annex must not say it did not.
    pub fn take_refused(&mut self, list: &UnitList, failed: &[&str]) -> Vec<(usize, String)> {
        let mut refused = Vec::new();
        // The missing units by the file name their form was given, made at the first file
        // that needs it: once, not per file (ten thousand of each would be 10^8 names folded).
        let mut by_stem: Option<std::collections::HashMap<String, usize>> = None;
        let missing: std::collections::HashSet<usize> = self.missing.iter().copied().collect();
        let mut taken = std::collections::HashSet::new();
        for file in failed {
            let path = std::path::Path::new(file);
            let named = crate::load::Source::read(path).ok().and_then(|source| {
                let doc = source.document().ok()?;
                let unit = doc.get("unit").and_then(|n| n.text())?;
                list.find(unit)
            });
            // A form that is not even YAML any more: by the file name `template --units`
            // gave it (`xa-b.yaml` for Xã B).
            let unit = named.or_else(|| {
                let stem = path.file_stem()?.to_string_lossy().to_lowercase();
                let stems = by_stem.get_or_insert_with(|| {
                    self.missing
                        .iter()
                        .map(|&u| {
                            let unit = &list.units[u];
                            (crate::units::form_stem(&unit.name, unit.code.as_deref()), u)
                        })
                        .collect()
                });
                stems.get(&stem).copied()
            });
            // Only a unit still missing: one whose form loaded is not refused for another file.
            if let Some(u) = unit.filter(|u| missing.contains(u)) {
                if taken.insert(u) {
                    refused.push((u, file.to_string()));
                }
            }
        }
        self.missing.retain(|u| !taken.contains(u));
        refused
    }

    /// One W701 per unit without a form, placed at its line of the units file: the first
    /// hundred, then how many more (W015), as for any one file's findings (a list of 50,000
    /// units and no forms printed 62 MB).
    pub fn missing_diagnostics(&self, list: &UnitList) -> Vec<Diagnostic> {
        let mut found = diag::Findings::new();
        for &u in &self.missing {
            found.push(
                list.at(
                    diag::MISSING_FORM,
                    u,
                    words::missing_form(&list.units[u].name),
                )
                .help(words::MISSING_FORM_HELP),
            );
        }
        found.into_vec(&list.file)
    }
}

/// A diagnostic placed where the evidence file `file` names its unit (`unit:`, or the form's
/// cell B7), as `check` places E708; naming only the file where it cannot be read again. Read
/// again only for a unit not on the list, so ranking ten thousand known units costs nothing.
pub fn placed_at_unit(file: &str) -> Diagnostic {
    placed_at(file, "unit")
}

/// A diagnostic placed where the evidence file `file` gives `key` (the form's cell), as
/// [`placed_at_unit`]; its check and message are set by the caller.
pub fn placed_at(file: &str, key: &str) -> Diagnostic {
    match crate::load::Source::read(std::path::Path::new(file)) {
        Ok(source) => source.diag(diag::UNKNOWN_UNIT, &[crate::load::yaml::key(key)], ""),
        Err(_) => Diagnostic::new(diag::UNKNOWN_UNIT, file, ""),
    }
}

/// E708 for a form naming `unit`, which is not on the list: `placed` is a diagnostic already
/// placed at the form's `unit:` (or only naming the file), whose check and message are set here.
pub fn unknown_unit(placed: Diagnostic, list: &UnitList, unit: &str) -> Diagnostic {
    let mut d = Diagnostic {
        check: diag::UNKNOWN_UNIT,
        severity: diag::Severity::Error,
        ..placed
    };
    if unit.trim().is_empty() {
        d.set_message(words::unit_blank_on_form(&list.file));
        return d.help(words::NAME_A_LISTED_UNIT);
    }
    d.set_message(words::unknown_unit(unit, &list.file));
    d.help(words::unknown_unit_help(list.nearest(unit)))
}

/// What a form matched to the list says of itself, for the checks across forms.
#[derive(Debug, Clone, Copy)]
pub struct FormSays<'a> {
    /// Its unit's index on the list.
    pub unit: usize,
    /// Its criteria set, `(id, SHA-256)`; `None` when it did not score.
    pub set: Option<(&'a str, &'a str)>,
    /// Its period, trimmed ("" for an empty one); `None` where the form did not score, which
    /// its own errors report (a `period:` missing or not a period among them).
    pub period: Option<&'a str>,
}

/// What is wrong with a form beside the others of the run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OddForm {
    /// Scored against another set than the other forms of its group (E713).
    OtherSet {
        set: String,
        group: Option<String>,
        expected: String,
        /// The expected set's id alone, for the command that makes its form.
        expected_id: String,
    },
    /// Of another period than the run's (E714).
    OtherPeriod { period: String, expected: String },
    /// Of no period (E715).
    NoPeriod { expected: Option<String> },
}

/// The most common of `keys` (the first of the most common, on a tie); `None` if empty.
/// Counted in a map: ten thousand forms each of its own period cost no quadratic time.
pub(crate) fn most_common<T: std::hash::Hash + Eq + Clone>(
    keys: impl Iterator<Item = T>,
) -> Option<T> {
    let mut counts: std::collections::HashMap<T, (usize, usize)> = Default::default();
    for (i, k) in keys.enumerate() {
        counts.entry(k).or_insert((0, i)).0 += 1;
    }
    // Most forms first, then the earliest seen.
    counts
        .into_iter()
        .max_by(|(_, (n, first)), (_, (m, other))| n.cmp(m).then(other.cmp(first)))
        .map(|(k, _)| k)
}

/// The run's period: `given` (`--period`), else the one most forms give.
pub fn run_period<'a>(forms: &[FormSays<'a>], given: Option<&'a str>) -> Option<&'a str> {
    given.map(str::trim).or_else(|| {
        most_common(
            forms
                .iter()
                .filter_map(|f| f.period)
                .filter(|p| !p.is_empty()),
        )
    })
}

/// The forms `check --units` and `rank --units` both refuse, by index in `forms`: one scored
/// against another set than most forms of its unit's group (a commune's form filled on the
/// departments' set), one of another period than the run's ([`run_period`]: last year's
/// better form sent again), one of no period (the annex would publish it under none).
pub fn odd_forms(
    list: &UnitList,
    forms: &[FormSays],
    period: Option<&str>,
) -> Vec<(usize, OddForm)> {
    let mut odd = Vec::new();
    let group_of = |f: &FormSays| list.units[f.unit].group.as_deref();
    // Each group's set: the one most of its forms use.
    let mut by_group: std::collections::HashMap<Option<&str>, Vec<(&str, &str)>> =
        Default::default();
    for f in forms {
        by_group.entry(group_of(f)).or_default().extend(f.set);
    }
    let sets: std::collections::HashMap<Option<&str>, (&str, &str)> = by_group
        .into_iter()
        .filter_map(|(g, sets)| most_common(sets.into_iter()).map(|s| (g, s)))
        .collect();
    let wanted = run_period(forms, period);
    for (i, f) in forms.iter().enumerate() {
        let g = group_of(f);
        if let (Some(set), Some(expected)) = (f.set, sets.get(&g)) {
            if set != *expected {
                // Two versions of one set are told apart by their SHA-256.
                let same_id = set.0 == expected.0;
                let name = |(id, sha): (&str, &str)| match same_id {
                    true => format!("{id} ({})", &sha[..8.min(sha.len())]),
                    false => id.to_string(),
                };
                odd.push((
                    i,
                    OddForm::OtherSet {
                        set: name(set),
                        group: g.map(str::to_string),
                        expected: name(*expected),
                        expected_id: expected.0.to_string(),
                    },
                ));
            }
        }
        let Some(given) = f.period else {
            continue;
        };
        if given.is_empty() {
            odd.push((
                i,
                OddForm::NoPeriod {
                    expected: wanted.map(str::to_string),
                },
            ));
        } else if let Some(w) = wanted.filter(|w| *w != given) {
            odd.push((
                i,
                OddForm::OtherPeriod {
                    period: given.to_string(),
                    expected: w.to_string(),
                },
            ));
        }
    }
    odd
}

impl OddForm {
    /// The diagnostic, from one already placed (at the form's `criteria:` for a set, at its
    /// `period:` for a period); `given`: the period came from `--period`.
    pub fn diagnostic(&self, placed: Diagnostic, given: bool) -> Diagnostic {
        let (check, message, help) = match self {
            OddForm::OtherSet {
                set,
                group,
                expected,
                expected_id,
            } => (
                diag::GROUP_OTHER_SET,
                words::other_set(set, group.as_deref(), expected),
                words::other_set_help(expected_id, group.is_some()),
            ),
            OddForm::OtherPeriod { period, expected } => (
                diag::FORM_OTHER_PERIOD,
                words::other_period(period, expected, given),
                words::OTHER_PERIOD_HELP.into(),
            ),
            OddForm::NoPeriod { expected } => (
                diag::FORM_NO_PERIOD,
                words::no_period(expected.as_deref()),
                words::NO_PERIOD_HELP.into(),
            ),
        };
        let mut d = Diagnostic {
            check,
            severity: diag::Severity::Error,
            ..placed
        };
        d.set_message(message);
        d.help(help)
    }
}

/// Adds to a check's findings what the list says of its evidence files: E708 per form of a
/// unit not on the list, E215 per unit with several forms, W701 per unit without a form,
/// E713–E715 per form of another set than its group's, of another period or of none.
pub fn check_collected(report: &mut CheckReport, list: &UnitList, period: Option<&str>) {
    let found = collect(list, report.forms.iter().map(|f| f.unit.as_str()));
    let matched: Vec<usize> = (0..report.forms.len())
        .filter(|&i| found.unit_of[i].is_some())
        .collect();
    let says: Vec<FormSays> = matched
        .iter()
        .map(|&i| {
            let f = &report.forms[i];
            FormSays {
                unit: found.unit_of[i].unwrap_or_default(),
                set: f.set.as_ref().map(|(id, sha)| (id.as_str(), sha.as_str())),
                period: f.period.as_deref(),
            }
        })
        .collect();
    let odd: Vec<Diagnostic> = odd_forms(list, &says, period)
        .into_iter()
        .map(|(k, odd)| {
            let form = &report.forms[matched[k]];
            let placed = match odd {
                OddForm::OtherSet { .. } => form.criteria_at.clone(),
                _ => form.period_at.clone(),
            };
            odd.diagnostic(placed, period.is_some())
        })
        .collect();
    report.diagnostics.extend(odd);
    for (form, unit) in report.forms.iter().zip(&found.unit_of) {
        if unit.is_none() {
            let d = unknown_unit(form.unit_at.clone(), list, &form.unit);
            report.diagnostics.push(d);
        }
    }
    for (u, forms) in &found.duplicates {
        let files: Vec<&str> = forms
            .iter()
            .map(|&f| report.forms[f].file.as_str())
            .collect();
        report.diagnostics.push(
            Diagnostic::new(
                diag::DUPLICATE_UNIT,
                files[1],
                words::duplicate_form(&list.units[*u].name, &files),
            )
            .help(words::DUPLICATE_FORM_HELP),
        );
    }
    report.diagnostics.extend(found.missing_diagnostics(list));
}

/// One group's league: its units' rows ranked among themselves, against the group's set.
#[derive(Debug, Clone)]
pub struct GroupLeague {
    /// The group as the units file writes it; `None` for units the file gives no group (or,
    /// in a file without groups, for every unit).
    pub group: Option<String>,
    pub set: Arc<CriteriaSet>,
    pub rows: Vec<Row>,
    pub grades: Vec<GradeCount>,
    /// The group's units that sent no form, in the list's order.
    pub missing: Vec<String>,
}

/// Ranks `standings` (each matched to the list: `unit_of[i]` is `standings[i]`'s unit) in one
/// league per group of the list, in the order the list first names the groups, units without
/// a group last. A group whose forms name different criteria sets is an error (E214), but two
/// groups may use two sets: communes and departments are scored differently. `previous`:
/// last year's standings, each matched to the list the same way (unmatched ones are passed
/// over), for each row's previous rank within its group. A group no form came from has no
/// league (its units are in `missing` of none: see [`Collection::missing`]).
pub fn group_leagues(
    list: &UnitList,
    standings: Vec<Standing>,
    unit_of: &[usize],
    previous: Option<&[Standing]>,
    missing: &[usize],
) -> Result<Vec<GroupLeague>, Box<Diagnostic>> {
    let mut order: Vec<Option<&str>> = list.groups().into_iter().map(Some).collect();
    order.push(None);
    // Each unit's slot in `order`, looked up once (a list may hold thousands of groups).
    let slots: std::collections::HashMap<Option<&str>, usize> =
        order.iter().enumerate().map(|(i, g)| (*g, i)).collect();
    let slot_of = |unit: usize| slots[&list.units[unit].group.as_deref()];
    let mut by_group: Vec<Vec<Standing>> = vec![Vec::new(); order.len()];
    for (s, &u) in standings.into_iter().zip(unit_of) {
        by_group[slot_of(u)].push(s);
    }
    let mut missing_of: Vec<Vec<String>> = vec![Vec::new(); order.len()];
    for &u in missing {
        missing_of[slot_of(u)].push(list.units[u].name.clone());
    }
    let mut previous_of: Vec<Vec<Standing>> = vec![Vec::new(); order.len()];
    for s in previous.unwrap_or_default() {
        match list.find(&s.unit) {
            Some(u) => previous_of[slot_of(u)].push(s.clone()),
            // Without groups there is one league, last period's whole: a unit since merged
            // away or renamed still held its rank then, and the ranks of the others with it.
            None if !list.has_groups() => previous_of[order.len() - 1].push(s.clone()),
            // Its group is not known: left out of each group's last period (told by `rank`).
            None => {}
        }
    }
    let mut out = Vec::new();
    for (((g, members), missing), prev) in
        order.iter().zip(by_group).zip(missing_of).zip(previous_of)
    {
        let Some(first) = members.first() else {
            continue;
        };
        if let Some(d) = mixed_sets(&members).or_else(|| mixed_sets(&prev)) {
            return Err(Box::new(d));
        }
        let set = first.set.clone();
        let grades = grade_counts(&set.grades, &members);
        out.push(GroupLeague {
            group: g.map(str::to_string),
            set,
            rows: league(members, previous.map(|_| prev.as_slice())),
            grades,
            missing,
        });
    }
    Ok(out)
}

/// The leagues' rows one after the other, with each row's group beside it (the published
/// annex lays each group out as its own table).
pub fn rows_and_groups(leagues: &[GroupLeague]) -> (Vec<Row>, Vec<Option<String>>) {
    let mut rows = Vec::new();
    let mut groups = Vec::new();
    for l in leagues {
        rows.extend(l.rows.iter().cloned());
        groups.extend(std::iter::repeat_n(l.group.clone(), l.rows.len()));
    }
    (rows, groups)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_most_common_wins_and_the_first_seen_breaks_a_tie() {
        assert_eq!(
            most_common(["2024", "2025", "2025"].into_iter()),
            Some("2025")
        );
        assert_eq!(
            most_common(["2025", "2024", "2024", "2025"].into_iter()),
            Some("2025")
        );
        assert_eq!(most_common(std::iter::empty::<&str>()), None);
    }

    #[test]
    fn forms_are_matched_whatever_the_accents_case_or_spacing() {
        let (list, _) = UnitList::parse(
            "units.txt".into(),
            "Sở Nội vụ\nSở Tài chính\nUBND xã Nâm N'Jang\n".into(),
            false,
        )
        .unwrap();
        let found = collect(
            &list,
            [
                "sở  nội VỤ",
                "Xa\u{0303} Na\u{0302}m N'Jang",
                "UBND xa\u{0303} na\u{0302}m n'jang",
                "Sở Ngoại vụ",
            ],
        );
        // The decomposed `Xã` does not match `UBND xã`: a different name, not a spelling.
        assert_eq!(found.unit_of, [Some(0), None, Some(2), None]);
        assert_eq!(found.missing, [1]);
        assert!(found.duplicates.is_empty());
        let twice = collect(&list, ["Sở Nội vụ", "SỞ NỘI VỤ"]);
        assert_eq!(twice.duplicates, [(0, vec![0, 1])]);
        assert_eq!(list.nearest("Sở Noi vu"), Some("Sở Nội vụ"));
    }

    #[test]
    fn each_ranked_row_comes_with_its_group_for_the_annex() {
        let (standings, failed) = crate::rank::score_paths(
            &["examples/dak-nong-2022".into()],
            &crate::load::CriteriaResolver::new(),
            crate::model::Stage::Final,
            &|_, _| {},
        );
        assert!(failed.is_empty());
        let (list, _) = UnitList::parse(
            "units.csv".into(),
            "name,group\nĐơn vị giả định G (hư cấu),Thị xã\nUBND huyện Krông Nô,Huyện\n\
             Đơn vị giả định A (hư cấu),Huyện\nUBND huyện Mới,Huyện\n"
                .into(),
            true,
        )
        .unwrap();
        let found = collect(&list, standings.iter().map(|s| s.unit.as_str()));
        let (kept, unit_of): (Vec<Standing>, Vec<usize>) = standings
            .into_iter()
            .zip(&found.unit_of)
            .filter_map(|(s, u)| u.map(|u| (s, u)))
            .unzip();
        let leagues = group_leagues(&list, kept, &unit_of, None, &found.missing).unwrap();
        let (rows, groups) = rows_and_groups(&leagues);
        let shown: Vec<(usize, &str, Option<&str>)> = rows
            .iter()
            .zip(&groups)
            .map(|(r, g)| (r.rank, r.standing.unit.as_str(), g.as_deref()))
            .collect();
        // Groups in the list's order, ranks within each group.
        assert_eq!(
            shown,
            [
                (1, "Đơn vị giả định G (hư cấu)", Some("Thị xã")),
                (1, "UBND huyện Krông Nô", Some("Huyện")),
                (2, "Đơn vị giả định A (hư cấu)", Some("Huyện")),
            ]
        );
        assert_eq!(leagues[1].missing, ["UBND huyện Mới"]);
        assert!(leagues[0].missing.is_empty());
    }
}
