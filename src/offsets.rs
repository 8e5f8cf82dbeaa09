//! Spans and offset maps: every item vigie reports points back to its exact
//! place in the original text, whatever normalisation happened on the way.
//!
//! A [`Span`] is a half-open range of **byte** offsets into a string. The JSON
//! output and the Python bindings speak in Unicode code points instead; the
//! conversion happens once, at the boundary ([`CharOffsets`]).

use std::ops::Range;

/// A half-open range of byte offsets, `start..end`, into some text.
///
/// # Example
/// ```
/// use vigie::Span;
/// let text = "à Moscou";
/// let span = Span::new(3, 9);
/// assert_eq!(&text[span.range()], "Moscou");
/// assert_eq!(Span::from(3..9), span);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Span {
    /// First byte of the span.
    pub start: usize,
    /// One past the last byte of the span.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end` (exclusive).
    pub const fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }

    /// The span as a `Range`, ready to slice a string.
    pub fn range(self) -> Range<usize> {
        self.start..self.end
    }

    /// The number of bytes covered.
    pub fn len(self) -> usize {
        self.end.saturating_sub(self.start)
    }

    /// Whether the span covers nothing.
    pub fn is_empty(self) -> bool {
        self.end <= self.start
    }

    /// Whether the two spans share at least one byte.
    ///
    /// ```
    /// use vigie::Span;
    /// assert!(Span::new(0, 5).overlaps(Span::new(4, 8)));
    /// assert!(!Span::new(0, 4).overlaps(Span::new(4, 8)));
    /// ```
    pub fn overlaps(self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// Whether `other` lies entirely inside this span.
    pub fn contains(self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// The span moved `by` bytes to the right.
    pub fn shift(self, by: usize) -> Span {
        Span::new(self.start + by, self.end + by)
    }
}

impl From<Range<usize>> for Span {
    fn from(r: Range<usize>) -> Span {
        Span::new(r.start, r.end)
    }
}

/// Maps byte offsets of a normalised string back to the original string.
///
/// Normalisation works unit by unit: a *unit* of the original is one
/// character together with the combining marks that follow it. Every byte of
/// the output remembers where its unit starts in the original; a span of the
/// output therefore maps to whole units of the original, so it always falls
/// on character boundaries and never splits a letter from its accent.
///
/// The map is kept as pieces rather than one entry a byte: a run of bytes
/// that each come from the next byte of the original is one piece (bytes
/// copied as they are, nearly all of a French text, and at the end of a run
/// the letter an accented one folds to, as « é » to « e »), and so is the
/// output of each other character that normalisation changed.
///
/// # Example
/// ```
/// use vigie::normalize::fold;
/// let original = "Œuvres d’Erdoğan";
/// let key = fold(original);
/// assert_eq!(key.text, "oeuvres d'erdogan");
/// let span = key.map.to_original(10..17, original);
/// assert_eq!(&original[span.range()], "Erdoğan");
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct OffsetMap {
    /// The pieces, by increasing normalised offset; each runs to the next.
    pieces: Vec<Piece>,
    /// Length of the normalised text.
    len: usize,
    /// Length of the original text.
    original_len: usize,
}

/// Normalised bytes from `at` to the next piece: produced one to one by the
/// units from `original` on (`copied`: one byte each, but for the last byte,
/// whose unit may be longer), or all produced by the unit at `original`.
///
/// In 16 bytes: the flag `copied` shares a word with `original` (an offset
/// into a string never has its top bit set), so that a walk over the pieces
/// reads a third less memory.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Piece {
    at: usize,
    /// `original`, and `copied` in the top bit.
    original_and_copied: usize,
}

const COPIED: usize = 1 << (usize::BITS - 1);

impl Piece {
    #[inline]
    fn new(at: usize, original: usize, copied: bool) -> Piece {
        debug_assert!(original & COPIED == 0, "an offset into a string");
        Piece { at, original_and_copied: original | if copied { COPIED } else { 0 } }
    }

    #[inline]
    fn original(self) -> usize {
        self.original_and_copied & !COPIED
    }

    #[inline]
    fn copied(self) -> bool {
        self.original_and_copied & COPIED != 0
    }

    #[inline]
    fn start_of(self, i: usize) -> usize {
        if self.copied() {
            self.original() + (i - self.at)
        } else {
            self.original()
        }
    }
}

