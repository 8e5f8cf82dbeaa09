//! Text normalisation with an offset map back to the original.
//!
//! Two views of a text are built here:
//!
//! - [`normalize`]: the text as a reader sees it, cleaned for other tools:
//!   NFC, typographic apostrophes to `'`, guillemets and curly quotes to `"`,
//!   no-break and thin spaces to a plain space, every dash and the minus sign
//!   to `-`, invisible characters removed. Case, accents and ligatures stay.
//! - [`fold`]: the *matching key*, which also ignores case, accents and the
//!   ligatures œ and æ, so that « Etats-Unis » finds « États-Unis », « Erdogan »
//!   finds « Erdoğan » and « oeuvres » finds « œuvres ».
//!
//! Both return a [`Normalized`] whose [`OffsetMap`] turns any span of the
//! normalised text into the exact span of the original that produced it.
//! NORMALIZATION.md lists every mapping.

use crate::offsets::{OffsetMap, Span};
use unicode_normalization::UnicodeNormalization;

mod tables;

pub(crate) use tables::is_combining;
use tables::{replacement, Replacement};

/// A normalised text and the map from its byte offsets to the original's.
///
/// # Example
/// ```
/// use vigie::normalize::normalize;
/// let original = "l’« empire »\u{a0}britannique";
/// let n = normalize(original);
/// assert_eq!(n.text, "l'\"empire\" britannique".replace("\"empire\"", "\" empire \""));
/// let span = n.to_original(0..2, original);
/// assert_eq!(&original[span.range()], "l’");
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Normalized {
    /// The normalised text.
    pub text: String,
    /// Byte offsets of `text` mapped to byte offsets of the original.
    pub map: OffsetMap,
}

impl Normalized {
    /// Maps a span of the normalised text back to `original`, which must be
    /// the text this was built from.
    pub fn to_original(&self, span: impl Into<Span>, original: &str) -> Span {
        self.map.to_original(span, original)
    }
}

/// Normalises `text` for reading and for other tools (see the module docs).
///
/// # Example
/// ```
/// use vigie::normalize::normalize;
/// assert_eq!(normalize("le 7\u{202f}mars — à l’aube").text, "le 7 mars - à l'aube");
/// // decomposed accents are composed (NFC)
/// assert_eq!(normalize("e\u{301}te\u{301}").text, "été");
/// ```
pub fn normalize(text: &str) -> Normalized {
    let mut out = Normalized::default();
    normalize_into(text, &mut out);
    out
}

/// The text of [`normalize`]`(text)`, borrowed when there is nothing to
/// change: ASCII is its own normalisation.
pub(crate) fn normalized_text(text: &str) -> std::borrow::Cow<'_, str> {
    if text.is_ascii() {
        std::borrow::Cow::Borrowed(text)
    } else {
        std::borrow::Cow::Owned(normalize(text).text)
    }
}

/// Builds the case- and accent-folded matching key of `text`.
///
/// # Example
/// ```
/// use vigie::normalize::fold;
/// assert_eq!(fold("États-Unis").text, fold("Etats-Unis").text);
/// assert_eq!(fold("Œuvres ÆSOPE").text, "oeuvres aesope");
/// assert_eq!(fold("Erdoğan").text, "erdogan");
/// ```
pub fn fold(text: &str) -> Normalized {
    let mut out = Normalized::default();
    fold_into(text, &mut out);
    out
}

