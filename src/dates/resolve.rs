//! Resolution of date expressions against a reference date.
//!
//! Year-less dates take the year that puts them nearest the reference,
//! leaning to the past or the future where « dernier », « prochain » or the
//! sentence's tense say so. Narrative anchors resolve against the last date
//! mentioned before them; a time of day takes the day of the last date of
//! its sentence.

use super::calendar::{easter, Date};
use super::lexicon::Unit;
use super::{Anchor, DaySpec, Expr, Grain, Lean, Mention, Part, ReferenceSource};

/// The value of a resolved mention.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Value {
    /// An inclusive interval of days.
    Interval { start: Date, end: Date, grain: Grain, approximate: bool },
    /// An ISO 8601 duration.
    Duration(String),
    /// Relative, with no reference to resolve it against.
    Unresolved,
}

/// Picks the reference date: the given one, else a full date alone on a line
/// near the top of the document (a dateline).
pub(crate) fn reference(mentions: &[Mention], given: Option<Date>) -> Option<(Date, ReferenceSource)> {
    if let Some(d) = given {
        return Some((d, ReferenceSource::Given));
    }
    mentions.iter().filter(|m| m.line <= 15 && m.alone_on_line).find_map(|m| match &m.expr {
        Expr::Day(DaySpec { year: Some(y), month: Some(mo), day }, _) => Date::new(*y, *mo, *day).map(|d| (d, ReferenceSource::Detected)),
        _ => None,
    })
}

/// Resolves every mention, in document order, with what each was resolved
/// against.
pub(crate) fn resolve_all(mentions: &[Mention], reference: Option<Date>) -> Vec<(Value, Anchor)> {
    let mut out = Vec::with_capacity(mentions.len());
    // the last day-precise date mentioned, and its sentence
    let mut anchor: Option<(Date, usize)> = None;
    for m in mentions {
        let narrative = anchor.map(|(d, _)| d).or(reference);
        let in_sentence = anchor.filter(|(_, s)| *s == m.sentence).map(|(d, _)| d);
        let same_sentence = in_sentence.or(reference);
        let value = resolve(&m.expr, m.tense, reference, narrative, same_sentence);
        // an earlier date stands in for the reference only where there is one
        let against = match (&m.expr, m.expr.anchor()) {
            (Expr::TimeOfDay, _) if in_sentence.is_none() => Anchor::Reference,
            (_, Anchor::Narrative) if anchor.is_none() => Anchor::Reference,
            (_, a) => a,
        };
        if let Value::Interval { start, end, grain, approximate: false } = &value {
            if *grain == Grain::Day && start == end {
                anchor = Some((*start, m.sentence));
            } else if *grain == Grain::Day {
                anchor = Some((*end, m.sentence));
            }
        }
        out.push((value, against));
    }
    out
}

fn day(d: Date) -> Value {
    Value::Interval { start: d, end: d, grain: Grain::Day, approximate: false }
}

fn interval(start: Date, end: Date, grain: Grain) -> Value {
    Value::Interval { start, end, grain, approximate: false }
}

fn month_interval(year: i32, month: u32) -> Option<Value> {
    let first = Date::new(year, month, 1)?;
    Some(interval(first, first.last_of_month(), Grain::Month))
}

fn year_interval(year: i32) -> Option<Value> {
    Some(interval(Date::new(year, 1, 1)?, Date::new(year, 12, 31)?, Grain::Year))
}

/// How far the tense of a sentence alone may lean a year-less date: about
/// nine months. Farther, the nearer year wins: a story told in the past
/// often looks ahead (« la CGT a donné rendez-vous le 21 septembre »), and a
/// date eleven months back usually comes with its year.
const TENSE_REACH_DAYS: i64 = 270;

/// Combines the explicit lean of an expression with the sentence's tense.
fn lean(explicit: Lean, tense: Lean) -> Lean {
    if explicit == Lean::Nearest {
        tense
    } else {
        explicit
    }
}

/// The year for a (month, day) nearest `reference`, leaning as asked.
fn year_for(month: u32, day: u32, reference: Date, lean: Lean) -> Option<i32> {
    let candidates: Vec<Date> = (-1..=1).filter_map(|k| Date::new(reference.year + k, month, day)).collect();
    let r = reference.days();
    let pick = match lean {
        Lean::Past => candidates.iter().filter(|d| d.days() <= r).max(),
        Lean::Future => candidates.iter().filter(|d| d.days() >= r).min(),
        Lean::Nearest => None,
    };
    pick.or_else(|| candidates.iter().min_by_key(|d| ((d.days() - r).abs(), d.days() > r))).map(|d| d.year)
}

