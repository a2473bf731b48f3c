//! One config file walked as a spanned TOML tree: what is valid is applied to the
//! [`Config`], what is not is reported at its file, line and column. Reads text only:
//! finding the files is `mod.rs`'s, checking against the dataset
//! [`Config::starting_assumptions`]'s.

use std::ops::Range;
use std::path::PathBuf;

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use crate::app::keymap::Scope;
use crate::app::{Key, Keymap, Palette};
use crate::data::{Diagnostic, LoadError};
use crate::econ::compare::MeasureKind;
use crate::econ::{AssumptionValue, BandSpreads, Metric, ScenarioId, TroopBasis, spread_spec};

use super::names::{ASSUMPTIONS, CHARTS, CURRENCIES, METRICS, ORDERS, PANES};
use crate::app::Start;

use super::{AssumptionSetting, Config};

type Value<'a> = Spanned<DeValue<'a>>;

/// The keys of `[start]`, each of which the built-in file sets.
pub(super) const START_KEYS: [&str; 9] = [
    "focus",
    "metric",
    "currency",
    "real",
    "chart",
    "projections",
    "scenario",
    "timeline_order",
    "measure",
];

/// Walks one file, applying what is valid and reporting what is not.
pub(super) struct FileReader<'f> {
    pub(super) name: &'f str,
    pub(super) text: &'f str,
    pub(super) errors: &'f mut LoadError,
    /// The compiled-in defaults: their `[keys]` lines make the bindings, which the
    /// other files only rebind.
    pub(super) defaults: bool,
}

