//! Problems found while loading a dataset, each pinned to a file, line and column.

use std::fmt;
use std::ops::Range;

/// One problem in one file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub file: String,
    /// 1-based; 0 when the problem concerns the file as a whole.
    pub line: usize,
    /// 1-based, in characters.
    pub column: usize,
    pub message: String,
}

impl Diagnostic {
    /// A problem at a byte offset of `text`.
    pub fn at(file: &str, text: &str, span: Range<usize>, message: impl Into<String>) -> Self {
        let (line, column) = line_column(text, span.start);
        Self {
            file: file.to_string(),
            line,
            column,
            message: shown(message.into()),
        }
    }

    /// A problem with a file as a whole (it cannot be read, say).
    pub fn whole_file(file: &str, message: impl Into<String>) -> Self {
        Self {
            file: file.to_string(),
            line: 0,
            column: 0,
            message: shown(message.into()),
        }
    }
}

/// A message echoes what it found, which may hold escape sequences: show them.
fn shown(message: String) -> String {
    super::printable::printable(&message, true).into_owned()
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line == 0 {
            write!(f, "{}: {}", self.file, self.message)
        } else {
            write!(
                f,
                "{}:{}:{}: {}",
                self.file, self.line, self.column, self.message
            )
        }
    }
}

/// 1-based line and column (in characters) of a byte offset.
pub fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, text[line_start..offset].chars().count() + 1)
}

/// Every problem a load found, up to [`LoadError::LIMIT`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadError {
    pub diagnostics: Vec<Diagnostic>,
    /// Problems found past the limit and not kept.
    pub more: usize,
    /// What was being loaded, for the closing count: "dataset", "configuration".
    pub subject: &'static str,
}

impl Default for LoadError {
    fn default() -> Self {
        Self {
            diagnostics: Vec::new(),
            more: 0,
            subject: "dataset",
        }
    }
}

impl LoadError {
    pub const LIMIT: usize = 50;

    pub fn push(&mut self, diagnostic: Diagnostic) {
        if self.diagnostics.len() < Self::LIMIT {
            self.diagnostics.push(diagnostic);
        } else {
            self.more += 1;
        }
    }

    pub fn is_empty(&self) -> bool {
        self.diagnostics.is_empty()
    }
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for d in &self.diagnostics {
            writeln!(f, "{d}")?;
        }
        if self.more > 0 {
            writeln!(f, "... and {} more problems", self.more)?;
        }
        let n = self.diagnostics.len() + self.more;
        let s = if n == 1 { "" } else { "s" };
        write!(f, "{n} problem{s} in the {}", self.subject)
    }
}

impl std::error::Error for LoadError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_and_column_count_characters() {
        let text = "a = 1\nb = \"장원삼\" x\n";
        let x = text.find('x').unwrap();
        assert_eq!(line_column(text, x), (2, 11));
        assert_eq!(line_column(text, 0), (1, 1));
        assert_eq!(line_column(text, 10_000), (3, 1));
    }

    #[test]
    fn keeps_at_most_the_limit() {
        let mut e = LoadError::default();
        for _ in 0..LoadError::LIMIT + 3 {
            e.push(Diagnostic::whole_file("f.toml", "bad"));
        }
        assert_eq!((e.diagnostics.len(), e.more), (LoadError::LIMIT, 3));
        assert!(e.to_string().ends_with("53 problems in the dataset"));
    }
}
