//! Offset properties over arbitrary strings.

use proptest::prelude::*;
use std::sync::LazyLock;
use vigie::normalize::{fold, normalize};
use vigie::output::Json;
use vigie::{Date, Extractor};

static EXTRACTOR: LazyLock<Extractor> = LazyLock::new(Extractor::new);

/// Strings that look like French news, with the characters that normalisation touches.
fn newsish() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "le général ", "Joseph Dunford", " à ", "Antalya", ", en Turquie", "l’", "« ", " »", "Œuvres", "\u{a0}", "\u{202f}", "—", "–",
        "e\u{301}", "Erdoğan", "M. ", "Mme ", "J. ", "lieutenant-général", " américain", ".", "\n", "\n\n", "les 7 et 8 mars", "Poutine",
        "\u{200b}", "\u{feff}", "ﬁ", "İ", "ß", "…", "'", "-", " ", "A7", "rue Kléber", "Moscou", "\u{301}", "\u{1F600}", "\u{1FFD}", "\u{2126}", "\u{212B}",
    ]);
    prop::collection::vec(pieces, 0..40).prop_map(|v| v.concat())
}

/// Strings full of what JSON escapes: quotes, backslashes, control characters.
fn escapable() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec!["\"", "\\", "\u{8}", "\u{c}", "\n", "\r", "\t", "\u{0}", "\u{1}", "\u{1f}", "\u{7f}", "/", "é", "a", "\u{2028}"]);
    prop::collection::vec(pieces, 0..12).prop_map(|v| v.concat())
}

fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![any::<String>(), newsish()]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn normalize_is_idempotent(s in any_text()) {
        let once = normalize(&s).text;
        prop_assert_eq!(&normalize(&once).text, &once);
        let key = fold(&s).text;
        prop_assert_eq!(&fold(&key).text, &key);
    }

    #[test]
    fn maps_are_monotone_and_on_char_boundaries(s in any_text()) {
        for n in [normalize(&s), fold(&s)] {
            let mut prev = 0;
            for i in 0..n.text.len() {
                let o = n.map.start_of(i);
                prop_assert!(o >= prev, "map goes back at {}", i);
                prop_assert!(s.is_char_boundary(o));
                prev = o;
            }
            for (i, _) in n.text.char_indices() {
                let span = n.to_original(0..i, &s);
                prop_assert!(s.get(span.range()).is_some());
                let span = n.to_original(i..n.text.len(), &s);
                prop_assert!(s.get(span.range()).is_some());
            }
        }
    }

    #[test]
    fn renormalising_gives_an_identity_map(s in any_text()) {
        let once = normalize(&s).text;
        let again = normalize(&once);
        // every character maps onto itself, widened at most to the whole
        // unit (base character and combining marks) it belongs to
        for (i, c) in once.char_indices() {
            let span = again.to_original(i..i + c.len_utf8(), &once);
            prop_assert!(span.start <= i && span.end >= i + c.len_utf8());
            prop_assert!(once[span.range()].chars().count() <= 1 + once[span.range()].chars().skip(1).count());
        }
        prop_assert_eq!(again.to_original(0..once.len(), &once).range(), 0..once.len());
    }

    #[test]
    fn every_entity_slices_the_original(s in any_text()) {
        let doc = Extractor::new().extract(&s);
        for e in &doc.entities {
            prop_assert!(s.get(e.span.range()).is_some_and(|t| !t.trim().is_empty()), "bad span {:?} in {:?}", e.span, s);
        }
        let json: serde_json::Value = serde_json::from_str(&doc.to_json(None)).unwrap();
        let chars: Vec<char> = s.chars().collect();
        for e in json["entities"].as_array().unwrap() {
            let (a, b) = (e["start"].as_u64().unwrap() as usize, e["end"].as_u64().unwrap() as usize);
            let text: String = chars[a..b].iter().collect();
            prop_assert_eq!(text.as_str(), e["text"].as_str().unwrap());
        }
    }

    #[test]
    fn written_json_is_what_serde_json_makes(s in any_text(), id in prop_oneof![any::<String>(), escapable()], with_reference in any::<bool>()) {
        let doc = if with_reference { EXTRACTOR.extract_with_reference(&s, Date { year: 2017, month: 3, day: 8 }) } else { EXTRACTOR.extract(&s) };
        // the text as the source too: any string, escaped the same way
        let json = Json { id: Some(&id), source: Some(&s), document: &doc };
        let mut written = Vec::new();
        json.write_to(&mut written).unwrap();
        prop_assert_eq!(String::from_utf8(written).unwrap(), serde_json::to_string(&json).unwrap());
    }
}
