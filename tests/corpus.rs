//! Runs the corpus files in `tests/corpus/*.toml`.
//!
//! Each case's `text` carries inline tags around the expected entities,
//! `<kind attr="value">text</kind>`, with norm fields as attributes (name,
//! country, rank, role, nato). The harness strips the tags, computes the
//! offsets, extracts, and checks that every tagged entity is found with the
//! same span, kind and norm fields, and that no other entity of the file's
//! `kinds` is found (so a case without tags is a negative case).
//! `VIGIE_TEST=substr` runs only the cases whose name contains `substr`.

use std::collections::BTreeMap;

use vigie::{Date, Document, Extractor, Kind, Norm, Span};

#[derive(Debug, PartialEq)]
pub struct Expected {
    pub kind: Kind,
    pub span: Span,
    pub attrs: BTreeMap<String, String>,
}

/// Strips the tags of a corpus text: (plain text, expected entities).
pub fn parse_tagged(tagged: &str) -> (String, Vec<Expected>) {
    let mut text = String::new();
    let mut out = Vec::new();
    let mut open: Vec<(Kind, usize, BTreeMap<String, String>)> = Vec::new();
    let mut rest = tagged;
    while let Some(lt) = rest.find('<') {
        text.push_str(&rest[..lt]);
        let after = &rest[lt + 1..];
        let Some(gt) = after.find('>') else {
            text.push('<');
            rest = after;
            continue;
        };
        let inside = &after[..gt];
        if let Some(name) = inside.strip_prefix('/') {
            if let Ok(kind) = name.parse::<Kind>() {
                let (k, start, attrs) = open.pop().expect("a closing tag matches an opening tag");
                assert_eq!(k, kind, "mismatched tags in {tagged:?}");
                out.push(Expected { kind, span: Span::new(start, text.len()), attrs });
                rest = &after[gt + 1..];
                continue;
            }
        } else {
            let name = inside.split_whitespace().next().unwrap_or("");
            if let Ok(kind) = name.parse::<Kind>() {
                let mut attrs = BTreeMap::new();
                let mut a = &inside[name.len()..];
                while let Some(eq) = a.find("=\"") {
                    let key = a[..eq].trim().to_string();
                    let val_end = a[eq + 2..].find('"').expect("attribute values are quoted");
                    attrs.insert(key, a[eq + 2..eq + 2 + val_end].to_string());
                    a = &a[eq + 2 + val_end + 1..];
                }
                open.push((kind, text.len(), attrs));
                rest = &after[gt + 1..];
                continue;
            }
        }
        text.push('<');
        rest = after;
    }
    text.push_str(rest);
    assert!(open.is_empty(), "unclosed tag in {tagged:?}");
    out.sort_by_key(|e| (e.span.start, e.span.end));
    (text, out)
}

/// One field of an entity's norm, as text.
pub fn norm_field(norm: &Norm, key: &str) -> Option<String> {
    let s = |v: &std::sync::Arc<str>| Some(v.to_string());
    let o = |v: &Option<std::sync::Arc<str>>| v.as_ref().map(|v| v.to_string());
    match (norm, key) {
        (Norm::Person { name, .. }, "name") => s(name),
        (Norm::Person { country, .. }, "country") => o(country),
        (Norm::Person { rank, .. }, "rank") => o(rank),
        (Norm::Person { role, .. }, "role") => o(role),
        (Norm::Rank { rank, .. }, "rank") => s(rank),
        (Norm::Rank { nato, .. }, "nato") => s(nato),
        (Norm::Country { country }, "country") => s(country),
        (Norm::Place { name, .. } | Norm::Organization { name, .. }, "name") => s(name),
        (Norm::Place { country, .. } | Norm::Organization { country, .. }, "country") => o(country),
        (Norm::Date { start, .. }, "start") => Some(start.to_string()),
        (Norm::Date { end, .. }, "end") => Some(end.to_string()),
        (Norm::Date { grain, .. }, "grain") => Some(grain.as_str().to_string()),
        (Norm::Date { anchor, .. }, "anchor") => Some(anchor.as_str().to_string()),
        (Norm::Duration { iso }, "duration") => s(iso),
        _ => None,
    }
}

/// Checks one case; returns the problems found.
pub fn check_case(extractor: &Extractor, kinds: &[Kind], reference: Option<Date>, tagged: &str) -> Vec<String> {
    let (text, expected) = parse_tagged(tagged);
    let doc: Document = match reference {
        Some(d) => extractor.extract_with_reference(&text, d),
        None => extractor.extract(&text),
    };
    let mut problems = Vec::new();
    for exp in &expected {
        let found = doc.entities.iter().find(|e| e.kind == exp.kind && e.span == exp.span);
        match found {
            None => problems.push(format!("missing {} {:?}", exp.kind, &text[exp.span.range()])),
            Some(e) => {
                for (k, v) in &exp.attrs {
                    let got = norm_field(&e.norm, k);
                    if got.as_deref() != Some(v.as_str()) {
                        problems.push(format!("{} {:?}: {k} = {got:?}, expected {v:?}", exp.kind, &text[exp.span.range()]));
                    }
                }
            }
        }
    }
    for e in &doc.entities {
        if kinds.contains(&e.kind) && !expected.iter().any(|x| x.kind == e.kind && x.span == e.span) {
            problems.push(format!("unexpected {} {:?} ({})", e.kind, doc.text_of(e), e.rule));
        }
    }
    problems
}

#[test]
fn corpus() {
    let filter = std::env::var("VIGIE_TEST").unwrap_or_default();
    let extractor = Extractor::new();
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/corpus");
    let mut files: Vec<_> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).filter(|p| p.extension().is_some_and(|x| x == "toml")).collect();
    files.sort();
    let mut failures = Vec::new();
    let mut ran = 0;
    for path in files {
        let file: toml::Value = toml::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        let kinds: Vec<Kind> = file["kinds"].as_array().unwrap().iter().map(|k| k.as_str().unwrap().parse().unwrap()).collect();
        let reference: Option<Date> = file.get("reference_date").map(|d| d.as_str().unwrap().parse().unwrap());
        for case in file["case"].as_array().unwrap() {
            let name = case["name"].as_str().unwrap();
            if !name.contains(&filter) {
                continue;
            }
            ran += 1;
            let problems = check_case(&extractor, &kinds, reference, case["text"].as_str().unwrap());
            if !problems.is_empty() {
                failures.push(format!("{}:{name}: {}", path.file_name().unwrap().to_string_lossy(), problems.join("; ")));
            }
        }
    }
    assert!(ran > 0 || !filter.is_empty(), "no corpus case ran");
    assert!(failures.is_empty(), "{} corpus case(s) failed:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn tags_are_parsed() {
    let (text, exp) = parse_tagged("à <place country=\"TUR\">Antalya</place>, en <country>Turquie</country>");
    assert_eq!(text, "à Antalya, en Turquie");
    assert_eq!(exp[0].span, Span::new(3, 10));
    assert_eq!(exp[0].attrs["country"], "TUR");
    assert_eq!(exp[1].kind, Kind::Country);
}
