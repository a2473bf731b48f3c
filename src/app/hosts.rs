//! Which host the dashboard shows (Korea, Japan, or both side by side), the dataset
//! each choice puts behind the panes, and the series of both hosts in one unit.

use std::collections::{HashMap, HashSet};

use crate::data::{Dataset, EventKind, Host, Hosts};
use crate::econ::compare::{Comparison, HostYear, Measure, MeasureKind};
use crate::econ::{AssumptionError, AssumptionId, Assumptions, ScenarioId};

use super::timeline::KindFilter;
use super::{App, Derived, Pane, SourcesList, TroopPoint, timeline, troop_points};
use crate::report::cite::{self, Citation};
use crate::report::compare::measure_citation;

/// The hosts the dashboard shows: one of them, or both side by side.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum HostChoice {
    #[default]
    Korea,
    Japan,
    /// Korea and Japan: Costs and Troops side by side in dollars, the timeline merged.
    Both,
}

impl HostChoice {
    /// In the order `H` cycles them.
    pub const ALL: [HostChoice; 3] = [HostChoice::Korea, HostChoice::Japan, HostChoice::Both];

    /// As the command line writes it (`--host kr|jp|all`).
    pub fn key(self) -> &'static str {
        match self {
            HostChoice::Korea => "kr",
            HostChoice::Japan => "jp",
            HostChoice::Both => "all",
        }
    }

    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.key() == key)
    }

    pub fn label(self) -> &'static str {
        match self {
            HostChoice::Korea => "Korea",
            HostChoice::Japan => "Japan",
            HostChoice::Both => "Korea and Japan",
        }
    }

    /// The choice after this one, as `H` cycles: Korea, Japan, both.
    pub fn next(self) -> Self {
        let i = Self::ALL.iter().position(|c| *c == self).unwrap_or(0);
        Self::ALL[(i + 1) % Self::ALL.len()]
    }

    /// The hosts shown, Korea first.
    pub fn hosts(self) -> &'static [Host] {
        match self {
            HostChoice::Korea => &[Host::Korea],
            HostChoice::Japan => &[Host::Japan],
            HostChoice::Both => &[Host::Korea, Host::Japan],
        }
    }

    pub fn is_both(self) -> bool {
        self == HostChoice::Both
    }

    /// The host whose series, assumptions and projections the single-host panes show:
    /// Korea's when both are shown.
    pub fn primary(self) -> Host {
        self.hosts()[0]
    }

    /// What the title bar calls the agreements shown.
    pub fn title(self) -> &'static str {
        match self {
            HostChoice::Korea => "US–ROK Special Measures Agreements",
            HostChoice::Japan => "US–Japan host-nation support (HNS)",
            HostChoice::Both => "Korea's SMA and Japan's HNS, side by side",
        }
    }
}

/// What each host's series is, as a legend and a detail say it: the total compared, its
/// basis and its year. Korea's SMA total is compared with Japan's HNS total, never with
/// its SMA portion.
pub fn definition(host: Host) -> &'static str {
    match host {
        Host::Korea => "SMA total, as agreed, calendar years",
        Host::Japan => "HNS total (not the SMA portion), initial budget, fiscal years Apr–Mar",
    }
}

/// The inputs each host keeps as its own while the other is shown: the scenario pinned
/// and those compared (the assumptions hold both hosts' rates at once).
#[derive(Debug, Clone, PartialEq)]
pub struct HostInputs {
    pub scenario: ScenarioId,
    pub compare: Vec<ScenarioId>,
}

/// One host's troop counts, while both are shown.
#[derive(Debug, Clone, PartialEq)]
pub struct HostSeries {
    pub host: Host,
    pub troops: Vec<TroopPoint>,
}

/// Both hosts' figures while both are shown: what Costs and Troops draw. Costs shows
/// each host's payment in the measure the user picked (`c`), from the comparison every
/// front end uses (`export measures`, `chart hosts`): recorded years only, gaps kept
/// with their reasons.
#[derive(Debug, Clone, PartialEq)]
pub struct BothHosts {
    /// The measure picked: dollars, real dollars, per member, share of the defense
    /// budget or of GDP.
    pub measure: MeasureKind,
    /// Every measure of every host and year recorded.
    pub comparison: Comparison,
    pub series: Vec<HostSeries>,
}

