//! Criteria sets: from the parsed file to a validated [`CriteriaSet`], reporting every problem.

use super::raw::{RawCriteria, RawNode, RawRule, Reader, Scalar, RULE_NAMES};
use super::value::percent_text;
use super::yaml::{child, key, Seg};
use super::{check_header, expect_kind, sha256_hex, Source};
use crate::decimal::{self, parse_decimal, NumberError, Rounding, RoundingMode};
use crate::diag::{self, Diagnostic, Diagnostics, Findings};
use crate::i18n::diag as say;
use crate::model::{
    Bound, Choice, Component, CriteriaHeader, CriteriaSet, Criterion, Grade, IfNa, Linear, Ratio,
    Rule, SectionKind, Tier, TierScale, Tiers,
};
use rust_decimal::Decimal;
use std::collections::HashMap;
use std::path::Path;

/// Reads and validates a criteria set file. Warnings come back beside the set.
pub fn load_criteria(path: &Path) -> Result<(CriteriaSet, Vec<Diagnostic>), Diagnostics> {
    parse_criteria(&Source::read(path)?)
}

/// Validates a criteria set from its source text.
pub fn parse_criteria(source: &Source) -> Result<(CriteriaSet, Vec<Diagnostic>), Diagnostics> {
    let doc = source.document()?;
    expect_kind(source, doc, "criteria")?;
    let mut reader = Reader::new(source);
    let raw = reader.criteria(doc);
    let raw = match raw {
        Some(raw) if !reader.fatal => raw,
        _ => return Err(Diagnostics(reader.found.into_vec(&source.name))),
    };
    check_header(source, &raw.parindex, raw.kind, "criteria")?;
    let mut b = Builder {
        source,
        // Unknown keys were reported while reading; every other check still runs.
        found: reader.found,
        nodes: Vec::new(),
        paths: Vec::new(),
        seen: HashMap::new(),
        if_na: IfNa::Forbid,
        kind: SectionKind::Scored,
        component: None,
        component_ids: Vec::new(),
    };
    let header = b.header(&raw);
    b.component_ids = header.components.iter().map(|c| c.id.clone()).collect();
    if let Some(text) = raw.if_na {
        b.if_na = b.if_na(text, &[key("if_na")], None).unwrap_or(IfNa::Forbid);
    }
    let sections_path = vec![key("sections")];
    if raw.sections.is_empty() {
        b.found.push(
            source
                .diag(diag::LEAF_SHAPE, &sections_path, say::NO_SECTIONS)
                .help(say::LIST_SECTIONS),
        );
    }
    let mut sections = Vec::new();
    for (i, node) in raw.sections.iter().enumerate() {
        let mut path = sections_path.clone();
        path.push(Seg::Index(i));
        sections.push(b.node(node, path, None, 0));
    }
    b.sibling_order(&sections, None);
    // A component that no section names would show an empty part of the total; where a section
    // names one misspelt or none, that is the cause, already reported.
    let sections_named_all = sections
        .iter()
        .all(|&i| b.nodes[i].component.is_some() || b.nodes[i].kind.outside_max());
    for (c, component) in header.components.iter().enumerate() {
        if sections_named_all && !sections.iter().any(|&i| b.nodes[i].component == Some(c)) {
            b.found.push(
                source
                    .diag(
                        diag::BAD_COMPONENT,
                        &[key("components"), Seg::Index(c)],
                        say::component_unused(&component.id),
                    )
                    .help(say::NAME_THE_COMPONENT),
            );
        }
    }
    // Bonus and penalty sections lie outside the total maximum.
    let sections_sum = decimal::sum(
        sections
            .iter()
            .filter(|&&i| !b.nodes[i].kind.outside_max())
            .map(|&i| b.nodes[i].max),
    );
    if sections_sum.is_err() {
        // Not skipped: a sum that cannot be made is no check passed.
        b.found.push(
            source
                .diag(
                    diag::TOTAL_NOT_SUM,
                    &[key(if header.total.is_some() {
                        "total"
                    } else {
                        "sections"
                    })],
                    say::SECTIONS_OVERFLOW,
                )
                .help(say::CORRECT_SECTIONS_MAX),
        );
    }
    if let (Some(total), Ok(sum)) = (header.total, sections_sum) {
        if total != sum {
            b.found.push(
                source
                    .diag(
                        diag::TOTAL_NOT_SUM,
                        &[key("total")],
                        say::total_not_sum(
                            &decimal::show(total),
                            &decimal::show(sum),
                            &decimal::show(total - sum),
                        ),
                    )
                    .help(say::set_total(&decimal::show(sum))),
            );
        }
    }
    let (errors, warnings): (Vec<_>, Vec<_>) = b
        .found
        .into_vec(&source.name)
        .into_iter()
        .partition(Diagnostic::is_error);
    if !errors.is_empty() {
        let mut all = errors;
        all.extend(warnings);
        return Err(Diagnostics(all));
    }
    let set = CriteriaSet::new(
        header,
        b.nodes,
        sha256_hex(&source.text),
        source.name.clone(),
    );
    Ok((set, warnings))
}

struct Builder<'a> {
    source: &'a Source,
    found: Findings,
    nodes: Vec<Criterion>,
    /// Each node's path in the document, parallel to `nodes`.
    paths: Vec<Vec<Seg>>,
    /// Code → the node that first used it (its line is looked up only for a duplicate, so a
    /// clean set never builds the position index).
    seen: HashMap<String, usize>,
    /// What n/a means on a leaf that does not say: the set's `if_na:`, else `forbid`.
    if_na: IfNa,
    /// The kind of the section being built.
    kind: SectionKind,
    /// The component of the section being built.
    component: Option<usize>,
    /// The set's component ids, in order.
    component_ids: Vec<String>,
}

