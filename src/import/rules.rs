//! Recognising a scoring text (cách chấm điểm) as a rule of the contract's revision 2.
//!
//! Only the phrasings provinces really use are read, and only when the whole text fits one:
//! a wrong rule is worse than none, so anything left over makes the row one to write by hand.
//! Matching is case- and accent-insensitive ("Dat: 1; Khong dat: 0" reads as typed with
//! accents), and numbers take the Vietnamese decimal comma.

use super::text::{clean, clean_lines, label_key, parse_number, Folded};
use super::{Bound, Rule, Threshold, Tier};
use regex::Regex;
use rust_decimal::Decimal;
use std::sync::LazyLock;

/// Why a scoring text gave no rule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NoRule {
    /// No phrasing fits the whole text.
    Unrecognised,
    /// A phrasing fits, but it gives `points` where the row's max is only `max`.
    OverMax { points: Decimal, max: Decimal },
}

/// The rule a scoring text describes, for a row worth `max`.
pub fn recognise(text: &str, max: Decimal) -> Result<Rule, NoRule> {
    let text = clean_lines(text);
    if text.is_empty() {
        return Err(NoRule::Unrecognised);
    }
    let parts: Vec<String> = text
        .split(['\n', ';'])
        .map(clean)
        .filter(|p| !p.is_empty())
        .collect();
    if let Some(rule) = ratio(&parts, max) {
        return Ok(rule);
    }
    if let Some(result) = deduct(&parts, max) {
        return result;
    }
    let pairs = labelled_points(&parts, max).ok_or(NoRule::Unrecognised)?;
    if let Some(&(_, points)) = pairs.iter().find(|(_, p)| *p > max) {
        return Err(NoRule::OverMax { points, max });
    }
    let conditions: Vec<Option<Condition>> = pairs
        .iter()
        .map(|(label, _)| condition(label))
        .collect::<Option<_>>()
        .ok_or(NoRule::Unrecognised)?;
    if conditions.iter().any(Option::is_some) {
        return tiers(&pairs, &conditions).ok_or(NoRule::Unrecognised);
    }
    labels(pairs, max).ok_or(NoRule::Unrecognised)
}

const NUM: &str = r"\d+(?:[.,]\d+)?";

// ---------------------------------------------------------------------------------------------
// "label: points" pairs

/// "label: 1", "label = 0,5 điểm", "label thì được 1 điểm", "label (1 điểm)", "label: điểm tối
/// đa", each on its own part or several in one part.
static POINTS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?:\s*[:=]\s*|\s+(?:thi\s+)?duoc\s+)(?P<num>{NUM}|(?:so\s+)?diem\s+toi\s+da|toi\s+da)(?:\s*(?:diem|d)\b\.?)?|\s*\(\s*(?P<pnum>{NUM})\s*(?:diem|d)\s*\.?\s*\)"
    ))
    .unwrap()
});

/// Bullets and separators before a label: "- ", "+ ", "•", "a) ", ", ".
static LEAD: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:[\s,.;\-–—+•*·]|[a-zđ]\)\s|\d\)\s)*").unwrap());

/// Every part of the text as (label, points); a part that ends in ":" with nothing else is an
/// introduction ("Chấm điểm như sau:") and is passed over. `None` if any part holds anything
/// else.
fn labelled_points(parts: &[String], max: Decimal) -> Option<Vec<(String, Decimal)>> {
    let mut pairs = Vec::new();
    for part in parts {
        let f = Folded::new(part);
        let mut found = Vec::new();
        let mut from = 0;
        while let Some(c) = POINTS.captures_at(&f.text, from) {
            let m = c.get(0).unwrap();
            let next = f.text[m.end()..].chars().next();
            // "đạt: 90%" or "quyết định: 61/2018" are not points.
            if next.is_some_and(|n| n == '%' || n == '/' || n.is_ascii_digit()) {
                from = m.start() + f.text[m.start()..].chars().next().map_or(1, char::len_utf8);
                continue;
            }
            let num = c.name("num").or_else(|| c.name("pnum")).unwrap().as_str();
            let points = if num.contains("toi da") {
                max
            } else {
                parse_number(num)?
            };
            found.push((m.start(), m.end(), points));
            from = m.end();
        }
        if found.is_empty() {
            if part.trim_end().ends_with(':') {
                continue;
            }
            return None;
        }
        let mut start = 0;
        for &(s, e, points) in &found {
            let raw = f.original(start, s);
            let lead = LEAD.find(&f.text[start..s]).map_or(0, |m| m.end());
            let label = clean(&raw[f.original(start, start + lead).len()..]);
            if label.is_empty() {
                return None;
            }
            pairs.push((label, points));
            start = e;
        }
        if !f.text[start..]
            .chars()
            .all(|c| c.is_whitespace() || ".,;)".contains(c))
        {
            return None;
        }
    }
    (!pairs.is_empty()).then_some(pairs)
}

