//! sma-dash: argument parsing and dispatch; the work lives in the library.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::builder::TypedValueParser as _;
use clap::{Args, CommandFactory, Parser, Subcommand, ValueEnum};

use sma_dash::app::Pane;
use sma_dash::app::{App, ChartStyle};
use sma_dash::config::{self, Config, Flag, SetupError};
use sma_dash::data::{Dataset, LoadError, summary::Summary};
use sma_dash::econ::{AssumptionId, Assumptions, BandSpreads, CostView, Currency, ScenarioId};
use sma_dash::publish::{self, Size, Theme};
use sma_dash::render;
use sma_dash::report::ProjectionReport;
use sma_dash::report::export::{ExportOptions, Series, export};
use sma_dash::runtime::{self, DebugFailure, FailingEvents, ScriptedEvents};
use sma_dash::store;

const ABOUT: &str = "Follow the US–South Korea defense cost-sharing agreements (SMA): \
timeline, troops, costs and projections";

const LONG_ABOUT: &str = "\
sma-dash follows the US–South Korea defense cost-sharing negotiations, the Special
Measures Agreements (SMA) since 1991: every agreement, round, signing and demand with
its sources, US troop counts in Korea, Korea's contributions, and what the agreements
will cost under the inflation and exchange-rate assumptions you set.

Without a subcommand it opens the dashboard, on the dataset compiled in (or --data DIR).
Every subcommand starts from the same assumptions: the options given, over the config
file's [assumptions], over defaults from the dataset's latest recorded year. The config
file is --config FILE, else $SMA_DASH_CONFIG, else $XDG_CONFIG_HOME/sma-dash/config.toml,
else ~/.config/sma-dash/config.toml; `sma-dash config` says which is read.";

const EXAMPLES: &str = "\
Examples:
  sma-dash                              open the dashboard on the embedded dataset
  sma-dash --cpi 3 --mouse              start from 3 % Korean inflation, with the mouse
  sma-dash check                        validate the embedded dataset and summarise it
  sma-dash check --data mydata          validate the TOML files in mydata/
  sma-dash project --cpi 3              every scenario to 2035 at 3 % Korean inflation
  sma-dash project --usd --format csv   the same as CSV, with dollar amounts
  sma-dash project --band               each amount between its low and high path
  sma-dash chart costs --svg costs.svg  the Costs chart as an image for an article
  sma-dash completions bash             shell completions (also zsh, fish, ...)
  sma-dash help project                 the options of one subcommand";

#[derive(Parser)]
#[command(
    name = "sma-dash",
    version,
    about = ABOUT,
    long_about = LONG_ABOUT,
    after_help = EXAMPLES
)]
struct Cli {
    /// Let the dashboard take the mouse: click to focus or select, wheel to scroll
    /// (the terminal's own text selection then needs Shift).
    #[arg(long)]
    mouse: bool,
    /// Start on this scenario: 12th-sma, 11th-rule, demand-5bn, demand-10bn or custom
    /// charted, or a saved scenario's assumptions applied.
    #[arg(long, value_name = "NAME")]
    scenario: Option<String>,
    #[command(flatten)]
    assumptions: AssumptionArgs,
    #[command(flatten)]
    band: BandArgs,
    #[command(flatten)]
    input: InputArgs,
    #[command(subcommand)]
    command: Option<Command>,
}

// Where the dataset and the config come from: every subcommand takes these.
#[derive(Args)]
#[command(next_help_heading = "Data and configuration")]
struct InputArgs {
    /// Load the dataset from this directory (the layout of assets/) instead of the
    /// embedded one.
    #[arg(long, global = true, value_name = "DIR")]
    data: Option<PathBuf>,
    /// Read this config file instead of $SMA_DASH_CONFIG or ~/.config/sma-dash/config.toml.
    #[arg(long, global = true, value_name = "FILE")]
    config: Option<PathBuf>,
}

