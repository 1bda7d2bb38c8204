//! Loading criteria sets and evidence files: the one place where input text becomes model.
//!
//! Every command reads files through here, so every command gets the same hardening: a size
//! limit, UTF-8 validation, a BOM and CRLF line ends accepted, the YAML parser's nesting and
//! alias limits, and decimals read from their text with checked ranges. Problems come back as
//! [`Diagnostics`], all of them at once where the file could be parsed, each with its position.

mod criteria;
mod evidence;
mod raw;
mod remediation;
pub mod value;
mod walk;
pub mod yaml;

pub use criteria::{load_criteria, parse_criteria};
pub use evidence::{load_evidence, parse_evidence, CriteriaResolver};
pub(crate) use remediation::plan_set;
pub use remediation::{load_plan, parse_plan, plan_against_set};
pub use walk::yaml_files;

use crate::diag::{self, Check, Diagnostic, Diagnostics, Position};
use crate::i18n::diag as say;
use std::io::Read;
use std::path::Path;
use std::sync::OnceLock;
use yaml::{Node, ReadError, Scalar, Seg};

/// Files larger than this are refused before parsing (16 MiB: a national criteria set or an
/// evidence file is a few dozen KiB).
pub const MAX_FILE_BYTES: u64 = 16 * 1024 * 1024;

/// How far apart [`Source`]'s character marks are: a long line's place is found by a search
/// and at most this many characters counted.
const CHARS_PER_MARK: usize = 64;

/// The text of one input file, and its document tree once read.
#[derive(Debug)]
pub struct Source {
    /// The name diagnostics use: the path as given, or `embedded:ID`.
    pub name: String,
    pub text: String,
    doc: OnceLock<Result<Node, Box<Diagnostic>>>,
    /// Where each line of `text` starts, made at the first diagnostic placed: a file of many
    /// problems is not searched from its start for each one's line.
    line_starts: OnceLock<Vec<usize>>,
    /// The byte offset of every [`CHARS_PER_MARK`]th character of `text`, made at the first
    /// diagnostic on a line too long to quote whole: each such diagnostic then finds its
    /// place in the line by a search, not by counting the line's characters (half a million
    /// problems on one 5 MB line took six minutes counted).
    char_marks: OnceLock<Vec<usize>>,
    /// Whether a YAML error is quoted whatever the file says it is (see [`Source::of_any_kind`]).
    quote_any: bool,
    /// For an Excel form: the cell each line of `text` came from, and the set it was made
    /// for. Diagnostics then name the cell and never quote `text` (made by the reader).
    pub form: Option<Box<crate::form::FormText>>,
}

impl Source {
    /// Reads a file: at most [`MAX_FILE_BYTES`], UTF-8, a leading BOM dropped.
    pub fn read(path: &Path) -> Result<Source, Diagnostics> {
        let bytes = read_bytes(path)?;
        let name = path.display().to_string();
        if is_xlsx(path) {
            return Source::from_form(name, &bytes);
        }
        Source::from_bytes(name, bytes)
    }

    /// Reads a file found in a folder: as [`Source::read`], except that a workbook that is not
    /// a parindex form (a result workbook beside the forms) is passed over (`None`), the way a
    /// YAML file without `parindex:` is, without unpacking it ([`crate::form::is_form`]).
    pub fn read_found(path: &Path) -> Result<Option<Source>, Diagnostics> {
        if !is_xlsx(path) {
            return Source::read(path).map(Some);
        }
        // A workbook too large to be a form is another workbook too.
        let bytes = match read_bytes(path) {
            Err(d) if d.0.iter().any(|d| d.check == diag::FILE_TOO_LARGE) => return Ok(None),
            other => other?,
        };
        if !crate::form::is_form(&bytes) {
            return Ok(None);
        }
        Source::from_form(path.display().to_string(), &bytes).map(Some)
    }

    /// Reads a filled Excel form ([`crate::form`]) as the evidence file it stands for.
    pub fn from_form(name: String, bytes: &[u8]) -> Result<Source, Diagnostics> {
        let form = crate::form::read_form(&name, bytes)?;
        let mut source = Source::from_text(name, form.yaml.clone());
        source.form = Some(Box::new(form));
        Ok(source)
    }

