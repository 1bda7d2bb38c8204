//! Which rows and columns of the form sheet are hidden: a value there is scored while whoever
//! reads or prints the sheet cannot see it. calamine reads cells, not their visibility, so the
//! sheet's XML is read for `<row hidden="1">` and `<col hidden="1">` (and rows or columns too
//! small to read, hidden in all but name) and for merged ranges, which show their first cell
//! over the others, with quick-xml. [`super::structure`] has already refused a workbook that
//! could be read two ways, and parts are found as calamine finds them.

use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;
use std::collections::BTreeSet;
use std::io::{Cursor, Read};

/// The hidden rows (0-based) and column ranges (0-based, inclusive) of a sheet.
#[derive(Debug, Default, PartialEq)]
pub struct Hidden {
    pub rows: BTreeSet<u32>,
    /// Sorted and apart (merged where they touch): each cell is looked up by a search, not
    /// against every range (1.75 million `<col>` ranges of a 276 KB workbook, each against
    /// every filled cell, took 20 s).
    pub cols: Vec<(u32, u32)>,
    /// Merged ranges (0-based first row, first column, last row, last column): a merge shows
    /// its first cell only, over the others.
    pub merged: Vec<(u32, u32, u32, u32)>,
    /// Each cell's number format where it is one of the workbook's own (0-based row and
    /// column): a format can show other text than the value, or nothing (`;;;`).
    pub formats: std::collections::HashMap<(u32, u32), String>,
}

impl Hidden {
    pub fn covers(&self, row: u32, col: u32) -> bool {
        if self.rows.contains(&row) {
            return true;
        }
        if self.merged.iter().any(|&(r0, c0, r1, c1)| {
            (r0..=r1).contains(&row) && (c0..=c1).contains(&col) && (row, col) != (r0, c0)
        }) {
            return true;
        }
        // The last range starting at or before `col`.
        let i = self.cols.partition_point(|&(a, _)| a <= col);
        i > 0 && col <= self.cols[i - 1].1
    }

    /// Whether the cell's number format shows something other than its value: `value` is the
    /// number held, or `None` for a text.
    pub fn masks(&self, row: u32, col: u32, value: Option<f64>) -> bool {
        self.formats
            .get(&(row, col))
            .is_some_and(|format| !shows_value(format, value))
    }

    /// Sorts the column ranges and merges those that overlap or touch.
    fn merge_cols(&mut self) {
        self.cols.sort_unstable();
        let mut merged: Vec<(u32, u32)> = Vec::with_capacity(self.cols.len());
        for &(a, b) in &self.cols {
            match merged.last_mut() {
                Some(last) if a <= last.1.saturating_add(1) => last.1 = last.1.max(b),
                _ => merged.push((a, b)),
            }
        }
        self.cols = merged;
    }
}

/// A member of the workbook's zip as text, found as calamine finds it: by its name in any
/// case, `\\` read as `/` (the caller has already bounded what it unpacks to, and refused two
/// members named alike).
fn member(zip: &mut zip::ZipArchive<Cursor<&[u8]>>, name: &str) -> Option<String> {
    let key = super::structure::part_key(name.trim_start_matches('/'));
    let found = zip
        .file_names()
        .find(|n| super::structure::part_key(n) == key)?
        .to_string();
    let mut m = zip.by_name(&found).ok()?;
    let mut text = String::new();
    m.read_to_string(&mut text).ok()?;
    Some(text)
}

fn attr(e: &BytesStart, key: &[u8]) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.local_name().as_ref() == key)
        .map(|a| {
            let raw = String::from_utf8_lossy(&a.value).into_owned();
            match quick_xml::escape::unescape(&raw) {
                Ok(v) => v.into_owned(),
                Err(_) => raw,
            }
        })
}

/// Runs `f` on each start or empty element of `xml`; stops at the first XML error.
fn each_element(xml: &str, mut f: impl FnMut(&BytesStart)) {
    let mut reader = Reader::from_str(xml);
    loop {
        match reader.read_event() {
            Ok(Event::Start(e) | Event::Empty(e)) => f(&e),
            Ok(Event::Eof) | Err(_) => break,
            _ => {}
        }
    }
}

