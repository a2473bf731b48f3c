//! The files the program writes: saved scenarios in the user data directory, and CSV
//! and JSON exports. The runtime and `cli` call it; `app` and `ui` never touch a file.
//! Here: the scenarios file; `files.rs`: how any file is written.
//!
//! Every file is written through one helper, `files::written_temp`: a temporary file beside
//! the target with an unguessable name, created exclusively (so a symlink or a file
//! planted there in a shared directory is never followed or truncated) and readable by
//! the user alone until it is complete, then renamed into place: over the old file
//! ([`write_atomically`]) or only where no file is ([`write_new`]). A full disk or a
//! crash leaves the old file or the new one, never half of either. The scenarios file
//! is read, changed and written under a lock, so two dashboards saving at once lose
//! neither change; one that does not read is moved aside, never overwritten.

use std::collections::{BTreeMap, HashSet};
use std::ffi::OsString;
use std::fmt::Write as _;
use std::fs::{self, File, OpenOptions};
use std::io;
use std::path::{Path, PathBuf};

use chrono::{DateTime, NaiveDate, SecondsFormat, Utc};
use serde::Deserialize;

mod files;
mod target;
pub(crate) mod temps;

pub(crate) use files::{export_chart, export_csv, write_atomically, write_named, write_new};
use files::{parent, stamp};

use crate::app::{SavedScenario, ScenariosReport};
use crate::data::file::ReadError;
use crate::data::load::{At, Key, Located, ParsedFile};
use crate::data::{DataFile, Diagnostic, LoadError};
use crate::econ::{AssumptionId, Assumptions, RatePath, base_year_within, spec};

/// `$XDG_DATA_HOME/sma-dash/scenarios.toml`, else `~/.local/share/sma-dash/scenarios.toml`
/// (on macOS too). Relative values are ignored, as the XDG spec asks. `None` when
/// neither variable gives a directory.
pub fn scenarios_path(xdg_data_home: Option<OsString>, home: Option<OsString>) -> Option<PathBuf> {
    let absolute = |v: Option<OsString>| v.map(PathBuf::from).filter(|p| p.is_absolute());
    let data =
        absolute(xdg_data_home).or_else(|| absolute(home).map(|h| h.join(".local/share")))?;
    Some(data.join("sma-dash").join("scenarios.toml"))
}

/// The saved scenarios found on start.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Loaded {
    pub scenarios: Vec<SavedScenario>,
    /// What went wrong, in one line for standard error and the status line: a corrupt
    /// file (moved aside) or one that cannot be read.
    pub warning: Option<String>,
    /// Every problem of a corrupt file, one `file:line:column: message` a line, for
    /// standard error.
    pub problems: Option<LoadError>,
}

/// Reads the scenarios file at `path`. A missing file is no scenarios; a corrupt one is
/// moved aside to `scenarios.toml.corrupt-<time>` with a warning that says why.
pub fn load(path: &Path, now: DateTime<Utc>) -> Loaded {
    // Without the lock (a read-only data directory) the file still reads; moving a
    // corrupt one aside fails there anyway.
    let _lock = lock(path).ok();
    match read(path) {
        Ok(Contents::Missing) => Loaded::default(),
        Ok(Contents::Scenarios(scenarios)) => Loaded {
            scenarios,
            ..Loaded::default()
        },
        Ok(Contents::Corrupt { problems, bytes }) => {
            let first = first_problem(&problems);
            let warning = match move_aside(path, &bytes, now) {
                Ok(aside) => format!("{first}; moved it aside to {}", aside.display()),
                Err(e) => format!(
                    "{first}; could not move it aside ({e}), so saving is refused until it is fixed"
                ),
            };
            Loaded {
                scenarios: Vec::new(),
                warning: Some(warning),
                problems: Some(problems),
            }
        }
        Err(e) => Loaded {
            warning: Some(format!("cannot read {}: {e}", path.display())),
            ..Loaded::default()
        },
    }
}

/// Saves `assumptions` as `name` in the file at `path`. A scenario of that name is
/// replaced if `replace` says so, else left as it is and the report says the name is
/// taken (another dashboard saved it since this one looked). The file is read again
/// under its lock first, so scenarios saved or deleted meanwhile by another dashboard
/// are kept; a corrupt file is moved aside, never overwritten. A file that holds
/// [`MAX_SCENARIOS`] takes no new name.
pub fn save(
    path: &Path,
    name: &str,
    assumptions: &Assumptions,
    replace: bool,
    now: DateTime<Utc>,
) -> Result<ScenariosReport, String> {
    crate::econ::ScenarioId::check_saved_name(name)?;
    let scenario = SavedScenario::new(
        name,
        now.to_rfc3339_opts(SecondsFormat::Secs, true),
        assumptions.clone(),
    );
    let changed = change_saved(path, now, |scenarios| {
        let full = scenarios.len() >= MAX_SCENARIOS;
        match scenarios.iter_mut().find(|s| s.name == name) {
            Some(old) if replace => {
                *old = scenario;
                Ok(Saving::Replaced)
            }
            Some(_) => Ok(Saving::Taken),
            None if full => Err(format!(
                "{} holds {MAX_SCENARIOS} scenarios, the most it may: delete one first",
                path.display()
            )),
            None => {
                scenarios.push(scenario);
                Ok(Saving::New)
            }
        }
    })?;
    let outcome = changed.outcome?;
    Ok(ScenariosReport {
        name: name.to_string(),
        path: path.to_path_buf(),
        was_there: outcome != Saving::New,
        taken: outcome == Saving::Taken,
        scenarios: changed.scenarios,
        warning: changed.warning,
    })
}

/// What saving did with the name.
#[derive(PartialEq)]
enum Saving {
    New,
    Replaced,
    Taken,
}

/// Deletes the scenario `name` from the file at `path`, under the same lock as
/// [`save`], keeping what other dashboards saved meanwhile.
pub fn delete_scenario(
    path: &Path,
    name: &str,
    now: DateTime<Utc>,
) -> Result<ScenariosReport, String> {
    let changed = change_saved(path, now, |scenarios| {
        let before = scenarios.len();
        scenarios.retain(|s| s.name != name);
        scenarios.len() < before
    })?;
    Ok(ScenariosReport {
        name: name.to_string(),
        path: path.to_path_buf(),
        was_there: changed.outcome,
        taken: false,
        scenarios: changed.scenarios,
        warning: changed.warning,
    })
}

/// What a change to the scenarios file returned, and the file's scenarios after it.
struct Changed<T> {
    outcome: T,
    scenarios: Vec<SavedScenario>,
    warning: Option<String>,
}

