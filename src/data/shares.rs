//! The published estimates of what each host pays against what US forces there cost
//! (`assets/shares.toml`), each with its definition, and Germany's troop counts as a
//! third point of comparison.
//!
//! The estimates are point figures under different definitions (a share of US
//! non-personnel cost, of DoD obligations including military pay, a figure with no
//! definition at all): each record carries its definition with it, so that no front end
//! can show a value without saying what it is a share of.

use std::collections::HashSet;

use serde::Deserialize;

use super::diagnostic::LoadError;
use super::load::{At, DataFile, Located, ParsedFile};
use super::model::Confidence;
use super::validate::{
    MAX_LINE_CHARS, MAX_SOURCES_PER_RECORD, MAX_TEXT_CHARS, check_amount, check_length, check_year,
    check_year_series, unique_ids,
};

/// The file's name and the tables it may hold.
pub const SHARES_FILE: &str = "shares.toml";
const TABLES: [&str; 2] = ["share", "de_troops"];

const EMBEDDED: &str = include_str!("../../assets/shares.toml");

/// A country an estimate is about: the two hosts with a dataset, and Germany, which
/// has none (only these estimates and its troop counts).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize)]
pub enum Country {
    #[serde(rename = "kr")]
    Korea,
    #[serde(rename = "jp")]
    Japan,
    #[serde(rename = "de")]
    Germany,
}

impl Country {
    pub fn key(self) -> &'static str {
        match self {
            Country::Korea => "kr",
            Country::Japan => "jp",
            Country::Germany => "de",
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Country::Korea => "Korea",
            Country::Japan => "Japan",
            Country::Germany => "Germany",
        }
    }
}

/// Which year a data year is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum YearBasis {
    Calendar,
    /// The US fiscal year, October to September.
    UsFiscal,
    /// The Japanese fiscal year, April to March.
    JapanFiscal,
    /// The source does not say.
    NotStated,
}

impl YearBasis {
    pub fn key(self) -> &'static str {
        match self {
            YearBasis::Calendar => "calendar",
            YearBasis::UsFiscal => "us-fiscal",
            YearBasis::JapanFiscal => "japan-fiscal",
            YearBasis::NotStated => "not-stated",
        }
    }

    /// "2002", "FY1995 (US, Oct 1994–Sep 1995)", "FY2015 (Japan, Apr 2015–Mar 2016)",
    /// "2016–19", "2018 (year basis not stated)".
    pub fn label(self, from: i32, to: Option<i32>) -> String {
        let span = |prefix: &str| match to {
            Some(to) if to != from => {
                if from.div_euclid(100) == to.div_euclid(100) {
                    format!("{prefix}{from}–{:02}", to.rem_euclid(100))
                } else {
                    format!("{prefix}{from}–{to}")
                }
            }
            _ => format!("{prefix}{from}"),
        };
        match (self, to) {
            (YearBasis::Calendar, _) => span(""),
            (YearBasis::UsFiscal, None) => {
                format!("FY{from} (US, Oct {}–Sep {from})", from - 1)
            }
            (YearBasis::UsFiscal, Some(_)) => format!("{} (US fiscal years)", span("FY")),
            (YearBasis::JapanFiscal, None) => {
                format!("FY{from} (Japan, Apr {from}–Mar {})", from + 1)
            }
            (YearBasis::JapanFiscal, Some(_)) => {
                format!("{} (Japanese fiscal years)", span("FY"))
            }
            (YearBasis::NotStated, _) => format!("{} (year basis not stated)", span("")),
        }
    }

    /// The year in a list's column, its basis in a few letters that [`SHORT_LEGEND`]
    /// explains: "2002", "FY1995 US", "FY2015 JP", "FY2016–19 US", "2018 n/s".
    pub fn short(self, from: i32, to: Option<i32>) -> String {
        let years = match to {
            Some(to) if to != from && from.div_euclid(100) == to.div_euclid(100) => {
                format!("{from}–{:02}", to.rem_euclid(100))
            }
            Some(to) if to != from => format!("{from}–{to}"),
            _ => from.to_string(),
        };
        match self {
            YearBasis::Calendar => years,
            YearBasis::UsFiscal => format!("FY{years} US"),
            YearBasis::JapanFiscal => format!("FY{years} JP"),
            YearBasis::NotStated => format!("{years} n/s"),
        }
    }
}

