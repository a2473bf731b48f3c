//! Charts for publication: what a chart pane shows, as an SVG or PNG image with its
//! title, unit and basis, legend, sources and the assumptions behind it.
//!
//! A front end beside `report`: a [`Figure`] is built from the series `econ` and
//! `report` computed (the same the tables, `project` and `export` give) and drawn
//! here; nothing is computed anew, and no terminal is involved.

mod figure;
mod hosts;
mod png;
mod svg;

pub use figure::Figure;
pub(crate) use figure::{costs_figure, scenarios_figure, troops_figure};
pub(crate) use hosts::hosts_figure;
pub use png::to_png;
pub(crate) use svg::escape_xml;
pub use svg::{layout, to_svg};

/// The charts `sma-dash chart` draws, one a chart pane.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChartKind {
    Costs,
    Troops,
    Scenarios,
    /// Both hosts' payments in one measure (per US service member by default).
    Hosts,
}

impl ChartKind {
    /// `costs`, `troops`, `scenarios`: the subcommand's argument and the files' names.
    pub fn key(self) -> &'static str {
        match self {
            ChartKind::Costs => "costs",
            ChartKind::Troops => "troops",
            ChartKind::Scenarios => "scenarios",
            ChartKind::Hosts => "hosts",
        }
    }
}

/// Light (for print and most pages) or dark (for dark pages and slides).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Theme {
    #[default]
    Light,
    Dark,
}

/// An image's size in pixels.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Size {
    pub width: u32,
    pub height: u32,
}

impl Size {
    /// The smallest and largest side an image may have: text stays legible above the
    /// one, and a bitmap's memory bounded below the other.
    pub const MIN: u32 = 200;
    pub const MAX: u32 = 8000;
}

impl Default for Size {
    /// 1200×675: 16:9, wide enough for an article's full column at twice its density.
    fn default() -> Self {
        Self {
            width: 1200,
            height: 675,
        }
    }
}

/// The figure as an SVG document and as a PNG image of the same size and theme.
pub fn images(figure: &Figure, size: Size, theme: Theme) -> Result<(String, Vec<u8>), String> {
    let svg = to_svg(figure, size, theme);
    let png = to_png(&svg, size)?;
    Ok((svg, png))
}
