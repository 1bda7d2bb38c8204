//! Importing a published criteria table: a decision's annex (phụ lục) saved from a
//! spreadsheet as CSV becomes a criteria set in the contract's YAML.
//!
//! Four steps, one module each: [`table`] reads the rows (the `csv` crate; a BOM, `;`
//! separators, a header row found by name in Vietnamese or English), [`rules`] reads each
//! scoring text (cách chấm điểm) as a rule of the contract's revision 2, [`tree`] nests the
//! rows by their codes and reports every maximum that does not add up, and [`yaml`] writes the
//! set. Nothing is invented: a scoring text that fits no known phrasing becomes `rule: points`
//! with the text in `note:`, and a published max that its rows do not add up to is kept and
//! reported. The scoring engine never uses this module.

mod rules;
mod table;
mod text;
mod tree;
mod yaml;

pub use rules::{recognise, NoRule};
pub use table::Row;

use crate::diag::{Diagnostic, Diagnostics};
use crate::load::Source;
use rust_decimal::Decimal;
use std::path::Path;

/// What the written set says about itself.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Options {
    pub id: String,
    pub title: String,
    pub year: Option<u16>,
    pub source: String,
    /// The table's file name, for the header comment.
    pub file: String,
}

impl Options {
    /// Defaults from the table's file name: `ca-mau-1880-2013-section1.csv` gives the id
    /// `ca-mau-1880-2013-section1`, the year 2013 (the last four-digit number from 1990 to
    /// 2100: 1880 is the decision's number), and a title and source naming the file.
    pub fn from_path(path: &Path) -> Options {
        let file = path
            .file_name()
            .map(|f| f.to_string_lossy().into_owned())
            .unwrap_or_else(|| path.display().to_string());
        let stem = path
            .file_stem()
            .map(|f| f.to_string_lossy().into_owned())
            .unwrap_or_default();
        Options {
            id: id_from(&stem),
            title: format!("Bộ tiêu chí nhập từ {file}"),
            year: year_from(&stem),
            source: format!("{file} (nhập bằng `parindex criteria import`)"),
            file,
        }
    }
}

/// Whether `id` is a valid criteria set id (`[a-z0-9-]+`).
pub fn is_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// An id from a file name: accents dropped, lower case, anything else a single `-`.
fn id_from(stem: &str) -> String {
    let folded = text::fold(stem);
    let mut id = String::new();
    for c in folded.chars() {
        if c.is_ascii_lowercase() || c.is_ascii_digit() {
            id.push(c);
        } else if !id.ends_with('-') {
            id.push('-');
        }
    }
    let id = id.trim_matches('-').to_string();
    if id.is_empty() {
        "imported".into()
    } else {
        id
    }
}

fn year_from(stem: &str) -> Option<u16> {
    stem.split(|c: char| !c.is_ascii_digit())
        .filter(|s| s.len() == 4)
        .filter_map(|s| s.parse::<u16>().ok())
        .rfind(|y| (1990..=2100).contains(y))
}

/// A rule as the contract's revision 2 writes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Rule {
    YesNo,
    Ratio,
    /// Labels and their points, in the table's order.
    Choice(Vec<(String, Decimal)>),
    /// Best tier first; a value that reaches none scores 0.
    Tiers(Vec<Tier>),
    Deduct {
        per: Decimal,
    },
    /// A score given directly: what a row becomes when its scoring text is not read.
    Points,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tier {
    pub bound: Bound,
    pub threshold: Threshold,
    pub points: Decimal,
}

/// How a tier compares the value with its threshold: the model's own.
pub use crate::model::Bound;

/// A threshold: a percentage ("90%") or a plain number (a count).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Threshold {
    pub value: Decimal,
    pub percent: bool,
}

impl std::fmt::Display for Threshold {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        let v = crate::decimal::show(self.value);
        if self.percent {
            write!(f, "{v}%")
        } else {
            f.write_str(&v)
        }
    }
}

/// A section outside the maximum (revision 2): điểm thưởng adds, điểm trừ takes away.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SectionKind {
    Bonus,
    Penalty,
}

