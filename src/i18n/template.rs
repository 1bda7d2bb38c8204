//! `parindex template`: the self-assessment form's comments. Its keys (`unit`, `values`, …)
//! are the file format's and stay English.

use super::{text, Lang, Text};

/// The form's first line: "# Phiếu tự đánh giá / self-assessment form: TITLE (ID)".
pub fn title(lang: Lang, set_title: &str, id: &str) -> String {
    match lang {
        Lang::En => format!("# Phiếu tự đánh giá / self-assessment form: {set_title} ({id})"),
        Lang::Vi => format!("# Phiếu tự đánh giá: {set_title} ({id})"),
    }
}

/// How to fill the form in, under its title.
/// The SHA-256 line of a form sent to one unit.
pub fn set_sha256(lang: Lang, sha256: &str) -> String {
    match lang {
        Lang::En => format!("# Criteria set text SHA-256: {sha256}"),
        Lang::Vi => format!("# Mã SHA-256 của văn bản bộ tiêu chí: {sha256}"),
    }
}

pub const HOW_TO_FILL: Text = text(
    "# Fill in `unit`, `period` and each value. An empty value scores 0 and is reported as\n\
     # missing by `parindex check`. Map form, for the appraisal council's value:\n\
     #   \"1.1.3\": { value: \"97%\", appraised: \"95%\", reason: \"…\", note: \"…\" }\n\
     # and, after the unit's explanation (giải trình), the council's second appraisal:\n\
     #   \"1.1.3\": { value: \"97%\", appraised: \"90%\", reason: \"…\",\n\
     #             explanation: \"…\", reappraised: \"95%\", reappraisal_reason: \"…\" }\n\
     # `--stage self` scores `value`, `--stage appraised` the first appraisal, and the\n\
     # final stage (the default) the last value the council gave.\n",
    "# Điền `unit` (tên đơn vị), `period` (kỳ đánh giá) và giá trị của từng tiêu chí. Tiêu chí\n\
     # để trống được 0 điểm và `parindex check` báo là chưa có số liệu. Khi có kết quả thẩm\n\
     # định của Hội đồng, ghi theo dạng:\n\
     #   \"1.1.3\": { value: \"97%\", appraised: \"95%\", reason: \"…\", note: \"…\" }\n\
     # và sau giải trình của đơn vị, kết quả thẩm định lần 2:\n\
     #   \"1.1.3\": { value: \"97%\", appraised: \"90%\", reason: \"…\",\n\
     #             explanation: \"…\", reappraised: \"95%\", reappraisal_reason: \"…\" }\n\
     # `--stage self` chấm theo điểm tự đánh giá (`value`), `--stage appraised` theo kết quả\n\
     # thẩm định lần 1, còn mặc định chấm theo kết quả cuối cùng của Hội đồng.\n",
);

/// A section's or group's max: "(13 points)" / "(13 điểm)", with what a bonus or penalty
/// section's points do to the total.
pub fn max_note(lang: Lang, max: &str, one: bool, kind: crate::model::SectionKind) -> String {
    use crate::model::SectionKind;
    match lang {
        Lang::En => {
            let unit = if one { "point" } else { "points" };
            let kind = match kind {
                SectionKind::Scored => "",
                SectionKind::Bonus => ", a bonus added to the total",
                SectionKind::Penalty => ", a penalty taken off the total",
            };
            format!("({max} {unit}{kind})")
        }
        Lang::Vi => {
            let kind = match kind {
                SectionKind::Scored => "",
                SectionKind::Bonus => ", điểm thưởng cộng vào tổng điểm",
                SectionKind::Penalty => ", điểm trừ vào tổng điểm",
            };
            format!("({max} điểm{kind})")
        }
    }
}

/// What n/a does on a leaf that allows it, after how to write its value.
pub const NA_FULL: Text = text(
    ", or \"n/a\" if it does not apply (scores the max)",
    ", hoặc \"n/a\" nếu không áp dụng (được điểm tối đa)",
);
pub const NA_EXCLUDE: Text = text(
    ", or \"n/a\" if it does not apply (leaves the scoring)",
    ", hoặc \"n/a\" nếu không áp dụng (không tính vào điểm)",
);

/// A leaf's second comment line: "yes-no: 1 if yes, else 0; write true / false (có / không)".
pub fn how_to_write(lang: Lang, described: &str, spelling: &str, na: &str) -> String {
    match lang {
        Lang::En => format!("{described}; write {spelling}{na}"),
        Lang::Vi => format!("{described}; ghi {spelling}{na}"),
    }
}
