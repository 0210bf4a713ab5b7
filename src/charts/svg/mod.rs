//! Drawing a chart's table as an inline SVG, at build time.
//!
//! Accessible and plain: `role="img"` with a `<title>` and a `<desc>` that states the figures, a
//! `viewBox` so it scales, presentation attributes only (no `style`, so a strict CSP is no bother),
//! text of 14 units in a 400-unit-wide box (the stylesheet never shows it narrower than 22rem, so
//! never under 12px), dark colours at WCAG AA contrast on white, and a pattern per series so that
//! colour is never the only cue.

mod bars;
mod lines;
mod other;

use std::fmt::Write as _;

use crate::i18n::Strings;

use super::table::Table;
use super::{Chart, Kind};

pub const WIDTH: f64 = 400.0;
pub const FONT: f64 = 14.0;
pub const INK: &str = "#1a1a1a";
pub const MUTED: &str = "#4a4a4a";
/// Axis and grid lines: 4.5:1 on white.
pub const RULE: &str = "#767676";
/// Each at least 7:1 on white, and white at least 7:1 on each.
const COLOURS: [&str; 6] = [
    "#9b1c1c", "#0b4f8a", "#1d5e2a", "#7a3e00", "#5b2a86", "#404a5a",
];

pub fn draw(chart: &Chart, table: &Table, t: &Strings) -> String {
    let c = Canvas {
        id: format!("c-{}", chart.id),
        t,
        table,
    };
    let (height, body) = match chart.kind {
        Kind::HorizontalBar => bars::horizontal(&c),
        Kind::StackedBar if !table.over_time => bars::horizontal(&c),
        Kind::VerticalBar | Kind::StackedBar => bars::vertical(&c),
        Kind::Line => lines::line(&c, false),
        Kind::Area => lines::line(&c, true),
        Kind::Counter => other::counter(&c),
        Kind::Timeline => other::timeline(&c),
    };
    let mut s = String::new();
    let _ = write!(
        s,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart-svg\" viewBox=\"0 0 {WIDTH} {height:.0}\" role=\"img\" aria-labelledby=\"{id}-t {id}-d\" font-family=\"system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif\" font-size=\"{FONT}\" fill=\"{INK}\"><title id=\"{id}-t\">{title}</title><desc id=\"{id}-d\">{desc}</desc>",
        id = c.id,
        title = escape(&chart.title),
        desc = escape(&describe(chart, table, t)),
    );
    if table.series.len() > 1 && !matches!(chart.kind, Kind::Line | Kind::Area) {
        s.push_str(&c.patterns());
    }
    s.push_str(&body);
    s.push_str("</svg>");
    s
}

/// The figures in words, for screen readers and search engines.
fn describe(chart: &Chart, table: &Table, t: &Strings) -> String {
    let mut parts = Vec::new();
    for r in &table.rows {
        let values = if let Some(p) = &r.person {
            p.name.clone()
        } else if table.series.len() == 1 {
            t.number(r.values[0])
        } else {
            table
                .series
                .iter()
                .zip(&r.values)
                .map(|(s, v)| format!("{s} {}", t.number(*v)))
                .collect::<Vec<_>>()
                .join(", ")
        };
        parts.push(if r.label.is_empty() {
            values
        } else {
            format!("{}: {values}", r.label)
        });
    }
    let mut out = String::new();
    if let Some(c) = &chart.caption {
        out.push_str(c.trim_end_matches('.'));
        out.push_str(". ");
    }
    if table.series.len() == 1 && chart.kind != Kind::Timeline && chart.kind != Kind::Counter {
        let _ = write!(out, "{}. ", table.series[0]);
    }
    out.push_str(&parts.join("; "));
    out.push('.');
    if let Some(n) = &table.note {
        out.push(' ');
        out.push_str(n);
    }
    out
}

pub struct Canvas<'a> {
    /// Prefix of every id in the SVG: unique in the page.
    pub id: String,
    pub t: &'a Strings,
    pub table: &'a Table,
}

