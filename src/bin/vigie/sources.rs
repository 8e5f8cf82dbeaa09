//! Where documents come from: files, directories walked recursively (with
//! include and exclude globs), gzip files, JSON lines, standard input.
//!
//! A text file is one document; a JSON-lines file (`--jsonl`, or a name
//! ending in `.jsonl` / `.ndjson`, gzipped or not) is one document a line.
//! Anything that cannot be read becomes an error job, so that every input
//! document gives exactly one output record.

use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

use flate2::read::MultiGzDecoder;
use globset::{Glob, GlobSet, GlobSetBuilder};
use vigie::Date;

/// One document to extract, or the error that stands in its place.
pub struct Job {
    /// The document's id: the JSON line's `id`, else `line<N>`; the path for a text file.
    pub id: String,
    /// Where it came from: the path, or `path:line`.
    pub source: String,
    /// The text and its own reference date, or why there is none.
    pub input: Result<(Text, Option<Date>), String>,
}

/// A document's text: read into memory, or a large file mapped into it.
pub enum Text {
    Read(String),
    Mapped(MappedText),
}

impl std::ops::Deref for Text {
    type Target = str;
    fn deref(&self) -> &str {
        match self {
            Text::Read(text) => text,
            Text::Mapped(mapped) => mapped.as_str(),
        }
    }
}

impl AsRef<str> for Text {
    fn as_ref(&self) -> &str {
        self
    }
}

/// A file mapped into memory whose bytes were checked to be UTF-8.
///
/// The map is private and read-only, so vigie never writes the file; like
/// every reader of a mapped file, it trusts other programs not to change the
/// file while it is read (one that truncates it stops vigie with SIGBUS).
/// `--no-mmap` reads files instead.
pub struct MappedText(memmap2::Mmap);

impl MappedText {
    /// Maps `file`; `Ok(Err(offset))` when its bytes are not UTF-8.
    fn map(file: &File) -> io::Result<Result<MappedText, usize>> {
        // SAFETY: the map is read-only and private; a change of the file by
        // another program while it is mapped is outside what vigie answers for
        // (see the type's documentation).
        let map = unsafe { memmap2::Mmap::map(file)? };
        let _ = map.advise(memmap2::Advice::Sequential);
        Ok(check_utf8(&map).map(|()| MappedText(map)))
    }

    fn as_str(&self) -> &str {
        // SAFETY: the bytes were checked to be UTF-8 when mapped.
        unsafe { std::str::from_utf8_unchecked(&self.0) }
    }
}

/// Files from this size up are mapped into memory rather than read: below it,
/// mapping and unmapping cost more than the copy they save.
const MAP_FROM_BYTES: u64 = 1 << 20;

impl Job {
    /// The error record that stands for what could not be read at `source`.
    fn unreadable(source: String, error: impl std::fmt::Display) -> Job {
        Job { id: source.clone(), source, input: Err(format!("cannot read: {error}")) }
    }
}

/// Which paths of a walked directory are read.
pub struct Filter {
    include: Option<GlobSet>,
    exclude: GlobSet,
    /// The output file, never read as input (it may sit in the walked folder).
    output: Option<PathBuf>,
}

impl Filter {
    pub fn new(include: &[String], exclude: &[String], output: Option<&Path>) -> Result<Filter, String> {
        let set = |globs: &[String]| -> Result<GlobSet, String> {
            let mut b = GlobSetBuilder::new();
            for g in globs {
                b.add(Glob::new(g).map_err(|e| format!("bad glob {g:?}: {e}"))?);
            }
            b.build().map_err(|e| e.to_string())
        };
        Ok(Filter {
            include: if include.is_empty() { None } else { Some(set(include)?) },
            exclude: set(exclude)?,
            output: output.and_then(|p| p.canonicalize().ok()),
        })
    }

    /// The regular files below `root` that the globs accept, in file-name
    /// order (a pipe, a socket or a device there would block or never end),
    /// and the entries that could not be read.
    fn files_below<'f>(&'f self, root: &'f Path) -> impl Iterator<Item = Result<walkdir::DirEntry, walkdir::Error>> + 'f {
        walkdir::WalkDir::new(root).follow_links(true).sort_by_file_name().into_iter().filter(move |entry| match entry {
            Ok(e) => e.file_type().is_file() && self.accepts(e.path(), e.path().strip_prefix(root).unwrap_or(e.path())),
            Err(_) => true,
        })
    }

    /// `relative` is the path below the walked folder; globs match it (so
    /// `*.txt` matches at any depth) or the bare file name.
    fn accepts(&self, path: &Path, relative: &Path) -> bool {
        let name = Path::new(relative.file_name().unwrap_or_default());
        let hit = |set: &GlobSet| set.is_match(relative) || set.is_match(name);
        if self.include.as_ref().is_some_and(|inc| !hit(inc)) || hit(&self.exclude) {
            return false;
        }
        match &self.output {
            // resolving a path costs system calls: only for a file of the output's name
            Some(out) if path.file_name() == out.file_name() => path.canonicalize().map_or(true, |p| &p != out),
            _ => true,
        }
    }
}

