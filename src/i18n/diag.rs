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
        format!(
            "the `{rule}` rule takes {}, not {} (`{written}`)",
            takes.en, got.en
        ),
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
        format!("`{written}` chỉ là một con số, trong khi quy tắc `{rule}` nhận một tỷ lệ"),
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

/// The most characters of a figure a message shows whole (a 30-digit slip is shown as typed),
/// and how many it keeps of a longer one: a 301-digit number is not echoed back.
const FIGURE_WHOLE: usize = 40;
const FIGURE_SHOWN: usize = 20;

/// `n` as a message shows it: whole when short, else its first [`FIGURE_SHOWN`] characters,
/// `…`, and how many digits it has (`(301 digits)` / `(301 chữ số)`).
fn figure(n: &str) -> (String, String) {
    if n.chars().count() <= FIGURE_WHOLE {
        return (n.to_string(), n.to_string());
    }
    let head: String = n.chars().take(FIGURE_SHOWN).collect();
    let digits = n.chars().filter(char::is_ascii_digit).count();
    (
        format!("{head}… ({digits} digits)"),
        format!("{head}… ({digits} chữ số)"),
    )
}

pub fn number_too_large(n: &str) -> Message {
    let (en, vi) = figure(n);
    m(
        format!("the number {en} is too large for an exact decimal"),
        format!("số {vi} quá lớn để giữ chính xác dưới dạng số thập phân"),
    )
}

