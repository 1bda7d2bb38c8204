//! Diagnostics: what is wrong with an input file, where, and how to fix it.
//!
//! Every problem found while loading, binding or checking a file becomes a [`Diagnostic`] with
//! a stable check code, so that a run can report all of them at once and tools can match on
//! the code. Rendering quotes the source line with a caret under the offending spot.

use crate::i18n::{diag as words, Lang};
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

    /// The word heading a diagnostic: `error`/`lỗi`, `warning`/`cảnh báo`.
    pub fn label(self, lang: Lang) -> &'static str {
        lang.t(match self {
            Severity::Error => words::ERROR,
            Severity::Warning => words::WARNING,
        })
    }
}

/// A stable check code with its one-line title. Codes never change meaning; new checks get
/// new codes. `docs/checks.md` documents each with an example and the fix.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Check {
    pub code: &'static str,
    pub title: &'static str,
    /// The title in Vietnamese.
    pub title_vi: &'static str,
}

impl Check {
    /// The title in `lang`.
    pub fn title_in(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::En => self.title,
            Lang::Vi => self.title_vi,
        }
    }
}

macro_rules! checks {
    ($($name:ident = $code:literal, $title:literal, $title_vi:literal;)*) => {
        $(pub const $name: Check = Check { code: $code, title: $title, title_vi: $title_vi };)*
        /// Every check, for documentation and tests.
        pub const ALL_CHECKS: &[Check] = &[$($name),*];
    };
}

