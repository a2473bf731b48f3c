//! Settings: `config/default.toml`, compiled in, overlaid by the user's file.
//!
//! Each file is walked as a spanned TOML tree, so an unknown key or a bad value is
//! reported with its file, line and column, like the dataset's errors.
//!
//! Every subcommand starts from the same assumptions, [`Config::starting_assumptions`]:
//! defaults from the dataset's history, then the config's `[assumptions]`, then the
//! command line's flags (flags over config over defaults). The band's spreads come the
//! same way, [`Config::band_spreads`]: `[band]` in the files, then `--band-cpi` and the
//! like.
//!
//! Here: finding the user's file and the settings in effect; `file.rs` reads one file,
//! `names.rs` holds the names the files give to choices. It may not touch the screen:
//! it hands an `App` its starting state ([`Config::apply_to`]) and nothing more.

mod file;
mod names;

use std::ffi::OsString;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::sync::LazyLock;

use crate::app::keymap::Scope;
use crate::app::{App, ChartStyle, Inputs, Keymap, Order, Palette, Pane, Start};
use crate::data::file::ReadError;
use crate::data::{Dataset, Diagnostic, Hosts, LoadError};

use crate::econ::{
    AssumptionId, AssumptionValue, Assumptions, BandSpreads, CostView, ScenarioId, spread_spec,
};
use file::FileReader;
pub(crate) use names::{METRIC_NAMES, metric_named};
use names::{assumption_name, chart_name, currency_name, metric_name, order_name, pane_name};

/// The documented defaults, as shipped in the repository.
pub const DEFAULT_TOML: &str = include_str!("../../config/default.toml");
const DEFAULT_NAME: &str = "config/default.toml (built in)";
/// Largest config file read: the defaults, comments and all, are 12 KiB; a file of
/// 1 MiB is no config a person wrote.
pub const MAX_CONFIG_BYTES: u64 = 1024 * 1024;

/// The settings in effect.
#[derive(Debug, Clone, PartialEq)]
pub struct Config {
    pub mouse: bool,
    /// `[display] hyperlinks`: URLs sent as OSC 8 hyperlinks.
    pub hyperlinks: bool,
    /// `[display] osc52`: `y` copies to the terminal's clipboard by OSC 52.
    pub osc52: bool,
    pub export_dir: PathBuf,
    pub start: Start,
    /// Assumptions given in a file, the last file's where two set one; the others come
    /// from history.
    pub assumptions: Vec<AssumptionSetting>,
    /// The band's spreads: `[band]` of the defaults, overlaid by the user's file.
    pub band: BandSpreads,
    pub palette: Palette,
    pub keymap: Keymap,
    /// The files applied, in order, as shown in messages.
    pub files: Vec<String>,
}

/// One assumption a config file sets, and where.
#[derive(Debug, Clone, PartialEq)]
pub struct AssumptionSetting {
    /// Read and in its range; checked against the dataset by
    /// [`Config::starting_assumptions`].
    pub value: AssumptionValue,
    /// Where the value is written (the message empty), for what that check finds.
    pub at: Diagnostic,
}

/// An assumption given on the command line, or the spread of one of the four rates
/// (`--band-cpi`: see [`Config::band_spreads`]).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Flag<'a> {
    /// As the user typed it: `--cpi`.
    pub name: &'a str,
    pub id: AssumptionId,
    pub text: &'a str,
}

/// Why a subcommand cannot run: the one error type of setting up (the config, the
/// dataset, the options), which the command line prints and exits 2 on.
#[derive(Debug, Clone, PartialEq)]
pub enum SetupError {
    /// Problems in the config files, each at its file, line and column.
    File(LoadError),
    /// One problem, in one line: a named file that cannot be read, a flag's value.
    Usage(String),
}

impl From<String> for SetupError {
    fn from(message: String) -> Self {
        SetupError::Usage(message)
    }
}

/// The user's config file: where it is, and what named it.
#[derive(Debug, Clone, PartialEq)]
pub struct UserFile {
    pub path: PathBuf,
    /// `--config` or `$SMA_DASH_CONFIG`: the file must exist. `None` for the usual
    /// place, which may hold none.
    pub named_by: Option<&'static str>,
}

/// The user's config file, if any: `explicit` (from `--config`), else `$SMA_DASH_CONFIG`,
/// else `$XDG_CONFIG_HOME/sma-dash/config.toml`, else `~/.config/sma-dash/config.toml`.
pub fn user_file(
    explicit: Option<&Path>,
    env: impl Fn(&str) -> Option<OsString>,
) -> Option<UserFile> {
    let set = |name: &str| env(name).filter(|v| !v.is_empty());
    if let Some(path) = explicit {
        return Some(UserFile {
            path: path.to_path_buf(),
            named_by: Some("--config"),
        });
    }
    if let Some(path) = set("SMA_DASH_CONFIG") {
        return Some(UserFile {
            path: PathBuf::from(path),
            named_by: Some("$SMA_DASH_CONFIG"),
        });
    }
    let base = set("XDG_CONFIG_HOME")
        .map(PathBuf::from)
        .or_else(|| set("HOME").map(|home| Path::new(&home).join(".config")))?;
    Some(UserFile {
        path: base.join("sma-dash").join("config.toml"),
        named_by: None,
    })
}

