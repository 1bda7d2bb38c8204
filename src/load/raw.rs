//! The files as written: structures bound from the document tree ([`super::yaml`]) that keep
//! every scalar's text, so that decimals are read exactly and validation can place each
//! problem.
//!
//! Structure is enforced here (unknown keys, missing keys, a list where a mapping belongs),
//! every problem of a file at once: an unknown key is reported and the rest is still read, so
//! a file with four typos is fixed in one round. Meaning (ranges, sums, codes) is checked by
//! the loaders afterwards.

pub use super::yaml::Scalar;
use super::yaml::{Kind, Node};
use super::Source;
use crate::diag::{self, Check, Diagnostic, Findings};
use crate::i18n::{diag as say, Text};
use crate::model::Bound;

/// A number's text exactly as written (`1.50` stays `1.50`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NumText<'t>(pub &'t str);

/// `responsible:` is one office or a list of them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Offices(pub Vec<String>);

// ---------------------------------------------------------------------------------------------
// Criteria sets

#[derive(Debug)]
pub struct RawCriteria<'t> {
    pub parindex: Scalar<'t>,
    pub kind: &'t str,
    pub id: &'t str,
    pub title: &'t str,
    pub year: Option<Scalar<'t>>,
    pub source: Option<&'t str>,
    pub total: Option<NumText<'t>>,
    pub rounding: Option<RawRounding<'t>>,
    pub grades: Option<Vec<RawGrade<'t>>>,
    /// The set's default `if_na:` for leaves that do not give one.
    pub if_na: Option<&'t str>,
    /// `cap_total: false` lets bonus and penalty sections take the total outside [0, max].
    pub cap_total: Option<bool>,
    /// `components: [ { id, title } ]`, in file order.
    pub components: Option<Vec<RawComponent<'t>>>,
    pub sections: Vec<RawNode<'t>>,
}

/// One part of the total (the appraised self-assessment, the sociological survey).
#[derive(Debug)]
pub struct RawComponent<'t> {
    pub id: &'t str,
    pub title: &'t str,
}

#[derive(Debug)]
pub struct RawRounding<'t> {
    pub decimals: Option<Scalar<'t>>,
    pub mode: Option<&'t str>,
}

#[derive(Debug)]
pub struct RawGrade<'t> {
    pub label: &'t str,
    pub min: NumText<'t>,
}

#[derive(Debug)]
pub struct RawNode<'t> {
    pub code: Scalar<'t>,
    pub title: &'t str,
    pub max: NumText<'t>,
    pub responsible: Option<Offices>,
    pub note: Option<&'t str>,
    pub if_na: Option<&'t str>,
    /// A section's `kind:` (`scored`, `bonus`, `penalty`).
    pub kind: Option<&'t str>,
    /// A scored section's `component:` id.
    pub component: Option<&'t str>,
    pub rule: Option<RawRule<'t>>,
    pub items: Option<Vec<RawNode<'t>>>,
}