impl Builder<'_> {
    fn push(&mut self, d: Diagnostic) {
        self.found.push(d);
    }

    /// An `if_na:` setting, on a leaf (`code`) or for the whole set.
    fn if_na(&mut self, text: &str, path: &[Seg], code: Option<&str>) -> Option<IfNa> {
        if let Some(v) = IfNa::from_name(text) {
            return Some(v);
        }
        let help = say::if_na_is(diag::suggest(text, IfNa::NAMES));
        let mut d = self
            .source
            .diag(diag::BAD_RULE, path, say::unknown_if_na(text))
            .help(help);
        d.criterion = code.map(str::to_string);
        self.push(d);
        None
    }

    /// Reads a decimal from its text; problems are reported at `path`.
    fn number(&mut self, text: &str, path: &[Seg], code: Option<&str>) -> Option<Decimal> {
        match parse_decimal(text) {
            Ok(n) => Some(n),
            Err(e) => {
                let (check, msg, help) = match e {
                    NumberError::TooLarge => (
                        diag::NUMBER_TOO_LARGE,
                        say::number_too_large(text),
                        say::SMALL_FIGURES,
                    ),
                    NumberError::TooPrecise => (
                        diag::NUMBER_TOO_LARGE,
                        say::number_too_precise(text),
                        say::SMALL_FIGURES,
                    ),
                    NumberError::NotANumber => (
                        diag::WRONG_TYPE,
                        say::not_a_number(text),
                        say::WRITE_A_NUMBER,
                    ),
                };
                let mut d = self.source.diag(check, path, msg).help(help);
                d.criterion = code.map(str::to_string);
                self.push(d);
                None
            }
        }
    }

    fn header(&mut self, raw: &RawCriteria) -> CriteriaHeader {
        let source = self.source;
        if raw.id.is_empty()
            || !raw
                .id
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        {
            self.push(
                source
                    .diag(diag::BAD_ID, &[key("id")], say::bad_set_id(raw.id))
                    .help(say::ID_SPELLING),
            );
        }
        let year = raw.year.as_ref().and_then(|y| match y {
            Scalar::Int(t) => t.parse::<u32>().ok(),
            _ => None,
        });
        if raw.year.is_some() && year.is_none() {
            self.push(
                source
                    .diag(diag::WRONG_TYPE, &[key("year")], say::NOT_A_YEAR)
                    .help(say::WRITE_YEAR),
            );
        }
        let total = raw
            .total
            .as_ref()
            .and_then(|t| self.number(t.0, &[key("total")], None));
        let mut rounding = Rounding::default();
        if let Some(r) = &raw.rounding {
            match &r.decimals {
                None => {}
                Some(Scalar::Int(t))
                    if t.parse::<u32>().is_ok_and(|d| d <= Rounding::MAX_DECIMALS) =>
                {
                    rounding.decimals = t.parse().unwrap_or(3);
                }
                Some(other) => self.push(
                    source
                        .diag(
                            diag::BAD_ROUNDING,
                            &[key("rounding"), key("decimals")],
                            say::bad_decimals(&other.text()),
                        )
                        .help(say::DECIMALS_3),
                ),
            }
            if let Some(mode) = r.mode {
                match RoundingMode::from_name(mode) {
                    Some(m) => rounding.mode = m,
                    None => {
                        let hint = say::rounding_modes(diag::suggest(mode, RoundingMode::NAMES));
                        self.push(
                            source
                                .diag(
                                    diag::BAD_ROUNDING,
                                    &[key("rounding"), key("mode")],
                                    say::unknown_rounding(mode),
                                )
                                .help(hint),
                        );
                    }
                }
            }
        }
        let grades = self.grades(raw);
        CriteriaHeader {
            id: raw.id.to_string(),
            title: raw.title.to_string(),
            year,
            source: raw.source.map(str::to_string),
            total,
            rounding,
            grades,
            cap_total: raw.cap_total.unwrap_or(true),
            components: self.components(raw),
        }
    }

    fn grades(&mut self, raw: &RawCriteria) -> Vec<Grade> {
        let Some(list) = &raw.grades else {
            return Vec::new();
        };
        let mut out: Vec<Grade> = Vec::new();
        // Each band's place in the list, parallel to `out`.
        let mut places: Vec<usize> = Vec::new();
        // Each band's label as compared (case, spacing and how accents were typed aside).
        let mut labels: Vec<String> = Vec::new();
        for (i, g) in list.iter().enumerate() {
            let label_path = [key("grades"), Seg::Index(i), key("label")];
            let label_key = crate::units::unit_key(g.label);
            if label_key.is_empty() {
                self.push(
                    self.source
                        .diag(diag::BAD_GRADES, &label_path, say::GRADE_LABEL_BLANK)
                        .help(say::NAME_EACH_GRADE),
                );
            } else if let Some(first) = labels.iter().position(|l| *l == label_key) {
                // A band copied and not renamed: a unit of the lower band would be published
                // with the higher one's name, and `expect: grade` could not tell them apart.
                self.push(
                    self.source
                        .diag(
                            diag::BAD_GRADES,
                            &label_path,
                            say::grade_label_twice(g.label, list[first].label),
                        )
                        .help(say::NAME_EACH_GRADE),
                );
            }
            labels.push(label_key);
            let path = vec![key("grades"), Seg::Index(i), key("min")];
            // A percentage: a number (90) or a string with a percent sign ("90%").
            let written = g.min.0.trim();
            let number = written.strip_suffix('%').map_or(written, str::trim_end);
            let Some(min) = self.number(number, &path, None) else {
                continue;
            };
            if min < Decimal::ZERO || min > Decimal::ONE_HUNDRED {
                self.push(
                    self.source
                        .diag(diag::BAD_GRADES, &path, say::grade_outside(g.label, number))
                        .help(say::MIN_IS_PERCENT),
                );
            } else if let Some(prev) = out.last() {
                if min >= prev.min {
                    self.push(
                        self.source
                            .diag(
                                diag::BAD_GRADES,
                                &path,
                                say::grade_not_below(
                                    g.label,
                                    &decimal::show(min),
                                    &prev.label,
                                    &decimal::show(prev.min),
                                ),
                            )
                            .help(say::GRADES_DECREASING),
                    );
                }
            }
            out.push(Grade {
                label: g.label.to_string(),
                min,
            });
            places.push(i);
        }
        // 0.9 for 90%: every band would sit below 1%, and 70.79% would be the top grade.
        let fractions =
            out.iter().all(|g| g.min <= Decimal::ONE) && out.iter().any(|g| g.min > Decimal::ZERO);
        if fractions {
            let first = out.iter().position(|g| g.min > Decimal::ZERO).unwrap_or(0);
            let as_percent: Vec<String> = out
                .iter()
                .map(|g| {
                    format!(
                        "{{ label: \"{}\", min: {} }}",
                        g.label.replace('\\', "\\\\").replace('"', "\\\""),
                        decimal::show((g.min * Decimal::ONE_HUNDRED).normalize())
                    )
                })
                .collect();
            let mins: Vec<String> = out.iter().map(|g| decimal::show(g.min)).collect();
            self.push(
                self.source
                    .diag(
                        diag::BAD_GRADES,
                        &[key("grades"), Seg::Index(places[first]), key("min")],
                        say::grades_as_fractions(&mins.join(", "), &out[first].label, &mins[first]),
                    )
                    .help(say::grades_as_percent(&as_percent.join(", "))),
            );
        }
        match out.last() {
            Some(last) if !last.min.is_zero() => self.push(
                self.source
                    .diag(
                        diag::BAD_GRADES,
                        &[key("grades"), Seg::Index(list.len() - 1), key("min")],
                        say::last_grade_not_zero(&last.label, &decimal::show(last.min)),
                    )
                    .help(say::END_AT_ZERO),
            ),
            None => self.push(
                self.source
                    .diag(diag::BAD_GRADES, &[key("grades")], say::GRADES_EMPTY)
                    .help(say::LIST_BANDS),
            ),
            _ => {}
        }
        out
    }

    /// Validates one node and its subtree; returns its index.
    fn node(
        &mut self,
        raw: &RawNode,
        path: Vec<Seg>,
        parent: Option<usize>,
        depth: usize,
    ) -> usize {
        let source = self.source;
        let code_path = child(&path, "code");
        let code = self.code(raw, &code_path);
        let code_label = code.clone().unwrap_or_else(|| raw.code.text().into_owned());
        let d_at = |check, p: &[Seg], msg: diag::Message| {
            source.diag(check, p, msg).criterion(code_label.clone())
        };

        if let Some(code) = &code {
            let parent_code = parent.map(|p| self.nodes[p].code.clone());
            match &parent_code {
                None if code.contains('.') => self.push(
                    d_at(
                        diag::CODE_NOT_UNDER_PARENT,
                        &code_path,
                        say::section_code_parts(code),
                    )
                    .help(say::SECTION_CODE_HELP),
                ),
                // A parent whose code is unreadable was reported; its children are not.
                Some(pc) if !pc.is_empty() && !is_child_code(pc, code) => self.push(
                    d_at(
                        diag::CODE_NOT_UNDER_PARENT,
                        &code_path,
                        say::not_under_parent(code, pc),
                    )
                    .help(say::child_numbering(pc)),
                ),
                _ => {}
            }
            if let Some(&first) = self.seen.get(code) {
                let at = source
                    .document()
                    .ok()
                    .and_then(|doc| doc.find(&child(&self.paths[first], "code")))
                    .map(|f| f.value.at().line);
                self.push(
                    d_at(diag::DUPLICATE_CODE, &code_path, say::code_twice(code, at))
                        .help(say::OWN_CODE),
                );
            } else {
                self.seen.insert(code.clone(), self.nodes.len());
            }
        }

        let max_path = child(&path, "max");
        let max = self
            .number(raw.max.0, &max_path, Some(&code_label))
            .unwrap_or(Decimal::ZERO);
        if max <= Decimal::ZERO && parse_decimal(raw.max.0).is_ok() {
            self.push(
                d_at(diag::BAD_MAX, &max_path, say::max_not_positive(raw.max.0))
                    .help(say::GIVE_MAX),
            );
        }

        let if_na = match raw.if_na {
            None => self.if_na,
            Some(text) => self
                .if_na(text, &child(&path, "if_na"), Some(&code_label))
                .unwrap_or(self.if_na),
        };

        if depth == 0 {
            self.kind = SectionKind::Scored;
        }
        if let Some(text) = raw.kind {
            let at = child(&path, "kind");
            if depth > 0 {
                self.push(
                    d_at(diag::BAD_SECTION_KIND, &at, say::kind_on_criterion(text))
                        .help(say::KIND_ON_SECTION),
                );
            } else if let Some(k) = SectionKind::from_name(text) {
                self.kind = k;
            } else {
                let hint = say::section_kinds(diag::suggest(text, SectionKind::NAMES));
                self.push(
                    d_at(diag::BAD_SECTION_KIND, &at, say::unknown_section_kind(text)).help(hint),
                );
            }
        }
        let kind = self.kind;
        if depth == 0 {
            self.component = self.section_component(raw, &path, kind, &code_label);
        } else if raw.component.is_some() {
            self.push(
                d_at(
                    diag::BAD_COMPONENT,
                    &child(&path, "component"),
                    say::COMPONENT_ON_CRITERION.into(),
                )
                .help(say::COMPONENT_ON_SECTION),
            );
        }
        let component = self.component;

        let index = self.nodes.len();
        self.nodes.push(Criterion {
            code: code.clone().unwrap_or_default(),
            title: raw.title.to_string(),
            max,
            responsible: raw
                .responsible
                .as_ref()
                .map(|r| r.0.clone())
                .unwrap_or_default(),
            note: raw.note.map(str::to_string),
            depth,
            parent,
            children: Vec::new(),
            rule: None,
            if_na,
            kind,
            component,
        });
        self.paths.push(path.clone());

        match (&raw.items, &raw.rule) {
            (Some(_), Some(_)) => self.push(
                d_at(
                    diag::LEAF_SHAPE,
                    &child(&path, "rule"),
                    say::ITEMS_AND_RULE.into(),
                )
                .help(say::ITEMS_AND_RULE_HELP),
            ),
            (None, None) => self.push(
                d_at(
                    diag::LEAF_SHAPE,
                    &path,
                    say::neither_items_nor_rule(&code_label),
                )
                .help(say::NEITHER_HELP),
            ),
            (Some(items), None) if items.is_empty() => self.push(
                d_at(
                    diag::LEAF_SHAPE,
                    &child(&path, "items"),
                    say::ITEMS_EMPTY.into(),
                )
                .help(say::ITEMS_EMPTY_HELP),
            ),
            _ => {}
        }
        if raw.if_na.is_some() && raw.items.is_some() {
            self.push(
                d_at(
                    diag::BAD_RULE,
                    &child(&path, "if_na"),
                    say::IF_NA_ON_NODE.into(),
                )
                .help(say::MOVE_IF_NA),
            );
        }

        if let (Some(rule), None) = (&raw.rule, &raw.items) {
            if kind == SectionKind::Penalty && matches!(rule, RawRule::Deduct(_)) {
                self.push(
                    source
                        .diag_at_key(
                            diag::BAD_SECTION_KIND,
                            &child(&child(&path, "rule"), "deduct"),
                            say::DEDUCT_IN_PENALTY,
                        )
                        .criterion(code_label.clone())
                        .help(say::DEDUCT_IN_PENALTY_HELP),
                );
            } else {
                self.nodes[index].rule = self.rule(rule, &child(&path, "rule"), max, &code_label);
            }
        }

        if let Some(items) = &raw.items {
            let mut children = Vec::new();
            for (i, item) in items.iter().enumerate() {
                let mut p = child(&path, "items");
                p.push(Seg::Index(i));
                children.push(self.node(item, p, Some(index), depth + 1));
            }
            self.sibling_order(&children, Some(index));
            let sum = decimal::sum(children.iter().map(|&c| self.nodes[c].max));
            if sum.is_err() {
                self.push(
                    d_at(
                        diag::MAX_NOT_SUM,
                        &max_path,
                        say::children_overflow(children.len()),
                    )
                    .help(say::CORRECT_CHILDREN_MAX),
                );
            }
            if let Ok(sum) = sum {
                // A bonus or penalty section's max caps what its criteria add or take: they may
                // add up to more, not to less.
                let capped = depth == 0 && kind.outside_max() && sum > max;
                if !items.is_empty() && sum != max && max > Decimal::ZERO && !capped {
                    self.push(
                        d_at(
                            diag::MAX_NOT_SUM,
                            &max_path,
                            say::max_not_sum(
                                &decimal::show(max),
                                children.len(),
                                &decimal::show(sum),
                                &decimal::show(max - sum),
                            ),
                        )
                        .help(say::set_max(&decimal::show(sum))),
                    );
                }
            }
            self.nodes[index].children = children;
        }
        index
    }

    /// The set's `components:`: ids unique and well formed, titles given.
    fn components(&mut self, raw: &RawCriteria) -> Vec<Component> {
        let source = self.source;
        let Some(list) = &raw.components else {
            return Vec::new();
        };
        let mut out: Vec<Component> = Vec::with_capacity(list.len());
        for (i, c) in list.iter().enumerate() {
            let at = [key("components"), Seg::Index(i), key("id")];
            if c.id.is_empty()
                || !c
                    .id
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
            {
                self.push(
                    source
                        .diag(diag::BAD_COMPONENT, &at, say::bad_component_id(c.id))
                        .help(say::COMPONENT_ID_SPELLING),
                );
            } else if out.iter().any(|o| o.id == c.id) {
                self.push(
                    source
                        .diag(diag::BAD_COMPONENT, &at, say::component_twice(c.id))
                        .help(say::OWN_COMPONENT_ID),
                );
            }
            out.push(Component {
                id: c.id.to_string(),
                title: c.title.to_string(),
            });
        }
        if out.is_empty() {
            self.push(
                source
                    .diag(
                        diag::BAD_COMPONENT,
                        &[key("components")],
                        say::COMPONENTS_EMPTY,
                    )
                    .help(say::LIST_COMPONENTS),
            );
        }
        out
    }

    /// A section's component: required of a scored section where the set has components,
    /// refused on bonus and penalty sections (they lie outside the maximum the components
    /// divide) and where the set lists none.
    fn section_component(
        &mut self,
        raw: &RawNode,
        path: &[Seg],
        kind: SectionKind,
        code: &str,
    ) -> Option<usize> {
        let source = self.source;
        let at = child(path, "component");
        let known = || say::known_components(&self.component_ids.join(", "));
        match raw.component {
            Some(id) if kind.outside_max() => {
                self.push(
                    source
                        .diag(
                            diag::BAD_SECTION_KIND,
                            &at,
                            say::outside_section_component(kind.name(), id),
                        )
                        .criterion(code.to_string())
                        .help(say::REMOVE_COMPONENT),
                );
                None
            }
            Some(id) => match self.component_ids.iter().position(|c| c == id) {
                Some(i) => Some(i),
                None => {
                    let help =
                        match diag::suggest(id, self.component_ids.iter().map(String::as_str)) {
                            Some(s) => say::did_you_mean_component(s, known()),
                            None => known(),
                        };
                    self.push(
                        source
                            .diag(diag::BAD_COMPONENT, &at, say::unknown_component(id))
                            .criterion(code.to_string())
                            .help(help),
                    );
                    None
                }
            },
            None if !kind.outside_max() && !self.component_ids.is_empty() => {
                self.push(
                    source
                        .diag(
                            diag::BAD_COMPONENT,
                            path,
                            say::section_without_component(code),
                        )
                        .criterion(code.to_string())
                        .help(say::add_component(known())),
                );
                None
            }
            None => None,
        }
    }

    /// The code as a string, or a diagnostic.
    fn code(&mut self, raw: &RawNode, code_path: &[Seg]) -> Option<String> {
        let source = self.source;
        let text = match raw.code {
            Scalar::Str(s) | Scalar::Int(s) => s.to_string(),
            Scalar::Float(written) => {
                self.push(
                    source
                        .diag(diag::FLOAT_CODE, code_path, float_code_message(written))
                        .criterion(written)
                        .help(say::quote_the_code(written)),
                );
                // The code as meant (`1.10`, not 1.1): its children and siblings are checked
                // against it, so that this one cause is the one error reported.
                return is_code(written).then(|| written.to_string());
            }
            other => {
                self.push(
                    source
                        .diag(
                            diag::BAD_CODE,
                            code_path,
                            say::not_a_code(format!("`{}`", other.text()).into()),
                        )
                        .help(say::CODE_IN_QUOTES),
                );
                return None;
            }
        };
        if !is_code(&text) {
            self.push(
                source
                    .diag(
                        diag::BAD_CODE,
                        code_path,
                        say::not_a_code(format!("`{text}`").into()),
                    )
                    .criterion(text.clone())
                    .help(say::CODE_SPELLING),
            );
            return None;
        }
        Some(text)
    }

    /// Warns when siblings are not numbered 1, 2, 3, … in order.
    fn sibling_order(&mut self, children: &[usize], parent: Option<usize>) {
        // Codes already in error (malformed, duplicated) would only add noise here.
        let codes: Vec<&str> = children
            .iter()
            .map(|&c| self.nodes[c].code.as_str())
            .collect();
        // A set, not a scan of the codes before each one: a parent may have tens of thousands
        // of children.
        let mut distinct = std::collections::HashSet::with_capacity(codes.len());
        if codes.iter().any(|c| c.is_empty() || !distinct.insert(*c)) {
            return;
        }
        // Gaps are fine (a set that drops 7.1.6 keeps 7.1.7's code); going backwards is not.
        let mut previous: Option<(u64, &str)> = None;
        for &c in children {
            let code = &self.nodes[c].code;
            let Some(last) = code.rsplit('.').next().and_then(|p| p.parse::<u64>().ok()) else {
                continue;
            };
            if let Some((before, before_code)) = previous {
                if last <= before {
                    let under = parent.map(|p| self.nodes[p].code.as_str());
                    let d = self
                        .source
                        .diag(
                            diag::SIBLING_ORDER,
                            &child(&self.paths[c], "code"),
                            say::siblings_out_of_order(code, before_code, under),
                        )
                        .criterion(code.clone())
                        .help(say::SIBLINGS_IN_ORDER);
                    self.push(d);
                    return;
                }
            }
            previous = Some((last, code));
        }
    }

    fn rule(&mut self, raw: &RawRule, path: &[Seg], max: Decimal, code: &str) -> Option<Rule> {
        let source = self.source;
        let bad = |p: &[Seg], msg: diag::Message| {
            source
                .diag(diag::BAD_RULE, p, msg)
                .criterion(code.to_string())
        };
        match raw {
            RawRule::Named(name) => match *name {
                "yes-no" => Some(Rule::YesNo),
                "ratio" => Some(Rule::Ratio(Ratio::default())),
                "points" => Some(Rule::Points),
                "tiers" | "deduct" | "linear" | "choice" => {
                    self.push(bad(path, say::needs_parameters(name)).help(say::rule_example(name)));
                    None
                }
                other => {
                    let hint = say::rules(diag::suggest(other, RULE_NAMES), &RULE_NAMES.join(", "));
                    self.push(bad(path, say::unknown_rule(other)).help(hint));
                    None
                }
            },
            RawRule::Unknown(other) => {
                let hint = say::rules(diag::suggest(other, RULE_NAMES), &RULE_NAMES.join(", "));
                self.push(bad(path, say::unknown_rule(other)).help(hint));
                None
            }
            RawRule::Ratio(r) => {
                let ratio_path = child(path, "ratio");
                let mut out = Ratio {
                    invert: r.invert.unwrap_or(false),
                    ..Ratio::default()
                };
                let mut ok = true;
                // `zero_at` (revision 2) and `zero_below` name one parameter.
                let zero = match (&r.zero_at, &r.zero_below) {
                    (Some(_), Some(_)) => {
                        self.push(
                            bad(
                                &child(&ratio_path, "zero_at"),
                                say::ZERO_AT_AND_BELOW.into(),
                            )
                            .help(say::KEEP_ZERO_AT),
                        );
                        ok = false;
                        None
                    }
                    (Some(t), None) => Some(("zero_at", t)),
                    (None, Some(t)) => Some(("zero_below", t)),
                    (None, None) => None,
                };
                for (name, text, slot) in [
                    (
                        zero.map_or("zero_at", |z| z.0),
                        zero.map(|z| z.1),
                        &mut out.zero_below,
                    ),
                    ("full_at", r.full_at.as_ref(), &mut out.full_at),
                ] {
                    let Some(t) = text else { continue };
                    match self.rate_param(t.0, &child(&ratio_path, name), code) {
                        Some(v) => *slot = v,
                        None => ok = false,
                    }
                }
                // zero_at above full_at is revision 2's lower-is-better line, not an error.
                if ok && out.invert {
                    self.push(invert_warning(
                        source,
                        &out,
                        &child(&ratio_path, "invert"),
                        code,
                    ));
                }
                ok.then_some(Rule::Ratio(out))
            }
            RawRule::Tiers(list) => {
                let tiers_path = child(path, "tiers");
                if list.is_empty() {
                    self.push(bad(&tiers_path, say::TIERS_EMPTY.into()).help(say::LIST_A_TIER));
                    return None;
                }
                let scale = if list[0].threshold.0.trim().ends_with('%') {
                    TierScale::Rate
                } else {
                    TierScale::Number
                };
                let first = Bound::from_key(list[0].bound).unwrap_or(Bound::AtLeast);
                let lower_is_better = first.lower_is_better();
                let mut steps: Vec<Tier> = Vec::new();
                let mut ok = true;
                for (i, t) in list.iter().enumerate() {
                    let mut tp = tiers_path.clone();
                    tp.push(Seg::Index(i));
                    let at_path = child(&tp, t.bound);
                    let bound = Bound::from_key(t.bound).unwrap_or(Bound::AtLeast);
                    if bound.lower_is_better() != lower_is_better {
                        self.push(
                            source
                                .diag_at_key(
                                    diag::BAD_RULE,
                                    &at_path,
                                    say::tier_other_way(t.bound, lower_is_better),
                                )
                                .criterion(code.to_string())
                                .help(say::ONE_DIRECTION),
                        );
                        ok = false;
                    }
                    let is_rate = t.threshold.0.trim().ends_with('%');
                    let threshold = if is_rate != (scale == TierScale::Rate) {
                        self.push(
                            bad(&at_path, say::mixed_thresholds(t.threshold.0))
                                .help(say::SAME_SCALE),
                        );
                        None
                    } else if is_rate {
                        self.rate_param(t.threshold.0, &at_path, code)
                    } else {
                        self.number(t.threshold.0, &at_path, Some(code))
                    };
                    let points_path = child(&tp, "points");
                    let points = self.number(t.points.0, &points_path, Some(code));
                    if let Some(p) = points {
                        if p < Decimal::ZERO || p > max {
                            self.push(
                                bad(
                                    &points_path,
                                    say::points_outside("tier", t.points.0, &decimal::show(max)),
                                )
                                .help(say::TIER_AWARDS),
                            );
                            ok = false;
                        }
                    }
                    match (threshold, points) {
                        (Some(a), Some(p)) => {
                            if let Some(prev) = steps.last() {
                                if lower_is_better && a <= prev.threshold {
                                    self.push(
                                        bad(&at_path, say::threshold_not_above(t.threshold.0))
                                            .help(say::TIERS_INCREASING),
                                    );
                                    ok = false;
                                } else if !lower_is_better && a >= prev.threshold {
                                    self.push(
                                        bad(&at_path, say::threshold_not_below(t.threshold.0))
                                            .help(say::TIERS_DECREASING),
                                    );
                                    ok = false;
                                }
                            }
                            if a < Decimal::ZERO {
                                self.push(bad(&at_path, say::threshold_negative(t.threshold.0)));
                                ok = false;
                            } else if (bound == Bound::Below && a.is_zero())
                                || (bound == Bound::Above
                                    && scale == TierScale::Rate
                                    && a >= Decimal::ONE)
                            {
                                self.push(
                                    bad(
                                        &at_path,
                                        say::never_scores(bound == Bound::Below, t.threshold.0),
                                    )
                                    .help(
                                        if bound == Bound::Below {
                                            say::NONE_AT_ALL
                                        } else {
                                            say::AT_MOST_100
                                        },
                                    ),
                                );
                                ok = false;
                            }
                            steps.push(Tier {
                                threshold: a,
                                bound,
                                points: p,
                            });
                        }
                        _ => ok = false,
                    }
                }
                ok.then_some(Rule::Tiers(Tiers { scale, steps }))
            }
            RawRule::Choice(options) => {
                let choice_path = child(path, "choice");
                let mut ok = true;
                if options.len() < 2 {
                    self.push(
                        bad(&choice_path, say::too_few_labels(options.len()))
                            .help(say::LIST_LABELS),
                    );
                    ok = false;
                }
                let mut read = Vec::with_capacity(options.len());
                let mut keys: Vec<String> = Vec::with_capacity(options.len());
                for (label, points) in options {
                    let at = child(&choice_path, label);
                    let key = crate::rule::choice::normalise(label);
                    if key.is_empty() {
                        self.push(bad(&at, say::EMPTY_LABEL.into()));
                        ok = false;
                    } else if key == "n/a" {
                        // A label "n/a" would score what the set never meant n/a to score,
                        // past the leaf's `if_na`.
                        self.push(bad(&at, say::NA_LABEL.into()).help(say::NA_LABEL_HELP));
                        ok = false;
                    } else if let Some(j) = keys.iter().position(|k| *k == key) {
                        self.push(
                            source
                                .diag_at_key(
                                    diag::BAD_RULE,
                                    &at,
                                    say::same_label(label, options[j].0),
                                )
                                .criterion(code.to_string())
                                .help(say::EACH_LABEL_ONCE),
                        );
                        ok = false;
                    }
                    keys.push(key);
                    match self.number(points.0, &at, Some(code)) {
                        Some(p) if p < Decimal::ZERO || p > max => {
                            self.push(
                                bad(
                                    &at,
                                    say::points_outside("choice", points.0, &decimal::show(max)),
                                )
                                .help(say::LABEL_AWARDS),
                            );
                            ok = false;
                        }
                        Some(p) => read.push(((*label).to_string(), p)),
                        None => ok = false,
                    }
                }
                ok.then(|| Rule::Choice(Choice::new(read)))
            }
            RawRule::Linear(l) => {
                let line_path = child(path, "linear");
                let mut ends = [Decimal::ZERO; 2];
                let mut ok = true;
                for (slot, (name, text)) in ends
                    .iter_mut()
                    .zip([("zero_at", l.zero_at), ("full_at", l.full_at)])
                {
                    let at = child(&line_path, name);
                    if text.0.trim().ends_with('%') {
                        self.push(bad(&at, say::linear_percentage(text.0)).help(say::FOR_A_RATE));
                        ok = false;
                        continue;
                    }
                    match self.number(text.0, &at, Some(code)) {
                        Some(v) => *slot = v,
                        None => ok = false,
                    }
                }
                let [zero_at, full_at] = ends;
                if ok && zero_at == full_at {
                    self.push(
                        bad(&child(&line_path, "full_at"), say::equal_ends(l.full_at.0))
                            .help(say::TWO_ENDS),
                    );
                    ok = false;
                }
                ok.then_some(Rule::Linear(Linear { zero_at, full_at }))
            }
            RawRule::Deduct(d) => {
                let per_path = child(&child(path, "deduct"), "per");
                let per = self.number(d.per.0, &per_path, Some(code))?;
                if per <= Decimal::ZERO {
                    self.push(bad(&per_path, say::per_not_positive(d.per.0)).help(say::GIVE_PER));
                    return None;
                }
                Some(Rule::Deduct { per })
            }
        }
    }

    /// A percentage parameter (`"80%"`) as a fraction.
    fn rate_param(&mut self, text: &str, path: &[Seg], code: &str) -> Option<Decimal> {
        let t = text.trim();
        let Some(number) = t.strip_suffix('%') else {
            self.push(
                self.source
                    .diag(diag::BAD_RULE, path, say::bare_number_for_percentage(t))
                    .criterion(code.to_string())
                    .help(say::with_percent_sign(t)),
            );
            return None;
        };
        match percent_text(number.trim_end(), t) {
            Ok(f) => Some(f),
            Err(p) => {
                let mut d = self
                    .source
                    .diag(diag::BAD_RULE, path, p.message)
                    .criterion(code.to_string());
                d.set_help(p.help.map(|h| *h));
                self.push(d);
                None
            }
        }
    }
}