/// The dashboard on `data` where the built-in config starts it, with its keys: what
/// tests and benchmarks build. The terminal's settings (hyperlinks, the clipboard,
/// the mouse, colours) stay off, as a test sets those it means to try.
pub fn default_app(data: Dataset) -> App {
    let config = Config::defaults();
    App::new(data, &config.start, config.keymap)
}

/// Within each layer the horizon is applied first, then the base year, then the rest,
/// so that a year set apart is checked against the horizon given beside it.
fn applied_first(id: AssumptionId) -> u8 {
    match id {
        AssumptionId::Horizon => 0,
        AssumptionId::BaseYear => 1,
        _ => 2,
    }
}

impl Config {
    /// The built-in defaults alone, read once.
    pub fn defaults() -> Config {
        static DEFAULTS: LazyLock<Config> =
            LazyLock::new(|| Config::load(&[]).expect("config/default.toml is valid (tested)"));
        DEFAULTS.clone()
    }

    /// The defaults overlaid by each `(shown name, text)` in turn.
    pub fn load(files: &[(&str, &str)]) -> Result<Config, LoadError> {
        let mut config = Config {
            mouse: false,
            hyperlinks: false,
            osc52: false,
            export_dir: PathBuf::from("."),
            // No default of its own: the built-in file sets every `[start]` key (tested:
            // `the_built_in_file_sets_every_start_key`), so these are always replaced.
            start: Start {
                focus: Pane::Timeline,
                view: CostView::default(),
                chart: ChartStyle::Bars,
                projections: true,
                scenario: ScenarioId::CurrentAgreement,
                timeline_order: Order::Grouped,
                measure: crate::econ::compare::MeasureKind::Usd,
            },
            assumptions: Vec::new(),
            band: BandSpreads::default(),
            palette: Palette::default(),
            keymap: Keymap::default(),
            files: Vec::new(),
        };
        let mut errors = LoadError {
            subject: "configuration",
            ..LoadError::default()
        };
        let defaults = std::iter::once(&(DEFAULT_NAME, DEFAULT_TOML));
        for (i, (name, text)) in defaults.chain(files).enumerate() {
            let mut file = FileReader {
                name,
                text,
                errors: &mut errors,
                defaults: i == 0,
            };
            file.apply(&mut config);
            config.files.push(name.to_string());
        }
        if let Some(clash) = config.keymap.conflict() {
            errors.push(Diagnostic::whole_file(
                config.files.last().map_or(DEFAULT_NAME, String::as_str),
                clash,
            ));
        }
        if errors.is_empty() {
            Ok(config)
        } else {
            // In file order, as an editor would walk them.
            errors.diagnostics.sort_by_key(|d| (d.line, d.column));
            Err(errors)
        }
    }

    /// The defaults and the user's file, read from disk. A file `--config` or
    /// `$SMA_DASH_CONFIG` names must be there; the usual place may hold none.
    pub fn from_user_file(user: Option<&UserFile>) -> Result<Config, SetupError> {
        let Some(user) = user else {
            return Self::load(&[]).map_err(SetupError::File);
        };
        let shown = user.path.display().to_string();
        let named = |what: String| match user.named_by {
            Some(flag) => format!("{flag} {shown}: {what}"),
            None => format!("{shown}: {what}"),
        };
        match crate::data::file::read_text(&user.path, MAX_CONFIG_BYTES) {
            Ok(Ok(text)) => Self::load(&[(&shown, &text)]).map_err(SetupError::File),
            Ok(Err(_)) => Err(SetupError::Usage(named(
                "expected a config file as UTF-8 text, found other bytes".into(),
            ))),
            Err(ReadError::Missing) => match user.named_by {
                Some(_) => Err(SetupError::Usage(named("no such file".into()))),
                None => Self::load(&[]).map_err(SetupError::File),
            },
            Err(ReadError::NotRegular("a directory")) => Err(SetupError::Usage(named(
                "expected a config file, found a directory".into(),
            ))),
            Err(e) => Err(SetupError::Usage(named(format!(
                "cannot read the config file: {e}"
            )))),
        }
    }

    /// The assumptions a subcommand runs on: defaults from the dataset's history, then
    /// the config's `[assumptions]`, then `flags`: flags over config over defaults. Each
    /// value goes through [`Assumptions::apply`], so a year set apart must lie between
    /// its rate's record and the horizon. A config's problems come together, at their
    /// file, line and column; a flag's alone, after its name (`--cpi: …`).
    pub fn starting_assumptions(
        &self,
        d: &Dataset,
        flags: &[Flag],
    ) -> Result<Assumptions, SetupError> {
        self.starting_assumptions_of(&[d], flags)
    }