/// Reads the scenarios file, lets `change` change its scenarios and writes them back,
/// all under the file's lock.
fn change_saved<T>(
    path: &Path,
    now: DateTime<Utc>,
    change: impl FnOnce(&mut Vec<SavedScenario>) -> T,
) -> Result<Changed<T>, String> {
    let cannot = |e: &dyn std::fmt::Display| format!("cannot write {}: {e}", path.display());
    if let Some(dir) = path.parent() {
        fs::create_dir_all(dir).map_err(|e| cannot(&e))?;
    }
    let _lock = lock(path).map_err(|e| format!("{} (nothing was saved)", cannot(&e)))?;
    let (mut scenarios, warning) = match read(path) {
        Ok(Contents::Missing) => (Vec::new(), None),
        Ok(Contents::Scenarios(s)) => (s, None),
        Ok(Contents::Corrupt { problems, bytes }) => {
            let first = first_problem(&problems);
            let aside = move_aside(path, &bytes, now).map_err(|e| {
                format!("{first}; could not move it aside ({e}), so nothing was saved")
            })?;
            (
                Vec::new(),
                Some(format!("{first}; moved it aside to {}", aside.display())),
            )
        }
        Err(e) => return Err(format!("cannot read {}: {e}", path.display())),
    };
    let before = scenarios.clone();
    let outcome = change(&mut scenarios);
    if scenarios != before {
        // A scenarios file kept as a symlink (dotfiles) stays one: the file it names
        // is replaced.
        target::write_to(
            path,
            target::Links::Follow,
            to_toml(&scenarios).as_bytes(),
            |at, c| write_atomically(at, c),
        )
        .map_err(|e| format!("{} (the file is unchanged)", cannot(&e)))?;
    }
    Ok(Changed {
        outcome,
        scenarios,
        warning,
    })
}

/// Takes the lock of the scenarios file at `path`: an advisory lock on
/// `scenarios.toml.lock` beside it (not on the file itself, which each write replaces),
/// released when the returned handle drops. The lock file is never written; it lives
/// in the user's own data directory.
fn lock(path: &Path) -> io::Result<File> {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(".lock");
    let mut options = OpenOptions::new();
    options.write(true).create(true).truncate(false);
    // Neither a symlink planted at the lock's name nor a FIFO there (whose open would
    // wait for a reader) is followed or waited on.
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::custom_flags(
        &mut options,
        libc::O_NOFOLLOW | libc::O_NONBLOCK | libc::O_NOCTTY,
    );
    let lock_path = path.with_file_name(name);
    let file = options.open(&lock_path).map_err(|e| {
        #[cfg(unix)]
        if e.raw_os_error() == Some(libc::ELOOP) {
            return io::Error::other(format!(
                "{}: expected a regular file, found a symlink",
                lock_path.display()
            ));
        }
        e
    })?;
    if let Some(what) = crate::data::file::kind_name(file.metadata()?.file_type()) {
        return Err(io::Error::other(format!(
            "{}: expected a regular file, found {what}",
            lock_path.display()
        )));
    }
    file.lock()?;
    Ok(file)
}

/// The first of a file's problems and how many more there are, for one line.
fn first_problem(problems: &LoadError) -> String {
    let more = (problems.diagnostics.len() + problems.more).saturating_sub(1);
    let first = problems
        .diagnostics
        .first()
        .map_or_else(String::new, ToString::to_string);
    match more {
        0 => first,
        1 => format!("{first} (and 1 more problem)"),
        n => format!("{first} (and {n} more problems)"),
    }
}

/// Keeps the bytes of a corrupt scenarios file as `<name>.corrupt-<time>` beside it (a
/// new file, never one that was there), then removes it; returns the new path.
fn move_aside(path: &Path, bytes: &[u8], now: DateTime<Utc>) -> io::Result<PathBuf> {
    let name = path
        .file_name()
        .map_or_else(|| "scenarios.toml".into(), |n| n.to_string_lossy());
    let aside = write_new(
        parent(path),
        &format!("{name}.corrupt-{}", stamp(now)),
        "",
        bytes,
    )?;
    fs::remove_file(path)?;
    Ok(aside)
}

/// What the scenarios file holds.
enum Contents {
    Missing,
    Scenarios(Vec<SavedScenario>),
    /// Every problem found, and the file's bytes to keep aside.
    Corrupt {
        problems: LoadError,
        bytes: Vec<u8>,
    },
}

/// Largest scenarios file read: a scenario takes about 300 bytes, or some 6 KiB with
/// every year of every rate set apart, so this holds [`MAX_SCENARIOS`] of them.
pub const MAX_SCENARIOS_BYTES: u64 = 64 * 1024 * 1024;

/// Most saved scenarios a file may hold: far more than anyone saves with `s`, few
/// enough that the dashboard starts in a fraction of a second.
pub const MAX_SCENARIOS: usize = 10_000;

/// What [`LoadError`] calls the scenarios file in its closing count.
const SUBJECT: &str = "scenarios file";

fn read(path: &Path) -> Result<Contents, ReadError> {
    let bytes = match crate::data::file::read(path, MAX_SCENARIOS_BYTES) {
        Ok(b) => b,
        Err(ReadError::Missing) => return Ok(Contents::Missing),
        Err(e) => return Err(e),
    };
    let file = path.display().to_string();
    let parsed = match std::str::from_utf8(&bytes) {
        Ok(text) => parse(&file, text),
        Err(e) => {
            let valid = e.valid_up_to();
            let mut problems = LoadError {
                subject: SUBJECT,
                ..LoadError::default()
            };
            problems.push(Diagnostic::at(
                &file,
                &String::from_utf8_lossy(&bytes),
                valid..valid,
                "expected UTF-8 text, found invalid bytes",
            ));
            Err(problems)
        }
    };
    Ok(match parsed {
        Ok(scenarios) => Contents::Scenarios(scenarios),
        Err(problems) => Contents::Corrupt { problems, bytes },
    })
}

// The file as written: one `[[scenario]]` table per scenario.

type ByYear = BTreeMap<String, f64>;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ScenarioToml {
    name: String,
    saved: String,
    korean_cpi: f64,
    us_cpi: f64,
    krw_per_usd: f64,
    defense_growth: f64,
    custom_growth: f64,
    base_year: i32,
    horizon: i32,
    #[serde(default)]
    korean_cpi_by_year: ByYear,
    #[serde(default)]
    us_cpi_by_year: ByYear,
    #[serde(default)]
    krw_per_usd_by_year: ByYear,
    #[serde(default)]
    defense_growth_by_year: ByYear,
    // Japan's: absent from the files of earlier versions, which saved Korea's alone.
    japanese_cpi: Option<f64>,
    jpy_per_usd: Option<f64>,
    japan_custom_growth: Option<f64>,
    #[serde(default)]
    japanese_cpi_by_year: ByYear,
    #[serde(default)]
    jpy_per_usd_by_year: ByYear,
}

/// Japan's keys in a scenario: its three values, and the keys of the years set apart.
const JAPAN_KEYS: [AssumptionId; 3] = [
    AssumptionId::JapaneseCpi,
    AssumptionId::JpyPerUsd,
    AssumptionId::JapanCustomGrowth,
];

