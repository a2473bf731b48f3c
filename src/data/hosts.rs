//! Every host's dataset together: Korea always, Japan where its files are present.
//! Each is one `Dataset`, read by the same loader under the same schema. Japan's files
//! sit in a `japan/` folder beside Korea's (`assets/japan/`, `DIR/japan/`).
//!
//! One series serves both: the US CPI-U, which Korea's economy.toml holds. Japan's
//! dataset is given it, with the sources it cites, when it loads, so that it is written
//! and corrected in one place.

use std::collections::HashSet;
use std::path::Path;
use std::sync::OnceLock;

use toml::de::DeTable;

use super::diagnostic::{Diagnostic, LoadError};
use super::load::{
    DataFile, Located, MAX_FILE_BYTES, embedded_files, embedded_japan_files, load_with, read_dir,
};
use super::model::{Dataset, Host, Source};
use super::shares::{SHARES_FILE, Shares, embedded_file as embedded_shares_file};

/// The folder of Japan's files, inside Korea's.
pub const JAPAN_DIR: &str = "japan";

/// The datasets of the hosts the program knows.
///
/// Compiled-in (`Hosts::embedded`), Japan's dataset and the share estimates are read
/// when first asked for ([`Hosts::japan`], [`Hosts::shares`]), not at start: Korea
/// alone is what the first frame shows, and Japan's files are half the load. Loaded
/// from files (`Hosts::load`, `Hosts::load_dir`), everything is read and validated at
/// once, so that a problem is reported at start with its file and line.
#[derive(Debug, Clone)]
pub struct Hosts {
    pub korea: Dataset,
    /// Japan's dataset, where the program has one; empty until first asked for, for
    /// the embedded files only (whose validity `cargo test` checks).
    japan: OnceLock<Option<Dataset>>,
    /// The published estimates of each host's share of US stationing cost, and Germany;
    /// empty until first asked for, as `japan`.
    shares: OnceLock<Shares>,
}

/// Two hosts are equal where their datasets and estimates are (read for the comparison
/// where not yet read).
impl PartialEq for Hosts {
    fn eq(&self, other: &Self) -> bool {
        self.korea == other.korea
            && self.japan() == other.japan()
            && self.shares() == other.shares()
    }
}

impl Hosts {
    /// Korea alone.
    pub fn korea_only(korea: Dataset) -> Self {
        Self::of(korea, None, Shares::default())
    }

    /// These datasets and estimates, all read.
    fn of(korea: Dataset, japan: Option<Dataset>, shares: Shares) -> Self {
        Self {
            korea,
            japan: OnceLock::from(japan),
            shares: OnceLock::from(shares),
        }
    }

    /// The same hosts with the estimates of `file`, whose sources must be in one of
    /// the hosts' sources tables.
    pub fn with_shares(self, file: &DataFile) -> Result<Self, LoadError> {
        let shares = Shares::load(file, &self.source_ids())?;
        Ok(Self {
            shares: OnceLock::from(shares),
            ..self
        })
    }

    /// The ids of every host's sources.
    pub fn source_ids(&self) -> HashSet<&str> {
        self.iter()
            .flat_map(|d| d.sources.iter().map(|s| s.id.as_str()))
            .collect()
    }

    /// Both hosts' datasets compiled into the binary, with the share estimates: Korea's
    /// read and validated now, Japan's and the estimates when first asked for.
    pub fn embedded() -> Result<Hosts, LoadError> {
        Ok(Self {
            korea: load_with(&embedded_files(), Some(Host::Korea), None)?,
            japan: OnceLock::new(),
            shares: OnceLock::new(),
        })
    }

    /// [`Hosts::embedded`], every file read and validated now, each problem reported
    /// (`sma-dash check`).
    pub fn embedded_all() -> Result<Hosts, LoadError> {
        Self::load(&embedded_files(), Some(&embedded_japan_files()))?
            .with_shares(&embedded_shares_file())
    }

