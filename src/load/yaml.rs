//! The one reading of a YAML file: saphyr-parser's event stream becomes a small tree in which
//! every key and scalar keeps its text as written (after YAML's own unescaping), its style
//! (plain, quoted, block) and its position. Everything the loaders check, and every position a
//! diagnostic names, comes from this tree: no second scan of the text, no parser wording
//! matched, and numbers are read from their text, never through a binary float.
//!
//! What these files never need is refused while reading, so that no input can make the tree
//! large: anchors and aliases (an alias repeats a subtree without repeating its text), tags
//! other than YAML's core ones, more than one document, nesting deeper than [`MAX_DEPTH`] and
//! more than [`MAX_NODES`] nodes (each some 60 bytes however short its text).

use crate::diag::Position;
use compact_str::CompactString;
use saphyr_parser::{Event, Marker, Parser, ScalarStyle, Span};
use std::borrow::Cow;

/// The longest text a [`CompactString`] holds without a heap allocation of its own.
const MAX_INLINE: usize = std::mem::size_of::<CompactString>();

/// A scalar's text as a node keeps it: in the node when short; else the parser's own string
/// where it is not much larger than the text, or a copy of the text alone (a plain scalar
/// comes with room for 128 bytes more).
fn held(text: Cow<'_, str>) -> CompactString {
    match text {
        Cow::Owned(s) if s.len() > MAX_INLINE && s.capacity() <= 2 * s.len() => {
            CompactString::from(s)
        }
        t => CompactString::new(&t),
    }
}

/// Deepest nesting of mappings and sequences accepted (a criteria set nests a few levels).
pub const MAX_DEPTH: usize = 128;

/// Most nodes (keys, values, mappings and lists, each counted) one file may hold. A set of
/// 80,000 criteria holds under 800,000, a province's a few thousand. Each node takes some
/// 100 bytes of memory however short its text (`[1,1,1,…]` is two bytes a node), so without
/// this a 16 MiB file could take gigabytes; with it, a file's tree stays within about 200 MB.
pub const MAX_NODES: usize = 1_000_000;

/// How a scalar was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    /// Unquoted: YAML resolves it to null, a boolean, a number or text.
    Plain,
    /// In single or double quotes: always text.
    Quoted,
    /// A literal (`|`) or folded (`>`) block: always text.
    Block,
}

/// One node of a document, with the position where it starts. Positions and widths are
/// held in 32 bits (a file is at most 16 MiB): a million nodes are 48 MB, not 56.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    line: u32,
    column: u32,
    /// Length in characters of the node's text on its first line (for the caret underline).
    width: u32,
    pub kind: Kind,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Kind {
    Scalar {
        /// Held in the node itself when short (a code, a number, a rate), as most are: the
        /// parser's text for a plain scalar has room for 128 bytes, which, kept, made a file
        /// of a million one-digit values take 150 MB for its texts alone.
        text: CompactString,
        style: Style,
        /// Written with `!!str`: text whatever it looks like.
        as_text: bool,
    },
    Map(Vec<(Node, Node)>),
    Seq(Vec<Node>),
}

