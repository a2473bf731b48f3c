//! The domain model: what the TOML files in `assets/` hold, once loaded and validated.
//!
//! Amounts keep the units the sources publish: Korean contributions in 100 million won
//! (억원), as the Ministry of Foreign Affairs announces them; dollars in millions.

use serde::{Deserialize, Serialize};

use super::date::FuzzyDate;

/// How well a figure or event is attested.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Confidence {
    /// Two or more independent sources agree.
    Confirmed,
    /// One source only.
    Single,
    /// Sources conflict, or the value is uncertain.
    Uncertain,
    /// Computed from other sourced figures.
    Derived,
}

impl Confidence {
    pub fn label(self) -> &'static str {
        match self {
            Confidence::Confirmed => "confirmed",
            Confidence::Single => "single source",
            Confidence::Uncertain => "uncertain",
            Confidence::Derived => "derived",
        }
    }
}

/// The country hosting US forces whose support a dataset records. Every dataset has one
/// schema; the host says what its local currency and its year are.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
pub enum Host {
    /// South Korea: won, calendar years.
    #[default]
    #[serde(rename = "kr")]
    Korea,
    /// Japan: yen, Japanese fiscal years (1 April to 31 March).
    #[serde(rename = "jp")]
    Japan,
}

impl Host {
    pub const ALL: [Host; 2] = [Host::Korea, Host::Japan];

    /// As files and the command line write it: `kr`, `jp`.
    pub fn key(self) -> &'static str {
        match self {
            Host::Korea => "kr",
            Host::Japan => "jp",
        }
    }

    pub fn from_key(key: &str) -> Option<Host> {
        Self::ALL.into_iter().find(|h| h.key() == key)
    }

    pub fn name(self) -> &'static str {
        match self {
            Host::Korea => "Korea",
            Host::Japan => "Japan",
        }
    }

    /// The local currency in words: "won", "yen".
    pub fn currency(self) -> &'static str {
        match self {
            Host::Korea => "won",
            Host::Japan => "yen",
        }
    }

    /// The local currency's sign: "₩", "¥".
    pub fn symbol(self) -> &'static str {
        match self {
            Host::Korea => "₩",
            Host::Japan => "¥",
        }
    }

    /// The unit the host's sources publish amounts in, 100 million: "억원", "億円".
    pub fn unit_100m(self) -> &'static str {
        match self {
            Host::Korea => "억원",
            Host::Japan => "億円",
        }
    }

    /// The country as a title names it: "South Korea", "Japan".
    pub fn country(self) -> &'static str {
        match self {
            Host::Korea => "South Korea",
            Host::Japan => "Japan",
        }
    }

    /// What its series is, as a title names it: Korea's SMA total, Japan's HNS total
    /// (facts: compare the one with the other, not with Japan's SMA portion).
    pub fn series_name(self) -> &'static str {
        match self {
            Host::Korea => "Korea's SMA contribution",
            Host::Japan => "Japan's host-nation support",
        }
    }

    /// The adjective, as an index or a budget is named: "Korean", "Japanese".
    pub fn adjective(self) -> &'static str {
        match self {
            Host::Korea => "Korean",
            Host::Japan => "Japanese",
        }
    }

    /// The local currency's code as the files' field names use it: `krw`, `jpy`.
    pub fn currency_key(self) -> &'static str {
        match self {
            Host::Korea => "krw",
            Host::Japan => "jpy",
        }
    }

    /// Whether the host's amounts are by fiscal year rather than calendar year.
    pub fn fiscal_years(self) -> bool {
        self == Host::Japan
    }

    /// A year as it must be shown beside calendar years: "2022" for Korea, "FY2022"
    /// for Japan (April 2022 to March 2023).
    pub fn year_label(self, year: i32) -> String {
        if self.fiscal_years() {
            format!("FY{year}")
        } else {
            year.to_string()
        }
    }
}

/// One entry of the sources table, cited by id from every figure and event.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub id: String,
    pub title: String,
    pub publisher: String,
    #[serde(default)]
    pub date: Option<FuzzyDate>,
    #[serde(default)]
    pub url: Option<String>,
    /// Why a source has no URL (print only, no public copy found): shown where the URL
    /// would be.
    #[serde(default)]
    pub no_url: Option<String>,
}

/// Named people on each side of an agreement.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Sides {
    /// The host's side (`rok` for Korea, `jp` for Japan, in TOML).
    #[serde(default, rename = "rok", alias = "jp")]
    pub host: Vec<String>,
    #[serde(default)]
    pub us: Vec<String>,
}

