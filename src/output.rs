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
/// let json = serde_json::to_string(&Json { id: Some("d1"), document: &doc }).unwrap();
/// assert!(json.starts_with(r#"{"id":"d1","entities":[{"id":"e1","kind":"place","start":2,"end":8,"text":"Moscou""#), "{json}");
/// ```
#[derive(Debug)]
pub struct Json<'a> {
    /// The document's id, echoed as the first field.
    pub id: Option<&'a str>,
    /// The document.
    pub document: &'a Document,
}

impl Serialize for Json<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(None)?;
        if let Some(id) = self.id {
            map.serialize_entry("id", id)?;
        }
        if let Some((date, source)) = self.document.reference_date {
            map.serialize_entry("reference_date", &format_args!("{date}"))?;
            map.serialize_entry("reference_date_source", source.as_str())?;
        }
        map.serialize_entry("entities", &Entities(self.document))?;
        map.serialize_entry("events", &[(); 0])?;
        map.end()
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
        map.serialize_entry("id", &format_args!("e{}", self.n))?;
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
        let opt = |map: &mut S::SerializeMap, k: &str, v: &Option<std::sync::Arc<str>>| match v {
            Some(v) => map.serialize_entry(k, &**v),
            None => Ok(()),
        };
        match self.0 {
            Norm::Person { name, country, rank, role } => {
                map.serialize_entry("name", &**name)?;
                opt(&mut map, "country", country)?;
                opt(&mut map, "rank", rank)?;
                opt(&mut map, "role", role)?;
            }
            Norm::Rank { rank, nato } => {
                map.serialize_entry("rank", &**rank)?;
                map.serialize_entry("nato", &**nato)?;
            }
            Norm::Country { country } => map.serialize_entry("country", &**country)?,
            Norm::Place { name, country } | Norm::Organization { name, country } => {
                map.serialize_entry("name", &**name)?;
                opt(&mut map, "country", country)?;
            }
            Norm::Date { start, end, grain, approximate } => {
                map.serialize_entry("start", &format_args!("{start}"))?;
                map.serialize_entry("end", &format_args!("{end}"))?;
                map.serialize_entry("grain", grain.as_str())?;
                if *approximate {
                    map.serialize_entry("approximate", &true)?;
                }
            }
            Norm::Duration { iso } => map.serialize_entry("duration", &**iso)?,
            Norm::Relative => map.serialize_entry("relative", &true)?,
        }
        map.end()
    }
}

impl Document {
    /// The document as one line of JSON (the public output contract).
    ///
    /// ```
    /// let doc = vigie::Extractor::new().extract("Erdogan");
    /// assert!(doc.to_json(None).contains(r#""name":"Recep Tayyip Erdogan""#));
    /// ```
    pub fn to_json(&self, id: Option<&str>) -> String {
        serde_json::to_string(&Json { id, document: self }).expect("serialising to a string cannot fail")
    }
}
