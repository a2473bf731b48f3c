//! Settings: `config/default.toml`, compiled in, overlaid by the user's file.
//!
//! Each file is walked as a spanned TOML tree, so an unknown key or a bad value is
//! reported with its file, line and column, like the dataset's errors.

use std::ffi::OsString;
use std::fmt::Write as _;
use std::ops::Range;
use std::path::{Path, PathBuf};

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use crate::app::keymap::Scope;
use crate::app::{App, ChartStyle, Key, Keymap, Palette, Pane};
use crate::data::{Diagnostic, LoadError};
use crate::econ::{
    AssumptionId, Assumptions, CostView, Currency, Metric, ScenarioId, TroopBasis, spec,
};

/// The documented defaults, as shipped in the repository.
pub const DEFAULT_TOML: &str = include_str!("../config/default.toml");
const DEFAULT_NAME: &str = "config/default.toml (built in)";

/// Where the dashboard starts.
#[derive(Debug, Clone, PartialEq)]
pub struct Start {
    pub focus: Pane,
    pub view: CostView,
    pub chart: ChartStyle,
    pub projections: bool,
    pub scenario: ScenarioId,
}

/// The settings in effect.
#[derive(Debug, Clone, PartialEq)]
pub struct Config {
    pub mouse: bool,
    pub export_dir: PathBuf,
    pub start: Start,
    /// Assumptions given in a file; the others come from history.
    pub assumptions: Vec<(AssumptionId, f64)>,
    pub palette: Palette,
    pub keymap: Keymap,
    /// The files applied, in order, as shown in messages.
    pub files: Vec<String>,
}

/// The user's config file, if any: `explicit` (from `--config`), else `$SMA_DASH_CONFIG`,
/// else `$XDG_CONFIG_HOME/sma-dash/config.toml`, else `~/.config/sma-dash/config.toml`.
/// The flag says whether the file must exist: named ones must, the usual places may
/// hold none.
pub fn user_file(
    explicit: Option<&Path>,
    env: impl Fn(&str) -> Option<OsString>,
) -> Option<(PathBuf, bool)> {
    let set = |name: &str| env(name).filter(|v| !v.is_empty());
    if let Some(path) = explicit {
        return Some((path.to_path_buf(), true));
    }
    if let Some(path) = set("SMA_DASH_CONFIG") {
        return Some((PathBuf::from(path), true));
    }
    let base = set("XDG_CONFIG_HOME")
        .map(PathBuf::from)
        .or_else(|| set("HOME").map(|home| Path::new(&home).join(".config")))?;
    Some((base.join("sma-dash").join("config.toml"), false))
}

impl Config {
    /// The built-in defaults alone.
    pub fn defaults() -> Config {
        Self::load(&[]).expect("config/default.toml is valid (tested)")
    }

