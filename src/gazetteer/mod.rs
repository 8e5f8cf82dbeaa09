//! Gazetteers: the TSV tables in `gazetteers/`, embedded in the binary, and
//! the one word trie ([`trie::WordTrie`]) that finds all their names in a text.
//!
//! Every table has a provenance line (`# source: … | licence: … | retrieved:
//! …`), a header line, then one entry a line: a stable id, the canonical
//! form, and variants separated by `|`. Names are matched on the folded key
//! (see [`crate::normalize::fold`]); the capitalisation of each variant is
//! kept as a [`CaseRule`] and checked against the original text, so that
//! « UN » (the organisation) is not « un », and « la Réunion » is not « la
//! réunion ».

use std::sync::Arc;


use crate::error::Error;
use crate::normalize::{fold_into, KeyBits, Normalized};
use crate::tokenize::{tokenize_key, Tok};

pub(crate) mod trie;
use trie::WordTrie;

/// The kinds of gazetteer a user can add entries to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum GazetteerKind {
    /// Countries: `iso3, name, iso2, variants`.
    Country,
    /// Demonyms: `iso3, name, variants`.
    Nationality,
    /// Places: `id, name, country, variants, population, flags` (`ambiguous`:
    /// a common word too, found only in context; `region`: not a meeting's place).
    Place,
    /// People: `id, name, country, variants, role`.
    Person,
    /// Military ranks: `id, name, variants, nato, by_country, service`.
    Rank,
    /// Titles and functions: `id, name, variants, sector`.
    Role,
    /// Organisations: `id, name, country, variants, flags` (`seat`: a seat of government).
    Organization,
}

impl GazetteerKind {
    fn columns(self) -> usize {
        match self {
            GazetteerKind::Country => 4,
            GazetteerKind::Nationality => 3,
            GazetteerKind::Place => 6,
            GazetteerKind::Person => 5,
            GazetteerKind::Rank => 6,
            GazetteerKind::Role => 4,
            GazetteerKind::Organization => 5,
        }
    }
}

pub(crate) const EMBEDDED: &[(GazetteerKind, &str, &str)] = &[
    (GazetteerKind::Country, "countries.tsv", include_str!("../../gazetteers/countries.tsv")),
    (GazetteerKind::Nationality, "nationalities.tsv", include_str!("../../gazetteers/nationalities.tsv")),
    (GazetteerKind::Place, "places.tsv", include_str!("../../gazetteers/places.tsv")),
    (GazetteerKind::Person, "people.tsv", include_str!("../../gazetteers/people.tsv")),
    (GazetteerKind::Rank, "ranks.tsv", include_str!("../../gazetteers/ranks.tsv")),
    (GazetteerKind::Role, "roles.tsv", include_str!("../../gazetteers/roles.tsv")),
    (GazetteerKind::Organization, "organizations.tsv", include_str!("../../gazetteers/organizations.tsv")),
];

pub(crate) const FIRST_NAMES: &str = include_str!("../../gazetteers/firstnames.tsv");

/// An ISO 3166-1 alpha-3 code or a name, shared without copying.
pub(crate) type Text = Arc<str>;

#[derive(Clone, Debug)]
pub(crate) struct Country {
    pub iso3: Text,
}

#[derive(Clone, Debug)]
pub(crate) struct Place {
    pub name: Text,
    pub country: Option<Text>,
    pub population: u64,
    pub ambiguous: bool,
    /// A region, a sea, a mountain range: it gives an event a country, never a place.
    pub region: bool,
}

#[derive(Clone, Debug)]
pub(crate) struct Person {
    pub name: Text,
    pub country: Option<Text>,
}

#[derive(Clone, Debug)]
pub(crate) struct Rank {
    pub name: Text,
    pub nato: Text,
    pub by_country: Vec<(Text, Text)>,
}

impl Rank {
    /// The NATO code of this rank in the armed forces of `country`.
    pub fn nato_for(&self, country: Option<&str>) -> &Text {
        country
            .and_then(|c| self.by_country.iter().find(|(k, _)| &**k == c))
            .map_or(&self.nato, |(_, code)| code)
    }
}