#[derive(Subcommand)]
enum Command {
    /// Validate the dataset and print a summary; exit 2 with every problem when invalid.
    #[command(after_help = "\
Examples:
  sma-dash check                   the embedded dataset
  sma-dash check --data mydata     the TOML files in mydata/")]
    Check,
    /// Print one frame of the dashboard as text, after the given keys.
    #[command(after_help = "\
Keys are typed as they are: each character a key press; <name> for a named key or a
chord as the config file writes it: <enter>, <esc>, <tab>, <ctrl-c>, <pagedown>, <lt>.

Examples:
  sma-dash render                               the opening screen at 120x40
  sma-dash render --width 80 --height 24 --keys '2cc'
  sma-dash render --keys '/Honolulu<enter><enter>' --ansi
  sma-dash render --keys 2 --svg docs/dashboard.svg   a picture for documentation")]
    Render {
        /// Width of the frame, in columns.
        #[arg(long, default_value_t = 120, value_parser = |s: &str| cells(s, "width", render::MAX_WIDTH))]
        width: u16,
        /// Height of the frame, in rows.
        #[arg(long, default_value_t = 40, value_parser = |s: &str| cells(s, "height", render::MAX_HEIGHT))]
        height: u16,
        /// Keys to press before the frame is drawn.
        #[arg(long, default_value = "", value_parser = ScriptedEvents::parse)]
        keys: ScriptedEvents,
        /// Keep the colours, as ANSI escape sequences (NO_COLOR still turns them off).
        #[arg(long)]
        ansi: bool,
        /// Write the frame to FILE as an SVG picture with its colours, instead of
        /// printing it.
        #[arg(long, value_name = "FILE", conflicts_with = "ansi")]
        svg: Option<PathBuf>,
        /// Start on this scenario, as the dashboard's --scenario does.
        #[arg(long, value_name = "NAME")]
        scenario: Option<String>,
        #[command(flatten)]
        assumptions: AssumptionArgs,
        #[command(flatten)]
        band: BandArgs,
    },
    /// Print every scenario by year from the last recorded year to the horizon.
    #[command(after_help = "\
Examples:
  sma-dash project                         defaults from recent history
  sma-dash project --cpi 2 --horizon 2030  the 12th SMA at 2 % inflation
  sma-dash project --cpi 2.5,2028=3.5      2.5 % a year, 3.5 % in 2028
  sma-dash project --real 2025 --usd       in won and dollars of 2025
  sma-dash project --band                  each amount between its low and high path
  sma-dash project --band --band-cpi 2     a band of ±2 points of Korean inflation
  sma-dash project --format json > p.json")]
    Project {
        /// Amounts in constant money of this base year (Korean CPI for won, US CPI-U for dollars).
        #[arg(long, value_name = "BASE_YEAR", allow_hyphen_values = true)]
        real: Option<String>,
        /// Add each amount in millions of dollars at that year's exchange rate.
        #[arg(long)]
        usd: bool,
        /// Add each amount's low and high: the band the spreads give (see --band-cpi).
        #[arg(long)]
        band: bool,
        /// How to print: a table to read, or CSV or JSON for other programs.
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
        #[command(flatten)]
        assumptions: AssumptionArgs,
        #[command(flatten)]
        band_spreads: BandArgs,
    },
    /// Write one series of the dataset, or the projections, as CSV or JSON.
    #[command(after_help = "\
Every row records the dataset version and the assumptions used. --real, --usd and the
assumptions apply to contributions and projections only; --band and its spreads to
projections only.

Examples:
  sma-dash export contributions                   CSV on standard output
  sma-dash export contributions --real 2025       in won and dollars of 2025
  sma-dash export events --format json -o events.json
  sma-dash export projections --cpi 3 --horizon 2040
  sma-dash export projections --band --usd        with each amount's low and high
  sma-dash export sources --format json           every source and what cites it")]
    Export {
        /// What to write.
        #[arg(value_parser = series_parser())]
        series: Series,
        /// The file format.
        #[arg(long, value_enum, default_value_t = FileFormat::Csv)]
        format: FileFormat,
        /// Write to this file (replaced whole, never left half-written) instead of standard output.
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
        /// Amounts in constant money of this base year (contributions and projections).
        #[arg(long, value_name = "BASE_YEAR", allow_hyphen_values = true)]
        real: Option<String>,
        /// Give every projected year a dollar figure, at that year's exchange rate
        /// (contributions always have both currencies).
        #[arg(long)]
        usd: bool,
        /// Add each amount's low and high, the band the spreads give (projections).
        #[arg(long)]
        band: bool,
        #[command(flatten)]
        assumptions: AssumptionArgs,
        #[command(flatten)]
        band_spreads: BandArgs,
    },
    /// Draw a chart as an image for publication (SVG, PNG), with its sources and
    /// assumptions.
    #[command(after_help = "\
The chart shows what the dashboard's pane shows with the same options: costs (the
Costs pane), troops (the Troops pane) or scenarios (every scenario, as the Assumptions
pane lists them). Its numbers are those `project` and `export` give for the same
options; the title, unit and basis, legend, sources, dataset version and assumptions
are drawn on it. The view is set by these options alone, not the config's [start].
PNG text is set in the DejaVu Sans compiled in, whatever fonts the machine has.

Examples:
  sma-dash chart costs --svg costs.svg --png costs.png
  sma-dash chart costs --usd --real 2025 --compare demand-10bn --png c.png
  sma-dash chart costs --cpi 3 --band --svg band.svg
  sma-dash chart troops --theme dark --width 800 --height 450 --png troops.png
  sma-dash chart scenarios --usd --svg scenarios.svg")]
    Chart {
        /// Which pane's chart.
        #[arg(value_enum)]
        chart: ChartArg,
        #[command(flatten)]
        image: ImageArgs,
        #[command(flatten)]
        view: ViewArgs,
        #[command(flatten)]
        assumptions: AssumptionArgs,
        #[command(flatten)]
        band_spreads: BandArgs,
    },
    /// Print a completion script for a shell.
    #[command(after_help = "\
