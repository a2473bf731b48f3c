//! A synthetic dataset of any size, for benchmarks and scale tests: written as TOML in
//! the layout of `assets/` and read back through [`load`], so it keeps every rule the
//! real dataset keeps.

use std::fmt::Write as _;

use super::diagnostic::LoadError;
use super::load::{DataFile, LAYOUT, load};
use super::model::Dataset;
use super::validate::YEARS;

/// The longest yearly series the validation rules allow: one record a year in `YEARS`.
pub const MAX_YEARS: usize = (*YEARS.end() - *YEARS.start() + 1) as usize;

/// The TOML files of a synthetic dataset with `events` timeline events, yearly series
/// of `years` years (contributions, troop counts, prices, exchange rates, budgets) and
/// `agreements` agreements that share those years between them.
///
/// The series end ten years before the last year the rules allow, so the projections
/// have room. `years` is capped by the rules at [`MAX_YEARS`] less those ten; `load`
/// reports a longer series as years out of range.
pub fn synthetic_files(events: usize, years: usize, agreements: usize) -> Vec<DataFile> {
    let agreements = agreements.max(1);
    let years = years.max(agreements);
    let last = *YEARS.end() - 10;
    let first = last - years as i32 + 1;
    let span = |k: usize| {
        let from = first + (k * years / agreements) as i32;
        let to = first + ((k + 1) * years / agreements) as i32 - 1;
        (from, to)
    };
    // The agreement in force in each year of the series.
    let agreement_of: Vec<usize> = (0..agreements)
        .flat_map(|k| {
            let (from, to) = span(k);
            std::iter::repeat_n(k, (to - from + 1) as usize)
        })
        .collect();
    let mut text: [String; 7] = Default::default();
    let [
        dataset,
        sources,
        agreement_toml,
        contributions,
        event_toml,
        troops,
        economy,
    ] = &mut text;

    writeln!(
        dataset,
        "[dataset]\nversion = \"synthetic\"\ntitle = \"Synthetic: {events} events, {years} years, {agreements} agreements\"\nas_of = \"{last}-12-31\""
    )
    .expect("a String takes any write");

    const SOURCES: usize = 20;
    for s in 0..SOURCES {
        writeln!(
            sources,
            "[[source]]\nid = \"S{s}\"\ntitle = \"Synthetic source {s}\"\npublisher = \"Publisher {s}\"\ndate = \"{first}\"\nurl = \"https://example.org/{s}\"\n"
        )
        .expect("a String takes any write");
    }
    let cite = |i: usize| format!("[\"S{}\", \"S{}\"]", i % SOURCES, (i + 7) % SOURCES);

    for k in 0..agreements {
        let (from, to) = span(k);
        write_agreement(agreement_toml, k, from, to, &cite(k));
    }

    write_events(event_toml, events, years, first, &agreement_of, &cite);

    for (y, year) in (first..=last).enumerate() {
        let cite = cite(y);
        // Growth of a few percent a year, varying so the charts have shape.
        let wave = (y % 7) as f64 - 3.0;
        let amount = 1000.0 * (1.0 + 0.03 * y as f64) + 40.0 * wave;
        writeln!(
            contributions,
            "[[contribution]]\nyear = {year}\nagreement = \"sma-{n}\"\nkrw_100m = {amount:.1}\n\
             sources = {cite}\nconfidence = \"confirmed\"\n",
            n = agreement_of[y] + 1,
        )
        .expect("a String takes any write");
        writeln!(
            troops,
            "[[count]]\nyear = {year}\ntroops = {t}\nas_of = \"09-30\"\nsources = {cite}\nconfidence = \"confirmed\"\n",
            t = 28_500 + (wave * 1000.0) as i64,
        )
        .expect("a String takes any write");
        write_economy_year(economy, y, year, wave, &cite);
    }
    writeln!(
        troops,
        "[[level]]\nkind = \"headline\"\nfrom = \"{first}\"\nlow = 28500\nlabel = \"28,500 headline\"\n\
         sources = [\"S0\"]\nconfidence = \"confirmed\""
    )
    .expect("a String takes any write");

    LAYOUT
        .iter()
        .zip(text)
        .map(|((name, _), text)| DataFile {
            name,
            shown_as: format!("synthetic/{name}"),
            text,
        })
        .collect()
}

/// The `k`th agreement, covering `from` to `to`; the rules alternate between those the
/// scenarios read: CPI-linked with a cap, and defense growth.
fn write_agreement(agreement_toml: &mut String, k: usize, from: i32, to: i32, cite: &str) {
    let rule = if k.is_multiple_of(2) {
        "{ kind = \"cpi-linked\", lag_years = 1, cap_pct = 5.0 }"
    } else {
        "{ kind = \"defense-budget-growth\", lag_years = 2 }"
    };
    writeln!(
        agreement_toml,
        "[[agreement]]\nid = \"sma-{n}\"\nordinal = {n}\nfirst_year = {from}\nlast_year = {to}\n\
         milestones = {{ agreed = \"{y}-03\", signed = \"{y}-04-02\", in_force = \"{y}-06-01\" }}\n\
         signatories = {{ rok = [\"Kim {n}\"], us = [\"Smith {n}\"] }}\n\
         negotiators = {{ rok = [\"Lee {n}\"], us = [\"Jones {n}\"] }}\n\
         first_year_amount = \"{amount} (100m won)\"\nrule_text = \"Synthetic rule {n}\"\n\
         rules = [{{ from = {from}, to = {to}, rule = {rule} }}]\n\
         sources = {cite}\nconfidence = \"confirmed\"\n",
        n = k + 1,
        y = from - 1,
        amount = 1000 + k * 10,
    )
    .expect("a String takes any write");
}

