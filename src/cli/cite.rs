//! `cite`: the citation `y` copies in the dashboard, printed.

use clap::Args;

use crate::app::cite::Cited;
use crate::app::{App, Pane};
use crate::config::{self, SetupError};
use crate::econ::compare::MeasureKind;

use super::commands::{configured_app_on, print_out, show_as_asked, show_host, show_measure};
use super::{AssumptionArgs, HostArg, InputArgs, ViewArgs, setup_every_host, with_base_year};

// The options of `cite`: what to cite (one of them), and the view of a Costs figure.
#[derive(Args)]
#[command(group(clap::ArgGroup::new("what").required(true).args(["year", "troops", "event", "agreement", "source", "share", "totals"])))]
pub(super) struct CiteArgs {
    /// The Costs figure of this year, in the view the other options set.
    #[arg(long, value_name = "YEAR", allow_hyphen_values = true)]
    year: Option<i32>,
    /// The troop count and level of this year.
    #[arg(long, value_name = "YEAR", allow_hyphen_values = true)]
    troops: Option<i32>,
    /// An event, by its id in the dataset (as `export events` lists them).
    #[arg(long, value_name = "ID")]
    event: Option<String>,
    /// An agreement, by its id (sma-10).
    #[arg(long, value_name = "ID")]
    agreement: Option<String>,
    /// A source, by its id (R01).
    #[arg(long, value_name = "ID")]
    source: Option<String>,
    /// A published estimate of a host's share of US stationing cost, by its id (as
    /// `export shares` lists them: dod-2004-jp).
    #[arg(long, value_name = "ID")]
    share: Option<String>,
    /// A scenario's totals over the agreement and to the horizon.
    #[arg(long, value_name = "SCENARIO")]
    totals: Option<String>,
    /// Whose figures, events and sources: kr (Korea, the default), jp (Japan: its
    /// fiscal years, its sources) or all (both, as the dashboard shows them).
    #[arg(long, value_enum)]
    host: Option<HostArg>,
    /// What both hosts' figures are measured in (--year with --host all), as the
    /// dashboard's --measure: dollars (the default), real-dollars, per-member,
    /// defense-budget or gdp.
    #[arg(long, value_name = "MEASURE", value_parser = clap::builder::PossibleValuesParser::new(MeasureKind::NAMES))]
    measure: Option<String>,
    /// The cost metric (--year, one host): as `c` cycles them.
    #[arg(long, value_name = "METRIC", value_parser = clap::builder::PossibleValuesParser::new(config::METRIC_NAMES))]
    metric: Option<String>,
    /// Amounts in millions of dollars at each year's exchange rate.
    #[arg(long)]
    usd: bool,
    /// Amounts in constant money of this base year.
    #[arg(long, value_name = "BASE_YEAR", allow_hyphen_values = true)]
    real: Option<String>,
    /// The scenario a projected year (--year) comes from.
    #[arg(long, value_name = "NAME")]
    scenario: Option<String>,
    #[command(flatten)]
    assumptions: AssumptionArgs,
}

/// `cite`: prints what `y` would copy for the same selection and view.
pub(super) fn cite(input: &InputArgs, args: &CiteArgs) -> Result<(), SetupError> {
    refuse_other_views(args)?;
    let s = setup_every_host(
        input,
        // --growth sets the custom growth of each host shown, as on the dashboard.
        &with_base_year(
            &args.assumptions,
            args.real.as_ref(),
            args.host.unwrap_or(HostArg::Kr),
        ),
        &[],
        args.host,
    )?;
    let mut app = configured_app_on(s);
    show_host(&mut app, args.host)?;
    // A citation may name any host's source or a share estimate: every host, as `y`
    // after a first key.
    app.take_japan();
    show_measure(&mut app, args.measure.as_deref());
    let view = ViewArgs {
        metric: args.metric.clone(),
        usd: args.usd,
        real: args.real.clone(),
        no_projections: false,
        scenario: args.scenario.clone().or(args.totals.clone()),
        compare: Vec::new(),
        band: false,
        bars: false,
    };
    show_as_asked(&mut app, &view)?;
    let cited = cited(&mut app, args)?;
    let citation = app
        .citation(&cited)
        .ok_or_else(|| format!("cite: no figure for {}", app.year))?;
    print_out(&format!("{}\n", citation.text))?;
    Ok(())
}

