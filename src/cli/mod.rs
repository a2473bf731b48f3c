//! The command line: the clap definitions, and [`run`], which parses the arguments,
//! hands each subcommand to its function in `commands.rs` and turns a failure into a
//! message and an exit status. Which options go together is `options.rs`.
//!
//! Holds no rule of the data, the economics or the screen: it calls the library.

mod cite;
mod commands;
mod options;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::builder::TypedValueParser as _;
use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::app::Pane;
use crate::config::{self, Config, Flag, SetupError};
use crate::data::{Dataset, Host, Hosts, LoadError};
use crate::econ::compare::MeasureKind;
use crate::econ::{AssumptionId, Assumptions, BandSpreads, spec};
use crate::publish::Size;
use crate::render;
use crate::report::export::Series;
use crate::runtime::ScriptedEvents;

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
  sma-dash check                        validate the embedded datasets and summarise them
  sma-dash check --data mydata          validate the TOML files in mydata/ (and mydata/japan/)
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
    /// The host shown: kr (Korea, the default), jp (Japan) or all (both side by side);
    /// `H` turns to the next.
    #[arg(long, value_enum)]
    host: Option<HostArg>,
    /// What Costs measures both hosts' payments in while both are shown (`c` picks
    /// the next): dollars, real-dollars, per-member, defense-budget or gdp.
    #[arg(long, value_name = "MEASURE", value_parser = clap::builder::PossibleValuesParser::new(MeasureKind::NAMES))]
    measure: Option<String>,
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
    /// Validate the datasets (Korea's, and Japan's where present) and print a summary of
    /// each; exit 2 with every problem when invalid.
    #[command(after_help = "\
Examples:
  sma-dash check                   the embedded datasets, Korea's and Japan's
  sma-dash check --data mydata     the TOML files in mydata/, and Japan's in mydata/japan/")]
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
    Render(RenderArgs),
    /// Print every scenario by year from the last recorded year to the horizon.
    #[command(after_help = "\
Examples:
  sma-dash project                         defaults from recent history
  sma-dash project --cpi 2 --horizon 2030  the 12th SMA at 2 % inflation
  sma-dash project --cpi 2.5,2028=3.5      2.5 % a year, 3.5 % in 2028
  sma-dash project --real 2025 --usd       in won and dollars of 2025
  sma-dash project --band                  each amount between its low and high path
  sma-dash project --band --band-cpi 2     a band of ±2 points of Korean inflation
  sma-dash project --scenario mine         with a saved scenario's assumptions
  sma-dash project --format json > p.json")]
    Project(ProjectArgs),
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
  sma-dash export projections --scenario mine     with a saved scenario's assumptions
  sma-dash export sources --format json           every source and what cites it")]
    Export(ExportArgs),
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
    Chart(ChartArgs),
    /// Print the citation of a figure, an event, a source or a scenario's totals: the
    /// text `y` copies in the dashboard.
    #[command(after_help = "\
The text is one line that says what the figure or event is (value, unit and basis,
status, span), then its sources one a line with their URLs: as the dashboard's `y`
copies it.

Examples:
  sma-dash cite --year 2014                     Korea's 2014 contribution, in won
  sma-dash cite --year 2014 --usd --real 2025   in dollars of 2025
  sma-dash cite --year 2028 --cpi 3             a projected year, at 3 % inflation
  sma-dash cite --troops 2014                   US troops in Korea in 2014
  sma-dash cite --year 2014 --host all --measure per-member
                                                both hosts' figures, as y copies them
  sma-dash cite --event sma-10-round-1          an event, by its id
  sma-dash cite --source R01                    a source, and what cites it
  sma-dash cite --totals demand-10bn --usd      a scenario's totals")]
    Cite(cite::CiteArgs),
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

// The options of `render`.
#[derive(Args)]
struct RenderArgs {
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
    /// The host shown, as the dashboard's --host.
    #[arg(long, value_enum)]
    host: Option<HostArg>,
    /// The measure of both hosts' Costs, as the dashboard's --measure.
    #[arg(long, value_name = "MEASURE", value_parser = clap::builder::PossibleValuesParser::new(MeasureKind::NAMES))]
    measure: Option<String>,
    #[command(flatten)]
    assumptions: AssumptionArgs,
    #[command(flatten)]
    band: BandArgs,
}

