//! Numbers and text fitted to columns: thousands separators, units, display widths.

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

pub use crate::numbers::{signed, thousands};

use crate::data::Host;
use crate::econ::{CostView, Currency, Metric};

/// A value of the cost view in its unit, as the panes and tables write it:
/// "1,519.2 bn won", "$866.9 m", "$866.9 m of 2025", "53.3 million won", "+8.2 %";
/// in `host`'s currency ("211.2 bn yen").
pub fn amount(view: &CostView, host: Host, base_year: i32, v: f64) -> String {
    let of = if view.real {
        format!(" of {base_year}")
    } else {
        String::new()
    };
    let digits = decimals_for(v);
    match (view.metric, view.currency) {
        (Metric::YearOnYear, _) => format!("{} %", signed(v, 1)),
        (Metric::PerServiceMember, _) => {
            format!("{} {}", thousands(v, digits), view.unit(host, base_year))
        }
        (_, Currency::Local) => {
            format!("{} bn {}{of}", thousands(v, digits), host.currency())
        }
        (_, Currency::Usd) => {
            let sign = if v < 0.0 { "-" } else { "" };
            format!("{sign}${} m{of}", thousands(v.abs(), digits))
        }
    }
}

/// A range in the cost view's unit, the unit once: "1,585.4–1,648.8 bn won",
/// "$1,100.2–1,150.0 m", "+1.2–+3.4 %".
pub fn amount_range(view: &CostView, host: Host, base_year: i32, low: f64, high: f64) -> String {
    let low_text = amount(view, host, base_year, low);
    let high_text = amount(view, host, base_year, high);
    // The low without its unit; the high keeps it (and a dollar sign only once).
    let bare = low_text.split(' ').next().unwrap_or(&low_text);
    match view.currency {
        Currency::Usd if view.metric != Metric::YearOnYear => {
            format!("{bare}–{}", high_text.trim_start_matches('$'))
        }
        _ => format!("{bare}–{high_text}"),
    }
}

/// Decimals for a value around `magnitude`: one, as the ministry publishes amounts,
/// none past ten thousand, two below ten.
pub fn decimals_for(magnitude: f64) -> usize {
    match magnitude.abs() {
        m if m >= 10_000.0 => 0,
        m if m >= 10.0 => 1,
        _ => 2,
    }
}

/// Display width of `s` in terminal columns (Korean syllables take two).
pub fn width(s: &str) -> usize {
    s.width()
}

/// `s` cut to at most `max` columns, with "…" where it was cut.
pub fn truncate(s: &str, max: usize) -> String {
    if s.width() <= max {
        return s.to_string();
    }
    if max == 0 {
        return String::new();
    }
    let mut out = String::new();
    let mut used = 0;
    for ch in s.chars() {
        let w = ch.width().unwrap_or(0);
        if used + w > max - 1 {
            break;
        }
        out.push(ch);
        used += w;
    }
    out.push('…');
    out
}

/// `s` cut or padded with spaces to exactly `cols` columns.
pub fn fit(s: &str, cols: usize) -> String {
    let mut out = truncate(s, cols);
    let w = out.width();
    out.extend(std::iter::repeat_n(' ', cols.saturating_sub(w)));
    out
}

/// `s` right-aligned in `cols` columns.
pub fn fit_right(s: &str, cols: usize) -> String {
    let out = truncate(s, cols);
    format!("{}{out}", " ".repeat(cols.saturating_sub(out.width())))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wide_characters_keep_columns_aligned() {
        // Two columns per syllable: 장원삼 is six columns wide.
        assert_eq!(width("장원삼"), 6);
        assert_eq!(fit("장원삼", 8), "장원삼  ");
        assert_eq!(width(&fit("장원삼 Chang", 7)), 7);
        assert_eq!(truncate("Chang Won-sam", 6), "Chang…");
        // A wide character that would straddle the edge is dropped, not split.
        assert_eq!(width(&fit("가나다", 4)), 4);
        assert_eq!(fit_right("42", 5), "   42");
    }
}
