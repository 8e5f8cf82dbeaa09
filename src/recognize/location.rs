//! Organisations, countries, nationalities and places from the gazetteers.
//!
//! What people did not claim is decided here, by the entry the name names
//! (organisation, then country, then place, then nationality). A place whose
//! name is also an everyday word (« Tours », « Orange ») is kept only away
//! from the start of a sentence or after a preposition of place.

use super::lexicon::{LOCATIVE, PLACE_NOUN, STOPWORD, STREET};
use super::Segment;
use crate::document::{Entity, Kind, Norm};
use crate::gazetteer::Entry;

pub(crate) fn recognize(seg: &mut Segment<'_>, out: &mut Vec<Entity>) {
    for h in seg.hits {
        if !seg.free(h.start, h.end) {
            continue;
        }
        let at_sentence_start = seg.tokens[h.start].sentence_start();
        let after_locative = h.start > 0 && seg.has(h.start - 1, LOCATIVE);
        let entity = h.entries.iter().find_map(|e| match *e {
            Entry::Organization(o) => {
                let org = &seg.g.organizations[o as usize];
                Some((Kind::Organization, Norm::Organization { name: org.name.clone(), country: org.country.clone() }, "<organisation>"))
            }
            Entry::Country(c) => Some((Kind::Country, Norm::Country { country: seg.g.countries[c as usize].iso3.clone() }, "<pays>")),
            Entry::Place(p) => {
                let place = &seg.g.places[p as usize];
                if place.ambiguous && at_sentence_start && !after_locative {
                    return None;
                }
                Some((Kind::Place, Norm::Place { name: place.name.clone(), country: place.country.clone() }, "<lieu>"))
            }
            Entry::Nationality(c) => Some((Kind::Nationality, Norm::Country { country: seg.g.nationalities[c as usize].iso3.clone() }, "<nationalité>")),
            Entry::Person(_) | Entry::Rank(_) | Entry::Role(_) => None,
        });
        if let Some((kind, norm, rule)) = entity {
            out.push(Entity { kind, span: seg.doc_span(h.start, h.end), norm, rule });
            seg.take(h.start, h.end);
        }
    }
}

/// Places told by their context rather than a gazetteer: roads (« l'A7 »),
/// streets (« rue Kléber »), and capitalised names after « à » or after a
/// noun of place (« à Trèbes », « la commune de Bandol »).
pub(crate) fn recognize_by_context(seg: &mut Segment<'_>, out: &mut Vec<Entity>) {
    let n = seg.tokens.len();
    // the first token not yet read (a place found skips its tokens)
    let mut next = 0;
    let candidates = seg.candidates;
    for &i in &candidates.place_context {
        let i = i as usize;
        if i < next {
            continue;
        }
        let t = &seg.tokens[i];
        let first = seg.key.as_bytes().get(t.key().start).copied().unwrap_or(0);
        // « de Montain (Jura) », « vers Sokhné (Syrie) »: a name followed by
        // its department, region or country in brackets is a place there
        if matches!(first, b'd' | b'v') && seg.tokens.get(i + 1).is_some_and(|t| t.cap()) && matches!(seg.word(i), "de" | "d'" | "depuis" | "vers") {
            if let Some(end) = bracketed_place(seg, i + 1, out) {
                next = end;
                continue;
            }
        }
        if !(first == b'a' || first == b'n' || seg.has(i, STREET | PLACE_NOUN)) {
            continue;
        }
        let w = seg.word(i);
        // roads: A7, N118
        if is_road_number(w.as_bytes()) && seg.free(i, i + 1) && is_road(seg.original(i, i + 1)) && i > 0 && matches!(seg.word(i - 1), "l'" | "autoroute" | "autoroutes" | "nationale" | "route" | "et" | "," | "la" | "sur" | "de" | "l") {
            push_place(seg, i, i + 1, None, out, "<route>");
            next = i + 1;
            continue;
        }
        // « au cours de », « en place », « sur place » are no addresses
        let idiom = || w != "rue" && i > 0 && matches!(seg.word(i - 1), "au" | "en" | "du" | "sur" | "a");
        let introduces = seg.has(i, STREET) && !seg.tokens[i].cap() && !idiom();
        let after_a = w == "a" && seg.tokens[i].kind == crate::tokenize::TokenKind::Word;
        let after_noun = seg.has(i, PLACE_NOUN) && matches!(seg.word(i + 1), "de" | "d'" | "du");
        if !(introduces || after_a || after_noun) {
            continue;
        }
        let mut j = i + 1;
        if after_noun {
            j += 1;
        } else if introduces {
            while matches!(seg.word(j), "de" | "la" | "du" | "des" | "d'" | "l'") && j < i + 4 {
                j += 1;
            }
        }
        let start = j;
        while j < n && is_capitalised_free(seg, j) && !seg.tokens[j].sentence_start() {
            j += 1;
        }
        if j > start {
            let from = if introduces { i } else { start };
            // « à Puyricard (Bouches-du-Rhône) », « à Gitega, au Burundi »: the country of what follows
            let mut k = j;
            if matches!(seg.word(k), "(" | ",") {
                k += 1;
            }
            if matches!(seg.word(k), "en" | "au" | "aux") {
                k += 1;
            }
            let country = seg.hit_starting_at(k).filter(|_| k > j).and_then(|h| country_of(seg, h, false));
            push_place(seg, from, j, country, out, if introduces { "<rue> <Nom>" } else { "à <Lieu>" });
            next = j;
        }
    }
}