/// Byte counters shared with the progress display: bytes read from disk
/// (compressed where the file is), and bytes of text handed to extraction.
#[derive(Default)]
pub struct Counters {
    pub disk: AtomicU64,
    pub text: AtomicU64,
}

/// Counts the bytes read through it.
struct Counting<R> {
    inner: R,
    counters: Arc<Counters>,
}

impl<R: Read> Read for Counting<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.counters.disk.fetch_add(n as u64, Ordering::Relaxed);
        Ok(n)
    }
}

/// What the reader needs to turn paths into jobs.
pub struct Reader<'a> {
    pub jsonl: bool,
    /// Whether large text files may be mapped into memory (see [`MappedText`]).
    pub mmap: bool,
    pub reference: Option<Date>,
    pub filter: &'a Filter,
    pub counters: Arc<Counters>,
}

impl Reader<'_> {
    /// Calls `emit` with every job of every input, in order: command-line
    /// order, then file-name order inside folders, then line order.
    /// Stops early when `emit` returns false (the output went away).
    pub fn run(&self, inputs: &[PathBuf], emit: &mut dyn FnMut(Job) -> bool) {
        for input in inputs {
            if input.as_os_str() == "-" {
                let stdin = io::stdin();
                let reader = Counting { inner: stdin.lock(), counters: self.counters.clone() };
                if !self.read_stream("<stdin>", Box::new(BufReader::with_capacity(1 << 16, reader)), self.jsonl, emit) {
                    return;
                }
            } else if input.is_dir() {
                for entry in self.filter.files_below(input) {
                    let keep_going = match entry {
                        Ok(e) => self.read_file(e.path(), emit),
                        Err(e) => emit(Job::unreadable(e.path().unwrap_or(input).display().to_string(), &e)),
                    };
                    if !keep_going {
                        return;
                    }
                }
            } else if !self.read_file(input, emit) {
                return;
            }
        }
    }

    fn read_file(&self, path: &Path, emit: &mut dyn FnMut(Job) -> bool) -> bool {
        let source = path.display().to_string();
        let file = match File::open(path) {
            Ok(f) => f,
            Err(e) => return emit(Job::unreadable(source, e)),
        };
        let name = path.file_name().map(|n| n.to_string_lossy().to_lowercase()).unwrap_or_default();
        let (inner_name, gzipped) = match name.strip_suffix(".gz") {
            Some(inner) => (inner.to_string(), true),
            None => (name, false),
        };
        let jsonl = self.jsonl || inner_name.ends_with(".jsonl") || inner_name.ends_with(".ndjson");
        if !jsonl && !gzipped {
            let size = file.metadata().ok().filter(|m| m.is_file()).map_or(0, |m| m.len());
            if self.mmap && size >= MAP_FROM_BYTES {
                if let Ok(mapped) = MappedText::map(&file) {
                    self.counters.disk.fetch_add(size, Ordering::Relaxed);
                    return emit(self.mapped_job(source, mapped));
                }
                // a file that cannot be mapped is read
            }
            // Read by the file itself: it allocates once, for the file's size,
            // and fills memory without first clearing it as a generic reader must.
            let mut bytes = Vec::new();
            let read = (&file).read_to_end(&mut bytes);
            self.counters.disk.fetch_add(bytes.len() as u64, Ordering::Relaxed);
            return emit(self.text_job(source, read.map(|_| bytes)));
        }
        let counted = Counting { inner: file, counters: self.counters.clone() };
        let reader: Box<dyn BufRead> = if gzipped {
            Box::new(BufReader::with_capacity(1 << 16, MultiGzDecoder::new(BufReader::with_capacity(1 << 16, counted))))
        } else {
            Box::new(BufReader::with_capacity(1 << 16, counted))
        };
        self.read_stream(&source, reader, jsonl, emit)
    }

    /// The job of one whole text, from its bytes or the error that kept them.
    fn text_job(&self, source: String, bytes: io::Result<Vec<u8>>) -> Job {
        let input = match bytes {
            Err(e) => Err(format!("cannot read: {e}")),
            Ok(bytes) => match utf8_string(bytes) {
                Ok(text) => Ok(self.counted(Text::Read(text))),
                Err(offset) => Err(not_utf8(offset)),
            },
        };
        Job { id: source.clone(), source, input }
    }

    /// The job of one mapped file, or of the offset where it is not UTF-8.
    fn mapped_job(&self, source: String, mapped: Result<MappedText, usize>) -> Job {
        let input = match mapped {
            Ok(mapped) => Ok(self.counted(Text::Mapped(mapped))),
            Err(offset) => Err(not_utf8(offset)),
        };
        Job { id: source.clone(), source, input }
    }

    /// The text with the reference date, counted for the progress display.
    fn counted(&self, text: Text) -> (Text, Option<Date>) {
        self.counters.text.fetch_add(text.len() as u64, Ordering::Relaxed);
        (text, self.reference)
    }

    /// One stream: one document, or one a line.
    fn read_stream(&self, source: &str, mut reader: Box<dyn BufRead + '_>, jsonl: bool, emit: &mut dyn FnMut(Job) -> bool) -> bool {
        if !jsonl {
            let mut bytes = Vec::new();
            let read = reader.read_to_end(&mut bytes);
            return emit(self.text_job(source.to_string(), read.map(|_| bytes)));
        }
        let mut line = Vec::new();
        let mut line_no = 0usize;
        loop {
            line.clear();
            match reader.read_until(b'\n', &mut line) {
                Ok(0) => return true,
                Ok(_) => {}
                Err(e) => {
                    return emit(Job::unreadable(format!("{source}:{}", line_no + 1), e));
                }
            }
            line_no += 1;
            let trimmed = line.trim_ascii();
            if trimmed.is_empty() {
                continue;
            }
            let at = format!("{source}:{line_no}");
            let job = match parse_line(trimmed, self.reference) {
                Ok((id, text, reference)) => {
                    self.counters.text.fetch_add(text.len() as u64, Ordering::Relaxed);
                    Job { id: id.unwrap_or_else(|| format!("line{line_no}")), source: at, input: Ok((Text::Read(text), reference)) }
                }
                Err((id, message)) => Job { id: id.unwrap_or_else(|| format!("line{line_no}")), source: at, input: Err(message) },
            };
            if !emit(job) {
                return false;
            }
        }
    }
}

