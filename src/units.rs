//! The units file: the list of units (sở, ban, ngành; xã, phường) an office runs the index
//! for, as an office keeps it — one name a line, or a CSV table with a name column and
//! optional code and group columns.
//!
//! It is what forms are written for (`template --units`) and what returned forms are matched
//! against (`rank --units`, `check --units`). A unit's name is matched by [`unit_key`] (NFC,
//! case and spaces ignored), the same key that finds a unit ranked twice (E215); its form's
//! file name is [`form_stem`]: ASCII, safe on Linux and Windows alike.

use crate::diag::{self, Diagnostic, Diagnostics, Message, Position};
use crate::i18n::units as words;
use crate::load::Source;
use std::collections::HashMap;
use std::path::Path;

/// One unit on the list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unit {
    /// The name as written (trimmed, in NFC): what its form's `unit:` says.
    pub name: String,
    /// The unit's code (mã đơn vị), where the file has a code column.
    pub code: Option<String>,
    /// The kind of unit (Sở, ban, ngành; Xã, phường), where the file has a group column: each
    /// group is ranked in its own table.
    pub group: Option<String>,
    /// Where the name is in the units file.
    pub at: Position,
}

/// The units file, read.
#[derive(Debug, Clone)]
pub struct UnitList {
    /// The file as the user named it.
    pub file: String,
    /// The units in the file's order.
    pub units: Vec<Unit>,
    /// The file's text, to quote a unit's line in a diagnostic.
    text: String,
    /// Unit index by [`unit_key`].
    index: HashMap<String, usize>,
    /// Each unit's line of the file (its first [`diag::MAX_KEPT`] characters), to quote.
    lines: Vec<String>,
    /// Unit index by code (as written, NFC): a code is one unit's.
    codes: HashMap<String, usize>,
    /// Each group by [`unit_key`]: its first spelling, and the units that spell it otherwise
    /// (one W703 per spelling, after reading).
    group_spellings: HashMap<String, String>,
    other_spellings: Vec<(String, Vec<usize>)>,
}

/// Names longer than this (in characters) are refused: no unit's name is a paragraph, and a
/// form's file name is cut from it.
pub const MAX_NAME_CHARS: usize = 200;

/// A form's file name (without the extension) is at most this many bytes: short enough for
/// Windows paths and e-mail attachments.
pub const MAX_STEM_BYTES: usize = 80;

/// A unit's name as compared for matching and for duplicates: NFC, lower case, spaces
/// collapsed, the tone of `oa`, `oe` and `uy` where the new spelling puts it; one pass and
/// one allocation for a name in ASCII (ten thousand names are keyed on `rank`'s workers).
/// Accents typed composed or decomposed, case, spacing and the tone's place (`Hòa`/`Hoà`,
/// `Thủy`/`Thuỷ`, `Qúy`/`Quý`: a keyboard setting) do not make a second unit (invisible
/// characters are refused on loading).
pub fn unit_key(unit: &str) -> String {
    let key = spelled_key(unit);
    if key.is_ascii() {
        key
    } else {
        new_tone_place(&key)
    }
}

/// The tone mark (grave, acute, tilde, hook above, dot below) of `oa`, `oe` and `uy` put on
/// their second vowel, where the new spelling puts it: the old one writes `hòa`, `thủy`, `qúy`
/// for `hoà`, `thuỷ`, `quý`, and only which of the two vowels carries the tone differs. Any
/// other place of a tone stays as written (`EaHò` and `ÈaHo` are two names).
fn new_tone_place(key: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    const TONES: [char; 5] = ['\u{300}', '\u{301}', '\u{303}', '\u{309}', '\u{323}'];
    let chars: Vec<char> = key.nfd().collect();
    let mut out: Vec<char> = Vec::with_capacity(chars.len());
    let mut k = 0;
    while k < chars.len() {
        let c = chars[k];
        match (chars.get(k + 1), chars.get(k + 2)) {
            (Some(&tone), Some(&second))
                if TONES.contains(&tone)
                    && matches!((c, second), ('o', 'a') | ('o', 'e') | ('u', 'y')) =>
            {
                out.extend([c, second, tone]);
                k += 3;
            }
            _ => {
                out.push(c);
                k += 1;
            }
        }
    }
    out.into_iter().nfc().collect()
}

