//! Words of the remediation report (báo cáo khắc phục), `parindex report --remediation`.
//! The Vietnamese follows the report officers write: "Nội dung khắc phục", "Nội dung nâng cao
//! chỉ số", "vẫn chưa khắc phục được".

use super::{text, Lang, Text};
use crate::diag::Message;
use crate::plan::{Date, Status};
use rust_decimal::Decimal;

pub const TITLE: Text = text(
    "Remediation report: criteria that lost points in the PAR index",
    "Báo cáo khắc phục những tiêu chí, tiêu chí thành phần bị mất điểm thuộc Chỉ số cải cách hành chính",
);
pub const PART_PLAN: Text = text(
    "I. Progress of the improvement plan",
    "I. Kết quả thực hiện Kế hoạch duy trì, cải thiện và nâng cao chỉ số CCHC",
);
pub const PART_SECTIONS: Text = text(
    "II. Remedies for the criteria that lost points",
    "II. Kết quả khắc phục những tiêu chí, tiêu chí thành phần mất điểm",
);
pub const PART_CONCLUSION: Text = text("III. Conclusion", "III. Kết luận");
pub const NO_PLAN: Text = text(
    "The remediation plan names no improvement plan document.",
    "Kế hoạch khắc phục chưa nêu văn bản kế hoạch nâng cao chỉ số.",
);
pub const REMEDY: Text = text("Remedy:", "Nội dung khắc phục:");
pub const UPKEEP: Text = text("Keeping the full marks:", "Nội dung nâng cao chỉ số:");
pub const NO_REMEDY: Text = text(
    "no remedy written in the plan.",
    "kế hoạch chưa nêu nội dung khắc phục.",
);
pub const NO_UPKEEP: Text = text(
    "nothing written in the plan.",
    "kế hoạch chưa nêu nội dung.",
);
pub const STATUS: Text = text("Status:", "Tình trạng:");
pub const DOCS: Text = text("Documents:", "Văn bản:");
pub const QUOTE: Text = text("As the report says:", "Báo cáo nêu:");
/// "Kết quả tạm tính năm 2023:" / "So far in 2023:".
pub fn this_year(lang: Lang, period: &str) -> String {
    match lang {
        Lang::Vi => format!(
            "Kết quả tạm tính {}:",
            crate::report::text::period(lang, period)
        ),
        Lang::En => format!("So far in {period}:"),
    }
}
pub const CONCLUSION_NONE: Text = text(
    "Every criterion that lost points has been remedied.",
    "Tất cả các tiêu chí bị mất điểm đã được khắc phục.",
);
pub const DROPPED_HEAD: Text = text(
    "No longer in the criteria set (nothing to remedy):",
    "Không còn trong bộ chỉ số (không còn phải khắc phục):",
);
pub const COL_CODE: Text = text("Item", "Mục");
pub const COL_CRITERION: Text = text("Criterion", "Tiêu chí");
pub const COL_STATUS: Text = text("Status", "Tình trạng");
pub const COL_AT_STAKE: Text = text("Points at stake", "Điểm còn bị mất");
pub const COL_RESPONSIBLE: Text = text("Responsible", "Cơ quan chủ trì");
pub const FOOTER: Text = text(
    "Made with parindex: last year's figures computed exactly from the unit's evidence; the remedies as the unit's plan states them.",
    "Lập bằng parindex: số liệu năm trước tính chính xác từ hồ sơ minh chứng của đơn vị; nội dung khắc phục theo kế hoạch của đơn vị.",
);

/// A status in words; `None`: the plan has no entry for the criterion.
pub fn status(lang: Lang, s: Option<Status>) -> &'static str {
    lang.t(match s {
        Some(Status::Done) => text("remedied", "đã khắc phục"),
        Some(Status::InProgress) => text("in progress", "đang khắc phục"),
        Some(Status::NotStarted) => text("not yet remedied", "vẫn chưa khắc phục được"),
        Some(Status::Dropped) => text(
            "dropped from the new criteria set",
            "không còn trong bộ chỉ số mới",
        ),
        None => text("no remedy in the plan", "chưa có nội dung khắc phục"),
    })
}

