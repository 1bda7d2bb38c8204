//! Reading the table: a CSV file as Excel or LibreOffice saves it (comma or semicolon, a BOM,
//! quoted cells with line breaks), its header row found by name, its rows as written.

use super::text::{clean, clean_lines, fold, parse_number};
use crate::diag::{self, Diagnostic, Diagnostics, Position, TABLE_HEADER, TABLE_ROW};
use crate::i18n::diag as say;
use crate::load::Source;
use rust_decimal::Decimal;

/// One row of the table as written, its cells cleaned.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// Line of the file where the row starts (1-based).
    pub line: usize,
    pub code: String,
    pub title: String,
    /// `None` where the cell is empty.
    pub max: Option<Decimal>,
    pub max_text: String,
    /// The scoring text, its line breaks kept.
    pub scoring: String,
    pub responsible: Vec<String>,
}

/// The rows of a table, and the total its "Tổng cộng" row gives.
#[derive(Debug, Default)]
pub struct Table {
    pub rows: Vec<Row>,
    pub total: Option<(Decimal, usize)>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Field {
    Code,
    Title,
    Max,
    Scoring,
    Responsible,
}

/// What a header cell names, by its folded text (Vietnamese or English, any case and accents).
fn field(header: &str) -> Option<Field> {
    let h = fold(header);
    let h = h.trim_matches(|c: char| !c.is_alphanumeric());
    let has = |words: &[&str]| words.iter().any(|w| h.contains(w));
    if has(&[
        "cach cham",
        "cham diem",
        "phuong phap",
        "huong dan cham",
        "scoring",
        "method",
    ]) {
        Some(Field::Scoring)
    } else if has(&["diem toi da", "toi da", "thang diem", "diem chuan", "max"])
        || ["diem", "so diem", "points"].contains(&h)
    {
        Some(Field::Max)
    } else if has(&["chiu trach nhiem", "chu tri", "responsible", "office"])
        || ["don vi", "co quan"].contains(&h)
    {
        Some(Field::Responsible)
    } else if [
        "stt",
        "tt",
        "so tt",
        "so thu tu",
        "ma",
        "ma so",
        "ma tieu chi",
        "code",
        "no",
        "#",
    ]
    .contains(&h)
    {
        Some(Field::Code)
    } else if has(&[
        "tieu chi", "noi dung", "linh vuc", "title", "criteri", "name",
    ]) {
        Some(Field::Title)
    } else {
        None
    }
}

/// The columns a header row names.
#[derive(Debug, Clone, Copy)]
struct Columns {
    code: usize,
    title: usize,
    max: usize,
    scoring: Option<usize>,
    responsible: Option<usize>,
}

/// The header: the first row (of the first twenty: a title may stand above it) that names a
/// code, a title and a max column; its index and columns.
fn find_header(records: &[(usize, csv::StringRecord)]) -> Option<(usize, Columns)> {
    for (k, (_, r)) in records.iter().enumerate().take(20) {
        let mut cols: Vec<(Field, usize)> = Vec::new();
        for (j, cell) in r.iter().enumerate() {
            if let Some(f) = field(cell) {
                if !cols.iter().any(|(g, _)| *g == f) {
                    cols.push((f, j));
                }
            }
        }
        let col = |f: Field| cols.iter().find(|(g, _)| *g == f).map(|(_, j)| *j);
        if let (Some(code), Some(title), Some(max)) =
            (col(Field::Code), col(Field::Title), col(Field::Max))
        {
            let columns = Columns {
                code,
                title,
                max,
                scoring: col(Field::Scoring),
                responsible: col(Field::Responsible),
            };
            return Some((k, columns));
        }
    }
    None
}

/// Every record of the text split at `delim`, each with the line it starts on.
fn records(
    text: &str,
    delim: u8,
    skip_first: bool,
) -> Result<Vec<(usize, csv::StringRecord)>, csv::Error> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delim)
        .from_reader(text.as_bytes());
    let mut out = Vec::new();
    // Lines are counted from the byte offset where each record starts (the reader's own line
    // count can lag a record behind), through the line breaks inside quoted cells too. The
    // record's offset may fall on the line break that ended the record before it.
    let (mut line, mut counted) = (1, 0);
    for (i, r) in reader.records().enumerate() {
        let r = r?;
        let mut byte = r
            .position()
            .map_or(0, |p| p.byte() as usize)
            .min(text.len());
        while text[byte..].starts_with(['\r', '\n']) {
            byte += 1;
        }
        line += text.as_bytes()[counted.min(byte)..byte]
            .iter()
            .filter(|&&b| b == b'\n')
            .count();
        counted = byte;
        if !(i == 0 && skip_first) {
            out.push((line, r));
        }
    }
    Ok(out)
}

