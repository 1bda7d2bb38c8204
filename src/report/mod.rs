//! The results report of one unit, written for people: the report PAR officers write by hand
//! after the index is published (overall result, each section with the criteria that lost
//! points, why and who must act, and a closing summary).
//!
//! [`build`] gathers every figure into a plain [`Report`]; [`render`] writes it as Markdown or
//! as one self-contained HTML page, in Vietnamese or English. Both renderings read the same
//! model, so they cannot disagree on a figure.

pub(crate) mod html;
mod markdown;
pub(crate) mod text;

pub use html::escape_html;

use crate::compare::{compare, CodeMap, Outcome};
use crate::decimal::Overflow;
use crate::i18n::Lang;
use crate::losses::{by_responsible, losses, Loss};
use crate::model::{Evidence, Round, Stage, Value};
use crate::rank::{league, Row, Standing};
use crate::score::Scorecard;
use rust_decimal::Decimal;

/// How many of the largest losses the closing summary lists.
pub const TOP_LOSSES: usize = 5;

/// The report's formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[cfg_attr(feature = "cli", derive(clap::ValueEnum))]
pub enum Format {
    /// Markdown, to paste into a document or a wiki.
    #[default]
    Markdown,
    /// One self-contained HTML page (inline CSS and SVG chart), ready to print on A4.
    Html,
}

/// A place in a ranking: `rank` of `of`, shared with another unit when `tied`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Place {
    pub rank: usize,
    pub of: usize,
    pub tied: bool,
}

/// The previous period's result, compared with this one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Previous {
    pub unit: String,
    pub period: String,
    pub score: Decimal,
    pub max: Decimal,
    pub percent: Option<Decimal>,
    pub grade: Option<String>,
    /// Change of the displayed percentage, in percentage points (87.69 − 84.38 = 3.31).
    pub delta_pp: Option<Decimal>,
}

/// One criterion that lost points.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LossItem {
    pub code: String,
    pub title: String,
    /// The code of its section.
    pub section: String,
    pub score: Decimal,
    pub max: Decimal,
    pub loss: Decimal,
    /// The value scored; `None` when no value was given.
    pub value: Option<Value>,
    /// The round the value scored comes from.
    pub round: Round,
    /// The unit's own value, when the council's was scored instead.
    pub self_value: Option<Value>,
    /// The first appraisal's value, when the second one was scored instead.
    pub first_value: Option<Value>,
    /// The council's reason for an appraised value.
    pub why: Option<String>,
    /// The evidence's note: the author's remark, printed under its own label.
    pub note: Option<String>,
    /// The offices responsible (the nearest `responsible:` up the tree).
    pub responsible: Vec<String>,
}

/// One section (lĩnh vực).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SectionReport {
    pub code: String,
    pub title: String,
    pub score: Decimal,
    pub max: Decimal,
    pub percent: Option<Decimal>,
    pub loss: Decimal,
    /// Place among the peers in this section.
    pub place: Option<Place>,
    /// The section's percentage in the previous period.
    pub previous_percent: Option<Decimal>,
    /// The section's own `responsible:` (shown when nothing in it lost points).
    pub responsible: Vec<String>,
    /// Its criteria that lost points, largest loss first.
    pub losses: Vec<LossItem>,
}

/// The points lost that one office must answer for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OfficeLoss {
    /// Empty for criteria without a responsible office.
    pub office: String,
    pub total: Decimal,
    pub criteria: usize,
    /// `(section code, points)`, in section order.
    pub per_section: Vec<(String, Decimal)>,
}

/// Everything the report says, language-free.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Report {
    pub unit: String,
    pub period: String,
    pub criteria_id: String,
    pub criteria_title: String,
    /// The stage reported (the final one unless asked otherwise).
    pub stage: Stage,
    pub score: Decimal,
    pub max: Decimal,
    pub percent: Option<Decimal>,
    pub grade: Option<String>,
    pub loss: Decimal,
    /// How many criteria lost points.
    pub lost_criteria: usize,
    /// The points they lost together ([`Scorecard::points_lost`]): `loss` less what a bonus
    /// made up.
    pub lost: Decimal,
    /// Place among the peers (`--peers`).
    pub place: Option<Place>,
    /// How many of the peers (the unit included) fall in each grade band, in band order;
    /// empty without `--peers` or without bands.
    pub peer_grades: Vec<crate::rank::GradeCount>,
    /// The total's parts (the set's `components:`): title, score, max, percent; empty where
    /// the set has none.
    pub components: Vec<(String, Decimal, Decimal, Option<Decimal>)>,
    /// Place among the previous period's peers, and its period.
    pub previous_place: Option<(Place, String)>,
    /// The previous period's result (`--previous`).
    pub previous: Option<Previous>,
    pub sections: Vec<SectionReport>,
    /// The largest losses, at most [`TOP_LOSSES`].
    pub top: Vec<LossItem>,
    /// Loss per responsible office, the office losing most first. A criterion shared by
    /// several offices counts in full for each.
    pub offices: Vec<OfficeLoss>,
}

