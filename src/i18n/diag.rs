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

// Values in evidence files (`load::value`, the rules' checks).

pub fn not_a_whole_count(written: &str) -> Message {
    m(
        format!("`{written}` is not a whole count"),
        format!("`{written}` không phải là số lượng nguyên"),
    )
}

pub fn thousands_separator(joined: &str) -> Message {
    m(
        format!("if `.` is a thousands separator (Vietnamese style), write {joined}"),
        format!("nếu `.` là dấu phân cách hàng nghìn (cách viết tiếng Việt), hãy viết {joined}"),
    )
}

pub const A_LABEL: Text = text("a label", "một lựa chọn");
pub const ANOTHER_KIND: Text = text("another kind of value", "loại giá trị khác");

/// "the `ratio` rule takes a rate, not a boolean (`true`)".
pub fn rule_takes(rule: &str, takes: Text, got: Text, written: &str) -> Message {
    m(
        format!("the `{rule}` rule takes {}, not {} (`{written}`)", takes.en, got.en),
        format!(
            "quy tắc `{rule}` nhận {}, không nhận {} (`{written}`)",
            takes.vi, got.vi
        ),
    )
}

/// "write a rate such as …".
pub fn write_this(spelling: Text) -> Message {
    m(
        format!("write {}", spelling.en),
        format!("hãy viết {}", spelling.vi),
    )
}

pub fn bare_number(written: &str, rule: &str) -> Message {
    m(
        format!("`{written}` is a bare number where the `{rule}` rule takes a rate"),
        format!("`{written}` là số trơn, trong khi quy tắc `{rule}` nhận một tỷ lệ"),
    )
}

pub fn bare_number_help(n: &str) -> Message {
    m(
        format!("parindex does not guess whether {n} meant {n}% or a share: write \"{n}%\" or a fraction of counts such as \"21/32\""),
        format!("parindex không đoán {n} là {n}% hay một phần của tổng: hãy viết \"{n}%\" hoặc phân số của hai số lượng như \"21/32\""),
    )
}

pub const DEDUCT_COUNTS: Text = text(
    "the `deduct` rule counts cases: write 0, 1, 2, …",
    "quy tắc `deduct` đếm số trường hợp: hãy viết 0, 1, 2, …",
);

pub fn negative_count(written: &str) -> Message {
    m(
        format!("the count {written} is negative"),
        format!("số lượng {written} là số âm"),
    )
}

pub fn negative(written: &str) -> Message {
    m(
        format!("`{written}` is negative"),
        format!("`{written}` là số âm"),
    )
}

pub const ZERO_OR_MORE: Text = text("values are 0 or more", "giá trị phải từ 0 trở lên");

pub fn points_over_max(written: &str, max: &str) -> Message {
    m(
        format!("{written} points exceed this criterion's max of {max}"),
        format!("{written} điểm vượt quá điểm tối đa {max} của tiêu chí này"),
    )
}

pub fn points_between(max: &str) -> Message {
    m(
        format!("a `points` value lies between 0 and {max}"),
        format!("giá trị `points` nằm trong khoảng từ 0 đến {max}"),
    )
}

pub const TYPING_SLIP: Text = text(
    "figures in evidence are counts, rates and points: check for a typing slip",
    "số liệu kiểm chứng là số lượng, tỷ lệ và điểm: hãy kiểm tra lỗi gõ nhầm",
);

pub fn number_too_large(n: &str) -> Message {
    m(
        format!("the number {n} is too large for an exact decimal"),
        format!("số {n} quá lớn để giữ chính xác dưới dạng số thập phân"),
    )
}

pub fn number_too_precise(n: &str) -> Message {
    m(
        format!("the number {n} is too large or too precise (more than 28 decimal places) for an exact decimal"),
        format!("số {n} quá lớn hoặc quá nhiều chữ số thập phân (hơn 28 chữ số) để giữ chính xác"),
    )
}

pub fn not_a_number(t: &str) -> Message {
    m(
        format!("`{t}` is not a number"),
        format!("`{t}` không phải là số"),
    )
}

pub fn decimal_comma(t: &str) -> Message {
    m(
        format!("`{t}` uses a decimal comma"),
        format!("`{t}` dùng dấu phẩy thập phân"),
    )
}

pub fn decimal_comma_help(with_point: &str) -> Message {
    m(
        format!("write the decimal point as `.`: {with_point}, or a whole count without separators"),
        format!("hãy viết dấu thập phân là `.`: {with_point}, hoặc số lượng nguyên không có dấu phân cách"),
    )
}

pub fn decimal_point_rate(with_point: &str) -> Message {
    m(
        format!("write the decimal point as `.`: {with_point}%"),
        format!("hãy viết dấu thập phân là `.`: {with_point}%"),
    )
}

pub fn unreadable_value(t: &str) -> Message {
    m(
        format!("`{t}` is not a value parindex can read"),
        format!("parindex không đọc được giá trị `{t}`"),
    )
}

pub const UNREADABLE_VALUE_HELP: Text = text(
    "write true/false (có/không), a rate \"97.29%\" or \"21/32\", a number, or \"n/a\"",
    "hãy viết true/false (có/không), một tỷ lệ \"97.29%\" hoặc \"21/32\", một số, hoặc \"n/a\"",
);

