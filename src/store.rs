//! The files the dashboard writes: saved scenarios in the user data directory, and CSV
//! exports. The runtime calls it to carry out what `update` asked for; `app` and `ui`
//! never touch a file.
//!
//! Every write is atomic (a temporary file beside the target, fsync, rename), so a full
//! disk or a crash leaves the old file or the new one, never half of either. A scenarios
//! file that does not read is moved aside, never overwritten.

use std::collections::BTreeMap;
use std::ffi::OsString;
use std::fmt::Write as _;
use std::fs::{self, File};
use std::io::{self, Write as _};
use std::ops::Range;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Local, NaiveDate, SecondsFormat, Utc};
use serde::Deserialize;
use toml::Spanned;

use crate::app::{SaveReport, SavedScenario};
use crate::data::Diagnostic;
use crate::data::load::describe_serde_error;
use crate::econ::{AssumptionId, Assumptions, RatePath, spec};

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
    /// What went wrong, for standard error and the status line: a corrupt file (moved
    /// aside) or one that cannot be read.
    pub warning: Option<String>,
}

/// Reads the scenarios file at `path`. A missing file is no scenarios; a corrupt one is
/// moved aside to `scenarios.toml.corrupt-<time>` with a warning that says why.
pub fn load(path: &Path, now: DateTime<Utc>) -> Loaded {
    match read(path) {
        Ok(Contents::Missing) => Loaded::default(),
        Ok(Contents::Scenarios(scenarios)) => Loaded {
            scenarios,
            warning: None,
        },
        Ok(Contents::Corrupt(problem)) => Loaded {
            scenarios: Vec::new(),
            warning: Some(match move_aside(path, now) {
                Ok(aside) => format!("{problem}; moved it aside to {}", aside.display()),
                Err(e) => format!(
                    "{problem}; could not move it aside ({e}), so saving is refused until it is fixed"
                ),
            }),
        },
        Err(e) => Loaded {
            scenarios: Vec::new(),
            warning: Some(format!("cannot read {}: {e}", path.display())),
        },
    }
}

/// Saves `assumptions` as `name` in the file at `path`, replacing a scenario of that
/// name. The file is read again first, so scenarios saved meanwhile by another
/// dashboard are kept; a corrupt file is moved aside, never overwritten.
pub fn save(
    path: &Path,
    name: &str,
    assumptions: &Assumptions,
    now: DateTime<Utc>,
) -> Result<SaveReport, String> {
    let cannot = |e: &dyn std::fmt::Display| format!("cannot write {}: {e}", path.display());
    if let Some(dir) = path.parent() {
        fs::create_dir_all(dir).map_err(|e| cannot(&e))?;
    }
    let (mut scenarios, warning) = match read(path) {
        Ok(Contents::Missing) => (Vec::new(), None),
        Ok(Contents::Scenarios(s)) => (s, None),
        Ok(Contents::Corrupt(problem)) => {
            let aside = move_aside(path, now).map_err(|e| {
                format!("{problem}; could not move it aside ({e}), so nothing was saved")
            })?;
            let warning = format!("{problem}; moved it aside to {}", aside.display());
            (Vec::new(), Some(warning))
        }
        Err(e) => return Err(format!("cannot read {}: {e}", path.display())),
    };
    let scenario = SavedScenario {
        name: name.to_string(),
        saved: now.to_rfc3339_opts(SecondsFormat::Secs, true),
        assumptions: assumptions.clone(),
    };
    let replaced = match scenarios.iter_mut().find(|s| s.name == name) {
        Some(old) => {
            *old = scenario;
            true
        }
        None => {
            scenarios.push(scenario);
            false
        }
    };
    write_atomically(path, to_toml(&scenarios))
        .map_err(|e| format!("{} (the file is unchanged)", cannot(&e)))?;
    Ok(SaveReport {
        name: name.to_string(),
        path: path.to_path_buf(),
        replaced,
        scenarios,
        warning,
    })
}

/// Writes `csv` to a new file `sma-dash-<what>-<local time>.csv` in `dir`, with a
/// suffix where that name is taken; returns its path.
pub fn export_csv(dir: &Path, what: &str, csv: &str, now: DateTime<Utc>) -> io::Result<PathBuf> {
    let path = unused(dir, &format!("sma-dash-{what}-{}", stamp(now)), ".csv");
    write_atomically(&path, csv)?;
    Ok(path)
}