/// The year for a month nearest `reference`.
fn year_for_month(month: u32, reference: Date, lean: Lean) -> i32 {
    let r = reference.year * 12 + reference.month as i32;
    let candidates = [reference.year - 1, reference.year, reference.year + 1];
    let key = |y: &i32| y * 12 + month as i32 - r;
    let pick = match lean {
        Lean::Past => candidates.iter().filter(|y| key(y) <= 0).max().copied(),
        Lean::Future => candidates.iter().filter(|y| key(y) >= 0).min().copied(),
        Lean::Nearest => None,
    };
    pick.unwrap_or_else(|| *candidates.iter().min_by_key(|y| (key(y).abs(), key(y) > 0)).unwrap_or(&reference.year))
}

fn spec_date(spec: DaySpec, anchor: Date, lean: Lean) -> Option<Date> {
    match (spec.year, spec.month) {
        (Some(y), Some(m)) => Date::new(y, m, spec.day),
        (None, Some(m)) => Date::new(year_for(m, spec.day, anchor, lean)?, m, spec.day),
        (_, None) => {
            // a day alone: in the anchor's month, or the next one going forward
            let this = Date::new(anchor.year, anchor.month, spec.day);
            match (this, lean) {
                (Some(d), Lean::Past) if d <= anchor => Some(d),
                (Some(d), _) if d >= anchor => Some(d),
                (_, Lean::Past) => {
                    let prev = anchor.first_of_month().add_months(-1);
                    Date::new(prev.year, prev.month, spec.day)
                }
                _ => {
                    let next = anchor.first_of_month().add_months(1);
                    Date::new(next.year, next.month, spec.day)
                }
            }
        }
    }
}

/// The days of a weekday expression.
fn weekday_date(weekday: u32, lean: Lean, weeks: Option<i64>, reference: Date) -> Date {
    let today = reference.weekday() as i64;
    let wd = weekday as i64;
    if let Some(k) = weeks {
        let monday = reference.add_days(1 - today);
        return monday.add_days(7 * k + wd - 1);
    }
    let forward = (wd - today).rem_euclid(7);
    let backward = (today - wd).rem_euclid(7);
    match lean {
        Lean::Future => reference.add_days(if forward == 0 { 7 } else { forward }),
        Lean::Past => reference.add_days(-(if backward == 0 { 7 } else { backward })),
        Lean::Nearest => {
            if forward <= backward {
                reference.add_days(forward)
            } else {
                reference.add_days(-backward)
            }
        }
    }
}

/// The sub-interval of `start..=end` that a part of it names.
fn part_interval(value: Value, part: Part, of: &Expr) -> Option<Value> {
    let Value::Interval { start, end, grain, .. } = value else { return None };
    let (s, e, g) = match grain {
        Grain::Year => {
            let y = start.year;
            match part {
                Part::Early => (Date::new(y, 1, 1)?, Date::new(y, 2, 1)?.last_of_month(), Grain::Month),
                Part::Middle => (Date::new(y, 5, 1)?, Date::new(y, 8, 31)?, Grain::Month),
                Part::Late => (Date::new(y, 11, 1)?, Date::new(y, 12, 31)?, Grain::Month),
            }
        }
        Grain::Month => {
            let named = matches!(of, Expr::Month { .. });
            match part {
                Part::Early => (start, Date { day: if named { 5 } else { 10 }, ..start }, Grain::Day),
                Part::Middle => (Date { day: 11, ..start }, Date { day: 20, ..start }, Grain::Day),
                Part::Late => (Date { day: 21, ..start }, end, Grain::Day),
            }
        }
        Grain::Week => match part {
            Part::Early => (start, start.add_days(1), Grain::Day),
            Part::Middle => (start.add_days(2), start.add_days(3), Grain::Day),
            Part::Late => (start.add_days(4), end, Grain::Day),
        },
        _ => return None,
    };
    Some(interval(s, e, g))
}

