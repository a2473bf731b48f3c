//! Which options go together. One table, [`shaped_by`], says for each option what it
//! changes; an option given where it changes nothing is refused with a line saying
//! where it does apply, never silently dropped.
//!
//! Holds only the rules between options: no loading, no output.

use std::path::Path;

use crate::config::SetupError;
use crate::report::export::Series;

use super::{AssumptionArgs, BandArgs, ChartArg, Cli, Command, HostArg, ViewArgs};
use crate::data::Host;

/// What an option can change: a chart `chart` draws or a series `export` writes.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Output {
    Chart(ChartArg),
    Series(Series),
}

impl Output {
    /// As the "(only to …)" part of a refusal names it.
    fn name(self) -> &'static str {
        match self {
            Output::Chart(c) => c.key(),
            Output::Series(s) => s.key(),
        }
    }
}

const COSTS: Output = Output::Chart(ChartArg::Costs);
const SCENARIOS: Output = Output::Chart(ChartArg::Scenarios);
const HOSTS: Output = Output::Chart(ChartArg::Hosts);
const CONTRIBUTIONS: Output = Output::Series(Series::Contributions);
const PROJECTIONS: Output = Output::Series(Series::Projections);
const MEASURES: Output = Output::Series(Series::Measures);

/// The table: what each option changes. The assumptions, `--real` and `--usd` change
/// the money; the band's options only a projection's band; the view options only the
/// costs chart.
fn shaped_by(flag: &str) -> &'static [Output] {
    match flag {
        "--metric" | "--no-projections" | "--compare" | "--bars" => &[COSTS],
        // The measure both hosts are drawn in; its real dollars take `--real`'s year.
        "--measure" => &[HOSTS],
        // A built-in scenario pins the costs chart; `project` and `export` take only a
        // saved scenario's assumptions, which shape their money.
        "--scenario" => &[COSTS, CONTRIBUTIONS, PROJECTIONS],
        "--band" | "--band-cpi" | "--band-us-cpi" | "--band-fx" | "--band-defense" => {
            &[COSTS, SCENARIOS, PROJECTIONS]
        }
        // The comparable measures are all recorded: only what their real dollars take
        // is theirs, the base year, and for a base year past the record the assumed US
        // CPI-U and the horizon that base year may not pass (as on the dashboard).
        "--real" | "--us-cpi" | "--horizon" => &[
            COSTS,
            SCENARIOS,
            HOSTS,
            CONTRIBUTIONS,
            PROJECTIONS,
            MEASURES,
        ],
        _ => &[COSTS, SCENARIOS, CONTRIBUTIONS, PROJECTIONS],
    }
}

/// The table of hosts: the host whose figures each assumption option shapes; `None`
/// for an option every host reads (US CPI, the horizon) or one that sets each host's
/// own (`--growth`, the custom growth of each host shown).
fn host_shaped_by(flag: &str) -> Option<Host> {
    match flag {
        "--cpi" | "--fx" | "--defense-growth" => Some(Host::Korea),
        "--jp-cpi" | "--jp-fx" | "--jp-growth" => Some(Host::Japan),
        _ => None,
    }
}

/// An assumption option of a host `--host` leaves out changes nothing: refused, with
/// the host it shapes.
pub(super) fn refuse_other_hosts_options(
    host: HostArg,
    assumptions: &AssumptionArgs,
) -> Result<(), SetupError> {
    let shown = host.hosts();
    let refused = assumptions.flags().into_iter().find_map(|f| {
        host_shaped_by(f.name)
            .filter(|h| !shown.contains(h))
            .map(|h| (f.name, h))
    });
    match refused {
        Some((flag, h)) => Err(format!(
            "{flag} sets {}'s figures, which --host {} does not show (add --host {} or all)",
            h.name(),
            host.key(),
            h.key()
        )
        .into()),
        None => Ok(()),
    }
}

