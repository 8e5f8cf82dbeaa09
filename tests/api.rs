//! Properties of the public API.

use vigie::{Error, Extractor, GazetteerKind, Kind};

#[test]
fn extractor_is_send_sync_unwind_safe() {
    fn assert<T: Send + Sync + std::panic::UnwindSafe + std::panic::RefUnwindSafe>() {}
    assert::<Extractor>();
    assert::<vigie::Document>();
}

#[test]
fn shared_across_threads() {
    let extractor = Extractor::new();
    let handles: Vec<_> = (0..4)
        .map(|_| {
            let e = extractor.clone();
            std::thread::spawn(move || e.extract("Vladimir Poutine à Moscou").entities.len())
        })
        .collect();
    for h in handles {
        assert_eq!(h.join().unwrap(), 2);
    }
}

#[test]
fn bad_gazetteer_names_file_and_line() {
    let tsv = "# source: test | licence: CC0 | retrieved: 2026-01-01\nid\tname\tcountry\tvariants\n\tNoName\tFRA\t\n";
    let err = Extractor::builder().gazetteer_text(GazetteerKind::Organization, "orgs.tsv", tsv).build().unwrap_err();
    assert!(matches!(err, Error::Gazetteer { line: 3, .. }), "{err}");
    assert_eq!(err.to_string(), "orgs.tsv:3: empty id");
    let err = Extractor::builder().gazetteer_text(GazetteerKind::Place, "p.tsv", "id\tname\n").build().unwrap_err();
    assert!(err.to_string().starts_with("p.tsv:1: the first line must be the provenance line"), "{err}");
}

#[test]
fn user_gazetteer_adds_people() {
    let tsv = "# source: test | licence: CC0 | retrieved: 2026-01-01\nid\tname\tcountry\tvariants\trole\nx:1\tAmina Diallo\tSEN\tDiallo\t\n";
    let e = Extractor::builder().gazetteer_text(GazetteerKind::Person, "p.tsv", tsv).build().unwrap();
    let doc = e.extract("Selon Diallo, rien n'est joué.");
    assert_eq!(doc.of_kind(Kind::Person).count(), 1);
}

#[test]
fn json_offsets_are_code_points() {
    let text = "Réunion à Moscou — avec Erdoğan";
    let doc = Extractor::new().extract(text);
    let json: serde_json::Value = serde_json::from_str(&doc.to_json(Some("x"))).unwrap();
    let chars: Vec<char> = text.chars().collect();
    for e in json["entities"].as_array().unwrap() {
        let (a, b) = (e["start"].as_u64().unwrap() as usize, e["end"].as_u64().unwrap() as usize);
        assert_eq!(chars[a..b].iter().collect::<String>(), e["text"].as_str().unwrap());
    }
    assert_eq!(json["entities"][1]["norm"]["name"], "Recep Tayyip Erdogan");
}

#[test]
fn every_pattern_compiles() {
    // The regexes are built lazily: force them all here, so a bad literal fails CI.
    let doc = Extractor::new().extract("Le président Poutine recevait Recep Tayyip Erdogan à Moscou; la rencontre a été annulée par téléphone.");
    assert!(doc.meetings.len() <= 1);
}