// The options of `project`.
#[derive(Args)]
struct ProjectArgs {
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
    /// Apply a saved scenario's assumptions (every built-in scenario is printed anyway).
    #[arg(long, value_name = "NAME")]
    scenario: Option<String>,
    /// Whose projections: Korea's, Japan's (by Japanese fiscal year, in yen) or both.
    #[arg(long, value_enum, default_value_t = HostArg::Kr)]
    host: HostArg,
    #[command(flatten)]
    assumptions: AssumptionArgs,
    #[command(flatten)]
    band_spreads: BandArgs,
}

// The options of `export`.
#[derive(Args)]
struct ExportArgs {
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
    /// Apply a saved scenario's assumptions (contributions and projections).
    #[arg(long, value_name = "NAME")]
    scenario: Option<String>,
    /// Whose series: Korea's, Japan's or both (then with a `host` column; Japan's
    /// amounts by fiscal year, in `fiscal_year` and `jpy_*` columns).
    #[arg(long, value_enum, default_value_t = HostArg::Kr)]
    host: HostArg,
    #[command(flatten)]
    assumptions: AssumptionArgs,
    #[command(flatten)]
    band_spreads: BandArgs,
}

// The options of `chart`.
#[derive(Args)]
struct ChartArgs {
    /// Which pane's chart.
    #[arg(value_enum)]
    chart: ChartArg,
    #[command(flatten)]
    image: ImageArgs,
    #[command(flatten)]
    view: ViewArgs,
    /// Whose chart: Korea's (the default) or Japan's; `all` with `chart hosts`, which
    /// draws both side by side.
    #[arg(long, value_enum)]
    host: Option<HostArg>,
    /// What `chart hosts` measures both payments in, as the dashboard's --measure:
    /// dollars, real-dollars (of --real's base year), per-member (the default),
    /// defense-budget or gdp.
    #[arg(long, value_name = "MEASURE", value_parser = clap::builder::PossibleValuesParser::new(MeasureKind::NAMES))]
    measure: Option<String>,
    #[command(flatten)]
    assumptions: AssumptionArgs,
    #[command(flatten)]
    band_spreads: BandArgs,
}

impl Command {
    fn name(&self) -> &'static str {
        match self {
            Command::Check => "check",
            Command::Render(_) => "render",
            Command::Project(_) => "project",
            Command::Export(_) => "export",
            Command::Config { .. } => "config",
            Command::Chart(_) => "chart",
            Command::Cite(_) => "cite",
            Command::Completions { .. } => "completions",
            Command::Man => "man",
        }
    }

    /// Whether the subcommand takes the assumption options.
    fn takes_assumptions(&self) -> bool {
        matches!(
            self,
            Command::Render(_)
                | Command::Project(_)
                | Command::Export(_)
                | Command::Chart(_)
                | Command::Cite(_)
        )
    }
}

/// The hosts `--host` picks.
#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum HostArg {
    /// South Korea (the default).
    Kr,
    /// Japan.
    Jp,
    /// Both, Korea first.
    All,
}

impl HostArg {
    /// As the command line writes it.
    fn key(self) -> &'static str {
        match self {
            HostArg::Kr => "kr",
            HostArg::Jp => "jp",
            HostArg::All => "all",
        }
    }

    fn hosts(self) -> &'static [Host] {
        match self {
            HostArg::Kr => &[Host::Korea],
            HostArg::Jp => &[Host::Japan],
            HostArg::All => &Host::ALL,
        }
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
#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum ChartArg {
    /// Korea's contribution by year, recorded and projected (the Costs pane).
    Costs,
    /// US troops in Korea by year, with the 28,500 level (the Troops pane).
    Troops,
    /// Every scenario's amounts by year (the Assumptions pane's scenarios).
    Scenarios,
    /// Korea's and Japan's payments side by side, per US service member or in the
    /// measure --measure names.
    Hosts,
}

