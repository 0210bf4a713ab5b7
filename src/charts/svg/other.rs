//! The big-number counter and the timeline of arrests.

use std::fmt::Write as _;

use super::{Canvas, INK, MUTED, RULE, WIDTH, escape, fit};

pub fn counter(c: &Canvas) -> (f64, String) {
    let row = c.table.rows.first();
    let value = row.map(|r| r.total()).unwrap_or(0.0);
    let label = row
        .filter(|r| !r.label.is_empty() && r.key != "count")
        .map(|r| r.label.clone())
        .unwrap_or_else(|| c.table.series.first().cloned().unwrap_or_default());
    let mut s = String::new();
    let _ = write!(
        s,
        "<text x=\"0\" y=\"72\" font-size=\"76\" font-weight=\"900\" fill=\"#9b1c1c\">{}</text><text x=\"0\" y=\"104\" font-size=\"18\" fill=\"{INK}\">{}</text>",
        c.number(value),
        escape(&fit(&label, WIDTH, 18.0))
    );
    (116.0, s)
}

/// One line per arrest, oldest first, under a heading for each year.
pub fn timeline(c: &Canvas) -> (f64, String) {
    let mut s = String::new();
    let (date_x, rail_x, name_x) = (146.0, 158.0, 172.0);
    let mut y = 0.0;
    let mut year = String::new();
    let first = y;
    for r in &c.table.rows {
        let this_year = r.key.get(..4).unwrap_or("").to_string();
        if this_year != year {
            y += 26.0;
            let _ = write!(
                s,
                "<text x=\"0\" y=\"{y:.1}\" font-size=\"16\" font-weight=\"800\" fill=\"{INK}\">{}</text>",
                escape(&this_year)
            );
            y += 8.0;
            year = this_year;
        }
        y += 24.0;
        let name = r.person.as_ref().map(|p| p.name.as_str()).unwrap_or("");
        let _ = write!(
            s,
            "<text x=\"{date_x}\" y=\"{:.1}\" text-anchor=\"end\" fill=\"{MUTED}\">{}</text><circle cx=\"{rail_x}\" cy=\"{:.1}\" r=\"5\" fill=\"#9b1c1c\" stroke=\"#fff\" stroke-width=\"1.5\"/><text x=\"{name_x}\" y=\"{:.1}\">{}</text>",
            y,
            escape(&fit(&r.label, date_x, 14.0)),
            y - 5.0,
            y,
            escape(&fit(name, WIDTH - name_x, 14.0))
        );
    }
    let rail = format!(
        "<line x1=\"{rail_x}\" x2=\"{rail_x}\" y1=\"{:.1}\" y2=\"{:.1}\" stroke=\"{RULE}\" stroke-width=\"1.5\"/>",
        first + 32.0,
        y
    );
    (y + 10.0, rail + &s)
}
