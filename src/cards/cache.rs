//! The cards' cache, `.vigil-cache/cards/`: each card by the hash of everything drawn on it, so an
//! unchanged card is never drawn again; beside it, by the hash of all but its line, a record of how
//! it was made (`Band`). A person's line is the days held: the next day, the card is made from the
//! record, drawing the new line on the background the record keeps and compressing that band of
//! rows alone (`parts.rs`), not drawn and compressed whole again.

use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use rayon::prelude::*;
use rustc_hash::FxHashSet;
use serde::{Deserialize, Serialize};

use super::canvas::{Canvas, HEIGHT};
use super::draw::{Line, Photo, Place, background};
use super::parts::{self, Encoded, Outer, ROW_BYTES};
use super::{Card, Fonts, MAX_BYTES};
use crate::diag::{Diagnostic, Diagnostics};
use crate::images::Image;

/// Photo detail tried in turn (tones, block size) until the card fits in `MAX_BYTES`.
/// Blocks of 4 pixels look as the 3 of before at a card's size, and save a sixth of a card: 10,000
/// people's cards are a fifth of the site.
const DETAIL: &[(usize, usize)] = &[(5, 4), (4, 5), (3, 7), (2, 10)];

/// A card in the cache, with the name of its record, and where it is published.
pub struct Cached {
    pub file: PathBuf,
    pub record: String,
    pub rel: String,
}

/// A card to publish at `rel`, what it shows, and the photo it shows.
pub type Planned<'a> = (String, Card, Option<&'a Image>);

/// Draws the cards not in the cache yet (`hashes` names each card and its record).
pub fn draw_cached(
    dir: &Path,
    plan: Vec<Planned>,
    fonts: &Fonts,
    hashes: impl Fn(&Card, &str) -> (u64, u64) + Sync,
) -> Result<Vec<Cached>, Diagnostics> {
    if let Err(e) = std::fs::create_dir_all(dir) {
        let d = Diagnostic::error(dir, format!("cannot make the cards' cache: {e}"));
        return Err([d].into_iter().collect());
    }
    let results: Vec<Result<Cached, Diagnostic>> = plan
        .into_par_iter()
        .map(|(rel, card, image)| {
            let (whole, base) = hashes(&card, &rel);
            let file = dir.join(format!("{whole:016x}.png"));
            let record = format!("{base:016x}.band");
            if !file.is_file() {
                let path = dir.join(&record);
                // A card made again leaves its record as it was: it holds nothing of the line.
                let (png, new_record) = match Band::read(&path).and_then(|r| again(&card, fonts, r))
                {
                    Some(png) => (png, None),
                    None => {
                        let made = draw(&card, image, fonts);
                        (made.png, Some(made.record))
                    }
                };
                write_atomic(&file, &png)
                    .and_then(|()| match new_record {
                        Some(r) => write_atomic(&path, &r),
                        None => Ok(()),
                    })
                    .map_err(|e| {
                        Diagnostic::error(&file, format!("cannot write a preview card: {e}"))
                    })?;
            }
            Ok(Cached { file, record, rel })
        })
        .collect();
    let mut diags = Diagnostics::default();
    let mut out = Vec::new();
    for r in results {
        match r {
            Ok(f) => out.push(f),
            Err(d) => diags.push(d),
        }
    }
    if diags.has_errors() {
        Err(diags)
    } else {
        Ok(out)
    }
}

/// Removes from the cache the cards a build of the whole site did not use, and their records:
/// the day before's cards once the day's are made from them, and those of names since changed.
/// Kept, they would add every held person's cards to the cache each day. A file written in the last
/// `KEEP_NEW` stays: another build of the site (a preview with drafts, say) may have just drawn it
/// and not yet published it.
pub fn forget_unused(dir: &Path, cards: &[Cached]) {
    let mut used: FxHashSet<&std::ffi::OsStr> = FxHashSet::default();
    for c in cards {
        used.extend(c.file.file_name());
        used.insert(c.record.as_ref());
    }
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let old = || {
            let modified = e.metadata().and_then(|m| m.modified());
            modified.is_ok_and(|t| t.elapsed().is_ok_and(|age| age > KEEP_NEW))
        };
        if !used.contains(e.file_name().as_os_str()) && old() {
            // Another build may have removed it first; the cache is only ever a cache.
            let _ = std::fs::remove_file(e.path());
        }
    }
}

/// Longer than a build of 10,000 people drawing every card takes.
const KEEP_NEW: std::time::Duration = std::time::Duration::from_secs(10 * 60);

fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    // Two cards may be the same file (namesakes held as long): each write has its own name.
    static WRITES: AtomicU64 = AtomicU64::new(0);
    let n = WRITES.fetch_add(1, Ordering::Relaxed);
    let tmp = path.with_extension(format!("tmp{}-{n}", std::process::id()));
    std::fs::write(&tmp, bytes)?;
    std::fs::rename(&tmp, path)
}

