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

/// `examples/dak-nong-2022` as if it were the period before (2021): the same eight units and
/// figures, for `--previous` (which must be of an earlier period, E508). Made once per test
/// binary under Cargo's temporary folder for tests.
#[allow(dead_code)]
pub fn dak_nong_2021() -> &'static str {
    static DIR: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    DIR.get_or_init(|| {
        let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR"))
            .join(format!("dak-nong-2021-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        for entry in std::fs::read_dir("examples/dak-nong-2022").unwrap() {
            let path = entry.unwrap().path();
            let text = std::fs::read_to_string(&path).unwrap();
            assert!(text.contains("period: \"2022\""), "{}", path.display());
            std::fs::write(
                dir.join(path.file_name().unwrap()),
                text.replace("period: \"2022\"", "period: \"2021\""),
            )
            .unwrap();
        }
        dir.display().to_string()
    })
}
