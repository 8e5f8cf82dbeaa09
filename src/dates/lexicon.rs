//! The atomic pieces of French dates: months, weekdays, number words,
//! ordinals, units, seasons, holidays. Words are in their folded form.

/// The month a word names (1-12): full names and the usual abbreviations.
pub(crate) fn month(word: &str) -> Option<u32> {
    Some(match word {
        "janvier" | "janv" | "jan" => 1,
        "fevrier" | "fevr" | "fev" => 2,
        "mars" => 3,
        "avril" | "avr" => 4,
        "mai" => 5,
        "juin" => 6,
        "juillet" | "juil" => 7,
        "aout" => 8,
        "septembre" | "sept" | "sep" => 9,
        "octobre" | "oct" => 10,
        "novembre" | "nov" => 11,
        "decembre" | "dec" => 12,
        _ => return None,
    })
}

/// Whether the month word is an abbreviation (it may take a full stop).
pub(crate) fn is_month_abbreviation(word: &str) -> bool {
    matches!(word, "janv" | "jan" | "fevr" | "fev" | "avr" | "juil" | "sept" | "sep" | "oct" | "nov" | "dec")
}

/// The weekday a word names, Monday 1 to Sunday 7.
pub(crate) fn weekday(word: &str) -> Option<u32> {
    Some(match word {
        "lundi" => 1,
        "mardi" => 2,
        "mercredi" => 3,
        "jeudi" => 4,
        "vendredi" => 5,
        "samedi" => 6,
        "dimanche" => 7,
        _ => return None,
    })
}

/// The value of a French number word up to a hundred (« trois », « dix-huit »,
/// « vingt-et-un »), or of « un »/« une ».
pub(crate) fn number_word(word: &str) -> Option<i64> {
    let unit = |w: &str| -> Option<i64> {
        Some(match w {
            "zero" => 0,
            "un" | "une" => 1,
            "deux" => 2,
            "trois" => 3,
            "quatre" => 4,
            "cinq" => 5,
            "six" => 6,
            "sept" => 7,
            "huit" => 8,
            "neuf" => 9,
            "dix" => 10,
            "onze" => 11,
            "douze" => 12,
            "treize" => 13,
            "quatorze" => 14,
            "quinze" => 15,
            "seize" => 16,
            "vingt" => 20,
            "trente" => 30,
            "quarante" => 40,
            "cinquante" => 50,
            "soixante" => 60,
            "cent" => 100,
            _ => return None,
        })
    };
    if let Some(v) = unit(word) {
        return Some(v);
    }
    // « dix-huit », « vingt-et-un », « soixante-dix »
    if !word.contains('-') {
        return None;
    }
    let mut total = 0;
    let mut parts = 0;
    for p in word.split('-').filter(|p| *p != "et") {
        total += unit(p)?;
        parts += 1;
    }
    (2..=3).contains(&parts).then_some(total)
}

/// The value of an ordinal word or token (« premier », « 1er », « 13e »,
/// « deuxième », « 2ème »).
pub(crate) fn ordinal(word: &str) -> Option<i64> {
    match word {
        "premier" | "premiere" | "1er" | "1re" | "1ere" => return Some(1),
        "second" | "seconde" => return Some(2),
        _ => {}
    }
    // « 13e », « 2eme »: digits then a suffix (most words end in « e »:
    // only those that start with a digit are worth parsing)
    if word.as_bytes().first().is_some_and(u8::is_ascii_digit) {
        for suffix in ["eme", "ieme", "e", "er"] {
            if let Some(stem) = word.strip_suffix(suffix) {
                if let Ok(n) = stem.parse::<i64>() {
                    return Some(n);
                }
            }
        }
        return None;
    }
    let stem = word.strip_suffix("ieme")?;
    let base = match stem {
        "deux" => "deux",
        "trois" => "trois",
        "quatr" => "quatre",
        "cinqu" => "cinq",
        "six" => "six",
        "sept" => "sept",
        "huit" => "huit",
        "neuv" => "neuf",
        "dix" => "dix",
        "onz" => "onze",
        "douz" => "douze",
        s => s,
    };
    number_word(base)
}

