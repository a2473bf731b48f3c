//! A recorded figure set beside the figures sources reported in the other currency,
//! converted back at the year's average rate: a check a reader can redo, never a point
//! of the series.

use crate::data::{AgreementCurrency, Dataset};
use crate::numbers::thousands;

use super::{local_100m_to_usd_m, usd_m_to_local_100m};

/// For `year`, each reported figure in the currency its agreement was not set in,
/// converted into the agreed one at the year's average rate: "the $866.86 m reported,
/// at the 2014 average rate: 912.2 bn won". None for an agreement in both currencies
/// (the 5th SMA), where no rate is recorded, or without such a figure.
pub fn cross_checks(d: &Dataset, year: i32) -> Vec<String> {
    let (Some(c), Some(rate)) = (d.contribution(year), d.exchange_rate(year)) else {
        return Vec::new();
    };
    let currency = d.agreement_of(c).map(|a| a.currency);
    let rate = rate.per_usd_of_host_year();
    let host = d.info.host;
    c.reported
        .iter()
        .filter_map(|r| {
            let converted = match (currency, r.usd_m, r.local_100m) {
                (Some(AgreementCurrency::Local), Some(usd), _) => {
                    format!(
                        "{} bn {}",
                        thousands(usd_m_to_local_100m(usd, rate) / 10.0, 1),
                        host.currency()
                    )
                }
                (Some(AgreementCurrency::Usd), None, Some(krw)) => {
                    format!("${} m", thousands(local_100m_to_usd_m(krw, rate), 1))
                }
                _ => return None,
            };
            Some(format!(
                "the {} {}, at the {} average rate: {converted}",
                r.amount_label(host),
                r.what.label(),
                host.year_label(year)
            ))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_won_year_reported_in_dollars_is_converted_back_to_won() {
        let d = Dataset::embedded().unwrap();
        let checks = cross_checks(&d, 2014);
        assert_eq!(
            checks.first().map(String::as_str),
            Some("the $866.86 m reported, at the 2014 average rate: 912.2 bn won")
        );
        // A dollar year reported in won goes the other way.
        assert_eq!(
            cross_checks(&d, 1991),
            ["the 107.3 bn won reported, at the 1991 average rate: $145.6 m"]
        );
        // A year agreed in both currencies has no single figure to check against.
        assert!(cross_checks(&d, 2003).is_empty());
    }
}
