//! JSON output, following the public contract (../README "JSON output"):
//! code-point offsets into the original text, lowercase kinds, ISO 3166-1
//! alpha-3 codes. Fields are only ever added, never renamed or removed.

use std::cell::RefCell;
use std::io::{self, Write};

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
pub struct Json<'a, T = String> {
    /// The document's id, echoed as the first field.
    pub id: Option<&'a str>,
    /// Where the document came from (a file, `file:line`), echoed after the id.
    pub source: Option<&'a str>,
    /// The document.
    pub document: &'a Document<T>,
}

impl<T: AsRef<str>> Serialize for Json<'_, T> {
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
        // one converter for both: the meetings come back to counts kept as
        // the entities were written
        let chars = RefCell::new(CharOffsets::new(self.document.text.as_ref()));
        map.serialize_entry("entities", &Entities(self.document, &chars))?;
        map.serialize_entry("events", &Events(self.document, &chars))?;
        map.end()
    }
}

/// An id such as « e12 » or « m3 »: a letter and a number, written into a
/// small buffer rather than through the formatting machinery (a book has
/// hundreds of thousands of them).
struct Label(u8, usize);

impl Label {
    /// The label's text in `buf`.
    fn text<'b>(&self, buf: &'b mut [u8; 21]) -> &'b str {
        let at = decimal(self.1, buf) - 1;
        buf[at] = self.0;
        std::str::from_utf8(&buf[at..]).unwrap_or_default()
    }
}

/// Writes `n` in decimal at the end of `buf`; returns where its digits begin.
fn decimal(mut n: usize, buf: &mut [u8; 21]) -> usize {
    let mut at = buf.len();
    loop {
        at -= 1;
        buf[at] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            return at;
        }
    }
}

impl Serialize for Label {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.text(&mut [0; 21]))
    }
}

/// A date as « YYYY-MM-DD », the same way.
struct IsoDate(crate::Date);

impl IsoDate {
    /// The date's ten bytes, for a year of four digits and a valid month and day.
    fn bytes(&self) -> Option<[u8; 10]> {
        let d = self.0;
        if !(0..=9999).contains(&d.year) || d.month > 12 || d.day > 31 {
            return None;
        }
        let two = |n: u32| [b'0' + (n / 10) as u8, b'0' + (n % 10) as u8];
        let y = d.year as u32;
        let [m1, m2] = two(d.month);
        let [d1, d2] = two(d.day);
        Some([b'0' + (y / 1000) as u8, b'0' + (y / 100 % 10) as u8, b'0' + (y / 10 % 10) as u8, b'0' + (y % 10) as u8, b'-', m1, m2, b'-', d1, d2])
    }
}

impl Serialize for IsoDate {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self.bytes() {
            Some(text) => s.serialize_str(std::str::from_utf8(&text).unwrap_or_default()),
            None => s.collect_str(&self.0),
        }
    }
}

/// The entities, with the converter of code points that the meetings share.
struct Entities<'a, T>(&'a Document<T>, &'a RefCell<CharOffsets<'a>>);

impl<T: AsRef<str>> Serialize for Entities<'_, T> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let doc = self.0;
        let chars = &mut *self.1.borrow_mut();
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
        norm_fields(&mut MapFields(&mut map), self.0)?;
        map.end()
    }
}