#[derive(Clone, Debug)]
pub(crate) struct Role {
    pub name: Text,
    /// CAMEO actor sector (GOV, MIL, IGO…).
    pub sector: Text,
}

#[derive(Clone, Debug)]
pub(crate) struct Organization {
    pub name: Text,
    pub country: Option<Text>,
    /// The seat of a government (the Kremlin, the Élysée): a meeting's place.
    pub seat: bool,
}

/// What a gazetteer name refers to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Entry {
    Country(u32),
    Nationality(u32),
    Place(u32),
    Person(u32),
    Rank(u32),
    Role(u32),
    Organization(u32),
}

/// The capitalisation a variant asks of the text it matches.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct CaseRule {
    /// Bit `i` set: word `i` of the match must start with a capital.
    pub capitalized_words: u64,
    /// The variant is an acronym: the text must be in capitals too.
    pub all_caps: bool,
}

impl CaseRule {
    pub fn of(variant: &str) -> CaseRule {
        let mut rule = CaseRule::default();
        for (i, word) in words(variant).enumerate().take(64) {
            if word.chars().next().is_some_and(char::is_uppercase) {
                rule.capitalized_words |= 1 << i;
            }
        }
        let letters = variant.chars().filter(|c| c.is_alphabetic()).count();
        rule.all_caps = (2..=6).contains(&letters) && variant.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase);
        rule
    }

    /// Whether `text` (the original text of a match) has the capitals asked.
    pub fn accepts(self, text: &str) -> bool {
        if self.all_caps {
            return text.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase);
        }
        if self.capitalized_words == 0 {
            return true;
        }
        for (i, word) in words(text).enumerate().take(64) {
            if self.capitalized_words & (1 << i) != 0 && !word.chars().next().is_some_and(char::is_uppercase) {
                return false;
            }
        }
        true
    }
}

/// The words of a name: split on spaces, hyphens and apostrophes.
fn words(s: &str) -> impl Iterator<Item = &str> {
    s.split(|c: char| c.is_whitespace() || c == '-' || c == '\'' || c == '’' || c == '\u{2011}')
        .filter(|w| !w.is_empty())
}

/// All gazetteers and the word trie over their names.
#[derive(Debug)]
pub(crate) struct Gazetteers {
    pub countries: Vec<Country>,
    pub nationalities: Vec<Country>,
    pub places: Vec<Place>,
    pub people: Vec<Person>,
    pub ranks: Vec<Rank>,
    pub roles: Vec<Role>,
    pub organizations: Vec<Organization>,
    /// Names that only ever name regions (see [`Place::region`]).
    region_names: trie::FxSet<Text>,
    /// Names of seats of government (see [`Organization::seat`]).
    seat_names: trie::FxSet<Text>,
    pub trie: WordTrie,
    /// For each trie pattern, the entries it names, with their case rules.
    pub patterns: Vec<Vec<(Entry, CaseRule)>>,
}

/// Collects names into the word trie, one pattern per distinct word sequence.
struct PatternSet {
    trie: WordTrie,
    entries: Vec<Vec<(Entry, CaseRule)>>,
    key: Normalized,
    tokens: Vec<Tok>,
}

impl PatternSet {
    fn new() -> PatternSet {
        PatternSet { trie: WordTrie::new(), entries: Vec::new(), key: Normalized::default(), tokens: Vec::new() }
    }