checks! {
    // Reading a file.
    FILE_UNREADABLE = "E001", "file cannot be read", "không đọc được tệp";
    FILE_TOO_LARGE = "E002", "file exceeds the size limit", "tệp vượt quá giới hạn dung lượng";
    NOT_UTF8 = "E003", "file is not UTF-8", "tệp không phải UTF-8";
    YAML_SYNTAX = "E004", "malformed YAML", "YAML sai cú pháp";
    YAML_LIMIT = "E005", "beyond the parser's limits: nesting or size", "vượt giới hạn của trình đọc: độ lồng nhau hoặc kích thước";
    NOT_A_MAPPING = "E006", "document is not a mapping", "nội dung tệp không phải là ánh xạ khóa";
    UNKNOWN_KEY = "E007", "unknown key", "khóa không xác định";
    MISSING_KEY = "E008", "missing key", "thiếu khóa";
    WRONG_TYPE = "E009", "value of the wrong type", "giá trị sai kiểu";
    BAD_HEADER = "E010", "unsupported format version or kind", "phiên bản định dạng hoặc loại tệp không được hỗ trợ";
    EMPTY_FILE = "E011", "empty file", "tệp rỗng";
    ANCHOR = "E012", "anchor or alias", "neo hoặc bí danh";
    NOTHING_TO_CHECK = "E013", "no file to check", "không có tệp nào để kiểm tra";
    HIDDEN_CHAR = "E014", "control, bidirectional or invisible character in a text", "ký tự điều khiển, ký tự hai chiều hoặc ký tự ẩn trong văn bản";
    NOT_ALL_SHOWN = "W015", "more problems in the file than are shown", "tệp có nhiều vấn đề hơn số được hiển thị";
    // Criteria sets.
    BAD_CODE = "E101", "malformed criterion code", "mã tiêu chí sai dạng";
    FLOAT_CODE = "E102", "criterion code written as a number", "mã tiêu chí viết dưới dạng số";
    DUPLICATE_CODE = "E103", "duplicate criterion code", "mã tiêu chí bị trùng";
    CODE_NOT_UNDER_PARENT = "E104", "child code does not extend its parent's", "mã tiêu chí con không nối tiếp mã của tiêu chí cha";
    BAD_MAX = "E105", "max is not positive", "điểm tối đa không dương";
    MAX_NOT_SUM = "E106", "parent max differs from the sum of its children", "điểm tối đa của tiêu chí cha khác tổng các tiêu chí con";
    TOTAL_NOT_SUM = "E107", "declared total differs from the sum of the sections", "tổng điểm khai báo khác tổng các lĩnh vực";
    LEAF_SHAPE = "E108", "node needs exactly one of items and rule", "một nút phải có đúng một trong `items` và `rule`";
    BAD_RULE = "E109", "malformed rule", "quy tắc chấm điểm sai dạng";
    BAD_GRADES = "E110", "malformed grade bands", "thang xếp loại sai dạng";
    BAD_ID = "E111", "malformed criteria set id", "mã bộ tiêu chí sai dạng";
    BAD_ROUNDING = "E113", "malformed rounding", "cách làm tròn sai dạng";
    DUPLICATE_ID = "E114", "criteria set id used twice", "mã bộ tiêu chí dùng hai lần";
    BAD_SECTION_KIND = "E115", "misused bonus or penalty section", "dùng sai lĩnh vực điểm thưởng hoặc điểm trừ";
    BAD_COMPONENT = "E116", "malformed or missing component", "thành phần điểm sai dạng hoặc bị thiếu";
    SIBLING_ORDER = "W101", "sibling codes out of order", "mã các tiêu chí cùng cấp không theo thứ tự";
    RATIO_INVERT = "W102", "ratio rule with `invert`", "quy tắc ratio có `invert`";
    // Evidence files.
    UNKNOWN_CRITERIA = "E201", "criteria set not found", "không tìm thấy bộ tiêu chí";
    UNKNOWN_CODE = "E202", "value for an unknown criterion code", "giá trị cho mã tiêu chí không có trong bộ tiêu chí";
    NOT_A_LEAF = "E203", "value for a criterion that has sub-criteria", "giá trị cho tiêu chí có tiêu chí thành phần";
    WRONG_VALUE_KIND = "E204", "value of the wrong kind for the rule", "giá trị sai loại so với quy tắc chấm điểm";
    RATE_OUT_OF_RANGE = "E205", "rate outside 0%–100%", "tỷ lệ nằm ngoài 0%–100%";
    BAD_FRACTION = "E206", "malformed fraction", "phân số sai dạng";
    BARE_NUMBER_FOR_RATE = "E207", "bare number where a rate is expected", "số không có dấu % ở chỗ cần tỷ lệ";
    NOT_A_COUNT = "E208", "count is not a whole number", "số lượng không phải số nguyên";
    NUMBER_TOO_LARGE = "E209", "number too large for an exact decimal", "số quá lớn đối với số thập phân chính xác";
    POINTS_OUT_OF_RANGE = "E210", "points outside 0–max", "điểm nằm ngoài khoảng 0–điểm tối đa";
    BAD_VALUE = "E211", "unreadable value", "giá trị không đọc được";
    EXPECTATION_FAILED = "E212", "expected figure differs from the computed one", "số liệu dự kiến khác số liệu tính được";
    ARITHMETIC_OVERFLOW = "E213", "arithmetic overflow while scoring", "tràn số khi chấm điểm";
    MIXED_CRITERIA = "E214", "files ranked against different criteria sets", "các tệp xếp hạng theo những bộ tiêu chí khác nhau";
    DUPLICATE_UNIT = "E215", "unit ranked twice", "đơn vị được xếp hạng hai lần";
    NA_NOT_ALLOWED = "E216", "n/a on a criterion that does not allow it", "n/a ở tiêu chí không cho phép";
    REAPPRAISED_WITHOUT_APPRAISED = "E217", "second appraisal without a first one", "thẩm định lần hai mà không có thẩm định lần một";
    NOT_A_LABEL = "E218", "value that is not one of the choice's labels", "giá trị không thuộc các lựa chọn của tiêu chí";
    MISSING_VALUE = "W201", "leaf without a value", "tiêu chí không có giá trị";
    APPRAISED_WITHOUT_REASON = "W202", "appraised value without a reason", "giá trị thẩm định không có lý do";
    REAPPRAISED_WITHOUT_REASON = "W203", "second appraisal without a reason", "thẩm định lần hai không có lý do";
    HALF_WRITTEN_ROUND = "W204", "appraisal round written in part", "vòng thẩm định ghi dở dang";
    BLANK_UNIT = "W205", "unit without a name", "đơn vị không có tên";
    // Comparing results (`diff`, `report --previous`).
    BAD_RESULT = "E301", "JSON result that `score` could not have written", "kết quả JSON không thể do `score` ghi ra";
    BAD_CODE_MAP = "E302", "renumbering map that does not fit the two results", "bảng đổi mã không khớp với hai kết quả";
    TITLE_CHANGED = "W301", "criterion matched by its code under an unrelated title", "tiêu chí khớp theo mã nhưng tên không liên quan";
    // Importing a published criteria table (`parindex criteria import`).
    TABLE_HEADER = "E401", "table header not recognised", "không nhận ra dòng tiêu đề của bảng";
    TABLE_ROW = "E402", "unreadable table row", "dòng trong bảng không đọc được";
    SCORING_OVER_MAX = "W401", "scoring text gives more points than the row's max", "cách chấm cho nhiều điểm hơn điểm tối đa của dòng";
    TABLE_MAX_NOT_SUM = "W402", "published max differs from the sum of its rows", "điểm tối đa công bố khác tổng các dòng";
    // Remediation plans (`kind: remediation`, `report --remediation`).
    REMEDY_UNKNOWN_CODE = "E501", "remedy for a criterion the set does not have", "nội dung khắc phục cho tiêu chí mà bộ tiêu chí không có";
    BAD_STATUS = "E502", "unknown remedy status", "tình trạng khắc phục không hợp lệ";
    BAD_DATE = "E503", "malformed date", "ngày viết sai";
    BAD_PROGRESS = "E504", "more tasks done than the plan has", "số nội dung đã thực hiện nhiều hơn số nội dung của kế hoạch";
    PLAN_MISMATCH = "E505", "plan for another unit, period or criteria set", "kế hoạch của đơn vị, kỳ hoặc bộ tiêu chí khác";
    UNREMEDIED_LOSS = "W501", "lost criterion with no remedy", "tiêu chí bị mất điểm chưa có nội dung khắc phục";
    REMEDY_NOT_LOST = "W502", "remedy for a criterion that lost no points", "nội dung khắc phục cho tiêu chí không bị mất điểm";
    INTERIM_MISMATCH = "E506", "interim evidence of another unit or of a period not after the remediated one", "số liệu năm nay của đơn vị khác hoặc của kỳ không sau kỳ được khắc phục";
    DROPPED_BUT_KEPT = "E507", "remedy marked dropped for a criterion the new set still has", "tiêu chí ghi là không còn trong bộ chỉ số mới nhưng bộ chỉ số mới vẫn có";
    PREVIOUS_MISMATCH = "E508", "previous result of another unit or of a period not earlier", "kết quả năm trước của đơn vị khác hoặc của kỳ không trước kỳ báo cáo";
    AS_OF_BEFORE_PERIOD = "E509", "plan dated as of a day before the remediated period ends", "kế hoạch khắc phục tính đến ngày trước khi kỳ được khắc phục kết thúc";
    DONE_BUT_LOSING = "W503", "remedy marked done where this year's values still lose points", "tiêu chí ghi là đã khắc phục nhưng số liệu năm nay vẫn bị mất điểm";
    UPKEEP_FOR_LOST_SECTION = "W504", "upkeep for a section that lost points", "nội dung nâng cao chỉ số cho lĩnh vực bị mất điểm";
    DATES_OUT_OF_ORDER = "W505", "plan dates out of order", "các ngày trong kế hoạch khắc phục không theo thứ tự";
    PEERS_OTHER_PERIOD = "W506", "peers of another period", "đơn vị so sánh thuộc kỳ khác";
    // Excel self-assessment forms (`template --format xlsx`, read back by every command).
    FORM_UNREADABLE = "E601", "file named .xlsx that is not a readable workbook", "tệp có đuôi .xlsx nhưng không phải sổ tính Excel đọc được";
    FORM_TOO_LARGE = "E602", "workbook that unpacks beyond the size limit", "sổ tính giải nén vượt giới hạn dung lượng";
    FORM_LAYOUT = "E603", "workbook that is not a parindex form", "sổ tính không phải phiếu tự đánh giá của parindex";
    FORM_OTHER_SET = "E604", "form made for another criteria set", "phiếu được lập cho bộ tiêu chí khác";
    FORM_CELL = "E605", "cell a form cannot hold", "ô chứa nội dung phiếu không nhận";
    FORM_CODE_TITLE = "E606", "form row whose code and title are of two criteria", "dòng phiếu có mã số và tên thuộc hai tiêu chí khác nhau";
    FORM_HIDDEN_CELLS = "E607", "values in hidden rows or columns of a form", "giá trị nằm trong hàng hoặc cột bị ẩn của phiếu";
    // Units files and the forms returned for them (`template --units`, `rank`/`check --units`).
    UNITS_NO_NAME_COLUMN = "E701", "units file without a name column", "tệp danh sách đơn vị không có cột tên";
    UNITS_EMPTY_NAME = "E702", "unit without a name", "đơn vị không có tên";
    UNITS_DUPLICATE = "E703", "unit listed twice", "đơn vị có tên hai lần trong danh sách";
    UNITS_LONG_NAME = "E704", "unit name too long", "tên đơn vị quá dài";
    UNITS_FILE_NAME_CLASH = "E705", "two units give the same form file name", "hai đơn vị cho cùng một tên tệp phiếu";
    UNITS_NO_FILE_NAME = "E706", "unit name gives no file name", "tên đơn vị không tạo được tên tệp";
    UNITS_BAD_ROW = "E707", "unreadable units file row", "dòng không đọc được trong tệp danh sách đơn vị";
    UNKNOWN_UNIT = "E708", "form for a unit not on the units list", "phiếu của đơn vị không có trong danh sách";
    UNITS_EMPTY = "E709", "units file without units", "tệp danh sách không có đơn vị nào";
    UNKNOWN_GROUP = "E710", "group not in the units file", "nhóm không có trong tệp danh sách đơn vị";
    UNITS_DUPLICATE_CODE = "E711", "unit code listed twice", "mã đơn vị trùng trong danh sách";
    UNITS_OPEN_QUOTE = "E712", "quote not closed in the units file", "dấu ngoặc kép chưa đóng trong tệp danh sách đơn vị";
    GROUP_OTHER_SET = "E713", "form under another criteria set than its group's", "phiếu theo bộ tiêu chí khác với nhóm của đơn vị";
    FORM_OTHER_PERIOD = "E714", "form of another period", "phiếu của kỳ đánh giá khác";
    FORM_NO_PERIOD = "E715", "form without a period", "phiếu không ghi kỳ đánh giá";
    MISSING_FORM = "W701", "no form from a unit on the list", "đơn vị trong danh sách chưa nộp phiếu";
    UNITS_UNKNOWN_COLUMN = "W702", "units file column not read", "cột của tệp danh sách đơn vị không được đọc";
    GROUP_SPELLINGS = "W703", "one group written several ways", "một nhóm được ghi theo nhiều cách";
    GROUPS_ONE_SET = "W704", "forms of every group written for one criteria set", "lập phiếu một bộ tiêu chí cho mọi nhóm";
}

