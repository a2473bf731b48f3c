//! The one way the program opens a file to read it: the dataset's files, the config,
//! the saved scenarios and the terminal's description all come through [`read`].
//!
//! A path may name anything: a FIFO that never gets a writer, `/dev/zero`, a directory.
//! So the file is opened without blocking (a FIFO's open waits for a writer otherwise),
//! checked to be a regular file on the handle itself (no moment for it to be swapped),
//! and read with a bound, so that a file growing while it is read cannot take memory
//! without end either.

use std::fmt;
use std::fs::{File, OpenOptions};
use std::io::{self, Read};
use std::path::Path;

/// Why a file could not be read.
#[derive(Debug)]
pub enum ReadError {
    /// No file at that path.
    Missing,
    /// Something other than a regular file: what it is.
    NotRegular(&'static str),
    /// More bytes than the bound allows: how many, where the file says so up front.
    TooLarge {
        limit: u64,
        found: Option<u64>,
    },
    Io(io::Error),
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ReadError::Missing => write!(f, "no such file"),
            ReadError::NotRegular(what) => write!(f, "expected a regular file, found {what}"),
            ReadError::TooLarge { limit, found } => match found {
                Some(n) => write!(f, "expected at most {}, found {n} bytes", size(*limit)),
                None => write!(f, "expected at most {}, found more", size(*limit)),
            },
            ReadError::Io(e) => write!(f, "{e}"),
        }
    }
}

impl std::error::Error for ReadError {}

/// `32 MiB`, `64 KiB`, `100 bytes`.
fn size(bytes: u64) -> String {
    match bytes {
        b if b >= 1 << 20 && b % (1 << 20) == 0 => format!("{} MiB", b >> 20),
        b if b >= 1 << 10 && b % (1 << 10) == 0 => format!("{} KiB", b >> 10),
        b => format!("{b} bytes"),
    }
}

/// The bytes of the regular file at `path`, at most `limit` of them. A symlink is
/// followed to what it names, which must be a regular file too.
pub fn read(path: &Path, limit: u64) -> Result<Vec<u8>, ReadError> {
    let file = open(path)?;
    let said = file.metadata().map_err(ReadError::Io)?.len();
    if said > limit {
        // Refused unread.
        return Err(ReadError::TooLarge {
            limit,
            found: Some(said),
        });
    }
    let mut bytes = Vec::new();
    // One byte past the bound tells a file at the bound from a longer one.
    file.take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(ReadError::Io)?;
    if bytes.len() as u64 > limit {
        return Err(ReadError::TooLarge { limit, found: None });
    }
    Ok(bytes)
}

/// [`read`], as UTF-8 text; `Err(Ok(bytes))` holds bytes that are not.
pub fn read_text(path: &Path, limit: u64) -> Result<Result<String, Vec<u8>>, ReadError> {
    read(path, limit).map(|bytes| String::from_utf8(bytes).map_err(|e| e.into_bytes()))
}

/// Opens `path` for reading if it is a regular file, in bounded time.
pub fn open(path: &Path) -> Result<File, ReadError> {
    let mut options = OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        // A FIFO opens at once instead of waiting for a writer; a regular file reads
        // as ever (the flag means nothing to it).
        options.custom_flags(libc::O_NONBLOCK | libc::O_NOCTTY);
    }
    let file = options.open(path).map_err(|e| match e.kind() {
        io::ErrorKind::NotFound => ReadError::Missing,
        io::ErrorKind::IsADirectory => ReadError::NotRegular("a directory"),
        _ => ReadError::Io(e),
    })?;
    let kind = file.metadata().map_err(ReadError::Io)?.file_type();
    match kind_name(kind) {
        None => Ok(file),
        Some(what) => Err(ReadError::NotRegular(what)),
    }
}

/// What a file of this type is, in words, unless it is a regular file.
pub fn kind_name(kind: std::fs::FileType) -> Option<&'static str> {
    if kind.is_file() {
        return None;
    }
    if kind.is_dir() {
        return Some("a directory");
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if kind.is_fifo() {
            return Some("a FIFO");
        }
        if kind.is_char_device() {
            return Some("a character device");
        }
        if kind.is_block_device() {
            return Some("a block device");
        }
        if kind.is_socket() {
            return Some("a socket");
        }
    }
    Some("a special file")
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::time::{Duration, Instant};

    fn fifo(dir: &Path) -> std::path::PathBuf {
        let path = dir.join("fifo");
        let c = std::ffi::CString::new(path.as_os_str().as_encoded_bytes())
            .expect("a path without NUL");
        assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
        path
    }

    #[test]
    fn special_files_are_refused_at_once_with_what_they_are() {
        let dir = tempfile::tempdir().unwrap();
        let start = Instant::now();
        let fifo = fifo(dir.path());
        let refused = |p: &Path| read(p, 1 << 20).unwrap_err().to_string();
        assert_eq!(refused(&fifo), "expected a regular file, found a FIFO");
        assert_eq!(
            refused(Path::new("/dev/zero")),
            "expected a regular file, found a character device"
        );
        assert_eq!(
            refused(Path::new("/dev/urandom")),
            "expected a regular file, found a character device"
        );
        assert_eq!(
            refused(dir.path()),
            "expected a regular file, found a directory"
        );
        let link = dir.path().join("link");
        std::os::unix::fs::symlink("/dev/zero", &link).unwrap();
        assert_eq!(
            refused(&link),
            "expected a regular file, found a character device"
        );
        assert!(matches!(
            read(&dir.path().join("none"), 10),
            Err(ReadError::Missing)
        ));
        assert!(start.elapsed() < Duration::from_secs(5), "nothing blocked");
    }

    #[test]
    fn a_regular_file_reads_up_to_its_bound_and_no_further() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("f");
        std::fs::write(&path, "0123456789").unwrap();
        assert_eq!(read(&path, 10).unwrap(), b"0123456789");
        assert_eq!(
            read(&path, 9).unwrap_err().to_string(),
            "expected at most 9 bytes, found 10 bytes"
        );
        assert_eq!(
            ReadError::TooLarge {
                limit: 32 << 20,
                found: None
            }
            .to_string(),
            "expected at most 32 MiB, found more"
        );
        assert_eq!(read_text(&path, 10).unwrap().unwrap(), "0123456789");
        std::fs::write(&path, b"\xff").unwrap();
        assert_eq!(read_text(&path, 10).unwrap().unwrap_err(), b"\xff");
    }
}