/// [`normalize`] into a buffer that is reused across calls.
pub fn normalize_into(text: &str, out: &mut Normalized) {
    out.text.clear();
    out.map.clear();
    out.text.reserve(text.len());
    let mut unit_start = 0usize; // original offset of the current unit
    let mut last_char_at: Option<usize> = None; // output offset of the last base char
    for (at, c) in text.char_indices() {
        if c.is_ascii() {
            out.text.push(c);
            out.map.extend_identity(at, 1);
            unit_start = at;
            last_char_at = Some(out.text.len() - 1);
            continue;
        }
        if is_combining(c) {
            // Compose with the preceding base character where NFC would.
            if let Some(base_at) = last_char_at {
                let base = out.text[base_at..].chars().next();
                if let Some(composed) = base.and_then(|b| unicode_normalization::char::compose(b, c)) {
                    out.text.truncate(base_at);
                    out.map.truncate(base_at);
                    out.text.push(composed);
                    out.map.push(unit_start, composed.len_utf8());
                    continue;
                }
            }
            out.text.push(c);
            out.map.push(unit_start, c.len_utf8());
            continue;
        }
        unit_start = at;
        match replacement(c) {
            Some(Replacement::Char(r)) => {
                out.text.push(r);
                out.map.push(at, r.len_utf8());
                last_char_at = None;
            }
            Some(Replacement::Remove) => {}
            Some(Replacement::Fold(_)) | None => {
                let before = out.text.len();
                // NFC may turn one character into one the tables replace
                // (U+1FFD GREEK OXIA is canonically U+00B4 ACUTE ACCENT).
                for d in std::iter::once(c).nfc() {
                    match replacement(d) {
                        Some(Replacement::Char(r)) => out.text.push(r),
                        Some(Replacement::Remove) => {}
                        Some(Replacement::Fold(_)) | None => out.text.push(d),
                    }
                }
                out.map.push(at, out.text.len() - before);
                last_char_at = Some(before);
            }
        }
    }
    out.map.finish(text.len());
}