/// The milestones of one agreement, each where known.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Milestones {
    /// Agreed in principle or announced.
    #[serde(default)]
    pub agreed: Option<FuzzyDate>,
    #[serde(default)]
    pub initialed: Option<FuzzyDate>,
    #[serde(default)]
    pub signed: Option<FuzzyDate>,
    /// National Assembly consent to ratification.
    #[serde(default)]
    pub consent: Option<FuzzyDate>,
    #[serde(default)]
    pub in_force: Option<FuzzyDate>,
}

/// How well each milestone's date is attested, where it differs from the agreement's
/// confidence (a signing that rests on one source, say).
///
/// In TOML: `milestone_confidence = { signed = "single" }`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MilestoneConfidence {
    #[serde(default)]
    pub agreed: Option<Confidence>,
    #[serde(default)]
    pub initialed: Option<Confidence>,
    #[serde(default)]
    pub signed: Option<Confidence>,
    #[serde(default)]
    pub consent: Option<Confidence>,
    #[serde(default)]
    pub in_force: Option<Confidence>,
}

/// One milestone of an agreement, by the name its field has in `milestones`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Milestone {
    Agreed,
    Initialed,
    Signed,
    Consent,
    InForce,
}

impl Milestone {
    pub const ALL: [Milestone; 5] = [
        Milestone::Agreed,
        Milestone::Initialed,
        Milestone::Signed,
        Milestone::Consent,
        Milestone::InForce,
    ];

    /// The field's name in `milestones` and `milestone_confidence`.
    pub fn key(self) -> &'static str {
        match self {
            Milestone::Agreed => "agreed",
            Milestone::Initialed => "initialed",
            Milestone::Signed => "signed",
            Milestone::Consent => "consent",
            Milestone::InForce => "in_force",
        }
    }

    /// As a person reads it: "in force".
    pub fn label(self) -> &'static str {
        match self {
            Milestone::InForce => "in force",
            m => m.key(),
        }
    }
}

impl Milestones {
    pub fn get(&self, m: Milestone) -> Option<FuzzyDate> {
        match m {
            Milestone::Agreed => self.agreed,
            Milestone::Initialed => self.initialed,
            Milestone::Signed => self.signed,
            Milestone::Consent => self.consent,
            Milestone::InForce => self.in_force,
        }
    }
}

impl MilestoneConfidence {
    pub fn get(&self, m: Milestone) -> Option<Confidence> {
        match m {
            Milestone::Agreed => self.agreed,
            Milestone::Initialed => self.initialed,
            Milestone::Signed => self.signed,
            Milestone::Consent => self.consent,
            Milestone::InForce => self.in_force,
        }
    }
}

/// How an agreement sets each year's amount from the year before, as data.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "kebab-case", deny_unknown_fields)]
pub enum EscalationRule {
    /// A set amount for each year of the phase, in won or in dollars.
    Fixed {
        /// In 100 million of the host's currency (억원, 億円): `krw_100m` or
        /// `jpy_100m` in TOML.
        #[serde(default, rename = "krw_100m", alias = "jpy_100m")]
        local_100m: Option<f64>,
        #[serde(default)]
        usd_m: Option<f64>,
    },
    /// The prior year plus a fixed percentage.
    PercentStep { pct: f64 },
    /// The prior year times Korean CPI of `lag_years` earlier, at most `cap_pct`.
    CpiLinked {
        lag_years: u32,
        #[serde(default)]
        cap_pct: Option<f64>,
    },
    /// The prior year times the ROK defense-budget growth of `lag_years` earlier.
    DefenseBudgetGrowth { lag_years: u32 },
    /// A flat amount in dollars each year, such as a demand.
    FlatUsd { usd_m: f64 },
    /// A formula whose inputs the dataset does not hold; kept in words.
    Formula { description: String },
    /// No escalation: the agreement covers its first year only.
    None,
}

/// One rule over a span of years of an agreement.
///
/// In TOML: `{ from = 2027, to = 2030, rule = { kind = "cpi-linked", lag_years = 2, cap_pct = 5.0 } }`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RulePhase {
    pub from: i32,
    pub to: i32,
    pub rule: EscalationRule,
}