// ---------------------------------------------------------------------------------------------
// yes-no and choice

/// Negations that turn a "yes" label into its "no": "Không ban hành", "Chưa đạt".
const NEGATIONS: [&str; 3] = ["khong", "chua", "ko"];

/// Two labels whose points are the max and 0, where the 0 is the max's negation, are a
/// `yes-no`; a single label worth the max too (anything else scores 0). Otherwise a `choice`.
fn labels(pairs: Vec<(String, Decimal)>, max: Decimal) -> Option<Rule> {
    match pairs.as_slice() {
        [(_, p)] if *p == max => return Some(Rule::YesNo),
        [(a, pa), (b, pb)] if (*pa == max && pb.is_zero()) || (pa.is_zero() && *pb == max) => {
            let (yes, no) = if *pa == max { (a, b) } else { (b, a) };
            if yes_no_like(yes, no) {
                return Some(Rule::YesNo);
            }
        }
        _ => {}
    }
    let mut keys: Vec<String> = pairs.iter().map(|(l, _)| label_key(l)).collect();
    keys.sort();
    keys.dedup();
    (pairs.len() >= 2 && keys.len() == pairs.len()).then_some(Rule::Choice(pairs))
}

/// Whether "no" negates "yes": it starts with a negation ("Không …", "Chưa …") or it is "yes"
/// with one negation put in ("Ban hành không kịp thời"). Not the other way round: in "Không có
/// vi phạm: 1; Có vi phạm: 0" the points go to the negated label, and a `yes-no` would give
/// them to a unit answering "có" (there was a violation); such a pair is a `choice`, where the
/// unit writes the label itself.
fn yes_no_like(yes: &str, no: &str) -> bool {
    let (y, n) = (super::text::fold(yes), super::text::fold(no));
    let starts_negated = |s: &str| {
        NEGATIONS
            .iter()
            .any(|w| s.strip_prefix(w).is_some_and(|r| r.starts_with(' ')))
    };
    let one_negation_less = |longer: &str, shorter: &str| {
        let words: Vec<&str> = longer.split(' ').collect();
        (0..words.len()).any(|i| {
            NEGATIONS.contains(&words[i]) && {
                let mut w = words.clone();
                w.remove(i);
                w.join(" ") == shorter
            }
        })
    };
    (starts_negated(&n) && !starts_negated(&y))
        || (one_negation_less(&n, &y) && !starts_negated(&y))
        || matches!((y.as_str(), n.as_str()), ("co", "khong") | ("yes", "no"))
}

// ---------------------------------------------------------------------------------------------
// Tiers

/// What one label says about the value: at least / above a threshold, at most / below one, or
/// a range between two.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Condition {
    Lower {
        at: Threshold,
        strict: bool,
    },
    Upper {
        at: Threshold,
        strict: bool,
    },
    Range {
        low: Threshold,
        low_strict: bool,
        high: Threshold,
        high_strict: bool,
    },
}

/// A number in a label, with its percent sign.
static NUMBER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"(?P<n>{NUM})(?P<pct>\s*%)?")).unwrap());

/// Comparison words, longest first, and whether each is a lower bound (≥, >) and strict.
const WORDS: [(&str, bool, bool); 27] = [
    ("lon hon hoac bang", true, false),
    ("tren hoac bang", true, false),
    ("duoi hoac bang", false, false),
    ("bang hoac lon hon", true, false),
    ("cao hon hoac bang", true, false),
    ("nho hon hoac bang", false, false),
    ("bang hoac nho hon", false, false),
    ("thap hon hoac bang", false, false),
    ("khong vuot qua", false, false),
    ("khong qua", false, false),
    ("toi thieu", true, false),
    ("it nhat", true, false),
    ("toi da", false, false),
    ("lon hon", true, true),
    ("cao hon", true, true),
    ("nho hon", false, true),
    ("thap hon", false, true),
    ("chua dat", false, true),
    ("khong dat", false, true),
    ("tren", true, true),
    ("duoi", false, true),
    ("tu", true, false),
    ("dat", true, false),
    (">=", true, false),
    ("<=", false, false),
    ("≥", true, false),
    ("≤", false, false),
];

/// Strict signs, checked after the two-character ones.
const SIGNS: [(&str, bool, bool); 2] = [(">", true, true), ("<", false, true)];