impl BothHosts {
    /// The troop series of `host`.
    pub fn of(&self, host: Host) -> Option<&HostSeries> {
        self.series.iter().find(|s| s.host == host)
    }

    /// `host`'s year `year` and its figure in the picked measure, where it records a
    /// payment for that year.
    pub fn at(&self, host: Host, year: i32) -> Option<(&HostYear, &Measure)> {
        let row = self.comparison.get(host, year)?;
        Some((row, row.measure(self.measure)))
    }

    /// `host`'s figures in the picked measure, year by year, gaps included.
    pub fn measures(&self, host: Host) -> impl Iterator<Item = &Measure> {
        self.comparison
            .rows
            .iter()
            .filter(move |r| r.host == host)
            .map(|r| r.measure(self.measure))
    }

    /// `host`'s latest year before `year` with a figure in the picked measure: what a
    /// gap at the cursor points to.
    pub fn latest_before(&self, host: Host, year: i32) -> Option<(i32, &Measure)> {
        self.comparison
            .rows
            .iter()
            .filter(|r| r.host == host && r.year < year)
            .map(|r| (r.year, r.measure(self.measure)))
            .filter(|(_, m)| m.value().is_some())
            .max_by_key(|(y, _)| *y)
    }

    /// What the picked measure is for `host`, naming the base year and GDP vintage.
    pub fn definition(&self, host: Host) -> String {
        self.comparison.definition(self.measure, host)
    }
}

/// Both hosts' figures in `measure`, on `assumptions` (the base year of real dollars);
/// `None` without Japan's dataset.
fn both_hosts(hosts: &Hosts, measure: MeasureKind, assumptions: &Assumptions) -> Option<BothHosts> {
    let series = Host::ALL
        .iter()
        .map(|&host| {
            Some(HostSeries {
                host,
                troops: troop_points(hosts.get(host)?),
            })
        })
        .collect::<Option<Vec<_>>>()?;
    Some(BothHosts {
        measure,
        comparison: Comparison::of(hosts, assumptions),
        series,
    })
}

/// The dataset the panes read for `choice`: the host's own; for both, Korea's with
/// Japan's events, agreements and sources added, so that the timeline, the detail and
/// the sources list hold both, while Costs and Troops read each host's series apart
/// ([`BothHosts`]). `None` where a host shown has no dataset.
pub fn shown_dataset(hosts: &Hosts, choice: HostChoice) -> Option<Dataset> {
    match choice {
        HostChoice::Korea => Some(hosts.korea.clone()),
        HostChoice::Japan => hosts.japan().cloned(),
        HostChoice::Both => hosts.japan().map(|j| merged(&hosts.korea, j)),
    }
}

/// Korea's dataset with Japan's events, agreements and sources added. An id Japan shares
/// with Korea for another record takes a `jp:` prefix, and every reference follows it;
/// a source both cite alike is kept once.
fn merged(korea: &Dataset, japan: &Dataset) -> Dataset {
    let mut d = korea.clone();
    let mut source_ids: HashMap<String, String> = HashMap::new();
    for s in &japan.sources {
        match korea.source(&s.id) {
            Some(k) if k == s => {}
            Some(_) => {
                let mut s = s.clone();
                s.id = format!("jp:{}", s.id);
                source_ids.insert(s.id[3..].to_string(), s.id.clone());
                d.sources.push(s);
            }
            None => d.sources.push(s.clone()),
        }
    }
    let sources = |ids: &[String]| -> Vec<String> {
        ids.iter()
            .map(|id| source_ids.get(id).cloned().unwrap_or_else(|| id.clone()))
            .collect()
    };
    let taken: HashSet<&str> = korea.agreements.iter().map(|a| a.id.as_str()).collect();
    let agreement_id = |id: &str| {
        if taken.contains(id) {
            format!("jp:{id}")
        } else {
            id.to_string()
        }
    };
    for a in &japan.agreements {
        let mut a = a.clone();
        a.id = agreement_id(&a.id);
        a.sources = sources(&a.sources);
        a.host = Host::Japan;
        d.agreements.push(a);
    }
    let event_ids: HashSet<&str> = korea.events.iter().map(|e| e.id.as_str()).collect();
    for e in &japan.events {
        let mut e = e.clone();
        if event_ids.contains(e.id.as_str()) {
            e.id = format!("jp:{}", e.id);
        }
        e.agreement = e.agreement.as_deref().map(agreement_id);
        e.sources = sources(&e.sources);
        e.host = Host::Japan;
        d.events.push(e);
    }
    // Stable: each host's own order holds within a day and kind.
    d.events
        .sort_by(|a, b| a.date.cmp(&b.date).then_with(|| a.kind.cmp(&b.kind)));
    d
}