/// "Nội dung khắc phục (16/05/2023):" / "Remedy (16 May 2023):".
pub fn remedy_dated(lang: Lang, d: Date) -> String {
    format!(
        "{} ({}):",
        lang.t(REMEDY).trim_end_matches(':'),
        date(lang, d)
    )
}

/// "16/05/2023" / "16 May 2023".
pub fn date(lang: Lang, d: Date) -> String {
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    match lang {
        Lang::Vi => format!("{:02}/{:02}/{}", d.day, d.month, d.year),
        Lang::En => format!(
            "{} {} {}",
            d.day,
            MONTHS[(d.month as usize).clamp(1, 12) - 1],
            d.year
        ),
    }
}

/// "tính đến ngày 31/08/2023" / "as of 31 August 2023".
pub fn as_of(lang: Lang, d: Date) -> String {
    match lang {
        Lang::Vi => format!("tính đến ngày {}", date(lang, d)),
        Lang::En => format!("as of {}", date(lang, d)),
    }
}

/// "ngày 16/05/2023" / "on 16 May 2023", after a document's number.
pub fn dated(lang: Lang, d: Date) -> String {
    match lang {
        Lang::Vi => format!("ngày {}", date(lang, d)),
        Lang::En => format!("of {}", date(lang, d)),
    }
}

/// The subtitle: "năm 2022, các nội dung khắc phục tính đến ngày 31/08/2023".
pub fn subtitle(lang: Lang, period: &str, as_of_date: Option<Date>) -> String {
    let year = crate::report::text::period(lang, period);
    let when = as_of_date.map(|d| as_of(lang, d));
    match (lang, when) {
        (Lang::Vi, Some(w)) => format!("Kết quả {year}; nội dung khắc phục {w}"),
        (Lang::Vi, None) => format!("Kết quả {year}"),
        (Lang::En, Some(w)) => format!("Results of {year}; remedies {w}"),
        (Lang::En, None) => format!("Results of {year}"),
    }
}

/// "đã thực hiện 67/106 nội dung, đạt 63,21% kế hoạch" / "67 of 106 tasks done, 63.21% of the
/// plan".
pub fn progress(lang: Lang, done: u32, total: u32, percent: &str) -> String {
    match lang {
        Lang::Vi => format!("đã thực hiện {done}/{total} nội dung, đạt {percent} kế hoạch"),
        Lang::En => format!("{done} of {total} tasks done, {percent} of the plan"),
    }
}

/// "Kế hoạch số 99/KH-UBND ngày 27/03/2023 về …: tính đến ngày 31/08/2023 đã thực hiện …".
pub fn plan_line(
    lang: Lang,
    document: &str,
    when: Option<String>,
    progress: Option<String>,
) -> String {
    let head = match when {
        Some(w) => format!("{document}, {w}"),
        None => document.to_string(),
    };
    match (lang, progress) {
        (Lang::Vi, Some(p)) => format!("{head}: {p}."),
        (Lang::En, Some(p)) => format!("{head}: {p}."),
        (Lang::Vi, None) => format!("{head}: kế hoạch chưa nêu tiến độ thực hiện."),
        (Lang::En, None) => format!("{head}: the plan states no progress."),
    }
}

/// "(- 0,027 điểm, mục 1.1.3)" / "(−0.027 points, item 1.1.3)", as the report writes a loss.
pub fn loss_mark(lang: Lang, loss: &str, code: &str) -> String {
    match lang {
        Lang::Vi => format!("(- {loss} điểm, mục {code})"),
        Lang::En => format!(
            "(−{loss} point{}, item {code})",
            if loss == "1" { "" } else { "s" }
        ),
    }
}

/// "Giá trị năm 2022: 97,29%; đạt 0,973/1 điểm." / "Value in 2022: 97.29%; scored 0.973 of 1."
pub fn last_value(lang: Lang, period: &str, value: &str, score: &str, max: &str) -> String {
    match lang {
        Lang::Vi => format!(
            "Giá trị {}: {value}; đạt {score}/{max} điểm.",
            crate::report::text::period(lang, period)
        ),
        Lang::En => format!("Value in {period}: {value}; scored {score} of {max}."),
    }
}

