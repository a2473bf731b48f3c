//! sma-dash: argument parsing and dispatch; the work lives in the library.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::builder::TypedValueParser as _;
use clap::{Args, Parser, Subcommand, ValueEnum};

use sma_dash::app::App;
use sma_dash::config::{self, Config};
use sma_dash::data::{Dataset, LoadError, summary::Summary};
use sma_dash::econ::{AssumptionId, Assumptions, RatePath, spec};
use sma_dash::render;
use sma_dash::report::ProjectionReport;
use sma_dash::report::export::{ExportOptions, Series, export};
use sma_dash::runtime::{self, DebugFailure, FailingEvents, ScriptedEvents};
use sma_dash::store;

const EXAMPLES: &str = "\
Examples:
  sma-dash                              open the dashboard on the embedded dataset
  sma-dash --cpi 3 --mouse              start from 3 % Korean inflation, with the mouse
  sma-dash check                        validate the embedded dataset and summarise it
  sma-dash check --data mydata          validate the TOML files in mydata/
  sma-dash project --cpi 3              every scenario to 2035 at 3 % Korean inflation
  sma-dash project --usd --format csv   the same as CSV, with dollar amounts";

#[derive(Parser)]
#[command(name = "sma-dash", version, about = "US–South Korea defense cost-sharing (SMA) dashboard", after_help = EXAMPLES)]
struct Cli {
    /// Load the dataset from this directory instead of the embedded one.
    #[arg(long, global = true, value_name = "DIR")]
    data: Option<PathBuf>,
    /// Read this config file instead of $SMA_DASH_CONFIG or ~/.config/sma-dash/config.toml.
    #[arg(long, global = true, value_name = "FILE")]
    config: Option<PathBuf>,
    /// Let the dashboard take the mouse: click to focus or select, wheel to scroll
    /// (the terminal's own text selection then needs Shift).
    #[arg(long)]
    mouse: bool,
    /// The dashboard's starting assumptions.
    #[command(flatten)]
    assumptions: AssumptionArgs,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Validate the dataset and print a summary; exit 2 with every problem when invalid.
    Check,
    /// Print one frame of the dashboard as text, after the given keys.
    #[command(after_help = "\
Keys are typed as they are: each character a key press; <name> for a named key or a
chord as the config file writes it: <enter>, <esc>, <tab>, <ctrl-c>, <pagedown>, <lt>.

Examples:
  sma-dash render                               the opening screen at 120x40
  sma-dash render --width 80 --height 24 --keys '2cc'
  sma-dash render --keys '/Honolulu<enter><enter>' --ansi")]
    Render {
        #[arg(long, default_value_t = 120, value_parser = clap::value_parser!(u16).range(1..=i64::from(render::MAX_WIDTH)))]
        width: u16,
        #[arg(long, default_value_t = 40, value_parser = clap::value_parser!(u16).range(1..=i64::from(render::MAX_HEIGHT)))]
        height: u16,
        /// Keys to press before the frame is drawn.
        #[arg(long, default_value = "", value_parser = ScriptedEvents::parse)]
        keys: ScriptedEvents,
        /// Keep the colours, as ANSI escape sequences (NO_COLOR still turns them off).
        #[arg(long)]
        ansi: bool,
        #[command(flatten)]
        assumptions: AssumptionArgs,
    },
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
    /// Print every scenario by year from the last recorded year to the horizon.
    #[command(after_help = "\
Examples:
  sma-dash project                         defaults from recent history
  sma-dash project --cpi 2 --horizon 2030  the 12th SMA at 2 % inflation
  sma-dash project --real 2025 --usd       in won and dollars of 2025
  sma-dash project --format json > p.json")]
    Project {
        #[command(flatten)]
        assumptions: AssumptionArgs,
        /// Amounts in constant money of this base year (Korean CPI for won, US CPI-U for dollars).
        #[arg(long, value_name = "BASE_YEAR")]
        real: Option<i32>,
        /// Add each amount in millions of dollars at that year's exchange rate.
        #[arg(long)]
        usd: bool,
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
    /// Write one series of the dataset, or the projections, as CSV or JSON.
    #[command(after_help = "\
Every row records the dataset version and the assumptions used.

Examples:
  sma-dash export contributions                   CSV on standard output
  sma-dash export contributions --real 2025 --usd in won and dollars of 2025
  sma-dash export events --format json -o events.json
  sma-dash export projections --cpi 3 --horizon 2040")]
    Export {
        #[arg(value_parser = series_parser())]
        series: Series,
        #[arg(long, value_enum, default_value_t = FileFormat::Csv)]
        format: FileFormat,
        /// Amounts in constant money of this base year.
        #[arg(long, value_name = "BASE_YEAR")]
        real: Option<i32>,
        /// Give every year a dollar figure, at that year's exchange rate.
        #[arg(long)]
        usd: bool,
        /// Write to this file (replaced whole, never left half-written) instead of standard output.
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
        #[command(flatten)]
        assumptions: AssumptionArgs,
    },
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

/// The assumptions, each optional: what is not given comes from recent history.
///
/// Rates take a flat value or a flat value followed by years set apart:
/// `--cpi 2.5,2028=3.5,2029=3`.
#[derive(Args, Default)]
struct AssumptionArgs {
    /// Korean CPI inflation for years past the record, in percent [PCT or PCT,YEAR=PCT,...].
    #[arg(long, value_name = "PCT", allow_hyphen_values = true, value_parser = RatePath::parse)]
    cpi: Option<RatePath>,
    /// US CPI-U inflation for years past the record, in percent [PCT or PCT,YEAR=PCT,...].
    #[arg(long, value_name = "PCT", allow_hyphen_values = true, value_parser = RatePath::parse)]
    us_cpi: Option<RatePath>,
    /// Won per dollar for years past the record [KRW or KRW,YEAR=KRW,...].
    #[arg(long, value_name = "KRW_PER_USD", value_parser = RatePath::parse)]
    fx: Option<RatePath>,
    /// ROK defense-budget growth past the record, in percent [PCT or PCT,YEAR=PCT,...].
    #[arg(long, value_name = "PCT", allow_hyphen_values = true, value_parser = RatePath::parse)]
    defense_growth: Option<RatePath>,
    /// Growth of the custom scenario, in percent a year.
    #[arg(long, value_name = "PCT", allow_hyphen_values = true)]
    growth: Option<f64>,
    /// Last year projected.
    #[arg(long, value_name = "YEAR")]
    horizon: Option<i32>,
}

impl AssumptionArgs {
    /// Applies each option given, refusing any out of its range.
    fn apply(
        &self,
        a: &mut Assumptions,
        base_year: Option<i32>,
        d: &Dataset,
    ) -> Result<(), String> {
        let in_range = |flag: &str, id: AssumptionId, value: f64| {
            spec(id).check(value).map_err(|e| format!("{flag}: {e}"))
        };
        let paths = [
            (
                "--cpi",
                AssumptionId::KoreanCpi,
                &self.cpi,
                &mut a.korean_cpi,
            ),
            ("--us-cpi", AssumptionId::UsCpi, &self.us_cpi, &mut a.us_cpi),
            (
                "--fx",
                AssumptionId::KrwPerUsd,
                &self.fx,
                &mut a.krw_per_usd,
            ),
            (
                "--defense-growth",
                AssumptionId::DefenseGrowth,
                &self.defense_growth,
                &mut a.defense_growth,
            ),
        ];
        for (flag, id, given, path) in paths {
            let Some(given) = given else { continue };
            for value in given.values() {
                in_range(flag, id, value)?;
            }
            *path = given.clone();
        }
        let scalars = [
            ("--growth", AssumptionId::CustomGrowth, self.growth),
            (
                "--horizon",
                AssumptionId::Horizon,
                self.horizon.map(f64::from),
            ),
            ("--real", AssumptionId::BaseYear, base_year.map(f64::from)),
        ];
        for (flag, id, value) in scalars {
            let Some(value) = value else { continue };
            in_range(flag, id, value)?;
            a.set(id, value);
        }
        if let Some(base) = base_year {
            if base > a.horizon {
                return Err(format!(
                    "--real: expected a base year no later than the horizon {}, found {base}",
                    a.horizon
                ));
            }
            a.base_year = base;
        }
        a.check(d).map_err(|e| e.to_string())
    }
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
    /// The dataset is invalid: its diagnostics, one `file:line:column: message` a line.
    Data(LoadError),
    /// A bad option or value.
    Usage(String),
}

impl From<Failure> for String {
    fn from(f: Failure) -> String {
        match f {
            Failure::Data(e) => e.to_string(),
            Failure::Usage(m) => m,
        }
    }
}

impl From<String> for Failure {
    fn from(message: String) -> Self {
        Failure::Usage(message)
    }
}

fn run(cli: Cli) -> Result<(), Failure> {
    let dataset = match &cli.data {
        Some(dir) => Dataset::load_dir(dir),
        None => Dataset::embedded(),
    }
    .map_err(Failure::Data)?;
    match cli.command {
        None => {
            let config = load_config(cli.config.as_deref())?;
            let mut a = config.starting_assumptions(Assumptions::from_history(&dataset));
            cli.assumptions.apply(&mut a, None, &dataset)?;
            let mut app = configured_app(dataset, &config, a);
            app.mouse |= cli.mouse;
            dashboard(app)?;
        }
        Some(Command::Render {
            width,
            height,
            keys,
            ansi,
            assumptions,
        }) => {
            let config = load_config(cli.config.as_deref())?;
            let mut a = config.starting_assumptions(Assumptions::from_history(&dataset));
            assumptions.apply(&mut a, None, &dataset)?;
            let mut app = configured_app(dataset, &config, a);
            app.color = ansi && app.color;
            let text = render::frame(&mut app, width, height, keys, ansi)
                .map_err(|e| format!("cannot render: {e}"))?;
            print_out(&text)?;
        }
        Some(Command::Config { print }) => {
            let user = config::user_file(cli.config.as_deref(), |v| std::env::var_os(v));
            let config = Config::from_user_file(user.clone()).map_err(Failure::Data)?;
            if print {
                print_out(&config.to_toml())?;
            } else {
                let user = match user {
                    Some((path, _)) if path.exists() => format!("{} (read)", path.display()),
                    Some((path, _)) => format!("{} (none there)", path.display()),
                    None => "none: set HOME, XDG_CONFIG_HOME or SMA_DASH_CONFIG".into(),
                };
                print_out(&format!(
                    "defaults: {} (built in)\nuser file: {user}\n`sma-dash config --print` prints the configuration in effect.\n",
                    "config/default.toml"
                ))?;
            }
        }
        Some(Command::Check) => {
            print_out(&format!("{}\n", Summary::of(&dataset)))?;
        }
        Some(Command::Project {
            assumptions,
            real,
            usd,
            format,
        }) => {
            let mut a = Assumptions::from_history(&dataset);
            assumptions.apply(&mut a, real, &dataset)?;
            let report = ProjectionReport::new(&dataset, &a, real.is_some(), usd);
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
            assumptions,
        }) => {
            let mut a = Assumptions::from_history(&dataset);
            assumptions.apply(&mut a, real, &dataset)?;
            let options = ExportOptions {
                real: real.is_some(),
                usd,
            };
            let table = export(&dataset, &a, series, options);
            let text = match format {
                FileFormat::Csv => table.to_csv(),
                FileFormat::Json => table.to_json(),
            };
            match output {
                Some(path) => store::write_atomically(&path, &text)
                    .map_err(|e| format!("cannot write {}: {e}", path.display()))?,
                None => print_out(&text)?,
            }
        }
    }
    Ok(())
}

/// The defaults overlaid by the user's config file.
fn load_config(explicit: Option<&std::path::Path>) -> Result<Config, Failure> {
    Config::from_user_file(config::user_file(explicit, |v| std::env::var_os(v)))
        .map_err(Failure::Data)
}

/// The app as the config sets it up, starting from `assumptions`.
fn configured_app(dataset: Dataset, config: &Config, assumptions: Assumptions) -> App {
    let mut app = App::new(dataset);
    app.assumptions = assumptions;
    config.apply_to(&mut app);
    // https://no-color.org: any non-empty value turns colour off.
    app.color = std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
    app
}

/// Runs the dashboard; everything that can fail is checked before the screen is taken.
fn dashboard(mut app: App) -> Result<(), String> {
    if !std::io::stdin().is_terminal() || !std::io::stdout().is_terminal() {
        return Err("the dashboard needs a terminal; `sma-dash check` prints a summary".into());
    }
    // Only here are the environment's directories read; the rest takes paths.
    app.paths.scenarios =
        store::scenarios_path(std::env::var_os("XDG_DATA_HOME"), std::env::var_os("HOME"));
    if let Some(path) = &app.paths.scenarios {
        let loaded = store::load(path, chrono::Utc::now());
        if let Some(warning) = &loaded.warning {
            // Seen after quitting, and on the first frame in the status line.
            eprintln!("sma-dash: warning: {warning}");
        }
        app.saved = loaded.scenarios;
        app.status = loaded.warning;
    }
    let mouse = app.mouse;
    let debug_failure = std::env::var("SMA_DASH_DEBUG_FAIL")
        .ok()
        .and_then(|v| DebugFailure::from_env_value(&v));
    let result = runtime::enter(mouse).and_then(|mut terminal| match debug_failure {
        Some(failure) => runtime::run(&mut terminal, &mut app, &mut FailingEvents(failure)),
        None => runtime::run(
            &mut terminal,
            &mut app,
            &mut runtime::TerminalEvents::default(),
        ),
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

fn main() -> ExitCode {
    match run(Cli::parse()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure::Data(errors)) => {
            eprintln!("{errors}");
            ExitCode::from(BAD_INPUT)
        }
        Err(Failure::Usage(message)) => {
            eprintln!("sma-dash: {message}");
            ExitCode::from(BAD_INPUT)
        }
    }
}
