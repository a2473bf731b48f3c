//! Reading the dataset's TOML files: the embedded default or a directory.
//!
//! Each file is parsed once into a spanned tree; each record is deserialized on its own,
//! so one bad record does not hide the problems of the others, and every problem keeps
//! the file, line and column it came from.

use std::ops::Range;
use std::path::Path;

use serde::Deserialize;
use toml::Spanned;
use toml::de::{DeTable, DeValue, ValueDeserializer};

use super::diagnostic::{Diagnostic, LoadError};
use super::host_names;
use super::model::*;
use super::validate;

/// One file of the dataset: its name as shown in messages, and its text.
#[derive(Debug, Clone)]
pub struct DataFile {
    /// The name the dataset knows it by (`events.toml`).
    pub name: &'static str,
    /// The path shown in messages (`assets/events.toml`, `mydata/events.toml`).
    pub shown_as: String,
    pub text: String,
}

/// The files of a dataset, and the tables each of Korea's may hold (another host's
/// economy.toml holds `host_names::economy_tables`).
pub const LAYOUT: [(&str, &[&str]); 7] = [
    ("dataset.toml", &["dataset"]),
    ("sources.toml", &["source"]),
    ("agreements.toml", &["agreement"]),
    ("contributions.toml", &["contribution"]),
    ("events.toml", &["event"]),
    ("troops.toml", &["count", "level"]),
    (
        "economy.toml",
        &[
            "korean_cpi",
            "us_cpi",
            "krw_per_usd",
            "defense_budget",
            "gdp",
        ],
    ),
];

/// Largest file accepted: the real ones are tens of kilobytes; this leaves room for a
/// hundred thousand events and refuses what could only be a mistake.
pub const MAX_FILE_BYTES: u64 = 32 * 1024 * 1024;

const EMBEDDED: [(&str, &str); 7] = [
    ("dataset.toml", include_str!("../../assets/dataset.toml")),
    ("sources.toml", include_str!("../../assets/sources.toml")),
    (
        "agreements.toml",
        include_str!("../../assets/agreements.toml"),
    ),
    (
        "contributions.toml",
        include_str!("../../assets/contributions.toml"),
    ),
    ("events.toml", include_str!("../../assets/events.toml")),
    ("troops.toml", include_str!("../../assets/troops.toml")),
    ("economy.toml", include_str!("../../assets/economy.toml")),
];

/// The dataset compiled into the binary.
pub fn embedded_files() -> Vec<DataFile> {
    EMBEDDED
        .iter()
        .map(|(name, text)| DataFile {
            name,
            shown_as: format!("assets/{name}"),
            text: (*text).to_string(),
        })
        .collect()
}

/// Reads the dataset's files from `dir`; every file that cannot be read is reported.
pub fn read_dir(dir: &Path) -> Result<Vec<DataFile>, LoadError> {
    let mut errors = LoadError::default();
    let mut files = Vec::new();
    for (name, _) in LAYOUT {
        let path = dir.join(name);
        let shown_as = path.display().to_string();
        match super::file::read_text(&path, MAX_FILE_BYTES) {
            Ok(Ok(text)) => files.push(DataFile {
                name,
                shown_as,
                text,
            }),
            Ok(Err(bytes)) => {
                let valid = std::str::from_utf8(&bytes).map_or_else(|e| e.valid_up_to(), str::len);
                errors.push(Diagnostic::at(
                    &shown_as,
                    &String::from_utf8_lossy(&bytes),
                    valid..valid,
                    "expected UTF-8 text, found invalid bytes",
                ));
            }
            Err(e) => errors.push(Diagnostic::whole_file(
                &shown_as,
                format!("cannot read the file: {e}"),
            )),
        }
    }
    if errors.is_empty() {
        Ok(files)
    } else {
        Err(errors)
    }
}

