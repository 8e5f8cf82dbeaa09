//! Organisations, countries, nationalities and places from the gazetteers.
//!
//! What people did not claim is decided here, by the entry the name names
//! (organisation, then country, then place, then nationality). A place whose
//! name is also an everyday word (« Tours », « Orange ») is kept only away
//! from the start of a sentence or after a preposition of place.

use super::Segment;
use crate::document::{Entity, Kind, Norm};
use crate::gazetteer::Entry;

/// Prepositions that introduce a place: « à Tours », « de Nice », « en Corse ».
fn is_locative(word: &str) -> bool {
    matches!(word, "a" | "de" | "d'" | "en" | "vers" | "depuis" | "pres" | "dans" | "sur" | "pour" | "jusqu'a" | "via" | "au" | "du" | "entre" | "et")
}

pub(crate) fn recognize(seg: &mut Segment<'_>, out: &mut Vec<Entity>) {
    for h in seg.hits {
        if !seg.free(h.start, h.end) {
            continue;
        }
        let at_sentence_start = seg.tokens[h.start].sentence_start;
        let after_locative = h.start > 0 && is_locative(seg.word(h.start - 1));
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
