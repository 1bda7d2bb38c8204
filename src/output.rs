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
    /// The file is one this run read (an evidence file, a criteria set, a result).
    IsInput(PathBuf),
}

/// The files this run has read: an output that would land on one of them (by its own name,
/// a symbolic or a hard link) is refused, whatever the command. On Unix a file is known by
/// (device, inode), which sees through every link; elsewhere by its canonical path (Windows
/// has no stable file id in the standard library), which sees through symbolic links.
#[cfg(unix)]
static INPUTS: std::sync::Mutex<Vec<(u64, u64)>> = std::sync::Mutex::new(Vec::new());
#[cfg(not(unix))]
static INPUTS: std::sync::Mutex<Vec<PathBuf>> = std::sync::Mutex::new(Vec::new());

/// Records a file read as input: its metadata, taken from the open file, and its path.
pub fn note_input(path: &Path, meta: &fs::Metadata) {
    let mut inputs = INPUTS.lock().unwrap_or_else(|e| e.into_inner());
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let _ = path;
        inputs.push((meta.dev(), meta.ino()));
    }
    #[cfg(not(unix))]
    {
        let _ = meta;
        if let Ok(canonical) = fs::canonicalize(path) {
            inputs.push(canonical);
        }
    }
}

/// Whether the file at `path` (links followed) is one this run read.
pub(crate) fn is_input(path: &Path) -> bool {
    let inputs = INPUTS.lock().unwrap_or_else(|e| e.into_inner());
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        fs::metadata(path).is_ok_and(|meta| inputs.contains(&(meta.dev(), meta.ino())))
    }
    #[cfg(not(unix))]
    {
        fs::canonicalize(path).is_ok_and(|p| inputs.contains(&p))
    }
}

impl std::fmt::Display for WriteError {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str(&crate::i18n::cli::write_error(crate::i18n::Lang::En, self))
    }
}

impl std::error::Error for WriteError {}

impl WriteError {
    /// Whether the command line is what must change (exit 2, as any usage error): `-o` names
    /// an existing file without `--force`, or a file the run reads. The input itself is fine.
    pub fn is_usage(&self) -> bool {
        matches!(self, WriteError::Exists(_) | WriteError::IsInput(_))
    }
}

