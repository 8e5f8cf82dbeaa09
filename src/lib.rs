//! vigie reads French news and intelligence text and turns it into
//! structured, normalised facts: people (with rank, role and nationality),
//! military ranks (with NATO STANAG 2116 codes), countries and nationalities
//! (ISO 3166-1 alpha-3), places (with their country) and organisations.
//! Every item points back to its exact span in the original text.
//!
//! ```
//! use vigie::{Extractor, Kind, Norm};
//!
//! let text = "Le président turc Recep Tayyip Erdogan a été reçu à Moscou.";
//! let doc = Extractor::new().extract(text);
//! let people: Vec<&str> = doc.of_kind(Kind::Person).map(|e| doc.text_of(e)).collect();
//! assert_eq!(people, ["Recep Tayyip Erdogan"]);
//! let Norm::Person { country, role, .. } = &doc.of_kind(Kind::Person).next().unwrap().norm else { unreachable!() };
//! assert_eq!(country.as_deref(), Some("TUR"));
//! assert_eq!(role.as_deref(), Some("président"));
//! # Ok::<(), vigie::Error>(())
//! ```
//!
//! # Overview
//! Build an [`Extractor`] once (the embedded gazetteers need no
//! configuration; [`ExtractorBuilder`] adds your own), share it between
//! threads, and call [`Extractor::extract`] on each text. The [`Document`]
//! it returns lists [`Entity`] values, each with its [`Kind`], its [`Span`]
//! in the original text and its normalised value ([`Norm`]).
//!
//! # Pipeline
//! normalise ([`normalize`]) → tokenise ([`tokenize`]) → find gazetteer names
//! (one Aho-Corasick automaton) → recognise people, then ranks, then
//! organisations, countries, nationalities and places → resolve surnames
//! across the document → map spans back to the original.
//!
//! # Offsets
//! Rust spans are byte offsets into the original `&str`, so
//! `&text[span.range()]` is the entity's text. The JSON output ([`output`])
//! and the Python bindings use code-point offsets instead.
//!
//! # Crate features
//! - `cli` (default): the `vigie` command-line tool.

#![deny(missing_docs)]
#![deny(rustdoc::broken_intra_doc_links)]

pub mod dates;
mod document;
mod error;
pub mod events;
mod extractor;
mod gazetteer;
pub mod normalize;
pub mod offsets;
pub mod output;
mod recognize;
pub mod tokenize;

pub use dates::{Anchor, Date, Grain, ReferenceSource};
pub use document::{Document, Entity, Kind, Norm};
pub use error::Error;
pub use events::{Meeting, Status};
pub use extractor::{Extractor, ExtractorBuilder};
pub use gazetteer::GazetteerKind;
pub use offsets::Span;

#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
