//! What a card looks like: the photo or the initials, the label, the title and the footer (its
//! background), and the line under the title, drawn last, in a band of rows of its own: a person's
//! line is the days held, and a new day's card is its background with another line (`cache.rs`).

use std::ops::Range;

use serde::{Deserialize, Serialize};

use super::canvas::{ACCENT, Canvas, GREY, HEIGHT, WIDTH};
use super::text::Font;
use super::{Card, Fonts, Kind};
use crate::images::pixels::Pixels;

/// A photo drawn in `levels` tones, in blocks of `block` pixels.
pub type Photo<'a> = (&'a Pixels, usize, usize);

/// Where the line goes: below the title, in the text column.
#[derive(Serialize, Deserialize, Clone, Copy, PartialEq, Debug)]
pub struct Place {
    y: f32,
    left: f32,
    width: f32,
}

/// Draws everything but the line.
pub fn background(card: &Card, photo: Option<Photo>, fonts: &Fonts) -> (Canvas, Place) {
    let regular = Font::new(&fonts.regular).expect("checked when loaded");
    let bold = Font::new(&fonts.bold).expect("checked when loaded");
    let lang = card.lang.as_str();
    let mut c = Canvas::new(0..HEIGHT);
    let (left, width) = match card.kind {
        Kind::Person => {
            let side = HEIGHT;
            match photo {
                Some((p, levels, block)) => c.photo(p, 0, 0, side, levels, block),
                None => {
                    c.fill(0, 0, side, side, GREY[1]);
                    let size = 220.0;
                    let line = bold.shape(&card.initials, size, lang);
                    let x = (side as f32 - line.width) / 2.0;
                    let baseline = side as f32 / 2.0 + size * 0.36;
                    bold.draw(&mut c, &line, x, baseline, size, &GREY);
                }
            }
            c.fill(side, 0, 14, HEIGHT, ACCENT[4]);
            (side as f32 + 60.0, WIDTH as f32 - side as f32 - 100.0)
        }
        _ => {
            c.fill(0, 0, 18, HEIGHT, ACCENT[4]);
            (80.0, WIDTH as f32 - 150.0)
        }
    };
    let mut y = 70.0;
    if !card.label.is_empty() {
        let size = 34.0;
        let (_, lines) = bold.fit(&card.label, &[size], width, 1, lang);
        y += size;
        for l in &lines {
            bold.draw(&mut c, &bold.shape(l, size, lang), left, y, size, &ACCENT);
        }
        y += 24.0;
    }
    let sizes: &[f32] = match card.kind {
        Kind::Person => &[76.0, 68.0, 60.0, 54.0, 48.0, 42.0],
        _ => &[72.0, 64.0, 56.0, 50.0, 44.0, 40.0],
    };
    let (size, lines) = bold.fit(&card.title, sizes, width, 3, lang);
    for l in &lines {
        y += size * 1.18;
        bold.draw(&mut c, &bold.shape(l, size, lang), left, y, size, &GREY);
    }
    let size = 28.0;
    let (_, lines) = regular.fit(&card.footer, &[size], width, 2, lang);
    let mut fy = HEIGHT as f32 - 56.0 - (lines.len() as f32 - 1.0) * size * 1.3;
    for l in &lines {
        let shaped = regular.shape(l, size, lang);
        regular.draw(&mut c, &shaped, left, fy, size, &GREY[..6]);
        fy += size * 1.3;
    }
    (c, Place { y, left, width })
}

/// The line laid out at its place, and the band of rows it takes.
pub struct Line {
    place: Place,
    size: f32,
    lines: Vec<String>,
    pub band: Range<usize>,
}

impl Line {
    pub fn fit(card: &Card, place: Place, fonts: &Fonts) -> Line {
        let regular = Font::new(&fonts.regular).expect("checked when loaded");
        let (size, lines) = if card.line.is_empty() {
            (0.0, Vec::new())
        } else {
            let size = if card.kind == Kind::Site { 34.0 } else { 40.0 };
            regular.fit(&card.line, &[size, size * 0.85], place.width, 3, &card.lang)
        };
        // The gap below the title, each line, and the last line's descenders.
        let height = match lines.len() {
            0 => 0.0,
            n => 26.0 + n as f32 * size * 1.25 + size * 0.4,
        };
        let band = place.y as usize..((place.y + height).ceil() as usize).min(HEIGHT);
        Line {
            place,
            size,
            lines,
            band,
        }
    }

    /// Draws the line on `c`, over the background: nothing of it leaves the band.
    pub fn draw(&self, c: &mut Canvas, card: &Card, fonts: &Fonts) {
        let regular = Font::new(&fonts.regular).expect("checked when loaded");
        c.clip(Some(self.band.clone()));
        let mut y = self.place.y + 26.0;
        for l in &self.lines {
            y += self.size * 1.25;
            let shaped = regular.shape(l, self.size, &card.lang);
            regular.draw(c, &shaped, self.place.left, y, self.size, &GREY);
        }
        c.clip(None);
    }
}

#[cfg(test)]
mod tests {
    use super::super::VERSION;
    use super::super::parts::ROW_BYTES;
    use super::*;
    use std::path::Path;

    fn card(title: &str, line: &str) -> Card {
        Card {
            kind: Kind::Person,
            lang: "az".into(),
            label: "Həbsdə".into(),
            title: title.into(),
            line: line.into(),
            footer: "Vigil".into(),
            initials: "ƏŞ".into(),
            photo: None,
            version: VERSION,
        }
    }

    /// A day's card is its background with another line drawn in the band: a line that reached
    /// past the band would be cut there, on the day's card and the card drawn from nothing alike.
    #[test]
    fn a_line_stays_inside_its_band() {
        let fonts = Fonts::load(Path::new(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/themes/default"
        )))
        .unwrap();
        let lines = [
            "1 234 gün həbsdə",
            "İÇŞĞ gjpqy ÉÖÜ, Йёщ (ġ) — quite a long line of words to fill two or three lines \
             of the card's width at its size, and longer still, so that it wraps",
        ];
        for title in [
            "Əli",
            "Ələsgər Məmmədli Şıxəliyev Qurbanov Ağayev Gülalıyev",
        ] {
            for text in lines {
                let card = card(title, text);
                let (mut c, place) = background(&card, None, &fonts);
                let bare = c.rows(0..HEIGHT);
                let line = Line::fit(&card, place, &fonts);
                assert!(!line.lines.is_empty() && !line.band.is_empty());
                line.draw(&mut c, &card, &fonts);
                let drawn = c.rows(0..HEIGHT);
                let row = |rows: &[u8], r: usize| rows[r * ROW_BYTES..][..ROW_BYTES].to_vec();
                let changed: Vec<usize> = (0..HEIGHT)
                    .filter(|&r| row(&drawn, r) != row(&bare, r))
                    .collect();
                assert!(!changed.is_empty(), "{text}: drawn nowhere");
                // Nothing at the band's edges: nothing of the line was cut.
                let inside = line.band.start + 1..line.band.end - 1;
                assert!(
                    changed.iter().all(|r| inside.contains(r)),
                    "{title} / {text}: rows {changed:?}, band {:?}",
                    line.band
                );
            }
        }
    }
}