pub fn number_too_precise(n: &str) -> Message {
    let (n, vi_n) = figure(n);
    m(
        format!("the number {n} is too large or too precise (more than 28 decimal places) for an exact decimal"),
        format!("số {vi_n} quá lớn hoặc quá nhiều chữ số thập phân (hơn 28 chữ số) để giữ chính xác"),
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
    m(
        format!("the boolean `{b}`"),
        format!("giá trị đúng/sai `{b}`"),
    )
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
    m(
        format!("missing key `{key}`"),
        format!("thiếu khóa `{key}`"),
    )
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
        format!(
            "a rule mapping names one rule, found {}",
            names.join(" and ")
        ),
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
        format!(
            "{}, not a regular file: only regular files are read",
            what.en
        ),
        format!(
            "{}, không phải tệp thông thường: chỉ đọc tệp thông thường",
            what.vi
        ),
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

/// `limit` in millions (the limit is a round number of them).
pub fn too_many_nodes(limit: usize) -> Message {
    let millions = limit / 1_000_000;
    m(
        format!("the file holds more than {millions} million keys, values and lists, the most one file may hold"),
        format!("tệp chứa hơn {millions} triệu khóa, giá trị và danh sách, quá số tối đa một tệp được chứa"),
    )
}

pub const TOO_MANY_NODES: Text = text(
    "no criteria set or evidence file comes near this (a set of 80,000 criteria holds under 800,000): is this the right file?",
    "không bộ tiêu chí hay tệp số liệu kiểm chứng nào gần đến mức này (bộ 80.000 tiêu chí chứa chưa đến 800.000): có đúng tệp không?",
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
pub const A_REMEDIATION_PLAN: Text = text("a remediation plan", "một kế hoạch khắc phục");
pub const GIVE_REMEDIATION_HERE: Text = text(
    "give a remediation plan here (`kind: remediation`)",
    "hãy đưa kế hoạch khắc phục vào đây (`kind: remediation`)",
);
pub const OF_AN_UNKNOWN_KIND: Text = text("of an unknown kind", "thuộc loại không xác định");

pub const NOT_YAML: Text = text(
    "it does not read as YAML",
    "tệp không đọc được dưới dạng YAML",
);

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
        format!(
            "không phải {}: {vi}; nội dung tệp không được hiển thị",
            what.vi
        ),
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
        format!("did you mean `{kind}`? (`kind:` is `criteria`, `evidence` or `remediation`)"),
        format!(
            "có phải ý bạn là `{kind}`? (`kind:` là `criteria`, `evidence` hoặc `remediation`)"
        ),
    )
}

pub const KIND_IS: Text = text(
    "`kind:` is `criteria`, `evidence` or `remediation`",
    "`kind:` là `criteria`, `evidence` hoặc `remediation`",
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
        format!(
            "expected `kind: {expected}`, but this file is {} (`kind: {kind}`)",
            what.en
        ),
        format!(
            "cần `kind: {expected}`, nhưng tệp này là {} (`kind: {kind}`)",
            what.vi
        ),
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

/// What a hidden character is, with its article: "U+200B (zero width space), an invisible
/// character".
pub fn hidden_kind(kind: crate::diag::HiddenKind) -> Text {
    use crate::diag::HiddenKind::*;
    match kind {
        Control => text("a control character", "một ký tự điều khiển"),
        Bidi => text("a bidirectional control", "một ký tự điều khiển hai chiều"),
        Separator => text(
            "a line or paragraph separator",
            "một ký tự ngắt dòng hoặc ngắt đoạn",
        ),
        Invisible => text("an invisible character", "một ký tự ẩn"),
        Ignorable => text(
            "a default-ignorable character (never shown)",
            "một ký tự bị bỏ qua khi hiển thị",
        ),
    }
}

/// How to mend a text holding a hidden character of `kind`, and why.
pub fn remove_hidden(kind: crate::diag::HiddenKind) -> Text {
    use crate::diag::HiddenKind::*;
    match kind {
        Control => REMOVE_CONTROL,
        Bidi => REMOVE_BIDI,
        Separator => text(
            "remove it: some programs break the line there and others do not, so the text is not shown the same everywhere (the YAML escapes \\L and \\P write it)",
            "hãy bỏ ký tự này: có chương trình xuống dòng ở đó, có chương trình không, nên văn bản không hiển thị giống nhau ở mọi nơi (chuỗi thoát YAML \\L và \\P tạo ra nó)",
        ),
        Invisible => text(
            "remove it: it shows nothing or a blank, so two texts that look alike differ (a unit, a title, a number); it often comes with text copied from a web page or a document, or from a YAML escape such as \\u200B",
            "hãy bỏ ký tự này: nó không hiện ra hoặc chỉ hiện thành khoảng trắng, nên hai văn bản trông giống nhau lại khác nhau (tên đơn vị, tiêu đề, số hiệu); ký tự này thường đi kèm văn bản chép từ trang mạng hoặc tài liệu khác, hoặc do chuỗi thoát YAML như \\u200B tạo ra",
        ),
        Ignorable => text(
            "remove it: programs are told to show nothing for it, so two texts that look alike differ; it often comes with text copied from a web page or a document (an emoji's variation selector, a tag character)",
            "hãy bỏ ký tự này: các chương trình không hiển thị nó, nên hai văn bản trông giống nhau lại khác nhau; ký tự này thường đi kèm văn bản chép từ trang mạng hoặc tài liệu khác (bộ chọn biến thể của biểu tượng cảm xúc, ký tự thẻ)",
        ),
    }
}

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
        format!(
            "{} holds {char_name}, {}, at character {at}",
            what.en, kind.en
        ),
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
    let (has, score) = if n == 1 {
        ("has", "scores")
    } else {
        ("have", "score")
    };
    m(
        format!("{n} of {leaves} leaves {has} no self-assessed value (only the council's) and {score} 0 at stage self: {codes}"),
        format!("{n}/{leaves} tiêu chí không có giá trị tự đánh giá (chỉ có giá trị của hội đồng thẩm định) và được 0 điểm ở giai đoạn tự đánh giá: {codes}"),
    )
}

/// "8 more errors and 1 more warning" and "8 lỗi nữa và 1 cảnh báo nữa" (W015).
fn more_of_each(errors: usize, warnings: usize) -> (String, String) {
    let part = |n: usize, en: &str| match n {
        0 => None,
        1 => Some(format!("1 more {en}")),
        n => Some(format!("{n} more {en}s")),
    };
    let en: Vec<String> = [part(errors, "error"), part(warnings, "warning")]
        .into_iter()
        .flatten()
        .collect();
    let vi: Vec<String> = [(errors, "lỗi"), (warnings, "cảnh báo")]
        .into_iter()
        .filter(|&(n, _)| n > 0)
        .map(|(n, what)| format!("{n} {what} nữa"))
        .collect();
    (en.join(" and "), vi.join(" và "))
}

/// W015: "… and 937,649 more errors and 2 more warnings in this file, not shown …".
pub fn not_all_shown(kept: usize, errors: usize, warnings: usize) -> Message {
    let (en, vi) = more_of_each(errors, warnings);
    m(
        format!(
            "{en} in this file {} not shown: at most {kept} errors and {kept} warnings are shown for one file",
            if errors + warnings == 1 { "is" } else { "are" }
        ),
        format!(
            "tệp này còn {vi} không được hiển thị: mỗi tệp chỉ hiển thị tối đa {kept} lỗi và {kept} cảnh báo"
        ),
    )
}

/// W015 in `rank`: "more problems of this file are not shown here: `parindex check` …". The
/// file is named by the diagnostic's place, not in the message: the same words for every file,
/// so that a folder of such files is told once, with their places listed.
pub const NOT_SHOWN_HERE: Text = text(
    "more problems of this file are not shown here: `parindex check` on the file shows them all",
    "tệp này còn vấn đề khác không được hiển thị ở đây: `parindex check` với tệp này hiển thị đầy đủ",
);

pub const FIX_THE_FIRST: Text = text(
    "fix the problems shown (the rest are often the same mistake repeated), then check the file again",
    "hãy sửa các vấn đề đã hiển thị (phần còn lại thường là cùng một lỗi lặp lại), rồi kiểm tra lại tệp",
);

pub const BLANK_UNIT: Text = text(
    "`unit:` is blank: the scorecard, a league table and a report show no name for this unit, and `rank --previous` cannot match it to last year's",
    "`unit:` để trống: phiếu điểm, bảng xếp hạng và báo cáo không có tên của đơn vị này, và `rank --previous` không đối chiếu được với năm trước",
);

/// W205 in a league: "2 of 9 units have a blank `unit:` and no name in the table: a.yaml, …".
pub fn nameless_units(n: usize, of: usize, files: &str) -> Message {
    let more = if n > 10 { ", …" } else { "" };
    m(
        format!(
            "{n} of {of} unit{} {} a blank `unit:` and no name in the table: {files}{more}",
            if of == 1 { "" } else { "s" },
            if n == 1 { "has" } else { "have" }
        ),
        format!("{n}/{of} đơn vị để trống `unit:` và không có tên trong bảng: {files}{more}"),
    )
}

/// W205 for last year's files (`rank --previous`): not in the table, but matched to no unit.
pub fn nameless_previous(n: usize, of: usize, files: &str) -> Message {
    let more = if n > 10 { ", …" } else { "" };
    m(
        format!(
            "{n} of last year's {of} file{} (--previous) {} a blank `unit:`, so the unit {} was is matched to none this year and may read as new: {files}{more}",
            if of == 1 { "" } else { "s" },
            if n == 1 { "has" } else { "have" },
            if n == 1 { "it" } else { "each" }
        ),
        format!("{n}/{of} tệp kỳ trước (--previous) để trống `unit:`, nên đơn vị của tệp đó không đối chiếu được với đơn vị nào năm nay và có thể hiện là mới: {files}{more}"),
    )
}

pub const BLANK_UNIT_CELL: Text = text(
    "the form's unit (Đơn vị) is blank: the scorecard, a league table and a report show no name for this unit",
    "ô Đơn vị của phiếu để trống: phiếu điểm, bảng xếp hạng và báo cáo không có tên của đơn vị này",
);

pub const NAME_THE_UNIT_CELL: Text = text(
    "write the unit's name in the Đơn vị cell as the province publishes it, e.g. UBND xã Nam Đà",
    "hãy ghi tên đơn vị vào ô Đơn vị như tỉnh công bố, ví dụ UBND xã Nam Đà",
);

pub const NAME_THE_UNIT: Text = text(
    "write the unit's name as the province publishes it, e.g. `unit: \"UBND xã Nam Đà\"`",
    "hãy ghi tên đơn vị như tỉnh công bố, ví dụ `unit: \"UBND xã Nam Đà\"`",
);

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
        format!(
            "`{code}` có tiêu chí thành phần; điểm của nó là tổng điểm các tiêu chí thành phần"
        ),
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

// Criteria sets (`load::criteria`).

pub const NO_SECTIONS: Text = text(
    "the criteria set has no sections",
    "bộ tiêu chí không có lĩnh vực nào",
);
pub const LIST_SECTIONS: Text = text(
    "list the sections (lĩnh vực) under `sections:`",
    "hãy liệt kê các lĩnh vực trong `sections:`",
);

pub fn component_unused(id: &str) -> Message {
    m(
        format!("no section names the component `{id}`"),
        format!("không lĩnh vực nào ghi thành phần điểm `{id}`"),
    )
}

pub const NAME_THE_COMPONENT: Text = text(
    "give a scored section `component: ID`, or remove the component",
    "hãy ghi `component: ID` cho một lĩnh vực được chấm điểm, hoặc bỏ thành phần điểm này",
);

pub const SECTIONS_OVERFLOW: Text = text(
    "the maxima of the sections add up to more than an exact decimal can hold",
    "tổng điểm tối đa của các lĩnh vực vượt quá khả năng giữ chính xác của số thập phân",
);

pub const CORRECT_SECTIONS_MAX: Text = text(
    "correct the sections' max: a criteria set's points are at most a few hundred",
    "hãy sửa điểm tối đa của các lĩnh vực: điểm của một bộ tiêu chí nhiều nhất chỉ vài trăm",
);

pub fn total_not_sum(total: &str, sum: &str, diff: &str) -> Message {
    m(
        format!("declared total {total} differs from the sum of the scored sections, {sum} (difference {diff})"),
        format!("tổng điểm khai báo {total} khác tổng điểm các lĩnh vực được chấm, {sum} (chênh lệch {diff})"),
    )
}

pub fn set_total(sum: &str) -> Message {
    m(
        format!("set `total: {sum}` or correct the sections' max"),
        format!("hãy ghi `total: {sum}` hoặc sửa điểm tối đa của các lĩnh vực"),
    )
}

pub fn if_na_is(suggested: Option<&str>) -> Message {
    let known = m(
        "`full` (n/a scores the max), `exclude` (n/a leaves the scoring) or `forbid` (n/a is an error)".into(),
        "`full` (n/a được điểm tối đa), `exclude` (n/a không tính vào điểm) hoặc `forbid` (n/a là lỗi)".into(),
    );
    let vi = known.vi.unwrap_or_default();
    match suggested {
        Some(s) => m(
            format!("did you mean `{s}`? `if_na` is {}", known.en),
            format!("có phải ý bạn là `{s}`? `if_na` là {vi}"),
        ),
        None => m(
            format!("`if_na` is {}", known.en),
            format!("`if_na` là {vi}"),
        ),
    }
}

pub fn unknown_if_na(text: &str) -> Message {
    m(
        format!("unknown `if_na: {text}`"),
        format!("`if_na: {text}` không xác định"),
    )
}

pub const SMALL_FIGURES: Text = text(
    "maxima and points in PAR criteria are small figures such as 13 or 0.5",
    "điểm tối đa và điểm trong tiêu chí CCHC là những số nhỏ như 13 hoặc 0.5",
);

pub const WRITE_A_NUMBER: Text = text(
    "write a number such as 13 or 0.5",
    "hãy viết một số như 13 hoặc 0.5",
);

pub fn bad_set_id(id: &str) -> Message {
    m(
        format!("`{id}` is not a valid criteria set id"),
        format!("`{id}` không phải là mã bộ tiêu chí hợp lệ"),
    )
}

pub const ID_SPELLING: Text = text(
    "an id uses lower-case letters, digits and `-`, e.g. dak-nong-district-2022",
    "mã chỉ gồm chữ thường, chữ số và `-`, ví dụ dak-nong-district-2022",
);

pub const NOT_A_YEAR: Text = text("`year` is not a year", "`year` không phải là một năm");

pub const WRITE_YEAR: Text = text(
    "write the assessment year, e.g. `year: 2022`",
    "hãy ghi năm đánh giá, ví dụ `year: 2022`",
);

pub fn bad_decimals(written: &str) -> Message {
    m(
        format!("`decimals: {written}` is not a number of places from 0 to 28"),
        format!("`decimals: {written}` không phải là số chữ số thập phân từ 0 đến 28"),
    )
}

pub const DECIMALS_3: Text = text(
    "PAR scores are usually kept to 3 places: `decimals: 3`",
    "điểm Chỉ số CCHC thường lấy 3 chữ số thập phân: `decimals: 3`",
);

pub fn rounding_modes(suggested: Option<&str>) -> Message {
    match suggested {
        Some(s) => m(
            format!("did you mean `{s}`? (modes: half-up, half-even, down)"),
            format!("có phải ý bạn là `{s}`? (các cách làm tròn: half-up, half-even, down)"),
        ),
        None => m(
            "modes: half-up, half-even, down".into(),
            "các cách làm tròn: half-up, half-even, down".into(),
        ),
    }
}

pub fn unknown_rounding(mode: &str) -> Message {
    m(
        format!("unknown rounding mode `{mode}`"),
        format!("cách làm tròn `{mode}` không xác định"),
    )
}

pub fn grade_outside(label: &str, number: &str) -> Message {
    m(
        format!("grade `{label}` starts at {number}%, outside 0–100"),
        format!("mức xếp loại `{label}` bắt đầu từ {number}%, nằm ngoài khoảng 0–100"),
    )
}

pub const GRADE_LABEL_BLANK: Text = text(
    "a grade band has a blank label",
    "một mức xếp loại để trống tên",
);

pub fn grade_label_twice(label: &str, first: &str) -> Message {
    m(
        format!("the grade `{label}` is given twice (first as `{first}`): two bands of one name cannot be told apart"),
        format!("mức xếp loại `{label}` được khai báo hai lần (lần đầu là `{first}`): hai mức cùng tên thì không phân biệt được"),
    )
}

pub const NAME_EACH_GRADE: Text = text(
    "give each band its own label, as the province's decision names it (Xuất sắc, Tốt, Khá, …)",
    "hãy đặt cho mỗi mức một tên riêng, như quyết định của tỉnh (Xuất sắc, Tốt, Khá, …)",
);

pub const MIN_IS_PERCENT: Text = text(
    "`min` is a percentage of the maximum, from 0 to 100",
    "`min` là tỷ lệ phần trăm so với điểm tối đa, từ 0 đến 100",
);

pub fn grade_not_below(label: &str, min: &str, prev: &str, prev_min: &str) -> Message {
    m(
        format!("grade `{label}` (min {min}) is not below the grade before it, `{prev}` (min {prev_min})"),
        format!("mức xếp loại `{label}` (min {min}) không thấp hơn mức liền trước, `{prev}` (min {prev_min})"),
    )
}

pub const GRADES_DECREASING: Text = text(
    "list grades from the highest band down, with strictly decreasing `min`",
    "hãy liệt kê các mức xếp loại từ cao xuống thấp, với `min` giảm dần",
);

pub fn grades_as_fractions(mins: &str, label: &str, first: &str) -> Message {
    m(
        format!("the grade bands look like fractions: every `min` is at most 1 ({mins}), but `min` is a percentage of the maximum, so `{label}` would start at {first}%"),
        format!("các mức xếp loại trông như phân số: mọi `min` đều không quá 1 ({mins}), nhưng `min` là tỷ lệ phần trăm so với điểm tối đa, nên `{label}` sẽ bắt đầu từ {first}%"),
    )
}

pub fn grades_as_percent(bands: &str) -> Message {
    m(
        format!("write each `min` as a percentage from 0 to 100 (a number, or a string such as \"90%\"): {bands}"),
        format!("hãy viết mỗi `min` là tỷ lệ phần trăm từ 0 đến 100 (một số, hoặc chuỗi như \"90%\"): {bands}"),
    )
}

pub fn last_grade_not_zero(label: &str, min: &str) -> Message {
    m(
        format!("the last grade, `{label}`, starts at {min}%, not 0"),
        format!("mức xếp loại cuối, `{label}`, bắt đầu từ {min}%, không phải 0"),
    )
}

pub const END_AT_ZERO: Text = text(
    "end the bands with one that starts at 0 (e.g. `{ label: \"Yếu\", min: 0 }`), so every result has a grade",
    "hãy kết thúc bằng một mức bắt đầu từ 0 (ví dụ `{ label: \"Yếu\", min: 0 }`), để kết quả nào cũng được xếp loại",
);

pub const GRADES_EMPTY: Text = text("`grades` is empty", "`grades` rỗng");

pub const LIST_BANDS: Text = text(
    "list the bands, or leave `grades` out",
    "hãy liệt kê các mức xếp loại, hoặc bỏ `grades`",
);

pub fn section_code_parts(code: &str) -> Message {
    m(
        format!("section code `{code}` has more than one part"),
        format!("mã lĩnh vực `{code}` có nhiều hơn một phần"),
    )
}

pub const SECTION_CODE_HELP: Text = text(
    "a section's code is a single number such as \"3\"; put this node under its section's `items`",
    "mã lĩnh vực là một số đơn như \"3\"; hãy đặt nút này trong `items` của lĩnh vực chứa nó",
);

pub fn not_under_parent(code: &str, parent: &str) -> Message {
    m(
        format!("code `{code}` does not extend its parent's code `{parent}`"),
        format!("mã `{code}` không nối tiếp mã `{parent}` của tiêu chí cha"),
    )
}

pub fn child_numbering(parent: &str) -> Message {
    m(
        format!("a child of {parent} is numbered {parent}.1, {parent}.2, …"),
        format!("tiêu chí con của {parent} được đánh số {parent}.1, {parent}.2, …"),
    )
}

pub fn code_twice(code: &str, first_line: Option<usize>) -> Message {
    match first_line {
        Some(line) => m(
            format!("code `{code}` is used twice (first at line {line})"),
            format!("mã `{code}` được dùng hai lần (lần đầu ở dòng {line})"),
        ),
        None => m(
            format!("code `{code}` is used twice"),
            format!("mã `{code}` được dùng hai lần"),
        ),
    }
}

pub const OWN_CODE: Text = text(
    "each criterion has its own code",
    "mỗi tiêu chí có mã riêng",
);

pub fn max_not_positive(written: &str) -> Message {
    m(
        format!("max is {written}; a criterion is worth more than 0 points"),
        format!("điểm tối đa là {written}; một tiêu chí phải có điểm tối đa lớn hơn 0"),
    )
}

pub const GIVE_MAX: Text = text(
    "give the points this criterion is worth, e.g. `max: 0.5`",
    "hãy ghi điểm tối đa của tiêu chí này, ví dụ `max: 0.5`",
);

pub fn kind_on_criterion(kind: &str) -> Message {
    m(
        format!("`kind: {kind}` is given on a criterion; it belongs to a section"),
        format!("`kind: {kind}` được ghi ở một tiêu chí; khóa này thuộc về lĩnh vực"),
    )
}

pub const KIND_ON_SECTION: Text = text(
    "put `kind: bonus` or `kind: penalty` on the top-level section; its criteria share it",
    "hãy ghi `kind: bonus` hoặc `kind: penalty` ở lĩnh vực cấp cao nhất; các tiêu chí của lĩnh vực dùng chung",
);

pub fn section_kinds(suggested: Option<&str>) -> Message {
    match suggested {
        Some(s) => m(
            format!("did you mean `{s}`? (kinds: scored, bonus, penalty)"),
            format!("có phải ý bạn là `{s}`? (các loại: scored, bonus, penalty)"),
        ),
        None => m(
            "kinds: scored (the default), bonus (điểm thưởng), penalty (điểm trừ)".into(),
            "các loại: scored (mặc định), bonus (điểm thưởng), penalty (điểm trừ)".into(),
        ),
    }
}

pub fn unknown_section_kind(kind: &str) -> Message {
    m(
        format!("unknown section kind `{kind}`"),
        format!("loại lĩnh vực `{kind}` không xác định"),
    )
}

pub const COMPONENT_ON_CRITERION: Text = text(
    "`component:` is given on a criterion; it belongs to a section",
    "`component:` được ghi ở một tiêu chí; khóa này thuộc về lĩnh vực",
);

pub const COMPONENT_ON_SECTION: Text = text(
    "name the component on the top-level section; its criteria share it",
    "hãy ghi thành phần điểm ở lĩnh vực cấp cao nhất; các tiêu chí của lĩnh vực dùng chung",
);

pub const ITEMS_AND_RULE: Text = text(
    "a node has either `items` or a `rule`, not both",
    "một nút chỉ có `items` hoặc `rule`, không có cả hai",
);

pub const ITEMS_AND_RULE_HELP: Text = text(
    "put the rule on the sub-criteria, or remove `items`",
    "hãy đặt quy tắc chấm điểm ở các tiêu chí thành phần, hoặc bỏ `items`",
);

pub fn neither_items_nor_rule(code: &str) -> Message {
    m(
        format!("`{code}` has neither `items` nor a `rule`"),
        format!("`{code}` không có `items` cũng không có `rule`"),
    )
}

pub const NEITHER_HELP: Text = text(
    "give a leaf a rule (yes-no, ratio, tiers, deduct, points) or list its sub-criteria under `items`",
    "hãy ghi quy tắc chấm điểm cho tiêu chí (yes-no, ratio, tiers, deduct, points) hoặc liệt kê các tiêu chí thành phần trong `items`",
);

pub const ITEMS_EMPTY: Text = text("`items` is empty", "`items` rỗng");

pub const ITEMS_EMPTY_HELP: Text = text(
    "list the sub-criteria, or make this node a leaf with a `rule`",
    "hãy liệt kê các tiêu chí thành phần, hoặc ghi `rule` để nút này là tiêu chí cuối",
);

pub const IF_NA_ON_NODE: Text = text(
    "`if_na` applies to leaves, not to a node with `items`",
    "`if_na` chỉ áp dụng cho tiêu chí cuối, không áp dụng cho nút có `items`",
);

pub const MOVE_IF_NA: Text = text(
    "move `if_na` to the sub-criteria it concerns",
    "hãy chuyển `if_na` xuống các tiêu chí thành phần liên quan",
);

pub const DEDUCT_IN_PENALTY: Text = text(
    "`deduct` in a penalty section: a penalty leaf scores the points taken away, so `deduct` would take away more the fewer the cases",
    "`deduct` trong lĩnh vực điểm trừ: tiêu chí điểm trừ tính số điểm bị trừ, nên `deduct` sẽ trừ càng nhiều khi càng ít trường hợp",
);

pub const DEDUCT_IN_PENALTY_HELP: Text = text(
    "say how much is taken with `{ tiers: [ { at_least: 1, points: 0.5 }, … ] }` or `points`",
    "hãy ghi số điểm bị trừ bằng `{ tiers: [ { at_least: 1, points: 0.5 }, … ] }` hoặc `points`",
);

pub fn children_overflow(n: usize) -> Message {
    m(
        format!("the maxima of its {n} sub-criteria add up to more than an exact decimal can hold"),
        format!("tổng điểm tối đa của {n} tiêu chí thành phần vượt quá khả năng giữ chính xác của số thập phân"),
    )
}

pub const CORRECT_CHILDREN_MAX: Text = text(
    "correct the sub-criteria's max: a criteria set's points are at most a few hundred",
    "hãy sửa điểm tối đa của các tiêu chí thành phần: điểm của một bộ tiêu chí nhiều nhất chỉ vài trăm",
);

pub fn max_not_sum(max: &str, n: usize, sum: &str, diff: &str) -> Message {
    m(
        format!("max {max} differs from the sum of its {n} sub-criteria, {sum} (difference {diff})"),
        format!("điểm tối đa {max} khác tổng điểm tối đa của {n} tiêu chí thành phần, {sum} (chênh lệch {diff})"),
    )
}

pub fn set_max(sum: &str) -> Message {
    m(
        format!("set `max: {sum}` or correct the sub-criteria's max"),
        format!("hãy ghi `max: {sum}` hoặc sửa điểm tối đa của các tiêu chí thành phần"),
    )
}

pub fn bad_component_id(id: &str) -> Message {
    m(
        format!("`{id}` is not a valid component id"),
        format!("`{id}` không phải là mã thành phần điểm hợp lệ"),
    )
}

pub const COMPONENT_ID_SPELLING: Text = text(
    "a component id uses lower-case letters, digits and `-`, e.g. `assessment`, `survey`",
    "mã thành phần điểm chỉ gồm chữ thường, chữ số và `-`, ví dụ `assessment`, `survey`",
);

pub fn component_twice(id: &str) -> Message {
    m(
        format!("component `{id}` is listed twice"),
        format!("thành phần điểm `{id}` được liệt kê hai lần"),
    )
}

pub const OWN_COMPONENT_ID: Text = text(
    "give each component its own id",
    "mỗi thành phần điểm có mã riêng",
);

pub const COMPONENTS_EMPTY: Text = text("`components` is empty", "`components` rỗng");

pub const LIST_COMPONENTS: Text = text(
    "list the parts of the total, `[ { id: assessment, title: \"Điểm thẩm định\" }, … ]`, or leave `components` out",
    "hãy liệt kê các thành phần của tổng điểm, `[ { id: assessment, title: \"Điểm thẩm định\" }, … ]`, hoặc bỏ `components`",
);

/// "components: assessment, survey", or that the set lists none (`ids` empty).
pub fn known_components(ids: &str) -> Message {
    if ids.is_empty() {
        m(
            "the set lists no `components:`".into(),
            "bộ tiêu chí không liệt kê `components:` nào".into(),
        )
    } else {
        m(
            format!("components: {ids}"),
            format!("các thành phần điểm: {ids}"),
        )
    }
}

/// `kind` is `bonus` or `penalty`.
pub fn outside_section_component(kind: &str, id: &str) -> Message {
    let vi = match kind {
        "bonus" => "điểm thưởng",
        _ => "điểm trừ",
    };
    m(
        format!("a {kind} section names the component `{id}`"),
        format!("lĩnh vực {vi} ghi thành phần điểm `{id}`"),
    )
}

pub const REMOVE_COMPONENT: Text = text(
    "bonus and penalty sections lie outside the maximum the components divide: remove `component:`",
    "lĩnh vực điểm thưởng và điểm trừ nằm ngoài điểm tối đa được chia cho các thành phần: hãy bỏ `component:`",
);

pub fn did_you_mean_component(id: &str, known: Message) -> Message {
    let vi = known.vi.unwrap_or(known.en.clone());
    m(
        format!("did you mean `{id}`? ({})", known.en),
        format!("có phải ý bạn là `{id}`? ({vi})"),
    )
}

pub fn unknown_component(id: &str) -> Message {
    m(
        format!("unknown component `{id}`"),
        format!("thành phần điểm `{id}` không xác định"),
    )
}

pub fn section_without_component(code: &str) -> Message {
    m(
        format!("section {code} names no `component:`, and the set divides its total into components"),
        format!("lĩnh vực {code} không ghi `component:`, trong khi bộ tiêu chí chia tổng điểm thành các thành phần"),
    )
}

pub fn add_component(known: Message) -> Message {
    let vi = known.vi.unwrap_or(known.en.clone());
    m(
        format!("add `component:` with one of the {}", known.en),
        format!("hãy thêm `component:` với một trong {vi}"),
    )
}

pub fn quote_the_code(written: &str) -> Message {
    m(
        format!("quote the code: `code: \"{written}\"`"),
        format!("hãy đặt mã trong dấu nháy: `code: \"{written}\"`"),
    )
}

pub const CODE_IN_QUOTES: Text = text(
    "a code is dot-separated numbers in quotes, e.g. \"3.4.1\"",
    "mã là các số cách nhau bởi dấu chấm, đặt trong dấu nháy, ví dụ \"3.4.1\"",
);

pub const CODE_SPELLING: Text = text(
    "a code is dot-separated positive numbers without leading zeros, e.g. \"3.4.1\"",
    "mã là các số dương cách nhau bởi dấu chấm, không có số 0 ở đầu, ví dụ \"3.4.1\"",
);

pub fn siblings_out_of_order(code: &str, before: &str, parent: Option<&str>) -> Message {
    match parent {
        Some(p) => m(
            format!("code `{code}` comes after `{before}` under {p}: siblings are out of order"),
            format!("mã `{code}` đứng sau `{before}` trong {p}: các tiêu chí cùng cấp không theo thứ tự"),
        ),
        None => m(
            format!("code `{code}` comes after `{before}`: siblings are out of order"),
            format!("mã `{code}` đứng sau `{before}`: các tiêu chí cùng cấp không theo thứ tự"),
        ),
    }
}

pub const SIBLINGS_IN_ORDER: Text = text(
    "list siblings in increasing order of their codes",
    "hãy xếp các tiêu chí cùng cấp theo thứ tự mã tăng dần",
);

// Scoring rules in a criteria set (`load::criteria`).

pub fn needs_parameters(rule: &str) -> Message {
    m(
        format!("the `{rule}` rule needs parameters"),
        format!("quy tắc `{rule}` cần tham số"),
    )
}

/// How to write a rule that needs parameters.
pub fn rule_example(rule: &str) -> Message {
    let form = match rule {
        "tiers" => "`rule: { tiers: [ { at_least: \"100%\", points: 1 }, … ] }`",
        "linear" => "`rule: { linear: { zero_at: 1, full_at: 5 } }`",
        "choice" => "`rule: { choice: { \"Kịp thời\": 1, \"Không kịp thời\": 0 } }`",
        _ => "`rule: { deduct: { per: 0.5 } }`",
    };
    m(format!("write {form}"), format!("hãy viết {form}"))
}

pub fn rules(suggested: Option<&str>, names: &str) -> Message {
    match suggested {
        Some(s) => m(
            format!("did you mean `{s}`? (rules: {names})"),
            format!("có phải ý bạn là `{s}`? (các quy tắc: {names})"),
        ),
        None => m(format!("rules: {names}"), format!("các quy tắc: {names}")),
    }
}

pub fn unknown_rule(name: &str) -> Message {
    m(
        format!("unknown rule `{name}`"),
        format!("quy tắc `{name}` không xác định"),
    )
}

pub const ZERO_AT_AND_BELOW: Text = text(
    "`zero_at` and `zero_below` are two names for the rate that scores 0: give one",
    "`zero_at` và `zero_below` là hai tên của cùng một tỷ lệ được 0 điểm: chỉ ghi một",
);

pub const KEEP_ZERO_AT: Text = text(
    "keep `zero_at` (and `full_at`); `zero_below` is its older name",
    "hãy giữ `zero_at` (và `full_at`); `zero_below` là tên cũ của nó",
);

pub const TIERS_EMPTY: Text = text("`tiers` is empty", "`tiers` rỗng");

pub const LIST_A_TIER: Text = text(
    "list at least one tier: `{ at_least: \"100%\", points: 1 }`",
    "hãy liệt kê ít nhất một mức: `{ at_least: \"100%\", points: 1 }`",
);

/// A tier whose bound runs against the first tier's direction.
pub fn tier_other_way(bound: &str, lower_is_better: bool) -> Message {
    let (ours, ours_vi, theirs) = if lower_is_better {
        (
            "`at_most` / `below` (lower is better)",
            "`at_most` / `below` (càng thấp càng tốt)",
            "`at_least` / `above`",
        )
    } else {
        (
            "`at_least` / `above` (higher is better)",
            "`at_least` / `above` (càng cao càng tốt)",
            "`at_most` / `below`",
        )
    };
    m(
        format!("tier `{bound}` runs the other way from the first tier: this list uses {ours}, not {theirs}"),
        format!("mức `{bound}` đi ngược chiều với mức đầu tiên: danh sách này dùng {ours_vi}, không dùng {theirs}"),
    )
}

pub const ONE_DIRECTION: Text = text(
    "one list of tiers uses one direction: `at_least`/`above` from the highest threshold down, or `at_most`/`below` from the lowest up",
    "một danh sách mức chỉ dùng một chiều: `at_least`/`above` từ ngưỡng cao nhất xuống, hoặc `at_most`/`below` từ ngưỡng thấp nhất lên",
);

pub fn mixed_thresholds(threshold: &str) -> Message {
    m(
        format!("tier threshold `{threshold}` mixes rates and plain numbers"),
        format!("ngưỡng `{threshold}` trộn lẫn tỷ lệ và số thường"),
    )
}

pub const SAME_SCALE: Text = text(
    "write every threshold of a rule as a percentage (\"80%\") or every one as a number (2)",
    "hãy viết mọi ngưỡng của một quy tắc đều là tỷ lệ phần trăm (\"80%\") hoặc đều là số (2)",
);

/// `what` is `tier` or `choice`.
pub fn points_outside(what: &str, points: &str, max: &str) -> Message {
    let vi = if what == "tier" {
        "của mức"
    } else {
        "của lựa chọn"
    };
    m(
        format!("{what} points {points} lie outside 0–{max} (the max)"),
        format!("điểm {vi} là {points}, nằm ngoài khoảng 0–{max} (điểm tối đa)"),
    )
}

pub const TIER_AWARDS: Text = text(
    "a tier awards between 0 and the criterion's max",
    "mỗi mức cho điểm từ 0 đến điểm tối đa của tiêu chí",
);

pub const LABEL_AWARDS: Text = text(
    "a label awards between 0 and the criterion's max",
    "mỗi lựa chọn cho điểm từ 0 đến điểm tối đa của tiêu chí",
);

pub fn threshold_not_above(threshold: &str) -> Message {
    m(
        format!("tier threshold `{threshold}` is not above the one before it"),
        format!("ngưỡng `{threshold}` không cao hơn ngưỡng liền trước"),
    )
}

pub const TIERS_INCREASING: Text = text(
    "list `at_most` / `below` tiers from the lowest threshold up, strictly increasing",
    "hãy liệt kê các mức `at_most` / `below` từ ngưỡng thấp nhất lên, tăng dần",
);

pub fn threshold_not_below(threshold: &str) -> Message {
    m(
        format!("tier threshold `{threshold}` is not below the one before it"),
        format!("ngưỡng `{threshold}` không thấp hơn ngưỡng liền trước"),
    )
}

pub const TIERS_DECREASING: Text = text(
    "list tiers from the highest threshold down, strictly decreasing",
    "hãy liệt kê các mức từ ngưỡng cao nhất xuống, giảm dần",
);

pub fn threshold_negative(threshold: &str) -> Message {
    m(
        format!("tier threshold `{threshold}` is negative"),
        format!("ngưỡng `{threshold}` là số âm"),
    )
}

pub fn never_scores(below: bool, threshold: &str) -> Message {
    let (en, vi) = if below {
        ("below", "nhỏ hơn")
    } else {
        ("above", "lớn hơn")
    };
    m(
        format!("no value is {en} `{threshold}`: this tier can never score"),
        format!("không giá trị nào {vi} `{threshold}`: mức này không bao giờ được điểm"),
    )
}

pub const NONE_AT_ALL: Text = text(
    "values are 0 or more: write `at_most: 0` for \"none at all\"",
    "giá trị từ 0 trở lên: hãy viết `at_most: 0` cho trường hợp \"không có\"",
);

pub const AT_MOST_100: Text = text(
    "rates are at most 100%: write `at_least: \"100%\"`",
    "tỷ lệ không quá 100%: hãy viết `at_least: \"100%\"`",
);

pub fn too_few_labels(n: usize) -> Message {
    m(
        format!("`choice` lists {n} label(s): a choice needs at least two"),
        format!("`choice` chỉ có {n} lựa chọn: cần ít nhất hai lựa chọn"),
    )
}

pub const LIST_LABELS: Text = text(
    "list each label with its points: `{ choice: { \"Kịp thời\": 1, \"Không kịp thời\": 0 } }`; a single outcome is `yes-no`",
    "hãy liệt kê từng lựa chọn kèm điểm: `{ choice: { \"Kịp thời\": 1, \"Không kịp thời\": 0 } }`; một kết quả duy nhất thì dùng `yes-no`",
);

pub const EMPTY_LABEL: Text = text("a choice label is empty", "một lựa chọn để trống");

pub const NA_LABEL: Text = text(
    "a choice label is `n/a`, which evidence writes for \"does not apply\"",
    "một lựa chọn là `n/a`, vốn được dùng trong số liệu kiểm chứng với nghĩa \"không áp dụng\"",
);

pub const NA_LABEL_HELP: Text = text(
    "say what n/a means with `if_na: full | exclude | forbid` on the criterion, and keep the labels for outcomes",
    "hãy nói rõ n/a nghĩa là gì bằng `if_na: full | exclude | forbid` ở tiêu chí, và chỉ dùng lựa chọn cho các kết quả",
);

pub fn same_label(label: &str, other: &str) -> Message {
    m(
        format!("choice label \"{label}\" is the same as \"{other}\" once case, accents' encoding and spaces are set aside"),
        format!("lựa chọn \"{label}\" trùng với \"{other}\" khi bỏ qua chữ hoa/thường, cách mã hóa dấu và khoảng trắng"),
    )
}

pub const EACH_LABEL_ONCE: Text = text(
    "evidence names a label in any case and spacing: give each label once",
    "số liệu kiểm chứng ghi lựa chọn không phân biệt chữ hoa/thường và khoảng trắng: mỗi lựa chọn chỉ ghi một lần",
);

pub fn linear_percentage(written: &str) -> Message {
    m(
        format!("`linear` takes plain numbers, not the percentage `{written}`"),
        format!("`linear` nhận số thường, không nhận tỷ lệ phần trăm `{written}`"),
    )
}

pub const FOR_A_RATE: Text = text(
    "for a rate write `{ ratio: { zero_at: \"P%\", full_at: \"Q%\" } }`",
    "với tỷ lệ, hãy viết `{ ratio: { zero_at: \"P%\", full_at: \"Q%\" } }`",
);

pub fn equal_ends(value: &str) -> Message {
    m(
        format!("`zero_at` and `full_at` are both {value}: a line needs two different ends"),
        format!("`zero_at` và `full_at` đều là {value}: đường tuyến tính cần hai đầu khác nhau"),
    )
}

pub const TWO_ENDS: Text = text(
    "give the value scoring 0 and the value scoring the max; for a step, use `{ tiers: … }`",
    "hãy ghi giá trị được 0 điểm và giá trị được điểm tối đa; với bậc thang, dùng `{ tiers: … }`",
);

pub fn per_not_positive(per: &str) -> Message {
    m(
        format!("`per: {per}` must be above 0"),
        format!("`per: {per}` phải lớn hơn 0"),
    )
}

pub const GIVE_PER: Text = text(
    "give the points deducted per case, e.g. `per: 0.5`",
    "hãy ghi số điểm bị trừ cho mỗi trường hợp, ví dụ `per: 0.5`",
);

pub fn bare_number_for_percentage(t: &str) -> Message {
    m(
        format!("`{t}` is a bare number where a percentage is expected"),
        format!("`{t}` thiếu dấu %, trong khi ở đây cần tỷ lệ phần trăm"),
    )
}

pub fn with_percent_sign(t: &str) -> Message {
    m(
        format!("write it with a percent sign, e.g. \"{t}%\""),
        format!("hãy viết kèm dấu phần trăm, ví dụ \"{t}%\""),
    )
}

pub fn invert_step(full: &str) -> Message {
    m(
        format!("full marks for rates up to {full}, 0 above it"),
        format!("điểm tối đa khi tỷ lệ đến {full}, 0 điểm khi cao hơn"),
    )
}

pub fn invert_step_help(full: &str) -> Message {
    m(
        format!("an inverted step has no exact `zero_at`/`full_at` form: make sure that full marks up to {full} and none above it is what the criterion says"),
        format!("bậc thang đảo ngược không viết chính xác được bằng `zero_at`/`full_at`: hãy kiểm tra tiêu chí có đúng là điểm tối đa khi đến {full} và 0 điểm khi cao hơn không"),
    )
}

pub fn invert_falls(full: &str, zero: &str) -> Message {
    m(
        format!("full marks for rates up to {full}, falling to 0 at {zero}"),
        format!("điểm tối đa khi tỷ lệ đến {full}, giảm dần về 0 tại {zero}"),
    )
}

pub fn invert_rises(zero: &str, full: &str) -> Message {
    m(
        format!("0 for rates up to {zero}, rising to full marks at {full}"),
        format!("0 điểm khi tỷ lệ đến {zero}, tăng dần đến điểm tối đa tại {full}"),
    )
}

pub fn without_invert(form: &str) -> Message {
    m(
        format!("write the same rule without `invert`: {form}"),
        format!("hãy viết cùng quy tắc đó mà không dùng `invert`: {form}"),
    )
}

pub fn invert_intent(zero: &str, full: &str, form: &str) -> Message {
    m(
        format!("if {zero} was meant to earn full marks and {full} or more nothing, write {form}"),
        format!("nếu ý muốn là {zero} được điểm tối đa và từ {full} trở lên được 0 điểm, hãy viết {form}"),
    )
}

pub fn inverted(does: Message) -> Message {
    let vi = does.vi.unwrap_or(does.en.clone());
    m(
        format!(
            "`invert: true` scores 1 − rate: this rule gives {}",
            does.en
        ),
        format!("`invert: true` chấm theo 1 − tỷ lệ: quy tắc này cho {vi}"),
    )
}

// Scoring and ranking (`pipeline`, `rank`).

pub const OVERFLOW: Text = text(
    "a figure grew past an exact decimal's 28 digits while scoring",
    "một số liệu vượt quá khả năng giữ chính xác của số thập phân trong khi chấm điểm",
);

pub const OVERFLOW_HELP: Text = text(
    "check the criteria set's maxima and the evidence's figures for a typing slip (a count too large, or more decimal places than a score needs)",
    "hãy kiểm tra điểm tối đa của bộ tiêu chí và các số liệu kiểm chứng xem có gõ nhầm không (số lượng quá lớn, hoặc nhiều chữ số thập phân hơn mức cần cho điểm)",
);

pub const NONE_MAX_ZERO: Text = text("none (the maximum is 0)", "không có (điểm tối đa là 0)");
pub const NONE: Text = text("none", "không có");

/// The stage a figure was pinned for: `self`, `appraised` or `final`.
fn stage_vi(stage: &str) -> &'static str {
    match stage {
        "self" => "tự đánh giá",
        "appraised" => "thẩm định",
        _ => "cuối cùng",
    }
}

