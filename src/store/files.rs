//! Writing a file so that it is there whole or not changed: [`write_atomically`] over
//! an old file, [`write_new`] and [`write_new_together`] only where no file is, and the
//! exports' names. Knows nothing of what the bytes are.

use std::ffi::OsString;
use std::fs::{self, File, OpenOptions};
use std::io::{self, Write as _};
use std::path::{Path, PathBuf};

use chrono::{DateTime, Local, Utc};
use tempfile::NamedTempFile;

/// Writes `csv` to a new file `sma-dash-<what>-<local time>.csv` in `dir`, with a
/// suffix where that name is taken; returns its path.
pub fn export_csv(dir: &Path, what: &str, csv: &str, now: DateTime<Utc>) -> io::Result<PathBuf> {
    write_new(
        dir,
        &format!("sma-dash-{what}-{}", stamp(now)),
        ".csv",
        csv.as_bytes(),
    )
}

/// Writes a chart as `sma-dash-<what>-<time>.svg` and `.png` in `dir`, both or neither,
/// under one name neither file has yet; returns both paths.
pub fn export_chart(
    dir: &Path,
    what: &str,
    svg: &str,
    png: &[u8],
    now: DateTime<Utc>,
) -> io::Result<(PathBuf, PathBuf)> {
    let stem = format!("sma-dash-{what}-{}", stamp(now));
    let mut paths = write_new_together(dir, &stem, &[(".svg", svg.as_bytes()), (".png", png)])?;
    let png_path = paths.pop().expect("two files written");
    let svg_path = paths.pop().expect("two files written");
    Ok((svg_path, png_path))
}

/// Replaces the file at `path` with `contents` (text, or the bytes of an image)
/// atomically: a crash or a full disk leaves the old file or the new one, never half of
/// either. A symlink at `path` is replaced, not followed.
pub fn write_atomically(path: &Path, contents: impl AsRef<[u8]>) -> io::Result<()> {
    write_through(path, |f| f.write_all(contents.as_ref()))
}

/// The atomic write with the writing of the temporary file given: tests put a full
/// disk or a crash there.
pub(super) fn write_through(
    path: &Path,
    write: impl FnOnce(&mut File) -> io::Result<()>,
) -> io::Result<()> {
    let temp = written_temp(path, write)?;
    // On failure the temporary file is removed as the error drops.
    temp.persist(path).map_err(|e| e.error)?;
    sync_dir(path);
    Ok(())
}

/// Writes `bytes` to a new file `dir/stem ext`, or `stem-2 ext`, `-3`, … where that is
/// taken; returns its path. No file is ever replaced: each name is tried with a rename
/// that fails where anything (a file, a symlink) has that name, so there is no moment
/// between a check and a write for another process to use.
pub fn write_new(dir: &Path, stem: &str, ext: &str, bytes: &[u8]) -> io::Result<PathBuf> {
    let mut paths = write_new_together(dir, stem, &[(ext, bytes)])?;
    Ok(paths.pop().expect("one file written"))
}

/// Writes each `(ext, bytes)` as a new file `stem<ext>` in `dir`, all under one stem
/// (`stem`, else `stem-2`, `stem-3`, …) that none of them has yet, each by a rename that
/// never replaces a file: all or none of them are written.
pub fn write_new_together(
    dir: &Path,
    stem: &str,
    files: &[(&str, &[u8])],
) -> io::Result<Vec<PathBuf>> {
    let named = |n: u32, ext: &str| match n {
        1 => dir.join(format!("{stem}{ext}")),
        n => dir.join(format!("{stem}-{n}{ext}")),
    };
    let temps_for = |files: &[(&str, &[u8])]| -> io::Result<Vec<NamedTempFile>> {
        files
            .iter()
            .map(|(ext, bytes)| written_temp(&named(1, ext), |f| f.write_all(bytes)))
            .collect()
    };
    let mut temps = temps_for(files)?;
    for n in 1..=MAX_SUFFIX {
        let mut placed: Vec<PathBuf> = Vec::new();
        let mut left = Vec::new();
        let mut taken = false;
        for (temp, (ext, _)) in temps.into_iter().zip(files) {
            if taken {
                left.push(temp);
                continue;
            }
            let path = named(n, ext);
            match temp.persist_noclobber(&path) {
                Ok(_) => placed.push(path),
                Err(e) if e.error.kind() == io::ErrorKind::AlreadyExists => {
                    taken = true;
                    left.push(e.file);
                }
                Err(e) => {
                    placed.iter().for_each(|p| drop(fs::remove_file(p)));
                    return Err(e.error);
                }
            }
        }
        if !taken {
            placed.iter().for_each(|p| sync_dir(p));
            return Ok(placed);
        }
        // Another file holds this name: take back what went under it, try the next.
        placed.iter().for_each(|p| drop(fs::remove_file(p)));
        temps = temps_for(&files[..placed.len()])?;
        temps.extend(left);
    }
    let first = files.first().map_or("", |(ext, _)| ext);
    Err(io::Error::new(
        io::ErrorKind::AlreadyExists,
        format!("{stem}{first} and {MAX_SUFFIX} numbered names after it are all taken"),
    ))
}

