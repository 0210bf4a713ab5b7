//! Text on a card: shaped with rustybuzz (kerning, marks, any script the font covers), broken into
//! lines that fit, and rasterised from the glyphs' outlines.

use ab_glyph_rasterizer::{Rasterizer, point};
use rustybuzz::ttf_parser::{GlyphId, OutlineBuilder};
use rustybuzz::{Face, Language, UnicodeBuffer};

use super::canvas::Canvas;

pub struct Font<'a> {
    face: Face<'a>,
}

/// A shaped line: glyphs with their pen positions in pixels, and its width.
pub struct Line {
    glyphs: Vec<(GlyphId, f32, f32)>,
    pub width: f32,
}

impl<'a> Font<'a> {
    pub fn new(data: &'a [u8]) -> Option<Font<'a>> {
        Face::from_slice(data, 0).map(|face| Font { face })
    }

    fn scale(&self, size: f32) -> f32 {
        size / self.face.units_per_em() as f32
    }

    pub fn shape(&self, text: &str, size: f32, lang: &str) -> Line {
        let mut buf = UnicodeBuffer::new();
        buf.push_str(text);
        if let Ok(l) = lang.parse::<Language>() {
            buf.set_language(l);
        }
        buf.guess_segment_properties();
        let out = rustybuzz::shape(&self.face, &[], buf);
        let s = self.scale(size);
        let mut x = 0.0;
        let mut glyphs = Vec::with_capacity(out.len());
        for (info, pos) in out.glyph_infos().iter().zip(out.glyph_positions()) {
            glyphs.push((
                GlyphId(info.glyph_id as u16),
                x + pos.x_offset as f32 * s,
                pos.y_offset as f32 * s,
            ));
            x += pos.x_advance as f32 * s;
        }
        Line { glyphs, width: x }
    }

    /// Breaks `text` into lines of at most `width` pixels at spaces; a word wider than a line
    /// stands alone on its line.
    pub fn wrap(&self, text: &str, size: f32, width: f32, lang: &str) -> Vec<String> {
        let mut lines: Vec<String> = Vec::new();
        let mut current = String::new();
        for word in text.split_whitespace() {
            let candidate = if current.is_empty() {
                word.to_string()
            } else {
                format!("{current} {word}")
            };
            if current.is_empty() || self.shape(&candidate, size, lang).width <= width {
                current = candidate;
            } else {
                lines.push(std::mem::replace(&mut current, word.to_string()));
            }
        }
        if !current.is_empty() {
            lines.push(current);
        }
        lines
    }

    /// The largest size from `sizes` at which `text` fits in `max_lines` lines of `width`; at the
    /// smallest, the last line that fits ends with an ellipsis.
    pub fn fit(
        &self,
        text: &str,
        sizes: &[f32],
        width: f32,
        max_lines: usize,
        lang: &str,
    ) -> (f32, Vec<String>) {
        for &size in sizes {
            let lines = self.wrap(text, size, width, lang);
            let widest = lines
                .iter()
                .map(|l| self.shape(l, size, lang).width)
                .fold(0.0, f32::max);
            if lines.len() <= max_lines && widest <= width {
                return (size, lines);
            }
        }
        let size = *sizes.last().expect("at least one size");
        let mut lines = self.wrap(text, size, width, lang);
        if lines.len() > max_lines {
            lines.truncate(max_lines);
            let last = lines.last_mut().expect("max_lines > 0");
            while !last.is_empty() && self.shape(&format!("{last}…"), size, lang).width > width {
                last.pop();
            }
            last.push('…');
        }
        (size, lines)
    }

    /// Draws a shaped line with its baseline at `baseline`, its coverage in the steps of `ramp`.
    pub fn draw(
        &self,
        canvas: &mut Canvas,
        line: &Line,
        x: f32,
        baseline: f32,
        size: f32,
        ramp: &[u8],
    ) {
        let s = self.scale(size);
        for &(gid, gx, gy) in &line.glyphs {
            let Some(bbox) = self.face.glyph_bounding_box(gid) else {
                continue;
            };
            let pen_x = x + gx;
            let pen_y = baseline - gy;
            let x0 = (pen_x + bbox.x_min as f32 * s).floor();
            let y0 = (pen_y - bbox.y_max as f32 * s).floor();
            let w = ((pen_x + bbox.x_max as f32 * s).ceil() - x0) as usize + 1;
            let h = ((pen_y - bbox.y_min as f32 * s).ceil() - y0) as usize + 1;
            if w > 2000 || h > 2000 || !canvas.touches(y0 as i64, y0 as i64 + h as i64) {
                continue;
            }
            let mut b = Outline {
                r: Rasterizer::new(w, h),
                s,
                dx: pen_x - x0,
                dy: pen_y - y0,
                start: point(0.0, 0.0),
                last: point(0.0, 0.0),
            };
            if self.face.outline_glyph(gid, &mut b).is_none() {
                continue;
            }
            b.r.for_each_pixel_2d(|px, py, cov| {
                canvas.cover(x0 as i32 + px as i32, y0 as i32 + py as i32, cov, ramp);
            });
        }
    }
}

/// Feeds a glyph's outline, scaled and flipped to pixels, to the rasteriser.
struct Outline {
    r: Rasterizer,
    s: f32,
    dx: f32,
    dy: f32,
    start: ab_glyph_rasterizer::Point,
    last: ab_glyph_rasterizer::Point,
}

impl Outline {
    fn p(&self, x: f32, y: f32) -> ab_glyph_rasterizer::Point {
        point(self.dx + x * self.s, self.dy - y * self.s)
    }
}

impl OutlineBuilder for Outline {
    fn move_to(&mut self, x: f32, y: f32) {
        self.start = self.p(x, y);
        self.last = self.start;
    }
    fn line_to(&mut self, x: f32, y: f32) {
        let p = self.p(x, y);
        self.r.draw_line(self.last, p);
        self.last = p;
    }
    fn quad_to(&mut self, x1: f32, y1: f32, x: f32, y: f32) {
        let (c, p) = (self.p(x1, y1), self.p(x, y));
        self.r.draw_quad(self.last, c, p);
        self.last = p;
    }
    fn curve_to(&mut self, x1: f32, y1: f32, x2: f32, y2: f32, x: f32, y: f32) {
        let (c1, c2, p) = (self.p(x1, y1), self.p(x2, y2), self.p(x, y));
        self.r.draw_cubic(self.last, c1, c2, p);
        self.last = p;
    }
    fn close(&mut self) {
        if self.last != self.start {
            self.r.draw_line(self.last, self.start);
        }
        self.last = self.start;
    }
}

#[cfg(test)]
mod tests {
    use super::Font;