/// A position in a file: 1-based line and column (in characters).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Position {
    pub line: usize,
    pub column: usize,
}

/// A diagnostic's text in both languages. `vi` is `None` for a text given as a plain string
/// (English only): it is then shown in English in every language.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Message {
    pub en: String,
    pub vi: Option<String>,
}

impl Message {
    pub fn new(en: impl Into<String>, vi: impl Into<String>) -> Message {
        Message {
            en: en.into(),
            vi: Some(vi.into()),
        }
    }

    /// The text in `lang`, English where no Vietnamese was written.
    pub fn get(&self, lang: Lang) -> &str {
        match (lang, &self.vi) {
            (Lang::Vi, Some(vi)) => vi,
            _ => &self.en,
        }
    }

    /// Both texts joined with `sep` after them, each in its own language.
    pub fn join(self, sep: &str, other: Message) -> Message {
        let vi = match (self.vi, other.vi) {
            (Some(a), Some(b)) => Some(format!("{a}{sep}{b}")),
            _ => None,
        };
        Message {
            en: format!("{}{sep}{}", self.en, other.en),
            vi,
        }
    }
}

impl From<String> for Message {
    fn from(en: String) -> Message {
        Message { en, vi: None }
    }
}

impl From<Box<Message>> for Message {
    fn from(m: Box<Message>) -> Message {
        *m
    }
}

impl From<&str> for Message {
    fn from(en: &str) -> Message {
        Message::from(en.to_string())
    }
}

impl From<&String> for Message {
    fn from(en: &String) -> Message {
        Message::from(en.clone())
    }
}

impl From<crate::i18n::Text> for Message {
    fn from(t: crate::i18n::Text) -> Message {
        Message::new(t.en, t.vi)
    }
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
    /// The message in Vietnamese, where it was written.
    pub message_vi: Option<String>,
    /// How to fix it, where that is clear.
    pub help: Option<String>,
    pub help_vi: Option<String>,
    /// The source line, quoted under the message: at most [`MAX_KEPT`] characters of it,
    /// around the spot (a line of megabytes is not copied into every diagnostic on it).
    pub source_line: Option<String>,
    /// How many characters of the line were cut before `source_line`, and whether some were
    /// cut after it.
    pub source_cut: (usize, bool),
    /// For a spreadsheet: the sheet and cell (`Tự đánh giá!E12`), in place of line and column.
    pub cell: Option<String>,
    /// On a W015: the errors and warnings of the file found but not shown, which a count of
    /// the file's problems (`check`'s totals) adds.
    pub not_shown: (usize, usize),
}

impl Diagnostic {
    /// The file, place, check and message: equal for the same finding met again.
    pub fn told_key(&self) -> ToldKey {
        ToldKey(
            self.file.clone(),
            self.position,
            self.check,
            self.message.clone(),
        )
    }

    /// A diagnostic; `message` is a [`Message`] in both languages, or a plain English string.
    pub fn new(check: Check, file: &str, message: impl Into<Message>) -> Self {
        let message = message.into();
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
            message: message.en,
            message_vi: message.vi,
            help: None,
            help_vi: None,
            source_line: None,
            source_cut: (0, false),
            cell: None,
            not_shown: (0, 0),
        }
    }

    /// Places the diagnostic at a spreadsheet cell (`Tự đánh giá!E12`): no line is quoted.
    pub fn in_cell(mut self, cell: impl Into<String>) -> Self {
        self.position = None;
        self.source_line = None;
        self.cell = Some(cell.into());
        self
    }

    pub fn criterion(mut self, code: impl Into<String>) -> Self {
        self.criterion = Some(code.into());
        self
    }

    pub fn help(mut self, help: impl Into<Message>) -> Self {
        self.set_help(Some(help.into()));
        self
    }

    /// Sets (or with `None` clears) the help in both languages.
    pub fn set_help(&mut self, help: Option<Message>) {
        let (en, vi) = help.map_or((None, None), |h| (Some(h.en), h.vi));
        self.help = en;
        self.help_vi = vi;
    }

    /// Replaces the message in both languages.
    pub fn set_message(&mut self, message: impl Into<Message>) {
        let m = message.into();
        self.message = m.en;
        self.message_vi = m.vi;
    }

    /// The message in `lang` (English where no Vietnamese was written).
    pub fn message_in(&self, lang: Lang) -> &str {
        match (lang, &self.message_vi) {
            (Lang::Vi, Some(vi)) => vi,
            _ => &self.message,
        }
    }

    /// The help in `lang` (English where no Vietnamese was written).
    pub fn help_in(&self, lang: Lang) -> Option<&str> {
        match (lang, &self.help_vi) {
            (Lang::Vi, Some(vi)) => Some(vi),
            _ => self.help.as_deref(),
        }
    }

    /// The diagnostic as people read it, in `lang` (`Display` is the English form).
    pub fn shown_in(&self, lang: Lang) -> Shown<'_> {
        Shown { d: self, lang }
    }

    /// Places the diagnostic at a position and quotes the source line from `text`.
    pub fn at(self, position: Option<Position>, span: usize, text: &str) -> Self {
        let line = position.and_then(|pos| text.lines().nth(pos.line.saturating_sub(1)));
        self.at_line(position, span, line)
    }

    /// [`Diagnostic::at`], given the line at `position` rather than the whole text.
    pub fn at_line(self, position: Option<Position>, span: usize, line: Option<&str>) -> Self {
        let Some(pos) = position else {
            return self;
        };
        let Some(line) = line.map(|l| l.trim_end_matches('\r')) else {
            let mut d = self;
            d.position = Some(pos);
            d.span = span.max(1);
            d.source_cut = (0, false);
            d.source_line = None;
            return d;
        };
        // At most MAX_KEPT bytes means at most MAX_KEPT characters: kept whole.
        if line.len() <= MAX_KEPT {
            return self.at_cut(pos, span, line.to_string(), (0, false));
        }
        let total = line.chars().count();
        let col = pos.column.saturating_sub(1).min(total);
        let start = col
            .saturating_sub(MAX_KEPT / 2)
            .min(total.saturating_sub(MAX_KEPT));
        let kept: String = line.chars().skip(start).take(MAX_KEPT).collect();
        self.at_cut(pos, span, kept, (start, start + MAX_KEPT < total))
    }

    /// Places the diagnostic at `position`, quoting `kept`: the part of the line around it,
    /// `cut.0` characters after the line's start, more of the line following if `cut.1`.
    pub fn at_cut(
        mut self,
        position: Position,
        span: usize,
        kept: String,
        cut: (usize, bool),
    ) -> Self {
        self.position = Some(position);
        self.span = span.max(1);
        self.source_cut = cut;
        self.source_line = Some(kept);
        self
    }

    /// The criterion code to put before the message: none where the message already starts
    /// with it (`3.4.1 …`, `criterion 3.4.1 …`).
    pub fn criterion_prefix(&self) -> Option<&str> {
        self.criterion_prefix_in(Lang::En)
    }

    /// [`Diagnostic::criterion_prefix`] for the message in `lang`.
    pub fn criterion_prefix_in(&self, lang: Lang) -> Option<&str> {
        let code = self.criterion.as_deref()?;
        let named = |m: &str| {
            m.strip_prefix(code)
                .is_some_and(|rest| !rest.starts_with(|c: char| c.is_ascii_digit() || c == '.'))
        };
        let m = self.message_in(lang);
        let criterion = format!("{} ", lang.t(words::CRITERION));
        if m.starts_with(code) || m.strip_prefix(criterion.as_str()).is_some_and(named) {
            None
        } else {
            Some(code)
        }
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// `file:line:column`, or as much of it as is known.
    pub fn location(&self) -> String {
        if let Some(cell) = &self.cell {
            return format!("{}: {cell}", self.file);
        }
        match self.position {
            Some(p) => format!("{}:{}:{}", self.file, p.line, p.column),
            None => self.file.clone(),
        }
    }
}

