//! The [`Extractor`]: gazetteers and automata built once, shared by threads,
//! applied to any number of texts.

use std::path::PathBuf;
use std::cell::RefCell;
use std::sync::{Arc, LazyLock};

use crate::dates::resolve::{self, Value};
use crate::dates::{Date, ReferenceSource};
use crate::document::{Document, Entity, Kind, Norm};
use crate::error::Error;
use crate::gazetteer::{GazetteerKind, Gazetteers};
use crate::recognize::{person, recognize_segment, DocState, Scratch};

/// Texts are analysed in segments of about this many bytes, cut at line
/// breaks, so that memory stays bounded whatever the size of a document.
/// Segments of 16 KiB, whose tokens stay in a core's L2 cache, made 40 %
/// fewer simulated L2 misses but ran no faster (the hardware prefetches the
/// passes over the tokens), and cut four times as often where context across
/// a line break is lost.
pub(crate) const SEGMENT_BYTES: usize = 64 * 1024;

/// Finds people, ranks, countries, nationalities, places and organisations
/// in French text.
///
/// Build it once (it parses the gazetteers and builds the automata), then
/// call [`Extractor::extract`] as often as needed, from as many threads as
/// needed: it is `Send + Sync` and cheap to clone.
///
/// # Example
/// ```
/// use vigie::{Extractor, Kind, Norm};
/// let extractor = Extractor::new();
/// let doc = extractor.extract("Le général Joseph Dunford s'est rendu à Antalya, en Turquie.");
/// let kinds: Vec<Kind> = doc.entities.iter().map(|e| e.kind).collect();
/// assert_eq!(kinds, [Kind::Rank, Kind::Person, Kind::Place, Kind::Country]);
/// let Norm::Rank { nato, .. } = &doc.entities[0].norm else { panic!() };
/// assert_eq!(&**nato, "OF-6..OF-9");
/// ```
#[derive(Clone, Debug)]
pub struct Extractor {
    gazetteers: Arc<Gazetteers>,
    options: Arc<ExtractorBuilder>,
}

/// Configures an [`Extractor`]: extra gazetteer files on top of the embedded ones.
///
/// # Example
/// ```
/// use vigie::{Extractor, GazetteerKind, Kind};
/// let places = "# source: my notes | licence: CC0 | retrieved: 2026-01-01\n\
///               id\tname\tcountry\tvariants\tpopulation\tflags\n\
///               x1\tCamp Bastion\tAFG\t\t0\t\n";
/// let extractor = Extractor::builder().gazetteer_text(GazetteerKind::Place, "mine.tsv", places).build()?;
/// let doc = extractor.extract("Ils ont quitté Camp Bastion hier.");
/// assert!(doc.entities.iter().any(|e| e.kind == Kind::Place && doc.text_of(e) == "Camp Bastion"));
/// # Ok::<(), vigie::Error>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ExtractorBuilder {
    files: Vec<(GazetteerKind, PathBuf)>,
    texts: Vec<(GazetteerKind, String, String)>,
}

impl ExtractorBuilder {
    /// Adds the entries of a TSV file (same columns as the embedded table of
    /// that kind, with its provenance and header lines).
    pub fn gazetteer_file(mut self, kind: GazetteerKind, path: impl Into<PathBuf>) -> ExtractorBuilder {
        self.files.push((kind, path.into()));
        self
    }

    /// Adds the entries of a TSV text; `name` names it in error messages.
    pub fn gazetteer_text(mut self, kind: GazetteerKind, name: impl Into<String>, tsv: impl Into<String>) -> ExtractorBuilder {
        self.texts.push((kind, name.into(), tsv.into()));
        self
    }

    /// The extra gazetteer files, in the order given.
    pub fn files(&self) -> &[(GazetteerKind, PathBuf)] {
        &self.files
    }

    /// Builds the extractor.
    ///
    /// # Errors
    /// [`Error::Io`] when a file cannot be read, [`Error::Gazetteer`] (with
    /// file and line) when a table is malformed.
    pub fn build(self) -> Result<Extractor, Error> {
        let mut tables = self.texts.clone();
        for (kind, path) in &self.files {
            let text = std::fs::read_to_string(path).map_err(|source| Error::Io { path: path.clone(), source })?;
            tables.push((*kind, path.display().to_string(), text));
        }
        let gazetteers = Gazetteers::build(&tables)?;
        Ok(Extractor { gazetteers: Arc::new(gazetteers), options: Arc::new(self) })
    }
}

