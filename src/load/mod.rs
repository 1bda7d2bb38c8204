//! Loading criteria sets and evidence files: the one place where input text becomes model.
//!
//! Every command reads files through here, so every command gets the same hardening: a size
//! limit, UTF-8 validation, a BOM and CRLF line ends accepted, the YAML parser's nesting and
//! alias limits, and decimals read from their text with checked ranges. Problems come back as
//! [`Diagnostics`], all of them at once where the file could be parsed, each with its position.

mod criteria;
mod evidence;
pub mod position;
mod raw;
pub mod value;
mod walk;

pub use criteria::{load_criteria, parse_criteria};
pub use evidence::{load_evidence, parse_evidence, CriteriaResolver};
pub use walk::yaml_files;

use crate::diag::{self, Check, Diagnostic, Diagnostics, Position};
use position::{PositionIndex, Seg};
use serde::de::DeserializeOwned;
use std::io::Read;
use std::path::Path;
use std::sync::OnceLock;

/// Files larger than this are refused before parsing (16 MiB: a national criteria set or an
/// evidence file is a few dozen KiB).
pub const MAX_FILE_BYTES: u64 = 16 * 1024 * 1024;

/// The text of one input file, with its position index built on first need.
#[derive(Debug)]
pub struct Source {
    /// The name diagnostics use: the path as given, or `embedded:ID`.
    pub name: String,
    pub text: String,
    index: OnceLock<PositionIndex>,
}

impl Source {
    /// Reads a file: at most [`MAX_FILE_BYTES`], UTF-8, a leading BOM dropped.
    pub fn read(path: &Path) -> Result<Source, Diagnostics> {
        let name = path.display().to_string();
        let fail = |check: Check, msg: String| Diagnostics::one(Diagnostic::new(check, &name, msg));
        // Only regular files: opening a FIFO would wait for a writer forever.
        let meta = std::fs::metadata(path)
            .map_err(|e| fail(diag::FILE_UNREADABLE, format!("cannot open the file: {e}")))?;
        if !meta.is_file() {
            let what = if meta.is_dir() {
                "a folder"
            } else {
                walk::describe_special(&meta.file_type())
            };
            return Err(fail(
                diag::FILE_UNREADABLE,
                format!("{what}, not a regular file: only regular files are read"),
            ));
        }
        let file = std::fs::File::open(path)
            .map_err(|e| fail(diag::FILE_UNREADABLE, format!("cannot open the file: {e}")))?;
        // Sized from the file's length (one allocation, no probing reads); the limit is still
        // enforced on what is read, whatever the metadata said.
        let hint = file
            .metadata()
            .map_or(0, |m| m.len().min(MAX_FILE_BYTES + 1)) as usize;
        let mut bytes = Vec::with_capacity(hint + 1);
        file.take(MAX_FILE_BYTES + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| fail(diag::FILE_UNREADABLE, format!("cannot read the file: {e}")))?;
        if bytes.len() as u64 > MAX_FILE_BYTES {
            return Err(fail(
                diag::FILE_TOO_LARGE,
                format!(
                    "the file is larger than the {} MiB limit for criteria and evidence files",
                    MAX_FILE_BYTES / (1024 * 1024)
                ),
            ));
        }
        Source::from_bytes(name, bytes)
    }

    /// Decodes bytes as UTF-8, naming the line and column of the first invalid byte.
    pub fn from_bytes(name: String, bytes: Vec<u8>) -> Result<Source, Diagnostics> {
        match String::from_utf8(bytes) {
            Ok(text) => Ok(Source::from_text(name, text)),
            Err(e) => {
                let bytes = e.as_bytes();
                let valid = e.utf8_error().valid_up_to();
                let before = String::from_utf8_lossy(&bytes[..valid]);
                let line = before.matches('\n').count() + 1;
                let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
                let shown = String::from_utf8_lossy(bytes);
                let d = Diagnostic::new(
                    diag::NOT_UTF8,
                    &name,
                    format!("invalid UTF-8 byte 0x{:02X}", bytes[valid]),
                )
                .at(Some(Position { line, column }), 1, &shown)
                .help("save the file as UTF-8 (in Excel: “CSV UTF-8”; in an editor: “Save with encoding UTF-8”); TCVN3/VNI fonts must be converted to Unicode first");
                Err(Diagnostics::one(d))
            }
        }
    }

