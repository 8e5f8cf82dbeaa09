//! JSON output, following the public contract (../README "JSON output"):
//! code-point offsets into the original text, lowercase kinds, ISO 3166-1
//! alpha-3 codes. Fields are only ever added, never renamed or removed.

use serde::ser::{SerializeMap, SerializeSeq, Serializer};
use serde::Serialize;

use crate::document::{Document, Entity, Norm};
use crate::offsets::CharOffsets;

/// A document ready to be serialised, with the id it echoes.
///
/// # Example
/// ```
/// use vigie::{Extractor, output::Json};
/// let doc = Extractor::new().extract("À Moscou.");
/// let json = serde_json::to_string(&Json { id: Some("d1"), source: None, document: &doc }).unwrap();
/// assert!(json.starts_with(r#"{"id":"d1","entities":[{"id":"e1","kind":"place","start":2,"end":8,"text":"Moscou""#), "{json}");
/// ```
#[derive(Debug)]
pub struct Json<'a> {
    /// The document's id, echoed as the first field.
    pub id: Option<&'a str>,
    /// Where the document came from (a file, `file:line`), echoed after the id.
    pub source: Option<&'a str>,
    /// The document.
    pub document: &'a Document,
}

impl Serialize for Json<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(None)?;
        if let Some(id) = self.id {
            map.serialize_entry("id", id)?;
        }
        if let Some(source) = self.source {
            map.serialize_entry("source", source)?;
        }
        if let Some((date, source)) = self.document.reference_date {
            map.serialize_entry("reference_date", &IsoDate(date))?;
            map.serialize_entry("reference_date_source", source.as_str())?;
        }
        map.serialize_entry("entities", &Entities(self.document))?;
        map.serialize_entry("events", &Events(self.document))?;
        map.end()
    }
}

/// An id such as « e12 » or « m3 »: a letter and a number, written into a
/// small buffer rather than through the formatting machinery (a book has
/// hundreds of thousands of them).
struct Label(u8, usize);

impl Serialize for Label {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut buf = [0u8; 21];
        let mut at = buf.len();
        let mut n = self.1;
        loop {
            at -= 1;
            buf[at] = b'0' + (n % 10) as u8;
            n /= 10;
            if n == 0 {
                break;
            }
        }
        at -= 1;
        buf[at] = self.0;
        s.serialize_str(std::str::from_utf8(&buf[at..]).unwrap_or_default())
    }
}

/// A date as « YYYY-MM-DD », the same way.
struct IsoDate(crate::Date);

impl Serialize for IsoDate {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let d = self.0;
        if !(0..=9999).contains(&d.year) || d.month > 12 || d.day > 31 {
            return s.collect_str(&d);
        }
        let two = |n: u32| [b'0' + (n / 10) as u8, b'0' + (n % 10) as u8];
        let y = d.year as u32;
        let [m1, m2] = two(d.month);
        let [d1, d2] = two(d.day);
        let text = [b'0' + (y / 1000) as u8, b'0' + (y / 100 % 10) as u8, b'0' + (y / 10 % 10) as u8, b'0' + (y % 10) as u8, b'-', m1, m2, b'-', d1, d2];
        s.serialize_str(std::str::from_utf8(&text).unwrap_or_default())
    }
}

struct Entities<'a>(&'a Document);

impl Serialize for Entities<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let doc = self.0;
        let mut chars = CharOffsets::new(&doc.text);
        let mut seq = s.serialize_seq(Some(doc.entities.len()))?;
        for (i, e) in doc.entities.iter().enumerate() {
            let start = chars.char_offset(e.span.start);
            let end = chars.char_offset(e.span.end);
            seq.serialize_element(&JsonEntity { n: i + 1, e, start, end, text: doc.text_of(e) })?;
        }
        seq.end()
    }
}

struct JsonEntity<'a> {
    n: usize,
    e: &'a Entity,
    start: usize,
    end: usize,
    text: &'a str,
}

impl Serialize for JsonEntity<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(7))?;
        map.serialize_entry("id", &Label(b'e', self.n))?;
        map.serialize_entry("kind", self.e.kind.as_str())?;
        map.serialize_entry("start", &self.start)?;
        map.serialize_entry("end", &self.end)?;
        map.serialize_entry("text", self.text)?;
        map.serialize_entry("norm", &JsonNorm(&self.e.norm))?;
        map.serialize_entry("rule", self.e.rule)?;
        map.end()
    }
}

struct JsonNorm<'a>(&'a Norm);

impl Serialize for JsonNorm<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(None)?;
        norm_fields(&mut map, self.0)?;
        map.end()
    }
}

