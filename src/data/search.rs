//! Search that understands how the dataset writes things: case and accents folded,
//! hyphens and spaces alike, and amounts matched by value however they are written
//! ("$10B", "10 billion", "USD 10 bn", "10bn" are one amount; "610B won" is another).
//!
//! A text and a query are both cut into [`Token`]s. A query matches a text where each
//! of its terms appears somewhere in it, in any order: a term is a word, a number or an
//! amount, or the words of a "quoted phrase" in a row. A number matches whole ("round
//! 1" is not "round 10", "13%" is not "R13" or "131"); the query's last word may be
//! only begun, so that a query typed a letter at a time narrows as it grows. The texts
//! searched are kept compactly, in [`Texts`].

use std::fmt;

/// One piece of searchable text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Token {
    /// Letters, folded: "jeong", "sma".
    Word(Box<str>),
    /// A number with no unit or currency, as written without thousands separators:
    /// "2019", "3.5".
    Number(Box<str>),
    Amount(Amount),
    /// Between two fields of a text: nothing matches across it.
    Break,
}

/// A query cut into terms, each found on its own anywhere in a text.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Query {
    /// Every token of the query, in order: what `narrows` compares.
    tokens: Vec<Token>,
    terms: Vec<Term>,
    /// The terms again with a number and a scale word begun at the end ("10 bil") read
    /// as the amount the number begins, where the query ends so.
    amount_begun: Option<Vec<Term>>,
}

/// Tokens found in a row: one word, number or amount, or a quoted phrase.
#[derive(Debug, Clone, PartialEq)]
struct Term {
    tokens: Vec<Token>,
    /// The last token, a word, may be only begun: the end of the query as typed.
    begun: bool,
    /// The last token, a number, stands for an amount whose digits it is ("10 bil").
    amount: bool,
    /// The first token's marker and characters as `Texts` keeps them, where that token
    /// is a word or a number: a match of the term begins there (or, for a number, at an
    /// amount whose digits it is), which one substring search finds.
    start: Option<String>,
}

impl Term {
    fn new(tokens: Vec<Token>, begun: bool, amount: bool) -> Self {
        let marked = |marker: u8, chars: &str| Some(format!("{}{chars}", char::from(marker)));
        let start = match tokens.first() {
            // "won" finds amounts in won as well as words.
            Some(Token::Word(w)) if currency_word(w).is_none() => marked(WORD, w),
            Some(Token::Number(n)) if !(amount && tokens.len() == 1) => marked(NUMBER, n),
            _ => None,
        };
        Self {
            tokens,
            begun,
            amount,
            start,
        }
    }

    /// Where this term's matches in `text` may begin: `None` where a match may begin
    /// at any token.
    fn start_in(&self, text: Text<'_>) -> Option<&str> {
        let start = self.start.as_deref()?;
        // A number can match an amount's digits, which are kept apart.
        (start.as_bytes()[0] == WORD || text.amounts.is_empty()).then_some(start)
    }
}

impl Query {
    pub fn new(text: &str) -> Self {
        let mut terms: Vec<Term> = Vec::new();
        let mut all: Vec<Token> = Vec::new();
        // Between quotes, a phrase; outside them, a term a token. A quote left open
        // runs to the end.
        let pieces: Vec<&str> = text.split('"').collect();
        let last_piece = pieces.len() - 1;
        for (i, piece) in pieces.iter().enumerate() {
            let toks: Vec<Token> = tokens([*piece])
                .into_iter()
                .filter(|t| *t != Token::Break)
                .collect();
            if toks.is_empty() {
                continue;
            }
            all.extend(toks.iter().cloned());
            let at_end = i == last_piece;
            if i % 2 == 1 {
                terms.push(Term::new(toks, at_end, false));
            } else {
                let groups = stuck_together(piece, toks);
                let n = groups.len();
                terms.extend(
                    groups
                        .into_iter()
                        .enumerate()
                        .map(|(k, g)| Term::new(g, at_end && k + 1 == n, false)),
                );
            }
        }
        // "10 bil", on its way to "10 billion": the scale word begun stands for the
        // amount the number begins, whatever its scale.
        let ends_unquoted = pieces.len() % 2 == 1;
        let amount_begun = match &all[..] {
            [.., Token::Number(n), Token::Word(w)]
                if ends_unquoted && SCALES.iter().any(|(s, _)| s.starts_with(&**w)) =>
            {
                // The terms without the last two tokens, then the amount begun.
                let mut alt = terms.clone();
                let mut left = 2;
                while left > 0 {
                    let Some(mut last) = alt.pop() else { break };
                    while left > 0 && !last.tokens.is_empty() {
                        last.tokens.pop();
                        left -= 1;
                    }
                    if !last.tokens.is_empty() {
                        alt.push(Term::new(last.tokens, false, false));
                    }
                }
                alt.push(Term::new(vec![Token::Number(n.clone())], false, true));
                Some(alt)
            }
            _ => None,
        };
        Self {
            tokens: all,
            terms,
            amount_begun,
        }
    }

    pub fn tokens(&self) -> &[Token] {
        &self.tokens
    }