    pub fn from_text(name: String, mut text: String) -> Source {
        if text.starts_with('\u{feff}') {
            text.drain(..'\u{feff}'.len_utf8());
        }
        Source {
            name,
            text,
            index: OnceLock::new(),
        }
    }

    /// The position index of this text, built on first use.
    pub fn index(&self) -> &PositionIndex {
        self.index.get_or_init(|| PositionIndex::build(&self.text))
    }

    /// A diagnostic placed at the value of `path` (or its key, with `at_key`).
    pub fn diag(&self, check: Check, path: &[Seg], message: impl Into<String>) -> Diagnostic {
        self.place(Diagnostic::new(check, &self.name, message), path, false)
    }

    /// A diagnostic placed at the key of `path`.
    pub fn diag_at_key(
        &self,
        check: Check,
        path: &[Seg],
        message: impl Into<String>,
    ) -> Diagnostic {
        self.place(Diagnostic::new(check, &self.name, message), path, true)
    }

    fn place(&self, d: Diagnostic, path: &[Seg], at_key: bool) -> Diagnostic {
        // Fall back to the nearest ancestor the index could place.
        let mut p = path;
        loop {
            if let Some(spot) = self.index().get(p) {
                let exact = p.len() == path.len();
                let (line, column, span) = match (at_key || !exact, spot.key_column, &spot.raw) {
                    (false, _, Some(raw)) => {
                        (spot.value_line, spot.value_column, raw.chars().count())
                    }
                    (_, Some(kc), _) => (spot.line, kc, key_len(&self.text, spot.line, kc)),
                    _ => (spot.value_line, spot.value_column, 1),
                };
                return d.at(Some(Position { line, column }), span, &self.text);
            }
            if p.is_empty() {
                return d;
            }
            p = &p[..p.len() - 1];
        }
    }

    /// The raw text of a scalar value as written, if the index could place it.
    pub fn raw(&self, path: &[Seg]) -> Option<&str> {
        self.index().get(path).and_then(|s| s.raw.as_deref())
    }

    /// Parses the document into `T`, turning the parser's error into a diagnostic. When the
    /// file is of another kind than `expected`, that is the error reported: it explains the
    /// unknown keys that follow from it.
    fn parse<T: DeserializeOwned>(
        &self,
        expected: Option<&str>,
        locate: fn(&Source, &[Seg]) -> Option<String>,
    ) -> Result<T, Diagnostics> {
        if self.text.trim().is_empty() {
            return Err(Diagnostics::one(
                Diagnostic::new(diag::EMPTY_FILE, &self.name, "the file is empty")
                    .help("a criteria set or evidence file starts with `parindex: 1` and `kind:`"),
            ));
        }
        // The YAML scanner's work grows with the square of bracket nesting: refuse deep
        // brackets before it starts, as the parser would refuse them after. Below 16 KiB the
        // square stays small (milliseconds), so ordinary files skip the scan.
        let deep = if self.text.len() > SCAN_NESTING_ABOVE {
            flow_nesting_beyond(&self.text, MAX_FLOW_NESTING)
        } else {
            None
        };
        if let Some(at) = deep {
            return Err(Diagnostics::one(
                Diagnostic::new(
                    diag::YAML_LIMIT,
                    &self.name,
                    format!("brackets nest deeper than {MAX_FLOW_NESTING} levels"),
                )
                .at(Some(at), 1, &self.text)
                .help("the file nests too deeply to be a criteria or evidence file"),
            ));
        }
        serde_yaml::from_str::<T>(&self.text).map_err(|e| {
            let kind = self.raw(&[position::key("kind")]).map(position::unquote);
            if let (Some(expected), Some(kind)) = (expected, kind) {
                if kind != expected && (kind == "criteria" || kind == "evidence") {
                    if let Err(d) = check_kind(self, &kind, expected) {
                        return d;
                    }
                }
            }
            Diagnostics::one(self.yaml_error(&e, locate))
        })
    }