/// Where the fields of a JSON object go: a serde map, or the bytes that
/// [`Json::write_to`] writes itself. [`norm_fields`] serves both.
trait Fields {
    type Error;
    fn str(&mut self, key: &'static str, value: &str) -> Result<(), Self::Error>;
    fn date(&mut self, key: &'static str, value: crate::Date) -> Result<(), Self::Error>;
    /// A field whose value is `true`.
    fn yes(&mut self, key: &'static str) -> Result<(), Self::Error>;
}

struct MapFields<'m, M>(&'m mut M);

impl<M: SerializeMap> Fields for MapFields<'_, M> {
    type Error = M::Error;
    fn str(&mut self, key: &'static str, value: &str) -> Result<(), M::Error> {
        self.0.serialize_entry(key, value)
    }
    fn date(&mut self, key: &'static str, value: crate::Date) -> Result<(), M::Error> {
        self.0.serialize_entry(key, &IsoDate(value))
    }
    fn yes(&mut self, key: &'static str) -> Result<(), M::Error> {
        self.0.serialize_entry(key, &true)
    }
}

/// Writes the fields of a norm into an open JSON object: an entity's `norm`,
/// and the entities a meeting refers to.
fn norm_fields<F: Fields>(f: &mut F, norm: &Norm) -> Result<(), F::Error> {
    let opt = |f: &mut F, k: &'static str, v: &Option<std::sync::Arc<str>>| match v {
        Some(v) => f.str(k, v),
        None => Ok(()),
    };
    match norm {
        Norm::Person { name, country, rank, role } => {
            f.str("name", name)?;
            opt(f, "country", country)?;
            opt(f, "rank", rank)?;
            opt(f, "role", role)?;
        }
        Norm::Rank { rank, nato } => {
            f.str("rank", rank)?;
            f.str("nato", nato)?;
        }
        Norm::Country { country } => f.str("country", country)?,
        Norm::Place { name, country } | Norm::Organization { name, country } => {
            f.str("name", name)?;
            opt(f, "country", country)?;
        }
        Norm::Date { start, end, grain, approximate, anchor } => {
            f.date("start", *start)?;
            f.date("end", *end)?;
            f.str("grain", grain.as_str())?;
            if *approximate {
                f.yes("approximate")?;
            }
            f.str("anchor", anchor.as_str())?;
        }
        Norm::Duration { iso } => f.str("duration", iso)?,
        Norm::Relative => f.yes("relative")?,
    }
    Ok(())
}

/// The place of the first byte of `bytes` that JSON escapes (a quote, a
/// backslash, a control character), eight bytes at a time.
#[inline]
fn first_escaped(bytes: &[u8]) -> Option<usize> {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    const LOW: u64 = !HIGH;
    // Each test sets the high bit of the bytes it finds and of no other: no
    // carry or borrow crosses from one byte to the next.
    let zero = |v: u64| !(((v & LOW) + LOW) | v) & HIGH;
    let mut at = 0;
    while let Some(chunk) = bytes.get(at..).and_then(<[u8]>::first_chunk::<8>) {
        let x = u64::from_le_bytes(*chunk);
        // below 0x20: with its high bit set, such a byte loses it when 0x20 is
        // taken off (and borrows from no other byte)
        let control = !((x | HIGH) - 0x20 * ONES) & !x & HIGH;
        let marks = control | zero(x ^ (u64::from(b'"') * ONES)) | zero(x ^ (u64::from(b'\\') * ONES));
        if marks != 0 {
            return Some(at + (marks.trailing_zeros() / 8) as usize);
        }
        at += 8;
    }
    bytes[at..].iter().position(|&b| b < 0x20 || b == b'"' || b == b'\\').map(|i| at + i)
}

/// JSON text written byte by byte into a buffer that goes to its writer
/// every 64 KiB: the same text serde_json makes (a test holds them equal),
/// without its machinery for each of a book's hundreds of thousands of fields.
struct JsonBytes<'w, W: Write> {
    buf: Vec<u8>,
    out: &'w mut W,
    /// Whether the object being written has no field yet.
    first: bool,
}

const FLUSH_BYTES: usize = 1 << 16;

