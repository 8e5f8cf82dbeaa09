//! The streaming pipeline: one reader thread turns inputs into batches of
//! jobs, worker threads extract them and render their output lines, and the
//! calling thread writes the batches out, in input order unless told
//! otherwise.
//!
//! Memory stays bounded whatever the archive's size: the reader must take a
//! permit before it hands a batch on, and the writer returns the permit once
//! the batch is written, so at most `IN_FLIGHT_PER_THREAD × threads` batches
//! (each about `BATCH_BYTES` of text, or one larger document) exist at once.

use std::collections::BTreeMap;
use std::io::{self, Write};
use std::path::PathBuf;
use std::sync::atomic::Ordering;
use std::sync::mpsc::{self, Receiver, SyncSender};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use vigie::{output::Json, Extractor};

use crate::resume::Done;
use crate::sources::{Counters, Job, Reader, Text};
use crate::summary::summary;

/// A batch closes when its texts reach this size…
const BATCH_BYTES: usize = 1 << 20;
/// …or when it holds this many documents.
const BATCH_DOCS: usize = 1024;
/// Batches in flight (read, being extracted, or waiting to be written) per worker.
const IN_FLIGHT_PER_THREAD: usize = 4;

/// How documents are written.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// The readable summary.
    Summary,
    /// One JSON record a line.
    JsonLines,
}

pub struct Options {
    pub threads: usize,
    pub ordered: bool,
    pub format: Format,
    pub progress: bool,
    pub total_bytes: Option<u64>,
}

/// What a run did.
#[derive(Default)]
pub struct Stats {
    pub documents: u64,
    pub errors: u64,
    pub skipped: u64,
    pub text_bytes: u64,
    pub elapsed: Duration,
}

impl Stats {
    pub fn line(&self, threads: usize) -> String {
        let secs = self.elapsed.as_secs_f64().max(1e-9);
        let mb = self.text_bytes as f64 / 1e6;
        let size = if self.text_bytes < 1_000_000 { format!("{:.1} KB", self.text_bytes as f64 / 1e3) } else { format!("{mb:.1} MB") };
        let mut s = format!(
            "{} document{}, {size} of text in {:.2} s ({:.1} MB/s, {} thread{})",
            self.documents,
            if self.documents == 1 { "" } else { "s" },
            secs,
            mb / secs,
            threads,
            if threads == 1 { "" } else { "s" }
        );
        if self.errors > 0 {
            s.push_str(&format!(", {} error record{}", self.errors, if self.errors == 1 { "" } else { "s" }));
        }
        if self.skipped > 0 {
            s.push_str(&format!(", {} already done (skipped)", self.skipped));
        }
        s
    }
}

struct Batch {
    seq: u64,
    jobs: Vec<Job>,
}

struct Rendered {
    seq: u64,
    pieces: Vec<Piece>,
    documents: u64,
    errors: u64,
}

/// Output of a batch: lines rendered by the worker, or a document so large
/// that the writer serialises it straight to the output rather than holding
/// its JSON in memory next to its text.
enum Piece {
    Lines(Vec<u8>),
    Document { id: String, source: String, document: vigie::Document<Text> },
}

/// A document's JSON is written by the writer above this size of text.
const STREAMED_TEXT_BYTES: usize = 4 << 20;