    /// Classifies a parser error and places it; `locate` names the criterion at a path.
    fn yaml_error(
        &self,
        e: &serde_yaml::Error,
        locate: fn(&Source, &[Seg]) -> Option<String>,
    ) -> Diagnostic {
        let full = e.to_string();
        let mut position = e.location().map(|l| Position {
            line: l.line(),
            column: l.column(),
        });
        // The parser appends " at line L column C" and prefixes "path: "; we show both apart.
        let mut message = match e.location() {
            Some(l) => full
                .strip_suffix(&format!(" at line {} column {}", l.line(), l.column()))
                .unwrap_or(&full)
                .to_string(),
            None => full.clone(),
        };
        if let Some((path, rest)) = message.split_once(": ") {
            if !path.contains(' ') && (path.contains('.') || path.contains('[')) {
                message = rest.to_string();
            }
        }
        // Syntax errors read "problem at line L column C, while context at line L column C":
        // keep the words, and point at the problem, or at the context's start when the
        // problem is the end of the file (an unclosed quote or bracket).
        let (words, problem, context) = split_syntax_error(&message);
        if problem.is_some() || context.is_some() {
            message = words;
            let lines = self.text.lines().count();
            position = match (problem, context) {
                (Some(p), Some(c)) if p.line > lines => Some(c),
                (Some(p), _) => Some(p),
                (None, c) => c.or(position),
            };
        }
        let (check, help) = classify(&message);
        let mut help = help;
        if let Some(rest) = message.clone().strip_prefix("unknown field `") {
            if let Some((field, expected)) = rest.split_once('`') {
                let options: Vec<&str> = expected.split('`').skip(1).step_by(2).collect();
                message = format!("unknown key `{field}`");
                help = Some(match diag::suggest(field, options.iter().copied()) {
                    Some(s) => format!("did you mean `{s}`? (keys here: {})", options.join(", ")),
                    None => format!("keys here: {}", options.join(", ")),
                });
            }
        } else if let Some(rest) = message.clone().strip_prefix("missing field `") {
            let field = rest.split('`').next().unwrap_or(rest);
            message = format!("missing key `{field}`");
        }
        let span = match position {
            Some(p) if check != diag::YAML_SYNTAX => key_len(&self.text, p.line, p.column),
            _ => 1,
        };
        let mut d = Diagnostic::new(check, &self.name, message).at(position, span, &self.text);
        d.help = help;
        if let Some(p) = position {
            if let Some(path) = self.index().at_line(p.line) {
                d.criterion = locate(self, &path);
            }
        }
        if position.is_some_and(|p| tab_in_indent(&self.text, p.line)) {
            d.help = Some("YAML indentation must use spaces, not tabs".into());
        }
        d
    }
}

/// Splits a YAML syntax error into its words and its two positions (problem, context).
fn split_syntax_error(message: &str) -> (String, Option<Position>, Option<Position>) {
    fn take_position(part: &str) -> (String, Option<Position>) {
        if let Some(i) = part.rfind(" at line ") {
            let mut nums = part[i + 9..].split(" column ");
            let line = nums.next().and_then(|n| n.trim().parse().ok());
            let column = nums.next().and_then(|n| n.trim().parse().ok());
            if let (Some(line), Some(column)) = (line, column) {
                return (part[..i].to_string(), Some(Position { line, column }));
            }
        }
        (part.to_string(), None)
    }
    let (problem_part, context_part) = match message.split_once(", while ") {
        Some((p, c)) => (p, Some(c)),
        None => (message, None),
    };
    let (problem_words, problem) = take_position(problem_part);
    match context_part {
        Some(c) => {
            let (context_words, context) = take_position(c);
            (
                format!("{problem_words}, while {context_words}"),
                problem,
                context,
            )
        }
        None => (problem_words, problem, None),
    }
}

/// The YAML parser's own nesting limit, applied to flow brackets before parsing.
pub const MAX_FLOW_NESTING: usize = 128;

/// Files larger than this are scanned for bracket nesting before parsing.
const SCAN_NESTING_ABOVE: usize = 16 * 1024;