    /// Places `d` at `at` in this file: a line and column quoted from the text, or for a form
    /// the cell the line came from.
    fn placed(&self, d: Diagnostic, at: Position, len: usize) -> Diagnostic {
        match &self.form {
            Some(form) => match form.cells.get(at.line.saturating_sub(1)).cloned().flatten() {
                Some(cell) => d.in_cell(cell),
                None => d,
            },
            None => match self.line(at.line) {
                Some(line) if line.len() > diag::MAX_KEPT => {
                    let (kept, cut) = self.cut_around(line, at.column);
                    d.at_cut(at, len, kept.to_string(), cut)
                }
                line => d.at_line(Some(at), len, line),
            },
        }
    }

    /// Line `n` (from 1) of the text, as [`str::lines`] gives it (without its `\r`).
    fn line(&self, n: usize) -> Option<&str> {
        let starts = self.line_starts.get_or_init(|| {
            std::iter::once(0)
                .chain(self.text.match_indices('\n').map(|(i, _)| i + 1))
                .filter(|&i| i < self.text.len())
                .collect()
        });
        let start = *starts.get(n.checked_sub(1)?)?;
        let end = starts.get(n).map_or(self.text.len(), |&next| next - 1);
        let line = &self.text[start..end];
        // The last line's own '\n' (no line starts after it).
        let line = line.strip_suffix('\n').unwrap_or(line);
        Some(line.strip_suffix('\r').unwrap_or(line))
    }