/// The text given for a criterion the new set dropped: "Nội dung này không có trong bộ chỉ số
/// …" / "This criterion is not in …".
pub fn dropped_from(lang: Lang, set_title: &str, set_id: &str) -> String {
    match lang {
        Lang::Vi => format!("Nội dung này không có trong bộ chỉ số {set_title} ({set_id})."),
        Lang::En => format!("This criterion is not in the criteria set {set_title} ({set_id})."),
    }
}

/// "giá trị 100%, đạt 1/1 điểm, lấy lại 0,027 điểm" / "value 100%, 1 of 1, 0.027 points
/// recovered".
pub fn interim_line(
    lang: Lang,
    value: &str,
    score: &str,
    max: &str,
    recovered: &str,
    negative: bool,
) -> String {
    match (lang, negative) {
        (Lang::Vi, false) => {
            format!("giá trị {value}, đạt {score}/{max} điểm, lấy lại {recovered} điểm.")
        }
        (Lang::Vi, true) => {
            format!("giá trị {value}, đạt {score}/{max} điểm, mất thêm {recovered} điểm.")
        }
        (Lang::En, false) => format!(
            "value {value}, {score} of {max}, {recovered} point{} recovered.",
            if recovered == "1" { "" } else { "s" }
        ),
        (Lang::En, true) => format!(
            "value {value}, {score} of {max}, {recovered} more point{} lost.",
            if recovered == "1" { "" } else { "s" }
        ),
    }
}

/// "chưa có số liệu năm nay" / "no value yet this year".
pub const INTERIM_NONE: Text = text("no value yet this year.", "chưa có số liệu năm nay.");

/// The conclusion's opening: "Còn 9 tiêu chí chưa khắc phục xong, với 7,9 điểm còn bị mất."
pub fn outstanding(lang: Lang, n: usize, points: &str) -> String {
    match lang {
        Lang::Vi => format!(
            "Còn {n} tiêu chí, tiêu chí thành phần chưa khắc phục xong, với {points} điểm còn bị mất:"
        ),
        Lang::En => format!(
            "{n} criteri{} not yet remedied, with {points} points still at stake:",
            if n == 1 { "on is" } else { "a are" }
        ),
    }
}

/// "Đã khắc phục 9 tiêu chí (3,054 điểm)." / "Remedied: 9 criteria (3.054 points)."
pub fn remedied(lang: Lang, n: usize, points: &str) -> String {
    match lang {
        Lang::Vi => format!("Đã khắc phục {n} tiêu chí, tiêu chí thành phần ({points} điểm)."),
        Lang::En => format!(
            "Remedied: {n} criteri{} ({points} points).",
            if n == 1 { "on" } else { "a" }
        ),
    }
}

pub const INTERIM_HEAD: Text = text(
    "Projection from this year's values so far",
    "Dự kiến kết quả năm nay theo số liệu hiện có",
);

/// The projection and its assumption.
#[allow(clippy::too_many_arguments)]
pub fn projection(
    lang: Lang,
    file_period: &str,
    last_period: &str,
    assessed: usize,
    (recovered, gained, lost_further): (&str, &str, Option<&str>),
    total: &str,
    max: &str,
    percent: &str,
    grade: Option<&str>,
) -> String {
    let last = crate::report::text::period(lang, last_period);
    let now = crate::report::text::period(lang, file_period);
    let back = match (lang, lost_further) {
        (Lang::Vi, None) => format!("đã lấy lại {recovered} điểm"),
        (Lang::Vi, Some(lost)) => format!(
            "lấy lại {gained} điểm và mất thêm {lost} điểm, tính chung đã lấy lại {recovered} điểm"
        ),
        (Lang::En, None) => format!("{recovered} points are recovered"),
        (Lang::En, Some(lost)) => format!(
            "{gained} points are recovered and {lost} more lost, {recovered} points recovered net"
        ),
    };
    match lang {
        Lang::Vi => format!(
            "Theo số liệu {now} của {assessed} tiêu chí bị mất điểm, {back}; tổng điểm dự kiến {total}/{max} điểm, đạt chỉ số {percent}{}. Giả định: các tiêu chí khác giữ nguyên điểm {last}, tính trên thang điểm của bộ chỉ số {last}; tiêu chí không còn trong bộ chỉ số mới được tính như {last}.",
            grade.map(|g| format!(", xếp loại {g}")).unwrap_or_default()
        ),
        Lang::En => format!(
            "From the values of {now} so far for {assessed} criteria that lost points, {back}; the projected total is {total} of {max}, {percent}{}. Assumption: every other criterion scores as in {last}, on {last}'s criteria set; a criterion the new set dropped counts as in {last}.",
            grade.map(|g| format!(", grade {g}")).unwrap_or_default()
        ),
    }
}