Examples:
  sma-dash completions bash > ~/.local/share/bash-completion/completions/sma-dash
  sma-dash completions zsh > ~/.zfunc/_sma-dash      (with fpath+=~/.zfunc)
  sma-dash completions fish > ~/.config/fish/completions/sma-dash.fish")]
    Completions {
        /// The shell.
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff) on standard output.
    #[command(after_help = "\
Examples:
  sma-dash man | man -l -
  sma-dash man > ~/.local/share/man/man1/sma-dash.1")]
    Man,
    /// Show the configuration: where it is read from, or all of it in effect.
    #[command(after_help = "\
Examples:
  sma-dash config                  which files are read
  sma-dash config --print > ~/.config/sma-dash/config.toml")]
    Config {
        /// Print the configuration in effect, as a file that loads back to the same.
        #[arg(long)]
        print: bool,
    },
}

impl Command {
    fn name(&self) -> &'static str {
        match self {
            Command::Check => "check",
            Command::Render { .. } => "render",
            Command::Project { .. } => "project",
            Command::Export { .. } => "export",
            Command::Config { .. } => "config",
            Command::Chart { .. } => "chart",
            Command::Completions { .. } => "completions",
            Command::Man => "man",
        }
    }

    /// Whether the subcommand takes the assumption options.
    fn takes_assumptions(&self) -> bool {
        matches!(
            self,
            Command::Render { .. }
                | Command::Project { .. }
                | Command::Export { .. }
                | Command::Chart { .. }
        )
    }
}

#[derive(Clone, Copy, ValueEnum)]
enum FileFormat {
    Csv,
    Json,
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Table,
    Csv,
    Json,
}

/// The charts `chart` draws.
#[derive(Clone, Copy, ValueEnum)]
enum ChartArg {
    /// Korea's contribution by year, recorded and projected (the Costs pane).
    Costs,
    /// US troops in Korea by year, with the 28,500 level (the Troops pane).
    Troops,
    /// Every scenario's amounts by year (the Assumptions pane's scenarios).
    Scenarios,
}

impl ChartArg {
    fn pane(self) -> Pane {
        match self {
            ChartArg::Costs => Pane::Costs,
            ChartArg::Troops => Pane::Troops,
            ChartArg::Scenarios => Pane::Assumptions,
        }
    }
}

#[derive(Clone, Copy, ValueEnum)]
enum ThemeArg {
    Light,
    Dark,
}

// The image files and their look.
#[derive(Args)]
#[command(next_help_heading = "Image")]
struct ImageArgs {
    /// Write the chart as SVG to FILE (replaced whole, never left half-written).
    #[arg(long, value_name = "FILE")]
    svg: Option<PathBuf>,
    /// Write the chart as PNG to FILE (replaced whole, never left half-written).
    #[arg(long, value_name = "FILE")]
    png: Option<PathBuf>,
    /// The image's width in pixels, 200 to 8000; text grows with it.
    #[arg(long, value_name = "PX", default_value_t = Size::default().width, value_parser = |s: &str| pixels(s, "width"))]
    width: u32,
    /// The image's height in pixels, 200 to 8000.
    #[arg(long, value_name = "PX", default_value_t = Size::default().height, value_parser = |s: &str| pixels(s, "height"))]
    height: u32,
    /// Light or dark background.
    #[arg(long, value_enum, default_value_t = ThemeArg::Light)]
    theme: ThemeArg,
}

// What the chart shows, as the dashboard's keys set it (c, u, r, p, Enter, x, b).
#[derive(Args)]
#[command(next_help_heading = "What the chart shows (as the dashboard's keys)")]
struct ViewArgs {
    /// The cost metric (costs): as `c` cycles them.
    #[arg(long, value_name = "METRIC", value_parser = clap::builder::PossibleValuesParser::new(config::METRIC_NAMES))]
    metric: Option<String>,
    /// Amounts in millions of dollars at each year's exchange rate, not billions of won.
    #[arg(long)]
    usd: bool,
    /// Amounts in constant money of this base year (Korean CPI for won, US CPI-U for dollars).
    #[arg(long, value_name = "BASE_YEAR", allow_hyphen_values = true)]
    real: Option<String>,
    /// The recorded years alone, without a projection (costs).
    #[arg(long)]
    no_projections: bool,
    /// The scenario projected (costs): 12th-sma, 11th-rule, demand-5bn, demand-10bn,
    /// custom, or a saved scenario's assumptions applied.
    #[arg(long, value_name = "NAME")]
    scenario: Option<String>,
    /// Scenarios drawn beside the pinned one (costs), as `x` adds them: a list or the
    /// option again.
    #[arg(long, value_name = "NAME", value_delimiter = ',')]
    compare: Vec<String>,
    /// Each projection between its low and high path, as `b` shows it (see --band-cpi).
    #[arg(long)]
    band: bool,
    /// Bars, one a year, as `m` draws them (costs; compared scenarios need lines).
    #[arg(long)]
    bars: bool,
}

