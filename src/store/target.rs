//! Where a file the user names is written: `export -o`, `chart --svg/--png`, `render
//! --svg`, and the saved scenarios. One rule for all of them, by what is at the path:
//!
//! - nothing, or a regular file: written whole beside it and renamed into place
//!   (atomic: the old file or the new one, never half of either);
//! - a symlink: what it names decides. A regular file or nothing there: the link is
//!   replaced ([`Links::Replace`], for files named on the command line, where a link
//!   planted in a shared directory must not lead elsewhere) or followed and the file
//!   it names written atomically ([`Links::Follow`], for the user's own scenarios
//!   file, which a dotfiles manager may keep as a link);
//! - a FIFO, a character device (`/dev/stdout`, `/dev/null`, a terminal), a pipe given
//!   by the shell (`>(gzip > x)`): written through, as `cat > target` would. It is
//!   never replaced: as root a rename would put a file where the device was;
//! - a directory, a socket, a block device: refused, with what it is.
//!
//! `-` is standard output.

use std::fs::{self, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use crate::data::file::kind_name;

/// What to do with a symlink at the target whose file is a regular one (or missing).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Links {
    Replace,
    Follow,
}

/// Where `contents` will go, decided from what is at `path` now.
#[derive(Debug, PartialEq, Eq)]
enum Target {
    Stdout,
    /// Renamed into place at this path.
    Atomic(PathBuf),
    /// Opened and written, never replaced.
    Through,
}

fn target(path: &Path, links: Links) -> io::Result<Target> {
    if path.as_os_str() == "-" {
        return Ok(Target::Stdout);
    }
    let here = match fs::symlink_metadata(path) {
        Ok(m) => m,
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            return Ok(Target::Atomic(path.to_path_buf()));
        }
        Err(e) => return Err(e),
    };
    if here.is_file() {
        return Ok(Target::Atomic(path.to_path_buf()));
    }
    let (kind, at_link) = if here.file_type().is_symlink() {
        match fs::metadata(path) {
            Ok(m) => (m.file_type(), true),
            // A dangling link: as a regular file not there yet.
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                return Ok(match links {
                    Links::Replace => Target::Atomic(path.to_path_buf()),
                    Links::Follow => Target::Atomic(resolved(path)?),
                });
            }
            Err(e) => return Err(e),
        }
    } else {
        (here.file_type(), false)
    };
    if kind.is_file() {
        return Ok(match (at_link, links) {
            (true, Links::Follow) => Target::Atomic(fs::canonicalize(path)?),
            _ => Target::Atomic(path.to_path_buf()),
        });
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if kind.is_fifo() || kind.is_char_device() {
            return Ok(Target::Through);
        }
    }
    Err(io::Error::other(format!(
        "expected a file to write, found {}",
        kind_name(kind).unwrap_or("a special file")
    )))
}

/// Where a dangling symlink points, as a path to create: its target, relative to the
/// link's directory.
fn resolved(link: &Path) -> io::Result<PathBuf> {
    let to = fs::read_link(link)?;
    Ok(match link.parent() {
        Some(dir) if to.is_relative() => dir.join(to),
        _ => to,
    })
}

/// Writes `contents` to `path` by the rule above; `atomic` writes a regular file at
/// the path it is given.
pub fn write_to(
    path: &Path,
    links: Links,
    contents: &[u8],
    atomic: impl FnOnce(&Path, &[u8]) -> io::Result<()>,
) -> io::Result<()> {
    match target(path, links)? {
        Target::Stdout => {
            let mut out = io::stdout().lock();
            out.write_all(contents)?;
            out.flush()
        }
        Target::Atomic(at) => atomic(&at, contents),
        Target::Through => {
            // No O_CREAT: what is there is written, nothing is made in its place.
            let mut file = OpenOptions::new().write(true).open(path)?;
            file.write_all(contents)?;
            file.flush()
        }
    }
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::os::unix::fs::symlink;

    #[test]
    fn what_is_at_the_path_decides_how_it_is_written() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        let t = |p: &Path, l| target(p, l).map_err(|e| e.to_string());
        assert_eq!(t(Path::new("-"), Links::Replace), Ok(Target::Stdout));
        let file = d.join("f");
        assert_eq!(t(&file, Links::Replace), Ok(Target::Atomic(file.clone())));
        fs::write(&file, "").unwrap();
        assert_eq!(t(&file, Links::Replace), Ok(Target::Atomic(file.clone())));
        for device in ["/dev/null", "/dev/full", "/dev/zero"] {
            assert_eq!(t(Path::new(device), Links::Replace), Ok(Target::Through));
        }
        assert_eq!(
            t(d, Links::Replace),
            Err("expected a file to write, found a directory".into())
        );
        // A link to a file: replaced from the command line, followed for scenarios.
        let link = d.join("link");
        symlink(&file, &link).unwrap();
        assert_eq!(t(&link, Links::Replace), Ok(Target::Atomic(link.clone())));
        let real = fs::canonicalize(&file).unwrap();
        assert_eq!(t(&link, Links::Follow), Ok(Target::Atomic(real)));
        let dangling = d.join("dangling");
        symlink("not-yet", &dangling).unwrap();
        assert_eq!(
            t(&dangling, Links::Follow),
            Ok(Target::Atomic(d.join("not-yet")))
        );
    }
}