/// Japan's dataset compiled into the binary.
const EMBEDDED_JAPAN: [(&str, &str); 7] = [
    (
        "dataset.toml",
        include_str!("../../assets/japan/dataset.toml"),
    ),
    (
        "sources.toml",
        include_str!("../../assets/japan/sources.toml"),
    ),
    (
        "agreements.toml",
        include_str!("../../assets/japan/agreements.toml"),
    ),
    (
        "contributions.toml",
        include_str!("../../assets/japan/contributions.toml"),
    ),
    (
        "events.toml",
        include_str!("../../assets/japan/events.toml"),
    ),
    (
        "troops.toml",
        include_str!("../../assets/japan/troops.toml"),
    ),
    (
        "economy.toml",
        include_str!("../../assets/japan/economy.toml"),
    ),
];

/// Japan's files compiled into the binary.
pub fn embedded_japan_files() -> Vec<DataFile> {
    EMBEDDED_JAPAN
        .iter()
        .map(|(name, text)| DataFile {
            name,
            shown_as: format!("assets/japan/{name}"),
            text: (*text).to_string(),
        })
        .collect()
}

impl Dataset {
    /// Korea's dataset compiled into the binary.
    pub fn embedded() -> Result<Dataset, LoadError> {
        load(&embedded_files())
    }

    /// The dataset in `dir`, in the same layout as `assets/`.
    pub fn load_dir(dir: &Path) -> Result<Dataset, LoadError> {
        load(&read_dir(dir)?)
    }
}

/// A record's place in its file, for pointing at it or at one of its fields.
#[derive(Clone, Copy)]
pub(crate) struct At<'a> {
    file: &'a str,
    text: &'a str,
    raw: &'a Spanned<DeValue<'a>>,
}

/// One step of a path into a record: a field, or an item of an array.
#[derive(Clone, Copy)]
pub(crate) enum Key<'k> {
    Field(&'k str),
    Item(usize),
}

impl At<'_> {
    /// A problem at the deepest part of `path` the record has: the field itself where
    /// present, else the nearest table around it.
    pub fn error_at(&self, path: &[Key], message: impl Into<String>) -> Diagnostic {
        let mut node = self.raw;
        for key in path {
            let next = match key {
                Key::Field(name) => node.get_ref().get(*name),
                Key::Item(i) => node.get_ref().get(*i),
            };
            match next {
                Some(n) => node = n,
                None => break,
            }
        }
        Diagnostic::at(self.file, self.text, node.span(), message)
    }

    /// A problem with a field (or with the record, where the field is absent).
    pub fn error(&self, field: &str, message: impl Into<String>) -> Diagnostic {
        self.error_at(&[Key::Field(field)], message)
    }

    /// A problem with the `index`th item of an array field.
    pub fn item_error(&self, field: &str, index: usize, message: impl Into<String>) -> Diagnostic {
        self.error_at(&[Key::Field(field), Key::Item(index)], message)
    }

    /// Where the record is, as `file:line`, for messages that point back at it.
    pub fn place(&self) -> String {
        let d = Diagnostic::at(self.file, self.text, self.raw.span(), "");
        format!("{}:{}", d.file, d.line)
    }
}

/// Calls `f` with every key and string value in `table`, as TOML unescaped it, and
/// its place in the file.
fn for_each_text(table: &Spanned<DeTable>, f: &mut impl FnMut(&str, Range<usize>)) {
    fn value(v: &Spanned<DeValue>, f: &mut impl FnMut(&str, Range<usize>)) {
        match v.get_ref() {
            DeValue::String(s) => f(s, v.span()),
            DeValue::Array(items) => items.iter().for_each(|item| value(item, f)),
            DeValue::Table(t) => {
                for (key, item) in t.iter() {
                    f(key.get_ref(), key.span());
                    value(item, f);
                }
            }
            _ => {}
        }
    }
    for (key, item) in table.get_ref().iter() {
        f(key.get_ref(), key.span());
        value(item, f);
    }
}

/// A record and where it came from.
pub(crate) struct Located<'a, T> {
    pub value: T,
    pub at: At<'a>,
}

/// A file parsed into its spanned tree, for each record to be deserialized on its own.
pub(crate) struct ParsedFile<'t> {
    file: &'t DataFile,
    root: Spanned<DeTable<'t>>,
}