impl fmt::Display for Diagnostic {
    /// The human form, in English ([`Diagnostic::shown_in`] for another language).
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        self.shown_in(Lang::En).fmt(f)
    }
}

/// A diagnostic rendered in one language: the one place diagnostics are written for people.
/// Codes, file names, positions and the quoted line are the same in every language.
pub struct Shown<'a> {
    d: &'a Diagnostic,
    lang: Lang,
}

impl fmt::Display for Shown<'_> {
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
        // Every text here may quote the input: a control or bidirectional character in it is
        // written as its code point, never sent to the terminal as it is.
        // Every text is also bounded: a value of megabytes is quoted by its beginning.
        let (lang, this) = (self.lang, self.d);
        write!(f, "{}[{}]: ", this.severity.label(lang), this.check.code)?;
        if let Some(code) = this.criterion_prefix_in(lang) {
            write!(f, "{}: ", shown(code))?;
        }
        writeln!(f, "{}", shown(this.message_in(lang)))?;
        let gutter = this.position.map(|p| p.line.to_string().len()).unwrap_or(1);
        let pad = " ".repeat(gutter);
        write!(f, "{pad} --> {}", visible_name(&this.location()))?;
        if let (Some(p), Some(line)) = (this.position, &this.source_line) {
            // Tabs would shift the caret; show them as single spaces. A long line is cut to
            // a window around the spot.
            let chars: Vec<char> = line
                .chars()
                .map(|c| if c == '\t' { ' ' } else { c })
                .collect();
            let (cut_before, cut_after) = this.source_cut;
            let col = p
                .column
                .saturating_sub(1)
                .saturating_sub(cut_before)
                .min(chars.len());
            let (start, end) = if chars.len() > MAX_QUOTED {
                let start = col.saturating_sub(MAX_QUOTED / 2);
                (start, (start + MAX_QUOTED).min(chars.len()))
            } else {
                (0, chars.len())
            };
            // Columns on the terminal: hidden characters are shown as `<U+202E>`, a wide
            // character takes two, a combining mark (Vietnamese typed decomposed) none; the
            // caret moves with them.
            let width = |cs: &[char]| -> usize {
                cs.iter()
                    .map(|&c| {
                        if is_hidden(c) {
                            shown_char(c).len()
                        } else {
                            unicode_width::UnicodeWidthChar::width(c).unwrap_or(0)
                        }
                    })
                    .sum()
            };
            let mut shown: String = chars[start..end]
                .iter()
                .map(|&c| {
                    if is_hidden(c) {
                        shown_char(c)
                    } else {
                        c.to_string()
                    }
                })
                .collect();
            let mut caret_at = width(&chars[start..col]);
            if start > 0 || cut_before > 0 {
                shown.insert(0, '…');
                caret_at += 1;
            }
            if end < chars.len() || cut_after {
                shown.push('…');
            }
            let underlined = this.span.min(end.saturating_sub(col)).max(1);
            let carets = "^".repeat(width(&chars[col..(col + underlined).min(end)]).max(1));
            write!(
                f,
                "\n{pad} |\n{} | {shown}\n{pad} | {}{carets}",
                p.line,
                " ".repeat(caret_at)
            )?;
        }
        if let Some(help) = this.help_in(lang) {
            write!(f, "\n{pad} = {}: {}", lang.t(words::HELP), shown(help))?;
        }
        Ok(())
    }
}

/// Source lines longer than this many characters are quoted as a window around the spot.
const MAX_QUOTED: usize = 100;

/// The most characters of a source line a diagnostic keeps, around the spot.
pub const MAX_KEPT: usize = 200;

/// The most characters of a text in backticks (a value, a key, a name quoted from the input)
/// shown in a message or help, and of a whole message or help.
pub const MAX_QUOTE: usize = 80;
pub const MAX_TEXT: usize = 1000;

/// A message or help text as every output format shows it: each part in backticks cut to
/// [`MAX_QUOTE`] characters, the whole to [`MAX_TEXT`], and hidden characters written as
/// their code points ([`visible`]).
pub fn shown(s: &str) -> std::borrow::Cow<'_, str> {
    match bounded(s) {
        std::borrow::Cow::Borrowed(b) => visible(b),
        std::borrow::Cow::Owned(o) => std::borrow::Cow::Owned(visible(&o).into_owned()),
    }
}

/// `s` with each part in backticks cut to [`MAX_QUOTE`] characters and the whole to
/// [`MAX_TEXT`], each cut marked with `…`.
pub fn bounded(s: &str) -> std::borrow::Cow<'_, str> {
    // No part can be longer than the text: short texts are shown whole.
    if s.len() <= MAX_QUOTE {
        return std::borrow::Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len().min(4 * MAX_TEXT));
    let mut changed = false;
    for (i, part) in s.split('`').enumerate() {
        if i > 0 {
            out.push('`');
        }
        if i % 2 == 1 && part.chars().nth(MAX_QUOTE).is_some() {
            out.extend(part.chars().take(MAX_QUOTE));
            out.push('…');
            changed = true;
        } else {
            out.push_str(part);
        }
    }
    if let Some((cut, _)) = out.char_indices().nth(MAX_TEXT) {
        out.truncate(cut);
        out.push('…');
        changed = true;
    }
    if changed {
        std::borrow::Cow::Owned(out)
    } else {
        std::borrow::Cow::Borrowed(s)
    }
}

/// The most errors, and the most warnings, kept for one file (see [`Findings`]).
pub const KEPT_PER_FILE: usize = 100;

/// One file's diagnostics as they are found: the first [`KEPT_PER_FILE`] errors and as many
/// warnings kept, the rest only counted. A 16 MB file of a million unknown codes otherwise held
/// 1.7 GB of messages and printed 244 MB of them; the first hundred say what is wrong. Kept
/// errors fail the file whatever was dropped, so a count is all the rest need, told at the end
/// by one W015.
#[derive(Debug, Default)]
pub struct Findings {
    kept: Vec<Diagnostic>,
    errors: usize,
    warnings: usize,
    more_errors: usize,
    more_warnings: usize,
    /// A diagnostic beyond the limit, kept until the next, so that its finder may still
    /// complete it (a help, a criterion) as it would a kept one.
    spare: Option<Box<Diagnostic>>,
}

impl Findings {
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds a diagnostic (kept or counted), for its finder to complete.
    pub fn push(&mut self, d: Diagnostic) -> &mut Diagnostic {
        let (kept, more) = if d.is_error() {
            (&mut self.errors, &mut self.more_errors)
        } else {
            (&mut self.warnings, &mut self.more_warnings)
        };
        if *kept < KEPT_PER_FILE {
            *kept += 1;
            self.kept.push(d);
            return self.kept.last_mut().expect("just pushed");
        }
        *more += 1;
        let spare = self.spare.insert(Box::new(d));
        spare
    }