/// [`UNREADABLE_VALUE_HELP`] for a leaf that does not allow n/a.
pub const UNREADABLE_VALUE_HELP_WITHOUT_NA: Text = text(
    "write true/false (có/không), a rate \"97.29%\" or \"21/32\", or a number",
    "hãy viết true/false (có/không), một tỷ lệ \"97.29%\" hoặc \"21/32\", hoặc một số",
);

pub fn not_a_rate(whole: &str) -> Message {
    m(
        format!("`{whole}` is not a rate"),
        format!("`{whole}` không phải là tỷ lệ"),
    )
}

pub fn rate_out_of_range(whole: &str) -> Message {
    m(
        format!("the rate {whole} lies outside 0%–100%"),
        format!("tỷ lệ {whole} nằm ngoài khoảng 0%–100%"),
    )
}

pub const RATE_IS_A_SHARE: Text = text(
    "a rate is a share of a whole: between 0% and 100%",
    "tỷ lệ là một phần của tổng thể: từ 0% đến 100%",
);

pub fn not_a_fraction(whole: &str) -> Message {
    m(
        format!("`{whole}` is not a fraction of two counts"),
        format!("`{whole}` không phải là phân số của hai số lượng"),
    )
}

pub const FRACTION_HELP: Text = text(
    "write done/total with whole numbers, e.g. \"21/32\"",
    "hãy viết số đã làm/tổng số bằng số nguyên, ví dụ \"21/32\"",
);

pub fn fraction_part_not_whole(whole: &str, part: &str) -> Message {
    m(
        format!("`{whole}`: {part} is not a whole count"),
        format!("`{whole}`: {part} không phải là số lượng nguyên"),
    )
}

pub const FRACTION_PARTS_WHOLE: Text = text(
    "both parts of done/total are whole counts, e.g. \"21/32\"",
    "cả hai phần của số đã làm/tổng số đều là số lượng nguyên, ví dụ \"21/32\"",
);

pub fn zero_total(whole: &str) -> Message {
    m(
        format!("`{whole}` has a zero total"),
        format!("`{whole}` có tổng số bằng 0"),
    )
}

pub const ZERO_TOTAL_HELP: Text = text(
    "a rate from counts needs a total above 0; if nothing arose, write \"n/a\"",
    "tỷ lệ tính từ số lượng cần tổng số lớn hơn 0; nếu không phát sinh, hãy viết \"n/a\"",
);

/// [`ZERO_TOTAL_HELP`] for a leaf that does not allow n/a.
pub fn zero_total_help_without_na(code: &str) -> Message {
    m(
        format!("a rate from counts needs a total above 0; \"n/a\" (nothing arose) is not allowed on criterion {code}: the criteria set would need `if_na: full` or `if_na: exclude` on it"),
        format!("tỷ lệ tính từ số lượng cần tổng số lớn hơn 0; tiêu chí {code} không cho phép \"n/a\" (không phát sinh): bộ tiêu chí cần ghi `if_na: full` hoặc `if_na: exclude` cho tiêu chí này"),
    )
}

pub fn done_over_total(whole: &str) -> Message {
    m(
        format!("the rate {whole} is over 100%: done exceeds the total"),
        format!("tỷ lệ {whole} vượt quá 100%: số đã làm lớn hơn tổng số"),
    )
}

pub const DONE_AT_MOST_TOTAL: Text = text(
    "write done/total with done ≤ total",
    "hãy viết số đã làm/tổng số với số đã làm ≤ tổng số",
);

pub const ITS_VALUE: Text = text("its value", "giá trị của nó");

pub fn na_not_allowed(code: &str) -> Message {
    m(
        format!("criterion {code} does not allow n/a: the set would need `if_na: full` or `if_na: exclude` on it"),
        format!("tiêu chí {code} không cho phép n/a: bộ tiêu chí cần ghi `if_na: full` hoặc `if_na: exclude` cho tiêu chí này"),
    )
}

pub fn na_not_allowed_help(code: &str, spelling: Text) -> Message {
    m(
        format!("write {}; if the criterion can genuinely not arise (không phát sinh), the criteria set must say what n/a means there: `if_na: full` (n/a scores the max) or `if_na: exclude` (n/a leaves the scoring) on criterion {code}, or as the set's default", spelling.en),
        format!("hãy viết {}; nếu tiêu chí thực sự không phát sinh, bộ tiêu chí phải nói rõ n/a nghĩa là gì ở đó: `if_na: full` (n/a được điểm tối đa) hoặc `if_na: exclude` (n/a không tính vào điểm) cho tiêu chí {code}, hoặc làm mặc định của bộ tiêu chí", spelling.vi),
    )
}

// The shape of a YAML file (`load::raw`, `load::yaml`).

pub const A_MAPPING: Text = text("a mapping", "một ánh xạ khóa");
pub const A_LIST: Text = text("a list", "một danh sách");
pub const AN_EMPTY_VALUE: Text = text("an empty value", "giá trị rỗng");
pub const A_VALUE: Text = text("a value", "một giá trị");
pub const TEXT: Text = text("text", "văn bản");
pub const A_SINGLE_VALUE: Text = text("a single value", "một giá trị đơn");
pub const A_NUMBER: Text = text("a number", "một số");
pub const TRUE_OR_FALSE: Text = text("true or false", "true hoặc false");
pub const A_RULE: Text = text(
    "a rule: yes-no, ratio, points, or a mapping { ratio: …, tiers: …, deduct: …, linear: …, choice: … }",
    "một quy tắc chấm điểm: yes-no, ratio, points, hoặc một ánh xạ { ratio: …, tiers: …, deduct: …, linear: …, choice: … }",
);

