//! The report as one self-contained HTML page: inline CSS, an inline SVG bar chart, no
//! scripts and nothing fetched; laid out for the screen and for A4 print.

use super::text::{self, words, Seg};
use super::{Report, SectionReport};
use crate::i18n::{report as report_words, Lang};
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;
use std::fmt::Write as _;

/// Escapes text for HTML (and SVG) text and attribute values: `& < > " '`.
pub fn escape_html(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

use escape_html as esc;

fn rich(segs: &[Seg]) -> String {
    segs.iter()
        .map(|s| match s {
            Seg::Text(x) => esc(x),
            Seg::Strong(x) => format!("<strong>{}</strong>", esc(x)),
        })
        .collect()
}

pub(crate) const CSS: &str = r#"
@page { size: A4; margin: 15mm; }
:root { color-scheme: light; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body {
  margin: 0; background: #fff; color: #111;
  font-family: "Noto Sans", "DejaVu Sans", Arial, "Liberation Sans", sans-serif;
  font-size: 10.5pt; line-height: 1.45;
}
main { max-width: 200mm; margin: 0 auto; padding: 14mm 10mm 12mm; }
.doc-head { text-align: center; border-bottom: 2px solid #1f3a5f; padding-bottom: 8pt; margin-bottom: 12pt; }
.doc-head .unit { margin: 0; font-weight: 700; text-transform: uppercase; letter-spacing: 0.02em; }
h1 { font-size: 15pt; line-height: 1.3; margin: 6pt 0 4pt; color: #1f3a5f; }
.doc-head .criteria { margin: 0; font-size: 9pt; color: #444; font-style: italic; }
h2 { font-size: 12.5pt; color: #1f3a5f; margin: 16pt 0 6pt; padding-bottom: 2pt; border-bottom: 1px solid #b8c4d2; }
h3 { font-size: 11pt; margin: 12pt 0 3pt; }
h4 { font-size: 10.5pt; font-weight: 600; margin: 7pt 0 2pt; }
h2, h3, h4 { break-after: avoid; page-break-after: avoid; }
p { margin: 3pt 0; }
.lead { font-size: 11pt; }
.figures { display: flex; flex-wrap: wrap; gap: 0; margin: 8pt 0; padding: 0; border: 1px solid #9aa8b8; }
.figures div { flex: 1 1 0; min-width: 24mm; padding: 4pt 7pt; border-left: 1px solid #9aa8b8; }
.figures div:first-child { border-left: 0; }
.figures dt { font-size: 8.5pt; color: #444; }
.figures dd { margin: 0; font-size: 13pt; font-weight: 700; color: #1f3a5f; white-space: nowrap; }
.figures dd small { display: block; font-size: 8pt; font-weight: 400; color: #444; white-space: normal; }
figure { margin: 10pt 0; }
figure svg { display: block; width: 100%; height: auto; max-width: 720px; margin: 0 auto; }
figcaption { font-size: 9pt; color: #444; text-align: center; margin-top: 3pt; }
table { border-collapse: collapse; width: 100%; margin: 6pt 0 8pt; font-size: 9.5pt; }
th, td { border: 1px solid #9aa8b8; padding: 3pt 5pt; vertical-align: top; text-align: left; }
th { background: #e9eef4; font-weight: 600; }
td.num, th.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
tr.total td { font-weight: 700; background: #f4f6f9; }
table, figure, .figures, section.field, .loss, tr { break-inside: avoid; page-break-inside: avoid; }
/* A section with many losses may break between them (never inside one), rather than leave
   half a page empty; its heading stays with its first loss. */
section.field.long { break-inside: auto; page-break-inside: auto; }
section.field > p { break-after: avoid; page-break-after: avoid; }
section.field { margin-bottom: 8pt; }
.loss { margin: 4pt 0 6pt 10pt; padding-left: 8pt; border-left: 3px solid #c9d3de; }
.label { font-weight: 600; }
.note { font-size: 9pt; color: #444; font-style: italic; }
footer { margin-top: 14pt; padding-top: 4pt; border-top: 1px solid #b8c4d2; font-size: 8.5pt; color: #555; }
@media print {
  body { font-size: 10pt; }
  main { max-width: none; padding: 0; }
  figure svg { max-width: 165mm; }
  th, td { padding: 2pt 5pt; }
}
"#;

/// Wraps `s` into lines of at most about `width` characters, at spaces.
fn wrap(s: &str, width: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in s.split_whitespace() {
        let len = line.chars().count();
        if len > 0 && len + 1 + word.chars().count() > width {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

fn f(x: f64) -> String {
    let r = (x * 10.0).round() / 10.0;
    if r.fract() == 0.0 {
        format!("{r:.0}")
    } else {
        format!("{r:.1}")
    }
}

/// A section with more losses than this may break across pages between them.
const LONG_SECTION: usize = 3;

const NAVY: &str = "#1f3a5f";
const PREVIOUS: &str = "#9fb0c4";

/// The bar chart: one group per section, this period's percentage and, with a previous
/// period, its percentage beside it; axis 0–100%.
fn chart(r: &Report, lang: Lang) -> String {
    const WIDTH: f64 = 720.0;
    const LABEL_RIGHT: f64 = 292.0;
    const PLOT_X: f64 = 302.0;
    const PLOT_W: f64 = 330.0;
    const LINE_H: f64 = 15.0;
    const TOP: f64 = 34.0;
    let prev = r.previous.as_ref();
    let bar_h = if prev.is_some() { 12.0 } else { 16.0 };
    let now_label = text::period_label(lang, &r.period);
    let prev_label = prev.map(|p| text::period_label(lang, &p.period));
    let title = report_words::chart_title(lang, &r.period, prev.map(|p| p.period.as_str()));
    let desc: Vec<String> = r
        .sections
        .iter()
        .map(|s| {
            let mut d = format!(
                "{}: {}",
                text::section_heading(s),
                text::percent(lang, s.percent)
            );
            if let Some(p) = prev {
                let then = text::period(lang, &p.period);
                let _ = write!(d, " ({then}: {})", text::percent(lang, s.previous_percent));
            }
            d
        })
        .collect();

    let mut body = String::new();
    let bar = |body: &mut String, y: f64, pct: Option<Decimal>, fill: &str, who: &str| {
        let Some(p) = pct else {
            let _ = writeln!(
                body,
                "<text x=\"{}\" y=\"{}\" class=\"v\">–</text>",
                f(PLOT_X + 4.0),
                f(y + bar_h - 2.5)
            );
            return;
        };
        let share = p.to_f64().unwrap_or(0.0).clamp(0.0, 100.0) / 100.0;
        let w = PLOT_W * share;
        let shown = lang.percent(p);
        let _ = writeln!(
            body,
            r#"<rect x="{}" y="{}" width="{}" height="{}" fill="{fill}"><title>{}: {}</title></rect><text x="{}" y="{}" class="v">{}</text>"#,
            f(PLOT_X),
            f(y),
            f(w),
            f(bar_h),
            esc(who),
            esc(&shown),
            f(PLOT_X + w + 4.0),
            f(y + bar_h - 2.5),
            esc(&shown)
        );
    };
    let mut y = TOP;
    for s in &r.sections {
        let lines = wrap(&text::section_heading(s), 40);
        let bars_h = if prev.is_some() {
            2.0 * bar_h + 2.0
        } else {
            bar_h
        };
        let group_h = bars_h.max(lines.len() as f64 * LINE_H) + 10.0;
        let mid = y + group_h / 2.0;
        // The label, right-aligned beside the bars and centred on the group.
        let first = mid - (lines.len() as f64 - 1.0) * LINE_H / 2.0 + 4.0;
        let _ = write!(body, r#"<text x="{}" class="l">"#, f(LABEL_RIGHT));
        for (k, line) in lines.iter().enumerate() {
            let _ = write!(
                body,
                r#"<tspan x="{}" y="{}">{}</tspan>"#,
                f(LABEL_RIGHT),
                f(first + k as f64 * LINE_H),
                esc(line)
            );
        }
        body.push_str("</text>\n");
        let top = mid - bars_h / 2.0;
        bar(&mut body, top, s.percent, NAVY, &now_label);
        if let Some(p) = &prev_label {
            bar(
                &mut body,
                top + bar_h + 2.0,
                s.previous_percent,
                PREVIOUS,
                p,
            );
        }
        y += group_h;
    }
    let axis_y = y + 4.0;
    let mut grid = String::new();
    for k in 0..=4 {
        let x = PLOT_X + PLOT_W * k as f64 / 4.0;
        let _ = writeln!(
            grid,
            r##"<line x1="{x}" y1="{}" x2="{x}" y2="{}" stroke="{}" stroke-width="1"/><text x="{x}" y="{}" class="a">{}%</text>"##,
            f(TOP - 4.0),
            f(axis_y),
            if k == 0 { "#555" } else { "#d5dce4" },
            f(axis_y + 14.0),
            k * 25,
            x = f(x)
        );
    }
    let height = axis_y + 22.0;
    // The legend, over the plot.
    let mut legend = format!(
        r#"<rect x="{}" y="8" width="12" height="12" fill="{NAVY}"/><text x="{}" y="18" class="g">{}</text>
"#,
        f(PLOT_X),
        f(PLOT_X + 17.0),
        esc(&now_label)
    );
    if let Some(p) = &prev_label {
        let _ = writeln!(
            legend,
            r#"<rect x="{}" y="8" width="12" height="12" fill="{PREVIOUS}"/><text x="{}" y="18" class="g">{}</text>"#,
            f(PLOT_X + 110.0),
            f(PLOT_X + 127.0),
            esc(p)
        );
    }
    format!(
        concat!(
            r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {w} {h}" width="{w}" height="{h}" role="img" aria-labelledby="chart-title" aria-describedby="chart-desc">"#,
            "\n",
            r#"<title id="chart-title">{title}</title>"#,
            "\n",
            r#"<desc id="chart-desc">{desc}</desc>"#,
            "\n",
            r#"<style>text{{font-family:"Noto Sans","DejaVu Sans",Arial,sans-serif;fill:#111}}.l{{font-size:12.5px;text-anchor:end}}.v{{font-size:11.5px}}.a{{font-size:11px;text-anchor:middle;fill:#444}}.g{{font-size:12px}}</style>"#,
            "\n",
            "{grid}{legend}{body}</svg>"
        ),
        w = f(WIDTH),
        h = f(height),
        title = esc(&title),
        desc = esc(&desc.join("; ")),
        grid = grid,
        legend = legend,
        body = body,
    )
}

fn section_table(r: &Report, lang: Lang) -> String {
    let w = words(lang);
    let mut out = String::from("<table class=\"sections\">\n<thead><tr>");
    let _ = write!(
        out,
        "<th>{}</th><th class=\"num\">{}</th><th class=\"num\">{}</th><th class=\"num\">{}</th>",
        w.section, w.score, w.max, w.percent
    );
    if let Some(p) = &r.previous {
        let _ = write!(
            out,
            "<th class=\"num\">{}</th>",
            esc(&text::period_label(lang, &p.period))
        );
    }
    if r.place.is_some() {
        let _ = write!(out, "<th class=\"num\">{}</th>", w.rank);
    }
    let _ = writeln!(
        out,
        "<th class=\"num\">{}</th></tr></thead>\n<tbody>",
        w.lost
    );
    let row = |out: &mut String, cells: Vec<(String, bool)>, class: &str| {
        let _ = write!(out, "<tr{class}>");
        for (c, num) in cells {
            let _ = write!(
                out,
                "<td{}>{c}</td>",
                if num { " class=\"num\"" } else { "" }
            );
        }
        out.push_str("</tr>\n");
    };
    for s in &r.sections {
        let mut cells = vec![
            (esc(&text::section_heading(s)), false),
            (lang.number(s.score), true),
            (lang.number(s.max), true),
            (text::percent(lang, s.percent), true),
        ];
        if r.previous.is_some() {
            cells.push((text::percent(lang, s.previous_percent), true));
        }
        if r.place.is_some() {
            cells.push((esc(&text::place_cell(lang, s.place)), true));
        }
        cells.push((lang.number(s.loss), true));
        row(&mut out, cells, "");
    }
    let mut cells = vec![
        (w.total.to_string(), false),
        (lang.number(r.score), true),
        (lang.number(r.max), true),
        (text::percent(lang, r.percent), true),
    ];
    if let Some(p) = &r.previous {
        cells.push((text::percent(lang, p.percent), true));
    }
    if r.place.is_some() {
        cells.push((esc(&text::place_cell(lang, r.place)), true));
    }
    cells.push((lang.number(r.loss), true));
    row(&mut out, cells, " class=\"total\"");
    out.push_str("</tbody>\n</table>\n");
    out
}

/// The key figures in a row of boxes.
fn figures(r: &Report, lang: Lang) -> String {
    let w = words(lang);
    let mut items: Vec<(String, String, Option<String>)> = vec![
        (
            w.score.to_string(),
            text::fraction(lang, r.score, r.max),
            None,
        ),
        (w.percent.to_string(), text::percent(lang, r.percent), None),
    ];
    if let Some(g) = &r.grade {
        items.push((lang.t(report_words::GRADE).into(), g.clone(), None));
    }
    if let Some(p) = r.place {
        items.push((w.rank.to_string(), text::place_cell(lang, Some(p)), None));
    }
    if let Some(prev) = &r.previous {
        if let Some(d) = prev.delta_pp {
            let label = report_words::change_on(lang, &prev.period);
            let sign = if d > Decimal::ZERO { "+" } else { "" };
            let unit = lang.t(report_words::PERCENTAGE_POINTS);
            let mut small = format!(
                "{unit} ({} → {})",
                text::percent(lang, prev.percent),
                text::percent(lang, r.percent)
            );
            if let Some(n) = r.places_up() {
                small.push_str(&report_words::rank_change_short(lang, n));
            }
            items.push((label, format!("{sign}{}", lang.number(d)), Some(small)));
        }
    }
    let mut out = String::from("<dl class=\"figures\">");
    for (label, value, small) in items {
        let _ = write!(
            out,
            "<div><dt>{}</dt><dd>{}{}</dd></div>",
            esc(&label),
            esc(&value),
            small
                .map(|s| format!("<small>{}</small>", esc(&s)))
                .unwrap_or_default()
        );
    }
    out.push_str("</dl>\n");
    out
}

fn section(r: &Report, s: &SectionReport, lang: Lang) -> String {
    let long = s.losses.len() > LONG_SECTION;
    let mut out = format!(
        "<section class=\"field{}\">\n",
        if long { " long" } else { "" }
    );
    let _ = writeln!(out, "<h3>{}</h3>", esc(&text::section_heading(s)));
    let _ = writeln!(out, "<p>{}</p>", rich(&text::section_line(lang, r, s)));
    for (n, l) in s.losses.iter().enumerate() {
        out.push_str("<div class=\"loss\">\n");
        let _ = writeln!(
            out,
            "<h4>{}</h4>",
            esc(&text::loss_heading(lang, &s.code, n + 1, l))
        );
        let _ = writeln!(out, "<p>{}</p>", rich(&text::loss_result(lang, l)));
        if let Some(why) = &l.why {
            let _ = writeln!(
                out,
                "<p><span class=\"label\">{}</span> {}</p>",
                text::why_label(lang),
                esc(why)
            );
        }
        if let Some(note) = &l.note {
            let _ = writeln!(
                out,
                "<p><span class=\"label\">{}</span> {}</p>",
                text::note_label(lang),
                esc(note)
            );
        }
        let (label, offices) = text::responsible_line(lang, &l.responsible);
        let _ = writeln!(
            out,
            "<p><span class=\"label\">{}</span> {}</p>",
            esc(&label),
            esc(&offices)
        );
        out.push_str("</div>\n");
    }
    if s.losses.is_empty() && !s.responsible.is_empty() {
        let (label, offices) = text::responsible_line(lang, &s.responsible);
        let _ = writeln!(
            out,
            "<p><span class=\"label\">{}</span> {}</p>",
            esc(&label),
            esc(&offices)
        );
    }
    out.push_str("</section>\n");
    out
}

fn summary(r: &Report, lang: Lang) -> String {
    let w = words(lang);
    let mut out = format!("<p>{}</p>\n", esc(&text::overall_loss(lang, r)));
    if r.top.is_empty() {
        return out;
    }
    let _ = writeln!(out, "<h3>{}</h3>", w.top_losses);
    let _ = writeln!(
        out,
        "<table class=\"top\">\n<thead><tr><th class=\"num\">{}</th><th>{}</th><th>{}</th><th class=\"num\">{}</th><th class=\"num\">{}</th><th>{}</th></tr></thead>\n<tbody>",
        w.number, w.code, w.criterion, w.score, w.lost, w.responsible_col
    );
    for (n, l) in r.top.iter().enumerate() {
        let _ = writeln!(
            out,
            "<tr><td class=\"num\">{}</td><td>{}</td><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td>{}</td></tr>",
            n + 1,
            esc(&l.code),
            esc(&l.title),
            text::fraction(lang, l.score, l.max),
            lang.number(l.loss),
            esc(&text::offices(lang, &l.responsible))
        );
    }
    out.push_str("</tbody>\n</table>\n");
    let _ = writeln!(out, "<h3>{}</h3>", w.by_office);
    let _ = writeln!(
        out,
        "<table class=\"offices\">\n<thead><tr><th>{}</th><th class=\"num\">{}</th><th class=\"num\">{}</th><th>{}</th></tr></thead>\n<tbody>",
        w.office, w.criteria_count, w.lost, w.per_section
    );
    for o in &r.offices {
        let name = if o.office.is_empty() {
            w.no_office
        } else {
            &o.office
        };
        let _ = writeln!(
            out,
            "<tr><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td>{}</td></tr>",
            esc(name),
            o.criteria,
            lang.number(o.total),
            o.per_section
                .iter()
                .map(|part| esc(&text::per_section(lang, std::slice::from_ref(part))))
                .collect::<Vec<_>>()
                .join("<br>")
        );
    }
    out.push_str("</tbody>\n</table>\n");
    let _ = writeln!(out, "<p class=\"note\">{}</p>", w.shared_note);
    out
}

pub(super) fn render(r: &Report, lang: Lang) -> String {
    let w = words(lang);
    let code = match lang {
        Lang::Vi => "vi",
        Lang::En => "en",
    };
    let title = text::title(lang, r);
    let mut out = String::new();
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{code}\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<meta name=\"generator\" content=\"parindex\">\n<title>{} — {}</title>\n<style>{CSS}</style>\n</head>\n<body>\n<main>\n",
        esc(&title),
        esc(&r.unit)
    );
    let _ = write!(
        out,
        "<header class=\"doc-head\">\n<p class=\"unit\">{}</p>\n<h1>{}</h1>\n<p class=\"criteria\">{}</p>\n</header>\n",
        esc(&r.unit),
        esc(&title),
        esc(&text::criteria_line(lang, r))
    );
    let _ = writeln!(
        out,
        "<section class=\"part\" aria-labelledby=\"part-1\">\n<h2 id=\"part-1\">{}</h2>",
        w.part_overall
    );
    let _ = writeln!(
        out,
        "<p class=\"lead\">{}</p>",
        rich(&text::overall(lang, r))
    );
    if let Some(line) = text::components(lang, r) {
        let _ = writeln!(out, "<p>{}</p>", esc(&line));
    }
    if let Some(line) = text::peer_grades(lang, r) {
        let _ = writeln!(out, "<p>{}</p>", esc(&line));
    }
    out.push_str(&figures(r, lang));
    out.push_str(&section_table(r, lang));
    let _ = writeln!(
        out,
        "<figure class=\"chart\">\n{}\n<figcaption>{}</figcaption>\n</figure>",
        chart(r, lang),
        esc(&chart_caption(r, lang))
    );
    out.push_str("</section>\n");
    let _ = writeln!(
        out,
        "<section class=\"part\" aria-labelledby=\"part-2\">\n<h2 id=\"part-2\">{}</h2>",
        w.part_sections
    );
    for s in &r.sections {
        out.push_str(&section(r, s, lang));
    }
    out.push_str("</section>\n");
    let _ = writeln!(
        out,
        "<section class=\"part\" aria-labelledby=\"part-3\">\n<h2 id=\"part-3\">{}</h2>",
        w.part_summary
    );
    out.push_str(&summary(r, lang));
    out.push_str("</section>\n");
    let _ = writeln!(out, "<footer>{}</footer>", w.footer);
    out.push_str("</main>\n</body>\n</html>\n");
    out
}

fn chart_caption(r: &Report, lang: Lang) -> String {
    report_words::figure_caption(
        lang,
        &r.period,
        r.previous.as_ref().map(|p| p.period.as_str()),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_every_special_character() {
        assert_eq!(
            escape_html(r#"<b>"Phòng KT&HT" 'x'</b>"#),
            "&lt;b&gt;&quot;Phòng KT&amp;HT&quot; &#39;x&#39;&lt;/b&gt;"
        );
        assert_eq!(escape_html("Krông Nô"), "Krông Nô");
    }

    #[test]
    fn wraps_long_titles_at_spaces() {
        let lines = wrap(
            "7. Xây dựng và phát triển Chính quyền điện tử, Chính quyền số",
            44,
        );
        assert_eq!(
            lines,
            vec![
                "7. Xây dựng và phát triển Chính quyền điện",
                "tử, Chính quyền số"
            ]
        );
        assert!(lines.iter().all(|l| l.chars().count() <= 44));
    }
}