impl SectionKind {
    /// From a section's title: "ĐIỂM THƯỞNG" is a bonus, "ĐIỂM TRỪ" a penalty; a section that
    /// names both (or neither) is scored as usual.
    pub fn from_title(title: &str) -> Option<SectionKind> {
        let t = text::fold(title);
        let bonus = t.contains("diem thuong") || t.contains("bonus");
        let penalty = t.contains("diem tru") || t.contains("penalt");
        match (bonus, penalty) {
            (true, false) => Some(SectionKind::Bonus),
            (false, true) => Some(SectionKind::Penalty),
            _ => None,
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            SectionKind::Bonus => "bonus",
            SectionKind::Penalty => "penalty",
        }
    }
}

/// One node of the imported set.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Node {
    pub code: String,
    pub title: String,
    /// Sections only: `kind: bonus` / `kind: penalty`.
    pub kind: Option<SectionKind>,
    pub max: Decimal,
    pub responsible: Vec<String>,
    /// The scoring text as published.
    pub note: Option<String>,
    pub body: Body,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Body {
    Items(Vec<Node>),
    /// A leaf's rule; `by_hand` says why it is `points` where the scoring text was not read.
    Rule {
        rule: Rule,
        by_hand: Option<NoRule>,
    },
}

/// An imported criteria set, with what the import found.
#[derive(Debug)]
pub struct Imported {
    pub options: Options,
    /// The table's "Tổng cộng" row, where it has one.
    pub total: Option<Decimal>,
    pub sections: Vec<Node>,
    /// Maxima that do not add up, points beyond a max: reported, never corrected.
    pub warnings: Vec<Diagnostic>,
    /// How many rows were read, and how many of them are criteria to score (leaves).
    pub rows: usize,
    pub leaves: usize,
    /// The codes of the leaves whose rule must be written by hand, in table order.
    pub by_hand: Vec<String>,
}

/// Reads a table file: at most 16 MiB, UTF-8 (a BOM dropped). A file in another encoding is
/// named for what it most likely is: Excel's plain "CSV" in a Vietnamese locale.
pub fn read_table(path: &Path) -> Result<Source, Diagnostics> {
    Source::read(path).map_err(|Diagnostics(ds)| {
        Diagnostics(
            ds.into_iter()
                .map(|mut d| {
                    if d.check == crate::diag::NOT_UTF8 {
                        let why = crate::diag::Message {
                            en: d.message.clone(),
                            vi: d.message_vi.clone(),
                        };
                        d.set_message(crate::i18n::diag::table_not_utf8(why));
                        d.set_help(Some(crate::i18n::diag::SAVE_CSV_UTF8.into()));
                    }
                    d
                })
                .collect(),
        )
    })
}

/// Imports the table in `source` (its text already read as UTF-8).
pub fn import(source: &Source, options: Options) -> Result<Imported, Diagnostics> {
    let table = table::read(source)?;
    let rows = table.rows.len();
    let built = tree::build(source, table)?;
    let mut by_hand = Vec::new();
    let mut leaves = 0;
    fn walk(nodes: &[Node], leaves: &mut usize, by_hand: &mut Vec<String>) {
        for n in nodes {
            match &n.body {
                Body::Items(items) => walk(items, leaves, by_hand),
                Body::Rule { by_hand: b, .. } => {
                    *leaves += 1;
                    if b.is_some() {
                        by_hand.push(n.code.clone());
                    }
                }
            }
        }
    }
    walk(&built.sections, &mut leaves, &mut by_hand);
    Ok(Imported {
        options,
        total: built.total,
        sections: built.sections,
        warnings: built.warnings,
        rows,
        leaves,
        by_hand,
    })
}

impl Imported {
    /// The criteria set as YAML.
    pub fn to_yaml(&self) -> String {
        yaml::write(self)
    }

