//! The `vigie` command-line tool: `vigie extract` over files, folders,
//! gzip files, JSON lines or standard input, in parallel, streaming.

mod batch;
mod resume;
mod sources;
mod summary;

use std::fs::OpenOptions;
use std::io::{self, BufWriter, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

use clap::{Parser, Subcommand};
use vigie::{Date, Extractor};

use batch::{Format, Options};
use resume::Done;
use sources::{Counters, Filter, Reader};

#[derive(Parser)]
#[command(name = "vigie", version, about = "Structured facts from French news: people, ranks, countries, places, organisations, dates, meetings", after_help = EXAMPLES)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

const EXAMPLES: &str = "Examples:
  vigie extract examples/antalya-2017.txt           readable summary
  vigie extract --json examples/antalya-2017.txt    the JSON document, one line
  vigie extract --jsonl < articles.jsonl > out.jsonl
      one {\"id\", \"text\", \"reference_date\"?} object a line in, one JSON record a line out
  vigie extract archive/ --include '*.txt' --include '*.jsonl.gz' -o out.jsonl
      a folder, recursively: text files are one document each, .jsonl and
      .ndjson files (gzipped or not) one document a line
  vigie extract archive/ -o out.jsonl --resume
      after an interruption: skip what out.jsonl holds, do the rest

Every input document gives exactly one output record, in input order unless
--unordered; one that cannot be read gives {\"id\", \"source\", \"error\"}.

Exit codes: 0 success; 1 some inputs gave error records; 2 usage error, or the
output could not be written.";

#[derive(Subcommand)]
enum Command {
    /// Extracts entities and meetings from files, folders or standard input.
    Extract(ExtractArgs),
}

#[derive(clap::Args)]
struct ExtractArgs {
    /// Files or folders to read; standard input when none is given (or `-`).
    inputs: Vec<PathBuf>,
    /// Write JSON records, one a line (the default with --jsonl, --output or a folder).
    #[arg(long)]
    json: bool,
    /// Read every input as JSON lines {"id", "text", "reference_date"?} (files
    /// named *.jsonl or *.ndjson, gzipped or not, always are).
    #[arg(long)]
    jsonl: bool,
    /// The date relative dates resolve against (YYYY-MM-DD); a JSON line's
    /// own `reference_date` comes first. Without either, a date detected
    /// in the text (a dateline) is used.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    reference_date: Option<Date>,
    /// Write to this file instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
    /// Skip the documents the output file already holds (after a crash or a
    /// kill) and append the others. Needs --output.
    #[arg(long, requires = "output")]
    resume: bool,
    /// In folders, read only the files whose path or name matches one of
    /// these globs (repeatable).
    #[arg(long, value_name = "GLOB")]
    include: Vec<String>,
    /// In folders, skip the files whose path or name matches one of these
    /// globs (repeatable).
    #[arg(long, value_name = "GLOB")]
    exclude: Vec<String>,
    /// Worker threads (default: one per core).
    #[arg(short = 'j', long, value_name = "N")]
    threads: Option<usize>,
    /// Write records as soon as they are ready rather than in input order.
    #[arg(long)]
    unordered: bool,
    /// No progress bar and no final summary on standard error.
    #[arg(short, long)]
    quiet: bool,
    /// Read large files rather than map them into memory (mapping is faster,
    /// but a file truncated by another program while it is mapped stops vigie).
    #[arg(long)]
    no_mmap: bool,
}

fn main() -> ExitCode {
    let Command::Extract(args) = Cli::parse().command;
    match run(args) {
        Ok(0) => ExitCode::SUCCESS,
        Ok(_) => ExitCode::from(1),
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("vigie: {e}");
            ExitCode::from(2)
        }
    }
}

/// Returns the number of error records written.
fn run(args: ExtractArgs) -> io::Result<u64> {
    let inputs = if args.inputs.is_empty() { vec![PathBuf::from("-")] } else { args.inputs.clone() };
    let batch_like = args.jsonl || args.output.is_some() || inputs.iter().any(|p| p.is_dir());
    let format = if args.json || batch_like { Format::JsonLines } else { Format::Summary };
    if args.resume && format != Format::JsonLines {
        return Err(io::Error::new(io::ErrorKind::InvalidInput, "--resume works on JSON output"));
    }
    let filter = Filter::new(&args.include, &args.exclude, args.output.as_deref())
        .map_err(|e| io::Error::new(io::ErrorKind::InvalidInput, e))?;
    let done = match (&args.output, args.resume) {
        (Some(path), true) => {
            let done = Done::scan(path).map_err(|e| io::Error::new(e.kind(), format!("{}: {e}", path.display())))?;
            if !args.quiet && (done.records > 0 || done.truncated > 0) {
                eprintln!(
                    "vigie: resuming {}: {} records already written{}",
                    path.display(),
                    done.records,
                    if done.truncated > 0 { format!(", a torn last line of {} bytes cut off", done.truncated) } else { String::new() }
                );
            }
            done
        }
        _ => Done::default(),
    };
    let threads = args.threads.unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get())).max(1);
    let progress = !args.quiet && io::stderr().is_terminal();
    let options = Options {
        threads,
        ordered: !args.unordered,
        format,
        progress,
        total_bytes: if progress { sources::total_bytes(&inputs, &filter) } else { None },
    };
    let counters = Arc::new(Counters::default());
    let reader = Reader { jsonl: args.jsonl, mmap: !args.no_mmap, reference: args.reference_date, filter: &filter, counters };
    let extractor = Extractor::new();

    let stats = match &args.output {
        Some(path) => {
            let file = OpenOptions::new()
                .create(true)
                .write(true)
                .append(args.resume)
                .truncate(!args.resume)
                .open(path)
                .map_err(|e| io::Error::new(e.kind(), format!("{}: {e}", path.display())))?;
            // Each batch goes out in one write of complete lines, straight to
            // the file, so that a kill leaves whole records behind.
            let mut out = file;
            let stats = batch::run(&extractor, &reader, &inputs, &done, &options, &mut out)?;
            out.sync_all()?;
            stats
        }
        None => {
            let stdout = io::stdout();
            let mut out = BufWriter::with_capacity(1 << 16, stdout.lock());
            let stats = batch::run(&extractor, &reader, &inputs, &done, &options, &mut out)?;
            out.flush()?;
            stats
        }
    };
    if !args.quiet {
        eprintln!("vigie: {}", stats.line(threads));
    }
    Ok(stats.errors)
}

fn parse_date(s: &str) -> Result<Date, String> {
    s.parse::<Date>().map_err(|e| e.to_string())
}
