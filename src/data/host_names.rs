//! The names a host's files use: the economy tables and the fields named after the
//! host's currency (`krw_100m`, `jpy_100m`), and the refusal of another host's names in
//! them, so that a figure in won cannot pass for one in yen.

use std::ops::Range;

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use super::model::Host;

/// The tables of economy.toml for `host`: its CPI and its rate are named after it, and
/// only Korea's file holds the US CPI-U (another host's dataset is given Korea's series
/// when it loads, so the one series lives in one place).
pub fn economy_tables(host: Host) -> &'static [&'static str] {
    match host {
        Host::Korea => &[
            "korean_cpi",
            "us_cpi",
            "krw_per_usd",
            "defense_budget",
            "gdp",
        ],
        Host::Japan => &["japanese_cpi", "jpy_per_usd", "defense_budget", "gdp"],
    }
}

/// The table of the host's consumer prices: `korean_cpi`, `japanese_cpi`.
pub fn cpi_table(host: Host) -> &'static str {
    match host {
        Host::Korea => "korean_cpi",
        Host::Japan => "japanese_cpi",
    }
}

/// The table of the host's exchange rate: `krw_per_usd`, `jpy_per_usd`.
pub fn rate_table(host: Host) -> &'static str {
    match host {
        Host::Korea => "krw_per_usd",
        Host::Japan => "jpy_per_usd",
    }
}

/// The key of the host's side in `signatories` and the like: `rok`, `jp`.
pub fn side_key(host: Host) -> &'static str {
    match host {
        Host::Korea => "rok",
        Host::Japan => "jp",
    }
}

/// The host's side as an agreement's people are listed: "ROK Cho Tae-yul / US …",
/// "Japan Yoshimasa Hayashi / US …".
pub fn side_name(host: Host) -> &'static str {
    match host {
        Host::Korea => "ROK",
        Host::Japan => "Japan",
    }
}

/// The columns of the host's side of an agreement in files: `signatories_rok`,
/// `negotiators_rok`, `initialed_by_rok`; Japan's `…_jp`.
pub fn side_columns(host: Host) -> [&'static str; 3] {
    match host {
        Host::Korea => ["signatories_rok", "negotiators_rok", "initialed_by_rok"],
        Host::Japan => ["signatories_jp", "negotiators_jp", "initialed_by_jp"],
    }
}

/// The name `host`'s files use in place of `name`, where `name` belongs to another
/// host: `krw_100m` → `jpy_100m` in Japan's files, `rok` → `jp`, `korean_cpi` →
/// `japanese_cpi`. `None` for a name of no other host.
pub fn replacement(host: Host, name: &str) -> Option<(String, Host)> {
    Host::ALL
        .into_iter()
        .filter(|o| *o != host)
        .find_map(|other| {
            if name == cpi_table(other) {
                Some((cpi_table(host).to_string(), other))
            } else if name == side_key(other) {
                Some((side_key(host).to_string(), other))
            } else if name.split(['_', '+']).any(|w| w == other.currency_key()) {
                Some((
                    name.split_inclusive(['_', '+'])
                        .map(|w| {
                            let bare = w.trim_end_matches(['_', '+']);
                            if bare == other.currency_key() {
                                w.replacen(bare, host.currency_key(), 1)
                            } else {
                                w.to_string()
                            }
                        })
                        .collect(),
                    other,
                ))
            } else {
                None
            }
        })
}

/// The message for a name of `other` found in `host`'s files.
pub fn message(host: Host, name: &str, instead: &str, other: Host) -> String {
    format!(
        "expected `{instead}` in {}'s dataset, found `{name}`, a name of {}'s",
        host.name(),
        other.name()
    )
}

/// Calls `f` with each name in `root` that belongs to another host than `host`: every key
/// below the top level (the top level is the tables, checked with them) and the value of
/// each `currency` field, with its place in the file and the name to use instead.
pub fn for_each_foreign(
    root: &Spanned<DeTable>,
    host: Host,
    f: &mut impl FnMut(&str, Range<usize>, String, Host),
) {
    fn value(
        v: &Spanned<DeValue>,
        host: Host,
        f: &mut impl FnMut(&str, Range<usize>, String, Host),
    ) {
        match v.get_ref() {
            DeValue::Array(items) => items.iter().for_each(|item| value(item, host, f)),
            DeValue::Table(t) => table(t, host, f),
            _ => {}
        }
    }
    fn table(t: &DeTable, host: Host, f: &mut impl FnMut(&str, Range<usize>, String, Host)) {
        for (key, item) in t.iter() {
            if let Some((instead, other)) = replacement(host, key.get_ref()) {
                f(key.get_ref(), key.span(), instead, other);
            }
            if key.get_ref() == "currency"
                && let DeValue::String(s) = item.get_ref()
                && let Some((instead, other)) = replacement(host, s)
            {
                f(s, item.span(), instead, other);
            }
            value(item, host, f);
        }
    }
    for (_, item) in root.get_ref().iter() {
        value(item, host, f);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_host_s_names_map_to_the_other_s() {
        let jp = |n: &str| replacement(Host::Japan, n).map(|(s, _)| s);
        let kr = |n: &str| replacement(Host::Korea, n).map(|(s, _)| s);
        assert_eq!(jp("krw_100m").as_deref(), Some("jpy_100m"));
        assert_eq!(jp("plan_krw_100m").as_deref(), Some("plan_jpy_100m"));
        assert_eq!(jp("usd+krw").as_deref(), Some("usd+jpy"));
        assert_eq!(jp("rok").as_deref(), Some("jp"));
        assert_eq!(jp("korean_cpi").as_deref(), Some("japanese_cpi"));
        assert_eq!(
            kr("fiscal_year_jpy_per_usd").as_deref(),
            Some("fiscal_year_krw_per_usd")
        );
        assert_eq!(kr("jp").as_deref(), Some("rok"));
        assert_eq!(jp("jpy_100m"), None);
        assert_eq!(kr("krw_100m"), None);
        assert_eq!(jp("usd_m"), None);
        // A word that only contains the code is not the code.
        assert_eq!(kr("jpyx_100m"), None);
    }
}