/// "total: expected 9, computed 6.906 at stage final"; `what` is the key under `expect:`.
pub fn expectation_failed(what: &str, expected: &str, computed: Message, stage: &str) -> Message {
    let vi = computed.vi.unwrap_or(computed.en.clone());
    m(
        format!(
            "{what}: expected {expected}, computed {} at stage {stage}",
            computed.en
        ),
        format!(
            "`{what}`: dự kiến {expected}, tính được {vi} ở giai đoạn {}",
            stage_vi(stage)
        ),
    )
}

pub const EXPECTATION_HELP: Text = text(
    "the published figure and the computed one differ: correct the evidence or the criteria set, or, if a criteria change is intended, the figure under `expect:`",
    "số liệu đã công bố khác số liệu tính được: hãy sửa số liệu kiểm chứng hoặc bộ tiêu chí, hoặc, nếu bộ tiêu chí được thay đổi có chủ ý, sửa số liệu trong `expect:`",
);

pub fn unit_twice(unit: &str, n: usize, files: &str) -> Message {
    m(
        format!("unit `{unit}` is in {n} files: {files}"),
        format!("đơn vị `{unit}` có trong {n} tệp: {files}"),
    )
}

pub const UNIT_ONCE: Text = text(
    "a ranking lists each unit once: remove the copy, or correct the `unit:` of the file that names the wrong unit",
    "bảng xếp hạng chỉ ghi mỗi đơn vị một lần: hãy bỏ bản trùng, hoặc sửa `unit:` của tệp ghi nhầm đơn vị",
);

