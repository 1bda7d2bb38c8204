//! Finding the YAML files, and the workbooks that may be returned forms, under the paths a
//! command is given.

use crate::diag::{self, Diagnostic};
use crate::i18n::{diag as say, Text};
use rustc_hash::{FxHashMap, FxHashSet};
use std::fs::FileType;
use std::path::{Path, PathBuf};

/// What a file that is neither a regular file nor a folder is, for a message.
pub fn describe_special(t: &FileType) -> Text {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if t.is_fifo() {
            return say::A_FIFO;
        }
        if t.is_socket() {
            return say::A_SOCKET;
        }
        if t.is_char_device() || t.is_block_device() {
            return say::A_DEVICE;
        }
    }
    let _ = t;
    say::SPECIAL_FILE
}

/// The YAML files under `paths`: each file as given (`true`: named explicitly), and the
/// `*.yaml`/`*.yml` files and `*.xlsx` workbooks found in folders (`false`; a workbook is
/// read only if it is a form: [`super::Source::read_found`]), hidden folders and `target` left out,
/// in sorted order. Folders that cannot be read, and YAML names in folders that are not
/// regular files (a FIFO would block the reader forever), come back as diagnostics.
///
/// Links are followed, but each real folder is walked once: a link to a folder already walked
/// (a link to `.`, two links to each other) adds nothing and does not loop. Each real file
/// comes back once, however many times it is named or found.
pub fn yaml_files(paths: &[PathBuf]) -> (Vec<(PathBuf, bool)>, Vec<Diagnostic>) {
    struct Walk {
        /// Each file found: its path as named or found, whether named, and its real path
        /// (`Err(i)`: the real path of `folders[i]` and the file's name, made only if files
        /// that came twice are looked for).
        out: Vec<(PathBuf, bool, Result<PathBuf, usize>)>,
        /// The real path of each folder walked, in order.
        folders: Vec<PathBuf>,
        problems: Vec<Diagnostic>,
        /// Canonical paths of the folders walked so far.
        seen: FxHashSet<PathBuf>,
        /// A link was followed to a file, or a file was named: one file may have come twice.
        maybe_twice: bool,
    }
    impl Walk {
        fn dir(&mut self, dir: &Path) {
            // A folder that cannot be resolved is read as named and reported if unreadable.
            let real = dir.canonicalize().unwrap_or_else(|_| dir.to_path_buf());
            if !self.seen.insert(real.clone()) {
                return;
            }
            let folder = self.folders.len();
            self.folders.push(real.clone());
            let entries = match std::fs::read_dir(dir) {
                Ok(e) => e,
                Err(e) => {
                    self.problems.push(Diagnostic::new(
                        diag::FILE_UNREADABLE,
                        &dir.display().to_string(),
                        say::cannot_read_folder(&e.to_string()),
                    ));
                    return;
                }
            };
            // The entry's own file type: no extra system call per file on most file systems
            // (a national ranking lists ten thousand files); only links are followed.
            // A file's real path is the real folder's plus its name, unless it is a link (then
            // resolved): no system call per file to tell one file named twice.
            let mut found: Vec<(PathBuf, Option<FileType>, Option<PathBuf>)> = entries
                .filter_map(|e| e.ok())
                .map(|e| {
                    let (t, real_file) = match e.file_type() {
                        Ok(t) if t.is_symlink() => {
                            // A link's target may be a file found or named elsewhere; a broken
                            // link is known by its path as found, as a missing file named is.
                            self.maybe_twice = true;
                            (
                                std::fs::metadata(e.path()).ok().map(|m| m.file_type()),
                                Some(e.path().canonicalize().unwrap_or_else(|_| e.path())),
                            )
                        }
                        Ok(t) => (Some(t), None),
                        Err(_) => (None, Some(e.path())),
                    };
                    (e.path(), t, real_file)
                })
                .collect();
            // One folder's entries are its path joined to each name, so they sort as their
            // names do (no two alike: no stable sort needed).
            found.sort_unstable_by(|a, b| a.0.as_os_str().cmp(b.0.as_os_str()));
            self.out.reserve(found.len());
            for (p, t, real_file) in found {
                let name = p.file_name().unwrap_or_default().to_string_lossy();
                let walked = !name.starts_with('.') && name != "target";
                let read = super::is_yaml(Path::new(name.as_ref()))
                    || super::is_xlsx(Path::new(name.as_ref()));
                match t {
                    Some(t) if t.is_dir() => {
                        if walked {
                            self.dir(&p);
                        }
                    }
                    _ if !read => {}
                    Some(t) if !t.is_file() => self.problems.push(
                        Diagnostic::new(
                            diag::FILE_UNREADABLE,
                            &p.display().to_string(),
                            say::not_regular_in_folder(describe_special(&t)),
                        )
                        .help(say::MOVE_IT_OUT),
                    ),
                    // A regular file, or a broken link: reading it says what is wrong.
                    _ => {
                        let real_file = real_file.ok_or(folder);
                        self.out.push((p, false, real_file))
                    }
                }
            }
        }
    }
    let mut walk = Walk {
        out: Vec::new(),
        problems: Vec::new(),
        seen: FxHashSet::default(),
        folders: Vec::new(),
        maybe_twice: false,
    };
    for p in paths {
        if p.is_dir() {
            walk.dir(p);
        } else {
            let real = p.canonicalize().unwrap_or_else(|_| p.clone());
            walk.maybe_twice = true;
            walk.out.push((p.clone(), true, Ok(real)));
        }
    }
    // Files found in folders alone, through no link, are each one real folder's entry, each
    // folder walked once: no file can have come twice, and none is looked for.
    if !walk.maybe_twice {
        let out = walk
            .out
            .into_iter()
            .map(|(p, named, _)| (p, named))
            .collect();
        return (out, walk.problems);
    }
    // A file named twice, directly and through its folder, or through a link, is read once:
    // its first name is kept, and it counts as named if it was named anywhere.
    // Keyed by `Path`, whose equality is by components: `d//x.yaml` and `d/x.yaml` are one
    // file even where neither resolves (a missing file is reported once).
    let mut first: FxHashMap<PathBuf, usize> = FxHashMap::default();
    first.reserve(walk.out.len());
    let mut out: Vec<(PathBuf, bool)> = Vec::with_capacity(walk.out.len());
    for (p, named, real) in walk.out {
        let real = real
            .unwrap_or_else(|folder| walk.folders[folder].join(p.file_name().unwrap_or_default()));
        match first.get(&real) {
            Some(&i) => out[i].1 |= named,
            None => {
                first.insert(real, out.len());
                out.push((p, named));
            }
        }
    }
    (out, walk.problems)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn yaml_files_are_found_whatever_the_case_of_their_extension() {
        let dir = tempfile::tempdir().unwrap();
        for f in ["a.yaml", "B.YAML", "c.Yml", "d.txt", "e.yaml.bak", "f.XLSX"] {
            std::fs::write(dir.path().join(f), "kind: evidence\n").unwrap();
        }
        let (out, problems) = yaml_files(&[dir.path().to_path_buf()]);
        assert!(problems.is_empty());
        let mut names: Vec<String> = out
            .iter()
            .map(|(p, _)| p.file_name().unwrap().to_string_lossy().into_owned())
            .collect();
        names.sort();
        assert_eq!(names, ["B.YAML", "a.yaml", "c.Yml", "f.XLSX"]);
    }

    #[test]
    fn each_file_comes_once_whether_found_named_or_linked() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        std::fs::create_dir(d.join("m")).unwrap();
        for f in ["a.yaml", "m/b.yaml", "z.yaml"] {
            std::fs::write(d.join(f), "kind: evidence\n").unwrap();
        }
        let names = |paths: &[PathBuf]| {
            let (out, problems) = yaml_files(paths);
            assert!(problems.is_empty());
            out.into_iter()
                .map(|(p, named)| (p.strip_prefix(d).unwrap().display().to_string(), named))
                .collect::<Vec<_>>()
        };
        let found = vec![
            ("a.yaml".to_string(), false),
            ("m/b.yaml".to_string(), false),
            ("z.yaml".to_string(), false),
        ];
        assert_eq!(names(&[d.to_path_buf()]), found);
        // Named after its folder, a file found after a subfolder is still the folder's own
        // (its real path is not the subfolder's): read once, as named.
        let mut named_z = found.clone();
        named_z[2].1 = true;
        assert_eq!(names(&[d.to_path_buf(), d.join("z.yaml")]), named_z);
        // Named first, under another spelling: kept where it was named.
        assert_eq!(
            names(&[d.join("./z.yaml"), d.to_path_buf()]),
            vec![
                ("z.yaml".to_string(), true),
                ("a.yaml".to_string(), false),
                ("m/b.yaml".to_string(), false),
            ]
        );
        // A link to a file found anyway adds nothing; a broken link named and found is one
        // missing file, under either spelling.
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink(d.join("a.yaml"), d.join("m/link.yaml")).unwrap();
            assert_eq!(names(&[d.to_path_buf()]), found);
            std::os::unix::fs::symlink("missing.yaml", d.join("m/broken.yaml")).unwrap();
            // Reached through a link to the folder, as `brk/b.yaml` and `brk` are reached
            // from elsewhere: the folder's real path is not the path the file was named by.
            let other = tempfile::tempdir().unwrap();
            let via = other.path().join("via");
            std::os::unix::fs::symlink(d, &via).unwrap();
            for named in [via.join("m/broken.yaml"), via.join("m//broken.yaml")] {
                let (got, _) = yaml_files(&[named, via.clone()]);
                assert_eq!(got.len(), 4, "{got:?}");
                assert!(got[0].1 && got[0].0.ends_with("broken.yaml"), "{got:?}");
            }
        }
    }
}