impl Report {
    /// Places gained since the previous ranking (negative: lost), when both are known.
    pub fn places_up(&self) -> Option<i64> {
        let (now, (before, _)) = (self.place?, self.previous_place.as_ref()?);
        Some(before.rank as i64 - now.rank as i64)
    }
}

/// The peers a unit is ranked among.
#[derive(Debug, Clone, Default)]
pub struct Peers {
    /// This period's results. The unit's own result is taken from its scorecard: a peer with
    /// the same unit name is replaced by it, and it is added when absent.
    pub current: Vec<Standing>,
    /// The previous period's results, for the change of place (matched by unit name).
    pub previous: Option<Vec<Standing>>,
}

/// Gathers the report of `card` (scored from `evidence`).
pub fn build(
    card: &Scorecard,
    evidence: &Evidence,
    previous: Option<Outcome>,
    peers: Option<Peers>,
) -> Result<Report, Overflow> {
    let set = &card.set;
    let all_losses = losses(card, evidence);
    let item = |l: &Loss| -> LossItem {
        let leaf = card.nodes[l.node].leaf.as_ref();
        let entry = evidence.entries[l.node].as_ref();
        let round = leaf.map_or(Round::SelfAssessed, |x| x.round);
        LossItem {
            code: l.code.clone(),
            title: l.title.clone(),
            section: set.nodes[l.section].code.clone(),
            score: l.score,
            max: l.max,
            loss: l.loss,
            value: leaf.map(|x| x.value.clone()),
            round,
            self_value: if round.is_council() {
                entry.and_then(|e| e.value.clone())
            } else {
                None
            },
            first_value: if round == Round::Reappraised {
                entry.and_then(|e| e.appraised.clone())
            } else {
                None
            },
            why: if leaf.is_some() { l.why.clone() } else { None },
            note: l.note.clone(),
            responsible: l.responsible.clone(),
        }
    };

    // Ranks among the peers, overall and per section.
    let mut place = None;
    let mut previous_place = None;
    let mut peer_grades = Vec::new();
    let mut section_places: Vec<Option<Place>> = vec![None; set.sections().count()];
    if let Some(peers) = peers {
        let mut current: Vec<Standing> = peers
            .current
            .into_iter()
            .filter(|s| !s.is_of(&card.unit))
            .collect();
        // Named by no file (no peer's path is empty), so that it is told from every peer
        // whatever its name, even a blank one.
        current.push(Standing::from_card(card, ""));
        let of = current.len();
        peer_grades = crate::rank::grade_counts(&set.grades, &current);
        let rows = league(current, peers.previous.as_deref());
        let me = rows
            .iter()
            .find(|r| r.standing.file.is_empty())
            .expect("the unit was added to its peers");
        place = Some(Place {
            rank: me.rank,
            of,
            tied: rows.iter().filter(|r| r.rank == me.rank).count() > 1,
        });
        for (k, slot) in section_places.iter_mut().enumerate() {
            let rank = me.section_ranks[k];
            *slot = Some(Place {
                rank,
                of,
                tied: rows.iter().filter(|r| r.section_ranks[k] == rank).count() > 1,
            });
        }
        if let (Some(prev), Some(rank)) = (&peers.previous, me.previous_rank) {
            let period = prev
                .iter()
                .find(|s| s.is_of(&card.unit))
                .map(|s| s.period.clone())
                .unwrap_or_default();
            previous_place = Some((previous_of(prev, rank), period));
        }
    }

    // The previous period, compared section by section.
    let mut previous_report = None;
    let mut previous_sections: Vec<(String, Option<Decimal>)> = Vec::new();
    if let Some(old) = previous {
        let cmp = compare(old, Outcome::from(card), &CodeMap::new())?;
        let total = &cmp.lines[0];
        previous_sections = cmp.lines[1..]
            .iter()
            .map(|l| (l.code.clone(), l.old_percent()))
            .collect();
        previous_report = Some(Previous {
            unit: cmp.old.unit.clone(),
            period: cmp.old.period.clone(),
            score: cmp.old.score,
            max: cmp.old.max,
            percent: cmp.old.percent(),
            grade: cmp.old.grade.clone(),
            delta_pp: total.delta_pp(),
        });
    }

    let sections: Vec<SectionReport> = set
        .sections()
        .enumerate()
        .map(|(k, s)| {
            let node = &set.nodes[s];
            let figures = &card.nodes[s];
            SectionReport {
                code: node.code.clone(),
                // A bonus or penalty section is marked, and loses what it took away, if
                // anything (an unearned bonus is no loss).
                title: node.marked_title().into_owned(),
                score: figures.score,
                max: figures.max,
                percent: figures.percent(),
                loss: card.lost(s),
                place: section_places[k],
                previous_percent: previous_sections
                    .iter()
                    .find(|(code, _)| *code == node.code)
                    .and_then(|(_, p)| *p),
                responsible: node.responsible.clone(),
                losses: all_losses
                    .iter()
                    .filter(|l| l.section == s)
                    .map(item)
                    .collect(),
            }
        })
        .collect();

    let offices = by_responsible(&all_losses, "")
        .into_iter()
        .map(|g| OfficeLoss {
            per_section: g
                .per_section()
                .into_iter()
                .map(|(s, points)| (set.nodes[s].code.clone(), points))
                .collect(),
            office: g.key,
            total: g.total,
            criteria: g.losses.len(),
        })
        .collect();

    Ok(Report {
        unit: card.unit.clone(),
        period: card.period.clone(),
        criteria_id: set.id.clone(),
        criteria_title: set.title.clone(),
        stage: card.stage,
        score: card.total.score,
        max: card.total.max,
        percent: card.total.percent,
        grade: card.total.grade.clone(),
        loss: card.total.loss(),
        lost_criteria: all_losses.len(),
        lost: card.points_lost(),
        place,
        previous_place,
        peer_grades,
        components: set
            .components
            .iter()
            .zip(&card.total.components)
            .map(|(c, s)| (c.title.clone(), s.score, s.max, s.percent()))
            .collect(),
        previous: previous_report,
        sections,
        top: all_losses.iter().take(TOP_LOSSES).map(item).collect(),
        offices,
    })
}

