//! Dates: French date expressions found in the text ([`grammar`]) and
//! resolved against a reference date into ISO intervals ([`resolve`]).
//!
//! A reference date is the one given (API, CLI `--reference-date`, JSONL
//! `reference_date`), else one detected in the document (a dateline, or a
//! date alone on a line near the top), else none: relative dates then stay
//! relative. Narrative anchors (« le lendemain », « la veille », « quelques
//! jours plus tard ») resolve against the last date mentioned before them.

pub(crate) mod calendar;
pub(crate) mod grammar;
pub(crate) mod lexicon;
pub(crate) mod resolve;

pub use calendar::Date;

use crate::offsets::Span;
use lexicon::Unit;

/// How precise a resolved date is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[non_exhaustive]
pub enum Grain {
    /// One or more whole days.
    Day,
    /// A week, Monday to Sunday.
    Week,
    /// A month.
    Month,
    /// A quarter.
    Quarter,
    /// A season (about three months).
    Season,
    /// A year.
    Year,
    /// A decade.
    Decade,
    /// A century.
    Century,
}

impl Grain {
    /// The lowercase word used in JSON.
    pub const fn as_str(self) -> &'static str {
        match self {
            Grain::Day => "day",
            Grain::Week => "week",
            Grain::Month => "month",
            Grain::Quarter => "quarter",
            Grain::Season => "season",
            Grain::Year => "year",
            Grain::Decade => "decade",
            Grain::Century => "century",
        }
    }
}

/// What a resolved date was resolved against: whether the text alone fixes
/// it, or it needed the document's reference date or an earlier date (TimeML
/// calls the last two *temporal functions*).
///
/// # Example
/// ```
/// use vigie::{Anchor, Extractor, Norm};
/// let doc = Extractor::new().extract("28 mars 2017\nIls se sont vus le 7 mars, puis le lendemain, et hier.");
/// let anchors: Vec<Anchor> = doc.entities.iter().filter_map(|e| match &e.norm {
///     Norm::Date { anchor, .. } => Some(*anchor),
///     _ => None,
/// }).collect();
/// assert_eq!(anchors, [Anchor::Text, Anchor::Reference, Anchor::Narrative, Anchor::Reference]);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Anchor {
    /// The expression names its own year (« 28 mars 2017 », « en 2013 »,
    /// « les années 1990 »).
    Text,
    /// The year, day or week comes from the reference date (« le 7 mars »,
    /// « hier », « lundi », « la semaine dernière »).
    Reference,
    /// Counted from the last date mentioned before it (« le lendemain »,
    /// « quelques jours plus tard »).
    Narrative,
}

impl Anchor {
    /// The lowercase word used in JSON.
    pub const fn as_str(self) -> &'static str {
        match self {
            Anchor::Text => "text",
            Anchor::Reference => "reference",
            Anchor::Narrative => "narrative",
        }
    }
}

/// Where the reference date of a document came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum ReferenceSource {
    /// Given by the caller.
    Given,
    /// Read from the document (a dateline or a date alone near the top).
    Detected,
}

impl ReferenceSource {
    /// The lowercase word used in JSON.
    pub const fn as_str(self) -> &'static str {
        match self {
            ReferenceSource::Given => "given",
            ReferenceSource::Detected => "detected",
        }
    }
}

/// Which way a year-less or weekday-only date leans.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Lean {
    /// The nearest occurrence.
    Nearest,
    /// The last occurrence before the anchor (« dernier », past tense).
    Past,
    /// The next occurrence after the anchor (« prochain », future tense).
    Future,
}

/// Part of a period: « début », « mi- », « fin ».
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Part {
    Early,
    Middle,
    Late,
}

/// A day with what the text gives of its month and year.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct DaySpec {
    pub year: Option<i32>,
    pub month: Option<u32>,
    pub day: u32,
}

/// A date expression as the text states it, before resolution.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Expr {
    Day(DaySpec, Lean),
    DayRange(DaySpec, DaySpec),
    Month { year: Option<i32>, month: u32, lean: Lean },
    MonthRange { year: Option<i32>, from: u32, to: u32 },
    Year(i32),
    YearRange(i32, i32),
    Decade(i32),
    Century(i32),
    Season { year: Option<i32>, season: u32, lean: Lean },
    Quarter { year: Option<i32>, quarter: u32 },
    Part { of: Box<Expr>, part: Part },
    /// A weekday: `weeks` weeks from the anchor's week (0 this week or the
    /// nearest by `lean`), or the one of the day `day` when given.
    Weekday { weekday: u32, lean: Lean, weeks: Option<i64> },
    /// « lundi en huit », « mardi en quinze »: the next such weekday (today
    /// included), then `weeks` weeks later.
    WeekdayLater { weekday: u32, weeks: i64 },
    /// `n` units from the reference (« hier », « il y a trois jours », « la
    /// semaine dernière », « cette année »), or from the last date mentioned
    /// when `anchored` (« le lendemain »). Whole units when `whole`.
    Relative { n: i64, unit: Unit, anchored: bool, whole: bool },
    /// `n` whole units before the current one (« les deux dernières
    /// semaines », « les trois derniers jours ») when `n` is negative, after it
    /// (« les deux prochains mois ») when positive.
    UnitsAround { n: i64, unit: Unit },
    /// Some days after the last date mentioned (« quelques jours plus tard »).
    Vague { min_days: i64, max_days: i64 },
    /// A duration, not a calendar interval.
    Duration(String),
    /// A fixed-date holiday (month, day) or Easter-based (days after Easter).
    Holiday { month: u32, day: u32 },
    Movable { after_easter: i64 },
    /// A time of day: the day of the last date in its sentence, or the reference.
    TimeOfDay,
}

impl Expr {
    /// What the expression needs besides itself to be resolved; `Narrative`
    /// for the time of day, which takes the day of the last date in its
    /// sentence.
    pub(crate) fn anchor(&self) -> Anchor {
        match self {
            Expr::Day(spec, _) | Expr::DayRange(_, spec) if spec.year.is_some() => Anchor::Text,
            Expr::Month { year: Some(_), .. } | Expr::MonthRange { year: Some(_), .. } | Expr::Season { year: Some(_), .. } | Expr::Quarter { year: Some(_), .. } => Anchor::Text,
            Expr::Year(_) | Expr::YearRange(..) | Expr::Decade(_) | Expr::Century(_) | Expr::Duration(_) => Anchor::Text,
            Expr::Part { of, .. } => of.anchor(),
            Expr::Relative { anchored: true, .. } | Expr::Vague { .. } | Expr::TimeOfDay => Anchor::Narrative,
            _ => Anchor::Reference,
        }
    }
}

/// A date found in a segment, before resolution.
#[derive(Clone, Debug)]
pub(crate) struct Mention {
    pub span: Span,
    pub expr: Expr,
    /// The sentence's tense leans this way.
    pub tense: Lean,
    /// Index of the sentence in the document.
    pub sentence: usize,
    /// The mention is the whole content of its line (a candidate dateline).
    pub alone_on_line: bool,
    /// Line number in the document (0-based), for dateline detection.
    pub line: usize,
    /// The grammar rule that matched.
    pub rule: &'static str,
}
