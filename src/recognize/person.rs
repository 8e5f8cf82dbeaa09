//! People: names the gazetteer knows, and unknown names told by context.
//!
//! A *run* is a sequence of capitalised words in one sentence, with the
//! particles of names inside it (de, van, von, der, al-, ben, bin, Le…) and
//! initials (« George W. Bush »). A run is a person when
//!
//! 1. the people gazetteer knows it (« Poutine », « Recep Tayyip Erdogan »),
//!    extended over first names before it (« Vladimir Poutine »);
//! 2. it has two words or more and starts with a known first name
//!    (« Friedrich Schiller »);
//! 3. a title, rank, role or profession comes right before it (« le général
//!    Hulusi Akar », « le président turc Recep Tayyip Erdogan », « M. Dupont »),
//!    or an age right after it (« Jean Dupont, 45 ans »);
//! 4. later in the document, it is the surname of a person already named
//!    (« Dunford » after « Joseph Dunford »): see [`resolve_document`].
//!
//! Spans exclude titles and ranks. Rank, role and country come from context
//! (« chef d'état-major américain », « son homologue russe ») or the gazetteer.

use std::sync::Arc;

use super::lexicon::{self, DETERMINER, PARTICLE, PROFESSION, STOPWORD, TITLE};
use super::{DocState, Segment};
use crate::document::{Entity, Kind, Norm};
use crate::gazetteer::trie::{FxMap, FxSet};
use crate::gazetteer::Entry;
use crate::offsets::Span;
use crate::tokenize::TokenKind;

/// What the words around a name say about the person.
#[derive(Default)]
struct Context {
    trigger: bool,
    rank: Option<(usize, usize, u32)>,
    role: Option<Arc<str>>,
    country: Option<Arc<str>>,
    homologue: bool,
}

/// The person found last in each sentence, for « son homologue ».
#[derive(Default, Clone)]
struct LastPerson {
    sentence: usize,
    role: Option<Arc<str>>,
}

pub(crate) fn recognize(seg: &mut Segment<'_>, state: &mut DocState, out: &mut Vec<Entity>) {
    let candidates = seg.candidates;
    let mut last = LastPerson::default();
    let mut sentences = 0;
    // a name begins at a capital, after the last run read
    let mut next = 0;
    for &i in &candidates.capitalised {
        let i = i as usize;
        if i < next || !starts_name(seg, i) {
            continue;
        }
        let sentence = candidates.sentences_up_to(i, &mut sentences);
        let end = run_end(seg, i);
        classify(seg, i, end, sentence, &mut last, state, out);
        next = end.max(i + 1);
    }
}

/// Whether a word with a capital, of folded form `word` and of `classes`,
/// may pass [`starts_name`], from what the scan knows of it alone: what
/// [`is_name_word`], [`is_initial`] and [`is_leading_particle`] ask of the
/// word itself. The recogniser then visits only these, not « Il » or « Mais »
/// at the start of every sentence.
pub(crate) fn may_start_name(word: &str, classes: lexicon::Classes) -> bool {
    name_word_form(word, classes) || classes & PARTICLE != 0 || initial_form(word)
}

/// What [`is_name_word`] asks of the word itself: no stop word, two letters
/// or more.
fn name_word_form(word: &str, classes: lexicon::Classes) -> bool {
    classes & STOPWORD == 0 && word.len() >= 2
}

/// What [`is_initial`] asks of the word itself: one letter (even a folded
/// ligature), not « M » of « M. Dupont ».
fn initial_form(word: &str) -> bool {
    word.len() <= 4 && crate::tokenize::is_one_char(word) && word != "m"
}

/// Whether token `i` can begin a name.
fn starts_name(seg: &Segment<'_>, i: usize) -> bool {
    // all three need a capital: most tokens stop here
    seg.tokens.get(i).is_some_and(|t| t.cap()) && (is_name_word(seg, i) || is_initial(seg, i) || is_leading_particle(seg, i))
}

/// « Le Drian », « De Gendt », « Van Rompuy »: a capitalised particle that
/// begins a surname, inside a sentence or known to the gazetteer.
fn is_leading_particle(seg: &Segment<'_>, i: usize) -> bool {
    let Some(t) = seg.tokens.get(i) else { return false };
    if !t.cap() || !seg.has(i, PARTICLE) || seg.taken.get(i).copied().unwrap_or(true) {
        return false;
    }
    let known = seg.hit_starting_at(i).is_some_and(|h| h.entries.iter().any(|e| matches!(e, Entry::Person(_))));
    known || (!t.sentence_start() && is_name_word(seg, i + 1) && !seg.tokens[i + 1].sentence_start())
}