impl ScenarioToml {
    /// Japan's three values, where the file gives them.
    fn japan(&self) -> [Option<f64>; 3] {
        [
            self.japanese_cpi,
            self.jpy_per_usd,
            self.japan_custom_growth,
        ]
    }

    /// Whether the scenario holds any of Japan's keys.
    fn has_japan(&self) -> bool {
        self.japan().iter().any(Option::is_some)
            || !self.japanese_cpi_by_year.is_empty()
            || !self.jpy_per_usd_by_year.is_empty()
    }
}

/// The scenarios in `text` (the file shown as `file`), or every problem in it, each
/// where it is written: as the dataset's files are read, one record at a time.
fn parse(file: &str, text: &str) -> Result<Vec<SavedScenario>, LoadError> {
    let mut errors = LoadError {
        subject: SUBJECT,
        ..LoadError::default()
    };
    let data = DataFile {
        name: "scenarios.toml",
        shown_as: file.to_string(),
        text: text.to_string(),
    };
    let mut scenarios: Vec<SavedScenario> = Vec::new();
    if let Some(parsed) = ParsedFile::parse(&data, &["scenario"], None, &mut errors)
        && parsed.has("scenario")
    {
        let records = parsed.records::<ScenarioToml>("scenario", &mut errors);
        if let Some(extra) = records.get(MAX_SCENARIOS) {
            errors.push(extra.at.error(
                "name",
                format!(
                    "expected at most {MAX_SCENARIOS} saved scenarios, found {}",
                    records.len()
                ),
            ));
        }
        let mut names = HashSet::new();
        for Located { value, at } in records.into_iter().take(MAX_SCENARIOS) {
            if let Some(scenario) = checked(&value, at, &mut names, &mut errors) {
                scenarios.push(scenario);
            }
        }
    }
    if errors.is_empty() {
        Ok(scenarios)
    } else {
        errors.diagnostics.sort_by_key(|d| (d.line, d.column));
        Err(errors)
    }
}

/// One scenario as the dashboard holds it, or `None` with each of its problems
/// reported: its name (present, and not one of the `earlier` ones, to which it is
/// added), its time, its years and every value in its range.
fn checked(
    s: &ScenarioToml,
    at: At,
    earlier: &mut HashSet<String>,
    errors: &mut LoadError,
) -> Option<SavedScenario> {
    let found_before = errors.diagnostics.len() + errors.more;
    let name = s.name.trim();
    if name.is_empty() {
        errors.push(at.error("name", "expected a name, found an empty one"));
    } else if !earlier.insert(name.to_string()) {
        errors.push(at.error(
            "name",
            format!("expected each name once, found “{name}” again"),
        ));
    }
    let is_time = DateTime::parse_from_rfc3339(&s.saved).is_ok()
        || NaiveDate::parse_from_str(&s.saved, "%Y-%m-%d").is_ok();
    if !is_time {
        errors.push(at.error(
            "saved",
            format!(
                "expected a time such as \"2026-11-27T10:00:00Z\" or a date, found \"{}\"",
                s.saved
            ),
        ));
    }
    use AssumptionId::*;
    let none = ByYear::new();
    let mut values = vec![
        (KoreanCpi, s.korean_cpi, &s.korean_cpi_by_year),
        (UsCpi, s.us_cpi, &s.us_cpi_by_year),
        (KrwPerUsd, s.krw_per_usd, &s.krw_per_usd_by_year),
        (DefenseGrowth, s.defense_growth, &s.defense_growth_by_year),
        (CustomGrowth, s.custom_growth, &none),
        (BaseYear, f64::from(s.base_year), &none),
        (Horizon, f64::from(s.horizon), &none),
    ];
    let japan = s.has_japan();
    if japan {
        values.extend(japan_values(s, &none, at, errors));
    }
    let mut paths = BTreeMap::new();
    for (id, flat, by_year) in values {
        // The fields are named by the assumptions' keys, as `to_toml` writes them.
        let key = spec(id).key;
        let by_year_key = format!("{key}_by_year");
        let in_range = |v: f64| spec(id).check(v).map_err(|e| format!("{key}: {e}"));
        if let Err(message) = in_range(flat) {
            errors.push(at.error(key, message));
        }
        let mut path = RatePath::flat(flat);
        for (year, &value) in by_year {
            let place = [Key::Field(&by_year_key), Key::Field(year)];
            match year
                .parse::<i32>()
                .ok()
                .filter(|y| crate::data::YEARS.contains(y))
            {
                Some(y) => {
                    path.by_year.insert(y, value);
                }
                None => errors.push(at.error_at(
                    &place,
                    format!(
                        "expected a year from {} to {}, found \"{year}\"",
                        crate::data::YEARS.start(),
                        crate::data::YEARS.end()
                    ),
                )),
            }
            if let Err(message) = in_range(value) {
                errors.push(at.error_at(&place, message));
            }
        }
        paths.insert(id, path);
    }
    if let Err(e) = base_year_within(s.base_year, s.horizon) {
        errors.push(at.error("base_year", e.to_string()));
    }
    if errors.diagnostics.len() + errors.more > found_before {
        return None;
    }
    Some(SavedScenario {
        name: name.to_string(),
        saved: s.saved.clone(),
        assumptions: assumptions_of(s, paths),
        japan,
    })
}

/// The assumptions of a checked scenario, from its rates' paths.
fn assumptions_of(s: &ScenarioToml, mut paths: BTreeMap<AssumptionId, RatePath>) -> Assumptions {
    use AssumptionId::*;
    let mut path = |id| paths.remove(&id);
    let mut rate = |id| path(id).expect("every rate has a path");
    Assumptions {
        korean_cpi: rate(KoreanCpi),
        us_cpi: rate(UsCpi),
        krw_per_usd: rate(KrwPerUsd),
        defense_growth: rate(DefenseGrowth),
        custom_growth: s.custom_growth,
        base_year: s.base_year,
        horizon: s.horizon,
        // An earlier version's file holds Korea's alone: Japan's stand in until the
        // scenario is applied, which keeps Japan's in effect (`SavedScenario::japan`).
        japanese_cpi: rate_or(path(JapaneseCpi), crate::econ::JAPAN_FALLBACK.0),
        jpy_per_usd: rate_or(path(JpyPerUsd), crate::econ::JAPAN_FALLBACK.1),
        japan_custom_growth: s.japan_custom_growth.unwrap_or(s.custom_growth),
    }
}

fn rate_or(path: Option<RatePath>, flat: f64) -> RatePath {
    path.unwrap_or_else(|| RatePath::flat(flat))
}