/// The currency an agreement set its amounts in.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum AgreementCurrency {
    /// Dollars (the 1st to 4th SMA, 1991–2001).
    #[serde(rename = "usd")]
    Usd,
    /// Dollars and won together (the 5th SMA, 2002–04): each year a dollar part and a
    /// won part.
    #[serde(rename = "usd+krw", alias = "usd+jpy")]
    UsdLocal,
    /// Won (every agreement since the 6th SMA, 2005), and what a dataset that does not
    /// say is taken to mean.
    #[default]
    #[serde(rename = "krw", alias = "jpy")]
    Local,
}

impl AgreementCurrency {
    /// As Korea's TOML writes it: `usd`, `usd+krw`, `krw`.
    pub fn key(self) -> &'static str {
        match self {
            AgreementCurrency::Usd => "usd",
            AgreementCurrency::UsdLocal => "usd+krw",
            AgreementCurrency::Local => "krw",
        }
    }

    /// In words, for Korea: "dollars", "dollars and won", "won".
    pub fn label(self) -> &'static str {
        match self {
            AgreementCurrency::Usd => "dollars",
            AgreementCurrency::UsdLocal => "dollars and won",
            AgreementCurrency::Local => "won",
        }
    }

    /// As `host`'s TOML writes it: `usd`, `usd+jpy`, `jpy`.
    pub fn key_for(self, host: Host) -> String {
        match self {
            AgreementCurrency::Usd => "usd".into(),
            AgreementCurrency::UsdLocal => format!("usd+{}", host.currency_key()),
            AgreementCurrency::Local => host.currency_key().into(),
        }
    }

    /// In words, in `host`'s currency: "dollars", "dollars and yen", "yen".
    pub fn label_for(self, host: Host) -> String {
        match self {
            AgreementCurrency::Usd => "dollars".into(),
            AgreementCurrency::UsdLocal => format!("dollars and {}", host.currency()),
            AgreementCurrency::Local => host.currency().into(),
        }
    }
}

/// One Special Measures Agreement.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Agreement {
    /// `sma-1` to `sma-12`; Japan's `jp-sma-1987` to `jp-sma-2022`.
    pub id: String,
    /// The name the agreement goes by, where it is not its ordinal ("2022 SMA (Alliance
    /// Resilience)": Japan's agreements are known by their year).
    #[serde(default)]
    pub label: Option<String>,
    pub ordinal: u32,
    pub first_year: i32,
    pub last_year: i32,
    #[serde(default)]
    pub milestones: Milestones,
    /// Where a milestone's date is attested otherwise than the agreement as a whole.
    #[serde(default)]
    pub milestone_confidence: MilestoneConfidence,
    #[serde(default)]
    pub signatories: Sides,
    #[serde(default)]
    pub negotiators: Sides,
    /// Who initialed the text, where a source names them (they need not be the chief
    /// negotiators: the 11th SMA was initialed by the US chargé d'affaires).
    #[serde(default)]
    pub initialed_by: Sides,
    /// The first-year amount as the sources state it.
    pub first_year_amount: String,
    /// The escalation rule in the sources' words.
    pub rule_text: String,
    /// The currency its amounts were agreed in: the figure a series in that currency
    /// draws as recorded.
    #[serde(default)]
    pub currency: AgreementCurrency,
    #[serde(default)]
    pub rules: Vec<RulePhase>,
    /// The total over the term the governments announced, where one was agreed, in 100
    /// million of the host's currency (`plan_jpy_100m` in TOML): Japan's agreements set
    /// caps by category, and the plan is the one total they give.
    #[serde(default, rename = "plan_krw_100m", alias = "plan_jpy_100m")]
    pub plan_local_100m: Option<f64>,
    /// How well the escalation rule is attested, where it differs from the agreement's
    /// confidence (sources that read the rule two ways, say; the note gives both).
    #[serde(default)]
    pub rule_confidence: Option<Confidence>,
    /// What the sources say about the rounds of talks where the timeline cannot date
    /// them all ("five rounds from July 2008; rounds 1 and 4 dated").
    #[serde(default)]
    pub rounds_note: Option<String>,
    #[serde(default)]
    pub note: Option<String>,
    pub sources: Vec<String>,
    pub confidence: Confidence,
    /// The host whose dataset the agreement is in: set by the loader, as an event's.
    #[serde(skip)]
    pub host: Host,
}