/// Each sheet's name and the part that holds it, as calamine resolves them: the sheet's
/// relationship id (its `id` attribute, whatever its prefix), that relationship's target,
/// under `xl/` unless it starts there.
fn sheet_parts(zip: &mut zip::ZipArchive<Cursor<&[u8]>>) -> Vec<(String, String)> {
    let mut sheets: Vec<(String, String)> = Vec::new();
    let Some(workbook) = member(zip, "xl/workbook.xml") else {
        return sheets;
    };
    each_element(&workbook, |e| {
        if e.local_name().as_ref() == b"sheet" {
            if let (Some(name), Some(id)) = (attr(e, b"name"), attr(e, b"id")) {
                sheets.push((name, id));
            }
        }
    });
    let Some(rels) = member(zip, "xl/_rels/workbook.xml.rels") else {
        return Vec::new();
    };
    let mut targets: Vec<(String, String)> = Vec::new();
    each_element(&rels, |e| {
        if e.local_name().as_ref() == b"Relationship" {
            if let (Some(id), Some(target)) = (attr(e, b"Id"), attr(e, b"Target")) {
                targets.push((id, target));
            }
        }
    });
    sheets
        .into_iter()
        .filter_map(|(name, id)| {
            let target = &targets.iter().find(|(i, _)| *i == id)?.1;
            let path = if let Some(rest) = target.strip_prefix("/xl/") {
                format!("xl/{rest}")
            } else if target.starts_with("xl/") {
                target.clone()
            } else {
                format!("xl/{target}")
            };
            Some((name, super::structure::part_key(&path)))
        })
        .collect()
}

/// The part holding the sheet named `sheet`.
fn sheet_path(zip: &mut zip::ZipArchive<Cursor<&[u8]>>, sheet: &str) -> Option<String> {
    sheet_parts(zip)
        .into_iter()
        .find(|(name, _)| name == sheet)
        .map(|(_, part)| part)
}

/// The name of the sheet whose part is `part` (a member's name, any case), to name a cell.
pub fn sheet_named_for(bytes: &[u8], part: &str) -> Option<String> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).ok()?;
    let key = super::structure::part_key(part);
    sheet_parts(&mut zip)
        .into_iter()
        .find(|(_, p)| *p == key)
        .map(|(name, _)| name)
}

/// Whether an attribute says true (`1`, `true`, spaces around allowed as xsd:boolean does).
fn yes(v: Option<String>) -> bool {
    matches!(v.as_deref().map(str::trim), Some("1" | "true"))
}

/// Whether a row height leaves a value unreadable (under 3 points: Excel's default is 15).
fn too_low(v: Option<String>) -> bool {
    v.is_some_and(|h| !super::structure::visible_height(&h))
}

/// Whether a column width leaves a value unreadable (under one character).
fn too_narrow(v: Option<String>) -> bool {
    v.is_some_and(|w| !super::structure::visible_width(&w))
}

/// Whether a number format (`0.00%`, `#,##0;[Red]-#,##0`, `;;;`) shows `value` (a number, or
/// `None` for a text) as itself: the section that applies holds a digit placeholder (a number)
/// or `@` (a text), or a date or time (read as a date elsewhere). A section of literals only,
/// or an empty one, shows other text or nothing: `"Có";;"Không"` shows 5 as "Có". A format
/// with conditions (`[>100]`) is taken as not showing the value.
pub fn shows_value(format: &str, value: Option<f64>) -> bool {
    if format.trim().eq_ignore_ascii_case("general") {
        return true;
    }
    // Sections split at `;` outside quotes, brackets and escapes; each section's tokens kept
    // without its literals.
    let mut sections: Vec<String> = vec![String::new()];
    let mut conditional = false;
    let mut chars = format.chars();
    while let Some(ch) = chars.next() {
        match ch {
            '"' => {
                for q in chars.by_ref() {
                    if q == '"' {
                        break;
                    }
                }
            }
            '\\' | '_' | '*' => {
                chars.next();
            }
            '[' => {
                let mut inner = String::new();
                for q in chars.by_ref() {
                    if q == ']' {
                        break;
                    }
                    inner.push(q);
                }
                conditional |= inner.starts_with(['<', '>', '=']);
            }
            ';' => sections.push(String::new()),
            c => sections.last_mut().expect("one section at least").push(c),
        }
    }
    if conditional {
        return false;
    }
    let n = sections.len();
    let section = match value {
        // A text shows as typed unless a fourth section says how.
        None if n < 4 => return true,
        None => &sections[3],
        Some(v) if n >= 3 && v == 0.0 => &sections[2],
        Some(v) if n >= 2 && v < 0.0 => &sections[1],
        Some(_) => &sections[0],
    };
    let lower = section.to_ascii_lowercase();
    match value {
        None => lower.contains('@'),
        Some(_) => {
            lower.contains("general")
                || lower.contains(['0', '#', '?'])
                || lower.contains(['y', 'm', 'd', 'h', 's'])
        }
    }
}