    /// How many were found, kept or not: grows with every [`Findings::push`].
    pub fn len(&self) -> usize {
        self.kept.len() + self.more_errors + self.more_warnings
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Whether any error was found.
    pub fn has_errors(&self) -> bool {
        self.errors > 0
    }

    /// The kept diagnostics, in the order found.
    pub fn kept(&self) -> &[Diagnostic] {
        &self.kept
    }

    /// Another collector's findings for the same file, added after these.
    pub fn absorb(&mut self, other: Findings) {
        for d in other.kept {
            self.push(d);
        }
        self.more_errors += other.more_errors;
        self.more_warnings += other.more_warnings;
    }

    /// The kept diagnostics, then one W015 on `file` (the file read) telling how many more
    /// there were.
    pub fn into_vec(mut self, file: &str) -> Vec<Diagnostic> {
        let (errors, warnings) = (self.more_errors, self.more_warnings);
        if errors + warnings > 0 {
            let mut d = Diagnostic::new(
                NOT_ALL_SHOWN,
                file,
                crate::i18n::diag::not_all_shown(KEPT_PER_FILE, errors, warnings),
            )
            .help(crate::i18n::diag::FIX_THE_FIRST);
            d.not_shown = (errors, warnings);
            self.kept.push(d);
        }
        self.kept
    }
}

/// What makes two diagnostics one finding: a criteria set's error met through many files is
/// told once (see [`Diagnostic::told_key`]).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct ToldKey(String, Option<Position>, Check, String);

/// Several diagnostics, at least one of them an error: the error type of loading.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostics(pub Vec<Diagnostic>);

impl Diagnostics {
    pub fn one(d: Diagnostic) -> Self {
        Diagnostics(vec![d])
    }

    /// The first `n` of a file's diagnostics, then one W015 counting the rest, for a command
    /// that reads many files (`rank`): ten thousand broken files each keeping a hundred
    /// messages would hold gigabytes, and `check FILE` shows a file's all.
    pub fn shortened(mut self, n: usize) -> Self {
        if self.0.len() <= n {
            return self;
        }
        // No count: a file's own W015 among the rest already left out what it did not keep.
        self.0.truncate(n);
        let file = self.0[0].file.clone();
        let d = Diagnostic::new(NOT_ALL_SHOWN, &file, crate::i18n::diag::NOT_SHOWN_HERE);
        self.0.push(d);
        self
    }
}

impl Diagnostics {
    /// Every diagnostic in `lang`, a blank line between them.
    pub fn shown_in(&self, lang: Lang) -> String {
        let shown: Vec<String> = self
            .0
            .iter()
            .map(|d| d.shown_in(lang).to_string())
            .collect();
        shown.join("\n\n")
    }
}

impl fmt::Display for Diagnostics {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(&self.shown_in(Lang::En))
    }
}

impl std::error::Error for Diagnostics {}

/// What kind of character [`is_hidden`] refuses: each is named for what it does to a text,
/// in the message and its help.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HiddenKind {
    /// A C0 or C1 control character (escape, bell, carriage return, …; tab and line feed too,
    /// callers allow them where they belong): it acts on the terminal.
    Control,
    /// Unicode's Bidi_Control characters: they reorder the text shown around them.
    Bidi,
    /// U+2028, U+2029: a line break that some programs show and others do not.
    Separator,
    /// A character that shows nothing and takes no room (zero-width spaces and joiners, the
    /// word joiner, the byte-order mark inside a text, the soft hyphen) or renders as a blank
    /// without being a space (Hangul fillers, the braille blank): two names that differ only
    /// by one look alike.
    Invisible,
    /// The rest of Unicode's Default_Ignorable_Code_Point set (variation selectors, tags,
    /// reserved formatting characters, …): programs are told to show nothing for them.
    Ignorable,
}

/// The kind of `c` if it must never reach a terminal or a document from an input file, None
/// for a character shown as itself. Vietnamese passes whole, composed (NFC) or decomposed
/// (NFD): the combining marks U+0300–U+036F are shown, all but U+034F (the combining grapheme
/// joiner, which shows nothing).
pub fn hidden_kind(c: char) -> Option<HiddenKind> {
    use HiddenKind::*;
    if c.is_control() {
        return Some(Control);
    }
    // Unicode 15 (DerivedCoreProperties.txt, PropList.txt): no crate in the build offers
    // Default_Ignorable_Code_Point or Bidi_Control, so the table is here, once.
    let kind = match u32::from(c) {
        // Bidi_Control.
        0x061C | 0x200E | 0x200F | 0x202A..=0x202E | 0x2066..=0x2069 => Bidi,
        0x2028 | 0x2029 => Separator,
        // Default-ignorable characters that are invisible by design.
        0x00AD // soft hyphen
        | 0x034F // combining grapheme joiner
        | 0x115F | 0x1160 | 0x3164 | 0xFFA0 // Hangul fillers: blank, wide
        | 0x180E // Mongolian vowel separator
        | 0x200B..=0x200D // zero width space, non-joiner, joiner
        | 0x2060..=0x2064 // word joiner, invisible operators
        | 0xFEFF // byte-order mark, zero width no-break space
        => Invisible,
        // Not default-ignorable but rendered as a blank that is not a space.
        0x2800 => Invisible, // braille pattern blank
        // The rest of Default_Ignorable_Code_Point.
        0x17B4 | 0x17B5 // Khmer inherent vowels
        | 0x180B..=0x180D | 0x180F // Mongolian variation selectors
        | 0x2065 | 0x206A..=0x206F // reserved; deprecated formatting
        | 0xFE00..=0xFE0F // variation selectors
        | 0xFFF0..=0xFFF8 // reserved
        | 0x1BCA0..=0x1BCA3 // shorthand format controls
        | 0x1D173..=0x1D17A // musical symbol format controls
        | 0xE0000..=0xE0FFF // tags, variation selectors supplement, reserved
        => Ignorable,
        // Interlinear annotation marks: formatting that hides the annotated text.
        0xFFF9..=0xFFFB => Ignorable,
        _ => return None,
    };
    Some(kind)
}

/// Whether `c` must never reach a terminal or a document from an input file: see
/// [`hidden_kind`].
pub fn is_hidden(c: char) -> bool {
    hidden_kind(c).is_some()
}

/// Whether a text may hold a character [`is_hidden`] refuses, judged on its bytes: every such
/// character starts with one of these bytes in UTF-8 (below 0x20 and 0x7F; 0xC2 for C1 and
/// the soft hyphen; 0xCD for U+034F; 0xD8 for U+061C; 0xE1 followed by 0x85, 0x9E or 0xA0 for
/// U+1140–U+117F, U+1780–U+17BF and U+1800–U+183F — not 0xBA or 0xBB, Vietnamese's letters
/// U+1EA0–U+1EFF; 0xE2 for U+2000–U+2FFF; 0xE3 for U+3164; 0xEF for U+FE00–U+FFFF; 0xF0 for
/// U+1BCA0 and U+1D173; 0xF3 for the tags). Texts without any are cleared without decoding.
pub fn may_hide(text: &str) -> bool {
    let bytes = text.as_bytes();
    bytes.iter().enumerate().any(|(i, &b)| {
        b < 0x20
            || matches!(
                b,
                0x7F | 0xC2 | 0xCD | 0xD8 | 0xE2 | 0xE3 | 0xEF | 0xF0 | 0xF3
            )
            || (b == 0xE1 && matches!(bytes.get(i + 1), Some(0x85 | 0x9E | 0xA0)))
    })
}

