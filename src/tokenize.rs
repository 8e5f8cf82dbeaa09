//! French tokens and sentences.
//!
//! Tokens are cut on the folded key (so « l’ » and « l' » behave alike) and
//! carry their span in the original text. French specifics:
//!
//! - elisions end their token: « l'édification » is « l' » + « édification »,
//!   likewise d', j', m', n', s', t', c', qu', jusqu', lorsqu', puisqu'…;
//! - hyphenated words stay whole: « lieutenant-général », « Jean-Yves »,
//!   « a-t-il »; so do numbers with separators: « 1.000 », « 3,5 »;
//! - a full stop after an abbreviation (M., Mme., Gal., gén., St., an initial
//!   such as J.) does not end a sentence; guillemets do not either;
//! - a line break always ends a sentence (headlines, datelines, paragraphs).
//!
//! # Example
//! ```
//! use vigie::tokenize::{sentences, tokenize, TokenKind};
//! let text = "M. Dunford l’a dit. Le général J. Akar aussi.";
//! let tokens = tokenize(text);
//! let words: Vec<&str> = tokens.iter().filter(|t| t.kind == TokenKind::Word).map(|t| &text[t.span.range()]).collect();
//! assert_eq!(words, ["M", "Dunford", "l’", "a", "dit", "Le", "général", "J", "Akar", "aussi"]);
//! let s: Vec<&str> = sentences(text).iter().map(|s| &text[s.range()]).collect();
//! assert_eq!(s, ["M. Dunford l’a dit.", "Le général J. Akar aussi."]);
//! ```

use crate::normalize::{fold_with_bits, KeyBits, Normalized};
use crate::offsets::Span;

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters, possibly with digits, inner hyphens or an elision apostrophe.
    Word,
    /// Digits, possibly with inner `.`, `,` or spaces-free separators.
    Number,
    /// One punctuation or symbol character.
    Punct,
}

/// A token with its span in the original text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    /// The span in the original text.
    pub span: Span,
    /// What the token is.
    pub kind: TokenKind,
    /// The token begins a sentence.
    pub sentence_start: bool,
    /// The span in the folded key.
    pub(crate) key: Span,
    /// The original starts with a capital (or a particle then a capital: « al-Assad »).
    pub(crate) cap: bool,
    /// Every letter of the original is a capital, and there are at least two.
    pub(crate) upper: bool,
    /// Whitespace precedes the token.
    pub(crate) space_before: bool,
    /// A word with an inner hyphen (« Jean-Yves »).
    pub(crate) hyphenated: bool,
    /// The token begins a line.
    pub(crate) line_start: bool,
}

/// A token of one segment of a text, as the recognisers read it: [`Token`]
/// and its word id and classes in 16 bytes, with offsets into the segment's
/// folded key (a segment is at most a few hundred kilobytes), so that the
/// many passes over the tokens of a segment read little memory. Its span in
/// the original is asked of the key's offset map when needed (see
/// `recognize::Segment::span`): most tokens never need it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Tok {
    key_start: u32,
    key_end: u32,
    /// The word's id in the gazetteers' vocabulary, or `u32::MAX`: set by
    /// the extractor as the token is cut, with `classes`.
    pub id: u32,
    /// The word's classes (see `recognize::lexicon`).
    pub classes: u16,
    pub kind: TokenKind,
    /// The flags below, one bit each.
    flags: u8,
}

// the word id and classes fit beside the offsets because the six flags share a byte
const _: () = assert!(std::mem::size_of::<Tok>() == 16);

const SENTENCE_START: u8 = 1;
const CAP: u8 = 2;
const UPPER: u8 = 4;
const SPACE_BEFORE: u8 = 8;
const HYPHENATED: u8 = 16;
const LINE_START: u8 = 32;

impl Tok {
    /// The span in the folded key.
    #[inline]
    pub fn key(&self) -> std::ops::Range<usize> {
        self.key_start as usize..self.key_end as usize
    }

    /// The token begins a sentence.
    #[inline]
    pub fn sentence_start(&self) -> bool {
        self.flags & SENTENCE_START != 0
    }

