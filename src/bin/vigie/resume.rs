//! `--resume`: finds the documents an earlier run already wrote to the
//! output file, and repairs a last line that a kill cut short.
//!
//! Records are written whole, one line each, so an interrupted run leaves
//! complete lines followed by at most one partial line (when the kill landed
//! inside a write). That partial line is cut off; every complete record's
//! `source` is remembered, as a 64-bit hash, so that memory stays small
//! even for millions of documents.

use std::collections::HashSet;
use std::fs::{File, OpenOptions};
use std::hash::Hasher;
use std::io::{self, BufRead, BufReader};
use std::path::Path;

/// The sources already in an output file.
#[derive(Default)]
pub struct Done {
    hashes: HashSet<u64>,
    /// Complete records found.
    pub records: u64,
    /// Bytes of a torn last line that were cut off.
    pub truncated: u64,
}

/// The hash a source is remembered by (within one run, so any fixed hasher does).
fn hash(source: &str) -> u64 {
    let mut h = std::collections::hash_map::DefaultHasher::new();
    h.write(source.as_bytes());
    h.finish()
}

impl Done {
    pub fn contains(&self, source: &str) -> bool {
        !self.hashes.is_empty() && self.hashes.contains(&hash(source))
    }

    /// Reads `path` (absent: nothing done yet), cutting off a torn last line.
    pub fn scan(path: &Path) -> io::Result<Done> {
        let file = match File::open(path) {
            Ok(f) => f,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Done::default()),
            Err(e) => return Err(e),
        };
        #[derive(serde::Deserialize)]
        struct Record {
            source: Option<String>,
        }
        let mut done = Done::default();
        let mut reader = BufReader::with_capacity(1 << 16, file);
        let mut line = Vec::new();
        let mut complete_up_to = 0u64;
        loop {
            line.clear();
            let n = reader.read_until(b'\n', &mut line)?;
            if n == 0 {
                break;
            }
            if line.last() != Some(&b'\n') {
                done.truncated = n as u64;
                break;
            }
            complete_up_to += n as u64;
            // A complete line that does not parse is left as it is (it is not
            // counted as done, so its document is extracted again).
            if let Ok(Record { source: Some(source) }) = serde_json::from_slice::<Record>(&line) {
                done.hashes.insert(hash(&source));
                done.records += 1;
            }
        }
        if done.truncated > 0 {
            OpenOptions::new().write(true).open(path)?.set_len(complete_up_to)?;
        }
        Ok(done)
    }
}