/// The position of the first `[` or `{` that opens a flow collection deeper than `limit`, by a
/// linear scan that skips quoted text and comments. Outside brackets, only a bracket that
/// starts a value counts (so `title: a{b` is text, as YAML reads it).
fn flow_nesting_beyond(text: &str, limit: usize) -> Option<Position> {
    // Bytes, not chars: every character that matters here is ASCII, and UTF-8 never uses an
    // ASCII byte inside a multi-byte character.
    let (mut depth, mut in_double, mut in_single) = (0usize, false, false);
    for (n, line) in text.lines().enumerate() {
        let mut prev: Option<u8> = None;
        let mut escaped = false;
        let mut prev_was_space = true;
        for (i, &c) in line.as_bytes().iter().enumerate() {
            if in_double {
                if escaped {
                    escaped = false;
                } else if c == b'\\' {
                    escaped = true;
                } else if c == b'"' {
                    in_double = false;
                }
                continue;
            }
            if in_single {
                if c == b'\'' {
                    in_single = false;
                }
                continue;
            }
            let value_start = depth > 0 || matches!(prev, None | Some(b'-' | b':' | b',' | b'?'));
            match c {
                b'#' if prev_was_space => break,
                b'"' if value_start => in_double = true,
                b'\'' if value_start => in_single = true,
                b'[' | b'{' if value_start => {
                    depth += 1;
                    if depth > limit {
                        let column = line[..i].chars().count() + 1;
                        return Some(Position {
                            line: n + 1,
                            column,
                        });
                    }
                }
                b']' | b'}' if depth > 0 => depth -= 1,
                _ => {}
            }
            prev_was_space = c == b' ' || c == b'\t';
            if !prev_was_space {
                prev = Some(c);
            }
        }
    }
    None
}

/// The check and a help text for a parser message.
fn classify(message: &str) -> (Check, Option<String>) {
    let m = message;
    if m.starts_with("unknown field") {
        (diag::UNKNOWN_KEY, None)
    } else if m.starts_with("missing field") {
        (diag::MISSING_KEY, None)
    } else if m.contains("recursion limit exceeded") || m.contains("repetition limit exceeded") {
        (
            diag::YAML_LIMIT,
            Some("the file nests too deeply or expands aliases too often to be a criteria or evidence file".into()),
        )
    } else if m.starts_with("invalid type: sequence, expected struct Raw")
        || m.starts_with("invalid type: string") && m.contains("expected struct Raw")
        || m.contains("expected struct RawCriteria")
        || m.contains("expected struct RawEvidence")
        || m.contains("expected struct RawHeader")
    {
        (
            diag::NOT_A_MAPPING,
            Some("a criteria set or evidence file is a mapping that starts with `parindex: 1` and `kind:`".into()),
        )
    } else if m.starts_with("invalid type")
        || m.starts_with("invalid value")
        || m.starts_with("invalid length")
        || m.starts_with("a rule mapping")
        || m.starts_with("empty rule")
    {
        (diag::WRONG_TYPE, None)
    } else if m.contains("while scanning a quoted scalar") {
        (
            diag::YAML_SYNTAX,
            Some("a quoted text is not closed: add the closing quote".into()),
        )
    } else if m.contains("mapping values are not allowed") {
        (
            diag::YAML_SYNTAX,
            Some("a text containing `: ` must be quoted".into()),
        )
    } else if m.contains("duplicate entry") || m.contains("duplicate key") {
        (
            diag::YAML_SYNTAX,
            Some("each key may appear once in a mapping".into()),
        )
    } else {
        (diag::YAML_SYNTAX, None)
    }
}

/// Length of the token starting at a 1-based line and column (for the caret underline).
fn key_len(text: &str, line: usize, column: usize) -> usize {
    let Some(l) = text.lines().nth(line.saturating_sub(1)) else {
        return 1;
    };
    let rest: String = l.chars().skip(column.saturating_sub(1)).collect();
    let rest = rest.trim_end_matches('\r');
    if let Some(q @ ('"' | '\'')) = rest.chars().next() {
        return rest[1..].find(q).map_or(1, |i| i + 2);
    }
    rest.find([':', ',', '}', ']', ' ', '#'])
        .unwrap_or(rest.len())
        .max(1)
}

fn tab_in_indent(text: &str, line: usize) -> bool {
    let around = line.saturating_sub(2)..line + 1;
    text.lines()
        .enumerate()
        .filter(|(i, _)| around.contains(i))
        .any(|(_, l)| l.trim_start_matches(' ').starts_with('\t'))
}