/// Writes a chart as `sma-dash-<what>-<time>.svg` and `.png` in `dir`, under one name
/// neither file has yet; returns both paths.
pub fn export_chart(
    dir: &Path,
    what: &str,
    svg: &str,
    png: &[u8],
    now: DateTime<Utc>,
) -> io::Result<(PathBuf, PathBuf)> {
    let stem = format!("sma-dash-{what}-{}", stamp(now));
    let (mut svg_path, mut png_path) = (
        dir.join(format!("{stem}.svg")),
        dir.join(format!("{stem}.png")),
    );
    let mut n = 2;
    while svg_path.exists() || png_path.exists() {
        svg_path = dir.join(format!("{stem}-{n}.svg"));
        png_path = dir.join(format!("{stem}-{n}.png"));
        n += 1;
    }
    write_atomically(&svg_path, svg)?;
    // Both or neither: an SVG without its PNG is taken back.
    if let Err(e) = write_atomically(&png_path, png) {
        let _ = fs::remove_file(&svg_path);
        return Err(e);
    }
    Ok((svg_path, png_path))
}

/// Writes beside the target, fsyncs, then renames over it: a crash or a full disk leaves
/// the old file or the new one, never half of either.
pub fn write_atomically(path: &Path, contents: impl AsRef<[u8]>) -> io::Result<()> {
    write_through(path, |temp| {
        let mut f = File::create(temp)?;
        f.write_all(contents.as_ref())?;
        f.sync_all()
    })
}

/// The atomic write with the writing of the temporary file given: tests put a full
/// disk or a crash there.
fn write_through(path: &Path, write_temp: impl FnOnce(&Path) -> io::Result<()>) -> io::Result<()> {
    let temp = temp_path(path)?;
    let written = write_temp(&temp);
    let result = written.and_then(|()| fs::rename(&temp, path));
    if result.is_err() {
        let _ = fs::remove_file(&temp);
    }
    result?;
    // The rename lasts once the directory does; not every system lets one open it.
    if let Ok(dir) = File::open(parent(path)) {
        let _ = dir.sync_all();
    }
    Ok(())
}

/// `dir/.name.<pid>.tmp`: in the target's directory, so the rename cannot cross devices.
fn temp_path(path: &Path) -> io::Result<PathBuf> {
    let name = path
        .file_name()
        .ok_or_else(|| io::Error::other("expected a file name, found a directory"))?;
    Ok(path.with_file_name(format!(
        ".{}.{}.tmp",
        name.to_string_lossy(),
        std::process::id()
    )))
}

/// The directory a path is in; `.` for a bare file name.
fn parent(path: &Path) -> &Path {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    }
}

/// `2026-11-27T100102`, in local time: for file names.
fn stamp(now: DateTime<Utc>) -> String {
    now.with_timezone(&Local)
        .format("%Y-%m-%dT%H%M%S")
        .to_string()
}

/// `dir/stem.ext`, or `dir/stem-2.ext`, `-3`, … where that is taken.
fn unused(dir: &Path, stem: &str, ext: &str) -> PathBuf {
    let first = dir.join(format!("{stem}{ext}"));
    if !first.exists() {
        return first;
    }
    (2..)
        .map(|n| dir.join(format!("{stem}-{n}{ext}")))
        .find(|p| !p.exists())
        .expect("some suffix is free")
}

/// Renames a corrupt file to `<name>.corrupt-<time>` beside it; returns the new path.
fn move_aside(path: &Path, now: DateTime<Utc>) -> io::Result<PathBuf> {
    let name = path
        .file_name()
        .map_or_else(|| "scenarios.toml".into(), |n| n.to_string_lossy());
    let aside = unused(parent(path), &format!("{name}.corrupt-{}", stamp(now)), "");
    fs::rename(path, &aside)?;
    Ok(aside)
}

/// What the scenarios file holds.
enum Contents {
    Missing,
    Scenarios(Vec<SavedScenario>),
    /// The first problem found, as `file:line:column: message`.
    Corrupt(Diagnostic),
}

fn read(path: &Path) -> io::Result<Contents> {
    let bytes = match fs::read(path) {
        Ok(b) => b,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Contents::Missing),
        Err(e) => return Err(e),
    };
    let file = path.display().to_string();
    let text = match String::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let valid = e.utf8_error().valid_up_to();
            let lossy = String::from_utf8_lossy(e.as_bytes()).into_owned();
            return Ok(Contents::Corrupt(Diagnostic::at(
                &file,
                &lossy,
                valid..valid,
                "expected UTF-8 text, found invalid bytes",
            )));
        }
    };
    Ok(match parse(&text) {
        Ok(scenarios) => Contents::Scenarios(scenarios),
        Err((span, message)) => Contents::Corrupt(Diagnostic::at(&file, &text, span, message)),
    })
}