    /// The [`diag::MAX_KEPT`] characters of `line` (a slice of `text`) around `column`, and
    /// how many characters were cut before them and whether some were cut after, as
    /// [`Diagnostic::at_line`] cuts a long line, found in time that does not grow with the line.
    fn cut_around(&self, line: &str, column: usize) -> (&str, (usize, bool)) {
        let marks = self.char_marks.get_or_init(|| {
            self.text
                .char_indices()
                .step_by(CHARS_PER_MARK)
                .map(|(i, _)| i)
                .collect()
        });
        let text = self.text.as_str();
        // The character index of a byte offset on a character boundary, and back.
        let char_at = |byte: usize| {
            let k = marks.partition_point(|&m| m <= byte) - 1;
            k * CHARS_PER_MARK + text[marks[k]..byte].chars().count()
        };
        // Past the last mark is only the end of a text of a multiple of the marks' spacing.
        let byte_of = |ci: usize| match marks.get(ci / CHARS_PER_MARK) {
            Some(&from) => text[from..]
                .char_indices()
                .nth(ci % CHARS_PER_MARK)
                .map_or(text.len(), |(i, _)| from + i),
            None => text.len(),
        };
        let line_start = line.as_ptr() as usize - text.as_ptr() as usize;
        let first = char_at(line_start);
        let total = char_at(line_start + line.len()) - first;
        let col = column.saturating_sub(1).min(total);
        let start = col
            .saturating_sub(diag::MAX_KEPT / 2)
            .min(total.saturating_sub(diag::MAX_KEPT));
        let end = (start + diag::MAX_KEPT).min(total);
        let kept = &text[byte_of(first + start)..byte_of(first + end)];
        (kept, (start, end < total))
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
                let d = Diagnostic::new(diag::NOT_UTF8, &name, say::invalid_utf8(bytes[valid]));
                // The line is quoted only from what reads as a parindex file so far: a binary
                // file named by mistake (a key store, an image) is never shown.
                let d = if looks_like_parindex(&before) {
                    let shown = String::from_utf8_lossy(bytes);
                    d.at(Some(Position { line, column }), 1, &shown)
                } else {
                    // Placed, not quoted: a units list or a binary file is found at its byte.
                    let mut d = d;
                    d.position = Some(Position { line, column });
                    d
                };
                let d = d.help(say::SAVE_AS_UTF8);
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
            doc: OnceLock::new(),
            line_starts: OnceLock::new(),
            char_marks: OnceLock::new(),
            quote_any: false,
            form: None,
        }
    }

    /// A YAML file that is not a parindex file by design (a renumbering map), named for that
    /// use on the command line: its YAML errors are quoted like a parindex file's.
    pub fn of_any_kind(mut self) -> Self {
        self.quote_any = true;
        self
    }

    /// The document tree: the text is parsed once, on first use, and every later question
    /// about the file (its kind, its values, where a diagnostic points) is answered from it.
    pub fn document(&self) -> Result<&Node, Diagnostics> {
        self.doc
            .get_or_init(|| self.read_document())
            .as_ref()
            .map_err(|d| Diagnostics::one((**d).clone()))
    }

    fn read_document(&self) -> Result<Node, Box<Diagnostic>> {
        let empty = || {
            Diagnostic::new(diag::EMPTY_FILE, &self.name, say::FILE_IS_EMPTY)
                .help(say::STARTS_WITH_HEADER)
        };
        if self.text.trim().is_empty() {
            return Err(Box::new(empty()));
        }
        yaml::read(&self.text).map_err(|e| Box::new(self.read_error(e, empty)))
    }

    fn read_error(&self, e: ReadError, empty: impl Fn() -> Diagnostic) -> Diagnostic {
        // A file that does not read as YAML is quoted only when it says it is a parindex file:
        // anything else (a `.env`, a key, `/etc/passwd`) is named, never shown.
        if !self.quote_any && !matches!(e, ReadError::Empty) && !looks_like_parindex(&self.text) {
            return self.not_parindex(NotParindex::NotYaml, None);
        }
        {
            type Texts = (Check, Position, usize, diag::Message, Option<diag::Message>);
            let (check, at, len, message, help): Texts = match e {
                ReadError::Empty => return empty(),
                ReadError::Syntax {
                    at,
                    message,
                    within,
                } => {
                    let at = self.clamp(at);
                    let help = syntax_help(&self.text, at);
                    let d = self.placed(
                        Diagnostic::new(diag::YAML_SYNTAX, &self.name, say::yaml_syntax(&message)),
                        at,
                        1,
                    );
                    let mut d = match help {
                        Some(h) => d.help(h),
                        None => d,
                    };
                    d.criterion = within;
                    return d;
                }
                ReadError::TooDeep { at } => (
                    diag::YAML_LIMIT,
                    at,
                    1,
                    say::nests_deeper(yaml::MAX_DEPTH),
                    Some(say::NESTS_TOO_DEEPLY.into()),
                ),
                ReadError::TooMany { at } => (
                    diag::YAML_LIMIT,
                    at,
                    1,
                    say::too_many_nodes(yaml::MAX_NODES),
                    Some(say::TOO_MANY_NODES.into()),
                ),
                ReadError::Anchor { at, alias } => (
                    diag::ANCHOR,
                    at,
                    1,
                    if alias { say::AN_ALIAS } else { say::AN_ANCHOR }.into(),
                    Some(say::NO_ANCHORS.into()),
                ),
                ReadError::Tag { at, tag } => (
                    diag::YAML_SYNTAX,
                    at,
                    tag.chars().count(),
                    say::tag_not_used(&tag),
                    Some(say::REMOVE_THE_TAG.into()),
                ),
                ReadError::SecondDocument { at } => (
                    diag::YAML_SYNTAX,
                    at,
                    3,
                    say::SECOND_DOCUMENT.into(),
                    Some(say::ONE_PER_FILE.into()),
                ),
                ReadError::DuplicateKey {
                    at,
                    len,
                    key,
                    first,
                } => (
                    diag::YAML_SYNTAX,
                    at,
                    len,
                    say::key_twice(&key, first.line),
                    Some(say::KEY_ONCE.into()),
                ),
                ReadError::ComplexKey { at } => (
                    diag::YAML_SYNTAX,
                    at,
                    1,
                    say::COMPLEX_KEY.into(),
                    Some(say::KEYS_ARE_WORDS.into()),
                ),
            };
            let mut d = self.placed(Diagnostic::new(check, &self.name, message), at, len);
            d.set_help(help);
            d
        }
    }

    /// Why this file is not a parindex file, if it is not. A parindex file is a YAML mapping
    /// with `parindex:`, or with `kind: criteria` or `kind: evidence`, at its top level; for a
    /// file that does not read as a YAML mapping, one with a line that starts so. Only a
    /// parindex file is ever quoted in a diagnostic.
    fn not_parindex_because(&self) -> Option<NotParindex> {
        match self.document() {
            Err(_) if looks_like_parindex(&self.text) => None,
            Err(_) => Some(NotParindex::NotYaml),
            // A list of parindex mappings (`- parindex: 1`) is a parindex file written wrong:
            // its own error (E006) quotes it.
            Ok(doc) if doc.entries().is_none() && looks_like_parindex(&self.text) => None,
            Ok(doc) if doc.entries().is_none() => {
                Some(NotParindex::NotMapping(match doc.scalar() {
                    Some(_) => say::A_SINGLE_VALUE,
                    None => say::A_LIST,
                }))
            }
            Ok(doc) => {
                let kind = doc.get("kind").and_then(Node::scalar);
                let header = doc.get("parindex").is_some()
                    || matches!(
                        kind,
                        Some(Scalar::Str("criteria" | "evidence" | "remediation"))
                    );
                (!header).then_some(NotParindex::NoHeader)
            }
        }
    }

    /// "`FILE` is not a criteria set: it does not read as YAML", with nothing quoted from the
    /// file (no line, no value), for a file that is not a parindex file.
    fn not_parindex(&self, why: NotParindex, expected: Option<&str>) -> Diagnostic {
        let (check, reason) = why.check_and_reason();
        let what = match expected {
            Some("criteria") => say::A_CRITERIA_SET,
            Some("evidence") => say::AN_EVIDENCE_FILE,
            Some("remediation") => say::A_REMEDIATION_PLAN,
            _ => say::A_CRITERIA_SET_OR_EVIDENCE,
        };
        Diagnostic::new(check, &self.name, say::not_parindex(what, reason))
            .help(say::NOT_PARINDEX_HELP)
    }

    /// Why this file is not a criteria set, for a criteria set named by an evidence file:
    /// `None` when it is a parindex file (whose own problems are then reported, quoted).
    pub fn not_a_criteria_set(&self) -> Option<diag::Message> {
        if self.text.trim().is_empty() {
            return Some(say::AN_EMPTY_FILE.into());
        }
        self.not_parindex_because()
            .map(|why| say::not_a_criteria_set(why.check_and_reason().1))
    }

    /// A position past the last line (the end of the text) is shown on the last line.
    fn clamp(&self, at: Position) -> Position {
        let lines = self.text.lines().count().max(1);
        if at.line <= lines {
            return at;
        }
        let last = self.text.lines().last().unwrap_or_default();
        Position {
            line: lines,
            column: last.trim_end_matches('\r').chars().count().max(1),
        }
    }

    /// A diagnostic placed at a node of this file's document.
    pub fn diag_at(
        &self,
        check: Check,
        node: &Node,
        message: impl Into<diag::Message>,
    ) -> Diagnostic {
        self.placed(
            Diagnostic::new(check, &self.name, message),
            node.at(),
            node.width(),
        )
    }

    /// A diagnostic placed at `at` in this file, `width` characters wide.
    pub fn diag_at_position(
        &self,
        check: Check,
        at: Position,
        width: usize,
        message: impl Into<diag::Message>,
    ) -> Diagnostic {
        self.placed(Diagnostic::new(check, &self.name, message), at, width)
    }

    /// A diagnostic placed at the value of `path`.
    pub fn diag(
        &self,
        check: Check,
        path: &[Seg],
        message: impl Into<diag::Message>,
    ) -> Diagnostic {
        self.place(Diagnostic::new(check, &self.name, message), path, false)
    }

    /// A diagnostic placed at the key of `path`.
    pub fn diag_at_key(
        &self,
        check: Check,
        path: &[Seg],
        message: impl Into<diag::Message>,
    ) -> Diagnostic {
        self.place(Diagnostic::new(check, &self.name, message), path, true)
    }

    fn place(&self, d: Diagnostic, path: &[Seg], at_key: bool) -> Diagnostic {
        let Ok(doc) = self.document() else {
            return d;
        };
        // Fall back to the nearest ancestor that exists, at its key.
        let mut p = path;
        loop {
            if let Some(found) = doc.find(p) {
                let exact = p.len() == path.len();
                let node = match (at_key || !exact, found.key) {
                    (true, Some(k)) => k,
                    _ => found.value,
                };
                return self.placed(d, node.at(), node.width());
            }
            if p.is_empty() {
                return d;
            }
            p = &p[..p.len() - 1];
        }
    }

    /// The text of the scalar at `path`, as written (without its quotes); an empty value
    /// (`~`, `null`) is no text at all: empty, not the word that wrote it.
    pub fn raw(&self, path: &[Seg]) -> Option<&str> {
        let value = self.document().ok()?.find(path)?.value;
        match value.scalar()? {
            yaml::Scalar::Null => Some(""),
            _ => value.text(),
        }
    }
}

