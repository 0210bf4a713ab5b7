//! A card's pixels as indexes into a palette of 16 flat colours, written as a 4-bit PNG: flat
//! colours and long runs are what keeps a card under 40 KB.

use std::ops::Range;

use super::parts::ROW_BYTES;
use crate::images::pixels::Pixels;

pub const WIDTH: usize = 1200;
pub const HEIGHT: usize = 630;

/// Steps from the background to white: text, the placeholder, and the photo in two tones.
pub const GREY: [u8; 8] = [0, 1, 2, 3, 4, 5, 6, 7];
/// Steps from the background to the accent colour (index 0 is the background itself).
pub const ACCENT: [u8; 5] = [0, 8, 9, 10, 11];

const BACKGROUND: [u8; 3] = [0x1c, 0x22, 0x2b];
const LIGHT: [u8; 3] = [0xfb, 0xf7, 0xee];
const ACCENT_RGB: [u8; 3] = [0xf2, 0xb1, 0x34];

/// Shades of a letter's edge besides none and full: three look as smooth as seven at a card's size,
/// and the card is a seventh smaller (10,000 people's cards are a fifth of the site).
const EDGE_STEPS: f32 = 3.0;

pub struct Canvas {
    /// The rows kept: every row of a card drawn from nothing; the band alone of a card made again
    /// from another's rows around it (`parts.rs`).
    rows: Range<usize>,
    px: Vec<u8>,
    /// The rows drawing may change: the card's line stays in its band, so that the rows around
    /// the band do not depend on it.
    clip: Range<usize>,
}

fn mix(a: [u8; 3], b: [u8; 3], t: f32) -> [u8; 3] {
    let m = |x: u8, y: u8| (x as f32 + (y as f32 - x as f32) * t).round() as u8;
    [m(a[0], b[0]), m(a[1], b[1]), m(a[2], b[2])]
}

pub fn palette() -> Vec<u8> {
    let mut out = Vec::with_capacity(16 * 3);
    for i in 0..8 {
        out.extend(mix(BACKGROUND, LIGHT, i as f32 / 7.0));
    }
    for i in 1..5 {
        out.extend(mix(BACKGROUND, ACCENT_RGB, i as f32 / 4.0));
    }
    // Unused entries, so the palette fills the 4-bit range.
    for _ in 12..16 {
        out.extend(BACKGROUND);
    }
    out
}

impl Canvas {
    pub fn new(rows: Range<usize>) -> Canvas {
        let rows = rows.start.min(HEIGHT)..rows.end.min(HEIGHT);
        Canvas {
            px: vec![0; WIDTH * rows.len()],
            clip: rows.clone(),
            rows,
        }
    }

    /// Keeps drawing to `rows` (of those kept), or to every row kept again (`None`).
    pub fn clip(&mut self, rows: Option<Range<usize>>) {
        self.clip = match rows {
            Some(r) => r.start.max(self.rows.start)..r.end.min(self.rows.end),
            None => self.rows.clone(),
        };
    }

    /// Whether drawing to rows `from..to` would change any pixel kept.
    pub fn touches(&self, from: i64, to: i64) -> bool {
        from < self.clip.end as i64 && to > self.clip.start as i64
    }

    pub fn fill(&mut self, x: usize, y: usize, w: usize, h: usize, index: u8) {
        let (x0, x1) = (x.min(WIDTH), (x + w).min(WIDTH));
        for row in y.max(self.clip.start)..(y + h).min(self.clip.end) {
            let at = (row - self.rows.start) * WIDTH;
            self.px[at + x0..at + x1].fill(index);
        }
    }