    /// Adds `name`, cut into words like any text.
    fn add(&mut self, name: &str, entry: Entry) {
        // only the words are read: no capitals to mark, and the letters
        // of a short name are found byte by byte as quickly (no bits, and
        // empty sets of bits allocate nothing)
        fold_into(name, &mut self.key);
        tokenize_key(name, &self.key, &KeyBits::default(), &mut self.tokens);
        let key = self.key.text.as_str();
        let rule = CaseRule::of(name);
        if rule.capitalized_words & 1 == 0 && !rule.all_caps {
            if let Some(first) = self.tokens.first().and_then(|t| trie::parts(key, t).next()) {
                self.trie.add_classes(first, crate::recognize::lexicon::NAME_LOWER);
            }
        }
        let words = self.tokens.iter().flat_map(|t| trie::parts(key, t));
        let Some(node) = self.trie.insert(words) else { return };
        let pattern = match self.trie.terminal(node) {
            Some(p) => p as usize,
            None => {
                self.entries.push(Vec::new());
                self.trie.set_terminal(node, self.entries.len() as u32 - 1);
                self.entries.len() - 1
            }
        };
        let item = (entry, rule);
        if !self.entries[pattern].contains(&item) {
            self.entries[pattern].push(item);
        }
    }
}

fn opt(s: &str) -> Option<Text> {
    let s = s.trim();
    (!s.is_empty()).then(|| Text::from(s))
}

impl Gazetteers {
    /// Parses the embedded tables and `extra` user tables, and builds the automaton.
    pub fn build(extra: &[(GazetteerKind, String, String)]) -> Result<Gazetteers, Error> {
        let mut g = Gazetteers {
            countries: Vec::new(),
            nationalities: Vec::new(),
            places: Vec::new(),
            people: Vec::new(),
            ranks: Vec::new(),
            roles: Vec::new(),
            organizations: Vec::new(),
            region_names: Default::default(),
            seat_names: Default::default(),
            trie: WordTrie::new(),
            patterns: Vec::new(),
        };
        let mut set = PatternSet::new();
        let tables = EMBEDDED.iter().map(|(k, f, t)| (*k, *f, *t)).chain(extra.iter().map(|(k, f, t)| (*k, f.as_str(), t.as_str())));
        for (kind, file, text) in tables {
            for_each_row(file, text, kind.columns(), |cols| g.add_row(kind, cols, &mut set))?;
        }
        let mut key = Normalized::default();
        set.trie.reserve_first_names(FIRST_NAMES.bytes().filter(|&b| b == b'\n').count());
        for_each_row("firstnames.tsv", FIRST_NAMES, 4, |cols| {
            // the frequency is checked, not kept: only whether a word is a first name is asked
            cols[2].trim().parse::<u8>().map_err(|_| format!("frequency {:?} is not a number", cols[2]))?;
            fold_into(cols[0], &mut key);
            set.trie.add_first_name(&key.text);
            Ok(())
        })?;
        for (classes, words) in crate::recognize::lexicon::CLASSES {
            for w in *words {
                fold_into(w, &mut key);
                set.trie.add_classes(&key.text, *classes);
            }
        }
        g.trie = set.trie;
        g.trie.freeze();
        g.patterns = set.entries;
        let cities: trie::FxSet<&Text> = g.places.iter().filter(|p| !p.region).map(|p| &p.name).collect();
        g.region_names = g.places.iter().filter(|p| p.region && !cities.contains(&p.name)).map(|p| p.name.clone()).collect();
        g.seat_names = g.organizations.iter().filter(|o| o.seat).map(|o| o.name.clone()).collect();
        Ok(g)
    }

    /// Whether a place's canonical name names only a region (never a city or a site).
    pub fn is_region(&self, name: &str) -> bool {
        self.region_names.contains(name)
    }

    /// Whether an organisation's canonical name is a seat of government.
    pub fn is_seat(&self, name: &str) -> bool {
        self.seat_names.contains(name)
    }