pub fn the_boolean(b: bool) -> Message {
    m(format!("the boolean `{b}`"), format!("giá trị đúng/sai `{b}`"))
}

pub fn the_number(s: &str) -> Message {
    m(format!("the number `{s}`"), format!("số `{s}`"))
}

pub fn the_text(s: &str) -> Message {
    m(format!("the text `{s}`"), format!("văn bản `{s}`"))
}

/// "`items` must be a list, not the text `1.1`".
pub fn must_be(key: &str, expected: Text, found: Message) -> Message {
    let vi = found.vi.unwrap_or(found.en.clone());
    m(
        format!("`{key}` must be {}, not {}", expected.en, found.en),
        format!("`{key}` phải là {}, không phải {vi}", expected.vi),
    )
}

pub fn unknown_key(name: &str) -> Message {
    m(
        format!("unknown key `{name}`"),
        format!("khóa `{name}` không xác định"),
    )
}

pub fn missing_key(key: &str) -> Message {
    m(format!("missing key `{key}`"), format!("thiếu khóa `{key}`"))
}

/// "did you mean `max`? (keys here: …)", or the keys alone.
pub fn keys_here(suggested: Option<&str>, keys: &str) -> Message {
    match suggested {
        Some(s) => m(
            format!("did you mean `{s}`? (keys here: {keys})"),
            format!("có phải ý bạn là `{s}`? (các khóa ở đây: {keys})"),
        ),
        None => m(
            format!("keys here: {keys}"),
            format!("các khóa ở đây: {keys}"),
        ),
    }
}

pub fn file_is_not_a_mapping(found: Message) -> Message {
    let vi = found.vi.unwrap_or(found.en.clone());
    m(
        format!("the file is {}, not a mapping of keys", found.en),
        format!("tệp là {vi}, không phải một ánh xạ khóa"),
    )
}

pub const A_MAPPING_WITH_HEADER: Text = text(
    "a criteria set or evidence file is a mapping that starts with `parindex: 1` and `kind:`",
    "bộ tiêu chí hoặc tệp số liệu kiểm chứng là một ánh xạ khóa bắt đầu bằng `parindex: 1` và `kind:`",
);

pub const EMPTY_RULE_MAPPING: Text = text(
    "empty rule mapping: name one rule",
    "ánh xạ quy tắc rỗng: hãy ghi tên một quy tắc",
);

/// "a rule mapping names one rule, found `ratio` and `tiers`".
pub fn rule_mapping_names_one(names: &[String]) -> Message {
    m(
        format!("a rule mapping names one rule, found {}", names.join(" and ")),
        format!(
            "một ánh xạ quy tắc chỉ ghi một quy tắc, ở đây có {}",
            names.join(" và ")
        ),
    )
}

pub const TIER_NEEDS_THRESHOLD: Text = text(
    "a tier needs its threshold: `at_least`, `above`, `at_most` or `below`",
    "mỗi mức cần ngưỡng của nó: `at_least`, `above`, `at_most` hoặc `below`",
);

pub const TIER_ONE_THRESHOLD: Text = text(
    "a tier gives one threshold: `at_least`, `above`, `at_most` or `below`",
    "mỗi mức chỉ ghi một ngưỡng: `at_least`, `above`, `at_most` hoặc `below`",
);

pub fn entry_shape(code: &str, found: Message) -> Message {
    let vi = found.vi.unwrap_or(found.en.clone());
    m(
        format!("the value of `{code}` must be a single value or a mapping {{ value: …, appraised: …, reason: …, explanation: …, reappraised: …, reappraisal_reason: … }}, not {}", found.en),
        format!("giá trị của `{code}` phải là một giá trị đơn hoặc một ánh xạ {{ value: …, appraised: …, reason: …, explanation: …, reappraised: …, reappraisal_reason: … }}, không phải {vi}"),
    )
}

// Reading a file (`load`).

pub const A_FOLDER: Text = text("a folder", "một thư mục");
pub const A_FIFO: Text = text("a FIFO (named pipe)", "một đường ống có tên (FIFO)");
pub const A_SOCKET: Text = text("a socket", "một socket");
pub const A_DEVICE: Text = text("a device", "một thiết bị");
pub const SPECIAL_FILE: Text = text("not a regular file", "không phải tệp thông thường");

pub fn not_a_regular_file(what: Text) -> Message {
    m(
        format!("{}, not a regular file: only regular files are read", what.en),
        format!("{}, không phải tệp thông thường: chỉ đọc tệp thông thường", what.vi),
    )
}

pub fn not_regular_in_folder(what: Text) -> Message {
    m(
        format!("{}, not a regular file: not read", what.en),
        format!("{}, không phải tệp thông thường: không đọc", what.vi),
    )
}

pub const MOVE_IT_OUT: Text = text(
    "only regular files are read; move it out of the folder or rename it",
    "chỉ đọc tệp thông thường; hãy chuyển nó ra khỏi thư mục hoặc đổi tên",
);

/// The system's reason (`e`) stays as the system wrote it.
pub fn cannot_open(e: &str) -> Message {
    m(
        format!("cannot open the file: {e}"),
        format!("không mở được tệp: `{e}`"),
    )
}

pub fn cannot_read(e: &str) -> Message {
    m(
        format!("cannot read the file: {e}"),
        format!("không đọc được tệp: `{e}`"),
    )
}