    /// The original starts with a capital (or a particle then a capital: « al-Assad »).
    #[inline]
    pub fn cap(&self) -> bool {
        self.flags & CAP != 0
    }

    /// Every letter of the original is a capital, and there are at least two.
    #[inline]
    pub fn upper(&self) -> bool {
        self.flags & UPPER != 0
    }

    /// Whitespace precedes the token.
    #[inline]
    pub fn space_before(&self) -> bool {
        self.flags & SPACE_BEFORE != 0
    }

    /// A word with an inner hyphen (« Jean-Yves »).
    #[inline]
    pub fn hyphenated(&self) -> bool {
        self.flags & HYPHENATED != 0
    }

    /// A word with no capital and no hyphen, or a sign: a token that begins
    /// no name by its form, nor a date by being a number.
    #[inline]
    pub fn plain(&self) -> bool {
        self.kind != TokenKind::Number && self.flags & (CAP | HYPHENATED) == 0
    }

    /// The token begins a line.
    #[inline]
    pub fn line_start(&self) -> bool {
        self.flags & LINE_START != 0
    }

    /// The token with offsets into the whole text, given its `span` in the
    /// segment (`offset` is the segment's).
    fn public(&self, span: Span, offset: usize) -> Token {
        Token {
            span: span.shift(offset),
            kind: self.kind,
            sentence_start: self.sentence_start(),
            key: Span::new(self.key_start as usize, self.key_end as usize),
            cap: self.cap(),
            upper: self.upper(),
            space_before: self.space_before(),
            hyphenated: self.hyphenated(),
            line_start: self.line_start(),
        }
    }
}

/// Whether the word before an apostrophe is an elision that ends its token
/// (« l' », « jusqu' »).
fn is_elision(word: &[u8]) -> bool {
    matches!(word, b"l" | b"d" | b"j" | b"m" | b"n" | b"s" | b"t" | b"c" | b"qu" | b"jusqu" | b"lorsqu" | b"puisqu" | b"quoiqu" | b"presqu" | b"quelqu")
}

/// Whether a full stop after `word` marks an abbreviation, not a sentence end.
fn is_abbreviation(word: &[u8]) -> bool {
    matches!(
        word,
        b"m" | b"mm" | b"mme" | b"mmes" | b"mlle" | b"mlles" | b"mgr" | b"dr" | b"pr" | b"me" | b"st" | b"ste" | b"gal" | b"gen" | b"col" | b"cdt" | b"cne"
            | b"lt" | b"adm" | b"av" | b"bd" | b"etc" | b"cf" | b"p" | b"pp" | b"vol" | b"no" | b"n" | b"art" | b"chap" | b"fig" | b"ex" | b"env"
            | b"min" | b"max" | b"sgt" | b"capt" | b"cmdt" | b"lcl" | b"gl" | b"jr" | b"sr" | b"mr" | b"mrs" | b"ms" | b"prof" | b"dept" | b"hon" | b"rev"
    )
}

/// Tokenises `text` (see the module docs). A long text is read in segments
/// of about 64 KiB cut at line breaks, as the extractor reads it.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut key = Normalized::default();
    let mut bits = KeyBits::default();
    let mut segment_tokens = Vec::new();
    let mut tokens = Vec::new();
    for (offset, segment) in crate::extractor::segments(text, crate::extractor::SEGMENT_BYTES) {
        fold_with_bits(segment, &mut key, &mut bits);
        tokenize_key(segment, &key, &bits, &mut segment_tokens);
        let mut map = key.map.walker();
        tokens.extend(segment_tokens.iter().map(|t| t.public(map.original_span(t.key().into(), segment), offset)));
    }
    tokens
}

/// The sentences of `text`, as spans of the original from their first token
/// to their last.
pub fn sentences(text: &str) -> Vec<Span> {
    let tokens = tokenize(text);
    let mut out: Vec<Span> = Vec::new();
    for t in &tokens {
        match out.last_mut() {
            Some(last) if !t.sentence_start => last.end = t.span.end,
            _ => out.push(t.span),
        }
    }
    out
}

