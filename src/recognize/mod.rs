//! Recognisers, one module per entity kind, over one analysed text.
//!
//! The pipeline for each segment of a document: fold the text into its
//! matching key, cut tokens (each gets its word id and classes as it is cut,
//! and goes to the [`Candidates`] lists of the recognisers that may begin
//! there), find every gazetteer name with the word trie ([`Hit`]s), then let
//! each recogniser decide in turn, visiting its own candidates: people first
//! (they own their tokens: « François Hollande » is not the Netherlands), then
//! ranks, then organisations, countries, nationalities and places. Spans are
//! mapped back to the original text at the very end. DESIGN.md explains the
//! order.

pub(crate) mod lexicon;
pub(crate) mod location;
pub(crate) mod person;
pub(crate) mod rank;

use crate::document::Entity;
use crate::gazetteer::{Entry, Gazetteers};
use crate::normalize::{fold_with_bits, KeyBits, Normalized};
use crate::offsets::{MapWalker, Span};
use crate::tokenize::{tokenize_key_with, Tok, TokenKind};
use crate::dates::grammar as dates;

const NONE: u32 = u32::MAX;

/// A gazetteer name found at tokens `start..end`.
#[derive(Clone, Debug)]
pub(crate) struct Hit {
    pub start: usize,
    pub end: usize,
    /// The entries whose variant and capitalisation match, best first.
    pub entries: Vec<Entry>,
}

impl Hit {
    pub fn first(&self, pred: impl Fn(&Entry) -> bool) -> Option<Entry> {
        self.entries.iter().copied().find(|e| pred(e))
    }
}

/// The tokens of a segment where each recogniser may have something to do,
/// gathered as the tokens are cut, so that each recogniser visits its own
/// tokens instead of all of them. Each list is in increasing order.
#[derive(Default)]
pub(crate) struct Candidates {
    /// Where a gazetteer name may begin: tokens whose word (or first part,
    /// when hyphenated) begins a name.
    pub names: Vec<u32>,
    /// Words with a capital where a person's name may begin (see
    /// [`person::may_start_name`]).
    pub capitalised: Vec<u32>,
    /// Tokens that may introduce a place by its context (« à », « de »,
    /// « rue », « la commune », a road number).
    pub place_context: Vec<u32>,
    /// Where a date may begin: numbers, date words, « mi-… », and function
    /// words (« le », « du ») before one of these.
    pub dates: Vec<u32>,
    /// The tokens that begin a sentence.
    pub sentence_starts: Vec<u32>,
    /// Words that may belong to a meeting trigger (see `events::meetings`).
    pub meeting_words: Vec<u32>,
}

impl Candidates {
    fn clear(&mut self) {
        self.names.clear();
        self.capitalised.clear();
        self.place_context.clear();
        self.dates.clear();
        self.sentence_starts.clear();
        self.meeting_words.clear();
    }

    /// The number of sentences begun at or before token `i`, for a caller
    /// that asks at increasing `i`: `cursor` keeps its place.
    pub fn sentences_up_to(&self, i: usize, cursor: &mut usize) -> usize {
        while self.sentence_starts.get(*cursor).is_some_and(|&s| s as usize <= i) {
            *cursor += 1;
        }
        *cursor
    }
}

/// Buffers reused from one segment to the next.
#[derive(Default)]
pub(crate) struct Scratch {
    key: Normalized,
    /// Which bytes of the key come from a capital, which are letters or digits (see `fold_with_bits`).
    key_bits: KeyBits,
    tokens: Vec<Tok>,
    hits: Vec<Hit>,
    hit_starting: Vec<u32>,
    hit_ending: Vec<u32>,
    taken: Vec<bool>,
    candidates: Candidates,
    word_cache: crate::gazetteer::trie::WordCache,
    first_names: crate::gazetteer::trie::FirstNameCache,
}

impl Scratch {
    /// Gives back memory after a large document, keeping what a usual one needs.
    pub(crate) fn shrink(&mut self) {
        const KEEP: usize = 256 * 1024;
        if self.key.text.capacity() > KEEP {
            self.key = Normalized::default();
            self.key_bits = KeyBits::default();
        }
        if self.tokens.capacity() > KEEP / 8 {
            self.tokens = Vec::new();
            self.taken = Vec::new();
            self.hits = Vec::new();
            self.hit_starting = Vec::new();
            self.hit_ending = Vec::new();
            self.candidates = Candidates::default();
        }
    }
}

