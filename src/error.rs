//! The one error type of vigie. Building an [`Extractor`](crate::Extractor)
//! can fail (a bad gazetteer file); extracting cannot.

use std::fmt;
use std::path::PathBuf;

/// An error from building an extractor or reading its configuration.
///
/// # Example
/// ```
/// use vigie::{Error, Extractor, GazetteerKind};
/// let err = Extractor::builder()
///     .gazetteer_file(GazetteerKind::Place, "/no/such/places.tsv")
///     .build()
///     .unwrap_err();
/// assert!(matches!(err, Error::Io { .. }));
/// assert!(err.to_string().contains("/no/such/places.tsv"));
/// ```
#[derive(Debug)]
#[non_exhaustive]
pub enum Error {
    /// A gazetteer file could not be read.
    Io {
        /// The file.
        path: PathBuf,
        /// What the system said.
        source: std::io::Error,
    },
    /// A line of a gazetteer is malformed.
    Gazetteer {
        /// The file (or the embedded gazetteer's name).
        file: String,
        /// The 1-based line number.
        line: usize,
        /// What is wrong with it.
        message: String,
    },
    /// A reference date is not an ISO date `YYYY-MM-DD`.
    InvalidDate {
        /// The text given.
        text: String,
    },
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Io { path, source } => write!(f, "cannot read {}: {}", path.display(), source),
            Error::Gazetteer { file, line, message } => write!(f, "{file}:{line}: {message}"),
            Error::InvalidDate { text } => write!(f, "invalid date {text:?}: expected YYYY-MM-DD"),
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::Io { source, .. } => Some(source),
            _ => None,
        }
    }
}