    /// Whether the query has nothing to look for.
    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    /// The byte ranges of `text` that the query's words and numbers match, to be
    /// highlighted: whole words and numbers, as the search reads them.
    pub fn highlights(&self, text: &str) -> Vec<std::ops::Range<usize>> {
        let terms = self.terms.iter().chain(self.amount_begun.iter().flatten());
        let wanted: Vec<(&Token, bool)> = terms
            .flat_map(|t| {
                let last = t.tokens.len() - 1;
                t.tokens
                    .iter()
                    .enumerate()
                    .map(move |(k, tok)| (tok, t.begun && k == last))
            })
            .collect();
        let mut found = Vec::new();
        let mut chars = text.char_indices().peekable();
        while let Some((start, c)) = chars.next() {
            let digit = c.is_ascii_digit();
            if !digit && !c.is_alphabetic() {
                continue;
            }
            let mut end = start + c.len_utf8();
            while let Some(&(at, next)) = chars.peek() {
                let same = if digit {
                    next.is_ascii_digit()
                        || (matches!(next, '.' | ',')
                            && text[at + 1..].starts_with(|d: char| d.is_ascii_digit()))
                } else {
                    next.is_alphabetic() || next.is_ascii_digit()
                };
                if !same {
                    break;
                }
                end = at + next.len_utf8();
                chars.next();
            }
            let piece = &text[start..end];
            let folded: String = folded(piece).filter(|c| *c != ',').collect();
            let hit = wanted.iter().any(|(tok, begun)| match tok {
                Token::Word(w) => {
                    if *begun {
                        folded.starts_with(&**w)
                    } else {
                        *folded == **w
                    }
                }
                Token::Number(n) => *folded == **n,
                Token::Amount(a) => digit && *folded == *a.digits,
                Token::Break => false,
            });
            if hit {
                found.push(start..end);
            }
        }
        found
    }
}

/// The tokens of an unquoted part of a query, grouped as they are written together:
/// a word and the number stuck to it ("11th", "sma-11", "Eun-bo") are found in a row,
/// words apart are found anywhere. Where an amount runs over a space ("10 billion"),
/// the tokens from there on are each a term of their own.
fn stuck_together(piece: &str, toks: Vec<Token>) -> Vec<Vec<Token>> {
    let mut groups = Vec::new();
    let mut rest = &toks[..];
    for chunk in piece.split_whitespace() {
        let own: Vec<Token> = tokens([chunk]);
        if own.is_empty() {
            continue;
        }
        if rest.starts_with(&own) {
            rest = &rest[own.len()..];
            groups.push(own);
        } else {
            break;
        }
    }
    groups.extend(rest.iter().map(|t| vec![t.clone()]));
    groups
}

/// A token of a text in `Texts`, borrowed from where it is kept.
#[derive(Debug, Clone, Copy)]
enum TokenRef<'a> {
    /// The word's folded characters, as bytes.
    Word(&'a [u8]),
    Number(&'a [u8]),
    Amount(&'a Amount),
    Break,
}

/// Many texts cut into tokens, kept compactly to be searched fast: every text's tokens in
/// one string, each a marker byte then its folded characters; the amounts apart. A text
/// is read in one pass over adjacent bytes. (Kept as a `Vec<Token>` a text, every word
/// was an allocation of its own, and a search over 100,000 texts spent its time
/// fetching them.)
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Texts {
    /// Markers and characters. A marker is a control character, which no word or number
    /// holds; an amount's marker stands for the next of its text's amounts.
    tokens: String,
    amounts: Vec<Amount>,
    /// Where each text begins; it ends where the next one begins.
    starts: Vec<TextStart>,
}

const WORD: u8 = 1;
const NUMBER: u8 = 2;
const AMOUNT: u8 = 3;
const BREAK: u8 = 4;

/// Where a text's tokens and amounts begin in those of `Texts`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct TextStart {
    tokens: usize,
    amounts: usize,
}

impl Texts {
    /// Adds the text made of these fields (see [`tokens`]) after the others.
    pub fn push<'a>(&mut self, fields: impl IntoIterator<Item = &'a str>) {
        self.push_with(fields, []);
    }

    /// [`Texts::push`] of `fields` then `more`, fields whose tokens were cut before:
    /// the same text as `push` of them all, since no token spans a break between
    /// fields.
    pub fn push_with<'a, 'b>(
        &mut self,
        fields: impl IntoIterator<Item = &'a str>,
        more: impl IntoIterator<Item = &'b FieldTokens>,
    ) {
        self.starts.push(TextStart {
            tokens: self.tokens.len(),
            amounts: self.amounts.len(),
        });
        // Straight into the arena: no token of its own for each word.
        let lexed = Lexed::new(fields);
        assemble(&lexed, |piece| {
            push_piece(&mut self.tokens, &mut self.amounts, piece)
        });
        // A break goes before each field once anything was lexed, as `Lexed::new` puts it.
        let mut lexed_any = !lexed.lexemes.is_empty();
        for field in more {
            if lexed_any {
                push_piece(&mut self.tokens, &mut self.amounts, Piece::Break);
            }
            self.tokens.push_str(&field.tokens);
            self.amounts.extend_from_slice(&field.amounts);
            lexed_any |= field.lexed_any;
        }
    }

    fn text(&self, i: usize) -> Option<Text<'_>> {
        let start = self.starts.get(i)?;
        let end = self.starts.get(i + 1).copied().unwrap_or(TextStart {
            tokens: self.tokens.len(),
            amounts: self.amounts.len(),
        });
        Some(Text {
            tokens: &self.tokens[start.tokens..end.tokens],
            amounts: &self.amounts[start.amounts..end.amounts],
        })
    }

    /// Whether text `i` holds the `query`'s tokens in a row, the last perhaps only begun.
    pub fn matches(&self, i: usize, query: &Query) -> bool {
        self.text(i).is_some_and(|text| matches(text, query))
    }
}