/// A file's bytes: only a regular file, at most [`MAX_FILE_BYTES`].
fn read_bytes(path: &Path) -> Result<Vec<u8>, Diagnostics> {
    let name = path.display().to_string();
    let fail =
        |check: Check, msg: diag::Message| Diagnostics::one(Diagnostic::new(check, &name, msg));
    // Only regular files: opening a FIFO would wait for a writer forever. On Linux the file
    // is opened without waiting and then asked what it is (one system call less per file,
    // and no window between the question and the opening); elsewhere it is asked first.
    let not_regular = |meta: &std::fs::Metadata| {
        let what = if meta.is_dir() {
            say::A_FOLDER
        } else {
            walk::describe_special(&meta.file_type())
        };
        fail(diag::FILE_UNREADABLE, say::not_a_regular_file(what))
    };
    let cannot_open =
        |e: std::io::Error| fail(diag::FILE_UNREADABLE, say::cannot_open(&e.to_string()));
    #[cfg(target_os = "linux")]
    let (file, meta) = {
        use std::os::unix::fs::OpenOptionsExt;
        const O_NONBLOCK: i32 = 0o4000;
        let file = std::fs::OpenOptions::new()
            .read(true)
            .custom_flags(O_NONBLOCK)
            .open(path)
            .map_err(cannot_open)?;
        let meta = file.metadata().map_err(cannot_open)?;
        (file, meta)
    };
    #[cfg(not(target_os = "linux"))]
    let (file, meta) = {
        let meta = std::fs::metadata(path).map_err(cannot_open)?;
        if !meta.is_file() {
            return Err(not_regular(&meta));
        }
        (std::fs::File::open(path).map_err(cannot_open)?, meta)
    };
    if !meta.is_file() {
        return Err(not_regular(&meta));
    }
    crate::output::note_input(path, &meta);
    // Sized from the file's length (one allocation), with room for one byte more; the limit
    // is still enforced on what is read, whatever the metadata said. A file that gives, in one
    // read, exactly the length it said it had is read whole: no second read to find its end
    // (ten thousand system calls in a national ranking). Any other is read on to its end.
    let hint = meta.len().min(MAX_FILE_BYTES + 1) as usize;
    let cannot_read =
        |e: std::io::Error| fail(diag::FILE_UNREADABLE, say::cannot_read(&e.to_string()));
    let mut limited = file.take(MAX_FILE_BYTES + 1);
    let mut bytes = vec![0; hint + 1];
    let first = loop {
        match limited.read(&mut bytes) {
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            read => break read.map_err(cannot_read)?,
        }
    };
    bytes.truncate(first);
    if !(first == hint && hint as u64 == meta.len()) && first > 0 {
        limited.read_to_end(&mut bytes).map_err(cannot_read)?;
    }
    // A file that says it is empty and yet holds data is a system file made on reading
    // (`/proc/self/environ`, `/sys/…`): never a criteria set or an evidence file.
    if meta.len() == 0 && !bytes.is_empty() {
        return Err(fail(diag::FILE_UNREADABLE, say::SYSTEM_FILE.into()));
    }
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(fail(
            diag::FILE_TOO_LARGE,
            say::file_too_large(MAX_FILE_BYTES / (1024 * 1024)),
        ));
    }
    Ok(bytes)
}