/// What a byte of the folded key is, for the scanner.
#[derive(Clone, Copy, PartialEq, Eq)]
enum ByteClass {
    /// Space, tab, carriage return, vertical tab, form feed.
    Space,
    Newline,
    /// An ASCII letter or digit.
    Alnum,
    /// The first byte of a non-ASCII character (or a stray continuation byte).
    NonAscii,
    /// Any other ASCII byte: punctuation and symbols.
    Other,
}

/// The class of every byte value, so that scanning costs one lookup a byte.
static BYTE_CLASS: [ByteClass; 256] = {
    let mut table = [ByteClass::Other; 256];
    let mut b = 0;
    while b < 256 {
        let byte = b as u8;
        table[b] = if byte >= 0x80 {
            ByteClass::NonAscii
        } else if byte == b'\n' {
            ByteClass::Newline
        } else if matches!(byte, b' ' | b'\t' | b'\r' | 0x0B | 0x0C) {
            ByteClass::Space
        } else if byte.is_ascii_alphanumeric() {
            ByteClass::Alnum
        } else {
            ByteClass::Other
        };
        b += 1;
    }
    table
};

#[inline]
fn class(b: u8) -> ByteClass {
    BYTE_CLASS[b as usize]
}

/// The char at byte `i` of `s` and its length (`s[i..]` must be non-empty).
#[inline]
fn char_at(s: &str, i: usize) -> (char, usize) {
    let b = s.as_bytes()[i];
    if b < 0x80 {
        return (b as char, 1);
    }
    match s.get(i..).and_then(|r| r.chars().next()) {
        Some(c) => (c, c.len_utf8()),
        None => ('\u{FFFD}', 1),
    }
}

/// The length of the character at byte `i` of `s` if it is a letter or a
/// digit.
#[inline]
fn word_char_at(s: &str, i: usize) -> Option<usize> {
    let b = s.as_bytes()[i];
    match class(b) {
        ByteClass::Alnum => Some(1),
        ByteClass::NonAscii => {
            let (c, len) = char_at(s, i);
            c.is_alphanumeric().then_some(len)
        }
        _ => None,
    }
}

/// The end of the run of letters and digits from byte `i` of the folded key
/// `s`, whose ASCII letters and digits `alnum` marks (see [`KeyBits`]; past
/// its end, or where it is empty, the bytes are read one by one).
#[inline]
fn alnum_run_end(s: &str, alnum: &[u64], mut i: usize) -> usize {
    let bytes = s.as_bytes();
    // to the first byte that is no ASCII letter or digit, 64 bytes at a time
    while let Some(&word) = alnum.get(i / 64) {
        let outside = !word >> (i % 64);
        if outside != 0 {
            i += outside.trailing_zeros() as usize;
            // the usual end of a word: a space, punctuation or the key's end
            // (the bits past it are clear)
            if bytes.get(i).is_none_or(|&b| b < 0x80) {
                return i;
            }
            break;
        }
        i = (i / 64 + 1) * 64;
    }
    while i < bytes.len() {
        if class(bytes[i]) == ByteClass::Alnum {
            i += 1;
        } else if let Some(len) = word_char_at(s, i) {
            i += len;
        } else {
            break;
        }
    }
    i
}

/// Cuts the folded `key` of `original` into tokens, into `tokens`; `bits`
/// marks the key's capitals, letters and digits (see [`fold_with_bits`];
/// empty bits mark no capital, and the letters are then read byte by byte).
pub(crate) fn tokenize_key(original: &str, key: &Normalized, bits: &KeyBits, tokens: &mut Vec<Tok>) {
    tokenize_key_with(original, key, bits, tokens, |_| (u32::MAX, 0));
}

