//! The sources list (`S`): every source of the dataset, searchable and sorted by date
//! or id; Enter shows what a source supports (the figures and events that cite it) and
//! jumps to one of them.

use crate::data::search::{Query, Texts};
use crate::data::{Citing, Dataset};
use crate::report::cite::{Support, supported};

use super::timeline::{KindFilter, Row};
use super::update::Effect;
use super::{App, Mode, Pane};

/// The order the sources list shows them in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SourceOrder {
    /// Oldest first; undated sources last; ties by id.
    #[default]
    Date,
    Id,
}

impl SourceOrder {
    pub fn label(self) -> &'static str {
        match self {
            SourceOrder::Date => "by date",
            SourceOrder::Id => "by id",
        }
    }
}

/// The list's state: its order, the search, the row selected, and what the selected
/// source supports while that is open.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SourcesList {
    pub order: SourceOrder,
    /// The search typed after `/`: every word must be in the source's id, title,
    /// publisher, date or URL.
    pub query: String,
    /// Derived from the dataset, the order and the query: the sources shown, as
    /// indices into the dataset's sources.
    pub shown: Vec<usize>,
    pub cursor: usize,
    /// Open after Enter: the row selected among what the source supports.
    pub supports: Option<usize>,
}

impl SourcesList {
    /// Shows the sources matching the query in the order, keeping the selected one
    /// selected where it is still shown.
    pub fn refresh(&mut self, d: &Dataset) {
        let selected = self.shown.get(self.cursor).copied();
        let mut texts = Texts::default();
        for s in &d.sources {
            let date = s.date.map(|d| d.to_string()).unwrap_or_default();
            texts.push([
                s.id.as_str(),
                s.title.as_str(),
                s.publisher.as_str(),
                date.as_str(),
                s.url.as_deref().unwrap_or(""),
            ]);
        }
        let query = Query::new(&self.query);
        let mut shown: Vec<usize> = (0..d.sources.len())
            .filter(|&i| self.query.trim().is_empty() || texts.matches(i, &query))
            .collect();
        match self.order {
            SourceOrder::Date => shown.sort_by(|&a, &b| {
                let (a, b) = (&d.sources[a], &d.sources[b]);
                (a.date.is_none(), a.date, &a.id).cmp(&(b.date.is_none(), b.date, &b.id))
            }),
            SourceOrder::Id => shown.sort_by(|&a, &b| d.sources[a].id.cmp(&d.sources[b].id)),
        }
        self.cursor = selected
            .and_then(|s| shown.iter().position(|&i| i == s))
            .unwrap_or(0);
        self.shown = shown;
    }

    /// The id of the source selected, if any is shown.
    pub fn selected<'d>(&self, d: &'d Dataset) -> Option<&'d str> {
        let i = *self.shown.get(self.cursor)?;
        d.sources.get(i).map(|s| s.id.as_str())
    }

    /// What the selected source supports: the records of every host shown, in each
    /// dataset's order, then the share estimates that cite it.
    pub fn supported<'a>(&self, app: &'a App) -> Vec<Support<'a>> {
        self.selected(&app.data)
            .map(|id| supported(&app.data, &app.hosts, app.host_shown().hosts(), id))
            .unwrap_or_default()
    }

    /// How many rows the list keys move through: the sources, or what one supports.
    pub fn rows(&self, app: &App) -> usize {
        match self.supports {
            Some(_) => self.supported(app).len(),
            None => self.shown.len(),
        }
    }

    /// Moves the selected row to `row` of the `rows` there are, clamped; whether it
    /// moved.
    pub fn select(&mut self, rows: usize, row: i64) -> bool {
        let last = rows as i64 - 1;
        if last < 0 {
            return false;
        }
        let row = row.clamp(0, last) as usize;
        let slot = match &mut self.supports {
            Some(r) => r,
            None => &mut self.cursor,
        };
        let moved = *slot != row;
        *slot = row;
        moved
    }

    /// The selected row: in the list, or among what the source supports.
    pub fn row(&self) -> usize {
        self.supports.unwrap_or(self.cursor)
    }
}