/// One segment of text under analysis.
pub(crate) struct Segment<'a> {
    pub g: &'a Gazetteers,
    /// The original text of the segment.
    pub text: &'a str,
    pub key: &'a str,
    /// Reads the key's offset map for the original spans of tokens, which
    /// are asked for in nearly increasing order (see [`Segment::span`]).
    map: std::cell::RefCell<MapWalker<'a>>,
    /// The tokens, each with its word id and classes (see [`lexicon`]).
    pub tokens: &'a [Tok],
    pub hits: &'a [Hit],
    hit_starting: &'a [u32],
    hit_ending: &'a [u32],
    /// Tokens already given to an entity.
    pub taken: &'a mut [bool],
    /// Where each recogniser should look.
    pub candidates: &'a Candidates,
    first_names: &'a crate::gazetteer::trie::FirstNameCache,
    /// Byte offset of the segment in the document.
    pub offset: usize,
}

impl<'a> Segment<'a> {
    /// The folded text of token `i`.
    pub fn word(&self, i: usize) -> &'a str {
        self.tokens.get(i).map_or("", |t| &self.key[t.key()])
    }

    /// The original text of tokens `start..end`.
    pub fn original(&self, start: usize, end: usize) -> &'a str {
        self.span(start, end).map_or("", |s| self.text.get(s.range()).unwrap_or(""))
    }

    /// The original span of tokens `start..end`: from the key's offset map,
    /// for the few tokens whose span is needed (an entity's, a context word's).
    pub fn span(&self, start: usize, end: usize) -> Option<Span> {
        let first = self.tokens.get(start)?;
        let last = self.tokens.get(end.checked_sub(1)?)?;
        let mut map = self.map.borrow_mut();
        if last.key().end <= first.key().start {
            // tokens out of order: the first's start and the last's end, as asked
            let (from, to) = (map.original_span(first.key().into(), self.text), map.original_span(last.key().into(), self.text));
            return Some(Span::new(from.start, to.end));
        }
        Some(map.original_span(Span::new(first.key().start, last.key().end), self.text))
    }

    /// The span of tokens `start..end` in the whole document.
    pub fn doc_span(&self, start: usize, end: usize) -> Span {
        self.span(start, end).map_or(Span::new(self.offset, self.offset), |s| s.shift(self.offset))
    }

    pub fn hit_starting_at(&self, i: usize) -> Option<&'a Hit> {
        let h = *self.hit_starting.get(i)?;
        (h != NONE).then(|| &self.hits[h as usize])
    }

    pub fn hit_ending_at(&self, i: usize) -> Option<&'a Hit> {
        let h = *self.hit_ending.get(i)?;
        (h != NONE).then(|| &self.hits[h as usize])
    }

    /// Whether token `i` belongs to one of `classes` (see [`lexicon`]).
    #[inline]
    pub fn has(&self, i: usize, classes: lexicon::Classes) -> bool {
        self.tokens.get(i).is_some_and(|t| t.classes & classes != 0)
    }

    /// Whether token `i` is a first name.
    pub fn is_first_name(&self, i: usize) -> bool {
        self.tokens.get(i).is_some_and(|t| t.cap()) && self.g.trie.is_first_name_cached(self.word(i), self.first_names)
    }

    pub fn is_punct(&self, i: usize, p: &str) -> bool {
        self.tokens.get(i).is_some_and(|t| t.kind == TokenKind::Punct) && self.word(i) == p
    }

    pub fn free(&self, start: usize, end: usize) -> bool {
        self.taken.get(start..end).is_some_and(|t| t.iter().all(|x| !x))
    }

    pub fn take(&mut self, start: usize, end: usize) {
        if let Some(t) = self.taken.get_mut(start..end) {
            t.iter_mut().for_each(|x| *x = true);
        }
    }
}

/// What survives from one segment to the next within a document.
#[derive(Default)]
pub(crate) struct DocState {
    /// Capitalised runs that no recogniser claimed, as spans of the document.
    pub unclaimed: Vec<Span>,
    /// Date mentions, to resolve once the whole document is read.
    pub dates: Vec<crate::dates::Mention>,
    /// Byte offsets of the words that may belong to a meeting trigger.
    pub meeting_hints: Vec<usize>,
    /// Sentences and lines in the segments already read.
    pub sentences: usize,
    pub lines: usize,
}