    /// As [`Config::starting_assumptions`], for every host's dataset in `datasets`
    /// (Korea's first): each host's CPI and rate from its own record, and each value of
    /// them checked against that record.
    pub fn starting_assumptions_of(
        &self,
        datasets: &[&Dataset],
        flags: &[Flag],
    ) -> Result<Assumptions, SetupError> {
        let d = datasets[0];
        let mut a = Assumptions::from_history(d);
        for other in &datasets[1..] {
            a.take_history_of(other);
        }
        let d = |id: AssumptionId| dataset_of(datasets, id);
        let mut errors = LoadError {
            subject: "configuration",
            ..LoadError::default()
        };
        let mut settings: Vec<&AssumptionSetting> = self.assumptions.iter().collect();
        settings.sort_by_key(|s| applied_first(s.value.id()));
        for s in settings {
            if let Err(e) = a.apply(&s.value, d(s.value.id())) {
                errors.push(Diagnostic {
                    message: e.to_string(),
                    ..s.at.clone()
                });
            }
        }
        if !errors.is_empty() {
            errors.diagnostics.sort_by_key(|d| (d.line, d.column));
            return Err(SetupError::File(errors));
        }
        for f in sorted_flags(flags) {
            a.apply_text(f.id, f.text, d(f.id))
                .map_err(|e| SetupError::Usage(format!("{}: {e}", f.name)))?;
        }
        Ok(a)
    }

    /// The band's spreads a subcommand runs on: the defaults, then the config's `[band]`
    /// (already read and range-checked at its file, line and column), then `flags`,
    /// each a spread of the rate its `id` names (`--band-cpi`: Korean CPI), read by
    /// [`crate::econ::SpreadSpec::parse`]: flags over config over defaults. A flag's
    /// problem comes after its name (`--band-fx: …`).
    pub fn band_spreads(&self, flags: &[Flag]) -> Result<BandSpreads, SetupError> {
        let mut spreads = self.band;
        for f in flags {
            let usage =
                |e: crate::econ::AssumptionError| SetupError::Usage(format!("{}: {e}", f.name));
            let spec = spread_spec(f.id).ok_or_else(|| {
                SetupError::Usage(format!(
                    "{}: {} has no band spread",
                    f.name,
                    f.id.in_words()
                ))
            })?;
            let value = spec.parse(f.text).map_err(usage)?;
            spreads.set(f.id, value).map_err(usage)?;
        }
        Ok(spreads)
    }

    /// The dashboard on `data` as configured: where it starts, its keys, colours and
    /// display settings.
    pub fn app(&self, data: Dataset) -> App {
        self.app_with(data, |_| {})
    }

    /// [`Config::app`], with the starting inputs edited by `edit` (the assumptions a
    /// subcommand runs on, set apart by the caller).
    pub fn app_with(&self, data: Dataset, edit: impl FnOnce(&mut Inputs)) -> App {
        self.configured(App::with(data, &self.start, self.keymap.clone(), edit))
    }

    /// [`Config::app_with`] on every host's dataset ([`App::on_hosts`]: Japan's read
    /// when first needed, where not yet read).
    pub fn app_on(&self, hosts: Hosts, edit: impl FnOnce(&mut Inputs)) -> App {
        self.configured(App::on_hosts(hosts, &self.start, self.keymap.clone(), edit))
    }

    /// `app` with the config's display settings.
    fn configured(&self, mut app: App) -> App {
        app.palette = self.palette;
        app.mouse = self.mouse;
        app.hyperlinks = self.hyperlinks;
        app.clipboard_off =
            (!self.osc52).then(|| "OSC 52 is off in the config ([display] osc52)".to_string());
        app.paths.export_dir = self.export_dir.clone();
        app
    }

    /// The configuration in effect, as a TOML file that loads back to the same.
    pub fn to_toml(&self) -> String {
        let mut out = String::new();
        let _ = writeln!(
            out,
            "# sma-dash configuration in effect, from: {}",
            self.files.join(", ")
        );
        let _ = writeln!(out, "mouse = {}", self.mouse);
        let _ = writeln!(
            out,
            "export_dir = {}",
            quote(&self.export_dir.display().to_string())
        );
        let _ = writeln!(out, "\n[display]");
        let _ = writeln!(out, "hyperlinks = {}", self.hyperlinks);
        let _ = writeln!(out, "osc52 = {}", self.osc52);
        let s = &self.start;
        let _ = writeln!(out, "\n[start]");
        let _ = writeln!(out, "focus = {}", quote(pane_name(s.focus)));
        let _ = writeln!(out, "metric = {}", quote(metric_name(&s.view)));
        let _ = writeln!(out, "currency = {}", quote(currency_name(s.view.currency)));
        let _ = writeln!(out, "real = {}", s.view.real);
        let _ = writeln!(out, "chart = {}", quote(chart_name(s.chart)));
        let _ = writeln!(out, "projections = {}", s.projections);
        let _ = writeln!(out, "scenario = {}", quote(s.scenario.key()));
        let _ = writeln!(
            out,
            "timeline_order = {}",
            quote(order_name(s.timeline_order))
        );
        let _ = writeln!(out, "measure = {}", quote(s.measure.name()));
        let _ = writeln!(out, "\n[assumptions]");
        // Korea's every one; Japan's own where the file sets them.
        let japan_set = AssumptionId::JAPAN
            .into_iter()
            .filter(|id| !AssumptionId::ALL.contains(id))
            .filter(|id| self.assumptions.iter().any(|s| s.value.id() == *id));
        for id in AssumptionId::ALL.into_iter().chain(japan_set) {
            match self.assumptions.iter().find(|s| s.value.id() == id) {
                Some(s) => {
                    let text = s.value.to_string();
                    // A plain number stays a number; a rate with years is a string.
                    let shown = if text.parse::<f64>().is_ok() {
                        text
                    } else {
                        quote(&text)
                    };
                    writeln!(out, "{} = {shown}", assumption_name(id))
                }
                None => writeln!(out, "# {} from history", assumption_name(id)),
            }
            .ok();
        }
        let _ = writeln!(out, "\n[band]");
        for id in BandSpreads::INPUTS {
            if let Some(spec) = spread_spec(id) {
                let unit = match spec.unit {
                    "pp" => "± percentage points",
                    _ => "± percent of the rate",
                };
                let _ = writeln!(out, "{} = {}  # {unit}", spec.key, self.band.get(id));
            }
        }
        let _ = writeln!(out, "\n[theme]");
        let mut palette = self.palette;
        for (role, color) in palette.roles_mut() {
            let _ = writeln!(out, "{role} = {}", quote(&color.to_string().to_lowercase()));
        }
        for scope in Scope::all() {
            let mut bindings = self.keymap.in_scope(scope).peekable();
            if bindings.peek().is_none() {
                continue;
            }
            let _ = writeln!(out, "\n[keys.{}]", scope.config_name());
            for b in bindings {
                let name = b.name;
                let keys: Vec<String> = b.keys.iter().map(|k| quote(&k.config_string())).collect();
                let _ = writeln!(out, "{name} = [{}]", keys.join(", "));
            }
        }
        out
    }
}

