//! The `vigie` binary on archives: folders with bad files, gzip, JSON lines
//! with bad lines, globs, order, and a run killed with SIGKILL then resumed.
//! Every input document must give exactly one output record.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

const SEED: &str = include_str!("../examples/antalya-2017.txt");

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_vigie"))
}

/// A fresh folder under the system's temporary folder.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("vigie-cli-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn run(args: &[&str], dir: &Path) -> Output {
    bin().args(args).current_dir(dir).output().unwrap()
}

/// The records of a JSON-lines output, by source; every line must parse.
fn records(path: &Path) -> BTreeMap<String, Vec<serde_json::Value>> {
    let text = std::fs::read_to_string(path).unwrap();
    assert!(text.is_empty() || text.ends_with('\n'), "the output ends with a complete line");
    let mut by_source: BTreeMap<String, Vec<serde_json::Value>> = BTreeMap::new();
    for line in text.lines() {
        let v: serde_json::Value = serde_json::from_str(line).unwrap_or_else(|e| panic!("{e}: {line:.200}"));
        let source = v["source"].as_str().expect("every record names its source").to_string();
        by_source.entry(source).or_default().push(v);
    }
    by_source
}

fn write_jsonl(path: &Path, n: usize) {
    let mut f = std::io::BufWriter::new(std::fs::File::create(path).unwrap());
    for i in 0..n {
        let text = format!("Dépêche {i}. {SEED}");
        writeln!(f, "{}", serde_json::json!({"id": format!("a{i}"), "text": text, "reference_date": "2017-03-28"})).unwrap();
    }
}