/// Appends a token to a text's markers and characters, and its amount to its amounts.
fn push_piece(tokens: &mut String, amounts: &mut Vec<Amount>, piece: Piece<'_>) {
    let (marker, chars) = match &piece {
        Piece::Word(w) => (WORD, *w),
        Piece::Number(n) => (NUMBER, *n),
        Piece::Amount(_) => (AMOUNT, ""),
        Piece::Break => (BREAK, ""),
    };
    tokens.push(char::from(marker));
    tokens.push_str(chars);
    if let Piece::Amount(a) = piece {
        amounts.push(a);
    }
}

/// One field's tokens, cut once to go into many texts ([`Texts::push_with`]): a
/// source's title, which the text of every event citing it holds.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FieldTokens {
    tokens: String,
    amounts: Vec<Amount>,
    /// Whether the field had anything to lex (a sign alone has no token): the next
    /// field follows a break.
    lexed_any: bool,
}

impl FieldTokens {
    pub fn new(field: &str) -> Self {
        let lexed = Lexed::new([field]);
        let mut out = FieldTokens {
            lexed_any: !lexed.lexemes.is_empty(),
            ..FieldTokens::default()
        };
        assemble(&lexed, |piece| {
            push_piece(&mut out.tokens, &mut out.amounts, piece)
        });
        out
    }
}

/// One text of `Texts`, borrowed.
#[derive(Debug, Clone, Copy)]
struct Text<'a> {
    tokens: &'a str,
    amounts: &'a [Amount],
}

impl<'a> Text<'a> {
    /// The text's tokens from byte `at`, where a token begins, on.
    fn tokens_from(&self, at: usize) -> TextTokens<'a> {
        let (before, bytes) = self.tokens.as_bytes().split_at(at);
        // An amount's marker stands for the next of the text's amounts.
        let amounts_before = match self.amounts {
            [] => 0,
            _ => before.iter().filter(|&&b| b == AMOUNT).count(),
        };
        TextTokens {
            bytes,
            amounts: self.amounts[amounts_before..].iter(),
        }
    }
}

/// A text's tokens, read from a point in it on.
#[derive(Debug, Clone)]
struct TextTokens<'a> {
    bytes: &'a [u8],
    amounts: std::slice::Iter<'a, Amount>,
}

impl<'a> Iterator for TextTokens<'a> {
    type Item = TokenRef<'a>;

    fn next(&mut self) -> Option<TokenRef<'a>> {
        let (&marker, rest) = self.bytes.split_first()?;
        let end = rest
            .iter()
            .position(|b| (WORD..=BREAK).contains(b))
            .unwrap_or(rest.len());
        let (chars, after) = rest.split_at(end);
        self.bytes = after;
        Some(match marker {
            WORD => TokenRef::Word(chars),
            NUMBER => TokenRef::Number(chars),
            AMOUNT => TokenRef::Amount(self.amounts.next()?),
            _ => TokenRef::Break,
        })
    }
}

/// A currency an amount is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Money {
    Usd,
    Krw,
}

/// An amount of money (or a count with a scale word, such as "28.5 thousand"): its
/// exact value, its currency where written, and its digits as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Amount {
    /// The value is `mantissa × 10^exponent`, with no trailing zero in the mantissa.
    mantissa: u128,
    exponent: i32,
    pub currency: Option<Money>,
    /// The number before the scale, without separators ("10", "1038.9").
    digits: Box<str>,
}

impl Amount {
    /// Whether two amounts are the same value in the same currency, a currency left
    /// unwritten on either side matching any.
    fn same(&self, other: &Amount) -> bool {
        (self.mantissa, self.exponent) == (other.mantissa, other.exponent)
            && (self.currency.is_none()
                || other.currency.is_none()
                || self.currency == other.currency)
    }
}

/// `usd:1e10`, `krw:10389e8`, `?:5e9`: the canonical spelling.
impl fmt::Display for Amount {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let currency = match self.currency {
            Some(Money::Usd) => "usd",
            Some(Money::Krw) => "krw",
            None => "?",
        };
        write!(f, "{currency}:{}e{}", self.mantissa, self.exponent)
    }
}

/// An exact decimal, `mantissa × 10^exponent`, kept normalised.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Decimal {
    mantissa: u128,
    exponent: i32,
}

impl Decimal {
    fn new(mantissa: u128, exponent: i32) -> Self {
        let (mut mantissa, mut exponent) = (mantissa, exponent);
        if mantissa == 0 {
            return Self {
                mantissa,
                exponent: 0,
            };
        }
        while mantissa % 10 == 0 {
            mantissa /= 10;
            exponent += 1;
        }
        Self { mantissa, exponent }
    }

    /// "1038.9" → 10389e-1; `None` for what does not fit.
    fn parse(digits: &str) -> Option<Self> {
        let (whole, fraction) = digits.split_once('.').unwrap_or((digits, ""));
        // The digits of both parts (the lexer's: ASCII digits, one point) as one number,
        // as `u128`'s parse reads them, without writing them out first: every number of
        // every text is read at start-up.
        if whole.is_empty() && fraction.is_empty() {
            return None;
        }
        let mut mantissa: u128 = 0;
        for b in whole.bytes().chain(fraction.bytes()) {
            let digit = char::from(b).to_digit(10)?;
            mantissa = mantissa.checked_mul(10)?.checked_add(u128::from(digit))?;
        }
        Some(Self::new(mantissa, -(fraction.len() as i32)))
    }

    fn scaled(self, power: i32) -> Self {
        Self::new(self.mantissa, self.exponent + power)
    }

    fn plus(self, other: Self) -> Option<Self> {
        let exponent = self.exponent.min(other.exponent);
        let align = |d: Self| {
            10u128
                .checked_pow((d.exponent - exponent) as u32)
                .and_then(|p| d.mantissa.checked_mul(p))
        };
        Some(Self::new(
            align(self)?.checked_add(align(other)?)?,
            exponent,
        ))
    }
}