/// A side of an image, in pixels.
fn pixels(text: &str, what: &str) -> Result<u32, String> {
    text.trim()
        .parse::<u32>()
        .ok()
        .filter(|n| (Size::MIN..=Size::MAX).contains(n))
        .ok_or_else(|| {
            format!(
                "expected a {what} in pixels, a whole number from {} to {}",
                Size::MIN,
                Size::MAX
            )
        })
}

// The assumptions, each optional: what is not given comes from the config file, else
// from recent history. Each is read as text and checked by `Assumptions::apply_text`,
// so that every rate reads a negative value, `%` and years set apart the same way, on
// the command line, in the config file and in the dashboard.
#[derive(Args, Default)]
#[command(next_help_heading = "Assumptions (options over config over defaults)")]
struct AssumptionArgs {
    /// Korean CPI inflation past the record, in percent: 3, 3%, or 2.5,2028=3.5 to set
    /// years apart.
    #[arg(long, value_name = "PCT", allow_hyphen_values = true)]
    cpi: Option<String>,
    /// US CPI-U inflation past the record, in percent, as --cpi.
    #[arg(long, value_name = "PCT", allow_hyphen_values = true)]
    us_cpi: Option<String>,
    /// Won per dollar past the record: 1400, or 1400,2028=1500 to set years apart.
    #[arg(long, value_name = "KRW_PER_USD", allow_hyphen_values = true)]
    fx: Option<String>,
    /// ROK defense-budget growth past the record, in percent, as --cpi.
    #[arg(long, value_name = "PCT", allow_hyphen_values = true)]
    defense_growth: Option<String>,
    /// Growth of the custom scenario, in percent a year.
    #[arg(long, value_name = "PCT", allow_hyphen_values = true)]
    growth: Option<String>,
    /// The last year projected, from 2027 to 2100.
    #[arg(long, value_name = "YEAR", allow_hyphen_values = true)]
    horizon: Option<String>,
}

impl AssumptionArgs {
    /// Each option given, as the flag, the assumption and its text.
    fn flags(&self) -> Vec<Flag<'_>> {
        use AssumptionId::*;
        [
            ("--cpi", KoreanCpi, &self.cpi),
            ("--us-cpi", UsCpi, &self.us_cpi),
            ("--fx", KrwPerUsd, &self.fx),
            ("--defense-growth", DefenseGrowth, &self.defense_growth),
            ("--growth", CustomGrowth, &self.growth),
            ("--horizon", Horizon, &self.horizon),
        ]
        .into_iter()
        .filter_map(|(name, id, text)| text.as_deref().map(|text| Flag { name, id, text }))
        .collect()
    }
}

// The band's spreads, each optional: what is not given comes from the config file's
// [band], else from config/default.toml (±1 pp CPI, ±10 % won per dollar, ±2 pp defense
// growth). Each is read and range-checked by `Config::band_spreads`.
#[derive(Args, Default)]
#[command(next_help_heading = "Band (options over config over defaults)")]
struct BandArgs {
    /// The band's spread of Korean CPI inflation, ± percentage points (0 to 10; default 1).
    #[arg(long, value_name = "PP", allow_hyphen_values = true)]
    band_cpi: Option<String>,
    /// The band's spread of US CPI-U inflation, ± percentage points (0 to 10; default 1).
    #[arg(long, value_name = "PP", allow_hyphen_values = true)]
    band_us_cpi: Option<String>,
    /// The band's spread of won per dollar, ± percent of the rate (0 to 50; default 10).
    #[arg(long, value_name = "PCT", allow_hyphen_values = true)]
    band_fx: Option<String>,
    /// The band's spread of defense-budget growth, ± percentage points (0 to 10; default 2).
    #[arg(long, value_name = "PP", allow_hyphen_values = true)]
    band_defense: Option<String>,
}

impl BandArgs {
    /// Each spread given, as the flag, the rate it spreads and its text.
    fn flags(&self) -> Vec<Flag<'_>> {
        use AssumptionId::*;
        [
            ("--band-cpi", KoreanCpi, &self.band_cpi),
            ("--band-us-cpi", UsCpi, &self.band_us_cpi),
            ("--band-fx", KrwPerUsd, &self.band_fx),
            ("--band-defense", DefenseGrowth, &self.band_defense),
        ]
        .into_iter()
        .filter_map(|(name, id, text)| text.as_deref().map(|text| Flag { name, id, text }))
        .collect()
    }
}

/// The assumption options and `--real` (the base year), as flags to apply.
fn with_base_year<'a>(args: &'a AssumptionArgs, real: &'a Option<String>) -> Vec<Flag<'a>> {
    let mut flags = args.flags();
    if let Some(text) = real {
        flags.push(Flag {
            name: "--real",
            id: AssumptionId::BaseYear,
            text,
        });
    }
    flags
}

