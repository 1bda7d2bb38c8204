//! What every test of the binary needs: the command, and its output on success.

use assert_cmd::Command;

/// The example every figure of the source report is checked against.
#[allow(dead_code)]
pub const EXAMPLE: &str = "examples/krong-no-2022.yaml";

/// `parindex`, without colour and in English whatever the environment says (the language
/// comes from `PARINDEX_LANG` and the locale when `--lang` is not given).
pub fn parindex() -> Command {
    let mut cmd = assert_cmd::cargo::cargo_bin_cmd!("parindex");
    cmd.env("NO_COLOR", "1");
    for name in ["PARINDEX_LANG", "LC_ALL", "LC_MESSAGES", "LANG"] {
        cmd.env_remove(name);
    }
    cmd
}

/// Standard output of a run that must succeed (its stderr is shown when it does not).
#[allow(dead_code)]
pub fn stdout_of(args: &[&str]) -> String {
    let out = parindex().args(args).output().unwrap();
    assert!(
        out.status.success(),
        "parindex {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// One member of a zip file (a .docx or .xlsx part such as `word/document.xml`), as text.
#[allow(dead_code)]
pub fn zip_member(file: &std::path::Path, name: &str) -> String {
    use std::io::Read;
    let mut zip = zip::ZipArchive::new(std::fs::File::open(file).unwrap()).unwrap();
    let mut text = String::new();
    zip.by_name(name)
        .unwrap_or_else(|_| panic!("{name} not in {}", file.display()))
        .read_to_string(&mut text)
        .unwrap();
    text
}