/// The groups of files by criteria set: id, the first characters of its SHA-256, the files.
/// E214: each set as (id, the start of its digest, its number of files, the first of them).
pub fn mixed_sets(groups: &[(&str, &str, usize, &[&str])]) -> Message {
    let files = |lang: super::Lang, n: usize, shown: &[&str]| {
        // Each name on one line: a line break in one would break the message.
        let names: Vec<_> = shown.iter().map(|f| crate::diag::visible_name(f)).collect();
        let mut names = names.join(", ");
        if n > shown.len() {
            names.push_str(&format!(" {}", and_more(lang, n - shown.len())));
        }
        names
    };
    let en: Vec<String> = groups
        .iter()
        .map(|&(id, sha, n, shown)| {
            let s = if n == 1 { "" } else { "s" };
            format!(
                "{id} (text {sha}…), {n} file{s}: {}",
                files(super::Lang::En, n, shown)
            )
        })
        .collect();
    let vi: Vec<String> = groups
        .iter()
        .map(|&(id, sha, n, shown)| {
            format!(
                "{id} (nội dung {sha}…), {n} tệp: {}",
                files(super::Lang::Vi, n, shown)
            )
        })
        .collect();
    m(
        format!(
            "the files are scored against {} different criteria sets; ranks compare like with like only:\n    {}",
            groups.len(),
            en.join("\n    ")
        ),
        format!(
            "các tệp được chấm theo {} bộ tiêu chí khác nhau; chỉ xếp hạng được các đơn vị cùng bộ tiêu chí:\n    {}",
            groups.len(),
            vi.join("\n    ")
        ),
    )
}