/// What the letters of [`YearBasis::short`] stand for.
pub const SHORT_LEGEND: &str = "FY US: US fiscal year (Oct–Sep); FY JP: Japanese fiscal year (Apr–Mar); n/s: the source states no year basis";

impl YearBasis {}

/// Whether a part of the cost is counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Inclusion {
    Included,
    Excluded,
    NotStated,
}

impl Inclusion {
    pub fn key(self) -> &'static str {
        match self {
            Inclusion::Included => "included",
            Inclusion::Excluded => "excluded",
            Inclusion::NotStated => "not stated",
        }
    }
}

/// The currency of an estimate's amounts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Money {
    Usd,
    Eur,
    Jpy,
}

impl Money {
    /// "$1,100 m", "€982.4 m", "¥191,000 m".
    pub fn amount(self, millions: f64) -> String {
        let digits = if millions.fract().abs() > 1e-9 { 2 } else { 0 };
        let digits = if (millions * 10.0).fract().abs() < 1e-9 && digits == 2 {
            1
        } else {
            digits
        };
        let sign = match self {
            Money::Usd => "$",
            Money::Eur => "€",
            Money::Jpy => "¥",
        };
        format!("{sign}{} m", crate::numbers::thousands(millions, digits))
    }

    pub fn key(self) -> &'static str {
        match self {
            Money::Usd => "usd",
            Money::Eur => "eur",
            Money::Jpy => "jpy",
        }
    }
}

/// How a share follows from the amounts a source gives.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
pub enum Formula {
    /// The host's support over the total the source gives.
    #[serde(rename = "host/total")]
    HostOverTotal,
    /// The host's support over that support plus the US cost.
    #[serde(rename = "host/(host+us)")]
    HostOverHostPlusUs,
    /// The host's support over the US cost: a ratio, not a share of a total.
    #[serde(rename = "host/us")]
    HostOverUs,
}

impl Formula {
    pub fn key(self) -> &'static str {
        match self {
            Formula::HostOverTotal => "host/total",
            Formula::HostOverHostPlusUs => "host/(host+us)",
            Formula::HostOverUs => "host/us",
        }
    }

    /// The percentage from the amounts, where the ones it needs are given.
    pub fn apply(self, host: Option<f64>, us: Option<f64>, total: Option<f64>) -> Option<f64> {
        let (num, den) = match self {
            Formula::HostOverTotal => (host?, total?),
            Formula::HostOverHostPlusUs => (host?, host? + us?),
            Formula::HostOverUs => (host?, us?),
        };
        (den > 0.0).then(|| num / den * 100.0)
    }
}

/// One published estimate, with what it measures.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ShareEstimate {
    pub id: String,
    pub host: Country,
    /// The data year, or the first year of a span.
    pub year: i32,
    /// The last year of a span.
    #[serde(default)]
    pub to: Option<i32>,
    pub year_basis: YearBasis,
    /// The measure's name.
    pub measure: String,
    /// What it is, in plain words.
    pub definition: String,
    /// What the numerator holds, in words.
    #[serde(default)]
    pub numerator: Option<String>,
    /// What the denominator holds, in words.
    #[serde(default)]
    pub denominator: Option<String>,
    /// Whether US military pay is in the US cost.
    pub us_military_pay: Inclusion,
    /// Whether the host's indirect support (forgone rents, waived taxes) is counted.
    pub host_indirect_support: Inclusion,
    #[serde(default)]
    pub value_pct: Option<f64>,
    /// The value is "about" this.
    #[serde(default)]
    pub approximate: bool,
    /// The source's words, where it gives words rather than (or beside) a number.
    #[serde(default)]
    pub quoted: Option<String>,
    #[serde(default)]
    pub currency: Option<Money>,
    /// The host's support, in millions of `currency`.
    #[serde(default)]
    pub host_m: Option<f64>,
    /// The US cost, in millions of `currency`.
    #[serde(default)]
    pub us_m: Option<f64>,
    /// The denominator as the source gives it, in millions of `currency`.
    #[serde(default)]
    pub total_m: Option<f64>,
    #[serde(default)]
    pub formula: Option<Formula>,
    pub sources: Vec<String>,
    pub confidence: Confidence,
    #[serde(default)]
    pub note: Option<String>,
}

impl ShareEstimate {
    /// The data year as a reader needs it: "2002", "FY2015 (Japan, Apr 2015–Mar 2016)".
    pub fn year_label(&self) -> String {
        self.year_basis.label(self.year, self.to)
    }