/// Lowercase, with the accents and the marks of romanised Korean taken off letters:
/// "Chŏng" → "chong", "É" → "e".
fn folded(text: &str) -> impl Iterator<Item = char> + '_ {
    text.chars().flat_map(char::to_lowercase).map(unaccent)
}

fn unaccent(c: char) -> char {
    match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => 'a',
        'ç' | 'ć' | 'č' => 'c',
        'ď' | 'đ' => 'd',
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ĕ' | 'ė' | 'ę' | 'ě' => 'e',
        'ğ' | 'ģ' => 'g',
        'ì' | 'í' | 'î' | 'ï' | 'ī' | 'ĭ' | 'į' | 'ı' => 'i',
        'ł' | 'ľ' | 'ĺ' => 'l',
        'ñ' | 'ń' | 'ň' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ŏ' | 'ő' => 'o',
        'ř' | 'ŕ' => 'r',
        'ś' | 'š' | 'ş' => 's',
        'ť' | 'ţ' => 't',
        'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ŭ' | 'ů' | 'ű' | 'ų' => 'u',
        'ý' | 'ÿ' => 'y',
        'ź' | 'ż' | 'ž' => 'z',
        other => other,
    }
}

/// The scale words after a number, and the power of ten each stands for.
const SCALES: [(&str, i32); 14] = [
    ("k", 3),
    ("thousand", 3),
    ("m", 6),
    ("mn", 6),
    ("mil", 6),
    ("million", 6),
    ("b", 9),
    ("bn", 9),
    ("billion", 9),
    ("t", 12),
    ("tn", 12),
    ("trillion", 12),
    ("만", 4),
    ("억", 8),
];

/// 조 (10^12) heads a Korean amount whose 억 (10^8) and 만 (10^4) parts follow it.
const KOREAN_SCALES: [(&str, i32); 3] = [("조", 12), ("억", 8), ("만", 4)];

fn scale(word: &str) -> Option<i32> {
    SCALES
        .iter()
        .chain(&KOREAN_SCALES)
        .find(|(w, _)| *w == word)
        .map(|(_, p)| *p)
}

fn currency_word(word: &str) -> Option<Money> {
    match word {
        "usd" | "dollar" | "dollars" | "달러" => Some(Money::Usd),
        "krw" | "won" | "원" => Some(Money::Krw),
        _ => None,
    }
}

/// A piece of folded text before amounts are put together: its characters are a range
/// of [`Lexed::text`].
#[derive(Debug, Clone, PartialEq)]
enum Lexeme {
    Word(std::ops::Range<usize>),
    Number(std::ops::Range<usize>),
    /// `$` or `₩`.
    Sign(Money),
    Break,
}

/// The lexemes of a text's fields, their characters kept in one string.
struct Lexed {
    text: String,
    lexemes: Vec<Lexeme>,
}

impl Lexed {
    /// The fields lexed one after the other, with a `Break` between them.
    fn new<'a>(fields: impl IntoIterator<Item = &'a str>) -> Self {
        let mut lexed = Lexed {
            text: String::new(),
            lexemes: Vec::new(),
        };
        let mut chars = Vec::new();
        for field in fields {
            if !lexed.lexemes.is_empty() {
                lexed.lexemes.push(Lexeme::Break);
            }
            chars.clear();
            chars.extend(folded(field));
            lexed.lex(&chars);
        }
        lexed
    }

    fn lex(&mut self, chars: &[char]) {
        let mut i = 0;
        while i < chars.len() {
            let c = chars[i];
            let start = self.text.len();
            if c.is_ascii_digit() {
                let mut point = false;
                while i < chars.len() {
                    let c = chars[i];
                    let digit_follows = chars.get(i + 1).is_some_and(char::is_ascii_digit);
                    let decimal_point = c == '.' && digit_follows && !point;
                    if c.is_ascii_digit() || decimal_point {
                        point |= decimal_point;
                        self.text.push(c);
                    } else if c != ',' || !digit_follows {
                        break;
                    }
                    i += 1;
                }
                self.lexemes.push(Lexeme::Number(start..self.text.len()));
            } else if c.is_alphabetic() {
                while i < chars.len() && chars[i].is_alphabetic() {
                    self.text.push(chars[i]);
                    i += 1;
                }
                // "R13", "sma11": a code, one word, so that 13 is not found in it.
                if self.text[start..].is_ascii() && chars.get(i).is_some_and(char::is_ascii_digit) {
                    while i < chars.len() && chars[i].is_ascii_alphanumeric() {
                        self.text.push(chars[i]);
                        i += 1;
                    }
                }
                self.lexemes.push(Lexeme::Word(start..self.text.len()));
            } else {
                match c {
                    // "13%" and "13 percent" alike.
                    '%' => {
                        self.text.push_str("percent");
                        self.lexemes.push(Lexeme::Word(start..self.text.len()));
                    }
                    '$' => self.lexemes.push(Lexeme::Sign(Money::Usd)),
                    '₩' => self.lexemes.push(Lexeme::Sign(Money::Krw)),
                    _ => {}
                }
                i += 1;
            }
        }
    }
}