pub fn cannot_read_folder(e: &str) -> Message {
    m(
        format!("cannot read the folder: {e}"),
        format!("không đọc được thư mục: `{e}`"),
    )
}

pub const SYSTEM_FILE: Text = text(
    "a system file (its size reads as 0, yet it holds data, as files under /proc and /sys do), not a regular file: not read",
    "một tệp hệ thống (kích thước ghi là 0 nhưng vẫn có dữ liệu, như các tệp trong /proc và /sys), không phải tệp thông thường: không đọc",
);

pub fn file_too_large(mib: u64) -> Message {
    m(
        format!("the file is larger than the {mib} MiB limit for criteria and evidence files"),
        format!("tệp lớn hơn giới hạn {mib} MiB cho bộ tiêu chí và tệp số liệu kiểm chứng"),
    )
}

pub fn invalid_utf8(byte: u8) -> Message {
    m(
        format!("invalid UTF-8 byte 0x{byte:02X}"),
        format!("byte 0x{byte:02X} không hợp lệ trong UTF-8"),
    )
}

pub const SAVE_AS_UTF8: Text = text(
    "save the file as UTF-8 (in Excel: “CSV UTF-8”; in an editor: “Save with encoding UTF-8”); TCVN3/VNI fonts must be converted to Unicode first",
    "hãy lưu tệp dưới dạng UTF-8 (trong Excel: “CSV UTF-8”; trong trình soạn thảo: “Save with encoding UTF-8”); văn bản phông TCVN3/VNI phải được chuyển sang Unicode trước",
);

pub const FILE_IS_EMPTY: Text = text("the file is empty", "tệp rỗng");

pub const STARTS_WITH_HEADER: Text = text(
    "a criteria set or evidence file starts with `parindex: 1` and `kind:`",
    "bộ tiêu chí hoặc tệp số liệu kiểm chứng bắt đầu bằng `parindex: 1` và `kind:`",
);

/// The YAML parser's own words (English) are quoted as they are.
pub fn yaml_syntax(parser: &str) -> Message {
    m(parser.to_string(), format!("YAML sai cú pháp: `{parser}`"))
}

pub fn nests_deeper(levels: usize) -> Message {
    m(
        format!("mappings and lists nest deeper than {levels} levels"),
        format!("các ánh xạ và danh sách lồng nhau sâu hơn {levels} cấp"),
    )
}

pub const NESTS_TOO_DEEPLY: Text = text(
    "the file nests too deeply to be a criteria or evidence file",
    "tệp lồng nhau quá sâu, không thể là bộ tiêu chí hay tệp số liệu kiểm chứng",
);

pub const AN_ALIAS: Text = text(
    "an alias (`*name`) repeats another part of the file",
    "một bí danh (`*name`) lặp lại phần khác của tệp",
);

pub const AN_ANCHOR: Text = text(
    "an anchor (`&name`) marks a part of the file for repeating",
    "một neo (`&name`) đánh dấu một phần của tệp để lặp lại",
);

pub const NO_ANCHORS: Text = text(
    "parindex files do not use anchors and aliases: write each value out where it belongs",
    "tệp parindex không dùng neo và bí danh: hãy viết đầy đủ từng giá trị ở đúng chỗ của nó",
);

pub fn tag_not_used(tag: &str) -> Message {
    m(
        format!("the tag `{tag}` is not used in parindex files"),
        format!("thẻ `{tag}` không được dùng trong tệp parindex"),
    )
}

pub const REMOVE_THE_TAG: Text = text(
    "remove the tag; quote a value to make it text",
    "hãy bỏ thẻ; đặt giá trị trong dấu nháy để nó là văn bản",
);

pub const SECOND_DOCUMENT: Text = text(
    "a second document (`---`) in one file",
    "tài liệu thứ hai (`---`) trong cùng một tệp",
);

pub const ONE_PER_FILE: Text = text(
    "keep one criteria set or evidence file per file",
    "mỗi tệp chỉ chứa một bộ tiêu chí hoặc một tệp số liệu kiểm chứng",
);

pub fn key_twice(key: &str, first_line: usize) -> Message {
    m(
        format!("key `{key}` appears twice in one mapping (first at line {first_line})"),
        format!("khóa `{key}` xuất hiện hai lần trong một ánh xạ (lần đầu ở dòng {first_line})"),
    )
}

pub const KEY_ONCE: Text = text(
    "each key may appear once in a mapping",
    "mỗi khóa chỉ được xuất hiện một lần trong một ánh xạ",
);

pub const COMPLEX_KEY: Text = text(
    "a key is a list or a mapping",
    "khóa là một danh sách hoặc một ánh xạ",
);

pub const KEYS_ARE_WORDS: Text = text(
    "keys are single words or quoted codes such as \"3.4.1\"",
    "khóa là một từ đơn hoặc một mã trong dấu nháy như \"3.4.1\"",
);

pub const NO_TABS: Text = text(
    "YAML indentation must use spaces, not tabs",
    "thụt lề trong YAML phải dùng dấu cách, không dùng tab",
);

pub const QUOTE_NOT_CLOSED: Text = text(
    "a quoted text is not closed: add the closing quote",
    "văn bản trong dấu nháy chưa được đóng: hãy thêm dấu nháy đóng",
);

pub const QUOTE_COLON: Text = text(
    "a text containing `: ` must be quoted",
    "văn bản có chứa `: ` phải đặt trong dấu nháy",
);

