//! The chart of both hosts for articles: what Korea and Japan pay toward the US forces
//! stationed there, in one measure (per US service member by default, or dollars, real
//! dollars, a share of the defense budget or of GDP), each line labelled with what it
//! is and how its years run, from the same measures `export measures` writes.

use crate::data::{Host, Hosts};
use crate::econ::compare::{Comparison, MeasureKind};

use super::ChartKind;
use super::figure::{
    Figure, FigureLine, LegendItem, LineStyle, Swatch, point, sources_line, year_runs,
};

/// "1991–2026" or "FY1999–FY2024": the years a host's line covers, as the host labels
/// them.
fn years_label(host: Host, years: &[i32]) -> Option<String> {
    let (first, last) = (years.first()?, years.last()?);
    Some(if first == last {
        host.year_label(*first)
    } else {
        format!("{}–{}", host.year_label(*first), host.year_label(*last))
    })
}

/// The line of `host` in `kind`, a year without a figure breaking it; per member, also
/// split where the host's troop count changes definition so no segment joins two kinds
/// of count.
fn host_lines(c: &Comparison, host: Host, kind: MeasureKind, color: usize) -> Vec<FigureLine> {
    let mut lines: Vec<FigureLine> = Vec::new();
    for r in c.rows.iter().filter(|r| r.host == host) {
        let breaks = kind == MeasureKind::PerMember && r.count_break.is_some();
        if breaks || lines.is_empty() {
            let key = match lines.len() {
                0 => host.key().to_string(),
                _ => format!("{}-from-{}", host.key(), r.year),
            };
            lines.push(FigureLine {
                key,
                color,
                style: LineStyle::Solid,
                points: Vec::new(),
            });
        }
        if let (Some(line), Some(p)) = (lines.last_mut(), point(&r.measure(kind).point)) {
            line.points.push(p);
        }
    }
    lines.retain(|l| !l.points.is_empty());
    lines
}

/// The breaks of `host`'s count, as the chart's notes say them: "Japan's line breaks at
/// 2008: <why>".
fn break_notes(c: &Comparison, host: Host) -> impl Iterator<Item = String> + '_ {
    c.rows
        .iter()
        .filter(move |r| r.host == host)
        .filter_map(move |r| {
            let why = r.count_break.as_ref()?;
            Some(format!(
                "{}'s line breaks at {}: {why}",
                host.name(),
                r.year
            ))
        })
}

/// The years a host records a payment for but has no figure in `kind` (an input is
/// missing), where the line breaks: "Gaps, where an input is missing: Korea 1991–1999,
/// 2025; Japan FY1996–FY1998 …". `None` where there is none.
fn gap_note(hosts: &Hosts, c: &Comparison, kind: MeasureKind) -> Option<String> {
    let gaps: Vec<String> = hosts
        .iter()
        .filter_map(|d| {
            let host = d.info.host;
            let years: Vec<i32> = c
                .rows
                .iter()
                .filter(|r| r.host == host && r.measure(kind).value().is_none())
                .map(|r| r.year)
                .collect();
            (!years.is_empty()).then(|| format!("{} {}", host.name(), year_runs(host, &years)))
        })
        .collect();
    (!gaps.is_empty()).then(|| {
        format!(
            "Gaps, where an input is missing: {}; why: export measures, column {}_missing.",
            gaps.join("; "),
            kind.key()
        )
    })
}

/// The chart's title in `kind`.
fn title(kind: MeasureKind) -> &'static str {
    match kind {
        MeasureKind::PerMember => "What each host pays per US service member stationed there",
        MeasureKind::Usd => "What each host pays for the US forces there",
        MeasureKind::RealUsd => "What each host pays for the US forces there, in real terms",
        MeasureKind::ShareOfDefense => {
            "Each host's payment for US forces as a share of its defense budget"
        }
        MeasureKind::ShareOfGdp => "Each host's payment for US forces as a share of its GDP",
    }
}

/// The chart's subtitle in `kind`: the unit, and what is compared.
fn subtitle(kind: MeasureKind, base_year: i32) -> String {
    let compared = "Korea's SMA total beside Japan's host-nation support total";
    match kind {
        MeasureKind::PerMember => {
            format!("thousand US dollars per service member, nominal · {compared}")
        }
        _ => format!("{} · {compared}", kind.unit(base_year)),
    }
}