/// W102: `invert: true` reads one way and scores another (`{ invert: true, zero_below: "0%",
/// full_at: "10%" }` gives full marks up to 90%, not from 0% to 10%). The warning says what
/// the rule does and gives the same line written with `zero_at`/`full_at` on the rate itself.
fn invert_warning(source: &Source, r: &Ratio, path: &[Seg], code: &str) -> Diagnostic {
    let pct = |f: Decimal| format!("{}%", decimal::show((f * Decimal::ONE_HUNDRED).normalize()));
    // On r' = 1 − rate, the points change between P and Q; on the rate, between 1 − P and 1 − Q.
    let (zero, full) = (Decimal::ONE - r.zero_below, Decimal::ONE - r.full_at);
    let form = |z: Decimal, f: Decimal| {
        format!(
            "`{{ ratio: {{ zero_at: \"{}\", full_at: \"{}\" }} }}`",
            pct(z),
            pct(f)
        )
    };
    let (does, help) = if r.zero_below == r.full_at {
        (
            say::invert_step(&pct(full)),
            say::invert_step_help(&pct(full)),
        )
    } else {
        let does = if zero > full {
            say::invert_falls(&pct(full), &pct(zero))
        } else {
            say::invert_rises(&pct(zero), &pct(full))
        };
        let mut help = say::without_invert(&form(zero, full));
        // The likely intent, where it differs: the written rates taken as they read.
        if !r.lower_is_better() && zero != r.full_at {
            help = help.join(
                "; ",
                say::invert_intent(
                    &pct(r.zero_below),
                    &pct(r.full_at),
                    &form(r.full_at, r.zero_below),
                ),
            );
        }
        (does, help)
    };
    source
        .diag(diag::RATIO_INVERT, path, say::inverted(does))
        .criterion(code.to_string())
        .help(help)
}