/// Whether `path` names an Excel workbook (`.xlsx`, any case): read as a self-assessment form.
/// Whether `path` names a YAML file: `.yaml` or `.yml`, in any case (`XA-B.YAML` as a
/// Windows office saves it is a unit's file all the same).
pub fn is_yaml(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("yaml") || e.eq_ignore_ascii_case("yml"))
}

pub fn is_xlsx(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("xlsx"))
}

/// The codes and texts of `kind:` that tell the two file kinds apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    Criteria,
    Evidence,
    /// A remediation plan (`kind: remediation`).
    Remediation,
}

/// Tells a criteria set from an evidence file by its `kind:`, read from the document (the one
/// reading of the file that loading it goes on to use).
pub fn file_kind(source: &Source) -> Result<FileKind, Diagnostics> {
    let doc = source.document()?;
    if let Some(why) = source.not_parindex_because() {
        return Err(Diagnostics::one(source.not_parindex(why, None)));
    }
    if doc.entries().is_none() {
        return Err(Diagnostics::one(
            source
                .diag_at(
                    diag::NOT_A_MAPPING,
                    doc,
                    say::file_is_not_a_mapping(doc.described()),
                )
                .help(say::A_MAPPING_WITH_HEADER),
        ));
    }
    match doc.get("kind").map(|n| (n, n.scalar())) {
        Some((_, Some(Scalar::Str("criteria")))) => Ok(FileKind::Criteria),
        Some((_, Some(Scalar::Str("evidence")))) => Ok(FileKind::Evidence),
        Some((_, Some(Scalar::Str("remediation")))) => Ok(FileKind::Remediation),
        Some((node, _)) => {
            // Quoted on one line: a block scalar (`kind: |`) ends in a line break, shown as
            // its code point rather than breaking the message.
            let other = node.text().map_or_else(
                || node.described(),
                |t| format!("`{}`", diag::shown(t).replace('\n', "<U+000A>")).into(),
            );
            let text = node.text().unwrap_or_default();
            Err(Diagnostics::one(
                source
                    .diag_at(diag::BAD_HEADER, node, say::unknown_kind(other))
                    .help(
                        match diag::suggest(text, ["criteria", "evidence", "remediation"]) {
                            Some(s) if text.trim() == s => say::kind_on_one_line(s),
                            Some(s) => say::did_you_mean_kind(s),
                            None => say::KIND_IS.into(),
                        },
                    ),
            ))
        }
        None => Err(Diagnostics::one(
            Diagnostic::new(diag::MISSING_KEY, &source.name, say::missing_key("kind"))
                .help(say::ADD_KIND),
        )),
    }
}