/// A size of the frame `render` draws, from 1 to `max` cells.
fn cells(text: &str, what: &str, max: u16) -> Result<u16, String> {
    text.trim()
        .parse::<u16>()
        .ok()
        .filter(|n| (1..=max).contains(n))
        .ok_or_else(|| format!("expected a {what} as a whole number from 1 to {max}"))
}

/// `contributions`, `troops`, …: the series `export` takes, listed in `--help`.
fn series_parser() -> impl clap::builder::TypedValueParser<Value = Series> {
    clap::builder::PossibleValuesParser::new(Series::ALL.map(Series::key))
        .map(|key: String| Series::from_key(&key).expect("a possible value names a series"))
}

/// Exit status for bad input: options, files, data.
const BAD_INPUT: u8 = 2;

/// Why a command could not run.
enum Failure {
    /// Problems in the dataset or the config: one `file:line:column: message` a line.
    Files(LoadError),
    /// A bad option or value, in one line.
    Usage(String),
}

impl From<String> for Failure {
    fn from(message: String) -> Self {
        Failure::Usage(message)
    }
}

impl From<SetupError> for Failure {
    fn from(e: SetupError) -> Self {
        match e {
            SetupError::File(e) => Failure::Files(e),
            SetupError::Usage(m) => Failure::Usage(m),
        }
    }
}

/// Options written before a subcommand belong to the dashboard: refused, not dropped.
fn refuse_dashboard_options(cli: &Cli, sub: &Command) -> Result<(), Failure> {
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

/// Only contributions and projections depend on the assumptions, the base year and the
/// exchange rate, and only projections have a band; the other series refuse those
/// options rather than ignore them.
fn refuse_meaningless_export_options(
    series: Series,
    real: &Option<String>,
    usd: bool,
    assumptions: &AssumptionArgs,
    band: bool,
    band_spreads: &BandArgs,
) -> Result<(), Failure> {
    let what = match series {
        Series::Contributions => "contributions",
        Series::Projections => return refuse_spreads_without_band(band, band_spreads),
        Series::Troops => "troop counts",
        Series::Events => "events",
        Series::Agreements => "agreements",
        Series::Economy => "the economic series",
        Series::Sources => "the sources",
    };
    let refused = |flag: &str, only: &str| {
        Err(format!(
            "export {}: {flag} does not apply to {what} (only to {only})",
            series.key()
        )
        .into())
    };
    let band_flag = band
        .then_some("--band")
        .into_iter()
        .chain(band_spreads.flags().into_iter().map(|f| f.name))
        .next();
    if series == Series::Contributions {
        return match band_flag {
            Some(flag) => refused(flag, "projections"),
            None => Ok(()),
        };
    }
    let given = [("--real", real.is_some()), ("--usd", usd)]
        .into_iter()
        .filter(|(_, given)| *given)
        .map(|(flag, _)| flag)
        .chain(assumptions.flags().into_iter().map(|f| f.name));
    match (given.into_iter().next(), band_flag) {
        (Some(flag), _) => refused(flag, "contributions and projections"),
        (None, Some(flag)) => refused(flag, "projections"),
        (None, None) => Ok(()),
    }
}

/// A spread (`--band-cpi` and the like) shapes only the band `--band` adds to `project`
/// and `export projections`: without `--band` it is refused, not dropped.
fn refuse_spreads_without_band(band: bool, spreads: &BandArgs) -> Result<(), Failure> {
    match spreads.flags().first() {
        Some(f) if !band => Err(format!(
            "{} sets the band's spread, which only --band shows: add --band",
            f.name
        )
        .into()),
        _ => Ok(()),
    }
}

/// What every subcommand runs on.
struct Setup {
    dataset: Dataset,
    config: Config,
    assumptions: Assumptions,
    /// The band's spreads, flags over config over defaults: what `project --band` and
    /// `export projections --band` draw, and what the dashboard and `render` hand to the
    /// app for its band.
    band: BandSpreads,
}

/// What every subcommand runs on, loaded one way: the config file, the dataset, then
/// the assumptions and the band's spreads, flags over config over defaults
/// ([`Config::starting_assumptions`], [`Config::band_spreads`]).
fn setup(input: &InputArgs, flags: &[Flag], band_flags: &[Flag]) -> Result<Setup, Failure> {
    let user = config::user_file(input.config.as_deref(), |v| std::env::var_os(v));
    let config = Config::from_user_file(user.as_ref())?;
    let dataset = load_dataset(input.data.as_deref())?;
    let assumptions = config.starting_assumptions(&dataset, flags)?;
    let band = config.band_spreads(band_flags)?;
    Ok(Setup {
        dataset,
        config,
        assumptions,
        band,
    })
}

/// The embedded dataset, or the one in `--data DIR`: a directory that is not there is
/// one line, not a line for each file it should hold.
fn load_dataset(dir: Option<&Path>) -> Result<Dataset, Failure> {
    let Some(dir) = dir else {
        return Dataset::embedded().map_err(Failure::Files);
    };
    let shown = dir.display();
    match std::fs::metadata(dir) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            Err(format!("--data {shown}: no such directory").into())
        }
        Err(e) => Err(format!("--data {shown}: {e}").into()),
        Ok(meta) if !meta.is_dir() => Err(format!(
            "--data {shown}: expected a directory of the dataset's TOML files, found a file"
        )
        .into()),
        Ok(_) => Dataset::load_dir(dir).map_err(Failure::Files),
    }
}

