//! The `vigie` command-line tool.

use std::io::{self, BufRead, BufWriter, Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use vigie::{output::Json, Date, Document, Extractor, Kind, Norm};

#[derive(Parser)]
#[command(name = "vigie", version, about = "Structured facts from French news: people, ranks, countries, places, organisations", after_help = EXAMPLES)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

const EXAMPLES: &str = "Examples:
  vigie extract examples/antalya-2017.txt           readable summary
  vigie extract --json examples/antalya-2017.txt    the JSON document
  vigie extract --jsonl < articles.jsonl > out.jsonl
      one {\"id\", \"text\"} object a line in, one JSON document a line out

Exit codes: 0 success; 1 some inputs gave error records; 2 usage or unreadable input.";

#[derive(Subcommand)]
enum Command {
    /// Extracts entities from text files (or standard input).
    Extract {
        /// Text files to read; standard input when none is given (or `-`).
        files: Vec<PathBuf>,
        /// Print each document as JSON.
        #[arg(long, conflicts_with = "jsonl")]
        json: bool,
        /// Read JSON lines {"id", "text", "reference_date"?} and write one JSON document a line.
        #[arg(long)]
        jsonl: bool,
        /// The date relative dates resolve against (YYYY-MM-DD); a JSONL line's
        /// own `reference_date` comes first. Without either, a date detected
        /// in the text (a dateline) is used.
        #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
        reference_date: Option<Date>,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let Command::Extract { files, json, jsonl, reference_date } = cli.command;
    let extractor = Extractor::new();
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let result = if jsonl { run_jsonl(&extractor, &files, reference_date, &mut out) } else { run_texts(&extractor, &files, json, reference_date, &mut out) };
    let flushed = out.flush();
    match (result, flushed) {
        (Ok(0), Ok(())) => ExitCode::SUCCESS,
        (Ok(_), Ok(())) => ExitCode::from(1),
        (Err(e), _) | (_, Err(e)) => {
            if e.kind() == io::ErrorKind::BrokenPipe {
                return ExitCode::SUCCESS;
            }
            eprintln!("vigie: {e}");
            ExitCode::from(2)
        }
    }
}

fn read_input(path: &PathBuf) -> io::Result<Vec<u8>> {
    if path.as_os_str() == "-" {
        let mut buf = Vec::new();
        io::stdin().read_to_end(&mut buf)?;
        Ok(buf)
    } else {
        std::fs::read(path).map_err(|e| io::Error::new(e.kind(), format!("{}: {e}", path.display())))
    }
}

fn inputs(files: &[PathBuf]) -> Vec<PathBuf> {
    if files.is_empty() {
        vec![PathBuf::from("-")]
    } else {
        files.to_vec()
    }
}

/// Plain text files: one document each. Returns the number of error records.
fn run_texts(extractor: &Extractor, files: &[PathBuf], json: bool, reference: Option<Date>, out: &mut impl Write) -> io::Result<usize> {
    let mut errors = 0;
    for path in inputs(files) {
        let bytes = read_input(&path)?;
        let text = match String::from_utf8(bytes) {
            Ok(t) => t,
            Err(e) => {
                eprintln!("vigie: {}: not UTF-8 (invalid byte at offset {}); decoded with replacement characters", path.display(), e.utf8_error().valid_up_to());
                errors += 1;
                String::from_utf8_lossy(e.as_bytes()).into_owned()
            }
        };
        let doc = extractor.extract_string(text, reference);
        let id = path.display().to_string();
        if json {
            serde_json::to_writer(&mut *out, &Json { id: Some(&id), document: &doc })?;
            writeln!(out)?;
        } else {
            summary(&id, &doc, out)?;
        }
    }
    Ok(errors)
}

/// JSON lines: one output line per input line, in order, errors as records.
fn run_jsonl(extractor: &Extractor, files: &[PathBuf], reference: Option<Date>, out: &mut impl Write) -> io::Result<usize> {
    let mut errors = 0;
    for path in inputs(files) {
        let reader: Box<dyn BufRead> = if path.as_os_str() == "-" {
            Box::new(io::BufReader::new(io::stdin()))
        } else {
            Box::new(io::BufReader::new(std::fs::File::open(&path).map_err(|e| io::Error::new(e.kind(), format!("{}: {e}", path.display())))?))
        };
        let mut reader = reader;
        let mut line = Vec::new();
        let mut line_no = 0usize;
        loop {
            line.clear();
            if reader.read_until(b'\n', &mut line)? == 0 {
                break;
            }
            line_no += 1;
            let trimmed = line.trim_ascii();
            if trimmed.is_empty() {
                continue;
            }
            match parse_line(trimmed) {
                Ok((id, text, own_reference)) => {
                    let doc = extractor.extract_string(text, own_reference.or(reference));
                    let id = id.unwrap_or_else(|| format!("line{line_no}"));
                    serde_json::to_writer(&mut *out, &Json { id: Some(&id), document: &doc })?;
                }
                Err((id, message)) => {
                    errors += 1;
                    let record = serde_json::json!({
                        "id": id.unwrap_or_else(|| format!("line{line_no}")),
                        "source": format!("{}:{line_no}", path.display()),
                        "error": message,
                    });
                    serde_json::to_writer(&mut *out, &record)?;
                }
            }
            writeln!(out)?;
        }
    }
    Ok(errors)
}

type LineError = (Option<String>, String);

fn parse_line(bytes: &[u8]) -> Result<(Option<String>, String, Option<Date>), LineError> {
    let text = std::str::from_utf8(bytes).map_err(|e| (None, format!("invalid UTF-8 at byte {}", e.valid_up_to())))?;
    let value: serde_json::Value = serde_json::from_str(text).map_err(|e| (None, format!("invalid JSON: {e}")))?;
    let id = match value.get("id") {
        Some(serde_json::Value::String(s)) => Some(s.clone()),
        Some(v @ serde_json::Value::Number(_)) => Some(v.to_string()),
        _ => None,
    };
    let reference = match value.get("reference_date") {
        None | Some(serde_json::Value::Null) => None,
        Some(serde_json::Value::String(d)) => Some(d.parse::<Date>().map_err(|e| (id.clone(), e.to_string()))?),
        Some(_) => return Err((id, "\"reference_date\" must be a string YYYY-MM-DD".to_string())),
    };
    match value.get("text") {
        Some(serde_json::Value::String(t)) => Ok((id, t.clone(), reference)),
        _ => Err((id, "missing string field \"text\"".to_string())),
    }
}

/// The readable summary: people first, then the other kinds grouped.
fn summary(id: &str, doc: &Document, out: &mut impl Write) -> io::Result<()> {
    writeln!(out, "== {id}")?;
    if let Some((date, source)) = doc.reference_date {
        writeln!(out, "reference date: {date} ({})", source.as_str())?;
    }
    let mut seen = std::collections::BTreeMap::<String, usize>::new();
    let mut people = Vec::new();
    for e in doc.of_kind(Kind::Person) {
        if let Norm::Person { name, country, rank, role } = &e.norm {
            let n = seen.entry(name.to_string()).or_insert(0);
            *n += 1;
            if *n == 1 {
                people.push((name.clone(), country.clone(), rank.clone(), role.clone()));
            }
        }
    }
    if !people.is_empty() {
        writeln!(out, "people:")?;
        for (name, country, rank, role) in &people {
            let details: Vec<String> = [country, rank, role].iter().filter_map(|x| x.as_ref().map(|s| s.to_string())).collect();
            let mentions = seen[&name.to_string()];
            writeln!(out, "  {name}{}{}", if details.is_empty() { String::new() } else { format!(" ({})", details.join(", ")) }, if mentions > 1 { format!(" ×{mentions}") } else { String::new() })?;
        }
    }
    if !doc.meetings.is_empty() {
        writeln!(out, "meetings:")?;
        for m in &doc.meetings {
            let status = match m.status.as_str() {
                "held" => String::new(),
                other => format!(" [{other}]"),
            };
            writeln!(out, "  {}{status}", m.summary)?;
        }
    }
    for kind in [Kind::Rank, Kind::Country, Kind::Nationality, Kind::Place, Kind::Organization, Kind::Date] {
        let mut items: Vec<String> = Vec::new();
        for e in doc.of_kind(kind) {
            let label = match &e.norm {
                Norm::Rank { rank, nato } => format!("{rank} ({nato})"),
                Norm::Country { country } => format!("{} ({country})", doc.text_of(e)),
                Norm::Place { name, country } => format!("{name}{}", country.as_ref().map(|c| format!(" ({c})")).unwrap_or_default()),
                Norm::Organization { name, .. } => name.to_string(),
                Norm::Date { start, end, .. } if start == end => format!("{} ({start})", doc.text_of(e)),
                Norm::Date { start, end, .. } => format!("{} ({start}..{end})", doc.text_of(e)),
                Norm::Duration { iso } => format!("{} ({iso})", doc.text_of(e)),
                _ => doc.text_of(e).to_string(),
            };
            if !items.contains(&label) {
                items.push(label);
            }
        }
        if !items.is_empty() {
            writeln!(out, "{}: {}", plural(kind), items.join(", "))?;
        }
    }
    Ok(())
}

fn parse_date(s: &str) -> Result<Date, String> {
    s.parse::<Date>().map_err(|e| e.to_string())
}

fn plural(kind: Kind) -> &'static str {
    match kind {
        Kind::Person => "people",
        Kind::Rank => "ranks",
        Kind::Country => "countries",
        Kind::Nationality => "nationalities",
        Kind::Place => "places",
        Kind::Organization => "organizations",
        _ => "dates",
    }
}
