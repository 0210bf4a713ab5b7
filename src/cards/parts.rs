//! A card's PNG, its rows deflated in three parts, each begun afresh (a full flush between them):
//! the rows above the band the card's line is drawn in, the band, and the rows below it. A person's
//! line is the days held, which changes every day, and level 9 over a whole card is most of the
//! time a card takes: the first build of a day makes each held person's card again from the outer
//! parts its record keeps (`cache.rs`), compressing the band alone. Made again or compressed from
//! nothing, a card is the same bytes.

use std::cell::RefCell;
use std::ops::Range;

use flate2::{Compress, Compression, Decompress, FlushCompress, FlushDecompress, Status};
use zlib_rs::adler32::{adler32, adler32_combine};
use zlib_rs::crc32::crc32;

use super::canvas::{HEIGHT, WIDTH, palette};

/// A scanline: its filter byte, then two 4-bit pixels a byte.
pub const ROW_BYTES: usize = 1 + WIDTH.div_ceil(2);

pub struct Encoded {
    pub png: Vec<u8>,
    /// Where the deflated rows above the band and below it lie in `png`.
    pub outer: [Range<usize>; 2],
    /// The Adler-32 sums of the rows above the band and below it, which the zlib stream's sum
    /// is made from.
    pub sums: [u32; 2],
}

/// What a card is made again from: another card's parts around the band, and their sums.
pub struct Outer<'a> {
    pub deflated: [&'a [u8]; 2],
    pub sums: [u32; 2],
}

impl Encoded {
    /// Makes the card whose band's rows are `band_rows` from `outer`, the parts of another card
    /// whose rows around the band were the same: only the band is compressed.
    pub fn again(band_rows: &[u8], band: Range<usize>, outer: Outer) -> Encoded {
        let sum = adler32(1, band_rows);
        let middle = deflate(band_rows, BAND, false);
        let [above, below] = outer.deflated;
        assemble(
            [above, &middle, below],
            [outer.sums[0], sum, outer.sums[1]],
            band,
        )
    }

    /// The part of the card's size that does not depend on its band's rows.
    pub fn len_without_band(&self) -> usize {
        self.png.len() - (self.outer[1].start - self.outer[0].end)
    }
}

/// Encodes a card from every one of its rows, in three parts around `band`.
pub fn encode(rows: &[u8], band: Range<usize>) -> Encoded {
    let (above, rest) = rows.split_at(band.start * ROW_BYTES);
    let (middle, below) = rest.split_at(band.len() * ROW_BYTES);
    assemble(
        [
            &deflate(above, OUTER, false),
            &deflate(middle, BAND, false),
            &deflate(below, OUTER, true),
        ],
        [above, middle, below].map(|r| adler32(1, r)),
        band,
    )
}

/// The size of a card whose band's rows are `band_rows`, and the rest of which is `without` bytes
/// (`Encoded::len_without_band`).
pub fn len_with(band_rows: &[u8], without: usize) -> usize {
    without + deflate(band_rows, BAND, false).len()
}

/// Rows compressed quickly, to be kept (a card's background in the cache, `cache.rs`).
pub fn keep(rows: &[u8]) -> Vec<u8> {
    deflate(rows, Compression::fast(), true)
}

/// The `len` bytes of rows `keep` kept; none if they are not that.
pub fn restore(kept: &[u8], len: usize) -> Option<Vec<u8>> {
    let mut d = Decompress::new(false);
    let mut out = Vec::with_capacity(len);
    let status = d
        .decompress_vec(kept, &mut out, FlushDecompress::Finish)
        .ok()?;
    (status == Status::StreamEnd && out.len() == len).then_some(out)
}

/// The parts around the band are compressed once and kept, at the best level; the band, made
/// again every day, at the default: a day's new cards take a quarter less time than at level 9,
/// and cards are 0.5% larger (the 1,000-people corpus), 2% with every person photographed.
const OUTER: Compression = Compression::new(9);
const BAND: Compression = Compression::new(6);

/// Raw deflate from a fresh state; a part that is not the last ends in a full flush, so the next
/// part may follow it without referring back.
fn deflate(raw: &[u8], level: Compression, last: bool) -> Vec<u8> {
    thread_local! {
        /// A compressor of each level, kept: making one zeroes a third of a megabyte, which
        /// would be a tenth of making a card again.
        static KEPT: RefCell<Vec<(u32, Compress)>> = const { RefCell::new(Vec::new()) };
    }
    KEPT.with_borrow_mut(|kept| {
        let z = match kept.iter().position(|(l, _)| *l == level.level()) {
            Some(i) => &mut kept[i].1,
            None => {
                kept.push((level.level(), Compress::new(level, false)));
                &mut kept.last_mut().expect("just pushed").1
            }
        };
        z.reset();
        deflate_with(z, raw, last)
    })
}