pub const A_CRITERIA_SET: Text = text("a criteria set", "một bộ tiêu chí");
pub const AN_EVIDENCE_FILE: Text = text("an evidence file", "một tệp số liệu kiểm chứng");
pub const A_CRITERIA_SET_OR_EVIDENCE: Text = text(
    "a criteria set or an evidence file",
    "một bộ tiêu chí hay một tệp số liệu kiểm chứng",
);
pub const OF_AN_UNKNOWN_KIND: Text = text("of an unknown kind", "thuộc loại không xác định");

pub const NOT_YAML: Text = text("it does not read as YAML", "tệp không đọc được dưới dạng YAML");

pub fn it_is_not_a_mapping(what: Text) -> Message {
    m(
        format!("it is {}, not a YAML mapping of keys", what.en),
        format!("tệp là {}, không phải một ánh xạ khóa YAML", what.vi),
    )
}

pub const NO_HEADER: Text = text(
    "it has neither `parindex:` nor `kind: criteria` or `kind: evidence` at its top level",
    "ở cấp cao nhất, tệp không có `parindex:` cũng không có `kind: criteria` hay `kind: evidence`",
);

/// "not a criteria set: it does not read as YAML; its content is not shown".
pub fn not_parindex(what: Text, reason: Message) -> Message {
    let vi = reason.vi.unwrap_or(reason.en.clone());
    m(
        format!("not {}: {}; its content is not shown", what.en, reason.en),
        format!("không phải {}: {vi}; nội dung tệp không được hiển thị", what.vi),
    )
}

pub const NOT_PARINDEX_HELP: Text = text(
    "a criteria set or an evidence file is YAML that starts with `parindex: 1` and `kind:`; check that the path names the file you meant",
    "bộ tiêu chí hoặc tệp số liệu kiểm chứng là YAML bắt đầu bằng `parindex: 1` và `kind:`; hãy kiểm tra đường dẫn có đúng tệp bạn muốn không",
);

pub fn unknown_kind(other: Message) -> Message {
    let vi = other.vi.unwrap_or(other.en.clone());
    m(
        format!("unknown kind {}", other.en),
        format!("loại tệp {vi} không xác định"),
    )
}

pub fn kind_on_one_line(kind: &str) -> Message {
    m(
        format!("write `kind: {kind}` on one line: a block scalar (`|` or `>`) keeps a line break"),
        format!("hãy viết `kind: {kind}` trên một dòng: khối văn bản (`|` hoặc `>`) giữ lại dấu xuống dòng"),
    )
}

pub fn did_you_mean_kind(kind: &str) -> Message {
    m(
        format!("did you mean `{kind}`? (`kind:` is `criteria` or `evidence`)"),
        format!("có phải ý bạn là `{kind}`? (`kind:` là `criteria` hoặc `evidence`)"),
    )
}

pub const KIND_IS: Text = text(
    "`kind:` is `criteria` or `evidence`",
    "`kind:` là `criteria` hoặc `evidence`",
);

pub const ADD_KIND: Text = text(
    "add `kind: criteria` or `kind: evidence` after `parindex: 1`",
    "hãy thêm `kind: criteria` hoặc `kind: evidence` sau `parindex: 1`",
);

pub fn unsupported_version(version: &str) -> Message {
    m(
        format!("unsupported format version `{version}`"),
        format!("phiên bản định dạng `{version}` không được hỗ trợ"),
    )
}

pub const VERSION_1: Text = text(
    "this parindex reads format version 1: write `parindex: 1`",
    "bản parindex này đọc định dạng phiên bản 1: hãy viết `parindex: 1`",
);

pub fn wrong_kind(expected: &str, what: Text, kind: &str) -> Message {
    m(
        format!("expected `kind: {expected}`, but this file is {} (`kind: {kind}`)", what.en),
        format!("cần `kind: {expected}`, nhưng tệp này là {} (`kind: {kind}`)", what.vi),
    )
}

pub const GIVE_EVIDENCE_HERE: Text = text(
    "give an evidence file here; a criteria set is named by the evidence file's `criteria:`",
    "hãy đưa tệp số liệu kiểm chứng vào đây; bộ tiêu chí được nêu ở khóa `criteria:` của tệp số liệu kiểm chứng",
);

pub const GIVE_CRITERIA_HERE: Text = text(
    "give a criteria set here (`kind: criteria`)",
    "hãy đưa bộ tiêu chí vào đây (`kind: criteria`)",
);

pub const THE_VALUE: Text = text("the value", "giá trị");
pub const A_LINE_BREAK: Text = text("a line break", "một dấu xuống dòng");
pub const A_CONTROL_CHARACTER: Text = text("a control character", "một ký tự điều khiển");
pub const A_BIDI_CONTROL: Text = text("a bidirectional control", "một ký tự điều khiển hai chiều");

pub fn one_line(what: Message) -> Message {
    let vi = what.vi.unwrap_or(what.en.clone());
    m(
        format!("{} is one line: remove the line break, or write the text as a block scalar (`|`); notes and reasons may hold several lines", what.en),
        format!("{vi} chỉ có một dòng: hãy bỏ dấu xuống dòng, hoặc viết văn bản dạng khối (`|`); ghi chú và lý do được phép có nhiều dòng"),
    )
}

