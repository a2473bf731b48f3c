//! The detail of the figure at the year cursor (Enter in Costs or Troops): the value as
//! published, its unit and basis, how it came about, its status and note, and every
//! source: of the figure, of the rule that projected it, of the inputs it was read
//! from. Worded by the same functions as the panes, the tables and the files.

use ratatui::text::Line;

use crate::app::{App, Pane};
use crate::data::{Dataset, Host, LevelKind};
use crate::econ::{
    CostView, Currency, CurrencyOrigin, Metric, Origin, TroopBasis, rule_agreement, rule_sources,
};
use crate::numbers::thousands;
use crate::report::tables::LEVEL_28500;

use super::detail::{Detail, DetailLine, source_lines};
use super::format::amount;
use super::theme::Theme;
use super::timeline::field;
use super::{costs, troops};

/// The detail of `pane`'s figure at the year cursor.
pub fn detail<'a>(app: &App, pane: Pane, theme: &Theme) -> Detail<'a> {
    if let Some(both) = app.both() {
        return super::hosts::figure_detail(app, both, pane, theme);
    }
    match pane {
        Pane::Troops => Detail {
            title: format!("{} · US troops in {}", app.year, app.data.info.host.name()),
            lines: troops_lines(app, theme),
        },
        _ => Detail {
            title: format!(
                "{} · {}",
                app.data.info.host.year_label(app.year),
                app.inputs().view.metric_label()
            ),
            lines: cost_lines(app, theme),
        },
    }
}

fn text<'a>(line: Line<'a>) -> DetailLine<'a> {
    DetailLine::Text(line)
}

fn cost_lines<'a>(app: &App, theme: &Theme) -> Vec<DetailLine<'a>> {
    let d = &app.data;
    let view = &app.inputs().view;
    let base_year = app.inputs().assumptions.base_year;
    // The pane's own first line: the value, its status and confidence.
    let mut lines: Vec<DetailLine> = costs::value_lines(app, theme, usize::MAX, 1)
        .into_iter()
        .map(text)
        .collect();
    let Some(p) = app.cost_at_cursor() else {
        return lines;
    };
    let basis = if view.real { "real" } else { "nominal" };
    lines.push(text(field(
        "Unit",
        format!("{}, {basis}", view.unit(d.info.host, base_year)),
        theme,
    )));
    let record = d.contribution(p.year).filter(|_| !p.projected);
    lines.extend(super::hosts::definition_lines(d, record, theme));
    if let Some(c) = record {
        let host = d.info.host;
        let agreed_in = d.agreement_of(c).map(|a| a.currency.label_for(host));
        let published = published(c, host, agreed_in.as_deref());
        lines.push(text(field("As published", published, theme)));
        if !c.reported.is_empty() {
            lines.push(text(field(
                "Also reported",
                c.reported_summary(d.info.host),
                theme,
            )));
        }
        // Under a figure as agreed, the ones reported in the other currency, redone.
        let checks = crate::econ::cross_checks(d, p.year);
        if p.status(view) == crate::econ::Status::Recorded && !checks.is_empty() {
            lines.push(text(field("Cross-check", checks.join("; "), theme)));
        }
    }
    let how = costs::how_words(app, p);
    if !how.is_empty() {
        lines.push(text(field("How", how, theme)));
    }
    let mut status = p.tags(view).join(" · ");
    if let Some(c) = p.confidence {
        status = format!("{status} · confidence: {}", c.label());
    }
    lines.push(text(field("Status", status, theme)));
    if let Some(note) = record.and_then(|c| c.note.clone()) {
        lines.push(text(field("Note", note, theme)));
    }
    let scenario = app.projection().map(|s| s.scenario).filter(|_| p.projected);
    if let Some(s) = scenario {
        lines.push(text(field(
            "Scenario",
            format!("{} ({})", s.label(), s.key()),
            theme,
        )));
        if let Some(a) = rule_agreement(d, s) {
            lines.push(text(field(
                "Rule",
                format!("{}: {}", a.name(), a.rule_text),
                theme,
            )));
        }
    }
    // Per service member: the troop figure that divides the contribution.
    let troops = (view.metric == Metric::PerServiceMember)
        .then(|| troop_figure(d, view, p.year))
        .flatten();
    if let Some((words, _)) = &troops {
        lines.push(text(field("Divided by", words.clone(), theme)));
    }
    // The sources: the figure's own, or the rule's and the recorded input's.
    if let Some(c) = record {
        lines.extend(recorded_source_lines(d, c, theme));
    }
    if let Some(s) = scenario {
        lines.extend(projected_source_lines(d, s, p, theme));
    }
    if let Some((what, ids)) = conversion_rate(app, p.year, p.origin) {
        lines.extend(source_lines(
            d,
            &format!("Sources of the {what}:"),
            ids,
            theme,
        ));
    }
    if let Some((_, ids)) = troops {
        lines.extend(source_lines(d, "Sources of the troop figure:", ids, theme));
    }
    lines
}

/// The sources of a recorded figure, then those of the figures reported beside it
/// that the figure's own do not already name.
fn recorded_source_lines<'a>(
    d: &Dataset,
    c: &crate::data::Contribution,
    theme: &Theme,
) -> Vec<DetailLine<'a>> {
    let mut lines = source_lines(d, "Sources of the figure:", &c.sources, theme);
    let mut reported: Vec<String> = Vec::new();
    for id in c.reported.iter().flat_map(|r| &r.sources) {
        if !c.sources.contains(id) && !reported.contains(id) {
            reported.push(id.clone());
        }
    }
    if !reported.is_empty() {
        lines.extend(source_lines(
            d,
            "Sources of the reported figures:",
            &reported,
            theme,
        ));
    }
    lines
}