/// Resolves one expression. `reference` is the document's date, `narrative`
/// the last date mentioned (or the reference), `sentence_anchor` the last date
/// of the same sentence (or the reference).
pub(crate) fn resolve(expr: &Expr, tense: Lean, reference: Option<Date>, narrative: Option<Date>, sentence_anchor: Option<Date>) -> Value {
    resolve_opt(expr, tense, reference, narrative, sentence_anchor).unwrap_or(Value::Unresolved)
}

fn resolve_opt(expr: &Expr, tense: Lean, reference: Option<Date>, narrative: Option<Date>, sentence_anchor: Option<Date>) -> Option<Value> {
    match expr {
        Expr::Day(spec, l) => {
            if let (Some(y), Some(m)) = (spec.year, spec.month) {
                return Date::new(y, m, spec.day).map(day);
            }
            let r = reference?;
            let leaned = spec_date(*spec, r, lean(*l, tense))?;
            // the tense of the sentence is a weaker clue than « dernier » or
            // « prochain »: it does not push a date farther than its reach
            // when the other year is nearer (« avant de quitter ses fonctions
            // le 30 octobre », in a past-tense sentence written in September)
            if *l == Lean::Nearest && tense != Lean::Nearest && (leaned.days() - r.days()).abs() > TENSE_REACH_DAYS {
                return Some(day(spec_date(*spec, r, Lean::Nearest)?));
            }
            Some(day(leaned))
        }
        Expr::DayRange(from, to) => {
            let r = reference.or(narrative);
            let to_date = match (to.year, to.month) {
                (Some(y), Some(m)) => Date::new(y, m, to.day)?,
                _ => spec_date(*to, r?, if to.month.is_some() { Lean::Nearest } else { tense })?,
            };
            let from_spec = DaySpec { year: from.year.or(Some(to_date.year)), month: from.month.or(Some(to_date.month)), day: from.day };
            let mut from_date = Date::new(from_spec.year?, from_spec.month?, from_spec.day)?;
            if from_date > to_date {
                // « du 28 décembre au 3 janvier 2017 »
                from_date = Date::new(from_date.year - 1, from_date.month, from_date.day)?;
            }
            Some(interval(from_date, to_date, Grain::Day))
        }
        Expr::Month { year, month, lean: l } => {
            let y = match year {
                Some(y) => *y,
                None => {
                    let r = reference?;
                    let y = year_for_month(*month, r, lean(*l, tense));
                    // as for days: the tense alone leans nine months at most
                    let months_away = (y * 12 + *month as i32 - (r.year * 12 + r.month as i32)).abs();
                    if *l == Lean::Nearest && months_away > 9 { year_for_month(*month, r, Lean::Nearest) } else { y }
                }
            };
            month_interval(y, *month)
        }
        Expr::MonthRange { year, from, to } => {
            let y = match year {
                Some(y) => *y,
                None => year_for_month(*to, reference?, tense),
            };
            let start = Date::new(if from > to { y - 1 } else { y }, *from, 1)?;
            Some(interval(start, Date::new(y, *to, 1)?.last_of_month(), Grain::Month))
        }
        Expr::Year(y) => year_interval(*y),
        Expr::YearRange(a, b) => Some(interval(Date::new(*a, 1, 1)?, Date::new(*b, 12, 31)?, Grain::Year)),
        Expr::Decade(d) => Some(interval(Date::new(*d, 1, 1)?, Date::new(d + 9, 12, 31)?, Grain::Decade)),
        Expr::Century(c) => {
            let first = (c - 1) * 100;
            Some(interval(Date::new(first, 1, 1)?, Date::new(first + 99, 12, 31)?, Grain::Century))
        }
        Expr::Season { year, season, lean: l } => {
            let y = match year {
                Some(y) => *y,
                None => {
                    let r = reference?;
                    let mid_month = [5, 8, 11, 1][*season as usize];
                    year_for_month(mid_month, r, lean(*l, tense)) - i32::from(*season == 3)
                }
            };
            let (s, e) = match season {
                0 => (Date::new(y, 3, 20)?, Date::new(y, 6, 20)?),
                1 => (Date::new(y, 6, 21)?, Date::new(y, 9, 22)?),
                2 => (Date::new(y, 9, 23)?, Date::new(y, 12, 20)?),
                _ => (Date::new(y, 12, 21)?, Date::new(y + 1, 3, 19)?),
            };
            Some(interval(s, e, Grain::Season))
        }
        Expr::Quarter { year, quarter } => {
            let y = match year {
                Some(y) => *y,
                None => reference?.year,
            };
            let first = Date::new(y, 3 * quarter - 2, 1)?;
            Some(interval(first, first.add_months(2).last_of_month(), Grain::Quarter))
        }
        Expr::Part { of, part } => {
            let mut base = resolve_opt(of, tense, reference, narrative, sentence_anchor)?;
            // « au début du mois » once the month's beginning is past: the next one
            if let (Expr::Relative { n: 0, unit: Unit::Month, .. }, Part::Early, Some(r)) = (&**of, part, reference) {
                if r.day > 10 {
                    let next = r.first_of_month().add_months(1);
                    base = interval(next, next.last_of_month(), Grain::Month);
                }
            }
            part_interval(base, *part, of)
        }
        Expr::Weekday { weekday, lean: l, weeks } => Some(day(weekday_date(*weekday, lean(*l, tense), *weeks, reference?))),
        Expr::WeekdayLater { weekday, weeks } => {
            let r = reference?;
            let ahead = (*weekday as i64 - r.weekday() as i64).rem_euclid(7);
            Some(day(r.add_days(ahead + 7 * weeks)))
        }
        Expr::Relative { n, unit, anchored, whole } => {
            let base = if *anchored { narrative? } else { reference? };
            let n = *n;
            match (unit, whole) {
                (Unit::Day, _) => Some(day(base.add_days(n))),
                (Unit::Week, true) => {
                    let monday = base.add_days(1 - base.weekday() as i64 + 7 * n);
                    Some(interval(monday, monday.add_days(6), Grain::Week))
                }
                (Unit::Week, false) => Some(day(base.add_days(7 * n))),
                (Unit::Month, true) => {
                    let m = base.first_of_month().add_months(n);
                    Some(interval(m, m.last_of_month(), Grain::Month))
                }
                (Unit::Month, false) => {
                    let d = base.add_months(n);
                    Some(interval(d.first_of_month(), d.last_of_month(), Grain::Month))
                }
                (Unit::Year, true) => year_interval(base.year + n as i32),
                (Unit::Year, false) => {
                    let d = base.add_months(12 * n);
                    Some(interval(d.first_of_month(), d.last_of_month(), Grain::Month))
                }
                _ => None,
            }
        }
        Expr::UnitsAround { n, unit } => {
            let r = reference?;
            // the current unit's first day, and the first day of the one `k` units away
            let (first, grain): (Date, Grain) = match unit {
                Unit::Day => (r, Grain::Day),
                Unit::Week => (r.add_days(1 - r.weekday() as i64), Grain::Week),
                Unit::Month => (r.first_of_month(), Grain::Month),
                Unit::Year => (Date::new(r.year, 1, 1)?, Grain::Year),
                _ => return None,
            };
            let shift = |d: Date, k: i64| match unit {
                Unit::Day => d.add_days(k),
                Unit::Week => d.add_days(7 * k),
                Unit::Month => d.add_months(k),
                _ => d.add_months(12 * k),
            };
            if *n < 0 {
                Some(interval(shift(first, *n), first.add_days(-1), grain))
            } else {
                Some(interval(shift(first, 1), shift(first, n + 1).add_days(-1), grain))
            }
        }
        Expr::Vague { min_days, max_days } => {
            let base = narrative?;
            Some(Value::Interval { start: base.add_days(*min_days), end: base.add_days(*max_days), grain: Grain::Day, approximate: true })
        }
        Expr::Duration(iso) => Some(Value::Duration(iso.clone())),
        Expr::Holiday { month, day: d } => {
            let r = reference?;
            let l = if tense == Lean::Past { Lean::Past } else { Lean::Future };
            Some(day(Date::new(year_for(*month, *d, r, l)?, *month, *d)?))
        }
        Expr::Movable { after_easter } => {
            let r = reference?;
            let this = easter(r.year).add_days(*after_easter);
            let d = match tense {
                Lean::Past if this > r => easter(r.year - 1).add_days(*after_easter),
                Lean::Past => this,
                _ if this < r => easter(r.year + 1).add_days(*after_easter),
                _ => this,
            };
            Some(day(d))
        }
        Expr::TimeOfDay => Some(day(sentence_anchor?)),
    }
}