/// The Word report's subject under "BÁO CÁO", as the district's report words it: "Kết quả
/// khắc phục những tiêu chí, tiêu chí thành phần bị mất điểm thuộc Chỉ số CCHC năm 2022 của
/// UBND huyện Krông Nô".
pub fn docx_subject(lang: Lang, period: &str, unit: &str) -> String {
    let year = crate::report::text::period(lang, period);
    match lang {
        Lang::Vi => format!(
            "Kết quả khắc phục những tiêu chí, tiêu chí thành phần bị mất điểm thuộc Chỉ số CCHC {year} của {unit}"
        ),
        Lang::En => format!(
            "Remedies for the criteria that lost points in the PAR index of {unit} for {year}"
        ),
    }
}

/// The Word report's opening: "UBND huyện Krông Nô báo cáo kết quả khắc phục những tiêu chí,
/// tiêu chí thành phần bị mất điểm năm 2022, cụ thể như sau:".
pub fn docx_opening(lang: Lang, unit: &str, period: &str) -> String {
    let year = crate::report::text::period(lang, period);
    match lang {
        Lang::Vi => format!(
            "{unit} báo cáo kết quả khắc phục những tiêu chí, tiêu chí thành phần bị mất điểm {year}, cụ thể như sau:"
        ),
        Lang::En => format!(
            "{unit} reports on what has been done about the criteria that lost points in {year}, as follows:"
        ),
    }
}

/// The Word report's last sentence, before the recipients: "Trên đây là báo cáo … ./.".
pub fn docx_closing(lang: Lang, period: &str) -> String {
    let year = crate::report::text::period(lang, period);
    match lang {
        Lang::Vi => format!(
            "Trên đây là báo cáo kết quả khắc phục những tiêu chí, tiêu chí thành phần bị mất điểm thuộc Chỉ số CCHC {year}./."
        ),
        Lang::En => format!(
            "This concludes the report on the remedies for the criteria that lost points in the PAR index for {year}."
        ),
    }
}

// Diagnostics of remediation plans (E501–E505, W501–W502): messages in both languages.

pub const REMEDIES_KEYS_ARE_CODES: Text = text(
    "keys under `remedies` are quoted criterion codes such as \"3.4.1\"",
    "các khóa trong `remedies` là mã tiêu chí đặt trong dấu nháy, như \"3.4.1\"",
);
pub const SECTIONS_KEYS_ARE_CODES: Text = text(
    "keys under `sections` are quoted section codes such as \"3\"",
    "các khóa trong `sections` là mã lĩnh vực đặt trong dấu nháy, như \"3\"",
);

pub fn not_a_date(key: &str, written: &str) -> Message {
    Message::new(
        format!("`{key}: {written}` is not a date"),
        format!("`{key}: {written}` không phải là ngày hợp lệ"),
    )
}
pub const DATE_HELP: Text = text(
    "write the day as YYYY-MM-DD: 16/5/2023 is `2023-05-16`",
    "hãy viết ngày theo dạng năm-tháng-ngày: ngày 16/5/2023 viết là `2023-05-16`",
);