/// Both hosts' Costs figure is in a measure, one host's in a metric and a currency:
/// the options of the other view change nothing, and are refused.
fn refuse_other_views(args: &CiteArgs) -> Result<(), SetupError> {
    let both = args.host == Some(HostArg::All);
    if args.measure.is_some() && !(both && args.year.is_some()) {
        return Err("cite: --measure is what both hosts' figures are measured in: give it with --year and --host all"
            .to_string()
            .into());
    }
    let one_host = [("--metric", args.metric.is_some()), ("--usd", args.usd)];
    match one_host.iter().find(|(_, given)| *given) {
        Some((flag, _)) if both && args.year.is_some() => Err(format!(
            "cite: {flag} is one host's view; with --host all, --year cites both hosts' figures in --measure ({})",
            MeasureKind::NAMES.join(", ")
        )
        .into()),
        _ => Ok(()),
    }
}

/// What `cite` was asked for, with the year cursor where it looks; an id the dataset
/// does not hold is refused, naming some it does.
fn cited(app: &mut App, args: &CiteArgs) -> Result<Cited, SetupError> {
    let d = &app.data;
    let unknown = |what: &str, id: &str, known: Vec<&str>| -> SetupError {
        let shown: Vec<&str> = known.iter().take(8).copied().collect();
        let more = if known.len() > shown.len() {
            ", …"
        } else {
            ""
        };
        format!(
            "cite: no {what} \"{id}\" in the dataset (it has {}{more})",
            shown.join(", ")
        )
        .into()
    };
    if let Some(id) = &args.event {
        return match d.events.iter().position(|e| &e.id == id) {
            Some(i) => Ok(Cited::Event(i)),
            None => Err(unknown(
                "event",
                id,
                d.events.iter().map(|e| e.id.as_str()).collect(),
            )),
        };
    }
    if let Some(id) = &args.agreement {
        return match d.agreements.iter().position(|a| &a.id == id) {
            Some(i) => Ok(Cited::Agreement(i)),
            None => Err(unknown(
                "agreement",
                id,
                d.agreements.iter().map(|a| a.id.as_str()).collect(),
            )),
        };
    }
    if let Some(id) = &args.share {
        let estimates = &app.hosts.shares().estimates;
        return match estimates.iter().find(|e| &e.id == id) {
            Some(_) => Ok(Cited::Share(id.clone())),
            None => Err(unknown(
                "share estimate",
                id,
                estimates.iter().map(|e| e.id.as_str()).collect(),
            )),
        };
    }
    if let Some(id) = &args.source {
        if d.source(id).is_some() {
            return Ok(Cited::Source(id.clone()));
        }
        // Another host's source: say whose.
        let shown = app.host_shown().hosts();
        let elsewhere = crate::data::Host::ALL.into_iter().find(|h| {
            !shown.contains(h) && app.hosts.get(*h).is_some_and(|o| o.source(id).is_some())
        });
        return Err(match elsewhere {
            Some(h) => format!(
                "cite: source \"{id}\" is {}'s: add --host {}",
                h.name(),
                h.key()
            )
            .into(),
            None => unknown(
                "source",
                id,
                d.sources.iter().map(|s| s.id.as_str()).collect(),
            ),
        });
    }
    let (pane, year) = match (args.year, args.troops) {
        (Some(y), _) => (Pane::Costs, y),
        (None, Some(y)) => (Pane::Troops, y),
        (None, None) => return Ok(Cited::Scenario),
    };
    if pane == Pane::Troops {
        app.change(|i| i.troop_history = true);
    }
    let (first, last) = app.year_range();
    if !(first..=last).contains(&year) {
        return Err(format!("cite: expected a year from {first} to {last}, found {year}").into());
    }
    app.year = year;
    Ok(Cited::Figure(pane))
}
