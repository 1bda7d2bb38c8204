//! `parindex whatif`: the result if values changed, and what it takes to reach a target.

use super::{failure, load_scored, report};
use parindex::decimal::parse_decimal;
use parindex::i18n::{cli, whatif as words, words as common, Lang};
use parindex::load::{parse_value_text, CriteriaResolver};
use parindex::model::Stage;
use parindex::pipeline::overflow_diagnostic;
use parindex::rank::{league, Standing};
use parindex::score::Scorecard;
use parindex::whatif::{plan, set_value};
use rust_decimal::Decimal;
use std::path::PathBuf;
use std::process::ExitCode;

/// Plan: the result if values changed, and what it takes to reach a target.
///
/// Shows the new total, percentage and grade if some values changed
/// (`--set CODE=VALUE`, repeatable), and with `--target` the fewest criteria to improve to
/// reach a grade or a percentage, largest gain first, each with the value it would need. The
/// plan raises criteria of scored sections and lowers penalties (the value that takes the
/// fewest points); bonus points are not planned on, since the maximum never counts on them.
///
/// A value set here replaces the scored value (the appraisal council's, if any) at every stage. The plan
/// ends with the `whatif --set …` command that confirms it.
#[derive(clap::Args)]
#[command(
    after_help = "Examples:\n  parindex whatif examples/krong-no-2022.yaml --set 1.6=2 --set 3.4.1=100%\n  parindex whatif examples/krong-no-2022.yaml --target \"Xuất sắc\"\n  parindex whatif examples/krong-no-2022.yaml --target 92.5 --peers examples/dak-nong-2022"
)]
pub struct Args {
    /// The evidence file.
    evidence: PathBuf,
    /// CODE=VALUE: score this value for the criterion instead (e.g. 1.6=2, 3.4.1=100%).
    #[arg(long = "set", value_name = "CODE=VALUE")]
    sets: Vec<String>,
    /// A grade label (e.g. "Xuất sắc") or a percentage (e.g. 90) to reach.
    #[arg(long)]
    target: Option<String>,
    /// Evidence of the peer units, to show the rank before and after.
    #[arg(long, value_name = "DIR")]
    peers: Option<PathBuf>,
    /// Which assessment to plan from: `final` (the council's last values where given),
    /// `appraised` (the first appraisal's) or `self`; the peers are scored at the same stage.
    #[arg(long, value_enum, default_value_t = super::score::StageArg::Final)]
    stage: super::score::StageArg,
    // The `whatif --set …` command a plan ends with keeps the values as the command line
    // takes them, in either language.
    #[command(flatten)]
    lang: super::LangFlag,
}