/// The number formats of the workbook's own (`numFmtId` to `formatCode`) and, in order, each
/// cell format's number format id (`cellXfs`), from `xl/styles.xml`.
fn cell_formats(zip: &mut zip::ZipArchive<Cursor<&[u8]>>) -> Vec<Option<String>> {
    let Some(styles) = member(zip, "xl/styles.xml") else {
        return Vec::new();
    };
    let mut custom: std::collections::HashMap<String, String> = Default::default();
    let mut ids: Vec<Option<String>> = Vec::new();
    let mut reader = Reader::from_str(&styles);
    let mut in_cell_xfs = false;
    loop {
        match reader.read_event() {
            Ok(Event::Start(e)) | Ok(Event::Empty(e)) => match e.local_name().as_ref() {
                b"numFmt" => {
                    if let (Some(id), Some(code)) = (attr(&e, b"numFmtId"), attr(&e, b"formatCode"))
                    {
                        custom.insert(id.trim().to_string(), code);
                    }
                }
                b"cellXfs" => in_cell_xfs = true,
                b"xf" if in_cell_xfs => ids.push(attr(&e, b"numFmtId")),
                _ => {}
            },
            Ok(Event::End(e)) if e.local_name().as_ref() == b"cellXfs" => in_cell_xfs = false,
            Ok(Event::Eof) | Err(_) => break,
            _ => {}
        }
    }
    ids.into_iter()
        .map(|id| id.and_then(|id| custom.get(id.trim()).cloned()))
        .collect()
}

/// The hidden rows and columns of the sheet `sheet` of the workbook in `bytes`; nothing
/// hidden where the workbook's structure cannot be followed (calamine then reports it).
pub fn hidden_in(bytes: &[u8], sheet: &str) -> Hidden {
    let mut hidden = Hidden::default();
    let Ok(mut zip) = zip::ZipArchive::new(Cursor::new(bytes)) else {
        return hidden;
    };
    let Some(xml) = sheet_path(&mut zip, sheet).and_then(|p| member(&mut zip, &p)) else {
        return hidden;
    };
    let formats = cell_formats(&mut zip);
    let (mut row_outline, mut col_outline) = (Vec::new(), Vec::new());
    each_element(&xml, |e| match e.local_name().as_ref() {
        b"c" => {
            let style = attr(e, b"s").and_then(|s| s.trim().parse::<usize>().ok());
            let at = attr(e, b"r").and_then(|r| super::structure::parse_reference(&r));
            if let (Some(style), Some((r, c))) = (style, at) {
                if let Some(Some(format)) = formats.get(style) {
                    hidden.formats.insert((r - 1, c - 1), format.clone());
                }
            }
        }
        b"row" => {
            let gone = yes(attr(e, b"hidden")) || too_low(attr(e, b"ht"));
            if let Some(r) = attr(e, b"r").and_then(|r| r.trim().parse::<u32>().ok()) {
                if gone && r > 0 {
                    hidden.rows.insert(r - 1);
                }
                if r > 0 {
                    row_outline.push(Outlined::of(e, r - 1, r - 1));
                }
            }
        }
        b"mergeCell" => {
            // As a spreadsheet program reads it: any case, corners in either order.
            let range = attr(e, b"ref")
                .unwrap_or_default()
                .trim()
                .to_ascii_uppercase();
            let (a, b) = range.split_once(':').unwrap_or((&range, &range));
            let (a, b) = (
                super::structure::parse_reference(a.trim()),
                super::structure::parse_reference(b.trim()),
            );
            if let (Some((ra, ca)), Some((rb, cb))) = (a, b) {
                hidden.merged.push((
                    ra.min(rb) - 1,
                    ca.min(cb) - 1,
                    ra.max(rb) - 1,
                    ca.max(cb) - 1,
                ));
            }
        }
        b"col" => {
            let gone = yes(attr(e, b"hidden")) || too_narrow(attr(e, b"width"));
            let min = attr(e, b"min").and_then(|v| v.trim().parse::<u32>().ok());
            let max = attr(e, b"max").and_then(|v| v.trim().parse::<u32>().ok());
            if let (Some(a), Some(b)) = (min, max) {
                let (a, b) = (a.min(b), a.max(b));
                if a > 0 {
                    if gone {
                        hidden.cols.push((a - 1, b - 1));
                    }
                    col_outline.push(Outlined::of(e, a - 1, b - 1));
                }
            }
        }
        _ => {}
    });
    for (first, last) in collapsed_groups(row_outline) {
        hidden.rows.extend(first..=last);
    }
    hidden.cols.extend(collapsed_groups(col_outline));
    hidden.merge_cols();
    hidden
}