impl OffsetMap {
    pub(crate) fn clear(&mut self) {
        self.pieces.clear();
        self.len = 0;
        self.original_len = 0;
    }

    /// Records `bytes` output bytes, all produced by the unit at `original_offset`.
    #[inline]
    pub(crate) fn push(&mut self, original_offset: usize, bytes: usize) {
        if bytes > 0 {
            self.pieces.push(Piece::new(self.len, original_offset, false));
            self.len += bytes;
        }
    }

    /// Maps `len` output bytes one to one onto the original from
    /// `original_start`: the bytes of each unit, or the one byte a unit
    /// folds to when it is the last (see [`Piece`]).
    #[inline]
    pub(crate) fn extend_identity(&mut self, original_start: usize, len: usize) {
        if len == 0 {
            return;
        }
        match self.pieces.last() {
            // the run goes on where the last one stopped: one piece serves both
            Some(last) if last.copied() && last.start_of(self.len) == original_start => {}
            _ => self.pieces.push(Piece::new(self.len, original_start, true)),
        }
        self.len += len;
    }

    pub(crate) fn truncate(&mut self, len: usize) {
        if len < self.len {
            let keep = self.pieces.partition_point(|p| p.at < len);
            self.pieces.truncate(keep);
            self.len = len;
        }
    }

    pub(crate) fn finish(&mut self, original_len: usize) {
        self.original_len = original_len;
    }

    /// The number of normalised bytes the map covers.
    pub fn len(&self) -> usize {
        self.len
    }

    /// Whether the map is empty (the normalised text is empty).
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The original offset of the unit that produced normalised byte `i`
    /// (the original length for `i` at or past the end).
    #[inline]
    pub fn start_of(&self, i: usize) -> usize {
        if i >= self.len {
            return self.original_len;
        }
        let piece = self.pieces.partition_point(|p| p.at <= i) - 1;
        self.pieces[piece].start_of(i)
    }

    /// Maps a span of the normalised text to the span of `original` that
    /// produced it. `original` must be the text this map was built from.
    #[inline]
    pub fn to_original(&self, span: impl Into<Span>, original: &str) -> Span {
        self.walker().original_span(span.into(), original)
    }

    /// A reader of the map for offsets that mostly increase: each look-up
    /// costs the distance from the previous one.
    pub(crate) fn walker(&self) -> MapWalker<'_> {
        let mut walker = MapWalker { map: self, piece: 0, copied_from: 0, copied_to: 0, delta: 0 };
        walker.enter(0);
        walker
    }
}

/// Reads an [`OffsetMap`] at increasing offsets (a tokenizer's), moving from
/// piece to piece instead of searching for each offset.
pub(crate) struct MapWalker<'m> {
    map: &'m OffsetMap,
    piece: usize,
    /// The bytes `copied_from..copied_to` of the current piece were copied
    /// from the original, `delta` bytes further (empty when they were not).
    copied_from: usize,
    copied_to: usize,
    delta: isize,
}