fn quote(s: &str) -> String {
    toml::Value::String(s.to_string()).to_string()
}

/// The flags in the order they apply: the horizon and base year first, so that years
/// set apart are checked against the horizon given with them.
fn sorted_flags<'f, 'a>(flags: &'f [Flag<'a>]) -> Vec<&'f Flag<'a>> {
    let mut flags: Vec<&Flag> = flags.iter().collect();
    flags.sort_by_key(|f| applied_first(f.id));
    flags
}

/// The dataset whose record an assumption continues: Japan's for Japan's CPI and
/// rate where Japan's is given, Korea's (the first) for every other.
fn dataset_of<'d>(datasets: &[&'d Dataset], id: AssumptionId) -> &'d Dataset {
    let japans = id.host() == Some(crate::data::Host::Japan);
    datasets
        .iter()
        .find(|d| (d.info.host == crate::data::Host::Japan) == japans)
        .copied()
        .unwrap_or(datasets[0])
}

/// The command line's assumption options over `a` (the config's, or a saved
/// scenario's): the options have the last word. Each is checked against the record of
/// its own host's dataset in `datasets` (Korea's first), as
/// [`Config::starting_assumptions_of`] checks them: `--jp-cpi 2,2028=3` against
/// Japan's CPI.
pub fn apply_flags(
    a: &mut Assumptions,
    datasets: &[&Dataset],
    flags: &[Flag],
) -> Result<(), SetupError> {
    for f in sorted_flags(flags) {
        a.apply_text(f.id, f.text, dataset_of(datasets, f.id))
            .map_err(|e| SetupError::Usage(format!("{}: {e}", f.name)))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::Key;
    use crate::econ::TroopBasis;

    fn load(text: &str) -> Result<Config, Vec<String>> {
        Config::load(&[("user.toml", text)])
            .map_err(|e| e.diagnostics.iter().map(ToString::to_string).collect())
    }

    /// Each assumption the files set, as the command line would write it.
    fn settings(c: &Config) -> Vec<(AssumptionId, String)> {
        c.assumptions
            .iter()
            .map(|s| (s.value.id(), s.value.to_string()))
            .collect()
    }

    fn embedded() -> Dataset {
        Dataset::embedded().expect("the embedded dataset is valid")
    }

    #[test]
    fn flags_over_a_saved_scenario_are_checked_against_their_own_host_s_record() {
        use AssumptionId::{JapaneseCpi, KoreanCpi};
        let korea = embedded();
        let mut japan = crate::data::Hosts::embedded()
            .expect("both embedded hosts load")
            .japan()
            .cloned()
            .expect("Japan's dataset");
        // Japan's CPI recorded through 2023 here, Korea's through 2025.
        japan.host_cpi.retain(|c| c.year <= 2023);
        assert_eq!(korea.host_cpi.last().map(|c| c.year), Some(2025));
        let datasets = [&korea, &japan];
        let mut a = Assumptions::from_history(&korea);
        a.take_history_of(&japan);
        let flag = |name, id, text| Flag { name, id, text };
        let apply = |a: &mut Assumptions, f: Flag| match apply_flags(a, &datasets, &[f]) {
            Ok(()) => Ok(()),
            Err(SetupError::Usage(m)) => Err(m),
            Err(e) => panic!("{e:?}"),
        };
        // 2024 is past Japan's record, though Korea's holds it.
        apply(&mut a, flag("--jp-cpi", JapaneseCpi, "2,2024=3")).expect("Japan's year");
        assert_eq!(a.japanese_cpi.at(2024), 3.0);
        let japan_s = apply(&mut a, flag("--jp-cpi", JapaneseCpi, "2,2023=3")).unwrap_err();
        assert!(
            japan_s.starts_with("--jp-cpi: ") && japan_s.contains("recorded through 2023"),
            "{japan_s}"
        );
        // Korea's against Korea's.
        let korea_s = apply(&mut a, flag("--cpi", KoreanCpi, "2,2024=3")).unwrap_err();
        assert!(korea_s.contains("recorded through 2025"), "{korea_s}");
    }

    /// The assumptions `text` and `flags` start a subcommand with, or the problems, one
    /// a line.
    fn start(text: &str, flags: &[(&str, AssumptionId, &str)]) -> Result<Assumptions, String> {
        let flags: Vec<Flag> = flags
            .iter()
            .map(|&(name, id, text)| Flag { name, id, text })
            .collect();
        let c = load(text).map_err(|e| e.join("\n"))?;
        c.starting_assumptions(&embedded(), &flags)
            .map_err(|e| match e {
                SetupError::File(e) => e
                    .diagnostics
                    .iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join("\n"),
                SetupError::Usage(m) => m,
            })
    }

    #[test]
    fn the_default_file_matches_the_built_in_keymap_and_palette() {
        let c = Config::defaults();
        assert_eq!(c.palette, Palette::default());
        assert_eq!(settings(&c), [(AssumptionId::Horizon, "2035".to_string())]);
        assert!(!c.mouse);
        assert!(c.hyperlinks);
    }

    /// The built-in file is the one place the start-up settings are written: the
    /// placeholders `Config::load` starts from never show.
    #[test]
    fn the_built_in_file_sets_every_start_key() {
        let file: toml::Table = DEFAULT_TOML.parse().unwrap();
        let start = file["start"].as_table().unwrap();
        let mut set: Vec<&str> = start.keys().map(String::as_str).collect();
        let mut known = file::START_KEYS.to_vec();
        set.sort_unstable();
        known.sort_unstable();
        assert_eq!(set, known);
    }

    #[test]
    fn hyperlinks_turn_off_in_display_and_nothing_else_is_taken_there() {
        let c = load("[display]\nhyperlinks = false\n").unwrap();
        assert!(!c.hyperlinks);
        let app = c.app(embedded());
        assert!(!app.hyperlinks);
        assert!(c.to_toml().contains("[display]\nhyperlinks = false\n"));
        let errors = load("[display]\nhyperlinks = \"yes\"\nlinks = true\n").unwrap_err();
        assert_eq!(
            errors,
            [
                "user.toml:2:14: expected true or false, found string",
                "user.toml:3:1: expected one of hyperlinks, osc52 in [display], found unknown key `links`",
            ]
        );
    }

    #[test]
    fn timeline_order_starts_the_timeline_by_date() {
        assert_eq!(Config::defaults().start.timeline_order, Order::Grouped);
        let c = load("[start]\ntimeline_order = \"date\"\n").unwrap();
        assert_eq!(c.start.timeline_order, Order::ByDate);
        let app = c.app(embedded());
        assert_eq!(app.timeline.order, Order::ByDate);
        assert!(
            app.timeline
                .rows
                .iter()
                .all(|r| matches!(r, crate::app::Row::Event(_)))
        );
        assert!(c.to_toml().contains("timeline_order = \"date\""));
        let e = load("[start]\ntimeline_order = \"kind\"\n").unwrap_err();
        assert!(
            e.iter()
                .any(|m| m
                    .ends_with(":2:18: expected one of \"agreement\", \"date\", found \"kind\"")),
            "{e:?}"
        );
    }

    #[test]
    fn a_user_file_overrides_any_subset() {
        let c = load(
            "mouse = true\n[start]\nfocus = \"costs\"\nmetric = \"per-member-headline\"\n\
             [assumptions]\nkorean_cpi = 3\n[theme]\naccent = \"#ff8800\"\n\
             [keys.timeline]\ndown = [\"s\"]\n",
        )
        .unwrap();
        assert!(c.mouse);
        assert_eq!(c.start.focus, Pane::Costs);
        assert_eq!(c.start.view.troops, TroopBasis::Headline);
        assert!(settings(&c).contains(&(AssumptionId::KoreanCpi, "3".to_string())));
        assert_eq!(
            c.palette.accent,
            ratatui::style::Color::Rgb(0xff, 0x88, 0x00)
        );
        // What the user did not set stays as the defaults have it.
        assert_eq!(c.palette.title_bg, Palette::default().title_bg);
        let j = Key::char('j');
        let s = Key::char('s');
        use crate::app::Mode;
        assert_eq!(c.keymap.action(j, Mode::Dashboard, Pane::Timeline), None);
        assert!(
            c.keymap
                .action(s, Mode::Dashboard, Pane::Timeline)
                .is_some()
        );
    }

    #[test]
    fn unknown_keys_and_bad_values_name_file_line_and_key() {
        let errors = load(
            "colour = 1\n[start]\nfocus = \"sideways\"\n[assumptions]\nkorean_cpi = 55\n\
             [theme]\naccent = \"ultraviolet\"\n[keys.timeline]\nleap = [\"x\"]\ndown = [\"f13\"]\n",
        )
        .unwrap_err();
        assert_eq!(
            errors,
            [
                "user.toml:1:1: expected one of mouse, export_dir, display, start, assumptions, band, theme, keys, found unknown key `colour`",
                "user.toml:3:9: expected one of \"timeline\", \"costs\", \"troops\", \"assumptions\", found \"sideways\"",
                "user.toml:5:14: expected Korean CPI inflation from -5.0 % to 20.0 %, found 55",
                "user.toml:7:10: expected a colour name (red, lightblue, darkgray, ...), an index 0-255 or \"#rrggbb\", found \"ultraviolet\"",
                "user.toml:9:1: expected one of down, up, page-down, page-up, first, last, agreement-next, agreement-prev, detail, search, search-next, search-prev, filter, filter-back, filter-clear, kinds, order in [keys.timeline], found `leap`",
                "user.toml:10:9: expected a key such as \"q\", \"ctrl-c\", \"enter\" or \"pagedown\", found \"f13\"",
            ]
        );
    }

    #[test]
    fn a_config_that_leaves_no_key_to_quit_is_refused_at_its_line() {
        assert!(
            load("[keys.anywhere]\nquit = []\n").is_ok(),
            "q still quits"
        );
        assert_eq!(
            load("[keys.anywhere]\nquit = []\n[keys.dashboard]\nquit = []\n").unwrap_err(),
            [
                "user.toml:4:8: expected a key to quit, found none left: bind one here or in the \
              other quit binding, or the dashboard can only be killed from outside"
            ]
        );
    }

    #[test]
    fn a_key_taken_from_quit_is_refused() {
        let errors = load("[keys.timeline]\ndown = [\"ctrl-c\"]\n").unwrap_err();
        assert_eq!(
            errors,
            [
                "user.toml: key \"ctrl-c\" is bound to both quit ([keys.anywhere]) and down ([keys.timeline])"
            ]
        );
    }

    #[test]
    fn the_printed_config_loads_back_to_the_same() {
        let c = load("[start]\ncurrency = \"usd\"\nmetric = \"change\"\n[keys.anywhere]\nquit = [\"ctrl-q\"]\n").unwrap();
        let printed = c.to_toml();
        let again = load(&printed).unwrap();
        assert_eq!(again.keymap, c.keymap);
        assert_eq!(again.start, c.start);
        assert_eq!(again.palette, c.palette);
        assert_eq!(settings(&again), settings(&c));
        assert!(printed.contains("quit = [\"ctrl-q\"]"), "{printed}");
        let c = load("[assumptions]\nkorean_cpi = \"2.5, 2028 = 3.5 %\"\nus_cpi = 2.25\n").unwrap();
        let printed = c.to_toml();
        assert!(
            printed.contains("korean_cpi = \"2.5,2028=3.5\"\nus_cpi = 2.25\n"),
            "{printed}"
        );
        assert_eq!(settings(&load(&printed).unwrap()), settings(&c));
    }

    #[test]
    fn start_takes_the_measure_of_both_hosts_and_names_the_choices_when_wrong() {
        use crate::econ::compare::MeasureKind;
        assert_eq!(Config::defaults().start.measure, MeasureKind::Usd);
        let c = load("[start]\nmeasure = \"per-member\"\n").unwrap();
        assert_eq!(c.start.measure, MeasureKind::PerMember);
        assert!(c.to_toml().contains("measure = \"per-member\""));
        assert_eq!(load(&c.to_toml()).unwrap().start, c.start);
        let app = c.app(crate::data::Dataset::embedded().unwrap());
        assert_eq!(app.inputs().measure, MeasureKind::PerMember);
        let errors = load("[start]\nmeasure = \"yen\"\n").unwrap_err();
        assert!(
            errors[0].contains(
                "expected one of \"dollars\", \"real-dollars\", \"per-member\", \"defense-budget\", \"gdp\", found \"yen\""
            ),
            "{errors:?}"
        );
    }

    #[test]
    fn the_user_file_is_found_in_the_usual_places() {
        let env = |vars: &'static [(&'static str, &'static str)]| {
            move |name: &str| {
                vars.iter()
                    .find(|(n, _)| *n == name)
                    .map(|(_, v)| OsString::from(v))
            }
        };
        assert_eq!(
            user_file(
                Some(Path::new("/x.toml")),
                env(&[("SMA_DASH_CONFIG", "/y.toml")])
            ),
            Some(UserFile {
                path: PathBuf::from("/x.toml"),
                named_by: Some("--config")
            })
        );
        assert_eq!(
            user_file(
                None,
                env(&[("SMA_DASH_CONFIG", "/y.toml"), ("HOME", "/home/u")])
            ),
            Some(UserFile {
                path: PathBuf::from("/y.toml"),
                named_by: Some("$SMA_DASH_CONFIG")
            })
        );
        assert_eq!(
            user_file(
                None,
                env(&[("XDG_CONFIG_HOME", "/cfg"), ("HOME", "/home/u")])
            ),
            Some(UserFile {
                path: PathBuf::from("/cfg/sma-dash/config.toml"),
                named_by: None
            })
        );
        assert_eq!(
            user_file(None, env(&[("XDG_CONFIG_HOME", ""), ("HOME", "/home/u")])),
            Some(UserFile {
                path: PathBuf::from("/home/u/.config/sma-dash/config.toml"),
                named_by: None
            })
        );
        assert_eq!(user_file(None, env(&[])), None);
    }

    #[test]
    fn a_rate_may_be_written_as_the_command_line_takes_it() {
        let a = start(
            "[assumptions]\nkorean_cpi = \"2.5, 2028 = 3.5 %\"\ncustom_growth = \"4 %\"\nkrw_per_usd = 1500\n",
            &[],
        )
        .unwrap();
        assert_eq!((a.korean_cpi.at(2027), a.korean_cpi.at(2028)), (2.5, 3.5));
        assert_eq!((a.custom_growth, a.krw_per_usd.flat), (4.0, 1500.0));
        // What a string says is checked as a flag's text is, at the string.
        let errors = load(
            "[assumptions]\nkorean_cpi = \"2.5,2028=9,2028=3\"\nus_cpi = \"2.5,2028=70\"\nkrw_per_usd = \"lots\"\ndefense_growth = true\nhorizon = \"2035.5\"\n",
        )
        .unwrap_err();
        assert_eq!(
            errors,
            [
                "user.toml:2:14: 2028 is given twice",
                "user.toml:3:10: expected US CPI-U inflation from -5.0 % to 20.0 %, found 70 for 2028",
                "user.toml:4:15: expected a number, found \"lots\"",
                "user.toml:5:18: expected a number, or a rate as the command line takes it (\"2.5,2028=3.5\"), found boolean",
                "user.toml:6:11: expected a year as a number, found \"2035.5\"",
            ]
        );
    }

    #[test]
    fn years_set_apart_are_checked_against_the_dataset_at_their_place() {
        assert_eq!(
            start("[assumptions]\nkorean_cpi = \"2.5,2024=9\"\n", &[]).unwrap_err(),
            "user.toml:2:14: expected a year from 2026 to 2035, found 2024, a recorded year (Korean CPI inflation is recorded through 2025)"
        );
        assert_eq!(
            start(
                "[assumptions]\nkorean_cpi = \"2.5,2040=9\"\nbase_year = 2036\n",
                &[]
            )
            .unwrap_err(),
            "user.toml:2:14: expected a year from 2026 to 2035, found 2040, past the horizon 2035\n\
             user.toml:3:13: expected a base year no later than the horizon 2035, found 2036"
        );
        // The horizon is applied first, wherever the file writes it.
        let a = start(
            "[assumptions]\nkorean_cpi = \"2.5,2040=9\"\nhorizon = 2040\n",
            &[],
        )
        .unwrap();
        assert_eq!((a.horizon, a.korean_cpi.at(2040)), (2040, 9.0));
    }

    #[test]
    fn flags_over_config_over_defaults() {
        use AssumptionId::*;
        let history = Assumptions::from_history(&embedded());
        let a = start("", &[]).unwrap();
        assert_eq!(a, history);
        let a = start("[assumptions]\nkorean_cpi = 3\nus_cpi = 1\n", &[]).unwrap();
        assert_eq!((a.korean_cpi.flat, a.us_cpi.flat), (3.0, 1.0));
        assert_eq!(a.krw_per_usd, history.krw_per_usd);
        let a = start(
            "[assumptions]\nkorean_cpi = 3\nus_cpi = 1\n",
            &[("--cpi", KoreanCpi, "4 %")],
        )
        .unwrap();
        assert_eq!((a.korean_cpi.flat, a.us_cpi.flat), (4.0, 1.0));
        // The horizon flag first, so a year past the config's horizon may be set beside it.
        let a = start(
            "",
            &[
                ("--cpi", KoreanCpi, "2.5,2040=9"),
                ("--horizon", Horizon, "2040"),
            ],
        )
        .unwrap();
        assert_eq!(a.korean_cpi.at(2040), 9.0);
        assert_eq!(
            start("", &[("--cpi", KoreanCpi, "2.5,2040=9")]).unwrap_err(),
            "--cpi: expected a year from 2026 to 2035, found 2040, past the horizon 2035"
        );
        // A flag may not pull the horizon back before a year the config set apart.
        assert_eq!(
            start(
                "[assumptions]\nhorizon = 2040\nkorean_cpi = \"2.5,2038=9\"\n",
                &[("--horizon", Horizon, "2035")]
            )
            .unwrap_err(),
            "--horizon: expected a horizon no earlier than 2038, the last year set apart for Korean CPI inflation, found 2035"
        );
        assert_eq!(
            start("", &[("--fx", KrwPerUsd, "-3")]).unwrap_err(),
            "--fx: expected won per dollar from 500 ₩/$ to 3,000 ₩/$, found -3"
        );
    }

    #[test]
    fn a_named_file_must_be_there() {
        let dir = std::env::temp_dir().join(format!("sma-dash-config-{}", std::process::id()));
        let missing = UserFile {
            path: dir.join("missing.toml"),
            named_by: Some("--config"),
        };
        assert_eq!(
            Config::from_user_file(Some(&missing)),
            Err(SetupError::Usage(format!(
                "--config {}: no such file",
                missing.path.display()
            )))
        );
        let usual = UserFile {
            named_by: None,
            ..missing
        };
        assert_eq!(Config::from_user_file(Some(&usual)), Ok(Config::defaults()));
    }

    #[test]
    fn the_values_the_default_file_shows_are_accepted() {
        let section = DEFAULT_TOML
            .split("[assumptions]\n")
            .nth(1)
            .and_then(|rest| rest.split("\n[").next())
            .unwrap();
        let mut tried = 0;
        for line in section.lines().filter_map(|l| l.strip_prefix("# ")) {
            let Some((key, rest)) = line.split_once(" = ") else {
                continue;
            };
            let (value, comment) = rest.split_once('#').unwrap();
            let mut values = vec![value.trim().to_string()];
            if let Some((_, alternative)) = comment.split_once("; or ") {
                values.push(alternative.trim().to_string());
            }
            for value in values {
                let text = format!("[assumptions]\n{key} = {value}\n");
                assert!(start(&text, &[]).is_ok(), "{text}: {:?}", start(&text, &[]));
                tried += 1;
            }
        }
        assert_eq!(tried, 15);
    }

    /// The spreads `text` and `flags` give, or the problems, one a line.
    fn spreads(text: &str, flags: &[(&str, AssumptionId, &str)]) -> Result<BandSpreads, String> {
        let flags: Vec<Flag> = flags
            .iter()
            .map(|&(name, id, text)| Flag { name, id, text })
            .collect();
        let c = load(text).map_err(|e| e.join("\n"))?;
        c.band_spreads(&flags).map_err(|e| match e {
            SetupError::File(e) => format!("{:?}", e.diagnostics),
            SetupError::Usage(m) => m,
        })
    }

    #[test]
    fn the_band_s_spreads_come_from_flags_over_config_over_defaults() {
        use AssumptionId::*;
        assert_eq!(Config::defaults().band, BandSpreads::default());
        assert_eq!(spreads("", &[]), Ok(BandSpreads::default()));
        let s = spreads("[band]\nkorean_cpi = 1.5\nkrw_per_usd = \"15 %\"\n", &[]).unwrap();
        assert_eq!(
            s,
            BandSpreads {
                korean_cpi: 1.5,
                krw_per_usd_pct: 15.0,
                ..BandSpreads::default()
            }
        );
        let s = spreads(
            "[band]\nkorean_cpi = 1.5\ndefense_growth = 0\n",
            &[
                ("--band-cpi", KoreanCpi, "3"),
                ("--band-us-cpi", UsCpi, "0.5 pp"),
            ],
        )
        .unwrap();
        assert_eq!(
            (s.korean_cpi, s.us_cpi, s.krw_per_usd_pct, s.defense_growth),
            (3.0, 0.5, 10.0, 0.0)
        );
        assert_eq!(
            spreads("", &[("--band-fx", KrwPerUsd, "60")]).unwrap_err(),
            "--band-fx: expected a spread of won per dollar from 0 to 50 %, found 60"
        );
        assert_eq!(
            spreads("", &[("--band-defense", DefenseGrowth, "lots")]).unwrap_err(),
            "--band-defense: expected a spread in percentage points as a number, found \"lots\""
        );
    }

    #[test]
    fn a_bad_spread_is_named_at_its_file_line_and_column() {
        let errors = load(
            "[band]\nkorean_cpi = 12\nus_cpi = -1\nkrw_per_usd = \"10 pp\"\ndefense_growth = true\nfx = 3\n",
        )
        .unwrap_err();
        assert_eq!(
            errors,
            [
                "user.toml:2:14: expected a spread of Korean CPI inflation from 0 to 10 percentage points, found 12",
                "user.toml:3:10: expected a spread of US CPI-U inflation from 0 to 10 percentage points, found -1",
                "user.toml:4:15: expected a spread in % as a number, found \"10 pp\"",
                "user.toml:5:18: expected a spread in percentage points as a number (or a string such as \"1 pp\"), found boolean",
                "user.toml:6:1: expected one of korean_cpi, us_cpi, krw_per_usd, defense_growth in [band], found unknown key `fx`",
            ]
        );
        assert_eq!(
            load("band = 3\n").unwrap_err(),
            ["user.toml:1:8: expected a table [band], found integer"]
        );
    }

    #[test]
    fn the_printed_band_loads_back_to_the_same() {
        let c = load("[band]\nkorean_cpi = 2.5\nkrw_per_usd = 0\n").unwrap();
        let printed = c.to_toml();
        assert!(
            printed.contains("[band]\nkorean_cpi = 2.5  # ± percentage points\nus_cpi = 1  "),
            "{printed}"
        );
        assert!(
            printed.contains("krw_per_usd = 0  # ± percent of the rate"),
            "{printed}"
        );
        assert_eq!(load(&printed).unwrap().band, c.band);
    }
}