impl FileReader<'_> {
    fn error(&mut self, span: Range<usize>, message: String) {
        self.errors
            .push(Diagnostic::at(self.name, self.text, span, message));
    }

    pub(super) fn apply(&mut self, config: &mut Config) {
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
                "display" => self.display(value, config),
                "start" => self.start(value, &mut config.start),
                "assumptions" => self.assumptions(value, &mut config.assumptions),
                "band" => self.band(value, &mut config.band),
                "theme" => self.theme(value, &mut config.palette),
                "keys" => self.keys(value, &mut config.keymap),
                other => self.unknown(
                    key,
                    other,
                    "",
                    &[
                        "mouse",
                        "export_dir",
                        "display",
                        "start",
                        "assumptions",
                        "band",
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

    /// A number, or a string as the command line takes it, as text for the parser of
    /// the setting; any other value is reported as not `expected`.
    fn number_or_string(&mut self, value: &Value, expected: &str) -> Option<String> {
        let v = value.get_ref();
        let number = v
            .as_float()
            .and_then(|f| f.as_str().replace('_', "").parse::<f64>().ok())
            .or_else(|| {
                v.as_integer()
                    .and_then(|i| i.as_str().replace('_', "").parse::<f64>().ok())
            });
        match (v.as_str(), number) {
            (Some(text), _) => Some(text.to_string()),
            (None, Some(n)) => Some(n.to_string()),
            (None, None) => {
                self.type_error(value, expected);
                None
            }
        }
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

    fn display(&mut self, value: &Value, config: &mut Config) {
        let Some(table) = self.table(value, "display") else {
            return;
        };
        for (key, value) in table.iter() {
            match key.get_ref().as_ref() {
                "hyperlinks" => {
                    if let Some(b) = self.boolean(value) {
                        config.hyperlinks = b;
                    }
                }
                "osc52" => {
                    if let Some(b) = self.boolean(value) {
                        config.osc52 = b;
                    }
                }
                other => self.unknown(key, other, "display", &["hyperlinks", "osc52"]),
            }
        }
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
                "timeline_order" => {
                    if let Some(o) = self.choice(value, &ORDERS) {
                        start.timeline_order = o;
                    }
                }
                "measure" => {
                    let choices: Vec<(&str, MeasureKind)> =
                        MeasureKind::ALL.iter().map(|m| (m.name(), *m)).collect();
                    if let Some(m) = self.choice(value, &choices) {
                        start.measure = m;
                    }
                }
                "scenario" => {
                    let choices: Vec<(&str, ScenarioId)> =
                        ScenarioId::ALL.iter().map(|s| (s.key(), *s)).collect();
                    if let Some(s) = self.choice(value, &choices) {
                        start.scenario = s;
                    }
                }
                other => self.unknown(key, other, "start", &START_KEYS),
            }
        }
    }

    /// Each value a number, or a string as the command line takes it (`"2.5,2028=3.5"`,
    /// `"3 %"`), read by [`AssumptionValue::parse`]; what needs the dataset is checked
    /// later, by [`Config::starting_assumptions`].
    fn assumptions(&mut self, value: &Value, given: &mut Vec<AssumptionSetting>) {
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
            let expected = if id.is_rate() {
                "a number, or a rate as the command line takes it (\"2.5,2028=3.5\")"
            } else {
                "a number"
            };
            let Some(text) = self.number_or_string(value, expected) else {
                continue;
            };
            match AssumptionValue::parse(id, &text) {
                Ok(v) => {
                    given.retain(|s| s.value.id() != id);
                    given.push(AssumptionSetting {
                        value: v,
                        at: Diagnostic::at(self.name, self.text, value.span(), ""),
                    });
                }
                Err(e) => self.error(value.span(), e.to_string()),
            }
        }
    }

    /// Each spread a number, or a string with its unit (`"1 pp"`, `"10 %"`), read and
    /// range-checked by [`crate::econ::SpreadSpec::parse`].
    fn band(&mut self, value: &Value, band: &mut BandSpreads) {
        let Some(table) = self.table(value, "band") else {
            return;
        };
        for (key, value) in table.iter() {
            let name = key.get_ref().as_ref();
            let Some(spec) = BandSpreads::INPUTS
                .iter()
                .filter_map(|&id| spread_spec(id))
                .find(|s| s.key == name)
            else {
                let names: Vec<&str> = BandSpreads::INPUTS
                    .iter()
                    .filter_map(|&id| spread_spec(id).map(|s| s.key))
                    .collect();
                self.unknown(key, name, "band", &names);
                continue;
            };
            let expected = format!(
                "a spread in {} as a number (or a string such as \"{}\")",
                spec.unit_words,
                spec.format(1.0).trim_start_matches('±')
            );
            let Some(text) = self.number_or_string(value, &expected) else {
                continue;
            };
            match spec.parse(&text).and_then(|v| band.set(spec.id, v)) {
                Ok(()) => {}
                Err(e) => self.error(value.span(), e.to_string()),
            }
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
        // In the file's order (the table is sorted by name): the defaults' order is the
        // help's and the status line's.
        let mut scopes: Vec<_> = table.iter().collect();
        scopes.sort_by_key(|(key, _)| key.span().start);
        for (key, value) in scopes {
            let scope_name = key.get_ref().as_ref();
            let Some(scope) = Scope::all().find(|s| s.config_name() == scope_name) else {
                let names: Vec<&str> = Scope::all().map(Scope::config_name).collect();
                self.unknown(key, scope_name, "keys", &names);
                continue;
            };
            let Some(bindings) = self.table(value, &format!("keys.{scope_name}")) else {
                continue;
            };
            let mut bindings: Vec<_> = bindings.iter().collect();
            bindings.sort_by_key(|(action, _)| action.span().start);
            for (action, value) in bindings {
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
                let done = if self.defaults {
                    let help = self.comment_after(value.span());
                    if help.is_empty() {
                        let span = value.span();
                        self.error(span, "expected a comment saying what the keys do".into());
                    }
                    keymap.bind(scope, action.get_ref(), keys, help)
                } else {
                    keymap.rebind(scope, action.get_ref(), keys)
                };
                if let Err(message) = done {
                    self.error(action.span(), message);
                } else if !keymap.can_quit() {
                    self.error(
                        value.span(),
                        "expected a key to quit, found none left: bind one here or in the \
                         other quit binding, or the dashboard can only be killed from outside"
                            .to_string(),
                    );
                }
            }
        }
    }

    /// The comment that ends the line `span` ends on, such as what a default binding
    /// does (`# next row`): the help's words for it.
    fn comment_after(&self, span: Range<usize>) -> String {
        let rest = &self.text[span.end..];
        let line = rest.split('\n').next().unwrap_or_default();
        line.trim()
            .strip_prefix('#')
            .map(|c| c.trim().to_string())
            .unwrap_or_default()
    }
}