/// The codes and texts of `kind:` that tell the two file kinds apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    Criteria,
    Evidence,
}

/// The value of a top-level `kind:` line, found by a plain scan of the text: cheap enough to
/// sort thousands of files before parsing any (`rank` on folders).
pub fn peek_kind(text: &str) -> Option<&str> {
    text.lines().find_map(|line| {
        let rest = line.trim_start_matches('\u{feff}').strip_prefix("kind:")?;
        let value = rest.split(" #").next().unwrap_or(rest).trim();
        Some(value.trim_matches(|c| c == '"' || c == '\''))
    })
}

/// Reads only the header of a file to tell a criteria set from an evidence file.
pub fn file_kind(source: &Source) -> Result<FileKind, Diagnostics> {
    let header: raw::RawHeader = source.parse(None, |_, _| None)?;
    match header.kind.as_deref() {
        Some("criteria") => Ok(FileKind::Criteria),
        Some("evidence") => Ok(FileKind::Evidence),
        Some(other) => Err(Diagnostics::one(
            source
                .diag(
                    diag::BAD_HEADER,
                    &[position::key("kind")],
                    format!("unknown kind `{other}`"),
                )
                .help(match diag::suggest(other, ["criteria", "evidence"]) {
                    Some(s) => format!("did you mean `{s}`? (`kind:` is `criteria` or `evidence`)"),
                    None => "`kind:` is `criteria` or `evidence`".to_string(),
                }),
        )),
        None => Err(Diagnostics::one(
            Diagnostic::new(diag::MISSING_KEY, &source.name, "missing key `kind`")
                .help("add `kind: criteria` or `kind: evidence` after `parindex: 1`"),
        )),
    }
}

/// Checks `parindex: 1` and `kind:`, the header both kinds share.
fn check_header(
    source: &Source,
    version: &raw::Scalar,
    kind: &str,
    expected: &str,
) -> Result<(), Diagnostics> {
    if !matches!(version, raw::Scalar::Int(v) if v == "1") {
        return Err(Diagnostics::one(
            source
                .diag(
                    diag::BAD_HEADER,
                    &[position::key("parindex")],
                    format!("unsupported format version `{}`", version.text()),
                )
                .help("this parindex reads format version 1: write `parindex: 1`"),
        ));
    }
    check_kind(source, kind, expected)
}

/// Checks that a file's `kind:` is the one expected here.
fn check_kind(source: &Source, kind: &str, expected: &str) -> Result<(), Diagnostics> {
    if kind != expected {
        let what = match kind {
            "criteria" => "a criteria set",
            "evidence" => "an evidence file",
            _ => "of an unknown kind",
        };
        return Err(Diagnostics::one(
            source
                .diag(
                    diag::BAD_HEADER,
                    &[position::key("kind")],
                    format!("expected `kind: {expected}`, but this file is {what} (`kind: {kind}`)"),
                )
                .help(match expected {
                    "evidence" => "give an evidence file here; a criteria set is named by the evidence file's `criteria:`",
                    _ => "give a criteria set here (`kind: criteria`)",
                }),
        ));
    }
    Ok(())
}

/// Reads a value written on a command line (`97%`, `21/32`, `true`, `2`, `n/a`) as a YAML
/// scalar, and checks it against the leaf's rule: the same reading as in an evidence file.
pub fn parse_value_text(
    text: &str,
    node: &crate::model::Criterion,
) -> Result<Option<crate::model::Value>, value::ValueProblem> {
    let scalar: raw::Scalar =
        serde_yaml::from_str(text).unwrap_or(raw::Scalar::Str(text.to_string()));
    let v = value::read_value(&scalar, Some(text))?;
    if let (Some(v), Some(rule)) = (&v, &node.rule) {
        value::fits_rule(v, rule, node.max, Some(text))?;
    }
    Ok(v)
}

/// SHA-256 of a text, in hex.
pub fn sha256_hex(text: &str) -> String {
    use sha2::{Digest, Sha256};
    let digest = Sha256::digest(text.as_bytes());
    digest.iter().map(|b| format!("{b:02x}")).collect()
}