fn not_utf8(offset: usize) -> String {
    format!("not UTF-8: invalid byte at offset {offset}")
}

/// Whether `bytes` are UTF-8, checked with SIMD (the standard library's
/// check is several times slower on accented text); else the offset of the
/// first byte that is not.
fn check_utf8(bytes: &[u8]) -> Result<(), usize> {
    match simdutf8::basic::from_utf8(bytes) {
        Ok(_) => Ok(()),
        // the fast check does not say where: the standard one does
        Err(_) => Err(std::str::from_utf8(bytes).err().map_or(0, |e| e.valid_up_to())),
    }
}

/// The bytes as a string (see [`check_utf8`]), or the offset where they
/// stop being UTF-8.
fn utf8_string(bytes: Vec<u8>) -> Result<String, usize> {
    check_utf8(&bytes)?;
    // SAFETY: the bytes were just checked to be UTF-8.
    Ok(unsafe { String::from_utf8_unchecked(bytes) })
}

type LineError = (Option<String>, String);

/// The fields of an input line vigie reads; any other field (gold
/// annotations, metadata) is skipped without being built.
#[derive(serde::Deserialize)]
struct Line {
    #[serde(default)]
    id: Option<serde_json::Value>,
    #[serde(default)]
    text: Option<serde_json::Value>,
    #[serde(default)]
    reference_date: Option<serde_json::Value>,
}

/// One JSON line `{"id", "text", "reference_date"?}`; its own reference
/// date comes before the command line's.
fn parse_line(bytes: &[u8], default_reference: Option<Date>) -> Result<(Option<String>, String, Option<Date>), LineError> {
    use serde_json::Value;
    let text = std::str::from_utf8(bytes).map_err(|e| (None, format!("invalid UTF-8 at byte {}", e.valid_up_to())))?;
    let line: Line = serde_json::from_str(text).map_err(|e| (None, format!("invalid JSON: {e}")))?;
    let id = match line.id {
        Some(Value::String(s)) => Some(s),
        Some(v @ Value::Number(_)) => Some(v.to_string()),
        _ => None,
    };
    let reference = match line.reference_date {
        None | Some(Value::Null) => default_reference,
        Some(Value::String(d)) => Some(d.parse::<Date>().map_err(|e| (id.clone(), e.to_string()))?),
        Some(_) => return Err((id, "\"reference_date\" must be a string YYYY-MM-DD".to_string())),
    };
    match line.text {
        Some(Value::String(t)) => Ok((id, t, reference)),
        _ => Err((id, "missing string field \"text\"".to_string())),
    }
}

/// The bytes on disk of every input (for the progress bar's ETA); `None`
/// when standard input is among them.
pub fn total_bytes(inputs: &[PathBuf], filter: &Filter) -> Option<u64> {
    let mut total = 0;
    for input in inputs {
        if input.as_os_str() == "-" {
            return None;
        }
        if input.is_dir() {
            total += filter.files_below(input).flatten().map(|e| e.metadata().map_or(0, |m| m.len())).sum::<u64>();
        } else {
            total += std::fs::metadata(input).map_or(0, |m| m.len());
        }
    }
    Some(total)
}