/// `S`: opens the sources list.
pub fn open(app: &mut App) -> Effect {
    app.sources.refresh(&app.data);
    app.sources.supports = None;
    app.overlay = Some(Mode::Sources);
    Effect::Redraw
}

/// Enter in the sources list: what the selected source supports; there, a jump to the
/// record selected.
pub fn enter(app: &mut App) -> Effect {
    match app.sources.supports {
        None => {
            if app.sources.selected(&app.data).is_none() {
                app.status = Some("no source shown: Esc clears the search".into());
                return Effect::Redraw;
            }
            app.sources.supports = Some(0);
            Effect::Redraw
        }
        Some(row) => {
            let supported = app.sources.supported(app);
            let Some(record) = supported.get(row) else {
                return Effect::None;
            };
            let target = match record {
                Support::Shown(c) | Support::Of(_, c) => Target::of(c),
                Support::Share(e) => Target::Share(e.id.clone()),
            };
            jump(app, target)
        }
    }
}

/// q or Esc in the sources list: back from what a source supports to the list, else
/// close it.
pub fn back(app: &mut App) -> Effect {
    if app.sources.supports.take().is_some() {
        return Effect::Redraw;
    }
    app.overlay = None;
    Effect::Redraw
}

/// The search of the sources list, as typed.
pub fn search(app: &mut App, query: &str) {
    app.sources.query = query.to_string();
    app.sources.supports = None;
    app.sources.refresh(&app.data);
    if app.sources.shown.is_empty() && !query.trim().is_empty() {
        app.status = Some(format!("no source matches “{query}”"));
    }
}

/// `o` in the sources list: by date, by id.
pub fn toggle_order(app: &mut App) -> Effect {
    app.sources.order = match app.sources.order {
        SourceOrder::Date => SourceOrder::Id,
        SourceOrder::Id => SourceOrder::Date,
    };
    app.sources.refresh(&app.data);
    app.status = Some(format!("sources {}", app.sources.order.label()));
    Effect::Redraw
}

/// Where a cited record is shown.
#[derive(Debug, Clone, PartialEq)]
enum Target {
    Event(String),
    Agreement(String),
    Year(Pane, i32),
    /// A share estimate, in the list of them.
    Share(String),
}

impl Target {
    fn of(record: &Citing) -> Target {
        match *record {
            Citing::Event(id) => Target::Event(id.to_string()),
            Citing::Agreement(id) => Target::Agreement(id.to_string()),
            Citing::Contribution(y) => Target::Year(Pane::Costs, y),
            Citing::TroopCount(y) => Target::Year(Pane::Troops, y),
            Citing::TroopLevel(from) => Target::Year(Pane::Troops, from.year()),
            Citing::HostCpi(_, y)
            | Citing::UsCpi(y)
            | Citing::ExchangeRate(_, y)
            | Citing::DefenseBudget(y)
            | Citing::Gdp(y) => Target::Year(Pane::Assumptions, y),
        }
    }
}

/// Closes every overlay and shows the record: its event or agreement selected in the
/// timeline (the filter cleared if it hid it), or its year at the cursor of its pane.
fn jump(app: &mut App, target: Target) -> Effect {
    app.overlay = None;
    app.beneath = None;
    match target {
        Target::Share(id) => {
            let Some(at) = app.share_order().iter().position(|e| e.id == id) else {
                return Effect::None;
            };
            app.shares.cursor = at;
            app.shares.whole = false;
            app.overlay = Some(Mode::Shares);
            app.status = Some(format!(
                "share estimate {id}: Enter for it whole, y to copy it"
            ));
        }
        Target::Event(id) => {
            let Some(e) = app.data.events.iter().position(|e| e.id == id) else {
                return Effect::None;
            };
            show_row(app, Row::Event(e));
            app.status = Some(format!("event {id}: Enter for its detail, y to copy it"));
        }
        Target::Agreement(id) => {
            let Some(a) = app.data.agreements.iter().position(|a| a.id == id) else {
                return Effect::None;
            };
            show_row(app, Row::Agreement(a));
            app.status = Some(format!("agreement {id}: Enter for its detail"));
        }
        Target::Year(pane, year) => {
            if pane == Pane::Troops && year < app.year_range().0 {
                app.change(|i| i.troop_history = true);
            }
            let (first, last) = app.year_range();
            app.year = year.clamp(first, last);
            app.follow_year();
            app.focus = pane;
            app.status = Some(match pane {
                Pane::Assumptions => format!("{year}: an input of the projections"),
                _ => format!("{year} in {}: Enter for its sources", pane.title()),
            });
        }
    }
    Effect::Redraw
}