fn run(cli: Cli) -> Result<(), Failure> {
    if let Some(sub) = &cli.command {
        refuse_dashboard_options(&cli, sub)?;
    }
    let input = &cli.input;
    match &cli.command {
        None => {
            let s = setup(input, &cli.assumptions.flags(), &cli.band.flags())?;
            let mut app = configured_app(s.dataset, &s.config, s.assumptions, s.band);
            app.mouse |= cli.mouse;
            // Only the live screen reads the clock: `render` stays the same every day.
            app.today = Some(chrono::Local::now().date_naive());
            load_saved(&mut app);
            if let Some(name) = &cli.scenario {
                app.start_on(name).map_err(|e| format!("--scenario: {e}"))?;
            }
            dashboard(app)?;
        }
        Some(Command::Render {
            width,
            height,
            keys,
            ansi,
            svg,
            scenario,
            assumptions,
            band,
        }) => {
            let s = setup(input, &assumptions.flags(), &band.flags())?;
            let mut app = configured_app(s.dataset, &s.config, s.assumptions, s.band);
            if let Some(name) = scenario {
                // A saved scenario's name needs the saved scenarios; a key does not.
                if ScenarioId::from_key(name).is_none() {
                    load_saved(&mut app);
                }
                app.start_on(name).map_err(|e| format!("--scenario: {e}"))?;
            }
            app.color = (*ansi || svg.is_some()) && app.color;
            // Text and pictures for documents: no OSC 8 sequences in them.
            app.hyperlinks = false;
            match svg {
                Some(path) => {
                    let text = render::frame_svg(&mut app, *width, *height, keys.clone())
                        .map_err(|e| format!("cannot render: {e}"))?;
                    write_file(path, &text)?;
                }
                None => {
                    let text = render::frame(&mut app, *width, *height, keys.clone(), *ansi)
                        .map_err(|e| format!("cannot render: {e}"))?;
                    print_out(&text)?;
                }
            }
        }
        Some(Command::Chart {
            chart,
            image,
            view,
            assumptions,
            band_spreads,
        }) => {
            if image.svg.is_none() && image.png.is_none() {
                return Err("chart: give --svg FILE, --png FILE or both"
                    .to_string()
                    .into());
            }
            refuse_meaningless_chart_options(*chart, view, assumptions, band_spreads)?;
            let s = setup(
                input,
                &with_base_year(assumptions, &view.real),
                &band_spreads.flags(),
            )?;
            let mut app = configured_app(s.dataset, &s.config, s.assumptions, s.band);
            show_as_asked(&mut app, view)?;
            let figure = app.figure(chart.pane()).expect("a chart pane has a figure");
            let size = Size {
                width: image.width,
                height: image.height,
            };
            let theme = match image.theme {
                ThemeArg::Light => Theme::Light,
                ThemeArg::Dark => Theme::Dark,
            };
            // Everything is drawn before anything is written.
            let svg = publish::to_svg(&figure, size, theme);
            let png = match &image.png {
                Some(_) => Some(publish::to_png(&svg, size)?),
                None => None,
            };
            if let Some(path) = &image.svg {
                write_file(path, &svg)?;
            }
            if let (Some(path), Some(png)) = (&image.png, &png) {
                write_file(path, png)?;
            }
        }
        Some(Command::Completions { shell }) => {
            let mut out = Vec::new();
            clap_complete::generate(*shell, &mut Cli::command(), "sma-dash", &mut out);
            print_out(&String::from_utf8_lossy(&out))?;
        }
        Some(Command::Man) => {
            let mut out = Vec::new();
            clap_mangen::Man::new(Cli::command())
                .render(&mut out)
                .map_err(|e| format!("cannot write the manual page: {e}"))?;
            print_out(&String::from_utf8_lossy(&out))?;
        }
        Some(Command::Config { print }) => {
            let Setup { config, .. } = setup(input, &[], &[])?;
            if *print {
                print_out(&config.to_toml())?;
            } else {
                let user = match config::user_file(input.config.as_deref(), |v| std::env::var_os(v))
                {
                    Some(f) if f.path.exists() => format!("{} (read)", f.path.display()),
                    Some(f) => format!("{} (none there)", f.path.display()),
                    None => "none: set HOME, XDG_CONFIG_HOME or SMA_DASH_CONFIG".into(),
                };
                print_out(&format!(
                    "defaults: {} (built in)\nuser file: {user}\nprecedence: options over the user file over the defaults\n`sma-dash config --print` prints the configuration in effect.\n",
                    "config/default.toml"
                ))?;
            }
        }
        Some(Command::Check) => {
            let Setup { dataset, .. } = setup(input, &[], &[])?;
            print_out(&format!("{}\n", Summary::of(&dataset)))?;
        }
        Some(Command::Project {
            assumptions,
            real,
            usd,
            band,
            format,
            band_spreads,
        }) => {
            refuse_spreads_without_band(*band, band_spreads)?;
            let s = setup(
                input,
                &with_base_year(assumptions, real),
                &band_spreads.flags(),
            )?;
            let report = ProjectionReport::with_band(
                &s.dataset,
                &s.assumptions,
                real.is_some(),
                *usd,
                band.then_some(&s.band),
            );
            let text = match format {
                Format::Table => report.to_table(),
                Format::Csv => report.to_csv(),
                Format::Json => report.to_json(),
            };
            print_out(&text)?;
        }
        Some(Command::Export {
            series,
            format,
            real,
            usd,
            output,
            band,
            assumptions,
            band_spreads,
        }) => {
            refuse_meaningless_export_options(
                *series,
                real,
                *usd,
                assumptions,
                *band,
                band_spreads,
            )?;
            let s = setup(
                input,
                &with_base_year(assumptions, real),
                &band_spreads.flags(),
            )?;
            let options = ExportOptions {
                real: real.is_some(),
                usd: *usd,
                band: band.then_some(s.band),
            };
            let table = export(&s.dataset, &s.assumptions, *series, options);
            let text = match format {
                FileFormat::Csv => table.to_csv(),
                FileFormat::Json => table.to_json(),
            };
            match output {
                Some(path) => write_file(path, &text)?,
                None => print_out(&text)?,
            }
        }
    }
    Ok(())
}

