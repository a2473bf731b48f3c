//! sma-dash: argument parsing and dispatch; the work lives in the library.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use sma_dash::data::{Dataset, LoadError, summary::Summary};

const EXAMPLES: &str = "\
Examples:
  sma-dash                      open the dashboard on the embedded dataset
  sma-dash check                validate the embedded dataset and summarise it
  sma-dash check --data mydata  validate the TOML files in mydata/";

#[derive(Parser)]
#[command(name = "sma-dash", version, about = "US–South Korea defense cost-sharing (SMA) dashboard", after_help = EXAMPLES)]
struct Cli {
    /// Load the dataset from this directory instead of the embedded one.
    #[arg(long, global = true, value_name = "DIR")]
    data: Option<PathBuf>,
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
        Some(Command::Check) | None => {
            println!("{}", Summary::of(&dataset));
            ExitCode::SUCCESS
        }
    }
}
