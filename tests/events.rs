//! Runs `tests/events/meetings.toml`: expected meetings per case, and no
//! meeting at all where none is given.

use vigie::{Date, Extractor, Norm};

fn name_of(doc: &vigie::Document, index: usize) -> String {
    match &doc.entities[index].norm {
        Norm::Person { name, .. } | Norm::Place { name, .. } | Norm::Organization { name, .. } => name.to_string(),
        _ => doc.text_of(&doc.entities[index]).to_string(),
    }
}

#[test]
fn meetings_corpus() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/events/meetings.toml");
    let file: toml::Value = toml::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let reference: Date = file["reference_date"].as_str().unwrap().parse().unwrap();
    let filter = std::env::var("VIGIE_TEST").unwrap_or_default();
    let extractor = Extractor::new();
    let mut failures = Vec::new();
    for case in file["case"].as_array().unwrap() {
        let name = case["name"].as_str().unwrap();
        if !name.contains(&filter) {
            continue;
        }
        let doc = extractor.extract_with_reference(case["text"].as_str().unwrap(), reference);
        let expected = case.get("meeting").and_then(|m| m.as_array()).cloned().unwrap_or_default();
        if expected.len() != doc.meetings.len() {
            let got: Vec<String> = doc.meetings.iter().map(|m| m.summary.clone()).collect();
            failures.push(format!("{name}: expected {} meeting(s), got {got:?}", expected.len()));
            continue;
        }
        for (want, got) in expected.iter().zip(&doc.meetings) {
            let people: Vec<String> = got.participants.iter().map(|&p| name_of(&doc, p)).collect();
            let want_people: Vec<String> = want["participants"].as_array().unwrap().iter().map(|p| p.as_str().unwrap().to_string()).collect();
            if people != want_people {
                failures.push(format!("{name}: participants {people:?}, expected {want_people:?}"));
            }
            let countries: Vec<String> = got.participant_countries.iter().map(|c| c.to_string()).collect();
            let want_countries: Vec<String> =
                want.get("participant_countries").and_then(|c| c.as_array()).map(|a| a.iter().map(|c| c.as_str().unwrap().to_string()).collect()).unwrap_or_default();
            if countries != want_countries {
                failures.push(format!("{name}: participant_countries {countries:?}, expected {want_countries:?}"));
            }
            let checks = [
                ("host", got.host.map(|h| name_of(&doc, h))),
                ("place", got.place.map(|p| name_of(&doc, p))),
                ("country", got.country.as_ref().map(|c| c.to_string())),
                ("status", Some(got.status.as_str().to_string())),
                ("start", got.date.and_then(|d| match &doc.entities[d].norm { Norm::Date { start, .. } => Some(start.to_string()), _ => None })),
                ("end", got.date.and_then(|d| match &doc.entities[d].norm { Norm::Date { end, .. } => Some(end.to_string()), _ => None })),
            ];
            for (key, value) in checks {
                if let Some(w) = want.get(key).and_then(|v| v.as_str()) {
                    if value.as_deref() != Some(w) {
                        failures.push(format!("{name}: {key} = {value:?}, expected {w:?}"));
                    }
                }
            }
        }
    }
    assert!(failures.is_empty(), "{} meeting case(s) failed:\n{}", failures.len(), failures.join("\n"));
}