    /// Korea's dataset in `dir`, Japan's in `dir/japan` where that folder exists, and
    /// the share estimates of `dir/shares.toml` where that file exists.
    pub fn load_dir(dir: &Path) -> Result<Hosts, LoadError> {
        let japan_dir = dir.join(JAPAN_DIR);
        let korea = read_dir(dir);
        let japan = japan_dir.is_dir().then(|| read_dir(&japan_dir));
        let with_shares = |hosts: Hosts| match shares_file(dir)? {
            Some(file) => hosts.with_shares(&file),
            None => Ok(hosts),
        };
        match (korea, japan) {
            (Ok(k), None) => with_shares(Self::load(&k, None)?),
            (Ok(k), Some(Ok(j))) => with_shares(Self::load(&k, Some(&j))?),
            (k, j) => {
                // Report every file that could not be read, of both hosts.
                let mut errors = LoadError::default();
                for e in [k.err(), j.and_then(Result::err)].into_iter().flatten() {
                    e.diagnostics.into_iter().for_each(|d| errors.push(d));
                }
                Err(errors)
            }
        }
    }

    /// Loads Korea's files and, where given, Japan's; every problem of both is reported.
    pub fn load(korea: &[DataFile], japan: Option<&[DataFile]>) -> Result<Hosts, LoadError> {
        let korea = load_with(korea, Some(Host::Korea), None);
        let japan = japan.map(|files| load_with(files, Some(Host::Japan), korea.as_ref().ok()));
        match (korea, japan) {
            (Ok(korea), None) => Ok(Self::korea_only(korea)),
            (Ok(korea), Some(Ok(japan))) => Ok(Self::of(korea, Some(japan), Shares::default())),
            (k, j) => {
                let mut errors = LoadError::default();
                for e in [k.err(), j.and_then(Result::err)].into_iter().flatten() {
                    errors.more += e.more;
                    e.diagnostics.into_iter().for_each(|d| errors.push(d));
                }
                Err(errors)
            }
        }
    }

    /// Japan's dataset, where the program has one: the embedded one is read and
    /// validated the first time it is asked for.
    pub fn japan(&self) -> Option<&Dataset> {
        self.japan
            .get_or_init(|| {
                let files = embedded_japan_files();
                let japan = load_with(&files, Some(Host::Japan), Some(&self.korea));
                Some(japan.expect("Japan's embedded files load (a test checks them)"))
            })
            .as_ref()
    }

    /// Whether the program has Japan's dataset, read yet or not.
    pub fn has_japan(&self) -> bool {
        self.japan.get().is_none_or(Option::is_some)
    }

    /// Whether Japan's dataset, where there is one, has been read.
    pub fn japan_read(&self) -> bool {
        self.japan.get().is_some()
    }

    /// Japan's dataset set to `japan` (a test's or a bench's own).
    pub fn set_japan(&mut self, japan: Option<Dataset>) {
        self.japan = OnceLock::from(japan);
    }

    /// The share estimates: the embedded ones are read and checked against both hosts'
    /// sources the first time they are asked for.
    pub fn shares(&self) -> &Shares {
        self.shares.get_or_init(|| {
            let shares = Shares::load(&embedded_shares_file(), &self.source_ids());
            shares.expect("the embedded share estimates load (a test checks them)")
        })
    }

    /// The dataset of `host`, where the program has one.
    pub fn get(&self, host: Host) -> Option<&Dataset> {
        match host {
            Host::Korea => Some(&self.korea),
            Host::Japan => self.japan(),
        }
    }

    /// Whether the program has `host`'s dataset, read yet or not.
    pub fn has(&self, host: Host) -> bool {
        match host {
            Host::Korea => true,
            Host::Japan => self.has_japan(),
        }
    }

    /// The datasets present, Korea first.
    pub fn iter(&self) -> impl Iterator<Item = &Dataset> {
        std::iter::once(&self.korea).chain(self.japan())
    }
}

