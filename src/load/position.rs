//! A position index: where each key and value of a YAML document stands in its text.
//!
//! The YAML parser reports a line and column for syntax and type errors, but gives no
//! positions for values after a successful parse. Diagnostics about a value (a rate over 100%,
//! a duplicate code, a parent whose max is not its children's sum) still need its line, so this
//! module scans the same text once more, on demand, and records for each path (`sections[0]`,
//! `values."3.4.1".appraised`) the line and column of its key and value and the value's raw
//! text. It understands the block style these files are written in, plus one-line flow
//! mappings and sequences (`{ value: 2, appraised: 0 }`); a path it cannot place simply has no
//! position, and the diagnostic names the file and the criterion without a line.
//!
//! It is only built when a diagnostic needs a position, so a clean file pays nothing for it.

use std::collections::HashMap;

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

/// Where one value stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Spot {
    /// 1-based line of the key (or of the `- ` of a sequence item).
    pub line: usize,
    /// 1-based column of the key, for a mapping entry.
    pub key_column: Option<usize>,
    /// 1-based line and column where the value starts.
    pub value_line: usize,
    pub value_column: usize,
    /// The value's raw text as written, for a scalar on the same line (quotes kept).
    pub raw: Option<String>,
    /// Whether the key was quoted (`"1.6":` rather than `1.6:`).
    pub key_quoted: bool,
}

/// A path, interned: a node whose parent chain spells it. Interning keeps the scan linear
/// however deep a document nests (a path is never copied or hashed whole).
type Id = usize;
const ROOT: Id = 0;

/// Deepest flow nesting indexed (the parser's own limit is 128).
const MAX_FLOW_DEPTH: usize = 256;

#[derive(Debug)]
struct Node {
    parent: Id,
    seg: Option<Seg>,
    depth: usize,
    spot: Option<Spot>,
}

#[derive(Debug)]
pub struct PositionIndex {
    nodes: Vec<Node>,
    lookup: HashMap<(Id, Seg), Id>,
    /// Recorded paths in the order they appear in the text.
    order: Vec<Id>,
}

impl Default for PositionIndex {
    fn default() -> Self {
        PositionIndex {
            nodes: vec![Node {
                parent: ROOT,
                seg: None,
                depth: 0,
                spot: None,
            }],
            lookup: HashMap::new(),
            order: Vec::new(),
        }
    }
}

#[derive(Debug)]
enum Container {
    Map,
    Seq { next: usize },
}

#[derive(Debug)]
struct Frame {
    indent: usize,
    path: Id,
    kind: Container,
}

