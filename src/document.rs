//! The output model: a [`Document`] with its [`Entity`] list, each entity
//! pointing back to its exact [`Span`] of the original text.

use std::sync::Arc;

use crate::dates::{Date, Grain, ReferenceSource};
use crate::offsets::Span;

/// The kind of an entity. JSON and Python use the lowercase words.
///
/// # Example
/// ```
/// use vigie::Kind;
/// assert_eq!(Kind::Nationality.as_str(), "nationality");
/// assert_eq!("place".parse::<Kind>(), Ok(Kind::Place));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[non_exhaustive]
pub enum Kind {
    /// A person, named in full or by surname.
    Person,
    /// A military rank.
    Rank,
    /// A country.
    Country,
    /// A nationality adjective or noun (« russe », « les Américains »).
    Nationality,
    /// A city, region or site.
    Place,
    /// An organisation.
    Organization,
    /// A date, a period or a duration.
    Date,
}

impl Kind {
    /// Every kind, in output order.
    pub const ALL: [Kind; 7] = [Kind::Person, Kind::Rank, Kind::Country, Kind::Nationality, Kind::Place, Kind::Organization, Kind::Date];

    /// The lowercase word used in JSON and Python.
    pub const fn as_str(self) -> &'static str {
        match self {
            Kind::Person => "person",
            Kind::Rank => "rank",
            Kind::Country => "country",
            Kind::Nationality => "nationality",
            Kind::Place => "place",
            Kind::Organization => "organization",
            Kind::Date => "date",
        }
    }
}

impl std::fmt::Display for Kind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::str::FromStr for Kind {
    type Err = ();
    fn from_str(s: &str) -> Result<Kind, ()> {
        Kind::ALL.into_iter().find(|k| k.as_str() == s).ok_or(())
    }
}

/// The normalised value of an entity.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Norm {
    /// A person: the fullest name the document gives, and what context tells.
    Person {
        /// The fullest form of the name (« Joseph Dunford » for « Dunford »).
        name: Arc<str>,
        /// ISO 3166-1 alpha-3 code of the person's country.
        country: Option<Arc<str>>,
        /// Military rank, as written in its canonical French form.
        rank: Option<Arc<str>>,
        /// Title or function (« président », « chef d'état-major »).
        role: Option<Arc<str>>,
    },
    /// A military rank and its NATO STANAG 2116 code (or range of codes).
    Rank {
        /// Canonical French form (« général », « lieutenant-général »).
        rank: Arc<str>,
        /// STANAG 2116 code, `OF-8`, or a range such as `OF-6..OF-9`.
        nato: Arc<str>,
    },
    /// A country or a nationality: its ISO 3166-1 alpha-3 code.
    Country {
        /// ISO 3166-1 alpha-3 code.
        country: Arc<str>,
    },
    /// A place and the country it lies in.
    Place {
        /// Canonical French name.
        name: Arc<str>,
        /// ISO 3166-1 alpha-3 code, where the place lies in one country.
        country: Option<Arc<str>>,
    },
    /// An organisation.
    Organization {
        /// Canonical name.
        name: Arc<str>,
        /// ISO 3166-1 alpha-3 code, for a national organisation.
        country: Option<Arc<str>>,
    },
    /// A date or period: an inclusive interval of days.
    Date {
        /// First day.
        start: Date,
        /// Last day (inclusive).
        end: Date,
        /// How precise the expression is.
        grain: Grain,
        /// A vague expression given an honest bounded interval
        /// (« quelques jours plus tard »).
        approximate: bool,
        /// What the date was resolved against: the text alone, the
        /// reference date, or an earlier date.
        anchor: crate::Anchor,
    },
    /// A duration (« 200 ans »), as ISO 8601 (`P200Y`).
    Duration {
        /// ISO 8601 duration.
        iso: Arc<str>,
    },
    /// A relative date with no reference date to resolve it against.
    Relative,
}

/// One thing found in the text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entity {
    /// What it is.
    pub kind: Kind,
    /// Where it is, in bytes of the original text.
    pub span: Span,
    /// Its normalised value.
    pub norm: Norm,
    /// The rule that found it, as a readable pattern (« <rang> <Nom> »).
    pub rule: &'static str,
}

/// The order of entities in a document: by start, then end, a date after
/// another entity of the same span.
fn span_order(e: &Entity) -> (usize, usize, bool) {
    (e.span.start, e.span.end, e.kind == Kind::Date)
}

/// Sorts entities by start then end, a date after any other entity of the
/// same span (« Noël » the holiday after « Noël » a person already named),
/// keeping the order of other ties. Sorting the entities themselves stably
/// would allocate a copy of half of them (megabytes for a book); this sorts
/// their indices and moves them into place along the cycles of the
/// permutation, with four bytes per entity.
pub(crate) fn sort_by_span(entities: &mut [Entity]) {
    let key = span_order;
    if entities.is_sorted_by_key(key) {
        return;
    }
    let mut order: Vec<u32> = (0..entities.len() as u32).collect();
    order.sort_by_key(|&i| key(&entities[i as usize]));
    // order[k] is the index of the entity that belongs at k
    for first in 0..order.len() {
        let mut at = first;
        while order[at] as usize != first && order[at] as usize != at {
            let from = order[at] as usize;
            entities.swap(at, from);
            order[at] = at as u32;
            at = from;
        }
        order[at] = at as u32;
    }
}