/// A plain scalar resolved by YAML 1.2's core schema, with its text as written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scalar<'t> {
    Null,
    Bool(bool),
    /// An integer, as written (any size).
    Int(&'t str),
    /// A number with a fraction or exponent (`1.10`, `12.698`), as written: its digits are
    /// all kept, so `1.10` is not `1.1` and `0.30000000000000001` is not `0.3`.
    Float(&'t str),
    /// Text: quoted, a block, or plain text that is no number, boolean or null.
    Str(&'t str),
}

impl<'t> Scalar<'t> {
    /// The scalar's text as written (empty for an empty value).
    pub fn text(&self) -> Cow<'t, str> {
        match *self {
            Scalar::Null => Cow::Borrowed(""),
            Scalar::Bool(b) => Cow::Owned(b.to_string()),
            Scalar::Int(s) | Scalar::Float(s) | Scalar::Str(s) => Cow::Borrowed(s),
        }
    }
}

impl Node {
    fn new(at: Position, width: usize, kind: Kind) -> Node {
        // Each at most the text's length, which MAX_FILE_BYTES keeps far below u32::MAX.
        let narrow = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
        Node {
            line: narrow(at.line),
            column: narrow(at.column),
            width: narrow(width),
            kind,
        }
    }

    /// Where the node starts.
    pub fn at(&self) -> Position {
        Position {
            line: self.line as usize,
            column: self.column as usize,
        }
    }

    /// Length in characters of the node's text on its first line (for the caret underline).
    pub fn width(&self) -> usize {
        self.width as usize
    }

    /// The scalar this node holds, resolved; `None` for a mapping or a sequence.
    pub fn scalar(&self) -> Option<Scalar<'_>> {
        let Kind::Scalar {
            text,
            style,
            as_text,
        } = &self.kind
        else {
            return None;
        };
        if *style != Style::Plain || *as_text {
            return Some(Scalar::Str(text));
        }
        Some(resolve_plain(text))
    }

    /// The text of a scalar node, whatever it resolves to.
    pub fn text(&self) -> Option<&str> {
        match &self.kind {
            Kind::Scalar { text, .. } => Some(text),
            _ => None,
        }
    }

    pub fn style(&self) -> Option<Style> {
        match &self.kind {
            Kind::Scalar { style, .. } => Some(*style),
            _ => None,
        }
    }

    /// The entries of a mapping.
    pub fn entries(&self) -> Option<&[(Node, Node)]> {
        match &self.kind {
            Kind::Map(m) => Some(m),
            _ => None,
        }
    }

    /// The value under `key` in a mapping.
    pub fn get(&self, key: &str) -> Option<&Node> {
        self.get_entry(key).map(|(_, v)| v)
    }

    /// The key and value nodes of `key` in a mapping.
    pub fn get_entry(&self, key: &str) -> Option<&(Node, Node)> {
        self.entries()?
            .iter()
            .find(|(k, _)| k.text() == Some(key) && k.scalar().is_some())
    }

    /// What the node is, for messages: "a mapping", "a list", "an empty value", "text `x`".
    pub fn describe(&self) -> String {
        self.described().en
    }

    /// [`Node::describe`] in both languages.
    pub fn described(&self) -> crate::diag::Message {
        use crate::i18n::diag as say;
        match &self.kind {
            Kind::Map(_) => say::A_MAPPING.into(),
            Kind::Seq(_) => say::A_LIST.into(),
            Kind::Scalar { .. } => match self.scalar() {
                Some(Scalar::Null) => say::AN_EMPTY_VALUE.into(),
                Some(Scalar::Bool(b)) => say::the_boolean(b),
                Some(Scalar::Int(s) | Scalar::Float(s)) => say::the_number(s),
                Some(Scalar::Str(s)) => say::the_text(&shorten(s)),
                None => say::A_VALUE.into(),
            },
        }
    }

    /// The node at `path` below this one.
    pub fn find(&self, path: &[Seg]) -> Option<Found<'_>> {
        let mut node = self;
        let mut key = None;
        for seg in path {
            match (seg, &node.kind) {
                (Seg::Key(k), Kind::Map(_)) => {
                    let (kn, vn) = node.get_entry(k)?;
                    key = Some(kn);
                    node = vn;
                }
                (Seg::Index(i), Kind::Seq(items)) => {
                    node = items.get(*i)?;
                    key = None;
                }
                _ => return None,
            }
        }
        Some(Found { key, value: node })
    }
}

/// A node found by path, with the key it stands under (for a mapping entry).
#[derive(Debug, Clone, Copy)]
pub struct Found<'t> {
    pub key: Option<&'t Node>,
    pub value: &'t Node,
}

