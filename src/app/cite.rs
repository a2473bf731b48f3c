//! What `y` copies: the citation of whatever is selected, worded by `report::cite`, and
//! the command that prints the same text where the terminal's clipboard cannot be used.

use crate::econ::compare::MeasureKind;
use crate::econ::{AssumptionId, Currency, Metric, TroopBasis};
use crate::report::cite::{self, Citation};

use super::{App, DetailOf, Mode, Pane, Row};

/// What `y` asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cited {
    /// The figure of this pane at the year cursor.
    Figure(Pane),
    Event(usize),
    Agreement(usize),
    Source(String),
    /// A published estimate of a host's share of US stationing cost, by its id.
    Share(String),
    /// The totals of the scenario the Assumptions pane has selected (else the pinned).
    Scenario,
}

impl App {
    /// What `y` would copy now: the source selected in the sources list, the detail
    /// open, or the focused pane's selection.
    pub fn cited(&self) -> Option<Cited> {
        let open = self.overlay.or(self.beneath.map(|(m, _)| m));
        match open {
            Some(Mode::Shares) => {
                return self.selected_share().map(|e| Cited::Share(e.id.clone()));
            }
            Some(Mode::Sources) => {
                return self
                    .sources
                    .selected(&self.data)
                    .map(|id| Cited::Source(id.into()));
            }
            Some(Mode::Detail) => {
                if let DetailOf::Figure(pane) = self.detail {
                    return Some(Cited::Figure(pane));
                }
                return self.row_cited();
            }
            _ => {}
        }
        match self.focus {
            Pane::Timeline => self.row_cited(),
            pane @ (Pane::Costs | Pane::Troops) => Some(Cited::Figure(pane)),
            Pane::Assumptions => Some(Cited::Scenario),
        }
    }

    fn row_cited(&self) -> Option<Cited> {
        match self.selected_row()? {
            Row::Event(i) => Some(Cited::Event(i)),
            Row::Agreement(i) => Some(Cited::Agreement(i)),
            Row::Unattached => None,
        }
    }

    /// The citation of `cited`, as `sma-dash cite` prints it.
    pub fn citation(&self, cited: &Cited) -> Option<Citation> {
        let d = &self.data;
        match cited {
            Cited::Figure(pane) if self.both().is_some() => self.both_citation(*pane),
            Cited::Figure(Pane::Troops) => cite::troop_figure(d, self.year),
            Cited::Figure(_) => cite::cost_figure(&self.costs_input(), self.year),
            Cited::Event(i) => d.events.get(*i).map(|e| cite::event(d, e)),
            Cited::Agreement(i) => d.agreements.get(*i).map(|a| cite::agreement(d, a)),
            Cited::Source(id) => Some(cite::source(d, &self.hosts, self.host_shown().hosts(), id)),
            Cited::Share(id) => self
                .hosts
                .shares()
                .estimates
                .iter()
                .find(|e| &e.id == id)
                .map(|e| cite::share(&self.hosts, e)),
            Cited::Scenario => {
                let scenario = self.selected_scenario().unwrap_or(self.inputs().scenario);
                let totals = self
                    .derived()
                    .totals
                    .iter()
                    .find(|t| t.scenario == scenario)?;
                Some(cite::scenario(
                    d,
                    &self.inputs().assumptions,
                    &self.inputs().view,
                    scenario,
                    [totals.span, totals.to_horizon],
                ))
            }
        }
    }

