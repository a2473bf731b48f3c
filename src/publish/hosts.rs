//! The chart of both hosts for articles: what Korea and Japan pay per US service member
//! stationed there, in dollars, each line labelled with what it is and how its years
//! run, from the same measures `export measures` writes.

use crate::data::{Host, Hosts};
use crate::econ::compare::{Comparison, MeasureKind};

use super::ChartKind;
use super::figure::{Figure, FigureLine, LegendItem, LineStyle, Swatch, point, sources_line};

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

/// The per-member line of `host`, split where its troop count changes definition so no
/// segment joins two kinds of count.
fn host_lines(c: &Comparison, host: Host, color: usize) -> Vec<FigureLine> {
    let mut lines: Vec<FigureLine> = Vec::new();
    for r in c.rows.iter().filter(|r| r.host == host) {
        if r.count_break.is_some() || lines.is_empty() {
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
        if let (Some(line), Some(p)) = (
            lines.last_mut(),
            point(&r.measure(MeasureKind::PerMember).point),
        ) {
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

/// Korea's and Japan's payments per US service member, nominal dollars.
pub fn hosts_figure(hosts: &Hosts, c: &Comparison) -> Figure {
    let mut lines = Vec::new();
    let mut legend = Vec::new();
    let mut ids = Vec::new();
    for (color, d) in hosts.iter().enumerate() {
        let host = d.info.host;
        let host_lines = host_lines(c, host, color);
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
                .flat_map(|r| r.measure(MeasureKind::PerMember).sources.iter().cloned()),
        );
        lines.extend(host_lines);
    }
    legend.push(LegendItem {
        swatch: Swatch::Converted(0),
        label: "converted from the host's currency at the year's average rate".into(),
    });
    let mut marks = if hosts.japan.is_some() {
        vec![
            "Korea's SMA contribution (its total) beside Japan's host-nation support total (initial budget, including the facilities program and labor welfare costs), not Japan's SMA portion.".to_string(),
            "Dollars at each year's average rate; Japan's amounts by fiscal year at the fiscal-year average rate.".to_string(),
            "Per US active-duty service member, DMDC count of 30 September (for Japan, the count inside the fiscal year).".to_string(),
        ]
    } else {
        vec![
            "Korea's SMA contribution (its total) in dollars at each year's average rate, per US active-duty service member (DMDC count of 30 September). No second host in this dataset.".to_string(),
        ]
    };
    for d in hosts.iter() {
        marks.extend(break_notes(c, d.info.host));
    }
    let lookup = |id: &str| hosts.iter().find_map(|d| d.source(id));
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
    Figure {
        kind: ChartKind::Hosts,
        title: "What each host pays per US service member stationed there".into(),
        subtitle: "thousand US dollars per service member, nominal · Korea's SMA total beside Japan's host-nation support total".into(),
        lines,
        bands: Vec::new(),
        level: None,
        legend,
        marks,
        source: sources_line(lookup, ids.iter(), "sma-dash export measures"),
        footer: format!(
            "sma-dash · datasets: {} · recorded figures only: no assumptions",
            versions.join(", ")
        ),
        decimals: 1,
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
        let f = hosts_figure(&hosts, &c);
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