/// A rule: a bare name (`yes-no`, `ratio`, `points`) or a one-key mapping with parameters.
#[derive(Debug)]
pub enum RawRule<'t> {
    Named(&'t str),
    Ratio(RawRatio<'t>),
    Tiers(Vec<RawTier<'t>>),
    Deduct(RawDeduct<'t>),
    Linear(RawLinear<'t>),
    /// `choice`: `(label, points)` in file order.
    Choice(Vec<(&'t str, NumText<'t>)>),
    /// A mapping whose key is not a parameterised rule; reported by the loader.
    Unknown(&'t str),
}

#[derive(Debug, Default)]
pub struct RawRatio<'t> {
    pub zero_below: Option<NumText<'t>>,
    /// Revision 2's name for `zero_below`.
    pub zero_at: Option<NumText<'t>>,
    pub full_at: Option<NumText<'t>>,
    pub invert: Option<bool>,
}

#[derive(Debug)]
pub struct RawTier<'t> {
    /// The comparison's key (`at_least`, `above`, `at_most`, `below`) and its threshold.
    pub bound: &'t str,
    pub threshold: NumText<'t>,
    pub points: NumText<'t>,
}

#[derive(Debug)]
pub struct RawLinear<'t> {
    pub zero_at: NumText<'t>,
    pub full_at: NumText<'t>,
}

#[derive(Debug)]
pub struct RawDeduct<'t> {
    pub per: NumText<'t>,
}

/// The rule names a criteria file may use.
pub const RULE_NAMES: [&str; 7] = [
    "yes-no", "ratio", "tiers", "deduct", "points", "linear", "choice",
];

// ---------------------------------------------------------------------------------------------
// Evidence files

#[derive(Debug)]
pub struct RawEvidence<'t> {
    pub parindex: Scalar<'t>,
    pub kind: &'t str,
    pub criteria: &'t str,
    pub unit: &'t str,
    pub period: Scalar<'t>,
    /// `(code key, entry)` in file order.
    pub values: Vec<(&'t Node, RawEntry<'t>)>,
    pub expect: Option<RawExpect<'t>>,
}

/// An evidence value: a scalar, or the map form with the appraisal.
#[derive(Debug)]
pub enum RawEntry<'t> {
    Plain(&'t Node),
    /// Boxed: most values are plain, and the table of a file's values stays small.
    Full(Box<RawEntryMap<'t>>),
}

#[derive(Debug, Default)]
pub struct RawEntryMap<'t> {
    pub value: Option<&'t Node>,
    pub appraised: Option<&'t Node>,
    pub reappraised: Option<&'t Node>,
    pub reason: Option<&'t str>,
    pub explanation: Option<&'t str>,
    pub reappraisal_reason: Option<&'t str>,
    pub note: Option<&'t str>,
    pub docs: Vec<String>,
}

#[derive(Debug)]
pub struct RawExpect<'t> {
    pub total: Option<NumText<'t>>,
    pub percent: Option<NumText<'t>>,
    pub grade: Option<&'t str>,
    /// `(code key, expected score)` in file order.
    pub scores: Vec<(&'t Node, NumText<'t>)>,
    /// parindex's extension: `(stage name, its figures)` in file order.
    pub stages: Vec<(&'t str, RawExpect<'t>)>,
}

// ---------------------------------------------------------------------------------------------
// Binding

/// Binds tree nodes to the structures above, collecting every structural problem.
pub(super) struct Reader<'s> {
    source: &'s Source,
    pub found: Findings,
    /// A problem that left a required part unread: the loader stops after reporting.
    pub fatal: bool,
    /// The criterion being read, named in every diagnostic.
    pub criterion: Option<String>,
}

/// The keys of one mapping, checked against those allowed.
pub(super) struct Fields<'t> {
    pub node: &'t Node,
    pub entries: &'t [(Node, Node)],
}

impl<'t> Fields<'t> {
    pub(super) fn get(&self, key: &str) -> Option<&'t Node> {
        self.entries
            .iter()
            .find(|(k, _)| k.text() == Some(key))
            .map(|(_, v)| v)
    }
}