/// A code as officers write it: "1.1.", " 1.1 " and "01.2" become "1.1" and "1.2".
pub(super) fn code(cell: &str) -> Option<String> {
    let c: String = cell.chars().filter(|c| !c.is_whitespace()).collect();
    let c = c.trim_end_matches('.');
    let parts: Option<Vec<String>> = c
        .split('.')
        .map(|p| {
            (!p.is_empty() && p.len() <= 9 && p.bytes().all(|b| b.is_ascii_digit()))
                .then(|| p.parse::<u32>().ok())
                .flatten()
                .filter(|n| *n > 0)
                .map(|n| n.to_string())
        })
        .collect();
    parts.map(|p| p.join("."))
}

/// Reads the table: every row after the header, continuation rows joined to the row above.
pub fn read(source: &Source) -> Result<Table, Diagnostics> {
    let name = &source.name;
    let text = &source.text;
    if text.trim().is_empty() {
        return Err(Diagnostics::one(
            Diagnostic::new(diag::EMPTY_FILE, name, say::TABLE_EMPTY).help(say::SAVE_TABLE_AS_CSV),
        ));
    }
    // The separator: `sep=X` on the first line (Excel's own hint), else the first of `,`, `;`
    // (Excel's where the decimal mark is a comma, as in a Vietnamese locale) and tab that
    // splits a row into a recognisable header.
    let first = text.lines().next().unwrap_or("").trim();
    let hinted = first
        .strip_prefix("sep=")
        .and_then(|s| <[u8; 1]>::try_from(s.as_bytes()).ok());
    let candidates: Vec<u8> = match hinted {
        Some([d]) => vec![d],
        None => vec![b',', b';', b'\t'],
    };
    let mut fallback = None;
    let mut found = None;
    for &d in &candidates {
        match records(text, d, hinted.is_some()) {
            Ok(recs) => {
                if let Some(h) = find_header(&recs) {
                    found = Some((recs, h, d));
                    break;
                }
                fallback.get_or_insert(recs);
            }
            Err(e) => {
                let line = e.position().map(|p| p.line() as usize);
                let d = Diagnostic::new(TABLE_ROW, name, say::csv_unreadable(&e.to_string())).at(
                    line.map(|line| Position { line, column: 1 }),
                    1,
                    text,
                );
                return Err(Diagnostics::one(d));
            }
        }
    }
    let Some((records, (k, cols), delim)) = found else {
        return Err(Diagnostics::one(
            Diagnostic::new(TABLE_HEADER, name, say::NO_HEADER_ROW).help(say::HEADER_ROW_HELP),
        ));
    };
    let (c_code, c_title, c_max, c_scoring, c_resp) = (
        cols.code,
        cols.title,
        cols.max,
        cols.scoring,
        cols.responsible,
    );
    let header_len = records[k].1.len();
    let mut table = Table::default();
    let mut errors = Vec::new();
    let cell = |r: &csv::StringRecord, j: Option<usize>| -> String {
        j.and_then(|j| r.get(j)).unwrap_or("").to_string()
    };
    let at = |line: usize| Some(Position { line, column: 1 });
    // Each problem's line is quoted from this list, not found by reading the text from its
    // start: a table of 40,000 bad rows took 10 s.
    let lines: Vec<&str> = text.lines().collect();
    let line_at = |line: usize| line.checked_sub(1).and_then(|i| lines.get(i).copied());
    let mut rows = records.iter().skip(k + 1).peekable();
    // A row of column numbers under the header ("(1)", "(2)", … or 1, 2, 3, 4) is skipped.
    if let Some((_, r)) = rows.peek() {
        let cells: Vec<String> = r.iter().map(clean).filter(|c| !c.is_empty()).collect();
        let numbers: Vec<Option<u32>> = cells
            .iter()
            .map(|c| c.trim_matches(['(', ')']).parse().ok())
            .collect();
        let counting = !cells.is_empty()
            && numbers
                .iter()
                .enumerate()
                .all(|(i, n)| *n == Some(i as u32 + 1));
        if counting && cells.len() > 2 {
            rows.next();
        }
    }
    for (line, r) in rows {
        let line = *line;
        let raw_code = clean(&cell(r, Some(c_code)));
        let title = clean(&cell(r, Some(c_title)));
        let max_text = clean(&cell(r, Some(c_max)));
        // A scoring text in the last column that was not quoted ("Đạt: 1; Không đạt: 0" in a
        // `;` file written by hand) spills into cells beyond the header: it is joined back.
        let scoring = match c_scoring {
            Some(j) if j + 1 == header_len && r.len() > header_len => {
                let sep = char::from(delim).to_string();
                let joined = r.iter().skip(j).collect::<Vec<_>>().join(&sep);
                clean_lines(
                    joined.trim_end_matches(|c: char| c == char::from(delim) || c.is_whitespace()),
                )
            }
            _ => clean_lines(&cell(r, c_scoring)),
        };
        let responsible: Vec<String> = cell(r, c_resp)
            .split([';', '\n'])
            .map(clean)
            .filter(|s| !s.is_empty())
            .collect();
        let max = if max_text.is_empty() {
            None
        } else {
            match parse_number(&max_text) {
                // No published table gives a row a million points: a larger figure is a
                // misread cell, and sums of such figures could overflow.
                Some(m) if m > Decimal::ZERO && m < Decimal::from(1_000_000) => Some(m),
                _ => {
                    let mut d =
                        Diagnostic::new(TABLE_ROW, name, say::max_not_positive_number(&max_text))
                            .at_line(at(line), 1, line_at(line))
                            .help(say::WRITE_POINTS);
                    if !raw_code.is_empty() {
                        d = d.criterion(raw_code.clone());
                    }
                    errors.push(d);
                    None
                }
            }
        };
        if raw_code.is_empty() {
            let folded = fold(&title);
            if folded.starts_with("tong") || folded.starts_with("total") {
                if let Some(m) = max {
                    table.total = Some((m, line));
                }
                continue;
            }
            if title.is_empty() && max_text.is_empty() && scoring.is_empty() {
                continue;
            }
            // The rest of the row above, split over several spreadsheet rows.
            if max_text.is_empty() {
                if let Some(prev) = table.rows.last_mut() {
                    // Both parts are clean already (NFC, single spaces, trimmed), and joined
                    // by a space they stay so: appended, not cleaned again whole, or a title
                    // continued over 40,000 rows takes minutes.
                    if !title.is_empty() {
                        if !prev.title.is_empty() {
                            prev.title.push(' ');
                        }
                        prev.title.push_str(&title);
                    }
                    if !scoring.is_empty() {
                        if !prev.scoring.is_empty() {
                            prev.scoring.push('\n');
                        }
                        prev.scoring.push_str(&scoring);
                    }
                    prev.responsible.extend(responsible);
                    continue;
                }
            }
            errors.push(
                Diagnostic::new(TABLE_ROW, name, say::ROW_WITHOUT_CODE)
                    .at_line(at(line), 1, line_at(line))
                    .help(say::GIVE_ROW_CODE),
            );
            continue;
        }
        let Some(code) = code(&raw_code) else {
            errors.push(
                Diagnostic::new(TABLE_ROW, name, say::code_not_numbers(&raw_code))
                    .at_line(at(line), 1, line_at(line))
                    .help(say::RENUMBER_ROWS),
            );
            continue;
        };
        table.rows.push(Row {
            line,
            code,
            title,
            max,
            max_text,
            scoring,
            responsible,
        });
    }
    if errors.is_empty() && table.rows.is_empty() {
        let line = records.get(k).map(|(line, _)| *line);
        errors.push(
            Diagnostic::new(TABLE_ROW, name, say::NO_ROWS)
                .at(line.map(|line| Position { line, column: 1 }), 1, text)
                .help(say::EXPORT_WHOLE_TABLE),
        );
    }
    if errors.is_empty() {
        Ok(table)
    } else {
        Err(Diagnostics(errors))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::decimal::dec;

    fn table(text: &str) -> Result<Table, Diagnostics> {
        read(&Source::from_text("t.csv".into(), text.to_string()))
    }

    #[test]
    fn headers_are_recognised_in_either_language_and_any_case() {
        assert_eq!(field("STT"), Some(Field::Code));
        assert_eq!(
            field("Lĩnh vực/Tiêu chí/Tiêu chí thành phần"),
            Some(Field::Title)
        );
        assert_eq!(field("ĐIỂM TỐI ĐA"), Some(Field::Max));
        assert_eq!(field("diem toi da"), Some(Field::Max));
        assert_eq!(field("Cách chấm điểm"), Some(Field::Scoring));
        assert_eq!(field("Đơn vị chịu trách nhiệm"), Some(Field::Responsible));
        assert_eq!(field("Cơ quan chủ trì"), Some(Field::Responsible));
        assert_eq!(field("Code"), Some(Field::Code));
        assert_eq!(field("Title"), Some(Field::Title));
        assert_eq!(field("Max"), Some(Field::Max));
        assert_eq!(field("Scoring"), Some(Field::Scoring));
        assert_eq!(field("Responsible"), Some(Field::Responsible));
        assert_eq!(field("Tài liệu kiểm chứng"), None);
        assert_eq!(field("Điểm tự chấm"), None);
    }

    #[test]
    fn semicolons_a_bom_and_a_title_above_the_header() {
        // Excel in a Vietnamese locale: `;` between cells, a decimal comma, a BOM.
        let text = "\u{feff}BỘ TIÊU CHÍ;;;\nSTT;Tiêu chí;Điểm tối đa;Cách chấm điểm\n1;Chỉ đạo, điều hành;0,5;\n1.1;Kế hoạch;0,5;\"Đạt: 0,5; Không đạt: 0\"\n";
        let t = table(text).unwrap();
        assert_eq!(t.rows.len(), 2);
        assert_eq!(t.rows[1].code, "1.1");
        assert_eq!(t.rows[1].max, Some(dec("0.5")));
        assert_eq!(t.rows[1].scoring, "Đạt: 0,5; Không đạt: 0");
        assert_eq!(t.rows[1].line, 4);
    }

    #[test]
    fn an_unquoted_scoring_text_in_the_last_column_is_joined_back() {
        let t = table("STT;Tiêu chí;Điểm tối đa;Cách chấm điểm\n1;A;1;Đạt: 1; Không đạt: 0;;\n")
            .unwrap();
        assert_eq!(t.rows[0].scoring, "Đạt: 1; Không đạt: 0");
        let t = table("STT,Tiêu chí,Điểm tối đa,Cách chấm điểm\n1,A,1,Tốt: 1, Kém: 0\n").unwrap();
        assert_eq!(t.rows[0].scoring, "Tốt: 1, Kém: 0");
    }

    #[test]
    fn continuation_rows_column_numbers_and_a_total() {
        let text = "STT,Tiêu chí,Điểm tối đa,Cách chấm điểm,Cơ quan chủ trì\n(1),(2),(3),(4),(5)\n1.,Kế hoạch,1,- Đạt: 1,Phòng Nội vụ\n,,,- Không đạt: 0,\n,Tổng cộng,1,,\n";
        let t = table(text).unwrap();
        assert_eq!(t.rows.len(), 1);
        assert_eq!(t.rows[0].code, "1");
        assert_eq!(t.rows[0].scoring, "- Đạt: 1\n- Không đạt: 0");
        assert_eq!(t.rows[0].responsible, vec!["Phòng Nội vụ".to_string()]);
        assert_eq!(t.total, Some((dec("1"), 5)));
    }

    #[test]
    fn unreadable_rows_are_errors_with_their_line() {
        let text = "STT,Tiêu chí,Điểm tối đa,Cách chấm điểm\nI,Chỉ đạo,2,\n1.1,Kế hoạch,hai,\n";
        let e = table(text).unwrap_err();
        assert_eq!(e.0.len(), 2);
        assert!(e.0[0].message.contains("`I`"), "{}", e.0[0]);
        assert_eq!(e.0[0].position.unwrap().line, 2);
        assert!(e.0[1].message.contains("`hai`"), "{}", e.0[1]);
    }

    #[test]
    fn a_table_without_rows_is_an_error() {
        let e = table("STT,Tiêu chí,Điểm tối đa\n,,\n").unwrap_err();
        assert_eq!(
            e.0[0].message,
            "the table has no criteria rows under its header"
        );
        assert_eq!(e.0[0].position.unwrap().line, 1);
        let e = table("STT,Tiêu chí,Điểm tối đa\n1,A,1e30\n2,B,10000000\n").unwrap_err();
        assert_eq!(e.0.len(), 2);
    }

    #[test]
    fn a_table_without_a_header_says_what_it_needs() {
        let e = table("1,Kế hoạch,1,Đạt: 1\n").unwrap_err();
        assert_eq!(e.0[0].check, TABLE_HEADER);
        // Said what is needed, without quoting the file: it may be any file given by mistake.
        assert!(!e.0[0].message.contains("Kế hoạch"));
        assert!(e.0[0]
            .help
            .as_deref()
            .is_some_and(|h| h.contains("Điểm tối đa")));
    }

    #[test]
    fn codes_are_normalised() {
        assert_eq!(code("1.1."), Some("1.1".into()));
        assert_eq!(code(" 01.2 "), Some("1.2".into()));
        assert_eq!(code("1.0"), None);
        assert_eq!(code("a"), None);
        assert_eq!(code("1..2"), None);
    }
}