impl PositionIndex {
    pub fn build(text: &str) -> Self {
        let mut index = PositionIndex::default();
        let mut stack: Vec<Frame> = Vec::new();
        // The path whose value is a block starting on a later line (after `key:` or `-`).
        let mut pending: Id = ROOT;
        // Inside a block scalar (`|` or `>`): lines indented beyond this belong to it.
        let mut block_scalar: Option<usize> = None;
        for (n, raw_line) in text.lines().enumerate() {
            let line_no = n + 1;
            let line = raw_line.trim_end_matches('\r');
            let content = line.trim_start_matches(' ');
            let indent = line.len() - content.len();
            if let Some(min) = block_scalar {
                if content.is_empty() || indent > min {
                    continue;
                }
                block_scalar = None;
            }
            if content.is_empty() || content.starts_with('#') {
                continue;
            }
            if indent == 0 && (content.starts_with("---") || content.starts_with("...")) {
                stack.clear();
                pending = ROOT;
                continue;
            }
            let mut col = char_col(line, indent);
            let mut rest = content;
            let mut at = indent;
            loop {
                // Leave the containers this line is outside of. A sequence may sit at its
                // parent key's indentation (`grades:` then `- …`), so a map frame survives a
                // dash at its own indentation and a sequence frame ends at a key there.
                let dash = is_dash(rest);
                while let Some(top) = stack.last() {
                    let seq_ends =
                        top.indent == at && !dash && matches!(top.kind, Container::Seq { .. });
                    if top.indent > at || seq_ends {
                        stack.pop();
                    } else {
                        break;
                    }
                }
                if is_dash(rest) {
                    let path = match stack.last_mut() {
                        Some(Frame {
                            indent,
                            kind: Container::Seq { next },
                            path,
                        }) if *indent == at => {
                            let p = index.intern(*path, Seg::Index(*next));
                            *next += 1;
                            p
                        }
                        _ => {
                            stack.push(Frame {
                                indent: at,
                                path: pending,
                                kind: Container::Seq { next: 1 },
                            });
                            index.intern(pending, Seg::Index(0))
                        }
                    };
                    let after = rest[1..].trim_start_matches(' ');
                    let gap = rest.len() - after.len();
                    let value_col = col + gap;
                    index.record(
                        path,
                        Spot {
                            line: line_no,
                            key_column: None,
                            value_line: line_no,
                            value_column: value_col,
                            raw: scalar_text(after),
                            key_quoted: false,
                        },
                    );
                    if after.is_empty() || after.starts_with('#') {
                        pending = path;
                        break;
                    }
                    at += gap;
                    col = value_col;
                    rest = after;
                    if split_key(rest).is_some() {
                        stack.push(Frame {
                            indent: at,
                            path,
                            kind: Container::Map,
                        });
                        continue;
                    }
                    if rest.starts_with('{') || rest.starts_with('[') {
                        index.flow(rest, line_no, col, path);
                    } else if is_block_indicator(rest) {
                        block_scalar = Some(at.saturating_sub(1));
                    }
                    break;
                }
                let Some((key_text, quoted, value_offset)) = split_key(rest) else {
                    break;
                };
                let parent = match stack.last() {
                    Some(Frame {
                        indent,
                        kind: Container::Map,
                        path,
                    }) if *indent == at => *path,
                    _ => {
                        stack.push(Frame {
                            indent: at,
                            path: pending,
                            kind: Container::Map,
                        });
                        pending
                    }
                };
                let path = index.intern(parent, Seg::Key(key_text));
                let after = &rest[value_offset..];
                let value = after.trim_start_matches(' ');
                let value_col =
                    col + rest[..value_offset].chars().count() + (after.len() - value.len());
                index.record(
                    path,
                    Spot {
                        line: line_no,
                        key_column: Some(col),
                        value_line: line_no,
                        value_column: value_col,
                        raw: scalar_text(value),
                        key_quoted: quoted,
                    },
                );
                if value.is_empty() || value.starts_with('#') {
                    pending = path;
                } else if value.starts_with('{') || value.starts_with('[') {
                    index.flow(value, line_no, value_col, path);
                } else if is_block_indicator(value) {
                    block_scalar = Some(at);
                }
                break;
            }
        }
        index
    }

    fn intern(&mut self, parent: Id, seg: Seg) -> Id {
        if let Some(&id) = self.lookup.get(&(parent, seg.clone())) {
            return id;
        }
        let id = self.nodes.len();
        let depth = self.nodes[parent].depth + 1;
        self.nodes.push(Node {
            parent,
            seg: Some(seg.clone()),
            depth,
            spot: None,
        });
        self.lookup.insert((parent, seg), id);
        id
    }

    fn record(&mut self, id: Id, spot: Spot) {
        if self.nodes[id].spot.is_none() {
            self.order.push(id);
        }
        self.nodes[id].spot = Some(spot);
    }

    fn find(&self, path: &[Seg]) -> Option<Id> {
        path.iter()
            .try_fold(ROOT, |id, seg| self.lookup.get(&(id, seg.clone())).copied())
    }

    fn path_of(&self, mut id: Id) -> Vec<Seg> {
        let mut out = Vec::with_capacity(self.nodes[id].depth);
        while let Some(seg) = &self.nodes[id].seg {
            out.push(seg.clone());
            id = self.nodes[id].parent;
        }
        out.reverse();
        out
    }

    /// Records the entries of a one-line flow mapping or sequence starting at `text`.
    fn flow(&mut self, text: &str, line: usize, column: usize, base: Id) {
        let chars: Vec<char> = text.chars().collect();
        let mut pos = 0;
        self.flow_value(&chars, &mut pos, line, column, base);
    }