/// [`unit_key`] but for the tone's place.
fn spelled_key(unit: &str) -> String {
    use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};
    let mut out = String::with_capacity(unit.len());
    let mut space = false;
    let mut push = |c: char| {
        if c.is_whitespace() {
            space = !out.is_empty();
        } else {
            if std::mem::take(&mut space) {
                out.push(' ');
            }
            out.extend(c.to_lowercase());
        }
    };
    if is_nfc_quick(unit.chars()) == IsNormalized::Yes {
        unit.chars().for_each(&mut push);
    } else {
        unit.nfc().for_each(&mut push);
    }
    out
}

/// `s` in lower-case ASCII letters and digits, Vietnamese accents taken off (`Đắk` → `dak`),
/// every other run of characters one `-`: `UBND xã Đắk R'Moan` → `ubnd-xa-dak-r-moan`.
pub fn fold(s: &str) -> String {
    use unicode_normalization::char::is_combining_mark;
    use unicode_normalization::UnicodeNormalization;
    let mut out = String::with_capacity(s.len());
    let mut gap = false;
    for c in s.nfd() {
        if is_combining_mark(c) {
            continue;
        }
        let c = match c {
            'đ' | 'Đ' => 'd',
            c => c.to_ascii_lowercase(),
        };
        if c.is_ascii_alphanumeric() {
            if std::mem::take(&mut gap) {
                out.push('-');
            }
            out.push(c);
        } else {
            gap = !out.is_empty();
        }
    }
    out
}

/// Device names Windows reserves whatever the extension (`con.yaml` cannot be created).
const WINDOWS_RESERVED: &[&str] = &[
    "con", "prn", "aux", "nul", "com1", "com2", "com3", "com4", "com5", "com6", "com7", "com8",
    "com9", "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9",
];

/// The file name (without extension) of a unit's form: its code, if any, and its name folded
/// to ASCII ([`fold`]), at most [`MAX_STEM_BYTES`], never a name Windows reserves. Lower case
/// only, so two names that differ in case collide here (as they would on Windows and macOS)
/// and are caught before anything is written. Empty when nothing of the name is left.
pub fn form_stem(name: &str, code: Option<&str>) -> String {
    let name = fold(name);
    let mut stem = match code.map(fold).filter(|c| !c.is_empty()) {
        Some(code) if !name.is_empty() => format!("{code}-{name}"),
        Some(code) => code,
        None => name,
    };
    if stem.len() > MAX_STEM_BYTES {
        // ASCII: any byte is a boundary. Cut at a word where there is one.
        stem.truncate(MAX_STEM_BYTES);
        if let Some(i) = stem.rfind('-').filter(|&i| i > MAX_STEM_BYTES / 2) {
            stem.truncate(i);
        }
        let kept = stem.trim_end_matches('-').len();
        stem.truncate(kept);
    }
    if WINDOWS_RESERVED.contains(&stem.as_str()) {
        stem.push_str("-unit");
    }
    stem
}

/// A units file stops being read after this many problems: a file of a million bad lines
/// is named by its first hundred, never printed whole.
pub const MAX_PROBLEMS: usize = 100;

/// A diagnostic at `at` in `file`, quoting `line` (the text of line `at.line`): placed from
/// the one line rather than by searching the whole file for it, once per unit.
fn placed(
    file: &str,
    check: diag::Check,
    message: Message,
    at: Position,
    span: usize,
    line: &str,
) -> Diagnostic {
    let mut d = Diagnostic::new(check, file, message).at(
        Some(Position {
            line: 1,
            column: at.column,
        }),
        span,
        line,
    );
    d.position = Some(at);
    d
}

/// Which column of a CSV units file a header names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Column {
    Name,
    Code,
    Group,
    /// A column offices keep beside the names (the row number, notes): not read, and not
    /// worth a warning.
    Kept,
}

/// A header cell, folded ([`fold`]): English and Vietnamese, with or without accents.
fn column_of(header: &str) -> Option<Column> {
    match fold(header).as_str() {
        "name" | "unit" | "unit-name" | "ten" | "ten-don-vi" | "don-vi" | "co-quan"
        | "ten-co-quan" | "ten-co-quan-don-vi" => Some(Column::Name),
        "code" | "unit-code" | "ma" | "ma-don-vi" | "ma-so" | "ma-dinh-danh" => Some(Column::Code),
        "group" | "kind" | "nhom" | "loai" | "khoi" | "nhom-don-vi" | "loai-don-vi" => {
            Some(Column::Group)
        }
        "" | "stt" | "tt" | "so-thu-tu" | "no" | "number" | "ghi-chu" | "note" | "notes" => {
            Some(Column::Kept)
        }
        _ => None,
    }
}