/// Replaces `path` whole with `contents`: the file is there complete, or not changed.
fn write_file(path: &Path, contents: impl AsRef<[u8]>) -> Result<(), String> {
    let shown = path.display();
    if path.is_dir() || path.as_os_str().to_string_lossy().ends_with('/') {
        return Err(format!(
            "cannot write {shown}: it names a directory, not a file"
        ));
    }
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    if !dir.is_dir() {
        return Err(format!(
            "cannot write {shown}: no such directory {}",
            dir.display()
        ));
    }
    store::write_atomically(path, contents).map_err(|e| format!("cannot write {shown}: {e}"))
}

/// What the chart options do not change for a chart is refused, not dropped: the
/// troop counts take no money options or assumptions, the scenarios chart no metric,
/// pinned or compared scenario.
fn refuse_meaningless_chart_options(
    chart: ChartArg,
    view: &ViewArgs,
    assumptions: &AssumptionArgs,
    band_spreads: &BandArgs,
) -> Result<(), Failure> {
    refuse_spreads_without_band(view.band, band_spreads)?;
    let given = |flags: &[(&'static str, bool)]| {
        flags
            .iter()
            .find(|(_, given)| *given)
            .map(|(flag, _)| *flag)
    };
    let projection_options = [
        ("--metric", view.metric.is_some()),
        ("--no-projections", view.no_projections),
        ("--scenario", view.scenario.is_some()),
        ("--compare", !view.compare.is_empty()),
        ("--bars", view.bars),
    ];
    if view.bars && !view.compare.is_empty() {
        return Err(
            "chart costs: --bars and --compare do not go together: compared \
                    scenarios are drawn as lines, as on the dashboard"
                .to_string()
                .into(),
        );
    }
    let refused = match chart {
        ChartArg::Costs => None,
        ChartArg::Scenarios => given(&projection_options).map(|f| (f, "scenarios", "costs")),
        ChartArg::Troops => given(&projection_options)
            .or(given(&[
                ("--usd", view.usd),
                ("--real", view.real.is_some()),
                ("--band", view.band),
            ]))
            .or(assumptions.flags().first().map(|f| f.name))
            .map(|f| (f, "troops", "costs and scenarios")),
    };
    match refused {
        Some((flag, name, only)) => Err(format!(
            "chart {name}: {flag} does not apply to this chart (only to {only})"
        )
        .into()),
        None => Ok(()),
    }
}

/// Sets the app's view as the chart options ask, from the dashboard's defaults rather
/// than the config's [start], so that the same options draw the same chart anywhere.
fn show_as_asked(app: &mut App, view: &ViewArgs) -> Result<(), Failure> {
    let (metric, troops) = view
        .metric
        .as_deref()
        .and_then(config::metric_named)
        .unwrap_or((CostView::default().metric, CostView::default().troops));
    app.view = CostView {
        metric,
        troops,
        currency: if view.usd {
            Currency::Usd
        } else {
            Currency::Krw
        },
        real: view.real.is_some(),
    };
    app.show_projections = !view.no_projections;
    app.show_band = view.band;
    app.chart = if view.bars {
        ChartStyle::Bars
    } else {
        ChartStyle::Line
    };
    app.scenario = ScenarioId::CurrentAgreement;
    app.recompute();
    if let Some(name) = &view.scenario {
        if ScenarioId::from_key(name).is_none() {
            load_saved(app);
        }
        app.start_on(name).map_err(|e| format!("--scenario: {e}"))?;
    }
    app.compare = view
        .compare
        .iter()
        .map(|name| {
            ScenarioId::from_key(name.trim()).ok_or_else(|| {
                let keys: Vec<&str> = ScenarioId::ALL.iter().map(|s| s.key()).collect();
                format!(
                    "--compare: expected one of {}, found \"{name}\"",
                    keys.join(", ")
                )
            })
        })
        .collect::<Result<_, _>>()?;
    app.recompute();
    Ok(())
}

/// The app as the config sets it up, starting from `assumptions`.
fn configured_app(
    dataset: Dataset,
    config: &Config,
    assumptions: Assumptions,
    band: BandSpreads,
) -> App {
    let mut app = App::new(dataset);
    app.assumptions = assumptions;
    app.band_spreads = band;
    config.apply_to(&mut app);
    // https://no-color.org: any non-empty value turns colour off.
    app.color = std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
    app
}

/// The user's saved scenarios, from the data directory: the only place the environment's
/// directories are read (the rest takes paths). A file that does not read is moved
/// aside, with a warning on stderr and on the first frame's status line.
fn load_saved(app: &mut App) {
    app.paths.scenarios =
        store::scenarios_path(std::env::var_os("XDG_DATA_HOME"), std::env::var_os("HOME"));
    if let Some(path) = &app.paths.scenarios {
        let loaded = store::load(path, chrono::Utc::now());
        if let Some(warning) = &loaded.warning {
            eprintln!("sma-dash: warning: {warning}");
        }
        // The warning names the first problem; the others follow it.
        if let Some(problems) = loaded.problems.as_ref().filter(|p| p.diagnostics.len() > 1) {
            eprint_problems(problems);
        }
        app.saved = loaded.scenarios;
        app.status = loaded.warning;
    }
}

/// Runs the dashboard; everything that can fail is checked before the screen is taken.
fn dashboard(mut app: App) -> Result<(), String> {
    if !std::io::stdin().is_terminal() || !std::io::stdout().is_terminal() {
        return Err("the dashboard needs a terminal; `sma-dash check` prints a summary".into());
    }
    let mouse = app.mouse;
    app.hyperlinks &= runtime::takes_hyperlinks(std::env::var("TERM").ok().as_deref());
    let debug_failure = std::env::var("SMA_DASH_DEBUG_FAIL")
        .ok()
        .and_then(|v| DebugFailure::from_env_value(&v));
    let result = runtime::enter(mouse).and_then(|(mut terminal, mut events)| match debug_failure {
        Some(failure) => runtime::run(&mut terminal, &mut app, &mut FailingEvents(failure)),
        None => runtime::run(&mut terminal, &mut app, &mut events),
    });
    let restored = runtime::restore(mouse);
    result
        .and(restored)
        .map(|_| ())
        .map_err(|e| format!("terminal error: {e}"))
}

/// Writes to standard output; a reader that stops early (`| head`) is not an error.
fn print_out(text: &str) -> Result<(), String> {
    use std::io::Write;
    match std::io::stdout().lock().write_all(text.as_bytes()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
            Err(format!("cannot write to standard output: {e}"))
        }
        _ => Ok(()),
    }
}

