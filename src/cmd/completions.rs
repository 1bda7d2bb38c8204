//! `parindex completions` and `parindex man`: shell completion scripts and the manual page.

use std::process::ExitCode;

/// Print a shell completion script.
///
/// Bash: `parindex completions bash > ~/.local/share/bash-completion/completions/parindex`
/// Zsh: `parindex completions zsh > "${fpath[1]}/_parindex"`
/// Fish: `parindex completions fish > ~/.config/fish/completions/parindex.fish`
/// PowerShell: `parindex completions powershell >> $PROFILE`
#[derive(clap::Args)]
pub struct CompletionsArgs {
    /// The shell.
    #[arg(value_enum)]
    shell: clap_complete::Shell,
}

/// Print the manual page (roff).
///
/// For example: `parindex man > /usr/local/share/man/man1/parindex.1`.
#[derive(clap::Args)]
pub struct ManArgs {}

pub fn completions(args: CompletionsArgs, mut cmd: clap::Command) -> anyhow::Result<ExitCode> {
    // Rendered whole, then written through the one path that ends quietly on a closed pipe
    // (clap_complete panics when its writer fails).
    let mut script = Vec::new();
    clap_complete::generate(args.shell, &mut cmd, "parindex", &mut script);
    super::write_stdout(&script);
    Ok(ExitCode::SUCCESS)
}

pub fn man(_: ManArgs, cmd: clap::Command) -> anyhow::Result<ExitCode> {
    let mut page = Vec::new();
    clap_mangen::Man::new(cmd).render(&mut page)?;
    super::write_stdout(&page);
    Ok(ExitCode::SUCCESS)
}