static DEFAULT: LazyLock<Extractor> =
    LazyLock::new(|| ExtractorBuilder::default().build().expect("the embedded gazetteers are checked by the test suite and always parse"));

impl Default for Extractor {
    fn default() -> Extractor {
        Extractor::new()
    }
}

impl Extractor {
    /// The extractor with the embedded gazetteers. The first call builds it;
    /// later calls share it.
    pub fn new() -> Extractor {
        DEFAULT.clone()
    }

    /// A builder, to add gazetteers.
    pub fn builder() -> ExtractorBuilder {
        ExtractorBuilder::default()
    }

    /// The CAMEO actor code of a person entity's norm (« USA MIL »).
    pub fn actor_code(&self, norm: &Norm) -> Option<String> {
        crate::events::actor_code(&self.gazetteers, norm)
    }

    /// The options this extractor was built with (to rebuild it elsewhere).
    pub fn options(&self) -> &ExtractorBuilder {
        &self.options
    }

    /// Extracts the entities of `text`. Never fails and never panics: any
    /// string gives a document, possibly empty. Relative dates resolve
    /// against a date detected in the text (a dateline), if any.
    pub fn extract(&self, text: &str) -> Document {
        self.extract_string(text.to_string(), None)
    }

    /// Like [`Extractor::extract`], with the reference date for relative
    /// dates (the article's date).
    ///
    /// ```
    /// use vigie::{Date, Extractor, Norm};
    /// let doc = Extractor::new().extract_with_reference("Ils se sont vus hier.", "2017-03-28".parse::<Date>()?);
    /// let Norm::Date { start, .. } = &doc.entities[0].norm else { panic!() };
    /// assert_eq!(start.to_string(), "2017-03-27");
    /// # Ok::<(), vigie::Error>(())
    /// ```
    pub fn extract_with_reference(&self, text: &str, reference_date: Date) -> Document {
        self.extract_string(text.to_string(), Some(reference_date))
    }

    /// Like [`Extractor::extract`], taking the text without copying it.
    pub fn extract_string(&self, text: String, reference_date: Option<Date>) -> Document {
        self.extract_text(text, reference_date)
    }

    /// Like [`Extractor::extract_string`], for any owner of the text: a
    /// `String`, an `Arc<str>` shared with other code, a memory-mapped file
    /// checked as UTF-8. The document keeps it.
    ///
    /// ```
    /// use std::sync::Arc;
    /// use vigie::{Document, Extractor};
    /// let text: Arc<str> = Arc::from("Vladimir Poutine a reçu Recep Tayyip Erdogan au Kremlin.");
    /// let doc: Document<Arc<str>> = Extractor::new().extract_text(text.clone(), None);
    /// assert_eq!(doc.text_of(&doc.entities[0]), "Vladimir Poutine");
    /// assert!(Arc::ptr_eq(&doc.text, &text));
    /// ```
    pub fn extract_text<T: AsRef<str>>(&self, text: T, reference_date: Option<Date>) -> Document<T> {
        let (entities, reference_date, hints) = self.analyse(text.as_ref(), reference_date);
        let meetings = crate::events::meetings(&self.gazetteers, text.as_ref(), &entities, &hints);
        Document { text, entities, reference_date, meetings }
    }

    /// The entities of `text`, sorted by start then end.
    pub fn entities(&self, text: &str) -> Vec<Entity> {
        self.analyse(text, None).0
    }