impl MapWalker<'_> {
    fn enter(&mut self, piece: usize) {
        self.piece = piece;
        let pieces = &self.map.pieces;
        (self.copied_from, self.copied_to, self.delta) = match pieces.get(piece) {
            Some(p) if p.copied() => {
                let to = pieces.get(piece + 1).map_or(self.map.len, |next| next.at);
                (p.at, to, p.original() as isize - p.at as isize)
            }
            _ => (0, 0, 0),
        };
    }

    /// The piece that holds normalised byte `i` (within the map), walked to
    /// from piece `from`.
    #[inline]
    fn piece_holding(&self, from: usize, i: usize) -> usize {
        const STEPS: usize = 8;
        let pieces = &self.map.pieces;
        let mut piece = from;
        if pieces[piece].at > i {
            // behind the walker: search from the start
            return pieces.partition_point(|p| p.at <= i) - 1;
        }
        // a few steps, then strides that double (the pieces near the walker
        // are the likeliest and the likeliest in the CPU's cache), then a
        // search between the last two
        for _ in 0..STEPS {
            if piece + 1 < pieces.len() && pieces[piece + 1].at <= i {
                piece += 1;
            } else {
                return piece;
            }
        }
        let mut stride = STEPS;
        while piece + stride < pieces.len() && pieces[piece + stride].at <= i {
            piece += stride;
            stride *= 2;
        }
        let end = (piece + stride).min(pieces.len());
        piece + pieces[piece..end].partition_point(|p| p.at <= i) - 1
    }

    /// Moves to the piece that holds normalised byte `i` (within the map),
    /// walking from piece `from`.
    #[inline]
    fn move_to_from(&mut self, from: usize, i: usize) {
        let piece = self.piece_holding(from, i);
        if piece != self.piece {
            self.enter(piece);
        }
    }

    /// The original offset of the unit that produced normalised byte `i`.
    #[inline]
    pub(crate) fn start_of(&mut self, i: usize) -> usize {
        if i >= self.map.len || self.map.pieces.is_empty() {
            return self.map.original_len;
        }
        self.move_to_from(self.piece, i);
        self.map.pieces[self.piece].start_of(i)
    }

    /// See [`OffsetMap::to_original`].
    #[inline]
    pub(crate) fn original_span(&mut self, span: Span, original: &str) -> Span {
        // Inside a run of copied bytes, with one more after the span: the
        // span was copied as it is (only a run's last byte may come from a
        // longer unit), and no combining mark follows it.
        if self.copied_from <= span.start && span.end < self.copied_to {
            return Span::new(span.start.wrapping_add_signed(self.delta), span.end.wrapping_add_signed(self.delta));
        }
        self.original_span_across_pieces(span, original)
    }

    /// [`MapWalker::original_span`] for a span that begins, ends or lies
    /// outside a run of copied bytes (a word with an accent).
    #[inline(never)]
    fn original_span_across_pieces(&mut self, span: Span, original: &str) -> Span {
        // The commonest case: the span ends inside the next run of copied
        // bytes, and begins in it or in this one (a word with one accent,
        // which ends this run; the word after a word that ends with one).
        let pieces = &self.map.pieces;
        let next = self.piece + 1;
        if let Some(p) = pieces.get(next).filter(|p| p.copied() && p.at < span.end) {
            let next_end = pieces.get(next + 1).map_or(self.map.len, |q| q.at);
            let start = if p.at <= span.start {
                Some(p.original() + (span.start - p.at))
            } else if self.copied_from <= span.start && span.start < self.copied_to {
                Some(span.start.wrapping_add_signed(self.delta))
            } else {
                None
            };
            if let Some(start) = start.filter(|_| span.end < next_end) {
                self.enter(next);
                return Span::new(start, span.end.wrapping_add_signed(self.delta));
            }
        }
        self.original_span_walking(span, original)
    }

    /// The general case: one walk from the piece of the span's first byte
    /// to the piece of its last.
    fn original_span_walking(&mut self, span: Span, original: &str) -> Span {
        let pieces = &self.map.pieces;
        if span.is_empty() || span.end > self.map.len || pieces.is_empty() {
            let start = self.start_of(span.start);
            let end = if span.is_empty() { start } else { self.map.original_len };
            return Span::new(start, end.max(start));
        }
        let first = self.piece_holding(self.piece, span.start);
        let start = pieces[first].start_of(span.start);
        let last = span.end - 1;
        self.move_to_from(first, last);
        // the byte after the last one was copied too: the unit is that one byte
        let end = if self.copied_from <= last && span.end < self.copied_to {
            span.end.wrapping_add_signed(self.delta)
        } else {
            unit_end(original, self.map.pieces[self.piece].start_of(last))
        };
        Span::new(start, end.max(start))
    }
}

/// The end of the unit (a character and its trailing combining marks) that
/// starts at byte `at` of `text`.
#[inline]
pub(crate) fn unit_end(text: &str, at: usize) -> usize {
    let bytes = text.as_bytes();
    // Fast path: a character followed by an ASCII byte (or the end), which
    // is no combining mark. The length of a character is told by its first byte.
    let len = match bytes.get(at) {
        Some(&b) if b < 0x80 => 1,
        Some(&b) if b >= 0xF0 => 4,
        Some(&b) if b >= 0xE0 => 3,
        Some(&b) if b >= 0xC0 => 2,
        _ => return unit_end_slow(text, at),
    };
    if at + len <= bytes.len() && bytes.get(at + len).is_none_or(|&b| b < 0x80) {
        return at + len;
    }
    unit_end_slow(text, at)
}

