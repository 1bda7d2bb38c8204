//! Languages of human-facing output, and the catalogue of every word the tool writes.
//!
//! Each text is a [`Text`] holding both languages, kept in one of this module's catalogue
//! files (one per area: `words` for what every command shares, then one per command or
//! output). Code that writes for people asks its [`Lang`] for the text (`lang.t(words::CODE)`)
//! and never spells a word inline. JSON and CSV keys are never localised.

pub mod cli;
pub mod criteria;
pub mod diag;
pub mod diff;
pub mod docx;
pub mod explain;
pub mod form;
pub mod losses;
pub mod rank;
pub mod remediation;
pub mod report;
pub mod rounds;
pub mod rule;
pub mod score;
pub mod template;
pub mod units;
pub mod whatif;
pub mod words;
pub mod xlsx;

use crate::decimal::{show, show_percent};
use rust_decimal::Decimal;

/// One text in both languages. Texts with figures in them are functions in the catalogue
/// that take a [`Lang`] and the figures.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Text {
    pub en: &'static str,
    pub vi: &'static str,
}

/// A catalogue entry: `text("Code", "Mã")`.
pub const fn text(en: &'static str, vi: &'static str) -> Text {
    Text { en, vi }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[cfg_attr(feature = "cli", derive(clap::ValueEnum))]
pub enum Lang {
    /// English; numbers as 87.69.
    #[default]
    En,
    /// Tiếng Việt: Vietnamese words, numbers as 87,69 with `.` between thousands.
    Vi,
}

impl Lang {
    /// The text in this language (`const`: a table of texts can be built from the catalogue).
    pub const fn t(self, text: Text) -> &'static str {
        match self {
            Lang::En => text.en,
            Lang::Vi => text.vi,
        }
    }

    /// The language the user asked for without `--lang`: `PARINDEX_LANG` (`vi` or `en`), else
    /// the locale (`LC_ALL`, then `LC_MESSAGES`, then `LANG`: Vietnamese when it starts with
    /// `vi`, as `vi_VN.UTF-8`), else English.
    pub fn from_env() -> Lang {
        Lang::from_vars(|name| std::env::var(name).ok())
    }

    /// [`Lang::from_env`] over any source of variables (tests give their own).
    pub fn from_vars(var: impl Fn(&str) -> Option<String>) -> Lang {
        let is_vi = |v: &str| v.trim().to_ascii_lowercase().starts_with("vi");
        if let Some(v) = var("PARINDEX_LANG").filter(|v| !v.trim().is_empty()) {
            return if is_vi(&v) { Lang::Vi } else { Lang::En };
        }
        // POSIX: the first of these that is set and not empty decides the messages' locale.
        match ["LC_ALL", "LC_MESSAGES", "LANG"]
            .into_iter()
            .find_map(|name| var(name).filter(|v| !v.is_empty()))
        {
            Some(locale) if is_vi(&locale) => Lang::Vi,
            _ => Lang::En,
        }
    }

    /// A figure inside a sentence or formula: in English as the contract writes decimals
    /// (`4290`, `0.973`, no grouping, as the English outputs always were), in Vietnamese
    /// [`Lang::number`]'s way (`4.290`, `0,973`).
    pub fn figure(self, d: Decimal) -> String {
        match self {
            Lang::En => show(d),
            Lang::Vi => self.number(d),
        }
    }

    /// A decimal as people write it in this language: `1234.5` → `1,234.5` / `1.234,5`.
    pub fn number(self, d: Decimal) -> String {
        self.localise(&show(d))
    }

    /// A percentage with two places and the sign: `87.69%` / `87,69%`.
    pub fn percent(self, d: Decimal) -> String {
        format!("{}%", self.localise(&show_percent(d)))
    }

    /// Groups the integer part by thousands and sets the decimal mark.
    fn localise(self, plain: &str) -> String {
        let (sign, digits) = match plain.strip_prefix('-') {
            Some(rest) => ("-", rest),
            None => ("", plain),
        };
        let (int, frac) = match digits.split_once('.') {
            Some((i, f)) => (i, Some(f)),
            None => (digits, None),
        };
        let (group, mark) = match self {
            Lang::En => (',', '.'),
            Lang::Vi => ('.', ','),
        };
        let mut grouped = String::new();
        for (i, c) in int.chars().enumerate() {
            if i > 0 && (int.len() - i) % 3 == 0 {
                grouped.push(group);
            }
            grouped.push(c);
        }
        match frac {
            Some(f) => format!("{sign}{grouped}{mark}{f}"),
            None => format!("{sign}{grouped}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::decimal::dec;

    #[test]
    fn vietnamese_numbers_swap_the_marks() {
        assert_eq!(Lang::Vi.percent(dec("87.69")), "87,69%");
        assert_eq!(Lang::Vi.number(dec("12698")), "12.698");
        assert_eq!(Lang::Vi.number(dec("78.046")), "78,046");
        assert_eq!(Lang::En.number(dec("1234567.5")), "1,234,567.5");
        assert_eq!(Lang::En.percent(dec("100")), "100.00%");
        assert_eq!(Lang::Vi.number(dec("-0.5")), "-0,5");
        assert_eq!(Lang::En.figure(dec("4290")), "4290");
        assert_eq!(Lang::Vi.figure(dec("4290.5")), "4.290,5");
    }

    #[test]
    fn the_language_comes_from_parindex_lang_then_the_locale() {
        let from = |vars: &[(&str, &str)]| {
            let vars: Vec<(String, String)> = vars
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect();
            Lang::from_vars(|name| vars.iter().find(|(k, _)| k == name).map(|(_, v)| v.clone()))
        };
        assert_eq!(from(&[]), Lang::En);
        assert_eq!(from(&[("LANG", "vi_VN.UTF-8")]), Lang::Vi);
        assert_eq!(from(&[("LANG", "en_US.UTF-8")]), Lang::En);
        // LC_ALL outranks LANG; an empty one is skipped.
        assert_eq!(from(&[("LC_ALL", "C"), ("LANG", "vi_VN.UTF-8")]), Lang::En);
        assert_eq!(from(&[("LC_ALL", ""), ("LANG", "vi_VN.UTF-8")]), Lang::Vi);
        assert_eq!(from(&[("LC_MESSAGES", "vi_VN"), ("LANG", "C")]), Lang::Vi);
        // PARINDEX_LANG outranks the locale.
        assert_eq!(
            from(&[("PARINDEX_LANG", "en"), ("LANG", "vi_VN.UTF-8")]),
            Lang::En
        );
        assert_eq!(from(&[("PARINDEX_LANG", "vi"), ("LANG", "C")]), Lang::Vi);
    }
}