/// How a card was made: what a card that differs from it in its line alone is made from. In its
/// file, a line of JSON, then the parts it keeps: the card's compressed rows above the band and
/// below it, and the band's rows of the background of each detail tried and of the one drawn
/// (`parts::keep`).
#[derive(Serialize, Deserialize)]
struct Band {
    place: Place,
    rows: Range<usize>,
    /// The photo detail drawn (`DETAIL`); none for the placeholder.
    detail: Option<usize>,
    /// For each detail tried first and found too large, its size but for the band's part: with
    /// another line it may fit. (Once the size of its parts around the band, as `tried`: a record
    /// of then is not read, and the card drawn from nothing.)
    too_large: Vec<usize>,
    /// The Adler-32 sums of the rows above the band and below it.
    sums: [u32; 2],
    /// The length of each part kept, in the order `write` writes them.
    kept: Vec<usize>,
}

/// A record read: the band, the card's parts around it, and the backgrounds.
struct Record {
    band: Band,
    outer: [Vec<u8>; 2],
    backgrounds: Vec<Vec<u8>>,
}

impl Band {
    fn write(&self, parts: &[&[u8]]) -> Vec<u8> {
        let mut out = serde_json::to_vec(self).expect("a record in JSON");
        out.push(b'\n');
        for p in parts {
            out.extend_from_slice(p);
        }
        out
    }

    /// The record at `path`, if it is there and whole.
    fn read(path: &Path) -> Option<Record> {
        let file = std::fs::read(path).ok()?;
        let end = file.iter().position(|&b| b == b'\n')?;
        let band: Band = serde_json::from_slice(&file[..end]).ok()?;
        let mut rest = &file[end + 1..];
        let mut parts = Vec::with_capacity(band.kept.len());
        for &len in &band.kept {
            let (k, after) = rest.split_at_checked(len)?;
            parts.push(k.to_vec());
            rest = after;
        }
        if !rest.is_empty() || parts.len() != 2 + band.too_large.len() + 1 {
            return None;
        }
        let backgrounds = parts.split_off(2);
        let outer = [parts.remove(0), parts.remove(0)];
        Some(Record {
            band,
            outer,
            backgrounds,
        })
    }
}

/// A card drawn from nothing, and its record.
struct Made {
    png: Vec<u8>,
    record: Vec<u8>,
}

/// Draws a card from nothing: with the photo at each detail in turn until it fits, else with the
/// initials.
fn draw(card: &Card, image: Option<&Image>, fonts: &Fonts) -> Made {
    let photo = image.and_then(crate::images::load_largest);
    let mut tried = Vec::new();
    let mut kept = Vec::new();
    let details = photo.as_ref().map_or(0, |_| DETAIL.len());
    for detail in (0..details).map(Some).chain([None]) {
        let drawn = detail.and_then(|i| Some((photo.as_ref()?, DETAIL[i].0, DETAIL[i].1)));
        let (png, place, rows, back) = draw_with(card, drawn, fonts);
        kept.push(parts::keep(&back));
        if detail.is_some() && png.png.len() > MAX_BYTES {
            tried.push(png.len_without_band());
            continue;
        }
        let [above, below] = png.outer.clone().map(|r| &png.png[r]);
        let parts: Vec<&[u8]> = [above, below]
            .into_iter()
            .chain(kept.iter().map(Vec::as_slice))
            .collect();
        let band = Band {
            place,
            rows,
            detail,
            too_large: tried,
            sums: png.sums,
            kept: parts.iter().map(|p| p.len()).collect(),
        };
        let record = band.write(&parts);
        return Made {
            png: png.png,
            record,
        };
    }
    unreachable!("the placeholder is always drawn")
}

/// A card drawn whole: its PNG, where its line is, and its band's rows before the line.
fn draw_with(
    card: &Card,
    photo: Option<Photo>,
    fonts: &Fonts,
) -> (Encoded, Place, Range<usize>, Vec<u8>) {
    let (mut c, place) = background(card, photo, fonts);
    let line = Line::fit(card, place, fonts);
    let back = c.rows(line.band.clone());
    line.draw(&mut c, card, fonts);
    let png = parts::encode(&c.rows(0..HEIGHT), line.band.clone());
    (png, place, line.band, back)
}

/// Makes a card from the record of one that differs from it in its line alone, as `draw` would
/// make it from nothing; none if it cannot be.
fn again(card: &Card, fonts: &Fonts, r: Record) -> Option<Vec<u8>> {
    let band = &r.band;
    let line = Line::fit(card, band.place, fonts);
    if line.band != band.rows {
        return None;
    }
    let on = |kept: &[u8]| {
        let back = parts::restore(kept, line.band.len() * ROW_BYTES)?;
        let mut c = Canvas::from_rows(line.band.clone(), &back)?;
        line.draw(&mut c, card, fonts);
        Some(c.rows(line.band.clone()))
    };
    // A detail too large with the other line may fit with this one: then it is drawn from nothing.
    for (k, &without) in r.backgrounds.iter().zip(&band.too_large) {
        if parts::len_with(&on(k)?, without) <= MAX_BYTES {
            return None;
        }
    }
    let rows = on(r.backgrounds.last()?)?;
    let outer = Outer {
        deflated: [&r.outer[0], &r.outer[1]],
        sums: band.sums,
    };
    let png = Encoded::again(&rows, line.band, outer).png;
    if band.detail.is_some() && png.len() > MAX_BYTES {
        return None;
    }
    Some(png)
}