    /// "74.5 %", "about 45 %", "a little less than half of the total cost", or "" where
    /// the record gives only amounts.
    pub fn value_label(&self) -> String {
        match (self.value_pct, &self.quoted) {
            (Some(v), _) => {
                let about = if self.approximate { "about " } else { "" };
                format!("{about}{} %", trim_number(v))
            }
            (None, Some(q)) => q.clone(),
            (None, None) => String::new(),
        }
    }

    /// The value, else the amounts the source gives where it gives no share: "74.5 %",
    /// "host $1,700 m, US $5,700 m", "host $907 m", "US cost $5,500 m".
    pub fn value_or_amounts(&self) -> String {
        let value = self.value_label();
        if !value.is_empty() {
            return value;
        }
        match (self.host_amount(), self.us_amount()) {
            (Some(host), Some(us)) => format!("host {host}, US {us}"),
            (Some(host), None) => format!("host {host}"),
            (None, Some(us)) => format!("US cost {us}"),
            (None, None) => String::new(),
        }
    }

    /// Whether US military pay is in the US cost and the host's indirect support in
    /// its share: "US military pay excluded · host's indirect support included".
    pub fn inclusions(&self) -> String {
        format!(
            "US military pay {} · host's indirect support {}",
            self.us_military_pay.key(),
            self.host_indirect_support.key()
        )
    }

    /// The amount in the numerator, in words with its currency: "$4,411.34 m".
    pub fn host_amount(&self) -> Option<String> {
        Some(self.currency?.amount(self.host_m?))
    }

    /// The US cost, in words with its currency.
    pub fn us_amount(&self) -> Option<String> {
        Some(self.currency?.amount(self.us_m?))
    }

    /// The denominator's amount where the record gives it or its formula makes it:
    /// the total, or the host's support plus the US cost.
    pub fn denominator_m(&self) -> Option<f64> {
        match self.formula {
            Some(Formula::HostOverHostPlusUs) => Some(self.host_m? + self.us_m?),
            Some(Formula::HostOverUs) => self.us_m,
            _ => self.total_m,
        }
    }
}

/// "74.5", "76", "9.9": as written.
fn trim_number(v: f64) -> String {
    let s = format!("{v:.2}");
    s.trim_end_matches('0').trim_end_matches('.').to_string()
}

/// US active-duty military in Germany on 30 September (DMDC).
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GermanyTroops {
    pub year: i32,
    pub active_duty: u32,
    #[serde(default)]
    pub army: Option<u32>,
    #[serde(default)]
    pub usaf: Option<u32>,
    #[serde(default)]
    pub usmc: Option<u32>,
    /// With DoD civilians, where the report gives it (from 2008).
    #[serde(default)]
    pub grand_total: Option<u32>,
    /// The count is not comparable with the one before (a change in what was counted).
    #[serde(default)]
    pub series_break: bool,
    pub sources: Vec<String>,
    pub confidence: Confidence,
    #[serde(default)]
    pub note: Option<String>,
}

/// Every estimate and Germany's troop counts, validated.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Shares {
    /// In the file's order.
    pub estimates: Vec<ShareEstimate>,
    /// Ascending by year.
    pub germany_troops: Vec<GermanyTroops>,
}

/// The file compiled into the binary.
pub fn embedded_file() -> DataFile {
    DataFile {
        name: SHARES_FILE,
        shown_as: format!("assets/{SHARES_FILE}"),
        text: EMBEDDED.to_string(),
    }
}

impl Shares {
    /// Parses and validates `file`; each source id must be one of `sources` (the ids of
    /// every host's sources table).
    pub fn load(file: &DataFile, sources: &HashSet<&str>) -> Result<Shares, LoadError> {
        let mut errors = LoadError::default();
        let Some(parsed) = ParsedFile::parse(file, &TABLES, None, &mut errors) else {
            return Err(errors);
        };
        let estimates: Vec<Located<ShareEstimate>> = parsed.records("share", &mut errors);
        let troops: Vec<Located<GermanyTroops>> = if parsed.has("de_troops") {
            parsed.records("de_troops", &mut errors)
        } else {
            Vec::new()
        };
        unique_ids(estimates.iter().map(|r| (&r.value.id, r.at)), &mut errors);
        for r in &estimates {
            check_estimate(&r.value, r.at, sources, &mut errors);
        }
        check_year_series(troops.iter().map(|r| (r.value.year, r.at)), &mut errors);
        for r in &troops {
            check_sources(&r.value.sources, r.at, sources, &mut errors);
            check_length("note", &r.value.note, MAX_TEXT_CHARS, r.at, &mut errors);
            if r.value.active_duty == 0 {
                errors.push(r.at.error("active_duty", "expected a count above 0, found 0"));
            }
        }
        if !errors.is_empty() {
            errors
                .diagnostics
                .sort_by(|a, b| (&a.file, a.line, a.column).cmp(&(&b.file, b.line, b.column)));
            return Err(errors);
        }
        let mut shares = Shares {
            estimates: estimates.into_iter().map(|r| r.value).collect(),
            germany_troops: troops.into_iter().map(|r| r.value).collect(),
        };
        shares.make_printable();
        Ok(shares)
    }