fn shorten(s: &str) -> String {
    const MAX: usize = 40;
    if s.chars().count() <= MAX {
        s.to_string()
    } else {
        let cut: String = s.chars().take(MAX).collect();
        format!("{cut}…")
    }
}

/// YAML 1.2 core schema for plain scalars.
fn resolve_plain(text: &str) -> Scalar<'_> {
    match text {
        "" | "~" | "null" | "Null" | "NULL" => return Scalar::Null,
        "true" | "True" | "TRUE" => return Scalar::Bool(true),
        "false" | "False" | "FALSE" => return Scalar::Bool(false),
        _ => {}
    }
    let b = text.as_bytes();
    let unsigned = match b[0] {
        b'-' | b'+' => &b[1..],
        _ => b,
    };
    if unsigned.is_empty() {
        return Scalar::Str(text);
    }
    if unsigned.iter().all(u8::is_ascii_digit) {
        return Scalar::Int(text);
    }
    if b.len() > 2
        && ((b.starts_with(b"0o") && b[2..].iter().all(|c| (b'0'..=b'7').contains(c)))
            || (b.starts_with(b"0x") && b[2..].iter().all(u8::is_ascii_hexdigit)))
    {
        return Scalar::Int(text);
    }
    if matches!(
        unsigned,
        b".inf" | b".Inf" | b".INF" | b".nan" | b".NaN" | b".NAN"
    ) {
        return Scalar::Float(text);
    }
    // [-+]? ( \. [0-9]+ | [0-9]+ ( \. [0-9]* )? ) ( [eE] [-+]? [0-9]+ )?
    let mut i = 0;
    let int_digits = unsigned.iter().take_while(|c| c.is_ascii_digit()).count();
    i += int_digits;
    let mut frac_digits = 0;
    if unsigned.get(i) == Some(&b'.') {
        i += 1;
        frac_digits = unsigned[i..]
            .iter()
            .take_while(|c| c.is_ascii_digit())
            .count();
        i += frac_digits;
    }
    if int_digits + frac_digits == 0 {
        return Scalar::Str(text);
    }
    if matches!(unsigned.get(i), Some(b'e' | b'E')) {
        i += 1;
        if matches!(unsigned.get(i), Some(b'-' | b'+')) {
            i += 1;
        }
        let exp = unsigned[i..]
            .iter()
            .take_while(|c| c.is_ascii_digit())
            .count();
        if exp == 0 {
            return Scalar::Str(text);
        }
        i += exp;
    }
    if i == unsigned.len() {
        Scalar::Float(text)
    } else {
        Scalar::Str(text)
    }
}

/// One step of a path into a document.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Seg {
    Key(String),
    Index(usize),
}

/// `Seg::Key` from a string slice.
pub fn key(k: &str) -> Seg {
    Seg::Key(k.to_string())
}

/// `path` extended by one key.
pub fn child(path: &[Seg], k: &str) -> Vec<Seg> {
    let mut p = path.to_vec();
    p.push(key(k));
    p
}

/// Why a text could not be read as a document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReadError {
    /// Malformed YAML: the parser's own description, at the place it names.
    Syntax {
        at: Position,
        message: String,
        /// The criterion being read where the error stands, where the part read so far tells.
        within: Option<String>,
    },
    /// Mappings and sequences nested deeper than [`MAX_DEPTH`].
    TooDeep { at: Position },
    /// More than [`MAX_NODES`] nodes: `at` is the first past the limit.
    TooMany { at: Position },
    /// An anchor (`&name`) or alias (`*name`).
    Anchor { at: Position, alias: bool },
    /// A tag other than the core schema's (`!local`, `!!binary`).
    Tag { at: Position, tag: String },
    /// A second document (`---` after the first).
    SecondDocument { at: Position },
    /// A key written twice in one mapping.
    DuplicateKey {
        at: Position,
        len: usize,
        key: String,
        first: Position,
    },
    /// A mapping key that is itself a mapping or a list.
    ComplexKey { at: Position },
    /// Nothing but comments and blank lines.
    Empty,
}