fn is_name_word(seg: &Segment<'_>, i: usize) -> bool {
    let Some(t) = seg.tokens.get(i) else { return false };
    if t.kind != TokenKind::Word || !t.cap() || seg.taken.get(i).copied().unwrap_or(true) {
        return false;
    }
    if !name_word_form(seg.word(i), t.classes) {
        return false;
    }
    if t.upper() && shouting(seg, i) {
        return false;
    }
    // A title word (a rank, role or nationality, not also a name) is context, not a name.
    if let Some(h) = seg.hit_starting_at(i) {
        if h.entries.iter().all(|e| matches!(e, Entry::Rank(_) | Entry::Role(_) | Entry::Nationality(_))) {
            return false;
        }
    }
    true
}

/// A headline or a text in capitals: the neighbours are capitals too.
fn shouting(seg: &Segment<'_>, i: usize) -> bool {
    let upper = |j: usize| seg.tokens.get(j).is_some_and(|t| t.kind == TokenKind::Word && t.upper());
    (i > 0 && upper(i - 1)) || upper(i + 1)
}

/// « J. », « W. »: one capital letter and a full stop glued to it.
fn is_initial(seg: &Segment<'_>, i: usize) -> bool {
    let Some(t) = seg.tokens.get(i) else { return false };
    t.kind == TokenKind::Word
        && t.cap()
        && initial_form(seg.word(i))
        && seg.is_punct(i + 1, ".")
        && !seg.tokens[i + 1].space_before()
        && is_name_word(seg, i + 2)
        && !seg.tokens[i + 2].sentence_start()
}

/// The end (exclusive) of the run of name words that starts at `start`.
fn run_end(seg: &Segment<'_>, start: usize) -> usize {
    let n = seg.tokens.len();
    let mut j = start;
    let mut end = start;
    while j < n {
        if j > start && seg.tokens[j].sentence_start() {
            break;
        }
        if is_initial(seg, j) {
            j += 2;
            continue;
        }
        if j == start && is_leading_particle(seg, j) {
            j += 1;
            continue;
        }
        if is_name_word(seg, j) {
            j += 1;
            end = j;
            continue;
        }
        if j > start && seg.has(j, PARTICLE) && !seg.taken[j] {
            let mut k = j;
            while k < n && seg.has(k, PARTICLE) && k - j < 3 {
                k += 1;
            }
            if is_name_word(seg, k) && !seg.tokens[k].sentence_start() {
                j = k;
                continue;
            }
        }
        break;
    }
    end.max(start + 1).min(n)
}