impl<'t> ParsedFile<'t> {
    /// Parses `file`; reports a syntax error (and gives nothing), each table other than
    /// `tables`, and, for a host's file, each name of another host's.
    pub(crate) fn parse(
        file: &'t DataFile,
        tables: &[&str],
        host: Option<Host>,
        errors: &mut LoadError,
    ) -> Option<Self> {
        let root = match DeTable::parse(&file.text) {
            Ok(root) => root,
            Err(e) => {
                errors.push(Diagnostic::at(
                    &file.shown_as,
                    &file.text,
                    e.span().unwrap_or(0..0),
                    format!("TOML syntax: {}", e.message().trim_end()),
                ));
                return None;
            }
        };
        for key in root.get_ref().keys() {
            if let Some(host) = host
                && let Some((instead, other)) = host_names::replacement(host, key.get_ref())
            {
                errors.push(Diagnostic::at(
                    &file.shown_as,
                    &file.text,
                    key.span(),
                    host_names::message(host, key.get_ref(), &instead, other),
                ));
            } else if !tables.contains(&key.get_ref().as_ref()) {
                errors.push(Diagnostic::at(
                    &file.shown_as,
                    &file.text,
                    key.span(),
                    format!(
                        "expected {}, found unknown table `{}`",
                        tables
                            .iter()
                            .map(|t| format!("`{t}`"))
                            .collect::<Vec<_>>()
                            .join(" or "),
                        key.get_ref()
                    ),
                ));
            }
        }
        if let Some(host) = host {
            host_names::for_each_foreign(&root, host, &mut |name, span, instead, other| {
                errors.push(Diagnostic::at(
                    &file.shown_as,
                    &file.text,
                    span,
                    host_names::message(host, name, &instead, other),
                ));
            });
        }
        let before = errors.diagnostics.len() + errors.more;
        for_each_text(&root, &mut |text, span| {
            if let Some((_, c)) = super::printable::first_noncharacter(text) {
                errors.push(Diagnostic::at(
                    &file.shown_as,
                    &file.text,
                    span,
                    format!(
                        "expected text, found the noncharacter U+{:04X}",
                        u32::from(c)
                    ),
                ));
            }
        });
        if errors.diagnostics.len() + errors.more > before {
            // Noncharacters are never text: nothing of this file is taken.
            return None;
        }
        Some(Self { file, root })
    }

    /// Whether the file has a table (or an array of tables) `key`.
    pub(crate) fn has(&self, key: &str) -> bool {
        self.root.get_ref().get(key).is_some()
    }

    fn whole_span(&self) -> Range<usize> {
        0..0
    }
    /// Deserializes each record of the array of tables `key`, reporting each bad one.
    pub(crate) fn records<T: Deserialize<'t>>(
        &'t self,
        key: &str,
        errors: &mut LoadError,
    ) -> Vec<Located<'t, T>> {
        let name = &self.file.shown_as;
        let text = &self.file.text;
        let Some(value) = self.root.get_ref().get(key) else {
            errors.push(Diagnostic::at(
                name,
                text,
                self.whole_span(),
                format!("expected at least one [[{key}]] table, found none"),
            ));
            return Vec::new();
        };
        let Some(items) = value.get_ref().as_array() else {
            errors.push(Diagnostic::at(
                name,
                text,
                value.span(),
                format!(
                    "expected an array of tables [[{key}]], found {}",
                    value.get_ref().type_str()
                ),
            ));
            return Vec::new();
        };
        let mut out = Vec::with_capacity(items.len());
        for raw in items.iter() {
            let at = At {
                file: name,
                text,
                raw,
            };
            if !raw.get_ref().is_table() {
                errors.push(Diagnostic::at(
                    name,
                    text,
                    raw.span(),
                    format!("expected a table, found {}", raw.get_ref().type_str()),
                ));
                continue;
            }
            if let Some(value) = self.deserialize(raw, errors) {
                out.push(Located { value, at });
            }
        }
        out
    }

    /// One value as a `T`, or its error reported where serde points (else at the value).
    fn deserialize<T: Deserialize<'t>>(
        &self,
        raw: &Spanned<DeValue<'t>>,
        errors: &mut LoadError,
    ) -> Option<T> {
        T::deserialize(ValueDeserializer::from(raw.clone()))
            .map_err(|e| {
                errors.push(Diagnostic::at(
                    &self.file.shown_as,
                    &self.file.text,
                    e.span().unwrap_or_else(|| raw.span()),
                    describe_serde_error(e.message(), &self.file.text, e.span()),
                ))
            })
            .ok()
    }

    /// Deserializes the single table `key`.
    fn table<T: Deserialize<'t>>(&'t self, key: &str, errors: &mut LoadError) -> Option<T> {
        let Some(raw) = self.root.get_ref().get(key) else {
            errors.push(Diagnostic::at(
                &self.file.shown_as,
                &self.file.text,
                self.whole_span(),
                format!("expected a [{key}] table, found none"),
            ));
            return None;
        };
        self.deserialize(raw, errors)
    }
}