/// The sources of a projected figure: the rule's (none for a custom rate), then the
/// recorded input that drove it.
fn projected_source_lines<'a>(
    d: &Dataset,
    s: crate::econ::ScenarioId,
    p: &crate::econ::CostPoint,
    theme: &Theme,
) -> Vec<DetailLine<'a>> {
    let rule = rule_sources(d, s);
    let mut lines = if rule.is_empty() {
        vec![text(Line::styled(
            "The rule is the custom rate set in the assumptions: no source.",
            theme.dim(),
        ))]
    } else {
        source_lines(d, "Sources of the rule:", &rule, theme)
    };
    if let Some((what, ids)) = p.driver.and_then(|driver| driver.recorded_input(d)) {
        lines.extend(source_lines(
            d,
            &format!("Sources of the {what}:"),
            ids,
            theme,
        ));
    }
    lines
}

/// A recorded contribution as the sources give it, in the agreement's currency:
/// "920.0 bn won (9,200억원), agreed in won"; both parts where the agreement set both.
pub(super) fn published(
    c: &crate::data::Contribution,
    host: Host,
    agreed_in: Option<&str>,
) -> String {
    let nominal = |currency| CostView {
        metric: Metric::Contribution,
        currency,
        real: false,
        troops: TroopBasis::Counted,
    };
    let won = c.local_100m.map(|k| {
        format!(
            "{} ({}{})",
            amount(&nominal(Currency::Local), host, 0, k / 10.0),
            thousands(k, if k.fract() == 0.0 { 0 } else { 1 }),
            host.unit_100m()
        )
    });
    let dollars = c.usd_m.map(|u| amount(&nominal(Currency::Usd), host, 0, u));
    let agreed_in = agreed_in.map_or(String::new(), |c| format!(", agreed in {c}"));
    match (won, dollars) {
        (Some(w), Some(u)) => format!("{u} plus {w}{agreed_in}"),
        (Some(w), None) => format!("{w}{agreed_in}"),
        (None, Some(u)) => format!("{u}{agreed_in}"),
        (None, None) => "no figure published".into(),
    }
}

/// The recorded exchange rate a conversion used, and its sources.
fn conversion_rate(app: &App, year: i32, origin: CurrencyOrigin) -> Option<(String, &[String])> {
    match origin {
        CurrencyOrigin::Converted {
            rate: Origin::Recorded,
            ..
        } => app
            .data
            .exchange_rate(year)
            .map(|r| (format!("{year} won per dollar"), r.sources.as_slice())),
        _ => None,
    }
}

/// The troop figure that divides a contribution per service member in `year`, in
/// words, and its sources.
pub(super) fn troop_figure<'d>(
    d: &'d Dataset,
    view: &CostView,
    year: i32,
) -> Option<(String, &'d [String])> {
    match view.troops {
        TroopBasis::Counted => {
            let t = d.troop_count(year)?;
            let n = t.troops?;
            Some((
                format!(
                    "{} troops, the DMDC count of {year}",
                    thousands(f64::from(n), 0)
                ),
                t.sources.as_slice(),
            ))
        }
        TroopBasis::Headline => {
            let l = d.headline_level(year)?;
            Some((
                format!(
                    "{} troops, the headline level ({})",
                    thousands(f64::from(l.low), 0),
                    l.label
                ),
                l.sources.as_slice(),
            ))
        }
    }
}

fn troops_lines<'a>(app: &App, theme: &Theme) -> Vec<DetailLine<'a>> {
    let d = &app.data;
    let year = app.year;
    // The pane's own first line: the count, its date and confidence, the level.
    let mut lines: Vec<DetailLine> = troops::value_lines(app, theme, usize::MAX)
        .into_iter()
        .take(1)
        .map(text)
        .collect();
    if let Some(t) = d.troop_count(year) {
        let count = match t.troops {
            Some(n) => {
                let gap = i64::from(n) - i64::from(LEVEL_28500);
                let against = match gap {
                    // USFK's level: no other host's.
                    _ if d.info.host != crate::data::Host::Korea => String::new(),
                    0 => " (at the 28,500 level)".to_string(),
                    g if g > 0 => format!(" ({} above the 28,500 level)", thousands(g as f64, 0)),
                    g => format!(" ({} below the 28,500 level)", thousands(-g as f64, 0)),
                };
                format!(
                    "{} active-duty troops{against} · {}",
                    thousands(f64::from(n), 0),
                    t.confidence.label()
                )
            }
            None => format!("no count for {year} · {}", t.confidence.label()),
        };
        lines.push(text(field("DMDC count", count, theme)));
        if let Some(change) = &t.series_break {
            lines.push(text(field("Counting changed", change.clone(), theme)));
        }
        if let Some(note) = &t.note {
            lines.push(text(field("Note", note.clone(), theme)));
        }
        lines.extend(source_lines(d, "Sources of the count:", &t.sources, theme));
    }
    if let Some(l) = d.headline_level(year) {
        let kind = match l.kind {
            LevelKind::Headline => "headline level",
            LevelKind::LegalFloor => "legal floor",
            LevelKind::Plan => "plan",
        };
        let until = l.to.map(|to| format!(" to {to}")).unwrap_or_default();
        lines.push(text(field(
            "Level",
            format!(
                "{} ({kind}, from {}{until}) · {}",
                l.label,
                l.from,
                l.confidence.label()
            ),
            theme,
        )));
        if let Some(note) = &l.note {
            lines.push(text(field("Note", note.clone(), theme)));
        }
        lines.extend(source_lines(d, "Sources of the level:", &l.sources, theme));
    }
    lines
}
