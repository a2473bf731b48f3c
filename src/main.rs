//! sma-dash: the command line, in `cli`; this file only hands over to it.

fn main() -> std::process::ExitCode {
    sma_dash::cli::run()
}