fn position(m: &Marker) -> Position {
    Position {
        line: m.line(),
        column: m.col() + 1,
    }
}

/// The name of a core-schema tag (`str`, `int`, `map`), however it is written: `!!str` or
/// verbatim `!<tag:yaml.org,2002:str>`; `None` for any other tag.
fn core_suffix(t: &saphyr_parser::Tag) -> Option<&str> {
    const CORE: &str = "tag:yaml.org,2002:";
    if t.is_yaml_core_schema() {
        return Some(&t.suffix);
    }
    // A verbatim tag: the whole URI in the handle and suffix together.
    let (handle, suffix) = (t.handle.as_str(), t.suffix.as_str());
    if handle.is_empty() {
        suffix.strip_prefix(CORE)
    } else if let Some(rest) = CORE.strip_prefix(handle) {
        suffix.strip_prefix(rest)
    } else {
        handle.strip_prefix(CORE).filter(|_| suffix.is_empty())
    }
}

fn span_len(span: &Span) -> usize {
    if span.end.line() == span.start.line() {
        span.end.index().saturating_sub(span.start.index()).max(1)
    } else {
        1
    }
}

/// An open collection: the node being built, where its entries start in the shared stack of
/// entries ([`Entries`]) and, for a mapping, a key waiting for its value.
enum Open {
    Map(Node, usize, Option<Node>),
    Seq(Node, usize),
}

/// The entries of every open collection, innermost last: a collection's entries are gathered
/// here and moved, once, into a list of their exact size when it closes, rather than each
/// list grown by doubling (a file's `values:` holds a hundred entries, moved six times over).
#[derive(Default)]
struct Entries {
    pairs: Vec<(Node, Node)>,
    items: Vec<Node>,
}

/// The criterion being read when an error stops the parse: the innermost open mapping's
/// `code:` (a criteria set), or the code key under `values:` or `scores:` (evidence).
fn within(stack: &[Open], open_pairs: &[(Node, Node)]) -> Option<String> {
    // A mapping's entries run from its start to the start of the next mapping opened in it.
    let mut end = open_pairs.len();
    for (i, open) in stack.iter().enumerate().rev() {
        let Open::Map(_, start, pending) = open else {
            continue;
        };
        let entries = &open_pairs[*start..end];
        end = *start;
        if let Some((_, code)) = entries.iter().find(|(k, _)| k.text() == Some("code")) {
            return code.text().map(str::to_string);
        }
        let parent_key = match i.checked_sub(1).map(|p| &stack[p]) {
            Some(Open::Map(_, _, Some(k))) => k.text(),
            _ => None,
        };
        if matches!(parent_key, Some("values" | "scores")) {
            let key = pending.as_ref().or(entries.last().map(|(k, _)| k));
            return key.and_then(Node::text).map(str::to_string);
        }
    }
    None
}

thread_local! {
    /// Each thread's [`Entries`], kept between files (a ranking reads thousands on each).
    static ENTRIES: std::cell::Cell<Entries> = std::cell::Cell::new(Entries::default());
}

/// Entries kept for the next file at most: one file's large table is not held for the rest.
const ENTRIES_KEPT: usize = 4096;

/// Reads one document. The whole text is parsed once; nothing of it is kept but the tree.
pub fn read(text: &str) -> Result<Node, ReadError> {
    let mut open = ENTRIES.take();
    let read = read_with(text, &mut open);
    open.pairs.clear();
    open.items.clear();
    if open.pairs.capacity() <= ENTRIES_KEPT && open.items.capacity() <= ENTRIES_KEPT {
        ENTRIES.set(open);
    }
    read
}