    fn analyse(&self, text: &str, given: Option<Date>) -> (Vec<Entity>, Option<(Date, ReferenceSource)>, Vec<usize>) {
        let mut state = DocState::default();
        let mut entities = Vec::new();
        with_scratch(&self.gazetteers, |scratch| {
            for (offset, segment) in segments(text, SEGMENT_BYTES) {
                recognize_segment(&self.gazetteers, segment, offset, scratch, &mut state, &mut entities);
            }
        });
        person::resolve_document(text, &mut entities, &state.unclaimed);
        let reference = resolve::reference(&state.dates, given);
        let values = resolve::resolve_all(&state.dates, reference.map(|(d, _)| d));
        // the date entities, in the order of their mentions, get their values
        let dates = entities.iter_mut().filter(|e| e.kind == Kind::Date);
        for (entity, (mention, (value, anchor))) in dates.zip(state.dates.iter().zip(values)) {
            debug_assert_eq!(entity.span, mention.span);
            entity.norm = match value {
                Value::Interval { start, end, grain, approximate } => Norm::Date { start, end, grain, approximate, anchor },
                Value::Duration(iso) => Norm::Duration { iso: iso.into() },
                Value::Unresolved => Norm::Relative,
            };
        }
        crate::document::sort_by_span(&mut entities);
        (entities, reference, state.meeting_hints)
    }
}

thread_local! {
    /// Buffers reused by the calls of one thread, tagged with the gazetteers
    /// they were filled for (their word cache is only valid for those).
    static SCRATCH: RefCell<Option<(usize, Scratch)>> = const { RefCell::new(None) };
}

/// Runs `f` with this thread's scratch buffers for `gazetteers`.
fn with_scratch<R>(gazetteers: &Arc<Gazetteers>, f: impl FnOnce(&mut Scratch) -> R) -> R {
    let tag = Arc::as_ptr(gazetteers) as usize;
    SCRATCH.with(|cell| match cell.try_borrow_mut() {
        Ok(mut slot) => {
            if slot.as_ref().is_none_or(|(t, _)| *t != tag) {
                *slot = Some((tag, Scratch::default()));
            }
            let (_, scratch) = slot.as_mut().expect("the slot was just filled");
            let result = f(scratch);
            scratch.shrink();
            result
        }
        // Re-entered from inside an extraction on this thread: fresh buffers.
        Err(_) => f(&mut Scratch::default()),
    })
}

/// Cuts `text` into pieces of about `size` bytes, at a paragraph break, else
/// a line break, else a space, else a character boundary.
pub(crate) fn segments(text: &str, size: usize) -> impl Iterator<Item = (usize, &str)> {
    let mut start = 0;
    std::iter::from_fn(move || {
        if start >= text.len() {
            return None;
        }
        let mut end = text.len();
        if end - start > size {
            let window = &text.as_bytes()[start..start + size];
            let half = size / 2;
            let cut = find_last(window, b"\n\n", half).or_else(|| find_last(window, b"\n", half)).or_else(|| find_last(window, b" ", half));
            end = match cut {
                Some(c) => start + c + 1,
                None => {
                    let mut e = start + size;
                    while !text.is_char_boundary(e) {
                        e -= 1;
                    }
                    e
                }
            };
        }
        let piece = (start, &text[start..end]);
        start = end;
        Some(piece)
    })
}

/// The last place of `needle` (one or more line breaks, or a space) in
/// `hay` at or after `not_before`.
fn find_last(hay: &[u8], needle: &[u8], not_before: usize) -> Option<usize> {
    let (&last, before) = needle.split_last()?;
    let mut end = hay.len();
    // the last byte of the needle, found by memchr's vectorised backward search, then the rest
    while let Some(at) = memchr::memrchr(last, hay.get(not_before + before.len()..end)?) {
        let at = not_before + before.len() + at;
        if hay[..at].ends_with(before) {
            return Some(at - before.len());
        }
        end = at;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn find_last_agrees_with_a_search_at_each_position() {
        let naive = |hay: &[u8], needle: &[u8], not_before: usize| (not_before..=hay.len().saturating_sub(needle.len())).rev().find(|&i| hay[i..].starts_with(needle));
        let hays: [&[u8]; 6] = [b"", b"\n", b"a\n\nb\n", b"\n\n\n", b"ab cd\nef\n\ngh ij", b"no break at all"];
        for hay in hays {
            for needle in [&b"\n\n"[..], b"\n", b" "] {
                for not_before in 0..=hay.len() + 1 {
                    assert_eq!(find_last(hay, needle, not_before), naive(hay, needle, not_before), "{hay:?} {needle:?} {not_before}");
                }
            }
        }
    }
}
