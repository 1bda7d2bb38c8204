//! Diagnostics: what is wrong with an input file, where, and how to fix it.
//!
//! Every problem found while loading, binding or checking a file becomes a [`Diagnostic`] with
//! a stable check code, so that a run can report all of them at once and tools can match on
//! the code. Rendering quotes the source line with a caret under the offending spot.

use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    Warning,
    Error,
}

impl Severity {
    pub fn name(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

/// A stable check code with its one-line title. Codes never change meaning; new checks get
/// new codes. `docs/checks.md` documents each with an example and the fix.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Check {
    pub code: &'static str,
    pub title: &'static str,
}

macro_rules! checks {
    ($($name:ident = $code:literal, $title:literal;)*) => {
        $(pub const $name: Check = Check { code: $code, title: $title };)*
        /// Every check, for documentation and tests.
        pub const ALL_CHECKS: &[Check] = &[$($name),*];
    };
}

checks! {
    // Reading a file.
    FILE_UNREADABLE = "E001", "file cannot be read";
    FILE_TOO_LARGE = "E002", "file exceeds the size limit";
    NOT_UTF8 = "E003", "file is not UTF-8";
    YAML_SYNTAX = "E004", "malformed YAML";
    YAML_LIMIT = "E005", "nesting beyond the parser's limits";
    NOT_A_MAPPING = "E006", "document is not a mapping";
    UNKNOWN_KEY = "E007", "unknown key";
    MISSING_KEY = "E008", "missing key";
    WRONG_TYPE = "E009", "value of the wrong type";
    BAD_HEADER = "E010", "unsupported format version or kind";
    EMPTY_FILE = "E011", "empty file";
    ANCHOR = "E012", "anchor or alias";
    NOTHING_TO_CHECK = "E013", "no file to check";
    // Criteria sets.
    BAD_CODE = "E101", "malformed criterion code";
    FLOAT_CODE = "E102", "criterion code written as a number";
    DUPLICATE_CODE = "E103", "duplicate criterion code";
    CODE_NOT_UNDER_PARENT = "E104", "child code does not extend its parent's";
    BAD_MAX = "E105", "max is not positive";
    MAX_NOT_SUM = "E106", "parent max differs from the sum of its children";
    TOTAL_NOT_SUM = "E107", "declared total differs from the sum of the sections";
    LEAF_SHAPE = "E108", "node needs exactly one of items and rule";
    BAD_RULE = "E109", "malformed rule";
    BAD_GRADES = "E110", "malformed grade bands";
    BAD_ID = "E111", "malformed criteria set id";
    BAD_ROUNDING = "E113", "malformed rounding";
    DUPLICATE_ID = "E114", "criteria set id used twice";
    SIBLING_ORDER = "W101", "sibling codes out of order";
    // Evidence files.
    UNKNOWN_CRITERIA = "E201", "criteria set not found";
    UNKNOWN_CODE = "E202", "value for an unknown criterion code";
    NOT_A_LEAF = "E203", "value for a criterion that has sub-criteria";
    WRONG_VALUE_KIND = "E204", "value of the wrong kind for the rule";
    RATE_OUT_OF_RANGE = "E205", "rate outside 0%–100%";
    BAD_FRACTION = "E206", "malformed fraction";
    BARE_NUMBER_FOR_RATE = "E207", "bare number where a rate is expected";
    NOT_A_COUNT = "E208", "count is not a whole number";
    NUMBER_TOO_LARGE = "E209", "number too large for an exact decimal";
    POINTS_OUT_OF_RANGE = "E210", "points outside 0–max";
    BAD_VALUE = "E211", "unreadable value";
    EXPECTATION_FAILED = "E212", "expected figure differs from the computed one";
    ARITHMETIC_OVERFLOW = "E213", "arithmetic overflow while scoring";
    MIXED_CRITERIA = "E214", "files ranked against different criteria sets";
    DUPLICATE_UNIT = "E215", "unit ranked twice";
    MISSING_VALUE = "W201", "leaf without a value";
    APPRAISED_WITHOUT_REASON = "W202", "appraised value without a reason";
    // Importing a published criteria table (`parindex criteria import`).
    TABLE_HEADER = "E301", "table header not recognised";
    TABLE_ROW = "E302", "unreadable table row";
    SCORING_OVER_MAX = "W301", "scoring text gives more points than the row's max";
    TABLE_MAX_NOT_SUM = "W302", "published max differs from the sum of its rows";
}

/// A position in a file: 1-based line and column (in characters).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Position {
    pub line: usize,
    pub column: usize,
}

/// One finding about one file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    pub check: Check,
    /// The file as the user named it (or `embedded:ID` for a built-in criteria set).
    pub file: String,
    pub position: Option<Position>,
    /// Length of the offending text, for the caret underline.
    pub span: usize,
    /// The criterion code concerned, where there is one.
    pub criterion: Option<String>,
    pub message: String,
    /// How to fix it, where that is clear.
    pub help: Option<String>,
    /// The source line, quoted under the message.
    pub source_line: Option<String>,
}

