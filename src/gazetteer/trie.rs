//! A trie over words: finds gazetteer names token by token.
//!
//! Names and texts are cut by the same tokenizer, and hyphenated words are
//! split into their parts, so a name matches only whole tokens and « Tel
//! Aviv » finds « Tel-Aviv » (and « Saint-Pétersbourg » « Saint Pétersbourg »)
//! without a second spelling in the tables. A match starts at the first part
//! of a token and ends at the last part of a token; among the names starting
//! at one token the longest wins, and the search goes on after it
//! (leftmost-longest, like a phrase matcher).
//!
//! Words are interned once: the text's words are looked up in the vocabulary
//! with one hash each, then the trie is walked on integer ids.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use crate::recognize::lexicon::Classes;
use crate::tokenize::Tok;

/// A small, fast hasher for short keys (words and integer pairs); the keys
/// come from our own tables and from text, where hash flooding is no threat
/// to a local, in-process matcher.
#[derive(Default, Clone, Copy)]
pub(crate) struct FxHasher {
    hash: u64,
}

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl Hasher for FxHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let v = u64::from_le_bytes(c.try_into().expect("chunks_exact gives 8 bytes"));
            self.hash = (self.hash.rotate_left(5) ^ v).wrapping_mul(SEED);
        }
        for &b in chunks.remainder() {
            self.hash = (self.hash.rotate_left(5) ^ u64::from(b)).wrapping_mul(SEED);
        }
    }

    #[inline]
    fn write_u64(&mut self, v: u64) {
        self.hash = (self.hash.rotate_left(5) ^ v).wrapping_mul(SEED);
    }

    #[inline]
    fn write_u8(&mut self, v: u8) {
        self.write_u64(u64::from(v));
    }

    #[inline]
    fn write_u128(&mut self, v: u128) {
        self.write_u64(v as u64);
        self.write_u64((v >> 64) as u64);
    }

    #[inline]
    fn finish(&self) -> u64 {
        self.hash
    }
}

pub(crate) type FxBuild = BuildHasherDefault<FxHasher>;
pub(crate) type FxMap<K, V> = HashMap<K, V, FxBuild>;
pub(crate) type FxSet<K> = std::collections::HashSet<K, FxBuild>;

pub(crate) const NONE: u32 = u32::MAX;

/// The parts of a token: its hyphen-separated pieces, as key spans.
pub(crate) fn parts<'k>(key: &'k str, token: &Tok) -> impl Iterator<Item = &'k str> {
    let text = key.get(token.key()).unwrap_or("");
    let hyphenated = token.hyphenated();
    let mut split = text.split('-').filter(|p| !p.is_empty());
    let mut whole = Some(text);
    std::iter::from_fn(move || if hyphenated { split.next() } else { whole.take() })
}

/// A word of at most 16 bytes packed into an integer, so that looking it up
/// compares integers instead of following a pointer to a string. Words hold no
/// NUL byte, so the zero padding keeps distinct words distinct.
#[inline]
fn packed(word: &str) -> Option<u128> {
    let b = word.as_bytes();
    if b.is_empty() || b.len() > 16 {
        return None;
    }
    let mut bytes = [0u8; 16];
    bytes[..b.len()].copy_from_slice(b);
    Some(u128::from_le_bytes(bytes))
}

/// The place of a word of one or two ASCII bytes in [`WordTrie`]'s table of
/// short words: a word of one byte sits where it would with a NUL after it,
/// and no word holds a NUL.
#[inline]
fn short_index(word: &[u8]) -> Option<usize> {
    match *word {
        [a] if a < 0x80 => Some(usize::from(a) << 7),
        [a, b] if a < 0x80 && b < 0x80 && b != 0 => Some(usize::from(a) << 7 | usize::from(b)),
        _ => None,
    }
}

/// `WORD_MASKS[n]` keeps the first `n` bytes of a little-endian `u128`.
static WORD_MASKS: [u128; 17] = {
    let mut masks = [u128::MAX; 17];
    let mut n = 0;
    while n < 16 {
        masks[n] = (1u128 << (8 * n)) - 1;
        n += 1;
    }
    masks
};