/// What the notes under the chart say of `kind`: how the payments were turned into it.
fn measure_notes(c: &Comparison, kind: MeasureKind) -> Vec<String> {
    let rates = "Dollars at each year's average rate; Japan's amounts by fiscal year at the fiscal-year average rate.";
    match kind {
        MeasureKind::Usd => vec![rates.into()],
        MeasureKind::RealUsd => vec![
            rates.into(),
            format!(
                "Dollars of {}, deflated by US CPI-U (Japan's fiscal years by the calendar year they start in).",
                c.base_year
            ),
        ],
        MeasureKind::PerMember => vec![
            rates.into(),
            "Per US active-duty service member, DMDC count of 30 September (for Japan, the count inside the fiscal year).".into(),
        ],
        MeasureKind::ShareOfDefense => vec![
            "Of the defense budget in the host's currency: Korea's as enacted (main budget); Japan's defense-related budget, initial, total column (with SACO and US-forces realignment).".into(),
        ],
        MeasureKind::ShareOfGdp => {
            let vintages: Vec<String> = c
                .gdp_vintages
                .iter()
                .map(|(h, v)| format!("{} {v}", h.name()))
                .collect();
            vec![format!(
                "Of nominal GDP in the host's currency, of the calendar year (for Japan, the one its fiscal year starts in); GDP: {}.",
                if vintages.is_empty() {
                    "none recorded".to_string()
                } else {
                    vintages.join("; ")
                }
            )]
        }
    }
}

/// The notes under the chart: what is compared, how the measure is made, where a line
/// breaks and why, and (but per member) the years with no figure.
fn notes(hosts: &Hosts, c: &Comparison, kind: MeasureKind) -> Vec<String> {
    let mut marks = if hosts.has_japan() {
        let mut marks = vec![
            "Korea's SMA contribution (its total) beside Japan's host-nation support total (initial budget, including the facilities program and labor welfare costs), not Japan's SMA portion.".to_string(),
        ];
        marks.extend(measure_notes(c, kind));
        marks
    } else {
        vec![format!(
            "Korea's SMA contribution (its total), {}. No second host in this dataset.",
            match kind {
                MeasureKind::PerMember => "in dollars at each year's average rate, per US active-duty service member (DMDC count of 30 September)".to_string(),
                _ => kind.unit(c.base_year),
            }
        )]
    };
    if kind == MeasureKind::PerMember {
        for d in hosts.iter() {
            marks.extend(break_notes(c, d.info.host));
        }
    }
    // Every measure names its gaps: per member, Japan's FY2009 and FY2011 (no count).
    marks.extend(gap_note(hosts, c, kind));
    marks
}

/// The footer: the datasets, and what the figures rest on beside the record: nothing
/// but in real dollars, whose base year is an assumption (and US CPI-U of it, where it
/// lies past the record).
fn footer(hosts: &Hosts, c: &Comparison, kind: MeasureKind) -> String {
    let versions: Vec<String> = hosts
        .iter()
        .map(|d| {
            format!(
                "{} {} (as of {})",
                d.info.host.name(),
                d.info.version,
                d.info.as_of
            )
        })
        .collect();
    let rests_on = match kind {
        MeasureKind::RealUsd => format!(
            "assumptions: base year {} (real dollars, deflated by {})",
            c.base_year,
            c.deflated_by
                .as_deref()
                .unwrap_or("US CPI-U, none recorded")
        ),
        _ => "recorded figures only: no assumptions".into(),
    };
    format!("sma-dash · datasets: {} · {rests_on}", versions.join(", "))
}