/// clap's own messages in the program's voice (`sma-dash: …`, the usage hint kept);
/// help and version as clap prints them.
fn refuse_arguments(e: clap::Error) -> ExitCode {
    use clap::error::ErrorKind;
    match e.kind() {
        ErrorKind::DisplayHelp
        | ErrorKind::DisplayVersion
        | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            let _ = e.print();
            ExitCode::from(u8::try_from(e.exit_code()).unwrap_or(BAD_INPUT))
        }
        _ => {
            let text = e.render().to_string();
            eprint!(
                "sma-dash: {}",
                text.strip_prefix("error: ").unwrap_or(&text)
            );
            ExitCode::from(BAD_INPUT)
        }
    }
}

/// The count first, in the program's voice; then each problem as an editor reads it,
/// `file:line:column: message`.
fn eprint_problems(errors: &LoadError) {
    let n = errors.diagnostics.len() + errors.more;
    let s = if n == 1 { "" } else { "s" };
    eprintln!("sma-dash: {n} problem{s} in the {}:", errors.subject);
    for d in &errors.diagnostics {
        eprintln!("{d}");
    }
    if errors.more > 0 {
        eprintln!("... and {} more problems", errors.more);
    }
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => return refuse_arguments(e),
    };
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure::Files(errors)) => {
            eprint_problems(&errors);
            ExitCode::from(BAD_INPUT)
        }
        Err(Failure::Usage(message)) => {
            eprintln!("sma-dash: {message}");
            ExitCode::from(BAD_INPUT)
        }
    }
}
