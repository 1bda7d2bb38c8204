//! The letterhead flags of the Word documents (`report --format docx`, `rank --format
//! docx|xlsx`), defined once: who issues the document, its number, place and date.

use parindex::i18n::Lang;
use parindex::render::docx::{Date, Letterhead};
use std::process::ExitCode;

/// Who issues the document, under which number, where and when (Nghị định 30/2020/NĐ-CP).
#[derive(clap::Args, Debug, Clone)]
#[command(next_help_heading = "Word document (docx)")]
pub struct LetterheadArgs {
    /// The issuing body, top left (e.g. "UBND huyện Krông Nô", "Sở Nội vụ").
    #[arg(long, value_name = "NAME")]
    pub issuer: Option<String>,
    /// The body above the issuer, top left (e.g. "UBND tỉnh Đắk Nông").
    #[arg(long, value_name = "NAME")]
    pub parent: Option<String>,
    /// The document's number: a report's own (e.g. "25/BC-UBND"), or the decision an annex is
    /// attached to (e.g. "251/QĐ-UBND"); left as "…/BC-…" or "…/QĐ-…" to fill in.
    #[arg(long, value_name = "NUMBER")]
    pub number: Option<String>,
    /// Where it is issued, before the date (e.g. "Krông Nô"); left as "…" to fill in.
    #[arg(long, value_name = "PLACE")]
    pub place: Option<String>,
    /// The date, YYYY-MM-DD; today in Vietnam (UTC+7) when not given.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = Date::parse)]
    pub date: Option<Date>,
}

impl LetterheadArgs {
    /// The letterhead, the issuer defaulting to `issuer`.
    pub fn letterhead(&self, issuer: &str) -> Letterhead {
        Letterhead {
            parent: self.parent.clone(),
            issuer: self.issuer.clone().unwrap_or_else(|| issuer.to_string()),
            number: self.number.clone(),
            place: self.place.clone(),
            date: self.date.unwrap_or_else(Date::today),
            signer: None,
        }
    }
}

impl LetterheadArgs {
    /// The letterhead's texts with their flags, and the command's `extra` ones (`--signer`,
    /// `--of`): refused, exit 2, when one holds a control, direction-changing or invisible
    /// character (a right-to-left override in `--number` would turn "1/BC" round on the page)
    /// or is longer than its place on the page.
    pub fn refuse_hidden(&self, extra: &[(&str, Option<&str>)], lang: Lang) -> Option<ExitCode> {
        let mine = [
            ("--issuer", self.issuer.as_deref()),
            ("--parent", self.parent.as_deref()),
            ("--number", self.number.as_deref()),
            ("--place", self.place.as_deref()),
        ];
        let all: Vec<(&str, Option<&str>)> = mine.iter().chain(extra).copied().collect();
        refuse_bad_flags(&all, lang)
    }
}

/// The most characters a flag's text may hold: a number or a place is a few words, a body's
/// name or a signer's title a line or two on the page, a period a few words on the form.
fn max_chars(flag: &str) -> usize {
    match flag {
        "--number" | "--place" | "--period" => 100,
        _ => 300,
    }
}

/// Texts given on the command line that go into a document or a form (`flags`: each with its
/// flag): the first blank, holding a hidden character or longer than [`max_chars`] is named on
/// standard error, and the command exits 2.
pub fn refuse_bad_flags(flags: &[(&str, Option<&str>)], lang: Lang) -> Option<ExitCode> {
    for &(flag, value) in flags {
        let Some(value) = value else { continue };
        // `--unit ""` would write a form that names no unit (W205).
        if value.trim().is_empty() {
            eprintln!("{}", parindex::i18n::cli::flag_blank(lang, flag));
            return Some(ExitCode::from(2));
        }
        if let Some(c) = value.chars().find(|&c| parindex::diag::is_hidden(c)) {
            eprintln!("{}", parindex::i18n::cli::hidden_in_flag(lang, flag, c));
            return Some(ExitCode::from(2));
        }
        let chars = value.chars().count();
        if chars > max_chars(flag) {
            eprintln!(
                "{}",
                parindex::i18n::cli::flag_too_long(lang, flag, chars, max_chars(flag))
            );
            return Some(ExitCode::from(2));
        }
    }
    None
}