pub const RANK_SEPARATELY: Text = text(
    "rank each year's or each level's files separately, or give them the same `criteria:`",
    "hãy xếp hạng riêng các tệp của từng năm hoặc từng cấp, hoặc ghi cùng một `criteria:` cho chúng",
);

// `check` (`check`).

pub fn id_used_twice(id: &str, first: &str) -> Message {
    m(
        format!("criteria set id `{id}` is also used by {first}"),
        format!("mã bộ tiêu chí `{id}` cũng được dùng trong {first}"),
    )
}

pub const OWN_SET_ID: Text = text(
    "give each criteria set its own id, e.g. with the year: dak-nong-district-2023",
    "mỗi bộ tiêu chí có mã riêng, ví dụ kèm năm: dak-nong-district-2023",
);

pub fn nothing_to_check(skipped: usize) -> Message {
    if skipped == 0 {
        m(
            "no criteria set or evidence file found to check".into(),
            "không tìm thấy bộ tiêu chí hay tệp số liệu kiểm chứng nào để kiểm tra".into(),
        )
    } else {
        m(
            format!("no criteria set or evidence file found to check ({skipped} YAML file(s) without a `parindex:` key skipped)"),
            format!("không tìm thấy bộ tiêu chí hay tệp số liệu kiểm chứng nào để kiểm tra (bỏ qua {skipped} tệp YAML không có khóa `parindex:`)"),
        )
    }
}

pub const NAME_THE_FILES: Text = text(
    "name the files or folders that hold the criteria sets and evidence files",
    "hãy nêu các tệp hoặc thư mục chứa bộ tiêu chí và tệp số liệu kiểm chứng",
);

// `diff` (`cmd::diff`): titles matched by code, renumbering maps.

pub const RENUMBERED_HELP: Text = text(
    "if the criteria were renumbered, match them with --map FILE (lines such as \"3.4.4\": \"3.5.1\"; see `parindex diff --help`)",
    "nếu các tiêu chí đã được đánh số lại, hãy ghép chúng bằng --map TỆP (các dòng như \"3.4.4\": \"3.5.1\"; xem `parindex diff --help`)",
);