/// A token as `assemble` hands it on, its characters borrowed from the lexed text.
enum Piece<'a> {
    Word(&'a str),
    Number(&'a str),
    Amount(Amount),
    Break,
}

/// The tokens of a text made of these fields, with a `Break` between fields.
pub fn tokens<'a>(fields: impl IntoIterator<Item = &'a str>) -> Vec<Token> {
    let lexed = Lexed::new(fields);
    let mut out = Vec::with_capacity(lexed.lexemes.len());
    assemble(&lexed, |piece| {
        out.push(match piece {
            Piece::Word(w) => Token::Word(w.into()),
            Piece::Number(n) => Token::Number(n.into()),
            Piece::Amount(a) => Token::Amount(a),
            Piece::Break => Token::Break,
        })
    });
    out
}

/// Puts a currency sign or word, a number, a scale word and a currency word together
/// into one `Amount` where they make one, and hands each token to `emit`.
fn assemble<'a>(lexed: &'a Lexed, mut emit: impl FnMut(Piece<'a>)) {
    let lexemes = &lexed.lexemes;
    let text = |range: &std::ops::Range<usize>| &lexed.text[range.clone()];
    let word = |i: usize| match lexemes.get(i) {
        Some(Lexeme::Word(w)) => Some(text(w)),
        _ => None,
    };
    let number = |i: usize| match lexemes.get(i) {
        Some(Lexeme::Number(n)) => Some(text(n)),
        _ => None,
    };
    let mut i = 0;
    while i < lexemes.len() {
        // A currency before the number: "$", "₩", "USD", "US$".
        let (prefix, start) = match &lexemes[i] {
            Lexeme::Sign(m) => (Some(*m), i + 1),
            Lexeme::Word(w)
                if text(w) == "us"
                    && matches!(lexemes.get(i + 1), Some(Lexeme::Sign(Money::Usd))) =>
            {
                (Some(Money::Usd), i + 2)
            }
            Lexeme::Word(w) if number(i + 1).is_some() => match currency_word(text(w)) {
                Some(m) => (Some(m), i + 1),
                None => (None, i),
            },
            _ => (None, i),
        };
        let Some(digits) = number(start) else {
            match &lexemes[i] {
                Lexeme::Word(w) => emit(Piece::Word(text(w))),
                Lexeme::Number(n) => emit(Piece::Number(text(n))),
                Lexeme::Break => emit(Piece::Break),
                // A sign with no number after it says nothing to search.
                Lexeme::Sign(_) => {}
            }
            i += 1;
            continue;
        };
        let mut next = start + 1;
        let mut value = Decimal::parse(digits);
        let mut scaled = false;
        if let Some(power) = word(next).and_then(scale) {
            value = value.map(|v| v.scaled(power));
            scaled = true;
            next += 1;
            // "1조 389억": each smaller Korean unit adds on.
            let mut last = power;
            while let (Some(more), Some(power)) = (number(next), word(next + 1).and_then(korean)) {
                if power >= last {
                    break;
                }
                value = value
                    .zip(Decimal::parse(more))
                    .and_then(|(v, m)| v.plus(m.scaled(power)));
                last = power;
                next += 2;
            }
        }
        let suffix = word(next).and_then(currency_word);
        if suffix.is_some() {
            next += 1;
        }
        let currency = prefix.or(suffix);
        match value {
            Some(v) if scaled || currency.is_some() => {
                emit(Piece::Amount(Amount {
                    mantissa: v.mantissa,
                    exponent: v.exponent,
                    currency,
                    digits: digits.into(),
                }));
                i = next;
            }
            _ => {
                // A plain number; a currency word before it stays a word.
                if start > i
                    && let Lexeme::Word(w) = &lexemes[i]
                {
                    emit(Piece::Word(text(w)));
                }
                emit(Piece::Number(digits));
                i = start + 1;
            }
        }
    }
}

fn korean(word: &str) -> Option<i32> {
    KOREAN_SCALES
        .iter()
        .find(|(w, _)| *w == word)
        .map(|(_, p)| *p)
}

fn matches(text: Text<'_>, query: &Query) -> bool {
    let all = |terms: &[Term]| !terms.is_empty() && terms.iter().all(|t| term_matches(text, t));
    all(&query.terms) || query.amount_begun.as_deref().is_some_and(all)
}

/// Whether `term`'s tokens are found in a row somewhere in `text`.
fn term_matches(text: Text<'_>, term: &Term) -> bool {
    let start = term.start_in(text);
    if let Some(start) = start {
        // Most texts have no match: one substring search answers for them.
        if !text.tokens.contains(start) {
            return false;
        }
    }
    in_a_row(text, term, start)
}

/// Whether every text `new` matches, `old` matches too, as `new` only carries on typing
/// `old`: the same terms, the last of `old` lengthened (a word typed on, or more words
/// stuck to it) or followed by more terms. A number is matched whole, so one typed on
/// is another number; a query whose terms change kind or grouping as it grows ("10"
/// becoming the amount "10B", "sma-11" becoming "sma 11") has its matches found afresh.
pub fn narrows(old: &Query, new: &Query) -> bool {
    if old.amount_begun.is_some() {
        return false;
    }
    let within = |terms: &[Term]| terms_within(terms, &old.terms);
    within(&new.terms) && new.amount_begun.as_deref().is_none_or(within)
}

/// Whether `new`'s terms ask at least what `old`'s do, term by term, `old`'s last one
/// perhaps only begun.
fn terms_within(new: &[Term], old: &[Term]) -> bool {
    let Some((last, before)) = old.split_last() else {
        return false;
    };
    new.len() >= old.len()
        && before
            .iter()
            .zip(new)
            .all(|(o, n)| o.tokens == n.tokens && o.amount == n.amount && (o.begun || !n.begun))
        && term_within(&new[before.len()], last)
}

