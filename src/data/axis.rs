//! How a chart's year axis says what its years are: one rule for the dashboard's charts
//! (`ui::chart`) and the images (`publish::svg`), so that a chart of Japan's money never
//! passes its fiscal years (April to March) for calendar years.

use super::Host;

/// The years a chart's x axis counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum YearAxis {
    /// Calendar years (Korea's money, every troop count): ticks "2000", no note.
    #[default]
    Calendar,
    /// One host's fiscal years (Japan's money): ticks "FY2000" where they fit as often
    /// as plain years would, else plain ticks and the note.
    Fiscal,
    /// Calendar and fiscal years on one axis (both hosts): plain ticks and a note
    /// naming the host whose years are fiscal.
    Mixed,
}

/// Before a tick's year on an axis of fiscal years.
pub const FISCAL_PREFIX: &str = "FY";

impl YearAxis {
    /// The axis of a chart of the money of `hosts`.
    pub fn of_money(hosts: &[Host]) -> Self {
        let fiscal = hosts.iter().filter(|h| h.fiscal_years()).count();
        match (fiscal, hosts.len()) {
            (0, _) => YearAxis::Calendar,
            (f, n) if f == n => YearAxis::Fiscal,
            _ => YearAxis::Mixed,
        }
    }

    /// Whether the ticks carry [`FISCAL_PREFIX`]: on fiscal years alone, where as many
    /// prefixed ticks fit (`prefixed`) as plain ones (`plain`): the prefix never costs
    /// a label.
    pub fn prefixed(self, plain: usize, prefixed: usize) -> bool {
        self == YearAxis::Fiscal && prefixed >= plain
    }

    /// A tick's text: "FY2000" where `prefixed`, else "2000".
    pub fn tick(year: i32, prefixed: bool) -> String {
        if prefixed {
            format!("{FISCAL_PREFIX}{year}")
        } else {
            year.to_string()
        }
    }

    /// What the axis says where its ticks do not: `None` on calendar years and on
    /// prefixed ticks. `short` for a terminal's few cells ("FY", "JP FY"), else in
    /// words ("fiscal years, April–March", "JP: fiscal years, April–March").
    pub fn note(self, prefixed: bool, short: bool) -> Option<&'static str> {
        match (self, prefixed, short) {
            (YearAxis::Calendar, ..) | (YearAxis::Fiscal, true, _) => None,
            (YearAxis::Fiscal, false, true) => Some("FY"),
            (YearAxis::Fiscal, false, false) => Some("fiscal years, April–March"),
            (YearAxis::Mixed, _, true) => Some("JP FY"),
            (YearAxis::Mixed, _, false) => Some("JP: fiscal years, April–March"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_axis_follows_the_hosts_and_never_drops_a_tick_for_its_prefix() {
        use YearAxis::*;
        assert_eq!(YearAxis::of_money(&[Host::Korea]), Calendar);
        assert_eq!(YearAxis::of_money(&[Host::Japan]), Fiscal);
        assert_eq!(YearAxis::of_money(&[Host::Korea, Host::Japan]), Mixed);
        assert!(Fiscal.prefixed(5, 5));
        assert!(!Fiscal.prefixed(10, 5), "fewer ticks: plain, with the note");
        assert!(!Mixed.prefixed(5, 5));
        assert!(!Calendar.prefixed(5, 5));
        assert_eq!(YearAxis::tick(2000, true), "FY2000");
        assert_eq!(YearAxis::tick(2000, false), "2000");
        assert_eq!(Fiscal.note(true, true), None);
        assert_eq!(Fiscal.note(false, true), Some("FY"));
        assert_eq!(
            Mixed.note(false, false),
            Some("JP: fiscal years, April–March")
        );
        assert_eq!(Calendar.note(false, false), None);
    }
}