/// The slot of a packed word in a direct-mapped cache of `slots` slots (a
/// power of two at most 2^11): the top bits of its [`word_hash`].
#[inline]
fn slot_of(k: u128, slots: usize) -> usize {
    (word_hash(k) >> 53) as usize % slots
}

/// A small cache of word ids, in front of the vocabulary. Words follow
/// Zipf's law: a few hundred cover most of a text, and they stay in this
/// cache while the vocabulary's table would keep missing the CPU's. Each set
/// holds two words in one cache line, the latest first: two frequent words
/// that hash alike no longer evict each other, for the same one line read.
#[derive(Debug, Clone)]
pub(crate) struct WordCache {
    sets: Vec<CacheSet>,
}

/// Two words, their ids and their classes (the classes come with the id,
/// where a look in the table of all the words' classes missed the CPU's
/// caches), in one 64-byte line.
#[derive(Debug, Clone, Copy)]
#[repr(align(64))]
struct CacheSet([(u128, u32, Classes); 2]);

const CACHE_SETS: usize = 1024;
const FILTER_BITS: usize = 1 << 18;

/// The hash of a packed word that the filter and the caches read: its top
/// 18 bits for the filter, the 10 below them for the word cache (and the
/// top ones for the cache of first names, see [`slot_of`]).
#[inline]
fn word_hash(k: u128) -> u64 {
    ((k as u64).wrapping_mul(SEED) ^ ((k >> 64) as u64)).wrapping_mul(SEED)
}

#[inline]
fn filter_bit(h: u64) -> usize {
    (h >> (64 - 18)) as usize
}

#[inline]
fn cache_set(h: u64) -> usize {
    (h >> (64 - 28)) as usize % CACHE_SETS
}

impl Default for WordCache {
    fn default() -> WordCache {
        // u128::MAX is no packed word: packed words end in zero bytes
        // unless they are 16 bytes of 0xFF, which is not UTF-8.
        WordCache { sets: vec![CacheSet([(u128::MAX, NONE, 0); 2]); CACHE_SETS] }
    }
}

impl WordCache {
    /// The id and classes cached for `key` (whose [`word_hash`] is `hash`),
    /// or `lookup()`'s, which the cache then keeps.
    #[inline]
    fn get_or_insert(&mut self, key: u128, hash: u64, lookup: impl FnOnce() -> (u32, Classes)) -> (u32, Classes) {
        let set = &mut self.sets[cache_set(hash)].0;
        if set[0].0 == key {
            return (set[0].1, set[0].2);
        }
        if set[1].0 != key {
            let (id, classes) = lookup();
            set[1] = (key, id, classes);
        }
        set.swap(0, 1);
        (set[0].1, set[0].2)
    }
}

/// Whether recent words are first names: the names of a text recur, and the
/// table of first names is large enough to miss the CPU's caches at each look.
#[derive(Debug, Clone)]
pub(crate) struct FirstNameCache {
    slots: Vec<std::cell::Cell<(u128, bool)>>,
}

const FIRST_NAME_SLOTS: usize = 1024;

impl Default for FirstNameCache {
    fn default() -> FirstNameCache {
        // u128::MAX is no packed word (see WordCache)
        FirstNameCache { slots: vec![std::cell::Cell::new((u128::MAX, false)); FIRST_NAME_SLOTS] }
    }
}

/// Words to values (ids, or nothing for a set of words): short words packed
/// inline, longer ones as strings.
#[derive(Debug)]
struct Vocabulary<V = u32> {
    short: FxMap<u128, V>,
    long: FxMap<Box<str>, V>,
}

impl<V> Default for Vocabulary<V> {
    fn default() -> Vocabulary<V> {
        Vocabulary { short: FxMap::default(), long: FxMap::default() }
    }
}

impl<V: Copy> Vocabulary<V> {
    #[inline]
    fn get(&self, word: &str) -> Option<V> {
        match packed(word) {
            Some(k) => self.short.get(&k).copied(),
            None => self.long.get(word).copied(),
        }
    }

    fn insert(&mut self, word: &str, value: V) {
        match packed(word) {
            Some(k) => self.short.insert(k, value),
            None => self.long.insert(word.into(), value),
        };
    }

    fn len(&self) -> usize {
        self.short.len() + self.long.len()
    }
}