/// serde's wording, made to read "expected …, found …" in words where it does not
/// already: Rust's type names become what a person writes (`i32` is "a year as a number"
/// in a year field, else "a whole number"; `u32` "a whole number, 0 or more"; `f64` "a
/// number"; a sequence "a list"; a struct or a map "a table"; an enum "a name in quotes").
/// `text` and `span`, the value's place in it, tell which field it is and what it looks
/// like.
pub(crate) fn describe_serde_error(
    message: &str,
    text: &str,
    span: Option<Range<usize>>,
) -> String {
    let message = message.trim_end();
    let field = span.as_ref().and_then(|s| field_before(text, s.start));
    let written = span
        .and_then(|s| text.get(s))
        .map(str::trim)
        .filter(|t| !t.is_empty());
    for prefix in [
        "invalid type: ",
        "invalid value: ",
        "unknown variant ",
        "unknown field ",
    ] {
        if let Some(rest) = message.strip_prefix(prefix)
            && let Some((found, expected)) = rest.split_once(", expected ")
        {
            return match prefix {
                "unknown variant " => format!("expected {expected}, found unknown value {found}"),
                "unknown field " => format!("expected {expected}, found unknown field {found}"),
                _ => format!(
                    "expected {}, found {}",
                    expected_in_words(expected, field, found),
                    found_in_words(found, written)
                ),
            };
        }
    }
    if let Some(field) = message.strip_prefix("missing field ") {
        return format!("expected the required field {field}, found none");
    }
    // toml's own word for an enum given a number, a list or a boolean.
    if message == "wanted string or table" {
        let found = written.map_or("another type".to_string(), found_written);
        return format!("expected a name in quotes, found {found}");
    }
    message.to_string()
}

/// The key a value at `offset` is written under (`year` in `year = "x"`, `to` in
/// `{ from = 2014, to = "x" }`); `None` for an item of a list.
fn field_before(text: &str, offset: usize) -> Option<&str> {
    let before = text.get(..offset)?.trim_end().strip_suffix('=')?.trim_end();
    let start = before
        .rfind(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '-'))
        .map_or(0, |i| i + 1);
    Some(&before[start..]).filter(|k| !k.is_empty())
}

/// Whether a field holds a year: `year`, `first_year`, `from`, `horizon`, ….
fn is_year_field(name: &str) -> bool {
    name == "year" || name.ends_with("_year") || matches!(name, "from" | "to" | "horizon")
}

