//! The files as written: serde structures that keep every scalar's text, so that decimals
//! are read exactly and validation can report every problem at once with its position.
//!
//! Structure and types are enforced here by serde (unknown keys, missing keys, a list where a
//! mapping belongs); meaning (ranges, sums, codes) is checked by the loaders after the parse.

use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;
use std::fmt;

/// A scalar as the YAML parser resolved it, with its text where the parser keeps it.
#[derive(Debug, Clone, PartialEq)]
pub enum Scalar {
    Null,
    Bool(bool),
    /// An integer, as text (any size).
    Int(String),
    /// A plain float such as `1.10` or `12.698`; the parser keeps only its binary value.
    Float(f64),
    /// A string: quoted, or plain text that is not a number, boolean or null.
    Str(String),
}

impl Scalar {
    /// The scalar's text as far as it is known (`1.1` for a plain `1.10`).
    pub fn text(&self) -> String {
        match self {
            Scalar::Null => String::new(),
            Scalar::Bool(b) => b.to_string(),
            Scalar::Int(s) | Scalar::Str(s) => s.clone(),
            Scalar::Float(f) => float_text(*f),
        }
    }
}

/// A float's shortest round-trip text in plain notation (`1e30` → `1000…0`).
pub fn float_text(f: f64) -> String {
    format!("{f}")
}

struct ScalarVisitor;

impl<'de> Visitor<'de> for ScalarVisitor {
    type Value = Scalar;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a single value (not a list or a mapping)")
    }
    fn visit_unit<E: de::Error>(self) -> Result<Scalar, E> {
        Ok(Scalar::Null)
    }
    fn visit_none<E: de::Error>(self) -> Result<Scalar, E> {
        Ok(Scalar::Null)
    }
    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Scalar, E> {
        Ok(Scalar::Bool(v))
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Scalar, E> {
        Ok(Scalar::Int(v.to_string()))
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Scalar, E> {
        Ok(Scalar::Int(v.to_string()))
    }
    fn visit_i128<E: de::Error>(self, v: i128) -> Result<Scalar, E> {
        Ok(Scalar::Int(v.to_string()))
    }
    fn visit_u128<E: de::Error>(self, v: u128) -> Result<Scalar, E> {
        Ok(Scalar::Int(v.to_string()))
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Scalar, E> {
        Ok(Scalar::Float(v))
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Scalar, E> {
        Ok(Scalar::Str(v.to_string()))
    }
    fn visit_string<E: de::Error>(self, v: String) -> Result<Scalar, E> {
        Ok(Scalar::Str(v))
    }
}

impl<'de> Deserialize<'de> for Scalar {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(ScalarVisitor)
    }
}

/// A number's text exactly as written (`1.50` stays `1.50`): read through the parser's string
/// path, never through a binary float.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NumText(pub String);

impl<'de> Deserialize<'de> for NumText {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        String::deserialize(d).map(NumText)
    }
}

/// A list of `(key, value)` in file order (codes as keys).
#[derive(Debug, Clone, PartialEq)]
pub struct Pairs<V>(pub Vec<(Scalar, V)>);

impl<'de, V: Deserialize<'de>> Deserialize<'de> for Pairs<V> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct PairsVisitor<V>(std::marker::PhantomData<V>);
        impl<'de, V: Deserialize<'de>> Visitor<'de> for PairsVisitor<V> {
            type Value = Pairs<V>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a mapping of criterion codes to values")
            }
            fn visit_unit<E: de::Error>(self) -> Result<Pairs<V>, E> {
                Ok(Pairs(Vec::new()))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Pairs<V>, A::Error> {
                let mut out = Vec::new();
                while let Some((k, v)) = map.next_entry::<Scalar, V>()? {
                    out.push((k, v));
                }
                Ok(Pairs(out))
            }
        }
        d.deserialize_map(PairsVisitor(std::marker::PhantomData))
    }
}

/// `responsible:` is one office or a list of them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Offices(pub Vec<String>);

impl<'de> Deserialize<'de> for Offices {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Offices;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("an office, or a list of offices")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Offices, E> {
                Ok(Offices(vec![v.to_string()]))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Offices, A::Error> {
                let mut out = Vec::new();
                while let Some(s) = seq.next_element::<String>()? {
                    out.push(s);
                }
                Ok(Offices(out))
            }
        }
        d.deserialize_any(V)
    }
}