/// A Roman numeral (« XXe » siècle), up to 39.
pub(crate) fn roman(word: &str) -> Option<i64> {
    let mut total = 0;
    let mut prev = 0;
    for c in word.chars().rev() {
        let v = match c {
            'i' => 1,
            'v' => 5,
            'x' => 10,
            _ => return None,
        };
        if v < prev {
            total -= v;
        } else {
            total += v;
            prev = v;
        }
    }
    (total > 0 && total < 40).then_some(total)
}

/// Units of time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Unit {
    Minute,
    Hour,
    Day,
    Week,
    Month,
    Year,
    Decade,
    Century,
}

impl Unit {
    /// The ISO 8601 duration designator.
    pub fn iso(self, n: i64) -> String {
        match self {
            Unit::Minute => format!("PT{n}M"),
            Unit::Hour => format!("PT{n}H"),
            Unit::Day => format!("P{n}D"),
            Unit::Week => format!("P{n}W"),
            Unit::Month => format!("P{n}M"),
            Unit::Year => format!("P{n}Y"),
            Unit::Decade => format!("P{}Y", n * 10),
            Unit::Century => format!("P{}Y", n * 100),
        }
    }
}

/// The unit a word names (« jours », « semaine », « ans »).
pub(crate) fn unit(word: &str) -> Option<Unit> {
    Some(match word {
        "minute" | "minutes" | "min" => Unit::Minute,
        "heure" | "heures" => Unit::Hour,
        "jour" | "jours" | "journee" | "journees" => Unit::Day,
        "semaine" | "semaines" => Unit::Week,
        "mois" => Unit::Month,
        "an" | "ans" | "annee" | "annees" => Unit::Year,
        "decennie" | "decennies" => Unit::Decade,
        "siecle" | "siecles" => Unit::Century,
        _ => return None,
    })
}

/// The season a word names: 0 spring, 1 summer, 2 autumn, 3 winter.
pub(crate) fn season(word: &str) -> Option<u32> {
    Some(match word {
        "printemps" => 0,
        "ete" => 1,
        "automne" => 2,
        "hiver" => 3,
        _ => return None,
    })
}

/// Words that can begin a date expression (besides numbers): the date
/// grammar is only tried where one of them, or a number, stands.
pub(crate) const DATE_START_WORDS: &[&str] = &[
    "janvier", "janv", "jan", "fevrier", "fevr", "fev", "mars", "avril", "avr", "mai", "juin", "juillet", "juil", "aout",
    "septembre", "sept", "sep", "octobre", "oct", "novembre", "nov", "decembre", "dec", "lundi", "mardi", "mercredi",
    "jeudi", "vendredi", "samedi", "dimanche", "le", "la", "les", "l'", "du", "de", "d'", "depuis", "entre", "dans", "au",
    "en", "a", "il", "ce", "cet", "cette", "hier", "avant-hier", "demain", "apres-demain", "aujourd'hui", "veille",
    "lendemain", "surlendemain", "jour", "meme", "quelques", "semaine", "mois", "an", "annee", "annees", "debut", "fin",
    "mi", "milieu", "courant", "printemps", "ete", "automne", "hiver", "noel", "toussaint", "nouvel", "saint-sylvestre",
    "fete", "paques", "pentecote", "ascension", "premier", "premiere", "second", "seconde", "deuxieme", "troisieme",
    "quatrieme", "un", "une", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix", "onze", "douze",
    "treize", "quatorze", "quinze", "seize", "vingt", "trente", "quarante", "cinquante", "soixante", "cent",
    "dix-sept", "dix-huit", "dix-neuf", "vingt-et-un", "trente-et-un", "xxe", "xixe", "xxie", "xviiie", "xviie", "xvie", "xxi", "xx", "xix", "xviii", "xvii", "xvi", "xv",
    "dernieres", "derniers", "matin", "soir", "nuit", "apres-midi",
];

/// Function words that begin a date only before a number or another date
/// word (« le 10 mars », « du 7 au 9 », « au début », « cette année »).
pub(crate) const DATE_FUNCTION_WORDS: &[&str] =
    &["le", "la", "les", "l'", "du", "de", "d'", "depuis", "entre", "au", "en", "a", "dans", "ce", "cet", "cette"];
