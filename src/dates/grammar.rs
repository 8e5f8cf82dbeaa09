//! The date grammar: rules over folded tokens, each named for what it
//! matches. At each token every rule is tried and the longest match wins.
//!
//! Rules never fire on what other recognisers took (« Mars » the planet or a
//! person), on short words that only look like dates, or on numbers that are
//! scores, page numbers, percentages or amounts: a year needs four digits and
//! no unit after it, a day needs a month.

use super::lexicon::{self, Unit};
use super::{DaySpec, Expr, Lean, Mention, Part};
use crate::recognize::lexicon::{DATE_FUNCTION, DATE_START};
use crate::recognize::{DocState, Segment};
use crate::tokenize::{Tok, TokenKind};

/// A match: the token after it, the expression, and the rule's name.
type Found = (usize, Expr, &'static str);

struct Cursor<'c, 's> {
    seg: &'c Segment<'s>,
}

impl Cursor<'_, '_> {
    fn w(&self, i: usize) -> &str {
        self.seg.word(i)
    }

    fn free(&self, i: usize) -> bool {
        i < self.seg.tokens.len() && !self.seg.taken[i]
    }

    fn is_number(&self, i: usize) -> bool {
        self.seg.tokens.get(i).is_some_and(|t| t.kind == TokenKind::Number)
    }

    /// A plain integer token (digits only).
    fn int(&self, i: usize) -> Option<i64> {
        if !self.is_number(i) || !self.free(i) {
            return None;
        }
        let w = self.w(i);
        if w.len() > 6 || !w.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        w.parse().ok()
    }

    /// A day of the month: « 7 », « 1er », « premier », « dix-huit », « 13e ».
    fn day(&self, i: usize) -> Option<u32> {
        if !self.free(i) {
            return None;
        }
        let w = self.w(i);
        let n = self.int(i).or_else(|| lexicon::ordinal(w)).or_else(|| lexicon::number_word(w).filter(|&n| n >= 2))?;
        (1..=31).contains(&n).then_some(n as u32)
    }

    /// « 1 er » written apart: the number and « er » in two tokens.
    fn day_split(&self, i: usize) -> Option<(u32, usize)> {
        let d = self.day(i)?;
        if matches!(self.w(i + 1), "er" | "re") && self.free(i + 1) {
            return Some((d, i + 2));
        }
        Some((d, i + 1))
    }

    /// A month name, with the full stop of an abbreviation; returns the next token.
    fn month(&self, i: usize) -> Option<(u32, usize)> {
        if !self.free(i) {
            return None;
        }
        let t = self.seg.tokens.get(i)?;
        let w = self.w(i);
        let m = lexicon::month(w)?;
        if lexicon::is_month_abbreviation(w) {
            // an abbreviation must be followed by its full stop or a year
            if self.w(i + 1) == "." && !self.seg.tokens[i + 1].space_before() {
                return Some((m, i + 2));
            }
            if w.len() < 4 && self.year(i + 1).is_none() {
                return None;
            }
        }
        // « Mars » capitalised inside a sentence is the planet or a name
        if t.cap() && !t.sentence_start() && !t.upper() && self.day(i.wrapping_sub(1)).is_none() && self.year(i + 1).is_none() && self.short_year(i + 1).is_none() {
            return None;
        }
        Some((m, i + 1))
    }

    /// A two-digit year after a month (« octobre 98 », « Mai 68 »), when
    /// nothing after it makes it a count (« en mai 12 personnes », « juin 25 000 »).
    fn short_year(&self, i: usize) -> Option<i32> {
        if self.w(i).len() != 2 || self.followed_by_unit(i + 1) || self.is_number(i + 1) {
            return None;
        }
        if matches!(self.w(i + 1), "h" | "heures" | "-" | "et" | "ou" | "a" | "..." | "…") {
            return None;
        }
        self.int(i).and_then(|n| Cursor::numeric_year(n, 2))
    }

    /// A year: four digits, 1000 to 2100, with no unit after it.
    fn year(&self, i: usize) -> Option<i32> {
        let n = self.int(i)?;
        if self.w(i).len() != 4 || !(1000..=2100).contains(&n) {
            return None;
        }
        if self.followed_by_unit(i + 1) {
            return None;
        }
        Some(n as i32)
    }

    /// A two- or four-digit year in a numeric date (« 7.3.17 », « 20/2/14 »).
    fn numeric_year(n: i64, digits: usize) -> Option<i32> {
        match digits {
            2 => Some(if n < 50 { 2000 + n as i32 } else { 1900 + n as i32 }),
            4 if (1000..=2100).contains(&n) => Some(n as i32),
            _ => None,
        }
    }

    /// A count: digits or a number word (« trois », « 200 »), or « quelques ».
    fn count(&self, i: usize) -> Option<i64> {
        if !self.free(i) {
            return None;
        }
        self.int(i).or_else(|| lexicon::number_word(self.w(i)))
    }

    /// Whether token `i` is what a number before it counts (« 2000 personnes »,
    /// « 1500 euros », « 300 km »): a plural noun or a unit symbol.
    fn followed_by_unit(&self, i: usize) -> bool {
        let Some(t) = self.seg.tokens.get(i) else { return false };
        if t.kind == TokenKind::Punct {
            return matches!(self.w(i), "%" | "€" | "$" | "£");
        }
        if t.kind != TokenKind::Word || t.cap() {
            return false;
        }
        let w = self.w(i);
        if matches!(w, "m" | "km" | "kg" | "g" | "t" | "mw" | "kw" | "ha" | "cm" | "mm" | "l" | "hab" | "pour" | "euro" | "dollar" | "fois" | "mois" | "ans") {
            return !matches!(w, "pour");
        }
        let plural = (w.ends_with('s') || w.ends_with('x')) && w.len() > 3;
        plural && !matches!(w, "apres" | "depuis" | "dans" | "sous" | "sans" | "tous" | "alors" | "toujours" | "puis" | "jamais" | "mais" | "plus" | "moins" | "tres" | "vers" | "lors" | "ainsi" | "aux" | "des" | "les" | "ses" | "ces" | "mes" | "tes" | "nos" | "vos" | "leurs" | "nous" | "vous" | "pas" | "dont" | "avons" | "avez" | "etes" | "sommes" | "fais" | "fait" | "sais" | "vais")
    }
}

/// What a word before or after a date says of its direction.
fn lean_word(w: &str) -> Option<Lean> {
    match w {
        "dernier" | "derniere" | "derniers" | "dernieres" | "passe" | "passee" | "precedent" | "precedente" => Some(Lean::Past),
        "prochain" | "prochaine" | "prochains" | "prochaines" | "suivant" | "suivante" | "a-venir" => Some(Lean::Future),
        _ => None,
    }
}

/// Day, then month and year if they follow: « 7 mars 2017 », « 1er avril ».
fn day_month_year(c: &Cursor<'_, '_>, i: usize) -> Option<(usize, DaySpec)> {
    let (d, j) = c.day_split(i)?;
    let (m, k) = c.month(j)?;
    if let Some(y) = c.year(k) {
        return Some((k + 1, DaySpec { year: Some(y), month: Some(m), day: d }));
    }
    // « le 10 novembre 93 »: a two-digit year, where nothing is counted after it
    if let Some(y) = c.int(k).filter(|_| c.w(k).len() == 2 && !c.followed_by_unit(k + 1) && !matches!(c.w(k + 1), "h" | "heures" | ":")) {
        return Some((k + 1, DaySpec { year: Cursor::numeric_year(y, 2), month: Some(m), day: d }));
    }
    Some((k, DaySpec { year: None, month: Some(m), day: d }))
}

/// « 07/03/2017 », « 2/3 », « 17/02 », « 7.3.17 », « 20 02 2014 ».
fn numeric_date(c: &Cursor<'_, '_>, i: usize, after_le: bool) -> Option<Found> {
    if !c.free(i) || !c.is_number(i) {
        return None;
    }
    let w = c.w(i);
    // « 7.3.17 » is one token
    if w.contains('.') {
        let parts: Vec<&str> = w.split('.').collect();
        if parts.len() == 3 {
            let (d, m, y) = (parts[0].parse::<u32>().ok()?, parts[1].parse::<u32>().ok()?, parts[2].parse::<i64>().ok()?);
            let y = Cursor::numeric_year(y, parts[2].len())?;
            super::Date::new(y, m, d)?;
            return Some((i + 1, Expr::Day(DaySpec { year: Some(y), month: Some(m), day: d }, Lean::Nearest), "<j>.<m>.<a>"));
        }
        return None;
    }
    let d = c.int(i)? as u32;
    if !(1..=31).contains(&d) || w.len() > 2 {
        return None;
    }
    let sep = c.w(i + 1);
    if sep == "/" && !c.seg.tokens[i + 1].space_before() {
        let m = c.int(i + 2)? as u32;
        if !(1..=12).contains(&m) || c.w(i + 2).len() > 2 {
            return None;
        }
        if c.w(i + 3) == "/" && !c.seg.tokens[i + 3].space_before() {
            let y = c.int(i + 4)?;
            let y = Cursor::numeric_year(y, c.w(i + 4).len())?;
            super::Date::new(y, m, d)?;
            return Some((i + 5, Expr::Day(DaySpec { year: Some(y), month: Some(m), day: d }, Lean::Nearest), "<j>/<m>/<a>"));
        }
        // « 17/02 », « le 2/3 »; « 1/3 » alone is a fraction or a score
        if !(after_le || (w.len() == 2 && c.w(i + 2).len() == 2)) {
            return None;
        }
        return Some((i + 3, Expr::Day(DaySpec { year: None, month: Some(m), day: d }, Lean::Nearest), "<j>/<m>"));
    }
    // « 20 02 2014 », « le 17 02 »: space-separated, only with a year or after « le »
    let m = c.int(i + 1)? as u32;
    if !(1..=12).contains(&m) || c.w(i + 1).len() > 2 {
        return None;
    }
    if let Some(y) = c.int(i + 2) {
        let y = Cursor::numeric_year(y, c.w(i + 2).len())?;
        super::Date::new(y, m, d)?;
        return Some((i + 3, Expr::Day(DaySpec { year: Some(y), month: Some(m), day: d }, Lean::Nearest), "<j> <m> <a>"));
    }
    if after_le && c.w(i + 1).len() == 2 {
        return Some((i + 2, Expr::Day(DaySpec { year: None, month: Some(m), day: d }, Lean::Nearest), "le <j> <m>"));
    }
    None
}

/// The core rules at token `i` (no leading determiner).
fn core(c: &Cursor<'_, '_>, i: usize, after_le: bool) -> Option<Found> {
    // the longest reading, the first of equals; each kept as it comes
    // rather than gathered with the others, as most find nothing
    let mut best: Option<Found> = None;
    let mut keep = |found: Option<Found>| {
        if let Some(f) = found {
            if best.as_ref().is_none_or(|b| f.0 > b.0) {
                best = Some(f);
            }
        }
    };
    keep(days(c, i));
    keep(numeric_date(c, i, after_le));
    keep(weekday(c, i));
    keep(month_led(c, i));
    keep(year_led(c, i));
    keep(part_of(c, i));
    keep(relative(c, i));
    keep(season_or_quarter(c, i));
    keep(century_or_decade(c, i));
    keep(holiday(c, i));
    keep(duration(c, i));
    keep(time_of_day(c, i));
    // « le 2 »: a day alone after « le »
    if after_le && best.is_none() {
        if let Some((d, j)) = c.day_split(i) {
            if c.int(i).is_some() && !c.followed_by_unit(j) && !matches!(c.w(j), "%" | "€" | "$") {
                best = Some((j, Expr::Day(DaySpec { year: None, month: None, day: d }, Lean::Nearest), "le <jour>"));
            }
        }
    }
    best
}

/// Days with a month: one day, or two joined by « et », « au », « - ».
fn days(c: &Cursor<'_, '_>, i: usize) -> Option<Found> {
    // « 7 et 8 mars », « 7-8 mars », « 13-15 juillet », « 7, 8 et 9 mars »
    if let Some((d1, j)) = c.day_split(i) {
        let mut k = j;
        while c.w(k) == "," && c.day(k + 1).is_some() {
            k += 2;
        }
        if matches!(c.w(k), "et" | "-" | "au" | "a") && c.free(k) {
            if let Some((n, to)) = day_month_year(c, k + 1) {
                if c.w(k) == "-" && (c.seg.tokens[k].space_before() || c.seg.tokens[k + 1].space_before()) && !c.is_number(i) {
                    return None;
                }
                let from = DaySpec { year: to.year, month: to.month, day: d1 };
                // « les 6 et 13 avril »: two days, not the week between them;
                // the second is found on its own next.
                if c.w(k) == "et" && k == j && to.day != d1 + 1 {
                    // « les 6 et 13 avril prochains »: the lean covers both
                    let lean = lean_word(c.w(n)).filter(|_| c.free(n)).unwrap_or(Lean::Nearest);
                    return Some((j, Expr::Day(from, lean), "<j> et <j> <mois>"));
                }
                return Some((n, Expr::DayRange(from, to), "<j> et <j> <mois>"));
            }
        }
    }
    let (n, spec) = day_month_year(c, i)?;
    // « le 6 mai dernier »
    let (n, lean) = match lean_word(c.w(n)) {
        Some(l) if c.free(n) => (n + 1, l),
        _ => (n, Lean::Nearest),
    };
    Some((n, Expr::Day(spec, lean), "<jour> <mois> <année>"))
}

/// « du 7 au 9 mars 2017 », « entre le 3 et le 5 juin », « dans la nuit du 3 au 4 juin »,
/// « du 13e au dix-huit », « entre le 10 juin et le 1er juillet », « de mars à mai 2016 ».
fn range(c: &Cursor<'_, '_>, i: usize) -> Option<Found> {
    let w = c.w(i);
    let (mut j, joiner): (usize, &[&str]) = match w {
        "du" | "depuis" => (i + 1, &["au", "a"]),
        "entre" => (i + 1, &["et"]),
        "de" | "d'" => (i + 1, &["a", "au"]),
        "dans" if c.w(i + 1) == "la" && c.w(i + 2) == "nuit" && c.w(i + 3) == "du" => (i + 4, &["au", "a"]),
        _ => return None,
    };
    if w == "entre" && c.w(j) == "le" {
        j += 1;
    }
    // first end: a day (month and year optional), or a month, or a year
    if let Some((d1, k)) = c.day_split(j) {
        let (k, m1, y1) = match c.month(k) {
            Some((m, k2)) => match c.year(k2) {
                Some(y) => (k2 + 1, Some(m), Some(y)),
                None => (k2, Some(m), None),
            },
            None => (k, None, None),
        };
        if !joiner.contains(&c.w(k)) {
            return None;
        }
        let mut k = k + 1;
        if c.w(k) == "le" {
            k += 1;
        }
        let (d2, k) = c.day_split(k)?;
        let (n, m2, y2) = match c.month(k) {
            Some((m, k2)) => match c.year(k2) {
                Some(y) => (k2 + 1, Some(m), Some(y)),
                None => (k2, Some(m), None),
            },
            None => (k, None, None),
        };
        // without a month, only « du 13e au 18 »: « de 20 à 30 » counts something else
        if m1.is_none() && m2.is_none() && !(w == "du" && c.int(j).is_none()) {
            return None;
        }
        let from = DaySpec { year: y1.or(y2), month: m1.or(m2), day: d1 };
        let to = DaySpec { year: y2.or(y1), month: m2.or(m1), day: d2 };
        return Some((n, Expr::DayRange(from, to), "du <j> au <j> <mois>"));
    }
    if let Some((m1, k)) = c.month(j) {
        if !joiner.contains(&c.w(k)) {
            return None;
        }
        let (m2, n) = c.month(k + 1)?;
        let (n, y) = match c.year(n) {
            Some(y) => (n + 1, Some(y)),
            None => (n, None),
        };
        return Some((n, Expr::MonthRange { year: y, from: m1, to: m2 }, "de <mois> à <mois>"));
    }
    let y1 = c.year(j)?;
    if !joiner.contains(&c.w(j + 1)) {
        return None;
    }
    let y2 = c.year(j + 2)?;
    (y2 >= y1).then_some((j + 3, Expr::YearRange(y1, y2), "de <année> à <année>"))
}

/// « mardi », « mardi 7 mars », « lundi dernier », « jeudi prochain », « mercredi
/// d'après », « lundi de la semaine prochaine », « mardi en quinze », « lundi soir ».
fn weekday(c: &Cursor<'_, '_>, i: usize) -> Option<Found> {
    if !c.free(i) {
        return None;
    }
    let wd = lexicon::weekday(c.w(i))?;
    // with a date: the date decides
    if let Some((n, spec)) = day_month_year(c, i + 1) {
        return Some((n, Expr::Day(spec, Lean::Nearest), "<jour-sem> <j> <mois>"));
    }
    if let Some((d, n)) = c.day_split(i + 1) {
        if !c.followed_by_unit(n) {
            return Some((n, Expr::Day(DaySpec { year: None, month: None, day: d }, Lean::Nearest), "<jour-sem> <j>"));
        }
    }
    let mut n = i + 1;
    let mut lean = Lean::Nearest;
    let mut weeks = None;
    match c.w(n) {
        w if lean_word(w).is_some() => {
            lean = lean_word(w).unwrap_or(Lean::Nearest);
            n += 1;
        }
        "d'" if c.w(n + 1) == "apres" => {
            weeks = Some(1);
            n += 2;
        }
        "de" if c.w(n + 1) == "la" && c.w(n + 2) == "semaine" => {
            if let Some(l) = lean_word(c.w(n + 3)) {
                weeks = Some(if l == Lean::Past { -1 } else { 1 });
                n += 4;
            }
        }
        "la" if c.w(n + 1) == "semaine" => {
            if let Some(l) = lean_word(c.w(n + 2)) {
                weeks = Some(if l == Lean::Past { -1 } else { 1 });
                n += 3;
            }
        }
        "en" => {
            let later = match c.w(n + 1) {
                "8" | "huit" => 1,
                "15" | "quinze" => 2,
                _ => 0,
            };
            if later > 0 {
                return Some((n + 2, Expr::WeekdayLater { weekday: wd, weeks: later }, "<jour-sem> en huit"));
            }
        }
        _ => {}
    }
    // « lundi matin », « dimanche soir »
    if matches!(c.w(n), "matin" | "soir" | "apres-midi" | "midi" | "soiree" | "matinee") {
        n += 1;
    }
    Some((n, Expr::Weekday { weekday: wd, lean, weeks }, "<jour-sem>"))
}

/// « mars 2017 », « mars », « juin prochain », « du mois d'avril ».
fn month_led(c: &Cursor<'_, '_>, i: usize) -> Option<Found> {
    let mut j = i;
    if c.w(i) == "mois" && matches!(c.w(i + 1), "de" | "d'") {
        j = i + 2;
    }
    let (m, k) = c.month(j)?;
    if let Some(y) = c.year(k) {
        return Some((k + 1, Expr::Month { year: Some(y), month: m, lean: Lean::Nearest }, "<mois> <année>"));
    }
    if let Some(y) = c.short_year(k) {
        return Some((k + 1, Expr::Month { year: Some(y), month: m, lean: Lean::Nearest }, "<mois> <aa>"));
    }
    // « mai » alone: the month only in lowercase
    let t = &c.seg.tokens[j];
    if t.cap() && !t.upper() {
        return None;
    }
    if let Some(l) = lean_word(c.w(k)) {
        return Some((k + 1, Expr::Month { year: None, month: m, lean: l }, "<mois> dernier"));
    }
    Some((k, Expr::Month { year: None, month: m, lean: Lean::Nearest }, "<mois>"))
}

/// « 2013 » where it is a year; « l'an 2000 »; « en 2013 »; « 1992-1993 ».
fn year_led(c: &Cursor<'_, '_>, i: usize) -> Option<Found> {
    if c.w(i) == "an" && c.year(i + 1).is_some() {
        return Some((i + 2, Expr::Year(c.year(i + 1)?), "l'an <année>"));
    }
    let y = c.year(i)?;
    let prev = c.w(i.wrapping_sub(1));
    if i > 0 && matches!(prev, "page" | "p" | "no" | "n" | "numero" | "article" | "art" | "tel" | "+" | "$" | "€" | "£") {
        return None;
    }
    // a range « 1992-1993 »
    if c.w(i + 1) == "-" && !c.seg.tokens[i + 1].space_before() {
        if let Some(y2) = c.year(i + 2) {
            if y2 > y && y2 - y < 100 {
                return Some((i + 3, Expr::YearRange(y, y2), "<année>-<année>"));
            }
        }
    }
    // « 1370 ont perdu la vie »: a number that a plural verb follows counts
    // its subject, unless a preposition makes it a year (« en 2016 ont eu lieu »)
    if matches!(c.w(i + 1), "ont" | "sont" | "avaient" | "etaient" | "seront" | "auront" | "furent" | "eurent" | "restent" | "restaient")
        && !matches!(prev, "en" | "depuis" | "l'an" | "an" | "annee" | "avant" | "apres" | "jusqu'en" | "dans" | "vers" | "entre" | "des" | "du" | "au" | "de")
    {
        return None;
    }
    // a bare year needs context below 1900
    if y < 1900 && !matches!(prev, "en" | "de" | "depuis" | "des" | "avant" | "apres" | "a" | "vers" | "entre" | "et" | "l'an" | "an" | "annee" | "(" | "au" | "du" | "jusqu'en" | "dans") {
        return None;
    }
    Some((i + 1, Expr::Year(y), "<année>"))
}

/// « début avril », « mi-mars », « fin 2016 », « au début de l'année », « à la fin du
/// mois », « en début de semaine », « courant mai ».
fn part_of(c: &Cursor<'_, '_>, i: usize) -> Option<Found> {
    let w = c.w(i);
    // « mi-mars »: one hyphenated token
    if let Some(rest) = w.strip_prefix("mi-") {
        let m = lexicon::month(rest)?;
        let (n, y) = match c.year(i + 1) {
            Some(y) => (i + 2, Some(y)),
            None => (i + 1, None),
        };
        let of = Expr::Month { year: y, month: m, lean: Lean::Nearest };
        return Some((n, Expr::Part { of: Box::new(of), part: Part::Middle }, "mi-<mois>"));
    }
    // the part word, possibly after « au », « à la », « en »
    let mut j = i;
    match w {
        "au" | "en" => j += 1,
        "a" if c.w(i + 1) == "la" => j += 2,
        _ => {}
    }
    let part = match c.w(j) {
        "debut" => Part::Early,
        "mi" | "milieu" | "courant" => Part::Middle,
        "fin" => Part::Late,
        _ => return None,
    };
    if j != i && !matches!(c.w(j), "debut" | "fin" | "milieu") {
        return None;
    }
    let mut k = j + 1;
    if c.w(k) == "-" {
        k += 1;
    }
    // « de l'année », « du mois », « de la semaine », « de semaine »
    let of_the = matches!(c.w(k), "de" | "du" | "d'");
    let after = if of_the { k + 1 } else { k };
    let after = if matches!(c.w(after), "la" | "l'") { after + 1 } else { after };
    match c.w(after) {
        "annee" | "an" => {
            return Some((after + 1, Expr::Part { of: Box::new(Expr::Relative { n: 0, unit: Unit::Year, anchored: false, whole: true }), part }, "début de l'année"))
        }
        "mois" => {
            if let Some((m, n)) = c.month(after + 2).filter(|_| matches!(c.w(after + 1), "de" | "d'")) {
                let (n, y) = match c.year(n) {
                    Some(y) => (n + 1, Some(y)),
                    None => (n, None),
                };
                return Some((n, Expr::Part { of: Box::new(Expr::Month { year: y, month: m, lean: Lean::Nearest }), part }, "début du mois de <mois>"));
            }
            return Some((after + 1, Expr::Part { of: Box::new(Expr::Relative { n: 0, unit: Unit::Month, anchored: false, whole: true }), part }, "début du mois"));
        }
        "semaine" => {
            return Some((after + 1, Expr::Part { of: Box::new(Expr::Relative { n: 0, unit: Unit::Week, anchored: false, whole: true }), part }, "début de semaine"))
        }
        _ => {}
    }
    if let Some((m, n)) = c.month(after) {
        let (n, y) = match c.year(n) {
            Some(y) => (n + 1, Some(y)),
            None => (n, None),
        };
        return Some((n, Expr::Part { of: Box::new(Expr::Month { year: y, month: m, lean: Lean::Nearest }), part }, "début <mois>"));
    }
    let y = c.year(after)?;
    Some((after + 1, Expr::Part { of: Box::new(Expr::Year(y)), part }, "fin <année>"))
}

/// « hier », « demain », « la veille », « le lendemain », « il y a trois jours »,
/// « dans deux semaines », « la semaine dernière », « l'an dernier », « cette
/// année », « quelques jours plus tard », « les deux dernières semaines ».
fn relative(c: &Cursor<'_, '_>, i: usize) -> Option<Found> {
    if !c.free(i) {
        return None;
    }
    let w = c.w(i);
    let day = |n: i64, anchored: bool, rule| Some((i + 1, Expr::Relative { n, unit: Unit::Day, anchored, whole: true }, rule));
    match w {
        "hier" => return with_day_part(c, i + 1, Expr::Relative { n: -1, unit: Unit::Day, anchored: false, whole: true }, "hier"),
        "avant-hier" => return day(-2, false, "avant-hier"),
        "demain" => return with_day_part(c, i + 1, Expr::Relative { n: 1, unit: Unit::Day, anchored: false, whole: true }, "demain"),
        "apres-demain" => return day(2, false, "après-demain"),
        "aujourd'hui" => {
            let mut n = i + 1;
            if lexicon::weekday(c.w(n)).is_some() {
                n += 1;
            }
            return Some((n, Expr::Relative { n: 0, unit: Unit::Day, anchored: false, whole: true }, "aujourd'hui"));
        }
        "veille" | "lendemain" | "surlendemain" => {
            // only as a noun with its article: « la veille », « au lendemain de »
            if c.seg.tokens[i].cap() || !matches!(c.w(i.wrapping_sub(1)), "la" | "le" | "l'" | "au" | "du" | "a" | "de") || i == 0 {
                return None;
            }
            let n = match w {
                "veille" => -1,
                "lendemain" => 1,
                _ => 2,
            };
            return day(n, true, "le lendemain");
        }
        _ => {}
    }
    // « ce matin », « ce soir », « cette nuit », « cet après-midi »: the reference day
    if matches!(w, "ce" | "cette" | "cet") && matches!(c.w(i + 1), "matin" | "soir" | "nuit" | "apres-midi" | "midi" | "matinee" | "soiree") {
        return Some((i + 2, Expr::Relative { n: 0, unit: Unit::Day, anchored: false, whole: true }, "ce matin"));
    }
    // « le même jour »: the day of the last date mentioned
    if w == "meme" && c.w(i + 1) == "jour" && matches!(c.w(i.wrapping_sub(1)), "le" | "au" | "du") {
        return Some((i + 2, Expr::Relative { n: 0, unit: Unit::Day, anchored: true, whole: true }, "le même jour"));
    }
    // « le jour précédent », « le jour suivant » (not « un jour passé là-bas »)
    if w == "jour" && matches!(c.w(i.wrapping_sub(1)), "le" | "du" | "au") {
        match lean_word(c.w(i + 1)) {
            Some(Lean::Past) => return Some((i + 2, Expr::Relative { n: -1, unit: Unit::Day, anchored: true, whole: true }, "le jour précédent")),
            Some(Lean::Future) => return Some((i + 2, Expr::Relative { n: 1, unit: Unit::Day, anchored: true, whole: true }, "le jour suivant")),
            _ => {}
        }
    }
    // « il y a trois jours »
    if w == "il" && c.w(i + 1) == "y" && c.w(i + 2) == "a" {
        let n = c.count(i + 3)?;
        let unit = lexicon::unit(c.w(i + 4))?;
        return Some((i + 5, Expr::Relative { n: -n, unit, anchored: false, whole: false }, "il y a <n> <unité>"));
    }
    // « dans deux semaines »
    if w == "dans" {
        let n = c.count(i + 1)?;
        let unit = lexicon::unit(c.w(i + 2))?;
        return Some((i + 3, Expr::Relative { n, unit, anchored: false, whole: false }, "dans <n> <unité>"));
    }
    // « 2 dernieres semaines », « les deux dernières semaines »: the whole
    // weeks before this one
    let sign = match c.w(i + 1) {
        "dernieres" | "derniers" => -1,
        "prochaines" | "prochains" => 1,
        _ => 0,
    };
    if let Some(k) = c.count(i).filter(|&k| k > 0 && sign != 0) {
        let plural = c.w(i + 2).ends_with('s');
        if let Some(unit) = lexicon::unit(c.w(i + 2)).filter(|u| plural && matches!(u, Unit::Day | Unit::Week | Unit::Month | Unit::Year)) {
            return Some((i + 3, Expr::UnitsAround { n: sign * k, unit }, "<n> dernières <unités>"));
        }
    }
    // « quelques jours plus tard », « trois jours plus tard », « deux semaines après »
    if w == "quelques" || c.count(i).is_some() {
        let unit = lexicon::unit(c.w(i + 1))?;
        // « six ans après sa victoire » counts from an event, not from a
        // date: it stays a duration (found by the duration rule).
        let after_event = matches!(
            c.w(i + 3),
            "le" | "la" | "les" | "l'" | "sa" | "son" | "ses" | "leur" | "leurs" | "ce" | "cet" | "cette" | "un" | "une" | "avoir" | "etre" | "que" | "qu'"
        );
        let later = (c.w(i + 2) == "plus" && c.w(i + 3) == "tard")
            .then_some(i + 4)
            .or((c.w(i + 2) == "apres" && !after_event).then_some(i + 3));
        let earlier = (c.w(i + 2) == "plus" && c.w(i + 3) == "tot").then_some(i + 4).or((c.w(i + 2) == "auparavant").then_some(i + 3));
        let per_unit = match unit {
            Unit::Day => 1,
            Unit::Week => 7,
            Unit::Month => 30,
            Unit::Year => 365,
            _ => return None,
        };
        if w == "quelques" {
            let (n, sign) = match (later, earlier) {
                (Some(n), _) => (n, 1),
                (_, Some(n)) => (n, -1),
                _ => return None,
            };
            let (lo, hi) = if sign > 0 { (2 * per_unit, 7 * per_unit) } else { (-7 * per_unit, -2 * per_unit) };
            return Some((n, Expr::Vague { min_days: lo, max_days: hi }, "quelques <unité> plus tard"));
        }
        let k = c.count(i)?;
        if let Some(n) = later {
            return Some((n, Expr::Relative { n: k, unit, anchored: true, whole: false }, "<n> <unité> plus tard"));
        }
        if let Some(n) = earlier {
            return Some((n, Expr::Relative { n: -k, unit, anchored: true, whole: false }, "<n> <unité> plus tôt"));
        }
        // « les deux dernières semaines », « 2 dernieres semaines »
        return None;
    }
    // « la semaine dernière », « le mois prochain », « l'an dernier », « l'année suivante »
    if let Some(unit) = lexicon::unit(w).filter(|u| matches!(u, Unit::Week | Unit::Month | Unit::Year)) {
        if let Some(l) = lean_word(c.w(i + 1)) {
            let n = if l == Lean::Past { -1 } else { 1 };
            return Some((i + 2, Expr::Relative { n, unit, anchored: false, whole: true }, "la <unité> dernière"));
        }
    }
    // « cette année », « cette semaine », « ce mois-ci », « cet été » (seasons elsewhere)
    if matches!(w, "cette" | "ce") {
        let unit = lexicon::unit(c.w(i + 1)).filter(|u| matches!(u, Unit::Week | Unit::Month | Unit::Year))?;
        let n = if c.w(i + 2) == "-" && c.w(i + 3) == "ci" { i + 4 } else { i + 2 };
        return Some((n, Expr::Relative { n: 0, unit, anchored: false, whole: true }, "cette <unité>"));
    }
    None
}

/// « hier matin », « demain soir »: the part of the day stays in the span.
fn with_day_part(c: &Cursor<'_, '_>, n: usize, expr: Expr, rule: &'static str) -> Option<Found> {
    let n = if matches!(c.w(n), "matin" | "soir" | "apres-midi" | "midi" | "soiree" | "matinee" | "nuit") { n + 1 } else { n };
    Some((n, expr, rule))
}

/// « au printemps 2017 », « l'été dernier », « cet hiver », « le premier trimestre 2017 ».
fn season_or_quarter(c: &Cursor<'_, '_>, i: usize) -> Option<Found> {
    let mut j = i;
    if matches!(c.w(i), "cet" | "ce") {
        j += 1;
    }
    if let Some(s) = lexicon::season(c.w(j)) {
        if !c.free(j) {
            return None;
        }
        if let Some(y) = c.year(j + 1) {
            return Some((j + 2, Expr::Season { year: Some(y), season: s, lean: Lean::Nearest }, "<saison> <année>"));
        }
        if let Some(l) = lean_word(c.w(j + 1)) {
            return Some((j + 2, Expr::Season { year: None, season: s, lean: l }, "<saison> dernier"));
        }
        if j > i {
            return Some((j + 1, Expr::Season { year: None, season: s, lean: Lean::Nearest }, "cet <saison>"));
        }
        return None;
    }
    let q = lexicon::ordinal(c.w(i)).filter(|q| (1..=4).contains(q))?;
    if c.w(i + 1) != "trimestre" {
        return None;
    }
    let (n, y) = match c.year(i + 2) {
        Some(y) => (i + 3, Some(y)),
        None => (i + 2, None),
    };
    Some((n, Expr::Quarter { year: y, quarter: q as u32 }, "<n>e trimestre"))
}

/// « le XXe siècle », « 20e siècle », « les années 1990 », « les années 90 ».
fn century_or_decade(c: &Cursor<'_, '_>, i: usize) -> Option<Found> {
    let w = c.w(i);
    if c.w(i + 1) == "siecle" {
        let n = w.strip_suffix("eme").or_else(|| w.strip_suffix('e')).and_then(|r| lexicon::roman(r).or_else(|| r.parse().ok()))?;
        if (1..=30).contains(&n) {
            return Some((i + 2, Expr::Century(n as i32), "<n>e siècle"));
        }
    }
    // « XXI e siècle », « XIX ème siècle »: the suffix cut off by a space
    if matches!(c.w(i + 1), "e" | "eme") && c.w(i + 2) == "siecle" && !c.seg.tokens[i + 1].cap() {
        let n = lexicon::roman(w).or_else(|| c.int(i))?;
        if (1..=30).contains(&n) {
            return Some((i + 3, Expr::Century(n as i32), "<n>e siècle"));
        }
    }
    if w == "annees" {
        let n = c.int(i + 1)?;
        let decade = match c.w(i + 1).len() {
            4 if n % 10 == 0 && (1000..=2090).contains(&n) => n as i32,
            2 if n % 10 == 0 => 1900 + n as i32,
            _ => return None,
        };
        return Some((i + 2, Expr::Decade(decade), "les années <décennie>"));
    }
    None
}

/// Holidays: « Noël », « le nouvel an », « la fête du travail », « le 14-Juillet »,
/// « Pâques », « la Pentecôte », « la Toussaint ».
fn holiday(c: &Cursor<'_, '_>, i: usize) -> Option<Found> {
    let w = c.w(i);
    let fixed = |n: usize, month, day, rule| Some((n, Expr::Holiday { month, day }, rule));
    match w {
        "noel" => fixed(i + 1, 12, 25, "Noël"),
        "toussaint" => fixed(i + 1, 11, 1, "la Toussaint"),
        "nouvel" if c.w(i + 1) == "an" => fixed(i + 2, 1, 1, "le nouvel an"),
        "jour" if c.w(i + 1) == "de" && c.w(i + 2) == "l'" && c.w(i + 3) == "an" => fixed(i + 4, 1, 1, "le jour de l'an"),
        "saint-sylvestre" => fixed(i + 1, 12, 31, "la Saint-Sylvestre"),
        "fete" if c.w(i + 1) == "du" && c.w(i + 2) == "travail" => fixed(i + 3, 5, 1, "la fête du travail"),
        "fete" if c.w(i + 1) == "nationale" => fixed(i + 2, 7, 14, "la fête nationale"),
        "paques" => Some((i + 1, Expr::Movable { after_easter: 0 }, "Pâques")),
        "pentecote" => Some((i + 1, Expr::Movable { after_easter: 49 }, "la Pentecôte")),
        "ascension" if c.seg.tokens[i].cap() => Some((i + 1, Expr::Movable { after_easter: 39 }, "l'Ascension")),
        "14" if c.w(i + 1) == "-" && c.w(i + 2) == "juillet" && c.seg.tokens.get(i + 2).is_some_and(|t| t.cap()) => fixed(i + 3, 7, 14, "le 14-Juillet"),
        _ => None,
    }
}

/// « 200 ans », « trois jours », « depuis six mois »: a duration, not an interval.
/// An age (« Jean Dupont, 45 ans », « âgé de 29 ans ») is no date at all.
fn duration(c: &Cursor<'_, '_>, i: usize) -> Option<Found> {
    let n = c.count(i)?;
    let unit = lexicon::unit(c.w(i + 1))?;
    if matches!(unit, Unit::Minute | Unit::Hour) && !c.is_number(i) {
        return None;
    }
    let tokens = c.seg.tokens;
    // « la guerre des Six Jours », « la guerre de Cent Ans »: a name
    if tokens[i].cap() && tokens[i + 1].cap() && !tokens[i].sentence_start() && !tokens[i].upper() {
        return None;
    }
    let prev = c.w(i.wrapping_sub(1));
    // « un jour » is « some day » but after a word that measures time:
    // « pendant un jour », « en un jour », « plus d'un jour »
    if c.w(i) == "un" && c.w(i + 1) == "jour" && !matches!(prev, "pendant" | "durant" | "en" | "depuis" | "pour" | "sur" | "d'" | "de" | "qu'" | "que" | "plus" | "moins" | "environ" | "seulement" | "juste" | "bout") {
        return None;
    }
    // an age: « Jean Dupont, 45 ans », « un homme de 74 ans », « mort à 70 ans », « il a 29 ans »
    if unit == Unit::Year && (matches!(prev, "," | "de" | "d'" | "a" | "avait" | "aurait" | "ont" | "avaient" | "(" | "age" | "agee") || c.w(i + 2) == ")") {
        return None;
    }
    Some((i + 2, Expr::Duration(unit.iso(n)), "<n> <unité>"))
}

/// « 22 h », « 15 h 45 », « 14h30 », « 9 heures 30 »: the day of the last date
/// in the sentence, or the reference date.
fn time_of_day(c: &Cursor<'_, '_>, i: usize) -> Option<Found> {
    if !c.free(i) || !c.is_number(i) {
        return None;
    }
    let w = c.w(i);
    // « 14h30 », « 14h »: one token
    if let Some((h, m)) = w.split_once('h') {
        let h: u32 = h.parse().ok()?;
        if h > 24 || !(m.is_empty() || (m.len() == 2 && m.bytes().all(|b| b.is_ascii_digit()))) {
            return None;
        }
        return Some((i + 1, Expr::TimeOfDay, "<h>h<mm>"));
    }
    let h = c.int(i)?;
    if h > 24 || !matches!(c.w(i + 1), "h" | "heures" | "heure") {
        return None;
    }
    let mut n = i + 2;
    if let Some(m) = c.int(n) {
        if m < 60 && c.w(n).len() == 2 {
            n += 1;
        }
    }
    Some((n, Expr::TimeOfDay, "<h> h <mm>"))
}

/// A time of day that belongs to the date next to it stays in its span:
/// « le 2 mars à 5h », « 1er janvier 2016, 14h30 », « 4 h mardi ».
fn attach_time(c: &Cursor<'_, '_>, found: (usize, usize, Expr, &'static str)) -> (usize, usize, Expr, &'static str) {
    let (start, end, expr, rule) = found;
    if expr == Expr::TimeOfDay {
        if let Some((n, wd @ Expr::Weekday { .. }, r)) = weekday(c, end) {
            return (start, n, wd, r);
        }
        return (start, end, expr, rule);
    }
    let is_day = matches!(expr, Expr::Day(..) | Expr::Weekday { .. } | Expr::WeekdayLater { .. } | Expr::Relative { unit: Unit::Day, .. });
    if !is_day {
        return (start, end, expr, rule);
    }
    let mut k = end;
    if matches!(c.w(k), "," | "a" | "vers") {
        k += 1;
    }
    if c.w(k) == "partir" && c.w(k + 1) == "de" {
        k += 2;
    }
    match time_of_day(c, k) {
        Some((n, _, _)) if k > end || n > end => (start, n, expr, rule),
        _ => (start, end, expr, rule),
    }
}

/// Whether a token that may begin a date (a number or a date word) begins
/// one in its context, on cheap tests that spare the grammar most tokens:
/// function words (« de », « dans ») need a date word or a number within two
/// tokens (« de la veille », « dans la nuit du »), count words (« un »,
/// « deux », « sept ») a unit, a date word, a number or « prochains » /
/// « derniers » right after them, « il » the rest of « il y a ».
fn may_begin_here(c: &Cursor<'_, '_>, i: usize, w: &str, next_may_start: bool) -> bool {
    let seg = c.seg;
    let content = |k: usize| {
        seg.tokens.get(k).is_some_and(|t| t.kind == TokenKind::Number || (t.hyphenated() && c.w(k).starts_with("mi-")))
            || (seg.has(k, DATE_START) && !seg.has(k, DATE_FUNCTION))
    };
    if seg.has(i, DATE_FUNCTION) {
        return next_may_start && (content(i + 1) || (seg.has(i + 1, DATE_FUNCTION) && content(i + 2)));
    }
    // Common words that begin a date only before one kind of word, as their
    // rules say: « le même jour » (`relative`), « l'été 2017 », « l'hiver
    // dernier » (`season_or_quarter`), « quelques jours plus tard »
    // (`relative`), « le jour suivant » (`relative`), « le jour de l'an »
    // (`holiday`); and words that never begin one, date words only so that
    // a function word before them may (« ce soir », « les deux derniers »).
    match w {
        "meme" => return c.w(i + 1) == "jour",
        "printemps" | "ete" | "automne" | "hiver" => return c.is_number(i + 1) || lean_word(c.w(i + 1)).is_some(),
        "quelques" => return lexicon::unit(c.w(i + 1)).is_some(),
        "jour" => return c.w(i + 1) == "de" || lean_word(c.w(i + 1)).is_some(),
        // an ordinal in letters is a day before its month (`days`), or a quarter
        "premier" | "premiere" | "second" | "seconde" | "deuxieme" | "troisieme" | "quatrieme" => {
            let next = c.w(i + 1);
            return lexicon::month(next).is_some() || matches!(next, "er" | "re" | "," | "et" | "-" | "au" | "a" | "trimestre");
        }
        "matin" | "soir" | "nuit" | "apres-midi" | "derniers" | "dernieres" => return false,
        _ => {}
    }
    if seg.tokens[i].kind == TokenKind::Word && lexicon::number_word(w).is_some() {
        // « sept. 2014 »: the abbreviated month before a year
        let abbreviation = c.w(i + 1) == "." && seg.tokens.get(i + 2).is_some_and(|t| t.kind == TokenKind::Number);
        return next_may_start || abbreviation || lexicon::unit(c.w(i + 1)).is_some() || lean_word(c.w(i + 1)).is_some();
    }
    w != "il" || (c.w(i + 1) == "y" && c.w(i + 2) == "a")
}

/// Whether a date may begin at token `t` by what it is: a number or a word
/// of [`DATE_START`] (the scan lists such tokens; the grammar asks it of the
/// tokens that follow a candidate).
pub(crate) fn may_start_date(t: &Tok) -> bool {
    t.kind == TokenKind::Number || t.classes & DATE_START != 0
}

/// Whether [`may_begin_here`] needs the word after `word` to let a date begin
/// at it: « un », « une » and « il » are among the commonest words of French
/// and begin a date only before a few others (see [`next_lets_begin`]).
pub(crate) fn waits_for_next(word: &[u8]) -> bool {
    matches!(word, b"un" | b"une" | b"il")
}

/// For a word that [`waits_for_next`]: whether the next token (folded
/// `next`, which may begin a date when `next_may_start`) lets a date begin
/// at it — what [`may_begin_here`] asks of that token, so that the scan lists
/// the word only where the grammar may take it.
pub(crate) fn next_lets_begin(word: &[u8], next: &str, next_may_start: bool) -> bool {
    match word {
        // « il y a trois jours »
        b"il" => next == "y",
        // « une semaine plus tard », « un 7 mars », « un an », « un mois dernier »
        _ => next_may_start || next == "." || lexicon::unit(next).is_some() || lean_word(next).is_some(),
    }
}

/// Finds the date mentions of a segment.
pub(crate) fn recognize(seg: &mut Segment<'_>, state: &mut DocState) {
    let mut found: Vec<(usize, usize, Expr, &'static str)> = Vec::new();
    {
        let c = Cursor { seg };
        // the grammar is only tried where a date can begin, after the last date found
        let mut next = 0;
        for &i in &seg.candidates.dates {
            let i = i as usize;
            if i < next || !c.free(i) {
                continue;
            }
            let may_start = |k: usize| seg.tokens.get(k).is_some_and(may_start_date);
            let next_may_start = may_start(i + 1);
            let w = c.w(i);
            if !may_begin_here(&c, i, w, next_may_start) {
                continue;
            }
            // a determiner that belongs to the date: « le 10 mars », « les 7 et 8 mars », « la veille »
            let with_det = if matches!(w, "le" | "les" | "la" | "l'") && c.free(i + 1) && next_may_start && may_begin_here(&c, i + 1, c.w(i + 1), may_start(i + 2)) { core(&c, i + 1, w == "le") } else { None };
            // function words begin only a few rules
            let bare = if matches!(w, "le" | "la" | "les" | "l'" | "du" | "de" | "d'" | "depuis" | "entre") {
                None
            } else if matches!(w, "au" | "en" | "a" | "dans" | "il" | "ce" | "cet" | "cette") {
                [part_of(&c, i), relative(&c, i), season_or_quarter(&c, i)].into_iter().flatten().max_by_key(|f| f.0)
            } else {
                core(&c, i, false)
            };
            let ranged = if matches!(w, "du" | "depuis" | "entre" | "de" | "d'" | "dans") { range(&c, i) } else { None };
            let mut best: Option<(usize, usize, Expr, &'static str)> = None;
            for (start, f) in [(i, with_det), (i, bare), (i, ranged)] {
                if let Some((end, expr, rule)) = f {
                    if best.as_ref().is_none_or(|b| end > b.1) {
                        best = Some((start, end, expr, rule));
                    }
                }
            }
            match best {
                // a date never swallows what another recogniser took
                Some(b) if b.1 > i && !seg.free(b.0, b.1) => {}
                Some(mut b) if b.1 > i => {
                    let with_time = attach_time(&c, b.clone());
                    if seg.free(with_time.0, with_time.1) {
                        b = with_time;
                    }
                    next = b.1;
                    found.push(b);
                }
                _ => {}
            }
        }
    }
    let candidates = seg.candidates;
    let mut sentences = 0;
    let mut lines = LineCounter::new(state.lines);
    let mut sentence_tense: Option<(usize, Lean)> = None;
    for (start, end, expr, rule) in found {
        let sentence = state.sentences + candidates.sentences_up_to(start, &mut sentences);
        let span = seg.doc_span(start, end);
        // the sentence's tense only matters where the text leaves a date open
        let open = match &expr {
            Expr::Weekday { .. } | Expr::WeekdayLater { .. } | Expr::Holiday { .. } | Expr::Movable { .. } => true,
            Expr::Day(spec, _) | Expr::DayRange(_, spec) => spec.year.is_none(),
            Expr::Month { year, .. } | Expr::Season { year, .. } | Expr::MonthRange { year, .. } => year.is_none(),
            _ => false,
        };
        // one reading of a sentence serves all its dates: a long one full of
        // dates would otherwise be read again for each of them
        let tense = match sentence_tense {
            _ if !open => Lean::Nearest,
            Some((s, tense)) if s == sentence => tense,
            _ => {
                let tense = tense_of(seg, start);
                sentence_tense = Some((sentence, tense));
                tense
            }
        };
        let (line, alone) = lines.line_of(seg, start, end);
        state.dates.push(Mention { span, expr, tense, sentence, alone_on_line: alone, line, rule });
        seg.take(start, end);
    }
    state.sentences += candidates.sentence_starts.len();
    state.lines += lines.total(seg);
}

/// Counts lines in one segment, forward only, for datelines near the top.
struct LineCounter {
    base: usize,
    at: usize,
    line: usize,
}

/// Lines past this one are not counted: datelines stand near the top.
const TOP_LINES: usize = 40;

impl LineCounter {
    fn new(base: usize) -> LineCounter {
        LineCounter { base, at: 0, line: 0 }
    }

    /// (line number, whether the mention is alone on its line but for a few
    /// tokens: « Paris, le 28 mars 2017 », « 1er janvier 2016, 14h30 . – »).
    fn line_of(&mut self, seg: &Segment<'_>, start: usize, end: usize) -> (usize, bool) {
        if self.base + self.line > TOP_LINES {
            return (usize::MAX, false);
        }
        let to = seg.span(start, start + 1).map_or(self.at, |s| s.start);
        self.line += seg.text.as_bytes().get(self.at..to).map_or(0, |b| b.iter().filter(|&&c| c == b'\n').count());
        self.at = to;
        let mut before = 0;
        let mut k = start;
        while k > 0 && !seg.tokens[k].line_start() && before <= 3 {
            before += 1;
            k -= 1;
        }
        let mut after = 0;
        let mut k = end;
        while k < seg.tokens.len() && !seg.tokens[k].line_start() && after <= 5 {
            after += 1;
            k += 1;
        }
        // a dateline that runs into the text: « 23 octobre 2016 . – Une réunion… »
        let runs_in = before == 0 && seg.tokens.get(end).is_some_and(|t| t.kind == TokenKind::Punct && matches!(seg.word(end), "." | "-" | "," | ":"));
        (self.base + self.line, (before <= 3 && after <= 5) || runs_in)
    }

    fn total(&self, seg: &Segment<'_>) -> usize {
        if self.base > TOP_LINES {
            return 0;
        }
        seg.text.bytes().filter(|&c| c == b'\n').count()
    }
}

/// A past tense at token `k`: « a rencontré », « ont dit », « était », « avait
/// reçu », « s'est rendu ». A state (« est prévue », « est fixée ») is no past.
fn is_past_marker(seg: &Segment<'_>, k: usize) -> bool {
    let w = seg.word(k);
    if w.len() > 4 && (w.ends_with("ait") || w.ends_with("aient")) && !matches!(w, "fait" | "parfait" | "souhait" | "trait" | "attrait") {
        return true;
    }
    if !matches!(w, "a" | "ont" | "avait" | "avaient" | "est" | "sont" | "etait" | "etaient" | "fut" | "furent" | "eut" | "eurent") {
        return false;
    }
    let next = seg.word(k + 1);
    if matches!(next, "prevu" | "prevue" | "prevus" | "prevues" | "fixe" | "fixee" | "programme" | "programmee" | "attendu" | "attendue" | "convoque" | "convoquee" | "invite" | "invitee" | "cense" | "censee" | "pret" | "prete") {
        return false;
    }
    let Some(t) = seg.tokens.get(k + 1) else { return false };
    let original = seg.original(k + 1, k + 2);
    t.kind == TokenKind::Word
        && !t.cap()
        && original.chars().count() > 2
        && ["é", "ée", "és", "ées", "i", "is", "ie", "u", "us", "ue", "it", "ert", "int", "aint", "ait"].iter().any(|e| original.ends_with(e))
        && !t.hyphenated()
        && !original.ends_with("ais")
        && !matches!(next, "plus" | "tous" | "sous" | "deja" | "aussi" | "ici" | "lui" | "oui" | "depuis" | "parmi" | "ni" | "si" | "vous" | "nous" | "desormais" | "jamais" | "mais" | "pas")
}

/// The tense of the sentence around token `at`: future (« aura lieu », « va
/// signer », « prochain »), past (« a rencontré », « était », « hier »), or none.
fn tense_of(seg: &Segment<'_>, at: usize) -> Lean {
    let n = seg.tokens.len();
    let mut start = at;
    while start > 0 && !seg.tokens[start].sentence_start() {
        start -= 1;
    }
    let mut end = at + 1;
    while end < n && !seg.tokens[end].sentence_start() {
        end += 1;
    }
    let (mut future, mut past) = (0, 0);
    for k in start..end {
        let w = seg.word(k);
        if seg.tokens[k].kind != TokenKind::Word || (seg.tokens[k].cap() && !seg.tokens[k].upper()) {
            continue;
        }
        if matches!(w, "sera" | "seront" | "aura" | "auront" | "ira" | "iront" | "fera" | "feront" | "prochain" | "prochaine" | "devra" | "devront" | "doit" | "doivent" | "pourra" | "pourront" | "viendra")
            || (matches!(w, "va" | "vont") && seg.word(k + 1).ends_with("er"))
            || (w.len() > 5 && (w.ends_with("era") || w.ends_with("eront") || w.ends_with("ira") || w.ends_with("iront")))
        {
            future += 1;
        }
        if is_past_marker(seg, k) {            past += 1;
        }
    }
    match future.cmp(&past) {
        std::cmp::Ordering::Greater => Lean::Future,
        std::cmp::Ordering::Less => Lean::Past,
        std::cmp::Ordering::Equal => Lean::Nearest,
    }
}
