//! Numbers as people read them: thousands separators, signs on differences. Shared by
//! the screen and the command line's tables. Pure formatting: no terminal, no files,
//! no rule of the data.

/// The multiples of a power of ten an axis steps by: its labels and gridlines fall on
/// round numbers, in the panes and in the images alike.
const ROUND: [f64; 4] = [1.0, 2.0, 2.5, 5.0];

/// The round steps an axis may take, from about `from` up: 1, 2, 2.5 and 5 times the
/// powers of ten.
pub fn round_steps(from: f64) -> impl Iterator<Item = f64> {
    let power = 10f64.powf(from.max(f64::MIN_POSITIVE).log10().floor() - 1.0);
    (0..48).map(move |i| ROUND[i % 4] * power * 10f64.powi(i as i32 / 4))
}

/// The least round step (1, 2, 2.5 or 5 times a power of ten) of at least `raw`.
pub fn round_step(raw: f64) -> f64 {
    let raw = raw.max(f64::MIN_POSITIVE);
    let power = 10f64.powf(raw.log10().floor());
    ROUND
        .into_iter()
        .chain([10.0])
        .map(|m| m * power)
        .find(|s| *s >= raw)
        .unwrap_or(10.0 * power)
}

/// `1519.2` → "1,519.2" with `decimals` digits after the point.
pub fn thousands(value: f64, decimals: usize) -> String {
    let text = format!("{:.*}", decimals, value.abs());
    let (int, frac) = text.split_once('.').unwrap_or((&text, ""));
    let mut grouped = String::new();
    for (i, ch) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(ch);
    }
    // "-0.0" reads as noise: a value that rounds to zero has no sign.
    let negative = value < 0.0 && text.bytes().any(|b| (b'1'..=b'9').contains(&b));
    let sign = if negative { "-" } else { "" };
    if frac.is_empty() {
        format!("{sign}{grouped}")
    } else {
        format!("{sign}{grouped}.{frac}")
    }
}

/// Like `thousands`, with a leading "+" on positive values: for differences.
pub fn signed(value: f64, decimals: usize) -> String {
    let text = thousands(value, decimals);
    if text.starts_with('-') || text.trim_start_matches(['0', '.', ',']).is_empty() {
        text
    } else {
        format!("+{text}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_thousands() {
        assert_eq!(thousands(1519.2, 1), "1,519.2");
        assert_eq!(thousands(15192.0, 0), "15,192");
        assert_eq!(thousands(-1234567.891, 2), "-1,234,567.89");
        assert_eq!(thousands(999.96, 1), "1,000.0");
        assert_eq!(thousands(-0.01, 1), "0.0");
    }

    #[test]
    fn signs_differences() {
        assert_eq!(signed(902.3, 1), "+902.3");
        assert_eq!(signed(-5.0, 0), "-5");
        assert_eq!(signed(0.0, 1), "0.0");
    }
}