/// `dir/shares.toml`, where it exists.
fn shares_file(dir: &Path) -> Result<Option<DataFile>, LoadError> {
    let path = dir.join(SHARES_FILE);
    if !path.exists() {
        return Ok(None);
    }
    let shown_as = path.display().to_string();
    let mut errors = LoadError::default();
    match super::file::read_text(&path, MAX_FILE_BYTES) {
        Ok(Ok(text)) => {
            return Ok(Some(DataFile {
                name: SHARES_FILE,
                shown_as,
                text,
            }));
        }
        Ok(Err(_)) => errors.push(Diagnostic::whole_file(
            &shown_as,
            "expected UTF-8 text, found invalid bytes",
        )),
        Err(e) => errors.push(Diagnostic::whole_file(
            &shown_as,
            format!("cannot read the file: {e}"),
        )),
    }
    Err(errors)
}

/// The host `files` say they record (`[dataset] host`), Korea where they say none; where
/// they must be `expect`'s and say another, that is reported at the field.
pub(crate) fn declared_host(
    files: &[DataFile],
    expect: Option<Host>,
    errors: &mut LoadError,
) -> Host {
    let Some(file) = files.iter().find(|f| f.name == "dataset.toml") else {
        return expect.unwrap_or_default();
    };
    // A file that does not parse is reported by the loader; here it says nothing.
    let Ok(root) = DeTable::parse(&file.text) else {
        return expect.unwrap_or_default();
    };
    let field = root
        .get_ref()
        .get("dataset")
        .and_then(|d| d.get_ref().get("host"));
    let declared = field.and_then(|v| v.get_ref().as_str());
    let host = declared.map_or(Some(Host::default()), Host::from_key);
    match (host, expect) {
        (Some(h), Some(e)) if h != e => {
            let span = field.map_or(0..0, |v| v.span());
            errors.push(Diagnostic::at(
                &file.shown_as,
                &file.text,
                span,
                format!(
                    "expected host = \"{}\" ({}'s files), found \"{}\"",
                    e.key(),
                    e.name(),
                    h.key()
                ),
            ));
            e
        }
        // An unknown key is reported where the dataset table is read.
        (h, e) => h.or(e).unwrap_or_default(),
    }
}

/// The ids of the sources `shared`'s US CPI-U cites.
pub(crate) fn shared_source_ids(shared: &Dataset) -> HashSet<String> {
    shared
        .us_cpi
        .iter()
        .flat_map(|c| c.sources.iter().cloned())
        .collect()
}