/// The comparison word that `before` ends with, as (lower bound, strict).
fn word_before(before: &str) -> Option<(bool, bool)> {
    let b = before.trim_end();
    for &(w, lower, strict) in WORDS.iter().chain(SIGNS.iter()) {
        if let Some(rest) = b.strip_suffix(w) {
            let symbol = !w.chars().next().unwrap().is_alphanumeric();
            if symbol || rest.is_empty() || rest.ends_with(|c: char| !c.is_alphanumeric()) {
                return Some((lower, strict));
            }
        }
    }
    None
}

/// Range connectors between two numbers, and whether the upper end is excluded.
fn connector(between: &str) -> Option<bool> {
    match between.trim() {
        "-" | "–" | "—" | "~" | "den" | "toi" | "den het" => Some(false),
        "den duoi" | "toi duoi" | "den nho hon" | "den khong qua" => {
            Some(between.contains("duoi") || between.contains("nho hon"))
        }
        _ => None,
    }
}

/// The condition a label states (`Some(None)`: none), or `None` where it states one that is
/// not read (two thresholds that do not form a range, a bare "90%").
fn condition(label: &str) -> Option<Option<Condition>> {
    let f = Folded::new(label);
    let t = &f.text;
    struct Num {
        start: usize,
        end: usize,
        value: Decimal,
        percent: bool,
    }
    let mut nums: Vec<Num> = Vec::new();
    for c in NUMBER.captures_iter(t) {
        let m = c.get(0).unwrap();
        let n = c.name("n").unwrap();
        let prev = t[..n.start()].chars().next_back();
        let next = t[m.end()..].chars().next();
        // Dates, decision numbers and codes ("15/12", "61/2018", "1.1.3") are not thresholds.
        if prev.is_some_and(|p| p == '/' || p == '.' || p == ',' || p.is_alphanumeric())
            || next.is_some_and(|x| x == '/' || x.is_alphanumeric() && c.name("pct").is_none())
        {
            continue;
        }
        nums.push(Num {
            start: n.start(),
            end: m.end(),
            value: parse_number(n.as_str())?,
            percent: c.name("pct").is_some(),
        });
    }
    // The numbers that are thresholds: a percentage, or one a comparison word stands before
    // or "trở lên" / "trở xuống" after.
    let after = |n: &Num| t[n.end..].trim_start().to_string();
    let is_threshold = |n: &Num| {
        n.percent
            || word_before(&t[..n.start]).is_some()
            || after(n).starts_with("tro len")
            || after(n).starts_with("tro xuong")
    };
    let idx: Vec<usize> = (0..nums.len())
        .filter(|&i| is_threshold(&nums[i]))
        .collect();
    let threshold = |n: &Num, percent: bool| Threshold {
        value: n.value,
        percent,
    };
    match idx.as_slice() {
        [] => Some(None),
        [i] => {
            let n = &nums[*i];
            // "70 - 90%": a range whose first number has no sign of its own.
            if *i > 0 {
                let p = &nums[i - 1];
                if let Some(high_strict) = connector(&t[p.end..n.start]) {
                    return range(
                        &nums[i - 1..=*i]
                            .iter()
                            .map(|x| (x.value, x.start))
                            .collect::<Vec<_>>(),
                        t,
                        high_strict,
                        n.percent,
                    );
                }
            }
            if let Some(j) = nums.get(i + 1) {
                if connector(&t[n.end..j.start]).is_some() {
                    return None;
                }
            }
            let at = threshold(n, n.percent);
            let rest = after(n);
            if rest.starts_with("tro len") {
                return Some(Some(Condition::Lower { at, strict: false }));
            }
            if rest.starts_with("tro xuong") {
                return Some(Some(Condition::Upper { at, strict: false }));
            }
            match word_before(&t[..n.start]) {
                Some((true, strict)) => Some(Some(Condition::Lower { at, strict })),
                Some((false, strict)) => Some(Some(Condition::Upper { at, strict })),
                // A bare "100%" can only mean all of it; a bare "0%", none.
                None if n.percent && n.value == Decimal::ONE_HUNDRED => {
                    Some(Some(Condition::Lower { at, strict: false }))
                }
                None if n.percent && n.value.is_zero() => {
                    Some(Some(Condition::Upper { at, strict: false }))
                }
                None => None,
            }
        }
        [i, j] if *j == i + 1 => {
            let (a, b) = (&nums[*i], &nums[*j]);
            let high_strict = connector(&t[a.end..b.start])?;
            range(
                &[(a.value, a.start), (b.value, b.start)],
                t,
                high_strict,
                a.percent || b.percent,
            )
        }
        _ => None,
    }
}

