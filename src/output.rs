//! Writing output files safely: the whole text or nothing, and never over an existing file
//! unless asked.

use std::fs::{self, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// Why an output file was not written.
#[derive(Debug)]
pub enum WriteError {
    /// The file exists and overwriting was not asked for.
    Exists(PathBuf),
    Io(PathBuf, io::Error),
}

impl std::fmt::Display for WriteError {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        match self {
            WriteError::Exists(p) => write!(
                f,
                "{} already exists; pass --force to overwrite it",
                p.display()
            ),
            WriteError::Io(p, e) => write!(f, "cannot write {}: {e}", p.display()),
        }
    }
}

impl std::error::Error for WriteError {}

/// Writes `text` to `path` atomically: into a temporary file beside it, synced, then moved
/// into place. Without `overwrite`, an existing file is left alone (checked atomically: the
/// temporary file is hard-linked to the target, which fails if the target exists).
pub fn write_atomic(
    path: &Path,
    text: impl AsRef<[u8]>,
    overwrite: bool,
) -> Result<(), WriteError> {
    let io_err = |e| WriteError::Io(path.to_path_buf(), e);
    if !overwrite && path.exists() {
        return Err(WriteError::Exists(path.to_path_buf()));
    }
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let (tmp, mut file) = create_temp(&dir, &name).map_err(io_err)?;
    let result = (|| {
        file.write_all(text.as_ref())?;
        file.sync_all()?;
        drop(file);
        if overwrite {
            fs::rename(&tmp, path)
        } else {
            fs::hard_link(&tmp, path).or_else(|e| {
                if e.kind() == io::ErrorKind::AlreadyExists {
                    Err(e)
                } else {
                    // Filesystems without hard links: fall back to a checked rename.
                    if path.exists() {
                        Err(io::Error::from(io::ErrorKind::AlreadyExists))
                    } else {
                        fs::rename(&tmp, path)
                    }
                }
            })
        }
    })();
    let _ = fs::remove_file(&tmp);
    match result {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {
            Err(WriteError::Exists(path.to_path_buf()))
        }
        Err(e) => Err(io_err(e)),
    }
}

fn create_temp(dir: &Path, name: &str) -> io::Result<(PathBuf, fs::File)> {
    let pid = std::process::id();
    for n in 0..100u32 {
        let tmp = dir.join(format!(".{name}.parindex-{pid}-{n}.tmp"));
        match OpenOptions::new().write(true).create_new(true).open(&tmp) {
            Ok(f) => return Ok((tmp, f)),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(e),
        }
    }
    Err(io::Error::new(
        io::ErrorKind::AlreadyExists,
        "no free temporary file name",
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_refuses_and_overwrites() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out.json");
        write_atomic(&path, "one", false).unwrap();
        assert_eq!(fs::read_to_string(&path).unwrap(), "one");
        assert!(matches!(
            write_atomic(&path, "two", false),
            Err(WriteError::Exists(_))
        ));
        assert_eq!(fs::read_to_string(&path).unwrap(), "one");
        write_atomic(&path, "three", true).unwrap();
        assert_eq!(fs::read_to_string(&path).unwrap(), "three");
        // No temporary files are left behind.
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn a_missing_folder_is_an_error_and_leaves_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("no/such/dir/out.json");
        assert!(matches!(
            write_atomic(&path, "x", false),
            Err(WriteError::Io(..))
        ));
    }
}
