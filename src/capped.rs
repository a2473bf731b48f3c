//! The terminal's size as the program takes it: at most [`MAX_WIDTH`]×[`MAX_HEIGHT`].
//!
//! A terminal can report any size up to 65535×65535 (`stty cols 65535 rows 65535`).
//! Each frame is a buffer of cells, two of them kept to compare, so such a size would
//! ask for hundreds of gigabytes and abort with the terminal still taken. Allocation
//! failure cannot be caught in stable Rust; so the size is capped before any buffer is
//! made, the dashboard is drawn in the top-left corner of the screen, and the frame
//! says so. The cap is the one `render` takes, far past any real screen (a 4K monitor
//! at a small font shows about 480×135 cells).
//!
//! Only the size: nothing of the layout or the data.

use std::io;

use ratatui::backend::{Backend, ClearType, WindowSize};
use ratatui::buffer::Cell;
use ratatui::layout::{Position, Size};

pub use crate::render::{MAX_HEIGHT, MAX_WIDTH};

/// A backend that says the screen is no larger than the cap.
#[derive(Debug)]
pub struct Capped<B>(pub B);

/// `size` within the cap.
pub fn capped(size: Size) -> Size {
    Size::new(size.width.min(MAX_WIDTH), size.height.min(MAX_HEIGHT))
}

impl<B: Backend> Capped<B> {
    /// The screen's own size, where it is larger than the cap.
    pub fn over_cap(&self) -> Option<Size> {
        let real = self.0.size().ok()?;
        (capped(real) != real).then_some(real)
    }
}

impl<B: Backend> Backend for Capped<B> {
    type Error = B::Error;

    fn draw<'a, I>(&mut self, content: I) -> Result<(), Self::Error>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        self.0.draw(content)
    }

    fn append_lines(&mut self, n: u16) -> Result<(), Self::Error> {
        self.0.append_lines(n)
    }

    fn hide_cursor(&mut self) -> Result<(), Self::Error> {
        self.0.hide_cursor()
    }

    fn show_cursor(&mut self) -> Result<(), Self::Error> {
        self.0.show_cursor()
    }

    fn get_cursor_position(&mut self) -> Result<Position, Self::Error> {
        self.0.get_cursor_position()
    }

    fn set_cursor_position<P: Into<Position>>(&mut self, position: P) -> Result<(), Self::Error> {
        self.0.set_cursor_position(position)
    }

    fn clear(&mut self) -> Result<(), Self::Error> {
        self.0.clear()
    }

    fn clear_region(&mut self, clear_type: ClearType) -> Result<(), Self::Error> {
        self.0.clear_region(clear_type)
    }

    fn size(&self) -> Result<Size, Self::Error> {
        self.0.size().map(capped)
    }

    fn window_size(&mut self) -> Result<WindowSize, Self::Error> {
        let mut w = self.0.window_size()?;
        w.columns_rows = capped(w.columns_rows);
        Ok(w)
    }

    fn flush(&mut self) -> Result<(), Self::Error> {
        self.0.flush()
    }
}

impl<B: io::Write> io::Write for Capped<B> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.0.write(buf)
    }

    fn flush(&mut self) -> io::Result<()> {
        io::Write::flush(&mut self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;

    #[test]
    fn a_huge_screen_is_taken_at_the_cap_and_a_real_one_whole() {
        assert_eq!(
            capped(Size::new(65535, 65535)),
            Size::new(MAX_WIDTH, MAX_HEIGHT)
        );
        assert_eq!(capped(Size::new(80, 24)), Size::new(80, 24));
        assert_eq!(capped(Size::new(10_000, 30)), Size::new(MAX_WIDTH, 30));
        let real = Capped(TestBackend::new(80, 24));
        assert_eq!(real.over_cap(), None);
        // The buffers are made at the cap, not at the screen's size.
        let wide = Capped(TestBackend::new(MAX_WIDTH + 1, 3));
        assert_eq!(wide.over_cap(), Some(Size::new(MAX_WIDTH + 1, 3)));
        let mut terminal = Terminal::new(wide).unwrap();
        let frame = terminal.get_frame().area();
        assert_eq!((frame.width, frame.height), (MAX_WIDTH, 3));
    }
}
