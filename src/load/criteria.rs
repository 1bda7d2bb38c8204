//! Criteria sets: from the parsed file to a validated [`CriteriaSet`], reporting every problem.

use super::position::{child, key, Seg};
use super::raw::{RawCriteria, RawNode, RawRule, Scalar, RULE_NAMES};
use super::value::percent_text;
use super::{check_header, sha256_hex, Source};
use crate::decimal::{self, parse_decimal, NumberError, Rounding, RoundingMode};
use crate::diag::{self, Diagnostic, Diagnostics};
use crate::model::{
    CriteriaHeader, CriteriaSet, Criterion, Grade, IfNa, Ratio, Rule, Tier, TierScale, Tiers,
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
    let raw: RawCriteria = source.parse(Some("criteria"), criterion_at)?;
    check_header(source, &raw.parindex, &raw.kind, "criteria")?;
    let mut b = Builder {
        source,
        found: Vec::new(),
        nodes: Vec::new(),
        paths: Vec::new(),
        seen: HashMap::new(),
    };
    let header = b.header(&raw);
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
    if let (Some(total), Ok(sum)) = (
        header.total,
        decimal::sum(sections.iter().map(|&i| b.nodes[i].max)),
    ) {
        if total != sum {
            b.found.push(
                source
                    .diag(
                        diag::TOTAL_NOT_SUM,
                        &[key("total")],
                        format!(
                            "declared total {} differs from the sum of the sections, {} (difference {})",
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

/// The criterion code of the node that contains `path` (for parser errors placed by line).
fn criterion_at(source: &Source, path: &[Seg]) -> Option<String> {
    let mut node_len = None;
    for (i, seg) in path.iter().enumerate() {
        if let Seg::Index(_) = seg {
            if i > 0 && matches!(&path[i - 1], Seg::Key(k) if k == "sections" || k == "items") {
                node_len = Some(i + 1);
            }
        }
    }
    let mut code_path = path[..node_len?].to_vec();
    code_path.push(key("code"));
    source.raw(&code_path).map(super::position::unquote)
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
}

impl Builder<'_> {
    fn push(&mut self, d: Diagnostic) {
        self.found.push(d);
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
            .and_then(|t| self.number(&t.0, &[key("total")], None));
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
            if let Some(mode) = &r.mode {
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
            id: raw.id.clone(),
            title: raw.title.clone(),
            year,
            source: raw.source.clone(),
            total,
            rounding,
            grades,
        }
    }

    fn grades(&mut self, raw: &RawCriteria) -> Vec<Grade> {
        let Some(list) = &raw.grades else {
            return Vec::new();
        };
        let mut out: Vec<Grade> = Vec::new();
        for (i, g) in list.iter().enumerate() {
            let path = vec![key("grades"), Seg::Index(i), key("min")];
            let Some(min) = self.number(&g.min.0, &path, None) else {
                continue;
            };
            if min < Decimal::ZERO || min > Decimal::ONE_HUNDRED {
                self.push(
                    self.source
                        .diag(
                            diag::BAD_GRADES,
                            &path,
                            format!("grade `{}` starts at {}%, outside 0–100", g.label, g.min.0),
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
                label: g.label.clone(),
                min,
            });
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
        let code_label = code.clone().unwrap_or_else(|| raw.code.text());
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
                Some(pc) if !is_child_code(pc, code) => self.push(
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
                    .index()
                    .get(&child(&self.paths[first], "code"))
                    .map(|s| format!(" (first at line {})", s.line))
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
            .number(&raw.max.0, &max_path, Some(&code_label))
            .unwrap_or(Decimal::ZERO);
        if max <= Decimal::ZERO && parse_decimal(&raw.max.0).is_ok() {
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

        let if_na = match raw.if_na.as_deref() {
            None | Some("full") => IfNa::Full,
            Some("exclude") => IfNa::Exclude,
            Some(other) => {
                self.push(
                    d_at(diag::BAD_RULE, &child(&path, "if_na"), format!("unknown `if_na: {other}`"))
                        .help("`if_na` is `full` (n/a scores the max) or `exclude` (n/a leaves the scoring)"),
                );
                IfNa::Full
            }
        };

        let index = self.nodes.len();
        self.nodes.push(Criterion {
            code: code.clone().unwrap_or_default(),
            title: raw.title.clone(),
            max,
            responsible: raw
                .responsible
                .as_ref()
                .map(|r| r.0.clone())
                .unwrap_or_default(),
            note: raw.note.clone(),
            depth,
            parent,
            children: Vec::new(),
            rule: None,
            if_na,
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
            self.nodes[index].rule = self.rule(rule, &child(&path, "rule"), max, &code_label);
        }

        if let Some(items) = &raw.items {
            let mut children = Vec::new();
            for (i, item) in items.iter().enumerate() {
                let mut p = child(&path, "items");
                p.push(Seg::Index(i));
                children.push(self.node(item, p, Some(index), depth + 1));
            }
            self.sibling_order(&children, Some(index));
            if let Ok(sum) = decimal::sum(children.iter().map(|&c| self.nodes[c].max)) {
                if !items.is_empty() && sum != max && max > Decimal::ZERO {
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

    /// The code as a string, or a diagnostic.
    fn code(&mut self, raw: &RawNode, code_path: &[Seg]) -> Option<String> {
        let source = self.source;
        let text = match &raw.code {
            Scalar::Str(s) => s.clone(),
            Scalar::Int(s) => s.clone(),
            Scalar::Float(f) => {
                let written = source
                    .raw(code_path)
                    .map(str::to_string)
                    .unwrap_or_else(|| super::raw::float_text(*f));
                self.push(
                    source
                        .diag(
                            diag::FLOAT_CODE,
                            code_path,
                            float_code_message(&written, *f),
                        )
                        .criterion(written.clone())
                        .help(format!("quote the code: `code: \"{written}\"`")),
                );
                return None;
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
            RawRule::Named(name) => {
                match name.as_str() {
                    "yes-no" => Some(Rule::YesNo),
                    "ratio" => Some(Rule::Ratio(Ratio::default())),
                    "points" => Some(Rule::Points),
                    "tiers" | "deduct" => {
                        self.push(bad(path, format!("the `{name}` rule needs parameters")).help(match name.as_str() {
                        "tiers" => "write `rule: { tiers: [ { at_least: \"100%\", points: 1 }, … ] }`",
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
                }
            }
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
                for (name, text, slot) in [
                    ("zero_below", &r.zero_below, &mut out.zero_below),
                    ("full_at", &r.full_at, &mut out.full_at),
                ] {
                    let Some(t) = text else { continue };
                    match self.rate_param(&t.0, &child(&ratio_path, name), code) {
                        Some(v) => *slot = v,
                        None => ok = false,
                    }
                }
                if ok && out.zero_below > out.full_at {
                    self.push(
                        bad(
                            &child(&ratio_path, "zero_below"),
                            format!(
                                "zero_below ({}%) is above full_at ({}%)",
                                decimal::show(out.zero_below * Decimal::ONE_HUNDRED),
                                decimal::show(out.full_at * Decimal::ONE_HUNDRED)
                            ),
                        )
                        .help("the rate at which points start must not exceed the rate that earns the max"),
                    );
                    ok = false;
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
                let scale = if list[0].at_least.0.trim().ends_with('%') {
                    TierScale::Rate
                } else {
                    TierScale::Number
                };
                let mut steps: Vec<Tier> = Vec::new();
                let mut ok = true;
                for (i, t) in list.iter().enumerate() {
                    let mut tp = tiers_path.clone();
                    tp.push(Seg::Index(i));
                    let at_path = child(&tp, "at_least");
                    let is_rate = t.at_least.0.trim().ends_with('%');
                    let at_least = if is_rate != (scale == TierScale::Rate) {
                        self.push(
                            bad(&at_path, format!("tier threshold `{}` mixes rates and plain numbers", t.at_least.0))
                                .help("write every threshold of a rule as a percentage (\"80%\") or every one as a number (2)"),
                        );
                        None
                    } else if is_rate {
                        self.rate_param(&t.at_least.0, &at_path, code)
                    } else {
                        self.number(&t.at_least.0, &at_path, Some(code))
                    };
                    let points_path = child(&tp, "points");
                    let points = self.number(&t.points.0, &points_path, Some(code));
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
                    match (at_least, points) {
                        (Some(a), Some(p)) => {
                            if let Some(prev) = steps.last() {
                                if a >= prev.at_least {
                                    self.push(
                                        bad(&at_path, format!("tier threshold `{}` is not below the one before it", t.at_least.0))
                                            .help("list tiers from the highest threshold down, strictly decreasing"),
                                    );
                                    ok = false;
                                }
                            }
                            if a < Decimal::ZERO {
                                self.push(bad(
                                    &at_path,
                                    format!("tier threshold `{}` is negative", t.at_least.0),
                                ));
                                ok = false;
                            }
                            steps.push(Tier {
                                at_least: a,
                                points: p,
                            });
                        }
                        _ => ok = false,
                    }
                }
                ok.then_some(Rule::Tiers(Tiers { scale, steps }))
            }
            RawRule::Deduct(d) => {
                let per_path = child(&child(path, "deduct"), "per");
                let per = self.number(&d.per.0, &per_path, Some(code))?;
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
                d.help = p.help;
                self.push(d);
                None
            }
        }
    }
}

/// Dot-separated positive integers without leading zeros.
pub fn is_code(s: &str) -> bool {
    !s.is_empty()
        && s.split('.').all(|p| {
            !p.is_empty()
                && p.len() <= 9
                && p.bytes().all(|b| b.is_ascii_digit())
                && !p.starts_with('0')
        })
}

/// Whether `code` is `parent` plus one more part.
fn is_child_code(parent: &str, code: &str) -> bool {
    code.strip_prefix(parent)
        .and_then(|rest| rest.strip_prefix('.'))
        .is_some_and(|rest| !rest.contains('.'))
}

/// "code 1.10 is written as a number, which YAML reads as 1.1".
pub(super) fn float_code_message(written: &str, f: f64) -> String {
    let read = super::raw::float_text(f);
    if read == written {
        format!("code {written} is written as a number")
    } else {
        format!("code {written} is written as a number, which YAML reads as {read}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
