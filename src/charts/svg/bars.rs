//! Bars: horizontal for groups (a label above each bar, so long names fit a phone), vertical for
//! periods. Several series are stacked, each with its own pattern.

use std::fmt::Write as _;

use super::{Canvas, FONT, MUTED, WIDTH, escape, fit, text_width};

pub fn horizontal(c: &Canvas) -> (f64, String) {
    let mut s = String::new();
    let mut y = c.legend(0.0, false, &mut s);
    let max = c
        .table
        .rows
        .iter()
        .map(|r| r.total())
        .fold(0.0, f64::max)
        .max(1.0);
    let room = WIDTH - 70.0;
    for r in &c.table.rows {
        let _ = write!(
            s,
            "<text x=\"0\" y=\"{:.1}\">{}</text>",
            y + 15.0,
            escape(&fit(&r.label, WIDTH, FONT))
        );
        let mut x = 0.0;
        for (i, v) in r.values.iter().enumerate() {
            let w = v / max * room;
            if w > 0.0 {
                let _ = write!(
                    s,
                    "<rect x=\"{x:.1}\" y=\"{:.1}\" width=\"{w:.1}\" height=\"18\" fill=\"{}\" stroke=\"#fff\" stroke-width=\"1\"/>",
                    y + 21.0,
                    c.fill(i)
                );
            }
            x += w;
        }
        let _ = write!(
            s,
            "<text x=\"{:.1}\" y=\"{:.1}\" font-weight=\"700\">{}</text>",
            x + 6.0,
            y + 35.0,
            c.number(r.total())
        );
        y += 50.0;
    }
    (y + 2.0, s)
}

pub fn vertical(c: &Canvas) -> (f64, String) {
    let mut s = String::new();
    let rows = &c.table.rows;
    let top = c.legend(0.0, false, &mut s) + 20.0;
    let max = rows.iter().map(|r| r.total()).fold(0.0, f64::max);
    let (left, right) = (40.0, WIDTH - 4.0);
    let y_of = c.value_axis(max, top, &mut s);
    let bottom = y_of(0.0);
    let n = rows.len().max(1) as f64;
    let slot = (right - left) / n;
    let bar = (slot * 0.72).max(1.0);
    for (i, r) in rows.iter().enumerate() {
        let x = left + slot * i as f64 + (slot - bar) / 2.0;
        let mut acc = 0.0;
        for (k, v) in r.values.iter().enumerate() {
            if *v > 0.0 {
                let (y0, y1) = (y_of(acc + v), y_of(acc));
                let _ = write!(
                    s,
                    "<rect x=\"{x:.1}\" y=\"{y0:.1}\" width=\"{bar:.1}\" height=\"{:.1}\" fill=\"{}\" stroke=\"#fff\" stroke-width=\"{}\"/>",
                    y1 - y0,
                    c.fill(k),
                    if bar > 3.0 { 0.8 } else { 0.0 }
                );
            }
            acc += v;
        }
        let label = c.number(r.total());
        // Figures over the bars only where they fit with room to spare; the table has them all.
        if r.total() > 0.0 && slot >= 18.0 && text_width(&label, FONT) + 4.0 <= slot {
            let _ = write!(
                s,
                "<text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"middle\" font-weight=\"700\">{label}</text>",
                x + bar / 2.0,
                y_of(acc) - 5.0
            );
        }
    }
    s.push_str(&axis_labels(c, left, slot, bottom));
    (bottom + 44.0, s)
}

/// Labels under a row of slots: as many as fit, evenly spaced; months get their year on a second line.
pub fn axis_labels(c: &Canvas, left: f64, slot: f64, bottom: f64) -> String {
    let rows = &c.table.rows;
    let months = c.table.over_time && rows.first().is_some_and(|r| r.key.len() == 7);
    let widest = rows
        .iter()
        .map(|r| text_width(&r.short, FONT))
        .fold(0.0, f64::max)
        + 8.0;
    let every = [1, 2, 3, 4, 6, 12, 24, 36, 60, 120]
        .into_iter()
        .find(|k| slot * *k as f64 >= widest)
        .unwrap_or(rows.len().max(1));
    let mut s = String::new();
    for (i, r) in rows.iter().enumerate() {
        let x = left + slot * (i as f64 + 0.5);
        if i % every == 0 {
            let label = if months {
                r.short.clone()
            } else {
                fit(&r.short, slot * every as f64, FONT)
            };
            let _ = write!(
                s,
                "<text x=\"{x:.1}\" y=\"{:.1}\" text-anchor=\"middle\">{}</text>",
                bottom + 18.0,
                escape(&label)
            );
        }
        let new_year = i == 0 || r.key.ends_with("-01");
        if months && new_year {
            let _ = write!(
                s,
                "<text x=\"{x:.1}\" y=\"{:.1}\" text-anchor=\"{}\" fill=\"{MUTED}\" font-weight=\"700\">{}</text>",
                bottom + 38.0,
                if i == 0 { "start" } else { "middle" },
                &r.key[..4]
            );
        }
    }
    s
}