/// `<U+001B>`: how a hidden character is shown inside quoted text.
fn shown_char(c: char) -> String {
    format!("<U+{:04X}>", u32::from(c))
}

/// "U+001B (escape)": a hidden character named for a message.
pub fn char_name(c: char) -> String {
    let name = match c {
        '\0' => "null",
        '\u{7}' => "bell",
        '\u{8}' => "backspace",
        '\t' => "tab",
        '\n' => "line feed",
        '\u{b}' => "vertical tab",
        '\u{c}' => "form feed",
        '\r' => "carriage return",
        '\u{1b}' => "escape",
        '\u{7f}' => "delete",
        '\u{85}' => "next line",
        '\u{9b}' => "control sequence introducer",
        '\u{202A}' => "left-to-right embedding",
        '\u{202B}' => "right-to-left embedding",
        '\u{202C}' => "pop directional formatting",
        '\u{202D}' => "left-to-right override",
        '\u{202E}' => "right-to-left override",
        '\u{2066}' => "left-to-right isolate",
        '\u{2067}' => "right-to-left isolate",
        '\u{2068}' => "first strong isolate",
        '\u{2069}' => "pop directional isolate",
        '\u{061C}' => "Arabic letter mark",
        '\u{200E}' => "left-to-right mark",
        '\u{200F}' => "right-to-left mark",
        '\u{2028}' => "line separator",
        '\u{2029}' => "paragraph separator",
        '\u{00AD}' => "soft hyphen",
        '\u{034F}' => "combining grapheme joiner",
        '\u{115F}' | '\u{1160}' | '\u{3164}' | '\u{FFA0}' => "Hangul filler",
        '\u{180E}' => "Mongolian vowel separator",
        '\u{200B}' => "zero width space",
        '\u{200C}' => "zero width non-joiner",
        '\u{200D}' => "zero width joiner",
        '\u{2060}' => "word joiner",
        '\u{FEFF}' => "zero width no-break space",
        '\u{2800}' => "braille pattern blank",
        '\u{FE00}'..='\u{FE0F}' | '\u{E0100}'..='\u{E01EF}' => "variation selector",
        '\u{E0000}'..='\u{E007F}' => "tag",
        c if c.is_control() => "a control character",
        _ => "a formatting character",
    };
    format!("U+{:04X} ({name})", u32::from(c))
}

/// A file's name or place as shown on one line: as [`visible`], with tabs and line breaks
/// written as code points too, so that a name cannot break a line of output or fake one.
pub fn visible_name(s: &str) -> std::borrow::Cow<'_, str> {
    escaped(s, is_hidden)
}

/// `s` with each character `hide` picks written as its code point (`<U+001B>`).
fn escaped(s: &str, hide: impl Fn(char) -> bool) -> std::borrow::Cow<'_, str> {
    if !s.chars().any(&hide) {
        return std::borrow::Cow::Borrowed(s);
    }
    std::borrow::Cow::Owned(
        s.chars()
            .map(|c| {
                if hide(c) {
                    shown_char(c)
                } else {
                    c.to_string()
                }
            })
            .collect(),
    )
}

/// `s` with every hidden character but tab and line feed written as `<U+001B>`, for quoting
/// input in a message.
pub fn visible(s: &str) -> std::borrow::Cow<'_, str> {
    escaped(s, |c| is_hidden(c) && c != '\t' && c != '\n')
}

/// The longest word, in characters, [`suggest`] looks for a typo in (a unit's name is under a
/// hundred).
const MAX_SUGGESTED: usize = 300;

/// The closest of `candidates` to `word`, if close enough to be a likely typo. Criterion codes
/// (`3.4.1`) are held to [`suggest_code`]'s stricter rule.
pub fn suggest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    if looks_like_code(word) {
        return suggest_code(word, candidates);
    }
    let candidates: Vec<&'a str> = candidates.into_iter().collect();
    // The distance costs the product of the two lengths: a text longer than any name or key
    // is no typo of one (a 400 KB unit name against 700 names took 12 s), and two lengths
    // further apart than the distance allowed need not be compared.
    let len = word.chars().count();
    if len > MAX_SUGGESTED {
        return None;
    }
    let nearest = candidates
        .iter()
        .filter_map(|&c| {
            let c_len = c.chars().count();
            let allowed = (c_len.max(len) / 3).max(2);
            (c_len <= MAX_SUGGESTED && c_len.abs_diff(len) <= allowed)
                .then(|| (edit_distance(word, c), c))
                .filter(|(d, _)| *d <= allowed)
        })
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c);
    // A word cut short (`full` for `full_at`), when it begins one candidate only.
    nearest.or_else(|| {
        let mut starting = candidates
            .iter()
            .filter(|c| word.chars().count() >= 3 && c.starts_with(word));
        match (starting.next(), starting.next()) {
            (Some(&c), None) => Some(c),
            _ => None,
        }
    })
}

fn looks_like_code(word: &str) -> bool {
    word.bytes().any(|b| b.is_ascii_digit())
        && word.bytes().all(|b| b.is_ascii_digit() || b == b'.')
}