/// A range "từ 70% - 90%", "trên 50% đến dưới 70%", "70 - 90%".
fn range(
    ends: &[(Decimal, usize)],
    t: &str,
    high_strict: bool,
    percent: bool,
) -> Option<Option<Condition>> {
    let [(low, low_start), (high, _)] = ends else {
        return None;
    };
    let low_strict = match word_before(&t[..*low_start]) {
        Some((true, strict)) => strict,
        None => false,
        Some((false, _)) => return None,
    };
    if low >= high {
        return None;
    }
    Some(Some(Condition::Range {
        low: Threshold {
            value: *low,
            percent,
        },
        low_strict,
        high: Threshold {
            value: *high,
            percent,
        },
        high_strict,
    }))
}

/// The tiers that labelled thresholds describe, highest-is-best (`at_least` / `above`) or
/// lowest-is-best (`at_most` / `below`), with the zero-point catch-all ("dưới 70%: 0") left
/// implied. `None` where the labels leave a gap, overlap, mix scales or give more points to a
/// worse value.
fn tiers(pairs: &[(String, Decimal)], conditions: &[Option<Condition>]) -> Option<Rule> {
    let items: Vec<(Condition, Decimal)> = conditions
        .iter()
        .zip(pairs)
        .filter_map(|(c, (_, p))| c.map(|c| (c, *p)))
        .collect();
    // A label without a threshold must be worth nothing ("Không thực hiện: 0").
    if conditions
        .iter()
        .zip(pairs)
        .any(|(c, (_, p))| c.is_none() && !p.is_zero())
    {
        return None;
    }
    let percent = |c: &Condition| match c {
        Condition::Lower { at, .. } | Condition::Upper { at, .. } => at.percent,
        Condition::Range { low, .. } => low.percent,
    };
    let scale = percent(&items[0].0);
    if items.iter().any(|(c, _)| percent(c) != scale) {
        return None;
    }
    // A rate lies in 0%–100%: "trên 120%" is a misprint, not a tier.
    let beyond = |c: &Condition| match c {
        Condition::Lower { at, .. } | Condition::Upper { at, .. } => at.value,
        Condition::Range { high, .. } => high.value,
    } > Decimal::ONE_HUNDRED;
    if scale && items.iter().any(|(c, _)| beyond(c)) {
        return None;
    }
    let scored = |lower: bool| {
        items
            .iter()
            .filter(|(c, p)| {
                !p.is_zero()
                    && matches!(
                        (c, lower),
                        (Condition::Lower { .. }, true) | (Condition::Upper { .. }, false)
                    )
            })
            .count()
    };
    let higher_is_better = match (scored(true), scored(false)) {
        (0, 0) => {
            // Only ranges score: the direction is where their points grow.
            let mut r: Vec<(Decimal, Decimal)> = items
                .iter()
                .filter_map(|(c, p)| match c {
                    Condition::Range { low, .. } if !p.is_zero() => Some((low.value, *p)),
                    _ => None,
                })
                .collect();
            r.sort();
            match r.as_slice() {
                [] => return None,
                [_] => {
                    // A single range: higher is better if the catch-all is below it.
                    !items
                        .iter()
                        .any(|(c, _)| matches!(c, Condition::Lower { .. }))
                }
                _ => r.windows(2).all(|w| w[0].1 <= w[1].1),
            }
        }
        (_, 0) => true,
        (0, _) => false,
        // One paid "dưới 70%" under tiers that go up: the catch-all (checked in `build`).
        (_, 1) => true,
        _ => return None,
    };
    if higher_is_better {
        build(items, scale, true)
    } else {
        build(items, scale, false)
    }
}

