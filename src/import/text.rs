//! Text as officers type it: Unicode normalisation, accent-insensitive matching, Vietnamese
//! decimal commas.

use rust_decimal::Decimal;
use std::str::FromStr;
use unicode_normalization::UnicodeNormalization;

/// NFC, with every run of whitespace (non-breaking spaces and line breaks included) made one
/// space, trimmed: how titles and labels are kept.
pub fn clean(s: &str) -> String {
    let nfc: String = s.nfc().collect();
    nfc.split(|c: char| c.is_whitespace() || c == '\u{a0}')
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// NFC, line ends made `\n`, each line trimmed and blank lines dropped: how a scoring text is
/// kept (its line breaks separate its parts).
pub fn clean_lines(s: &str) -> String {
    let nfc: String = s.nfc().collect();
    nfc.replace("\r\n", "\n")
        .replace('\r', "\n")
        .lines()
        .map(clean)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

/// One character folded for matching: its base letter without accents, `đ` as `d`, lower case.
fn fold_char(c: char) -> char {
    if c == 'đ' || c == 'Đ' {
        return 'd';
    }
    if c == '\u{a0}' {
        return ' ';
    }
    let base = std::iter::once(c).nfd().next().unwrap_or(c);
    base.to_lowercase().next().unwrap_or(base)
}

/// A text folded for accent- and case-insensitive matching ("Điểm tối đa" → "diem toi da"),
/// one folded character per original character, so that a match in the folded text maps back
/// to the original words.
pub struct Folded<'a> {
    pub text: String,
    original: &'a str,
    /// `at[i]`: the byte offset in `original` of the character starting at byte `i` of `text`.
    at: Vec<usize>,
}

impl<'a> Folded<'a> {
    /// `s` should already be NFC (see [`clean`]).
    pub fn new(s: &'a str) -> Self {
        let mut text = String::with_capacity(s.len());
        let mut at = Vec::with_capacity(s.len() + 1);
        for (i, c) in s.char_indices() {
            let f = fold_char(c);
            for _ in 0..f.len_utf8() {
                at.push(i);
            }
            text.push(f);
        }
        at.push(s.len());
        Folded {
            text,
            original: s,
            at,
        }
    }

    /// The original text of the folded byte range `start..end`.
    pub fn original(&self, start: usize, end: usize) -> &'a str {
        &self.original[self.at[start]..self.at[end]]
    }
}

/// Folds a whole string (headers, keywords).
pub fn fold(s: &str) -> String {
    clean(s).chars().map(fold_char).collect()
}

/// Labels match after NFC, case folding and collapsing spaces (the contract's rule for
/// `choice`).
pub fn label_key(s: &str) -> String {
    clean(s).to_lowercase()
}

/// A number as written in a Vietnamese table: `0,5` or `0.5`, `1` or `01`, optionally followed
/// by `điểm` / `đ`. `None` where it is anything else (a thousands separator included: points
/// never need one).
pub fn parse_number(s: &str) -> Option<Decimal> {
    let f = fold(s);
    let f = f.trim();
    let f = f
        .strip_suffix("diem")
        .or_else(|| f.strip_suffix("d."))
        .or_else(|| f.strip_suffix('d'))
        .unwrap_or(f)
        .trim();
    if f.is_empty() || f.matches([',', '.']).count() > 1 {
        return None;
    }
    let t = f.replace(',', ".");
    let ok = t.bytes().all(|b| b.is_ascii_digit() || b == b'.')
        && !t.starts_with('.')
        && !t.ends_with('.');
    if !ok {
        return None;
    }
    Decimal::from_str(&t).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::decimal::dec;

    #[test]
    fn folding_drops_accents_and_keeps_positions() {
        assert_eq!(fold("Điểm tối đa"), "diem toi da");
        assert_eq!(fold("CÁCH CHẤM ĐIỂM"), "cach cham diem");
        // Decomposed input (as macOS writes) folds the same.
        let nfd: String = "Tiêu chí".nfd().collect();
        assert_eq!(fold(&nfd), "tieu chi");
        let s = clean("Thực hiện trên 90% kế hoạch");
        let f = Folded::new(&s);
        let i = f.text.find("tren").unwrap();
        assert_eq!(f.original(i, i + 4), "trên");
    }

    #[test]
    fn numbers_take_a_decimal_comma() {
        assert_eq!(parse_number("0,5"), Some(dec("0.5")));
        assert_eq!(parse_number("0.25"), Some(dec("0.25")));
        assert_eq!(parse_number(" 01 "), Some(dec("1")));
        assert_eq!(parse_number("2 điểm"), Some(dec("2")));
        assert_eq!(parse_number("1,5đ"), Some(dec("1.5")));
        assert_eq!(parse_number("1.000,5"), None);
        assert_eq!(parse_number("hai"), None);
        assert_eq!(parse_number(""), None);
    }

    #[test]
    fn cleaning_collapses_spaces_and_keeps_lines() {
        assert_eq!(clean("  Kế hoạch\n CCHC\u{a0} năm "), "Kế hoạch CCHC năm");
        assert_eq!(
            clean_lines("- Đạt: 1\r\n\r\n- Không đạt: 0 "),
            "- Đạt: 1\n- Không đạt: 0"
        );
    }
}