/// [`tokenize_key`], giving each token the word id and classes that
/// `word_of` returns for its span of the key, while its bytes are still in
/// the CPU's cache.
#[inline]
pub(crate) fn tokenize_key_with(original: &str, key: &Normalized, bits: &KeyBits, tokens: &mut Vec<Tok>, mut word_of: impl FnMut(std::ops::Range<usize>) -> (u32, u16)) {
    // a vector of this function's own, whose length and capacity the
    // compiler keeps in registers, where pushing through `tokens` stored them
    // at every token
    let mut out = std::mem::take(tokens);
    out.clear();
    let mut map = key.map.walker();
    let k = key.text.as_str();
    let bytes = k.as_bytes();
    let n = bytes.len();
    let alnum = bits.alnum.as_slice();
    let mut i = 0;
    let mut space_before = true;
    let mut newline_before = true;
    let mut after_sentence_end = true;
    while i < n {
        let b = bytes[i];
        // The usual order of a text: a space, then a lowercase word. Plain
        // tests in that order cost less than a jump on the byte's class.
        if b == b' ' {
            space_before = true;
            i += 1;
            continue;
        }
        let from_capital = bits.is_capital(i);
        let start = i;
        let flag = |set: bool, bit: u8| if set { bit } else { 0 };
        // The usual tokens first, told apart on the key alone: a lowercase
        // word that no hyphen goes on with, or an elision (« l' »); an ASCII
        // sign but a full stop (which may begin an ellipsis).
        let plain_word_end = if b.is_ascii_lowercase() && !from_capital {
            let end = alnum_run_end(k, alnum, i + 1);
            match bytes.get(end) {
                Some(b'-') => None,
                Some(b'\'') if end + 1 < n && word_char_at(k, end + 1).is_some() => is_elision(&bytes[start..end]).then_some(end + 1),
                _ => Some(end),
            }
        } else {
            None
        };
        let (kind, flags) = if let Some(end) = plain_word_end {
            i = end;
            (TokenKind::Word, flag(newline_before, SENTENCE_START | LINE_START) | flag(space_before, SPACE_BEFORE))
        } else if class(b) == ByteClass::Other && b != b'.' {
            i += 1;
            (TokenKind::Punct, flag(newline_before || after_sentence_end, SENTENCE_START) | flag(newline_before, LINE_START) | flag(space_before, SPACE_BEFORE))
        } else {
            let kind;
            let mut hyphenated = false;
            if b.is_ascii_lowercase() {
                kind = TokenKind::Word;
                (i, hyphenated) = word_end(k, alnum, start);
            } else {
                match class(b) {
                    ByteClass::Space => {
                        space_before = true;
                        i += 1;
                        continue;
                    }
                    ByteClass::Newline => {
                        space_before = true;
                        newline_before = true;
                        i += 1;
                        continue;
                    }
                    ByteClass::Alnum if b.is_ascii_digit() => {
                        kind = TokenKind::Number;
                        i += 1;
                        while i < n {
                            let b = bytes[i];
                            // digits, and « . » or « , » between digits (« 3,5 », « 1.000 »)
                            if b.is_ascii_digit() || ((b == b'.' || b == b',') && i + 1 < n && bytes[i + 1].is_ascii_digit() && bytes[i - 1].is_ascii_digit()) {
                                i += 1;
                            } else {
                                break;
                            }
                        }
                        // « 1er », « 2e », « 3ème », « 14h »: letters glued to a number stay with it.
                        i = alnum_run_end(k, alnum, i);
                    }
                    // letters are lowercase in the key, but for the record: a capital
                    ByteClass::Alnum => {
                        kind = TokenKind::Word;
                        (i, hyphenated) = word_end(k, alnum, i);
                    }
                    ByteClass::NonAscii if word_char_at(k, i).is_some() => {
                        kind = TokenKind::Word;
                        (i, hyphenated) = word_end(k, alnum, i);
                    }
                    _ => {
                        kind = TokenKind::Punct;
                        i += char_at(k, i).1;
                        // an ellipsis is one token
                        if b == b'.' {
                            while i < n && bytes[i] == b'.' {
                                i += 1;
                            }
                        }
                    }
                }
            }
            let (cap, upper) = match kind {
                TokenKind::Punct => (false, false),
                // told apart on the key: no capital first, and no hyphen for a particle before one
                _ if !(from_capital || (hyphenated && particle_hyphen(&bytes[start..i]))) => (false, false),
                // a capital first, and letters that are the original's one for one
                _ if from_capital && !bits.any_folded(start, i) => capitals_on_key(&bytes[start..i], bits, start),
                _ => {
                    let orig = map.original_span(Span::new(start, i), original);
                    capitals_of(original.as_bytes().get(orig.range()).unwrap_or_default(), &bytes[start..i])
                }
            };
            let sentence_start = newline_before || (after_sentence_end && (cap || kind != TokenKind::Word));
            let flags = flag(sentence_start, SENTENCE_START)
                | flag(cap, CAP)
                | flag(upper, UPPER)
                | flag(space_before, SPACE_BEFORE)
                | flag(hyphenated, HYPHENATED)
                | flag(newline_before, LINE_START);
            (kind, flags)
        };
        let (id, classes) = word_of(start..i);
        let token = Tok { key_start: start as u32, key_end: i as u32, id, classes, kind, flags };
        out.push(token);
        after_sentence_end = kind == TokenKind::Punct && matches!(&bytes[start..i], b"." | b"!" | b"?" | b"...") && ends_sentence(&out, k, bytes, i);
        space_before = false;
        newline_before = false;
    }
    *tokens = out;
}