    /// Text coverage at one pixel: the step of `ramp` it reaches, kept if the pixel is already
    /// as bright in the same ramp (glyphs that touch).
    pub fn cover(&mut self, x: i32, y: i32, coverage: f32, ramp: &[u8]) {
        if x < 0 || y < 0 || x as usize >= WIDTH || !self.clip.contains(&(y as usize)) {
            return;
        }
        // Rounded by adding a half and truncating: `round` is a call into libm on the target
        // vigil is built for, and this is every pixel of every letter.
        let step = (coverage.clamp(0.0, 1.0) * EDGE_STEPS + 0.5) as usize;
        let level = (step as f32 / EDGE_STEPS * (ramp.len() - 1) as f32 + 0.5) as usize;
        if level == 0 {
            return;
        }
        let at = (y as usize - self.rows.start) * WIDTH + x as usize;
        let current = ramp.iter().position(|&i| i == self.px[at]).unwrap_or(0);
        if level > current {
            self.px[at] = ramp[level];
        }
    }

    /// The photo, cropped to a square, in `levels` tones of the grey ramp, in blocks of `block`
    /// pixels: fewer tones and larger blocks make a smaller file.
    pub fn photo(
        &mut self,
        photo: &Pixels,
        x: usize,
        y: usize,
        side: usize,
        levels: usize,
        block: usize,
    ) {
        let sq = photo.width.min(photo.height);
        let (cx, cy) = ((photo.width - sq) / 2, (photo.height - sq) / 3);
        let cropped = crop(photo, cx, cy, sq);
        let cells = side.div_ceil(block) as u32;
        let small = crate::images::pixels::resize_to(&cropped, cells, cells);
        let c = small.channels;
        for by in 0..cells as usize {
            for bx in 0..cells as usize {
                let p = &small.data[(by * cells as usize + bx) * c..][..3];
                let luma =
                    (0.2126 * p[0] as f32 + 0.7152 * p[1] as f32 + 0.0722 * p[2] as f32) / 255.0;
                let step = (luma * (levels - 1) as f32).round() as usize;
                // Spread the tones over the ramp, from just above the background to white.
                let index = GREY[1 + step * (GREY.len() - 2) / (levels - 1).max(1)];
                let (px, py) = (x + bx * block, y + by * block);
                let w = block.min(x + side - px);
                let h = block.min(y + side - py);
                self.fill(px, py, w, h, index);
            }
        }
    }

    /// The rows `range` (of those kept) as PNG stores them: a filter byte ("none": flat colours
    /// gain nothing from the others), then the pixels two to a byte.
    pub fn rows(&self, range: Range<usize>) -> Vec<u8> {
        let mut out = Vec::with_capacity(range.len() * ROW_BYTES);
        let px = &self.px
            [(range.start - self.rows.start) * WIDTH..(range.end - self.rows.start) * WIDTH];
        for row in px.chunks_exact(WIDTH) {
            out.push(0);
            for pair in row.chunks(2) {
                out.push(pair[0] << 4 | pair.get(1).copied().unwrap_or(0));
            }
        }
        out
    }

    /// A canvas of the rows `rows`, from those rows as `rows` gave them.
    pub fn from_rows(rows: Range<usize>, packed: &[u8]) -> Option<Canvas> {
        if rows.end > HEIGHT || packed.len() != rows.len() * ROW_BYTES {
            return None;
        }
        let mut c = Canvas::new(rows);
        for (row, line) in
            c.px.chunks_exact_mut(WIDTH)
                .zip(packed.chunks_exact(ROW_BYTES))
        {
            for (pair, byte) in row.chunks_mut(2).zip(&line[1..]) {
                pair[0] = byte >> 4;
                if let Some(p) = pair.get_mut(1) {
                    *p = byte & 0x0f;
                }
            }
        }
        Some(c)
    }
}

fn crop(p: &Pixels, x: u32, y: u32, side: u32) -> Pixels {
    let c = p.channels;
    let mut data = Vec::with_capacity((side * side) as usize * c);
    for row in y..y + side {
        let start = ((row * p.width + x) as usize) * c;
        data.extend_from_slice(&p.data[start..start + side as usize * c]);
    }
    Pixels {
        width: side,
        height: side,
        channels: c,
        data,
    }
}