impl ChartArg {
    /// As the command line writes it.
    fn key(self) -> &'static str {
        match self {
            ChartArg::Costs => "costs",
            ChartArg::Troops => "troops",
            ChartArg::Scenarios => "scenarios",
            ChartArg::Hosts => "hosts",
        }
    }

    /// The pane whose chart it is; none for the chart of both hosts.
    fn pane(self) -> Option<Pane> {
        match self {
            ChartArg::Costs => Some(Pane::Costs),
            ChartArg::Troops => Some(Pane::Troops),
            ChartArg::Scenarios => Some(Pane::Assumptions),
            ChartArg::Hosts => None,
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
    /// Japanese CPI inflation past Japan's record, in percent, as --cpi (--host jp).
    #[arg(long, value_name = "PCT", allow_hyphen_values = true)]
    jp_cpi: Option<String>,
    /// Yen per dollar past Japan's record: 150, or 150,2028=140 (--host jp).
    #[arg(long, value_name = "JPY_PER_USD", allow_hyphen_values = true)]
    jp_fx: Option<String>,
    /// ROK defense-budget growth past the record, in percent, as --cpi.
    #[arg(long, value_name = "PCT", allow_hyphen_values = true)]
    defense_growth: Option<String>,
    /// Growth of the custom scenario of each host --host shows, in percent a year (with
    /// --host jp, Japan's).
    #[arg(long, value_name = "PCT", allow_hyphen_values = true)]
    growth: Option<String>,
    /// Growth of Japan's custom scenario, in percent a year (--host jp or all).
    #[arg(long, value_name = "PCT", allow_hyphen_values = true)]
    jp_growth: Option<String>,
    /// The last year projected, from 2027 to 2100.
    #[arg(long, value_name = "YEAR", allow_hyphen_values = true)]
    horizon: Option<String>,
}

impl AssumptionArgs {
    /// Each option given, as the flag (named once, by [`spec`]: what the dashboard's
    /// commands write too), the assumption and its text.
    fn flags(&self) -> Vec<Flag<'_>> {
        use AssumptionId::*;
        let named = |id, text| (spec(id).flag, id, text);
        given([
            named(KoreanCpi, &self.cpi),
            named(UsCpi, &self.us_cpi),
            named(KrwPerUsd, &self.fx),
            named(JapaneseCpi, &self.jp_cpi),
            named(JpyPerUsd, &self.jp_fx),
            named(DefenseGrowth, &self.defense_growth),
            named(CustomGrowth, &self.growth),
            named(JapanCustomGrowth, &self.jp_growth),
            named(Horizon, &self.horizon),
        ])
    }

    /// [`AssumptionArgs::flags`] for the hosts `host` shows (Korea where not given):
    /// `--growth` sets the custom growth of each of them.
    fn flags_for(&self, host: Option<HostArg>) -> Vec<Flag<'_>> {
        let shown = host.map_or(&[Host::Korea][..], HostArg::hosts);
        self.flags()
            .into_iter()
            .flat_map(|f| {
                let ids: Vec<AssumptionId> = if f.id == AssumptionId::CustomGrowth {
                    shown.iter().map(|h| f.id.for_host(*h)).collect()
                } else {
                    vec![f.id]
                };
                ids.into_iter().map(move |id| Flag { id, ..f })
            })
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
        given([
            ("--band-cpi", KoreanCpi, &self.band_cpi),
            ("--band-us-cpi", UsCpi, &self.band_us_cpi),
            ("--band-fx", KrwPerUsd, &self.band_fx),
            ("--band-defense", DefenseGrowth, &self.band_defense),
        ])
    }
}

/// The options of a table (flag, assumption, text) that were given, as flags to apply.
fn given<'a, const N: usize>(
    table: [(&'static str, AssumptionId, &'a Option<String>); N],
) -> Vec<Flag<'a>> {
    table
        .into_iter()
        .filter_map(|(name, id, text)| text.as_deref().map(|text| Flag { name, id, text }))
        .collect()
}

