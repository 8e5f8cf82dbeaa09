//! Meetings as events: who met whom, who hosted, where and when.
//!
//! A meeting is told by a trigger (« se sont rencontrés », « a reçu »,
//! « s'est entretenu avec », « réunion », « sommet », « entretien »…) in a
//! sentence that names at least one person. Its participants are the people
//! of that sentence; its host the subject of « recevoir » or « accueillir »;
//! its place and date the place and the date of the sentence. A later
//! sentence whose people are all participants of a meeting already found
//! (« Suite à son entretien avec Erdogan, Poutine… ») is that meeting again,
//! not a new one. A phone call is no meeting; « doivent se rencontrer » is
//! planned, « a été annulé » and « n'a pas eu lieu » cancelled.

use std::sync::{Arc, LazyLock};

use regex::Regex;

use crate::document::{Entity, Kind, Norm};
use crate::gazetteer::Gazetteers;
use crate::offsets::Span;

/// Whether a meeting took place.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Status {
    /// It took place.
    Held,
    /// It is announced for later.
    Planned,
    /// It was cancelled or did not take place.
    Cancelled,
}

impl Status {
    /// The lowercase word used in JSON.
    pub const fn as_str(self) -> &'static str {
        match self {
            Status::Held => "held",
            Status::Planned => "planned",
            Status::Cancelled => "cancelled",
        }
    }
}

/// A meeting found in a document. Entities are given by their index in
/// [`Document::entities`](crate::Document::entities).
#[derive(Clone, Debug, PartialEq)]
pub struct Meeting {
    /// The people who met, by entity index (their first mention in the meeting's sentence).
    pub participants: Vec<usize>,
    /// Where no person is named, the countries whose delegations met (ISO
    /// 3166-1 alpha-3): « la réunion entre les chefs militaires russes et
    /// américains » gives RUS and USA.
    pub participant_countries: Vec<Arc<str>>,
    /// The participant who received the others, if the text says so.
    pub host: Option<usize>,
    /// The place entity (a city, a site, or an organisation's seat such as the Kremlin).
    pub place: Option<usize>,
    /// ISO 3166-1 alpha-3 code of the country where it took place.
    pub country: Option<Arc<str>>,
    /// The date entity.
    pub date: Option<usize>,
    /// The words that tell the meeting.
    pub trigger: Span,
    /// The sentence it is told in.
    pub sentence: Span,
    /// Whether it took place.
    pub status: Status,
    /// CAMEO event code: 040 consult, 042 make a visit, 043 host a visit, 044 meet at a third location.
    pub cameo: &'static str,
    /// PLOVER mode of CONSULT: `visit`, `host`, `third-party`, `multilateral` or `meet`.
    pub mode: &'static str,
    /// How sure the extraction is, from 0 to 1.
    pub confidence: f32,
    /// The CAMEO actor code of each participant, in order (« USA MIL »).
    pub actors: Vec<Option<String>>,
    /// One line for people: « Antalya (TUR), 7–8 mars 2017 : Joseph Dunford (USA, général), … ».
    pub summary: String,
}

/// The words a trigger may contain, folded: they mark the sentences where
/// the trigger regex is worth running.
pub(crate) const MEETING_WORDS: &[&str] = &[
    "rencontre", "rencontres", "rencontrent", "rencontrer", "rencontrera", "rencontreront", "rencontrait", "rencontres", "rencontree",
    "rencontrees", "reunion", "reunions", "reunis", "sommet", "entretien", "entretiens", "entretenu", "entretenus", "entretenue",
    "entretenues", "pourparlers", "visite", "recu", "recue", "recus", "recues", "recevait", "recevaient", "recoit", "recoivent",
    "recevra", "accueille", "accueillent", "accueillait", "accueillera", "accueilli", "accueillie", "accueillis", "tete-a-tete",
    "negociations", "rendu", "rend", "rendra",
];