fn read_with(text: &str, open: &mut Entries) -> Result<Node, ReadError> {
    // Room for every node the text can hold, reserved once: a stack grown by doubling would
    // copy a large table at each step and keep every earlier copy's memory until the
    // allocator returned it (a million-entry list took twice the memory it needed). Pages
    // never written are not taken, so the room costs a small file nothing.
    let room = (text.len() / 2 + 1).min(MAX_NODES);
    open.pairs.reserve(room.saturating_sub(open.pairs.len()));
    open.items.reserve(room.saturating_sub(open.items.len()));
    let mut parser = Parser::new_from_str(text);
    let mut stack: Vec<Open> = Vec::new();
    let mut root: Option<Node> = None;
    let mut documents = 0usize;
    let mut nodes = 0usize;
    loop {
        let (event, span) = match parser.next_event() {
            None => break,
            Some(Ok(e)) => e,
            Some(Err(e)) => {
                return Err(ReadError::Syntax {
                    at: position(e.marker()),
                    message: e.info().to_string(),
                    within: within(&stack, &open.pairs),
                })
            }
        };
        let at = position(&span.start);
        let complete: Node = match event {
            Event::StreamStart | Event::Nothing | Event::DocumentEnd => continue,
            Event::StreamEnd => break,
            Event::DocumentStart(_) => {
                documents += 1;
                if documents > 1 {
                    return Err(ReadError::SecondDocument { at });
                }
                continue;
            }
            Event::Alias(_) => return Err(ReadError::Anchor { at, alias: true }),
            Event::Scalar(..) | Event::MappingStart(..) | Event::SequenceStart(..)
                if nodes >= MAX_NODES =>
            {
                return Err(ReadError::TooMany { at })
            }
            Event::Scalar(text, style, anchor, tag) => {
                nodes += 1;
                if anchor > 0 {
                    return Err(ReadError::Anchor { at, alias: false });
                }
                let as_text = match tag.as_deref().map(|t| (t, core_suffix(t))) {
                    None => false,
                    Some((_, Some("str"))) => true,
                    Some((_, Some(suffix)))
                        if !matches!(suffix, "binary" | "set" | "omap" | "pairs" | "timestamp") =>
                    {
                        false
                    }
                    Some((t, _)) => {
                        return Err(ReadError::Tag {
                            at,
                            tag: format!("{}{}", t.handle, t.suffix),
                        })
                    }
                };
                let style = match style {
                    ScalarStyle::Plain => Style::Plain,
                    ScalarStyle::SingleQuoted | ScalarStyle::DoubleQuoted => Style::Quoted,
                    _ => Style::Block,
                };
                Node::new(
                    at,
                    span_len(&span),
                    Kind::Scalar {
                        text: held(text),
                        style,
                        as_text,
                    },
                )
            }
            Event::MappingStart(anchor, ref tag) | Event::SequenceStart(anchor, ref tag) => {
                nodes += 1;
                if anchor > 0 {
                    return Err(ReadError::Anchor { at, alias: false });
                }
                if let Some(t) = tag {
                    if !matches!(core_suffix(t), Some("map" | "seq")) {
                        return Err(ReadError::Tag {
                            at,
                            tag: format!("{}{}", t.handle, t.suffix),
                        });
                    }
                }
                if stack.len() >= MAX_DEPTH {
                    return Err(ReadError::TooDeep { at });
                }
                let shell = Node::new(at, 1, Kind::Seq(Vec::new()));
                stack.push(if matches!(event, Event::MappingStart(..)) {
                    Open::Map(shell, open.pairs.len(), None)
                } else {
                    Open::Seq(shell, open.items.len())
                });
                continue;
            }
            Event::MappingEnd => match stack.pop() {
                Some(Open::Map(mut node, start, _)) => {
                    check_duplicates(&open.pairs[start..])?;
                    node.kind = Kind::Map(open.pairs.drain(start..).collect());
                    node
                }
                _ => unreachable!("the parser balances mapping events"),
            },
            Event::SequenceEnd => match stack.pop() {
                Some(Open::Seq(mut node, start)) => {
                    node.kind = Kind::Seq(open.items.drain(start..).collect());
                    node
                }
                _ => unreachable!("the parser balances sequence events"),
            },
        };
        match stack.last_mut() {
            None => root = Some(complete),
            Some(Open::Seq(..)) => open.items.push(complete),
            Some(Open::Map(_, _, pending)) => match pending.take() {
                None => {
                    if !matches!(complete.kind, Kind::Scalar { .. }) {
                        return Err(ReadError::ComplexKey { at: complete.at() });
                    }
                    *pending = Some(complete);
                }
                Some(k) => open.pairs.push((k, complete)),
            },
        }
    }
    root.ok_or(ReadError::Empty)
}

