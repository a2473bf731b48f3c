//! What the terminal can show, from its terminfo entry: colours, and hyperlinks.
//!
//! `TERM=dumb` and `vt100` have no colours in their entries (no `colors` number), so
//! the dashboard draws them none; NO_COLOR turns colour off whatever the entry says.
//! No terminfo capability names OSC 8 hyperlinks, but every terminal that knows them
//! draws colours: they are sent only where the entry gives colours, and never to the
//! Linux console, which has colours and prints the sequence as text.

use std::path::{Path, PathBuf};

/// What the terminal takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Capabilities {
    pub colours: bool,
    pub hyperlinks: bool,
}

/// Largest terminfo entry read: the extended format's own limit is 32 KiB.
const MAX_ENTRY_BYTES: u64 = 64 * 1024;

impl Capabilities {
    /// For the terminal `term` names, its entry looked up where ncurses looks, through
    /// `var` (the environment). No `TERM`, or no entry found: colours and hyperlinks,
    /// as before there was a terminfo to ask; `dumb` gets neither even without one.
    pub fn of(term: Option<&str>, var: impl Fn(&str) -> Option<std::ffi::OsString>) -> Self {
        let all = Capabilities {
            colours: true,
            hyperlinks: true,
        };
        let Some(term) = term.filter(|t| !t.is_empty()) else {
            return all;
        };
        let colours = match entry(term, &var).and_then(|bytes| max_colors(&bytes)) {
            Some(n) => n >= 8,
            None if term == "dumb" => false,
            None => {
                return Capabilities {
                    hyperlinks: term != "linux",
                    ..all
                };
            }
        };
        Capabilities {
            colours,
            hyperlinks: colours && term != "linux",
        }
    }
}

/// The compiled terminfo entry for `term`, from the first directory that has it.
fn entry(term: &str, var: &impl Fn(&str) -> Option<std::ffi::OsString>) -> Option<Vec<u8>> {
    // A name is a file name in the database, never a path out of it.
    if term.contains('/') || term.starts_with('.') {
        return None;
    }
    let first = term.chars().next()?;
    let mut dirs: Vec<PathBuf> = Vec::new();
    if let Some(dir) = var("TERMINFO") {
        dirs.push(dir.into());
    }
    if let Some(home) = var("HOME") {
        dirs.push(Path::new(&home).join(".terminfo"));
    }
    if let Some(list) = var("TERMINFO_DIRS") {
        dirs.extend(std::env::split_paths(&list).filter(|p| !p.as_os_str().is_empty()));
    }
    for dir in [
        "/etc/terminfo",
        "/lib/terminfo",
        "/usr/share/terminfo",
        "/usr/lib/terminfo",
        "/usr/share/lib/terminfo",
    ] {
        dirs.push(dir.into());
    }
    dirs.iter().find_map(|dir| {
        [first.to_string(), format!("{:x}", u32::from(first))]
            .iter()
            .find_map(|sub| {
                crate::data::file::read(&dir.join(sub).join(term), MAX_ENTRY_BYTES).ok()
            })
    })
}

/// The `colors` number of a compiled terminfo entry (term(5)): `None` where the entry
/// does not parse; `Some(0)` where it gives no colours.
fn max_colors(entry: &[u8]) -> Option<i32> {
    let short = |i: usize| -> Option<i32> {
        let b = entry.get(i * 2..i * 2 + 2)?;
        Some(i32::from(i16::from_le_bytes([b[0], b[1]])))
    };
    let number_size = match short(0)? {
        0o432 => 2,
        0o1036 => 4,
        _ => return None,
    };
    let (names, bools, numbers) = (short(1)?, short(2)?, short(3)?);
    if names < 0 || bools < 0 || numbers < 0 {
        return None;
    }
    // `colors` is the 14th number.
    const COLORS: usize = 13;
    if numbers as usize <= COLORS {
        return Some(0);
    }
    let mut at = 12 + names as usize + bools as usize;
    at += at % 2; // numbers start on an even byte
    let at = at + COLORS * number_size;
    let b = entry.get(at..at + number_size)?;
    let n = if number_size == 2 {
        i32::from(i16::from_le_bytes([b[0], b[1]]))
    } else {
        i32::from_le_bytes([b[0], b[1], b[2], b[3]])
    };
    // -1 (absent) and -2 (cancelled) are no colours.
    Some(n.max(0))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An entry as `tic` writes it: `names`, no booleans, and `numbers`.
    fn compiled(numbers: &[i16]) -> Vec<u8> {
        let names = b"test|a test\0";
        let mut out = Vec::new();
        for v in [0o432, names.len() as i16, 0, numbers.len() as i16, 0, 0] {
            out.extend(v.to_le_bytes());
        }
        out.extend(names);
        if out.len() % 2 == 1 {
            out.push(0);
        }
        for n in numbers {
            out.extend(n.to_le_bytes());
        }
        out
    }

    fn with(dir: &Path) -> impl Fn(&str) -> Option<std::ffi::OsString> + '_ {
        move |v| (v == "TERMINFO").then(|| dir.as_os_str().to_owned())
    }

    #[test]
    fn colours_and_hyperlinks_follow_the_entry() {
        let dir = tempfile::tempdir().unwrap();
        let put = |name: &str, numbers: &[i16]| {
            let sub = dir.path().join(&name[..1]);
            std::fs::create_dir_all(&sub).unwrap();
            std::fs::write(sub.join(name), compiled(numbers)).unwrap();
        };
        let mut colours = vec![-1i16; 14];
        colours[13] = 256;
        put("fancy", &colours);
        put("vt100", &[80, -1, 24, 3]);
        put("dumb", &[80]);
        colours[13] = 8;
        put("linux", &colours);
        let of = |t| Capabilities::of(Some(t), with(dir.path()));
        let caps = |colours, hyperlinks| Capabilities {
            colours,
            hyperlinks,
        };
        assert_eq!(of("fancy"), caps(true, true));
        assert_eq!(of("vt100"), caps(false, false));
        assert_eq!(of("dumb"), caps(false, false));
        assert_eq!(of("linux"), caps(true, false));
        // Nothing known: as before; `dumb` is dumb without an entry too.
        let none = |t| Capabilities::of(t, |_| None::<std::ffi::OsString>);
        assert_eq!(none(None), caps(true, true));
        assert_eq!(none(Some("no-such-terminal")), caps(true, true));
        assert_eq!(none(Some("dumb")), caps(false, false));
        assert_eq!(none(Some("../../etc/passwd")), caps(true, true));
    }

    #[test]
    fn the_system_s_own_entries_read_alike() {
        // Where the system has them (Debian's ncurses-base does): the same answers.
        let system = |t| Capabilities::of(Some(t), |_| None::<std::ffi::OsString>);
        if Path::new("/lib/terminfo/v/vt100").exists() {
            assert!(!system("vt100").hyperlinks && !system("vt100").colours);
            assert!(!system("dumb").colours);
        }
        if Path::new("/usr/share/terminfo/x/xterm-256color").exists()
            || Path::new("/lib/terminfo/x/xterm-256color").exists()
        {
            assert_eq!(
                system("xterm-256color"),
                Capabilities {
                    colours: true,
                    hyperlinks: true
                }
            );
        }
    }

    #[test]
    fn an_entry_that_does_not_parse_is_no_entry() {
        assert_eq!(max_colors(b""), None);
        assert_eq!(max_colors(b"\x1a\x01\xff\xff"), None);
        assert_eq!(max_colors(&compiled(&[80, 1, 24])), Some(0));
    }
}
