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
    /// One W701 per unit without a form, placed at its line of the units file.
    pub fn missing_diagnostics(&self, list: &UnitList) -> Vec<Diagnostic> {
        self.missing
            .iter()
            .map(|&u| {
                list.at(
                    diag::MISSING_FORM,
                    u,
                    words::missing_form(&list.units[u].name),
                )
                .help(words::MISSING_FORM_HELP)
            })
            .collect()
    }
}

/// A diagnostic placed where the evidence file `file` names its unit (`unit:`, or the form's
/// cell B7), as `check` places E708; naming only the file where it cannot be read again. Read
/// again only for a unit not on the list, so ranking ten thousand known units costs nothing.
pub fn placed_at_unit(file: &str) -> Diagnostic {
    match crate::load::Source::read(std::path::Path::new(file)) {
        Ok(source) => source.diag(diag::UNKNOWN_UNIT, &[crate::load::yaml::key("unit")], ""),
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
    d.set_message(words::unknown_unit(unit, &list.file));
    d.help(words::unknown_unit_help(list.nearest(unit)))
}

/// Adds to a check's findings what the list says of its evidence files: E708 per form of a
/// unit not on the list, E215 per unit with several forms, W701 per unit without a form.
pub fn check_collected(report: &mut CheckReport, list: &UnitList) {
    let found = collect(list, report.forms.iter().map(|f| f.unit.as_str()));
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
        if let Some(u) = list.find(&s.unit) {
            previous_of[slot_of(u)].push(s.clone());
        }
    }
    let mut out = Vec::new();
    for (((g, members), missing), prev) in
        order.iter().zip(by_group).zip(missing_of).zip(previous_of)
    {
        let Some(first) = members.first() else {
            continue;
        };
        if let Some(d) = mixed_sets(&members) {
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
