//! The colours of each role on screen, as settings: the config file can change any.

use ratatui::style::Color;

/// One colour per role; the view decides where each role appears.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Palette {
    /// Focused pane borders and titles, key names.
    pub accent: Color,
    pub title_fg: Color,
    pub title_bg: Color,
    /// Agreement headers in the timeline, section titles.
    pub header: Color,
    /// Recorded figures on charts.
    pub recorded: Color,
    /// Projected figures on charts.
    pub projected: Color,
    /// Years a cap bound.
    pub capped: Color,
    /// The year cursor.
    pub cursor: Color,
    /// Reference lines such as the 28,500 level.
    pub reference: Color,
    /// Confirmations in the status line.
    pub message: Color,
    pub warning: Color,
    pub link: Color,
    /// Unfocused borders and secondary text.
    pub dim: Color,
    pub label: Color,
    /// The scenarios compared with the pinned one, in the order they were added.
    pub compare: [Color; 4],
    /// The band of outcomes around a projection.
    pub band: Color,
}

impl Palette {
    /// Each role with its config name, in the order the config file lists them.
    pub fn roles_mut(&mut self) -> [(&'static str, &mut Color); 19] {
        let [c1, c2, c3, c4] = &mut self.compare;
        [
            ("accent", &mut self.accent),
            ("title_fg", &mut self.title_fg),
            ("title_bg", &mut self.title_bg),
            ("header", &mut self.header),
            ("recorded", &mut self.recorded),
            ("projected", &mut self.projected),
            ("capped", &mut self.capped),
            ("cursor", &mut self.cursor),
            ("reference", &mut self.reference),
            ("message", &mut self.message),
            ("warning", &mut self.warning),
            ("link", &mut self.link),
            ("dim", &mut self.dim),
            ("label", &mut self.label),
            ("compare_1", c1),
            ("compare_2", c2),
            ("compare_3", c3),
            ("compare_4", c4),
            ("band", &mut self.band),
        ]
    }
}

impl Default for Palette {
    fn default() -> Self {
        Self {
            accent: Color::Cyan,
            title_fg: Color::White,
            title_bg: Color::Blue,
            header: Color::Yellow,
            recorded: Color::Cyan,
            projected: Color::Yellow,
            capped: Color::Red,
            cursor: Color::Magenta,
            reference: Color::Green,
            message: Color::Green,
            warning: Color::Red,
            link: Color::Blue,
            dim: Color::DarkGray,
            label: Color::Gray,
            compare: [
                Color::LightGreen,
                Color::LightRed,
                Color::LightBlue,
                Color::White,
            ],
            band: Color::DarkGray,
        }
    }
}