    /// The estimates about `country`, in the file's order.
    pub fn about(&self, country: Country) -> impl Iterator<Item = &ShareEstimate> {
        self.estimates.iter().filter(move |e| e.host == country)
    }

    /// One line for `check`: "45 share estimates (Korea 20, Japan 17, Germany 8; 4
    /// derived, 2 uncertain); Germany's troops: 10 counts, 2000–2025, a break in 2008".
    pub fn summary(&self) -> String {
        let count =
            |f: &dyn Fn(&ShareEstimate) -> bool| self.estimates.iter().filter(|e| f(e)).count();
        let by_country = [Country::Korea, Country::Japan, Country::Germany]
            .map(|c| format!("{} {}", c.name(), count(&|e| e.host == c)))
            .join(", ");
        let mut line = format!(
            "{} share estimates ({by_country}; {} derived, {} uncertain)",
            self.estimates.len(),
            count(&|e| e.confidence == Confidence::Derived),
            count(&|e| e.confidence == Confidence::Uncertain),
        );
        if let (Some(first), Some(last)) = (self.germany_troops.first(), self.germany_troops.last())
        {
            let breaks: Vec<String> = self
                .germany_troops
                .iter()
                .filter(|t| t.series_break)
                .map(|t| t.year.to_string())
                .collect();
            line.push_str(&format!(
                "; Germany's troops: {} counts, {}–{}",
                self.germany_troops.len(),
                first.year,
                last.year
            ));
            if !breaks.is_empty() {
                line.push_str(&format!(", a break in {}", breaks.join(", ")));
            }
        }
        line
    }

    fn make_printable(&mut self) {
        let clean = |s: &mut String| {
            if let std::borrow::Cow::Owned(c) = super::printable::printable(s, true) {
                *s = c;
            }
        };
        for e in &mut self.estimates {
            for s in [&mut e.measure, &mut e.definition] {
                clean(s);
            }
            for s in [
                &mut e.numerator,
                &mut e.denominator,
                &mut e.quoted,
                &mut e.note,
            ] {
                s.iter_mut().for_each(clean);
            }
        }
        for t in &mut self.germany_troops {
            t.note.iter_mut().for_each(clean);
        }
    }
}

/// Each source cited once, and known to a host's sources table.
fn check_sources(ids: &[String], at: At, known: &HashSet<&str>, errors: &mut LoadError) {
    if ids.is_empty() {
        errors.push(at.error("sources", "expected at least one source id, found none"));
    }
    if ids.len() > MAX_SOURCES_PER_RECORD {
        errors.push(at.item_error(
            "sources",
            MAX_SOURCES_PER_RECORD,
            format!(
                "expected at most {MAX_SOURCES_PER_RECORD} sources for one record, found {}",
                ids.len()
            ),
        ));
        return;
    }
    let mut seen = HashSet::new();
    for (i, id) in ids.iter().enumerate() {
        if !seen.insert(id.as_str()) {
            errors.push(at.item_error(
                "sources",
                i,
                format!("expected each source once, found \"{id}\" again"),
            ));
        } else if !known.contains(id.as_str()) {
            errors.push(at.item_error(
                "sources",
                i,
                format!(
                    "expected a source id from a host's sources.toml (Korea's, or Japan's in japan/: a dataset folder without japan/ has Korea's alone), found unknown \"{id}\""
                ),
            ));
        }
    }
}