/// Runs the pipeline over `inputs`, writing to `out`.
pub fn run(
    extractor: &Extractor,
    reader: &Reader<'_>,
    inputs: &[PathBuf],
    done: &Done,
    options: &Options,
    out: &mut dyn Write,
) -> io::Result<Stats> {
    let started = Instant::now();
    let threads = options.threads.max(1);
    let in_flight = IN_FLIGHT_PER_THREAD * threads;
    let (batch_tx, batch_rx) = mpsc::sync_channel::<Batch>(in_flight);
    let batch_rx = Arc::new(Mutex::new(batch_rx));
    let (rendered_tx, rendered_rx) = mpsc::channel::<Rendered>();
    let (permit_tx, permit_rx) = mpsc::sync_channel::<()>(in_flight);
    for _ in 0..in_flight {
        permit_tx.send(()).expect("the permit channel has room for every permit");
    }
    let counters: &Arc<Counters> = &reader.counters;
    let mut stats = Stats::default();
    let progress = options.progress.then(|| progress_bar(options.total_bytes));

    let result = std::thread::scope(|scope| -> io::Result<()> {
        let skipped = scope.spawn(move || read_batches(reader, inputs, done, batch_tx, permit_rx));
        for _ in 0..threads {
            let batch_rx = batch_rx.clone();
            let rendered_tx = rendered_tx.clone();
            let format = options.format;
            scope.spawn(move || work(extractor, format, &batch_rx, &rendered_tx));
        }
        // The workers hold the only receivers and senders from here on, so
        // that each side sees the other go away.
        drop(batch_rx);
        drop(rendered_tx);
        let written = write_batches(&rendered_rx, &permit_tx, options.ordered, out, &mut stats, |stats| {
            if let Some(bar) = &progress {
                update(bar, stats, counters, started);
            }
        });
        // On a write error, dropping the receivers stops the workers and the
        // reader at their next send.
        drop(rendered_rx);
        drop(permit_tx);
        stats.skipped = skipped.join().unwrap_or_else(|e| std::panic::resume_unwind(e));
        written
    });
    if let Some(bar) = progress {
        bar.finish_and_clear();
    }
    stats.text_bytes = counters.text.load(Ordering::Relaxed);
    stats.elapsed = started.elapsed();
    result.map(|()| stats)
}

/// The reader thread: groups jobs into batches, skips those already done.
/// Returns how many were skipped.
fn read_batches(reader: &Reader<'_>, inputs: &[PathBuf], done: &Done, batch_tx: SyncSender<Batch>, permits: Receiver<()>) -> u64 {
    let mut seq = 0;
    let mut skipped = 0;
    let mut jobs = Vec::new();
    let mut bytes = 0;
    let mut send = |jobs: &mut Vec<Job>, bytes: &mut usize| -> bool {
        if permits.recv().is_err() {
            return false;
        }
        let batch = Batch { seq, jobs: std::mem::take(jobs) };
        seq += 1;
        *bytes = 0;
        batch_tx.send(batch).is_ok()
    };
    let mut alive = true;
    reader.run(inputs, &mut |job| {
        if done.contains(&job.source) {
            skipped += 1;
            return true;
        }
        bytes += job.input.as_ref().map_or(0, |(text, _)| text.len());
        jobs.push(job);
        if bytes >= BATCH_BYTES || jobs.len() >= BATCH_DOCS {
            alive = send(&mut jobs, &mut bytes);
        }
        alive
    });
    if alive && !jobs.is_empty() {
        send(&mut jobs, &mut bytes);
    }
    skipped
}

/// A worker: extracts each job of a batch and renders its output.
fn work(extractor: &Extractor, format: Format, batches: &Mutex<Receiver<Batch>>, rendered: &mpsc::Sender<Rendered>) {
    loop {
        let batch = match batches.lock() {
            Ok(rx) => rx.recv(),
            Err(_) => return,
        };
        let Ok(batch) = batch else { return };
        // the JSON of prose is about half its text (less for news), so this
        // rarely grows
        let small = |j: &Job| j.input.as_ref().map_or(64, |(t, _)| if t.len() > STREAMED_TEXT_BYTES { 0 } else { t.len() / 2 + 256 });
        let mut out = Vec::with_capacity(batch.jobs.iter().map(small).sum());
        let mut pieces = Vec::new();
        let mut errors = 0;
        let documents = batch.jobs.len() as u64;
        for job in batch.jobs {
            match job.input {
                Ok((text, reference)) => {
                    let large = text.len() > STREAMED_TEXT_BYTES;
                    let doc = extractor.extract_text(text, reference);
                    match format {
                        Format::JsonLines if large => {
                            pieces.push(Piece::Lines(std::mem::take(&mut out)));
                            pieces.push(Piece::Document { id: job.id, source: job.source, document: doc });
                        }
                        Format::JsonLines => json_line(&mut out, &job.id, &job.source, &doc).expect("writing JSON to memory cannot fail"),
                        Format::Summary => {
                            summary(&job.id, &doc, &mut out).expect("writing to memory cannot fail");
                        }
                    }
                }
                Err(message) => {
                    errors += 1;
                    match format {
                        Format::JsonLines => {
                            let record = serde_json::json!({ "id": job.id, "source": job.source, "error": message });
                            serde_json::to_writer(&mut out, &record).expect("writing JSON to memory cannot fail");
                            out.push(b'\n');
                        }
                        Format::Summary => {
                            let _ = writeln!(out, "== {}\nerror: {message}", job.source);
                        }
                    }
                }
            }
        }
        pieces.push(Piece::Lines(out));
        if rendered.send(Rendered { seq: batch.seq, pieces, documents, errors }).is_err() {
            return;
        }
    }
}