/// Merges `added`, sorted as [`sort_by_span`] sorts, into the sorted
/// `entities`, in place from the back: each entity moves once, and an entity
/// of `entities` stays before an added one of the same span.
pub(crate) fn merge_sorted(entities: &mut Vec<Entity>, mut added: Vec<Entity>) {
    let key = span_order;
    debug_assert!(entities.is_sorted_by_key(key) && added.is_sorted_by_key(key));
    let mut from = entities.len();
    // room at the end, held by entities that own nothing
    entities.resize_with(from + added.len(), || Entity { kind: Kind::Date, span: Span::default(), norm: Norm::Relative, rule: "" });
    let mut to = entities.len();
    while let Some(last_added) = added.last() {
        to -= 1;
        if from > 0 && key(&entities[from - 1]) > key(last_added) {
            from -= 1;
            entities.swap(from, to);
        } else if let Some(e) = added.pop() {
            entities[to] = e;
        }
    }
}

/// The result of extraction over one text.
///
/// The document owns its text: a `String` unless it was given another owner
/// of a `str` (see [`Extractor::extract_text`](crate::Extractor::extract_text)).
///
/// # Example
/// ```
/// use vigie::{Extractor, Kind};
/// let doc = Extractor::new().extract("Le président turc Recep Tayyip Erdogan est arrivé à Moscou.");
/// let person = doc.entities.iter().find(|e| e.kind == Kind::Person).unwrap();
/// assert_eq!(doc.text_of(person), "Recep Tayyip Erdogan");
/// ```
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Document<T = String> {
    /// The original text.
    pub text: T,
    /// The entities, in order of their start, then of their end.
    pub entities: Vec<Entity>,
    /// The date relative expressions were resolved against, and where it came from.
    pub reference_date: Option<(Date, ReferenceSource)>,
    /// The meetings the text tells.
    pub meetings: Vec<crate::events::Meeting>,
}

impl<T: AsRef<str>> Document<T> {
    /// The original text of `entity`.
    pub fn text_of(&self, entity: &Entity) -> &str {
        self.text.as_ref().get(entity.span.range()).unwrap_or("")
    }

    /// The entities of one kind.
    pub fn of_kind(&self, kind: Kind) -> impl Iterator<Item = &Entity> {
        self.entities.iter().filter(move |e| e.kind == kind)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sort_by_span_is_a_stable_sort_with_dates_last_among_equal_spans() {
        let mut seed = 7u64;
        let mut next = move |m: usize| {
            seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            (seed >> 33) as usize % m
        };
        for len in [0, 1, 2, 5, 64, 1000] {
            let mut entities: Vec<Entity> = (0..len)
                .map(|k| {
                    let start = next(40);
                    let kind = if next(2) == 0 { Kind::Date } else { Kind::Person };
                    Entity { kind, span: Span::new(start, start + next(3)), norm: Norm::Country { country: k.to_string().into() }, rule: "" }
                })
                .collect();
            let mut expected = entities.clone();
            expected.sort_by_key(|e| (e.span.start, e.span.end, e.kind == Kind::Date));
            sort_by_span(&mut entities);
            assert_eq!(entities, expected);
        }
    }

    #[test]
    fn merge_sorted_is_a_stable_merge() {
        let entity = |start: usize, end: usize, kind: Kind, tag: &str| Entity { kind, span: Span::new(start, end), norm: Norm::Country { country: tag.into() }, rule: "" };
        for (old, new) in [
            (vec![], vec![]),
            (vec![(0, 2, "a")], vec![]),
            (vec![], vec![(0, 2, "x")]),
            (vec![(0, 2, "a"), (5, 7, "b"), (9, 12, "c")], vec![(3, 4, "x"), (5, 7, "y"), (20, 21, "z")]),
            (vec![(4, 5, "a"), (6, 7, "b")], vec![(0, 1, "x"), (2, 3, "y")]),
        ] {
            let mut entities: Vec<Entity> = old.iter().map(|&(s, e, t)| entity(s, e, Kind::Person, t)).collect();
            entities.push(entity(30, 31, Kind::Date, "d"));
            let added: Vec<Entity> = new.iter().map(|&(s, e, t)| entity(s, e, Kind::Person, t)).collect();
            let mut expected: Vec<Entity> = entities.iter().chain(&added).cloned().collect();
            expected.sort_by_key(|e| (e.span.start, e.span.end, e.kind == Kind::Date));
            merge_sorted(&mut entities, added);
            assert_eq!(entities, expected);
        }
    }
}