/// Japan's values with their years set apart, where the scenario gives any of Japan's
/// keys: all three, else each one missing reported at a Japan key it gives.
fn japan_values<'s>(
    s: &'s ScenarioToml,
    none: &'s ByYear,
    at: At,
    errors: &mut LoadError,
) -> Vec<(AssumptionId, f64, &'s ByYear)> {
    let given = JAPAN_KEYS
        .iter()
        .zip(s.japan())
        .find_map(|(id, v)| v.map(|_| spec(*id).key))
        .unwrap_or("name");
    let by_year = [&s.japanese_cpi_by_year, &s.jpy_per_usd_by_year, none];
    let mut values = Vec::new();
    for ((id, value), by_year) in JAPAN_KEYS.into_iter().zip(s.japan()).zip(by_year) {
        match value {
            Some(v) => values.push((id, v, by_year)),
            None => errors.push(at.error(
                given,
                format!(
                    "expected {} with Japan's other assumptions ({}), found none",
                    spec(id).key,
                    japan_keys()
                ),
            )),
        }
    }
    values
}

/// Japan's keys, as a message lists them.
fn japan_keys() -> String {
    let keys: Vec<&str> = JAPAN_KEYS.iter().map(|id| spec(*id).key).collect();
    keys.join(", ")
}

const HEADER: &str = "\
# sma-dash saved scenarios: the dashboard's assumptions, saved with `s`, applied with
# Enter on a row under \"Saved\" in the Assumptions pane. Rates are in percent a year,
# krw_per_usd in won per dollar, jpy_per_usd in yen per dollar; a `*_by_year` table sets
# single years apart from the flat rate, e.g. korean_cpi_by_year = { 2028 = 3.5 }.
# Each host keeps its own: Korea's korean_cpi, krw_per_usd, defense_growth and
# custom_growth; Japan's japanese_cpi, jpy_per_usd and japan_custom_growth (a scenario
# without Japan's leaves them as they are when applied). us_cpi, base_year and horizon
# are both hosts'.
";

/// The scenarios as TOML a person can read and edit.
fn to_toml(scenarios: &[SavedScenario]) -> String {
    let mut out = HEADER.to_string();
    for s in scenarios {
        let a = &s.assumptions;
        let _ = writeln!(out, "\n[[scenario]]");
        let _ = writeln!(out, "name = {}", toml::Value::from(s.name.as_str()));
        let _ = writeln!(out, "saved = {}", toml::Value::from(s.saved.as_str()));
        let japan: &[AssumptionId] = if s.japan { &JAPAN_KEYS } else { &[] };
        let written = || AssumptionId::ALL.iter().chain(japan);
        for &id in written() {
            let value = match id {
                AssumptionId::BaseYear => a.base_year.to_string(),
                AssumptionId::Horizon => a.horizon.to_string(),
                _ => float(a.get(id)),
            };
            let _ = writeln!(out, "{} = {value}", spec(id).key);
        }
        for (id, path) in a.rate_paths() {
            if path.by_year.is_empty() || !written().any(|w| *w == id) {
                continue;
            }
            let years: Vec<String> = path
                .by_year
                .iter()
                .map(|(year, v)| format!("{year} = {}", float(*v)))
                .collect();
            let _ = writeln!(out, "{}_by_year = {{ {} }}", spec(id).key, years.join(", "));
        }
    }
    out
}

/// A TOML float that reads back as the same number: `2.1`, `1400.0`.
fn float(v: f64) -> String {
    format!("{v:?}")
}

#[cfg(test)]
mod tests {
    use std::io::Write as _;

    use super::files::{umask, write_through};
    use super::*;
    use crate::data::Dataset;

    fn now() -> DateTime<Utc> {
        DateTime::parse_from_rfc3339("2026-11-27T10:00:00Z")
            .unwrap()
            .with_timezone(&Utc)
    }

    fn assumptions() -> Assumptions {
        Assumptions::from_history(&Dataset::embedded().unwrap())
    }

    #[test]
    fn the_path_follows_xdg_then_home() {
        let p = |xdg: Option<&str>, home: Option<&str>| {
            scenarios_path(xdg.map(Into::into), home.map(Into::into))
        };
        assert_eq!(
            p(Some("/x/data"), Some("/home/u")),
            Some(PathBuf::from("/x/data/sma-dash/scenarios.toml"))
        );
        assert_eq!(
            p(Some("relative"), Some("/home/u")),
            Some(PathBuf::from(
                "/home/u/.local/share/sma-dash/scenarios.toml"
            ))
        );
        assert_eq!(
            p(None, Some("/home/u")),
            Some(PathBuf::from(
                "/home/u/.local/share/sma-dash/scenarios.toml"
            ))
        );
        assert_eq!(p(Some(""), None), None);
    }

    #[test]
    fn saved_scenarios_round_trip_and_a_name_saved_again_replaces() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sma-dash/scenarios.toml");
        assert_eq!(
            load(&path, now()),
            Loaded::default(),
            "no file, no scenarios"
        );

        let mut high = assumptions();
        high.korean_cpi = RatePath::parse("3.5,2028=4.25,2030=-1").unwrap();
        high.krw_per_usd.flat = 1400.0;
        high.horizon = 2040;
        let report = save(&path, "high inflation", &high, true, now()).unwrap();
        assert!(!report.was_there);
        let low = assumptions();
        save(&path, "low", &low, true, now()).unwrap();

        let text = fs::read_to_string(&path).unwrap();
        assert!(text.contains("name = \"high inflation\""), "{text}");
        assert!(text.contains("saved = \"2026-11-27T10:00:00Z\""), "{text}");
        assert!(text.contains("korean_cpi = 3.5\n"), "{text}");
        assert!(text.contains("krw_per_usd = 1400.0\n"), "{text}");
        assert!(text.contains("horizon = 2040\n"), "{text}");
        assert!(
            text.contains("korean_cpi_by_year = { 2028 = 4.25, 2030 = -1.0 }"),
            "{text}"
        );

        let loaded = load(&path, now());
        assert_eq!(loaded.warning, None);
        let names: Vec<&str> = loaded.scenarios.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(names, ["high inflation", "low"]);
        assert_eq!(loaded.scenarios[0].assumptions, high, "exactly as saved");
        assert_eq!(loaded.scenarios[1].assumptions, low);

