//! Criteria sets: from the parsed file to a validated [`CriteriaSet`], reporting every problem.

use super::raw::{RawCriteria, RawNode, RawRule, Reader, Scalar, RULE_NAMES};
use super::value::percent_text;
use super::yaml::{child, key, Seg};
use super::{check_header, expect_kind, sha256_hex, Source};
use crate::decimal::{self, parse_decimal, NumberError, Rounding, RoundingMode};
use crate::diag::{self, Diagnostic, Diagnostics};
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
        _ => return Err(Diagnostics(reader.found)),
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
                .diag(
                    diag::LEAF_SHAPE,
                    &sections_path,
                    "the criteria set has no sections",
                )
                .help("list the sections (lĩnh vực) under `sections:`"),
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
                        format!("no section names the component `{}`", component.id),
                    )
                    .help("give a scored section `component: ID`, or remove the component"),
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
                    "the maxima of the sections add up to more than an exact decimal can hold",
                )
                .help(
                    "correct the sections' max: a criteria set's points are at most a few hundred",
                ),
        );
    }
    if let (Some(total), Ok(sum)) = (header.total, sections_sum) {
        if total != sum {
            b.found.push(
                source
                    .diag(
                        diag::TOTAL_NOT_SUM,
                        &[key("total")],
                        format!(
                            "declared total {} differs from the sum of the scored sections, {} (difference {})",
                            decimal::show(total),
                            decimal::show(sum),
                            decimal::show(total - sum)
                        ),
                    )
                    .help(format!("set `total: {}` or correct the sections' max", decimal::show(sum))),
            );
        }
    }
    let (errors, warnings): (Vec<_>, Vec<_>) = b.found.into_iter().partition(Diagnostic::is_error);
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
    found: Vec<Diagnostic>,
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
        let known = "`full` (n/a scores the max), `exclude` (n/a leaves the scoring) or `forbid` (n/a is an error)";
        let help = match diag::suggest(text, IfNa::NAMES) {
            Some(s) => format!("did you mean `{s}`? `if_na` is {known}"),
            None => format!("`if_na` is {known}"),
        };
        let mut d = self
            .source
            .diag(diag::BAD_RULE, path, format!("unknown `if_na: {text}`"))
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
                        format!("the number {text} is too large for an exact decimal"),
                        "maxima and points in PAR criteria are small figures such as 13 or 0.5",
                    ),
                    NumberError::TooPrecise => (
                        diag::NUMBER_TOO_LARGE,
                        format!("the number {text} is too large or too precise (more than 28 decimal places) for an exact decimal"),
                        "maxima and points in PAR criteria are small figures such as 13 or 0.5",
                    ),
                    NumberError::NotANumber => (
                        diag::WRONG_TYPE,
                        format!("`{text}` is not a number"),
                        "write a number such as 13 or 0.5",
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
                    .diag(diag::BAD_ID, &[key("id")], format!("`{}` is not a valid criteria set id", raw.id))
                    .help("an id uses lower-case letters, digits and `-`, e.g. dak-nong-district-2022"),
            );
        }
        let year = raw.year.as_ref().and_then(|y| match y {
            Scalar::Int(t) => t.parse::<u32>().ok(),
            _ => None,
        });
        if raw.year.is_some() && year.is_none() {
            self.push(
                source
                    .diag(diag::WRONG_TYPE, &[key("year")], "`year` is not a year")
                    .help("write the assessment year, e.g. `year: 2022`"),
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
                            format!(
                                "`decimals: {}` is not a number of places from 0 to 28",
                                other.text()
                            ),
                        )
                        .help("PAR scores are usually kept to 3 places: `decimals: 3`"),
                ),
            }
            if let Some(mode) = r.mode {
                match RoundingMode::from_name(mode) {
                    Some(m) => rounding.mode = m,
                    None => {
                        let hint = match diag::suggest(mode, RoundingMode::NAMES) {
                            Some(s) => {
                                format!("did you mean `{s}`? (modes: half-up, half-even, down)")
                            }
                            None => "modes: half-up, half-even, down".to_string(),
                        };
                        self.push(
                            source
                                .diag(
                                    diag::BAD_ROUNDING,
                                    &[key("rounding"), key("mode")],
                                    format!("unknown rounding mode `{mode}`"),
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
        for (i, g) in list.iter().enumerate() {
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
                        .diag(
                            diag::BAD_GRADES,
                            &path,
                            format!("grade `{}` starts at {number}%, outside 0–100", g.label),
                        )
                        .help("`min` is a percentage of the maximum, from 0 to 100"),
                );
            } else if let Some(prev) = out.last() {
                if min >= prev.min {
                    self.push(
                        self.source
                            .diag(
                                diag::BAD_GRADES,
                                &path,
                                format!(
                                    "grade `{}` (min {}) is not below the grade before it, `{}` (min {})",
                                    g.label,
                                    decimal::show(min),
                                    prev.label,
                                    decimal::show(prev.min)
                                ),
                            )
                            .help("list grades from the highest band down, with strictly decreasing `min`"),
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
                        format!(
                            "the grade bands look like fractions: every `min` is at most 1 ({}), but `min` is a percentage of the maximum, so `{}` would start at {}%",
                            mins.join(", "),
                            out[first].label,
                            mins[first]
                        ),
                    )
                    .help(format!(
                        "write each `min` as a percentage from 0 to 100 (a number, or a string such as \"90%\"): {}",
                        as_percent.join(", ")
                    )),
            );
        }
        match out.last() {
            Some(last) if !last.min.is_zero() => self.push(
                self.source
                    .diag(
                        diag::BAD_GRADES,
                        &[key("grades"), Seg::Index(list.len() - 1), key("min")],
                        format!("the last grade, `{}`, starts at {}%, not 0", last.label, decimal::show(last.min)),
                    )
                    .help("end the bands with one that starts at 0 (e.g. `{ label: \"Yếu\", min: 0 }`), so every result has a grade"),
            ),
            None => self.push(
                self.source
                    .diag(diag::BAD_GRADES, &[key("grades")], "`grades` is empty")
                    .help("list the bands, or leave `grades` out"),
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
        let d_at = |check, p: &[Seg], msg: String| {
            source.diag(check, p, msg).criterion(code_label.clone())
        };

        if let Some(code) = &code {
            let parent_code = parent.map(|p| self.nodes[p].code.clone());
            match &parent_code {
                None if code.contains('.') => self.push(
                    d_at(diag::CODE_NOT_UNDER_PARENT, &code_path, format!("section code `{code}` has more than one part"))
                        .help("a section's code is a single number such as \"3\"; put this node under its section's `items`"),
                ),
                // A parent whose code is unreadable was reported; its children are not.
                Some(pc) if !pc.is_empty() && !is_child_code(pc, code) => self.push(
                    d_at(
                        diag::CODE_NOT_UNDER_PARENT,
                        &code_path,
                        format!("code `{code}` does not extend its parent's code `{pc}`"),
                    )
                    .help(format!("a child of {pc} is numbered {pc}.1, {pc}.2, …")),
                ),
                _ => {}
            }
            if let Some(&first) = self.seen.get(code) {
                let at = source
                    .document()
                    .ok()
                    .and_then(|doc| doc.find(&child(&self.paths[first], "code")))
                    .map(|f| format!(" (first at line {})", f.value.at.line))
                    .unwrap_or_default();
                self.push(
                    d_at(
                        diag::DUPLICATE_CODE,
                        &code_path,
                        format!("code `{code}` is used twice{at}"),
                    )
                    .help("each criterion has its own code"),
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
                d_at(
                    diag::BAD_MAX,
                    &max_path,
                    format!(
                        "max is {}; a criterion is worth more than 0 points",
                        raw.max.0
                    ),
                )
                .help("give the points this criterion is worth, e.g. `max: 0.5`"),
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
                    d_at(
                        diag::BAD_SECTION_KIND,
                        &at,
                        format!("`kind: {text}` is given on a criterion; it belongs to a section"),
                    )
                    .help("put `kind: bonus` or `kind: penalty` on the top-level section; its criteria share it"),
                );
            } else if let Some(k) = SectionKind::from_name(text) {
                self.kind = k;
            } else {
                let hint = match diag::suggest(text, SectionKind::NAMES) {
                    Some(s) => format!("did you mean `{s}`? (kinds: scored, bonus, penalty)"),
                    None => "kinds: scored (the default), bonus (điểm thưởng), penalty (điểm trừ)"
                        .into(),
                };
                self.push(
                    d_at(
                        diag::BAD_SECTION_KIND,
                        &at,
                        format!("unknown section kind `{text}`"),
                    )
                    .help(hint),
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
                    "`component:` is given on a criterion; it belongs to a section".into(),
                )
                .help("name the component on the top-level section; its criteria share it"),
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
                d_at(diag::LEAF_SHAPE, &child(&path, "rule"), "a node has either `items` or a `rule`, not both".into())
                    .help("put the rule on the sub-criteria, or remove `items`"),
            ),
            (None, None) => self.push(
                d_at(diag::LEAF_SHAPE, &path, format!("`{code_label}` has neither `items` nor a `rule`"))
                    .help("give a leaf a rule (yes-no, ratio, tiers, deduct, points) or list its sub-criteria under `items`"),
            ),
            (Some(items), None) if items.is_empty() => self.push(
                d_at(diag::LEAF_SHAPE, &child(&path, "items"), "`items` is empty".into())
                    .help("list the sub-criteria, or make this node a leaf with a `rule`"),
            ),
            _ => {}
        }
        if raw.if_na.is_some() && raw.items.is_some() {
            self.push(
                d_at(
                    diag::BAD_RULE,
                    &child(&path, "if_na"),
                    "`if_na` applies to leaves, not to a node with `items`".into(),
                )
                .help("move `if_na` to the sub-criteria it concerns"),
            );
        }

        if let (Some(rule), None) = (&raw.rule, &raw.items) {
            if kind == SectionKind::Penalty && matches!(rule, RawRule::Deduct(_)) {
                self.push(
                    source
                        .diag_at_key(
                        diag::BAD_SECTION_KIND,
                        &child(&child(&path, "rule"), "deduct"),
                        "`deduct` in a penalty section: a penalty leaf scores the points taken away, so `deduct` would take away more the fewer the cases",
                    )
                    .criterion(code_label.clone())
                    .help("say how much is taken with `{ tiers: [ { at_least: 1, points: 0.5 }, … ] }` or `points`"),
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
                        format!(
                            "the maxima of its {} sub-criteria add up to more than an exact decimal can hold",
                            children.len()
                        ),
                    )
                    .help("correct the sub-criteria's max: a criteria set's points are at most a few hundred"),
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
                            format!(
                                "max {} differs from the sum of its {} sub-criteria, {} (difference {})",
                                decimal::show(max),
                                children.len(),
                                decimal::show(sum),
                                decimal::show(max - sum)
                            ),
                        )
                        .help(format!("set `max: {}` or correct the sub-criteria's max", decimal::show(sum))),
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
                        .diag(diag::BAD_COMPONENT, &at, format!("`{}` is not a valid component id", c.id))
                        .help("a component id uses lower-case letters, digits and `-`, e.g. `assessment`, `survey`"),
                );
            } else if out.iter().any(|o| o.id == c.id) {
                self.push(
                    source
                        .diag(
                            diag::BAD_COMPONENT,
                            &at,
                            format!("component `{}` is listed twice", c.id),
                        )
                        .help("give each component its own id"),
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
                    .diag(diag::BAD_COMPONENT, &[key("components")], "`components` is empty")
                    .help("list the parts of the total, `[ { id: assessment, title: \"Điểm thẩm định\" }, … ]`, or leave `components` out"),
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
        let known = || {
            if self.component_ids.is_empty() {
                "the set lists no `components:`".to_string()
            } else {
                format!("components: {}", self.component_ids.join(", "))
            }
        };
        match raw.component {
            Some(id) if kind.outside_max() => {
                self.push(
                    source
                        .diag(
                            diag::BAD_SECTION_KIND,
                            &at,
                            format!("a {} section names the component `{id}`", kind.name()),
                        )
                        .criterion(code.to_string())
                        .help("bonus and penalty sections lie outside the maximum the components divide: remove `component:`"),
                );
                None
            }
            Some(id) => match self.component_ids.iter().position(|c| c == id) {
                Some(i) => Some(i),
                None => {
                    let help =
                        match diag::suggest(id, self.component_ids.iter().map(String::as_str)) {
                            Some(s) => format!("did you mean `{s}`? ({})", known()),
                            None => known(),
                        };
                    self.push(
                        source
                            .diag(
                                diag::BAD_COMPONENT,
                                &at,
                                format!("unknown component `{id}`"),
                            )
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
                            format!("section {code} names no `component:`, and the set divides its total into components"),
                        )
                        .criterion(code.to_string())
                        .help(format!("add `component:` with one of the {}", known())),
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
                        .help(format!("quote the code: `code: \"{written}\"`")),
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
                            format!("`{}` is not a criterion code", other.text()),
                        )
                        .help("a code is dot-separated numbers in quotes, e.g. \"3.4.1\""),
                );
                return None;
            }
        };
        if !is_code(&text) {
            self.push(
                source
                    .diag(diag::BAD_CODE, code_path, format!("`{text}` is not a criterion code"))
                    .criterion(text.clone())
                    .help("a code is dot-separated positive numbers without leading zeros, e.g. \"3.4.1\""),
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
                    let under = parent
                        .map(|p| format!(" under {}", self.nodes[p].code))
                        .unwrap_or_default();
                    let d = self
                        .source
                        .diag(
                            diag::SIBLING_ORDER,
                            &child(&self.paths[c], "code"),
                            format!("code `{code}` comes after `{before_code}`{under}: siblings are out of order"),
                        )
                        .criterion(code.clone())
                        .help("list siblings in increasing order of their codes");
                    self.push(d);
                    return;
                }
            }
            previous = Some((last, code));
        }
    }

    fn rule(&mut self, raw: &RawRule, path: &[Seg], max: Decimal, code: &str) -> Option<Rule> {
        let source = self.source;
        let bad = |p: &[Seg], msg: String| {
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
                    self.push(bad(path, format!("the `{name}` rule needs parameters")).help(match *name {
                        "tiers" => "write `rule: { tiers: [ { at_least: \"100%\", points: 1 }, … ] }`",
                        "linear" => "write `rule: { linear: { zero_at: 1, full_at: 5 } }`",
                        "choice" => "write `rule: { choice: { \"Kịp thời\": 1, \"Không kịp thời\": 0 } }`",
                        _ => "write `rule: { deduct: { per: 0.5 } }`",
                    }));
                    None
                }
                other => {
                    let hint = match diag::suggest(other, RULE_NAMES) {
                        Some(s) => {
                            format!("did you mean `{s}`? (rules: {})", RULE_NAMES.join(", "))
                        }
                        None => format!("rules: {}", RULE_NAMES.join(", ")),
                    };
                    self.push(bad(path, format!("unknown rule `{other}`")).help(hint));
                    None
                }
            },
            RawRule::Unknown(other) => {
                let hint = match diag::suggest(other, RULE_NAMES) {
                    Some(s) => format!("did you mean `{s}`? (rules: {})", RULE_NAMES.join(", ")),
                    None => format!("rules: {}", RULE_NAMES.join(", ")),
                };
                self.push(bad(path, format!("unknown rule `{other}`")).help(hint));
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
                                "`zero_at` and `zero_below` are two names for the rate that scores 0: give one".into(),
                            )
                            .help("keep `zero_at` (and `full_at`); `zero_below` is its older name"),
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
                    self.push(
                        bad(&tiers_path, "`tiers` is empty".into())
                            .help("list at least one tier: `{ at_least: \"100%\", points: 1 }`"),
                    );
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
                        let (ours, theirs) = if lower_is_better {
                            (
                                "`at_most` / `below` (lower is better)",
                                "`at_least` / `above`",
                            )
                        } else {
                            (
                                "`at_least` / `above` (higher is better)",
                                "`at_most` / `below`",
                            )
                        };
                        self.push(
                            source
                                .diag_at_key(
                                    diag::BAD_RULE,
                                    &at_path,
                                    format!(
                                        "tier `{}` runs the other way from the first tier: this list uses {ours}, not {theirs}",
                                        t.bound
                                    ),
                                )
                                .criterion(code.to_string())
                                .help("one list of tiers uses one direction: `at_least`/`above` from the highest threshold down, or `at_most`/`below` from the lowest up"),
                        );
                        ok = false;
                    }
                    let is_rate = t.threshold.0.trim().ends_with('%');
                    let threshold = if is_rate != (scale == TierScale::Rate) {
                        self.push(
                            bad(&at_path, format!("tier threshold `{}` mixes rates and plain numbers", t.threshold.0))
                                .help("write every threshold of a rule as a percentage (\"80%\") or every one as a number (2)"),
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
                                    format!(
                                        "tier points {} lie outside 0–{} (the max)",
                                        t.points.0,
                                        decimal::show(max)
                                    ),
                                )
                                .help("a tier awards between 0 and the criterion's max"),
                            );
                            ok = false;
                        }
                    }
                    match (threshold, points) {
                        (Some(a), Some(p)) => {
                            if let Some(prev) = steps.last() {
                                if lower_is_better && a <= prev.threshold {
                                    self.push(
                                        bad(&at_path, format!("tier threshold `{}` is not above the one before it", t.threshold.0))
                                            .help("list `at_most` / `below` tiers from the lowest threshold up, strictly increasing"),
                                    );
                                    ok = false;
                                } else if !lower_is_better && a >= prev.threshold {
                                    self.push(
                                        bad(&at_path, format!("tier threshold `{}` is not below the one before it", t.threshold.0))
                                            .help("list tiers from the highest threshold down, strictly decreasing"),
                                    );
                                    ok = false;
                                }
                            }
                            if a < Decimal::ZERO {
                                self.push(bad(
                                    &at_path,
                                    format!("tier threshold `{}` is negative", t.threshold.0),
                                ));
                                ok = false;
                            } else if (bound == Bound::Below && a.is_zero())
                                || (bound == Bound::Above
                                    && scale == TierScale::Rate
                                    && a >= Decimal::ONE)
                            {
                                self.push(
                                    bad(
                                        &at_path,
                                        format!(
                                            "no value is {} `{}`: this tier can never score",
                                            if bound == Bound::Below { "below" } else { "above" },
                                            t.threshold.0
                                        ),
                                    )
                                    .help(if bound == Bound::Below {
                                        "values are 0 or more: write `at_most: 0` for \"none at all\""
                                    } else {
                                        "rates are at most 100%: write `at_least: \"100%\"`"
                                    }),
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
                        bad(&choice_path, format!("`choice` lists {} label(s): a choice needs at least two", options.len()))
                            .help("list each label with its points: `{ choice: { \"Kịp thời\": 1, \"Không kịp thời\": 0 } }`; a single outcome is `yes-no`"),
                    );
                    ok = false;
                }
                let mut read = Vec::with_capacity(options.len());
                let mut keys: Vec<String> = Vec::with_capacity(options.len());
                for (label, points) in options {
                    let at = child(&choice_path, label);
                    let key = crate::rule::choice::normalise(label);
                    if key.is_empty() {
                        self.push(bad(&at, "a choice label is empty".into()));
                        ok = false;
                    } else if key == "n/a" {
                        // A label "n/a" would score what the set never meant n/a to score,
                        // past the leaf's `if_na`.
                        self.push(
                            bad(&at, "a choice label is `n/a`, which evidence writes for \"does not apply\"".into())
                                .help("say what n/a means with `if_na: full | exclude | forbid` on the criterion, and keep the labels for outcomes"),
                        );
                        ok = false;
                    } else if let Some(j) = keys.iter().position(|k| *k == key) {
                        self.push(
                            source
                                .diag_at_key(
                                    diag::BAD_RULE,
                                    &at,
                                    format!(
                                        "choice label \"{label}\" is the same as \"{}\" once case, accents' encoding and spaces are set aside",
                                        options[j].0
                                    ),
                                )
                                .criterion(code.to_string())
                                .help("evidence names a label in any case and spacing: give each label once"),
                        );
                        ok = false;
                    }
                    keys.push(key);
                    match self.number(points.0, &at, Some(code)) {
                        Some(p) if p < Decimal::ZERO || p > max => {
                            self.push(
                                bad(
                                    &at,
                                    format!(
                                        "choice points {} lie outside 0–{} (the max)",
                                        points.0,
                                        decimal::show(max)
                                    ),
                                )
                                .help("a label awards between 0 and the criterion's max"),
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
                        self.push(
                            bad(&at, format!("`linear` takes plain numbers, not the percentage `{}`", text.0))
                                .help("for a rate write `{ ratio: { zero_at: \"P%\", full_at: \"Q%\" } }`"),
                        );
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
                        bad(
                            &child(&line_path, "full_at"),
                            format!("`zero_at` and `full_at` are both {}: a line needs two different ends", l.full_at.0),
                        )
                        .help("give the value scoring 0 and the value scoring the max; for a step, use `{ tiers: … }`"),
                    );
                    ok = false;
                }
                ok.then_some(Rule::Linear(Linear { zero_at, full_at }))
            }
            RawRule::Deduct(d) => {
                let per_path = child(&child(path, "deduct"), "per");
                let per = self.number(d.per.0, &per_path, Some(code))?;
                if per <= Decimal::ZERO {
                    self.push(
                        bad(&per_path, format!("`per: {}` must be above 0", d.per.0))
                            .help("give the points deducted per case, e.g. `per: 0.5`"),
                    );
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
                    .diag(
                        diag::BAD_RULE,
                        path,
                        format!("`{t}` is a bare number where a percentage is expected"),
                    )
                    .criterion(code.to_string())
                    .help(format!("write it with a percent sign, e.g. \"{t}%\"")),
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
                d.set_help(p.help);
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
            format!("full marks for rates up to {}, 0 above it", pct(full)),
            format!(
                "an inverted step has no exact `zero_at`/`full_at` form: make sure that full marks up to {} and none above it is what the criterion says",
                pct(full)
            ),
        )
    } else {
        let does = if zero > full {
            format!(
                "full marks for rates up to {}, falling to 0 at {}",
                pct(full),
                pct(zero)
            )
        } else {
            format!(
                "0 for rates up to {}, rising to full marks at {}",
                pct(zero),
                pct(full)
            )
        };
        let mut help = format!("write the same rule without `invert`: {}", form(zero, full));
        // The likely intent, where it differs: the written rates taken as they read.
        if !r.lower_is_better() && zero != r.full_at {
            help.push_str(&format!(
                "; if {} was meant to earn full marks and {} or more nothing, write {}",
                pct(r.zero_below),
                pct(r.full_at),
                form(r.full_at, r.zero_below)
            ));
        }
        (does, help)
    };
    source
        .diag(
            diag::RATIO_INVERT,
            path,
            format!("`invert: true` scores 1 − rate: this rule gives {does}"),
        )
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