fn check_estimate(e: &ShareEstimate, at: At, sources: &HashSet<&str>, errors: &mut LoadError) {
    check_sources(&e.sources, at, sources, errors);
    check_year(e.year, "year", at, errors);
    if let Some(to) = e.to
        && check_year(to, "to", at, errors)
        && to < e.year
    {
        errors.push(at.error(
            "to",
            format!("expected `to` at or after year {}, found {to}", e.year),
        ));
    }
    check_length("measure", [&e.measure], MAX_LINE_CHARS, at, errors);
    for (field, text) in [("measure", &e.measure), ("definition", &e.definition)] {
        if text.trim().is_empty() {
            errors.push(at.error(field, format!("expected a non-empty {field}, found \"\"")));
        }
    }
    check_length("definition", [&e.definition], MAX_TEXT_CHARS, at, errors);
    for (field, text) in [
        ("numerator", &e.numerator),
        ("denominator", &e.denominator),
        ("quoted", &e.quoted),
    ] {
        check_length(field, text, MAX_LINE_CHARS, at, errors);
    }
    check_length("note", &e.note, MAX_TEXT_CHARS, at, errors);
    check_figures(e, at, errors);
}

/// The value and the amounts: something to show, a currency for amounts, and a formula
/// that reproduces the value from them.
fn check_figures(e: &ShareEstimate, at: At, errors: &mut LoadError) {
    let amounts = [
        ("host_m", e.host_m),
        ("us_m", e.us_m),
        ("total_m", e.total_m),
    ];
    for (field, v) in amounts {
        check_amount(v, field, at, errors);
    }
    let has_amount = amounts.iter().any(|(_, v)| v.is_some());
    if e.value_pct.is_none() && e.quoted.is_none() && !has_amount {
        errors.push(at.error(
            "value_pct",
            "expected value_pct, quoted, or an amount (host_m, us_m, total_m), found none",
        ));
    }
    match (e.currency, has_amount) {
        (None, true) => errors.push(at.error(
            "currency",
            "expected a currency (\"usd\", \"eur\" or \"jpy\") for the amounts, found none",
        )),
        (Some(_), false) => errors.push(at.error(
            "currency",
            "expected host_m, us_m or total_m beside the currency, found none",
        )),
        _ => {}
    }
    if let Some(v) = e.value_pct {
        let most = if e.formula == Some(Formula::HostOverUs) {
            1000.0
        } else {
            100.0
        };
        if !v.is_finite() || v <= 0.0 || v > most {
            errors.push(at.error(
                "value_pct",
                format!("expected a percentage above 0 and at most {most}, found {v}"),
            ));
        }
    }
    if e.confidence == Confidence::Derived && (e.formula.is_none() || e.value_pct.is_none()) {
        errors.push(at.error(
            "formula",
            "expected a derived estimate to give value_pct and the formula it is derived by, found none",
        ));
    }
    let Some(formula) = e.formula else { return };
    let Some(computed) = formula.apply(e.host_m, e.us_m, e.total_m) else {
        errors.push(at.error(
            "formula",
            format!(
                "expected the amounts {} needs, found them missing",
                formula.key()
            ),
        ));
        return;
    };
    if let Some(v) = e.value_pct
        && (computed - v).abs() > tolerance(v)
    {
        errors.push(at.error(
            "value_pct",
            format!(
                "expected the value {} gives from the amounts ({computed:.2}), found {v}",
                formula.key()
            ),
        ));
    }
}