fn deflate_with(z: &mut Compress, raw: &[u8], last: bool) -> Vec<u8> {
    let mut out = Vec::with_capacity(raw.len() / 4 + 64);
    let flush = if last {
        FlushCompress::Finish
    } else {
        FlushCompress::Full
    };
    loop {
        let read = z.total_in() as usize;
        out.reserve(raw.len() / 8 + 64);
        let status = z
            .compress_vec(&raw[read..], &mut out, flush)
            .expect("deflate into memory");
        let done = z.total_in() as usize == raw.len() && out.len() < out.capacity();
        if status == Status::StreamEnd || (!last && done) {
            return out;
        }
    }
}

/// The signature and the chunks before the image data: the same for every card.
fn head() -> Vec<u8> {
    let mut out = b"\x89PNG\r\n\x1a\n".to_vec();
    let mut ihdr = Vec::with_capacity(13);
    ihdr.extend((WIDTH as u32).to_be_bytes());
    ihdr.extend((HEIGHT as u32).to_be_bytes());
    // 4 bits a pixel, indexed colour, deflate, adaptive filtering (each row says "none"), no interlace.
    ihdr.extend([4, 3, 0, 0, 0]);
    chunk(&mut out, b"IHDR", &ihdr);
    chunk(&mut out, b"PLTE", &palette());
    out
}

fn chunk(out: &mut Vec<u8>, kind: &[u8; 4], data: &[u8]) {
    out.extend((data.len() as u32).to_be_bytes());
    let start = out.len();
    out.extend(kind);
    out.extend(data);
    let crc = crc32(0, &out[start..]);
    out.extend(crc.to_be_bytes());
}

/// The PNG of three deflated parts, the rows above `band`, in it and below it, from their rows'
/// sums.
fn assemble([above, middle, below]: [&[u8]; 3], sums: [u32; 3], band: Range<usize>) -> Encoded {
    let mut zlib = Vec::with_capacity(2 + above.len() + middle.len() + below.len() + 4);
    // zlib's header for a 32 KB window at the best compression.
    zlib.extend([0x78, 0xda]);
    zlib.extend_from_slice(above);
    zlib.extend_from_slice(middle);
    let below_at = zlib.len();
    zlib.extend_from_slice(below);
    let sum = adler32_combine(sums[0], sums[1], (band.len() * ROW_BYTES) as u64);
    let sum = adler32_combine(sum, sums[2], ((HEIGHT - band.end) * ROW_BYTES) as u64);
    zlib.extend(sum.to_be_bytes());
    let mut png = head();
    // The chunk's data begins after its length and type.
    let at = png.len() + 8;
    chunk(&mut png, b"IDAT", &zlib);
    chunk(&mut png, b"IEND", &[]);
    Encoded {
        png,
        outer: [
            at + 2..at + 2 + above.len(),
            at + below_at..at + below_at + below.len(),
        ],
        sums: [sums[0], sums[2]],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Rows of a card, each with its filter byte, the pixels from a fixed sequence.
    fn rows(seed: u32) -> Vec<u8> {
        let mut x = seed;
        (0..HEIGHT * ROW_BYTES)
            .map(|i| {
                x = x.wrapping_mul(1_664_525).wrapping_add(1_013_904_223);
                if i % ROW_BYTES == 0 {
                    0
                } else {
                    (x >> 24) as u8
                }
            })
            .collect()
    }

    #[test]
    fn a_size_foretold_from_another_band_is_the_size_of_the_card_made() {
        let band = 300..380;
        let band_bytes = band.start * ROW_BYTES..band.end * ROW_BYTES;
        let first = encode(&rows(1), band.clone());
        let other = rows(2);
        let mut second = rows(1);
        second[band_bytes.clone()].copy_from_slice(&other[band_bytes.clone()]);
        let made = encode(&second, band.clone()).png;
        let without = first.len_without_band();
        assert_eq!(len_with(&second[band_bytes.clone()], without), made.len());
        let outer = Outer {
            deflated: first.outer.clone().map(|r| &first.png[r]),
            sums: first.sums,
        };
        assert_eq!(Encoded::again(&second[band_bytes], band, outer).png, made);
    }
}