/// Trigger words, matched on the original text (case- and accent-tolerant).
/// Word boundaries are checked apart ([`on_word_boundaries`]): with them in
/// the pattern, Unicode boundaries would keep the regex off its fast engines.
static TRIGGER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(se\s+sont\s+rencontr[ée]e?s?|se\s+rencontr(?:ent|eront|er)|a\s+rencontr[ée]|ont\s+rencontr[ée]|rencontrer[ao]n?t?|(?:pour|afin\s+de)\s+rencontrer|rencontr(?:ait|e)\s+(?:son|sa|ses|leurs?|le|la|les)|s['’]\s*(?:est|étaient|était)\s+(?:\w+\s+)?entretenue?s?\s+avec|se\s+sont\s+(?:\w+ment\s+)?entretenu(?:e?s)?|se\s+sont\s+(?:\w+ment\s+)?rencontr[ée]e?s|n[ée]gociations\s+avec|(?:a|avait|ont)\s+re[çc]ue?s?|recevai(?:en)?t|re[çc]oi(?:t|vent)|recevra|accueill(?:e|ent|ait|era|i)|(?:a|ont)\s+rendu\s+visite|rend(?:ra)?\s+visite|se\s+sont\s+r[ée]unis|(?:sa|la|leur|une|cette|de\s+la|d['’]une)\s+(?:(?:derni[èe]re|premi[èe]re|prochaine|nouvelle|r[ée]cente|pr[ée]c[ée]dente)\s+)?r(?:encontre|éunion|eunion)|sommet|entretiens?|pourparlers|t[êe]te-[àa]-t[êe]te|visite\s+officielle)",
    )
    .expect("the trigger pattern is a valid regex, checked by a test")
});

static PHONE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)t[ée]l[ée]phon|visioconf[ée]rence|par\s+vid[ée]o|au\s+bout\s+du\s+fil").expect("valid regex, checked by a test"));

static PLANNED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(doi(?:t|vent)|devr(?:a|ont|ait|aient)|va|vont|pr[ée]vue?s?|compte|entend|souhaite|propos[ée])(?-u:\b)|rencontreront|rencontrera|recevra|accueillera|rendra")
        .expect("valid regex, checked by a test")
});

static CANCELLED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)annul[ée]|report[ée]e?|n['’]\s*a\s+pas\s+eu\s+lieu|n['’]\s*aura\s+pas\s+lieu|renonc[ée]|ne\s+s['’]est\s+pas\s+tenue?|refus[ée]").expect("valid regex, checked by a test")
});

/// Sport: « la rencontre » is a match, « le sommet » a summit to climb.
static SPORT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(match|score|buts?|victoire|d[ée]faite|finale|tournoi|championnat|[ée]tape|course|coupe|set|sets|m[ée]daille|ascension|alpinis|grimpe|cordée|ligue|équipe|joueu)").expect("valid regex, checked by a test")
});

/// A negated trigger: « n'étaient pas de la rencontre », « ne s'est jamais entretenu ».
static NEGATED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:(?-u:\b)n['’]\s*|(?-u:\b)ne\s+)(?:\S+\s+){0,2}(?:pas|jamais|plus|point)\s+(?:\S+\s+){0,3}$").expect("valid regex, checked by a test")
});

static HOSTING: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)re[çc]u|recev|re[çc]oi|accueill").expect("valid regex, checked by a test"));

static VISIT: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?i)visite|rendu").expect("valid regex, checked by a test"));