pub fn not_a_task_count(key: &str, written: &str) -> Message {
    Message::new(
        format!("`{key}: {written}` is not a count of tasks"),
        format!("`{key}: {written}` không phải là số nội dung (số nguyên)"),
    )
}
pub const TASK_COUNT_HELP: Text = text(
    "write a whole number of tasks, e.g. `done: 67`",
    "hãy ghi số nội dung là số nguyên, ví dụ `done: 67`",
);
pub const NO_TASKS: Text = text(
    "`total: 0`: a plan has at least one task",
    "`total: 0`: kế hoạch phải có ít nhất một nội dung",
);
pub fn done_exceeds_total(done: u32, total: u32) -> Message {
    Message::new(
        format!("{done} tasks done of a plan of {total}"),
        format!("đã thực hiện {done} nội dung, trong khi kế hoạch chỉ có {total} nội dung"),
    )
}
pub const DONE_HELP: Text = text(
    "`done:` counts the plan's tasks done so far: at most `total:`",
    "`done:` là số nội dung của kế hoạch đã thực hiện đến nay: không quá `total:`",
);
pub const PROGRESS_NEEDS_BOTH: Text = text(
    "progress needs both `done:` and `total:`",
    "tiến độ cần có cả `done:` và `total:`",
);

pub fn unknown_status(written: &str) -> Message {
    Message::new(
        format!("unknown status `{written}`"),
        format!("tình trạng `{written}` không hợp lệ"),
    )
}
/// The statuses a remedy may have, with the nearest to what was written when there is one.
/// The names are YAML values: Vietnamese quotes them as written.
pub fn status_help(nearest: Option<&str>, names: &[&str]) -> Message {
    let en = names.join(", ");
    let vi = names
        .iter()
        .map(|n| format!("`{n}`"))
        .collect::<Vec<_>>()
        .join(", ");
    match nearest {
        Some(s) => Message::new(
            format!("did you mean `{s}`? (a status is {en})"),
            format!("có phải là `{s}`? (tình trạng là một trong {vi})"),
        ),
        None => Message::new(
            format!("a status is {en}"),
            format!("tình trạng là một trong {vi}"),
        ),
    }
}

pub fn no_such_criterion(set: &str) -> Message {
    Message::new(
        format!("criteria set `{set}` has no such criterion"),
        format!("bộ tiêu chí `{set}` không có tiêu chí này"),
    )
}
pub fn remedy_code_help(nearest: Option<&str>) -> Message {
    match nearest {
        Some(s) => Message::new(
            format!("did you mean `{s}`? A remedy is keyed by the code of a criterion that lost points"),
            format!("có phải là `{s}`? Nội dung khắc phục ghi theo mã của tiêu chí bị mất điểm"),
        ),
        None => Message::new(
            "a remedy is keyed by the code of a criterion that lost points; a criterion the new set dropped is still written with its old code, `status: dropped`",
            "nội dung khắc phục ghi theo mã của tiêu chí bị mất điểm; tiêu chí mà bộ tiêu chí mới đã bỏ vẫn ghi theo mã cũ, với `status: dropped`",
        ),
    }
}
pub fn no_such_section(set: &str) -> Message {
    Message::new(
        format!("criteria set `{set}` has no such section"),
        format!("bộ tiêu chí `{set}` không có lĩnh vực này"),
    )
}
pub fn sections_here(sections: &str) -> Message {
    Message::new(
        format!("sections here: {sections}"),
        format!("các lĩnh vực của bộ tiêu chí: {sections}"),
    )
}

