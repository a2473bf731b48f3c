//! A paste is a paste, whatever came before it.
//!
//! Terminals send a bracketed paste as `ESC [200~ text ESC [201~`. Typing Alt-`[` or
//! Alt-Shift-`O` sends `ESC [` or `ESC O` alone, which crossterm's parser holds as the
//! start of a sequence; the paste's own `ESC` then ends that sequence as an error, and
//! the parser drops it together with the held bytes. What comes through is the rest
//! of the opener, `[200~`, as keys, the pasted text as keys (a pasted `q` quitting, an
//! `e` writing a file), and nothing for the closer, which fails to parse as well.
//!
//! So the inputs are read through [`recover`]: the five keys `[200~` arriving in one
//! burst (no hand types five keys within milliseconds) open a paste, and every key
//! that follows without a pause is its text, handed on as one [`Input::Paste`].
//!
//! Only the input stream: it never looks at what a key does.

use std::collections::VecDeque;
use std::io;
use std::time::Duration;

use crate::app::{Key, KeyCode};
use crate::runtime::Input;

/// The rest of a paste's opener once its `ESC` is lost.
const OPENER: &str = "[200~";
/// How long the opener's keys may lie apart: they come in one write.
const OPENER_GAP: Duration = Duration::from_millis(10);
/// A pause this long ends the paste: terminals write one at once, in chunks back to
/// back where it is long.
const PASTE_GAP: Duration = Duration::from_millis(100);

/// `first`, or, where it opens a paste whose `ESC` was lost, that paste. `queued`
/// holds inputs already read; `read_within(wait)` reads the next terminal event's
/// inputs if one comes within `wait` (`None` if none does).
pub fn recover(
    first: Input,
    queued: &mut VecDeque<Input>,
    mut read_within: impl FnMut(Duration) -> io::Result<Option<Vec<Input>>>,
) -> io::Result<Input> {
    if first != Input::Key(Key::char('[')) {
        return Ok(first);
    }
    let mut next = |queued: &mut VecDeque<Input>, wait| -> io::Result<Option<Input>> {
        loop {
            if let Some(input) = queued.pop_front() {
                return Ok(Some(input));
            }
            match read_within(wait)? {
                Some(inputs) => queued.extend(inputs),
                None => return Ok(None),
            }
        }
    };
    let mut peeked = Vec::new();
    for expected in OPENER.chars().skip(1) {
        match next(queued, OPENER_GAP)? {
            Some(input) => {
                let matched = input == Input::Key(Key::char(expected));
                peeked.push(input);
                if !matched {
                    break;
                }
            }
            None => break,
        }
    }
    if peeked.len() < OPENER.len() - 1 || peeked.last() != Some(&Input::Key(Key::char('~'))) {
        // Only a `[` key after all: what was read goes back, in order.
        for input in peeked.into_iter().rev() {
            queued.push_front(input);
        }
        return Ok(first);
    }
    let mut text = String::new();
    while let Some(input) = next(queued, PASTE_GAP)? {
        match input {
            Input::Key(Key { code, ctrl }) => match (code, ctrl) {
                (KeyCode::Char(c), false) => text.push(c),
                // Raw mode reads a pasted line feed as Ctrl-J, a return as Enter.
                (KeyCode::Char('j'), true) | (KeyCode::Enter, _) => text.push('\n'),
                (KeyCode::Tab, _) => text.push('\t'),
                // Other controls in pasted text (an ESC that made the next char an
                // Alt- key) are dropped, as the paste prompt drops them anyway.
                _ => {}
            },
            Input::Paste(more) => text.push_str(&more),
            // The paste is over: the mouse or a resize is what came next.
            other => {
                queued.push_front(other);
                break;
            }
        }
    }
    Ok(Input::Paste(text))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(text: &str) -> Vec<Input> {
        text.chars().map(|c| Input::Key(Key::char(c))).collect()
    }

    /// Events that come one a call, `None` where the script has a pause.
    fn script(
        events: Vec<Option<Vec<Input>>>,
    ) -> impl FnMut(Duration) -> io::Result<Option<Vec<Input>>> {
        let mut events: VecDeque<Option<Vec<Input>>> = events.into();
        move |_| Ok(events.pop_front().flatten())
    }

    #[test]
    fn a_paste_after_a_held_alt_bracket_is_one_paste() {
        // What crossterm hands on for Alt-[ then a paste of "qe\n!": the opener's rest,
        // the text as keys, nothing for the closer.
        let mut inputs = keys("[200~qe");
        inputs.push(Input::Key(Key::plain(KeyCode::Enter)));
        inputs.push(Input::Key(Key::char('!')));
        let mut rest: Vec<Option<Vec<Input>>> =
            inputs[1..].iter().map(|i| Some(vec![i.clone()])).collect();
        rest.push(None);
        rest.push(Some(keys("q")));
        let mut queued = VecDeque::new();
        let mut read = script(rest);
        let got = recover(inputs[0].clone(), &mut queued, &mut read).unwrap();
        assert_eq!(got, Input::Paste("qe\n!".into()));
        // After the pause, a key typed is a key again.
        assert_eq!(read(Duration::ZERO).unwrap(), Some(keys("q")));
    }

    #[test]
    fn a_bracket_key_alone_or_with_other_keys_stays_keys() {
        let mut queued = VecDeque::new();
        let got = recover(keys("[")[0].clone(), &mut queued, script(vec![None])).unwrap();
        assert_eq!(got, Input::Key(Key::char('[')));
        assert!(queued.is_empty());
        // `[2` then a pause: the `2` is kept, in order.
        let got = recover(
            keys("[")[0].clone(),
            &mut queued,
            script(vec![Some(keys("2")), None]),
        )
        .unwrap();
        assert_eq!(got, Input::Key(Key::char('[')));
        assert_eq!(Vec::from(queued.clone()), keys("2"));
        queued.clear();
        // `[20]`: not an opener; everything read goes back.
        queued.extend(keys("20]x"));
        let got = recover(keys("[")[0].clone(), &mut queued, script(vec![])).unwrap();
        assert_eq!(got, Input::Key(Key::char('[')));
        assert_eq!(Vec::from(queued), keys("20]x"));
        // Any other input passes untouched.
        let mut queued = VecDeque::new();
        let q = Input::Key(Key::char('q'));
        assert_eq!(recover(q.clone(), &mut queued, script(vec![])).unwrap(), q);
    }
}