/// The cells of the first line read as CSV with `delimiter`.
fn header_cells(line: &str, delimiter: u8) -> Vec<String> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .delimiter(delimiter)
        .flexible(true)
        .from_reader(line.as_bytes());
    let mut record = csv::StringRecord::new();
    match reader.read_record(&mut record) {
        Ok(true) => record.iter().map(str::to_string).collect(),
        _ => Vec::new(),
    }
}

/// The delimiter under which the first line names a name column (`,` from most programs,
/// `;` from Excel set to Vietnamese, where `,` is the decimal mark; tab from a pasted sheet).
fn csv_delimiter(first_line: &str) -> Option<u8> {
    [b',', b';', b'\t'].into_iter().find(|&d| {
        header_cells(first_line, d)
            .iter()
            .any(|h| column_of(h) == Some(Column::Name))
    })
}

/// The 1-based column (in characters) where `cell` starts on `line`, or 1.
fn column_in(line: &str, cell: &str) -> usize {
    if cell.is_empty() {
        return 1;
    }
    line.find(cell).map_or(1, |b| line[..b].chars().count() + 1)
}

impl UnitList {
    /// Reads a units file: at most [`crate::load::MAX_FILE_BYTES`], UTF-8, a BOM dropped.
    /// Warnings (an unknown column, ignored) come back beside the list; any error fails it.
    pub fn read(path: &Path) -> Result<(UnitList, Vec<Diagnostic>), Diagnostics> {
        let source = Source::read(path)?;
        let is_csv = path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("csv"));
        UnitList::parse(source.name, source.text, is_csv)
    }

    /// Reads the text of a units file named `file`. It is a CSV table when its first line
    /// names a name column (or `is_csv`, from a `.csv` name, says it must be); otherwise one
    /// name a line, blank lines and lines starting with `#` skipped.
    pub fn parse(
        file: String,
        text: String,
        is_csv: bool,
    ) -> Result<(UnitList, Vec<Diagnostic>), Diagnostics> {
        // Excel's "CSV UTF-8" starts with a byte-order mark.
        let text = match text.strip_prefix('\u{feff}') {
            Some(rest) => rest.to_string(),
            None => text,
        };
        let mut list = UnitList {
            file,
            units: Vec::new(),
            text,
            index: HashMap::new(),
            lines: Vec::new(),
            codes: HashMap::new(),
            group_spellings: HashMap::new(),
            other_spellings: Vec::new(),
        };
        let mut found = Vec::new();
        let first = list
            .text
            .lines()
            .enumerate()
            .find(|(_, l)| !l.trim().is_empty());
        match first.and_then(|(n, l)| csv_delimiter(l).map(|d| (n, d))) {
            Some((skip, delimiter)) => list.read_csv(skip, delimiter, &mut found),
            None if is_csv => {
                let d = match first {
                    Some((n, l)) => {
                        let at = Position {
                            line: n + 1,
                            column: 1,
                        };
                        let span = l.chars().count();
                        let message = words::NO_NAME_COLUMN.into();
                        placed(&list.file, diag::UNITS_NO_NAME_COLUMN, message, at, span, l)
                    }
                    None => Diagnostic::new(
                        diag::UNITS_NO_NAME_COLUMN,
                        &list.file,
                        words::NO_NAME_COLUMN,
                    ),
                }
                .help(words::NO_NAME_COLUMN_HELP);
                found.push(d);
            }
            None => list.read_lines(&mut found),
        }
        if list.units.is_empty() && !found.iter().any(Diagnostic::is_error) {
            found.push(
                Diagnostic::new(diag::UNITS_EMPTY, &list.file, words::NO_UNITS)
                    .help(words::NO_UNITS_HELP),
            );
        }
        list.check_file_names(&mut found);
        list.group_spelling_warnings(&mut found);
        // The text was needed to read the names; each unit's line is kept.
        list.text = String::new();
        if found.iter().any(Diagnostic::is_error) {
            return Err(Diagnostics(found));
        }
        Ok((list, found))
    }

    /// One name a line.
    fn read_lines(&mut self, found: &mut Vec<Diagnostic>) {
        let text = std::mem::take(&mut self.text);
        for (n, line) in text.lines().enumerate() {
            if found.len() >= MAX_PROBLEMS {
                break;
            }
            let name = line.trim();
            if name.is_empty() || name.starts_with('#') {
                continue;
            }
            let at = Position {
                line: n + 1,
                column: column_in(line, name),
            };
            self.add(name, None, None, at, line, found);
        }
        self.text = text;
    }

    /// A CSV table whose header is on line `skip + 1`.
    fn read_csv(&mut self, skip: usize, delimiter: u8, found: &mut Vec<Diagnostic>) {
        let text = std::mem::take(&mut self.text);
        let lines: Vec<&str> = text.lines().collect();
        let body_start = text
            .split_inclusive('\n')
            .take(skip)
            .map(str::len)
            .sum::<usize>();
        let body = &text[body_start..];
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(true)
            .delimiter(delimiter)
            .flexible(true)
            .from_reader(body.as_bytes());
        let headers: Vec<String> = match reader.headers() {
            Ok(h) => h.iter().map(str::to_string).collect(),
            Err(_) => Vec::new(),
        };
        let header_line = lines.get(skip).copied().unwrap_or("");
        let mut columns: Vec<Option<Column>> = Vec::with_capacity(headers.len());
        let mut taken: Vec<Column> = Vec::with_capacity(3);
        for h in &headers {
            // The first column of a kind counts; a second would be a second opinion.
            let known = column_of(h);
            let column = known.filter(|c| *c != Column::Kept && !taken.contains(c));
            taken.extend(column);
            if known.is_none() && found.len() < MAX_PROBLEMS {
                let at = Position {
                    line: skip + 1,
                    column: column_in(header_line, h),
                };
                found.push(
                    placed(
                        &self.file,
                        diag::UNITS_UNKNOWN_COLUMN,
                        words::unknown_column(h),
                        at,
                        h.chars().count(),
                        header_line,
                    )
                    .help(words::UNKNOWN_COLUMN_HELP),
                );
            }
            columns.push(column);
        }
        let index_of = |want: Column| columns.iter().position(|c| *c == Some(want));
        let (name_at, code_at, group_at) = (
            index_of(Column::Name),
            index_of(Column::Code),
            index_of(Column::Group),
        );
        let cell = |record: &csv::StringRecord, at: Option<usize>| {
            at.and_then(|i| record.get(i)).map(|s| s.trim().to_string())
        };
        // Lines counted from byte offsets, going forward only (records come in order): after a
        // CRLF the reader's own line count runs one behind and its offset is at the `\n`
        // (csv 1.4), and Excel writes CRLF. A record never starts with a line end (blank lines
        // are skipped), so line ends there are passed over.
        let (mut seen_byte, mut seen_line) = (0usize, skip + 1);
        let mut line_at = |byte: u64| {
            let mut byte = (byte as usize).min(body.len());
            while matches!(body.as_bytes().get(byte), Some(b'\r' | b'\n')) {
                byte += 1;
            }
            if byte > seen_byte {
                seen_line += body.as_bytes()[seen_byte..byte]
                    .iter()
                    .filter(|&&b| b == b'\n')
                    .count();
                seen_byte = byte;
            }
            seen_line
        };
        let mut record = csv::StringRecord::new();
        while found.len() < MAX_PROBLEMS {
            match reader.read_record(&mut record) {
                Ok(false) => break,
                Ok(true) => {}
                Err(e) => {
                    let byte = e.position().map_or(reader.position().byte(), |p| p.byte());
                    let line = line_at(byte);
                    let line_text = lines.get(line - 1).copied().unwrap_or("");
                    let at = Position { line, column: 1 };
                    found.push(placed(
                        &self.file,
                        diag::UNITS_BAD_ROW,
                        words::unreadable_row(),
                        at,
                        1,
                        line_text,
                    ));
                    break;
                }
            }
            let byte = record
                .position()
                .map_or(reader.position().byte(), |p| p.byte());
            let line = line_at(byte);
            if record.iter().all(|c| c.trim().is_empty()) {
                continue;
            }
            let line_text = lines.get(line - 1).copied().unwrap_or("");
            // A quote left open swallows the rest of the file into one cell: no unit's name,
            // code or group holds a line break, and the reader stops at the end of the file.
            let at_end = reader.position().byte() as usize >= body.len();
            if at_end && record.iter().any(|c| c.contains(['\n', '\r'])) {
                let column = line_text
                    .find('"')
                    .map_or(1, |b| line_text[..b].chars().count() + 1);
                let at = Position { line, column };
                found.push(
                    placed(
                        &self.file,
                        diag::UNITS_OPEN_QUOTE,
                        words::OPEN_QUOTE.into(),
                        at,
                        1,
                        line_text,
                    )
                    .help(words::OPEN_QUOTE_HELP),
                );
                break;
            }
            if record.len() > headers.len() {
                let at = Position { line, column: 1 };
                found.push(
                    placed(
                        &self.file,
                        diag::UNITS_BAD_ROW,
                        words::too_many_cells(record.len(), headers.len()),
                        at,
                        line_text.chars().count(),
                        line_text,
                    )
                    .help(words::TOO_MANY_CELLS_HELP),
                );
                continue;
            }
            let name = cell(&record, name_at).unwrap_or_default();
            let code = cell(&record, code_at).filter(|c| !c.is_empty());
            let group = cell(&record, group_at).filter(|g| !g.is_empty());
            let at = Position {
                line,
                column: column_in(line_text, &name),
            };
            self.add(&name, code, group, at, line_text, found);
        }
        drop(lines);
        self.text = text;
    }

    /// Adds one unit after checking its name; `line` is its line of the file.
    #[allow(clippy::too_many_arguments)]
    fn add(
        &mut self,
        name: &str,
        code: Option<String>,
        group: Option<String>,
        at: Position,
        line: &str,
        found: &mut Vec<Diagnostic>,
    ) {
        use unicode_normalization::UnicodeNormalization;
        let span = name.chars().count();
        let here = |check, message: Message| placed(&self.file, check, message, at, span, line);
        if name.is_empty() {
            found.push(
                here(diag::UNITS_EMPTY_NAME, words::EMPTY_NAME.into()).help(words::EMPTY_NAME_HELP),
            );
            return;
        }
        if let Some(c) = [
            name,
            code.as_deref().unwrap_or(""),
            group.as_deref().unwrap_or(""),
        ]
        .iter()
        .flat_map(|s| s.chars())
        .find(|&c| diag::is_hidden(c))
        {
            found.push(
                here(diag::HIDDEN_CHAR, words::hidden_char(&diag::char_name(c)))
                    .help(words::HIDDEN_CHAR_HELP),
            );
            return;
        }
        if span > MAX_NAME_CHARS {
            found.push(
                here(
                    diag::UNITS_LONG_NAME,
                    words::long_name(span, MAX_NAME_CHARS),
                )
                .help(words::LONG_NAME_HELP),
            );
            return;
        }
        let key = unit_key(name);
        if let Some(&first) = self.index.get(&key) {
            let other = &self.units[first];
            found.push(
                here(
                    diag::UNITS_DUPLICATE,
                    words::duplicate(name, &other.name, other.at.line),
                )
                .help(words::DUPLICATE_HELP),
            );
            return;
        }
        let nfc = |s: &str| s.nfc().collect::<String>();
        let code = code.as_deref().map(nfc);
        if let Some(code) = &code {
            if let Some(&first) = self.codes.get(code) {
                let other = &self.units[first];
                found.push(
                    here(
                        diag::UNITS_DUPLICATE_CODE,
                        words::duplicate_code(code, &other.name, other.at.line),
                    )
                    .help(words::DUPLICATE_CODE_HELP),
                );
                return;
            }
            self.codes.insert(code.clone(), self.units.len());
        }
        self.index.insert(key, self.units.len());
        // A group is its first spelling: `xã,  phường` further down is the same group.
        let group = group.as_deref().map(|g| {
            let written = collapse_spaces(&nfc(g));
            let first = self
                .group_spellings
                .entry(unit_key(&written))
                .or_insert_with(|| written.clone());
            if *first != written {
                match self.other_spellings.iter_mut().find(|(s, _)| *s == written) {
                    Some((_, units)) => units.push(self.units.len()),
                    None => self
                        .other_spellings
                        .push((written.clone(), vec![self.units.len()])),
                }
            }
            first.clone()
        });
        self.units.push(Unit {
            name: nfc(name),
            code,
            group,
            at,
        });
        // Kept for quoting the line later; a long line only around the name.
        self.lines.push(line.chars().take(diag::MAX_KEPT).collect());
    }

    /// Every unit gets a file name of its own: none empty, no two alike.
    fn check_file_names(&self, found: &mut Vec<Diagnostic>) {
        let mut by_stem: HashMap<String, usize> = HashMap::new();
        for (i, u) in self.units.iter().enumerate() {
            let stem = form_stem(&u.name, u.code.as_deref());
            if stem.is_empty() {
                found.push(
                    self.at(diag::UNITS_NO_FILE_NAME, i, words::no_file_name(&u.name))
                        .help(words::NO_FILE_NAME_HELP),
                );
                continue;
            }
            if let Some(&j) = by_stem.get(&stem) {
                let other = &self.units[j];
                found.push(
                    self.at(
                        diag::UNITS_FILE_NAME_CLASH,
                        i,
                        words::file_name_clash(&u.name, &other.name, other.at.line, &stem),
                    )
                    .help(words::FILE_NAME_CLASH_HELP),
                );
                continue;
            }
            by_stem.insert(stem, i);
        }
    }

    /// One W703 per other spelling of a group, at its first unit, naming its lines.
    fn group_spelling_warnings(&mut self, found: &mut Vec<Diagnostic>) {
        for (written, units) in std::mem::take(&mut self.other_spellings) {
            let first = &self.units[units[0]];
            let group = first.group.clone().unwrap_or_default();
            let first_line = self
                .units
                .iter()
                .find(|u| u.group.as_deref() == Some(group.as_str()))
                .map_or(0, |u| u.at.line);
            let lines: Vec<usize> = units.iter().map(|&u| self.units[u].at.line).collect();
            found.push(
                self.at(
                    diag::GROUP_SPELLINGS,
                    units[0],
                    words::group_spelling(&written, &lines, &group, first_line),
                )
                .help(words::GROUP_SPELLING_HELP),
            );
        }
    }

    /// A diagnostic placed at the name of unit `i` in the units file.
    pub fn at(&self, check: diag::Check, i: usize, message: Message) -> Diagnostic {
        let unit = &self.units[i];
        let line = self.lines.get(i).map_or("", String::as_str);
        placed(
            &self.file,
            check,
            message,
            unit.at,
            unit.name.chars().count(),
            line,
        )
    }

    /// The unit a form's `unit:` names, matched by [`unit_key`].
    pub fn find(&self, name: &str) -> Option<usize> {
        self.index.get(&unit_key(name)).copied()
    }

    /// Whether the file gives any unit a group.
    pub fn has_groups(&self) -> bool {
        self.units.iter().any(|u| u.group.is_some())
    }

    /// The groups in the order the file first names them.
    pub fn groups(&self) -> Vec<&str> {
        let mut seen = std::collections::HashSet::new();
        self.units
            .iter()
            .filter_map(|u| u.group.as_deref())
            .filter(|g| seen.insert(*g))
            .collect()
    }

    /// The name on the list closest to `name`, for a form that names an unknown unit.
    pub fn nearest(&self, name: &str) -> Option<&str> {
        diag::suggest(name, self.units.iter().map(|u| u.name.as_str()))
    }
}