/// E505: `field` is the plan's key (`unit`, `period`, `criteria`), quoted as written.
pub fn plan_mismatch(field: &str, plan_says: &str, card_says: &str) -> Message {
    Message::new(
        format!("the plan is for {field} `{plan_says}`, the evidence for `{card_says}`"),
        format!("kế hoạch ghi `{field}: {plan_says}`, còn tệp minh chứng ghi `{card_says}`"),
    )
}
pub const PLAN_MISMATCH_HELP: Text = text(
    "a remediation plan follows up the result of one unit in one period: give that unit's evidence of that period",
    "kế hoạch khắc phục theo dõi kết quả của một đơn vị trong một kỳ: hãy dùng tệp minh chứng của đúng đơn vị và kỳ đó",
);
pub fn unremedied(loss: Decimal, period: &str) -> Message {
    Message::new(
        format!(
            "lost {} in {period} and the plan says nothing about it",
            points_en(loss)
        ),
        format!(
            "bị mất {} điểm trong kỳ {period} nhưng kế hoạch chưa nêu nội dung khắc phục",
            Lang::Vi.figure(loss)
        ),
    )
}
pub fn unremedied_help(code: &str) -> Message {
    Message::new(
        format!("add `\"{code}\": {{ status: not-started }}` under `remedies:`, or what has been done"),
        format!("thêm `\"{code}\": {{ status: not-started }}` vào `remedies:`, hoặc ghi những gì đã thực hiện"),
    )
}
pub fn not_lost(period: &str) -> Message {
    Message::new(
        format!("lost no points in {period}: there is nothing to remedy"),
        format!("không bị mất điểm trong kỳ {period}: không có gì phải khắc phục"),
    )
}
pub const NOT_LOST_HELP: Text = text(
    "remove the entry, or check the code against the criteria that lost points (`parindex losses`)",
    "xoá mục này, hoặc đối chiếu mã với các tiêu chí bị mất điểm (`parindex losses`)",
);

// Diagnostics of the plan checked against dates, the set's tree, this year's evidence
// (`--interim`) and the other results a report compares with (E506–E509, W503–W506).

/// "1 point" / "2,5 points": English agrees in number; Vietnamese does not.
fn points_en(n: Decimal) -> String {
    let shown = Lang::En.number(n);
    if n == Decimal::ONE {
        format!("{shown} point")
    } else {
        format!("{shown} points")
    }
}

/// E501 for a remedy keyed by a section or a group of criteria (the diagnostic names it).
pub fn remedy_not_leaf() -> Message {
    Message::new(
        "a section or a group of criteria, not a criterion with a rule: remedies are written one per criterion that has a rule",
        "đây là lĩnh vực hoặc nhóm tiêu chí, không phải tiêu chí có cách chấm điểm: nội dung khắc phục được ghi cho từng tiêu chí, tiêu chí thành phần có cách chấm điểm",
    )
}

/// Its help: the criteria under it that lost points, or, unknown or none, where to look.
pub fn remedy_not_leaf_help(lost_under: Option<&[&str]>) -> Message {
    match lost_under {
        Some(codes) if !codes.is_empty() => {
            let list = codes.join(", ");
            Message::new(
                format!("write one remedy for each of its criteria that lost points: {list}"),
                format!("hãy ghi nội dung khắc phục cho từng tiêu chí bị mất điểm thuộc mục này: {list}"),
            )
        }
        Some(_) => Message::new(
            "none of its criteria lost points: remove the entry",
            "không tiêu chí nào thuộc mục này bị mất điểm: hãy bỏ mục này",
        ),
        None => Message::new(
            "`parindex losses EVIDENCE` lists the criteria that lost points",
            "lệnh `parindex losses EVIDENCE` liệt kê các tiêu chí bị mất điểm",
        ),
    }
}

/// W504: a `sections:` entry for a section that lost points.
pub fn upkeep_for_lost_section(loss: Decimal, period: &str) -> Message {
    Message::new(
        format!("the section lost {} in {period}: a `sections:` entry is printed only for a section with full marks, so this one is not reported", points_en(loss)),
        format!("lĩnh vực bị mất {} điểm năm {period}: nội dung ở `sections:` chỉ được nêu trong báo cáo đối với lĩnh vực đạt điểm tối đa, nên mục này bị bỏ qua", Lang::Vi.number(loss)),
    )
}

pub fn upkeep_for_lost_section_help(lost: &[&str]) -> Message {
    let list = lost.join(", ");
    Message::new(
        format!("write what was done under `remedies:`, per criterion that lost points: {list}"),
        format!("hãy ghi nội dung khắc phục ở `remedies:` cho từng tiêu chí bị mất điểm: {list}"),
    )
}