// ---------------------------------------------------------------------------------------------
// Criteria sets

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawCriteria {
    pub parindex: Scalar,
    pub kind: String,
    pub id: String,
    pub title: String,
    #[serde(default)]
    pub year: Option<Scalar>,
    #[serde(default)]
    pub source: Option<String>,
    #[serde(default)]
    pub total: Option<NumText>,
    #[serde(default)]
    pub rounding: Option<RawRounding>,
    #[serde(default)]
    pub grades: Option<Vec<RawGrade>>,
    pub sections: Vec<RawNode>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawRounding {
    #[serde(default)]
    pub decimals: Option<Scalar>,
    #[serde(default)]
    pub mode: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawGrade {
    pub label: String,
    pub min: NumText,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawNode {
    pub code: Scalar,
    pub title: String,
    pub max: NumText,
    #[serde(default)]
    pub responsible: Option<Offices>,
    #[serde(default)]
    pub note: Option<String>,
    #[serde(default)]
    pub if_na: Option<String>,
    #[serde(default)]
    pub rule: Option<RawRule>,
    #[serde(default)]
    pub items: Option<Vec<RawNode>>,
}

/// A rule: a bare name (`yes-no`, `ratio`, `points`) or a one-key mapping with parameters.
#[derive(Debug)]
pub enum RawRule {
    Named(String),
    Ratio(RawRatio),
    Tiers(Vec<RawTier>),
    Deduct(RawDeduct),
    /// A mapping whose key is not a parameterised rule; reported by the loader.
    Unknown(String),
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawRatio {
    #[serde(default)]
    pub zero_below: Option<NumText>,
    #[serde(default)]
    pub full_at: Option<NumText>,
    #[serde(default)]
    pub invert: Option<bool>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawTier {
    pub at_least: NumText,
    pub points: NumText,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawDeduct {
    pub per: NumText,
}

/// The rule names a criteria file may use.
pub const RULE_NAMES: [&str; 5] = ["yes-no", "ratio", "tiers", "deduct", "points"];

impl<'de> Deserialize<'de> for RawRule {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = RawRule;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str(
                    "a rule: yes-no, ratio, points, or a mapping { ratio: …, tiers: …, deduct: … }",
                )
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<RawRule, E> {
                Ok(RawRule::Named(v.to_string()))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<RawRule, A::Error> {
                let Some(name) = map.next_key::<String>()? else {
                    return Err(de::Error::custom("empty rule mapping: name one rule"));
                };
                let rule = match name.as_str() {
                    "ratio" => {
                        RawRule::Ratio(map.next_value::<Option<RawRatio>>()?.unwrap_or_default())
                    }
                    "tiers" => RawRule::Tiers(map.next_value()?),
                    "deduct" => RawRule::Deduct(map.next_value()?),
                    _ => {
                        map.next_value::<de::IgnoredAny>()?;
                        RawRule::Unknown(name.clone())
                    }
                };
                if let Some(extra) = map.next_key::<String>()? {
                    return Err(de::Error::custom(format!(
                        "a rule mapping names one rule, found `{name}` and `{extra}`"
                    )));
                }
                Ok(rule)
            }
        }
        d.deserialize_any(V)
    }
}

// ---------------------------------------------------------------------------------------------
// Evidence files

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawEvidence {
    pub parindex: Scalar,
    pub kind: String,
    pub criteria: String,
    pub unit: String,
    pub period: Scalar,
    #[serde(default)]
    pub values: Option<Pairs<RawEntry>>,
    #[serde(default)]
    pub expect: Option<RawExpect>,
}

/// An evidence value: a scalar, or the map form with the appraisal.
#[derive(Debug)]
pub enum RawEntry {
    Plain(Scalar),
    Full(RawEntryMap),
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawEntryMap {
    #[serde(default)]
    pub value: Option<Scalar>,
    #[serde(default)]
    pub appraised: Option<Scalar>,
    #[serde(default)]
    pub reason: Option<String>,
    #[serde(default)]
    pub note: Option<String>,
    #[serde(default)]
    pub docs: Option<Vec<String>>,
}

impl<'de> Deserialize<'de> for RawEntry {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = RawEntry;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a value, or a mapping { value: …, appraised: …, reason: … }")
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<RawEntry, A::Error> {
                RawEntryMap::deserialize(de::value::MapAccessDeserializer::new(map))
                    .map(RawEntry::Full)
            }
            fn visit_unit<E: de::Error>(self) -> Result<RawEntry, E> {
                ScalarVisitor.visit_unit().map(RawEntry::Plain)
            }
            fn visit_none<E: de::Error>(self) -> Result<RawEntry, E> {
                ScalarVisitor.visit_none().map(RawEntry::Plain)
            }
            fn visit_bool<E: de::Error>(self, v: bool) -> Result<RawEntry, E> {
                ScalarVisitor.visit_bool(v).map(RawEntry::Plain)
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<RawEntry, E> {
                ScalarVisitor.visit_i64(v).map(RawEntry::Plain)
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<RawEntry, E> {
                ScalarVisitor.visit_u64(v).map(RawEntry::Plain)
            }
            fn visit_i128<E: de::Error>(self, v: i128) -> Result<RawEntry, E> {
                ScalarVisitor.visit_i128(v).map(RawEntry::Plain)
            }
            fn visit_u128<E: de::Error>(self, v: u128) -> Result<RawEntry, E> {
                ScalarVisitor.visit_u128(v).map(RawEntry::Plain)
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<RawEntry, E> {
                ScalarVisitor.visit_f64(v).map(RawEntry::Plain)
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<RawEntry, E> {
                ScalarVisitor.visit_str(v).map(RawEntry::Plain)
            }
            fn visit_string<E: de::Error>(self, v: String) -> Result<RawEntry, E> {
                ScalarVisitor.visit_string(v).map(RawEntry::Plain)
            }
        }
        d.deserialize_any(V)
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawExpect {
    #[serde(default)]
    pub total: Option<NumText>,
    #[serde(default)]
    pub percent: Option<NumText>,
    #[serde(default)]
    pub grade: Option<String>,
    #[serde(default)]
    pub scores: Option<Pairs<NumText>>,
}

/// The header both kinds of file share, to tell them apart before a full parse.
#[derive(Debug, Deserialize)]
pub struct RawHeader {
    #[serde(default)]
    pub kind: Option<String>,
}