        let report = save(&path, "low", &high, true, now()).unwrap();
        assert!(report.was_there);
        assert_eq!(report.scenarios.len(), 2);
        assert_eq!(load(&path, now()).scenarios[1].assumptions, high);
    }

    #[test]
    fn a_built_in_scenario_s_name_is_not_saved() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sma-dash/scenarios.toml");
        for key in [
            "12th-sma",
            "11th-rule",
            "demand-5bn",
            "demand-10bn",
            "custom",
        ] {
            let e = save(&path, key, &assumptions(), true, now()).unwrap_err();
            assert!(
                e.starts_with(&format!("“{key}” is a built-in scenario's name")),
                "{e}"
            );
        }
        assert!(!path.exists(), "nothing written");
        assert!(save(&path, "custom 2", &assumptions(), true, now()).is_ok());
    }

    #[test]
    fn a_hand_written_file_may_use_integers_and_dates() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("scenarios.toml");
        fs::write(
            &path,
            "[[scenario]]\nname = \"mine\"\nsaved = \"2026-11-27\"\nkorean_cpi = 3\n\
             us_cpi = 2\nkrw_per_usd = 1300\ndefense_growth = 5\ncustom_growth = 4\n\
             base_year = 2025\nhorizon = 2035\n",
        )
        .unwrap();
        let loaded = load(&path, now());
        assert_eq!(loaded.warning, None);
        assert_eq!(loaded.scenarios[0].assumptions.krw_per_usd.flat, 1300.0);
    }

    #[test]
    fn each_host_s_assumptions_are_saved_and_an_old_file_loads_as_before() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("scenarios.toml");
        // A file an earlier version saved: Korea's keys alone.
        fs::write(&path, GOOD).unwrap();
        let loaded = load(&path, now());
        assert_eq!(loaded.warning, None);
        let old = &loaded.scenarios[0];
        assert!(!old.japan, "no Japan keys: Korea's alone");
        assert_eq!(old.assumptions.korean_cpi.flat, 2.1);
        assert_eq!(old.assumptions.custom_growth, 3.0);
        // Applying it keeps Japan's assumptions in effect.
        let mut current = assumptions();
        current.japanese_cpi = RatePath::parse("0.4,2030=1.5").unwrap();
        current.japan_custom_growth = -2.0;
        let applied = old.applied_to(&current);
        assert_eq!(applied.korean_cpi.flat, 2.1);
        assert_eq!(applied.japanese_cpi, current.japanese_cpi);
        assert_eq!(applied.japan_custom_growth, -2.0);
        // Saving another beside it leaves the old one as it was written.
        let mut both = assumptions();
        both.japanese_cpi = RatePath::parse("0.5,2030=1.25").unwrap();
        both.jpy_per_usd.flat = 140.0;
        both.japan_custom_growth = 2.5;
        save(&path, "both", &both, true, now()).unwrap();
        let text = fs::read_to_string(&path).unwrap();
        let (first, second) = text
            .split_once("[[scenario]]")
            .unwrap()
            .1
            .split_once("[[scenario]]")
            .unwrap();
        assert!(!first.contains("japan"), "{first}");
        assert!(second.contains("japanese_cpi = 0.5\n"), "{second}");
        assert!(second.contains("jpy_per_usd = 140.0\n"), "{second}");
        assert!(second.contains("japan_custom_growth = 2.5\n"), "{second}");
        assert!(
            second.contains("japanese_cpi_by_year = { 2030 = 1.25 }"),
            "{second}"
        );
        let loaded = load(&path, now());
        assert_eq!(loaded.scenarios[0], *old);
        assert!(loaded.scenarios[1].japan);
        assert_eq!(loaded.scenarios[1].assumptions, both, "exactly as saved");
        assert_eq!(loaded.scenarios[1].applied_to(&current), both);
    }

    #[test]
    fn japan_s_keys_go_together() {
        let half = format!("{GOOD}japanese_cpi = 1.0\n");
        assert!(
            problem(&half).starts_with(
                "scenarios.toml:11:16: expected jpy_per_usd with Japan's other assumptions (japanese_cpi, jpy_per_usd, japan_custom_growth), found none"
            ),
            "{}",
            problem(&half)
        );
        let hot =
            format!("{GOOD}japanese_cpi = 1.0\njpy_per_usd = 900.0\njapan_custom_growth = 2.0\n");
        assert!(
            problem(&hot).starts_with(
                "scenarios.toml:12:15: jpy_per_usd: expected yen per dollar from 50 ¥/$ to 500 ¥/$, found 900"
            ),
            "{}",
            problem(&hot)
        );
    }

    #[test]
    fn a_save_that_cannot_take_the_lock_changes_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("scenarios.toml");
        save(&path, "kept", &assumptions(), true, now()).unwrap();
        let before = fs::read(&path).unwrap();
        // A directory where the lock file goes: opening it fails (also when the tests
        // run as root, unlike a read-only directory).
        fs::remove_file(dir.path().join("scenarios.toml.lock")).unwrap();
        fs::create_dir(dir.path().join("scenarios.toml.lock")).unwrap();
        let err = save(&path, "lost", &assumptions(), true, now()).unwrap_err();
        assert!(err.starts_with("cannot write"), "{err}");
        assert!(err.ends_with("(nothing was saved)"), "{err}");
        assert_eq!(fs::read(&path).unwrap(), before);
        assert!(delete_scenario(&path, "kept", now()).is_err());
        assert_eq!(fs::read(&path).unwrap(), before);
    }

    /// Writes the first `n` bytes of `text` to `temp`, as a process would before the
    /// disk filled up or it was killed.
    fn partial(temp: &mut File, text: &str, n: usize) {
        temp.write_all(&text.as_bytes()[..n.min(text.len())])
            .unwrap();
    }

    #[test]
    fn a_full_disk_mid_write_leaves_the_old_file_and_no_debris() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("scenarios.toml");
        save(&path, "kept", &assumptions(), true, now()).unwrap();
        let before = fs::read(&path).unwrap();
        let text = "[[scenario]]\nname = \"new\"\n";
        let err = write_through(&path, |temp| {
            partial(temp, text, 10);
            Err(io::Error::new(
                io::ErrorKind::StorageFull,
                "No space left on device",
            ))
        })
        .unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::StorageFull);
        assert_eq!(fs::read(&path).unwrap(), before);
        assert_eq!(files(dir.path(), ".scenarios.toml"), Vec::<PathBuf>::new());
    }

    #[test]
    fn a_crash_mid_write_leaves_the_old_file_and_the_next_save_works() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("scenarios.toml");
        save(&path, "kept", &assumptions(), true, now()).unwrap();
        let before = fs::read(&path).unwrap();
        let text = "[[scenario]]\nname = \"new\"\n";
        // The process dies between the partial write and the rename.
        let crashed = std::panic::catch_unwind(|| {
            write_through(&path, |temp| {
                partial(temp, text, 10);
                panic!("killed mid-write");
            })
        });
        assert!(crashed.is_err());
        assert_eq!(fs::read(&path).unwrap(), before, "the old file is whole");
        assert_eq!(load(&path, now()).scenarios.len(), 1);
        // The half-written temporary file does not stand in the way of the next save.
        save(&path, "after", &assumptions(), true, now()).unwrap();
        let names: Vec<String> = load(&path, now())
            .scenarios
            .into_iter()
            .map(|s| s.name)
            .collect();
        assert_eq!(names, ["kept", "after"]);
    }

    #[test]
    fn a_path_under_a_file_cannot_be_saved_to() {
        let dir = tempfile::tempdir().unwrap();
        let blocker = dir.path().join("sma-dash");
        fs::write(&blocker, "not a directory").unwrap();
        let err = save(
            &blocker.join("scenarios.toml"),
            "x",
            &assumptions(),
            true,
            now(),
        )
        .unwrap_err();
        assert!(err.starts_with("cannot write"), "{err}");
        assert_eq!(fs::read_to_string(&blocker).unwrap(), "not a directory");
    }

    /// The files in `dir` whose name starts with `prefix`.
    fn files(dir: &Path, prefix: &str) -> Vec<PathBuf> {
        let mut found: Vec<PathBuf> = fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.file_name().unwrap().to_string_lossy().starts_with(prefix))
            .collect();
        found.sort();
        found
    }

    #[test]
    fn a_corrupt_file_is_moved_aside_with_its_bytes_and_never_overwritten() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("scenarios.toml");
        let broken = b"[[scenario]]\nname = \"half\nkorean_cpi = \xff\n";
        fs::write(&path, broken).unwrap();
        let loaded = load(&path, now());
        assert!(loaded.scenarios.is_empty());
        let warning = loaded.warning.unwrap();
        assert!(warning.contains("moved it aside to"), "{warning}");
        assert!(!path.exists());
        let aside = files(dir.path(), "scenarios.toml.corrupt-");
        assert_eq!(aside.len(), 1);
        assert_eq!(fs::read(&aside[0]).unwrap(), broken, "the bytes are kept");

        // Broken again while the dashboard runs: saving moves it aside too.
        fs::write(&path, "not toml at all").unwrap();
        let report = save(&path, "new", &assumptions(), true, now()).unwrap();
        assert!(report.warning.unwrap().contains("moved it aside"));
        let aside = files(dir.path(), "scenarios.toml.corrupt-");
        assert_eq!(aside.len(), 2, "a second name, not the first one clobbered");
        assert!(
            aside
                .iter()
                .any(|p| fs::read(p).unwrap() == b"not toml at all")
        );
        assert_eq!(load(&path, now()).scenarios.len(), 1);
    }

    /// The warning loading `text` gives, with the file's name cut to `scenarios.toml`.
    fn problem(text: &str) -> String {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("scenarios.toml");
        fs::write(&path, text).unwrap();
        let warning = load(&path, now()).warning.expect("a warning");
        let shown = format!("{}:", path.display());
        warning.replacen(&shown, "scenarios.toml:", 1)
    }

    const GOOD: &str = "[[scenario]]\nname = \"a\"\nsaved = \"2026-11-27T10:00:00Z\"\n\
        korean_cpi = 2.1\nus_cpi = 2.6\nkrw_per_usd = 1400.0\ndefense_growth = 7.5\n\
        custom_growth = 3.0\nbase_year = 2025\nhorizon = 2035\n";

    #[test]
    fn out_of_range_values_are_rejected_with_file_line_and_what_was_wrong() {
        let too_hot = GOOD.replace("korean_cpi = 2.1", "korean_cpi = 99.0");
        assert!(
            problem(&too_hot).starts_with(
                "scenarios.toml:4:14: korean_cpi: expected Korean CPI inflation from -5.0 % to 20.0 %, found 99;"
            ),
            "{}",
            problem(&too_hot)
        );
        let one_year = format!("{GOOD}us_cpi_by_year = {{ 2028 = 2.0, 2029 = -40 }}\n");
        assert!(
            problem(&one_year).starts_with("scenarios.toml:11:39: us_cpi: expected US CPI-U"),
            "{}",
            problem(&one_year)
        );
        let late_base = GOOD.replace("base_year = 2025", "base_year = 2050");
        assert!(
            problem(&late_base).starts_with(
                "scenarios.toml:9:13: expected a base year no later than the horizon 2035, found 2050"
            ),
            "{}",
            problem(&late_base)
        );
        let bad_year = format!("{GOOD}korean_cpi_by_year = {{ soon = 2.0 }}\n");
        assert!(
            problem(&bad_year).contains(":11:"),
            "{}",
            problem(&bad_year)
        );
        assert!(problem(&bad_year).contains("expected a year from 1945 to 2100, found \"soon\""));
    }

    #[test]
    fn unknown_fields_bad_toml_and_duplicates_are_corrupt() {
        let unknown = GOOD.replace("horizon", "horizn");
        let p = problem(&unknown);
        assert!(p.starts_with("scenarios.toml:10:1:"), "{p}");
        assert!(p.contains("unknown field `horizn`"), "{p}");
        let p = problem("[[scenario]\n");
        assert!(p.starts_with("scenarios.toml:1:"), "{p}");
        let p = problem(&format!("{GOOD}{GOOD}"));
        assert!(p.starts_with("scenarios.toml:12:8:"), "{p}");
        assert!(p.contains("found “a” again"), "{p}");
    }

    #[test]
    fn every_problem_of_a_scenarios_file_is_listed_with_its_place() {
        let text = include_str!("../../tests/fixtures/scenarios/several-problems.toml");
        let problems = parse("scenarios.toml", text).unwrap_err();
        let lines: Vec<String> = problems
            .diagnostics
            .iter()
            .map(ToString::to_string)
            .collect();
        let expected = [
            ("scenarios.toml:23:1:", "unknown field `horizn`"),
            ("scenarios.toml:27:9:", "expected a time such as"),
            (
                "scenarios.toml:28:14:",
                "korean_cpi: expected Korean CPI inflation",
            ),
            (
                "scenarios.toml:35:27:",
                "expected a year from 1945 to 2100, found \"soon\"",
            ),
            ("scenarios.toml:42:15:", "found \"a lot\""),
            (
                "scenarios.toml:49:8:",
                "expected each name once, found “fine” again",
            ),
            (
                "scenarios.toml:56:13:",
                "expected a base year no later than the horizon 2035",
            ),
        ];
        assert_eq!(lines.len(), expected.len(), "{problems}");
        for (line, (place, message)) in lines.iter().zip(expected) {
            assert!(line.starts_with(place), "{line} (wanted {place})");
            assert!(line.contains(message), "{line} (wanted {message})");
        }
        assert!(
            problems
                .to_string()
                .ends_with("7 problems in the scenarios file")
        );

        // Loading it says so in one line, keeps the list for standard error, and moves
        // the file aside.
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("scenarios.toml");
        fs::write(&path, text).unwrap();
        let loaded = load(&path, now());
        let warning = loaded.warning.unwrap();
        assert!(!warning.contains('\n'), "{warning}");
        assert!(warning.contains(":23:1: "), "{warning}");
        assert!(
            warning.contains("(and 6 more problems); moved it aside"),
            "{warning}"
        );
        assert_eq!(loaded.problems.unwrap().diagnostics.len(), 7);
    }

    #[test]
    fn a_deleted_scenario_is_gone_and_the_others_stay() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("scenarios.toml");
        for name in ["a", "b", "c"] {
            save(&path, name, &assumptions(), true, now()).unwrap();
        }
        let deleted = delete_scenario(&path, "b", now()).unwrap();
        assert!(deleted.was_there);
        let names = |s: &[SavedScenario]| s.iter().map(|s| s.name.clone()).collect::<Vec<_>>();
        assert_eq!(names(&deleted.scenarios), ["a", "c"]);
        assert_eq!(names(&load(&path, now()).scenarios), ["a", "c"]);
        let again = delete_scenario(&path, "b", now()).unwrap();
        assert!(
            !again.was_there,
            "deleted meanwhile elsewhere: nothing to do"
        );
        for name in ["a", "c"] {
            delete_scenario(&path, name, now()).unwrap();
        }
        let empty = load(&path, now());
        assert_eq!(
            empty,
            Loaded::default(),
            "an empty file reads as no scenarios"
        );
        let nowhere = dir.path().join("none/scenarios.toml");
        assert!(!delete_scenario(&nowhere, "a", now()).unwrap().was_there);
        assert!(!nowhere.exists(), "nothing to delete, nothing written");
    }

    #[test]
    fn concurrent_saves_and_deletes_lose_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sma-dash/scenarios.toml");
        const EACH: usize = 50;
        // Two dashboards save 50 names each at once; the second deletes every other one
        // of its own right after saving it.
        std::thread::scope(|scope| {
            for who in ["a", "b"] {
                let path = &path;
                scope.spawn(move || {
                    for i in 0..EACH {
                        let name = format!("{who}{i}");
                        save(path, &name, &assumptions(), true, now()).unwrap();
                        if who == "b" && i % 2 == 0 {
                            assert!(delete_scenario(path, &name, now()).unwrap().was_there);
                        }
                    }
                });
            }
        });
        let loaded = load(&path, now());
        assert_eq!(loaded.warning, None, "the file is valid");
        let mut names: Vec<String> = loaded.scenarios.into_iter().map(|s| s.name).collect();
        names.sort();
        let mut expected: Vec<String> = (0..EACH)
            .map(|i| format!("a{i}"))
            .chain((0..EACH).filter(|i| i % 2 == 1).map(|i| format!("b{i}")))
            .collect();
        expected.sort();
        assert_eq!(names, expected);
    }

    /// Plants a symlink at `link` to `target`.
    #[cfg(unix)]
    fn plant(target: &Path, link: &Path) {
        std::os::unix::fs::symlink(target, link).unwrap();
    }

    /// Symlinks at every name the old `.NAME.<pid>.tmp` scheme could use: the test's own
    /// process id and those around it, as an attacker would plant them in /tmp.
    #[cfg(unix)]
    fn plant_old_temp_names(dir: &Path, name: &str, victim: &Path) -> usize {
        let pids = pids_around();
        let n = pids.clone().count();
        for p in pids {
            plant(victim, &dir.join(format!(".{name}.{p}.tmp")));
        }
        n
    }

    #[cfg(unix)]
    #[test]
    fn planted_symlinks_are_never_followed() {
        let shared = tempfile::tempdir().unwrap(); // a directory others can write, as /tmp
        let private = tempfile::tempdir().unwrap();
        let victim = private.path().join("victim");
        fs::write(&victim, "precious").unwrap();
        let planted = plant_old_temp_names(shared.path(), "out.csv", &victim);
        assert!(planted > 400);

        // `export -o shared/out.csv`: the old name is replaced, no symlink followed.
        let out = shared.path().join("out.csv");
        write_atomically(&out, "a,b\n1,2\n").unwrap();
        assert_eq!(fs::read_to_string(&out).unwrap(), "a,b\n1,2\n");
        assert_eq!(fs::read_to_string(&victim).unwrap(), "precious");

        // A symlink at the very name written is replaced by the file, not followed.
        let linked = shared.path().join("linked.csv");
        plant(&victim, &linked);
        write_atomically(&linked, "x\n").unwrap();
        assert!(!fs::symlink_metadata(&linked).unwrap().is_symlink());
        assert_eq!(fs::read_to_string(&victim).unwrap(), "precious");

        // The dashboard's `e`: a symlink or a file at the name it would take is left
        // alone, and the next free name is used.
        let stem = format!("sma-dash-costs-{}", stamp(now()));
        plant_old_temp_names(shared.path(), &format!("{stem}.csv"), &victim);
        plant(&victim, &shared.path().join(format!("{stem}.csv")));
        fs::write(shared.path().join(format!("{stem}-2.csv")), "mine").unwrap();
        let written = export_csv(shared.path(), "costs", "x\n1\n", now()).unwrap();
        assert_eq!(written, shared.path().join(format!("{stem}-3.csv")));
        assert_eq!(fs::read_to_string(&written).unwrap(), "x\n1\n");
        assert_eq!(fs::read_to_string(&victim).unwrap(), "precious");
        assert_eq!(
            fs::read_to_string(shared.path().join(format!("{stem}-2.csv"))).unwrap(),
            "mine"
        );
        for p in pids_around() {
            let link = shared.path().join(format!(".out.csv.{p}.tmp"));
            assert_eq!(
                fs::read_link(&link).unwrap(),
                victim,
                "the plants stay as they were"
            );
        }
        // The temporary files are gone: nothing but the plants, the outputs and `-2`.
        let debris: Vec<PathBuf> = files(shared.path(), ".")
            .into_iter()
            .filter(|p| !fs::symlink_metadata(p).unwrap().is_symlink())
            .collect();
        assert_eq!(debris, Vec::<PathBuf>::new());
    }

    #[cfg(unix)]
    #[test]
    fn a_symlinked_scenarios_file_is_saved_through_its_link_and_the_lock_never_followed() {
        let dir = tempfile::tempdir().unwrap();
        let dotfiles = dir.path().join("dotfiles");
        fs::create_dir(&dotfiles).unwrap();
        let real = dotfiles.join("scenarios.toml");
        let data = dir.path().join("sma-dash");
        fs::create_dir(&data).unwrap();
        let path = data.join("scenarios.toml");
        plant(&real, &path);
        save(&path, "a", &assumptions(), false, now()).unwrap();
        save(&path, "b", &assumptions(), false, now()).unwrap();
        assert!(
            fs::symlink_metadata(&path).unwrap().is_symlink(),
            "still a link"
        );
        let names: Vec<String> = load(&real, now())
            .scenarios
            .into_iter()
            .map(|s| s.name)
            .collect();
        assert_eq!(names, ["a", "b"], "the file it names holds them");

        // A symlink planted at the lock's name is not followed, and nothing is saved.
        let victim = dir.path().join("victim");
        fs::write(&victim, "precious").unwrap();
        let lock = data.join("scenarios.toml.lock");
        fs::remove_file(&lock).unwrap();
        plant(&victim, &lock);
        let err = save(&path, "c", &assumptions(), false, now()).unwrap_err();
        assert!(
            err.contains("expected a regular file, found a symlink"),
            "{err}"
        );
        assert_eq!(fs::read_to_string(&victim).unwrap(), "precious");
        assert_eq!(load(&real, now()).scenarios.len(), 2);
    }

    #[test]
    fn a_name_saved_meanwhile_is_not_replaced_without_a_yes() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("scenarios.toml");
        let mut theirs = assumptions();
        theirs.custom_growth = 9.0;
        // The other dashboard saved "hot" after this one looked.
        save(&path, "hot", &theirs, false, now()).unwrap();
        let report = save(&path, "hot", &assumptions(), false, now()).unwrap();
        assert!(report.taken, "not replaced");
        assert_eq!(load(&path, now()).scenarios[0].assumptions, theirs);
        let report = save(&path, "hot", &assumptions(), true, now()).unwrap();
        assert!(report.was_there && !report.taken);
        assert_eq!(load(&path, now()).scenarios[0].assumptions, assumptions());
    }

    #[test]
    fn saved_scenarios_load_in_linear_time_up_to_their_limit() {
        let one = |i: usize| GOOD.replace("name = \"a\"", &format!("name = \"s{i}\""));
        let at_limit: String = (0..MAX_SCENARIOS).map(one).collect();
        let start = std::time::Instant::now();
        assert_eq!(
            parse("scenarios.toml", &at_limit).unwrap().len(),
            MAX_SCENARIOS
        );
        // 10,000 names compared with each other would be 50 million comparisons.
        assert!(start.elapsed() < std::time::Duration::from_secs(20));
        let over = format!("{at_limit}{}", one(MAX_SCENARIOS));
        let e = parse("scenarios.toml", &over).unwrap_err();
        let first = e.diagnostics[0].to_string();
        assert!(
            first.contains("expected at most 10000 saved scenarios, found 10001"),
            "{first}"
        );
        // Saving a new name into a full file is refused, replacing one is not.
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("scenarios.toml");
        fs::write(&path, &at_limit).unwrap();
        let err = save(&path, "one more", &assumptions(), false, now()).unwrap_err();
        assert!(
            err.contains("holds 10000 scenarios, the most it may"),
            "{err}"
        );
        assert!(
            save(&path, "s0", &assumptions(), true, now())
                .unwrap()
                .was_there
        );
    }

    #[cfg(unix)]
    fn pids_around() -> std::ops::RangeInclusive<u32> {
        let pid = std::process::id();
        pid.saturating_sub(200)..=pid + 200
    }

    #[cfg(unix)]
    #[test]
    fn a_new_file_gets_the_usual_mode_and_a_replaced_one_keeps_its_own() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let mode = |p: &Path| fs::metadata(p).unwrap().permissions().mode() & 0o7777;
        let csv = export_csv(dir.path(), "costs", "x\n", now()).unwrap();
        assert_eq!(mode(&csv), 0o666 & !umask());
        let path = dir.path().join("scenarios.toml");
        save(&path, "a", &assumptions(), true, now()).unwrap();
        fs::set_permissions(&path, fs::Permissions::from_mode(0o600)).unwrap();
        save(&path, "b", &assumptions(), true, now()).unwrap();
        assert_eq!(mode(&path), 0o600, "a file made private stays private");
        let planted = dir.path().join("out.csv");
        fs::write(&planted, "").unwrap();
        fs::set_permissions(&planted, fs::Permissions::from_mode(0o4777)).unwrap();
        write_atomically(&planted, "x\n").unwrap();
        assert_eq!(mode(&planted), 0o777, "no set-id bit carried over");
    }

    #[test]
    fn exports_never_clobber_and_errors_come_back() {
        let dir = tempfile::tempdir().unwrap();
        let a = export_csv(dir.path(), "costs", "x\n1\n", now()).unwrap();
        let b = export_csv(dir.path(), "costs", "x\n2\n", now()).unwrap();
        assert_ne!(a, b);
        let name = |p: &Path| p.file_name().unwrap().to_string_lossy().into_owned();
        assert!(
            name(&a).starts_with("sma-dash-costs-2026-11-2"),
            "{}",
            name(&a)
        );
        assert!(name(&b).ends_with("-2.csv"), "{}", name(&b));
        assert_eq!(fs::read_to_string(&a).unwrap(), "x\n1\n");
        assert_eq!(fs::read_to_string(&b).unwrap(), "x\n2\n");
        let file = dir.path().join("a-file");
        fs::write(&file, "").unwrap();
        assert!(export_csv(&file, "costs", "x\n", now()).is_err());
    }

    #[test]
    fn a_chart_is_written_as_an_svg_and_a_png_of_one_new_name() {
        let dir = tempfile::tempdir().unwrap();
        let (svg, png) = export_chart(dir.path(), "troops", "<svg/>", b"\x89PNG", now()).unwrap();
        assert_eq!(svg.with_extension(""), png.with_extension(""));
        assert_eq!(fs::read_to_string(&svg).unwrap(), "<svg/>");
        assert_eq!(fs::read(&png).unwrap(), b"\x89PNG");
        // The PNG's name taken alone is enough to move both to the next suffix.
        fs::remove_file(&svg).unwrap();
        let (svg2, png2) = export_chart(dir.path(), "troops", "<svg/>", b"", now()).unwrap();
        assert!(
            svg2.to_string_lossy().ends_with("-2.svg"),
            "{}",
            svg2.display()
        );
        assert!(
            png2.to_string_lossy().ends_with("-2.png"),
            "{}",
            png2.display()
        );
        assert!(
            !svg.exists(),
            "the SVG placed under the taken name is taken back"
        );
        let names: Vec<String> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        assert_eq!(
            names.len(),
            3,
            "the old PNG and the new pair, no debris: {names:?}"
        );
        let file = dir.path().join("a-file");
        fs::write(&file, "").unwrap();
        assert!(export_chart(&file, "troops", "", b"", now()).is_err());
    }

    proptest::proptest! {
        /// Whatever is in range writes and reads back exactly, names with quotes too.
        #[test]
        fn any_assumptions_in_range_round_trip_exactly(
            cpi in -5.0..=20.0f64,
            fx in 500.0..=3000.0f64,
            growth in -10.0..=30.0f64,
            year_cpi in -5.0..=20.0f64,
            name in "[a-z \"\\\\한]{1,12}",
        ) {
            let name = name.trim().to_string();
            proptest::prop_assume!(!name.is_empty());
            let mut a = Assumptions {
                korean_cpi: RatePath::flat(cpi),
                us_cpi: RatePath::flat(2.63),
                krw_per_usd: RatePath::flat(fx),
                defense_growth: RatePath::flat(7.5),
                custom_growth: growth,
                base_year: 2025,
                horizon: 2035,
                japanese_cpi: RatePath::flat(-cpi / 4.0),
                jpy_per_usd: RatePath::flat(fx / 10.0),
                japan_custom_growth: -growth / 3.0,
            };
            a.korean_cpi.by_year.insert(2031, year_cpi);
            a.jpy_per_usd.by_year.insert(2030, fx / 9.0);
            let s = SavedScenario::new(name, "2026-11-27", a);
            let text = to_toml(std::slice::from_ref(&s));
            let back = parse("scenarios.toml", &text)
                .map_err(|e| proptest::test_runner::TestCaseError::fail(e.to_string()))?;
            proptest::prop_assert_eq!(back, vec![s]);
        }
    }
}
