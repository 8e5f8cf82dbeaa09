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

use crate::normalize::{fold_into, Normalized};
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

/// Elisions that end a token at their apostrophe.
const ELISIONS: &[&str] = &[
    "l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu", "presqu", "quelqu",
];

/// Words after which a full stop is an abbreviation, not a sentence end.
const ABBREVIATIONS: &[&str] = &[
    "m", "mm", "mme", "mmes", "mlle", "mlles", "mgr", "dr", "pr", "me", "st", "ste", "gal", "gen", "col", "cdt", "cne",
    "lt", "adm", "av", "bd", "etc", "cf", "p", "pp", "vol", "no", "n", "art", "chap", "fig", "ex", "env", "min", "max",
    "sgt", "capt", "cmdt", "lcl", "gl", "jr", "sr", "mr", "mrs", "ms", "prof", "dept", "hon", "rev",
];

/// Tokenises `text` (see the module docs).
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut key = Normalized::default();
    fold_into(text, &mut key);
    let mut tokens = Vec::new();
    tokenize_key(text, &key, &mut tokens);
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

#[inline]
fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric()
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

#[inline]
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// Cuts the folded `key` of `original` into tokens, appending to `out`.
pub(crate) fn tokenize_key(original: &str, key: &Normalized, out: &mut Vec<Token>) {
    out.clear();
    let k = key.text.as_str();
    let bytes = k.as_bytes();
    let n = bytes.len();
    let mut i = 0;
    let mut space_before = true;
    let mut newline_before = true;
    let mut after_sentence_end = true;
    while i < n {
        let b = bytes[i];
        if b == b' ' || b == b'\t' || b == b'\r' || b == b'\n' || b == 0x0B || b == 0x0C {
            space_before = true;
            if b == b'\n' {
                newline_before = true;
            }
            i += 1;
            continue;
        }
        let start = i;
        let (c, len) = char_at(k, i);
        let kind;
        let mut hyphenated = false;
        if c.is_ascii_digit() {
            kind = TokenKind::Number;
            i += len;
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
            while i < n && (is_word_byte(bytes[i]) || (bytes[i] >= 0x80 && is_word_char(char_at(k, i).0))) {
                i += char_at(k, i).1;
            }
        } else if is_word_char(c) {
            kind = TokenKind::Word;
            i += len;
            loop {
                while i < n {
                    let b = bytes[i];
                    if b < 0x80 {
                        if b.is_ascii_alphanumeric() {
                            i += 1;
                            continue;
                        }
                        break;
                    }
                    let (c, len) = char_at(k, i);
                    if !is_word_char(c) {
                        break;
                    }
                    i += len;
                }
                if i + 1 < n && (bytes[i] == b'-' || bytes[i] == b'\'') {
                    let (next, _) = char_at(k, i + 1);
                    if is_word_char(next) {
                        if bytes[i] == b'\'' {
                            let word = &k[start..i];
                            let last_part = word.rsplit('-').next().unwrap_or(word);
                            if ELISIONS.contains(&last_part) && last_part.len() == word.len() {
                                i += 1; // the elision keeps its apostrophe and ends here
                                break;
                            }
                        }
                        hyphenated |= bytes[i] == b'-';
                        i += 1;
                        continue;
                    }
                }
                break;
            }
        } else {
            kind = TokenKind::Punct;
            i += len;
            // an ellipsis is one token
            if c == '.' {
                while i < n && bytes[i] == b'.' {
                    i += 1;
                }
            }
        }
        let key_span = Span::new(start, i);
        let orig = key.map.to_original(key_span, original);
        let text = original.get(orig.range()).unwrap_or("");
        let (cap, upper) = capitals(text, &k[start..i]);
        let sentence_start = newline_before || (after_sentence_end && (cap || kind != TokenKind::Word));
        out.push(Token { span: orig, kind, sentence_start, key: key_span, cap, upper, space_before, hyphenated, line_start: newline_before });
        after_sentence_end = false;
        if kind == TokenKind::Punct && matches!(&k[start..i], "." | "!" | "?" | "...") {
            after_sentence_end = ends_sentence(out, k, bytes, i);
        }
        space_before = false;
        newline_before = false;
    }
}

/// Whether the full stop (or ! ?) just pushed ends a sentence.
fn ends_sentence(tokens: &[Token], key: &str, bytes: &[u8], after: usize) -> bool {
    let n = tokens.len();
    let stop = &key[tokens[n - 1].key.range()];
    if stop == "." && n >= 2 {
        let prev = &tokens[n - 2];
        if prev.kind == TokenKind::Word && !tokens[n - 1].space_before {
            let word = &key[prev.key.range()];
            // an initial (« J. ») or a known abbreviation (« Gal. »)
            if word.chars().count() == 1 || ABBREVIATIONS.contains(&word) {
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

/// (starts with a capital, all letters capitals) for an original token text.
fn capitals(text: &str, key: &str) -> (bool, bool) {
    let mut chars = text.chars();
    let Some(first) = chars.next() else { return (false, false) };
    let mut cap = first.is_uppercase();
    // « al-Assad », « el-Béchir », « ben-Ali »: a particle, a hyphen, a capital
    // (the prefixes have 2 to 4 letters, so the hyphen is at byte 2, 3 or 4)
    if !cap && key.len() > 3 && key.as_bytes()[2..5.min(key.len())].contains(&b'-') {
        if let Some((prefix, _)) = key.split_once('-') {
            if matches!(prefix, "al" | "el" | "ben" | "bin" | "abu" | "abou" | "ibn" | "ould" | "ad" | "as" | "ash" | "an" | "ar" | "at" | "az") {
                cap = text.get(prefix.len() + 1..).and_then(|r| r.chars().next()).is_some_and(char::is_uppercase);
            }
        }
    }
    if !cap {
        return (false, false);
    }
    let mut letters = 0;
    let mut all_upper = true;
    for c in text.chars() {
        if c.is_alphabetic() {
            letters += 1;
            if !c.is_uppercase() {
                all_upper = false;
                break;
            }
        }
    }
    (cap, all_upper && letters >= 2)
}

#[cfg(test)]
mod tests {
    use super::*;

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

    #[test]
    fn sentence_ends() {
        let text = "Le Gal. Akar est venu. « Bien », dit-il. Puis M. X partit !\nTitre";
        let s: Vec<&str> = sentences(text).iter().map(|s| &text[s.range()]).collect();
        assert_eq!(s, ["Le Gal. Akar est venu.", "« Bien », dit-il.", "Puis M. X partit !", "Titre"]);
    }
}