impl Agreement {
    /// The years the agreement covers, as `host` labels them: "2026–2030",
    /// "FY2022–FY2026". Every view and file that names the term says it this way.
    pub fn years_label(&self, host: Host) -> String {
        if self.first_year == self.last_year {
            host.year_label(self.first_year)
        } else {
            format!(
                "{}–{}",
                host.year_label(self.first_year),
                host.year_label(self.last_year)
            )
        }
    }

    /// The confidence of the escalation rule: its own where given, else the agreement's.
    pub fn rule_confidence(&self) -> Confidence {
        self.rule_confidence.unwrap_or(self.confidence)
    }

    /// The confidence of a milestone's date: its own where given, else the agreement's.
    pub fn milestone_confidence(&self, m: Milestone) -> Confidence {
        self.milestone_confidence.get(m).unwrap_or(self.confidence)
    }

    pub fn covers(&self, year: i32) -> bool {
        (self.first_year..=self.last_year).contains(&year)
    }

    /// The rule that sets `year`, if the agreement has one.
    pub fn rule_for(&self, year: i32) -> Option<&EscalationRule> {
        self.rules
            .iter()
            .find(|p| (p.from..=p.to).contains(&year))
            .map(|p| &p.rule)
    }

    /// "12th SMA", or the agreement's own label ("2021 protocol").
    pub fn name(&self) -> String {
        self.label
            .clone()
            .unwrap_or_else(|| format!("{} SMA", ordinal(self.ordinal)))
    }
}

/// `1` → "1st", `12` → "12th".
pub fn ordinal(n: u32) -> String {
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

/// Korea's SMA contribution for one year.
///
/// `local_100m` (in TOML `krw_100m`, `jpy_100m`) and `usd_m` hold the amount in the currency the agreement set it in
/// (`Agreement::currency`): won for a won agreement, dollars for a dollar one, and for
/// an agreement in both the won part and the dollar part (or the one total a source
/// gives). A figure a source gives in the other currency, or another amount (paid,
/// pledged), is in `reported`: shown beside, never a point of the series.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Contribution {
    pub year: i32,
    /// The agreement in force that year; none for a year before the first (Japan's
    /// FY1978).
    #[serde(default)]
    pub agreement: Option<String>,
    /// The budget the amount is from, where the host's figures differ by basis (Japan's).
    #[serde(default)]
    pub basis: Option<BudgetBasis>,
    /// In 100 million of the host's currency (억원, 億円), as published; missing where no
    /// source gives it. `krw_100m` or `jpy_100m` in TOML, as the host's currency is.
    #[serde(default, rename = "krw_100m", alias = "jpy_100m")]
    pub local_100m: Option<f64>,
    /// In millions of dollars, as published.
    #[serde(default)]
    pub usd_m: Option<f64>,
    #[serde(default)]
    pub note: Option<String>,
    pub sources: Vec<String>,
    pub confidence: Confidence,
    /// Other figures sources give for the year.
    #[serde(default)]
    pub reported: Vec<Reported>,
}

/// The budget a host's yearly figure is from: Japan's figures differ by a few percent
/// between them, so each says which.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum BudgetBasis {
    /// The initial budget, expenditure basis (歳出ベース): the usual headline.
    InitialBudget,
    /// The government's draft budget (政府案).
    GovernmentDraft,
    /// Contract basis (契約ベース).
    Contract,
    /// Settled outlays (決算).
    Settled,
    /// The source does not say.
    NotStated,
}

impl BudgetBasis {
    pub fn label(self) -> &'static str {
        match self {
            BudgetBasis::InitialBudget => "initial budget, expenditure basis",
            BudgetBasis::GovernmentDraft => "government draft budget",
            BudgetBasis::Contract => "contract basis",
            BudgetBasis::Settled => "settled outlays",
            BudgetBasis::NotStated => "basis not stated",
        }
    }
}

/// What a reported figure is an amount of.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ReportedKind {
    /// The amount as a source reported it, converted or summarised by the source.
    Reported,
    /// The amount the agreement set.
    Agreed,
    /// The amount actually paid.
    Paid,
    /// The amount pledged.
    Pledged,
    /// The SMA items alone, inside a host-nation support total (Japan).
    SmaPortion,
    /// The same budget on the contract basis (契約ベース).
    ContractBasis,
    /// Settled outlays (決算), as audited.
    Settled,
    /// The budget request, before the draft.
    Request,
}