impl<W: Write> JsonBytes<'_, W> {
    // inlined, so that the length of a constant piece is known where it is copied
    #[inline(always)]
    fn raw(&mut self, bytes: &[u8]) {
        self.buf.extend_from_slice(bytes);
    }

    /// Sends the buffer on once it is full.
    fn flush_full(&mut self) -> io::Result<()> {
        if self.buf.len() >= FLUSH_BYTES {
            self.out.write_all(&self.buf)?;
            self.buf.clear();
        }
        Ok(())
    }

    /// `"key":`, after a comma unless it is the object's first field (keys
    /// are this module's own words, which need no escaping).
    #[inline(always)]
    fn key(&mut self, key: &str) {
        if !std::mem::take(&mut self.first) {
            self.buf.push(b',');
        }
        self.buf.push(b'"');
        self.buf.extend_from_slice(key.as_bytes());
        self.buf.extend_from_slice(b"\":");
    }

    /// A JSON string, escaped as serde_json escapes it: quotes, backslashes
    /// and control characters.
    fn string(&mut self, s: &str) {
        let buf = &mut self.buf;
        buf.push(b'"');
        let mut rest = s.as_bytes();
        while let Some(i) = first_escaped(rest) {
            buf.extend_from_slice(&rest[..i]);
            let b = rest[i];
            rest = &rest[i + 1..];
            let escape: &[u8] = match b {
                b'"' => b"\\\"",
                b'\\' => b"\\\\",
                b'\n' => b"\\n",
                b'\r' => b"\\r",
                b'\t' => b"\\t",
                0x08 => b"\\b",
                0x0C => b"\\f",
                _ => {
                    const HEX: &[u8; 16] = b"0123456789abcdef";
                    buf.extend_from_slice(&[b'\\', b'u', b'0', b'0', HEX[usize::from(b >> 4)], HEX[usize::from(b & 15)]]);
                    continue;
                }
            };
            buf.extend_from_slice(escape);
        }
        buf.extend_from_slice(rest);
        buf.push(b'"');
    }

    fn uint(&mut self, n: usize) {
        let mut digits = [0u8; 21];
        let at = decimal(n, &mut digits);
        self.buf.extend_from_slice(&digits[at..]);
    }

    fn date_value(&mut self, date: crate::Date) {
        match IsoDate(date).bytes() {
            Some(text) => {
                self.buf.push(b'"');
                self.buf.extend_from_slice(&text);
                self.buf.push(b'"');
            }
            None => self.string(&date.to_string()),
        }
    }

    /// The array of entities.
    fn entities<T: AsRef<str>>(&mut self, doc: &Document<T>, chars: &mut CharOffsets<'_>) -> io::Result<()> {
        self.raw(b"[");
        for (i, e) in doc.entities.iter().enumerate() {
            if i > 0 {
                self.raw(b",");
            }
            // the fields that every entity has, keys and punctuation written as one piece each
            self.raw(b"{\"id\":\"e");
            self.uint(i + 1);
            self.raw(b"\",\"kind\":");
            self.string(e.kind.as_str());
            self.raw(b",\"start\":");
            self.uint(chars.char_offset(e.span.start));
            self.raw(b",\"end\":");
            self.uint(chars.char_offset(e.span.end));
            self.raw(b",\"text\":");
            self.string(doc.text_of(e));
            self.raw(b",\"norm\":{");
            self.first = true;
            let Ok(()) = norm_fields(self, &e.norm);
            self.raw(b"},\"rule\":");
            self.string(e.rule);
            self.raw(b"}");
            self.flush_full()?;
        }
        self.raw(b"]");
        Ok(())
    }
}

impl<W: Write> Fields for JsonBytes<'_, W> {
    type Error = std::convert::Infallible;
    fn str(&mut self, key: &'static str, value: &str) -> Result<(), Self::Error> {
        self.key(key);
        self.string(value);
        Ok(())
    }
    fn date(&mut self, key: &'static str, value: crate::Date) -> Result<(), Self::Error> {
        self.key(key);
        self.date_value(value);
        Ok(())
    }
    fn yes(&mut self, key: &'static str) -> Result<(), Self::Error> {
        self.key(key);
        self.raw(b"true");
        Ok(())
    }
}

impl<T: AsRef<str>> Json<'_, T> {
    /// Writes the document's JSON to `out`: the same text as serialising
    /// this value with serde_json, faster for a large document (its entities
    /// are written field by field into a buffer that goes to `out` every
    /// 64 KiB, so memory stays small whatever the document).
    ///
    /// ```
    /// use vigie::{Extractor, output::Json};
    /// let doc = Extractor::new().extract("Le président turc Recep Tayyip Erdogan est arrivé à Moscou le 9 mars 2017.");
    /// let json = Json { id: Some("d1"), source: None, document: &doc };
    /// let mut bytes = Vec::new();
    /// json.write_to(&mut bytes).unwrap();
    /// assert_eq!(String::from_utf8(bytes).unwrap(), serde_json::to_string(&json).unwrap());
    /// ```
    pub fn write_to<W: Write>(&self, out: &mut W) -> io::Result<()> {
        let doc = self.document;
        let mut w = JsonBytes { buf: Vec::with_capacity(FLUSH_BYTES + 4096), out, first: true };
        w.raw(b"{");
        if let Some(id) = self.id {
            let Ok(()) = w.str("id", id);
        }
        if let Some(source) = self.source {
            let Ok(()) = w.str("source", source);
        }
        if let Some((date, source)) = doc.reference_date {
            let Ok(()) = w.date("reference_date", date);
            let Ok(()) = w.str("reference_date_source", source.as_str());
        }
        w.key("entities");
        let mut chars = CharOffsets::new(doc.text.as_ref());
        w.entities(doc, &mut chars)?;
        w.key("events");
        // meetings are few: serde writes them, their offsets converted from
        // the counts kept as the entities were written
        serde_json::to_writer(&mut w.buf, &Events(doc, &RefCell::new(chars))).map_err(io::Error::other)?;
        w.raw(b"}");
        w.out.write_all(&w.buf)
    }
}