#[test]
fn a_folder_of_bad_files_is_processed_without_abort() {
    let dir = scratch("bad-files");
    let archive = dir.join("archive");
    std::fs::create_dir_all(archive.join("sub/deeper")).unwrap();
    std::fs::write(archive.join("seed.txt"), SEED).unwrap();
    std::fs::write(archive.join("empty.txt"), "").unwrap();
    std::fs::write(archive.join("binary.bin"), (0..4096u32).map(|i| (i * 7919 % 256) as u8).collect::<Vec<_>>()).unwrap();
    std::fs::write(archive.join("sub/latin1.txt"), b"Le g\xe9n\xe9ral Akar \xe0 Ankara.").unwrap();
    // 50 MB on a single line: one document.
    let sentence = "Le général Hulusi Akar a reçu son homologue russe à Ankara le 7 mars 2017 ; ";
    let big: String = sentence.repeat(50_000_000 / sentence.len() + 1);
    std::fs::write(archive.join("sub/deeper/one-line.txt"), &big).unwrap();
    let lines = [
        serde_json::json!({"id": "ok", "text": "Erdogan est à Moscou."}).to_string(),
        "{not json".to_string(),
        serde_json::json!({"id": "no-text"}).to_string(),
        serde_json::json!({"id": "bad-date", "text": "hier", "reference_date": "2017-02-30"}).to_string(),
    ];
    // a named pipe in the folder must not block the run
    let _ = Command::new("mkfifo").arg(archive.join("sub/pipe")).status();
    let mut gz = flate2::write::GzEncoder::new(std::fs::File::create(archive.join("sub/feed.jsonl.gz")).unwrap(), flate2::Compression::fast());
    gz.write_all(lines.join("\n").as_bytes()).unwrap();
    gz.finish().unwrap();

    let out = run(&["extract", "archive", "-o", "out.jsonl", "--threads", "2"], &dir);
    assert_eq!(out.status.code(), Some(1), "error records give exit code 1: {}", String::from_utf8_lossy(&out.stderr));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("9 documents") && stderr.contains("5 error records"), "{stderr}");
    let recs = records(&dir.join("out.jsonl"));
    let sources: Vec<&str> = recs.keys().map(|s| s.as_str()).collect();
    assert_eq!(
        sources,
        [
            "archive/binary.bin",
            "archive/empty.txt",
            "archive/seed.txt",
            "archive/sub/deeper/one-line.txt",
            "archive/sub/feed.jsonl.gz:1",
            "archive/sub/feed.jsonl.gz:2",
            "archive/sub/feed.jsonl.gz:3",
            "archive/sub/feed.jsonl.gz:4",
            "archive/sub/latin1.txt",
        ]
    );
    assert!(recs.values().all(|r| r.len() == 1), "one record per document");
    let one = |s: &str| &recs[s][0];
    assert!(one("archive/binary.bin")["error"].as_str().unwrap().contains("not UTF-8"));
    assert!(one("archive/sub/latin1.txt")["error"].as_str().unwrap().contains("not UTF-8"));
    assert_eq!(one("archive/empty.txt")["entities"], serde_json::json!([]));
    assert_eq!(one("archive/seed.txt")["events"].as_array().unwrap().len(), 3);
    assert!(one("archive/sub/deeper/one-line.txt")["entities"].as_array().unwrap().len() > 100_000);
    assert_eq!(one("archive/sub/feed.jsonl.gz:1")["id"], "ok");
    assert!(one("archive/sub/feed.jsonl.gz:2")["error"].as_str().unwrap().starts_with("invalid JSON"));
    assert_eq!(one("archive/sub/feed.jsonl.gz:3")["id"], "no-text");
    assert!(one("archive/sub/feed.jsonl.gz:4")["error"].as_str().unwrap().contains("2017-02-30"));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn killed_then_resumed_every_document_exactly_once() {
    let dir = scratch("kill-resume");
    let n = 6000;
    write_jsonl(&dir.join("feed.jsonl"), n);
    let args = ["extract", "feed.jsonl", "-o", "out.jsonl", "--threads", "2", "--quiet"];
    let mut child = bin().args(args).current_dir(&dir).stdout(Stdio::null()).stderr(Stdio::null()).spawn().unwrap();
    let out = dir.join("out.jsonl");
    let deadline = Instant::now() + Duration::from_secs(60);
    while std::fs::metadata(&out).map_or(0, |m| m.len()) == 0 && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(2));
    }
    child.kill().unwrap(); // SIGKILL
    child.wait().unwrap();
    // A kill inside a write may leave part of a last line (no newline): only
    // complete lines are records, and every one of them parses.
    let bytes = std::fs::read(&out).unwrap();
    let complete = &bytes[..bytes.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1)];
    let written = complete.split(|&b| b == b'\n').filter(|l| !l.is_empty()).inspect(|l| {
        serde_json::from_slice::<serde_json::Value>(l).unwrap();
    }).count();
    assert!(written > 0 && written < n, "the run was cut in the middle ({written} of {n} records)");

    let resumed = run(&[&args[..], &["--resume"]].concat(), &dir);
    assert_eq!(resumed.status.code(), Some(0), "{}", String::from_utf8_lossy(&resumed.stderr));
    let recs = records(&out);
    assert_eq!(recs.len(), n);
    assert!(recs.values().all(|r| r.len() == 1), "no document twice");
    for i in 0..n {
        assert_eq!(recs[&format!("feed.jsonl:{}", i + 1)][0]["id"], format!("a{i}"));
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn resume_cuts_a_torn_last_line_and_redoes_its_document() {
    let dir = scratch("torn");
    write_jsonl(&dir.join("feed.jsonl"), 5);
    let args = ["extract", "feed.jsonl", "-o", "out.jsonl", "--quiet"];
    assert_eq!(run(&args, &dir).status.code(), Some(0));
    let full = std::fs::read_to_string(dir.join("out.jsonl")).unwrap();
    let lines: Vec<&str> = full.lines().collect();
    // As a kill inside a write would leave it: three records and part of the fourth.
    let torn = format!("{}\n{}\n{}\n{}", lines[0], lines[1], lines[2], &lines[3][..lines[3].len() / 2]);
    std::fs::write(dir.join("out.jsonl"), torn).unwrap();
    let resumed = run(&["extract", "feed.jsonl", "-o", "out.jsonl", "--resume"], &dir);
    assert_eq!(resumed.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&resumed.stderr).contains("torn last line"));
    let recs = records(&dir.join("out.jsonl"));
    assert_eq!(recs.len(), 5);
    assert!(recs.values().all(|r| r.len() == 1));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn output_keeps_input_order_and_unordered_keeps_every_record() {
    let dir = scratch("order");
    write_jsonl(&dir.join("feed.jsonl"), 3000);
    let ordered = run(&["extract", "--jsonl", "feed.jsonl", "--threads", "2", "--quiet"], &dir);
    let ids: Vec<String> = String::from_utf8(ordered.stdout).unwrap().lines().map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["id"].as_str().unwrap().to_string()).collect();
    assert_eq!(ids, (0..3000).map(|i| format!("a{i}")).collect::<Vec<_>>());
    let unordered = run(&["extract", "--jsonl", "feed.jsonl", "--threads", "2", "--unordered", "--quiet"], &dir);
    let mut ids2: Vec<String> = String::from_utf8(unordered.stdout).unwrap().lines().map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["id"].as_str().unwrap().to_string()).collect();
    ids2.sort();
    let mut ids = ids;
    ids.sort();
    assert_eq!(ids, ids2);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn globs_select_files_and_the_output_is_never_read() {
    let dir = scratch("globs");
    std::fs::create_dir_all(dir.join("a/b")).unwrap();
    std::fs::write(dir.join("a/one.txt"), "Erdogan.").unwrap();
    std::fs::write(dir.join("a/b/two.txt"), "Poutine.").unwrap();
    std::fs::write(dir.join("a/b/notes.md"), "Merkel.").unwrap();
    std::fs::write(dir.join("a/b/skip.txt"), "Macron.").unwrap();
    let out = run(&["extract", "a", "--include", "*.txt", "--exclude", "skip*", "-o", "a/out.jsonl"], &dir);
    assert_eq!(out.status.code(), Some(0));
    let recs = records(&dir.join("a/out.jsonl"));
    assert_eq!(recs.keys().collect::<Vec<_>>(), ["a/b/two.txt", "a/one.txt"]);
    // Run again without globs: the previous output in the folder is not an input.
    let again = run(&["extract", "a", "-o", "a/out.jsonl"], &dir);
    assert_eq!(again.status.code(), Some(0));
    assert_eq!(records(&dir.join("a/out.jsonl")).len(), 4);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn usage_errors_exit_with_2() {
    let dir = scratch("usage");
    assert_eq!(run(&["extract", "--resume"], &dir).status.code(), Some(2));
    assert_eq!(run(&["extract", "x", "--include", "[", "-o", "o.jsonl"], &dir).status.code(), Some(2));
    let missing = run(&["extract", "no-such-file.txt", "--json"], &dir);
    assert_eq!(missing.status.code(), Some(1), "a missing input is an error record, not an abort");
    assert!(String::from_utf8_lossy(&missing.stdout).contains("\"error\""));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn large_files_mapped_or_read_give_the_same_records() {
    let dir = scratch("mapped");
    // above the size from which files are mapped into memory
    let mut big = SEED.repeat(2_000_000 / SEED.len() + 1);
    std::fs::write(dir.join("big.txt"), &big).unwrap();
    let cut = big.len() - 1000;
    let at = (cut..big.len()).find(|&i| big.is_char_boundary(i)).unwrap();
    big.insert(at, '\u{1}');
    let mut bytes = big.into_bytes();
    bytes[at] = 0xff;
    std::fs::write(dir.join("bad.txt"), &bytes).unwrap();
    let mapped = run(&["extract", "--json", "--quiet", "big.txt", "bad.txt"], &dir);
    let read = run(&["extract", "--json", "--quiet", "--no-mmap", "big.txt", "bad.txt"], &dir);
    assert_eq!(mapped.status.code(), Some(1), "{}", String::from_utf8_lossy(&mapped.stderr));
    assert_eq!(mapped.stdout, read.stdout, "the same records, mapped or read");
    let text = String::from_utf8(mapped.stdout).unwrap();
    let lines: Vec<serde_json::Value> = text.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), 2);
    assert!(lines[0]["entities"].as_array().unwrap().len() > 10_000);
    assert_eq!(lines[1]["error"], format!("not UTF-8: invalid byte at offset {at}"));
    let _ = std::fs::remove_dir_all(&dir);
}