/// The assumption options for the hosts `host` shows and `--real` (the base year), as
/// flags to apply.
fn with_base_year<'a>(
    args: &'a AssumptionArgs,
    real: Option<&'a String>,
    host: HostArg,
) -> Vec<Flag<'a>> {
    let mut flags = args.flags_for(Some(host));
    if let Some(text) = real {
        flags.push(Flag {
            name: spec(AssumptionId::BaseYear).flag,
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
fn setup(input: &InputArgs, flags: &[Flag], band_flags: &[Flag]) -> Result<Setup, SetupError> {
    let user = config::user_file(input.config.as_deref(), |v| std::env::var_os(v));
    let config = Config::from_user_file(user.as_ref())?;
    let dataset = load_dataset(input.data.as_deref())?;
    setup_with(config, dataset, flags, band_flags)
}

/// [`setup`] on Korea's `dataset`, read already.
fn setup_on_korea(
    input: &InputArgs,
    dataset: Dataset,
    flags: &[Flag],
    band_flags: &[Flag],
) -> Result<Setup, SetupError> {
    let user = config::user_file(input.config.as_deref(), |v| std::env::var_os(v));
    setup_with(
        Config::from_user_file(user.as_ref())?,
        dataset,
        flags,
        band_flags,
    )
}

/// [`setup`] with the config and the dataset read.
fn setup_with(
    config: Config,
    dataset: Dataset,
    flags: &[Flag],
    band_flags: &[Flag],
) -> Result<Setup, SetupError> {
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
fn load_dataset(dir: Option<&Path>) -> Result<Dataset, SetupError> {
    let Some(dir) = dir else {
        return Dataset::embedded().map_err(SetupError::File);
    };
    data_dir(dir)?;
    Dataset::load_dir(dir).map_err(SetupError::File)
}

/// Every host's dataset and the share estimates, each read and validated now: embedded,
/// or in `--data DIR` (Japan's in `DIR/japan`, the estimates in `DIR/shares.toml`,
/// each where present).
fn load_hosts(dir: Option<&Path>) -> Result<Hosts, SetupError> {
    let Some(dir) = dir else {
        return Hosts::embedded_all().map_err(SetupError::File);
    };
    data_dir(dir)?;
    Hosts::load_dir(dir).map_err(SetupError::File)
}

/// What the dashboard and `render` start on: [`load_hosts`], except that the embedded
/// Japan's dataset and share estimates are read when first needed (Korea alone is
/// what the first frame shows; [`Hosts::embedded`]). Files in `--data DIR` are all
/// read now, so that a problem in any of them stops the start with its file and line.
fn load_hosts_to_show(dir: Option<&Path>) -> Result<Hosts, SetupError> {
    match dir {
        None => Hosts::embedded().map_err(SetupError::File),
        Some(_) => load_hosts(dir),
    }
}

/// `dir` is a directory: one line where it is not, not a line for each file it should
/// hold.
fn data_dir(dir: &Path) -> Result<(), SetupError> {
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
        Ok(_) => Ok(()),
    }
}

/// What `project`, `export` and `chart` run on for `--host`: the setup (Korea's dataset,
/// the assumptions of both hosts' records), and the datasets asked for, in order. A
/// host whose dataset is not there is refused by name.
fn setup_hosts(
    input: &InputArgs,
    flags: &[Flag],
    band_flags: &[Flag],
    host: HostArg,
) -> Result<(Setup, Vec<Dataset>), SetupError> {
    let s = setup_on(load_hosts(input.data.as_deref())?, input, flags, band_flags)?;
    let datasets = chosen_hosts(&s.hosts, host)?;
    let setup = Setup {
        dataset: s.hosts.korea,
        config: s.config,
        assumptions: s.assumptions,
        band: s.band,
    };
    Ok((setup, datasets))
}

/// [`Setup`] on every host's dataset, as the dashboard and `render` start.
struct HostsSetup {
    hosts: Hosts,
    config: Config,
    assumptions: Assumptions,
    band: BandSpreads,
}

/// The setup on every host's dataset (Korea's in `Setup::dataset`), and every host's
/// dataset: what the dashboard and `render` run on, whose `H` shows any host, showing
/// `host` at start. Japan's dataset is read now where something at start needs it
/// (`--host jp|all`, one of Japan's assumptions set by the config or an option), and
/// the assumptions then hold its history; else both wait for [`App::take_japan`].
fn setup_every_host(
    input: &InputArgs,
    flags: &[Flag],
    band_flags: &[Flag],
    host: Option<HostArg>,
) -> Result<HostsSetup, SetupError> {
    let hosts = load_hosts_to_show(input.data.as_deref())?;
    if host.is_some_and(|h| h.hosts().contains(&Host::Japan)) {
        hosts.japan();
    }
    setup_on(hosts, input, flags, band_flags)
}

/// The setup on `hosts`: the config, the starting assumptions of the hosts whose
/// datasets are read (Japan's read here where the config or `flags` set one of its
/// assumptions) and the band's spreads.
fn setup_on(
    hosts: Hosts,
    input: &InputArgs,
    flags: &[Flag],
    band_flags: &[Flag],
) -> Result<HostsSetup, SetupError> {
    let user = config::user_file(input.config.as_deref(), |v| std::env::var_os(v));
    let config = Config::from_user_file(user.as_ref())?;
    let japan_s = |id: AssumptionId| id.host() == Some(Host::Japan);
    if config.assumptions.iter().any(|s| japan_s(s.value.id()))
        || flags.iter().any(|f| japan_s(f.id))
    {
        hosts.japan();
    }
    let japan = hosts.japan_read().then(|| hosts.japan()).flatten();
    let present: Vec<&Dataset> = std::iter::once(&hosts.korea).chain(japan).collect();
    let assumptions = config.starting_assumptions_of(&present, flags)?;
    let band = config.band_spreads(band_flags)?;
    Ok(HostsSetup {
        hosts,
        config,
        assumptions,
        band,
    })
}

/// The datasets `host` asks for, in order; a host whose dataset is not there is
/// refused by name.
fn chosen_hosts(hosts: &Hosts, host: HostArg) -> Result<Vec<Dataset>, SetupError> {
    Ok(present_hosts(hosts, host)?.into_iter().cloned().collect())
}

/// [`chosen_hosts`], borrowed.
fn present_hosts(hosts: &Hosts, host: HostArg) -> Result<Vec<&Dataset>, SetupError> {
    host.hosts()
        .iter()
        .map(|&h| {
            hosts.get(h).ok_or_else(|| {
                SetupError::from(format!(
                    "--host {}: the dataset has no {} (its files go in japan/ beside Korea's)",
                    h.key(),
                    h.name()
                ))
            })
        })
        .collect()
}

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

/// Parses the command line and runs what it asks; the exit status says how it went
/// (0, or 2 for bad input: options, files, data).
pub fn run() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => return refuse_arguments(e),
    };
    match dispatch(&cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(SetupError::File(errors)) => {
            eprint_problems(&errors);
            ExitCode::from(BAD_INPUT)
        }
        Err(SetupError::Usage(message)) => {
            eprintln!("sma-dash: {message}");
            ExitCode::from(BAD_INPUT)
        }
    }
}

/// Each subcommand to its function.
fn dispatch(cli: &Cli) -> Result<(), SetupError> {
    let Some(sub) = &cli.command else {
        return commands::dashboard(cli);
    };
    options::refuse_dashboard_options(cli, sub)?;
    // The dashboard's own signal handling does this and gives the terminal back.
    crate::store::temps::clean_up_on_signals()
        .map_err(|e| format!("cannot watch for signals: {e}"))?;
    let input = &cli.input;
    match sub {
        Command::Check => commands::check(input),
        Command::Render(args) => commands::render(input, args),
        Command::Project(args) => commands::project(input, args),
        Command::Export(args) => commands::export_series(input, args),
        Command::Chart(args) => commands::chart(input, args),
        Command::Cite(args) => cite::cite(input, args),
        Command::Completions { shell } => commands::completions(*shell),
        Command::Man => commands::man(),
        Command::Config { print } => commands::config(input, *print),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::{Action, App, HostChoice, update};

    /// The app the dashboard starts on for `sma-dash ARGS`, with an empty config.
    fn started(args: &[&str]) -> App {
        let config = tempfile::NamedTempFile::new().unwrap();
        let path = config.path().to_str().unwrap();
        let argv = [&["sma-dash", "--config", path][..], args].concat();
        let cli = Cli::try_parse_from(argv).unwrap_or_else(|e| panic!("{e}"));
        let flags = cli.assumptions.flags_for(cli.host);
        let s = setup_every_host(&cli.input, &flags, &cli.band.flags(), cli.host)
            .unwrap_or_else(|e| panic!("{e:?}"));
        let base = commands::command_base(&cli.input, &s.config, &s.hosts).unwrap();
        let mut app = commands::configured_app_on(s);
        commands::show_host(&mut app, cli.host).unwrap_or_else(|e| panic!("{e:?}"));
        app.command_base = base;
        app
    }

    fn frame(app: &mut App) -> String {
        let keys = ScriptedEvents(std::collections::VecDeque::new());
        render::frame(app, 120, 40, keys, false).unwrap()
    }

    /// Korea's start reads no file of Japan's: its first frame needs none. The first
    /// action reads Japan's dataset and takes its history, and from then on the app is
    /// the one a start that read everything gives (the files of `assets/`, read at once).
    #[test]
    fn korea_alone_starts_without_japan_s_dataset_and_h_reads_it() {
        let assets = concat!(env!("CARGO_MANIFEST_DIR"), "/assets");
        let mut eager = started(&["--data", assets]);
        let mut lazy = started(&[]);
        assert!(eager.hosts.japan_read() && !eager.japan_pending());
        assert!(!lazy.hosts.japan_read() && lazy.japan_pending());
        assert!(lazy.hosts.has_japan());
        assert_eq!(frame(&mut lazy), frame(&mut eager));
        assert!(
            !lazy.hosts.japan_read(),
            "drawing Korea reads nothing of Japan's"
        );
        for app in [&mut lazy, &mut eager] {
            update(app, Action::CycleHost);
            assert_eq!(app.host_shown(), HostChoice::Japan);
        }
        assert!(lazy.hosts.japan_read() && !lazy.japan_pending());
        assert_eq!(lazy.inputs(), eager.inputs());
        // What a subcommand would start from, as `y` names it: Japan's history too.
        let base = |app: &App| app.command_base.assumptions.clone();
        assert_eq!(base(&lazy), base(&eager));
        assert_ne!(base(&lazy), started(&[]).command_base.assumptions);
        assert_eq!(lazy.data, eager.data);
        assert_eq!(frame(&mut lazy), frame(&mut eager));
    }

    /// What Japan's history sets differs from what Korea's alone gives, so that the
    /// test above could fail; any action takes it, the year cursor's too.
    #[test]
    fn the_first_action_of_any_kind_takes_japan_s_history() {
        let mut lazy = started(&[]);
        let before = lazy.inputs().assumptions.clone();
        update(&mut lazy, Action::MoveYear(1));
        assert!(!lazy.japan_pending());
        let after = &lazy.inputs().assumptions;
        assert_ne!(after.jpy_per_usd, before.jpy_per_usd);
        assert_eq!(after, &started(&["--host", "jp"]).inputs().assumptions);
    }

    /// A start that needs Japan reads it at once, with its history: `--host jp|all`, or
    /// one of Japan's assumptions set.
    #[test]
    fn a_start_that_shows_or_sets_japan_reads_it_at_once() {
        for args in [
            &["--host", "jp"][..],
            &["--host", "all"],
            &["--jp-cpi", "1.5"],
        ] {
            let app = started(args);
            assert!(app.hosts.japan_read() && !app.japan_pending(), "{args:?}");
        }
        let app = started(&["--jp-cpi", "1.5"]);
        assert_eq!(app.inputs().assumptions.japanese_cpi.flat, 1.5);
    }
}