/// What serde expected, in words.
fn expected_in_words(expected: &str, field: Option<&str>, found: &str) -> String {
    let year = field.is_some_and(is_year_field);
    // An integer of the right type but out of its bounds.
    let integer = found.starts_with("integer ");
    match expected {
        "i8" | "i16" | "i32" | "i64" | "i128" | "isize" if year && integer => format!(
            "a year from {} to {}",
            super::YEARS.start(),
            super::YEARS.end()
        ),
        "i8" | "i16" | "i32" | "i64" | "i128" | "isize" if year => "a year as a number".into(),
        "i8" | "i16" | "i32" | "i64" | "i128" | "isize" if integer => {
            format!("a whole number {}", bounds(expected))
        }
        "i8" | "i16" | "i32" | "i64" | "i128" | "isize" => "a whole number".into(),
        "u8" | "u16" | "u32" | "u64" | "u128" | "usize"
            if integer && !found.starts_with("integer `-") =>
        {
            format!("a whole number {}", bounds(expected))
        }
        "u8" | "u16" | "u32" | "u64" | "u128" | "usize" => "a whole number, 0 or more".into(),
        "f32" | "f64" => "a number".into(),
        "a boolean" => "true or false".into(),
        "a string" | "a borrowed string" => "a string".into(),
        "a character" | "char" => "a single character".into(),
        "a sequence" => "a list".into(),
        "a map" => "a table".into(),
        "unit" => "nothing".into(),
        "variant identifier" => "a name in quotes".into(),
        "field identifier" => "a field name".into(),
        other if other.starts_with("struct ") || other.starts_with("internally tagged enum ") => {
            "a table".into()
        }
        other if other.starts_with("enum ") => "a name in quotes".into(),
        other if other.starts_with("tuple") || other.starts_with("a tuple") => "a list".into(),
        other => other.into(),
    }
}

/// "from 0 to 4294967295" for `u32`: the bounds, where a number is too large.
fn bounds(rust_type: &str) -> String {
    let (min, max): (i128, u128) = match rust_type {
        "i8" => (i8::MIN.into(), i8::MAX as u128),
        "i16" => (i16::MIN.into(), i16::MAX as u128),
        "i32" => (i32::MIN.into(), i32::MAX as u128),
        "u8" => (0, u8::MAX.into()),
        "u16" => (0, u16::MAX.into()),
        "u32" => (0, u32::MAX.into()),
        "u64" | "usize" => (0, u64::MAX.into()),
        _ => (i64::MIN.into(), i64::MAX as u128),
    };
    format!("from {min} to {max}")
}

/// What serde found, in words: `string "x"` → `"x"`, `integer `5`` → `5`.
fn found_in_words(found: &str, written: Option<&str>) -> String {
    let quoted = |prefix: &str| {
        found
            .strip_prefix(prefix)
            .and_then(|v| v.strip_prefix('`'))
            .and_then(|v| v.strip_suffix('`'))
            .map(str::to_string)
    };
    if let Some(s) = found.strip_prefix("string ") {
        return s.to_string();
    }
    for prefix in ["integer ", "floating point ", "boolean "] {
        if let Some(v) = quoted(prefix) {
            return v;
        }
    }
    match found {
        "sequence" => "a list".into(),
        // An unquoted TOML date reaches serde as a map.
        "map" => written.map_or("a table".into(), found_written),
        "unit value" => "nothing".into(),
        other => other.into(),
    }
}

/// A value as it is written, told by its first character.
fn found_written(written: &str) -> String {
    match written.chars().next() {
        Some('[') => "a list".into(),
        Some('{') => "a table".into(),
        Some('"' | '\'') => "a string".into(),
        Some(c) if c.is_ascii_digit() && written.contains(['-', ':']) => {
            format!("an unquoted date {written}")
        }
        _ if written.chars().count() <= 24 && !written.contains('\n') => written.to_string(),
        _ => "another type".into(),
    }
}

/// Parses, deserializes and validates a whole dataset, of the host its dataset.toml
/// names (Korea where it names none).
pub fn load(files: &[DataFile]) -> Result<Dataset, LoadError> {
    load_with(files, None, None)
}