/// The code `code` was likely meant to be, if one is near enough to say so. A code is short
/// and its parts are numbers, so one edit turns `7.8` into `3.8` and `3.4.7` into any sibling:
/// only these count as near, and only when one candidate is nearer than every other:
/// - the same digits with the dots in other places (`21` → `2.1`, `3.41` → `3.4.1`);
/// - else a sibling (the same parent) whose last part is one edit away (`2.55` → `2.5`).
pub fn suggest_code<'a>(
    code: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    let split = |c: &'a str| c.rsplit_once('.').unwrap_or(("", c));
    let (parent, last) = code.rsplit_once('.').unwrap_or(("", code));
    let digits: String = code.chars().filter(|&c| c != '.').collect();
    let mut best: Option<(usize, &'a str)> = None;
    let mut tied = false;
    for c in candidates {
        if c == code {
            return Some(c);
        }
        let (c_parent, c_last) = split(c);
        // The digits right is nearer than a digit wrong.
        let distance = if c.chars().filter(|&ch| ch != '.').eq(digits.chars()) {
            1
        } else if c_parent == parent && edit_distance(last, c_last) <= 1 {
            2
        } else {
            continue;
        };
        match best {
            Some((d, b)) if d == distance && b != c => tied = true,
            Some((d, _)) if d <= distance => {}
            _ => {
                best = Some((distance, c));
                tied = false;
            }
        }
    }
    if tied {
        None
    } else {
        best.map(|(_, c)| c)
    }
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
    fn findings_keep_the_first_hundred_of_each_severity_and_count_the_rest() {
        let mut f = Findings::new();
        for i in 0..KEPT_PER_FILE + 7 {
            f.push(Diagnostic::new(
                UNKNOWN_CODE,
                "ev.yaml",
                format!("code {i}"),
            ))
            .criterion = Some(format!("9.{i}"));
        }
        for _ in 0..KEPT_PER_FILE + 1 {
            f.push(Diagnostic::new(MISSING_VALUE, "ev.yaml", "w"));
        }
        // Every push counts; what is beyond the limit is counted, not kept.
        assert_eq!(f.len(), 2 * KEPT_PER_FILE + 8);
        assert!(f.has_errors());
        assert_eq!(f.kept().len(), 2 * KEPT_PER_FILE);
        assert_eq!(
            f.kept()[KEPT_PER_FILE - 1].criterion.as_deref(),
            Some("9.99")
        );
        // Another collector's findings for the file: its counts are added, not reset.
        let mut other = Findings::new();
        other.push(Diagnostic::new(UNKNOWN_CODE, "ev.yaml", "one more"));
        f.absorb(other);
        let all = f.into_vec("ev.yaml");
        assert_eq!(all.len(), 2 * KEPT_PER_FILE + 1);
        let last = all.last().unwrap();
        assert_eq!(last.check, NOT_ALL_SHOWN);
        assert!(!last.is_error());
        assert_eq!(last.file, "ev.yaml");
        assert!(
            last.message
                .starts_with("8 more errors and 1 more warning in this file"),
            "{}",
            last.message
        );
        // Under the limit, nothing is added.
        let mut few = Findings::new();
        few.push(Diagnostic::new(MISSING_VALUE, "ev.yaml", "w"));
        few.push(Diagnostic::new(UNKNOWN_CODE, "ev.yaml", "e"));
        assert_eq!(few.into_vec("ev.yaml").len(), 2);
    }

    #[test]
    fn a_cell_replaces_line_and_column_and_quotes_nothing() {
        let d = Diagnostic::new(RATE_OUT_OF_RANGE, "phieu.xlsx", "rate 120%")
            .at(
                Some(Position { line: 3, column: 2 }),
                1,
                "a\nb\nsecret line",
            )
            .in_cell("Tự đánh giá!E12");
        assert_eq!(d.location(), "phieu.xlsx: Tự đánh giá!E12");
        let shown = d.to_string();
        assert!(shown.contains("--> phieu.xlsx: Tự đánh giá!E12"), "{shown}");
        assert!(!shown.contains("secret"), "{shown}");
    }

    #[test]
    fn check_codes_are_unique() {
        let mut codes: Vec<_> = ALL_CHECKS.iter().map(|c| c.code).collect();
        codes.sort();
        let before = codes.len();
        codes.dedup();
        assert_eq!(before, codes.len());
    }

    #[test]
    fn no_typo_is_looked_for_in_a_text_longer_than_any_name() {
        // Compared, these two took some ten seconds (the distance is quadratic).
        let (a, b) = ("a".repeat(100_000), "b".repeat(100_000));
        assert_eq!(suggest(&a, [b.as_str()]), None);
        assert_eq!(suggest(&a, ["UBND xã A"]), None);
        let long = "x".repeat(MAX_SUGGESTED - 1);
        let typo = format!("{long}y");
        assert_eq!(suggest(&typo, [long.as_str()]), Some(long.as_str()));
    }

    #[test]
    fn suggests_the_nearest_key() {
        assert_eq!(suggest("mx", ["code", "title", "max"]), Some("max"));
        assert_eq!(suggest("itmes", ["items", "rule"]), Some("items"));
        assert_eq!(suggest("zzzzzz", ["items", "rule"]), None);
        const NODE: [&str; 8] = [
            "code",
            "title",
            "max",
            "responsible",
            "note",
            "if_na",
            "rule",
            "items",
        ];
        for (typo, meant) in [
            ("tittle", "title"),
            ("Title", "title"),
            ("resposible", "responsible"),
            ("responsable", "responsible"),
            ("rules", "rule"),
            ("item", "items"),
            ("notes", "note"),
            ("ifna", "if_na"),
            ("if-na", "if_na"),
            ("maxx", "max"),
        ] {
            assert_eq!(suggest(typo, NODE), Some(meant), "{typo}");
        }
        let ratio = ["zero_at", "zero_below", "full_at", "invert"];
        assert_eq!(suggest("zero_bellow", ratio), Some("zero_below"));
        assert_eq!(suggest("full", ratio), Some("full_at"));
        assert_eq!(suggest("inverted", ratio), Some("invert"));
        assert_eq!(suggest("zero", ratio), None);
        assert_eq!(
            suggest("forbit", ["full", "exclude", "forbid"]),
            Some("forbid")
        );
        assert_eq!(
            suggest(
                "dak-nong-district-2021",
                ["dak-nong-district-2022", "dak-nong-district-2023"]
            ),
            Some("dak-nong-district-2022")
        );
    }

    #[test]
    fn suggests_a_code_only_when_it_is_near() {
        let codes = [
            "1", "1.1", "1.2", "2", "2.1", "2.5", "3", "3.8", "3.4.1", "3.4.12",
        ];
        // Another parent is not near, however few the edits.
        assert_eq!(suggest("7.8", codes), None);
        assert_eq!(suggest("4.1", codes), None);
        // One edit in the last part, with no other sibling as near.
        assert_eq!(suggest("2.55", codes), Some("2.5"));
        assert_eq!(suggest("3.4.121", codes), Some("3.4.12"));
        assert_eq!(suggest("3.4.2", codes), None);
        // Several siblings one edit away: no guess.
        assert_eq!(suggest("1.3", codes), None);
        assert_eq!(suggest("4", codes), None);
        // The digits right, the dots wrong.
        assert_eq!(suggest("21", codes), Some("2.1"));
        assert_eq!(suggest("3.41", codes), Some("3.4.1"));
        assert_eq!(suggest("341", codes), Some("3.4.1"));
        assert_eq!(suggest("34.1", codes), Some("3.4.1"));
    }

    #[test]
    fn default_ignorable_and_blank_characters_are_hidden() {
        use unicode_normalization::UnicodeNormalization;
        let refused = [
            '\u{34f}',
            '\u{180e}',
            '\u{fe00}',
            '\u{fe0f}',
            '\u{3164}',
            '\u{115f}',
            '\u{1160}',
            '\u{ffa0}',
            '\u{1d173}',
            '\u{1d17a}',
            '\u{2800}',
            '\u{e0000}',
            '\u{e0fff}',
            '\u{e0100}',
            '\u{2060}',
            '\u{2065}',
            '\u{206f}',
            '\u{ad}',
            '\u{200b}',
            '\u{200c}',
            '\u{200d}',
            '\u{feff}',
            '\u{17b4}',
            '\u{180b}',
            '\u{1bca0}',
            '\u{fff0}',
        ];
        for c in refused {
            assert!(is_hidden(c), "U+{:04X}", u32::from(c));
            // The fast path sees it inside Vietnamese text.
            assert!(
                may_hide(&format!("Ủy ban{c}nhân dân")),
                "U+{:04X}",
                u32::from(c)
            );
        }
        assert_eq!(hidden_kind('\u{200b}'), Some(HiddenKind::Invisible));
        assert_eq!(hidden_kind('\u{202e}'), Some(HiddenKind::Bidi));
        assert_eq!(hidden_kind('\u{1b}'), Some(HiddenKind::Control));
        assert_eq!(hidden_kind('\u{fe0f}'), Some(HiddenKind::Ignorable));
        assert_eq!(hidden_kind('\u{2029}'), Some(HiddenKind::Separator));
        // Vietnamese passes, composed (NFC) and decomposed (NFD: combining accents).
        let vietnamese = "Ủy ban nhân dân huyện Krông Nô, tỉnh Đắk Nông: cải cách hành chính, \
                          tự đánh giá, thẩm định, tiêu chí thành phần, điểm bị trừ; Ưng, ở, ữ, ỵ";
        for text in [
            vietnamese.nfc().collect::<String>(),
            vietnamese.nfd().collect(),
        ] {
            assert!(text.chars().all(|c| !is_hidden(c)), "{text:?}");
        }
        let nfd: String = vietnamese.nfd().collect();
        assert!(nfd.chars().any(|c| ('\u{300}'..='\u{36f}').contains(&c)));
        // Every combining diacritic but the grapheme joiner is shown.
        for c in ('\u{300}'..='\u{36f}').filter(|&c| c != '\u{34f}') {
            assert!(!is_hidden(c), "U+{:04X}", u32::from(c));
        }
        // Vietnamese's composed letters (U+1EA0–U+1EFF, bytes E1 BA/BB) skip the slow path.
        assert!(!may_hide(&vietnamese.nfc().collect::<String>()));
        // Visible spaces and symbols stay.
        for c in [
            '\u{a0}', '\u{2003}', '\u{2026}', '\u{20ab}', '\u{2116}', '→',
        ] {
            assert!(!is_hidden(c), "U+{:04X}", u32::from(c));
        }
    }

    #[test]
    fn hidden_characters_are_shown_as_code_points() {
        assert!(is_hidden('\u{1b}') && is_hidden('\u{9b}') && is_hidden('\u{202e}'));
        assert!(is_hidden('\u{2066}') && is_hidden('\r') && is_hidden('\u{7f}'));
        assert!(!is_hidden('ơ') && !is_hidden('\u{2070}') && !is_hidden('\u{300}'));
        assert!(
            is_hidden('\u{200b}')
                && is_hidden('\u{200f}')
                && is_hidden('\u{61c}')
                && is_hidden('\u{feff}')
        );
        assert!(is_hidden('\u{e0041}') && is_hidden('\u{2028}') && is_hidden('\u{ad}'));
        for t in [
            "UBND xã A\u{200b}",
            "a\u{61c}b",
            "x\u{feff}",
            "tag\u{e0041}",
        ] {
            assert!(may_hide(t), "{t:?}");
        }
        assert!(!may_hide("UBND huyện Krông Nô 97.3% Đắk Nông"));
        assert_eq!(char_name('\u{1b}'), "U+001B (escape)");
        assert_eq!(char_name('\u{202e}'), "U+202E (right-to-left override)");
        assert_eq!(visible("a\u{1b}[31mb\tc"), "a<U+001B>[31mb\tc");
        assert!(matches!(visible("Krông Nô"), std::borrow::Cow::Borrowed(_)));
        // The caret stays under the spot when a hidden character comes before it.
        let text = "title: \"a\u{202e}b\" x\n";
        let d = Diagnostic::new(HIDDEN_CHAR, "c.yaml", "m").at(
            Some(Position {
                line: 1,
                column: 14,
            }),
            1,
            text,
        );
        assert_eq!(
            d.to_string(),
            "error[E014]: m\n  --> c.yaml:1:14\n  |\n1 | title: \"a<U+202E>b\" x\n  |                     ^"
        );
    }

    #[test]
    fn the_caret_stands_under_the_spot_by_display_width() {
        use unicode_width::UnicodeWidthStr;
        // Decomposed Vietnamese (a combining mark takes no column) and a wide character (two
        // columns) before the spot, and a decomposed word under it.
        let text = "title: \"Ủy ban xa\u{303} 県\" unit: \"Ha\u{300}\"\n";
        let column = text[..text.find("unit").unwrap()].chars().count() + 1;
        let d = Diagnostic::new(YAML_SYNTAX, "c.yaml", "m").at(
            Some(Position { line: 1, column }),
            "unit: \"Ha\u{300}\"".chars().count(),
            text,
        );
        let shown = d.to_string();
        let lines: Vec<&str> = shown.lines().collect();
        let quoted = lines[3].split_once("| ").unwrap().1;
        let carets = lines[4].split_once("| ").unwrap().1;
        let before = &quoted[..quoted.find("unit").unwrap()];
        assert_eq!(carets.find('^').unwrap(), before.width(), "{shown}");
        assert_eq!(
            carets.trim().len(),
            "unit: \"Ha\u{300}\"".width(),
            "{shown}"
        );
    }

    #[test]
    fn a_long_line_is_kept_and_shown_as_a_window_around_the_spot() {
        let line = format!("key: \"{}ERR{}\"", "a".repeat(4_000_000), "b".repeat(1000));
        let column = line.find("ERR").unwrap() + 1;
        let d = Diagnostic::new(YAML_SYNTAX, "c.yaml", format!("bad `{line}`")).at(
            Some(Position { line: 1, column }),
            3,
            &line,
        );
        assert_eq!(d.source_line.as_ref().unwrap().chars().count(), MAX_KEPT);
        let shown = d.to_string();
        assert!(shown.len() < 1000, "{}", shown.len());
        let lines: Vec<&str> = shown.lines().collect();
        let quoted = lines[3].split_once("| ").unwrap().1;
        let carets = lines[4].split_once("| ").unwrap().1;
        assert!(quoted.starts_with('…') && quoted.ends_with('…'), "{quoted}");
        let at = carets.find('^').unwrap();
        let under: String = quoted.chars().skip(at).take(3).collect();
        assert_eq!(under, "ERR");
        assert_eq!(carets.trim(), "^^^");
        // The message's quote is cut too, in every format that shows it.
        assert!(bounded(&d.message).chars().count() <= MAX_QUOTE + 8);
    }

    #[test]
    fn renders_in_vietnamese_with_the_same_code_place_and_quote() {
        let text = "values:\n  \"3.4.1\": \"120%\"\n";
        let d = Diagnostic::new(
            RATE_OUT_OF_RANGE,
            "ev.yaml",
            crate::i18n::diag::rate_out_of_range("120%"),
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
        .help(crate::i18n::diag::RATE_IS_A_SHARE);
        assert_eq!(
            d.shown_in(Lang::Vi).to_string(),
            "lỗi[E205]: 3.4.1: tỷ lệ 120% nằm ngoài khoảng 0%–100%\n  --> ev.yaml:2:12\n  |\n2 |   \"3.4.1\": \"120%\"\n  |            ^^^^^^\n  = gợi ý: tỷ lệ là một phần của tổng thể: từ 0% đến 100%"
        );
        // `Display` stays English, byte for byte.
        assert_eq!(d.to_string(), d.shown_in(Lang::En).to_string());
        assert!(d
            .to_string()
            .starts_with("error[E205]: 3.4.1: the rate 120% lies"));
        // A warning's heading, and a message given as a plain string (English only).
        let w = Diagnostic::new(MISSING_VALUE, "ev.yaml", "plain English");
        assert_eq!(
            w.shown_in(Lang::Vi).to_string(),
            "cảnh báo[W201]: plain English\n  --> ev.yaml"
        );
        // A message that names its criterion ("tiêu chí 1.2 …") gets no prefix.
        let n = Diagnostic::new(
            NA_NOT_ALLOWED,
            "ev.yaml",
            crate::i18n::diag::na_not_allowed("1.2"),
        )
        .criterion("1.2");
        assert!(n
            .shown_in(Lang::Vi)
            .to_string()
            .starts_with("lỗi[E216]: tiêu chí 1.2 không"));
        assert!(n
            .to_string()
            .starts_with("error[E216]: criterion 1.2 does not"));
    }

    #[test]
    fn every_check_has_a_vietnamese_title() {
        for check in ALL_CHECKS {
            assert!(
                !check.title_vi.is_empty() && check.title_vi != check.title,
                "{}",
                check.code
            );
        }
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