/// The end of the word that starts at byte `start` of `key`: letters and
/// digits, joined by inner hyphens (« lieutenant-général ») and apostrophes
/// (« aujourd'hui »), except that an elision ends at its apostrophe (« l' »);
/// and whether it has an inner hyphen.
#[inline(always)]
fn word_end(key: &str, alnum: &[u64], start: usize) -> (usize, bool) {
    let bytes = key.as_bytes();
    let n = bytes.len();
    let mut i = start;
    let mut hyphenated = false;
    loop {
        i = alnum_run_end(key, alnum, i);
        if i + 1 < n && (bytes[i] == b'-' || bytes[i] == b'\'') && word_char_at(key, i + 1).is_some() {
            if bytes[i] == b'\'' && is_elision(&bytes[start..i]) {
                return (i + 1, hyphenated); // the elision keeps its apostrophe and ends here
            }
            hyphenated |= bytes[i] == b'-';
            i += 1;
            continue;
        }
        return (i, hyphenated);
    }
}

/// Whether `word` is one character (its first spans it all; counting its
/// characters would cost a loop set up for long strings).
#[inline]
pub(crate) fn is_one_char(word: &str) -> bool {
    word.chars().next().is_some_and(|c| c.len_utf8() == word.len())
}

/// Whether the full stop (or ! ?) just pushed ends a sentence.
fn ends_sentence(tokens: &[Tok], key: &str, bytes: &[u8], after: usize) -> bool {
    let n = tokens.len();
    let stop = &key[tokens[n - 1].key()];
    if stop == "." && n >= 2 {
        let prev = &tokens[n - 2];
        if prev.kind == TokenKind::Word && !tokens[n - 1].space_before() {
            let word = &key[prev.key()];
            // an initial (« J. ») or a known abbreviation (« Gal. »)
            if is_one_char(word) || is_abbreviation(word.as_bytes()) {
                return false;
            }
        }
    }
    // what follows must look like a new sentence: space then a capital, a
    // quote, a dash, a digit, or the end of the text
    let mut j = after;
    while j < bytes.len() && bytes[j] == b' ' {
        j += 1;
    }
    if j == bytes.len() || bytes[j] == b'\n' || bytes[j] == b'"' || bytes[j] == b'-' || bytes[j] == b'(' || bytes[j].is_ascii_digit() {
        return true;
    }
    // the key is lowercase: a new sentence is told by the original, which the
    // caller checks through `cap` of the next token; accept here and let the
    // next token's capital decide
    j > after
}

/// [`capitals_of`] for a token that begins with a capital and whose key
/// `key` (from byte `start`) holds the original's letters one for one (see
/// `KeyBits::folded`): each letter's case is its capital bit in `bits`.
fn capitals_on_key(key: &[u8], bits: &KeyBits, start: usize) -> (bool, bool) {
    let mut letters = 0;
    for (j, &b) in key.iter().enumerate() {
        if b.is_ascii_alphabetic() {
            if !bits.is_capital(start + j) {
                return (true, false);
            }
            letters += 1;
        }
    }
    (true, letters >= 2)
}