/// `load`, where the files must be `expect`'s (for a folder that says whose they are),
/// and where a dataset without a US CPI-U of its own is given `shared`'s, with the
/// sources it cites.
pub(crate) fn load_with(
    files: &[DataFile],
    expect: Option<Host>,
    shared: Option<&Dataset>,
) -> Result<Dataset, LoadError> {
    let mut errors = LoadError::default();
    let host = super::hosts::declared_host(files, expect, &mut errors);
    let mut parsed: Vec<ParsedFile> = Vec::new();
    for (name, tables) in LAYOUT {
        let Some(file) = files.iter().find(|f| f.name == name) else {
            errors.push(Diagnostic::whole_file(
                name,
                "expected this file, found none",
            ));
            continue;
        };
        let tables = if name == "economy.toml" {
            host_names::economy_tables(host)
        } else {
            tables
        };
        parsed.extend(ParsedFile::parse(file, tables, Some(host), &mut errors));
    }
    // Cross-references mean little while a file could not be read at all.
    if !errors.is_empty() {
        return Err(errors);
    }
    let file = |name: &str| {
        parsed
            .iter()
            .find(|p| p.file.name == name)
            .expect("every file of LAYOUT was parsed when no error was reported")
    };
    let info = file("dataset.toml").table::<DatasetInfo>("dataset", &mut errors);
    let sources = file("sources.toml");
    let agreements = file("agreements.toml");
    let troops = file("troops.toml");
    let economy = file("economy.toml");
    let shared_us = shared.filter(|_| !host_names::economy_tables(host).contains(&"us_cpi"));
    let records = validate::Records {
        host,
        sources: sources.records("source", &mut errors),
        agreements: agreements.records("agreement", &mut errors),
        contributions: file("contributions.toml").records("contribution", &mut errors),
        events: file("events.toml").records("event", &mut errors),
        troop_counts: troops.records("count", &mut errors),
        troop_levels: troops.records("level", &mut errors),
        host_cpi: economy.records(host_names::cpi_table(host), &mut errors),
        us_cpi: if host_names::economy_tables(host).contains(&"us_cpi") {
            economy.records("us_cpi", &mut errors)
        } else {
            Vec::new()
        },
        exchange_rates: economy.records(host_names::rate_table(host), &mut errors),
        defense_budgets: economy.records("defense_budget", &mut errors),
        // GDP is optional: a dataset without it has no ratios to GDP.
        gdp: if economy.has("gdp") {
            economy.records("gdp", &mut errors)
        } else {
            Vec::new()
        },
        ids_written: [sources, agreements]
            .iter()
            .flat_map(|p| p.ids_written())
            .chain(
                shared_us
                    .iter()
                    .flat_map(|d| super::hosts::shared_source_ids(d)),
            )
            .collect(),
    };
    if let Some(d) = shared_us {
        super::hosts::check_shared_ids(&records.sources, d, &mut errors);
    }
    validate::check(&records, &mut errors);
    errors
        .diagnostics
        .sort_by(|a, b| (&a.file, a.line, a.column).cmp(&(&b.file, b.line, b.column)));
    match info {
        Some(info) if errors.is_empty() => {
            let mut dataset = records.into_dataset(info);
            if let Some(d) = shared_us {
                super::hosts::share_us_cpi(&mut dataset, d);
            }
            Ok(dataset)
        }
        _ => Err(errors),
    }
}

