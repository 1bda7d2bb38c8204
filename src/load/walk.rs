//! Finding the YAML files under the paths a command is given.

use crate::diag::{self, Diagnostic};
use std::path::Path;

/// The YAML files under `paths`: each file as given (`true`: named explicitly), and the
/// `*.yaml`/`*.yml` files found in folders (`false`), hidden folders and `target` left out,
/// in sorted order. Folders that cannot be read come back as diagnostics.
pub fn yaml_files(
    paths: &[std::path::PathBuf],
) -> (Vec<(std::path::PathBuf, bool)>, Vec<Diagnostic>) {
    fn walk(dir: &Path, out: &mut Vec<(std::path::PathBuf, bool)>, problems: &mut Vec<Diagnostic>) {
        let entries = match std::fs::read_dir(dir) {
            Ok(e) => e,
            Err(e) => {
                problems.push(Diagnostic::new(
                    diag::FILE_UNREADABLE,
                    &dir.display().to_string(),
                    format!("cannot read the folder: {e}"),
                ));
                return;
            }
        };
        // The entry's own file type: no extra system call per file on most file systems
        // (a national ranking lists ten thousand files); links are followed as before.
        let mut found: Vec<(std::path::PathBuf, bool)> = entries
            .filter_map(|e| e.ok())
            .map(|e| {
                let is_dir = match e.file_type() {
                    Ok(t) if !t.is_symlink() => t.is_dir(),
                    _ => e.path().is_dir(),
                };
                (e.path(), is_dir)
            })
            .collect();
        found.sort();
        for (p, is_dir) in found {
            let name = p
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            if is_dir {
                if !name.starts_with('.') && name != "target" {
                    walk(&p, out, problems);
                }
            } else if name.ends_with(".yaml") || name.ends_with(".yml") {
                out.push((p, false));
            }
        }
    }
    let (mut out, mut problems) = (Vec::new(), Vec::new());
    for p in paths {
        if p.is_dir() {
            walk(p, &mut out, &mut problems);
        } else {
            out.push((p.clone(), true));
        }
    }
    (out, problems)
}