    /// The command that prints the citation of `cited`: for where `y` cannot reach the
    /// clipboard. It names what is cited, the view, and each assumption the text
    /// depends on that differs from where `cite` starts ([`App::command`]).
    pub fn cite_command(&self, cited: &Cited) -> String {
        let view = &self.inputs().view;
        let mut asked = vec!["cite".to_string()];
        // A figure or totals of the host shown: its assumptions, the base year where
        // amounts are real.
        let of_host: Vec<AssumptionId> = self
            .assumption_ids()
            .iter()
            .copied()
            .filter(|id| view.real || *id != AssumptionId::BaseYear)
            .collect();
        let ids: Vec<AssumptionId> = match cited {
            Cited::Figure(Pane::Troops) => {
                asked.push(format!("--troops {}", self.year));
                Vec::new()
            }
            // Both hosts: their recorded figures in the measure picked, always named
            // (the config may start on another); real dollars are of the base year,
            // deflated by US CPI-U past its record, and the years reach the horizon.
            Cited::Figure(_) if self.both().is_some() => {
                let measure = self.inputs().measure;
                asked.push(format!("--year {} --measure {}", self.year, measure.name()));
                if measure == MeasureKind::RealUsd {
                    super::command::REAL_DOLLARS.to_vec()
                } else {
                    vec![AssumptionId::Horizon]
                }
            }
            Cited::Figure(_) => {
                asked.push(format!("--year {}", self.year));
                asked.extend(self.view_options());
                // The host's own agreement is what `cite` projects by unless told.
                let first = crate::econ::ScenarioId::of_host(self.data.info.host)[0];
                if self.inputs().scenario != first {
                    asked.push(format!("--scenario {}", self.inputs().scenario.key()));
                }
                of_host
            }
            Cited::Event(i) => {
                let id = self.data.events.get(*i).map_or("?", |e| e.id.as_str());
                asked.push(format!("--event {id}"));
                Vec::new()
            }
            Cited::Agreement(i) => {
                let id = self.data.agreements.get(*i).map_or("?", |a| a.id.as_str());
                asked.push(format!("--agreement {id}"));
                Vec::new()
            }
            Cited::Source(id) => {
                asked.push(format!("--source {id}"));
                Vec::new()
            }
            Cited::Share(id) => {
                asked.push(format!("--share {id}"));
                Vec::new()
            }
            Cited::Scenario => {
                let scenario = self.selected_scenario().unwrap_or(self.inputs().scenario);
                asked.push(format!("--totals {}", scenario.key()));
                if view.currency == Currency::Usd {
                    asked.push("--usd".into());
                }
                of_host
            }
        };
        self.command(&asked, &ids, true)
    }

    /// The Costs view of one host as `cite` takes it: `--usd`, `--metric` where not
    /// the contribution (`--real` is the base year's, an assumption).
    fn view_options(&self) -> Vec<String> {
        let view = &self.inputs().view;
        let mut options = Vec::new();
        if view.currency == Currency::Usd {
            options.push("--usd".into());
        }
        if view.metric != Metric::Contribution {
            let name = match (view.metric, view.troops) {
                (Metric::YearOnYear, _) => "change",
                (Metric::PerServiceMember, TroopBasis::Counted) => "per-member",
                (Metric::PerServiceMember, TroopBasis::Headline) => "per-member-headline",
                (Metric::Cumulative, _) => "cumulative",
                (Metric::Contribution, _) => "contribution",
            };
            options.push(format!("--metric {name}"));
        }
        options
    }
}