impl App {
    /// Whether the program holds a dataset for every host `choice` shows.
    pub fn can_show(&self, choice: HostChoice) -> bool {
        choice.hosts().iter().all(|h| self.hosts.has(*h))
    }

    /// The host choice shown: what `data` holds.
    pub fn host_shown(&self) -> HostChoice {
        self.derived.host
    }

    /// The assumptions from the record of every host (each host's CPI and rate from its
    /// own; the rest from Korea's): what `0` and `R` reset to, and what the pane marks
    /// a change from.
    pub fn default_assumptions(&self) -> Assumptions {
        let mut a = Assumptions::from_history(&self.hosts.korea);
        // Japan's history where the inputs hold it ([`App::take_japan`]): the first
        // frame of Korea marks Korea's assumptions without reading Japan's files.
        if let Some(japan) = (!self.japan_pending())
            .then(|| self.hosts.japan())
            .flatten()
        {
            a.take_history_of(japan);
        }
        a
    }

    /// The assumptions the Assumptions pane lists: those of the host whose projections
    /// it shows (Korea's with both shown).
    /// Whether `a` fits the datasets: [`Assumptions::check`], each rate's years set
    /// apart against its own host's record (Korea's for the rates both share).
    pub fn check_assumptions(&self, a: &Assumptions) -> Result<(), AssumptionError> {
        a.check_each(&|id| self.dataset_of(id))
    }

    /// The dataset whose record assumption `id` continues: its host's (Korea's for
    /// those both hosts share).
    pub fn dataset_of(&self, id: AssumptionId) -> &Dataset {
        id.host()
            .and_then(|h| self.hosts.get(h))
            .unwrap_or(&self.hosts.korea)
    }