impl<'t> ParsedFile<'t> {
    /// Every `id` written in the file, even in records that failed to deserialize,
    /// so that a reference to a broken record is not reported a second time as unknown.
    fn ids_written(&self) -> Vec<String> {
        let mut ids = Vec::new();
        for (_, value) in self.root.get_ref().iter() {
            if let Some(items) = value.get_ref().as_array() {
                for raw in items.iter() {
                    if let Some(id) = raw.get_ref().get("id").and_then(|v| v.get_ref().as_str()) {
                        ids.push(id.to_string());
                    }
                }
            }
        }
        ids
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::FuzzyDate;

    /// A field of every type the model has, each optional so one can be tried alone.
    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Fields {
        year: Option<i32>,
        first_year: Option<i32>,
        ordinal: Option<u32>,
        amount: Option<f64>,
        name: Option<String>,
        sources: Option<Vec<String>>,
        confidence: Option<Confidence>,
        as_of: Option<CountDate>,
        rules: Option<Vec<RulePhase>>,
        milestones: Option<Milestones>,
        rule: Option<EscalationRule>,
        date: Option<FuzzyDate>,
        flag: Option<bool>,
    }

    /// The message for one record written as `fields`, as the loader reports it.
    fn message(fields: &str) -> String {
        let file = DataFile {
            name: "test.toml",
            shown_as: "test.toml".into(),
            text: format!("[[r]]\n{fields}\n"),
        };
        let parsed = ParsedFile {
            file: &file,
            root: DeTable::parse(&file.text).unwrap(),
        };
        let mut errors = LoadError::default();
        let records = parsed.records::<Fields>("r", &mut errors);
        assert!(records.is_empty(), "{fields} was read");
        assert_eq!(errors.diagnostics.len(), 1, "{fields}");
        errors.diagnostics[0].message.clone()
    }

    #[test]
    fn type_errors_say_what_was_expected_in_words() {
        let cases = [
            (
                "year = \"x2014\"",
                "expected a year as a number, found \"x2014\"",
            ),
            ("year = 2018.5", "expected a year as a number, found 2018.5"),
            (
                "first_year = true",
                "expected a year as a number, found true",
            ),
            ("year = [1]", "expected a year as a number, found a list"),
            (
                "year = { a = 1 }",
                "expected a year as a number, found a table",
            ),
            (
                "year = 2018-01-01",
                "expected a year as a number, found an unquoted date 2018-01-01",
            ),
            (
                "year = 3000000000",
                "expected a year from 1945 to 2100, found 3000000000",
            ),
            (
                "rules = [{ from = 2014, to = \"x\", rule = { kind = \"none\" } }]",
                "expected a year as a number, found \"x\"",
            ),
            (
                "ordinal = -9",
                "expected a whole number, 0 or more, found -9",
            ),
            (
                "ordinal = \"nine\"",
                "expected a whole number, 0 or more, found \"nine\"",
            ),
            (
                "ordinal = 2.5",
                "expected a whole number, 0 or more, found 2.5",
            ),
            (
                "ordinal = 99999999999",
                "expected a whole number from 0 to 4294967295, found 99999999999",
            ),
            ("amount = \"lots\"", "expected a number, found \"lots\""),
            ("amount = [1]", "expected a number, found a list"),
            ("name = 9", "expected a string, found 9"),
            ("sources = \"R01\"", "expected a list, found \"R01\""),
            ("sources = [1]", "expected a string, found 1"),
            ("sources = { a = 1 }", "expected a list, found a table"),
            ("confidence = 5", "expected a name in quotes, found 5"),
            (
                "confidence = [\"confirmed\"]",
                "expected a name in quotes, found a list",
            ),
            (
                "confidence = \"sure\"",
                "expected one of `confirmed`, `single`, `uncertain`, `derived`, found unknown value `sure`",
            ),
            (
                "as_of = \"10-30\"",
                "expected `06-30` or `09-30`, found unknown value `10-30`",
            ),
            ("milestones = \"soon\"", "expected a table, found \"soon\""),
            ("rules = [5]", "expected a table, found 5"),
            ("rule = 5", "expected a table, found 5"),
            ("rule = { kind = 5 }", "expected a name in quotes, found 5"),
            (
                "rule = { pct = 5 }",
                "expected the required field `kind`, found none",
            ),
            ("flag = 1", "expected true or false, found 1"),
            (
                "date = 2019",
                "expected a quoted date string such as \"2019-02-10\", \"2019-02\" or \"2019\", found 2019",
            ),
        ];
        let mut wrong = Vec::new();
        for (fields, expected) in cases {
            let got = message(fields);
            if got != expected {
                wrong.push(format!("{fields}\n  got      {got}\n  expected {expected}"));
            }
            for rust in ["i32", "u32", "f64", "sequence", "struct ", "enum ", "map"] {
                if got.contains(rust) {
                    wrong.push(format!("{fields}: the Rust word {rust} in {got}"));
                }
            }
        }
        assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    }

    #[test]
    fn the_field_is_the_key_before_the_value() {
        let text = "year = \"x\"\nrules = [{ from = 2014, to = \"x\" }]\nsources = [\"a\", 5]\n";
        let at = |needle: &str| text.find(needle).unwrap();
        assert_eq!(field_before(text, at("\"x\"")), Some("year"));
        assert_eq!(field_before(text, at("2014")), Some("from"));
        assert_eq!(field_before(text, at("\"x\" }")), Some("to"));
        assert_eq!(field_before(text, at("5]")), None);
        assert_eq!(field_before(text, 0), None);
    }
}