    fn flow_value(&mut self, s: &[char], pos: &mut usize, line: usize, col0: usize, path: Id) {
        // The YAML parser refuses nesting deeper than 128 levels anyway; stop recursing well
        // before the stack could run out on a hostile file.
        if self.nodes[path].depth > MAX_FLOW_DEPTH {
            *pos = s.len();
            return;
        }
        skip_spaces(s, pos);
        match s.get(*pos) {
            Some('{') => {
                *pos += 1;
                loop {
                    skip_spaces(s, pos);
                    let start = *pos;
                    match s.get(*pos) {
                        None => return,
                        Some('}') => {
                            *pos += 1;
                            return;
                        }
                        Some(',') => {
                            *pos += 1;
                            continue;
                        }
                        _ => {}
                    }
                    let key_col = col0 + *pos;
                    let quoted = matches!(s.get(*pos), Some('"' | '\''));
                    let key_text = flow_scalar(s, pos, true);
                    skip_spaces(s, pos);
                    if s.get(*pos) != Some(&':') {
                        return;
                    }
                    *pos += 1;
                    skip_spaces(s, pos);
                    let p = self.intern(path, Seg::Key(unquote(&key_text)));
                    let value_col = col0 + *pos;
                    let raw = match s.get(*pos) {
                        Some('{' | '[') | None => None,
                        _ => {
                            let mut probe = *pos;
                            Some(flow_scalar(s, &mut probe, false))
                        }
                    };
                    self.record(
                        p,
                        Spot {
                            line,
                            key_column: Some(key_col),
                            value_line: line,
                            value_column: value_col,
                            raw,
                            key_quoted: quoted,
                        },
                    );
                    self.flow_value(s, pos, line, col0, p);
                    // Malformed text must not stall the scan: always move on.
                    if *pos == start {
                        *pos += 1;
                    }
                }
            }
            Some('[') => {
                *pos += 1;
                let mut i = 0;
                loop {
                    skip_spaces(s, pos);
                    let start = *pos;
                    match s.get(*pos) {
                        None => return,
                        Some(']') => {
                            *pos += 1;
                            return;
                        }
                        Some(',') => {
                            *pos += 1;
                            continue;
                        }
                        _ => {}
                    }
                    let p = self.intern(path, Seg::Index(i));
                    i += 1;
                    let value_col = col0 + *pos;
                    let raw = match s.get(*pos) {
                        Some('{' | '[') => None,
                        _ => {
                            let mut probe = *pos;
                            Some(flow_scalar(s, &mut probe, false))
                        }
                    };
                    self.record(
                        p,
                        Spot {
                            line,
                            key_column: None,
                            value_line: line,
                            value_column: value_col,
                            raw,
                            key_quoted: false,
                        },
                    );
                    self.flow_value(s, pos, line, col0, p);
                    if *pos == start {
                        *pos += 1;
                    }
                }
            }
            Some(_) => {
                flow_scalar(s, pos, false);
            }
            None => {}
        }
    }

    /// The spot of a path, if the scan could place it.
    pub fn get(&self, path: &[Seg]) -> Option<&Spot> {
        self.find(path).and_then(|id| self.nodes[id].spot.as_ref())
    }

    /// The innermost recorded path at or before `line` (for errors the parser places by line).
    pub fn at_line(&self, line: usize) -> Option<Vec<Seg>> {
        let spot_line = |id: Id| self.nodes[id].spot.as_ref().map_or(0, |s| s.line);
        self.order
            .iter()
            .filter(|&&id| spot_line(id) <= line)
            .max_by_key(|&&id| (spot_line(id), self.nodes[id].depth))
            .map(|&id| self.path_of(id))
    }

    /// Paths directly under `parent`, in text order.
    pub fn children(&self, parent: &[Seg]) -> Vec<Vec<Seg>> {
        let Some(pid) = self.find(parent) else {
            return Vec::new();
        };
        self.order
            .iter()
            .filter(|&&id| self.nodes[id].parent == pid && id != ROOT)
            .map(|&id| self.path_of(id))
            .collect()
    }
}

fn char_col(line: &str, byte_offset: usize) -> usize {
    line[..byte_offset].chars().count() + 1
}

fn is_dash(s: &str) -> bool {
    s == "-" || s.starts_with("- ")
}

fn is_block_indicator(v: &str) -> bool {
    let v = v.split(" #").next().unwrap_or(v).trim_end();
    matches!(v.chars().next(), Some('|' | '>'))
        && v[1..].chars().all(|c| matches!(c, '+' | '-' | '0'..='9'))
}

/// Splits `key: value` into the key text (unquoted), whether it was quoted, and the byte offset
/// of what follows the colon.
fn split_key(s: &str) -> Option<(String, bool, usize)> {
    let bytes = s.as_bytes();
    match bytes.first()? {
        q @ (b'"' | b'\'') => {
            let mut i = 1;
            while i < bytes.len() {
                if bytes[i] == b'\\' && *q == b'"' {
                    i += 2;
                    continue;
                }
                if bytes[i] == *q {
                    if *q == b'\'' && bytes.get(i + 1) == Some(&b'\'') {
                        i += 2;
                        continue;
                    }
                    break;
                }
                i += 1;
            }
            let after = s.get(i + 1..)?;
            let trimmed = after.trim_start_matches(' ');
            let colon = after.len() - trimmed.len();
            if trimmed.starts_with(':')
                && (trimmed.len() == 1 || trimmed[1..].starts_with([' ', '\t']))
            {
                Some((unquote(&s[..=i]), true, i + 1 + colon + 1))
            } else {
                None
            }
        }
        b'{' | b'[' | b'#' | b'|' | b'>' => None,
        _ => {
            let mut i = 0;
            while let Some(off) = s[i..].find(':') {
                let at = i + off;
                let next = s[at + 1..].chars().next();
                if next.is_none() || next == Some(' ') || next == Some('\t') {
                    let key = s[..at].trim_end();
                    if key.contains(" #") {
                        return None;
                    }
                    return Some((key.to_string(), false, at + 1));
                }
                i = at + 1;
            }
            None
        }
    }
}

