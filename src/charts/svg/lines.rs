//! Lines and areas over time. Series differ by colour, dash and marker shape.

use std::fmt::Write as _;

use super::bars::axis_labels;
use super::{Canvas, WIDTH};

/// A dash pattern per series, so lines differ without colour (and in black-and-white print).
const DASHES: [&str; 6] = [
    "",
    " stroke-dasharray=\"8 4\"",
    " stroke-dasharray=\"2 3\"",
    " stroke-dasharray=\"10 3 2 3\"",
    " stroke-dasharray=\"4 2\"",
    " stroke-dasharray=\"12 2 2 2 2 2\"",
];

pub fn line(c: &Canvas, area: bool) -> (f64, String) {
    let mut s = String::new();
    let rows = &c.table.rows;
    let top = c.legend(0.0, true, &mut s) + 22.0;
    let max = rows
        .iter()
        .flat_map(|r| r.values.iter().copied())
        .fold(0.0, f64::max);
    let (left, right) = (40.0, WIDTH - 4.0);
    let y_of = c.value_axis(max, top, &mut s);
    let bottom = y_of(0.0);
    let slot = (right - left) / rows.len().max(1) as f64;
    let x_of = |i: usize| left + slot * (i as f64 + 0.5);
    // Markers on at most a dozen points per series, staggered so that series do not hide each other's.
    let every = rows.len().div_ceil(12).max(1);
    for k in 0..c.table.series.len() {
        let points: Vec<(f64, f64)> = rows
            .iter()
            .enumerate()
            .map(|(i, r)| (x_of(i), y_of(r.values[k])))
            .collect();
        let path: String = points
            .iter()
            .enumerate()
            .map(|(i, (x, y))| format!("{}{x:.1} {y:.1}", if i == 0 { "M" } else { "L" }))
            .collect();
        let colour = c.colour(k);
        if area && !points.is_empty() {
            let (first, last) = (points[0].0, points[points.len() - 1].0);
            let _ = write!(
                s,
                "<path d=\"{path}L{last:.1} {bottom:.1}L{first:.1} {bottom:.1}Z\" fill=\"{colour}\" fill-opacity=\"0.18\"/>"
            );
        }
        let _ = write!(
            s,
            "<path d=\"{path}\" fill=\"none\" stroke=\"{colour}\" stroke-width=\"2.5\" stroke-linejoin=\"round\"{}/>",
            DASHES[k % DASHES.len()]
        );
        for (i, (x, y)) in points.iter().enumerate() {
            if (i + k) % every == 0 || i + 1 == points.len() {
                s.push_str(&marker(k, *x, *y, colour));
            }
        }
        // The latest figure, written beside its point.
        if let (Some((x, y)), Some(r)) = (points.last(), rows.last()) {
            let _ = write!(
                s,
                "<text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"end\" font-weight=\"700\">{}</text>",
                x,
                y - 9.0,
                c.number(r.values[k])
            );
        }
    }
    s.push_str(&axis_labels(c, left, slot, bottom));
    (bottom + 44.0, s)
}

/// The legend's sample of series `k`: a stretch of its line with its marker, centred on `y`.
pub fn swatch(k: usize, x: f64, y: f64, colour: &str) -> String {
    format!(
        "<path d=\"M{x:.1} {y:.1}h18\" stroke=\"{colour}\" stroke-width=\"2.5\"{}/>{}",
        DASHES[k % DASHES.len()],
        marker(k, x + 9.0, y, colour)
    )
}

/// Circle, square, diamond, triangle, cross: a shape per series, readable in black and white.
fn marker(k: usize, x: f64, y: f64, colour: &str) -> String {
    match k % 5 {
        3 => format!(
            "<path d=\"M{x:.1} {:.1}L{:.1} {:.1}L{:.1} {:.1}Z\" fill=\"{colour}\"/>",
            y - 5.0,
            x + 5.0,
            y + 4.0,
            x - 5.0,
            y + 4.0
        ),
        4 => format!(
            "<path d=\"M{:.1} {:.1}l8 8m0 -8l-8 8\" stroke=\"{colour}\" stroke-width=\"2.5\"/>",
            x - 4.0,
            y - 4.0
        ),
        0 => format!("<circle cx=\"{x:.1}\" cy=\"{y:.1}\" r=\"3.5\" fill=\"{colour}\"/>"),
        1 => format!(
            "<rect x=\"{:.1}\" y=\"{:.1}\" width=\"7\" height=\"7\" fill=\"{colour}\"/>",
            x - 3.5,
            y - 3.5
        ),
        _ => format!(
            "<path d=\"M{x:.1} {:.1}L{:.1} {y:.1}L{x:.1} {:.1}L{:.1} {y:.1}Z\" fill=\"{colour}\"/>",
            y - 5.0,
            x + 5.0,
            y + 5.0,
            x - 5.0
        ),
    }
}
