//! Local time, without letting `TZ` make the program read what is not a time zone.
//!
//! chrono reads the file `TZ` names (`TZ=Asia/Seoul` under the zoneinfo directories,
//! `TZ=/path` or `TZ=:path` as given) whole, and opens it blocking: `TZ=/dev/zero`
//! would read until memory runs out, a FIFO wait forever. So the file is checked
//! first, as every file the program reads is ([`crate::data::file`]); one that is not a
//! regular file of at most [`MAX_ZONE_BYTES`] leaves the time in UTC.
//!
//! Only the clock: no rule of the data, nothing of the screen.

use std::path::{Path, PathBuf};

use chrono::{DateTime, FixedOffset, Local, Utc};

/// Largest time-zone file taken: TZif files are a few KiB; the largest in the tz
/// database is under 4 KiB.
pub const MAX_ZONE_BYTES: u64 = 256 * 1024;

/// The directories chrono looks for a relative `TZ` in, in its order.
const ZONE_DIRS: [&str; 4] = [
    "/usr/share/zoneinfo",
    "/share/zoneinfo",
    "/etc/zoneinfo",
    "/usr/share/lib/zoneinfo",
];

/// `now` in local time; in UTC where `tz` (the value of `TZ`) names a file that is
/// not fit to read.
pub fn local(now: DateTime<Utc>, tz: Option<&str>) -> DateTime<FixedOffset> {
    if tz.is_some_and(|tz| !zone_file_ok(tz)) {
        return now.fixed_offset();
    }
    now.with_timezone(&Local).fixed_offset()
}

/// [`local`] with the process's own `TZ`.
pub fn local_now() -> DateTime<FixedOffset> {
    local(Utc::now(), std::env::var("TZ").ok().as_deref())
}

/// Whether the file `tz` leads chrono to, if any, is one it may read.
fn zone_file_ok(tz: &str) -> bool {
    let name = tz.strip_prefix(':').unwrap_or(tz);
    let candidates: Vec<PathBuf> = if name == "localtime" {
        vec!["/etc/localtime".into()]
    } else if Path::new(name).is_absolute() {
        vec![name.into()]
    } else {
        ZONE_DIRS.iter().map(|d| Path::new(d).join(name)).collect()
    };
    // The first that opens is the one chrono reads; none at all is a POSIX rule
    // (`KST-9`) or UTC, which read nothing.
    for path in candidates {
        match crate::data::file::open(&path) {
            Ok(file) => return file.metadata().is_ok_and(|m| m.len() <= MAX_ZONE_BYTES),
            Err(crate::data::file::ReadError::Missing) => {}
            Err(_) => return false,
        }
    }
    true
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    #[test]
    fn a_tz_that_names_no_time_zone_file_is_utc_in_bounded_time() {
        let now = DateTime::parse_from_rfc3339("2026-11-27T10:00:00Z")
            .unwrap()
            .with_timezone(&Utc);
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("fifo");
        let c = std::ffi::CString::new(fifo.as_os_str().as_encoded_bytes()).unwrap();
        assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
        let big = dir.path().join("big");
        std::fs::write(&big, vec![0u8; MAX_ZONE_BYTES as usize + 1]).unwrap();
        for tz in [
            "/dev/zero".to_string(),
            ":/dev/urandom".into(),
            fifo.display().to_string(),
            big.display().to_string(),
            "../../../../dev/zero".into(),
        ] {
            assert_eq!(local(now, Some(&tz)).offset().local_minus_utc(), 0, "{tz}");
        }
        assert!(!zone_file_ok("/dev/zero"));
        assert!(zone_file_ok("KST-9"), "a rule reads no file");
        if Path::new("/usr/share/zoneinfo/Asia/Seoul").is_file() {
            assert!(zone_file_ok("Asia/Seoul"));
        }
    }
}