impl ReportedKind {
    pub fn label(self) -> &'static str {
        match self {
            ReportedKind::Reported => "reported",
            ReportedKind::Agreed => "agreed",
            ReportedKind::Paid => "paid",
            ReportedKind::Pledged => "pledged",
            ReportedKind::SmaPortion => "SMA portion",
            ReportedKind::ContractBasis => "contract basis",
            ReportedKind::Settled => "settled",
            ReportedKind::Request => "requested",
        }
    }
}

/// A figure a source gives for a year beside the series' own: in the other currency,
/// or an amount agreed, paid or pledged.
///
/// In TOML: `[[contribution.reported]]` with exactly one of `usd_m` / `krw_100m` (`jpy_100m`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Reported {
    #[serde(default)]
    pub usd_m: Option<f64>,
    /// In 100 million of the host's currency: `krw_100m` or `jpy_100m` in TOML.
    #[serde(default, rename = "krw_100m", alias = "jpy_100m")]
    pub local_100m: Option<f64>,
    pub what: ReportedKind,
    /// Won per dollar the source used, where it says.
    #[serde(default)]
    pub rate: Option<f64>,
    pub sources: Vec<String>,
    #[serde(default)]
    pub note: Option<String>,
}

impl Reported {
    /// "$571.0 m", "$866.86 m", "208.0 bn won", "211.2 bn yen": as many decimals as the
    /// source gave.
    pub fn amount_label(&self, host: Host) -> String {
        let digits = |v: f64| {
            if ((v * 10.0).fract()).abs() > 1e-9 {
                2
            } else {
                1
            }
        };
        match (self.usd_m, self.local_100m) {
            (Some(u), _) => format!("${} m", crate::numbers::thousands(u, digits(u))),
            (None, Some(k)) => {
                let bn = k / 10.0;
                let bn = crate::numbers::thousands(bn, digits(bn));
                format!("{bn} bn {}", host.currency())
            }
            (None, None) => String::new(),
        }
    }
}

impl Contribution {
    /// Billions of the host's currency, the unit most English-language reporting uses.
    pub fn local_bn(&self) -> Option<f64> {
        self.local_100m.map(|v| v / 10.0)
    }

    /// The reported figures in one line: "$571.0 m reported (YONHAP-OANA-2008-12-23);
    /// $585.4 m reported (STRIPES-2008-12-SMA8)"; empty where there are none.
    pub fn reported_summary(&self, host: Host) -> String {
        self.reported
            .iter()
            .map(|r| {
                format!(
                    "{} {} ({})",
                    r.amount_label(host),
                    r.what.label(),
                    r.sources.join(" ")
                )
            })
            .collect::<Vec<_>>()
            .join("; ")
    }
}

/// What kind of thing happened.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum EventKind {
    Round,
    Agreed,
    Initialed,
    Signed,
    Ratified,
    InForce,
    Expiry,
    Lapse,
    Demand,
    Statement,
    Appointment,
    Incident,
    /// A change, reported or planned, in US forces in Korea.
    Troops,
}

impl EventKind {
    pub const ALL: [EventKind; 13] = [
        EventKind::Round,
        EventKind::Agreed,
        EventKind::Initialed,
        EventKind::Signed,
        EventKind::Ratified,
        EventKind::InForce,
        EventKind::Expiry,
        EventKind::Lapse,
        EventKind::Demand,
        EventKind::Statement,
        EventKind::Appointment,
        EventKind::Incident,
        EventKind::Troops,
    ];

    pub fn label(self) -> &'static str {
        match self {
            EventKind::Round => "round",
            EventKind::Agreed => "agreed",
            EventKind::Initialed => "initialed",
            EventKind::Signed => "signed",
            EventKind::Ratified => "ratified",
            EventKind::InForce => "in force",
            EventKind::Expiry => "expiry",
            EventKind::Lapse => "lapse",
            EventKind::Demand => "demand",
            EventKind::Statement => "statement",
            EventKind::Appointment => "appointment",
            EventKind::Incident => "incident",
            EventKind::Troops => "troops",
        }
    }
}