fn unit_end_slow(text: &str, at: usize) -> usize {
    let Some(rest) = text.get(at..) else { return text.len() };
    let mut chars = rest.char_indices();
    let Some((_, first)) = chars.next() else { return text.len() };
    let mut end = at + first.len_utf8();
    for (i, c) in chars {
        if !crate::normalize::is_combining(c) {
            break;
        }
        end = at + i + c.len_utf8();
    }
    end
}

/// The number of UTF-8 continuation bytes (`10xxxxxx`) in `bytes`: as signed
/// bytes they are those below -64, a comparison the compiler vectorises.
fn continuation_bytes(bytes: &[u8]) -> usize {
    // in chunks whose count fits a byte-wide lane, summed as the lanes fill
    bytes.chunks(255).map(|chunk| chunk.iter().map(|&b| ((b as i8) < -64) as u8).sum::<u8>() as usize).sum()
}

/// Converts byte offsets of one text into code-point offsets. Each call costs
/// the distance from the previous offset, so offsets in increasing order (or
/// nearly so) convert in linear time overall; an offset far behind the last
/// one costs at most [`CharOffsets::CHECKPOINT_BYTES`] of counting, from the
/// count kept at each multiple of that size already passed (so that the
/// meetings of a book, converted after its entities, do not count the whole
/// text again).
///
/// # Example
/// ```
/// use vigie::offsets::CharOffsets;
/// let text = "Réunion à Moscou";
/// let mut chars = CharOffsets::new(text);
/// assert_eq!(chars.char_offset(12), 10);
/// assert_eq!(chars.char_offset(18), 16);
/// assert_eq!(chars.char_offset(3), 2);
/// ```
#[derive(Debug, Clone)]
pub struct CharOffsets<'t> {
    text: &'t str,
    byte: usize,
    chars: usize,
    /// `checkpoints[k]`: the code points before byte `(k + 1) * CHECKPOINT_BYTES`.
    checkpoints: Vec<usize>,
}

impl<'t> CharOffsets<'t> {
    /// The distance between two counts kept for going back.
    pub const CHECKPOINT_BYTES: usize = 64 * 1024;