    /// The letters names are written in, in the campaigns vigil is made for: a subset of the font
    /// that lost one would draw a box in someone's name.
    #[test]
    fn the_themes_fonts_draw_azerbaijani_turkish_and_cyrillic_letters() {
        let letters = "ƏəĞğIıİiŞşÇçÖöÜüXxQq\
                       АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯабвгдеёжзийклмнопрстуфхцчшщъыьэюя\
                       ІіЇїЄєҐґЎўӘәҒғҚқҢңӨөҮүҰұҺһ";
        for file in ["card-regular.ttf", "card-bold.ttf"] {
            let path = concat!(env!("CARGO_MANIFEST_DIR"), "/themes/default/fonts/");
            let data = std::fs::read(format!("{path}{file}")).unwrap();
            let font = Font::new(&data).unwrap();
            let missing: String = letters
                .chars()
                .filter(|&c| font.face.glyph_index(c).is_none_or(|g| g.0 == 0))
                .collect();
            assert!(missing.is_empty(), "{file} cannot draw {missing}");
            // Shaped, a Cyrillic name takes room like a Latin one (no zero-width gaps).
            let (cyr, lat) = (
                font.shape("Анна Петрова", 40.0, "ru"),
                font.shape("Anna Petrova", 40.0, "en"),
            );
            assert!(
                cyr.width > lat.width * 0.8 && cyr.width < lat.width * 1.25,
                "{} {}",
                cyr.width,
                lat.width
            );
        }
    }
}