/// One entry of the negotiation timeline.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Event {
    pub id: String,
    pub kind: EventKind,
    pub date: FuzzyDate,
    /// Last day of a multi-day event, such as a round of talks.
    #[serde(default)]
    pub end: Option<FuzzyDate>,
    pub headline: String,
    #[serde(default)]
    pub text: Option<String>,
    #[serde(default)]
    pub place: Option<String>,
    #[serde(default)]
    pub people: Vec<String>,
    /// Those of `people` that no source of the event names: attached by inference from
    /// the agreement's chief negotiators for the period. Each is also in `people`.
    #[serde(default)]
    pub people_inferred: Vec<String>,
    /// The agreement this event belongs to (`sma-10`), if any.
    #[serde(default)]
    pub agreement: Option<String>,
    /// The round number, for negotiation rounds.
    #[serde(default)]
    pub round: Option<u32>,
    /// Who asked for what, for which period, and Korea's answer: on demands only.
    #[serde(default)]
    pub demand: Option<Demand>,
    pub sources: Vec<String>,
    pub confidence: Confidence,
    /// The host whose dataset the event is in: set by the loader from the dataset's
    /// host, so a timeline of both hosts can say and filter by it.
    #[serde(skip)]
    pub host: Host,
}

/// A US demand, attributed: each field in the sources' words, or saying that the
/// sources do not give it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Demand {
    /// Who made it (a person where a source names one).
    pub by: String,
    /// The amount as stated ("$5 billion a year", "50% of the cost").
    pub amount: String,
    /// The period it was meant for ("2020", "2026–2030").
    pub period: String,
    /// Korea's answer as the sources report it.
    pub answer: String,
}

impl Event {
    /// The people a source of the event names.
    pub fn named_people(&self) -> impl Iterator<Item = &String> {
        self.people
            .iter()
            .filter(|p| !self.people_inferred.contains(p))
    }

    /// The people attached by inference, in the order of `people`.
    pub fn inferred_people(&self) -> impl Iterator<Item = &String> {
        self.people
            .iter()
            .filter(|p| self.people_inferred.contains(p))
    }
}

/// Where a troop count was taken.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum CountDate {
    #[serde(rename = "06-30")]
    June30,
    #[serde(rename = "09-30")]
    September30,
}

/// US active-duty personnel in Korea on one report date (DoD/DMDC).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TroopCount {
    pub year: i32,
    /// Missing where no report exists (1951–1952).
    #[serde(default)]
    pub troops: Option<u32>,
    #[serde(default)]
    pub as_of: Option<CountDate>,
    /// The count with DoD civilians, where the report gives it (Japan from 2008).
    #[serde(default)]
    pub grand_total: Option<u32>,
    /// Why this count is not comparable with the year before, where the counting changed
    /// (Japan 2008: the 7th Fleet afloat counted from then on).
    #[serde(default)]
    pub series_break: Option<String>,
    #[serde(default)]
    pub note: Option<String>,
    pub sources: Vec<String>,
    pub confidence: Confidence,
}

/// What a troop level stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum LevelKind {
    /// The publicly stated strength.
    Headline,
    /// A legal floor set by the NDAA.
    LegalFloor,
    /// An announced plan.
    Plan,
}

/// A headline or legal level of US troops in Korea over a period (not a DMDC count).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TroopLevel {
    pub kind: LevelKind,
    pub from: FuzzyDate,
    /// Open-ended when missing.
    #[serde(default)]
    pub to: Option<FuzzyDate>,
    pub low: u32,
    /// Upper end where the sources give a range.
    #[serde(default)]
    pub high: Option<u32>,
    pub label: String,
    #[serde(default)]
    pub note: Option<String>,
    pub sources: Vec<String>,
    pub confidence: Confidence,
}

impl TroopLevel {
    pub fn in_force(&self, year: i32) -> bool {
        self.from.year() <= year && self.to.is_none_or(|to| year <= to.year())
    }
}

/// The host's consumer prices for one year (Korea's CPI, Japan's).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HostCpi {
    pub year: i32,
    /// Annual average inflation to two decimals (World Bank), where available.
    #[serde(default)]
    pub rate_pct: Option<f64>,
    /// The one-decimal rate Statistics Korea publishes now (restated figures included).
    #[serde(default)]
    pub published_pct: Option<f64>,
    /// The rate as first published, where a later restatement changed it: the one the
    /// agreements applied at the time.
    #[serde(default)]
    pub first_published_pct: Option<f64>,
    /// Index, 2020 = 100.
    pub index: f64,
    pub confidence: Confidence,
    pub index_confidence: Confidence,
    pub sources: Vec<String>,
    #[serde(default)]
    pub note: Option<String>,
}

impl ExchangeRate {
    /// The rate over the host's own year, which its amounts are by: the fiscal year's
    /// average where the record gives one (Japan), else the calendar year's.
    pub fn per_usd_of_host_year(&self) -> f64 {
        self.fiscal_year_per_usd.unwrap_or(self.per_usd)
    }
}