/// Tiers in one direction. `up`: highest threshold first, `at_least` / `above`.
fn build(items: Vec<(Condition, Decimal)>, scale: bool, up: bool) -> Option<Rule> {
    // (threshold, strict, points, the range's other end)
    let mut tiers: Vec<(Decimal, bool, Decimal, Option<Decimal>)> = Vec::new();
    let mut catch_all: Option<(Decimal, Decimal)> = None;
    for (c, p) in items {
        match (c, up) {
            (Condition::Lower { at, strict }, true) | (Condition::Upper { at, strict }, false) => {
                tiers.push((at.value, strict, p, None))
            }
            (
                Condition::Range {
                    low,
                    low_strict,
                    high,
                    ..
                },
                true,
            ) => tiers.push((low.value, low_strict, p, Some(high.value))),
            (
                Condition::Range {
                    low,
                    high,
                    high_strict,
                    ..
                },
                false,
            ) => tiers.push((high.value, high_strict, p, Some(low.value))),
            (Condition::Lower { at, .. }, false) | (Condition::Upper { at, .. }, true) => {
                if catch_all.replace((at.value, p)).is_some() {
                    return None;
                }
            }
        }
    }
    if up {
        tiers.sort_by_key(|t| std::cmp::Reverse(t.0));
    } else {
        tiers.sort_by_key(|t| t.0);
    }
    // Strictly ordered thresholds, points never growing, ranges meeting the tier before.
    for w in tiers.windows(2) {
        if w[0].0 == w[1].0 || w[1].2 > w[0].2 || w[1].3.is_some_and(|end| end != w[0].0) {
            return None;
        }
    }
    let first = tiers.first()?;
    let full = if scale {
        Decimal::ONE_HUNDRED
    } else {
        Decimal::MAX
    };
    match (first.3, up) {
        (Some(end), true) if end != full => return None,
        (Some(end), false) if !end.is_zero() => return None,
        _ => {}
    }
    // The catch-all must start where the last tier ends; its points, if any, become a last
    // tier from 0 (values are never negative).
    let last = *tiers.last()?;
    if let Some((at, points)) = catch_all {
        if at != last.0 || points > last.2 {
            return None;
        }
        if !points.is_zero() {
            if !up || last.0.is_zero() {
                return None;
            }
            tiers.push((Decimal::ZERO, false, points, None));
        }
    }
    while tiers.last().is_some_and(|t| t.2.is_zero()) {
        tiers.pop();
    }
    if tiers.is_empty() {
        return None;
    }
    Some(Rule::Tiers(
        tiers
            .into_iter()
            .map(|(value, strict, points, _)| Tier {
                bound: match (up, strict) {
                    (true, false) => Bound::AtLeast,
                    (true, true) => Bound::Above,
                    (false, false) => Bound::AtMost,
                    (false, true) => Bound::Below,
                },
                threshold: Threshold {
                    value,
                    percent: scale,
                },
                points,
            })
            .collect(),
    ))
}

// ---------------------------------------------------------------------------------------------
// ratio and deduct

/// "tỷ lệ % × điểm tối đa", "Điểm = tỷ lệ hoàn thành x điểm tối đa", "(số đúng hạn / tổng số)
/// × 2" on a row worth 2.
static RATIO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?:ty le|ti le|%|/)[^;]*?(?:×|\*|\bx\b|\bnhan(?: voi)?\b)\s*(?:(?:so\s+)?diem\s+toi\s+da|(?P<n>{NUM}))|(?:(?:so\s+)?diem\s+toi\s+da|(?P<m>{NUM}))\s*(?:×|\*|\bx\b|\bnhan(?: voi)?\b)[^;]*?(?:ty le|ti le|%)"
    ))
    .unwrap()
});

fn ratio(parts: &[String], max: Decimal) -> Option<Rule> {
    let mut found = false;
    for part in parts {
        let f = Folded::new(part);
        match RATIO.captures(&f.text) {
            Some(c) if !found => {
                let n = c.name("n").or_else(|| c.name("m"));
                if n.is_some_and(|n| parse_number(n.as_str()) != Some(max)) {
                    return None;
                }
                found = true;
            }
            // Anything else with a number in it (a floor, a second formula) is not plain ratio.
            _ if part.chars().any(|c| c.is_ascii_digit()) => return None,
            _ => {}
        }
    }
    found.then_some(Rule::Ratio)
}

/// "Mỗi văn bản chậm trừ 0,25 điểm", "Cứ 01 báo cáo không đúng hạn bị trừ 0,5 điểm".
static DEDUCT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"\b(?:moi|cu)\b.*?\btru\s+(?:di\s+)?(?P<n>{NUM})\s*(?:diem|d\b)?"
    ))
    .unwrap()
});