    fn add_row(&mut self, kind: GazetteerKind, c: &[&str], set: &mut PatternSet) -> Result<(), String> {
        let need = |s: &str, what: &str| if s.trim().is_empty() { Err(format!("empty {what}")) } else { Ok(()) };
        need(c[0], "id")?;
        need(c[1], "name")?;
        let (entry, variants) = match kind {
            GazetteerKind::Country => {
                self.countries.push(Country { iso3: c[0].trim().into() });
                (Entry::Country(self.countries.len() as u32 - 1), c[3])
            }
            GazetteerKind::Nationality => {
                self.nationalities.push(Country { iso3: c[0].trim().into() });
                (Entry::Nationality(self.nationalities.len() as u32 - 1), c[2])
            }
            GazetteerKind::Place => {
                let population = if c[4].trim().is_empty() { 0 } else { c[4].trim().parse().map_err(|_| format!("population {:?} is not a number", c[4]))? };
                self.places.push(Place { name: c[1].trim().into(), country: opt(c[2]), population, ambiguous: c[5].contains("ambiguous"), region: c[5].contains("region") });
                (Entry::Place(self.places.len() as u32 - 1), c[3])
            }
            GazetteerKind::Person => {
                self.people.push(Person { name: c[1].trim().into(), country: opt(c[2]) });
                (Entry::Person(self.people.len() as u32 - 1), c[3])
            }
            GazetteerKind::Rank => {
                need(c[3], "NATO code")?;
                let mut by_country = Vec::new();
                for pair in c[4].split('|').filter(|p| !p.trim().is_empty()) {
                    let (country, code) = pair.split_once(':').ok_or_else(|| format!("by_country item {pair:?} is not COUNTRY:CODE"))?;
                    by_country.push((Text::from(country.trim()), Text::from(code.trim())));
                }
                self.ranks.push(Rank { name: c[1].trim().into(), nato: c[3].trim().into(), by_country });
                (Entry::Rank(self.ranks.len() as u32 - 1), c[2])
            }
            GazetteerKind::Role => {
                self.roles.push(Role { name: c[1].trim().into(), sector: c[3].trim().into() });
                (Entry::Role(self.roles.len() as u32 - 1), c[2])
            }
            GazetteerKind::Organization => {
                self.organizations.push(Organization { name: c[1].trim().into(), country: opt(c[2]), seat: c[4].contains("seat") });
                (Entry::Organization(self.organizations.len() as u32 - 1), c[3])
            }
        };
        set.add(c[1], entry);
        for v in variants.split('|').filter(|v| !v.trim().is_empty()) {
            set.add(v.trim(), entry);
        }
        Ok(())
    }
}

/// Calls `each` with the columns of every data row of a table (always
/// `columns` of them, missing ones empty), after checking the provenance and
/// header lines; an error of `each` is reported at the row's line. One buffer
/// of columns serves every row (tables have tens of thousands).
fn for_each_row<'t>(file: &str, text: &'t str, columns: usize, mut each: impl FnMut(&[&'t str]) -> Result<(), String>) -> Result<(), Error> {
    let err = |line: usize, message: String| Error::Gazetteer { file: file.to_string(), line, message };
    let mut lines = lines_of(text).enumerate();
    match lines.next() {
        Some((_, l)) if l.starts_with("# source:") => {}
        _ => return Err(err(1, "the first line must be the provenance line `# source: … | licence: … | retrieved: …`".into())),
    }
    if lines.next().is_none() {
        return Err(err(2, "missing header line".into()));
    }
    let mut cols = Vec::with_capacity(columns);
    for (i, line) in lines {
        let line = line.trim_end_matches('\r');
        // a line that begins with a letter is not blank: most are told so at once
        let blank = match line.as_bytes().first() {
            Some(b) if b.is_ascii() && !b.is_ascii_whitespace() => false,
            _ => line.trim().is_empty(),
        };
        if blank || line.starts_with('#') {
            continue;
        }
        fields_into(line, &mut cols);
        if cols.len() < columns {
            if cols.len() < 2 {
                return Err(err(i + 1, format!("expected {columns} tab-separated columns, found {}", cols.len())));
            }
            cols.resize(columns, "");
        }
        each(&cols).map_err(|message| err(i + 1, message))?;
    }
    Ok(())
}

/// The lines of `text`, as `str::lines` gives them (a line ends at « \n »,
/// and a « \r » just before it goes too), found by a loop over the bytes: the
/// tables' lines are short, and a vectorised search for each end costs more
/// than it saves.
fn lines_of(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = text;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let line = match rest.bytes().position(|b| b == b'\n') {
            Some(end) => {
                let line = &rest[..end];
                rest = &rest[end + 1..];
                line.strip_suffix('\r').unwrap_or(line)
            }
            None => std::mem::take(&mut rest),
        };
        Some(line)
    })
}