pub const REMOVE_CONTROL: Text = text(
    "remove it: texts are shown on terminals and in reports, where a control character can recolour, move or erase what is shown (YAML escapes such as \\e, \\a, \\r and \\x1b write them)",
    "hãy bỏ ký tự này: văn bản được hiển thị trên màn hình dòng lệnh và trong báo cáo, nơi ký tự điều khiển có thể đổi màu, di chuyển hoặc xóa nội dung hiển thị (các chuỗi thoát YAML như \\e, \\a, \\r và \\x1b tạo ra chúng)",
);

pub const REMOVE_BIDI: Text = text(
    "remove it: it reorders the text shown around it, so that what a reader sees is not what the file says (YAML escapes such as \\u202E write it)",
    "hãy bỏ ký tự này: nó đảo thứ tự văn bản hiển thị xung quanh, khiến người đọc thấy khác với nội dung tệp (chuỗi thoát YAML như \\u202E tạo ra nó)",
);

/// "`title` holds U+001B (escape), a control character, at character 20". The character's
/// name is English; Vietnamese gives its code point alone.
pub fn holds_hidden(what: Message, char_name: &str, kind: Text, at: usize) -> Message {
    let vi = what.vi.unwrap_or(what.en.clone());
    let code_point = char_name.split(' ').next().unwrap_or(char_name);
    m(
        format!("{} holds {char_name}, {}, at character {at}", what.en, kind.en),
        format!("{vi} chứa {code_point}, {}, ở ký tự thứ {at}", kind.vi),
    )
}

pub fn not_a_label(written: &str) -> Message {
    m(
        format!("`{written}` is not one of this criterion's labels"),
        format!("`{written}` không phải là một trong các lựa chọn của tiêu chí này"),
    )
}

pub fn write_one_of(labels: &str) -> Message {
    m(
        format!("write one of: {labels}"),
        format!("hãy viết một trong các lựa chọn: {labels}"),
    )
}

pub const AN_EMPTY_FILE: Text = text("an empty file", "một tệp rỗng");

pub fn not_a_criteria_set(reason: Message) -> Message {
    let vi = reason.vi.unwrap_or(reason.en.clone());
    m(
        format!("not a criteria set: {}", reason.en),
        format!("không phải bộ tiêu chí: {vi}"),
    )
}

pub fn is_a_leaf(code: &str) -> Message {
    m(
        format!("{code} is a leaf, without sub-criteria"),
        format!("{code} là tiêu chí cuối, không có tiêu chí thành phần"),
    )
}

pub fn criteria_under(code: &str, children: &str) -> Message {
    m(
        format!("criteria under {code}: {children}"),
        format!("các tiêu chí thuộc {code}: {children}"),
    )
}

/// "code 1.10 is written as a number, which YAML reads as 1.1".
pub fn float_code(written: &str, read: Option<&str>) -> Message {
    match read {
        None => m(
            format!("code {written} is written as a number"),
            format!("mã {written} được viết dưới dạng số"),
        ),
        Some(read) => m(
            format!("code {written} is written as a number, which YAML reads as {read}"),
            format!("mã {written} được viết dưới dạng số, YAML đọc thành {read}"),
        ),
    }
}

// Evidence files (`load::evidence`).

pub fn not_regular(what: Text) -> Message {
    m(
        format!("{}, not a regular file", what.en),
        format!("{}, không phải tệp thông thường", what.vi),
    )
}

pub fn system_file_under(root: &str) -> Message {
    m(
        format!("a system file (under {root}), not a criteria set"),
        format!("một tệp hệ thống (trong {root}), không phải bộ tiêu chí"),
    )
}

pub fn unreadable_set(why: Message) -> Message {
    let vi = why.vi.unwrap_or(why.en.clone());
    m(
        format!("not a file parindex can read as a criteria set: {}", why.en),
        format!("parindex không đọc được tệp này như một bộ tiêu chí: {vi}"),
    )
}

pub fn content_not_shown(why: Message) -> Message {
    let vi = why.vi.unwrap_or(why.en.clone());
    m(
        format!("{}; its content is not shown", why.en),
        format!("{vi}; nội dung tệp không được hiển thị"),
    )
}

pub fn embedded_sets(suggested: Option<&str>, ids: &str) -> Message {
    match suggested {
        Some(s) => m(
            format!("did you mean `{s}`? Embedded sets: {ids}; or give a path relative to this file"),
            format!("có phải ý bạn là `{s}`? Các bộ tiêu chí có sẵn: {ids}; hoặc ghi đường dẫn tương đối so với tệp này"),
        ),
        None => m(
            format!("embedded sets: {ids}; or give a path relative to this file"),
            format!("các bộ tiêu chí có sẵn: {ids}; hoặc ghi đường dẫn tương đối so với tệp này"),
        ),
    }
}

pub fn criteria_not_found(id: &str) -> Message {
    m(
        format!("criteria set `{id}` is neither an embedded set nor a file"),
        format!("bộ tiêu chí `{id}` không phải bộ có sẵn, cũng không phải một tệp"),
    )
}

pub fn criteria_refused(id: &str, path: &str, what: Message) -> Message {
    let vi = what.vi.unwrap_or(what.en.clone());
    m(
        format!("criteria set `{id}` refused: {path} is {}", what.en),
        format!("bộ tiêu chí `{id}` bị từ chối: {path} là {vi}"),
    )
}

pub const CRITERIA_HELP: Text = text(
    "`criteria:` names an embedded set by its id, or a criteria set file (`kind: criteria`) by its path, relative to this file or absolute",
    "`criteria:` ghi mã của một bộ tiêu chí có sẵn, hoặc đường dẫn (tương đối so với tệp này hay tuyệt đối) tới một tệp bộ tiêu chí (`kind: criteria`)",
);

