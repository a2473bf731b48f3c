//! The commands the dashboard names for the user (`y` where the clipboard cannot be
//! reached, the image `i` writes of both hosts): `sma-dash` with the options that make
//! the subcommand start where the dashboard is. One function turns the inputs into
//! options, [`App::command`]; the options' names are the command line's own
//! ([`crate::econ::AssumptionSpec::flag`]).

use crate::econ::{AssumptionId, Assumptions, spec};

use super::{App, HostChoice};

/// What both hosts' real dollars depend on among the assumptions: US CPI-U (past its
/// record, for a base year there), the horizon (which the base year may not pass) and
/// the base year. Their other measures are recorded and take none.
pub const REAL_DOLLARS: [AssumptionId; 3] = [
    AssumptionId::UsCpi,
    AssumptionId::Horizon,
    AssumptionId::BaseYear,
];

/// Where a subcommand starts without options, as the commands the dashboard names need
/// it: the options that give it the same dataset and config, and the assumptions it
/// then starts from.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CommandBase {
    /// `--data DIR` and `--config FILE` as the dashboard was started with them, each
    /// written as a shell reads it.
    pub inputs: Vec<String>,
    /// The assumptions a subcommand starts from without options: the config's
    /// `[assumptions]` over the record. `None`: the record's
    /// ([`App::default_assumptions`]), as the built-in config leaves them.
    pub assumptions: Option<Assumptions>,
}

impl CommandBase {
    /// As the dashboard was started: `data` and `config` as given (`--data`,
    /// `--config`), and the assumptions a subcommand starts from with them.
    pub fn started(
        data: Option<&std::path::Path>,
        config: Option<&std::path::Path>,
        assumptions: Assumptions,
    ) -> Self {
        let inputs = [("--data", data), ("--config", config)]
            .into_iter()
            .filter_map(|(flag, path)| {
                path.map(|p| format!("{flag} {}", shell_word(&p.display().to_string())))
            })
            .collect();
        Self {
            inputs,
            assumptions: Some(assumptions),
        }
    }
}

/// `text` as one word a shell reads back the same: as it is where it holds nothing a
/// shell treats apart, else in single quotes.
fn shell_word(text: &str) -> String {
    let plain = |c: char| c.is_ascii_alphanumeric() || "-_./:,=+%@".contains(c);
    if !text.is_empty() && text.chars().all(plain) {
        text.to_string()
    } else {
        format!("'{}'", text.replace('\'', r"'\''"))
    }
}

/// An assumption as the command line writes it, so that it reads back the same: a
/// rate with its years set apart (`2.5,2028=3.5`), a growth, a year.
fn text(a: &Assumptions, id: AssumptionId) -> String {
    match a.rate_paths().into_iter().find(|(r, _)| *r == id) {
        Some((_, path)) => path.to_string(),
        None => match id {
            AssumptionId::BaseYear => a.base_year.to_string(),
            AssumptionId::Horizon => a.horizon.to_string(),
            _ => a.get(id).to_string(),
        },
    }
}

/// The options that take a subcommand from `start` to `now` for the assumptions `ids`
/// (those its output depends on), for the hosts `host` shows: each that differs,
/// `--real YEAR` wherever `ids` holds the base year (amounts in money of that year).
/// `--growth` sets the custom growth of every host shown, so with both hosts Japan's
/// is compared with what `--growth` leaves it at.
pub fn assumption_options(
    start: &Assumptions,
    now: &Assumptions,
    ids: &[AssumptionId],
    host: HostChoice,
) -> Vec<String> {
    let mut start = start.clone();
    let mut options = Vec::new();
    for &id in ids {
        let differs = text(&start, id) != text(now, id);
        if !differs && id != AssumptionId::BaseYear {
            continue;
        }
        options.push(format!("{} {}", spec(id).flag, text(now, id)));
        start.take(id, now);
        if id == AssumptionId::CustomGrowth && host.is_both() {
            start.japan_custom_growth = now.custom_growth;
        }
    }
    options
}

impl App {
    /// `sma-dash` with `asked` (the subcommand and what it is asked for), then the
    /// options that give it the dashboard's numbers: each of the assumptions `ids` that
    /// differs from where a subcommand starts ([`assumption_options`]), `--host` for
    /// the hosts shown where not Korea (`host`: whether the subcommand takes it, as
    /// `cite` does; `chart hosts` draws both whatever), and `--data` and `--config` as
    /// the dashboard was started.
    pub fn command(&self, asked: &[String], ids: &[AssumptionId], host: bool) -> String {
        let start = self
            .command_base
            .assumptions
            .clone()
            .unwrap_or_else(|| self.default_assumptions());
        let shown = self.host_shown();
        let mut words = vec!["sma-dash".to_string()];
        words.extend(asked.iter().cloned());
        words.extend(assumption_options(
            &start,
            &self.inputs().assumptions,
            ids,
            shown,
        ));
        if host && shown != HostChoice::Korea {
            words.push(format!("--host {}", shown.key()));
        }
        words.extend(self.command_base.inputs.iter().cloned());
        words.join(" ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::econ::RatePath;

    #[test]
    fn only_what_differs_is_named_in_the_command_line_s_own_words() {
        let start = Assumptions::from_history(&crate::data::Dataset::embedded().unwrap());
        let mut now = start.clone();
        let ids = AssumptionId::ALL;
        let without_base: Vec<AssumptionId> = ids
            .iter()
            .copied()
            .filter(|id| *id != AssumptionId::BaseYear)
            .collect();
        assert!(assumption_options(&start, &now, &without_base, HostChoice::Korea).is_empty());
        now.korean_cpi = RatePath::parse("2.55,2030=3").unwrap();
        now.custom_growth = 6.0;
        now.horizon = 2040;
        assert_eq!(
            assumption_options(&start, &now, &without_base, HostChoice::Korea),
            ["--cpi 2.55,2030=3", "--growth 6", "--horizon 2040"]
        );
        // The base year, where amounts are real, always: it is what `--real` takes.
        assert_eq!(
            assumption_options(&start, &start, &ids, HostChoice::Korea),
            [format!("--real {}", start.base_year)]
        );
        // Both hosts: `--growth` sets Japan's too, which is named again where it
        // stays as it was.
        let both = [AssumptionId::CustomGrowth, AssumptionId::JapanCustomGrowth];
        assert_eq!(
            assumption_options(&start, &now, &both, HostChoice::Both),
            [
                "--growth 6".to_string(),
                format!("--jp-growth {}", start.japan_custom_growth)
            ]
        );
    }

    #[test]
    fn a_path_is_one_word_for_the_shell() {
        assert_eq!(shell_word("assets/japan"), "assets/japan");
        assert_eq!(shell_word("my data"), "'my data'");
        assert_eq!(shell_word("it's"), r"'it'\''s'");
        assert_eq!(shell_word(""), "''");
    }
}