impl Diagnostic {
    pub fn new(check: Check, file: &str, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: if check.code.starts_with('W') {
                Severity::Warning
            } else {
                Severity::Error
            },
            check,
            file: file.to_string(),
            position: None,
            span: 1,
            criterion: None,
            message: message.into(),
            help: None,
            source_line: None,
        }
    }

    pub fn criterion(mut self, code: impl Into<String>) -> Self {
        self.criterion = Some(code.into());
        self
    }

    pub fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// Places the diagnostic at a position and quotes the source line from `text`.
    pub fn at(mut self, position: Option<Position>, span: usize, text: &str) -> Self {
        if let Some(pos) = position {
            self.position = Some(pos);
            self.span = span.max(1);
            self.source_line = text
                .lines()
                .nth(pos.line.saturating_sub(1))
                .map(|l| l.trim_end_matches('\r').to_string());
        }
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// `file:line:column`, or as much of it as is known.
    pub fn location(&self) -> String {
        match self.position {
            Some(p) => format!("{}:{}:{}", self.file, p.line, p.column),
            None => self.file.clone(),
        }
    }
}

impl fmt::Display for Diagnostic {
    /// The human form:
    ///
    /// ```text
    /// error[E205]: 3.4.1: rate 120% lies outside 0%–100%
    ///   --> evidence.yaml:12:12
    ///    |
    /// 12 |   "3.4.1": "120%"
    ///    |            ^^^^^^
    ///    = help: …
    /// ```
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "{}[{}]: ", self.severity.name(), self.check.code)?;
        if let Some(code) = &self.criterion {
            if !self.message.starts_with(code.as_str()) {
                write!(f, "{code}: ")?;
            }
        }
        writeln!(f, "{}", self.message)?;
        let gutter = self.position.map(|p| p.line.to_string().len()).unwrap_or(1);
        let pad = " ".repeat(gutter);
        write!(f, "{pad} --> {}", self.location())?;
        if let (Some(p), Some(line)) = (self.position, &self.source_line) {
            // Tabs would shift the caret; show them as single spaces. A long line is cut to
            // a window around the spot.
            let chars: Vec<char> = line
                .chars()
                .map(|c| if c == '\t' { ' ' } else { c })
                .collect();
            let col = p.column.saturating_sub(1).min(chars.len());
            let (start, end) = if chars.len() > MAX_QUOTED {
                let start = col.saturating_sub(MAX_QUOTED / 2);
                (start, (start + MAX_QUOTED).min(chars.len()))
            } else {
                (0, chars.len())
            };
            let mut shown: String = chars[start..end].iter().collect();
            let mut caret_at = col - start;
            if start > 0 {
                shown.insert(0, '…');
                caret_at += 1;
            }
            if end < chars.len() {
                shown.push('…');
            }
            let carets = "^".repeat(self.span.min(end.saturating_sub(col)).max(1));
            write!(
                f,
                "\n{pad} |\n{} | {shown}\n{pad} | {}{carets}",
                p.line,
                " ".repeat(caret_at)
            )?;
        }
        if let Some(help) = &self.help {
            write!(f, "\n{pad} = help: {help}")?;
        }
        Ok(())
    }
}

/// Source lines longer than this many characters are quoted as a window around the spot.
const MAX_QUOTED: usize = 100;

/// Several diagnostics, at least one of them an error: the error type of loading.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostics(pub Vec<Diagnostic>);

impl Diagnostics {
    pub fn one(d: Diagnostic) -> Self {
        Diagnostics(vec![d])
    }
}

impl fmt::Display for Diagnostics {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        for (i, d) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str("\n\n")?;
            }
            write!(f, "{d}")?;
        }
        Ok(())
    }
}

impl std::error::Error for Diagnostics {}

/// The closest of `candidates` to `word`, if close enough to be a likely typo.
pub fn suggest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    candidates
        .into_iter()
        .map(|c| (edit_distance(word, c), c))
        .filter(|(d, c)| *d <= (c.chars().count().max(word.chars().count()) / 3).max(2))
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

/// Levenshtein distance over characters.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cur = row[j + 1];
            row[j + 1] = (prev + usize::from(ca != *cb)).min(row[j] + 1).min(cur + 1);
            prev = cur;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn check_codes_are_unique() {
        let mut codes: Vec<_> = ALL_CHECKS.iter().map(|c| c.code).collect();
        codes.sort();
        let before = codes.len();
        codes.dedup();
        assert_eq!(before, codes.len());
    }

    #[test]
    fn suggests_the_nearest_key() {
        assert_eq!(suggest("mx", ["code", "title", "max"]), Some("max"));
        assert_eq!(suggest("itmes", ["items", "rule"]), Some("items"));
        assert_eq!(suggest("zzzzzz", ["items", "rule"]), None);
    }

    #[test]
    fn renders_with_a_caret_under_the_spot() {
        let text = "values:\n  \"3.4.1\": \"120%\"\n";
        let d = Diagnostic::new(
            RATE_OUT_OF_RANGE,
            "ev.yaml",
            "rate 120% lies outside 0%–100%",
        )
        .criterion("3.4.1")
        .at(
            Some(Position {
                line: 2,
                column: 12,
            }),
            6,
            text,
        )
        .help("write a rate between 0% and 100%");
        assert_eq!(
            d.to_string(),
            "error[E205]: 3.4.1: rate 120% lies outside 0%–100%\n  --> ev.yaml:2:12\n  |\n2 |   \"3.4.1\": \"120%\"\n  |            ^^^^^^\n  = help: write a rate between 0% and 100%"
        );
    }
}