/// The prices, exchange rate and defense budget of the `y`th year, `year`.
fn write_economy_year(economy: &mut String, y: usize, year: i32, wave: f64, cite: &str) {
    let rate = 2.0 + wave / 2.0;
    writeln!(
        economy,
        "[[korean_cpi]]\nyear = {year}\nrate_pct = {rate:.2}\npublished_pct = {rate:.1}\n\
         index = {index:.3}\nconfidence = \"single\"\nindex_confidence = \"derived\"\nsources = {cite}\n\n\
         [[us_cpi]]\nyear = {year}\nindex = {index:.3}\nrate_pct = {rate:.1}\nconfidence = \"single\"\nsources = {cite}\n\n\
         [[krw_per_usd]]\nyear = {year}\nkrw_per_usd = {fx:.1}\nconfidence = \"single\"\nsources = {cite}\n\n\
         [[defense_budget]]\nyear = {year}\nkrw_tn = {budget:.2}\ngrowth_pct = {growth:.1}\nconfidence = \"single\"\nsources = {cite}\n",
        index = 50.0 * 1.02f64.powi(y as i32),
        fx = 1200.0 + 10.0 * wave,
        budget = 10.0 * 1.04f64.powi(y as i32),
        growth = 4.0 + wave / 2.0,
    )
    .expect("a String takes any write");
}

/// The timeline of a synthetic dataset: `events` events spread evenly over `years`
/// years from `first`, each tied to the agreement in force (`agreement_of`).
fn write_events(
    event_toml: &mut String,
    events: usize,
    years: usize,
    first: i32,
    agreement_of: &[usize],
    cite: &dyn Fn(usize) -> String,
) {
    let places = ["Seoul", "Washington", "Honolulu", "Jeju", "Busan"];
    let kinds = ["round", "statement", "demand", "appointment", "incident"];
    for i in 0..events {
        // Spread evenly over the years, each tied to the agreement in force.
        let year_index = i * years / events.max(1);
        let year = first + year_index as i32;
        let k = agreement_of[year_index];
        let kind = kinds[i % kinds.len()];
        let round = match kind {
            "round" => format!("round = {}\n", i % 12 + 1),
            "demand" => format!(
                "demand = {{ by = \"Negotiator {}\", amount = \"${} billion a year\", \
                 period = \"{year}\", answer = \"Declined\" }}\n",
                i % 97,
                i % 10 + 1
            ),
            _ => String::new(),
        };
        writeln!(
            event_toml,
            "[[event]]\nid = \"ev-{i}\"\nkind = \"{kind}\"\ndate = \"{year}-{m:02}-{d:02}\"\n\
             headline = \"Synthetic event {i}: talks in {place}\"\n\
             text = \"Event {i} of the synthetic timeline, held in {place}.\"\n\
             place = \"{place}\"\npeople = [\"Negotiator {p}\"]\nagreement = \"sma-{n}\"\n{round}\
             sources = {cite}\nconfidence = \"single\"\n",
            m = i % 12 + 1,
            d = i % 28 + 1,
            place = places[i % places.len()],
            p = i % 97,
            n = k + 1,
            cite = cite(i),
        )
        .expect("a String takes any write");
    }
}

/// A synthetic dataset loaded and validated like the real one (see [`synthetic_files`]).
pub fn try_synthetic(events: usize, years: usize, agreements: usize) -> Result<Dataset, LoadError> {
    load(&synthetic_files(events, years, agreements))
}

/// A synthetic dataset loaded and validated like the real one.
///
/// # Panics
///
/// When the sizes break a rule of the dataset, such as a series longer than the years
/// the rules allow: the message lists each problem.
pub fn synthetic(events: usize, years: usize, agreements: usize) -> Dataset {
    try_synthetic(events, years, agreements)
        .unwrap_or_else(|e| panic!("the synthetic dataset breaks the dataset's rules:\n{e}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_small_synthetic_dataset_loads_with_every_record() {
        let d = synthetic(100, 40, 5);
        assert_eq!(d.agreements.len(), 5);
        assert_eq!(d.contributions.len(), 40);
        // Each agreement adds its agreed, signed, in-force and expiry milestones.
        assert_eq!(d.events.len(), 100 + 5 * 4);
    }

    #[test]
    fn a_series_longer_than_the_rules_allow_is_refused() {
        let e = try_synthetic(10, MAX_YEARS, 3).unwrap_err();
        assert!(e.to_string().contains("expected a year from 1945 to 2100"));
    }
}