/// Korea's and Japan's payments in `kind`: dollars, real dollars, per US service
/// member, or a share of the defense budget or of GDP, from the comparison
/// `export measures` writes.
pub fn hosts_figure(hosts: &Hosts, c: &Comparison, kind: MeasureKind) -> Figure {
    let mut lines = Vec::new();
    let mut legend = Vec::new();
    let mut ids = Vec::new();
    for (color, d) in hosts.iter().enumerate() {
        let host = d.info.host;
        let host_lines = host_lines(c, host, kind, color);
        let years: Vec<i32> = host_lines
            .iter()
            .flat_map(|l| l.points.iter().map(|p| p.year))
            .collect();
        let Some(shown) = years_label(host, &years) else {
            continue;
        };
        let (what, basis) = match host {
            Host::Korea => ("SMA total", "calendar years"),
            Host::Japan => ("host-nation support total", "fiscal years, Apr–Mar"),
        };
        legend.push(LegendItem {
            swatch: Swatch::Recorded(color),
            label: format!("{}: {what}, {shown} ({basis})", host.name()),
        });
        ids.extend(
            c.rows
                .iter()
                .filter(|r| r.host == host && years.contains(&r.year))
                .flat_map(|r| r.measure(kind).sources.iter().cloned()),
        );
        lines.extend(host_lines);
    }
    // Dollars are converted from the host's currency; a share takes the amount in the
    // host's currency, converted from dollars where only those were recorded.
    let dollars = matches!(
        kind,
        MeasureKind::Usd | MeasureKind::RealUsd | MeasureKind::PerMember
    );
    if dollars || lines.iter().flat_map(|l| &l.points).any(|p| p.converted) {
        legend.push(LegendItem {
            swatch: Swatch::Converted(0),
            label: if dollars {
                "converted from the host's currency at the year's average rate"
            } else {
                "the host's currency converted from a dollar figure at the year's average rate"
            }
            .into(),
        });
    }
    let marks = notes(hosts, c, kind);
    let lookup = |id: &str| hosts.iter().find_map(|d| d.source(id));
    Figure {
        kind: ChartKind::Hosts,
        title: title(kind).into(),
        subtitle: subtitle(kind, c.base_year),
        lines,
        bands: Vec::new(),
        level: None,
        legend,
        marks,
        source: sources_line(lookup, ids.iter(), "sma-dash export measures"),
        footer: footer(hosts, c, kind),
        decimals: match kind {
            MeasureKind::PerMember => 1,
            _ => kind.decimals(),
        },
        // Japan's money by fiscal year, Korea's by calendar year.
        years: crate::data::YearAxis::Mixed,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::econ::Assumptions;
    use crate::econ::compare::sample::sample_hosts;
    use crate::publish::{Size, Theme, to_svg};

    #[test]
    fn both_hosts_are_labelled_lines_and_japans_years_are_fiscal() {
        let hosts = sample_hosts();
        let c = Comparison::of(&hosts, &Assumptions::from_history(&hosts.korea));
        let f = hosts_figure(&hosts, &c, MeasureKind::PerMember);
        let keys: Vec<&str> = f.lines.iter().map(|l| l.key.as_str()).collect();
        assert_eq!(keys, ["kr", "jp", "jp-from-2008"]);
        // FY2023 has no amount and FY2024 no fiscal-year rate: no points there.
        let japan: Vec<i32> = f.lines[1..]
            .iter()
            .flat_map(|l| l.points.iter().map(|p| p.year))
            .collect();
        assert_eq!(japan, [2007, 2008, 2021, 2022]);
        let fy2022 = f.lines[2].points.iter().find(|p| p.year == 2022).unwrap();
        let by_hand = 2112.0 * 100.0 / 135.50 * 1000.0 / 53_973.0;
        assert!((fy2022.value - by_hand).abs() < 1e-9);
        assert!(fy2022.converted);
        assert!(
            f.legend[1]
                .label
                .contains("FY2007–FY2022 (fiscal years, Apr–Mar)"),
            "{}",
            f.legend[1].label
        );
        assert!(f.marks[0].contains("not Japan's SMA portion"));
        let svg = to_svg(&f, Size::default(), Theme::Light);
        // One end label a host: the segment before the break is not labelled.
        assert_eq!(svg.matches("class=\"end-label\"").count(), 2);
        assert!(
            f.marks.contains(
                &"Japan's line breaks at 2008: From 2008 the 7th Fleet afloat is counted."
                    .to_string()
            ),
            "{:?}",
            f.marks
        );
        for text in ["FY2007–FY2022", "7th Fleet", "Sources:", "export measures"] {
            assert!(svg.contains(text), "{text} missing from the image");
        }
    }
}

#[cfg(test)]
mod measure_tests {
    use super::*;
    use crate::econ::Assumptions;
    use crate::econ::compare::sample::sample_hosts;
    use crate::publish::{Size, Theme, to_svg};

    #[test]
    fn each_measure_draws_the_comparisons_values_with_its_unit_title_and_gaps() {
        let hosts = sample_hosts();
        let c = Comparison::of(&hosts, &Assumptions::from_history(&hosts.korea));
        let mut titles = Vec::new();
        for kind in MeasureKind::ALL {
            let f = hosts_figure(&hosts, &c, kind);
            titles.push(f.title.clone());
            // Every point is the comparison's figure in that measure, no other.
            for line in &f.lines {
                let host = if line.key.starts_with("jp") {
                    Host::Japan
                } else {
                    Host::Korea
                };
                for p in &line.points {
                    let m = c.get(host, p.year).unwrap().measure(kind);
                    assert_eq!(Some(p.value), m.value(), "{kind:?} {host:?} {}", p.year);
                }
            }
            if kind != MeasureKind::PerMember {
                assert!(
                    f.subtitle.starts_with(&kind.unit(c.base_year)),
                    "{kind:?}: {}",
                    f.subtitle
                );
                // One line a host: only a count's break splits one, per member.
                assert_eq!(f.lines.len(), 2, "{kind:?}");
                // Japan's FY2023 has no amount: a gap in the line, named in the notes.
                assert!(f.lines[1].points.iter().all(|p| p.year != 2023));
                let gaps = f.marks.iter().find(|m| m.starts_with("Gaps")).unwrap();
                assert!(gaps.contains("Japan FY"), "{kind:?}: {gaps}");
                assert!(gaps.contains("FY2023"), "{kind:?}: {gaps}");
                assert!(gaps.contains(&format!("{}_missing", kind.key())), "{gaps}");
            }
            // The legend says what each host's line is, and how its years run.
            assert!(f.legend[0].label.starts_with("Korea: SMA total, "));
            assert!(
                f.legend[1]
                    .label
                    .starts_with("Japan: host-nation support total, FY")
            );
            assert!(f.legend[1].label.ends_with("(fiscal years, Apr–Mar)"));
            let svg = to_svg(&f, Size::default(), Theme::Light);
            for text in ["Sources:", "export measures", "not Japan's SMA portion"] {
                assert!(svg.contains(text), "{kind:?}: {text} missing");
            }
        }
        titles.dedup();
        assert_eq!(titles.len(), MeasureKind::ALL.len(), "{titles:?}");
        let gdp = hosts_figure(&hosts, &c, MeasureKind::ShareOfGdp);
        assert!(gdp.marks.iter().any(|m| m.contains("nominal GDP")));
        assert_eq!(gdp.decimals, 3);
        let real = hosts_figure(&hosts, &c, MeasureKind::RealUsd);
        assert!(real.subtitle.contains(&format!("of {}", c.base_year)));
    }

    #[test]
    fn real_dollars_state_their_base_year_and_per_member_names_japans_missing_counts() {
        let hosts = crate::data::Hosts::embedded().expect("both embedded hosts load");
        let mut a = Assumptions::from_history(&hosts.korea);
        a.base_year = 2024;
        let c = Comparison::of(&hosts, &a);
        for kind in MeasureKind::ALL {
            let footer = hosts_figure(&hosts, &c, kind).footer;
            if kind == MeasureKind::RealUsd {
                assert!(!footer.contains("no assumptions"), "{footer}");
                assert!(
                    footer.ends_with(
                        "assumptions: base year 2024 (real dollars, deflated by US CPI-U of 2024 recorded)"
                    ),
                    "{footer}"
                );
            } else {
                assert!(
                    footer.ends_with("recorded figures only: no assumptions"),
                    "{kind:?}: {footer}"
                );
            }
        }
        // A base year past the record: the CPI of it is assumed too, and said so.
        a.horizon = a.horizon.max(2030);
        a.base_year = 2030;
        let c = Comparison::of(&hosts, &a);
        let footer = hosts_figure(&hosts, &c, MeasureKind::RealUsd).footer;
        assert!(
            footer.contains("base year 2030 (real dollars, deflated by US CPI-U of 2030 assumed: "),
            "{footer}"
        );
        // Per member, the years Japan records a payment but DMDC no count (2009, 2011)
        // are named in the notes, as each measure's gaps are.
        let f = hosts_figure(&hosts, &c, MeasureKind::PerMember);
        let gaps = f
            .marks
            .iter()
            .find(|m| m.starts_with("Gaps"))
            .expect("gaps");
        for year in ["FY2009", "FY2011", "usd_k_per_member_missing"] {
            assert!(gaps.contains(year), "{year}: {gaps}");
        }
        let japan = hosts.japan().expect("Japan");
        for year in [2009, 2011] {
            assert!(japan.troop_count(year).and_then(|t| t.troops).is_none());
        }
        let svg = to_svg(&f, Size::default(), Theme::Light);
        assert!(svg.contains("FY2009"), "the note is drawn");
    }

    #[test]
    fn year_runs_read_as_ranges_in_the_hosts_years() {
        assert_eq!(
            year_runs(Host::Korea, &[1991, 1992, 1993, 2025]),
            "1991–1993, 2025"
        );
        assert_eq!(
            year_runs(Host::Japan, &[1978, 1996, 1997, 2013]),
            "FY1978, FY1996–FY1997, FY2013"
        );
    }
}