impl Canvas<'_> {
    /// Draws the value axis of a 180-pixel-high plot starting at `top`, ruled at round steps up
    /// to `max`, and gives the y of a value.
    pub fn value_axis(&self, max: f64, top: f64, s: &mut String) -> impl Fn(f64) -> f64 + use<> {
        let (left, right, plot_h) = (40.0, WIDTH - 4.0, 180.0);
        let bottom = top + plot_h;
        let step = step(max);
        let ceiling = ((max / step).ceil() * step).max(step);
        let y_of = move |v: f64| bottom - v / ceiling * plot_h;
        let mut tick = 0.0;
        while tick <= ceiling + 1e-9 {
            let y = y_of(tick);
            let _ = write!(
                s,
                "<line x1=\"{left}\" x2=\"{right}\" y1=\"{y:.1}\" y2=\"{y:.1}\" stroke=\"{RULE}\" stroke-width=\"{}\"/><text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"end\" fill=\"{MUTED}\">{}</text>",
                if tick == 0.0 { 1.0 } else { 0.4 },
                left - 6.0,
                y + 5.0,
                self.number(tick)
            );
            tick += step;
        }
        y_of
    }

    /// The fill of series `i`: a plain colour for the first, a patterned one for the others.
    pub fn fill(&self, i: usize) -> String {
        if self.table.series.len() == 1 || i == 0 {
            COLOURS[0].to_string()
        } else {
            format!("url(#{}-p{i})", self.id)
        }
    }

    pub fn colour(&self, i: usize) -> &'static str {
        COLOURS[i % COLOURS.len()]
    }

    fn patterns(&self) -> String {
        // Stripes, dots, cross-hatching...: white marks over each series' colour.
        const MARKS: [&str; 6] = [
            "",
            "<path d=\"M-1 7L7 -1\" stroke=\"#fff\" stroke-width=\"1.6\"/>",
            "<circle cx=\"3\" cy=\"3\" r=\"1.3\" fill=\"#fff\"/>",
            "<path d=\"M0 3H6\" stroke=\"#fff\" stroke-width=\"1.4\"/>",
            "<path d=\"M-1 7L7 -1M-1 -1L7 7\" stroke=\"#fff\" stroke-width=\"1.1\"/>",
            "<path d=\"M3 0V6\" stroke=\"#fff\" stroke-width=\"1.4\"/>",
        ];
        let mut s = String::from("<defs>");
        for i in 1..self.table.series.len() {
            let _ = write!(
                s,
                "<pattern id=\"{}-p{i}\" patternUnits=\"userSpaceOnUse\" width=\"6\" height=\"6\"><rect width=\"6\" height=\"6\" fill=\"{}\"/>{}</pattern>",
                self.id,
                self.colour(i),
                MARKS[i % MARKS.len()]
            );
        }
        s.push_str("</defs>");
        s
    }

    /// A key naming each series beside its swatch (a patch of its fill, or for `lines` a stretch of
    /// its line with its marker), wrapped over lines; returns its height.
    pub fn legend(&self, y: f64, lines: bool, out: &mut String) -> f64 {
        if self.table.series.len() < 2 {
            return 0.0;
        }
        let (mut x, mut line) = (0.0, 0.0);
        for (i, name) in self.table.series.iter().enumerate() {
            let w = 22.0 + text_width(name, FONT) + 16.0;
            if x > 0.0 && x + w > WIDTH {
                x = 0.0;
                line += 22.0;
            }
            let top = y + line;
            if lines {
                out.push_str(&self::lines::swatch(i, x, top + 8.0, self.colour(i)));
            } else {
                let _ = write!(
                    out,
                    "<rect x=\"{x:.1}\" y=\"{top:.1}\" width=\"16\" height=\"16\" fill=\"{}\" stroke=\"{INK}\" stroke-width=\"0.5\"/>",
                    self.fill(i)
                );
            }
            let _ = write!(
                out,
                "<text x=\"{:.1}\" y=\"{:.1}\">{}</text>",
                x + 22.0,
                top + 13.0,
                escape(name)
            );
            x += w;
        }
        line + 28.0
    }

    pub fn number(&self, v: f64) -> String {
        self.t.number(v)
    }
}

/// A rough width of `s` in the system sans-serif, enough to keep labels from overlapping.
pub fn text_width(s: &str, size: f64) -> f64 {
    s.chars().count() as f64 * size * 0.56
}

/// `s` cut to fit `width`, with an ellipsis (the table beside the chart has it whole).
pub fn fit(s: &str, width: f64, size: f64) -> String {
    let max = (width / (size * 0.56)) as usize;
    if s.chars().count() <= max {
        return s.to_string();
    }
    let mut out: String = s.chars().take(max.saturating_sub(1)).collect();
    out.push('…');
    out
}

/// A round step for an axis from 0 to `max`, giving about four grid lines.
pub fn step(max: f64) -> f64 {
    if max <= 0.0 {
        return 1.0;
    }
    let raw = max / 4.0;
    let mag = 10f64.powf(raw.log10().floor());
    let s = [1.0, 2.0, 2.5, 5.0, 10.0]
        .into_iter()
        .map(|m| m * mag)
        .find(|s| *s >= raw)
        .unwrap_or(10.0 * mag);
    s.max(1.0)
}

pub use crate::text::escape;