impl<'s, 't> Reader<'s> {
    pub fn new(source: &'s Source) -> Self {
        Reader {
            source,
            found: Findings::new(),
            fatal: false,
            criterion: None,
        }
    }

    pub(super) fn report(
        &mut self,
        check: Check,
        node: &Node,
        message: impl Into<crate::diag::Message>,
    ) -> &mut Diagnostic {
        let mut d = self.source.diag_at(check, node, message);
        d.criterion = self.criterion.clone();
        self.found.push(d)
    }

    pub(super) fn wrong(&mut self, key: &str, node: &Node, expected: Text) {
        let found = node.described();
        self.report(diag::WRONG_TYPE, node, say::must_be(key, expected, found));
        self.fatal = true;
    }

    /// A mapping whose keys are all among `allowed`; every other key is reported.
    pub(super) fn fields(
        &mut self,
        node: &'t Node,
        what: &str,
        allowed: &[&str],
    ) -> Option<Fields<'t>> {
        let Some(entries) = node.entries() else {
            self.wrong(what, node, say::A_MAPPING);
            return None;
        };
        for (k, _) in entries {
            let name = k.text().unwrap_or_default();
            if !allowed.contains(&name) {
                let help = say::keys_here(
                    diag::suggest(name, allowed.iter().copied()),
                    &allowed.join(", "),
                );
                self.report(diag::UNKNOWN_KEY, k, say::unknown_key(name))
                    .set_help(Some(help));
            }
        }
        Some(Fields { node, entries })
    }

    /// A required key's node. A key missing because it was misspelt is reported once, as the
    /// unknown key whose hint names it.
    pub(super) fn required(&mut self, f: &Fields<'t>, key: &str) -> Option<&'t Node> {
        let found = f.get(key);
        if found.is_none() {
            self.fatal = true;
            let misspelt = f.entries.iter().any(|(k, _)| {
                let name = k.text().unwrap_or_default();
                name != key && diag::suggest(name, [key]).is_some()
            });
            if !misspelt {
                self.report(diag::MISSING_KEY, f.node, say::missing_key(key));
            }
        }
        found
    }

    /// A text value (any scalar but an empty one, as written).
    pub(super) fn text(&mut self, key: &str, node: &'t Node) -> Option<&'t str> {
        match (node.scalar(), node.text()) {
            (Some(Scalar::Null), _) | (None, _) => {
                self.wrong(key, node, say::TEXT);
                None
            }
            (Some(_), text) => {
                // The one place every text passes: none may hide a control character.
                if let Some(p) = text.and_then(|t| super::hidden_char(Some(key), Some(node), t)) {
                    self.report(p.check, node, p.message)
                        .set_help(p.help.map(|h| *h));
                }
                text
            }
        }
    }

    pub(super) fn opt_text(&mut self, f: &Fields<'t>, key: &str) -> Option<&'t str> {
        let node = f.get(key)?;
        if node.scalar() == Some(Scalar::Null) {
            return None;
        }
        self.text(key, node)
    }

    pub(super) fn req_text(&mut self, f: &Fields<'t>, key: &str) -> Option<&'t str> {
        let node = self.required(f, key)?;
        self.text(key, node)
    }

    /// A single value (not a list or mapping).
    pub(super) fn scalar(&mut self, key: &str, node: &'t Node) -> Option<Scalar<'t>> {
        let s = node.scalar();
        if s.is_none() {
            self.wrong(key, node, say::A_SINGLE_VALUE);
        }
        s
    }

    pub(super) fn number(&mut self, key: &str, node: &'t Node) -> Option<NumText<'t>> {
        match node.scalar() {
            Some(Scalar::Null) | None => {
                self.wrong(key, node, say::A_NUMBER);
                None
            }
            Some(s) => match s {
                Scalar::Bool(_) => {
                    self.wrong(key, node, say::A_NUMBER);
                    None
                }
                _ => node.text().map(NumText),
            },
        }
    }

    pub(super) fn opt_number(&mut self, f: &Fields<'t>, key: &str) -> Option<NumText<'t>> {
        let node = f.get(key)?;
        if node.scalar() == Some(Scalar::Null) {
            return None;
        }
        self.number(key, node)
    }

    pub(super) fn req_number(&mut self, f: &Fields<'t>, key: &str) -> Option<NumText<'t>> {
        let node = self.required(f, key)?;
        self.number(key, node)
    }

    /// An optional `true` / `false`.
    pub(super) fn opt_bool(&mut self, f: &Fields<'t>, key: &str) -> Option<bool> {
        let node = f.get(key)?;
        match node.scalar() {
            Some(Scalar::Bool(b)) => Some(b),
            Some(Scalar::Null) => None,
            _ => {
                self.wrong(key, node, say::TRUE_OR_FALSE);
                None
            }
        }
    }

    /// A list's items; an empty value is an empty list.
    pub(super) fn list(&mut self, key: &str, node: &'t Node) -> Option<&'t [Node]> {
        match &node.kind {
            Kind::Seq(items) => Some(items),
            _ if node.scalar() == Some(Scalar::Null) => Some(&[]),
            _ => {
                self.wrong(key, node, say::A_LIST);
                None
            }
        }
    }

    /// A mapping's entries; an empty value is an empty mapping.
    pub(super) fn map(&mut self, key: &str, node: &'t Node) -> Option<&'t [(Node, Node)]> {
        match &node.kind {
            Kind::Map(entries) => Some(entries),
            _ if node.scalar() == Some(Scalar::Null) => Some(&[]),
            _ => {
                self.wrong(key, node, say::A_MAPPING);
                None
            }
        }
    }

    /// The document's top level: a mapping, or the one error that says it is not one.
    pub(super) fn top(&mut self, doc: &'t Node, allowed: &[&str]) -> Option<Fields<'t>> {
        if doc.entries().is_none() {
            self.report(
                diag::NOT_A_MAPPING,
                doc,
                say::file_is_not_a_mapping(doc.described()),
            )
            .set_help(Some(say::A_MAPPING_WITH_HEADER.into()));
            self.fatal = true;
            return None;
        }
        self.fields(doc, "the file", allowed)
    }

    // -----------------------------------------------------------------------------------------
    // Criteria sets

    pub fn criteria(&mut self, doc: &'t Node) -> Option<RawCriteria<'t>> {
        let f = self.top(
            doc,
            &[
                "parindex",
                "kind",
                "id",
                "title",
                "year",
                "source",
                "total",
                "rounding",
                "grades",
                "if_na",
                "cap_total",
                "components",
                "sections",
            ],
        )?;
        let parindex = self
            .required(&f, "parindex")
            .and_then(|n| self.scalar("parindex", n));
        let kind = self.req_text(&f, "kind");
        let id = self.req_text(&f, "id");
        let title = self.req_text(&f, "title");
        let year = match f.get("year") {
            Some(n) => self.scalar("year", n).filter(|s| *s != Scalar::Null),
            None => None,
        };
        let source = self.opt_text(&f, "source");
        let total = self.opt_number(&f, "total");
        let rounding = match f.get("rounding") {
            Some(n) if n.scalar() == Some(Scalar::Null) => None,
            Some(n) => self.fields(n, "rounding", &["decimals", "mode"]).map(|r| {
                let decimals = r.get("decimals").and_then(|d| self.scalar("decimals", d));
                let mode = self.opt_text(&r, "mode");
                RawRounding { decimals, mode }
            }),
            None => None,
        };
        let grades = match f.get("grades") {
            Some(n) if n.scalar() == Some(Scalar::Null) => None,
            Some(n) => self.list("grades", n).map(|items| {
                items
                    .iter()
                    .filter_map(|g| {
                        let gf = self.fields(g, "a grade", &["label", "min"])?;
                        let label = self.req_text(&gf, "label");
                        let min = self.req_number(&gf, "min");
                        Some(RawGrade {
                            label: label?,
                            min: min?,
                        })
                    })
                    .collect()
            }),
            None => None,
        };
        let if_na = self.opt_text(&f, "if_na");
        let cap_total = self.opt_bool(&f, "cap_total");
        let components = match f.get("components") {
            Some(n) if n.scalar() == Some(Scalar::Null) => None,
            Some(n) => self.list("components", n).map(|items| {
                items
                    .iter()
                    .filter_map(|c| {
                        let cf = self.fields(c, "a component", &["id", "title"])?;
                        let id = self.req_text(&cf, "id");
                        let title = self.req_text(&cf, "title");
                        Some(RawComponent {
                            id: id?,
                            title: title?,
                        })
                    })
                    .collect()
            }),
            None => None,
        };
        let sections = self
            .required(&f, "sections")
            .and_then(|n| self.list("sections", n))
            .map(|items| items.iter().filter_map(|n| self.node(n)).collect());
        Some(RawCriteria {
            parindex: parindex?,
            kind: kind?,
            id: id?,
            title: title?,
            year,
            source,
            total,
            rounding,
            grades,
            if_na,
            cap_total,
            components,
            sections: sections?,
        })
    }

    fn node(&mut self, node: &'t Node) -> Option<RawNode<'t>> {
        const KEYS: &[&str] = &[
            "code",
            "title",
            "max",
            "responsible",
            "note",
            "if_na",
            "kind",
            "component",
            "rule",
            "items",
        ];
        let outer = self.criterion.take();
        // The code names the criterion in every message about this node.
        self.criterion = node
            .get("code")
            .and_then(Node::text)
            .map(str::to_string)
            .or(outer.clone());
        let read = self.node_fields(node, KEYS);
        self.criterion = outer;
        read
    }

    fn node_fields(&mut self, node: &'t Node, keys: &[&str]) -> Option<RawNode<'t>> {
        let f = self.fields(node, "a criterion", keys)?;
        let code = self
            .required(&f, "code")
            .and_then(|n| self.scalar("code", n));
        let title = self.req_text(&f, "title");
        let max = self.req_number(&f, "max");
        let responsible = match f.get("responsible") {
            None => None,
            Some(n) => match &n.kind {
                Kind::Seq(items) => Some(Offices(
                    items
                        .iter()
                        .filter_map(|i| self.text("responsible", i).map(str::to_string))
                        .collect(),
                )),
                _ if n.scalar() == Some(Scalar::Null) => None,
                _ => self
                    .text("responsible", n)
                    .map(|t| Offices(vec![t.to_string()])),
            },
        };
        let note = self.opt_text(&f, "note");
        let if_na = self.opt_text(&f, "if_na");
        let kind = self.opt_text(&f, "kind");
        let component = self.opt_text(&f, "component");
        let rule = match f.get("rule") {
            Some(n) if n.scalar() == Some(Scalar::Null) => None,
            Some(n) => self.rule(n),
            None => None,
        };
        let items = match f.get("items") {
            Some(n) if n.scalar() == Some(Scalar::Null) => None,
            Some(n) => self
                .list("items", n)
                .map(|items| items.iter().filter_map(|i| self.node(i)).collect()),
            None => None,
        };
        Some(RawNode {
            code: code?,
            title: title?,
            max: max?,
            responsible,
            note,
            if_na,
            kind,
            component,
            rule,
            items,
        })
    }

    fn rule(&mut self, node: &'t Node) -> Option<RawRule<'t>> {
        if let Some(entries) = node.entries() {
            let [(name_node, params)] = entries else {
                let names: Vec<&str> = entries.iter().filter_map(|(k, _)| k.text()).collect();
                let message = if names.is_empty() {
                    say::EMPTY_RULE_MAPPING.into()
                } else {
                    let names: Vec<String> = names.iter().map(|n| format!("`{n}`")).collect();
                    say::rule_mapping_names_one(&names)
                };
                self.report(diag::WRONG_TYPE, node, message);
                self.fatal = true;
                return None;
            };
            let name = name_node.text().unwrap_or_default();
            let null = params.scalar() == Some(Scalar::Null);
            return match name {
                "ratio" if null => Some(RawRule::Ratio(RawRatio::default())),
                "ratio" => {
                    let f = self.fields(
                        params,
                        "ratio",
                        &["zero_at", "zero_below", "full_at", "invert"],
                    )?;
                    let invert = match f.get("invert") {
                        None => None,
                        Some(n) => match n.scalar() {
                            Some(Scalar::Bool(b)) => Some(b),
                            Some(Scalar::Null) => None,
                            _ => {
                                self.wrong("invert", n, say::TRUE_OR_FALSE);
                                None
                            }
                        },
                    };
                    Some(RawRule::Ratio(RawRatio {
                        zero_below: self.opt_number(&f, "zero_below"),
                        zero_at: self.opt_number(&f, "zero_at"),
                        full_at: self.opt_number(&f, "full_at"),
                        invert,
                    }))
                }
                "tiers" => {
                    let items = self.list("tiers", params)?;
                    let tiers = items
                        .iter()
                        .filter_map(|t| {
                            let tf = self.fields(
                                t,
                                "a tier",
                                &["at_least", "above", "at_most", "below", "points"],
                            )?;
                            let bounds: Vec<&(Node, Node)> = tf
                                .entries
                                .iter()
                                .filter(|(k, _)| k.text().is_some_and(|k| Bound::KEYS.contains(&k)))
                                .collect();
                            let bound = match bounds.as_slice() {
                                [(k, v)] => Some((k, v)),
                                [] => {
                                    self.fatal = true;
                                    self.report(diag::MISSING_KEY, t, say::TIER_NEEDS_THRESHOLD);
                                    None
                                }
                                [_, (k, _), ..] => {
                                    self.fatal = true;
                                    self.report(diag::BAD_RULE, k, say::TIER_ONE_THRESHOLD);
                                    None
                                }
                            };
                            let threshold = bound.and_then(|(k, v)| {
                                let key = k.text().unwrap_or_default();
                                self.number(key, v)
                            });
                            let points = self.req_number(&tf, "points");
                            let (key, _) = bound?;
                            Some(RawTier {
                                bound: key.text().unwrap_or_default(),
                                threshold: threshold?,
                                points: points?,
                            })
                        })
                        .collect();
                    Some(RawRule::Tiers(tiers))
                }
                "choice" => {
                    let entries = self.map("choice", params)?;
                    let options = entries
                        .iter()
                        .filter_map(|(k, v)| {
                            let label = self.text("a choice label", k);
                            let points = self.number("a choice's points", v);
                            Some((label?, points?))
                        })
                        .collect();
                    Some(RawRule::Choice(options))
                }
                "linear" => {
                    let f = self.fields(params, "linear", &["zero_at", "full_at"])?;
                    let zero_at = self.req_number(&f, "zero_at");
                    let full_at = self.req_number(&f, "full_at");
                    Some(RawRule::Linear(RawLinear {
                        zero_at: zero_at?,
                        full_at: full_at?,
                    }))
                }
                "deduct" => {
                    let f = self.fields(params, "deduct", &["per"])?;
                    let per = self.req_number(&f, "per")?;
                    Some(RawRule::Deduct(RawDeduct { per }))
                }
                other => Some(RawRule::Unknown(other)),
            };
        }
        match node.scalar() {
            Some(Scalar::Str(name)) => Some(RawRule::Named(name)),
            _ => {
                self.wrong("rule", node, say::A_RULE);
                None
            }
        }
    }

    // -----------------------------------------------------------------------------------------
    // Evidence files

    pub fn evidence(&mut self, doc: &'t Node) -> Option<RawEvidence<'t>> {
        let f = self.top(
            doc,
            &[
                "parindex", "kind", "criteria", "unit", "period", "values", "expect",
            ],
        )?;
        let parindex = self
            .required(&f, "parindex")
            .and_then(|n| self.scalar("parindex", n));
        let kind = self.req_text(&f, "kind");
        let criteria = self.req_text(&f, "criteria");
        let unit = self.req_text(&f, "unit");
        let period = self
            .required(&f, "period")
            .and_then(|n| self.scalar("period", n));
        let values = match f.get("values") {
            None => Some(Vec::new()),
            Some(n) => self.map("values", n).map(|entries| {
                let previous = self.criterion.take();
                // One buffer names each entry's criterion in turn: no allocation per value.
                let mut name = String::new();
                let mut values = Vec::with_capacity(entries.len());
                for (k, v) in entries {
                    // A malformed entry is reported and left out; the rest of the file is
                    // still bound and checked, so one round shows every problem.
                    let code = k.text().unwrap_or_default();
                    name.clear();
                    name.push_str(code);
                    self.criterion = Some(std::mem::take(&mut name));
                    let fatal = self.fatal;
                    let entry = self.entry(code, v);
                    self.fatal = fatal;
                    name = self.criterion.take().unwrap_or_default();
                    if let Some(entry) = entry {
                        values.push((k, entry));
                    }
                }
                self.criterion = previous;
                values
            }),
        };
        let expect = match f.get("expect") {
            Some(n) if n.scalar() == Some(Scalar::Null) => None,
            Some(n) => self.expect(n, None),
            None => None,
        };
        Some(RawEvidence {
            parindex: parindex?,
            kind: kind?,
            criteria: criteria?,
            unit: unit?,
            period: period?,
            values: values?,
            expect,
        })
    }

    fn entry(&mut self, code: &str, node: &'t Node) -> Option<RawEntry<'t>> {
        match &node.kind {
            Kind::Scalar { .. } => Some(RawEntry::Plain(node)),
            Kind::Seq(_) => {
                self.report(
                    diag::WRONG_TYPE,
                    node,
                    say::entry_shape(code, node.described()),
                );
                None
            }
            Kind::Map(_) => {
                let f = self.fields(
                    node,
                    code,
                    &[
                        "value",
                        "appraised",
                        "reason",
                        "explanation",
                        "reappraised",
                        "reappraisal_reason",
                        "note",
                        "docs",
                    ],
                )?;
                let single = |r: &mut Self, key: &str| {
                    let n = f.get(key)?;
                    r.scalar(key, n).map(|_| n)
                };
                let value = single(self, "value");
                let appraised = single(self, "appraised");
                let reappraised = single(self, "reappraised");
                let reason = self.opt_text(&f, "reason");
                let explanation = self.opt_text(&f, "explanation");
                let reappraisal_reason = self.opt_text(&f, "reappraisal_reason");
                let note = self.opt_text(&f, "note");
                let docs = match f.get("docs") {
                    None => Vec::new(),
                    Some(n) => self
                        .list("docs", n)
                        .map(|items| {
                            items
                                .iter()
                                .filter_map(|i| self.text("docs", i).map(str::to_string))
                                .collect()
                        })
                        .unwrap_or_default(),
                };
                Some(RawEntry::Full(Box::new(RawEntryMap {
                    value,
                    appraised,
                    reappraised,
                    reason,
                    explanation,
                    reappraisal_reason,
                    note,
                    docs,
                })))
            }
        }
    }

    /// `expect:`, or (`stage` given) one stage's figures under its `stages:`, named in messages
    /// by their path (`expect.stages.self`).
    fn expect(&mut self, node: &'t Node, stage: Option<&str>) -> Option<RawExpect<'t>> {
        let top = stage.is_none();
        let what = stage.map_or("expect".to_string(), |s| format!("expect.stages.{s}"));
        let keys: &[&str] = if top {
            &["total", "percent", "grade", "scores", "stages"]
        } else {
            &["total", "percent", "grade", "scores"]
        };
        let f = self.fields(node, &what, keys)?;
        let stages = match f.get("stages").filter(|_| top) {
            None => Vec::new(),
            Some(n) => match self.fields(n, "expect.stages", &["self", "appraised", "final"]) {
                None => Vec::new(),
                Some(sf) => sf
                    .entries
                    .iter()
                    .filter_map(|(k, v)| {
                        let name = k.text()?;
                        if !["self", "appraised", "final"].contains(&name) {
                            return None;
                        }
                        Some((name, self.expect(v, Some(name))?))
                    })
                    .collect(),
            },
        };
        let total = self.opt_number(&f, "total");
        let percent = self.opt_number(&f, "percent");
        let grade = self.opt_text(&f, "grade");
        let scores = match f.get("scores") {
            None => Vec::new(),
            Some(n) => self
                .map("scores", n)
                .map(|entries| {
                    entries
                        .iter()
                        .filter_map(|(k, v)| Some((k, self.number("a score", v)?)))
                        .collect()
                })
                .unwrap_or_default(),
        };
        Some(RawExpect {
            total,
            percent,
            grade,
            scores,
            stages,
        })
    }
}
