//! Words of the Word documents: the state's letterhead (Nghị định 30/2020/NĐ-CP), the report's
//! frame and the published annex of results. State documents are written in Vietnamese; the
//! English texts are for readers abroad.

use super::{text, Lang, Text};

/// The nation's name, on the right of the letterhead.
pub const NATION: Text = text(
    "SOCIALIST REPUBLIC OF VIET NAM",
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
);
/// The motto under it.
pub const MOTTO: Text = text(
    "Independence - Freedom - Happiness",
    "Độc lập - Tự do - Hạnh phúc",
);
/// "Số:", before the document's number.
pub const NUMBER: Text = text("No.:", "Số:");
/// The report's number when none is given: left for the office to fill in.
pub const REPORT_NUMBER: Text = text("…/BC-…", "…/BC-…");
/// The decision's number when none is given, for the annex's "attached to" line.
pub const DECISION_NUMBER: Text = text("…/QĐ-…", "…/QĐ-…");
/// The place when none is given.
pub const PLACE: Text = text("…", "…");
/// The annex's issuing body when none is given.
pub const ISSUER: Text = text("(ISSUING BODY)", "(TÊN CƠ QUAN BAN HÀNH)");
/// The kind of document, above its subject.
pub const REPORT: Text = text("REPORT", "BÁO CÁO");
/// Whose results the annex publishes, when not said.
pub const UNITS: Text = text("the units", "các đơn vị");
/// The recipients block under the report.
pub const RECIPIENTS: Text = text("Recipients:", "Nơi nhận:");
pub const RECIPIENT_FILE: Text = text("- Filed: Office.", "- Lưu: VT.");
/// The signer's title when none is given.
pub const SIGNER: Text = text("HEAD OF THE BODY", "THỦ TRƯỞNG CƠ QUAN");
pub const SIGNATURE: Text = text(
    "(signature, full name and seal)",
    "(Ký, ghi rõ họ tên, đóng dấu)",
);
/// The annex table's columns.
pub const ORDINAL: Text = text("No.", "STT");
pub const UNIT: Text = text("Unit", "Đơn vị");
pub const TOTAL: Text = text("Total", "Tổng điểm");
pub const PERCENT: Text = text("Index", "Chỉ số");
pub const RANK: Text = text("Rank", "Xếp hạng");
pub const GRADE: Text = text("Grade", "Xếp loại");
/// The row of maxima under the header.
pub const MAXIMUM: Text = text("Maximum", "Điểm tối đa");
/// The group of units that the units file gives none.
pub const NO_GROUP: Text = text("Other units", "Đơn vị khác");
/// The annex sheet's name in the workbook (at most 31 characters).
pub const ANNEX_SHEET: Text = text("Annex", "Phụ lục");

/// A day or month as Nghị định 30/2020/NĐ-CP writes it: days below 10 and the months January
/// and February with a leading zero (ngày 05 tháng 02), others as they are (tháng 3).
fn two(n: u32, below: u32) -> String {
    if n < below {
        format!("{n:02}")
    } else {
        n.to_string()
    }
}

/// A Word document is binary: it goes to a file.
pub const NEEDS_FILE: Text = text(
    "--format docx writes a Word document: give -o FILE.docx",
    "--format docx ghi ra văn bản Word: hãy chỉ định -o TỆP.docx",
);
/// `score`, `diff` and `losses` write no Word document.
pub const ONLY_RANK: Text = text(
    "--format docx: of these commands only `rank` writes a Word document (the published annex); `report --format docx` writes a unit's report",
    "--format docx: trong các lệnh này chỉ `rank` ghi văn bản Word (phụ lục công bố kết quả); `report --format docx` ghi báo cáo của một đơn vị",
);
/// The zip writer failed (no room, or a fault): the document was not made.
pub const NOT_WRITTEN: Text = text(
    "the Word document could not be written",
    "không ghi được văn bản Word",
);

/// "`15/03/2023` is not a calendar date written YYYY-MM-DD (such as 2023-03-15)".
pub fn date_out_of_range(lang: Lang, given: &str, years: &std::ops::RangeInclusive<i32>) -> String {
    let (from, to) = (years.start(), years.end());
    match lang {
        Lang::Vi => format!("`{given}`: ngày của văn bản phải trong các năm {from}–{to}"),
        Lang::En => format!("`{given}`: a document is dated in the years {from}–{to}"),
    }
}

pub fn not_a_date(lang: Lang, given: &str) -> String {
    match lang {
        Lang::Vi => {
            format!("`{given}` không phải một ngày có thật viết theo dạng YYYY-MM-DD (ví dụ 2023-03-15)")
        }
        Lang::En => {
            format!("`{given}` is not a calendar date written YYYY-MM-DD (such as 2023-03-15)")
        }
    }
}

/// "Krông Nô, ngày 15 tháng 3 năm 2023" / "Krông Nô, 15 March 2023".
pub fn place_and_date(lang: Lang, place: &str, (y, m, d): (i32, u32, u32)) -> String {
    match lang {
        Lang::Vi => format!("{place}, ngày {} tháng {} năm {y}", two(d, 10), two(m, 3)),
        Lang::En => {
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
            let month = MONTHS.get(m as usize - 1).copied().unwrap_or("");
            format!("{place}, {d} {month} {y}")
        }
    }
}

/// The report's subject under "BÁO CÁO": "Kết quả Chỉ số cải cách hành chính năm 2022 của
/// UBND huyện Krông Nô".
pub fn report_subject(lang: Lang, period: &str, unit: &str) -> String {
    match lang {
        Lang::Vi => format!(
            "Kết quả Chỉ số cải cách hành chính {} của {unit}",
            period_words(lang, period)
        ),
        Lang::En => format!(
            "Public Administration Reform index results of {unit} for {}",
            period_words(lang, period)
        ),
    }
}