impl HostCpi {
    /// The rate the agreements' escalators use: the one published at the time where
    /// known.
    pub fn escalation_pct(&self) -> Option<f64> {
        self.first_published_pct
            .or(self.published_pct)
            .or(self.rate_pct)
    }

    /// The most precise rate known.
    pub fn precise_pct(&self) -> Option<f64> {
        self.rate_pct.or(self.published_pct)
    }
}

/// US CPI-U for one year.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UsCpi {
    pub year: i32,
    /// Annual average, 1982–84 = 100.
    pub index: f64,
    pub rate_pct: f64,
    pub confidence: Confidence,
    pub sources: Vec<String>,
    #[serde(default)]
    pub note: Option<String>,
}

/// Annual average of the host's currency per dollar.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExchangeRate {
    pub year: i32,
    /// `krw_per_usd` or `jpy_per_usd` in TOML.
    #[serde(rename = "krw_per_usd", alias = "jpy_per_usd")]
    pub per_usd: f64,
    /// The average over the fiscal year that starts in April of `year`, for a host whose
    /// amounts are by fiscal year (derived): `fiscal_year_jpy_per_usd` in TOML.
    #[serde(
        default,
        rename = "fiscal_year_krw_per_usd",
        alias = "fiscal_year_jpy_per_usd"
    )]
    pub fiscal_year_per_usd: Option<f64>,
    pub confidence: Confidence,
    pub sources: Vec<String>,
    #[serde(default)]
    pub note: Option<String>,
}

/// The host's defense budget as enacted (main budget): Korea's by calendar year, Japan's
/// by fiscal year.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DefenseBudget {
    pub year: i32,
    /// Trillions of the host's currency: `krw_tn` or `jpy_tn` in TOML.
    #[serde(rename = "krw_tn", alias = "jpy_tn")]
    pub local_tn: f64,
    /// The growth as the source publishes it, where it does.
    #[serde(default)]
    pub growth_pct: Option<f64>,
    /// A narrower headline series beside the total (Japan's Defense Ministry's), in
    /// trillions: `narrow_jpy_tn` in TOML; its definition in `narrow_definition`.
    #[serde(default, rename = "narrow_krw_tn", alias = "narrow_jpy_tn")]
    pub narrow_local_tn: Option<f64>,
    #[serde(default)]
    pub narrow_definition: Option<String>,
    pub confidence: Confidence,
    pub sources: Vec<String>,
    #[serde(default)]
    pub note: Option<String>,
}

/// The host's nominal GDP for one calendar year, from one named vintage: a ratio to GDP
/// is built from one vintage only, since benchmark revisions move every level.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Gdp {
    pub year: i32,
    /// Billions of the host's currency: `krw_bn` or `jpy_bn` in TOML.
    #[serde(rename = "krw_bn", alias = "jpy_bn")]
    pub local_bn: f64,
    /// The release the figure is from ("IMF WEO October 2025"), saying where it is a
    /// projection or a preliminary estimate.
    pub vintage: String,
    pub confidence: Confidence,
    pub sources: Vec<String>,
    #[serde(default)]
    pub note: Option<String>,
}

/// The record of `year` in a yearly series: looked up where a series without gaps holds
/// it, so that the charts' loops over years do not search the series for each year;
/// searched for where the series has gaps.
fn by_year<T>(series: &[T], year: i32, year_of: impl Fn(&T) -> i32) -> Option<&T> {
    let first = year_of(series.first()?);
    // The series are in ascending order (validation refuses any other), so a year past
    // either end is in none: no scan for the projected years, which ask the most.
    if year < first || year > year_of(series.last()?) {
        return None;
    }
    let direct = usize::try_from(i64::from(year) - i64::from(first))
        .ok()
        .and_then(|i| series.get(i))
        .filter(|t| year_of(t) == year);
    direct.or_else(|| series.iter().find(|t| year_of(t) == year))
}

/// Facts about the dataset as a whole.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DatasetInfo {
    /// The host the dataset records; Korea where a dataset does not say.
    #[serde(default)]
    pub host: Host,
    pub version: String,
    pub title: String,
    /// When the facts were last checked.
    pub as_of: FuzzyDate,
    /// What this release corrected and added, so that a figure quoted from an older
    /// release can be traced.
    #[serde(default, rename = "change")]
    pub changes: Vec<Change>,
}