/// (starts with a capital, all letters capitals) for a word or number
/// token whose original bytes are `text` and folded key `key`.
#[inline(never)]
fn capitals_of(text: &[u8], key: &[u8]) -> (bool, bool) {
    let Some(&first) = text.first() else { return (false, false) };
    let cap = if first.is_ascii_uppercase() {
        true
    } else if first < 0x80 {
        first.is_ascii_lowercase() && particle_hyphen(key) && particle_then_capital(text, key)
    } else {
        letter_case(text).is_some_and(|(case, _)| case.upper)
    };
    if !cap {
        return (false, false);
    }
    let mut letters = 0;
    let mut rest = text;
    while let Some(&b) = rest.first() {
        if b < 0x80 {
            if b.is_ascii_lowercase() {
                return (true, false);
            }
            letters += usize::from(b.is_ascii_uppercase());
            rest = &rest[1..];
        } else {
            let Some((case, len)) = letter_case(rest) else { break };
            if case.letter {
                if !case.upper {
                    return (true, false);
                }
                letters += 1;
            }
            rest = &rest[len..];
        }
    }
    (true, letters >= 2)
}

/// What a character is, for capitals: `char::is_uppercase` and `char::is_alphabetic`.
#[derive(Clone, Copy, Default)]
struct Case {
    upper: bool,
    letter: bool,
}

impl Case {
    fn of(c: char) -> Case {
        Case { upper: c.is_uppercase(), letter: c.is_alphabetic() }
    }
}

/// The case of U+0080 to U+024F, where the accented capitals of European
/// text lie, computed once so that reading them costs one lookup.
static LATIN_CASES: std::sync::LazyLock<Vec<Case>> =
    std::sync::LazyLock::new(|| (0x80u32..0x250).map(|u| char::from_u32(u).map(Case::of).unwrap_or_default()).collect());

/// The case of the first character of UTF-8 bytes that start on a character
/// boundary, and its length (capitals are read on bytes: slicing the `str`
/// for each token costs its boundary checks on the hottest path).
#[inline]
fn letter_case(bytes: &[u8]) -> Option<(Case, usize)> {
    match *bytes {
        [] => None,
        [b, ..] if b < 0x80 => Some((Case::of(char::from(b)), 1)),
        [lead @ 0xC2..=0xDF, next, ..] => {
            let u = (u32::from(lead & 0x1F) << 6) | u32::from(next & 0x3F);
            let case = match LATIN_CASES.get(u as usize - 0x80) {
                Some(case) => *case,
                None => char::from_u32(u).map(Case::of).unwrap_or_default(),
            };
            Some((case, 2))
        }
        _ => {
            let c = first_char(bytes)?;
            Some((Case::of(c), c.len_utf8()))
        }
    }
}

/// The first character of UTF-8 bytes that start on a character boundary.
#[inline]
fn first_char(bytes: &[u8]) -> Option<char> {
    let len = match bytes.first()? {
        b if *b < 0x80 => 1,
        b if *b >= 0xF0 => 4,
        b if *b >= 0xE0 => 3,
        _ => 2,
    };
    std::str::from_utf8(bytes.get(..len)?).ok()?.chars().next()
}

/// Whether a folded word may be a particle, a hyphen and a name: « al-Assad »,
/// « el-Béchir », « ben-Ali » (the prefixes have 2 to 4 letters).
#[inline]
fn particle_hyphen(key: &[u8]) -> bool {
    matches!(key, [_, _, b'-', _, ..] | [_, _, _, b'-', _, ..] | [_, _, _, _, b'-', _, ..])
}