/// Writes `text` to `path` atomically: into a temporary file beside it, synced, then moved
/// into place. Without `overwrite`, an existing file is left alone (checked atomically: the
/// temporary file is hard-linked to the target, which fails if the target exists).
///
/// Overwriting never changes what `path` is: a symbolic link is written through (the file it
/// points to is replaced, beside itself, and the link stays); a replaced file keeps its
/// permissions (and, where allowed, its owner); a device or FIFO (`/dev/null`, `/dev/stdout`,
/// `>(gzip > out.gz)`) is written to directly, never replaced by a regular file.
pub fn write_atomic(
    path: &Path,
    text: impl AsRef<[u8]>,
    overwrite: bool,
) -> Result<(), WriteError> {
    let io_err = |e| WriteError::Io(path.to_path_buf(), e);
    // Even with --force: an output never replaces what it was made from.
    if is_input(path) {
        return Err(WriteError::IsInput(path.to_path_buf()));
    }
    let existing = fs::metadata(path);
    let is_link = fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
    if !overwrite && (existing.is_ok() || is_link) {
        return Err(WriteError::Exists(path.to_path_buf()));
    }
    if let Ok(meta) = &existing {
        if meta.is_dir() {
            return Err(io_err(io::Error::other("it is a folder")));
        }
        if !meta.is_file() {
            // A device, FIFO or socket: a stream, written as it is.
            return open_stream(path)
                .and_then(|mut f| f.write_all(text.as_ref()).and_then(|()| f.flush()))
                .map_err(|e| {
                    if e.raw_os_error() == Some(ENXIO) {
                        io_err(io::Error::other(
                            "it is a FIFO with no reader (start the reader first, e.g. `cat FIFO &`)",
                        ))
                    } else {
                        io_err(e)
                    }
                });
        }
    }
    // The file to replace, links followed (a dangling link: the file it names is created).
    let target = if is_link {
        resolve_links(path).map_err(io_err)?
    } else {
        path.to_path_buf()
    };
    let dir = match target.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let (tmp, mut file) = create_temp(&dir, &name).map_err(io_err)?;
    let result = (|| {
        if let Ok(meta) = &existing {
            keep_owner_and_mode(&file, meta)?;
        }
        file.write_all(text.as_ref())?;
        file.sync_all()?;
        drop(file);
        if overwrite {
            fs::rename(&tmp, &target)
        } else {
            fs::hard_link(&tmp, &target).or_else(|e| {
                if e.kind() == io::ErrorKind::AlreadyExists {
                    Err(e)
                } else {
                    // Filesystems without hard links: fall back to a checked rename.
                    if target.exists() {
                        Err(io::Error::from(io::ErrorKind::AlreadyExists))
                    } else {
                        fs::rename(&tmp, &target)
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

/// "No such device or address": a FIFO opened for writing without waiting has no reader.
const ENXIO: i32 = 6;

/// Opens a device or FIFO for writing. A FIFO is opened without waiting (O_NONBLOCK): with no
/// reader the opening fails at once (ENXIO) instead of waiting forever; once open, the file
/// is switched back to blocking so that a slow reader gets every byte.
fn open_stream(path: &Path) -> io::Result<fs::File> {
    #[cfg(target_os = "linux")]
    {
        use std::os::unix::fs::OpenOptionsExt;
        const O_NONBLOCK: i32 = 0o4000;
        let file = OpenOptions::new()
            .write(true)
            .custom_flags(O_NONBLOCK)
            .open(path)?;
        set_blocking(&file)?;
        Ok(file)
    }
    #[cfg(not(target_os = "linux"))]
    OpenOptions::new().write(true).open(path)
}

/// Clears O_NONBLOCK on an open file (`fcntl(F_SETFL)`), so that writes wait for a slow
/// reader rather than fail with EAGAIN.
#[cfg(target_os = "linux")]
fn set_blocking(file: &fs::File) -> io::Result<()> {
    use std::os::fd::AsRawFd;
    extern "C" {
        fn fcntl(fd: i32, cmd: i32, ...) -> i32;
    }
    const F_GETFL: i32 = 3;
    const F_SETFL: i32 = 4;
    const O_NONBLOCK: i32 = 0o4000;
    let fd = file.as_raw_fd();
    // SAFETY: fcntl on a descriptor this function borrows, with integer arguments only.
    let flags = unsafe { fcntl(fd, F_GETFL) };
    if flags < 0 {
        return Err(io::Error::last_os_error());
    }
    // SAFETY: as above.
    if unsafe { fcntl(fd, F_SETFL, flags & !O_NONBLOCK) } < 0 {
        return Err(io::Error::last_os_error());
    }
    Ok(())
}

/// The path a chain of symbolic links ends at, whether or not that file exists.
fn resolve_links(path: &Path) -> io::Result<PathBuf> {
    let mut p = path.to_path_buf();
    // Linux's own limit on links followed in one path.
    for _ in 0..40 {
        match fs::symlink_metadata(&p) {
            Ok(m) if m.file_type().is_symlink() => {
                let to = fs::read_link(&p)?;
                p = match p.parent() {
                    Some(dir) if to.is_relative() => dir.join(to),
                    _ => to,
                };
            }
            _ => return Ok(p),
        }
    }
    Err(io::Error::other("too many levels of symbolic links"))
}

/// Gives the new file the replaced one's permissions, and its owner and group where the
/// system allows (as root, or a group the user belongs to).
fn keep_owner_and_mode(file: &fs::File, old: &fs::Metadata) -> io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let new = file.metadata()?;
        if new.uid() != old.uid() || new.gid() != old.gid() {
            let _ = std::os::unix::fs::fchown(file, Some(old.uid()), Some(old.gid()));
            if new.gid() != old.gid() {
                let _ = std::os::unix::fs::fchown(file, None, Some(old.gid()));
            }
        }
    }
    file.set_permissions(old.permissions())
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

/// Extensions that say what a file holds, as this tool and its users name files: an output
/// named with one of them must hold that kind of file.
const KNOWN_EXTENSIONS: &[&str] = &[
    "xlsx", "xlsm", "xls", "docx", "doc", "yaml", "yml", "json", "csv", "md", "markdown", "html",
    "htm", "txt", "pdf",
];

/// The extension of `path` when it names a kind of file other than `own` (the format's own
/// extensions): a Word document named `.xlsx`, a workbook named `.yaml` (which the next run
/// over its folder would read as evidence). A name without an extension, or with one this
/// table does not know, is the user's choice.
pub fn contradicting_extension(path: &Path, own: &[&str]) -> Option<String> {
    let ext = path.extension()?.to_str()?.to_ascii_lowercase();
    (KNOWN_EXTENSIONS.contains(&ext.as_str()) && !own.contains(&ext.as_str())).then_some(ext)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_extension_of_another_kind_is_named() {
        let x = |p: &str, own: &[&str]| contradicting_extension(Path::new(p), own);
        assert_eq!(x("out.xlsx", &["docx"]).as_deref(), Some("xlsx"));
        assert_eq!(x("dir/new.YAML", &["xlsx"]).as_deref(), Some("yaml"));
        assert_eq!(x("phu-luc.DOCX", &["docx"]), None);
        assert_eq!(x("phu-luc", &["docx"]), None);
        assert_eq!(x("ranking.tsv", &["csv"]), None);
    }

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