pub fn title_changed(code: &str, old: &str, old_file: &str, new: &str, new_file: &str) -> Message {
    m(
        format!("{code} is “{old}” in {old_file} but “{new}” in {new_file}: the two are compared as one criterion"),
        format!("{code} là “{old}” trong {old_file} nhưng là “{new}” trong {new_file}: hai tiêu chí được so sánh như một"),
    )
}

pub fn more_titles_changed(n: usize) -> Message {
    m(
        format!("{n} more criteria are matched by their code under a completely different title"),
        format!("còn {n} tiêu chí khác được ghép theo mã dù tên hoàn toàn khác nhau"),
    )
}

pub const MAP_ONCE_HELP: Text = text(
    "a map lists each old code once with its new code, or ~ where the criterion was removed: \"7.1.6\": ~",
    "bảng đổi mã ghi mỗi mã cũ một lần kèm mã mới, hoặc ~ nếu tiêu chí đã bị bỏ: \"7.1.6\": ~",
);

pub const MAP_HELP: Text = text(
    "a map lists old codes with their new code, or ~ where the criterion was removed: \"7.1.6\": ~",
    "bảng đổi mã ghi các mã cũ kèm mã mới, hoặc ~ nếu tiêu chí đã bị bỏ: \"7.1.6\": ~",
);

pub fn map_not_a_mapping(what: Text) -> Message {
    m(
        format!("a code map is a mapping of old codes to new ones, not {}; its content is not shown", what.en),
        format!("bảng đổi mã là ánh xạ từ mã cũ sang mã mới, không phải {}; nội dung tệp không được hiển thị", what.vi),
    )
}

pub fn map_not_codes(bad: usize, entries: usize) -> Message {
    m(
        format!("not a code map: {bad} of its {entries} entries are not criterion codes; its content is not shown"),
        format!("không phải bảng đổi mã: {bad}/{entries} mục không phải mã tiêu chí; nội dung tệp không được hiển thị"),
    )
}

pub fn new_code_shape(old: &str, found: Message) -> Message {
    let vi = found.vi.unwrap_or(found.en.clone());
    m(
        format!(
            "the new code of {old} must be a code or ~, not {}",
            found.en
        ),
        format!("mã mới của {old} phải là một mã hoặc ~, không phải {vi}"),
    )
}

// JSON results and renumbering maps (`compare`).

pub const BAD_RESULT_HELP: Text = text(
    "give the file as `parindex score --format json` wrote it, or the evidence file it was scored from",
    "hãy đưa tệp đúng như `parindex score --format json` đã ghi, hoặc tệp số liệu kiểm chứng dùng để chấm điểm",
);

pub fn more_problems(n: usize) -> Message {
    m(
        format!("{n} more problems in the same file"),
        format!("còn {n} vấn đề khác trong cùng tệp"),
    )
}

pub fn other_edition(id: &str, written: &str, found: &str) -> Message {
    m(
        format!("the result was scored by another text of the set {id} (SHA-256 {written}…) than the one found here ({found}…): its figures cannot be checked against it; compare the evidence files instead"),
        format!("kết quả được chấm theo một văn bản khác của bộ {id} (SHA-256 {written}…) so với bộ tìm thấy ở đây ({found}…): không thể đối chiếu các con số với bộ này; hãy so sánh bằng các tệp số liệu"),
    )
}

pub fn not_in_set(code: &str, id: &str) -> Message {
    m(
        format!("{code} is not a criterion of the set {id}"),
        format!("{code} không phải là tiêu chí của bộ {id}"),
    )
}

/// `parent` is `None` for a section (under the total).
pub fn not_placed_under(code: &str, parent: Option<&str>, id: &str) -> Message {
    let (en, vi) = parent.map_or(("the total", "tổng điểm"), |p| (p, p));
    m(
        format!("{code} is not placed under {en} in the set {id}"),
        format!("{code} không nằm dưới {vi} trong bộ {id}"),
    )
}

pub fn max_above_set(code: &str, max: &str, id: &str, set_max: &str) -> Message {
    m(
        format!("{code}: max {max} is above its max in the set {id}, {set_max}"),
        format!("{code}: điểm tối đa {max} cao hơn điểm tối đa trong bộ {id}, {set_max}"),
    )
}

pub fn max_not_set(code: &str, max: &str, id: &str, set_max: &str) -> Message {
    m(
        format!("{code}: max {max} is not its max in the set {id}, {set_max}"),
        format!("{code}: điểm tối đa {max} không phải điểm tối đa trong bộ {id}, {set_max}"),
    )
}

pub fn value_unreadable_in_set(code: &str, value: &str, id: &str, why: Message) -> Message {
    let vi = why.vi.unwrap_or(why.en.clone());
    m(
        format!(
            "{code}: value {value} cannot be read under its rule in the set {id}: {}",
            why.en
        ),
        format!("{code}: giá trị {value} không đọc được theo quy tắc của nó trong bộ {id}: {vi}"),
    )
}

pub fn score_too_large(code: &str) -> Message {
    m(
        format!("{code}: its value's score is too large"),
        format!("{code}: điểm tính từ giá trị quá lớn"),
    )
}

pub fn status_differs(code: &str, status: &str, id: &str, expected: &str) -> Message {
    m(
        format!("{code}: status `{status}` is not what its value gives in the set {id}, `{expected}`"),
        format!("{code}: trạng thái `{status}` khác trạng thái giá trị của nó cho trong bộ {id}, `{expected}`"),
    )
}

/// (score, max) in the result against (score, max) its value gives.
pub fn score_differs(code: &str, got: (&str, &str), id: &str, want: (&str, &str)) -> Message {
    m(
        format!(
            "{code}: {} of {} is not what its value scores in the set {id}, {} of {}",
            got.0, got.1, want.0, want.1
        ),
        format!(
            "{code}: {}/{} điểm khác số điểm giá trị của nó đạt được trong bộ {id}, {}/{}",
            got.0, got.1, want.0, want.1
        ),
    )
}

pub fn not_listed(code: &str, id: &str) -> Message {
    m(
        format!("{code} of the set {id} is not listed"),
        format!("{code} của bộ {id} không có trong kết quả"),
    )
}

pub fn grade_differs(
    grade: Option<String>,
    id: &str,
    total: (&str, &str),
    expected: Option<String>,
) -> Message {
    m(
        format!(
            "the total: grade {} is not what the set {id} gives for {} of {} ({})",
            grade.as_deref().unwrap_or("(none)"),
            total.0,
            total.1,
            expected.as_deref().unwrap_or("no grade")
        ),
        format!(
            "tổng điểm: xếp loại {} khác xếp loại bộ {id} cho {}/{} điểm ({})",
            grade.as_deref().unwrap_or("(không có)"),
            total.0,
            total.1,
            expected.as_deref().unwrap_or("không xếp loại")
        ),
    )
}

/// The JSON reader's reason stays as it wrote it.
pub fn not_a_json_result(e: &str) -> Message {
    m(
        format!("not a parindex JSON result ({e}); give an evidence file or the output of `parindex score --format json`"),
        format!("không phải kết quả JSON của parindex (`{e}`); hãy đưa tệp số liệu kiểm chứng hoặc kết quả của `parindex score --format json`"),
    )
}

pub fn unknown_stage(stage: &str) -> Message {
    m(
        format!("stage `{stage}` is not `final` or `self`"),
        format!("giai đoạn `{stage}` không phải `final` hay `self`"),
    )
}

/// "the score of 1.2", "the total max": `figure` is the JSON key, `code` `None` for the total.
pub fn figure_of(figure: &str, code: Option<&str>) -> Message {
    let vi = match figure {
        "score" => "điểm",
        "max" => "điểm tối đa",
        "percent" => "tỷ lệ phần trăm",
        _ => "điểm mất",
    };
    match code {
        Some(c) => m(format!("the {figure} of {c}"), format!("{vi} của {c}")),
        None => m(format!("the total {figure}"), format!("{vi} của tổng điểm")),
    }
}

pub fn not_a_decimal(what: Message, written: &str) -> Message {
    let vi = what.vi.unwrap_or(what.en.clone());
    m(
        format!("{} `{written}` is not a decimal", what.en),
        format!("{vi} `{written}` không phải là số thập phân"),
    )
}

pub fn unknown_node_kind(kind: &str, code: &str) -> Message {
    m(
        format!("kind `{kind}` of {code} is not one of `scored`, `bonus`, `penalty`"),
        format!("loại `{kind}` của {code} không thuộc `scored`, `bonus`, `penalty`"),
    )
}

pub fn unknown_status(status: &str, code: &str) -> Message {
    m(
        format!("status `{status}` of {code} is not one of `scored`, `missing`, `na`"),
        format!("trạng thái `{status}` của {code} không thuộc `scored`, `missing`, `na`"),
    )
}

/// The subject of a figure's problem: a criterion's code, or the total.
fn subject(code: Option<&str>) -> (&str, &str) {
    code.map_or(("the total", "tổng điểm"), |c| (c, c))
}

pub fn negative_max(what: Option<&str>, max: &str) -> Message {
    let (en, vi) = subject(what);
    m(
        format!("{en}: max {max} is negative"),
        format!("{vi}: điểm tối đa {max} là số âm"),
    )
}

pub fn score_outside(what: Option<&str>, score: &str, max: &str) -> Message {
    let (en, vi) = subject(what);
    m(
        format!("{en}: score {score} lies outside 0–{max} (its max)"),
        format!("{vi}: điểm {score} nằm ngoài khoảng 0–{max} (điểm tối đa)"),
    )
}

pub fn percent_without_max(what: Option<&str>, percent: &str, max: &str) -> Message {
    let (en, vi) = subject(what);
    m(
        format!("{en}: percent {percent} with a max of {max} (a percent is given only where the max is above 0)"),
        format!("{vi}: tỷ lệ {percent} với điểm tối đa {max} (chỉ ghi tỷ lệ khi điểm tối đa lớn hơn 0)"),
    )
}

pub fn percent_not_quotient(
    what: Option<&str>,
    percent: &str,
    figures: (&str, &str),
    expected: &str,
) -> Message {
    let (en, vi) = subject(what);
    let (score, max) = figures;
    m(
        format!("{en}: percent {percent} is not score ÷ max ({score} of {max} is {expected}%)"),
        format!(
            "{vi}: tỷ lệ {percent} không bằng điểm ÷ điểm tối đa ({score}/{max} là {expected}%)"
        ),
    )
}