/// The most numbered names [`write_new`] tries before it gives up.
pub(super) const MAX_SUFFIX: u32 = 10_000;

/// The one way the program creates a file: a temporary file beside `path` (so the
/// rename cannot cross devices) named `.NAME.<random>.tmp`, created exclusively with
/// mode 0600, filled by `write` and fsynced, then given the mode `path` will have.
/// Dropped without being persisted, it is removed.
pub(super) fn written_temp(
    path: &Path,
    write: impl FnOnce(&mut File) -> io::Result<()>,
) -> io::Result<NamedTempFile> {
    let name = path
        .file_name()
        .ok_or_else(|| io::Error::other("expected a file name, found a directory"))?;
    let mut prefix = OsString::from(".");
    prefix.push(name);
    prefix.push(".");
    // Opened here rather than by `tempfile_in`, whose errors name the temporary file.
    let mut temp = tempfile::Builder::new()
        .prefix(&prefix)
        .suffix(".tmp")
        .make_in(parent(path), |temp| {
            let mut options = OpenOptions::new();
            options.write(true).create_new(true);
            #[cfg(unix)]
            std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
            options.open(temp)
        })?;
    write(temp.as_file_mut())?;
    temp.as_file().sync_all()?;
    set_final_mode(temp.as_file(), path)?;
    Ok(temp)
}

/// The permissions of the user's own file at `path`, which it keeps (a scenarios file
/// made private stays private); else, and for a file of another user's (its mode is not
/// theirs to choose), what any program's new file gets: 0666 less the umask, 0644 with
/// the usual umask 022. Never set-id bits.
#[cfg(unix)]
pub(super) fn set_final_mode(file: &File, path: &Path) -> io::Result<()> {
    use std::os::unix::fs::{MetadataExt, PermissionsExt};
    let me = file.metadata()?.uid();
    let mode = match fs::symlink_metadata(path) {
        Ok(old) if old.is_file() && old.uid() == me => old.permissions().mode() & 0o777,
        _ => 0o666 & !umask(),
    };
    file.set_permissions(fs::Permissions::from_mode(mode))
}

#[cfg(not(unix))]
pub(super) fn set_final_mode(_: &File, _: &Path) -> io::Result<()> {
    Ok(())
}

/// The process's umask, read where Linux shows it (setting it to read it would race
/// with other threads); 022, the usual one, elsewhere.
#[cfg(unix)]
pub(super) fn umask() -> u32 {
    fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|status| {
            let line = status.lines().find(|l| l.starts_with("Umask:"))?;
            u32::from_str_radix(line["Umask:".len()..].trim(), 8).ok()
        })
        .unwrap_or(0o022)
}

/// Makes a rename in the directory of `path` last; not every system lets one open it.
pub(super) fn sync_dir(path: &Path) {
    if let Ok(dir) = File::open(parent(path)) {
        let _ = dir.sync_all();
    }
}

/// The directory a path is in; `.` for a bare file name.
pub(super) fn parent(path: &Path) -> &Path {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    }
}

/// `2026-11-27T100102`, in local time: for file names.
pub(super) fn stamp(now: DateTime<Utc>) -> String {
    now.with_timezone(&Local)
        .format("%Y-%m-%dT%H%M%S")
        .to_string()
}
