//! The native part of the Python package `vigie`: an extractor that returns
//! each document as its JSON (the public output contract), which the Python
//! side turns into objects only when they are looked at. Extraction runs with
//! the GIL released; batches run on a pool of scoped threads.

use std::sync::atomic::{AtomicUsize, Ordering};

use pyo3::exceptions::{PyFileNotFoundError, PyOSError, PyPermissionError, PyValueError};
use pyo3::prelude::*;
use pyo3::pybacked::PyBackedStr;
use pyo3::types::PyBytes;

use vigie::{Date, Error, GazetteerKind};

/// Maps a Rust error to the exception classes of `vigie._errors`.
fn to_py_err(py: Python<'_>, err: Error) -> PyErr {
    let errors = match py.import("vigie._errors") {
        Ok(module) => module,
        Err(e) => return e,
    };
    let raise = |class: &str, args: (String, Option<String>, Option<usize>)| -> PyErr {
        match errors.getattr(class).and_then(|c| c.call1(args)) {
            Ok(instance) => PyErr::from_value(instance),
            Err(e) => e,
        }
    };
    match err {
        Error::Io { path, source } => {
            // (errno, strerror, filename), as the OSError family takes them.
            let args = (source.raw_os_error().unwrap_or(0), source.to_string(), path.display().to_string());
            match source.kind() {
                std::io::ErrorKind::NotFound => PyFileNotFoundError::new_err(args),
                std::io::ErrorKind::PermissionDenied => PyPermissionError::new_err(args),
                _ => PyOSError::new_err(args),
            }
        }
        Error::Gazetteer { file, line, message } => {
            raise("GazetteerError", (format!("{file}:{line}: {message}"), Some(file), Some(line)))
        }
        Error::InvalidDate { text } => raise("InvalidDateError", (text, None, None)),
        other => PyValueError::new_err(other.to_string()),
    }
}

fn gazetteer_kind(name: &str) -> PyResult<GazetteerKind> {
    Ok(match name {
        "country" => GazetteerKind::Country,
        "nationality" => GazetteerKind::Nationality,
        "place" => GazetteerKind::Place,
        "person" => GazetteerKind::Person,
        "rank" => GazetteerKind::Rank,
        "role" => GazetteerKind::Role,
        "organization" => GazetteerKind::Organization,
        other => {
            return Err(PyValueError::new_err(format!(
                "unknown gazetteer kind {other:?}: expected one of country, nationality, place, person, rank, role, organization"
            )))
        }
    })
}

fn parse_date(py: Python<'_>, text: Option<&str>) -> PyResult<Option<Date>> {
    text.map(|t| t.parse::<Date>().map_err(|e| to_py_err(py, e))).transpose()
}

/// The native extractor. `tables` are extra gazetteers as
/// `(kind, name, tsv_text)` triples.
#[pyclass(module = "vigie._vigie", frozen, name = "NativeExtractor")]
struct NativeExtractor {
    inner: vigie::Extractor,
}

#[pymethods]
impl NativeExtractor {
    #[new]
    #[pyo3(signature = (tables=Vec::new()))]
    fn new(py: Python<'_>, tables: Vec<(String, String, String)>) -> PyResult<Self> {
        if tables.is_empty() {
            return Ok(NativeExtractor { inner: py.detach(vigie::Extractor::new) });
        }
        let mut builder = vigie::Extractor::builder();
        for (kind, name, text) in tables {
            builder = builder.gazetteer_text(gazetteer_kind(&kind)?, name, text);
        }
        let built = py.detach(move || builder.build());
        Ok(NativeExtractor { inner: built.map_err(|e| to_py_err(py, e))? })
    }

    /// One document as JSON.
    #[pyo3(signature = (text, reference_date=None))]
    fn extract(&self, py: Python<'_>, text: String, reference_date: Option<&str>) -> PyResult<String> {
        let reference = parse_date(py, reference_date)?;
        Ok(py.detach(|| self.inner.extract_string(text, reference).to_json(None)))
    }

    /// Many documents as JSON (UTF-8 bytes), in order, on `threads` threads.
    #[pyo3(signature = (texts, reference_dates=None, threads=1))]
    fn extract_batch<'py>(
        &self,
        py: Python<'py>,
        texts: Vec<PyBackedStr>,
        reference_dates: Option<Vec<Option<String>>>,
        threads: usize,
    ) -> PyResult<Vec<Bound<'py, PyBytes>>> {
        let references: Vec<Option<Date>> = match reference_dates {
            None => vec![None; texts.len()],
            Some(dates) => {
                if dates.len() != texts.len() {
                    return Err(PyValueError::new_err(format!(
                        "{} reference dates for {} texts: give one per text (or None)",
                        dates.len(),
                        texts.len()
                    )));
                }
                dates.iter().map(|d| parse_date(py, d.as_deref())).collect::<PyResult<_>>()?
            }
        };
        let extractor = &self.inner;
        let jsons = py.detach(move || run_batch(extractor, texts, references, threads.max(1)));
        // bytes, not str: no decoding here; Python parses them only if asked
        Ok(jsons.iter().map(|j| PyBytes::new(py, j.as_bytes())).collect())
    }
}

/// Extracts every text, each worker taking the next unclaimed one, so that a
/// long article does not hold up a whole share of the batch.
fn run_batch(extractor: &vigie::Extractor, texts: Vec<PyBackedStr>, references: Vec<Option<Date>>, threads: usize) -> Vec<String> {
    let n = texts.len();
    if threads == 1 || n < 2 {
        return texts.iter().zip(references).map(|(t, r)| extractor.extract_string(t.to_string(), r).to_json(None)).collect();
    }
    let next = AtomicUsize::new(0);
    let mut done: Vec<(usize, String)> = Vec::with_capacity(n);
    std::thread::scope(|scope| {
        let workers: Vec<_> = (0..threads.min(n))
            .map(|_| {
                scope.spawn(|| {
                    let mut out = Vec::new();
                    loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        if i >= n {
                            break out;
                        }
                        out.push((i, extractor.extract_string(texts[i].to_string(), references[i]).to_json(None)));
                    }
                })
            })
            .collect();
        for worker in workers {
            // extract never panics; a join error would be a bug, and it is
            // re-raised rather than hidden.
            done.extend(worker.join().unwrap_or_else(|e| std::panic::resume_unwind(e)));
        }
    });
    done.sort_unstable_by_key(|(i, _)| *i);
    done.into_iter().map(|(_, json)| json).collect()
}

/// The normalised text (NFC, apostrophes, quotes, spaces, dashes; see
/// NORMALIZATION.md).
#[pyfunction]
fn normalize(text: &str) -> String {
    vigie::normalize::normalize(text).text
}

/// The case- and accent-folded matching key.
#[pyfunction]
fn fold(text: &str) -> String {
    vigie::normalize::fold(text).text
}

#[pymodule]
fn _vigie(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<NativeExtractor>()?;
    m.add_function(wrap_pyfunction!(normalize, m)?)?;
    m.add_function(wrap_pyfunction!(fold, m)?)?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