/// The end of the run of ASCII bytes that starts at `i`, eight bytes at a time.
#[inline]
fn ascii_run_end(bytes: &[u8], mut i: usize) -> usize {
    while let Some(chunk) = bytes.get(i..i + 8) {
        let word = u64::from_le_bytes(chunk.try_into().expect("an 8-byte slice"));
        let high = word & 0x8080_8080_8080_8080;
        if high != 0 {
            return i + (high.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    while i < bytes.len() && bytes[i] < 0x80 {
        i += 1;
    }
    i
}

/// [`fold`] into a buffer that is reused across calls.
pub fn fold_into(text: &str, out: &mut Normalized) {
    fold_core::<false>(text, out, &mut KeyBits::default());
}

/// What the tokenizer reads of a folded key besides its text: one bit a byte
/// of the key (bit `i % 64` of word `i / 64`) for each question, answered
/// as the key is built, many bytes at a time, rather than byte by byte as
/// each token is cut.
#[derive(Clone, Debug, Default)]
pub(crate) struct KeyBits {
    /// Set where the character that produced the byte is a capital
    /// (`char::is_uppercase`): « É » folds to « e », and the tokenizer tells
    /// a capitalised word from the key alone, without mapping every token
    /// back to the original.
    pub capitals: Vec<u64>,
    /// Set where the byte is an ASCII letter or digit: where a word goes on.
    pub alnum: Vec<u64>,
    /// Set where the byte does not stand for one character alone, as an
    /// ASCII byte or a Latin letter folded to one ASCII letter does: the
    /// bytes of any other character that folding changed (« œ » to « oe »,
    /// « ’ » to « ' », « ™ » to « tm »), and the bytes on either side of a
    /// character it removed (a combining accent). Where none is set, a
    /// word's letters are those of the original, one for one, and its
    /// capitals can be read on the key.
    pub folded: Vec<u64>,
}

/// Bit `i` of a set of bits kept one per byte of the key (see [`KeyBits`]).
#[inline]
fn bit(words: &[u64], i: usize) -> bool {
    words.get(i / 64).is_some_and(|w| w >> (i % 64) & 1 != 0)
}

impl KeyBits {
    /// Whether byte `i` of the key comes from a capital.
    #[inline]
    pub fn is_capital(&self, i: usize) -> bool {
        bit(&self.capitals, i)
    }

    fn clear(&mut self) {
        self.capitals.clear();
        self.alnum.clear();
        self.folded.clear();
    }

    /// Whether a bit of `folded` is set in the key's bytes `start..end`.
    pub fn any_folded(&self, start: usize, end: usize) -> bool {
        (start / 64..end.div_ceil(64)).any(|w| {
            let word = self.folded.get(w).copied().unwrap_or(0);
            let from = if w == start / 64 { start % 64 } else { 0 };
            let to = if w == end / 64 { end % 64 } else { 64 };
            let mask = if to - from == 64 { u64::MAX } else { ((1u64 << (to - from)) - 1) << from };
            word & mask != 0
        })
    }
}

/// [`fold_into`], and the [`KeyBits`] of the key.
pub(crate) fn fold_with_bits(text: &str, out: &mut Normalized, bits: &mut KeyBits) {
    fold_core::<true>(text, out, bits);
}

/// Sets the bits `from..to` of `bits`, growing it as needed.
#[cold]
fn mark(bits: &mut Vec<u64>, from: usize, to: usize) {
    if bits.len() < to.div_ceil(64) {
        bits.resize(to.div_ceil(64), 0);
    }
    for i in from..to {
        bits[i / 64] |= 1 << (i % 64);
    }
}

/// After a removed character (`after_removed`), marks folded byte `at`, the
/// first of the key after it.
fn mark_after_removed(bits: &mut KeyBits, at: usize, after_removed: &mut bool) {
    if std::mem::take(after_removed) {
        mark(&mut bits.folded, at, at + 1);
    }
}

/// Marks folded the key's bytes `from..to`, which one character changed by
/// folding became; none (the character was removed): the bytes on either
/// side, the next when it comes (`after_removed`).
fn mark_folded(bits: &mut KeyBits, from: usize, to: usize, after_removed: &mut bool) {
    if to > from {
        mark(&mut bits.folded, from, to);
        *after_removed = false;
    } else {
        mark(&mut bits.folded, from.saturating_sub(1), from);
        *after_removed = true;
    }
}

/// The bits of the ASCII capitals among eight bytes, and those of the ASCII
/// letters and digits, one bit a byte.
#[cfg(any(test, not(all(target_arch = "x86_64", target_feature = "sse2"))))]
#[inline]
fn ascii_capital_and_alnum_bits(word: u64) -> (u64, u64) {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let each = |b: u8| u64::from_le_bytes([b; 8]);
    // with the high bits cleared, adding 0x80 - c sets a byte's high bit when it is c or more
    let x = word & !HIGH;
    let at_least = |x: u64, c: u8| x + each(0x80 - c);
    let ascii = !word & HIGH;
    let capital = at_least(x, b'A') & !at_least(x, b'Z' + 1) & ascii;
    // a letter of either case: the case bit set, « A » is « a » (and « [ », « { »: past « z »)
    let lower = x | each(0x20);
    let letter = at_least(lower, b'a') & !at_least(lower, b'z' + 1);
    let digit = at_least(x, b'0') & !at_least(x, b'9' + 1);
    let alnum = (letter | digit) & ascii;
    // gathers the high bit of byte j into bit j (no two partial products meet)
    let gather = |bits: u64| (bits >> 7).wrapping_mul(0x0102_0408_1020_4080) >> 56;
    (gather(capital), gather(alnum))
}

/// The bits of the ASCII capitals among 64 bytes, and those of the ASCII
/// letters and digits, one bit a byte: sixteen bytes at a time with SSE2
/// (part of every x86-64 processor), eight at a time elsewhere.
#[inline]
fn block_capital_and_alnum_bits(block: &[u8; 64]) -> (u64, u64) {
    #[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
    {
        // SAFETY: this code is compiled only where SSE2 is enabled, as it is
        // on every x86-64 target.
        unsafe { block_bits_sse2(block) }
    }
    #[cfg(not(all(target_arch = "x86_64", target_feature = "sse2")))]
    {
        let (mut capitals, mut alnum) = (0, 0);
        for (j, eight) in block.chunks_exact(8).enumerate() {
            let (c, a) = ascii_capital_and_alnum_bits(u64::from_le_bytes(eight.try_into().expect("eight bytes")));
            capitals |= c << (8 * j);
            alnum |= a << (8 * j);
        }
        (capitals, alnum)
    }
}

/// [`block_capital_and_alnum_bits`] with SSE2: byte comparisons, and one
/// bit a byte gathered by `movemask`.
#[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
#[target_feature(enable = "sse2")]
fn block_bits_sse2(block: &[u8; 64]) -> (u64, u64) {
    use std::arch::x86_64::{_mm_and_si128, _mm_cmpgt_epi8, _mm_cmplt_epi8, _mm_movemask_epi8, _mm_or_si128, _mm_set1_epi8, _mm_set_epi64x};
    let (mut capitals, mut alnum) = (0, 0);
    // signed comparisons: a byte of 0x80 or more is negative, below them all
    let (a, z) = (_mm_set1_epi8(b'A' as i8 - 1), _mm_set1_epi8(b'Z' as i8 + 1));
    let (lower_a, lower_z) = (_mm_set1_epi8(b'a' as i8 - 1), _mm_set1_epi8(b'z' as i8 + 1));
    let (zero, nine) = (_mm_set1_epi8(b'0' as i8 - 1), _mm_set1_epi8(b'9' as i8 + 1));
    let case_bit = _mm_set1_epi8(0x20);
    for (j, sixteen) in block.chunks_exact(16).enumerate() {
        let low = i64::from_le_bytes(sixteen[..8].try_into().expect("eight bytes"));
        let high = i64::from_le_bytes(sixteen[8..].try_into().expect("eight bytes"));
        let bytes = _mm_set_epi64x(high, low);
        let capital = _mm_and_si128(_mm_cmpgt_epi8(bytes, a), _mm_cmplt_epi8(bytes, z));
        // a letter of either case: the case bit set, « A » is « a »
        let folded = _mm_or_si128(bytes, case_bit);
        let letter = _mm_and_si128(_mm_cmpgt_epi8(folded, lower_a), _mm_cmplt_epi8(folded, lower_z));
        let digit = _mm_and_si128(_mm_cmpgt_epi8(bytes, zero), _mm_cmplt_epi8(bytes, nine));
        capitals |= u64::from(_mm_movemask_epi8(capital) as u16) << (16 * j);
        alnum |= u64::from(_mm_movemask_epi8(_mm_or_si128(letter, digit)) as u16) << (16 * j);
    }
    (capitals, alnum)
}

fn fold_core<const BITS: bool>(text: &str, out: &mut Normalized, bits: &mut KeyBits) {
    out.text.clear();
    out.map.clear();
    out.text.reserve(text.len());
    if BITS {
        bits.clear();
    }
    let latin: &[(LatinFold, bool)] = &LATIN_FOLDS;
    let bytes = text.as_bytes();
    let mut i = 0;
    // a character was removed: the next byte of the key is marked folded
    let mut after_removed = false;
    while i < bytes.len() {
        // Fast path: a run of ASCII bytes folds byte for byte.
        let run_start = i;
        i = ascii_run_end(bytes, i);
        if i > run_start {
            if BITS {
                mark_after_removed(bits, out.text.len(), &mut after_removed);
            }
            out.text.push_str(&text[run_start..i]);
            out.map.extend_identity(run_start, i - run_start);
        }
        if i >= bytes.len() {
            break;
        }
        let at = i;
        let before = out.text.len();
        // The Latin letters (U+0080 to U+024F: two bytes, none a combining
        // mark) straight from their bytes, through the table.
        if let [lead @ 0xC2..=0xC9, next, ..] = bytes[i..] {
            let u = (usize::from(lead & 0x1F) << 6) | usize::from(next & 0x3F);
            if let Some((fold, capital)) = latin.get(u - 0x80) {
                i += 2;
                match fold {
                    // Most accented letters fold to one ASCII letter: no copy of a
                    // string, and the letter joins the run of copied bytes before it
                    // (it begins where the run would go on; only a run's last byte
                    // may stand for more than one original byte, see `OffsetMap`),
                    // so a word with an accent spans one piece fewer.
                    LatinFold::Ascii(b) => {
                        out.text.push(char::from(*b));
                        out.map.extend_identity(at, 1);
                    }
                    LatinFold::Text(folded) => {
                        out.text.push_str(folded);
                        out.map.push(at, out.text.len() - before);
                    }
                }
                if BITS {
                    if *capital {
                        mark(&mut bits.capitals, before, out.text.len());
                    }
                    if matches!(fold, LatinFold::Text(_)) {
                        mark_folded(bits, before, out.text.len(), &mut after_removed);
                    } else {
                        mark_after_removed(bits, before, &mut after_removed);
                    }
                }
                continue;
            }
        }
        // any other character: past the table
        let Some(c) = text.get(i..).and_then(|s| s.chars().next()) else { break };
        i += c.len_utf8();
        if !is_combining(c) {
            fold_char(c, &mut out.text);
            out.map.push(at, out.text.len() - before);
        }
        if BITS {
            if c.is_uppercase() {
                mark(&mut bits.capitals, before, out.text.len());
            }
            mark_folded(bits, before, out.text.len(), &mut after_removed);
        }
    }
    if BITS {
        // the capitals of the ASCII runs (the only ones left in the key) and
        // the letters and digits, 64 bytes of the key at a time
        let key = out.text.as_bytes();
        let words = key.len().div_ceil(64);
        bits.capitals.resize(words.max(bits.capitals.len()), 0);
        bits.folded.resize(words.max(bits.folded.len()), 0);
        bits.alnum.resize(words, 0);
        let blocks = key.chunks_exact(64);
        let rest = blocks.remainder();
        let mut last = [0u8; 64];
        last[..rest.len()].copy_from_slice(rest);
        let last = (!rest.is_empty()).then_some(&last[..]);
        for ((block, capitals), alnum) in blocks.chain(last).zip(&mut bits.capitals).zip(&mut bits.alnum) {
            let (block_capitals, block_alnum) = block_capital_and_alnum_bits(block.try_into().expect("64 bytes"));
            *capitals |= block_capitals;
            *alnum = block_alnum;
        }
    }
    // Capitals come only from the ASCII runs (folded characters are
    // lowercase already): one pass over the whole key lowers them, where a
    // pass a run would start and stop at every accent.
    out.text.make_ascii_lowercase();
    out.map.finish(text.len());
}

/// The folded key of one non-ASCII character, appended to `out`.
fn fold_char(c: char, out: &mut String) {
    match replacement(c) {
        Some(Replacement::Char(r)) => out.push(r),
        Some(Replacement::Fold(s)) => out.push_str(s),
        Some(Replacement::Remove) => {}
        None => {
            unicode_normalization::char::decompose_compatible(c, |d| {
                if is_combining(d) {
                    return;
                }
                match replacement(d) {
                    Some(Replacement::Char(r)) => out.push(r),
                    Some(Replacement::Fold(s)) => out.push_str(s),
                    Some(Replacement::Remove) => {}
                    None => out.extend(d.to_lowercase().filter(|l| !is_combining(*l))),
                }
            });
        }
    }
}

/// The folded key of a character of the Latin blocks.
enum LatinFold {
    /// One ASCII byte, as for nearly every accented letter (« é » → « e »).
    Ascii(u8),
    /// Anything else: nothing (a control character), « oe », « 1⁄2 »…
    Text(Box<str>),
}

/// The folded keys of U+0080 to U+024F (Latin-1 and the Latin Extended
/// blocks, where nearly every accented letter of European text lies),
/// computed once by [`fold_char`] so that folding them costs one lookup,
/// each with whether the character is a capital.
static LATIN_FOLDS: std::sync::LazyLock<Vec<(LatinFold, bool)>> = std::sync::LazyLock::new(|| {
    (0x80u32..0x250)
        .map(|u| {
            let mut s = String::new();
            if let Some(c) = char::from_u32(u) {
                if !is_combining(c) {
                    fold_char(c, &mut s);
                }
            }
            let fold = match s.as_bytes() {
                &[b] if b.is_ascii() => LatinFold::Ascii(b),
                _ => LatinFold::Text(s.into()),
            };
            (fold, char::from_u32(u).is_some_and(char::is_uppercase))
        })
        .collect()
});

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_latin_table_agrees_with_the_slow_fold() {
        assert_eq!(LATIN_FOLDS.len(), 0x250 - 0x80);
        for (k, (key, _)) in LATIN_FOLDS.iter().enumerate() {
            let Some(c) = char::from_u32(0x80 + k as u32) else { continue };
            let mut slow = String::new();
            if !is_combining(c) {
                fold_char(c, &mut slow);
            }
            let fast = match key {
                LatinFold::Ascii(b) => char::from(*b).to_string(),
                LatinFold::Text(t) => t.to_string(),
            };
            assert_eq!(fast, slow, "{c:?}");
            // a letter of the key that folding leaves unmarked stands for a letter
            // of the original (see `KeyBits::folded`)
            if let LatinFold::Ascii(b) = key {
                assert!(!b.is_ascii_alphabetic() || c.is_alphabetic(), "{c:?}");
            }
        }
    }

    /// The bits of each byte of the key: whether the character it comes from
    /// (the one its offset maps back to) is a capital; whether the byte is an
    /// ASCII letter or digit.
    fn bits_agree_with_the_key(original: &str) -> Result<(), String> {
        let mut key = Normalized::default();
        let mut bits = KeyBits::default();
        fold_with_bits(original, &mut key, &mut bits);
        if key != fold(original) {
            return Err("the key differs from fold's".into());
        }
        for (i, b) in key.text.bytes().enumerate() {
            let capital = original.get(key.map.start_of(i)..).and_then(|s| s.chars().next()).is_some_and(char::is_uppercase);
            if bits.is_capital(i) != capital {
                return Err(format!("byte {i} of {:?}: capital bit {}, expected {capital}", key.text, !capital));
            }
            if bit(&bits.alnum, i) != b.is_ascii_alphanumeric() {
                return Err(format!("byte {i} of {:?}: letter or digit bit {}", key.text, !b.is_ascii_alphanumeric()));
            }
        }
        for words in [&bits.capitals, &bits.alnum, &bits.folded] {
            if words.iter().skip(key.text.len().div_ceil(64)).any(|&w| w != 0) {
                return Err("bits past the key".into());
            }
            if let Some(&last) = words.get(key.text.len() / 64) {
                if key.text.len() % 64 != 0 && last >> (key.text.len() % 64) != 0 {
                    return Err("bits past the key".into());
                }
            }
        }
        Ok(())
    }

    #[test]
    fn eight_byte_bits_agree_with_the_byte_tests() {
        for b in 0..=255u8 {
            let word = u64::from_le_bytes([b'.', b, b'a', 0xC3, b'Z', b'9', b' ', b]);
            let (capitals, alnum) = ascii_capital_and_alnum_bits(word);
            for (k, byte) in word.to_le_bytes().into_iter().enumerate() {
                assert_eq!(capitals >> k & 1 == 1, byte.is_ascii_uppercase(), "byte {byte:#x}");
                assert_eq!(alnum >> k & 1 == 1, byte.is_ascii_alphanumeric(), "byte {byte:#x}");
            }
        }
    }

    #[test]
    fn block_bits_agree_with_the_byte_tests() {
        // every byte value at every place of a block, beside its neighbours
        for shift in 0..=255u8 {
            let block: [u8; 64] = std::array::from_fn(|k| (k as u8).wrapping_add(shift));
            let (capitals, alnum) = block_capital_and_alnum_bits(&block);
            for (k, byte) in block.into_iter().enumerate() {
                assert_eq!(capitals >> k & 1 == 1, byte.is_ascii_uppercase(), "byte {byte:#x} at {k}");
                assert_eq!(alnum >> k & 1 == 1, byte.is_ascii_alphanumeric(), "byte {byte:#x} at {k}");
            }
        }
    }

    #[test]
    fn bits_mark_capitals_letters_and_digits() {
        for text in ["", "Le Général DE GAULLE à Évian", "ŒUVRES Œuvres œuvres", "ÆSOPE ß ẞ İstanbul", "Ⅻ ½ ﬁn… ÉTÉ", "E\u{301}TE\u{301} e\u{301}", "Путин ПУТИН", "x".repeat(130).as_str(), "ABCDEFGHIJKLMNOPQRSTUVWXYZ@[`{ 0123456789 abcdefghijklmnopqrstuvwxyz ÀÉ"] {
            bits_agree_with_the_key(text).unwrap();
        }
    }

    proptest::proptest! {
        #[test]
        fn bits_mark_capitals_letters_and_digits_in_any_text(original in "\\PC{0,200}") {
            proptest::prop_assert_eq!(bits_agree_with_the_key(&original), Ok(()));
        }

        #[test]
        fn bits_mark_capitals_letters_and_digits_in_latin_text(original in "[a-zA-Z éèàçôÉÈÀÇÔœŒæÆß’½ﬁ…\u{301}\u{327}\u{200b}İıÅ.,-]{0,150}") {
            proptest::prop_assert_eq!(bits_agree_with_the_key(&original), Ok(()));
        }
    }
}
