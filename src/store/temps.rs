//! The temporary files being written, so that a signal that ends the program removes
//! them as an error would: an interrupted `export -o` or chart leaves no hidden
//! full-size file beside its target. Only kill -9, which no program can catch, does.

use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// The temporary files created and neither renamed into place nor removed yet.
static OPEN: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

fn open() -> std::sync::MutexGuard<'static, Vec<PathBuf>> {
    // A panic elsewhere while holding it leaves a list that is still a list.
    OPEN.lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// `path` is a temporary file being written.
pub fn created(path: &Path) {
    open().push(path.to_path_buf());
}

/// `path` was renamed into place or removed: nothing to clean up there any more.
pub fn done(path: &Path) {
    open().retain(|p| p != path);
}

/// Removes every temporary file being written. Called on the way out by a signal: the
/// list stays locked, so no write starts another after it.
pub fn remove_all() {
    let mut open = open();
    for path in open.drain(..) {
        let _ = std::fs::remove_file(path);
    }
    std::mem::forget(open);
}

/// The signals that end the program from outside: `kill`, the SSH session dropped,
/// an interrupt or quit sent by another process (in raw mode Ctrl-C is a key).
pub const ENDING_SIGNALS: [i32; 4] = [
    signal_hook::consts::SIGTERM,
    signal_hook::consts::SIGHUP,
    signal_hook::consts::SIGINT,
    signal_hook::consts::SIGQUIT,
];

/// For the commands that write files without the terminal: an ending signal removes
/// the temporary files, then ends the program with 128 + its number, as the shell
/// expects of a program killed by it.
pub fn clean_up_on_signals() -> std::io::Result<()> {
    let mut signals = signal_hook::iterator::Signals::new(ENDING_SIGNALS)?;
    std::thread::spawn(move || {
        if let Some(signal) = signals.forever().next() {
            remove_all();
            std::process::exit(128 + signal);
        }
    });
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_files_being_written_are_removed_and_the_others_kept() {
        let dir = tempfile::tempdir().unwrap();
        let (writing, written) = (dir.path().join(".a.tmp"), dir.path().join(".b.tmp"));
        std::fs::write(&writing, "half").unwrap();
        std::fs::write(&written, "whole").unwrap();
        created(&writing);
        created(&written);
        done(&written);
        // As the signal thread does, but on a copy of the list: the test goes on.
        let list: Vec<PathBuf> = open().clone();
        assert!(list.contains(&writing) && !list.contains(&written));
        for p in list.iter().filter(|p| p.starts_with(dir.path())) {
            std::fs::remove_file(p).unwrap();
            done(p);
        }
        assert!(!writing.exists());
        assert!(written.exists());
    }
}
