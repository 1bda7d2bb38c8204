//! The remediation plan (`kind: remediation`): what a unit has done, during the year after an
//! index was published, about each criterion that lost points — the content of the báo cáo
//! khắc phục. Read by [`crate::load::parse_plan`]; reported by [`crate::remediation`].

use rust_decimal::Decimal;

/// How far the remedy of one lost criterion has come.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Status {
    /// Remedied: the criterion should score in full next time.
    Done,
    /// Under way.
    InProgress,
    /// Nothing done yet ("vẫn chưa khắc phục được").
    NotStarted,
    /// The new criteria set no longer has the criterion: there is nothing left to remedy.
    Dropped,
}

impl Status {
    /// The names a plan file writes.
    pub const NAMES: [&'static str; 4] = ["done", "in-progress", "not-started", "dropped"];

    pub fn name(self) -> &'static str {
        match self {
            Status::Done => "done",
            Status::InProgress => "in-progress",
            Status::NotStarted => "not-started",
            Status::Dropped => "dropped",
        }
    }

    pub fn from_name(name: &str) -> Option<Status> {
        match name {
            "done" => Some(Status::Done),
            "in-progress" => Some(Status::InProgress),
            "not-started" => Some(Status::NotStarted),
            "dropped" => Some(Status::Dropped),
            _ => None,
        }
    }

    /// Whether points are still at stake: neither remedied nor gone with the criterion.
    pub fn outstanding(self) -> bool {
        matches!(self, Status::InProgress | Status::NotStarted)
    }
}

/// A calendar date, checked (2023-02-30 is refused), written `YYYY-MM-DD` in the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: u16,
    pub month: u8,
    pub day: u8,
}

impl Date {
    /// Reads `YYYY-MM-DD` (years 1900–2999); `None` for anything else or a day that does
    /// not exist.
    pub fn parse(text: &str) -> Option<Date> {
        let b = text.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        let digits = |r: std::ops::Range<usize>| -> Option<u16> {
            let s = &text[r];
            s.bytes()
                .all(|c| c.is_ascii_digit())
                .then(|| s.parse().ok())
                .flatten()
        };
        let (year, month, day) = (digits(0..4)?, digits(5..7)?, digits(8..10)?);
        if !(1900..=2999).contains(&year) || !(1..=12).contains(&month) || day == 0 {
            return None;
        }
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
        let days = match month {
            2 if leap => 29,
            2 => 28,
            4 | 6 | 9 | 11 => 30,
            _ => 31,
        };
        (day <= days).then_some(Date {
            year,
            month: month as u8,
            day: day as u8,
        })
    }
}

impl std::fmt::Display for Date {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// Tasks done of a plan's total (67 of 106), as of a date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    pub done: u32,
    pub total: u32,
    pub as_of: Option<Date>,
}

impl Progress {
    /// The share done, in percent, rounded as every percentage is (67/106 → 63.21); `None`
    /// for an empty plan.
    pub fn percent(&self) -> Option<Decimal> {
        crate::decimal::percent(Decimal::from(self.done), Decimal::from(self.total))
            .ok()
            .flatten()
    }
}

/// The unit's improvement plan itself (Kế hoạch số 99/KH-UBND ngày 27/3/2023).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PlanDocument {
    /// Its number and kind, as cited: "Kế hoạch số 99/KH-UBND".
    pub reference: String,
    pub date: Option<Date>,
    /// What it is about: "duy trì, cải thiện và nâng cao chỉ số CCHC năm 2023".
    pub title: Option<String>,
    pub progress: Option<Progress>,
    /// The report's own words this rests on.
    pub source: Option<String>,
}

/// What has been done about one criterion that lost points.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Remedy {
    pub code: String,
    pub status: Status,
    /// What was done ("Nội dung khắc phục"), or why nothing could be.
    pub action: Option<String>,
    /// When it was done, or as of when the text speaks.
    pub date: Option<Date>,
    /// Tasks done of a related plan (the year's PAR plan: 21 of 32).
    pub progress: Option<Progress>,
    /// Documents that prove it (decisions, letters).
    pub docs: Vec<String>,
    /// The offices responsible; empty: the criterion's own (its `responsible:` in the set).
    pub responsible: Vec<String>,
    /// The report's own words this rests on.
    pub source: Option<String>,
}

/// What a section that lost nothing does to stay there ("Nội dung nâng cao chỉ số").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Upkeep {
    /// The section's code.
    pub section: String,
    pub action: String,
    /// Empty: the section's own offices.
    pub responsible: Vec<String>,
    pub source: Option<String>,
}

/// A remediation plan file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Plan {
    pub unit: String,
    /// The period remediated (the year whose index lost the points).
    pub period: String,
    /// The id of the criteria set that period was scored against.
    pub criteria: String,
    /// The evidence file of that period, as written (relative to the plan file), if named.
    pub evidence: Option<String>,
    /// The date the report speaks as of (the end of its "8 tháng đầu năm").
    pub as_of: Option<Date>,
    pub plan: Option<PlanDocument>,
    /// In file order.
    pub remedies: Vec<Remedy>,
    /// In file order.
    pub upkeep: Vec<Upkeep>,
}

impl Plan {
    pub fn remedy(&self, code: &str) -> Option<&Remedy> {
        self.remedies.iter().find(|r| r.code == code)
    }

    pub fn upkeep_of(&self, section: &str) -> Option<&Upkeep> {
        self.upkeep.iter().find(|u| u.section == section)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_calendar_days() {
        assert_eq!(
            Date::parse("2023-05-16"),
            Some(Date {
                year: 2023,
                month: 5,
                day: 16
            })
        );
        assert_eq!(Date::parse("2024-02-29").map(|d| d.day), Some(29));
        for bad in [
            "2023-02-29",
            "2023-13-01",
            "2023-00-10",
            "16/5/2023",
            "2023-5-16",
            "+023-05-16",
            "1800-01-01",
        ] {
            assert_eq!(Date::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn progress_is_exact() {
        let p = Progress {
            done: 67,
            total: 106,
            as_of: None,
        };
        assert_eq!(p.percent(), Some(Decimal::new(6321, 2)));
        assert_eq!(
            Progress {
                done: 0,
                total: 0,
                as_of: None
            }
            .percent(),
            None
        );
    }

    #[test]
    fn only_open_remedies_are_outstanding() {
        let open: Vec<_> = Status::NAMES
            .iter()
            .filter(|n| Status::from_name(n).unwrap().outstanding())
            .collect();
        assert_eq!(open, [&"in-progress", &"not-started"]);
    }
}