/// Recognises the entities of `text` (one segment starting at byte `offset`
/// of the document), appending them to `out`.
pub(crate) fn recognize_segment(g: &Gazetteers, text: &str, offset: usize, scratch: &mut Scratch, state: &mut DocState, out: &mut Vec<Entity>) {
    let Scratch { key, key_bits, tokens, hits, hit_starting, hit_ending, taken, candidates, word_cache, first_names } = scratch;
    fold_with_bits(text, key, key_bits);
    scan(g, text, key, key_bits, tokens, candidates, word_cache);
    find_hits(g, text, key, tokens, &candidates.names, hits, hit_starting, hit_ending);
    taken.clear();
    taken.resize(tokens.len(), false);
    let map = std::cell::RefCell::new(key.map.walker());
    let mut seg = Segment { g, text, key: &key.text, map, tokens, hits, hit_starting, hit_ending, taken, candidates, first_names, offset };
    for &i in &candidates.meeting_words {
        state.meeting_hints.push(seg.doc_span(i as usize, i as usize + 1).start);
    }
    let first = out.len();
    person::recognize(&mut seg, state, out);
    rank::recognize(&mut seg, out);
    location::recognize(&mut seg, out);
    location::recognize_by_context(&mut seg, out);
    let dates_before = state.dates.len();
    crate::dates::grammar::recognize(&mut seg, state);
    // dates take their place now and their value once the whole document is
    // read (see `Extractor::analyse`)
    for m in &state.dates[dates_before..] {
        out.push(Entity { kind: crate::document::Kind::Date, span: m.span, norm: crate::document::Norm::Relative, rule: m.rule });
    }
    // in order while they are in the CPU's cache: the document's entities
    // are then in order but for the few that resolving names adds
    crate::document::sort_by_span(&mut out[first..]);
}

/// Cuts the tokens of a segment from its folded `key`, each given its word
/// id and classes as it is cut (while its bytes are in the CPU's cache),
/// then gathers the candidates of each recogniser and the meeting words in
/// a second loop over the tokens, which passes over most words after a look
/// at their classes and flags. Two loops, each with fewer values to keep at
/// hand than one that did both (that one kept a dozen on the stack).
/// Kept out of line: the hot loops of the whole extraction, their code is
/// then the same whatever the recognisers around them become.
#[inline(never)]
#[allow(clippy::too_many_arguments)]
fn scan(g: &Gazetteers, text: &str, key: &Normalized, key_bits: &KeyBits, tokens: &mut Vec<Tok>, candidates: &mut Candidates, word_cache: &mut crate::gazetteer::trie::WordCache) {
    candidates.clear();
    tokenize_key_with(text, key, key_bits, tokens, |word| g.trie.word_at(&key.text, word, word_cache));
    // What a word begins may depend on the next token: a look at it settles
    // it there, so that no word waits for the next one to decide, and the
    // tokens that begin nothing are passed over with no state to keep.
    for (i, t) in tokens.iter().enumerate() {
        let classes = t.classes;
        let word = &key.text.as_bytes()[t.key()];
        // Most tokens: a sign, or a word with no capital and no hyphen, of
        // none of the classes that matter without a capital. They begin
        // nothing, unless one reads like a road number. A name begins at a
        // word without a capital only where the word says so (`NAME_LOWER`).
        const READ_BELOW: lexicon::Classes = lexicon::NAME_LOWER
            | lexicon::PLACE_CONTEXT
            | lexicon::STREET
            | lexicon::PLACE_NOUN
            | lexicon::DATE_START
            | lexicon::DATE_FUNCTION
            | lexicon::MEETING;
        if classes & READ_BELOW == 0 && t.plain() && !location::is_road_number(word) {
            if t.sentence_start() {
                candidates.sentence_starts.push(i as u32);
            }
            continue;
        }
        let next = tokens.get(i + 1);
        let i = i as u32;
        if t.sentence_start() {
            candidates.sentence_starts.push(i);
        }
        // a hyphenated word begins a name when its first part does (« Saint-Denis »);
        // without a capital, only one of the names that may begin so
        let first_classes = if t.hyphenated() {
            let first_part = word.iter().position(|&b| b == b'-').unwrap_or(word.len());
            g.trie.word_at(&key.text, t.key().start..t.key().start + first_part, word_cache).1
        } else {
            classes
        };
        // `&` and `|`, not `&&` and `||`: all three are at hand, and a branch on
        // each was mispredicted for one word in four
        let begins_name = (first_classes & lexicon::NAME_START != 0) & (t.cap() | (first_classes & lexicon::NAME_LOWER != 0));
        // a word that begins only names of several words begins one only
        // before a word that follows another in some name (« de Gaulle »,
        // not « de faire »)
        if begins_name && (t.hyphenated() || classes & lexicon::NAME_ALONE != 0 || next.is_some_and(|n| n.hyphenated() || n.classes & lexicon::NAME_NEXT != 0)) {
            candidates.names.push(i);
        }
        if t.cap() && t.kind == TokenKind::Word && person::may_start_name(key.text.get(t.key()).unwrap_or(""), classes) {
            candidates.capitalised.push(i);
        }
        if classes & (lexicon::PLACE_CONTEXT | lexicon::STREET | lexicon::PLACE_NOUN) != 0 || location::is_road_number(word) {
            candidates.place_context.push(i);
        }
        let may_start_date = dates::may_start_date(t);
        let begins_date = if classes & lexicon::DATE_FUNCTION != 0 {
            // a function word (« le », « de ») only before a date word or a number
            next.is_some_and(dates::may_start_date)
        } else if may_start_date && dates::waits_for_next(word) {
            // « un », « une », « il » only before a few words
            // (the key is a `str` cut at character boundaries: slicing it
            // costs less than checking the word's bytes again)
            next.is_some_and(|n| dates::next_lets_begin(word, key.text.get(n.key()).unwrap_or(""), dates::may_start_date(n)))
        } else {
            may_start_date || (t.hyphenated() && word.starts_with(b"mi-"))
        };
        if begins_date {
            candidates.dates.push(i);
        }
        if classes & lexicon::MEETING != 0 {
            candidates.meeting_words.push(i);
        }
    }
}