/// Mappings with more entries than this are tables of codes (see [`check_duplicates`]).
const SMALL_MAPPING: usize = 32;

/// A key written twice in one mapping is an error, as YAML says (the second would silently win).
fn check_duplicates(entries: &[(Node, Node)]) -> Result<(), ReadError> {
    let dup = |i: usize, j: usize| {
        let (k, first) = (&entries[j].0, &entries[i].0);
        ReadError::DuplicateKey {
            at: k.at(),
            len: k.width(),
            key: k.text().unwrap_or_default().to_string(),
            first: first.at(),
        }
    };
    // The mappings of keys (a file's header, a criterion, a value's map form) are small and
    // checked here. The larger ones are tables of codes (`values:`, `expect.scores`, a diff
    // map), whose readers refuse a code given twice themselves, naming the criterion (E103,
    // E302): hashing every code of ten thousand files here would only repeat that.
    if entries.len() > SMALL_MAPPING {
        return Ok(());
    }
    for j in 1..entries.len() {
        for i in 0..j {
            if entries[i].0.text() == entries[j].0.text() {
                return Err(dup(i, j));
            }
        }
    }
    Ok(())
}

/// The one writer of YAML text: a double-quoted scalar holding `s` exactly, on one line.
/// Characters YAML cannot hold as they are, or that would hide in a file (controls, line
/// breaks, bidirectional marks, invisible characters, non-characters), are escaped, so that
/// the value reads back as written and the loader still sees them (E014).
pub fn quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if c.is_control()
                || crate::diag::is_hidden(c)
                || c == '\u{FEFF}'
                || c == '\u{FFFE}'
                || c == '\u{FFFF}' =>
            {
                // YAML's \u takes four hex digits: a character beyond U+FFFF (a tag, a
                // musical format control) needs \U and eight, or it would read as another.
                if u32::from(c) > 0xFFFF {
                    out.push_str(&format!("\\U{:08X}", u32::from(c)))
                } else {
                    out.push_str(&format!("\\u{:04X}", u32::from(c)))
                }
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scalar_of(text: &str) -> Scalar<'static> {
        let node = Box::leak(Box::new(read(text).unwrap()));
        node.get("v").unwrap().scalar().unwrap()
    }

    #[test]
    fn plain_scalars_resolve_by_the_core_schema_and_keep_their_text() {
        assert_eq!(scalar_of("v: 1.10"), Scalar::Float("1.10"));
        assert_eq!(
            scalar_of("v: 1.0000000000000000000000000001"),
            Scalar::Float("1.0000000000000000000000000001")
        );
        assert_eq!(scalar_of("v: 12"), Scalar::Int("12"));
        assert_eq!(scalar_of("v: -3"), Scalar::Int("-3"));
        assert_eq!(scalar_of("v: 1e3"), Scalar::Float("1e3"));
        assert_eq!(scalar_of("v: .5"), Scalar::Float(".5"));
        assert_eq!(scalar_of("v: \"12\""), Scalar::Str("12"));
        assert_eq!(scalar_of("v: !!str 12"), Scalar::Str("12"));
        assert_eq!(scalar_of("v: yes"), Scalar::Str("yes"));
        assert_eq!(scalar_of("v: True"), Scalar::Bool(true));
        assert_eq!(scalar_of("v: ~"), Scalar::Null);
        assert_eq!(scalar_of("v:"), Scalar::Null);
        assert_eq!(scalar_of("v: 1.2.3"), Scalar::Str("1.2.3"));
        assert_eq!(scalar_of("v: 97%"), Scalar::Str("97%"));
        assert_eq!(scalar_of("v: |\n  a\n"), Scalar::Str("a\n"));
    }

    #[test]
    fn positions_are_one_based_in_characters() {
        let doc = read("a: 1\nbé: \"x\"\n").unwrap();
        let (k, v) = doc.get_entry("bé").unwrap();
        assert_eq!(k.at(), Position { line: 2, column: 1 });
        assert_eq!(v.at(), Position { line: 2, column: 5 });
        assert_eq!(v.width(), 3);
    }

    #[test]
    fn core_tags_are_read_written_either_way() {
        for text in ["a: !!str 12\n", "a: !<tag:yaml.org,2002:str> 12\n"] {
            let doc = read(text).unwrap();
            assert_eq!(
                doc.get("a").unwrap().scalar(),
                Some(Scalar::Str("12")),
                "{text}"
            );
        }
        assert!(read("a: !<tag:yaml.org,2002:map> {b: 1}\n").is_ok());
        assert!(matches!(
            read("a: !<tag:yaml.org,2002:binary> AAAA\n"),
            Err(ReadError::Tag { .. })
        ));
        assert!(matches!(
            read("a: !<tag:example.com,2000:x> 1\n"),
            Err(ReadError::Tag { .. })
        ));
    }

    #[test]
    fn a_file_of_more_nodes_than_the_limit_is_refused_at_the_first_past_it() {
        // The mapping, its key and the list are three nodes: the list holds the rest.
        let list = |n: usize| format!("v: [{}1]\n", "1,".repeat(n - 1));
        assert!(read(&list(MAX_NODES - 3)).is_ok());
        match read(&list(MAX_NODES - 2)) {
            Err(ReadError::TooMany { at }) => {
                assert_eq!(
                    at,
                    Position {
                        line: 1,
                        column: 4 + 2 * (MAX_NODES - 3) + 1
                    }
                )
            }
            other => panic!("{other:?}"),
        }
        // Short texts are held in the node, long ones as the parser gave them, whole.
        let doc = read("a: \"12345678901234567890123\"\nb: abcdefghijklmnopqrstuvwxyz\n").unwrap();
        assert_eq!(
            doc.get("a").unwrap().text(),
            Some("12345678901234567890123")
        );
        assert_eq!(
            doc.get("b").unwrap().text(),
            Some("abcdefghijklmnopqrstuvwxyz")
        );
    }

    #[test]
    fn anchors_aliases_tags_and_second_documents_are_refused() {
        assert!(matches!(
            read("a: &x 1\nb: *x\n"),
            Err(ReadError::Anchor { alias: false, .. })
        ));
        assert!(matches!(read("a: !local 1\n"), Err(ReadError::Tag { .. })));
        assert!(matches!(
            read("a: 1\n---\nb: 2\n"),
            Err(ReadError::SecondDocument { .. })
        ));
        assert!(matches!(
            read("a: 1\na: 2\n"),
            Err(ReadError::DuplicateKey { .. })
        ));
        assert!(matches!(read("# nothing\n"), Err(ReadError::Empty)));
    }

    #[test]
    fn nesting_is_bounded() {
        let deep = "[".repeat(MAX_DEPTH + 1);
        assert!(matches!(read(&deep), Err(ReadError::TooDeep { .. })));
        let ok = format!("{}{}", "[".repeat(10), "]".repeat(10));
        assert!(read(&ok).is_ok());
    }

    #[test]
    fn paths_find_keys_and_items() {
        let doc = read("s:\n  - code: \"1\"\n    max: 2\n").unwrap();
        let f = doc
            .find(&[key("s"), Seg::Index(0), key("max")])
            .expect("found");
        assert_eq!(f.value.text(), Some("2"));
        assert_eq!(f.key.unwrap().at(), Position { line: 3, column: 5 });
    }
}