/// Decides what the run `start..end` is.
#[allow(clippy::too_many_arguments)]
fn classify(seg: &mut Segment<'_>, start: usize, end: usize, sentence: usize, last: &mut LastPerson, state: &mut DocState, out: &mut Vec<Entity>) {
    if start >= end {
        return;
    }
    // 1. a name the gazetteer knows, inside the run
    let known = (start..end).find_map(|k| {
        seg.hit_starting_at(k).filter(|h| h.end <= end).and_then(|h| h.first(|e| matches!(e, Entry::Person(_))).map(|e| (h, e)))
    });
    // « Wade MacLauchlan » is not Abdoulaye Wade: a one-word name the
    // gazetteer knows, followed by more of the name, is someone else's first name
    let known = known.filter(|(h, _)| !(h.end - h.start == 1 && h.end < end && h.start == start && seg.is_first_name(h.start)));
    if let Some((hit, Entry::Person(p))) = known {
        let (hs, he) = (hit.start, hit.end);
        let mut from = hs;
        while from > start && seg.is_first_name(from - 1) {
            from -= 1;
        }
        if from > start {
            classify(seg, start, from, sentence, last, state, out);
        }
        let person = &seg.g.people[p as usize];
        let norm_name = person.name.clone();
        let country = person.country.clone();
        emit(seg, from, he, Some(norm_name), country, sentence, last, out, "<Nom connu>");
        if he < end {
            classify(seg, he, end, sentence, last, state, out);
        }
        return;
    }
    // 2. « Décès de Christian Cabrol », « le député de LFI Éric Coquerel »: a
    // run that does not begin with a first name but holds « first name +
    // name » after a particle (at the start of a sentence) or after a name
    // the gazetteers give to something else is that thing, then a person
    if !seg.is_first_name(start) {
        let split = (start + 1..end.saturating_sub(1)).find(|&k| seg.is_first_name(k) && !seg.has(k, PARTICLE) && is_name_word(seg, k + 1));
        if let Some(k) = split {
            let after_particle = seg.has(k - 1, PARTICLE) && seg.tokens[start].sentence_start();
            let after_other = seg.tokens[k - 1].upper()
                || seg.hit_ending_at(k - 1).is_some_and(|h| h.start >= start && !h.entries.iter().any(|e| matches!(e, Entry::Person(_))));
            if after_particle || after_other {
                classify(seg, start, if after_particle { k - 1 } else { k }, sentence, last, state, out);
                classify(seg, k, end, sentence, last, state, out);
                return;
            }
        }
    }
    let first_name = end - start >= 2 && seg.is_first_name(start);
    let covered_by_place = seg
        .hit_starting_at(start)
        .is_some_and(|h| h.end == end && h.entries.iter().any(|e| matches!(e, Entry::Country(_) | Entry::Place(_) | Entry::Organization(_))));
    if first_name && !covered_by_place {
        emit(seg, start, end, None, None, sentence, last, out, "<Prénom> <Nom>");
        return;
    }
    let ctx = context_before(seg, start, last, sentence);
    let aged = seg.is_punct(end, ",") && seg.tokens.get(end + 1).is_some_and(|t| t.kind == TokenKind::Number) && seg.word(end + 2).starts_with("an");
    let acronym = (start..end).all(|k| seg.tokens[k].upper());
    // « Mounzer Khalil, directeur des services de secours »: two names or
    // more, then a role in apposition
    let with_role = end - start >= 2 && !seg.tokens[start].sentence_start() && !covered_by_place && !acronym && context_after(seg, end).0.is_some();
    if (ctx.trigger && !covered_by_place && !acronym) || aged || with_role {
        emit(seg, start, end, None, None, sentence, last, out, "<titre> <Nom>");
        return;
    }
    // 4. left for the document-level pass
    state.unclaimed.push(seg.doc_span(start, end));
}

/// Reads the words before a name: « son homologue russe le général ».
fn context_before(seg: &Segment<'_>, start: usize, last: &LastPerson, sentence: usize) -> Context {
    let mut ctx = Context::default();
    let mut j = start;
    let mut steps = 0;
    // after « le » before a title, only « son homologue russe » may come
    let mut after_determiner = false;
    while j > 0 && steps < 8 {
        steps += 1;
        let k = j - 1;
        if seg.tokens[j].sentence_start() && j != start {
            break;
        }
        if after_determiner {
            let nationality = seg.hit_ending_at(k).is_some_and(|h| matches!(h.entries.first(), Some(Entry::Nationality(_))));
            if !nationality && !matches!(seg.word(k), "homologue" | "homologues") {
                break;
            }
        }
        if let Some(h) = seg.hit_ending_at(k).filter(|_| !seg.taken[k]) {
            match h.entries.first() {
                Some(Entry::Nationality(c)) if ctx.country.is_none() => {
                    ctx.country = Some(seg.g.nationalities[*c as usize].iso3.clone());
                    j = h.start;
                    continue;
                }
                Some(Entry::Rank(r)) if ctx.rank.is_none() => {
                    ctx.rank = Some((h.start, h.end, *r));
                    ctx.trigger = true;
                    j = h.start;
                    continue;
                }
                Some(Entry::Role(r)) if ctx.role.is_none() => {
                    ctx.role = Some(seg.g.roles[*r as usize].name.clone());
                    ctx.trigger = true;
                    j = h.start;
                    continue;
                }
                _ => {}
            }
        }
        let w = seg.word(k);
        if w == "." && k > 0 && seg.has(k - 1, TITLE) {
            ctx.trigger = true;
            break;
        }
        if seg.has(k, TITLE) {
            ctx.trigger = true;
            break;
        }
        if w == "homologue" || w == "homologues" {
            ctx.trigger = true;
            ctx.homologue = true;
            if ctx.role.is_none() && last.sentence == sentence {
                ctx.role = last.role.clone();
            }
            j = k;
            continue;
        }
        if seg.has(k, PROFESSION) {
            ctx.trigger = true;
            j = k;
            continue;
        }
        if seg.has(k, DETERMINER) && !matches!(w, "et" | "ou") && (ctx.trigger || ctx.country.is_some()) {
            after_determiner = ctx.trigger;
            j = k;
            continue;
        }
        break;
    }
    ctx
}