pub fn loss_not_difference(what: Option<&str>, loss: &str, max: &str, score: &str) -> Message {
    let (en, vi) = subject(what);
    m(
        format!("{en}: loss {loss} is not max − score ({max} − {score})"),
        format!("{vi}: điểm mất {loss} không bằng điểm tối đa − điểm ({max} − {score})"),
    )
}

pub const NO_NODES: Text = text(
    "the result lists no criteria (`nodes` is empty)",
    "kết quả không liệt kê tiêu chí nào (`nodes` rỗng)",
);

pub fn listed_twice(code: &str) -> Message {
    m(
        format!("code {code} is listed twice"),
        format!("mã {code} được liệt kê hai lần"),
    )
}

pub fn without_parent(code: &str, parent: &str) -> Message {
    m(
        format!("{code} is listed without its parent {parent}"),
        format!("{code} được liệt kê mà không có tiêu chí cha {parent}"),
    )
}

/// (score, max) written against the sums of the sub-criteria (`None`: too large to add).
pub fn not_the_sum(
    what: Option<&str>,
    written: (&str, &str),
    sums: (Option<String>, Option<String>),
) -> Message {
    let (en, vi) = subject(what);
    let show = |s: &Option<String>, large: &str| s.clone().unwrap_or_else(|| large.to_string());
    m(
        format!(
            "{en}: {} of {} is not the sum of its sub-criteria, {} of {}",
            written.0,
            written.1,
            show(&sums.0, "too large"),
            show(&sums.1, "too large")
        ),
        format!(
            "{vi}: {}/{} điểm không bằng tổng các tiêu chí thành phần, {}/{}",
            written.0,
            written.1,
            show(&sums.0, "quá lớn"),
            show(&sums.1, "quá lớn")
        ),
    )
}

pub fn mapped_twice(code: &str, entry: usize) -> Message {
    m(
        format!("{code} is mapped twice (entry {entry} of the map maps it already)"),
        format!("{code} được đổi mã hai lần (mục {entry} của bảng đổi mã đã đổi nó)"),
    )
}

/// `new_set` where the code is not in the new result either.
pub fn not_in_old(code: &str, old_set: &str, new_set: Option<&str>) -> Message {
    match new_set {
        None => m(
            format!("{code} is not a criterion of the old result ({old_set})"),
            format!("{code} không phải là tiêu chí của kết quả cũ ({old_set})"),
        ),
        Some(n) => m(
            format!("{code} is not a criterion of the old result ({old_set}), nor of the new one ({n})"),
            format!("{code} không phải là tiêu chí của kết quả cũ ({old_set}), cũng không phải của kết quả mới ({n})"),
        ),
    }
}

pub fn not_in_new(target: &str, old: &str, new_set: &str, old_set: Option<&str>) -> Message {
    match old_set {
        None => m(
            format!("{target} (the new code of {old}) is not a criterion of the new result ({new_set})"),
            format!("{target} (mã mới của {old}) không phải là tiêu chí của kết quả mới ({new_set})"),
        ),
        Some(o) => m(
            format!("{target} (the new code of {old}) is not a criterion of the new result ({new_set}), nor of the old one ({o})"),
            format!("{target} (mã mới của {old}) không phải là tiêu chí của kết quả mới ({new_set}), cũng không phải của kết quả cũ ({o})"),
        ),
    }
}

pub fn leaf_to_parent(old: &str, was_leaf: bool, target: &str, is_leaf: bool) -> Message {
    let kind = |leaf: bool| {
        if leaf {
            (
                "a leaf (scored by a rule)",
                "tiêu chí cuối (chấm theo quy tắc)",
            )
        } else {
            (
                "a parent (it has sub-criteria)",
                "tiêu chí cha (có tiêu chí thành phần)",
            )
        }
    };
    let (was, is) = (kind(was_leaf), kind(is_leaf));
    m(
        format!("{old} is {} in the old result but {target} is {} in the new one: map leaves to leaves and parents to parents", was.0, is.0),
        format!("{old} là {} trong kết quả cũ nhưng {target} là {} trong kết quả mới: hãy đổi tiêu chí cuối sang tiêu chí cuối và tiêu chí cha sang tiêu chí cha", was.1, is.1),
    )
}

pub fn both_mapped(a: &str, b: &str, target: &str) -> Message {
    m(
        format!("`{a}` and `{b}` are both mapped to `{target}`"),
        format!("`{a}` và `{b}` đều được đổi sang `{target}`"),
    )
}

pub fn meet_on(old: &str, target: &str) -> Message {
    m(
        format!("`{old}` is mapped to `{target}`, but the old `{target}` keeps its code too, so two old criteria would meet on `{target}`: map `{target}` as well (to its new code, or to ~)"),
        format!("`{old}` được đổi sang `{target}`, nhưng `{target}` cũ vẫn giữ mã của nó, nên hai tiêu chí cũ sẽ trùng ở `{target}`: hãy đổi cả `{target}` (sang mã mới của nó, hoặc sang ~)"),
    )
}

// Importing a published criteria table (`import`).

pub fn table_not_utf8(why: Message) -> Message {
    let vi = why.vi.unwrap_or(why.en.clone());
    m(
        format!("the table is not UTF-8 ({})", why.en),
        format!("bảng không phải UTF-8 ({vi})"),
    )
}

pub const SAVE_CSV_UTF8: Text = text(
    "Excel's plain “CSV (Comma delimited)” writes the Windows code page (1258 for Vietnamese): save the sheet as “CSV UTF-8 (Comma delimited)” instead; TCVN3/VNI text must be converted to Unicode first",
    "định dạng “CSV (Comma delimited)” thường của Excel ghi theo bảng mã Windows (1258 cho tiếng Việt): hãy lưu trang tính dưới dạng “CSV UTF-8 (Comma delimited)”; văn bản TCVN3/VNI phải được chuyển sang Unicode trước",
);

pub const TABLE_EMPTY: Text = text("the table is empty", "bảng rỗng");

pub const SAVE_TABLE_AS_CSV: Text = text(
    "save the criteria table from the spreadsheet as CSV (UTF-8)",
    "hãy lưu bảng tiêu chí từ bảng tính dưới dạng CSV (UTF-8)",
);

/// The CSV reader's reason stays as it wrote it.
pub fn csv_unreadable(e: &str) -> Message {
    m(
        format!("the CSV cannot be read: {e}"),
        format!("không đọc được tệp CSV: `{e}`"),
    )
}

pub const NO_HEADER_ROW: Text = text(
    "no header row names the code, title and max columns; the table's content is not shown",
    "không có dòng tiêu đề nào nêu các cột mã, tên tiêu chí và điểm tối đa; nội dung bảng không được hiển thị",
);

pub const HEADER_ROW_HELP: Text = text(
    "the header row needs STT (or code), Tiêu chí (title), Điểm tối đa (max) and Cách chấm điểm (scoring); Đơn vị chịu trách nhiệm / Cơ quan chủ trì (responsible) is optional",
    "dòng tiêu đề cần có STT (hoặc mã), Tiêu chí, Điểm tối đa và Cách chấm điểm; cột Đơn vị chịu trách nhiệm / Cơ quan chủ trì là tùy chọn",
);

pub fn max_not_positive_number(written: &str) -> Message {
    m(
        format!("the max `{written}` is not a positive number"),
        format!("điểm tối đa `{written}` không phải là số dương"),
    )
}

pub const WRITE_POINTS: Text = text(
    "write points as 1, 0,5 or 0.5",
    "hãy viết điểm dạng 1, 0,5 hoặc 0.5",
);

pub const ROW_WITHOUT_CODE: Text = text("a row without a code (STT)", "một dòng không có mã (STT)");

pub const GIVE_ROW_CODE: Text = text(
    "give the row its code, such as 2.3.1",
    "hãy ghi mã cho dòng này, ví dụ 2.3.1",
);

pub fn code_not_numbers(raw: &str) -> Message {
    m(
        format!("the code `{raw}` is not dot-separated numbers"),
        format!("mã `{raw}` không phải là các số cách nhau bởi dấu chấm"),
    )
}

pub const RENUMBER_ROWS: Text = text(
    "criteria sets number every row 1, 1.1, 1.1.1 …: renumber sections written I, II, … and items written a, b, …",
    "bộ tiêu chí đánh số mọi dòng 1, 1.1, 1.1.1 …: hãy đánh số lại các lĩnh vực ghi I, II, … và các mục ghi a, b, …",
);

pub const NO_ROWS: Text = text(
    "the table has no criteria rows under its header",
    "bảng không có dòng tiêu chí nào dưới dòng tiêu đề",
);

pub const EXPORT_WHOLE_TABLE: Text = text(
    "export the whole table, header and rows, from the spreadsheet",
    "hãy xuất toàn bộ bảng, cả dòng tiêu đề và các dòng, từ bảng tính",
);

pub fn points_missing(d: &str, one: bool) -> Message {
    m(
        format!("{d} {} missing", if one { "point" } else { "points" }),
        format!("thiếu {d} điểm"),
    )
}

pub fn points_too_many(d: &str, one: bool) -> Message {
    m(
        format!("{d} {} too many", if one { "point" } else { "points" }),
        format!("thừa {d} điểm"),
    )
}

pub fn row_code_twice(code: &str, first_line: usize) -> Message {
    m(
        format!("code {code} is used twice (first on line {first_line})"),
        format!("mã {code} được dùng hai lần (lần đầu ở dòng {first_line})"),
    )
}

pub const ROW_OWN_CODE: Text = text("every row needs its own code", "mỗi dòng cần có mã riêng");

pub fn no_parent_row(code: &str, parent: &str) -> Message {
    m(
        format!("{code} has no row {parent} to stand under"),
        format!("{code} không có dòng {parent} để làm tiêu chí cha"),
    )
}

pub fn add_parent_row(parent: &str) -> Message {
    m(
        format!("add the row {parent} (its title and max) above it, or correct the code"),
        format!("hãy thêm dòng {parent} (tên và điểm tối đa) ở phía trên, hoặc sửa mã"),
    )
}

pub fn row_without_max(code: &str) -> Message {
    m(
        format!("{code} has no max (điểm tối đa)"),
        format!("{code} không có điểm tối đa"),
    )
}

pub const GIVE_ROW_MAX: Text = text(
    "give every row its published max",
    "hãy ghi điểm tối đa đã công bố cho mọi dòng",
);