/// Whether a text matching term `n` matches term `o`, the last of a query typed on.
fn term_within(n: &Term, o: &Term) -> bool {
    // An amount begun is found only where its number is.
    if n.amount && !o.amount {
        return n.tokens == o.tokens;
    }
    let Some((o_last, o_before)) = o.tokens.split_last() else {
        return false;
    };
    let k = o_before.len();
    if n.amount != o.amount || n.tokens.len() <= k || n.tokens[..k] != *o_before {
        return false;
    }
    let longer = n.tokens.len() > k + 1;
    // Exact where `o` was: a begun word at the same place would find more.
    let n_begun = n.begun && !longer;
    match (o_last, &n.tokens[k]) {
        (a, b) if a == b => o.begun || !n_begun,
        (Token::Word(a), Token::Word(b)) => o.begun && b.starts_with(&**a),
        _ => false,
    }
}

/// Whether `term`'s tokens stand in a row in `text`, beginning at `start` where it is
/// given.
fn in_a_row(text: Text<'_>, term: &Term, start: Option<&str>) -> bool {
    let query = &term.tokens[..];
    if query.is_empty() {
        return false;
    }
    let last = query.len() - 1;
    let from = |mut tokens: TextTokens<'_>| {
        query
            .iter()
            .enumerate()
            .all(|(k, q)| match (q, tokens.next()) {
                (_, None) => false,
                (Token::Number(q), Some(TokenRef::Amount(t))) if k == last && term.amount => {
                    *t.digits == **q
                }
                _ if k == last && term.amount => false,
                (q, Some(t)) => token_matches(t, q, term.begun && k == last),
            })
    };
    if let Some(start) = start {
        return text
            .tokens
            .match_indices(start)
            .any(|(at, _)| from(text.tokens_from(at)));
    }
    let mut tokens = text.tokens_from(0);
    loop {
        if from(tokens.clone()) {
            return true;
        }
        if tokens.next().is_none() {
            return false;
        }
    }
}

