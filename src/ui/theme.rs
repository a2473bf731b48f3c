//! Colours and emphasis, in one place. Without colour (`NO_COLOR`) every distinction
//! still shows by modifier or glyph: the focused pane has a thick border and a `▶`
//! before its title, its selection is in reverse video, another pane's is underlined.

use ratatui::style::{Color, Modifier, Style};

use crate::app::Palette;
use crate::data::EventKind;

#[derive(Debug, Clone, Copy)]
pub struct Theme {
    color: bool,
    palette: Palette,
}

impl Theme {
    pub fn new(color: bool, palette: Palette) -> Self {
        Self { color, palette }
    }

    fn fg(&self, c: Color) -> Style {
        if self.color {
            Style::new().fg(c)
        } else {
            Style::new()
        }
    }

    pub fn border(&self, focused: bool) -> Style {
        if focused {
            self.fg(self.palette.accent).add_modifier(Modifier::BOLD)
        } else {
            self.fg(self.palette.dim)
        }
    }

    pub fn pane_title(&self, focused: bool) -> Style {
        if focused {
            self.fg(self.palette.accent)
                .add_modifier(Modifier::BOLD | Modifier::REVERSED)
        } else {
            Style::new().add_modifier(Modifier::BOLD)
        }
    }

    pub fn title_bar(&self) -> Style {
        if self.color {
            Style::new()
                .bg(self.palette.title_bg)
                .fg(self.palette.title_fg)
        } else {
            Style::new().add_modifier(Modifier::REVERSED)
        }
    }

    pub fn bold(&self) -> Style {
        Style::new().add_modifier(Modifier::BOLD)
    }

    /// The selected row: in reverse video in the focused pane, where the keys act on
    /// it; underlined in another, so that only one selection looks active.
    pub fn selected(&self, focused: bool) -> Style {
        if focused {
            Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD)
        } else {
            Style::new().add_modifier(Modifier::UNDERLINED)
        }
    }

    pub fn dim(&self) -> Style {
        if self.color {
            Style::new().fg(self.palette.dim)
        } else {
            Style::new().add_modifier(Modifier::DIM)
        }
    }

    pub fn label(&self) -> Style {
        self.fg(self.palette.label)
    }

    pub fn header(&self) -> Style {
        self.fg(self.palette.header).add_modifier(Modifier::BOLD)
    }

    pub fn recorded(&self) -> Style {
        self.fg(self.palette.recorded)
    }

    pub fn projected(&self) -> Style {
        if self.color {
            Style::new()
                .fg(self.palette.projected)
                .add_modifier(Modifier::DIM)
        } else {
            Style::new().add_modifier(Modifier::DIM)
        }
    }

    /// The `i`th compared scenario's line.
    pub fn compared(&self, i: usize) -> Style {
        self.fg(self.palette.compare[i % self.palette.compare.len()])
    }

    /// The band of outcomes, behind the series.
    pub fn band(&self) -> Style {
        self.fg(self.palette.band)
    }

    pub fn capped(&self) -> Style {
        self.fg(self.palette.capped).add_modifier(Modifier::BOLD)
    }

    pub fn cursor(&self) -> Style {
        self.fg(self.palette.cursor).add_modifier(Modifier::BOLD)
    }

    pub fn reference(&self) -> Style {
        self.fg(self.palette.reference)
    }

    pub fn key(&self) -> Style {
        self.fg(self.palette.accent).add_modifier(Modifier::BOLD)
    }

    pub fn message(&self) -> Style {
        self.fg(self.palette.message).add_modifier(Modifier::BOLD)
    }

    pub fn warning(&self) -> Style {
        self.fg(self.palette.warning).add_modifier(Modifier::BOLD)
    }

    pub fn link(&self) -> Style {
        self.fg(self.palette.link)
            .add_modifier(Modifier::UNDERLINED)
    }

    pub fn kind(&self, kind: EventKind) -> Style {
        use EventKind::*;
        let c = match kind {
            Round => Color::Blue,
            Agreed | Initialed | Signed => Color::Green,
            Ratified | InForce => Color::Cyan,
            Expiry | Lapse => Color::Red,
            Demand => Color::Magenta,
            Statement | Appointment | Incident => Color::Gray,
            Troops => Color::Yellow,
        };
        self.fg(c)
    }
}