/// The trie of all names.
#[derive(Debug, Default)]
pub(crate) struct WordTrie {
    vocabulary: Vocabulary,
    /// (node, word id) -> child node, while names are added; [`WordTrie::freeze`]
    /// turns it into the arrays below.
    edges: FxMap<u64, u32>,
    /// For each word id, the node a name beginning with it reaches, or NONE:
    /// the root's children, looked up at nearly every token, cost one load.
    root: Vec<u32>,
    /// The children of node `n` (other than the root) are
    /// `child_words[child_start[n]..child_start[n + 1]]`, sorted, with their
    /// nodes in `child_nodes` at the same places: a node's children lie
    /// together in memory, where a hash table would scatter them.
    child_start: Vec<u32>,
    child_words: Vec<u32>,
    child_nodes: Vec<u32>,
    /// For each node, the pattern that ends there, or NONE.
    terminal: Vec<u32>,
    /// One bit per hash of every short word of the vocabulary: most words of
    /// a text are in no name and no class, and this small table (in the CPU's
    /// cache) says so without a look in the vocabulary.
    filter: Vec<u64>,
    /// For each word id, its word classes (see `recognize::lexicon`).
    classes: Vec<Classes>,
    /// The ids of the words of two ASCII bytes or fewer (« de », « la »,
    /// « , »), indexed by their bytes (see [`short_index`]): a good part of
    /// the tokens of a French text, looked up with one load from a table
    /// whose few busy lines stay in the CPU's cache.
    short_words: Vec<(u32, Classes)>,
    /// First names, apart from the vocabulary: only capitalised words are
    /// looked up there, and the vocabulary that every word is looked up in
    /// stays small enough for the cache. A set of packed words takes half
    /// the memory a map to their frequencies took (the CPU's caches miss it
    /// less often), and only whether a word is a first name is ever asked.
    first_names: Vocabulary<()>,
}

impl WordTrie {
    pub fn new() -> WordTrie {
        WordTrie {
            vocabulary: Vocabulary::default(),
            edges: FxMap::default(),
            root: Vec::new(),
            child_start: Vec::new(),
            child_words: Vec::new(),
            child_nodes: Vec::new(),
            terminal: vec![NONE],
            filter: vec![0; FILTER_BITS / 64],
            classes: Vec::new(),
            short_words: Vec::new(),
            first_names: Vocabulary::default(),
        }
    }

    /// The id of `word`, added to the vocabulary if it is new.
    pub fn intern(&mut self, word: &str) -> u32 {
        if let Some(id) = self.vocabulary.get(word) {
            return id;
        }
        let id = self.vocabulary.len() as u32;
        self.vocabulary.insert(word, id);
        if let Some(k) = packed(word) {
            let bit = filter_bit(word_hash(k));
            self.filter[bit / 64] |= 1 << (bit % 64);
        }
        self.root.push(NONE);
        self.classes.push(0);
        id
    }

    /// Puts `word` in `classes`.
    pub fn add_classes(&mut self, word: &str, classes: Classes) {
        let id = self.intern(word) as usize;
        self.classes[id] |= classes;
    }

    /// Makes room for `n` more first names (a table of tens of thousands
    /// would otherwise be rehashed a dozen times as it grows).
    pub fn reserve_first_names(&mut self, n: usize) {
        self.first_names.short.reserve(n);
    }

    /// Records `word` as a first name.
    pub fn add_first_name(&mut self, word: &str) {
        self.first_names.insert(word, ());
    }

    /// The classes of word `id` (none for NONE).
    #[inline]
    pub fn classes(&self, id: u32) -> Classes {
        self.classes.get(id as usize).copied().unwrap_or(0)
    }

