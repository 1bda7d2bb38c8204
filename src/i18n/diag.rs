//! The words of diagnostics: their headings, and every message and hint in both languages.
//!
//! Texts with figures are functions that take them and return a [`Message`] in both
//! languages. Codes, YAML keys, file names and values quoted from the input (in backticks)
//! stay as written in both.

use super::{text, Text};
use crate::diag::Message;

pub const ERROR: Text = text("error", "lỗi");
pub const WARNING: Text = text("warning", "cảnh báo");
pub const HELP: Text = text("help", "gợi ý");
/// The word before a code that names a criterion in a message: "criterion 3.4.1".
pub const CRITERION: Text = text("criterion", "tiêu chí");

/// A message from its two texts.
fn m(en: String, vi: String) -> Message {
    Message::new(en, vi)
}

/// `check`'s last line: "2 errors, 1 warning in 12 files (3 YAML files skipped: …)".
pub fn check_summary(
    lang: super::Lang,
    errors: usize,
    warnings: usize,
    files: usize,
    skipped: usize,
) -> String {
    let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    let mut s = match lang {
        super::Lang::En if errors + warnings == 0 => {
            format!("no problems in {}", plural(files, "file"))
        }
        super::Lang::En => format!(
            "{}, {} in {}",
            plural(errors, "error"),
            plural(warnings, "warning"),
            plural(files, "file")
        ),
        super::Lang::Vi if errors + warnings == 0 => {
            format!("không có vấn đề nào trong {files} tệp")
        }
        super::Lang::Vi => format!("{errors} lỗi, {warnings} cảnh báo trong {files} tệp"),
    };
    if skipped > 0 {
        s.push_str(&match lang {
            super::Lang::En => format!(
                " ({} skipped: not parindex files)",
                plural(skipped, "YAML file")
            ),
            super::Lang::Vi => {
                format!(" (bỏ qua {skipped} tệp YAML: không phải tệp của parindex)")
            }
        });
    }
    s
}
