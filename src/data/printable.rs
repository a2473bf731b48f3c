//! Text from a dataset made safe to show: control characters and escape sequences
//! become visible symbols, never bytes a terminal would act on.

use std::borrow::Cow;

use super::model::Dataset;

/// Whether `c` would do something to a terminal, or to the direction or the lines of
/// the text around it, rather than show: controls, the bidi embeddings, overrides and
/// isolates, the bidi marks (LRM, RLM, ALM), and the Unicode line and paragraph
/// separators, which some terminals break lines at.
pub fn is_hostile(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{202a}'..='\u{202e}'
                | '\u{2066}'..='\u{2069}'
                | '\u{200e}'
                | '\u{200f}'
                | '\u{061c}'
                | '\u{2028}'
                | '\u{2029}'
        )
}

/// Whether `c` is a Unicode noncharacter (U+FDD0 to U+FDEF, and the last two code
/// points of every plane, U+FFFE and U+FFFF among them): never text, and not allowed
/// in an SVG or any XML the program writes.
pub fn is_noncharacter(c: char) -> bool {
    let n = u32::from(c);
    (0xfdd0..=0xfdef).contains(&n) || n & 0xfffe == 0xfffe
}

/// Where the first noncharacter in `text` is, as a byte range, and what it is.
pub fn first_noncharacter(text: &str) -> Option<(std::ops::Range<usize>, char)> {
    // Every noncharacter is written in UTF-8 from a lead byte of 0xEF (U+FDD0 to U+FFFF)
    // or 0xF0 to 0xF4 (the other planes): text without one has none, and most has none.
    if !text.bytes().any(|b| b >= 0xef) {
        return None;
    }
    text.char_indices()
        .find(|&(_, c)| is_noncharacter(c))
        .map(|(i, c)| (i..i + c.len_utf8(), c))
}

/// The visible stand-in for a hostile character: the Control Pictures block for C0
/// controls and DEL (`␛` for ESC), U+FFFD for the rest.
fn picture(c: char) -> char {
    match c {
        '\u{0}'..='\u{1f}' => char::from_u32(0x2400 + c as u32).unwrap_or('\u{fffd}'),
        '\u{7f}' => '\u{2421}',
        _ => '\u{fffd}',
    }
}

/// `text` with every hostile character shown as a symbol; line breaks kept where
/// `multi_line`, tabs as spaces.
pub fn printable(text: &str, multi_line: bool) -> Cow<'_, str> {
    // Most text is printable ASCII, checked a byte at a time.
    if text
        .bytes()
        .all(|b| (b' '..=b'~').contains(&b) || (multi_line && b == b'\n'))
    {
        return Cow::Borrowed(text);
    }
    let keep = |c: char| !is_hostile(c) || (multi_line && c == '\n');
    if text.chars().all(|c| keep(c) && c != '\t') {
        return Cow::Borrowed(text);
    }
    Cow::Owned(
        text.chars()
            .map(|c| match c {
                '\t' => ' ',
                c if keep(c) => c,
                c => picture(c),
            })
            .collect(),
    )
}

fn line(s: &mut String) {
    if let Cow::Owned(clean) = printable(s, false) {
        *s = clean;
    }
}

fn paragraph(s: &mut String) {
    if let Cow::Owned(clean) = printable(s, true) {
        *s = clean;
    }
}

fn lines(items: &mut [String]) {
    items.iter_mut().for_each(line);
}