// The file as written: one `[[scenario]]` table per scenario.

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FileToml {
    #[serde(default)]
    scenario: Vec<Spanned<ScenarioToml>>,
}

type ByYear = BTreeMap<String, Spanned<f64>>;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ScenarioToml {
    name: Spanned<String>,
    saved: Spanned<String>,
    korean_cpi: Spanned<f64>,
    us_cpi: Spanned<f64>,
    krw_per_usd: Spanned<f64>,
    defense_growth: Spanned<f64>,
    custom_growth: Spanned<f64>,
    base_year: Spanned<i32>,
    horizon: Spanned<i32>,
    #[serde(default)]
    korean_cpi_by_year: ByYear,
    #[serde(default)]
    us_cpi_by_year: ByYear,
    #[serde(default)]
    krw_per_usd_by_year: ByYear,
    #[serde(default)]
    defense_growth_by_year: ByYear,
}

/// A problem and the bytes of the file it is about.
type Problem = (Range<usize>, String);

fn parse(text: &str) -> Result<Vec<SavedScenario>, Problem> {
    let file: FileToml = toml::from_str(text).map_err(|e| {
        let message = describe_serde_error(e.message(), text, e.span());
        (e.span().unwrap_or(0..0), message)
    })?;
    let mut scenarios: Vec<SavedScenario> = Vec::new();
    for raw in &file.scenario {
        let s = raw.get_ref();
        let name = s.name.get_ref().trim();
        if name.is_empty() {
            return Err((s.name.span(), "expected a name, found an empty one".into()));
        }
        if scenarios.iter().any(|other| other.name == name) {
            return Err((
                s.name.span(),
                format!("expected each name once, found “{name}” again"),
            ));
        }
        let saved = s.saved.get_ref();
        let is_time = DateTime::parse_from_rfc3339(saved).is_ok()
            || NaiveDate::parse_from_str(saved, "%Y-%m-%d").is_ok();
        if !is_time {
            return Err((
                s.saved.span(),
                format!(
                    "expected a time such as \"2026-11-27T10:00:00Z\" or a date, found \"{saved}\""
                ),
            ));
        }
        let path = |flat: &Spanned<f64>, by_year: &ByYear| -> Result<RatePath, Problem> {
            let mut p = RatePath::flat(*flat.get_ref());
            for (year, value) in by_year {
                let year = year
                    .parse::<i32>()
                    .ok()
                    .filter(|y| crate::data::YEARS.contains(y))
                    .ok_or_else(|| {
                        (
                            value.span(),
                            format!(
                                "expected a year from {} to {}, found \"{year}\"",
                                crate::data::YEARS.start(),
                                crate::data::YEARS.end()
                            ),
                        )
                    })?;
                p.by_year.insert(year, *value.get_ref());
            }
            Ok(p)
        };
        let assumptions = Assumptions {
            korean_cpi: path(&s.korean_cpi, &s.korean_cpi_by_year)?,
            us_cpi: path(&s.us_cpi, &s.us_cpi_by_year)?,
            krw_per_usd: path(&s.krw_per_usd, &s.krw_per_usd_by_year)?,
            defense_growth: path(&s.defense_growth, &s.defense_growth_by_year)?,
            custom_growth: *s.custom_growth.get_ref(),
            base_year: *s.base_year.get_ref(),
            horizon: *s.horizon.get_ref(),
        };
        // Every value in its range, each reported where it is written.
        let float = |v: &Spanned<f64>| (v.span(), *v.get_ref());
        let int = |v: &Spanned<i32>| (v.span(), f64::from(*v.get_ref()));
        let by_year = |m: &ByYear| -> Vec<(Range<usize>, f64)> { m.values().map(float).collect() };
        use AssumptionId::*;
        let values = [
            (
                KoreanCpi,
                vec![float(&s.korean_cpi)],
                by_year(&s.korean_cpi_by_year),
            ),
            (UsCpi, vec![float(&s.us_cpi)], by_year(&s.us_cpi_by_year)),
            (
                KrwPerUsd,
                vec![float(&s.krw_per_usd)],
                by_year(&s.krw_per_usd_by_year),
            ),
            (
                DefenseGrowth,
                vec![float(&s.defense_growth)],
                by_year(&s.defense_growth_by_year),
            ),
            (CustomGrowth, vec![float(&s.custom_growth)], Vec::new()),
            (BaseYear, vec![int(&s.base_year)], Vec::new()),
            (Horizon, vec![int(&s.horizon)], Vec::new()),
        ];
        for (id, flat, years) in values {
            for (span, v) in flat.into_iter().chain(years) {
                spec(id)
                    .check(v)
                    .map_err(|e| (span, format!("{}: {e}", spec(id).key)))?;
            }
        }
        if assumptions.base_year > assumptions.horizon {
            return Err((
                s.base_year.span(),
                format!(
                    "expected a base year no later than the horizon {}, found {}",
                    assumptions.horizon, assumptions.base_year
                ),
            ));
        }
        scenarios.push(SavedScenario {
            name: name.to_string(),
            saved: saved.clone(),
            assumptions,
        });
    }
    Ok(scenarios)
}

