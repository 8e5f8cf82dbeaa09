//! Replays the inputs kept in `tests/fuzz/testdata/` (minimised crashers and
//! hostile inputs) through `extract`: no panic, spans in bounds.

use vigie::Extractor;

fn check(text: &str) {
    let doc = Extractor::new().extract(text);
    for e in &doc.entities {
        assert!(text.get(e.span.range()).is_some(), "span {:?} out of bounds", e.span);
    }
    let _ = doc.to_json(None);
}

#[test]
fn kept_inputs() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fuzz/testdata");
    let mut n = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let bytes = std::fs::read(entry.unwrap().path()).unwrap();
        check(&String::from_utf8_lossy(&bytes));
        n += 1;
    }
    assert!(n > 0);
}

#[test]
fn pathological_repetitions_are_linear() {
    // Each would take quadratic time in a naive matcher; here they just run.
    for unit in ["Jean ", "de ", "M. ", "à ", "l'", "-", "A", "é\u{301}", "« ", "Général "] {
        check(&unit.repeat(50_000));
    }
}

#[test]
fn empty_and_huge() {
    check("");
    check(" ");
    let big = "Le général Joseph Dunford est arrivé à Antalya, en Turquie. ".repeat(20_000);
    let doc = Extractor::new().extract(&big);
    assert_eq!(doc.entities.iter().filter(|e| e.kind == vigie::Kind::Place).count(), 20_000);
}