impl<T: AsRef<str>> Document<T> {
    /// The document as one line of JSON (the public output contract).
    ///
    /// ```
    /// let doc = vigie::Extractor::new().extract("Erdogan");
    /// assert!(doc.to_json(None).contains(r#""name":"Recep Tayyip Erdogan""#));
    /// ```
    pub fn to_json(&self, id: Option<&str>) -> String {
        let mut bytes = Vec::new();
        Json { id, source: None, document: self }.write_to(&mut bytes).expect("writing to memory cannot fail");
        String::from_utf8(bytes).expect("JSON made of strings is UTF-8")
    }
}

/// The meetings, with the converter of code points the entities used.
struct Events<'a, 'c, T>(&'a Document<T>, &'c RefCell<CharOffsets<'a>>);

impl<T: AsRef<str>> Serialize for Events<'_, '_, T> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let doc = self.0;
        let chars = &mut *self.1.borrow_mut();
        let mut seq = s.serialize_seq(Some(doc.meetings.len()))?;
        for (n, m) in doc.meetings.iter().enumerate() {
            seq.serialize_element(&JsonMeeting { n: n + 1, m, doc, trigger: (chars.char_offset(m.trigger.start), chars.char_offset(m.trigger.end)), sentence: (chars.char_offset(m.sentence.start), chars.char_offset(m.sentence.end)) })?;
        }
        seq.end()
    }
}

struct JsonMeeting<'a, T> {
    n: usize,
    m: &'a crate::events::Meeting,
    doc: &'a Document<T>,
    trigger: (usize, usize),
    sentence: (usize, usize),
}

/// A reference to an entity: its name or value and its id.
struct EntityRef<'a, T> {
    doc: &'a Document<T>,
    index: usize,
    actor: Option<&'a str>,
}

impl<T> Serialize for EntityRef<'_, T> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let e = &self.doc.entities[self.index];
        let mut map = s.serialize_map(None)?;
        norm_fields(&mut MapFields(&mut map), &e.norm)?;
        if let Some(a) = self.actor {
            map.serialize_entry("actor", a)?;
        }
        map.serialize_entry("entity", &Label(b'e', self.index + 1))?;
        map.end()
    }
}

impl<T: AsRef<str>> Serialize for JsonMeeting<'_, T> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let m = self.m;
        let doc = self.doc;
        let mut map = s.serialize_map(None)?;
        map.serialize_entry("id", &Label(b'm', self.n))?;
        map.serialize_entry("kind", "meeting")?;
        map.serialize_entry("status", m.status.as_str())?;
        let participants: Vec<EntityRef<'_, T>> =
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
        let text = |sp: crate::Span| doc.text.as_ref().get(sp.range()).unwrap_or("");
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

#[cfg(test)]
mod tests {
    use super::first_escaped;

    #[test]
    fn first_escaped_finds_what_a_byte_by_byte_search_finds() {
        let naive = |bytes: &[u8]| bytes.iter().position(|&b| b < 0x20 || b == b'"' || b == b'\\');
        // every byte value at every place of backgrounds of plain, high and
        // borderline bytes (a byte above one that borrows or carries must not be marked)
        for background in [b' ', b'a', 0x80, 0x82, 0xFF, 0x21, 0x5D, 0x23, 0x7F] {
            for len in 0..20 {
                for at in 0..len {
                    for value in 0..=255u8 {
                        let mut bytes = vec![background; len];
                        bytes[at] = value;
                        assert_eq!(first_escaped(&bytes), naive(&bytes), "{bytes:?}");
                        if at + 1 < len {
                            bytes[at + 1] = b'"';
                            assert_eq!(first_escaped(&bytes), naive(&bytes), "{bytes:?}");
                        }
                    }
                }
            }
        }
    }
}