pub use crate::model::is_code;

/// Whether `code` is `parent` plus one more part.
fn is_child_code(parent: &str, code: &str) -> bool {
    code.strip_prefix(parent)
        .and_then(|rest| rest.strip_prefix('.'))
        .is_some_and(|rest| !rest.contains('.'))
}

/// "code 1.10 is written as a number, which YAML reads as 1.1". The reading is shown as a
/// YAML library would convert it (a binary float), which is what the quotes protect against.
pub(super) fn float_code_message(written: &str) -> crate::diag::Message {
    let read = written
        .parse::<f64>()
        .map_or_else(|_| written.to_string(), |f| f.to_string());
    crate::i18n::diag::float_code(written, (read != written).then_some(read.as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::decimal::dec;
    use crate::model::Value;

    fn ratio_rule(params: &str) -> (Result<Rule, Diagnostics>, Vec<Diagnostic>) {
        let text = format!("parindex: 1\nkind: criteria\nid: t\ntitle: t\nsections:\n  - {{ code: \"1\", title: a, max: 1, rule: {{ ratio: {{ {params} }} }} }}\n");
        match parse_criteria(&Source::from_text("c.yaml".into(), text)) {
            Ok((set, warnings)) => (Ok(set.nodes[0].rule.clone().unwrap()), warnings),
            Err(d) => (Err(d), Vec::new()),
        }
    }

    /// The rule of a one-leaf set of max 1 whose `rule:` is `rule`, or the first error's message.
    fn leaf_rule(rule: &str) -> Result<Rule, String> {
        let text = format!("parindex: 1\nkind: criteria\nid: t\ntitle: t\nsections:\n  - {{ code: \"1\", title: a, max: 1, rule: {rule} }}\n");
        match parse_criteria(&Source::from_text("c.yaml".into(), text)) {
            Ok((set, _)) => Ok(set.nodes[0].rule.clone().unwrap()),
            Err(d) => Err(d.0[0].message.clone()),
        }
    }

    /// The first error's message for a whole set's text after the header.
    fn set_error(body: &str) -> String {
        let text = format!("parindex: 1\nkind: criteria\nid: t\ntitle: t\n{body}");
        match parse_criteria(&Source::from_text("c.yaml".into(), text)) {
            Ok(_) => "no error".into(),
            Err(d) => format!("{}: {}", d.0[0].check.code, d.0[0].message),
        }
    }

    #[test]
    fn components_and_section_kinds_are_checked() {
        let comps = "components: [ { id: a, title: A }, { id: b, title: B } ]\n";
        let ok = format!("{comps}sections:\n  - {{ code: \"1\", title: x, component: a, max: 1, rule: yes-no }}\n  - {{ code: \"2\", title: y, component: b, max: 1, rule: yes-no }}\n  - {{ code: \"3\", title: z, kind: bonus, max: 1, rule: yes-no }}\n");
        assert_eq!(set_error(&ok), "no error");
        for (body, says) in [
            (
                format!("{comps}sections:\n  - {{ code: \"1\", title: x, component: a, max: 1, rule: yes-no }}\n  - {{ code: \"2\", title: y, kind: bonus, component: b, max: 1, rule: yes-no }}\n"),
                "E115: a bonus section names the component `b`",
            ),
            (
                "components: [ { id: a, title: A }, { id: a, title: B } ]\nsections:\n  - { code: \"1\", title: x, component: a, max: 1, rule: yes-no }\n".into(),
                "E116: component `a` is listed twice",
            ),
            (
                "sections:\n  - { code: \"1\", title: x, component: a, max: 1, rule: yes-no }\n".into(),
                "E116: unknown component `a`",
            ),
            (
                format!("{comps}sections:\n  - code: \"1\"\n    title: x\n    component: a\n    max: 1\n    items:\n      - {{ code: \"1.1\", title: y, component: b, max: 1, rule: yes-no }}\n"),
                "E116: `component:` is given on a criterion",
            ),
            (
                "sections:\n  - { code: \"1\", title: x, kind: extra, max: 1, rule: yes-no }\n".into(),
                "E115: unknown section kind `extra`",
            ),
            (
                // A bonus section's max caps its criteria: they may add up to more, not less.
                "sections:\n  - { code: \"1\", title: x, max: 1, rule: yes-no }\n  - code: \"2\"\n    title: y\n    kind: bonus\n    max: 3\n    items:\n      - { code: \"2.1\", title: z, max: 1, rule: yes-no }\n".into(),
                "E106: max 3 differs",
            ),
            (
                "total: 2\nsections:\n  - { code: \"1\", title: x, max: 1, rule: yes-no }\n  - { code: \"2\", title: y, kind: penalty, max: 1, rule: points }\n".into(),
                "E107: declared total 2 differs from the sum of the scored sections, 1",
            ),
        ] {
            let e = set_error(&body);
            assert!(e.starts_with(says), "{body}: {e}");
        }
        let capped = "sections:\n  - { code: \"1\", title: x, max: 1, rule: yes-no }\n  - code: \"2\"\n    title: y\n    kind: bonus\n    max: 1\n    items:\n      - { code: \"2.1\", title: z, max: 1, rule: yes-no }\n      - { code: \"2.2\", title: w, max: 1, rule: yes-no }\n";
        assert_eq!(set_error(capped), "no error");
    }

    #[test]
    fn choice_labels_are_unique_once_normalised() {
        let Ok(Rule::Choice(c)) =
            leaf_rule("{ choice: { \"Kịp thời\": 1, \"Không kịp thời\": 0.5 } }")
        else {
            panic!()
        };
        assert_eq!(c.options[1].key, "không kịp thời");
        for (rule, says) in [
            (
                "{ choice: { \"Kịp thời\": 1, \"KỊP  THỜI\": 0 } }",
                "is the same as",
            ),
            ("{ choice: { \"Kịp thời\": 1 } }", "at least two"),
            ("{ choice: { \"Có\": 1, \"N/A\": 0.5 } }", "is `n/a`"),
            ("{ choice: { \"A\": 2, \"B\": 0 } }", "outside 0–1"),
            ("{ choice: { \"A\": 1, \"B\": -1 } }", "outside 0–1"),
            ("{ choice: [ A, B ] }", "must be a mapping"),
            ("choice", "needs parameters"),
        ] {
            let e = leaf_rule(rule).unwrap_err();
            assert!(e.contains(says), "{rule}: {e}");
        }
    }

    #[test]
    fn linear_takes_two_different_plain_numbers() {
        assert_eq!(
            leaf_rule("{ linear: { zero_at: 10, full_at: 0.5 } }"),
            Ok(Rule::Linear(Linear {
                zero_at: dec("10"),
                full_at: dec("0.5")
            }))
        );
        for (rule, says) in [
            (
                "{ linear: { zero_at: 3, full_at: 3.0 } }",
                "two different ends",
            ),
            (
                "{ linear: { zero_at: \"0%\", full_at: 5 } }",
                "plain numbers",
            ),
            ("{ linear: { zero_at: abc, full_at: 5 } }", "abc"),
            (
                "{ linear: { zero_at: true, full_at: 5 } }",
                "must be a number",
            ),
            ("{ linear: { full_at: 5 } }", "missing key `zero_at`"),
            ("linear", "needs parameters"),
        ] {
            let e = leaf_rule(rule).unwrap_err();
            assert!(e.contains(says), "{rule}: {e}");
        }
    }

    #[test]
    fn tiers_run_in_one_direction() {
        let Ok(Rule::Tiers(t)) = leaf_rule(
            "{ tiers: [ { below: \"5%\", points: 1 }, { at_most: \"10%\", points: 0.5 } ] }",
        ) else {
            panic!()
        };
        assert!(t.lower_is_better());
        assert_eq!(t.steps[0].bound, Bound::Below);
        assert_eq!(t.steps[1].threshold, dec("0.1"));
        let up = leaf_rule("{ tiers: [ { above: 3, points: 1 }, { at_least: 1, points: 0.5 } ] }");
        assert!(matches!(up, Ok(Rule::Tiers(t)) if !t.lower_is_better()));
        for (rule, says) in [
            (
                "{ tiers: [ { at_most: 1, points: 1 }, { at_most: 1, points: 0.5 } ] }",
                "is not above",
            ),
            (
                "{ tiers: [ { at_least: 2, points: 1 }, { below: 1, points: 0.5 } ] }",
                "runs the other way",
            ),
            ("{ tiers: [ { points: 1 } ] }", "needs its threshold"),
            (
                "{ tiers: [ { above: 1, below: 2, points: 1 } ] }",
                "one threshold",
            ),
            (
                "{ tiers: [ { below: 0, points: 1 } ] }",
                "no value is below",
            ),
            (
                "{ tiers: [ { above: \"100%\", points: 1 } ] }",
                "no value is above",
            ),
        ] {
            let e = leaf_rule(rule).unwrap_err();
            assert!(e.contains(says), "{rule}: {e}");
        }
    }

    fn score_at(rule: &Rule, bp: i64) -> Decimal {
        let rate = Value::Rate {
            num: Decimal::new(bp, 2),
            den: Decimal::ONE_HUNDRED,
            percent: true,
        };
        crate::rule::score(rule, Decimal::ONE, &rate)
            .unwrap()
            .unwrap()
            .unrounded
            .approx()
    }

    /// The form W102's help gives, read back from its text.
    fn suggested(help: &str) -> String {
        let start = help.find("zero_at").unwrap();
        let end = help[start..].find(" }").unwrap();
        help[start..start + end].to_string()
    }

    #[test]
    fn zero_at_is_zero_below_and_above_full_at_means_lower_is_better() {
        let (rule, warnings) = ratio_rule("zero_at: \"10%\", full_at: \"0%\"");
        let Ok(Rule::Ratio(r)) = rule else {
            panic!("{rule:?}")
        };
        assert!(warnings.is_empty());
        assert_eq!(
            (r.zero_below, r.full_at, r.invert),
            (dec("0.1"), dec("0"), false)
        );
        assert!(r.lower_is_better());
        let (rule, _) = ratio_rule("zero_below: \"10%\", full_at: \"0%\"");
        assert_eq!(rule.unwrap(), Rule::Ratio(r));
    }

    #[test]
    fn the_invert_warning_gives_a_form_that_scores_the_same() {
        for (p, q) in [("0%", "10%"), ("20%", "60%"), ("30%", "5%"), ("0%", "100%")] {
            let params = format!("invert: true, zero_below: \"{p}\", full_at: \"{q}\"");
            let (inverted, warnings) = ratio_rule(&params);
            let inverted = inverted.unwrap();
            assert_eq!(warnings.len(), 1, "{params}");
            assert_eq!(warnings[0].check, diag::RATIO_INVERT);
            let form = suggested(warnings[0].help.as_deref().unwrap());
            let (equivalent, none) = ratio_rule(&form);
            let equivalent = equivalent.unwrap();
            assert!(none.is_empty(), "{form}");
            for bp in (0..=10000).step_by(25) {
                assert_eq!(
                    score_at(&inverted, bp),
                    score_at(&equivalent, bp),
                    "{params} vs {form} at {bp} bp"
                );
            }
        }
    }

    #[test]
    fn codes() {
        assert!(is_code("3"));
        assert!(is_code("3.4.4.1"));
        assert!(!is_code("3."));
        assert!(!is_code("3.04"));
        assert!(!is_code("0"));
        assert!(!is_code("a.1"));
        assert!(is_child_code("3.4", "3.4.1"));
        assert!(!is_child_code("3.4", "3.4.1.1"));
        assert!(!is_child_code("3.4", "3.41"));
    }
}