/// "năm 2022" for a year, "kỳ 2023-H1" for another period.
fn period_words(lang: Lang, period: &str) -> String {
    let year = !period.is_empty() && period.chars().all(|c| c.is_ascii_digit());
    match (lang, year) {
        (Lang::Vi, true) => format!("năm {period}"),
        (Lang::Vi, false) => format!("kỳ {period}"),
        (Lang::En, _) => period.to_string(),
    }
}

/// The annex's heading: "Phụ lục: Kết quả Chỉ số cải cách hành chính năm 2022 của các huyện,
/// thành phố tỉnh Đắk Nông".
pub fn annex_heading(lang: Lang, period: &str, of: &str) -> String {
    match lang {
        Lang::Vi => format!(
            "Phụ lục: Kết quả Chỉ số cải cách hành chính {} của {of}",
            period_words(lang, period)
        ),
        Lang::En => format!(
            "Annex: Public Administration Reform index results for {} of {of}",
            period_words(lang, period)
        ),
    }
}

/// "(Kèm theo Quyết định số 251/QĐ-UBND ngày 15/3/2023 của UBND TỈNH ĐẮK NÔNG)".
pub fn annex_attached(
    lang: Lang,
    number: &str,
    (y, m, d): (i32, u32, u32),
    issuer: &str,
) -> String {
    match lang {
        Lang::Vi => format!(
            "(Kèm theo Quyết định số {number} ngày {}/{}/{y} của {issuer})",
            two(d, 10),
            two(m, 3)
        ),
        Lang::En => format!("(Attached to Decision No. {number} of {y}-{m:02}-{d:02} of {issuer})"),
    }
}

/// A section's column head: "1. Công tác chỉ đạo, điều hành CCHC".
pub fn section_column(code: &str, title: &str) -> String {
    format!("{code}. {title}")
}

/// "Số đơn vị theo xếp loại: Tốt 5 · Khá 3 · Trung bình 0" under a table, every band listed.
pub fn grade_counts(lang: Lang, counts: &[(String, usize)]) -> String {
    let parts: Vec<String> = counts.iter().map(|(l, n)| format!("{l}: {n}")).collect();
    match lang {
        Lang::Vi => format!("Số đơn vị theo xếp loại: {}.", parts.join("; ")),
        Lang::En => format!("Units per grade: {}.", parts.join("; ")),
    }
}

/// "Số đơn vị theo nhóm: Sở, ban, ngành: 20; Xã, phường: 30." under the last table.
pub fn group_counts(lang: Lang, counts: &[(String, usize)]) -> String {
    let parts: Vec<String> = counts.iter().map(|(l, n)| format!("{l}: {n}")).collect();
    match lang {
        Lang::Vi => format!("Số đơn vị theo nhóm: {}.", parts.join("; ")),
        Lang::En => format!("Units per group: {}.", parts.join("; ")),
    }
}

/// A group's heading above its table: "I. Sở, ban, ngành (20 đơn vị)".
pub fn group_heading(lang: Lang, n: usize, group: &str, units: usize) -> String {
    let roman = roman(n);
    match lang {
        Lang::Vi => format!("{roman}. {group} ({units} đơn vị)"),
        Lang::En => format!(
            "{roman}. {group} ({units} unit{})",
            if units == 1 { "" } else { "s" }
        ),
    }
}

/// Roman numerals for headings (I, II, …), as Vietnamese documents number their parts.
fn roman(mut n: usize) -> String {
    const TABLE: [(usize, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut out = String::new();
    for (value, numeral) in TABLE {
        while n >= value {
            out.push_str(numeral);
            n -= value;
        }
    }
    out
}

/// The page footer: what made the document.
pub fn made_by(lang: Lang, version: &str) -> String {
    match lang {
        Lang::Vi => format!("Lập bằng parindex {version}: điểm tính chính xác từ minh chứng của đơn vị; chỉ số (%) làm tròn đến 2 chữ số thập phân."),
        Lang::En => format!("Made with parindex {version}: scores computed exactly from the units' evidence; percentages rounded to 2 decimal places."),
    }
}

/// `-o`'s extension says another kind of file than `--format` writes.
pub fn wrong_extension(lang: Lang, file: &str, ext: &str, format: &str) -> String {
    match lang {
        Lang::Vi => format!(
            "-o {file}: tên tệp đuôi .{ext} nhưng --format {format} ghi ra loại tệp khác; hãy đặt tên tệp đúng đuôi hoặc chọn định dạng khớp với tên"
        ),
        Lang::En => format!(
            "-o {file}: the name ends in .{ext} but --format {format} writes another kind of file; name the file for its format, or choose the format its name says"
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_and_numerals_as_documents_write_them() {
        assert_eq!(
            place_and_date(Lang::Vi, "Krông Nô", (2023, 3, 5)),
            "Krông Nô, ngày 05 tháng 3 năm 2023"
        );
        assert_eq!(
            place_and_date(Lang::En, "Gia Nghĩa", (2023, 12, 31)),
            "Gia Nghĩa, 31 December 2023"
        );
        assert_eq!(
            place_and_date(Lang::Vi, "Gia Nghĩa", (2023, 2, 15)),
            "Gia Nghĩa, ngày 15 tháng 02 năm 2023"
        );
        assert_eq!(roman(4), "IV");
        assert_eq!(roman(14), "XIV");
        assert_eq!(
            annex_heading(Lang::Vi, "2022", "các đơn vị"),
            "Phụ lục: Kết quả Chỉ số cải cách hành chính năm 2022 của các đơn vị"
        );
    }
}