/// `None` where the text is not a deduction; otherwise its rule, or why not.
fn deduct(parts: &[String], max: Decimal) -> Option<Result<Rule, NoRule>> {
    let mut per = None;
    for part in parts {
        let f = Folded::new(part);
        if let Some(c) = DEDUCT.captures(&f.text) {
            if per.is_some() {
                return Some(Err(NoRule::Unrecognised));
            }
            per = Some(parse_number(c.name("n")?.as_str())?);
        }
    }
    let per = per?;
    // The other parts may say what scores full marks, or cap the deduction.
    for part in parts {
        let f = Folded::new(part);
        let ok = DEDUCT.is_match(&f.text)
            || f.text.contains("toi da")
            || f.text.contains(" het ")
            || !f.text.chars().any(|c| c.is_ascii_digit())
            || labelled_points(std::slice::from_ref(part), max)
                .is_some_and(|p| p.iter().all(|(_, x)| *x == max));
        if !ok {
            return Some(Err(NoRule::Unrecognised));
        }
    }
    if per > max {
        return Some(Err(NoRule::OverMax { points: per, max }));
    }
    if per.is_zero() {
        return Some(Err(NoRule::Unrecognised));
    }
    Some(Ok(Rule::Deduct { per }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::decimal::dec;

    fn tier(bound: Bound, at: &str, points: &str) -> Tier {
        let (value, percent) = match at.strip_suffix('%') {
            Some(v) => (dec(v), true),
            None => (dec(at), false),
        };
        Tier {
            bound,
            threshold: Threshold { value, percent },
            points: dec(points),
        }
    }

    fn choice(items: &[(&str, &str)]) -> Rule {
        Rule::Choice(items.iter().map(|(l, p)| (l.to_string(), dec(p))).collect())
    }

    fn r(text: &str, max: &str) -> Result<Rule, NoRule> {
        recognise(text, dec(max))
    }

    #[test]
    fn yes_no_phrasings() {
        for text in [
            "Đạt: 1; Không đạt: 0",
            "Có: 1; Không: 0",
            "Đạt yêu cầu: 1; Không đạt yêu cầu: 0",
            "Dat: 1; Khong dat: 0",
            "- Đạt: 1 điểm\n- Không đạt: 0 điểm",
            "Không đạt: 0; Đạt: 1",
            "Ban hành kịp thời: 1; Ban hành không kịp thời: 0",
            "Xác định đầy đủ nhiệm vụ và có bố trí kinh phí: 1; Không xác định đầy đủ nhiệm vụ hoặc không bố trí kinh phí: 0",
            "Ban hành đúng thời hạn thì được 1 điểm",
            "Đạt: điểm tối đa; Không đạt: 0",
        ] {
            assert_eq!(r(text, "1"), Ok(Rule::YesNo), "{text}");
        }
        assert_eq!(r("Đạt: 0,5; Không đạt: 0", "0.5"), Ok(Rule::YesNo));
        assert_eq!(
            r("Đạt (0,5 điểm); Không đạt (0 điểm)", "0.5"),
            Ok(Rule::YesNo)
        );
    }

    #[test]
    fn points_for_the_negated_label_are_a_choice_not_a_yes_no() {
        // "có" would be the unit saying there was a violation, and scoring the max for it.
        assert_eq!(
            r("Không có vi phạm: 1; Có vi phạm: 0", "1"),
            Ok(choice(&[("Không có vi phạm", "1"), ("Có vi phạm", "0")]))
        );
        assert_eq!(
            r("Đạt: 0; Không đạt: 1", "1"),
            Ok(choice(&[("Đạt", "0"), ("Không đạt", "1")]))
        );
        assert_eq!(
            r(
                "Không có cán bộ bị kỷ luật: 1; Có cán bộ bị kỷ luật: 0",
                "1"
            ),
            Ok(choice(&[
                ("Không có cán bộ bị kỷ luật", "1"),
                ("Có cán bộ bị kỷ luật", "0")
            ]))
        );
    }

    #[test]
    fn two_labels_that_are_not_yes_and_no_are_a_choice() {
        assert_eq!(
            r("Tốt: 1; Kém: 0", "1"),
            Ok(choice(&[("Tốt", "1"), ("Kém", "0")]))
        );
        // Worth less than the max: not a yes-no either.
        assert_eq!(
            r("Đạt: 0,5; Không đạt: 0", "1"),
            Ok(choice(&[("Đạt", "0.5"), ("Không đạt", "0")]))
        );
    }

    #[test]
    fn labelled_points_become_a_choice() {
        assert_eq!(
            r(
                "Ban hành kịp thời: 1; Ban hành không kịp thời: 0,5; Không ban hành: 0",
                "1"
            ),
            Ok(choice(&[
                ("Ban hành kịp thời", "1"),
                ("Ban hành không kịp thời", "0.5"),
                ("Không ban hành", "0")
            ]))
        );
        assert_eq!(
            r(
                "+ Tốt: 2 điểm.\n+ Khá: 1,5 điểm.\n+ Trung bình: 1 điểm.\n+ Kém: 0 điểm.",
                "2"
            ),
            Ok(choice(&[
                ("Tốt", "2"),
                ("Khá", "1.5"),
                ("Trung bình", "1"),
                ("Kém", "0")
            ]))
        );
        // Several in one line, separated by commas or full stops.
        assert_eq!(
            r("Tốt: 2, khá: 1. Kém: 0", "2"),
            Ok(choice(&[("Tốt", "2"), ("khá", "1"), ("Kém", "0")]))
        );
        // An introduction line is passed over.
        assert_eq!(
            r("Chấm điểm như sau:\na) Tốt: 2\nb) Kém: 0,5", "2"),
            Ok(choice(&[("Tốt", "2"), ("Kém", "0.5")]))
        );
        // The same label twice cannot be told apart.
        assert_eq!(r("Tốt: 2; tốt: 1", "2"), Err(NoRule::Unrecognised));
    }

    #[test]
    fn thresholds_become_tiers_with_their_strictness() {
        use Bound::*;
        assert_eq!(
            r("trên 90%: 2; từ 70% - 90%: 1; dưới 70%: 0", "2"),
            Ok(Rule::Tiers(vec![
                tier(Above, "90%", "2"),
                tier(AtLeast, "70%", "1")
            ]))
        );
        assert_eq!(
            r("Thực hiện trên 90% kế hoạch: 2; Thực hiện từ 70% - 90% kế hoạch: 1; Dưới 70% kế hoạch: 0", "2"),
            Ok(Rule::Tiers(vec![tier(Above, "90%", "2"), tier(AtLeast, "70%", "1")]))
        );
        assert_eq!(
            r(
                "Từ 80% trở lên: 1; Từ 50% đến dưới 80%: 0,5; Dưới 50%: 0",
                "1"
            ),
            Ok(Rule::Tiers(vec![
                tier(AtLeast, "80%", "1"),
                tier(AtLeast, "50%", "0.5")
            ]))
        );
        assert_eq!(
            r("Đạt 100%: 1; Không đạt 100%: 0", "1"),
            Ok(Rule::Tiers(vec![tier(AtLeast, "100%", "1")]))
        );
        assert_eq!(
            r("Hoàn thành 100% kế hoạch: 1; Không hoàn thành: 0", "1"),
            Ok(Rule::Tiers(vec![tier(AtLeast, "100%", "1")]))
        );
        assert_eq!(
            r("Tỷ lệ đạt trên 12,5%: 0,5; dưới hoặc bằng 12,5%: 0", "0.5"),
            Ok(Rule::Tiers(vec![tier(Above, "12.5%", "0.5")]))
        );
        assert_eq!(
            r("Có từ 2 sáng kiến trở lên: 1; Có 1 sáng kiến: 0,5", "1"),
            Err(NoRule::Unrecognised),
            "a count with no comparison word is not a threshold"
        );
        assert_eq!(
            r("Có từ 2 sáng kiến trở lên: 1; Có từ 1 sáng kiến: 0,5", "1"),
            Ok(Rule::Tiers(vec![
                tier(AtLeast, "2", "1"),
                tier(AtLeast, "1", "0.5")
            ]))
        );
    }

    #[test]
    fn lower_is_better_tiers() {
        use Bound::*;
        assert_eq!(
            r("Không quá 5%: 1; Từ trên 5% đến 10%: 0,5; Trên 10%: 0", "1"),
            Ok(Rule::Tiers(vec![
                tier(AtMost, "5%", "1"),
                tier(AtMost, "10%", "0.5")
            ]))
        );
        assert_eq!(
            r("Tối đa 2%: 1; trên 2%: 0", "1"),
            Ok(Rule::Tiers(vec![tier(AtMost, "2%", "1")]))
        );
        assert_eq!(
            r("Dưới 5%: 1", "1"),
            Ok(Rule::Tiers(vec![tier(Below, "5%", "1")]))
        );
        assert_eq!(
            r("Dưới 5%: 1; Từ 5% trở lên: 0", "1"),
            Ok(Rule::Tiers(vec![tier(Below, "5%", "1")]))
        );
    }

    #[test]
    fn tiers_with_gaps_or_growing_points_are_not_guessed() {
        // 60%–70% is not said.
        assert_eq!(
            r("trên 90%: 2; từ 70% - 90%: 1; dưới 60%: 0", "2"),
            Err(NoRule::Unrecognised)
        );
        // A range that does not meet the tier above.
        assert_eq!(
            r("trên 90%: 2; từ 70% - 80%: 1", "2"),
            Err(NoRule::Unrecognised)
        );
        // More points for less.
        assert_eq!(r("trên 90%: 1; từ 70%: 2", "2"), Err(NoRule::Unrecognised));
        // A bare 90% could be "exactly" or "at least".
        assert_eq!(r("90%: 1; dưới 90%: 0", "1"), Err(NoRule::Unrecognised));
        // Percentages and counts mixed.
        assert_eq!(r("trên 90%: 2; từ 3: 1", "2"), Err(NoRule::Unrecognised));
    }

    #[test]
    fn a_paid_catch_all_becomes_a_tier_from_zero() {
        use Bound::*;
        assert_eq!(
            r("trên 90%: 2; từ 70% - 90%: 1; dưới 70%: 0,5", "2"),
            Ok(Rule::Tiers(vec![
                tier(Above, "90%", "2"),
                tier(AtLeast, "70%", "1"),
                tier(AtLeast, "0%", "0.5")
            ]))
        );
    }

    #[test]
    fn ratio_phrasings() {
        for text in [
            "Điểm = tỷ lệ % × điểm tối đa",
            "tỷ lệ hoàn thành x điểm tối đa",
            "Tỉ lệ văn bản đúng hạn nhân với điểm tối đa",
            "Điểm = (số văn bản đúng hạn / tổng số văn bản) × 2",
            "Điểm tối đa × tỷ lệ %",
        ] {
            assert_eq!(r(text, "2"), Ok(Rule::Ratio), "{text}");
        }
        // A floor makes it something else.
        assert_eq!(
            r("tỷ lệ × điểm tối đa; dưới 50%: 0", "2"),
            Err(NoRule::Unrecognised)
        );
        // × 3 on a row worth 2 is not the max.
        assert_eq!(r("tỷ lệ % × 3", "2"), Err(NoRule::Unrecognised));
    }

    #[test]
    fn deduction_phrasings() {
        for (text, per) in [
            ("Mỗi văn bản chậm trừ 0,25 điểm", "0.25"),
            ("Cứ 01 báo cáo không đúng hạn bị trừ 0,5 điểm", "0.5"),
            (
                "Không có văn bản chậm: 1; mỗi văn bản chậm trừ 0,5 điểm (trừ tối đa 1 điểm)",
                "0.5",
            ),
            ("moi truong hop vi pham tru 0.5d", "0.5"),
        ] {
            assert_eq!(r(text, "1"), Ok(Rule::Deduct { per: dec(per) }), "{text}");
        }
        assert_eq!(
            r("Mỗi văn bản chậm trừ 2 điểm", "1"),
            Err(NoRule::OverMax {
                points: dec("2"),
                max: dec("1")
            })
        );
    }

    #[test]
    fn points_beyond_the_max_are_reported() {
        assert_eq!(
            r("Đạt: 2; Không đạt: 0", "1"),
            Err(NoRule::OverMax {
                points: dec("2"),
                max: dec("1")
            })
        );
    }

    #[test]
    fn unreadable_texts() {
        for text in [
            "",
            "Căn cứ kết quả điều tra xã hội học",
            "Hội đồng thẩm định chấm điểm",
            "Đạt: 1; Không đạt: 0 (trường hợp đặc biệt do Hội đồng xem xét)",
            "Đạt: 1, nếu có văn bản",
        ] {
            assert_eq!(r(text, "1"), Err(NoRule::Unrecognised), "{text}");
        }
    }

    /// Whatever an officer types, the recogniser does not panic, and every rule it gives stays
    /// within the row's max.
    mod properties {
        use super::*;
        use proptest::prelude::*;

        const TOKENS: &[&str] = &[
            "Đạt",
            "Không",
            "không đạt",
            "có",
            "trên",
            "dưới",
            "từ",
            "đến",
            "đến dưới",
            "trở lên",
            "không quá",
            "tối đa",
            "điểm",
            "điểm tối đa",
            "mỗi",
            "trừ",
            "tỷ lệ",
            "×",
            "x",
            ":",
            ";",
            ",",
            ".",
            "-",
            "(",
            ")",
            "%",
            "\n",
            "0",
            "0,5",
            "1",
            "2",
            "70",
            "90",
            "100",
            "120",
            "1.5",
            "thì được",
            "=",
            "/",
            "ban hành",
            "kịp thời",
            "a)",
            "+",
            "đ",
        ];

        fn rule_points(rule: &Rule) -> Vec<Decimal> {
            match rule {
                Rule::Choice(c) => c.iter().map(|(_, p)| *p).collect(),
                Rule::Tiers(t) => t.iter().map(|t| t.points).collect(),
                Rule::Deduct { per } => vec![*per],
                _ => vec![],
            }
        }

        proptest! {
            #[test]
            fn rules_stay_within_the_max(
                words in proptest::collection::vec(proptest::sample::select(TOKENS), 0..16),
                spaced in any::<bool>(),
                max in proptest::sample::select(&["0.5", "1", "2"][..]),
            ) {
                let text = words.join(if spaced { " " } else { "" });
                let max = dec(max);
                if let Ok(rule) = recognise(&text, max) {
                    for p in rule_points(&rule) {
                        prop_assert!(p >= Decimal::ZERO && p <= max, "{text}: {rule:?}");
                    }
                    if let Rule::Tiers(t) = &rule {
                        prop_assert!(!t.is_empty());
                        for w in t.windows(2) {
                            prop_assert!(w[0].points >= w[1].points, "{text}: {rule:?}");
                        }
                    }
                    if let Rule::Choice(c) = &rule {
                        prop_assert!(c.len() >= 2);
                    }
                }
            }
        }
    }
}