pub fn not_a_period(written: &str) -> Message {
    m(
        format!("`period: {written}` is not a period"),
        format!("`period: {written}` không phải là một kỳ đánh giá"),
    )
}

pub const WRITE_PERIOD: Text = text(
    "write the assessed period, e.g. `period: \"2022\"`",
    "hãy ghi kỳ đánh giá, ví dụ `period: \"2022\"`",
);

pub const GIVE_THE_LEAF_A_VALUE: Text = text(
    "give the leaf a value (the criteria set does not allow \"n/a\" on it)",
    "hãy ghi giá trị cho tiêu chí này (bộ tiêu chí không cho phép \"n/a\" ở đây)",
);

pub const GIVE_EACH_LEAF_NO_NA: Text = text(
    "give each leaf a value (the criteria set allows \"n/a\" on none of them)",
    "hãy ghi giá trị cho từng tiêu chí (bộ tiêu chí không cho phép \"n/a\" ở tiêu chí nào trong số này)",
);

pub const GIVE_EACH_LEAF_OR_NA: Text = text(
    "give each leaf a value, or \"n/a\" where the criterion does not apply",
    "hãy ghi giá trị cho từng tiêu chí, hoặc \"n/a\" nếu tiêu chí không áp dụng",
);

pub fn give_each_leaf_na_only_on(codes: &str) -> Message {
    m(
        format!("give each leaf a value; \"n/a\", where the criterion does not apply, is allowed only on {codes}"),
        format!("hãy ghi giá trị cho từng tiêu chí; \"n/a\" (tiêu chí không áp dụng) chỉ được phép ở {codes}"),
    )
}

/// "1 of 8 leaves has no value and score 0: 1.1".
pub fn leaves_without_value(n: usize, leaves: usize, codes: &str) -> Message {
    m(
        format!(
            "{n} of {leaves} leaves {} no value and score 0: {codes}",
            if n == 1 { "has" } else { "have" }
        ),
        format!("{n}/{leaves} tiêu chí không có giá trị và được 0 điểm: {codes}"),
    )
}

pub fn leaves_without_self(n: usize, leaves: usize, codes: &str) -> Message {
    let (has, score) = if n == 1 { ("has", "scores") } else { ("have", "score") };
    m(
        format!("{n} of {leaves} leaves {has} no self-assessed value (only the council's) and {score} 0 at stage self: {codes}"),
        format!("{n}/{leaves} tiêu chí không có giá trị tự đánh giá (chỉ có giá trị của hội đồng thẩm định) và được 0 điểm ở giai đoạn tự đánh giá: {codes}"),
    )
}

pub const GIVE_OWN_VALUE: Text = text(
    "give the unit's own value as `value: …` beside the council's",
    "hãy ghi giá trị tự đánh giá của đơn vị ở `value: …` bên cạnh giá trị của hội đồng",
);

pub const GIVE_OWN_VALUE_TOO: Text = text(
    "beside the council's values, give the unit's own as `value: …`",
    "bên cạnh giá trị của hội đồng, hãy ghi giá trị tự đánh giá của đơn vị ở `value: …`",
);

pub fn quote_the_key(written: &str) -> Message {
    m(
        format!("quote the code: `\"{written}\":`"),
        format!("hãy đặt mã trong dấu nháy: `\"{written}\":`"),
    )
}

pub fn not_a_code(shown: Message) -> Message {
    let vi = shown.vi.unwrap_or(shown.en.clone());
    m(
        format!("{} is not a criterion code", shown.en),
        format!("{vi} không phải là mã tiêu chí"),
    )
}

pub const VALUES_KEYS_ARE_CODES: Text = text(
    "keys under `values` are quoted criterion codes such as \"3.4.1\"",
    "các khóa trong `values` là mã tiêu chí đặt trong dấu nháy, như \"3.4.1\"",
);

pub fn show_lists_codes(id: &str) -> Message {
    m(
        format!("`parindex criteria show {id}` lists the codes"),
        format!("lệnh `parindex criteria show {id}` liệt kê các mã"),
    )
}

pub fn did_you_mean_in_set(code: &str, id: &str) -> Message {
    m(
        format!("did you mean `{code}`? (criteria set {id})"),
        format!("có phải ý bạn là `{code}`? (bộ tiêu chí {id})"),
    )
}

pub fn did_you_mean_beside(code: &str) -> Message {
    m(
        format!("did you mean `{code}`, the criterion beside it that has no value?"),
        format!("có phải ý bạn là `{code}`, tiêu chí bên cạnh chưa có giá trị?"),
    )
}

pub fn not_a_criterion_of(code: &str, id: &str) -> Message {
    m(
        format!("`{code}` is not a criterion of {id}"),
        format!("`{code}` không phải là tiêu chí của bộ {id}"),
    )
}

pub fn has_sub_criteria(code: &str) -> Message {
    m(
        format!("`{code}` has sub-criteria; its score is the sum of theirs"),
        format!("`{code}` có tiêu chí thành phần; điểm của nó là tổng điểm các tiêu chí thành phần"),
    )
}

pub fn give_leaves_values(leaves: &str) -> Message {
    m(
        format!("give values to its leaves instead: {leaves}"),
        format!("hãy ghi giá trị cho các tiêu chí thành phần: {leaves}"),
    )
}