/// Whether a file found in a folder is a parindex file at all: a mapping with `parindex:`.
/// Read from the document, so a file is judged by what YAML says, not by how a line looks.
pub fn is_parindex_file(source: &Source) -> bool {
    source
        .document()
        .is_ok_and(|doc| doc.get("parindex").is_some())
}

/// Reports a file of the other kind before its keys are read: that is the one error worth
/// showing (its keys would all be unknown here).
fn expect_kind(source: &Source, doc: &Node, expected: &str) -> Result<(), Diagnostics> {
    // A file that is not a parindex file at all is named, never quoted key by key.
    if let Some(why) = source.not_parindex_because() {
        return Err(Diagnostics::one(source.not_parindex(why, Some(expected))));
    }
    match doc.get("kind").and_then(Node::scalar) {
        Some(Scalar::Str(k))
            if k != expected && (k == "criteria" || k == "evidence" || k == "remediation") =>
        {
            check_kind(source, k, expected)
        }
        _ => Ok(()),
    }
}

/// Why a file is not a parindex file.
#[derive(Debug, Clone, Copy)]
enum NotParindex {
    NotYaml,
    /// What the document is instead: "a list", "a single value".
    NotMapping(crate::i18n::Text),
    NoHeader,
}

impl NotParindex {
    fn check_and_reason(self) -> (Check, diag::Message) {
        match self {
            NotParindex::NotYaml => (diag::YAML_SYNTAX, say::NOT_YAML.into()),
            NotParindex::NotMapping(what) => (diag::NOT_A_MAPPING, say::it_is_not_a_mapping(what)),
            NotParindex::NoHeader => (diag::BAD_HEADER, say::NO_HEADER.into()),
        }
    }
}