/// The tab-separated fields of `line` into `cols`, found in one pass over its
/// bytes (tables hold tens of thousands of short fields: a search per field
/// would cost more than the scan).
fn fields_into<'t>(line: &'t str, cols: &mut Vec<&'t str>) {
    cols.clear();
    let mut start = 0;
    for (i, &b) in line.as_bytes().iter().enumerate() {
        if b == b'\t' {
            cols.push(line.get(start..i).unwrap_or_default());
            start = i + 1;
        }
    }
    cols.push(line.get(start..).unwrap_or_default());
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_split_like_str_lines() {
        for text in ["", "a", "a\n", "a\nb", "a\r\nb\r\n", "\n\n", "a\r\r\nb", "\r", "é\nà\n\nz", "x\n\r\n"] {
            assert_eq!(lines_of(text).collect::<Vec<_>>(), text.lines().collect::<Vec<_>>(), "{text:?}");
        }
    }

    #[test]
    fn fields_split_on_tabs_like_split() {
        let mut cols = vec!["left over"];
        for line in ["a\tb\tc", "", "\t", "é\t\tà\t", "seul"] {
            fields_into(line, &mut cols);
            assert_eq!(cols, line.split('\t').collect::<Vec<_>>());
        }
    }

    #[test]
    fn every_embedded_table_parses() {
        let g = Gazetteers::build(&[]).unwrap();
        assert!(g.countries.len() >= 249);
        assert!(g.people.len() >= 300);
        assert!(g.places.len() >= 5000);
        assert!(g.trie.is_first_name("hulusi") && g.trie.is_first_name("jean-yves"));
        assert!(g.ranks.iter().any(|r| &*r.name == "lieutenant-général"));
    }

    #[test]
    fn words_have_their_vocabulary_ids_and_classes() {
        let g = Gazetteers::build(&[]).unwrap();
        let mut cache = trie::WordCache::default();
        // short words from their table, longer ones through the cache (twice:
        // the second answer is the cache's), long ones from the vocabulary
        let words = ["de", "la", "le", "a", "y", ",", ".", "(", "l'", "d'", "qu", "xq", "zz", "é", "ab", "rencontre", "general", "moscou", "hier", "xyzzy"];
        for word in words.iter().chain(&words).chain(&["anticonstitutionnellement"]) {
            let key = format!("{word} suite du texte");
            let expected = g.trie.word_id(word).unwrap_or(trie::NONE);
            assert_eq!(g.trie.word_at(&key, 0..word.len(), &mut cache), (expected, g.trie.classes(expected)), "{word:?}");
        }
        assert_ne!(g.trie.classes(g.trie.word_id("rencontre").unwrap()), 0);
    }

    #[test]
    fn case_rules() {
        assert!(!CaseRule::of("UN").accepts("un"));
        assert!(CaseRule::of("UN").accepts("UN"));
        assert!(CaseRule::of("la Réunion").accepts("la Réunion"));
        assert!(!CaseRule::of("la Réunion").accepts("la réunion"));
        assert!(CaseRule::of("Moscou").accepts("MOSCOU"));
    }

    #[test]
    fn bad_rows_name_file_and_line() {
        let bad = "# source: test | licence: CC0 | retrieved: 2026-01-01\nid\tname\tvariants\tnato\tby_country\tservice\nr1\tgénéral\t\t\t\t\n";
        let err = Gazetteers::build(&[(GazetteerKind::Rank, "mine.tsv".into(), bad.into())]).unwrap_err();
        assert_eq!(err.to_string(), "mine.tsv:3: empty NATO code");
    }
}