impl Dataset {
    /// Makes every string printable. Ids are not touched: validation refuses hostile
    /// characters in them.
    pub(crate) fn make_printable(&mut self) {
        line(&mut self.info.title);
        line(&mut self.info.version);
        for s in &mut self.sources {
            line(&mut s.title);
            line(&mut s.publisher);
            s.url.iter_mut().for_each(line);
            s.no_url.iter_mut().for_each(line);
        }
        for c in &mut self.info.changes {
            line(&mut c.record);
            c.was.iter_mut().for_each(paragraph);
            paragraph(&mut c.now);
            paragraph(&mut c.why);
        }
        for a in &mut self.agreements {
            a.label.iter_mut().for_each(line);
            line(&mut a.first_year_amount);
            paragraph(&mut a.rule_text);
            a.note.iter_mut().for_each(paragraph);
            a.rounds_note.iter_mut().for_each(paragraph);
            lines(&mut a.signatories.host);
            lines(&mut a.signatories.us);
            lines(&mut a.negotiators.host);
            lines(&mut a.negotiators.us);
            lines(&mut a.initialed_by.host);
            lines(&mut a.initialed_by.us);
            for phase in &mut a.rules {
                if let super::EscalationRule::Formula { description } = &mut phase.rule {
                    paragraph(description);
                }
            }
        }
        for c in &mut self.contributions {
            c.note.iter_mut().for_each(paragraph);
            for r in &mut c.reported {
                r.note.iter_mut().for_each(paragraph);
            }
        }
        for e in &mut self.events {
            line(&mut e.headline);
            e.text.iter_mut().for_each(paragraph);
            e.place.iter_mut().for_each(line);
            lines(&mut e.people);
            lines(&mut e.people_inferred);
            if let Some(d) = &mut e.demand {
                for field in [&mut d.by, &mut d.amount, &mut d.period, &mut d.answer] {
                    paragraph(field);
                }
            }
        }
        for t in &mut self.troop_counts {
            t.note.iter_mut().for_each(paragraph);
            t.series_break.iter_mut().for_each(paragraph);
        }
        for b in &mut self.defense_budgets {
            b.narrow_definition.iter_mut().for_each(line);
        }
        for g in &mut self.gdp {
            line(&mut g.vintage);
        }
        for l in &mut self.troop_levels {
            line(&mut l.label);
            l.note.iter_mut().for_each(paragraph);
        }
        let notes = self
            .host_cpi
            .iter_mut()
            .map(|c| &mut c.note)
            .chain(self.us_cpi.iter_mut().map(|c| &mut c.note))
            .chain(self.exchange_rates.iter_mut().map(|r| &mut r.note))
            .chain(self.defense_budgets.iter_mut().map(|b| &mut b.note))
            .chain(self.gdp.iter_mut().map(|g| &mut g.note));
        for note in notes {
            note.iter_mut().for_each(paragraph);
        }
    }
}

/// Whether an id is fit to show and to match: printable, with no spaces.
pub fn is_plain_id(id: &str) -> bool {
    !id.is_empty() && !id.chars().any(|c| is_hostile(c) || c.is_whitespace())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_and_controls_become_visible() {
        assert_eq!(printable("a\u{1b}[31mred\u{7}", false), "a␛[31mred␇");
        assert_eq!(printable("x\u{9b}y\u{7f}", false), "x\u{fffd}y␡");
        assert_eq!(printable("right\u{202e}left", false), "right\u{fffd}left");
        for mark in ['\u{200e}', '\u{200f}', '\u{061c}', '\u{2028}', '\u{2029}'] {
            assert_eq!(
                printable(&format!("a{mark}b"), true),
                "a\u{fffd}b",
                "{mark:?}"
            );
        }
        assert_eq!(printable("two\nlines\tand", true), "two\nlines and");
        assert_eq!(printable("two\nlines", false), "two␊lines");
    }

    #[test]
    fn clean_text_is_borrowed_untouched() {
        assert!(matches!(
            printable("장원삼 (Chang Won-sam) é", false),
            Cow::Borrowed(_)
        ));
    }

    #[test]
    fn noncharacters_are_found_where_they_are() {
        assert_eq!(first_noncharacter("ab\u{fffe}"), Some((2..5, '\u{fffe}')));
        assert_eq!(first_noncharacter("\u{ffff}"), Some((0..3, '\u{ffff}')));
        assert_eq!(first_noncharacter("x\u{fdd0}"), Some((1..4, '\u{fdd0}')));
        assert_eq!(first_noncharacter("\u{10ffff}"), Some((0..4, '\u{10ffff}')));
        assert_eq!(first_noncharacter("한국 \u{fffd} \u{fdf0}"), None);
    }

    #[test]
    fn the_quick_ascii_checks_agree_with_the_rules_for_every_character() {
        for c in (0..=0x10_ffff).filter_map(char::from_u32) {
            let s = format!("a{c}b");
            assert_eq!(
                first_noncharacter(&s).is_some(),
                is_noncharacter(c),
                "{c:?}"
            );
            for multi_line in [false, true] {
                let clean = (!is_hostile(c) || (multi_line && c == '\n')) && c != '\t';
                let borrowed = matches!(printable(&s, multi_line), Cow::Borrowed(_));
                assert_eq!(borrowed, clean, "{c:?}, multi_line {multi_line}");
            }
        }
    }

    #[test]
    fn ids_must_be_plain() {
        assert!(is_plain_id("sma-10-round-1"));
        for bad in ["", "a b", "a\u{1b}b", "x\u{202e}"] {
            assert!(!is_plain_id(bad), "{bad:?}");
        }
    }
}