    /// The defaults overlaid by each `(shown name, text)` in turn.
    pub fn load(files: &[(&str, &str)]) -> Result<Config, LoadError> {
        let mut config = Config {
            mouse: false,
            export_dir: PathBuf::from("."),
            start: Start {
                focus: Pane::Timeline,
                view: CostView::default(),
                chart: ChartStyle::Bars,
                projections: true,
                scenario: ScenarioId::CurrentAgreement,
            },
            assumptions: Vec::new(),
            palette: Palette::default(),
            keymap: Keymap::default(),
            files: Vec::new(),
        };
        let mut errors = LoadError {
            subject: "configuration",
            ..LoadError::default()
        };
        for (name, text) in std::iter::once(&(DEFAULT_NAME, DEFAULT_TOML)).chain(files) {
            let mut file = FileReader {
                name,
                text,
                errors: &mut errors,
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

    /// The defaults and the user's file, read from disk.
    pub fn from_user_file(user: Option<(PathBuf, bool)>) -> Result<Config, LoadError> {
        let Some((path, must_exist)) = user else {
            return Self::load(&[]);
        };
        let shown = path.display().to_string();
        match std::fs::read_to_string(&path) {
            Ok(text) => Self::load(&[(&shown, &text)]),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound && !must_exist => Self::load(&[]),
            Err(e) => {
                let mut errors = LoadError {
                    subject: "configuration",
                    ..LoadError::default()
                };
                errors.push(Diagnostic::whole_file(
                    &shown,
                    format!("cannot read the config file: {e}"),
                ));
                Err(errors)
            }
        }
    }

    /// The assumptions to start from: history, then the config's values.
    pub fn starting_assumptions(&self, history: Assumptions) -> Assumptions {
        let mut a = history;
        for (id, value) in &self.assumptions {
            a.set(*id, *value);
        }
        a
    }

    /// Sets up `app` as configured (assumptions are set apart, by the caller).
    pub fn apply_to(&self, app: &mut App) {
        app.focus = self.start.focus;
        app.view = self.start.view;
        app.chart = self.start.chart;
        app.show_projections = self.start.projections;
        app.scenario = self.start.scenario;
        app.palette = self.palette;
        app.keymap = self.keymap.clone();
        app.mouse = self.mouse;
        app.paths.export_dir = self.export_dir.clone();
        app.recompute();
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
        let s = &self.start;
        let _ = writeln!(out, "\n[start]");
        let _ = writeln!(out, "focus = {}", quote(pane_name(s.focus)));
        let _ = writeln!(out, "metric = {}", quote(metric_name(&s.view)));
        let _ = writeln!(out, "currency = {}", quote(currency_name(s.view.currency)));
        let _ = writeln!(out, "real = {}", s.view.real);
        let _ = writeln!(out, "chart = {}", quote(chart_name(s.chart)));
        let _ = writeln!(out, "projections = {}", s.projections);
        let _ = writeln!(out, "scenario = {}", quote(s.scenario.key()));
        let _ = writeln!(out, "\n[assumptions]");
        for id in AssumptionId::ALL {
            match self.assumptions.iter().find(|(a, _)| *a == id) {
                Some((_, v)) => writeln!(out, "{} = {v}", assumption_name(id)),
                None => writeln!(out, "# {} from history", assumption_name(id)),
            }
            .ok();
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
                let Some(name) = b.action.config_name() else {
                    continue;
                };
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

const PANES: [(&str, Pane); 4] = [
    ("timeline", Pane::Timeline),
    ("costs", Pane::Costs),
    ("troops", Pane::Troops),
    ("assumptions", Pane::Assumptions),
];
const METRICS: [(&str, Metric, TroopBasis); 5] = [
    ("contribution", Metric::Contribution, TroopBasis::Counted),
    ("change", Metric::YearOnYear, TroopBasis::Counted),
    ("per-member", Metric::PerServiceMember, TroopBasis::Counted),
    (
        "per-member-headline",
        Metric::PerServiceMember,
        TroopBasis::Headline,
    ),
    ("cumulative", Metric::Cumulative, TroopBasis::Counted),
];
const CURRENCIES: [(&str, Currency); 2] = [("krw", Currency::Krw), ("usd", Currency::Usd)];
const CHARTS: [(&str, ChartStyle); 2] = [("bars", ChartStyle::Bars), ("line", ChartStyle::Line)];
const ASSUMPTIONS: [(&str, AssumptionId); 7] = [
    ("korean_cpi", AssumptionId::KoreanCpi),
    ("us_cpi", AssumptionId::UsCpi),
    ("krw_per_usd", AssumptionId::KrwPerUsd),
    ("defense_growth", AssumptionId::DefenseGrowth),
    ("custom_growth", AssumptionId::CustomGrowth),
    ("base_year", AssumptionId::BaseYear),
    ("horizon", AssumptionId::Horizon),
];

fn pane_name(p: Pane) -> &'static str {
    PANES
        .iter()
        .find(|(_, x)| *x == p)
        .map_or("timeline", |(n, _)| n)
}

fn metric_name(v: &CostView) -> &'static str {
    METRICS
        .iter()
        .find(|(_, m, t)| *m == v.metric && (*m != Metric::PerServiceMember || *t == v.troops))
        .map_or("contribution", |(n, _, _)| n)
}

fn currency_name(c: Currency) -> &'static str {
    CURRENCIES
        .iter()
        .find(|(_, x)| *x == c)
        .map_or("krw", |(n, _)| n)
}

fn chart_name(c: ChartStyle) -> &'static str {
    CHARTS
        .iter()
        .find(|(_, x)| *x == c)
        .map_or("bars", |(n, _)| n)
}

fn assumption_name(id: AssumptionId) -> &'static str {
    ASSUMPTIONS
        .iter()
        .find(|(_, x)| *x == id)
        .map_or("?", |(n, _)| n)
}

type Value<'a> = Spanned<DeValue<'a>>;

/// Walks one file, applying what is valid and reporting what is not.
struct FileReader<'f> {
    name: &'f str,
    text: &'f str,
    errors: &'f mut LoadError,
}

