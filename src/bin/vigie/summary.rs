//! The readable summary of a document: people first, then meetings, then the
//! other kinds grouped, each value once.

use std::io::{self, Write};

use vigie::{Document, Kind, Norm};

/// The readable summary: people first, then the other kinds grouped.
pub fn summary(id: &str, doc: &Document<impl AsRef<str>>, out: &mut impl Write) -> io::Result<()> {
    writeln!(out, "== {id}")?;
    if let Some((date, source)) = doc.reference_date {
        writeln!(out, "reference date: {date} ({})", source.as_str())?;
    }
    let mut seen = std::collections::BTreeMap::<String, usize>::new();
    let mut people = Vec::new();
    for e in doc.of_kind(Kind::Person) {
        if let Norm::Person { name, country, rank, role } = &e.norm {
            let n = seen.entry(name.to_string()).or_insert(0);
            *n += 1;
            if *n == 1 {
                people.push((name.clone(), country.clone(), rank.clone(), role.clone()));
            }
        }
    }
    if !people.is_empty() {
        writeln!(out, "people:")?;
        for (name, country, rank, role) in &people {
            let details: Vec<String> = [country, rank, role].iter().filter_map(|x| x.as_ref().map(|s| s.to_string())).collect();
            let mentions = seen[&name.to_string()];
            writeln!(out, "  {name}{}{}", if details.is_empty() { String::new() } else { format!(" ({})", details.join(", ")) }, if mentions > 1 { format!(" ×{mentions}") } else { String::new() })?;
        }
    }
    if !doc.meetings.is_empty() {
        writeln!(out, "meetings:")?;
        for m in &doc.meetings {
            let status = match m.status.as_str() {
                "held" => String::new(),
                other => format!(" [{other}]"),
            };
            writeln!(out, "  {}{status}", m.summary)?;
        }
    }
    for kind in [Kind::Rank, Kind::Country, Kind::Nationality, Kind::Place, Kind::Organization, Kind::Date] {
        let mut items: Vec<String> = Vec::new();
        for e in doc.of_kind(kind) {
            let label = match &e.norm {
                Norm::Rank { rank, nato } => format!("{rank} ({nato})"),
                Norm::Country { country } => format!("{} ({country})", doc.text_of(e)),
                Norm::Place { name, country } => format!("{name}{}", country.as_ref().map(|c| format!(" ({c})")).unwrap_or_default()),
                Norm::Organization { name, .. } => name.to_string(),
                Norm::Date { start, end, .. } if start == end => format!("{} ({start})", doc.text_of(e)),
                Norm::Date { start, end, .. } => format!("{} ({start}..{end})", doc.text_of(e)),
                Norm::Duration { iso } => format!("{} ({iso})", doc.text_of(e)),
                _ => doc.text_of(e).to_string(),
            };
            if !items.contains(&label) {
                items.push(label);
            }
        }
        if !items.is_empty() {
            writeln!(out, "{}: {}", plural(kind), items.join(", "))?;
        }
    }
    Ok(())
}

fn plural(kind: Kind) -> &'static str {
    match kind {
        Kind::Person => "people",
        Kind::Rank => "ranks",
        Kind::Country => "countries",
        Kind::Nationality => "nationalities",
        Kind::Place => "places",
        Kind::Organization => "organizations",
        _ => "dates",
    }
}