pub fn scoring_over_max(code: &str, points: &str, max: &str) -> Message {
    m(
        format!("{code}: the scoring text gives {points} points, but the row's max is {max}"),
        format!("{code}: cách chấm điểm cho {points} điểm, nhưng điểm tối đa của dòng là {max}"),
    )
}

pub const SCORING_OVER_MAX_HELP: Text = text(
    "the row is written as `rule: points`: correct the max or the scoring text in the table, or write the rule by hand",
    "dòng này được ghi là `rule: points`: hãy sửa điểm tối đa hoặc cách chấm điểm trong bảng, hoặc tự viết quy tắc",
);

/// "section 2: max 13, its criteria add up to 12 (1 point missing)".
pub fn row_max_not_sum(
    section: bool,
    code: &str,
    max_and_sum: (&str, &str),
    difference: Message,
) -> Message {
    let (max, sum) = max_and_sum;
    let (what, parts, what_vi, parts_vi) = if section {
        ("section", "criteria", "lĩnh vực", "các tiêu chí")
    } else {
        (
            "criterion",
            "sub-criteria",
            "tiêu chí",
            "các tiêu chí thành phần",
        )
    };
    let vi = difference.vi.unwrap_or(difference.en.clone());
    m(
        format!(
            "{what} {code}: max {max}, its {parts} add up to {sum} ({})",
            difference.en
        ),
        format!("{what_vi} {code}: điểm tối đa {max}, tổng {parts_vi} là {sum} ({vi})"),
    )
}

pub const PUBLISHED_MAX_KEPT: Text = text(
    "the published max is kept, so `parindex check` reports E106 here until the missing rows are added or the max is corrected",
    "điểm tối đa đã công bố được giữ nguyên, nên `parindex check` sẽ báo E106 ở đây cho đến khi thêm các dòng còn thiếu hoặc sửa điểm tối đa",
);

pub fn table_total_not_sum(total: &str, sum: &str, difference: Message) -> Message {
    let vi = difference.vi.unwrap_or(difference.en.clone());
    m(
        format!(
            "total: {total}, its scored sections add up to {sum} ({})",
            difference.en
        ),
        format!("tổng điểm: {total}, tổng các lĩnh vực được chấm là {sum} ({vi})"),
    )
}

pub const PUBLISHED_TOTAL_KEPT: Text = text(
    "the published total is kept, so `parindex check` reports E107 until the missing sections are added or the total is corrected",
    "tổng điểm đã công bố được giữ nguyên, nên `parindex check` sẽ báo E107 cho đến khi thêm các lĩnh vực còn thiếu hoặc sửa tổng điểm",
);

/// `score`'s last line when figures under `expect:` differ.
pub fn expectations_differ(lang: super::Lang, n: usize) -> String {
    let word = lang.t(ERROR);
    match lang {
        super::Lang::En => {
            format!("{word}: {n} figure(s) under `expect:` differ from the computed result")
        }
        super::Lang::Vi => {
            format!("{word}: {n} số liệu trong `expect:` khác kết quả tính được")
        }
    }
}

// What `rank` and `report` say after the diagnostics of files that did not load.

pub(super) fn error_line(lang: super::Lang, en: String, vi: String) -> String {
    let text = if lang == super::Lang::Vi { vi } else { en };
    format!("{}: {text}", lang.t(ERROR))
}

pub(super) fn warning_line(lang: super::Lang, en: String, vi: String) -> String {
    let text = if lang == super::Lang::Vi { vi } else { en };
    format!("{}: {text}", lang.t(WARNING))
}

/// "and 3 more", after the first files named.
pub fn and_more(lang: super::Lang, n: usize) -> String {
    match lang {
        super::Lang::En => format!("and {n} more"),
        super::Lang::Vi => format!("và {n} tệp khác"),
    }
}

/// Under a finding shown once for several files that did not load: where else it stands.
/// `places` more places, in `files` files; `listed`: the first of them; `truncated`: more
/// places than those listed; `lower_bound`: some files were shown only in part, and the
/// finding may stand in what was not shown too.
pub fn same_elsewhere(
    lang: super::Lang,
    places: usize,
    files: usize,
    listed: &str,
    truncated: bool,
    lower_bound: bool,
) -> String {
    let s = |n: usize| if n == 1 { "" } else { "s" };
    let nhat = if lower_bound { "ít nhất " } else { "" };
    match lang {
        super::Lang::En => format!(
            "= the same at {} in {}: {listed}{}",
            if lower_bound {
                format!("{places} or more other places")
            } else {
                format!("{places} more place{}", s(places))
            },
            if lower_bound {
                format!("{files} or more files")
            } else {
                format!("{files} file{}", s(files))
            },
            if truncated || lower_bound {
                " (`parindex check` on the files lists every one)"
            } else {
                ""
            }
        ),
        super::Lang::Vi => format!(
            "= cũng gặp ở {nhat}{places} chỗ khác trong {nhat}{files} tệp: {listed}{}",
            if truncated || lower_bound {
                " (`parindex check` với các tệp này liệt kê đầy đủ)"
            } else {
                ""
            }
        ),
    }
}

pub fn files_did_not_load(lang: super::Lang, failed: usize, total: usize, names: &str) -> String {
    error_line(
        lang,
        format!("{failed} of {total} files did not load: {names} (pass --keep-going to rank the rest)"),
        format!("{failed}/{total} tệp không nạp được: {names} (dùng --keep-going để xếp hạng các tệp còn lại)"),
    )
}

pub fn left_out(lang: super::Lang, n: usize, names: &str) -> String {
    warning_line(
        lang,
        format!("left out {n} file(s) that did not load: {names}"),
        format!("đã bỏ ra {n} tệp không nạp được: {names}"),
    )
}

pub fn nothing_to_rank(lang: super::Lang, paths: &str) -> String {
    error_line(
        lang,
        format!("no evidence files to rank under {paths}"),
        format!("không có tệp số liệu kiểm chứng nào để xếp hạng trong {paths}"),
    )
}

pub fn previous_did_not_load(lang: super::Lang, n: usize) -> String {
    error_line(
        lang,
        format!("{n} previous file(s) did not load (--keep-going leaves out only this period's files: last period's ranks, and so the places each unit moved, need every one of its files)"),
        format!("{n} tệp của kỳ trước không nạp được (--keep-going chỉ bỏ qua tệp của kỳ này: thứ hạng kỳ trước, và do đó số bậc mỗi đơn vị tăng giảm, cần đủ mọi tệp của kỳ đó)"),
    )
}

/// `what` is the option (and folder) whose units were named twice.
pub fn units_once(lang: super::Lang, what: &str) -> String {
    match what {
        "--previous" => error_line(
            lang,
            "--previous matches units by name: each must be there once".into(),
            "--previous ghép các đơn vị theo tên: mỗi đơn vị chỉ được có một lần".into(),
        ),
        _ => error_line(
            lang,
            format!("{what}: units are matched by name: each must be there once"),
            format!("{what}: các đơn vị được ghép theo tên: mỗi đơn vị chỉ được có một lần"),
        ),
    }
}

pub fn no_evidence_there(lang: super::Lang, option: &str, dir: &str) -> String {
    error_line(
        lang,
        format!("{option} {dir}: no evidence files found there"),
        format!("{option} {dir}: không tìm thấy tệp số liệu kiểm chứng nào ở đó"),
    )
}

pub fn only_the_unit_there(lang: super::Lang, dir: &str, unit: &str) -> String {
    error_line(
        lang,
        format!("--peers {dir}: no unit there but {unit} itself: there is no one to rank it against"),
        format!("--peers {dir}: ở đó không có đơn vị nào ngoài chính {unit}: không có ai để xếp hạng cùng"),
    )
}

pub fn peers_did_not_load(lang: super::Lang, what: &str, n: usize, files: &str) -> String {
    error_line(
        lang,
        format!("{what}: {n} file(s) did not load: {files}"),
        format!("{what}: {n} tệp không nạp được: {files}"),
    )
}

pub fn previous_result_did_not_load(lang: super::Lang, path: &str) -> String {
    error_line(
        lang,
        format!("--previous {path} did not load"),
        format!("--previous {path} không nạp được"),
    )
}

/// A peer file naming the reported unit with other figures; (file, unit), (score, max).
pub fn peer_scores_differ(
    lang: super::Lang,
    peer: (&str, &str),
    figures: (rust_decimal::Decimal, rust_decimal::Decimal),
    own: &str,
) -> String {
    let (file, unit) = peer;
    // As figures read, not as written: `89.0` in a set is the maximum 89.
    let (score, max) = (figures.0.normalize(), figures.1.normalize());
    warning_line(
        lang,
        format!(
            "{file} is also `{unit}` but scores {score} of {max}; {own}'s figures are the ones ranked"
        ),
        format!(
            "{file} cũng là `{unit}` nhưng đạt {}/{} điểm; thứ hạng tính theo số liệu của {own}",
            lang.number(score),
            lang.number(max)
        ),
    )
}

pub fn overflow_comparing(lang: super::Lang) -> String {
    error_line(
        lang,
        "a figure grew too large for an exact decimal while comparing with --previous".into(),
        "một số liệu vượt quá khả năng giữ chính xác của số thập phân khi so sánh với --previous"
            .into(),
    )
}

pub const NOTE: Text = text("note", "lưu ý");

/// `score --criteria` with a set other than the one the file names.
pub fn scored_with_other_set(lang: super::Lang, file: &str, named: &str, used: &str) -> String {
    let note = lang.t(NOTE);
    match lang {
        super::Lang::En => {
            format!("{note}: {file} names `{named}`; scored with `{used}` as --criteria asks")
        }
        super::Lang::Vi => format!(
            "{note}: {file} ghi bộ tiêu chí `{named}`; được chấm theo `{used}` như --criteria yêu cầu"
        ),
    }
}

#[cfg(test)]
mod figure_tests {
    use super::*;

    #[test]
    fn a_long_figure_is_cut_with_its_digit_count() {
        let huge = format!("1{}", "0".repeat(300));
        let msg = number_too_large(&huge);
        assert!(
            msg.en.contains("10000000000000000000… (301 digits)"),
            "{}",
            msg.en
        );
        assert!(msg.en.len() < 120, "{}", msg.en);
        assert!(msg.vi.unwrap().contains("(301 chữ số)"));
        assert!(number_too_large("1e40").en.contains(" 1e40 "));
        let slip = "123456789012345678901234567890";
        assert!(number_too_large(slip).en.contains(slip));
    }
}