/// A host's own source may not take an id that the shared series' sources have: one id,
/// one source, in every dataset.
pub(crate) fn check_shared_ids(
    sources: &[Located<'_, Source>],
    shared: &Dataset,
    errors: &mut LoadError,
) {
    let taken = shared_source_ids(shared);
    for r in sources.iter().filter(|r| taken.contains(&r.value.id)) {
        errors.push(r.at.error(
            "id",
            format!(
                "expected an id not taken by the sources of {}'s US CPI-U, which this dataset shares, found \"{}\"",
                shared.info.host.name(),
                r.value.id
            ),
        ));
    }
}

/// Gives `dataset` the US CPI-U of `shared`, and the sources that series cites.
pub(crate) fn share_us_cpi(dataset: &mut Dataset, shared: &Dataset) {
    let ids = shared_source_ids(shared);
    dataset.us_cpi.clone_from(&shared.us_cpi);
    dataset.sources.extend(
        shared
            .sources
            .iter()
            .filter(|s| ids.contains(&s.id))
            .cloned(),
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    fn embedded() -> Hosts {
        Hosts::embedded().unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn both_embedded_hosts_load_and_japan_shares_korea_s_us_cpi() {
        let hosts = embedded();
        let japan = hosts.japan().expect("Japan's files are embedded");
        assert_eq!(hosts.korea.info.host, Host::Korea);
        assert_eq!(japan.info.host, Host::Japan);
        assert!(!japan.us_cpi.is_empty());
        assert_eq!(japan.us_cpi, hosts.korea.us_cpi);
        // Every source the shared series cites resolves in Japan's dataset, once.
        for c in &japan.us_cpi {
            for id in &c.sources {
                assert_eq!(
                    japan.sources.iter().filter(|s| &s.id == id).count(),
                    1,
                    "{id}"
                );
            }
        }
        // Korea's dataset is the one `Dataset::embedded` gives.
        assert_eq!(hosts.korea, Dataset::embedded().unwrap());
        assert_eq!(hosts.iter().count(), 2);
    }

    #[test]
    fn the_embedded_japan_and_shares_are_read_when_first_asked_for() {
        let hosts = embedded();
        assert!(hosts.has_japan() && hosts.has(Host::Japan) && !hosts.japan_read());
        assert!(hosts.shares.get().is_none());
        // Korea's sources alone: nothing of Japan's read.
        assert_eq!(hosts.get(Host::Korea), Some(&hosts.korea));
        assert!(!hosts.japan_read());
        assert!(!hosts.shares().estimates.is_empty());
        assert!(hosts.japan_read(), "the estimates cite Japan's sources");
        // The same as everything read and checked at once.
        let all = Hosts::embedded_all().unwrap();
        assert!(all.japan_read() && all.shares.get().is_some());
        assert_eq!(hosts, all);
        assert_eq!(hosts.japan(), all.japan());
        // Korea alone, or read from files: nothing left to read.
        let korea = Hosts::korea_only(hosts.korea.clone());
        assert!(!korea.has_japan() && korea.japan_read() && korea.japan().is_none());
    }

    /// A copy of `assets/` (with `japan/` and the share estimates, which cite Japan's
    /// sources too, where `with_japan`) in a new folder.
    fn copy_of_assets(with_japan: bool) -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        let assets = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets");
        for f in embedded_files() {
            std::fs::copy(assets.join(f.name), dir.path().join(f.name)).unwrap();
        }
        if with_japan {
            std::fs::copy(assets.join(SHARES_FILE), dir.path().join(SHARES_FILE)).unwrap();
            std::fs::create_dir(dir.path().join(JAPAN_DIR)).unwrap();
            for f in embedded_japan_files() {
                let from = assets.join(JAPAN_DIR).join(f.name);
                std::fs::copy(from, dir.path().join(JAPAN_DIR).join(f.name)).unwrap();
            }
        }
        dir
    }

    #[test]
    fn a_folder_loads_with_or_without_japan_s_files() {
        let both = Hosts::load_dir(copy_of_assets(true).path()).unwrap();
        assert_eq!(both, embedded());
        assert!(!both.shares().estimates.is_empty());
        let korea = Hosts::load_dir(copy_of_assets(false).path()).unwrap();
        assert_eq!(korea, Hosts::korea_only(Dataset::embedded().unwrap()));
        assert!(korea.get(Host::Japan).is_none());
    }

    #[test]
    fn a_missing_file_of_japan_s_is_reported_with_its_path() {
        let dir = copy_of_assets(true);
        std::fs::remove_file(dir.path().join("japan/troops.toml")).unwrap();
        let err = Hosts::load_dir(dir.path()).unwrap_err();
        assert_eq!(err.diagnostics.len(), 1, "{err}");
        assert!(
            err.diagnostics[0].file.ends_with("japan/troops.toml"),
            "{err}"
        );
    }

    #[test]
    fn files_in_japan_s_folder_must_say_they_are_japan_s() {
        let dir = copy_of_assets(true);
        let path = dir.path().join("japan/dataset.toml");
        let text = std::fs::read_to_string(&path).unwrap();
        std::fs::write(&path, text.replace("host = \"jp\"", "host = \"kr\"")).unwrap();
        let err = Hosts::load_dir(dir.path()).unwrap_err();
        let d = &err.diagnostics[0];
        let line = text.lines().position(|l| l.starts_with("host =")).unwrap() + 1;
        assert_eq!(
            (d.line, d.column, d.message.as_str()),
            (
                line,
                8,
                "expected host = \"jp\" (Japan's files), found \"kr\""
            ),
            "{err}"
        );
    }
}