/// A row, or a range of columns, with its outline level and whether it is marked collapsed.
#[derive(Debug, Clone, Copy)]
struct Outlined {
    first: u32,
    last: u32,
    level: u8,
    collapsed: bool,
}

impl Outlined {
    fn of(e: &BytesStart, first: u32, last: u32) -> Outlined {
        Outlined {
            first,
            last,
            // Excel's outlines go seven levels deep.
            level: attr(e, b"outlineLevel")
                .and_then(|l| l.trim().parse::<u8>().ok())
                .unwrap_or(0)
                .min(7),
            collapsed: yes(attr(e, b"collapsed")),
        }
    }
}

/// The rows or columns of outline groups shown collapsed. A group is a run of rows (or
/// columns) at an outline level or deeper; LibreOffice hides one whose summary row, next to
/// it, says `collapsed`, though no row of it says `hidden` (Excel, which writes `hidden` on
/// each row it folds, shows them). The summary is taken on either side, as a sheet may put it
/// above (`summaryBelow="0"`): a value there is one that some readers of the form never see.
fn collapsed_groups(mut spans: Vec<Outlined>) -> Vec<(u32, u32)> {
    let mut groups = Vec::new();
    if !spans.iter().any(|s| s.collapsed) || !spans.iter().any(|s| s.level > 0) {
        return groups;
    }
    spans.sort_by_key(|s| s.first);
    for level in 1..=7u8 {
        // The collapsed marks outside groups of this level, by where they start, each with the
        // furthest any of them up to it reaches: column ranges may overlap (openpyxl writes
        // `min="5" max="6"` and `min="6" max="6"`), so a search by start alone would miss one.
        let marks: Vec<&Outlined> = spans
            .iter()
            .filter(|s| s.collapsed && s.level < level)
            .collect();
        let reach: Vec<u32> = marks
            .iter()
            .scan(0u32, |far, s| {
                *far = (*far).max(s.last);
                Some(*far)
            })
            .collect();
        let marked_near = |first: u32, last: u32| {
            let i = marks.partition_point(|s| s.first <= last.saturating_add(1));
            i > 0 && reach[i - 1] >= first.saturating_sub(1)
        };
        let mut i = 0;
        while i < spans.len() {
            if spans[i].level < level {
                i += 1;
                continue;
            }
            // A run of touching (or overlapping) spans at `level` or deeper.
            let (first, mut last) = (spans[i].first, spans[i].last);
            let mut j = i + 1;
            while j < spans.len()
                && spans[j].level >= level
                && spans[j].first <= last.saturating_add(1)
            {
                last = last.max(spans[j].last);
                j += 1;
            }
            if marked_near(first, last) {
                groups.push((first, last));
            }
            i = j;
        }
    }
    groups
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn column_ranges_are_merged_and_each_column_found_by_a_search() {
        let mut h = Hidden {
            rows: BTreeSet::from([7]),
            cols: vec![(10, 12), (3, 3), (4, 5), (11, 20), (30, 30), (3, 4)],
            merged: Vec::new(),
            formats: Default::default(),
        };
        h.merge_cols();
        assert_eq!(h.cols, vec![(3, 5), (10, 20), (30, 30)]);
        let slow = |col: u32| {
            [(10, 12), (3, 3), (4, 5), (11, 20), (30, 30)]
                .iter()
                .any(|&(a, b)| a <= col && col <= b)
        };
        for col in 0..40 {
            assert_eq!(h.covers(0, col), slow(col), "column {col}");
            assert!(h.covers(7, col));
        }
    }

    #[test]
    fn a_number_format_shows_the_value_only_where_its_section_has_a_placeholder() {
        for (format, value, shown) in [
            ("0.00%", Some(0.5), true),
            ("#,##0;[Red]-#,##0", Some(-3.0), true),
            ("General", Some(1.0), true),
            ("@", None, true),
            ("0;0;0", None, true),
            (";;;", Some(1.0), false),
            (";;;", None, false),
            ("\"Có\";;\"Không\"", Some(5.0), false),
            ("\"Có\";;\"Không\"", Some(0.0), false),
            ("0;0;\"không\"", Some(0.0), false),
            ("0;0;0;\"x\"", None, false),
            ("[>100]0;0", Some(5.0), false),
            ("d/m/yyyy", Some(45000.0), true),
            ("\"n = \"0", Some(5.0), true),
            ("[$-42A]0.00", Some(5.0), true),
        ] {
            assert_eq!(shows_value(format, value), shown, "{format} {value:?}");
        }
    }

    #[test]
    fn outline_groups_next_to_a_collapsed_summary_are_hidden() {
        let span = |first, last, level, collapsed| Outlined {
            first,
            last,
            level,
            collapsed,
        };
        // Rows 3-4 grouped, 5 their collapsed summary; 8-9 grouped but open.
        let rows = vec![
            span(2, 2, 1, false),
            span(3, 3, 1, false),
            span(4, 4, 0, true),
            span(7, 7, 1, false),
            span(8, 8, 1, false),
            span(9, 9, 0, false),
        ];
        assert_eq!(collapsed_groups(rows), vec![(2, 3)]);
        // A summary above its group (`summaryBelow="0"`), and a nested group folded inside an
        // open one: only the inner rows.
        let rows = vec![
            span(0, 0, 0, true),
            span(1, 1, 1, false),
            span(5, 5, 1, false),
            span(6, 6, 2, false),
            span(7, 7, 1, true),
        ];
        assert_eq!(collapsed_groups(rows), vec![(1, 1), (6, 6)]);
        // A gap ends a group: row 11 is not next to the summary at 13.
        let rows = vec![span(10, 10, 1, false), span(12, 12, 0, true)];
        assert!(collapsed_groups(rows).is_empty());
        // Columns come as ranges, in any order.
        let cols = vec![span(5, 5, 0, true), span(2, 4, 1, false)];
        assert_eq!(collapsed_groups(cols), vec![(2, 4)]);
        // An outline with nothing collapsed hides nothing.
        assert!(collapsed_groups(vec![span(1, 3, 1, false)]).is_empty());
    }

    #[test]
    fn hidden_rows_and_columns_are_found_on_the_named_sheet() {
        let mut book = rust_xlsxwriter::Workbook::new();
        book.add_worksheet()
            .set_name("Other")
            .unwrap()
            .set_row_hidden(3)
            .unwrap();
        let s = book.add_worksheet().set_name("Tự đánh giá").unwrap();
        s.write_string(12, 4, "có").unwrap();
        s.set_row_hidden(12).unwrap();
        s.set_column_hidden(12).unwrap();
        s.set_row_height(20, 0).unwrap();
        // Too small to read a value in: hidden in all but name.
        s.set_row_height(22, 0.5).unwrap();
        // Under a merge, every cell but its first is covered.
        s.merge_range(30, 3, 30, 4, "shown", &rust_xlsxwriter::Format::new())
            .unwrap();
        s.set_column_width(10, 0.5).unwrap();
        let bytes = book.save_to_buffer().unwrap();
        let h = hidden_in(&bytes, "Tự đánh giá");
        assert!(h.covers(12, 4));
        assert!(h.covers(20, 0));
        assert!(h.covers(14, 12));
        assert!(!h.covers(3, 0), "a row hidden on another sheet");
        assert!(!h.covers(13, 4));
        assert!(h.covers(22, 0) && h.covers(0, 10));
        assert!(!h.covers(23, 9));
        assert!(!h.covers(30, 3) && h.covers(30, 4) && !h.covers(30, 5));
    }
}