pub fn two_values(code: &str) -> Message {
    m(
        format!("`{code}` has two values"),
        format!("`{code}` có hai giá trị"),
    )
}

pub const ONE_VALUE_EACH: Text = text(
    "keep one value per criterion",
    "mỗi tiêu chí chỉ giữ một giá trị",
);

pub fn appraised_without_reason(code: &str) -> Message {
    m(
        format!("`{code}` has an appraised value without a `reason`"),
        format!("`{code}` có giá trị thẩm định nhưng không có lý do (`reason`)"),
    )
}

pub const SAY_WHY_APPRAISED: Text = text(
    "say why the appraisal council changed the value: `reason: \"…\"`",
    "hãy ghi lý do hội đồng thẩm định thay đổi giá trị: `reason: \"…\"`",
);

pub fn reappraised_without_appraised(code: &str) -> Message {
    m(
        format!("`{code}` has a second appraisal (`reappraised`) but no first one (`appraised`)"),
        format!("`{code}` có thẩm định lần hai (`reappraised`) nhưng không có thẩm định lần một (`appraised`)"),
    )
}

pub const REAPPRAISED_WITHOUT_APPRAISED_HELP: Text = text(
    "a value is reappraised after the unit's explanation of the first appraisal: give the council's first value as `appraised: …` (with its `reason`), or write the council's value as `appraised` if there was one round",
    "giá trị được thẩm định lại sau khi đơn vị giải trình kết quả thẩm định lần một: hãy ghi giá trị thẩm định lần một của hội đồng ở `appraised: …` (kèm `reason`), hoặc ghi giá trị của hội đồng ở `appraised` nếu chỉ có một lần thẩm định",
);

pub fn reappraised_without_reason(code: &str) -> Message {
    m(
        format!("`{code}` has a reappraised value without a `reappraisal_reason`"),
        format!("`{code}` có giá trị thẩm định lại nhưng không có lý do (`reappraisal_reason`)"),
    )
}

pub const SAY_WHY_REAPPRAISED: Text = text(
    "say what the council made of the unit's explanation: `reappraisal_reason: \"…\"`",
    "hãy ghi kết luận của hội đồng về giải trình của đơn vị: `reappraisal_reason: \"…\"`",
);

pub fn empty_reappraised(code: &str) -> Message {
    m(
        format!("`{code}` has an empty `reappraised:` beside its `reappraisal_reason`: the first appraisal stays final"),
        format!("`{code}` có `reappraised:` để trống bên cạnh `reappraisal_reason`: kết quả thẩm định lần một vẫn là kết quả cuối cùng"),
    )
}

pub const WRITE_REAPPRAISED: Text = text(
    "write the council's value after the explanation: `reappraised: …`",
    "hãy ghi giá trị của hội đồng sau giải trình: `reappraised: …`",
);

pub fn reason_without_reappraised(code: &str) -> Message {
    m(
        format!("`{code}` has a `reappraisal_reason` but no second appraisal (`reappraised`): the first appraisal stays final"),
        format!("`{code}` có `reappraisal_reason` nhưng không có thẩm định lần hai (`reappraised`): kết quả thẩm định lần một vẫn là kết quả cuối cùng"),
    )
}

pub const GIVE_REAPPRAISED_OR_REMOVE: Text = text(
    "give the council's value after the explanation as `reappraised: …`, or remove the reason if there was no second appraisal",
    "hãy ghi giá trị của hội đồng sau giải trình ở `reappraised: …`, hoặc bỏ lý do nếu không có thẩm định lần hai",
);

pub fn explanation_without_appraised(code: &str) -> Message {
    m(
        format!("`{code}` has the unit's `explanation` but no first appraisal (`appraised`) to explain"),
        format!("`{code}` có giải trình của đơn vị (`explanation`) nhưng không có kết quả thẩm định lần một (`appraised`) để giải trình"),
    )
}

pub const GIVE_APPRAISED_OR_REMOVE: Text = text(
    "give the council's first value as `appraised: …` (with its `reason`), or remove the explanation",
    "hãy ghi giá trị thẩm định lần một của hội đồng ở `appraised: …` (kèm `reason`), hoặc bỏ phần giải trình",
);

/// "expected total `7x`: not a number"; `what` is the key (`total`, `percent`, `score`).
pub fn expected_figure(what: &str, written: &str, e: crate::decimal::NumberError) -> Message {
    use crate::decimal::NumberError;
    let vi = match e {
        NumberError::NotANumber => "không phải là số",
        NumberError::TooLarge => "số quá lớn để giữ chính xác dưới dạng số thập phân",
        NumberError::TooPrecise => {
            "số quá lớn hoặc quá nhiều chữ số thập phân (hơn 28 chữ số) để giữ chính xác"
        }
    };
    m(
        format!("expected {what} `{written}`: {e}"),
        format!("số liệu dự kiến `{what}` `{written}`: {vi}"),
    )
}

pub const WRITE_PUBLISHED_FIGURE: Text = text(
    "write the published figure as a number, e.g. 78.046",
    "hãy ghi số liệu đã công bố dưới dạng số, ví dụ 78.046",
);

pub fn two_expected_scores(code: &str) -> Message {
    m(
        format!("`{code}` has two expected scores"),
        format!("`{code}` có hai điểm dự kiến"),
    )
}

pub const ONE_EXPECTED_EACH: Text = text(
    "keep one expected score per criterion",
    "mỗi tiêu chí chỉ giữ một điểm dự kiến",
);