impl FileReader<'_> {
    fn error(&mut self, span: Range<usize>, message: String) {
        self.errors
            .push(Diagnostic::at(self.name, self.text, span, message));
    }

    fn apply(&mut self, config: &mut Config) {
        let root = match DeTable::parse(self.text) {
            Ok(root) => root,
            Err(e) => {
                let span = e.span().unwrap_or(0..0);
                self.error(span, format!("TOML syntax: {}", e.message().trim_end()));
                return;
            }
        };
        for (key, value) in root.get_ref().iter() {
            match key.get_ref().as_ref() {
                "mouse" => {
                    if let Some(b) = self.boolean(value) {
                        config.mouse = b;
                    }
                }
                "export_dir" => {
                    if let Some(s) = self.string(value) {
                        config.export_dir = PathBuf::from(s);
                    }
                }
                "start" => self.start(value, &mut config.start),
                "assumptions" => self.assumptions(value, &mut config.assumptions),
                "theme" => self.theme(value, &mut config.palette),
                "keys" => self.keys(value, &mut config.keymap),
                other => self.unknown(
                    key,
                    other,
                    "",
                    &[
                        "mouse",
                        "export_dir",
                        "start",
                        "assumptions",
                        "theme",
                        "keys",
                    ],
                ),
            }
        }
    }

    fn unknown(
        &mut self,
        key: &Spanned<std::borrow::Cow<str>>,
        name: &str,
        table: &str,
        known: &[&str],
    ) {
        let place = if table.is_empty() {
            String::new()
        } else {
            format!(" in [{table}]")
        };
        self.error(
            key.span(),
            format!(
                "expected one of {}{place}, found unknown key `{name}`",
                known.join(", ")
            ),
        );
    }

    fn type_error(&mut self, value: &Value, expected: &str) {
        let found = value.get_ref().type_str();
        self.error(value.span(), format!("expected {expected}, found {found}"));
    }

    fn boolean(&mut self, value: &Value) -> Option<bool> {
        let b = value.get_ref().as_bool();
        if b.is_none() {
            self.type_error(value, "true or false");
        }
        b
    }

    fn string<'v>(&mut self, value: &'v Value) -> Option<&'v str> {
        let s = value.get_ref().as_str();
        if s.is_none() {
            self.type_error(value, "a string");
        }
        s
    }

    fn number(&mut self, value: &Value) -> Option<f64> {
        let v = value.get_ref();
        let n = v
            .as_float()
            .and_then(|f| f.as_str().replace('_', "").parse::<f64>().ok())
            .or_else(|| {
                v.as_integer()
                    .and_then(|i| i.as_str().replace('_', "").parse::<f64>().ok())
            });
        if n.is_none() {
            self.type_error(value, "a number");
        }
        n
    }

    fn table<'v>(&mut self, value: &'v Value<'v>, name: &str) -> Option<&'v DeTable<'v>> {
        let t = value.get_ref().as_table();
        if t.is_none() {
            self.type_error(value, &format!("a table [{name}]"));
        }
        t
    }

    /// A string that must be one of `choices`.
    fn choice<T: Copy>(&mut self, value: &Value, choices: &[(&str, T)]) -> Option<T> {
        let s = self.string(value)?;
        let found = choices.iter().find(|(n, _)| *n == s).map(|(_, v)| *v);
        if found.is_none() {
            let names: Vec<String> = choices.iter().map(|(n, _)| format!("\"{n}\"")).collect();
            self.error(
                value.span(),
                format!("expected one of {}, found \"{s}\"", names.join(", ")),
            );
        }
        found
    }

    fn start(&mut self, value: &Value, start: &mut Start) {
        let Some(table) = self.table(value, "start") else {
            return;
        };
        for (key, value) in table.iter() {
            let name = key.get_ref().as_ref();
            match name {
                "focus" => {
                    if let Some(p) = self.choice(value, &PANES) {
                        start.focus = p;
                    }
                }
                "metric" => {
                    let choices: Vec<(&str, (Metric, TroopBasis))> =
                        METRICS.iter().map(|(n, m, t)| (*n, (*m, *t))).collect();
                    if let Some((metric, troops)) = self.choice(value, &choices) {
                        start.view.metric = metric;
                        start.view.troops = troops;
                    }
                }
                "currency" => {
                    if let Some(c) = self.choice(value, &CURRENCIES) {
                        start.view.currency = c;
                    }
                }
                "real" => {
                    if let Some(b) = self.boolean(value) {
                        start.view.real = b;
                    }
                }
                "chart" => {
                    if let Some(c) = self.choice(value, &CHARTS) {
                        start.chart = c;
                    }
                }
                "projections" => {
                    if let Some(b) = self.boolean(value) {
                        start.projections = b;
                    }
                }
                "scenario" => {
                    let choices: Vec<(&str, ScenarioId)> =
                        ScenarioId::ALL.iter().map(|s| (s.key(), *s)).collect();
                    if let Some(s) = self.choice(value, &choices) {
                        start.scenario = s;
                    }
                }
                other => self.unknown(
                    key,
                    other,
                    "start",
                    &[
                        "focus",
                        "metric",
                        "currency",
                        "real",
                        "chart",
                        "projections",
                        "scenario",
                    ],
                ),
            }
        }
    }

    fn assumptions(&mut self, value: &Value, given: &mut Vec<(AssumptionId, f64)>) {
        let Some(table) = self.table(value, "assumptions") else {
            return;
        };
        for (key, value) in table.iter() {
            let name = key.get_ref().as_ref();
            let Some(id) = ASSUMPTIONS
                .iter()
                .find(|(n, _)| *n == name)
                .map(|(_, id)| *id)
            else {
                let names: Vec<&str> = ASSUMPTIONS.iter().map(|(n, _)| *n).collect();
                self.unknown(key, name, "assumptions", &names);
                continue;
            };
            let Some(v) = self.number(value) else {
                continue;
            };
            let s = spec(id);
            if !(s.min..=s.max).contains(&v) {
                self.error(
                    value.span(),
                    format!(
                        "expected {} from {} to {}, found {v}",
                        s.label,
                        s.format(s.min),
                        s.format(s.max)
                    ),
                );
                continue;
            }
            given.retain(|(a, _)| *a != id);
            given.push((id, v));
        }
    }

    fn theme(&mut self, value: &Value, palette: &mut Palette) {
        let Some(table) = self.table(value, "theme") else {
            return;
        };
        for (key, value) in table.iter() {
            let name = key.get_ref().as_ref();
            let mut roles = palette.roles_mut();
            let Some((_, slot)) = roles.iter_mut().find(|(role, _)| *role == name) else {
                let names: Vec<&str> = roles.iter().map(|(r, _)| *r).collect();
                self.unknown(key, name, "theme", &names);
                continue;
            };
            let Some(text) = self.string(value) else {
                continue;
            };
            match text.parse() {
                Ok(color) => **slot = color,
                Err(_) => self.error(
                    value.span(),
                    format!(
                        "expected a colour name (red, lightblue, darkgray, ...), an index 0-255 or \"#rrggbb\", found \"{text}\""
                    ),
                ),
            }
        }
    }

    fn keys(&mut self, value: &Value, keymap: &mut Keymap) {
        let Some(table) = self.table(value, "keys") else {
            return;
        };
        for (key, value) in table.iter() {
            let scope_name = key.get_ref().as_ref();
            let Some(scope) = Scope::all().find(|s| s.config_name() == scope_name) else {
                let names: Vec<&str> = Scope::all().map(Scope::config_name).collect();
                self.unknown(key, scope_name, "keys", &names);
                continue;
            };
            let Some(bindings) = self.table(value, &format!("keys.{scope_name}")) else {
                continue;
            };
            for (action, value) in bindings.iter() {
                let Some(items) = value.get_ref().as_array() else {
                    self.type_error(value, "a list of keys, such as [\"q\", \"ctrl-c\"]");
                    continue;
                };
                let mut keys = Vec::new();
                for item in items.iter() {
                    let Some(text) = self.string(item) else {
                        continue;
                    };
                    match Key::parse(text) {
                        Ok(k) => keys.push(k),
                        Err(message) => self.error(item.span(), message),
                    }
                }
                if let Err(message) = keymap.rebind(scope, action.get_ref(), keys) {
                    self.error(action.span(), message);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn load(text: &str) -> Result<Config, Vec<String>> {
        Config::load(&[("user.toml", text)])
            .map_err(|e| e.diagnostics.iter().map(ToString::to_string).collect())
    }

    #[test]
    fn the_default_file_matches_the_built_in_keymap_and_palette() {
        let c = Config::defaults();
        assert_eq!(c.keymap, Keymap::default());
        assert_eq!(c.palette, Palette::default());
        assert_eq!(c.assumptions, vec![(AssumptionId::Horizon, 2035.0)]);
        assert!(!c.mouse);
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
        assert!(c.assumptions.contains(&(AssumptionId::KoreanCpi, 3.0)));
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
                "user.toml:1:1: expected one of mouse, export_dir, start, assumptions, theme, keys, found unknown key `colour`",
                "user.toml:3:9: expected one of \"timeline\", \"costs\", \"troops\", \"assumptions\", found \"sideways\"",
                "user.toml:5:14: expected Korean CPI inflation from -5.0 % to 20.0 %, found 55",
                "user.toml:7:10: expected a colour name (red, lightblue, darkgray, ...), an index 0-255 or \"#rrggbb\", found \"ultraviolet\"",
                "user.toml:9:1: expected one of down, up, page-down, page-up, first, last, agreement-next, agreement-prev, detail, search, search-next, search-prev, filter in [keys.timeline], found `leap`",
                "user.toml:10:9: expected a key such as \"q\", \"ctrl-c\", \"enter\" or \"pagedown\", found \"f13\"",
            ]
        );
    }

    #[test]
    fn a_key_taken_from_quit_is_refused() {
        let errors = load("[keys.timeline]\ndown = [\"q\"]\n").unwrap_err();
        assert_eq!(
            errors,
            [
                "user.toml: key \"q\" is bound to both quit ([keys.anywhere]) and down ([keys.timeline])"
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
        assert_eq!(again.assumptions, c.assumptions);
        assert!(printed.contains("quit = [\"ctrl-q\"]"), "{printed}");
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
            Some((PathBuf::from("/x.toml"), true))
        );
        assert_eq!(
            user_file(
                None,
                env(&[("SMA_DASH_CONFIG", "/y.toml"), ("HOME", "/home/u")])
            ),
            Some((PathBuf::from("/y.toml"), true))
        );
        assert_eq!(
            user_file(
                None,
                env(&[("XDG_CONFIG_HOME", "/cfg"), ("HOME", "/home/u")])
            ),
            Some((PathBuf::from("/cfg/sma-dash/config.toml"), false))
        );
        assert_eq!(
            user_file(None, env(&[("XDG_CONFIG_HOME", ""), ("HOME", "/home/u")])),
            Some((PathBuf::from("/home/u/.config/sma-dash/config.toml"), false))
        );
        assert_eq!(user_file(None, env(&[])), None);
    }
}