/// E509: `as_of` before the remediated period is over.
pub fn as_of_before_period(as_of: Date, period: &str) -> Message {
    Message::new(
        format!("`as_of: {as_of}` is before the end of {period}, the period remediated: its index cannot have been published yet"),
        format!("`as_of: {as_of}` trước khi kết thúc kỳ {period} (kỳ được khắc phục): khi đó chưa thể có kết quả chỉ số của kỳ này"),
    )
}

pub const AS_OF_HELP: Text = text(
    "`as_of:` is the day the report speaks as of, in the year after the period remediated (e.g. 2023-08-31 for 2022)",
    "`as_of:` là ngày báo cáo tính đến, trong năm sau kỳ được khắc phục (ví dụ 2023-08-31 cho năm 2022)",
);

/// W505: the improvement plan dated before the period it follows up is over.
pub fn plan_before_period(date: Date, period: &str) -> Message {
    Message::new(
        format!("`date: {date}`: the improvement plan is dated before the end of {period}, the period remediated"),
        format!("`date: {date}`: kế hoạch được ban hành trước khi kết thúc kỳ {period} (kỳ được khắc phục)"),
    )
}

pub const PLAN_DATE_HELP: Text = text(
    "check the plan's date: a plan that follows up an index is issued after the index is published",
    "hãy kiểm tra ngày ban hành kế hoạch: kế hoạch khắc phục được ban hành sau khi công bố chỉ số",
);

/// W505: a date after the day the report speaks as of.
pub fn after_as_of(key: &str, date: Date, as_of: Date) -> Message {
    Message::new(
        format!("`{key}: {date}` is after the report's `as_of: {as_of}`: the report cannot speak of what has not happened yet"),
        format!("`{key}: {date}` sau ngày báo cáo tính đến (`as_of: {as_of}`): báo cáo không thể nêu việc chưa diễn ra"),
    )
}

pub const AFTER_AS_OF_HELP: Text = text(
    "correct the date, or move `as_of:` to the day the report is written",
    "hãy sửa ngày này, hoặc đổi `as_of:` thành ngày lập báo cáo",
);

/// E506: the interim evidence of another unit.
pub fn interim_other_unit(unit: &str, remediated: &str) -> Message {
    Message::new(
        format!("--interim is the evidence of `{unit}`, not of `{remediated}`, whose result is remediated"),
        format!("--interim là số liệu của `{unit}`, không phải của `{remediated}` là đơn vị đang khắc phục"),
    )
}

/// E506: the interim evidence of a period not after the one remediated.
pub fn interim_not_later(period: &str, remediated: &str) -> Message {
    Message::new(
        format!("--interim is the evidence of {period}, not of a period after {remediated}, the one remediated"),
        format!("--interim là số liệu của kỳ {period}, không phải của kỳ sau kỳ {remediated} đang khắc phục"),
    )
}

pub const INTERIM_HELP: Text = text(
    "--interim takes the same unit's evidence of the following period, as far as it goes",
    "--interim nhận số liệu hiện có của chính đơn vị đó trong kỳ tiếp theo",
);

/// E507: `dropped` where this year's set still has the criterion.
pub fn dropped_but_kept(set_id: &str) -> Message {
    Message::new(
        format!(
            "`status: dropped`, but this year's criteria set `{set_id}` still has the criterion"
        ),
        format!("ghi `status: dropped` nhưng bộ chỉ số năm nay `{set_id}` vẫn có tiêu chí này"),
    )
}

pub const DROPPED_BUT_KEPT_HELP: Text = text(
    "write how far the remedy has come: `done`, `in-progress` or `not-started`",
    "hãy ghi đúng tình trạng khắc phục: `done`, `in-progress` hoặc `not-started`",
);

/// W503: `done` where this year's values still lose points.
pub fn done_but_losing(loss: Decimal, period: &str) -> Message {
    Message::new(
        format!("`status: done`, but the values of {period} so far still lose {} on it", points_en(loss)),
        format!("ghi `status: done` nhưng số liệu năm {period} hiện có vẫn bị mất {} điểm ở tiêu chí này", Lang::Vi.number(loss)),
    )
}