    /// Adds a name given as its sequence of words; returns the node it ends at.
    /// Names are added before [`WordTrie::freeze`].
    pub fn insert<'w>(&mut self, words: impl Iterator<Item = &'w str>) -> Option<usize> {
        let mut node = 0u32;
        let mut any = false;
        for w in words {
            any = true;
            let id = self.intern(w);
            let next_node = self.terminal.len() as u32;
            node = if node == 0 {
                let child = &mut self.root[id as usize];
                if *child == NONE {
                    *child = next_node;
                }
                *child
            } else {
                *self.edges.entry((u64::from(node) << 32) | u64::from(id)).or_insert(next_node)
            };
            if node == next_node {
                self.terminal.push(NONE);
            }
        }
        any.then_some(node as usize)
    }

    /// Lays the children of every node out together, sorted, once all names
    /// are in; later lookups no longer touch the hash table.
    pub fn freeze(&mut self) {
        let mut edges: Vec<(u32, u32, u32)> = self.edges.drain().map(|(edge, child)| ((edge >> 32) as u32, edge as u32, child)).collect();
        edges.sort_unstable();
        let nodes = self.terminal.len();
        self.child_start = Vec::with_capacity(nodes + 1);
        self.child_words = Vec::with_capacity(edges.len());
        self.child_nodes = Vec::with_capacity(edges.len());
        let mut next = edges.iter().peekable();
        for node in 0..nodes as u32 {
            self.child_start.push(self.child_words.len() as u32);
            while let Some(&(_, word, child)) = next.next_if(|e| e.0 == node) {
                self.child_words.push(word);
                self.child_nodes.push(child);
            }
        }
        self.child_start.push(self.child_words.len() as u32);
        self.edges = FxMap::default();
        use crate::recognize::lexicon::{NAME_ALONE, NAME_NEXT, NAME_START};
        for (id, &child) in self.root.iter().enumerate() {
            if child != NONE {
                self.classes[id] |= NAME_START;
                if self.terminal[child as usize] != NONE {
                    self.classes[id] |= NAME_ALONE;
                }
            }
        }
        for &word in &self.child_words {
            self.classes[word as usize] |= NAME_NEXT;
        }
        self.short_words = vec![(NONE, 0); 1 << 14];
        for (&k, &id) in &self.vocabulary.short {
            let bytes = k.to_le_bytes();
            let len = bytes.iter().position(|&b| b == 0).unwrap_or(16);
            if let Some(slot) = short_index(&bytes[..len]) {
                self.short_words[slot] = (id, self.classes(id));
            }
        }
    }

    /// The pattern ending at `node`, if any.
    pub fn terminal(&self, node: usize) -> Option<u32> {
        self.terminal.get(node).copied().filter(|&p| p != NONE)
    }

    pub fn set_terminal(&mut self, node: usize, pattern: u32) {
        self.terminal[node] = pattern;
    }

    #[inline]
    fn may_contain(&self, hash: u64) -> bool {
        let bit = filter_bit(hash);
        self.filter[bit / 64] & (1 << (bit % 64)) != 0
    }

    /// The id of a packed short word, or NONE. The filter, the smaller table,
    /// answers first for the many words that are not there; the cache then
    /// saves the vocabulary's look-up for the frequent ones that are.
    #[inline(always)]
    fn cached_short_word(&self, k: u128, cache: &mut WordCache) -> (u32, Classes) {
        let hash = word_hash(k);
        if !self.may_contain(hash) {
            return (NONE, 0);
        }
        cache.get_or_insert(k, hash, || self.vocabulary_word(k))
    }

    /// The vocabulary's id of a packed short word, and its classes (the
    /// cache's slow path).
    #[inline(never)]
    fn vocabulary_word(&self, k: u128) -> (u32, Classes) {
        let id = self.vocabulary.short.get(&k).copied().unwrap_or(NONE);
        (id, self.classes(id))
    }

    /// The id of a word, if the vocabulary has it.
    #[inline]
    pub fn word_id(&self, word: &str) -> Option<u32> {
        self.vocabulary.get(word)
    }

    /// The word id of the token at `range` of the folded `key` (NONE for a
    /// word the vocabulary lacks) and its classes (see [`WordTrie::classes`]),
    /// which the table of short words and the cache keep beside the ids: a
    /// look in the table of every word's classes missed the CPU's caches.
    /// `cache` remembers recent words (see [`WordCache`]).
    #[inline(always)]
    pub fn word_at(&self, key: &str, range: std::ops::Range<usize>, cache: &mut WordCache) -> (u32, Classes) {
        let bytes = key.as_bytes();
        let (start, len) = (range.start, range.len());
        if let Some(slot) = bytes.get(range.clone()).and_then(short_index) {
            return self.short_words.get(slot).copied().unwrap_or((NONE, 0));
        }
        // Fast path: load 16 bytes at once and keep the word's.
        if (1..=16).contains(&len) && start + 16 <= bytes.len() {
            let raw = u128::from_le_bytes(bytes[start..start + 16].try_into().expect("a 16-byte slice"));
            return self.cached_short_word(raw & WORD_MASKS[len], cache);
        }
        let Some(word) = key.get(range) else { return (NONE, 0) };
        match packed(word) {
            Some(k) => self.cached_short_word(k, cache),
            None => {
                let id = self.vocabulary.long.get(word).copied().unwrap_or(NONE);
                (id, self.classes(id))
            }
        }
    }

    /// [`WordTrie::is_first_name`], remembered in `cache` for short words.
    pub fn is_first_name_cached(&self, word: &str, cache: &FirstNameCache) -> bool {
        let Some(k) = packed(word) else { return self.is_first_name(word) };
        let slot = &cache.slots[slot_of(k, FIRST_NAME_SLOTS)];
        match slot.get() {
            (key, answer) if key == k => answer,
            _ => {
                let answer = self.is_first_name(word);
                slot.set((k, answer));
                answer
            }
        }
    }

    /// Whether `word` is a first name: known as one, or every part of a
    /// hyphenated word is one (« Jean-Yves »).
    pub fn is_first_name(&self, word: &str) -> bool {
        if self.first_names.get(word).is_some() {
            return true;
        }
        word.contains('-') && word.split('-').all(|p| self.first_names.get(p).is_some())
    }

    #[inline]
    fn child(&self, node: u32, word: u32) -> Option<u32> {
        if node == 0 {
            return self.root.get(word as usize).copied().filter(|&c| c != NONE);
        }
        let from = *self.child_start.get(node as usize)? as usize;
        let to = *self.child_start.get(node as usize + 1)? as usize;
        let words = self.child_words.get(from..to)?;
        let at = if words.len() <= 8 { words.iter().position(|&w| w == word)? } else { words.binary_search(&word).ok()? };
        self.child_nodes.get(from + at).copied()
    }

    /// Finds names in `tokens` (cut from `key`): calls `found(first token,
    /// end token exclusive, pattern)` for each leftmost-longest match that
    /// `accept` agrees with, trying shorter names when it does not.
    /// The tokens carry their word ids (see [`WordTrie::word_at`]);
    /// `starts`, in increasing order, the tokens where a name may begin:
    /// those whose word, or first part when hyphenated, begins a name.
    pub fn find(&self, key: &str, tokens: &[Tok], starts: &[u32], mut accept: impl FnMut(usize, usize, u32) -> bool) {
        let n = tokens.len();
        let mut candidates: Vec<(usize, u32)> = Vec::new();
        // the first token a match may begin at: after the last match
        let mut free = 0;
        for &t in starts {
            let t = t as usize;
            if t < free || t >= n {
                continue;
            }
            let first = if tokens[t].hyphenated() { parts(key, &tokens[t]).next().and_then(|p| self.word_id(p)).unwrap_or(NONE) } else { tokens[t].id };
            if first == NONE || self.child(0, first).is_none() {
                continue;
            }
            // Walk the trie from token t, part by part; a name may end only
            // where a token ends.
            candidates.clear();
            let mut node = 0u32;
            'walk: for (u, token) in tokens.iter().enumerate().skip(t) {
                if token.hyphenated() {
                    let mut pieces = parts(key, token).peekable();
                    while let Some(p) = pieces.next() {
                        let Some(next) = self.word_id(p).and_then(|id| self.child(node, id)) else { break 'walk };
                        node = next;
                        if pieces.peek().is_none() {
                            if let Some(pattern) = self.terminal(node as usize) {
                                candidates.push((u, pattern));
                            }
                        }
                    }
                } else {
                    let id = token.id;
                    let Some(next) = (id != NONE).then(|| self.child(node, id)).flatten() else { break };
                    node = next;
                    if let Some(pattern) = self.terminal(node as usize) {
                        candidates.push((u, pattern));
                    }
                }
            }
            if let Some(&(u, _)) = candidates.iter().rev().find(|&&(u, pattern)| accept(t, u + 1, pattern)) {
                free = u + 1;
            }
        }
    }
}
