//! Military ranks, with their NATO STANAG 2116 codes.
//!
//! A rank before a name was already taken with the person (its code then
//! follows the person's country). A rank alone is kept where a determiner
//! introduces it (« un lieutenant-général américain ») or a name follows;
//! its code follows the nationality written right after it, so that a
//! Russian lieutenant-général is OF-7 and an American one OF-8. A capitalised
//! rank before a word that is no name (« Général Motors ») is not a rank.

use super::lexicon::DETERMINER;
use super::Segment;
use crate::document::{Entity, Kind, Norm};
use crate::gazetteer::Entry;

pub(crate) fn recognize(seg: &mut Segment<'_>, out: &mut Vec<Entity>) {
    for h in seg.hits {
        let Some(Entry::Rank(r)) = h.entries.first().copied() else { continue };
        if !seg.free(h.start, h.end) {
            continue;
        }
        let introduced = h.start > 0 && seg.has(h.start - 1, DETERMINER) && !seg.tokens[h.start].cap();
        let lowercase = !seg.tokens[h.start].cap();
        let nationality = seg.hit_starting_at(h.end).and_then(|n| match n.entries.first() {
            Some(Entry::Nationality(c)) => Some(seg.g.nationalities[*c as usize].iso3.clone()),
            _ => None,
        });
        if !(introduced || (lowercase && nationality.is_some()) || (h.start > 0 && seg.has(h.start - 1, DETERMINER))) {
            continue;
        }
        let rank = &seg.g.ranks[r as usize];
        let nato = rank.nato_for(nationality.as_deref()).clone();
        out.push(Entity { kind: Kind::Rank, span: seg.doc_span(h.start, h.end), norm: Norm::Rank { rank: rank.name.clone(), nato }, rule: "<dét> <rang>" });
        seg.take(h.start, h.end);
    }
}