    /// The closing line: how many rows need a rule by hand, and which.
    pub fn summary(&self, lang: crate::i18n::Lang) -> String {
        const SHOWN: usize = 20;
        let n = self.by_hand.len();
        let mut codes = self.by_hand[..n.min(SHOWN)].join(", ");
        if n > SHOWN {
            codes.push_str(&crate::i18n::criteria::more_codes(lang, n - SHOWN));
        }
        crate::i18n::criteria::import_summary(lang, n, self.leaves, &codes)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_come_from_the_file_name() {
        let o = Options::from_path(Path::new("../x/ca-mau-1880-2013-section1.csv"));
        assert_eq!(o.id, "ca-mau-1880-2013-section1");
        assert_eq!(o.year, Some(2013));
        assert!(o.title.contains("ca-mau-1880-2013-section1.csv"));
        assert!(o.source.contains("ca-mau-1880-2013-section1.csv"));
        let o = Options::from_path(Path::new("Bảng tiêu chí Đắk Nông.csv"));
        assert_eq!(o.id, "bang-tieu-chi-dak-nong");
        assert_eq!(o.year, None);
        assert_eq!(id_from("___"), "imported");
        assert!(is_id("ca-mau-2013") && !is_id("Cà Mau") && !is_id(""));
    }

    mod properties {
        use super::*;
        use proptest::prelude::*;

        const CODES: &[&str] = &[
            "1", "1.1", "1.1.1", "1.2", "2", "2.1", "2.1.1", "1.10", "3.1",
        ];
        const TEXT: &[&str] = &[
            "Kế hoạch",
            "\"quoted\"",
            "a: b",
            "# hash",
            "- dash",
            "yes",
            "null",
            "1.10",
            "\\",
            "line\nbreak",
            "{ flow }",
            "[x]",
            "&anchor",
            "*alias",
            "!tag",
            "%",
            "'",
            "\u{2028}",
            "Đạt: 1; Không đạt: 0",
            "trên 90%: 2; từ 70% - 90%: 1",
            "Mỗi văn bản trừ 0,25",
        ];

        fn cell(s: &str) -> String {
            format!("\"{}\"", s.replace('"', "\"\""))
        }

        proptest! {
            /// Whatever the table holds, an import either fails with diagnostics or writes YAML
            /// that the loader's own parser reads, with every node's code and title as written.
            #[test]
            fn every_import_reads_back(
                rows in proptest::collection::vec(
                    (
                        proptest::sample::select(CODES),
                        proptest::collection::vec(proptest::sample::select(TEXT), 1..3),
                        proptest::sample::select(&["1", "0,5", "2", "20", ""][..]),
                        proptest::collection::vec(proptest::sample::select(TEXT), 0..3),
                    ),
                    1..8,
                ),
            ) {
                let mut csv = String::from("STT,Tiêu chí,Điểm tối đa,Cách chấm điểm\n");
                for (code, title, max, scoring) in &rows {
                    csv.push_str(&format!(
                        "{},{},{},{}\n",
                        code,
                        cell(&title.join(" ")),
                        cell(max),
                        cell(&scoring.join("; "))
                    ));
                }
                let source = Source::from_text("p.csv".into(), csv.clone());
                let options = Options::from_path(Path::new("p-2020.csv"));
                if let Ok(imported) = import(&source, options) {
                    let yaml = imported.to_yaml();
                    let back = Source::from_text("p.yaml".into(), yaml.clone());
                    prop_assert!(back.document().is_ok(), "{csv}\n{yaml}");
                    let value: serde_yaml::Value = serde_yaml::from_str(&yaml).unwrap();
                    fn walk(v: &serde_yaml::Value, out: &mut Vec<(String, String)>) {
                        for n in v.as_sequence().into_iter().flatten() {
                            out.push((
                                n["code"].as_str().unwrap().to_string(),
                                n["title"].as_str().unwrap().to_string(),
                            ));
                            walk(&n["items"], out);
                        }
                    }
                    let mut nodes = Vec::new();
                    walk(&value["sections"], &mut nodes);
                    prop_assert_eq!(nodes.len(), imported.rows);
                    for (code, title) in &nodes {
                        prop_assert!(
                            rows.iter().any(|(c, t, _, _)| {
                                table::code(c).as_deref() == Some(code.as_str())
                                    && text::clean(&t.join(" ")) == *title
                            }),
                            "{} {} not in the table", code, title
                        );
                    }
                }
            }
        }
    }
}