/// A group's name as written, spaces trimmed and collapsed: `Xã,  phường ` and `Xã, phường`
/// are one group.
fn collapse_spaces(group: &str) -> String {
    group.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str, csv: bool) -> Result<(UnitList, Vec<Diagnostic>), Diagnostics> {
        UnitList::parse("units.csv".into(), text.into(), csv)
    }

    fn codes(r: Result<(UnitList, Vec<Diagnostic>), Diagnostics>) -> Vec<&'static str> {
        match r {
            Ok((_, w)) => w.iter().map(|d| d.check.code).collect(),
            Err(d) => d.0.iter().map(|d| d.check.code).collect(),
        }
    }

    #[test]
    fn the_tones_place_old_or_new_makes_one_unit() {
        for (a, b) in [
            ("UBND xã Hòa Bình", "UBND xã Hoà Bình"),
            ("Phường Thủy Xuân", "Phường Thuỷ Xuân"),
            ("Xã Qúy Lộc", "Xã Quý Lộc"),
            ("Xã Khánh Hòa", "XÃ KHÁNH  HOÀ"),
            ("Xã Hòa", "Xa\u{0303} Hoa\u{0300}"),
        ] {
            assert_eq!(unit_key(a), unit_key(b), "{a} / {b}");
        }
        // The tone itself, and the marks that make other letters, still tell names apart.
        for (a, b) in [
            ("Xã Hòa", "Xã Hóa"),
            ("Xã Hòa", "Xã Hoa"),
            ("Xã Tân", "Xã Tăn"),
            ("Xã Mơ", "Xã Mo"),
            ("Xã Hòa An", "Xã Hoa Àn"),
            ("Xã EaHò", "Xã ÈaHo"),
            ("Xã Tà2Xa", "Xã Ta2Xà"),
        ] {
            assert_ne!(unit_key(a), unit_key(b), "{a} / {b}");
        }
        assert_eq!(unit_key("  UBND  Xã 5 "), "ubnd xã 5");
    }

    #[test]
    fn folding_takes_off_accents_and_joins_words() {
        assert_eq!(fold("UBND xã Đắk R'Moan"), "ubnd-xa-dak-r-moan");
        assert_eq!(fold("  Sở Nội vụ  "), "so-noi-vu");
        assert_eq!(fold("../../etc/passwd"), "etc-passwd");
        assert_eq!(fold("a\\b/c:d*e?f\"g<h>i|j"), "a-b-c-d-e-f-g-h-i-j");
        assert_eq!(fold("Trailing dots..."), "trailing-dots");
    }

    #[test]
    fn file_names_are_safe_on_linux_and_windows() {
        assert_eq!(form_stem("CON", None), "con-unit");
        assert_eq!(form_stem("nul.", None), "nul-unit");
        assert_eq!(form_stem("Lpt1", None), "lpt1-unit");
        assert_eq!(form_stem("..", None), "");
        assert_eq!(form_stem("/", None), "");
        assert_eq!(form_stem("Xã Ea Pô", Some("24.01")), "24-01-xa-ea-po");
        let long = form_stem(&"Phòng Văn hoá và Thông tin ".repeat(10), None);
        assert!(
            long.len() <= MAX_STEM_BYTES && !long.ends_with('-'),
            "{long}"
        );
        // Composed and decomposed accents give one file name.
        assert_eq!(
            form_stem("Xã Nâm N'Jang", None),
            form_stem("Xa\u{0303} Na\u{0302}m N'Jang", None)
        );
    }

    #[test]
    fn one_name_a_line_with_bom_crlf_blank_lines_and_comments() {
        let (list, warnings) = parse(
            "\u{feff}# Đơn vị năm 2025\r\nSở Nội vụ\r\n\r\n  Sở Tài chính  \r\n",
            false,
        )
        .unwrap();
        assert!(warnings.is_empty());
        let names: Vec<&str> = list.units.iter().map(|u| u.name.as_str()).collect();
        assert_eq!(names, ["Sở Nội vụ", "Sở Tài chính"]);
        assert_eq!(list.units[1].at, Position { line: 4, column: 3 });
        assert!(!list.has_groups());
    }

    #[test]
    fn csv_with_vietnamese_headers_semicolons_and_quotes() {
        let (list, warnings) = parse(
            "STT;Tên đơn vị;Mã;Nhóm\r\n1;\"UBND xã Đắk Ha; huyện Đắk Glong\";X01;Xã, phường\r\n2;Sở Y tế;S02;Sở, ban, ngành\r\n",
            true,
        )
        .unwrap();
        // `STT` numbers the rows: not read, and no warning.
        assert!(warnings.is_empty(), "{warnings:?}");
        assert_eq!(list.units[0].name, "UBND xã Đắk Ha; huyện Đắk Glong");
        assert_eq!(list.units[0].code.as_deref(), Some("X01"));
        assert_eq!(list.units[1].group.as_deref(), Some("Sở, ban, ngành"));
        assert_eq!(list.groups(), ["Xã, phường", "Sở, ban, ngành"]);
        assert_eq!(list.units[1].at, Position { line: 3, column: 3 });
    }

    #[test]
    fn names_that_differ_only_by_normalisation_case_or_spaces_are_one_unit() {
        let text = "name\nXã Nâm N'Jang\nXa\u{0303} Na\u{0302}m  n'jang\n";
        let err = parse(text, true).unwrap_err();
        assert_eq!(err.0.len(), 1);
        assert_eq!(err.0[0].check, diag::UNITS_DUPLICATE);
        assert_eq!(err.0[0].position.unwrap().line, 3);
        assert!(err.0[0].message.contains("line 2"), "{}", err.0[0].message);
    }

    #[test]
    fn each_bad_name_is_named_with_its_line() {
        assert_eq!(codes(parse("name,group\n,Xã\n", true)), ["E702"]);
        assert_eq!(codes(parse(&"x".repeat(201), false)), ["E704"]);
        assert_eq!(codes(parse("Sở A\u{202E}B\n", false)), ["E014"]);
        assert_eq!(codes(parse("Sở A\u{7}\n", false)), ["E014"]);
        assert_eq!(codes(parse("...\n", false)), ["E706"]);
        assert_eq!(codes(parse("Xã Ea Pô\nXã Ea Po\n", false)), ["E705"]);
        assert_eq!(codes(parse("Sở/Nội vụ\nSở Nội vụ\n", false)), ["E705"]);
        assert_eq!(codes(parse("ma,nhom\n1,Xã\n", true)), ["E701"]);
        assert_eq!(codes(parse("\n\n", false)), ["E709"]);
        assert_eq!(codes(parse("name\n\"Sở A, B\",x\n", true)), ["E707"]);
    }

    #[test]
    fn a_code_is_one_units() {
        let err = parse(
            "Mã,Tên đơn vị\nX01,UBND xã Đắk Ha\nX01,UBND xã Khác\n",
            true,
        )
        .unwrap_err();
        assert_eq!(err.0.len(), 1);
        assert_eq!(err.0[0].check, diag::UNITS_DUPLICATE_CODE);
        assert_eq!(err.0[0].position.unwrap().line, 3);
        assert!(err.0[0].message.contains("line 2"), "{}", err.0[0].message);
    }

    #[test]
    fn a_quote_left_open_is_named_at_its_line() {
        for text in [
            "Tên đơn vị,Nhóm\n\"Sở Y tế,A\nSở Nội vụ,A\n",
            "Tên đơn vị,Nhóm\nx,\"yyyy\n\n",
            "Tên đơn vị,Nhóm\nSở A,A\nSở B,\"A\n",
        ] {
            let err = parse(text, true).unwrap_err();
            assert_eq!(err.0[0].check, diag::UNITS_OPEN_QUOTE, "{text}");
            let at = err.0[0].position.unwrap();
            assert_eq!(
                at.line,
                text.lines().position(|l| l.contains('"')).unwrap() + 1
            );
        }
        // A quoted name with a comma is not an open quote.
        assert!(parse("Tên đơn vị,Nhóm\n\"Sở A, B\",A\n", true).is_ok());
    }

    #[test]
    fn a_group_is_its_first_spelling_and_others_are_named() {
        let (list, warnings) = parse(
            "name,group\nXã A,\"Xã, phường\"\nSở B,Sở\nXã C,\"xã,  phường\"\nXã D,\"XÃ, PHƯỜNG\"\nXã E,\"xã,  phường\"\n",
            true,
        )
        .unwrap();
        assert_eq!(list.groups(), ["Xã, phường", "Sở"]);
        assert!(list
            .units
            .iter()
            .all(|u| u.group.as_deref() != Some("xã, phường")));
        let w: Vec<(&str, usize)> = warnings
            .iter()
            .map(|d| (d.check.code, d.position.unwrap().line))
            .collect();
        assert_eq!(w, [("W703", 4), ("W703", 5)]);
        assert!(
            warnings[0].message.contains("4, 6"),
            "{}",
            warnings[0].message
        );
        assert!(
            warnings[0].message.contains("line 2"),
            "{}",
            warnings[0].message
        );
    }

    #[test]
    fn codes_tell_apart_names_that_fold_alike() {
        let (list, _) = parse("name,code\nXã Ea Pô,01\nXã Ea Po,02\n", true).unwrap();
        assert_eq!(list.units.len(), 2);
        assert_eq!(list.find("XÃ EA PÔ"), Some(0));
        assert_eq!(list.find("Xã Ea Pơ"), None);
    }
}