/// Whether a text that does not read as a YAML mapping still says it is a parindex file: a
/// line that starts with `parindex:`, `kind: criteria` or `kind: evidence` (after spaces and
/// list dashes).
fn looks_like_parindex(text: &str) -> bool {
    text.lines().any(|l| {
        let l = l.trim_start_matches([' ', '-']);
        l.starts_with("parindex:")
            || l.strip_prefix("kind:").is_some_and(|k| {
                matches!(
                    k.trim().trim_matches(['"', '\'']),
                    "criteria" | "evidence" | "remediation"
                )
            })
    })
}

/// Checks `parindex: 1` and `kind:`, the header both kinds share.
fn check_header(
    source: &Source,
    version: &Scalar,
    kind: &str,
    expected: &str,
) -> Result<(), Diagnostics> {
    if !matches!(version, Scalar::Int("1")) {
        return Err(Diagnostics::one(
            source
                .diag(
                    diag::BAD_HEADER,
                    &[yaml::key("parindex")],
                    say::unsupported_version(&version.text()),
                )
                .help(say::VERSION_1),
        ));
    }
    check_kind(source, kind, expected)
}

/// Checks that a file's `kind:` is the one expected here.
fn check_kind(source: &Source, kind: &str, expected: &str) -> Result<(), Diagnostics> {
    if kind != expected {
        let what = match kind {
            "criteria" => say::A_CRITERIA_SET,
            "evidence" => say::AN_EVIDENCE_FILE,
            "remediation" => say::A_REMEDIATION_PLAN,
            _ => say::OF_AN_UNKNOWN_KIND,
        };
        return Err(Diagnostics::one(
            source
                .diag(
                    diag::BAD_HEADER,
                    &[yaml::key("kind")],
                    say::wrong_kind(expected, what, kind),
                )
                .help(match expected {
                    "evidence" => say::GIVE_EVIDENCE_HERE,
                    "remediation" => say::GIVE_REMEDIATION_HERE,
                    _ => say::GIVE_CRITERIA_HERE,
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
    // A value typed on a command line is read as the same YAML scalar it would be in a file.
    let doc = yaml::read(text).ok();
    let scalar = doc
        .as_ref()
        .and_then(Node::scalar)
        .unwrap_or(Scalar::Str(text));
    if let Some(p) = hidden_char(None, None, text) {
        return Err(p);
    }
    let v = value::read_leaf_value(&scalar, Some(text), node.rule.as_ref())
        .map_err(|p| value::hint_for(p, node))?;
    if let (Some(v), Some(rule)) = (&v, &node.rule) {
        value::fits_rule(v, rule, node.max, Some(text))?;
        value::na_allowed(v, node)?;
    }
    Ok(v)
}

/// Keys whose text may hold several lines (any text may, when written as a block scalar).
const MULTILINE_KEYS: [&str; 4] = ["note", "reason", "explanation", "reappraisal_reason"];

/// Why a text from an input file cannot be shown as it is: its first hidden character
/// ([`diag::hidden_kind`]: control, bidirectional control, invisible; tab allowed, and line
/// feed where the text may hold several lines). YAML escapes (`\e`, `\a`, `\r`, `\u202E`) write
/// them into titles, units and reasons, and from there they would reach the terminal: recolour
/// or erase what is shown, ring the bell, or make the text read in another order. `what`
/// is the text's key, named in the message (none for an evidence value: "the value").
#[inline]
pub(crate) fn hidden_char(
    key: Option<&str>,
    node: Option<&Node>,
    text: &str,
) -> Option<value::ValueProblem> {
    // Most texts are cleared on their bytes alone, here, before any call (every value of ten
    // thousand files passes through).
    if !diag::may_hide(text) {
        return None;
    }
    find_hidden_char(key, node, text)
}

#[cold]
fn find_hidden_char(
    key: Option<&str>,
    node: Option<&Node>,
    text: &str,
) -> Option<value::ValueProblem> {
    let multiline = key.is_some_and(|k| MULTILINE_KEYS.contains(&k))
        || node.and_then(Node::style) == Some(yaml::Style::Block);
    let (at, c) = text
        .chars()
        .enumerate()
        .find(|&(_, c)| diag::is_hidden(c) && c != '\t' && (c != '\n' || !multiline))?;
    let what: diag::Message = match key {
        Some(k) => format!("`{k}`").into(),
        None => say::THE_VALUE.into(),
    };
    let (kind, help) = match diag::hidden_kind(c) {
        _ if c == '\n' => (say::A_LINE_BREAK, say::one_line(what.clone())),
        Some(k) => (say::hidden_kind(k), say::remove_hidden(k).into()),
        None => return None,
    };
    Some(value::ValueProblem::new(
        diag::HIDDEN_CHAR,
        say::holds_hidden(what, &diag::char_name(c), kind, at + 1),
        Some(help),
    ))
}

/// SHA-256 of a text, in hex.
pub fn sha256_hex(text: &str) -> String {
    use sha2::{Digest, Sha256};
    let digest = Sha256::digest(text.as_bytes());
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

/// A hint for a syntax error, from the text around it (never from the parser's wording).
fn syntax_help(text: &str, at: Position) -> Option<diag::Message> {
    if tab_in_indent(text, at.line) {
        return Some(say::NO_TABS.into());
    }
    let line = text.lines().nth(at.line.saturating_sub(1))?;
    if line.matches('"').count() % 2 == 1 {
        return Some(say::QUOTE_NOT_CLOSED.into());
    }
    let value = line.split_once(": ").map(|(_, v)| v)?;
    if value.contains(": ") && !value.trim_start().starts_with(['"', '\'', '{', '[']) {
        return Some(say::QUOTE_COLON.into());
    }
    None
}

fn tab_in_indent(text: &str, line: usize) -> bool {
    let around = line.saturating_sub(2)..line + 1;
    text.lines()
        .enumerate()
        .filter(|(i, _)| around.contains(i))
        .any(|(_, l)| l.trim_start_matches(' ').starts_with('\t'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_line_is_found_as_str_lines_finds_it() {
        for text in ["", "a", "a\n", "a\nb", "a\r\nb\r\n", "\n\nc\n", "a\n\n"] {
            let source = Source::from_text("t.yaml".into(), text.to_string());
            for n in 0..6usize {
                let expected = n.checked_sub(1).and_then(|i| text.lines().nth(i));
                let got = source.line(n).map(|l| l.trim_end_matches('\r'));
                assert_eq!(got, expected, "line {n} of {text:?}");
            }
        }
    }

    #[test]
    fn a_long_line_ending_the_text_on_a_mark_is_cut_to_its_end() {
        // 256 characters: the end of the text is one past the last character mark.
        for line in ["x".repeat(256), "é".repeat(256)] {
            let source = Source::from_text("t.yaml".into(), line.clone());
            let at = Position {
                line: 1,
                column: 257,
            };
            let d = source.placed(Diagnostic::new(diag::YAML_SYNTAX, "t.yaml", "m"), at, 1);
            assert_eq!(
                d.source_line.as_deref(),
                Some(&line[line.len() - 200 * line.len() / 256..])
            );
            assert_eq!(d.source_cut, (56, false));
        }
    }

    proptest::proptest! {
        /// A long line is cut around the column as the character-counting cut does it.
        #[test]
        fn a_long_line_is_cut_as_counting_its_characters_cuts_it(
            before in "[a\n]{0,3}",
            line in "[aé字\u{1F600} ]{201,700}",
            after in "(\r?\n[bé]{0,300}){0,2}",
            column in 0usize..800,
        ) {
            let text = format!("{before}{line}{after}");
            let source = Source::from_text("t.yaml".into(), text.clone());
            let n = before.matches('\n').count() + 1;
            let at = Position { line: n, column };
            let got = source.placed(Diagnostic::new(diag::YAML_SYNTAX, "t.yaml", "m"), at, 1);
            let counted = Diagnostic::new(diag::YAML_SYNTAX, "t.yaml", "m")
                .at_line(Some(at), 1, text.lines().nth(n - 1));
            proptest::prop_assert_eq!(&got.source_line, &counted.source_line);
            proptest::prop_assert_eq!(got.source_cut, counted.source_cut);
        }
    }
}
