//! `parindex criteria`: the criteria sets embedded in this binary.

use super::{failure, stdout_is_terminal};
use comfy_table::{presets, Table};
use parindex::embedded;
use parindex::load::{parse_criteria, Source};
use std::process::ExitCode;

/// List the embedded criteria sets, or print one to copy and adapt.
#[derive(clap::Args)]
#[command(
    after_help = "Examples:\n  parindex criteria list\n  parindex criteria show dak-nong-district-2022 > my-province-2025.yaml"
)]
pub struct Args {
    #[command(subcommand)]
    action: Action,
}

#[derive(clap::Subcommand)]
enum Action {
    /// List the embedded criteria sets with their size and total.
    List,
    /// Print an embedded criteria set's YAML exactly as shipped.
    Show {
        /// The set's id (see `parindex criteria list`).
        id: String,
    },
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    match args.action {
        Action::List => {
            let mut t = Table::new();
            t.load_style(presets::UTF8_FULL_CONDENSED.with_rounded_corners());
            if !stdout_is_terminal() {
                t.force_no_tty();
            }
            t.set_header(vec!["Id", "Year", "Title", "Sections", "Leaves", "Max"]);
            for id in embedded::ids() {
                let text = embedded::find(id).unwrap_or_default();
                let source = Source::from_text(format!("embedded:{id}"), text.to_string());
                let (set, _) = parse_criteria(&source).map_err(|d| anyhow::anyhow!("{d}"))?;
                let max = parindex::decimal::sum(set.sections().map(|s| set.nodes[s].max))?;
                t.add_row(vec![
                    set.id.clone(),
                    set.year.map(|y| y.to_string()).unwrap_or_default(),
                    set.title.clone(),
                    set.sections().count().to_string(),
                    set.leaves().count().to_string(),
                    parindex::decimal::show(max),
                ]);
            }
            outln!("{t}");
            Ok(ExitCode::SUCCESS)
        }
        Action::Show { id } => match embedded::find(&id) {
            Some(text) => {
                out!("{text}");
                Ok(ExitCode::SUCCESS)
            }
            None => {
                let ids: Vec<&str> = embedded::ids().collect();
                eprintln!(
                    "error: no embedded criteria set `{id}`; embedded sets: {}",
                    ids.join(", ")
                );
                Ok(failure())
            }
        },
    }
}