const HEADER: &str = "\
# sma-dash saved scenarios: the dashboard's assumptions, saved with `s`, applied with
# Enter on a row under \"Saved\" in the Assumptions pane. Rates are in percent a year,
# krw_per_usd in won per dollar; a `*_by_year` table sets single years apart from the
# flat rate, e.g. korean_cpi_by_year = { 2028 = 3.5 }.
";

/// The scenarios as TOML a person can read and edit.
fn to_toml(scenarios: &[SavedScenario]) -> String {
    let mut out = HEADER.to_string();
    for s in scenarios {
        let a = &s.assumptions;
        let _ = writeln!(out, "\n[[scenario]]");
        let _ = writeln!(out, "name = {}", toml::Value::from(s.name.as_str()));
        let _ = writeln!(out, "saved = {}", toml::Value::from(s.saved.as_str()));
        for id in AssumptionId::ALL {
            let value = match id {
                AssumptionId::BaseYear => a.base_year.to_string(),
                AssumptionId::Horizon => a.horizon.to_string(),
                _ => float(a.get(id)),
            };
            let _ = writeln!(out, "{} = {value}", spec(id).key);
        }
        for (id, path) in a.rate_paths() {
            if path.by_year.is_empty() {
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
        let report = save(&path, "high inflation", &high, now()).unwrap();
        assert!(!report.replaced);
        let low = assumptions();
        save(&path, "low", &low, now()).unwrap();

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

        let report = save(&path, "low", &high, now()).unwrap();
        assert!(report.replaced);
        assert_eq!(report.scenarios.len(), 2);
        assert_eq!(load(&path, now()).scenarios[1].assumptions, high);
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
    fn a_failed_write_leaves_the_old_file_intact() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("scenarios.toml");
        save(&path, "kept", &assumptions(), now()).unwrap();
        let before = fs::read(&path).unwrap();
        // A directory where the temporary file goes: creating it fails, as on a full
        // disk (and unlike a read-only directory, also when the tests run as root).
        fs::create_dir(temp_path(&path).unwrap()).unwrap();
        let err = save(&path, "lost", &assumptions(), now()).unwrap_err();
        assert!(err.contains("cannot write"), "{err}");
        assert!(err.contains("the file is unchanged"), "{err}");
        assert_eq!(fs::read(&path).unwrap(), before);
        assert_eq!(load(&path, now()).scenarios.len(), 1);
    }

    /// Writes the first `n` bytes of `text` to `temp`, as a process would before the
    /// disk filled up or it was killed.
    fn partial(temp: &Path, text: &str, n: usize) {
        fs::write(temp, &text.as_bytes()[..n.min(text.len())]).unwrap();
    }

    #[test]
    fn a_full_disk_mid_write_leaves_the_old_file_and_no_debris() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("scenarios.toml");
        save(&path, "kept", &assumptions(), now()).unwrap();
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
        save(&path, "kept", &assumptions(), now()).unwrap();
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
        save(&path, "after", &assumptions(), now()).unwrap();
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
        let err = save(&blocker.join("scenarios.toml"), "x", &assumptions(), now()).unwrap_err();
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
        let report = save(&path, "new", &assumptions(), now()).unwrap();
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
            };
            a.korean_cpi.by_year.insert(2031, year_cpi);
            let s = SavedScenario { name, saved: "2026-11-27".into(), assumptions: a };
            let text = to_toml(std::slice::from_ref(&s));
            let back = parse(&text).map_err(|(_, m)| proptest::test_runner::TestCaseError::fail(m))?;
            proptest::prop_assert_eq!(back, vec![s]);
        }
    }
}