    /// A converter for `text`.
    pub fn new(text: &'t str) -> CharOffsets<'t> {
        CharOffsets { text, byte: 0, chars: 0, checkpoints: Vec::new() }
    }

    /// The code-point offset of byte offset `byte` (clamped to the text).
    pub fn char_offset(&mut self, byte: usize) -> usize {
        const STEP: usize = CharOffsets::CHECKPOINT_BYTES;
        let byte = byte.min(self.text.len());
        let bytes = self.text.as_bytes();
        // Count the bytes that start a character (not UTF-8 continuation
        // bytes) between a known position and this one.
        let starts = |b: &[u8]| b.len() - continuation_bytes(b);
        // from the count kept at or before `byte` when it is nearer
        let k = byte / STEP;
        if k <= self.checkpoints.len() && byte - k * STEP < self.byte.abs_diff(byte) {
            (self.byte, self.chars) = (k * STEP, k.checked_sub(1).map_or(0, |i| self.checkpoints[i]));
        }
        if byte < self.byte {
            self.chars -= starts(&bytes[byte..self.byte]);
            self.byte = byte;
            return self.chars;
        }
        // forward, keeping the count at each multiple of STEP passed for the
        // first time (the position never lies beyond the next one to keep)
        loop {
            let next = (self.checkpoints.len() + 1) * STEP;
            if next > byte {
                break;
            }
            self.chars += starts(&bytes[self.byte..next]);
            self.byte = next;
            self.checkpoints.push(self.chars);
        }
        self.chars += starts(&bytes[self.byte..byte]);
        self.byte = byte;
        self.chars
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_walker_agrees_with_the_map() {
        let texts = ["Œuvres d’Erdoğan", "e\u{301}te\u{301} a\u{301}", "½ ﬁn… l’« empire »\u{a0}X", "abc\u{200b}def ghi\u{301}\u{327} jkl", "", "plain ascii text"];
        for original in texts {
            let key = crate::normalize::fold(original);
            let n = key.text.len();
            let expected = |a: usize, b: usize| expected_span(&key, original, a, b);
            // spans one after the other, as a tokenizer asks for them
            for len in 0..=3 {
                let mut walker = key.map.walker();
                for a in (0..=n).filter(|&a| key.text.is_char_boundary(a)) {
                    let b = (a + len).min(n);
                    if key.text.is_char_boundary(b) {
                        assert_eq!(walker.original_span(Span::new(a, b), original), expected(a, b), "{original:?} {a}..{b}");
                    }
                }
            }
        }
    }

    /// The first character boundary of `text` at or after `i` (its end at most).
    fn next_boundary(text: &str, i: usize) -> usize {
        let mut i = i.min(text.len());
        while !text.is_char_boundary(i) {
            i += 1;
        }
        i
    }

    /// What the map says of the span `a..b` of the key: from the start of the
    /// unit of its first byte to the end of the unit of its last.
    fn expected_span(key: &crate::normalize::Normalized, original: &str, a: usize, b: usize) -> Span {
        let start = key.map.start_of(a);
        if a == b {
            Span::new(start, start)
        } else {
            Span::new(start, unit_end(original, key.map.start_of(b - 1)).max(start))
        }
    }

    proptest::proptest! {
        /// Spans as a tokenizer asks for them (increasing, with gaps), over
        /// texts full of what folding changes: the walker's answer is the map's.
        #[test]
        fn the_walker_agrees_with_the_map_on_any_text(
            original in "[a-zA-Z éèàçôÉœŒ’½ﬁ…\u{301}\u{327}\u{200b}.,-]{0,48}",
            steps in proptest::collection::vec((0usize..4, 0usize..12), 1..24),
        ) {
            let key = crate::normalize::fold(&original);
            let mut walker = key.map.walker();
            let mut at = 0;
            for (gap, len) in steps {
                let a = next_boundary(&key.text, at + gap);
                let b = next_boundary(&key.text, a + len);
                proptest::prop_assert_eq!(walker.original_span(Span::new(a, b), &original), expected_span(&key, &original, a, b), "{:?} {}..{}", original, a, b);
                at = b;
            }
        }
    }

    proptest::proptest! {
        /// Spans in any order, far apart or going back, over a text of many
        /// pieces (as recognisers ask for the spans of their entities): the
        /// walker's answer is the map's.
        #[test]
        fn the_walker_agrees_with_the_map_in_any_order(
            original in "[a-zA-Z éèàçôÉœŒ’½ﬁ…\u{301}\u{200b}.,-]{0,400}",
            spans in proptest::collection::vec((0usize..1000, 0usize..12), 1..32),
        ) {
            let key = crate::normalize::fold(&original);
            let mut walker = key.map.walker();
            for (at, len) in spans {
                let a = next_boundary(&key.text, at);
                let b = next_boundary(&key.text, a + len);
                proptest::prop_assert_eq!(walker.original_span(Span::new(a, b), &original), expected_span(&key, &original, a, b), "{:?} {}..{}", original, a, b);
            }
        }
    }

    #[test]
    fn char_offsets_count_code_points_either_way() {
        let text = "Réunion à Moscou — 𝔸 et Ωmega, «ok» naïve";
        let mut chars = CharOffsets::new(text);
        let mut ends: Vec<usize> = text.char_indices().map(|(i, _)| i).chain([text.len()]).collect();
        for (n, &b) in ends.iter().enumerate() {
            assert_eq!(chars.char_offset(b), n);
        }
        ends.reverse();
        for &b in &ends {
            assert_eq!(chars.char_offset(b), text[..b].chars().count());
        }
    }

    proptest::proptest! {
        /// Offsets in any order over a text of several checkpoints, on
        /// character boundaries or not: the count of bytes that begin a
        /// character before each.
        #[test]
        fn char_offsets_agree_with_a_count_anywhere(
            unit in "[a-zé𝔸—]{1,6}",
            copies in 20_000usize..60_000,
            offsets in proptest::collection::vec(0.0f64..1.1, 1..40),
        ) {
            let text = unit.repeat(copies);
            let mut chars = CharOffsets::new(&text);
            for f in offsets {
                let byte = ((text.len() as f64 * f) as usize).min(text.len());
                let expected = text.as_bytes()[..byte].iter().filter(|&&b| (b as i8) >= -64).count();
                proptest::prop_assert_eq!(chars.char_offset(byte), expected, "byte {}", byte);
            }
        }
    }
}