    pub fn assumption_ids(&self) -> &'static [AssumptionId] {
        AssumptionId::of_host(self.data.info.host)
    }

    /// The host of the `i`-th agreement of `data`.
    pub fn agreement_host(&self, i: usize) -> Host {
        self.data
            .agreements
            .get(i)
            .map_or(self.derived.host.primary(), |a| a.host)
    }

    /// Both hosts' series, while both are shown.
    pub fn both(&self) -> Option<&BothHosts> {
        self.derived.both.as_ref()
    }

    /// Puts the chosen host's dataset behind the panes, if it is not there already:
    /// the timeline, the troops and the sources list start again on it, and each host
    /// keeps its own assumptions while the other is shown. Called by `derive` first.
    pub(super) fn show_host(&mut self) {
        let choice = self.inputs.host;
        if choice == self.derived.host {
            return;
        }
        let Some(data) = shown_dataset(&self.hosts, choice) else {
            // No dataset for it: the choice goes back to what is shown.
            self.inputs.host = self.derived.host;
            return;
        };
        // One set of assumptions holds both hosts' rates; the scenarios are each host's.
        if choice.primary() != self.derived.host.primary() {
            let theirs = self.inputs.other_host.take().unwrap_or(HostInputs {
                scenario: self.inputs.scenario,
                compare: Vec::new(),
            });
            let i = &mut self.inputs;
            let mine = HostInputs {
                scenario: std::mem::replace(&mut i.scenario, theirs.scenario),
                compare: std::mem::replace(&mut i.compare, theirs.compare),
            };
            i.other_host = Some(mine);
        }
        self.data = data;
        self.derived.host = choice;
        self.derived.troops = troop_points(&self.data);
        self.sources = SourcesList::default();
        let filter = self.timeline.filter.for_hosts(choice.is_both());
        self.timeline.filter = filter;
        self.timeline.kinds = timeline::kinds_present(&self.data);
        self.timeline.kind_cursor = 0;
        self.timeline.search_text = std::sync::OnceLock::new();
        self.timeline.selected = 0;
        self.timeline.offset = 0;
        self.refresh_timeline();
    }

    /// What `y` copies of `pane`'s figures at the year cursor with both hosts shown:
    /// each host's citation, as `sma-dash cite` words it; in Costs each host's figure in
    /// the picked measure with its definition, as `export measures` writes it.
    pub(super) fn both_citation(&self, pane: Pane) -> Option<Citation> {
        let both = self.both()?;
        let parts: Vec<String> = Host::ALL
            .iter()
            .filter_map(|&host| {
                let d = self.hosts.get(host)?;
                match pane {
                    Pane::Troops => cite::troop_figure(d, self.year)
                        .map(|c| format!("{}: {}", host.name(), c.text)),
                    _ => measure_citation(d, &both.comparison, both.measure, self.year)
                        .map(|c| c.text),
                }
            })
            .collect();
        let what = match pane {
            Pane::Troops => "troop counts".to_string(),
            _ => format!("figures, {},", both.measure.label()),
        };
        (!parts.is_empty()).then(|| Citation {
            what: format!("Korea's and Japan's {} {what}", self.year),
            text: parts.join("\n"),
        })
    }

    /// Both hosts' series, computed while both are shown: called by `derive`.
    pub(super) fn derive_hosts(&mut self) {
        self.derived.both = if self.derived.host.is_both() {
            both_hosts(&self.hosts, self.inputs.measure, &self.inputs.assumptions)
        } else {
            None
        };
    }
}

/// The timeline's filter after `current` with both hosts shown, forward (+1) or back
/// (-1) through no filter, Korea's events, Japan's events, then each one of `kinds`
/// (of both hosts), wrapping round.
pub fn step_filter(kinds: &[EventKind], current: KindFilter, direction: i32) -> KindFilter {
    let steps: Vec<KindFilter> = std::iter::once(KindFilter::ALL)
        .chain(Host::ALL.into_iter().map(KindFilter::only_host))
        .chain(kinds.iter().map(|k| KindFilter::only(*k)))
        .collect();
    let here = steps
        .iter()
        .position(|s| *s == current)
        .or_else(|| {
            let kind = current.kinds().next()?;
            steps.iter().position(|s| s.kinds().next() == Some(kind))
        })
        .unwrap_or(0);
    let n = steps.len() as i64;
    steps[(here as i64 + i64::from(direction.signum())).rem_euclid(n) as usize]
}

