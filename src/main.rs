//! sma-dash: argument parsing and dispatch; the work lives in the library.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use sma_dash::app::App;
use sma_dash::data::{Dataset, LoadError, summary::Summary};
use sma_dash::runtime;

const EXAMPLES: &str = "\
Examples:
  sma-dash                      open the dashboard on the embedded dataset
  sma-dash --mouse              the same, with mouse clicks and the wheel
  sma-dash check                validate the embedded dataset and summarise it
  sma-dash check --data mydata  validate the TOML files in mydata/";

#[derive(Parser)]
#[command(name = "sma-dash", version, about = "US–South Korea defense cost-sharing (SMA) dashboard", after_help = EXAMPLES)]
struct Cli {
    /// Load the dataset from this directory instead of the embedded one.
    #[arg(long, global = true, value_name = "DIR")]
    data: Option<PathBuf>,
    /// Let the dashboard take the mouse: click to focus or select, wheel to scroll
    /// (the terminal's own text selection then needs Shift).
    #[arg(long)]
    mouse: bool,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Validate the dataset and print a summary; exit 2 with every problem when invalid.
    Check,
}

/// Exit status for bad input: options, files, data.
const BAD_INPUT: u8 = 2;

fn load_dataset(dir: Option<&PathBuf>) -> Result<Dataset, LoadError> {
    match dir {
        Some(dir) => Dataset::load_dir(dir),
        None => Dataset::embedded(),
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let dataset = match load_dataset(cli.data.as_ref()) {
        Ok(d) => d,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::from(BAD_INPUT);
        }
    };
    match cli.command {
        Some(Command::Check) => {
            println!("{}", Summary::of(&dataset));
            ExitCode::SUCCESS
        }
        None => dashboard(dataset, cli.mouse),
    }
}

/// Everything that can fail is checked before the screen is taken.
fn dashboard(dataset: Dataset, mouse: bool) -> ExitCode {
    if !std::io::stdin().is_terminal() || !std::io::stdout().is_terminal() {
        eprintln!("sma-dash: the dashboard needs a terminal; `sma-dash check` prints a summary");
        return ExitCode::from(BAD_INPUT);
    }
    let mut app = App::new(dataset);
    // https://no-color.org: any non-empty value turns colour off.
    app.color = std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
    app.mouse = mouse;
    let result = runtime::enter(mouse).and_then(|mut terminal| {
        runtime::run(
            &mut terminal,
            &mut app,
            &mut runtime::TerminalEvents::default(),
        )
    });
    let restored = runtime::restore(mouse);
    match result.and(restored) {
        Ok(_) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("sma-dash: terminal error: {e}");
            ExitCode::FAILURE
        }
    }
}