/// One document's JSON record and its newline.
fn json_line(out: &mut impl Write, id: &str, source: &str, document: &vigie::Document<Text>) -> io::Result<()> {
    Json { id: Some(id), source: Some(source), document }.write_to(&mut *out)?;
    out.write_all(b"\n")
}

/// The writer: writes each batch whole (complete lines only), in sequence
/// order when `ordered`, and gives its permit back.
fn write_batches(
    rendered: &Receiver<Rendered>,
    permits: &SyncSender<()>,
    ordered: bool,
    out: &mut dyn Write,
    stats: &mut Stats,
    mut on_batch: impl FnMut(&Stats),
) -> io::Result<()> {
    let mut next = 0u64;
    let mut waiting: BTreeMap<u64, Rendered> = BTreeMap::new();
    for batch in rendered {
        if !ordered {
            write_one(batch, out, permits, stats)?;
            on_batch(stats);
            continue;
        }
        waiting.insert(batch.seq, batch);
        while let Some(batch) = waiting.remove(&next) {
            write_one(batch, out, permits, stats)?;
            next += 1;
            on_batch(stats);
        }
    }
    out.flush()
}

fn write_one(batch: Rendered, out: &mut dyn Write, permits: &SyncSender<()>, stats: &mut Stats) -> io::Result<()> {
    for piece in batch.pieces {
        match piece {
            Piece::Lines(lines) => out.write_all(&lines)?,
            Piece::Document { id, source, document } => {
                let mut w = io::BufWriter::with_capacity(1 << 16, &mut *out);
                json_line(&mut w, &id, &source, &document)?;
                w.flush()?;
            }
        }
    }
    stats.documents += batch.documents;
    stats.errors += batch.errors;
    // The reader may have finished; a closed channel is fine.
    let _ = permits.try_send(());
    Ok(())
}

fn progress_bar(total: Option<u64>) -> ProgressBar {
    let bar = match total {
        Some(t) => ProgressBar::with_draw_target(Some(t), ProgressDrawTarget::stderr()),
        None => ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr()),
    };
    let template = if total.is_some() {
        "{elapsed_precise} [{bar:30}] {percent:>3}% {msg} ETA {eta}"
    } else {
        "{elapsed_precise} {spinner} {msg}"
    };
    bar.set_style(ProgressStyle::with_template(template).expect("the template is valid").progress_chars("=> "));
    bar.enable_steady_tick(Duration::from_millis(200));
    bar
}

fn update(bar: &ProgressBar, stats: &Stats, counters: &Counters, started: Instant) {
    let text = counters.text.load(Ordering::Relaxed) as f64 / 1e6;
    let secs = started.elapsed().as_secs_f64().max(1e-9);
    bar.set_position(counters.disk.load(Ordering::Relaxed));
    bar.set_message(format!("{} docs, {:.1} MB, {:.1} MB/s", stats.documents, text, text / secs));
}