/// The first of `given` (in the order given) that does not change `output`, and the
/// outputs of the same command it would change, as "a and b".
fn first_refused<'a>(
    output: Output,
    given: impl IntoIterator<Item = &'a str>,
) -> Option<(&'a str, String)> {
    let same_command = |o: &Output| {
        matches!(
            (o, output),
            (Output::Chart(_), Output::Chart(_)) | (Output::Series(_), Output::Series(_))
        )
    };
    given
        .into_iter()
        .find(|flag| !shaped_by(flag).contains(&output))
        .map(|flag| {
            let names: Vec<&str> = shaped_by(flag)
                .iter()
                .filter(|o| same_command(o))
                .map(|o| o.name())
                .collect();
            (flag, and_list(&names))
        })
}

/// `a`, `a and b`, `a, b and c`.
fn and_list(names: &[&str]) -> String {
    match names {
        [] => String::new(),
        [one] => (*one).to_string(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// Options written before a subcommand belong to the dashboard: refused, not dropped.
pub(super) fn refuse_dashboard_options(cli: &Cli, sub: &Command) -> Result<(), SetupError> {
    let name = sub.name();
    if cli.mouse {
        return Err(format!("--mouse is the dashboard's option; `{name}` does not take it").into());
    }
    if cli.scenario.is_some() {
        let hint = if name == "render" {
            ": put it after `render`"
        } else {
            ""
        };
        return Err(format!(
            "--scenario is the dashboard's option; `{name}` does not take it there{hint}"
        )
        .into());
    }
    let given = cli
        .assumptions
        .flags()
        .into_iter()
        .chain(cli.band.flags())
        .next();
    match given {
        Some(f) if sub.takes_assumptions() => Err(format!(
            "{flag} before `{name}` is not read: put it after the subcommand, as in `sma-dash {name} {flag} {text}`",
            flag = f.name,
            text = f.text
        )
        .into()),
        Some(f) => Err(format!(
            "{} does not apply to `{name}` (only to the dashboard, render, project, export and chart)",
            f.name
        )
        .into()),
        None => Ok(()),
    }
}

/// `export`: only contributions and projections depend on the assumptions, the base
/// year and the exchange rate, and only projections have a band. `given` pairs the
/// other options (`--real`, `--usd`, `--scenario`) with whether they were given.
pub(super) fn refuse_meaningless_export_options(
    series: Series,
    given: &[(&'static str, bool)],
    assumptions: &AssumptionArgs,
    band: bool,
    band_spreads: &BandArgs,
) -> Result<(), SetupError> {
    if series == Series::Projections {
        return refuse_spreads_without_band(band, band_spreads);
    }
    let what = match series {
        Series::Contributions => "contributions",
        Series::Projections => "projections",
        Series::Troops => "troop counts",
        Series::Events => "events",
        Series::Agreements => "agreements",
        Series::Economy => "the economic series",
        Series::Sources => "the sources",
        Series::Shares => "the share estimates",
        Series::Measures => "the comparable measures",
    };
    let given = given
        .iter()
        .filter(|(_, given)| *given)
        .map(|(flag, _)| *flag)
        .chain(assumptions.flags().into_iter().map(|f| f.name))
        .chain(band.then_some("--band"))
        .chain(band_spreads.flags().into_iter().map(|f| f.name));
    match first_refused(Output::Series(series), given) {
        Some((flag, only)) => Err(format!(
            "export {}: {flag} does not apply to {what} (only to {only})",
            series.key()
        )
        .into()),
        None => Ok(()),
    }
}

/// `chart`: the troop counts take no money options or assumptions, the scenarios chart
/// no metric, pinned or compared scenario; bars and compared scenarios do not mix.
pub(super) fn refuse_meaningless_chart_options(
    chart: ChartArg,
    (view, measure): (&ViewArgs, Option<&str>),
    assumptions: &AssumptionArgs,
    band_spreads: &BandArgs,
) -> Result<(), SetupError> {
    refuse_spreads_without_band(view.band, band_spreads)?;
    if view.bars && !view.compare.is_empty() {
        return Err(
            "chart costs: --bars and --compare do not go together: compared \
                    scenarios are drawn as lines, as on the dashboard"
                .to_string()
                .into(),
        );
    }
    let given = [
        ("--metric", view.metric.is_some()),
        ("--no-projections", view.no_projections),
        ("--scenario", view.scenario.is_some()),
        ("--compare", !view.compare.is_empty()),
        ("--bars", view.bars),
        ("--usd", view.usd),
        ("--real", view.real.is_some()),
        ("--band", view.band),
        ("--measure", measure.is_some()),
    ]
    .into_iter()
    .filter(|(_, given)| *given)
    .map(|(flag, _)| flag)
    .chain(assumptions.flags().into_iter().map(|f| f.name));
    if let Some((flag, only)) = first_refused(Output::Chart(chart), given) {
        return Err(format!(
            "chart {}: {flag} does not apply to this chart (only to {only})",
            chart.key()
        )
        .into());
    }
    // The hosts chart's base year, US CPI-U and horizon shape its real dollars alone.
    let real_only = [
        ("--real", view.real.is_some()),
        ("--us-cpi", assumptions.us_cpi.is_some()),
        ("--horizon", assumptions.horizon.is_some()),
    ];
    match real_only.iter().find(|(_, given)| *given) {
        Some((flag, _)) if chart == ChartArg::Hosts && measure != Some("real-dollars") => {
            Err(format!(
                "chart hosts: {flag} shapes the real dollars of a base year: give it with --measure real-dollars"
            )
            .into())
        }
        _ => Ok(()),
    }
}

/// A spread (`--band-cpi` and the like) shapes only the band `--band` adds: without
/// `--band` it is refused, not dropped.
pub(super) fn refuse_spreads_without_band(
    band: bool,
    spreads: &BandArgs,
) -> Result<(), SetupError> {
    match spreads.flags().first() {
        Some(f) if !band => Err(format!(
            "{} sets the band's spread, which only --band shows: add --band",
            f.name
        )
        .into()),
        _ => Ok(()),
    }
}

/// `--svg X --png X` would leave one image in X, the other lost: refused, whether the
/// two paths are spelt alike or lead to the same file.
pub(super) fn refuse_one_file_for_two(
    svg: Option<&Path>,
    png: Option<&Path>,
) -> Result<(), SetupError> {
    let (Some(svg), Some(png)) = (svg, png) else {
        return Ok(());
    };
    let same_file = match (std::fs::canonicalize(svg), std::fs::canonicalize(png)) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    };
    let absolute = |p: &Path| std::path::absolute(p).ok();
    if svg == png || same_file || absolute(svg) == absolute(png) {
        return Err(format!(
            "chart: --svg and --png name the same file ({}): give each image its own",
            svg.display()
        )
        .into());
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_refusal_names_where_the_option_applies_within_its_command() {
        assert_eq!(
            first_refused(Output::Series(Series::Troops), ["--usd"]),
            Some(("--usd", "contributions and projections".to_string()))
        );
        assert_eq!(
            first_refused(Output::Series(Series::Contributions), ["--cpi", "--band"]),
            Some(("--band", "projections".to_string()))
        );
        assert_eq!(
            first_refused(Output::Chart(ChartArg::Troops), ["--band-fx"]),
            Some(("--band-fx", "costs and scenarios".to_string()))
        );
        assert_eq!(
            first_refused(Output::Chart(ChartArg::Scenarios), ["--usd", "--metric"]),
            Some(("--metric", "costs".to_string()))
        );
        assert_eq!(first_refused(COSTS, ["--bars", "--band", "--cpi"]), None);
        assert_eq!(first_refused(PROJECTIONS, ["--band-cpi", "--real"]), None);
    }

    #[test]
    fn lists_read_as_english() {
        assert_eq!(and_list(&["a"]), "a");
        assert_eq!(and_list(&["a", "b"]), "a and b");
        assert_eq!(and_list(&["a", "b", "c"]), "a, b and c");
    }
}