pub const DONE_BUT_LOSING_HELP: Text = text(
    "the report counts its points as still at stake: correct the status, or this year's value",
    "báo cáo tính số điểm này là vẫn còn bị mất: hãy sửa tình trạng, hoặc số liệu năm nay",
);

/// The report's words for such a criterion: "kế hoạch ghi đã khắc phục nhưng …".
pub fn said_done_still_losing(lang: Lang, loss: &str, one: bool) -> String {
    match lang {
        Lang::Vi => format!(
            "kế hoạch ghi đã khắc phục, nhưng số liệu năm nay vẫn bị mất {loss} điểm (chưa tính là đã khắc phục)"
        ),
        Lang::En => format!(
            "the plan says done, but this year's values still lose {loss} point{} (not counted as remedied)",
            if one { "" } else { "s" }
        ),
    }
}

/// E508: `report --previous` of another unit.
pub fn previous_other_unit(unit: &str, own: &str) -> Message {
    Message::new(
        format!("--previous is the result of `{unit}`, not of `{own}`: the report compares a unit with its own earlier result"),
        format!("--previous là kết quả của `{unit}`, không phải của `{own}`: báo cáo so sánh đơn vị với kết quả kỳ trước của chính đơn vị"),
    )
}

/// E508: `report --previous` where neither result names its unit.
pub const PREVIOUS_NAMELESS: Text = text(
    "neither this result nor --previous names its unit (`unit:` is blank in both): the report cannot state --previous as the same unit's earlier result",
    "cả kết quả này và --previous đều không ghi tên đơn vị (`unit:` để trống ở cả hai): báo cáo không thể coi --previous là kết quả kỳ trước của cùng đơn vị",
);

/// E508: `report --previous` of a period not before the report's.
pub fn previous_not_earlier(period: &str, own: &str) -> Message {
    Message::new(
        format!("--previous is the result of {period}, not of a period before {own}, this report's"),
        format!("--previous là kết quả của kỳ {period}, không phải của kỳ trước kỳ {own} của báo cáo này"),
    )
}

pub const PREVIOUS_HELP: Text = text(
    "give the same unit's result of an earlier period (`parindex diff` compares any two results)",
    "hãy đưa kết quả kỳ trước của chính đơn vị đó (lệnh `parindex diff` so sánh hai kết quả bất kỳ)",
);

/// W506: peers of another period than the unit's.
pub fn peers_other_period(n: usize, own: &str, examples: &str) -> Message {
    Message::new(
        format!("{n} file{} of --peers {} of another period than {own}, ranked together all the same: {examples}",
            if n == 1 { "" } else { "s" },
            if n == 1 { "is" } else { "are" }),
        format!("{n} tệp trong --peers thuộc kỳ khác kỳ {own} nhưng vẫn được xếp hạng chung: {examples}"),
    )
}

pub const PEERS_HELP: Text = text(
    "rank a unit among the results of the same period: give the folder of that period's evidence",
    "chỉ xếp hạng đơn vị cùng các kết quả của cùng một kỳ: hãy đưa thư mục số liệu của kỳ đó",
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_and_losses_read_as_each_language_writes_them() {
        let d = Date::parse("2023-05-16").unwrap();
        assert_eq!(date(Lang::Vi, d), "16/05/2023");
        assert_eq!(date(Lang::En, d), "16 May 2023");
        assert_eq!(
            loss_mark(Lang::Vi, "0,027", "1.1.3"),
            "(- 0,027 điểm, mục 1.1.3)"
        );
        assert_eq!(loss_mark(Lang::En, "1", "3.4.1"), "(−1 point, item 3.4.1)");
        assert_eq!(loss_mark(Lang::En, "0.5", "7.3"), "(−0.5 points, item 7.3)");
    }

    #[test]
    fn every_status_has_its_words() {
        for s in Status::NAMES {
            let s = Status::from_name(s);
            assert_ne!(status(Lang::Vi, s), status(Lang::En, s));
        }
        assert_eq!(
            status(Lang::Vi, Some(Status::NotStarted)),
            "vẫn chưa khắc phục được"
        );
    }
}