/// Reads an apposition after a name: « Joseph Dunford, chef d'état-major américain ».
fn context_after(seg: &Segment<'_>, end: usize) -> (Option<Arc<str>>, Option<Arc<str>>) {
    let mut j = end;
    if !seg.is_punct(j, ",") {
        return (None, None);
    }
    j += 1;
    if seg.has(j, DETERMINER) {
        j += 1;
    }
    let Some(h) = seg.hit_starting_at(j) else { return (None, None) };
    let Some(Entry::Role(r)) = h.entries.first().copied() else { return (None, None) };
    let role = Some(seg.g.roles[r as usize].name.clone());
    let country = seg.hit_starting_at(h.end).and_then(|n| match n.entries.first() {
        Some(Entry::Nationality(c)) => Some(seg.g.nationalities[*c as usize].iso3.clone()),
        _ => None,
    });
    (role, country)
}

/// Pushes the person at tokens `start..end`, with its context, and the rank before it.
#[allow(clippy::too_many_arguments)]
fn emit(
    seg: &mut Segment<'_>,
    start: usize,
    end: usize,
    known_name: Option<Arc<str>>,
    known_country: Option<Arc<str>>,
    sentence: usize,
    last: &mut LastPerson,
    out: &mut Vec<Entity>,
    rule: &'static str,
) {
    let before = context_before(seg, start, last, sentence);
    let (after_role, after_country) = context_after(seg, end);
    let country = known_country.or(before.country.clone()).or(after_country);
    let role = before.role.clone().or(after_role);
    let rank = before.rank.map(|(rs, re, r)| {
        let rank = &seg.g.ranks[r as usize];
        if seg.free(rs, re) {
            let nato = rank.nato_for(country.as_deref()).clone();
            out.push(Entity { kind: Kind::Rank, span: seg.doc_span(rs, re), norm: Norm::Rank { rank: rank.name.clone(), nato }, rule: "<rang> <Nom>" });
            seg.take(rs, re);
        }
        rank.name.clone()
    });
    let name = known_name.unwrap_or_else(|| clean_name(seg.original(start, end)));
    out.push(Entity { kind: Kind::Person, span: seg.doc_span(start, end), norm: Norm::Person { name, country, rank, role: role.clone() }, rule });
    seg.take(start, end);
    *last = LastPerson { sentence, role };
}

/// A name as written, normalised, with its words one plain space apart.
fn clean_name(s: &str) -> Arc<str> {
    let normalized = crate::normalize::normalized_text(s);
    // most names are already clean: one plain space between words
    let clean = !normalized.starts_with(' ') && !normalized.ends_with(' ') && !normalized.contains("  ") && !normalized.contains(|c: char| c.is_whitespace() && c != ' ');
    if clean {
        return Arc::from(normalized);
    }
    let mut name = String::with_capacity(normalized.len());
    for (i, word) in normalized.split_whitespace().enumerate() {
        if i > 0 {
            name.push(' ');
        }
        name.push_str(word);
    }
    Arc::from(name)
}

/// The folded words of `text`, one space apart, into `key` (`buffer` is reused).
fn fold_words(text: &str, buffer: &mut crate::normalize::Normalized, key: &mut String) {
    crate::normalize::fold_into(text, buffer);
    key.clear();
    for (i, w) in buffer.text.split_whitespace().enumerate() {
        if i > 0 {
            key.push(' ');
        }
        key.push_str(w);
    }
}

/// A person's fullest name in a document, and their country.
type FullName = (Arc<str>, Option<Arc<str>>);

