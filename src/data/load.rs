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

/// The files of a dataset, and the tables each may hold.
pub const LAYOUT: [(&str, &[&str]); 7] = [
    ("dataset.toml", &["dataset"]),
    ("sources.toml", &["source"]),
    ("agreements.toml", &["agreement"]),
    ("contributions.toml", &["contribution"]),
    ("events.toml", &["event"]),
    ("troops.toml", &["count", "level"]),
    (
        "economy.toml",
        &["korean_cpi", "us_cpi", "krw_per_usd", "defense_budget"],
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
        let read = std::fs::metadata(&path).and_then(|meta| {
            if meta.len() > MAX_FILE_BYTES {
                Err(std::io::Error::other(format!(
                    "expected at most {} MiB, found {} bytes",
                    MAX_FILE_BYTES / (1024 * 1024),
                    meta.len()
                )))
            } else {
                std::fs::read(&path)
            }
        });
        match read.map(String::from_utf8) {
            Ok(Ok(text)) => files.push(DataFile {
                name,
                shown_as,
                text,
            }),
            Ok(Err(e)) => errors.push(Diagnostic::at(
                &shown_as,
                &String::from_utf8_lossy(e.as_bytes()),
                e.utf8_error().valid_up_to()..e.utf8_error().valid_up_to(),
                "expected UTF-8 text, found invalid bytes",
            )),
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

impl Dataset {
    /// The dataset compiled into the binary.
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

/// A record and where it came from.
pub(crate) struct Located<'a, T> {
    pub value: T,
    pub at: At<'a>,
}

struct ParsedFile<'t> {
    file: &'t DataFile,
    root: Spanned<DeTable<'t>>,
}

impl<'t> ParsedFile<'t> {
    fn whole_span(&self) -> Range<usize> {
        0..0
    }
    /// Deserializes each record of the array of tables `key`, reporting each bad one.
    fn records<T: Deserialize<'t>>(
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
                    describe_serde_error(e.message()),
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

/// serde's wording, made to read "expected …, found …" where it does not already.
pub(crate) fn describe_serde_error(message: &str) -> String {
    let message = message.trim_end();
    for prefix in [
        "invalid type: ",
        "invalid value: ",
        "unknown variant ",
        "unknown field ",
    ] {
        if let Some(rest) = message.strip_prefix(prefix)
            && let Some((found, expected)) = rest.split_once(", expected ")
        {
            let what = match prefix {
                "unknown variant " => "unknown value ",
                "unknown field " => "unknown field ",
                _ => "",
            };
            return format!("expected {expected}, found {what}{found}");
        }
    }
    if let Some(field) = message.strip_prefix("missing field ") {
        return format!("expected the required field {field}, found none");
    }
    message.to_string()
}

/// Parses, deserializes and validates a whole dataset.
pub fn load(files: &[DataFile]) -> Result<Dataset, LoadError> {
    let mut errors = LoadError::default();
    let mut parsed: Vec<ParsedFile> = Vec::new();
    for (name, tables) in LAYOUT {
        let Some(file) = files.iter().find(|f| f.name == name) else {
            errors.push(Diagnostic::whole_file(
                name,
                "expected this file, found none",
            ));
            continue;
        };
        match DeTable::parse(&file.text) {
            Ok(root) => {
                for key in root.get_ref().keys() {
                    if !tables.contains(&key.get_ref().as_ref()) {
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
                parsed.push(ParsedFile { file, root });
            }
            Err(e) => errors.push(Diagnostic::at(
                &file.shown_as,
                &file.text,
                e.span().unwrap_or(0..0),
                format!("TOML syntax: {}", e.message().trim_end()),
            )),
        }
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
    let records = validate::Records {
        sources: sources.records("source", &mut errors),
        agreements: agreements.records("agreement", &mut errors),
        contributions: file("contributions.toml").records("contribution", &mut errors),
        events: file("events.toml").records("event", &mut errors),
        troop_counts: troops.records("count", &mut errors),
        troop_levels: troops.records("level", &mut errors),
        korean_cpi: economy.records("korean_cpi", &mut errors),
        us_cpi: economy.records("us_cpi", &mut errors),
        exchange_rates: economy.records("krw_per_usd", &mut errors),
        defense_budgets: economy.records("defense_budget", &mut errors),
        ids_written: [sources, agreements]
            .iter()
            .flat_map(|p| p.ids_written())
            .collect(),
    };
    validate::check(&records, &mut errors);
    errors
        .diagnostics
        .sort_by(|a, b| (&a.file, a.line, a.column).cmp(&(&b.file, b.line, b.column)));
    match info {
        Some(info) if errors.is_empty() => Ok(records.into_dataset(info)),
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
