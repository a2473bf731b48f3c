//! One line of text being typed, with a cursor: what every prompt edits (the search,
//! a scenario's name, an assumption's value, a year), with the readline keys.

use unicode_segmentation::UnicodeSegmentation;

use crate::data::printable::is_hostile;

/// An edit of the text at the cursor, as the prompt keys ask for it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Edit {
    /// Type a character.
    Insert(char),
    /// Delete the character before the cursor.
    Backspace,
    /// Delete the character under the cursor.
    Delete,
    Left,
    Right,
    Home,
    End,
    /// Delete from the start of the line to the cursor (readline's Ctrl-U).
    KillToStart,
    /// Delete from the cursor to the end of the line (Ctrl-K).
    KillToEnd,
    /// Delete the word before the cursor, and the blanks after it (Ctrl-W).
    KillWordBack,
}

/// The text of a prompt, at most `limit` characters, and where the cursor is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextInput {
    text: String,
    /// A byte offset into `text`, on a grapheme boundary.
    cursor: usize,
    limit: usize,
    /// The last insertion did not fit whole: the status line says the limit.
    at_limit: bool,
}

impl TextInput {
    pub fn new(limit: usize) -> Self {
        Self {
            text: String::new(),
            cursor: 0,
            limit,
            at_limit: false,
        }
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    /// The cursor as a byte offset into `text()`.
    pub fn cursor(&self) -> usize {
        self.cursor
    }

    /// The most characters the text may hold.
    pub fn limit(&self) -> usize {
        self.limit
    }

    /// Whether the last insertion was cut at the limit.
    pub fn at_limit(&self) -> bool {
        self.at_limit
    }

    /// Applies `edit`; returns whether the text changed (the cursor alone moving is not
    /// a change, so a search is not run again for it).
    pub fn apply(&mut self, edit: Edit) -> bool {
        self.at_limit = false;
        let before = self.text.len();
        match edit {
            Edit::Insert(c) => return self.insert(c.encode_utf8(&mut [0; 4])),
            Edit::Backspace => {
                let start = self.previous_boundary();
                self.text.replace_range(start..self.cursor, "");
                self.cursor = start;
            }
            Edit::Delete => {
                let end = self.next_boundary();
                self.text.replace_range(self.cursor..end, "");
            }
            Edit::Left => self.cursor = self.previous_boundary(),
            Edit::Right => self.cursor = self.next_boundary(),
            Edit::Home => self.cursor = 0,
            Edit::End => self.cursor = self.text.len(),
            Edit::KillToStart => {
                self.text.replace_range(..self.cursor, "");
                self.cursor = 0;
            }
            Edit::KillToEnd => self.text.truncate(self.cursor),
            Edit::KillWordBack => {
                let head = &self.text[..self.cursor];
                let word_end = head.trim_end().len();
                let start = head[..word_end].rfind(char::is_whitespace).map_or(0, |i| {
                    i + head[i..].chars().next().map_or(1, char::len_utf8)
                });
                self.text.replace_range(start..self.cursor, "");
                self.cursor = start;
            }
        }
        self.text.len() != before
    }

    /// Inserts `text` at the cursor as one edit: control and bidi characters dropped
    /// (they would drive the terminal or turn the line around), line breaks and tabs as
    /// spaces (a pasted paragraph is one line), cut at the limit.
    /// Returns whether the text changed.
    pub fn insert(&mut self, text: &str) -> bool {
        self.at_limit = false;
        let room = self.limit.saturating_sub(self.text.chars().count());
        let mut clean = String::with_capacity(text.len().min(room * 4));
        let mut taken = 0;
        let mut chars = text.chars().peekable();
        while let Some(c) = chars.next() {
            let c = match c {
                // A Windows line break is one space, not two.
                '\r' if chars.peek() == Some(&'\n') => continue,
                '\n' | '\r' | '\t' => ' ',
                c if is_hostile(c) => continue,
                c => c,
            };
            if taken == room {
                self.at_limit = true;
                break;
            }
            clean.push(c);
            taken += 1;
        }
        self.text.insert_str(self.cursor, &clean);
        self.cursor += clean.len();
        !clean.is_empty()
    }

    fn previous_boundary(&self) -> usize {
        self.text[..self.cursor]
            .grapheme_indices(true)
            .next_back()
            .map_or(0, |(i, _)| i)
    }

    fn next_boundary(&self) -> usize {
        self.text[self.cursor..]
            .graphemes(true)
            .next()
            .map_or(self.cursor, |g| self.cursor + g.len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn typed(text: &str) -> TextInput {
        let mut input = TextInput::new(20);
        for c in text.chars() {
            input.apply(Edit::Insert(c));
        }
        input
    }

    /// The text with `|` where the cursor is.
    fn shown(input: &TextInput) -> String {
        let (a, b) = input.text().split_at(input.cursor());
        format!("{a}|{b}")
    }

    #[test]
    fn the_cursor_moves_and_text_goes_in_where_it_is() {
        let mut input = typed("2028=3.5");
        input.apply(Edit::Home);
        assert_eq!(shown(&input), "|2028=3.5");
        for c in "2.5,".chars() {
            input.apply(Edit::Insert(c));
        }
        assert_eq!(shown(&input), "2.5,|2028=3.5");
        input.apply(Edit::Left);
        input.apply(Edit::Left);
        assert_eq!(shown(&input), "2.|5,2028=3.5");
        assert!(input.apply(Edit::Delete));
        assert_eq!(shown(&input), "2.|,2028=3.5");
        assert!(input.apply(Edit::Backspace));
        assert_eq!(shown(&input), "2|,2028=3.5");
        input.apply(Edit::End);
        assert_eq!(shown(&input), "2,2028=3.5|");
        assert!(
            !input.apply(Edit::Delete),
            "nothing under the cursor at the end"
        );
        assert!(!input.apply(Edit::Right));
        input.apply(Edit::Home);
        assert!(!input.apply(Edit::Backspace), "nothing before the start");
        assert!(!input.apply(Edit::Left));
    }

    #[test]
    fn ctrl_u_kills_to_the_start_ctrl_k_to_the_end_ctrl_w_a_word() {
        let mut input = typed("round of  talks");
        input.apply(Edit::KillWordBack);
        assert_eq!(shown(&input), "round of  |");
        input.apply(Edit::KillWordBack);
        assert_eq!(shown(&input), "round |", "the blanks go with the word");
        input.apply(Edit::Insert('x'));
        input.apply(Edit::Left);
        input.apply(Edit::KillToEnd);
        assert_eq!(shown(&input), "round |");
        input.apply(Edit::Left);
        input.apply(Edit::KillToStart);
        assert_eq!(shown(&input), "| ");
        let mut hangul = typed("방위비 분담금");
        hangul.apply(Edit::KillWordBack);
        assert_eq!(shown(&hangul), "방위비 |");
    }

    #[test]
    fn the_cursor_steps_over_a_whole_character_as_seen() {
        // e and a combining acute accent: one character on screen, two in the text.
        let mut input = typed("cafe\u{301}s");
        input.apply(Edit::Left);
        input.apply(Edit::Left);
        assert_eq!(shown(&input), "caf|e\u{301}s");
        input.apply(Edit::Delete);
        assert_eq!(shown(&input), "caf|s");
    }

    #[test]
    fn a_paste_is_cleaned_and_cut_at_the_limit_in_one_edit() {
        let mut input = typed("ab");
        input.apply(Edit::Left);
        assert!(input.insert("x\r\ny\tz\u{1b}[31m\u{7}\u{202e}"));
        assert_eq!(shown(&input), "ax y z[31m|b");
        assert!(!input.at_limit());
        let mut input = TextInput::new(5);
        assert!(input.insert("123456789"));
        assert_eq!(input.text(), "12345");
        assert!(input.at_limit());
        assert!(!input.insert("6"), "full: nothing more goes in");
        assert!(input.at_limit());
        input.apply(Edit::Backspace);
        assert!(!input.at_limit(), "an edit clears the note");
        assert!(input.apply(Edit::Insert('6')));
        assert!(!input.apply(Edit::Insert('7')));
        assert!(input.at_limit());
        assert!(!input.insert("\u{1b}\u{7}"), "nothing printable: no change");
    }
}