fn token_matches(text: TokenRef<'_>, query: &Token, last: bool) -> bool {
    let begins = |t: &[u8], q: &str| {
        let q = q.as_bytes();
        // Most words differ in their first byte: compared first, it spares the call
        // comparing the rest.
        q.first().is_none_or(|b| t.first() == Some(b))
            && if last { t.starts_with(q) } else { t == q }
    };
    match (query, text) {
        (Token::Word(q), TokenRef::Word(t)) => begins(t, q),
        // A number whole: "1" is not "10".
        (Token::Number(q), TokenRef::Number(t)) => t == q.as_bytes(),
        // "10" finds "$10B" (but not "610B" or "$10.8B").
        (Token::Number(q), TokenRef::Amount(t)) => *t.digits == **q,
        (Token::Amount(q), TokenRef::Amount(t)) => q.same(t),
        // "won" alone finds the amounts in won.
        (Token::Word(q), TokenRef::Amount(t)) => {
            t.currency.is_some() && currency_word(q) == t.currency
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimals_read_as_the_digits_written_out_and_parsed() {
        let reference = |digits: &str| {
            let (whole, fraction) = digits.split_once('.').unwrap_or((digits, ""));
            let mantissa: u128 = format!("{whole}{fraction}").parse().ok()?;
            Some(Decimal::new(mantissa, -(fraction.len() as i32)))
        };
        let max = u128::MAX.to_string();
        let over = format!("{max}0");
        let cases = [
            "0",
            "10",
            "2019",
            "1038.9",
            "0.50",
            "100.000",
            ".5",
            "5.",
            "",
            ".",
            "1.2.3",
            "x1",
            "007",
            &max,
            &over,
            "340282366920938463463374607431768211456",
        ];
        for digits in cases {
            assert_eq!(Decimal::parse(digits), reference(digits), "{digits:?}");
        }
    }

    #[test]
    fn fields_cut_apart_make_the_text_cut_whole() {
        let cases: [&[&str]; 7] = [
            &["Round 3 in Hawaii", "US$ 10", "billion won"],
            // A sign alone is lexed with no token; no amount spans a break.
            &["", "$", "10 bn"],
            &["$", "", "", "1조 389억 원"],
            &["", "", "x"],
            &["USD", "10", "%"],
            &["a 13%", "R13", "₩"],
            &[],
        ];
        for fields in cases {
            for split in 0..=fields.len() {
                let mut whole = Texts::default();
                whole.push(fields.iter().copied());
                let cut: Vec<FieldTokens> = fields[split..]
                    .iter()
                    .map(|f| FieldTokens::new(f))
                    .collect();
                let mut parts = Texts::default();
                parts.push_with(fields[..split].iter().copied(), &cut);
                assert_eq!(parts, whole, "{fields:?} cut from {split}");
            }
        }
    }
    use proptest::prelude::*;

    fn searched<'a>(fields: impl IntoIterator<Item = &'a str>, query: &str) -> bool {
        let mut texts = Texts::default();
        texts.push(fields);
        texts.matches(0, &Query::new(query))
    }

    fn found(text: &str, query: &str) -> bool {
        searched([text], query)
    }

    fn amounts(text: &str) -> Vec<String> {
        tokens([text])
            .into_iter()
            .filter_map(|t| match t {
                Token::Amount(a) => Some(a.to_string()),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn amounts_take_a_canonical_form_however_written() {
        for text in [
            "$10B",
            "$10 billion",
            "$10 bn",
            "USD 10 billion",
            "US$10bn",
            "10 billion dollars",
            "$10,000M",
            "$10,000 million",
            "$0.01 trillion",
        ] {
            assert_eq!(amounts(text), ["usd:1e10"], "{text}");
        }
        assert_eq!(amounts("10 bn"), ["?:1e10"]);
        assert_eq!(amounts("1,038.9B won"), ["krw:10389e8"]);
        assert_eq!(amounts("1.0389 trillion won"), ["krw:10389e8"]);
        assert_eq!(amounts("1조389억 원"), ["krw:10389e8"]);
        assert_eq!(amounts("1조389억"), ["?:10389e8"]);
        assert_eq!(amounts("1조 389억 won"), ["krw:10389e8"]);
        assert_eq!(amounts("~1.35T won"), ["krw:135e10"]);
        assert_eq!(
            amounts("$923 million and $923M"),
            ["usd:923e6", "usd:923e6"]
        );
        assert_eq!(amounts("610B won"), ["krw:61e10"]);
        // Numbers without a scale or a currency are numbers, not amounts.
        assert_eq!(
            amounts("in 2019, 3.5% of GDP, round 10"),
            Vec::<String>::new()
        );
    }

    #[test]
    fn every_spelling_of_ten_billion_finds_the_others_and_not_610b() {
        let spellings = [
            "$10B",
            "10 billion",
            "$10 bn",
            "10bn",
            "10 bn",
            "USD 10 billion",
        ];
        for text in spellings {
            assert!(found("Trump: Korea would pay \"$10 billion a year\"", text));
            for query in spellings {
                assert!(found(text, query), "{query:?} in {text:?}");
            }
            assert!(!found("$490M ≈ 610B won", text), "{text:?} found 610B");
            assert!(!found("$10.8B", text), "{text:?} found $10.8B");
        }
        assert!(!found("610B won", "10B"));
        assert!(!found("610B won", "10"));
        assert!(found("$10B a year", "10"));
        // Typed a letter at a time, "10 billion" finds the amount all the way from its
        // whole number on.
        let typed = "10 billion";
        for end in 2..=typed.len() {
            let query = &typed[..end];
            assert!(found("pay \"$10 billion a year\"", query), "{query:?}");
            assert!(found("pay $10B a year", query), "{query:?}");
            assert!(!found("≈ 610B won", query), "{query:?}");
        }
        assert!(!found("$10.8B", "10 bil"));
        assert!(!found("10 billion", "10 bilk"));
        // A number and a word that only looks like a scale begun stay words too.
        assert!(found("round 10 bilateral talks", "10 bil"));
        assert!(found("2019 military budget", "2019 mi"));
        assert!(found("$923 million", "$923M"));
        assert!(found("1.0389 trillion won", "1조389억"));
        assert!(found("1,038.9B won", "1.0389 trillion won"));
        // A currency asked for must be the amount's.
        assert!(!found("$10B", "10B won"));
        assert!(found("960.2B won", "won"));
        assert!(!found("$5B", "won"));
    }

    #[test]
    fn case_accents_hyphens_and_spaces_fold() {
        assert!(found("Jeong Eun-bo named", "jeong eun bo"));
        assert!(found("Jeong Eun-bo named", "JEONG EUN-BO"));
        assert!(found("Jeong Eun bo", "jeong eun-bo"));
        assert!(found("Chŏng Ŭn-bo", "chong un"));
        assert!(found("Café", "cafe"));
        assert!(found("Cafe", "CAFÉ"));
        assert!(found("11th SMA", "11th sma"));
        assert!(found("sma-11", "sma 11"));
        // A word matches from its start: the last one may be unfinished.
        assert!(found("Honolulu", "hono"));
        assert!(!found("Honolulu", "olulu"));
        assert!(!found("Honolulu talks", "hono talks"));
        // Words are found in any field, in any order; a quoted phrase only in a row,
        // never across two fields.
        assert!(searched(["Seoul", "Honolulu"], "honolulu seoul"));
        assert!(!searched(["Seoul", "Honolulu"], "\"seoul honolulu\""));
        assert!(searched(["Seoul Honolulu"], "\"seoul honolulu\""));
        assert!(!searched(["Honolulu Seoul"], "\"seoul honolulu\""));
        assert!(!found("anything", ""));
        assert!(!found("anything", "$"));
    }

    #[test]
    fn queries_find_every_word_anywhere_and_numbers_whole() {
        let fields = [
            "10th SMA, round 1",
            "Honolulu",
            "Chang Won-sam, Timothy Betts",
            "R13 says a 13% rise, 131 days",
            "Cost-sharing talks finish first round in Hawaii",
        ];
        // query → whether it finds the text of those fields
        let table = [
            ("round Honolulu", true),
            ("Honolulu round", true),
            ("Betts Chang", true),
            ("10th SMA talks", true),
            ("hawaii", true),
            ("round 1", true),
            ("round 11", false),
            ("round 2", false),
            ("13%", true),
            ("13 %", true),
            ("13 percent", true),
            ("13", true),
            ("r13", true),
            ("131", true),
            ("14%", false),
            ("\"round 1\"", true),
            ("\"1 round\"", false),
            ("\"finish first round\"", true),
            ("\"first finish\"", false),
            ("betts seoul", false),
            ("hon", true),
            ("hon betts", false),
        ];
        for (query, expected) in table {
            assert_eq!(searched(fields, query), expected, "{query:?}");
        }
        // A number is matched whole, within a code or not.
        assert!(!found("R13 and 131", "13"));
        assert!(!found("round 10", "round 1"));
        assert!(found("a rise of 13 %", "13%"));
    }

    #[test]
    fn the_matched_words_are_the_highlights() {
        let text = "10th SMA, round 1 in Honolulu; $10B asked, 13% and R13";
        let shown = |query: &str| -> Vec<&str> {
            Query::new(query)
                .highlights(text)
                .into_iter()
                .map(|r| &text[r])
                .collect()
        };
        assert_eq!(shown("round honol"), ["round", "Honolulu"]);
        assert_eq!(shown("1"), ["1"]);
        assert_eq!(shown("10 billion"), ["10", "10"]);
        assert_eq!(shown("13%"), ["13"]);
        assert_eq!(shown("\"sma round\""), ["SMA", "round"]);
    }

    #[test]
    fn a_query_typed_on_narrows_and_one_that_changes_kind_does_not() {
        let narrows = |old: &str, new: &str| super::narrows(&Query::new(old), &Query::new(new));
        assert!(narrows("hon", "hono"));
        assert!(narrows("hono", "hono "));
        assert!(narrows("jeong", "jeong eun"));
        assert!(narrows("10", "10 bil"));
        // A number is whole: "10" is another number than "1".
        assert!(!narrows("1", "10"));
        assert!(!narrows("10", "10b"));
        assert!(!narrows("10 b", "10 bi"));
        assert!(!narrows("$", "$1"));
        assert!(!narrows("us", "usd 10 b"));
        assert!(!narrows("hono", "hon"));
        assert!(!narrows("seoul", "busan"));
        // Grouped otherwise, a query asks for other things.
        assert!(!narrows("sma-11", "sma 11"));
        assert!(narrows("sma", "sma-11"));
        assert!(narrows("round", "round \"1"));
    }

    #[test]
    fn texts_kept_together_stay_apart() {
        let mut texts = Texts::default();
        let kept = ["Seoul talks", "$10B a year", "Honolulu", "610B won"];
        for text in kept {
            texts.push([text]);
        }
        let hits = |query: &str| -> Vec<usize> {
            (0..=kept.len())
                .filter(|&i| texts.matches(i, &Query::new(query)))
                .collect()
        };
        assert_eq!(hits("talks"), [0]);
        assert_eq!(hits("10b"), [1]);
        assert_eq!(hits("10 bil"), [1]);
        assert_eq!(hits("hono"), [2]);
        assert_eq!(hits("won"), [3]);
        // Nothing matches across two texts.
        assert_eq!(hits("talks 10"), [] as [usize; 0]);
        assert_eq!(hits("year honolulu"), [] as [usize; 0]);
        // A match found from its first word on reads each amount after it as its own.
        assert!(found("$10B and $5B", "and $5B"));
        assert!(found("$10B and $5B", "and $10B"));
        assert!(!found("$10B and $5B", "\"and $10B\""));
        assert!(found("$10B and $5B", "and 5 billion"));
    }

    /// A few words, numbers and amounts, as the dataset writes them.
    fn phrase() -> impl Strategy<Value = String> {
        proptest::collection::vec(
            proptest::sample::select(vec![
                "$10B",
                "10",
                "10 bilateral",
                "billion",
                "$0.01 trillion",
                "610B won",
                "Honolulu",
                "hon",
                "Jeong Eun-bo",
                "won",
                "usd",
                "US$10 bn",
                "1.35T won",
                "round 10",
                "1조 3500억",
                "10,000M",
                "bil",
            ]),
            1..6,
        )
        .prop_map(|words| words.join(" "))
    }

    proptest! {
        /// Kept with others, a text matches as it does alone.
        #[test]
        fn a_text_among_others_matches_as_alone(
            kept in proptest::collection::vec(phrase(), 1..5),
            query in "[ 0-9a-z$.,bmtnil]{1,10}",
        ) {
            let mut texts = Texts::default();
            for text in &kept {
                texts.push([text.as_str()]);
            }
            let prepared = Query::new(&query);
            for (i, text) in kept.iter().enumerate() {
                prop_assert_eq!(texts.matches(i, &prepared), found(text, &query), "{}", text);
            }
            prop_assert!(!texts.matches(kept.len(), &prepared));
        }

        /// What a narrowing query finds, the query it carries on found too: the hits of
        /// the one can be sought among the other's.
        #[test]
        fn a_narrowing_query_finds_nothing_its_start_did_not(
            text in phrase(),
            query in "[ 0-9a-z$.,bmtnil\"-]{1,10}",
            cut in 0usize..10,
        ) {
            let cut = cut.min(query.len());
            let (old, new) = (&query[..cut], query.as_str());
            if super::narrows(&Query::new(old), &Query::new(new)) && found(&text, new) {
                prop_assert!(found(&text, old), "{:?} then {:?}", old, new);
            }
        }


        #[test]
        fn any_amount_in_any_spelling_finds_itself(
            whole in 1u32..100_000,
            tenths in proptest::option::of(0u32..10),
            scale in 0usize..3,
            text_style in 0usize..6,
            query_style in 0usize..6,
        ) {
            let number = match tenths {
                Some(t) => format!("{whole}.{t}"),
                None => whole.to_string(),
            };
            let (short, word) = [("M", "million"), ("B", "billion"), ("T", "trillion")][scale];
            let spell = |style: usize| match style {
                0 => format!("${number}{short}"),
                1 => format!("${number} {word}"),
                2 => format!("USD {number} {word}"),
                3 => format!("{number}{}", short.to_lowercase()),
                4 => format!("{number} {word} dollars"),
                _ => format!("US${number} {}n", short.to_lowercase()),
            };
            let text = format!("asks \"{}\" a year", spell(text_style));
            prop_assert!(found(&text, &spell(query_style)), "{} in {}", spell(query_style), text);
            // A digit more in front is another amount.
            let longer = format!("asks $6{number} {word} a year");
            prop_assert!(!found(&longer, &spell(query_style)), "{} in {}", spell(query_style), longer);
        }
    }
}