/// A block-style scalar's text without a trailing comment; `None` for an empty value.
fn scalar_text(v: &str) -> Option<String> {
    if v.is_empty() || v.starts_with('#') || v.starts_with('{') || v.starts_with('[') {
        return None;
    }
    if v.starts_with('"') || v.starts_with('\'') {
        let chars: Vec<char> = v.chars().collect();
        let mut pos = 0;
        return Some(flow_scalar(&chars, &mut pos, false));
    }
    let cut = v.find(" #").unwrap_or(v.len());
    Some(v[..cut].trim_end().to_string())
}

fn skip_spaces(s: &[char], pos: &mut usize) {
    while matches!(s.get(*pos), Some(' ' | '\t')) {
        *pos += 1;
    }
}

/// Reads a scalar inside a flow collection (or a quoted block scalar), quotes kept.
fn flow_scalar(s: &[char], pos: &mut usize, is_key: bool) -> String {
    let start = *pos;
    match s.get(*pos) {
        Some(&q @ ('"' | '\'')) => {
            *pos += 1;
            while let Some(&c) = s.get(*pos) {
                *pos += 1;
                if c == '\\' && q == '"' {
                    *pos += 1;
                } else if c == q {
                    if q == '\'' && s.get(*pos) == Some(&'\'') {
                        *pos += 1;
                        continue;
                    }
                    break;
                }
            }
        }
        _ => {
            while let Some(&c) = s.get(*pos) {
                if c == ',' || c == '}' || c == ']' {
                    break;
                }
                if is_key && c == ':' {
                    break;
                }
                if c == ':' && matches!(s.get(*pos + 1), Some(' ')) {
                    break;
                }
                if c == '#' && *pos > start && s[*pos - 1] == ' ' {
                    break;
                }
                *pos += 1;
            }
        }
    }
    let end = (*pos).min(s.len());
    s[start..end]
        .iter()
        .collect::<String>()
        .trim_end()
        .to_string()
}