fn summary(card: &Scorecard, lang: Lang) -> String {
    let t = &card.total;
    words::summary(
        lang,
        &lang.figure(t.score),
        &lang.figure(t.max),
        &t.percent.map_or("–".into(), |p| lang.percent(p)),
        t.grade.as_deref(),
    )
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let lang = args.lang.lang;
    if args.sets.is_empty() && args.target.is_none() {
        eprintln!("{}", cli::give_set_or_target(lang));
        return Ok(ExitCode::from(2));
    }
    let stage = Stage::from(args.stage);
    let scored = match load_scored(&args.evidence, &CriteriaResolver::new(), stage, lang) {
        Ok(s) => s,
        Err(code) => return Ok(code),
    };
    let (set, before) = (&scored.set, &scored.card);
    let mut evidence = scored.evidence.clone();
    // A code set twice: which value is meant is not for us to guess.
    let mut seen = std::collections::HashSet::new();
    for s in &args.sets {
        if let Some((code, _)) = s.split_once('=') {
            let code = code.trim().trim_matches('"');
            if !seen.insert(code) {
                eprintln!("{}", cli::set_twice(lang, &parindex::diag::shown(code)));
                return Ok(ExitCode::from(2));
            }
        }
    }
    // Apply --set, reporting every bad one at once.
    let mut problems = Vec::new();
    for s in &args.sets {
        let Some((code, value)) = s.split_once('=') else {
            problems.push(cli::write_code_value(lang, s));
            continue;
        };
        let code = code.trim().trim_matches('"');
        let Some(i) = set.find(code) else {
            problems.push(cli::not_a_criterion(lang, code, &set.id));
            continue;
        };
        if !set.nodes[i].is_leaf() {
            problems.push(cli::has_sub_criteria(lang, code));
            continue;
        }
        match parse_value_text(value.trim(), &set.nodes[i]) {
            Ok(v) => set_value(&mut evidence, i, v),
            Err(p) => problems.push(format!(
                "{code}: {}{}",
                p.message.get(lang),
                p.help
                    .map(|h| format!(" ({})", h.get(lang)))
                    .unwrap_or_default()
            )),
        }
    }
    if !problems.is_empty() {
        for p in &problems {
            eprintln!("{}", cli::set_refused(lang, p));
        }
        return Ok(failure());
    }
    let target = match &args.target {
        None => None,
        Some(t) => match set
            .grades
            .iter()
            .find(|g| g.label.eq_ignore_ascii_case(t.trim()))
        {
            Some(g) => Some((
                words::grade_target(args.lang.lang, &g.label, &args.lang.lang.figure(g.min)),
                g.min,
            )),
            None => match parse_decimal(t.trim().trim_end_matches('%')) {
                // 0.9 is 90% written as a fraction, not 0.9%: refused, as grade bands are.
                Ok(p) if p > Decimal::ZERO && p <= Decimal::ONE && !t.trim().ends_with('%') => {
                    eprintln!(
                        "{}",
                        cli::target_looks_like_fraction(lang, t.trim(), p * Decimal::ONE_HUNDRED)
                    );
                    return Ok(ExitCode::from(2));
                }
                Ok(p) if p > Decimal::ZERO => Some((format!("{}%", args.lang.lang.figure(p)), p)),
                _ => {
                    let labels: Vec<&str> = set.grades.iter().map(|g| g.label.as_str()).collect();
                    eprintln!(
                        "{}",
                        cli::target_unknown(lang, t, &set.id, &labels.join(", "))
                    );
                    return Ok(ExitCode::from(2));
                }
            },
        },
    };
    // The peers, once the options are known good, as `report --peers` reads them: a folder
    // that cannot be ranked with the unit stops the run before anything is printed.
    let peers = match &args.peers {
        None => None,
        Some(dir) => {
            let file = args.evidence.display().to_string();
            match super::report::peers_of(before, &file, dir, &CriteriaResolver::new(), stage, lang)
            {
                Some(p) => Some(p),
                None => return Ok(failure()),
            }
        }
    };
    let after_sets = match scored.rescore(&evidence, stage) {
        Ok(c) => c,
        Err(d) => {
            report(&d.0, lang);
            return Ok(failure());
        }
    };
    outln!(
        "{} · {} · {}",
        before.unit,
        before.period,
        common::stage_header(lang, stage)
    );
    outln!("{}{}", lang.t(words::NOW), summary(before, lang));
    if !args.sets.is_empty() {
        outln!("{}{}", lang.t(words::WITH_SET), summary(&after_sets, lang));
    }
    let mut final_card = after_sets.clone();
    let mut reached = true;
    if let Some((label, pct)) = target {
        let p = match plan(set, &evidence, stage, pct) {
            Ok(p) => p,
            Err(e) => {
                report(&[overflow_diagnostic(&scored.source, &e)], lang);
                return Ok(failure());
            }
        };
        outln!("{}", words::target(lang, &label));
        if p.steps.is_empty() && p.reached {
            outln!("{}", lang.t(words::ALREADY_REACHED));
        } else if !p.reached {
            outln!("{}", words::unreachable(lang, &summary(&p.result, lang)));
        } else {
            outln!("{}", words::improve(lang, p.steps.len()));
            for (n, s) in p.steps.iter().enumerate() {
                let node = &set.nodes[s.node];
                // The plan starts from the values after --set: the value it raises is there.
                let from = after_sets.nodes[s.node]
                    .leaf
                    .as_ref()
                    .map(|l| common::value(lang, &l.value));
                let to = match lang {
                    Lang::En => s.to_text(),
                    Lang::Vi => common::value(lang, &s.to),
                };
                outln!(
                    "  {:>2}. {:<8} {} → {}  (+{})  {}",
                    n + 1,
                    node.code,
                    from.as_deref().unwrap_or(lang.t(common::MISSING)),
                    to,
                    lang.figure(s.gain),
                    node.title
                );
            }
            outln!("{}{}", lang.t(words::RESULT), summary(&p.result, lang));
            let mut rerun = format!(
                "parindex whatif {}",
                shell_word(&args.evidence.display().to_string())
            );
            // The plan holds at its stage only: the command confirming it scores at the same.
            if stage != Stage::Final {
                rerun.push_str(&format!(" --stage {}", stage.name()));
            }
            for s in args.sets.iter() {
                rerun.push_str(&format!(" --set {}", set_word(s)));
            }
            for s in &p.steps {
                let given = format!("{}={}", set.nodes[s.node].code, s.to_text());
                rerun.push_str(&format!(" --set {}", set_word(&given)));
            }
            // Written on one line, a control character as its code point: a file's name
            // reaches the terminal as text, never as an escape sequence.
            outln!(
                "{}{}",
                lang.t(words::CONFIRM),
                parindex::diag::visible_name(&rerun)
            );
        }
        reached = p.reached;
        final_card = p.result;
    }
    if let Some(peers) = &peers {
        // The unit's own result among the peers is replaced by this one, however its name
        // is spelled there.
        let peers: Vec<Standing> = peers
            .iter()
            .filter(|s| !s.is_of(&before.unit))
            .cloned()
            .collect();
        let rank_of = |card: &Scorecard| {
            let mut all = peers.clone();
            // Named by no file (no peer's path is empty): told from every peer, whatever
            // the peer's file is called or the unit's name is.
            all.push(Standing::from_card(card, ""));
            let n = all.len();
            let rows = league(all, None);
            let rank = rows
                .iter()
                .find(|r| r.standing.file.is_empty())
                .map_or(0, |r| r.rank);
            format!("{rank}/{n}")
        };
        outln!(
            "{}",
            words::rank(lang, peers.len(), &rank_of(before), &rank_of(&final_card))
        );
    }
    Ok(if reached {
        ExitCode::SUCCESS
    } else {
        failure()
    })
}

/// A word of the confirming command as a shell reads it back: quoted only where it must be
/// (a file's name with a space, a quote or `;` in it cannot end the command or start another).
fn shell_word(s: &str) -> String {
    shlex::try_quote(s).map_or_else(|_| s.to_string(), |q| q.into_owned())
}

/// A `--set` value in single quotes, as the command has always written it (`--set '1.6=2'`);
/// one holding a quote itself is quoted as the shell needs.
fn set_word(s: &str) -> String {
    if s.contains('\'') {
        shell_word(s)
    } else {
        format!("'{s}'")
    }
}