/// Whether a folded word has the shape of a road number: « a7 », « n118 ».
pub(crate) fn is_road_number(word: &[u8]) -> bool {
    // the rare digit second, tested first: most words fail there at once
    word.get(1).is_some_and(u8::is_ascii_digit) && word.len() <= 5 && matches!(word[0], b'a' | b'n')
}

/// A capitalised run from `start` followed by « ( », a region or a country
/// the gazetteers know, and « ) »: pushes the run as a place of that
/// country and returns the index after it.
fn bracketed_place(seg: &mut Segment<'_>, start: usize, out: &mut Vec<Entity>) -> Option<usize> {
    let n = seg.tokens.len();
    let mut j = start;
    while j < n && j < start + 3 && is_capitalised_free(seg, j) && !seg.tokens[j].sentence_start() {
        j += 1;
    }
    if j == start || seg.word(j) != "(" {
        return None;
    }
    let hit = seg.hit_starting_at(j + 1)?;
    if seg.word(hit.end) != ")" {
        return None;
    }
    let country = country_of(seg, hit, true)?;
    push_place(seg, start, j, Some(country), out, "de <Lieu> (<région>)");
    Some(j)
}

/// The country a gazetteer hit names: a country's own code, or a place's
/// country (only a region's when `regions_only`).
fn country_of(seg: &Segment<'_>, hit: &super::Hit, regions_only: bool) -> Option<std::sync::Arc<str>> {
    hit.entries.iter().find_map(|e| match *e {
        Entry::Country(c) => Some(seg.g.countries[c as usize].iso3.clone()),
        Entry::Place(p) if !regions_only || seg.g.places[p as usize].region => seg.g.places[p as usize].country.clone(),
        _ => None,
    })
}

fn is_road(s: &str) -> bool {
    let mut chars = s.chars();
    matches!(chars.next(), Some('A' | 'N')) && {
        let rest = chars.as_str();
        !rest.is_empty() && rest.len() <= 4 && rest.bytes().all(|b| b.is_ascii_digit())
    }
}

fn is_capitalised_free(seg: &Segment<'_>, j: usize) -> bool {
    let Some(t) = seg.tokens.get(j) else { return false };
    t.kind == crate::tokenize::TokenKind::Word && t.cap() && !t.upper() && seg.free(j, j + 1) && !seg.has(j, STOPWORD) && seg.word(j).len() > 1
}

fn push_place(seg: &mut Segment<'_>, start: usize, end: usize, country: Option<std::sync::Arc<str>>, out: &mut Vec<Entity>, rule: &'static str) {
    let name = crate::normalize::normalized_text(seg.original(start, end)).into();
    out.push(Entity { kind: Kind::Place, span: seg.doc_span(start, end), norm: Norm::Place { name, country }, rule });
    seg.take(start, end);
}