/// `y`: the citation of the selection to the terminal's clipboard, and the status line
/// says what and how long; where the clipboard cannot be reached, the command that
/// prints the same text.
pub(super) fn copy(app: &mut App) -> super::Effect {
    let Some(cited) = app.cited() else {
        app.status = Some("nothing selected to copy".into());
        return super::Effect::Redraw;
    };
    let Some(citation) = app.citation(&cited) else {
        app.status = Some(format!("no figure for {} to copy", app.year));
        return super::Effect::Redraw;
    };
    if let Some(why) = &app.clipboard_off {
        app.status = Some(format!(
            "not copied: {why}; `{}` prints the same text",
            app.cite_command(&cited)
        ));
        return super::Effect::Redraw;
    }
    app.status = Some(format!(
        "copied {} with sources: {} characters",
        citation.what,
        citation.chars()
    ));
    super::Effect::Copy(citation.text)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::{Action, Effect, update};
    use crate::data::Dataset;

    fn app() -> App {
        crate::config::default_app(Dataset::embedded().expect("the embedded dataset loads"))
    }

    fn event(app: &App, id: &str) -> usize {
        app.data
            .events
            .iter()
            .position(|e| e.id == id)
            .expect("the event is in the dataset")
    }

    #[test]
    fn a_year_s_figure_is_cited_with_its_unit_basis_status_span_and_every_source() {
        let mut app = app();
        app.year = 2014;
        let c = app.citation(&Cited::Figure(Pane::Costs)).unwrap();
        insta::assert_snapshot!("figure_costs_2014", c.text);
        assert_eq!(c.what, "the 2014 contribution");
        // Every source on a line of its own, with its whole URL.
        for id in &app.data.contribution(2014).unwrap().sources {
            let s = app.data.source(id).unwrap();
            let line = c
                .text
                .lines()
                .find(|l| l.starts_with(&format!("[{id}]")))
                .unwrap();
            if let Some(url) = &s.url {
                assert!(line.ends_with(url.as_str()), "{line}");
            }
        }
        app.year = 2028;
        let projected = app.citation(&Cited::Figure(Pane::Costs)).unwrap();
        insta::assert_snapshot!("figure_costs_projected_2028", projected.text);
        app.year = 2014;
        let troops = app.citation(&Cited::Figure(Pane::Troops)).unwrap();
        insta::assert_snapshot!("figure_troops_2014", troops.text);
    }

    #[test]
    fn an_event_a_source_and_a_scenario_are_cited() {
        let app = app();
        let round = event(&app, "sma-10-round-1");
        let c = app.citation(&Cited::Event(round)).unwrap();
        insta::assert_snapshot!("event_sma_10_round_1", c.text);
        let s = app.citation(&Cited::Source("R29".into())).unwrap();
        insta::assert_snapshot!("source_r29", s.text);
        let totals = app.citation(&Cited::Scenario).unwrap();
        insta::assert_snapshot!("scenario_12th_sma", totals.text);
    }

    #[test]
    fn y_copies_what_is_selected_and_says_what_and_how_long() {
        let mut app = app();
        update(&mut app, Action::Focus(Pane::Costs));
        app.year = 2014;
        let expected = app.citation(&Cited::Figure(Pane::Costs)).unwrap();
        assert_eq!(
            update(&mut app, Action::Copy),
            Effect::Copy(expected.text.clone())
        );
        assert_eq!(
            app.status.as_deref(),
            Some(
                format!(
                    "copied the 2014 contribution with sources: {} characters",
                    expected.text.chars().count()
                )
                .as_str()
            )
        );
        // The detail open copies what it shows: an event's.
        update(&mut app, Action::Focus(Pane::Timeline));
        let selected = match app.selected_row() {
            Some(super::Row::Event(i)) => i,
            _ => {
                update(&mut app, Action::Move(1));
                match app.selected_row() {
                    Some(super::Row::Event(i)) => i,
                    other => panic!("{other:?}"),
                }
            }
        };
        update(&mut app, Action::ToggleDetail);
        let event = app.citation(&Cited::Event(selected)).unwrap();
        assert_eq!(update(&mut app, Action::Copy), Effect::Copy(event.text));
    }

    #[test]
    fn without_the_clipboard_y_names_the_command_that_prints_the_same() {
        let mut app = app();
        app.clipboard_off = Some("the Linux console has no clipboard sequence (OSC 52)".into());
        update(&mut app, Action::Focus(Pane::Costs));
        update(&mut app, Action::ToggleCurrency);
        app.year = 2014;
        assert_eq!(update(&mut app, Action::Copy), Effect::Redraw);
        let status = app.status.clone().unwrap();
        assert!(
            status.starts_with("not copied: the Linux console"),
            "{status}"
        );
        assert!(
            status.ends_with("`sma-dash cite --year 2014 --usd` prints the same text"),
            "{status}"
        );
    }

    #[test]
    fn y_on_both_hosts_copies_their_citation_or_names_its_cite_command() {
        let config = crate::config::Config::defaults();
        let hosts = crate::data::Hosts::embedded().expect("both embedded hosts load");
        let mut app = App::with_hosts(hosts, &config.start, config.keymap, |_| {});
        app.change(|i| {
            i.host = super::super::HostChoice::Both;
            i.measure = MeasureKind::ShareOfDefense;
        });
        update(&mut app, Action::Focus(Pane::Costs));
        app.year = 2016;
        let expected = app.citation(&Cited::Figure(Pane::Costs)).unwrap();
        assert!(
            expected.text.contains("\nJapan, FY2016"),
            "{}",
            expected.text
        );
        assert_eq!(update(&mut app, Action::Copy), Effect::Copy(expected.text));
        app.clipboard_off = Some("no clipboard".into());
        update(&mut app, Action::Copy);
        assert_eq!(
            app.status.as_deref(),
            Some(
                "not copied: no clipboard; `sma-dash cite --year 2016 --measure defense-budget --host all` prints the same text"
            )
        );
    }
}