/// One entry of a release's list of changes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Change {
    pub kind: ChangeKind,
    /// The record it concerns ("contribution 2009", "sma-12 consent").
    pub record: String,
    /// The value before, where one was changed.
    #[serde(default)]
    pub was: Option<String>,
    pub now: String,
    pub why: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ChangeKind {
    /// A value that was wrong.
    Corrected,
    /// A value or record that was missing.
    Added,
    /// The same value, better (or less well) attested.
    Confidence,
}

impl ChangeKind {
    pub fn label(self) -> &'static str {
        match self {
            ChangeKind::Corrected => "corrected",
            ChangeKind::Added => "added",
            ChangeKind::Confidence => "confidence",
        }
    }
}

/// Everything the dashboard knows, validated.
#[derive(Debug, Clone, PartialEq)]
pub struct Dataset {
    pub info: DatasetInfo,
    pub sources: Vec<Source>,
    /// Ordered by ordinal.
    pub agreements: Vec<Agreement>,
    /// One per year, ascending.
    pub contributions: Vec<Contribution>,
    /// Ordered by date.
    pub events: Vec<Event>,
    /// One per year, ascending.
    pub troop_counts: Vec<TroopCount>,
    pub troop_levels: Vec<TroopLevel>,
    pub host_cpi: Vec<HostCpi>,
    pub us_cpi: Vec<UsCpi>,
    pub exchange_rates: Vec<ExchangeRate>,
    pub defense_budgets: Vec<DefenseBudget>,
    /// One per calendar year, ascending; empty where the files give none.
    pub gdp: Vec<Gdp>,
}

impl Dataset {
    pub fn source(&self, id: &str) -> Option<&Source> {
        self.sources.iter().find(|s| s.id == id)
    }

    /// The sources by id, to look many up at once in time linear in their number.
    pub fn sources_by_id(&self) -> std::collections::HashMap<&str, &Source> {
        self.sources.iter().map(|s| (s.id.as_str(), s)).collect()
    }

    pub fn agreement(&self, id: &str) -> Option<&Agreement> {
        self.agreements.iter().find(|a| a.id == id)
    }

    /// The agreement a contribution names, if it names one.
    pub fn agreement_of(&self, c: &Contribution) -> Option<&Agreement> {
        c.agreement.as_deref().and_then(|id| self.agreement(id))
    }

    pub fn agreement_for_year(&self, year: i32) -> Option<&Agreement> {
        self.agreements.iter().find(|a| a.covers(year))
    }

    pub fn contribution(&self, year: i32) -> Option<&Contribution> {
        by_year(&self.contributions, year, |c| c.year)
    }

    pub fn troop_count(&self, year: i32) -> Option<&TroopCount> {
        by_year(&self.troop_counts, year, |t| t.year)
    }

    pub fn host_cpi(&self, year: i32) -> Option<&HostCpi> {
        by_year(&self.host_cpi, year, |c| c.year)
    }

    pub fn us_cpi(&self, year: i32) -> Option<&UsCpi> {
        by_year(&self.us_cpi, year, |c| c.year)
    }

    pub fn exchange_rate(&self, year: i32) -> Option<&ExchangeRate> {
        by_year(&self.exchange_rates, year, |r| r.year)
    }

    pub fn defense_budget(&self, year: i32) -> Option<&DefenseBudget> {
        by_year(&self.defense_budgets, year, |b| b.year)
    }

    pub fn gdp(&self, year: i32) -> Option<&Gdp> {
        by_year(&self.gdp, year, |g| g.year)
    }

    /// The last year with a recorded won contribution.
    pub fn last_recorded_year(&self) -> Option<i32> {
        self.contributions
            .iter()
            .rev()
            .find(|c| c.local_100m.is_some())
            .map(|c| c.year)
    }

    /// The headline level in force in `year`, if any: where two overlap, the better
    /// attested, then the more recent.
    pub fn headline_level(&self, year: i32) -> Option<&TroopLevel> {
        self.troop_levels
            .iter()
            .filter(|l| l.kind == LevelKind::Headline && l.in_force(year))
            .max_by_key(|l| (l.confidence == Confidence::Confirmed, l.from))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordinals_read_as_english() {
        let got: Vec<String> = [1, 2, 3, 4, 11, 12, 13, 21, 22].map(ordinal).into();
        assert_eq!(
            got,
            [
                "1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd"
            ]
        );
    }
}