/// Half a unit of the last digit written: 76 stands for 75.5 to 76.5, 37.6 for 37.55 to
/// 37.65.
fn tolerance(v: f64) -> f64 {
    if (v.fract()).abs() < 1e-9 {
        0.5
    } else if ((v * 10.0).fract()).abs() < 1e-9 {
        0.05
    } else {
        0.005
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(text: &str) -> DataFile {
        DataFile {
            name: SHARES_FILE,
            shown_as: "mydata/shares.toml".into(),
            text: text.into(),
        }
    }

    const GOOD: &str = r#"
[[share]]
id = "gao-jp-share"
host = "jp"
year = 2016
to = 2019
year_basis = "us-fiscal"
measure = "Host share of DoD obligations plus host direct support"
definition = "Direct support over DoD obligations plus that support; US military pay in."
us_military_pay = "included"
host_indirect_support = "excluded"
value_pct = 37.6
currency = "usd"
host_m = 12600
us_m = 20900
formula = "host/(host+us)"
sources = ["R64"]
confidence = "derived"

[[de_troops]]
year = 2007
active_duty = 57080
sources = ["J74"]
confidence = "single"
"#;

    fn known() -> HashSet<&'static str> {
        ["R64", "J74", "R02"].into_iter().collect()
    }

    fn errors(text: &str) -> Vec<String> {
        Shares::load(&file(text), &known())
            .expect_err("the file is refused")
            .diagnostics
            .iter()
            .map(ToString::to_string)
            .collect()
    }

    #[test]
    fn a_good_file_loads_with_its_definitions() {
        let s = Shares::load(&file(GOOD), &known()).unwrap();
        let e = &s.estimates[0];
        assert_eq!(e.value_pct, Some(37.6));
        assert_eq!(e.us_military_pay, Inclusion::Included);
        assert_eq!(e.denominator_m(), Some(33_500.0));
        assert_eq!(e.year_label(), "FY2016–19 (US fiscal years)");
        assert_eq!(s.germany_troops[0].active_duty, 57_080);
        assert_eq!(
            s.summary(),
            "1 share estimates (Korea 0, Japan 1, Germany 0; 1 derived, 0 uncertain); Germany's troops: 1 counts, 2007–2007"
        );
    }

    #[test]
    fn a_broken_file_is_refused_at_file_line_and_column() {
        // A value the formula does not give on line 12, an unknown source on line 17.
        let broken = GOOD
            .replace("value_pct = 37.6", "value_pct = 47.6")
            .replace("sources = [\"R64\"]", "sources = [\"R99\"]");
        let got = errors(&broken);
        assert_eq!(got.len(), 2, "{got:#?}");
        assert!(
            got[0].starts_with(
                "mydata/shares.toml:12:13: expected the value host/(host+us) gives from the amounts (37.61), found 47.6"
            ),
            "{got:#?}"
        );
        assert!(
            got[1].starts_with(
                "mydata/shares.toml:17:12: expected a source id from a host's sources.toml"
            ),
            "{got:#?}"
        );
        let typo = GOOD.replace(
            "us_military_pay = \"included\"",
            "us_military_pay = \"yes\"",
        );
        assert_eq!(
            errors(&typo),
            [
                "mydata/shares.toml:10:19: expected one of `included`, `excluded`, `not-stated`, found unknown value `yes`"
            ]
        );
        let no_value = GOOD
            .replace("value_pct = 37.6\n", "")
            .replace("currency = \"usd\"\nhost_m = 12600\nus_m = 20900\n", "")
            .replace("formula = \"host/(host+us)\"\n", "")
            .replace("confidence = \"derived\"", "confidence = \"single\"");
        assert_eq!(
            errors(&no_value),
            [
                "mydata/shares.toml:2:1: expected value_pct, quoted, or an amount (host_m, us_m, total_m), found none"
            ]
        );
        let syntax = GOOD.replace("year = 2016", "year = ");
        assert!(
            errors(&syntax)[0].starts_with("mydata/shares.toml:5:8: TOML syntax"),
            "{:?}",
            errors(&syntax)
        );
    }

    #[test]
    fn a_derived_estimate_needs_its_formula() {
        let got = errors(&GOOD.replace("formula = \"host/(host+us)\"\n", ""));
        assert_eq!(got.len(), 1, "{got:#?}");
        assert!(got[0].contains("expected a derived estimate to give value_pct and the formula"));
    }

    #[test]
    fn year_labels_name_the_fiscal_year() {
        assert_eq!(
            YearBasis::JapanFiscal.label(2015, None),
            "FY2015 (Japan, Apr 2015–Mar 2016)"
        );
        assert_eq!(
            YearBasis::UsFiscal.label(1995, None),
            "FY1995 (US, Oct 1994–Sep 1995)"
        );
        assert_eq!(YearBasis::Calendar.label(2010, Some(2019)), "2010–19");
        assert_eq!(
            YearBasis::NotStated.label(2018, None),
            "2018 (year basis not stated)"
        );
        // The list's column: short, its letters explained by the legend.
        assert_eq!(YearBasis::UsFiscal.short(2016, Some(2019)), "FY2016–19 US");
        assert_eq!(YearBasis::JapanFiscal.short(2015, None), "FY2015 JP");
        assert_eq!(YearBasis::Calendar.short(1998, Some(2003)), "1998–2003");
        assert_eq!(YearBasis::NotStated.short(2018, Some(2018)), "2018 n/s");
        for letters in ["FY US", "FY JP", "n/s"] {
            assert!(SHORT_LEGEND.contains(letters));
        }
    }
}