/// Writes the fields of a norm into an open JSON object: an entity's `norm`,
/// and the entities a meeting refers to.
fn norm_fields<M: SerializeMap>(map: &mut M, norm: &Norm) -> Result<(), M::Error> {
    let opt = |map: &mut M, k: &str, v: &Option<std::sync::Arc<str>>| match v {
        Some(v) => map.serialize_entry(k, &**v),
        None => Ok(()),
    };
    match norm {
        Norm::Person { name, country, rank, role } => {
            map.serialize_entry("name", &**name)?;
            opt(map, "country", country)?;
            opt(map, "rank", rank)?;
            opt(map, "role", role)?;
        }
        Norm::Rank { rank, nato } => {
            map.serialize_entry("rank", &**rank)?;
            map.serialize_entry("nato", &**nato)?;
        }
        Norm::Country { country } => map.serialize_entry("country", &**country)?,
        Norm::Place { name, country } | Norm::Organization { name, country } => {
            map.serialize_entry("name", &**name)?;
            opt(map, "country", country)?;
        }
        Norm::Date { start, end, grain, approximate, anchor } => {
            map.serialize_entry("start", &IsoDate(*start))?;
            map.serialize_entry("end", &IsoDate(*end))?;
            map.serialize_entry("grain", grain.as_str())?;
            if *approximate {
                map.serialize_entry("approximate", &true)?;
            }
            map.serialize_entry("anchor", anchor.as_str())?;
        }
        Norm::Duration { iso } => map.serialize_entry("duration", &**iso)?,
        Norm::Relative => map.serialize_entry("relative", &true)?,
    }
    Ok(())
}

impl Document {
    /// The document as one line of JSON (the public output contract).
    ///
    /// ```
    /// let doc = vigie::Extractor::new().extract("Erdogan");
    /// assert!(doc.to_json(None).contains(r#""name":"Recep Tayyip Erdogan""#));
    /// ```
    pub fn to_json(&self, id: Option<&str>) -> String {
        serde_json::to_string(&Json { id, source: None, document: self }).expect("serialising to a string cannot fail")
    }
}

struct Events<'a>(&'a Document);

impl Serialize for Events<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let doc = self.0;
        let mut chars = CharOffsets::new(&doc.text);
        let mut seq = s.serialize_seq(Some(doc.meetings.len()))?;
        for (n, m) in doc.meetings.iter().enumerate() {
            seq.serialize_element(&JsonMeeting { n: n + 1, m, doc, trigger: (chars.char_offset(m.trigger.start), chars.char_offset(m.trigger.end)), sentence: (chars.char_offset(m.sentence.start), chars.char_offset(m.sentence.end)) })?;
        }
        seq.end()
    }
}

struct JsonMeeting<'a> {
    n: usize,
    m: &'a crate::events::Meeting,
    doc: &'a Document,
    trigger: (usize, usize),
    sentence: (usize, usize),
}

/// A reference to an entity: its name or value and its id.
struct EntityRef<'a> {
    doc: &'a Document,
    index: usize,
    actor: Option<&'a str>,
}

impl Serialize for EntityRef<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let e = &self.doc.entities[self.index];
        let mut map = s.serialize_map(None)?;
        norm_fields(&mut map, &e.norm)?;
        if let Some(a) = self.actor {
            map.serialize_entry("actor", a)?;
        }
        map.serialize_entry("entity", &Label(b'e', self.index + 1))?;
        map.end()
    }
}

impl Serialize for JsonMeeting<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let m = self.m;
        let doc = self.doc;
        let mut map = s.serialize_map(None)?;
        map.serialize_entry("id", &Label(b'm', self.n))?;
        map.serialize_entry("kind", "meeting")?;
        map.serialize_entry("status", m.status.as_str())?;
        let participants: Vec<EntityRef<'_>> =
            m.participants.iter().zip(&m.actors).map(|(&index, actor)| EntityRef { doc, index, actor: actor.as_deref() }).collect();
        map.serialize_entry("participants", &participants)?;
        if !m.participant_countries.is_empty() {
            let countries: Vec<&str> = m.participant_countries.iter().map(|c| &**c).collect();
            map.serialize_entry("participant_countries", &countries)?;
        }
        if let Some(h) = m.host {
            map.serialize_entry("host", &EntityRef { doc, index: h, actor: None })?;
        }
        if let Some(p) = m.place {
            map.serialize_entry("place", &EntityRef { doc, index: p, actor: None })?;
        }
        if let Some(c) = &m.country {
            map.serialize_entry("country", &**c)?;
        }
        if let Some(d) = m.date {
            map.serialize_entry("date", &EntityRef { doc, index: d, actor: None })?;
        }
        let text = |sp: crate::Span| doc.text.get(sp.range()).unwrap_or("");
        map.serialize_entry("trigger", &serde_json::json!({"start": self.trigger.0, "end": self.trigger.1, "text": text(m.trigger)}))?;
        map.serialize_entry("sentence", &serde_json::json!({"start": self.sentence.0, "end": self.sentence.1}))?;
        map.serialize_entry("event_type", "CONSULT")?;
        map.serialize_entry("mode", m.mode)?;
        map.serialize_entry("cameo", m.cameo)?;
        map.serialize_entry("confidence", &((m.confidence * 100.0).round() / 100.0))?;
        map.serialize_entry("summary", &m.summary)?;
        map.end()
    }
}