/// The text of a scalar without its quotes (escapes are rare in codes and keys; kept as is).
pub fn unquote(raw: &str) -> String {
    let r = raw.trim();
    if r.len() >= 2
        && ((r.starts_with('"') && r.ends_with('"')) || (r.starts_with('\'') && r.ends_with('\'')))
    {
        r[1..r.len() - 1].to_string()
    } else {
        r.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(segs: &[&str]) -> Vec<Seg> {
        segs.iter()
            .map(|s| match s.parse::<usize>() {
                Ok(i) => Seg::Index(i),
                Err(_) => Seg::Key(s.to_string()),
            })
            .collect()
    }

    const CRITERIA: &str = "\
parindex: 1
kind: criteria
sections:
  - code: \"1\"
    title: \"Công tác chỉ đạo\"   # comment
    max: 13
    items:
      - code: \"1.1\"
        max: 1
        rule: { ratio: { full_at: \"50%\" } }
      -   code: 1.10
          rule:
            tiers:
              - { at_least: \"100%\", points: 1 }
  - code: \"2\"
grades:
- { label: \"Tốt\", min: 80 }
";

    #[test]
    fn places_block_keys_and_values() {
        let ix = PositionIndex::build(CRITERIA);
        let s = ix.get(&p(&["sections", "0", "code"])).unwrap();
        assert_eq!((s.line, s.key_column, s.value_column), (4, Some(5), 11));
        assert_eq!(s.raw.as_deref(), Some("\"1\""));
        let t = ix.get(&p(&["sections", "0", "title"])).unwrap();
        assert_eq!(t.raw.as_deref(), Some("\"Công tác chỉ đạo\""));
        let m = ix.get(&p(&["sections", "0", "items", "0", "max"])).unwrap();
        assert_eq!((m.line, m.value_column), (9, 14));
        let c = ix
            .get(&p(&["sections", "0", "items", "1", "code"]))
            .unwrap();
        assert_eq!(
            (c.line, c.key_column, c.raw.as_deref()),
            (11, Some(11), Some("1.10"))
        );
        let s2 = ix.get(&p(&["sections", "1", "code"])).unwrap();
        assert_eq!(s2.line, 15);
    }

    #[test]
    fn places_flow_entries() {
        let ix = PositionIndex::build(CRITERIA);
        let f = ix
            .get(&p(&[
                "sections", "0", "items", "0", "rule", "ratio", "full_at",
            ]))
            .unwrap();
        assert_eq!(
            (f.line, f.value_column, f.raw.as_deref()),
            (10, 35, Some("\"50%\""))
        );
        let t = ix
            .get(&p(&[
                "sections", "0", "items", "1", "rule", "tiers", "0", "points",
            ]))
            .unwrap();
        assert_eq!((t.line, t.raw.as_deref()), (14, Some("1")));
        let g = ix.get(&p(&["grades", "0", "min"])).unwrap();
        assert_eq!((g.line, g.raw.as_deref()), (17, Some("80")));
    }

    #[test]
    fn places_evidence_values_and_quoted_keys() {
        let text = "values:\n  \"1.1.3\": \"97.29%\"\n  1.6: { value: 2, appraised: 0, reason: \"a, b\" }\n  \"3.4.1\":\n    value: 12.698\n";
        let ix = PositionIndex::build(text);
        let v = ix.get(&p(&["values", "1.1.3"])).unwrap();
        assert_eq!((v.line, v.value_column, v.key_quoted), (2, 12, true));
        let a = ix.get(&p(&["values", "1.6", "appraised"])).unwrap();
        assert_eq!((a.line, a.raw.as_deref()), (3, Some("0")));
        assert!(!ix.get(&p(&["values", "1.6"])).unwrap().key_quoted);
        let r = ix.get(&p(&["values", "1.6", "reason"])).unwrap();
        assert_eq!(r.raw.as_deref(), Some("\"a, b\""));
        let n = ix.get(&p(&["values", "3.4.1", "value"])).unwrap();
        assert_eq!((n.line, n.raw.as_deref()), (5, Some("12.698")));
        assert_eq!(ix.at_line(5), Some(p(&["values", "3.4.1", "value"])));
    }

    #[test]
    fn skips_block_scalars_and_handles_crlf() {
        let text = "source: |\n  a: not a key\n  - not an item\ntitle: x\r\nyear: 2022\r\n";
        let ix = PositionIndex::build(text);
        assert!(ix.get(&p(&["a"])).is_none());
        assert_eq!(ix.get(&p(&["title"])).unwrap().line, 4);
        assert_eq!(ix.get(&p(&["year"])).unwrap().raw.as_deref(), Some("2022"));
    }

    #[test]
    fn sequence_at_the_key_indentation() {
        let text = "grades:\n- label: A\n  min: 90\n- label: B\n  min: 0\ntotal: 3\n";
        let ix = PositionIndex::build(text);
        assert_eq!(ix.get(&p(&["grades", "1", "min"])).unwrap().line, 5);
        assert_eq!(ix.get(&p(&["total"])).unwrap().line, 6);
    }

    #[test]
    fn malformed_flow_text_does_not_stall() {
        // Found by fuzzing: a stray character left the flow scan in place, recording forever.
        let text = "rule: { tiers: [ { at_least: \"100%\", points: 0.5 },`{ at_least: \"95%\" } ] }\nx: [ : , :: ]\ny: { : }\n";
        let ix = PositionIndex::build(text);
        assert!(ix.order.len() < 50);
        assert_eq!(ix.get(&p(&["x"])).unwrap().line, 2);
    }

    #[test]
    fn deep_nesting_is_indexed_with_interned_paths_and_bounded_recursion() {
        // Found by fuzzing: paths copied and hashed whole made deep files quadratic, and deep
        // flow nesting could exhaust the stack. Paths are now interned (one node per step)
        // and flow recursion stops at MAX_FLOW_DEPTH.
        let mut flow = String::from("1");
        for _ in 0..3000 {
            flow = format!("{{ a: {flow} }}");
        }
        let text = format!("x: {flow}\ny: 2\n");
        let ix = PositionIndex::build(&text);
        assert_eq!(ix.get(&p(&["y"])).unwrap().line, 2);
        let deepest = ix.at_line(1).unwrap();
        assert!(
            deepest.len() > 128 && deepest.len() <= MAX_FLOW_DEPTH + 2,
            "{}",
            deepest.len()
        );
        // One node per path step: storage grows with the document, not with depth squared.
        assert!(ix.nodes.len() <= MAX_FLOW_DEPTH + 4, "{}", ix.nodes.len());
    }
}