/// Selects `row` in the timeline, showing every kind if the filter hides it.
fn show_row(app: &mut App, row: Row) {
    app.focus = Pane::Timeline;
    if !app.timeline.rows.contains(&row) {
        app.timeline.filter = KindFilter::ALL;
        app.refresh_timeline();
    }
    if let Some(i) = app.timeline.rows.iter().position(|r| *r == row) {
        app.timeline.selected = i;
        if let Some(year) = super::timeline::row_year(&app.data, row) {
            let (first, last) = app.year_range();
            app.year = year.clamp(first, last);
        }
        app.scroll_to_selection();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::{Action, Edit, PromptKind, update};

    fn app() -> App {
        crate::config::default_app(Dataset::embedded().expect("the embedded dataset loads"))
    }

    fn typed(app: &mut App, text: &str) {
        for c in text.chars() {
            update(app, Action::Edit(Edit::Insert(c)));
        }
    }

    #[test]
    fn s_lists_every_source_searchable_sorted_and_what_one_supports_leads_there() {
        let mut app = app();
        update(&mut app, Action::OpenSources);
        assert_eq!(app.mode(), Mode::Sources);
        assert_eq!(app.sources.shown.len(), app.data.sources.len());
        // By date, oldest first and the undated last; by id, in order.
        let dates: Vec<_> = app
            .sources
            .shown
            .iter()
            .map(|&i| app.data.sources[i].date)
            .collect();
        let dated: Vec<_> = dates.iter().flatten().collect();
        assert!(dated.windows(2).all(|w| w[0] <= w[1]));
        assert!(
            dates
                .iter()
                .skip_while(|d| d.is_some())
                .all(|d| d.is_none())
        );
        update(&mut app, Action::SortSources);
        let ids: Vec<&str> = app
            .sources
            .shown
            .iter()
            .map(|&i| app.data.sources[i].id.as_str())
            .collect();
        assert!(ids.windows(2).all(|w| w[0] <= w[1]));
        // `/` searches as typed: the JoongAng report of the round in Hawaii.
        update(&mut app, Action::StartSearch);
        assert_eq!(app.mode(), Mode::Prompt(PromptKind::SourceSearch));
        typed(&mut app, "hawaii joongang");
        update(&mut app, Action::PromptConfirm);
        assert_eq!(app.sources.selected(&app.data), Some("R29"));
        assert_eq!(app.mode(), Mode::Sources);
        // y copies the source's citation.
        let copied = update(&mut app, Action::Copy);
        assert!(
            matches!(&copied, crate::app::Effect::Copy(t) if t.starts_with("[R29] ") && t.contains("https://")),
            "{copied:?}"
        );
        // Enter: what it supports; Enter again goes to the event, in the timeline.
        update(&mut app, Action::ToggleDetail);
        let supported: Vec<String> = app
            .sources
            .supported(&app)
            .iter()
            .map(|s| match s {
                Support::Shown(c) => c.to_string(),
                other => format!("{other:?}"),
            })
            .collect();
        assert!(
            supported.contains(&"event:sma-10-round-1".to_string()),
            "{supported:?}"
        );
        let row = supported
            .iter()
            .position(|s| s == "event:sma-10-round-1")
            .unwrap();
        update(&mut app, Action::Move(row as i32));
        update(&mut app, Action::ToggleDetail);
        assert_eq!(app.mode(), Mode::Dashboard);
        assert_eq!(app.focus, Pane::Timeline);
        match app.selected_row() {
            Some(Row::Event(i)) => assert_eq!(app.data.events[i].id, "sma-10-round-1"),
            other => panic!("{other:?}"),
        }
        assert_eq!(app.year, 2018);
    }

    /// The id the dataset shown gives source `id` of `host`'s table: the merged
    /// dataset of both hosts prefixes an id Japan uses for another source than Korea.
    fn shown_id(app: &App, host: crate::data::Host, id: &str) -> String {
        let own = app.hosts.get(host).and_then(|d| d.source(id)).unwrap();
        app.data
            .sources
            .iter()
            .find(|s| (&s.title, &s.url, s.date) == (&own.title, &own.url, own.date))
            .map(|s| s.id.clone())
            .unwrap_or_else(|| panic!("{id} of {host:?} in the list"))
    }

    #[test]
    fn every_figure_of_each_host_shown_and_every_share_estimate_is_found_from_its_source() {
        use crate::app::HostChoice;
        use crate::app::hosts::tests::app_on;
        use crate::data::{Host, Hosts};
        fn supported<'a>(app: &'a App, id: &str) -> Vec<Support<'a>> {
            super::supported(&app.data, &app.hosts, app.host_shown().hosts(), id)
        }
        for choice in [HostChoice::Japan, HostChoice::Both] {
            let mut app = app_on(Hosts::embedded().expect("both embedded hosts load"));
            app.change(|i| i.host = choice);

            for &host in choice.hosts() {
                let d = app.hosts.get(host).unwrap();
                for (record, ids) in d.citations() {
                    for id in ids {
                        let found = supported(&app, &shown_id(&app, host, id));
                        let hit = found.iter().any(|s| match (s, record) {
                            (Support::Of(h, c), _) => *h == host && *c == record,
                            // Events and agreements are the dataset shown's, ids and all.
                            (Support::Shown(Citing::Event(e)), Citing::Event(want)) => {
                                e.trim_start_matches("jp:") == want
                            }
                            (Support::Shown(Citing::Agreement(a)), Citing::Agreement(want)) => {
                                a.trim_start_matches("jp:") == want
                            }
                            (Support::Shown(c), _) => *c == record && app.data.info.host == host,
                            (Support::Share(_), _) => false,
                        });
                        assert!(hit, "{choice:?}: {host:?} {record} from {id}: {found:?}");
                    }
                }
            }
            // Every share estimate, from each of its sources in the list.
            for e in &app.hosts.shares().estimates {
                for id in &e.sources {
                    let table = crate::report::cite::share_source_table(&app.hosts, e, id)
                        .expect("the estimate's source is in a table");
                    let Some(in_list) = app.data.sources.iter().find(|s| {
                        table
                            .source(id)
                            .is_some_and(|t| (&t.title, &t.url) == (&s.title, &s.url))
                    }) else {
                        // Korea's source while Japan alone is shown: not in the list.
                        assert_eq!(choice, HostChoice::Japan, "{} {id}", e.id);
                        continue;
                    };
                    let found = supported(&app, &in_list.id);
                    assert!(
                        found
                            .iter()
                            .any(|s| matches!(s, Support::Share(x) if x.id == e.id)),
                        "{choice:?}: {} from {id}",
                        e.id
                    );
                }
            }
            // Japan's FY2020 payment: S, its source, Enter, Enter: the year in Costs.
            let id = shown_id(
                &app,
                Host::Japan,
                &app.hosts
                    .japan()
                    .unwrap()
                    .contribution(2020)
                    .unwrap()
                    .sources[0],
            );
            let words = what_source_supports(&mut app, &id);
            let want = match choice {
                HostChoice::Both => "Japan: the FY2020 contribution",
                _ => "the FY2020 contribution",
            };
            let row = words
                .iter()
                .position(|w| w == want)
                .unwrap_or_else(|| panic!("{words:?}"));
            update(&mut app, Action::Move(row as i32));
            update(&mut app, Action::ToggleDetail);
            assert_eq!(
                (app.mode(), app.focus, app.year),
                (Mode::Dashboard, Pane::Costs, 2020)
            );
        }
    }

    /// `S`, the search for `id`, Enter: the words of what the source supports, in the
    /// list's order.
    fn what_source_supports(app: &mut App, id: &str) -> Vec<String> {
        update(app, Action::OpenSources);
        update(app, Action::StartSearch);
        typed(app, id);
        update(app, Action::PromptConfirm);
        assert_eq!(app.sources.selected(&app.data), Some(id));
        update(app, Action::ToggleDetail);
        app.sources
            .supported(app)
            .iter()
            .map(|s| crate::report::cite::support_words(s, app.data.info.host))
            .collect()
    }

    /// What source `id` of the list shown supports, as `S` words it.
    fn words_of(app: &App, id: &str) -> Vec<String> {
        supported(&app.data, &app.hosts, app.host_shown().hosts(), id)
            .iter()
            .map(|s| crate::report::cite::support_words(s, app.data.info.host))
            .collect()
    }

    /// What source `id` of the list shown supports, each record by its host and key
    /// as a file names it: the same whether `S` or `export sources` found it.
    fn keys_of(app: &App, id: &str) -> std::collections::BTreeSet<(String, String)> {
        let d = &app.data;
        supported(d, &app.hosts, app.host_shown().hosts(), id)
            .iter()
            .map(|s| match s {
                // The merged dataset's events and agreements: each of its host, under
                // that host's own id.
                Support::Shown(Citing::Event(e)) => {
                    let host = d.events.iter().find(|x| x.id == *e).unwrap().host;
                    let own = e.trim_start_matches("jp:");
                    (host.key().to_string(), format!("event:{own}"))
                }
                Support::Shown(Citing::Agreement(a)) => {
                    let host = d.agreement(a).unwrap().host;
                    let own = a.trim_start_matches("jp:");
                    (host.key().to_string(), format!("agreement:{own}"))
                }
                Support::Shown(c) => (d.info.host.key().to_string(), c.to_string()),
                Support::Of(h, c) => (h.key().to_string(), c.to_string()),
                Support::Share(e) => ("share".to_string(), e.id.clone()),
            })
            .collect()
    }

    /// The `supports` of `export sources --host all` for source `id` of `host`'s
    /// table, as [`keys_of`] keys them.
    fn exported_keys(
        app: &App,
        host: crate::data::Host,
        id: &str,
    ) -> std::collections::BTreeSet<(String, String)> {
        use crate::report::export::{Cell, sources_of_hosts};
        let table = sources_of_hosts(&app.hosts, &crate::data::Host::ALL);
        let at = |name: &str| table.columns.iter().position(|c| *c == name).unwrap();
        let text = |cell: &Cell| match cell {
            Cell::Text(t) => t.clone(),
            other => panic!("{other:?}"),
        };
        let row = table
            .rows
            .iter()
            .find(|r| text(&r[at("host")]) == host.key() && text(&r[at("id")]) == id)
            .unwrap_or_else(|| panic!("{id} of {host:?} in the file"));
        let keys: Vec<(String, String)> = text(&row[at("supports")])
            .split("; ")
            .map(|k| match k.split_once(':') {
                Some((h @ ("kr" | "jp" | "share"), rest)) => (h.to_string(), rest.to_string()),
                _ => (host.key().to_string(), k.to_string()),
            })
            .collect();
        assert_eq!(
            row[at("supports_count")],
            Cell::Int(keys.len() as i64),
            "{id}"
        );
        keys.into_iter().collect()
    }

    #[test]
    fn with_both_hosts_either_host_s_copy_of_a_source_finds_what_cites_both() {
        use crate::app::HostChoice;
        use crate::app::hosts::tests::app_on;
        use crate::data::Host;
        let mut app = app_on(crate::data::Hosts::embedded().expect("both hosts load"));
        app.change(|i| i.host = HostChoice::Both);
        // The Hill's report, in Korea's table (R02, cited by Korea's figures, events
        // and an estimate) and in Japan's (J82, cited by nothing of Japan's).
        let korea = words_of(&app, "R02");
        for want in [
            "the 2014 contribution",
            "event sma-10-round-1",
            "share estimate thehill-2018-kr: Korea",
        ] {
            assert!(
                korea.iter().any(|w| w.starts_with(want)),
                "{want}: {korea:?}"
            );
        }
        assert_eq!(words_of(&app, "J82"), korea);
        // One source cited by both hosts, each copy in its own words (the troop counts'
        // rebuild: TDR, J74; the World Bank's CPI: WB-CPI, J96): the same list from
        // either, each host's figures in it; and `export sources --host all` lists
        // the same, on each host's row.
        for (kr, jp) in [("TDR", "J74"), ("WB-CPI", "J96")] {
            let from_korea = keys_of(&app, kr);
            assert_eq!(keys_of(&app, jp), from_korea, "{kr} {jp}");
            for host in ["kr", "jp"] {
                assert!(
                    from_korea.iter().any(|(h, _)| h == host),
                    "{kr}: {from_korea:?}"
                );
            }
            assert_eq!(exported_keys(&app, Host::Korea, kr), from_korea, "{kr}");
            assert_eq!(exported_keys(&app, Host::Japan, jp), from_korea, "{jp}");
        }
        // Two sources at one URL with two dates are two: Tim Kane's series is not
        // the rebuild Japan's counts come from.
        assert!(!keys_of(&app, "KANE").iter().any(|(h, _)| h == "jp"));
        // A compilation of reports is not the one report it includes: Japan's GDP
        // sources (J98) are not Korea's 2025 GDP report.
        assert!(
            !keys_of(&app, "BOK-GDP-2026-03-10")
                .iter()
                .any(|(h, _)| h == "jp")
        );
    }

    #[test]
    fn events_of_either_host_are_found_from_the_other_host_s_copy_of_their_source() {
        use crate::app::HostChoice;
        use crate::app::hosts::tests::{app_on, synthetic_japan};
        use crate::data::{Host, Hosts};
        // Japan's sources are Korea's under other ids: J-R29 is R29.
        let mut japan = synthetic_japan();
        let renamed = |ids: &mut Vec<String>| {
            for id in ids {
                *id = format!("J-{id}");
            }
        };
        for s in &mut japan.sources {
            s.id = format!("J-{}", s.id);
        }
        japan
            .events
            .iter_mut()
            .for_each(|e| renamed(&mut e.sources));
        japan
            .contributions
            .iter_mut()
            .for_each(|c| renamed(&mut c.sources));
        let mut hosts = Hosts::korea_only(Dataset::embedded().expect("the dataset loads"));
        hosts.set_japan(Some(japan));
        let mut app = app_on(hosts);
        app.change(|i| i.host = HostChoice::Both);
        let words = words_of(&app, "R29");
        for want in ["event sma-10-round-1", "event jp-sma-10-round-1"] {
            assert!(words.iter().any(|w| w == want), "{want}: {words:?}");
        }
        assert_eq!(words_of(&app, "J-R29"), words);
        // The file lists the same, on each host's row, the other host's events too.
        let keys = keys_of(&app, "R29");
        assert!(keys.contains(&("jp".into(), "event:jp-sma-10-round-1".into())));
        assert_eq!(exported_keys(&app, Host::Korea, "R29"), keys);
        assert_eq!(exported_keys(&app, Host::Japan, "J-R29"), keys);
        // Enter on Japan's event, from Korea's copy: the event, in the timeline.
        let row = words
            .iter()
            .position(|w| w == "event jp-sma-10-round-1")
            .unwrap();
        update(&mut app, Action::OpenSources);
        app.sources.cursor = app
            .sources
            .shown
            .iter()
            .position(|&i| app.data.sources[i].id == "R29")
            .unwrap();
        update(&mut app, Action::ToggleDetail);
        update(&mut app, Action::Move(row as i32));
        update(&mut app, Action::ToggleDetail);
        match app.selected_row() {
            Some(Row::Event(i)) => assert_eq!(app.data.events[i].id, "jp-sma-10-round-1"),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn a_share_estimate_is_found_from_its_source_and_enter_goes_to_it() {
        use crate::app::HostChoice;
        use crate::app::hosts::tests::app_on;
        let mut app = app_on(crate::data::Hosts::embedded().expect("both hosts load"));
        app.change(|i| i.host = HostChoice::Both);
        let words = what_source_supports(&mut app, "J70");
        let row = words
            .iter()
            .position(|w| w.starts_with("share estimate gao-21-270-jp-share: Japan"))
            .unwrap_or_else(|| panic!("{words:?}"));
        update(&mut app, Action::Move(row as i32));
        update(&mut app, Action::ToggleDetail);
        assert_eq!(app.mode(), Mode::Shares);
        assert_eq!(
            app.selected_share().map(|e| e.id.as_str()),
            Some("gao-21-270-jp-share")
        );
        // y there copies the estimate.
        let copied = update(&mut app, Action::Copy);
        assert!(
            matches!(&copied, crate::app::Effect::Copy(t) if t.starts_with("Japan, FY2016–19 (US fiscal years): 37.6 %")),
            "{copied:?}"
        );
        // The source's own citation says what it supports, the estimate too.
        let cited = app
            .citation(&crate::app::cite::Cited::Source("J70".into()))
            .unwrap();
        assert!(
            cited.text.contains("share estimate gao-21-270-jp-share"),
            "{}",
            cited.text
        );
    }

    #[test]
    fn q_goes_back_from_what_a_source_supports_to_the_list_then_closes_it() {
        let mut app = app();
        update(&mut app, Action::OpenSources);
        update(&mut app, Action::ToggleDetail);
        assert_eq!(app.sources.supports, Some(0));
        update(&mut app, Action::CloseOverlay);
        assert_eq!((app.mode(), app.sources.supports), (Mode::Sources, None));
        update(&mut app, Action::CloseOverlay);
        assert_eq!(app.mode(), Mode::Dashboard);
    }

    #[test]
    fn the_help_opens_above_a_detail_a_picker_the_sources_or_a_question_and_returns_there() {
        let mut app = app();
        // A detail, scrolled: the help above it, then the detail where it was.
        update(&mut app, Action::ToggleDetail);
        crate::app::reply(
            &mut app,
            crate::app::Reply::OverlayViewport {
                max_scroll: 10,
                page: 5,
            },
        );
        update(&mut app, Action::Move(3));
        update(&mut app, Action::ToggleHelp);
        assert_eq!(app.mode(), Mode::Help);
        update(&mut app, Action::Move(1));
        update(&mut app, Action::CloseOverlay);
        assert_eq!((app.mode(), app.overlay_scroll), (Mode::Detail, 3));
        // `?` again closes the help the same way.
        update(&mut app, Action::ToggleHelp);
        update(&mut app, Action::ToggleHelp);
        assert_eq!(app.mode(), Mode::Detail);
        update(&mut app, Action::CloseOverlay);
        for open in [Action::OpenKinds, Action::OpenSources] {
            update(&mut app, open);
            let under = app.mode();
            update(&mut app, Action::ToggleHelp);
            assert_eq!(app.mode(), Mode::Help);
            update(&mut app, Action::CloseOverlay);
            assert_eq!(app.mode(), under);
            update(&mut app, Action::CloseOverlay);
            assert_eq!(app.mode(), Mode::Dashboard);
        }
        // A question: the help above it, and the question still asked after.
        app.question = Some(crate::app::Question::Delete("scenario 1".into()));
        update(&mut app, Action::ToggleHelp);
        assert_eq!(app.mode(), Mode::Help);
        update(&mut app, Action::CloseOverlay);
        assert_eq!(app.mode(), Mode::Confirm);
    }

    #[test]
    fn the_filter_moves_the_year_cursor_to_the_selected_event() {
        let mut app = app();
        let before = app.year;
        // The kind picker shows lapses alone: the cursor goes to the lapse's year.
        update(&mut app, Action::OpenKinds);
        let lapse = app
            .timeline
            .kinds
            .iter()
            .position(|(k, _)| *k == crate::data::EventKind::Lapse)
            .unwrap();
        app.timeline.kind_cursor = lapse;
        update(&mut app, Action::ToggleKind);
        let lapse_year = app
            .data
            .events
            .iter()
            .find(|e| e.kind == crate::data::EventKind::Lapse)
            .unwrap()
            .date
            .year();
        assert_ne!(before, lapse_year);
        assert_eq!(app.year, lapse_year);
        // f and F, and clearing, do the same.
        update(&mut app, Action::CloseOverlay);
        for action in [
            Action::CycleFilter(1),
            Action::CycleFilter(-1),
            Action::ClearFilter,
        ] {
            update(&mut app, action);
            let year = app
                .selected_row()
                .and_then(|r| super::super::timeline::row_year(&app.data, r))
                .unwrap();
            let (first, last) = app.year_range();
            assert_eq!(app.year, year.clamp(first, last));
        }
    }
}