/// What [`Derived`] holds about the hosts, apart from the rest.
impl Derived {
    /// The series of `host` while both are shown.
    pub fn host_series(&self, host: Host) -> Option<&HostSeries> {
        self.both.as_ref()?.of(host)
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::data::Hosts;

    /// A Japan for the tests until Japan's own dataset lands: Korea's files read as
    /// Japan's (yen, fiscal years), with every amount and count changed so no number
    /// can pass for Korea's, and its own ids.
    pub(crate) fn synthetic_japan() -> Dataset {
        let mut d = Dataset::embedded().expect("the embedded dataset loads");
        d.info.host = Host::Japan;
        d.info.title = "Synthetic Japan".into();
        for c in &mut d.contributions {
            c.local_100m = c.local_100m.map(|v| v * 3.0);
            c.usd_m = c.usd_m.map(|v| v * 4.0);
        }
        for r in &mut d.exchange_rates {
            r.per_usd /= 10.0;
            // Japan's amounts convert at fiscal-year averages: here the same rate.
            r.fiscal_year_per_usd = Some(r.per_usd);
        }
        for t in &mut d.troop_counts {
            t.troops = t.troops.map(|n| n * 2);
        }
        for a in &mut d.agreements {
            a.host = Host::Japan;
        }
        for e in &mut d.events {
            e.id = format!("jp-{}", e.id);
            e.headline = format!("Japan: {}", e.headline);
            e.host = Host::Japan;
        }
        d
    }

    /// The dashboard as the default config starts it, on `hosts`.
    pub(crate) fn app_on(hosts: Hosts) -> App {
        let config = crate::config::Config::defaults();
        App::with_hosts(hosts, &config.start, config.keymap, |_| {})
    }

    pub(crate) fn both_hosts_app() -> App {
        let mut hosts = Hosts::korea_only(Dataset::embedded().expect("the dataset loads"));
        hosts.set_japan(Some(synthetic_japan()));
        app_on(hosts)
    }

    #[test]
    fn h_cycles_korea_japan_both_and_keys_read_back() {
        let mut c = HostChoice::Korea;
        let mut seen = Vec::new();
        for _ in 0..3 {
            seen.push(c.key());
            c = c.next();
        }
        assert_eq!(seen, ["kr", "jp", "all"]);
        assert_eq!(c, HostChoice::Korea);
        for c in HostChoice::ALL {
            assert_eq!(HostChoice::from_key(c.key()), Some(c));
        }
        assert_eq!(HostChoice::from_key("de"), None);
    }

    #[test]
    fn the_merged_dataset_holds_both_hosts_events_in_date_order_with_their_host() {
        let korea = Dataset::embedded().expect("the embedded dataset loads");
        let japan = synthetic_japan();
        let d = merged(&korea, &japan);
        assert_eq!(d.events.len(), korea.events.len() + japan.events.len());
        assert!(d.events.windows(2).all(|w| w[0].date <= w[1].date));
        let jp = d.events.iter().filter(|e| e.host == Host::Japan).count();
        assert_eq!(jp, japan.events.len());
        // Japan's agreements shared Korea's ids: renamed, and its events follow them.
        assert_eq!(d.agreements.len(), 2 * korea.agreements.len());
        let e = d
            .events
            .iter()
            .find(|e| e.host == Host::Japan && e.agreement.is_some())
            .expect("a Japan event of an agreement");
        let id = e.agreement.as_deref().unwrap_or_default();
        assert!(id.starts_with("jp:"), "{id}");
        assert!(d.agreement(id).is_some());
        // The same sources, alike: kept once.
        assert_eq!(d.sources.len(), korea.sources.len());
        // Korea's series stay Korea's.
        assert_eq!(d.contributions, korea.contributions);
    }

    #[test]
    fn showing_japan_puts_its_dataset_and_assumptions_behind_the_panes_and_back() {
        let mut app = both_hosts_app();
        let korea_costs = app.derived().costs.clone();
        let assumptions = app.inputs().assumptions.clone();
        // One set of assumptions holds Japan's rate too, from Japan's record.
        let japan_rate = synthetic_japan().exchange_rates.last().map(|r| r.per_usd);
        assert_eq!(Some(assumptions.jpy_per_usd.flat), japan_rate);
        assert_eq!(app.assumption_ids()[2], AssumptionId::KrwPerUsd);
        app.change(|i| i.host = HostChoice::Japan);
        assert_eq!(app.host_shown(), HostChoice::Japan);
        assert_eq!(app.data.info.host, Host::Japan);
        assert_ne!(app.derived().costs, korea_costs);
        assert_eq!(app.assumption_ids()[0], AssumptionId::JapaneseCpi);
        assert_eq!(app.assumption_ids()[2], AssumptionId::JpyPerUsd);
        assert!(app.data.events.iter().all(|e| e.id.starts_with("jp-")));
        // Both: Korea's pane, its pinned scenario as Korea left it.
        app.change(|i| i.host = HostChoice::Both);
        assert_eq!(app.assumption_ids()[2], AssumptionId::KrwPerUsd);
        assert_eq!(app.inputs().scenario, ScenarioId::CurrentAgreement);
        app.change(|i| i.host = HostChoice::Korea);
        assert_eq!(app.derived().costs, korea_costs);
        assert_eq!(app.inputs().assumptions, assumptions);
    }

    #[test]
    fn korea_s_pinned_scenario_and_comparison_come_back_after_japan_s() {
        let hosts = Hosts::embedded().expect("both embedded hosts load");
        let mut app = app_on(hosts);
        app.change(|i| i.compare = vec![ScenarioId::ALL[2]]);
        let korea = (app.inputs().scenario, app.inputs().compare.clone());
        app.change(|i| i.host = HostChoice::Japan);
        // Japan pins a scenario of its own, compares none of Korea's.
        app.change(|i| i.compare = Vec::new());
        for choice in [HostChoice::Both, HostChoice::Korea] {
            app.change(|i| i.host = choice);
            assert_eq!(
                (app.inputs().scenario, app.inputs().compare.clone()),
                korea,
                "{choice:?}"
            );
        }
    }

    #[test]
    fn grouped_with_both_hosts_each_event_sits_under_its_own_host_s_agreement() {
        let hosts = Hosts::embedded().expect("both embedded hosts load");
        let mut app = app_on(hosts);
        app.change(|i| i.host = HostChoice::Both);
        let mut header = None;
        let mut japan_events = 0;
        for row in &app.timeline.rows {
            match *row {
                super::super::Row::Agreement(i) => header = Some(app.agreement_host(i)),
                super::super::Row::Unattached => header = None,
                super::super::Row::Event(e) => {
                    let host = app.data.events[e].host;
                    japan_events += usize::from(host == Host::Japan);
                    if let Some(h) = header {
                        assert_eq!(h, host, "{}", app.data.events[e].id);
                    }
                }
            }
        }
        assert!(japan_events > 0);
    }

    #[test]
    fn both_hosts_are_measured_by_the_comparison_in_the_measure_picked() {
        let hosts = Hosts::embedded().expect("both embedded hosts load");
        let mut app = app_on(hosts.clone());
        app.change(|i| i.host = HostChoice::Both);
        let both = app.both().expect("both hosts' figures");
        assert_eq!(both.measure, MeasureKind::Usd, "dollars first");
        // The figures are the comparison `export measures` writes, on the dashboard's
        // assumptions.
        let c = Comparison::of(&hosts, &app.inputs().assumptions);
        assert_eq!(both.comparison, c);
        for kind in MeasureKind::ALL {
            app.change(|i| i.measure = kind);
            let both = app.both().expect("both hosts' figures");
            assert_eq!(both.measure, kind);
            let (row, m) = both.at(Host::Japan, 2014).expect("Japan's FY2014");
            assert_eq!(row.year, 2014);
            assert_eq!(m.kind, kind);
            assert_eq!(
                m.value(),
                c.get(Host::Japan, 2014).unwrap().measure(kind).value()
            );
            assert_eq!(
                both.measures(Host::Korea).count(),
                hosts.korea.contributions.len()
            );
        }
        // Per member by hand: FY2014's yen at the fiscal-year rate over the count.
        app.change(|i| i.measure = MeasureKind::PerMember);
        let j = &hosts.japan().unwrap();
        let yen = j.contribution(2014).unwrap().local_100m.unwrap();
        let rate = j.exchange_rate(2014).unwrap().fiscal_year_per_usd.unwrap();
        let troops = f64::from(j.troop_count(2014).unwrap().troops.unwrap());
        let by_hand = yen * 100.0 / rate * 1000.0 / troops;
        let got = app.both().unwrap().at(Host::Japan, 2014).unwrap().1.value();
        assert!(
            (got.unwrap() - by_hand).abs() < 1e-9,
            "{got:?} vs {by_hand}"
        );
        // The troop counts stay each host's.
        let counted = |h: Host| {
            app.both()?
                .of(h)?
                .troops
                .iter()
                .find(|t| t.year == 2014)?
                .counted
        };
        assert_eq!(counted(Host::Japan), j.troop_count(2014).unwrap().troops);
        // Back to Korea alone drops both; the measure stays for the next time.
        app.change(|i| i.host = HostChoice::Korea);
        assert!(app.both().is_none());
        assert_eq!(app.inputs().measure, MeasureKind::PerMember);
    }
}