/// Resolves the people of a whole document: surname-only mentions get the
/// fullest name, and capitalised runs that no recogniser claimed (or that a
/// place or country claimed) become people when they are the surname of a
/// person named in full elsewhere in the document.
pub(crate) fn resolve_document<'t>(text: &'t str, entities: &mut Vec<Entity>, unclaimed: &[Span]) {
    // surname key -> (full name, country), from names of two words or more
    let mut full: FxMap<String, FullName> = FxMap::default();
    // a name is mentioned many times: each distinct (name, country) is read once
    let mut seen: FxSet<(&str, Option<&str>)> = FxSet::default();
    let mut buffer = crate::normalize::Normalized::default();
    let mut key = String::new();
    for e in entities.iter() {
        if let Norm::Person { name, country, .. } = &e.norm {
            if !seen.insert((&**name, country.as_deref())) {
                continue;
            }
            // the key's words are joined by single spaces: a surname of
            // several words is a suffix of it, from a word's start
            fold_words(name, &mut buffer, &mut key);
            for (space, _) in key.match_indices(' ') {
                let surname = &key[space + 1..];
                if surname.split(' ').all(|w| lexicon::is(w, PARTICLE)) {
                    continue;
                }
                match full.get_mut(surname) {
                    Some(slot) if name.len() > slot.0.len() => *slot = (name.clone(), country.clone().or(slot.1.clone())),
                    Some(_) => {}
                    None => {
                        full.insert(surname.to_string(), (name.clone(), country.clone()));
                    }
                }
            }
            if key.contains(' ') && !full.contains_key(key.as_str()) {
                full.insert(key.clone(), (name.clone(), country.clone()));
            }
        }
    }
    if full.is_empty() {
        return;
    }
    drop(seen);
    // each distinct name, and each distinct text of a place or a run, is
    // folded and looked up once
    let mut fuller: FxMap<Arc<str>, Option<&FullName>> = FxMap::default();
    let mut named: FxMap<&str, Option<&FullName>> = FxMap::default();
    let mut surname_of = |words: &'t str, buffer: &mut crate::normalize::Normalized, key: &mut String| {
        *named.entry(words).or_insert_with(|| {
            fold_words(words, buffer, key);
            full.get(key.as_str())
        })
    };
    for e in entities.iter_mut() {
        match &mut e.norm {
            Norm::Person { name, country, .. } => {
                // looked up by the text: a name's many mentions share it, and cloning
                // it for the key would count a reference each time
                let found = match fuller.get(&**name) {
                    Some(&found) => found,
                    None => {
                        fold_words(name, &mut buffer, &mut key);
                        let found = full.get(key.as_str());
                        fuller.insert(name.clone(), found);
                        found
                    }
                };
                if let Some((n, c)) = found {
                    if n.len() > name.len() {
                        *name = n.clone();
                    }
                    if country.is_none() {
                        *country = c.clone();
                    }
                }
            }
            Norm::Country { .. } | Norm::Place { .. } if text.get(e.span.range()).is_some_and(|t| t.chars().next().is_some_and(char::is_uppercase)) => {
                if let Some((n, c)) = surname_of(text.get(e.span.range()).unwrap_or(""), &mut buffer, &mut key) {
                    e.kind = Kind::Person;
                    e.norm = Norm::Person { name: n.clone(), country: c.clone(), rank: None, role: None };
                    e.rule = "<Nom> déjà nommé";
                }
            }
            _ => {}
        }
    }
    // Entities other than dates do not overlap one another: sorted by start,
    // the only one that can overlap a span is the last one starting before
    // the span's end (dates, read after names, do not stand in their way).
    crate::document::sort_by_span(entities);
    let mut added = Vec::new();
    // entities[..before] start before the run's end. The runs come in the
    // order of the text (`classify` leaves them from left to right), so this
    // bound only moves forward: walking it reads the entities once, in order,
    // where a binary search for each run jumped across all of them, a cache
    // and TLB miss at each step on a long document.
    debug_assert!(unclaimed.windows(2).all(|w| w[0].end <= w[1].start));
    let mut before = 0;
    for span in unclaimed {
        let Some((n, c)) = surname_of(text.get(span.range()).unwrap_or(""), &mut buffer, &mut key) else { continue };
        while entities.get(before).is_some_and(|e| e.span.start < span.end) {
            before += 1;
        }
        if entities[..before].iter().rev().find(|e| e.kind != Kind::Date).is_some_and(|e| e.span.overlaps(*span)) {
            continue;
        }
        added.push(Entity { kind: Kind::Person, span: *span, norm: Norm::Person { name: n.clone(), country: c.clone(), rank: None, role: None }, rule: "<Nom> déjà nommé" });
    }
    // the runs are in the order of the text, and so is what they add
    crate::document::merge_sorted(entities, added);
}