/// Finds every gazetteer name, on token boundaries, whose capitals match.
#[allow(clippy::too_many_arguments)]
fn find_hits(g: &Gazetteers, text: &str, key: &Normalized, tokens: &[Tok], starts: &[u32], hits: &mut Vec<Hit>, starting: &mut Vec<u32>, ending: &mut Vec<u32>) {
    // The tables hold NONE but where the last segment's hits were: those
    // are reset, rather than every entry cleared for every segment.
    for h in hits.iter() {
        if let Some(slot) = starting.get_mut(h.start) {
            *slot = NONE;
        }
        if let Some(slot) = h.end.checked_sub(1).and_then(|last| ending.get_mut(last)) {
            *slot = NONE;
        }
    }
    hits.clear();
    if starting.len() < tokens.len() {
        starting.resize(tokens.len(), NONE);
        ending.resize(tokens.len(), NONE);
    }
    // the names are found in text order: one walk through the offset map
    let mut map = key.map.walker();
    g.trie.find(&key.text, tokens, starts, |start, end, pattern| {
        let original = text.get(map.original_span(Span::new(tokens[start].key().start, tokens[end - 1].key().end), text).range()).unwrap_or("");
        let entries: Vec<Entry> = g.patterns[pattern as usize].iter().filter(|(_, rule)| rule.accepts(original)).map(|(e, _)| *e).collect();
        if entries.is_empty() {
            return false;
        }
        let idx = hits.len() as u32;
        starting[start] = idx;
        ending[end - 1] = idx;
        hits.push(Hit { start, end, entries: prioritised(g, entries) });
        true
    });
}

/// Orders a name's entries: people, organisations, countries, places (the most
/// populous first), ranks, roles, nationalities.
fn prioritised(g: &Gazetteers, mut entries: Vec<Entry>) -> Vec<Entry> {
    entries.sort_by_key(|e| match e {
        Entry::Person(_) => (0, 0),
        Entry::Organization(_) => (1, 0),
        Entry::Country(_) => (2, 0),
        // « Washington » the capital before the state, « Valence » the French city before the Spanish one
        Entry::Place(p) => (3, u64::MAX - g.places[*p as usize].population),
        Entry::Rank(_) => (4, 0),
        Entry::Role(_) => (5, 0),
        Entry::Nationality(_) => (6, 0),
    });
    entries
}