static RENDU: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)(?:s['’]\s*(?:est|était)|se\s+(?:rend|rendra|rendront|sont|rendait))\s+(?:\w+\s+)?rendue?s?|se\s+rend(?:ra|ront|ait)?\s").expect("valid regex, checked by a test"));

/// Forces every pattern of this module (a bad literal fails the test suite).
#[cfg(test)]
pub(crate) fn force_patterns() {
    for r in [&TRIGGER, &PHONE, &PLANNED, &CANCELLED, &SPORT, &NEGATED, &HOSTING, &VISIT, &RENDU] {
        let _ = r.is_match("");
    }
}

/// Whether what follows « a reçu » is a thing: a number, or a noun such as
/// « prix », « soutien », « médaille » (« a reçu la visite de » is a meeting).
fn receives_a_thing(after: &str) -> bool {
    let mut end = after.len().min(60);
    while !after.is_char_boundary(end) {
        end -= 1;
    }
    let folded = crate::normalize::fold(&after[..end]).text;
    let mut words = folded.split(|c: char| !(c.is_alphanumeric() || c == '\'')).filter(|w| !w.is_empty());
    let mut w = words.next().unwrap_or("");
    while matches!(w, "le" | "la" | "les" | "l'" | "un" | "une" | "des" | "du" | "de" | "d'" | "son" | "sa" | "ses" | "leur" | "leurs" | "hier" | "aussi" | "egalement" | "deja" | "en") {
        w = words.next().unwrap_or("");
    }
    w.starts_with(|c: char| c.is_ascii_digit())
        || matches!(
            w,
            "prix" | "soutien" | "medaille" | "recompense" | "distinction" | "lettre" | "appel" | "message" | "menaces" | "coup" | "balle" | "ordre" | "voix"
                | "titre" | "trophee" | "diplome" | "courrier" | "cadeau" | "don" | "aide" | "financement" | "reponse" | "plainte" | "invitation" | "nomination"
                | "feu" | "accord" | "approbation" | "aval" | "autorisation" | "honneur" | "hommage" | "oscar" | "cesar" | "nobel" | "palme" | "legion" | "million"
                | "millions" | "milliard" | "milliards" | "euros" | "dollars" | "visa" | "asile" | "pension" | "salaire" | "note" | "avertissement" | "sanction"
                | "moitie" | "dotation" | "part" | "somme" | "totalite" | "reste" | "montant" | "bourse" | "subvention" | "lettres" | "appels" | "messages"
        )
}

/// Whether `start..end` of `text` begins and ends a word.
fn on_word_boundaries(text: &str, start: usize, end: usize) -> bool {
    let before = text.get(..start).and_then(|t| t.chars().next_back());
    let after = text.get(end..).and_then(|t| t.chars().next());
    !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
}

/// The sentence around byte `at`: from after the previous full stop, `!`,
/// `?` or line break, to the next one. A full stop, `!` or `?` ends a
/// sentence before a space (and, going forward, before a line break or the
/// end of the text); a line break always does. The marks are found by
/// memchr's vectorised searches: sentences of a novel run to hundreds of
/// bytes, and each hint of a meeting asks for one.
fn sentence_around(text: &str, at: usize) -> Span {
    let bytes = text.as_bytes();
    let at = at.min(bytes.len());
    let mut start = sentence_start_before(bytes, at);
    let mut end = sentence_end_from(bytes, at);
    while !text.is_char_boundary(end) {
        end += 1;
    }
    while !text.is_char_boundary(start) {
        start -= 1;
    }
    Span::new(start, end)
}

/// The most words (runs of characters between white space) that a trigger
/// pattern has before its hint word.
const TRIGGER_WORDS_BEFORE_HINT: usize = 3;

/// Where the `words`-th word before the one holding byte `at` begins, or
/// `floor` if that is nearer. Words are runs between white space, as `\s`
/// in the trigger patterns separates them.
fn start_of_words_before(text: &str, floor: usize, at: usize, words: usize) -> usize {
    let Some(before) = text.get(floor..at) else { return floor };
    let mut start = at;
    // the words whose beginning has been passed, the hint's own included
    let mut passed = 0;
    let mut in_word = true;
    for (i, c) in before.char_indices().rev() {
        if c.is_whitespace() {
            if in_word {
                passed += 1;
                in_word = false;
                if passed > words {
                    break;
                }
            }
        } else {
            in_word = true;
        }
        start = floor + i;
    }
    start
}

/// The nearest of two optional positions, by `pick`.
fn nearest(a: Option<usize>, b: Option<usize>, pick: fn(usize, usize) -> usize) -> Option<usize> {
    match (a, b) {
        (Some(a), Some(b)) => Some(pick(a, b)),
        (a, b) => a.or(b),
    }
}

/// Where the sentence holding byte `at` begins (see [`sentence_around`]).
fn sentence_start_before(bytes: &[u8], at: usize) -> usize {
    let mut before = at;
    // the last « ? » is searched for apart (memchr takes three bytes at
    // most) and again only once passed, so the search stays linear
    let mut question = memchr::memrchr(b'?', &bytes[..before]);
    loop {
        let Some(j) = nearest(memchr::memrchr3(b'\n', b'.', b'!', &bytes[..before]), question, usize::max) else { return 0 };
        if bytes[j] == b'\n' || bytes.get(j + 1) == Some(&b' ') {
            return j + 1;
        }
        before = j;
        if question.is_some_and(|q| q >= before) {
            question = memchr::memrchr(b'?', &bytes[..before]);
        }
    }
}

/// Where the sentence holding byte `at` ends, its mark included (see
/// [`sentence_around`]).
fn sentence_end_from(bytes: &[u8], at: usize) -> usize {
    let mut from = at;
    let mut question = memchr::memchr(b'?', &bytes[from..]).map(|q| from + q);
    loop {
        let mark = memchr::memchr3(b'\n', b'.', b'!', &bytes[from..]).map(|m| from + m);
        let Some(j) = nearest(mark, question, usize::min) else { return bytes.len() };
        if bytes[j] == b'\n' || matches!(bytes.get(j + 1), None | Some(b' ' | b'\n')) {
            return j + 1;
        }
        from = j + 1;
        if question.is_some_and(|q| q < from) {
            question = memchr::memchr(b'?', &bytes[from..]).map(|q| from + q);
        }
    }
}

fn person_name(e: &Entity) -> Option<&Arc<str>> {
    match &e.norm {
        Norm::Person { name, .. } => Some(name),
        _ => None,
    }
}

/// Whether the person named at byte `at` only qualifies a noun (« l'administration
/// Trump », « le régime de Bachar al-Assad », « du temps du président Obama »):
/// such a person takes no part in the meeting of the sentence.
fn is_attributive(text: &str, at: usize) -> bool {
    let mut from = at.saturating_sub(40);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let before = crate::normalize::fold(text.get(from..at).unwrap_or("")).text;
    let words: Vec<&str> = before.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
    let last = |k: usize| words.len().checked_sub(k).and_then(|i| words.get(i)).copied().unwrap_or("");
    const NOUNS: [&str; 14] = ["administration", "gouvernement", "regime", "camp", "parti", "ere", "epoque", "presidence", "mandat", "cabinet", "entourage", "temps", "partisans", "successeur"];
    NOUNS.contains(&last(1)) || (matches!(last(1), "de" | "du" | "d") && NOUNS.contains(&last(2))) || NOUNS.contains(&last(3)) && matches!(last(2), "du" | "de") || (last(1) == "president" && NOUNS.contains(&last(3)))
}

/// The countries of the delegations a meeting noun names right after it
/// (« réunion entre les chefs militaires russes et américains », « sommet des
/// dirigeants chinois et américains »): the nationalities and countries of the
/// complement, up to the end of the clause, each once, in order.
fn delegations(text: &str, entities: &[Entity], in_sentence: &[usize], trigger_end: usize) -> Vec<Arc<str>> {
    let rest = text.get(trigger_end..).unwrap_or("");
    let opener = rest.split_whitespace().next().unwrap_or("");
    if !matches!(opener, "entre" | "des" | "de" | "du" | "avec") {
        return Vec::new();
    }
    let clause_end = trigger_end + rest.find(['.', ',', ';', ':', '!', '?', '(']).unwrap_or(rest.len()).min(160);
    let mut countries: Vec<Arc<str>> = Vec::new();
    for &i in in_sentence {
        let e = &entities[i];
        if e.span.start < trigger_end || e.span.end > clause_end {
            continue;
        }
        if let (Kind::Nationality | Kind::Country, Norm::Country { country }) = (e.kind, &e.norm) {
            if !countries.contains(country) {
                countries.push(country.clone());
            }
        }
    }
    countries
}

/// Finds the meetings of a document whose entities are sorted by start.
///
/// `hints` are the byte offsets, in order, of the words that may belong to a
/// trigger (the tokenizer flags them with one class bit): the trigger regex
/// runs only in their sentences, not over the whole text.
pub(crate) fn meetings(g: &Gazetteers, text: &str, entities: &[Entity], hints: &[usize]) -> Vec<Meeting> {
    let mut out: Vec<Meeting> = Vec::new();
    let mut last_sentence_end = 0;
    let mut matches = Vec::new();
    for &hint in hints {
        if hint < last_sentence_end {
            continue;
        }
        let zone = sentence_around(text, hint);
        last_sentence_end = zone.end;
        // A trigger holds a hint word with at most three words before it
        // (« s'était longuement entretenu », « de la dernière réunion »), and
        // the hints come in order: no trigger of the sentence begins before
        // the third word before its first hint.
        let mut at = start_of_words_before(text, zone.start, hint, TRIGGER_WORDS_BEFORE_HINT);
        // the haystack ends with the sentence, so a failing search stops there
        let bounded = text.get(..zone.end).unwrap_or(text);
        while let Some(m) = TRIGGER.find_at(bounded, at) {
            at = m.end().max(at + 1);
            if on_word_boundaries(text, m.start(), m.end()) {
                matches.push(m);
                break;
            }
        }
    }
    last_sentence_end = 0;
    for m in matches {
        if m.start() < last_sentence_end {
            continue; // one meeting a sentence
        }
        let sentence = sentence_around(text, m.start());
        last_sentence_end = sentence.end;
        let Some(sentence_text) = text.get(sentence.range()) else { continue };
        if PHONE.is_match(sentence_text) || SPORT.is_match(sentence_text) {
            continue;
        }
        // « a reçu le prix Nobel », « avait reçu 36 % des voix »: a thing received, not a visitor
        let hosting = HOSTING.is_match(m.as_str());
        if hosting && receives_a_thing(text.get(m.end()..).unwrap_or("")) {
            continue;
        }
        let first = entities.partition_point(|e| e.span.start < sentence.start);
        let in_sentence: Vec<usize> = (first..entities.len()).take_while(|&i| entities[i].span.end <= sentence.end).collect();
        let mut participants: Vec<usize> = Vec::new();
        for &i in &in_sentence {
            if let Some(name) = person_name(&entities[i]) {
                if is_attributive(text, entities[i].span.start) {
                    continue;
                }
                if !participants.iter().any(|&p| person_name(&entities[p]) == Some(name)) {
                    participants.push(i);
                }
            }
        }
        // with no person named, the delegations of two countries or more
        let participant_countries = if participants.is_empty() { delegations(text, entities, &in_sentence, m.end()) } else { Vec::new() };
        if participants.is_empty() && participant_countries.len() < 2 {
            continue;
        }
        let same = |a: usize, b: usize| person_name(&entities[a]) == person_name(&entities[b]);
        let trigger_lower = m.as_str().to_lowercase();
        // « cette réunion », « ce sommet »: the meeting already found, with more people
        let demonstrative = trigger_lower.starts_with("cette") || trigger_lower.starts_with("ce ");
        if demonstrative {
            if let Some(prev) = out.last_mut() {
                for &p in &participants {
                    if !prev.participants.iter().any(|&q| same(p, q)) {
                        prev.participants.push(p);
                        prev.actors.push(actor_code(g, &entities[p].norm));
                    }
                }
                prev.summary = summary(entities, &prev.participants, &prev.participant_countries, prev.place, prev.country.as_deref(), prev.date);
                continue;
            }
        }
        // the same people again: the meeting already found
        // (only the last few meetings: a story tells its meetings close together,
        // and the search stays linear in long texts)
        if !participants.is_empty() && out.iter().rev().take(3).any(|prev| participants.iter().all(|&p| prev.participants.iter().any(|&q| same(p, q)))) {
            continue;
        }
        // a verb needs two people: « les États-Unis accueillent Donald Trump » is no meeting
        let noun = trigger_lower.split_whitespace().last().is_some_and(|w| {
            // « sommet » and « rencontre » alone with one name are too often a summit or a match
            ["réunion", "reunion", "entretien", "entretiens", "pourparlers", "officielle"].contains(&w) || w.starts_with("tête") || w.starts_with("tete")
        });
        if participants.len() < 2 && !noun && participant_countries.is_empty() {
            continue;
        }
        let trigger = Span::new(m.start(), m.end());
        let before_trigger = text.get(sentence.start..m.start()).unwrap_or("");
        let tail = {
            let mut from = before_trigger.len().saturating_sub(60);
            while !before_trigger.is_char_boundary(from) {
                from += 1;
            }
            &before_trigger[from..]
        };
        let negated = NEGATED.is_match(&format!("{tail}{} ", m.as_str()));
        let status = if CANCELLED.is_match(sentence_text) || negated {
            Status::Cancelled
        } else if PLANNED.is_match(before_trigger) || PLANNED.is_match(m.as_str()) {
            Status::Planned
        } else {
            Status::Held
        };
        // « s'est rendu à Bamako pour rencontrer », « se rendra à Moscou pour rencontrer »: a visit
        let visit = VISIT.is_match(m.as_str()) || (trigger_lower.contains("pour") && RENDU.is_match(before_trigger));
        let host = hosting.then(|| participants.iter().copied().rfind(|&p| entities[p].span.end <= m.start())).flatten();
        // The place is a city or a site (or a seat of government); a region
        // named in the sentence gives only the country.
        let is_region = |i: usize| matches!(&entities[i].norm, Norm::Place { name, .. } if g.is_region(name));
        let place = in_sentence
            .iter()
            .copied()
            .find(|&i| entities[i].kind == Kind::Place && !is_region(i))
            .or_else(|| in_sentence.iter().copied().find(|&i| matches!(&entities[i].norm, Norm::Organization { country: Some(_), name } if g.is_seat(name))));
        let region = in_sentence.iter().copied().find(|&i| entities[i].kind == Kind::Place && is_region(i));
        let country = place
            .or(region)
            .and_then(|p| match &entities[p].norm {
                Norm::Place { country, .. } | Norm::Organization { country, .. } => country.clone(),
                _ => None,
            })
            .or_else(|| {
                in_sentence.iter().find_map(|&i| match (&entities[i].kind, &entities[i].norm) {
                    (Kind::Country, Norm::Country { country }) if text.get(entities[i].span.start.saturating_sub(3)..entities[i].span.start).is_some_and(|p| p.ends_with("en ") || p.ends_with("au ")) => Some(country.clone()),
                    _ => None,
                })
            });
        // with no place named: the host's country, or the country of the one visited
        let country = country.or_else(|| {
            let visited = if hosting { host } else if visit { participants.iter().copied().find(|&p| entities[p].span.start >= m.end()) } else { None };
            visited.and_then(|p| match &entities[p].norm {
                Norm::Person { country, .. } => country.clone(),
                _ => None,
            })
        });
        let date = in_sentence
            .iter()
            .copied()
            .filter(|&i| matches!(entities[i].norm, Norm::Date { grain: crate::Grain::Day, approximate: false, .. }))
            .min_by_key(|&i| {
                let s = entities[i].span.start;
                if s >= m.start() {
                    s - m.start()
                } else {
                    (m.start() - s) * 2
                }
            })
            // no day named: a month or a year said after the trigger (« la
            // dernière réunion remonte à 2013 »); one said before it is more
            // often another event's (« élu en 2014, il a rencontré… »)
            .or_else(|| in_sentence.iter().copied().find(|&i| entities[i].span.start >= m.end() && matches!(entities[i].norm, Norm::Date { approximate: false, .. })));
        let countries: Vec<Option<Arc<str>>> = participants
            .iter()
            .map(|&p| match &entities[p].norm {
                Norm::Person { country, .. } => country.clone(),
                _ => None,
            })
            .collect();
        let (cameo, mode) = if host.is_some() {
            ("043", "host")
        } else if visit {
            ("042", "visit")
        } else if country.is_some() && countries.len() >= 2 && countries.iter().all(|c| c.is_some() && *c != country) {
            ("044", "third-party")
        } else if participants.len() >= 3 || participant_countries.len() >= 3 {
            ("040", "multilateral")
        } else {
            ("040", "meet")
        };
        let mut confidence: f32 = 0.5;
        if participants.len() >= 2 {
            confidence += 0.2;
        }
        if place.is_some() || country.is_some() {
            confidence += 0.1;
        }
        if date.is_some() {
            confidence += 0.1;
        }
        let actors = participants.iter().map(|&p| actor_code(g, &entities[p].norm)).collect();
        if !participant_countries.is_empty() {
            confidence -= 0.1;
        }
        let summary = summary(entities, &participants, &participant_countries, place, country.as_deref(), date);
        out.push(Meeting {
            participants,
            participant_countries,
            host,
            place,
            country,
            date,
            trigger,
            sentence,
            status,
            cameo,
            mode,
            confidence: confidence.min(0.95),
            actors,
            summary,
        });
    }
    out
}

/// The CAMEO actor code of a person: country and sector (« USA MIL » for an
/// American general, « TUR GOV » for a president).
pub(crate) fn actor_code(g: &Gazetteers, norm: &Norm) -> Option<String> {
    let Norm::Person { country, rank, role, .. } = norm else { return None };
    let sector = if rank.is_some() {
        Some("MIL".to_string())
    } else {
        role.as_ref().and_then(|r| g.roles.iter().find(|x| x.name == *r)).map(|x| x.sector.to_string())
    };
    match (country, sector) {
        (Some(c), Some(s)) => Some(format!("{c} {s}")),
        (Some(c), None) => Some(c.to_string()),
        (None, Some(s)) => Some(s),
        (None, None) => None,
    }
}

const MONTHS: [&str; 12] = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"];

/// A date interval in French: « 10 mars 2017 », « 7–8 mars 2017 », « 30 mars – 2 avril 2017 ».
fn french_interval(start: crate::Date, end: crate::Date) -> String {
    let day = |d: crate::Date| if d.day == 1 { "1er".to_string() } else { d.day.to_string() };
    let month = |d: crate::Date| MONTHS[(d.month as usize).saturating_sub(1).min(11)];
    if start == end {
        format!("{} {} {}", day(start), month(start), start.year)
    } else if (start.year, start.month) == (end.year, end.month) {
        format!("{}–{} {} {}", day(start), day(end), month(end), end.year)
    } else if start.year == end.year {
        format!("{} {} – {} {} {}", day(start), month(start), day(end), month(end), end.year)
    } else {
        format!("{} {} {} – {} {} {}", day(start), month(start), start.year, day(end), month(end), end.year)
    }
}

fn summary(entities: &[Entity], participants: &[usize], countries: &[Arc<str>], place: Option<usize>, country: Option<&str>, date: Option<usize>) -> String {
    let mut head = Vec::new();
    match (place.map(|p| &entities[p].norm), country) {
        (Some(Norm::Place { name, .. } | Norm::Organization { name, .. }), Some(c)) => head.push(format!("{name} ({c})")),
        (Some(Norm::Place { name, .. } | Norm::Organization { name, .. }), None) => head.push(name.to_string()),
        (_, Some(c)) => head.push(c.to_string()),
        _ => {}
    }
    if let Some(Norm::Date { start, end, grain, .. }) = date.map(|d| &entities[d].norm) {
        head.push(match grain {
            crate::Grain::Year => start.year.to_string(),
            crate::Grain::Month if start.month == end.month => format!("{} {}", MONTHS[(start.month as usize).saturating_sub(1).min(11)], start.year),
            _ => french_interval(*start, *end),
        });
    }
    let mut people: Vec<String> = participants
        .iter()
        .filter_map(|&p| match &entities[p].norm {
            Norm::Person { name, country, rank, role } => {
                let details: Vec<&str> = [country.as_deref(), rank.as_deref().or(role.as_deref())].into_iter().flatten().collect();
                Some(if details.is_empty() { name.to_string() } else { format!("{name} ({})", details.join(", ")) })
            }
            _ => None,
        })
        .collect();
    people.extend(countries.iter().map(|c| c.to_string()));
    if head.is_empty() {
        people.join(", ")
    } else {
        format!("{} : {}", head.join(", "), people.join(", "))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_pattern_compiles() {
        super::force_patterns();
    }

    /// The sentence around `at`, byte after byte: what `sentence_around` finds
    /// with its vectorised searches.
    fn sentence_around_bytewise(text: &str, at: usize) -> Span {
        let bytes = text.as_bytes();
        let mut start = at.min(bytes.len());
        while start > 0 {
            let b = bytes[start - 1];
            if b == b'\n' || ((b == b'.' || b == b'!' || b == b'?') && bytes.get(start) == Some(&b' ')) {
                break;
            }
            start -= 1;
        }
        let mut end = at.min(bytes.len());
        while end < bytes.len() {
            let b = bytes[end];
            end += 1;
            if b == b'\n' || ((b == b'.' || b == b'!' || b == b'?') && matches!(bytes.get(end), None | Some(b' ' | b'\n'))) {
                break;
            }
        }
        while !text.is_char_boundary(end) {
            end += 1;
        }
        while !text.is_char_boundary(start) {
            start -= 1;
        }
        Span::new(start, end)
    }

    #[test]
    fn the_trigger_search_begins_three_words_before_the_hint() {
        let text = "Hier, le ministre s'était longuement entretenu avec son homologue.";
        let hint = text.find("entretenu").unwrap();
        assert_eq!(&text[start_of_words_before(text, 0, hint, 3)..hint], "ministre s'était longuement ");
        assert_eq!(&text[start_of_words_before(text, 0, hint, 0)..hint], "");
        let elided = text.find("homologue").unwrap();
        assert_eq!(&text[start_of_words_before(text, 0, elided, 2)..elided], "avec son ");
        assert_eq!(start_of_words_before(text, 10, hint, 9), 10);
        // a no-break space separates words as `\s` does
        assert_eq!(&"a\u{a0}b  c d"[start_of_words_before("a\u{a0}b  c d", 0, 8, 2)..8], "b  c ");
    }

    proptest::proptest! {
        #[test]
        fn sentences_are_found_as_byte_after_byte(text in "[a .!?\n1é]{0,40}") {
            for at in 0..=text.len() + 1 {
                proptest::prop_assert_eq!(sentence_around(&text, at), sentence_around_bytewise(&text, at), "{:?} at {}", text, at);
            }
        }
    }
}