#[cold]
fn particle_then_capital(text: &[u8], key: &[u8]) -> bool {
    let Some(hyphen) = key.iter().position(|&b| b == b'-') else { return false };
    let prefix = &key[..hyphen];
    matches!(prefix, b"al" | b"el" | b"ben" | b"bin" | b"abu" | b"abou" | b"ibn" | b"ould" | b"ad" | b"as" | b"ash" | b"an" | b"ar" | b"at" | b"az")
        && text.get(hyphen + 1..).and_then(first_char).is_some_and(char::is_uppercase)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_char_is_a_count_of_one() {
        for word in ["", "j", "é", "œ", "oe", "ab", "𝔸", "𝔸b", "e\u{301}", "m."] {
            assert_eq!(is_one_char(word), word.chars().count() == 1, "{word:?}");
        }
    }

    fn words(text: &str) -> Vec<&str> {
        tokenize(text).iter().map(|t| &text[t.span.range()]).collect()
    }

    #[test]
    fn elisions_and_compounds() {
        assert_eq!(words("jusqu’à l'édification"), ["jusqu’", "à", "l'", "édification"]);
        assert_eq!(words("a-t-il dit au lieutenant-général"), ["a-t-il", "dit", "au", "lieutenant-général"]);
        assert_eq!(words("aujourd'hui"), ["aujourd'hui"]);
        assert_eq!(words("le 1er avril, 3,5 %"), ["le", "1er", "avril", ",", "3,5", "%"]);
    }

    /// The commonest tokens are cut on the key and its bits alone: the
    /// edges of that path agree with the general one.
    #[test]
    fn plain_words_elisions_and_signs() {
        assert_eq!(words("l' homme, l'1er, qu'« ici »"), ["l", "'", "homme", ",", "l'", "1er", ",", "qu", "'", "«", "ici", "»"]);
        assert_eq!(words("dit - porte-avions d'aujourd'hui"), ["dit", "-", "porte-avions", "d'", "aujourd'hui"]);
        assert_eq!(words("État éTé çà où"), ["État", "éTé", "çà", "où"]);
        assert_eq!(words(&format!("{}x", "a".repeat(130))), [format!("{}x", "a".repeat(130))]);
        let text = "Fin. (Suite) puis\n, encore ; fin ? Oui";
        let s: Vec<&str> = sentences(text).iter().map(|s| &text[s.range()]).collect();
        assert_eq!(s, ["Fin.", "(Suite) puis", ", encore ; fin ?", "Oui"]);
    }

    /// Each word's capitals, read on the key where its letters are the
    /// original's one for one, as the original's characters give them.
    fn capitals_agree_with_the_original(text: &str) -> Result<(), String> {
        let mut key = Normalized::default();
        let mut bits = KeyBits::default();
        fold_with_bits(text, &mut key, &mut bits);
        let mut tokens = Vec::new();
        tokenize_key(text, &key, &bits, &mut tokens);
        let mut map = key.map.walker();
        for t in tokens.iter().filter(|t| t.kind != TokenKind::Punct) {
            let word = &key.text.as_bytes()[t.key()];
            let from_capital = bits.is_capital(t.key().start);
            let expected = if from_capital || (t.hyphenated() && particle_hyphen(word)) {
                let original = map.original_span(Span::new(t.key().start, t.key().end), text);
                capitals_of(&text.as_bytes()[original.range()], word)
            } else {
                (false, false)
            };
            if (t.cap(), t.upper()) != expected {
                return Err(format!("{:?} in {text:?}: {:?}, expected {expected:?}", &key.text[t.key()], (t.cap(), t.upper())));
            }
        }
        Ok(())
    }

    #[test]
    fn capitals_of_words() {
        for text in ["A", "AB", "A1", "ÉTÉ", "Été", "ŒIL", "Œ", "ACME™", "E\u{301}TAT", "\u{301}Abc", "AB\u{345}", "Ǆ", "ﬁN", "Ｆ", "ª", "al-Assad", "L’ONU"] {
            capitals_agree_with_the_original(text).unwrap();
        }
    }

    proptest::proptest! {
        #[test]
        fn capitals_of_words_in_any_text(text in "\\PC{0,120}") {
            proptest::prop_assert_eq!(capitals_agree_with_the_original(&text), Ok(()));
        }

        #[test]
        fn capitals_of_words_in_latin_text(text in "[a-zA-Z0-9 éÉàÀçÇôÔœŒæÆßªºÅİı’'½™ﬁ\u{301}\u{327}\u{345}\u{200b}Ǆǅ.,-]{0,120}") {
            proptest::prop_assert_eq!(capitals_agree_with_the_original(&text), Ok(()));
        }
    }

    #[test]
    fn sentence_ends() {
        let text = "Le Gal. Akar est venu. « Bien », dit-il. Puis M. X partit !\nTitre";
        let s: Vec<&str> = sentences(text).iter().map(|s| &text[s.range()]).collect();
        assert_eq!(s, ["Le Gal. Akar est venu.", "« Bien », dit-il.", "Puis M. X partit !", "Titre"]);
    }
}