/// The place of `rank` in the previous ranking `prev`.
fn previous_of(prev: &[Standing], rank: usize) -> Place {
    let rows: Vec<Row> = league(prev.to_vec(), None);
    Place {
        rank,
        of: prev.len(),
        tied: rows.iter().filter(|r| r.rank == rank).count() > 1,
    }
}

/// Writes the report in `format` and `lang`.
pub fn render(report: &Report, format: Format, lang: Lang) -> String {
    match format {
        Format::Markdown => markdown::render(report, lang),
        Format::Html => html::render(report, lang),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::{parse_criteria, CriteriaResolver, Source};
    use crate::model::Stage;

    const HOSTILE: &str = r#"<script>alert("x")</script> & 'Co'"#;

    /// A one-section set and evidence whose every text is `HOSTILE`.
    fn hostile_report() -> Report {
        let criteria = format!(
            "parindex: 1\nkind: criteria\nid: t\ntitle: '{t}'\ngrades: [ {{ label: '{t}', min: 0 }} ]\nsections:\n  - {{ code: \"1\", title: '{t}', max: 2, responsible: '{t}', items: [ {{ code: \"1.1\", title: '{t}', max: 1, rule: yes-no }}, {{ code: \"1.2\", title: '{t}', max: 1, rule: yes-no }} ] }}\n",
            t = HOSTILE.replace('\'', "''")
        );
        let (set, _) = parse_criteria(&Source::from_text("c.yaml".into(), criteria)).unwrap();
        let resolver = CriteriaResolver::forced(set);
        let evidence = format!(
            "parindex: 1\nkind: evidence\ncriteria: t\nunit: '{t}'\nperiod: '{t}'\nvalues:\n  \"1.1\": {{ value: true, appraised: false, reason: '{t}' }}\n  \"1.2\": {{ value: false, note: '{t}' }}\n",
            t = HOSTILE.replace('\'', "''")
        );
        let scored = crate::pipeline::score_source(
            Source::from_text("e.yaml".into(), evidence),
            std::path::Path::new("."),
            &resolver,
            Stage::Final,
        )
        .unwrap();
        build(&scored.card, &scored.evidence, None, Some(Peers::default())).unwrap()
    }

    #[test]
    fn html_escapes_every_user_text() {
        let report = hostile_report();
        assert_eq!(report.unit, HOSTILE);
        assert_eq!(report.sections[0].losses.len(), 2);
        for lang in [Lang::Vi, Lang::En] {
            let html = render(&report, Format::Html, lang);
            assert!(!html.contains("<script"), "{html}");
            assert!(!html.contains("alert(\"x\")"));
            assert!(!html.contains("'Co'"));
            assert!(html
                .contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;Co&#39;"));
            // Only the page's own markup is left: one <svg>, no script, nothing fetched.
            assert_eq!(html.matches("<svg").count(), 1);
            assert!(!html.contains("src="));
        }
    }

    #[test]
    fn markdown_escapes_html_and_emphasis() {
        let md = render(&hostile_report(), Format::Markdown, Lang::Vi);
        assert!(!md.contains("<script>"), "{md}");
        assert!(md.contains(r"\<script\>"));
    }

    #[test]
    fn the_appraised_value_comes_with_the_councils_reason_and_the_units_own() {
        let report = hostile_report();
        let appraised = &report.sections[0].losses[0];
        assert_eq!(appraised.code, "1.1");
        assert_eq!(appraised.round, Round::Appraised);
        assert_eq!(appraised.self_value, Some(Value::Boolean(true)));
        assert_eq!(appraised.why.as_deref(), Some(HOSTILE));
        let own = &report.sections[0].losses[1];
        assert_eq!(
            (own.round, own.self_value.clone()),
            (Round::SelfAssessed, None)
        );
        // A note is the author's remark, not a reason.
        assert_eq!(own.why, None);
        assert_eq!(own.note.as_deref(), Some(HOSTILE));
        assert_eq!(report.offices.len(), 1);
        assert_eq!(report.offices[0].total, Decimal::from(2));
    }
}
