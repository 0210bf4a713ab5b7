//! Preview cards: for each person and each statement, and for the site, in each language, a
//! 1200x630 PNG that link previews (Telegram, WhatsApp, X, Facebook) show. Drawn at build time with
//! the theme's own font, so every machine draws the same card; cached in `.vigil-cache/cards/` by
//! the hash of everything drawn, so an unchanged card is never drawn again.

pub mod canvas;
pub mod parts;
pub mod text;

use std::hash::{Hash, Hasher};
use std::ops::Range;
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use rustc_hash::FxHashSet;
use serde::{Deserialize, Serialize};

use crate::config::Config;
use crate::diag::{Diagnostic, Diagnostics};
use crate::i18n::Strings;
use crate::model::Site;
use crate::render::views::{Views, initials};
use crate::text::Lang;
use crate::urls;
use canvas::{ACCENT, Canvas, GREY, HEIGHT, WIDTH};
#[cfg(test)]
use parts::ROW_BYTES;
use parts::{Encoded, Outer};
use text::Font;

pub const CARD_WIDTH: u32 = WIDTH as u32;
pub const CARD_HEIGHT: u32 = HEIGHT as u32;
/// GitHub Pages refuses a site over 1 GB: 10,000 people with two cards each must fit.
pub const MAX_BYTES: usize = 40 * 1024;

/// Raised when the drawing changes, so that cached cards are drawn again.
const VERSION: u32 = 4;

/// The theme's fonts for cards (`themes/<name>/fonts/card-regular.ttf` and `card-bold.ttf`).
pub struct Fonts {
    pub regular: Vec<u8>,
    pub bold: Vec<u8>,
}

impl Fonts {
    pub const REGULAR: &'static str = "fonts/card-regular.ttf";
    pub const BOLD: &'static str = "fonts/card-bold.ttf";

    pub fn load(theme_dir: &Path) -> Result<Fonts, String> {
        let read = |name: &str| {
            let data = std::fs::read(theme_dir.join(name))
                .map_err(|e| format!("cannot read {name}, the font of the preview cards: {e}"))?;
            Font::new(&data).ok_or_else(|| format!("{name} is not a TrueType or OpenType font"))?;
            Ok::<_, String>(data)
        };
        Ok(Fonts {
            regular: read(Self::REGULAR)?,
            bold: read(Self::BOLD)?,
        })
    }
}

/// A person's card: `people/<slug>/card.png` beside the page, in each language's folder.
pub fn person_path(config: &Config, lang: Lang, slug: &str) -> String {
    urls::file(config, lang, &format!("{}card.png", urls::person(slug)))
}

pub fn statement_path(config: &Config, lang: Lang, slug: &str) -> String {
    urls::file(config, lang, &format!("{}card.png", urls::statement(slug)))
}

/// The card of every other page: the campaign's own.
pub fn site_path(config: &Config, lang: Lang) -> String {
    urls::file(config, lang, "card.png")
}

#[derive(Hash, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Person,
    Statement,
    Site,
}

/// Everything drawn on a card: its hash names the cached file.
pub struct Card {
    kind: Kind,
    lang: String,
    label: String,
    title: String,
    line: String,
    footer: String,
    initials: String,
    /// The hash of the photo's original: a new photo draws a new card.
    photo: Option<u64>,
    version: u32,
}

impl Card {
    /// The hash of everything drawn with `fonts` (the cached card's name), and of everything but
    /// the line (its band record's: `parts.rs`).
    fn hashes(&self, fonts: u64) -> (u64, u64) {
        let Card {
            kind,
            lang,
            label,
            title,
            line,
            footer,
            initials,
            photo,
            version,
        } = self;
        let mut h = std::hash::DefaultHasher::new();
        (
            kind, lang, label, title, footer, initials, photo, version, fonts,
        )
            .hash(&mut h);
        let base = h.finish();
        line.hash(&mut h);
        (h.finish(), base)
    }
}

/// The alternative text of a card, as `og:image:alt` says it.
pub fn alt(v: &Views, kind_person: Option<usize>, statement: Option<usize>) -> String {
    let site = v.site;
    if let Some(i) = kind_person {
        let p = &site.profiles[i];
        let held = v.held(p);
        let mut s = format!("{}: {}", p.name.in_lang(v.lang), v.t.status(p.status));
        if !held.is_empty() {
            s.push_str(&format!(", {held}"));
        }
        return s;
    }
    if let Some(i) = statement {
        let s = &site.statements[i];
        return format!("{} · {}", s.title.in_lang(v.lang), v.t.date(s.date));
    }
    // Only what site.yaml says: every page shows this card, and a change to one person must not
    // change every page (serve renders again only the pages a save can change).
    format!(
        "{}: {}",
        site.config.title.in_lang(v.lang),
        site.config.description.in_lang(v.lang)
    )
}

/// Every card of the site as (output path, what it shows, the photo to draw).
/// The cards to draw: every card, or (`person`) those of one person alone.
fn plan<'a>(
    site: &'a Site,
    strings: &[Strings],
    person: Option<usize>,
) -> Vec<(String, Card, Option<&'a crate::images::Image>)> {
    let config = &site.config;
    let mut out = Vec::new();
    for lang in config.langs() {
        let v = Views::new(site, strings, lang);
        let footer = config.title.in_lang(lang).to_string();
        let code = config.code(lang).to_string();
        let card = |kind, label: String, title: String, line: String, initials, photo| Card {
            kind,
            lang: code.clone(),
            label,
            title,
            line,
            footer: footer.clone(),
            initials,
            photo,
            version: VERSION,
        };
        let people = match person {
            Some(i) => &site.profiles[i..=i],
            None => &site.profiles[..],
        };
        for p in people {
            let name = p.name.in_lang(lang).to_string();
            let image = p.photo.as_ref().and_then(|ph| site.media.get(&ph.output));
            out.push((
                person_path(config, lang, &p.slug),
                card(
                    Kind::Person,
                    v.t.status(p.status).to_string(),
                    name.clone(),
                    v.held(p),
                    initials(&name),
                    image.map(|i| i.hash),
                ),
                image,
            ));
        }
        if person.is_some() {
            continue;
        }
        for s in &site.statements {
            out.push((
                statement_path(config, lang, &s.slug),
                card(
                    Kind::Statement,
                    v.t.date(s.date),
                    s.title.in_lang(lang).to_string(),
                    format!("{}: {}", v.t.signatories, s.signatories.len()),
                    String::new(),
                    None,
                ),
                None,
            ));
        }
        out.push((
            site_path(config, lang),
            card(
                Kind::Site,
                String::new(),
                config.title.in_lang(lang).to_string(),
                config.description.in_lang(lang).to_string(),
                String::new(),
                None,
            ),
            None,
        ));
    }
    out
}

/// Draws the cards not in the cache yet; returns (cached file, output path) of every card.
pub fn files(
    site: &Site,
    strings: &[Strings],
    fonts: &Fonts,
) -> Result<Vec<(PathBuf, String)>, Diagnostics> {
    let cards = draw_cached(site, plan(site, strings, None), fonts)?;
    forget_unused(&site.media.cache_dir.join("cards"), &cards);
    Ok(cards.into_iter().map(|c| (c.file, c.rel)).collect())
}

/// The cards of the person at `i` alone, as `files` gives them (`vigil serve`, after an edit to
/// that person's card).
pub fn person_files(
    site: &Site,
    strings: &[Strings],
    fonts: &Fonts,
    i: usize,
) -> Result<Vec<(PathBuf, String)>, Diagnostics> {
    let cards = draw_cached(site, plan(site, strings, Some(i)), fonts)?;
    Ok(cards.into_iter().map(|c| (c.file, c.rel)).collect())
}

/// A card in the cache, with the name of its record (`Band`), and where it is published.
struct Cached {
    file: PathBuf,
    band: String,
    rel: String,
}

/// Removes from the cache the cards a build of the whole site did not use, and their records:
/// the day before's cards once the day's are made from them, and those of names since changed.
/// Kept, they would add every held person's cards to the cache each day.
fn forget_unused(dir: &Path, cards: &[Cached]) {
    let mut used: FxHashSet<&std::ffi::OsStr> = FxHashSet::default();
    for c in cards {
        used.extend(c.file.file_name());
        used.insert(c.band.as_ref());
    }
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        if !used.contains(e.file_name().as_os_str()) {
            // Another build may have removed it first; the cache is only ever a cache.
            let _ = std::fs::remove_file(e.path());
        }
    }
}

fn draw_cached(
    site: &Site,
    plan: Vec<(String, Card, Option<&crate::images::Image>)>,
    fonts: &Fonts,
) -> Result<Vec<Cached>, Diagnostics> {
    let dir = site.media.cache_dir.join("cards");
    let mut font_hash = std::hash::DefaultHasher::new();
    fonts.regular.hash(&mut font_hash);
    fonts.bold.hash(&mut font_hash);
    let font_hash = font_hash.finish();
    let results: Vec<Result<Cached, Diagnostic>> = plan
        .into_par_iter()
        .map(|(rel, card, image)| {
            let (whole, base) = card.hashes(font_hash);
            let name = format!("{whole:016x}.png");
            let cached = dir.join(&name);
            let band = format!("{base:016x}.band");
            if !cached.is_file() {
                let band_file = dir.join(&band);
                let (png, record) = Band::read(&band_file, &dir)
                    .and_then(|(record, before)| again(&card, image, fonts, &record, &before))
                    .unwrap_or_else(|| draw(&card, image, fonts));
                let record = serde_json::to_vec(&Band {
                    card: name,
                    ..record
                })
                .expect("JSON");
                write_atomic(&cached, &png.png)
                    .and_then(|()| write_atomic(&band_file, &record))
                    .map_err(|e| {
                        Diagnostic::error(&cached, format!("cannot write a preview card: {e}"))
                    })?;
            }
            Ok(Cached {
                file: cached,
                band,
                rel,
            })
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

fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent)?;
    }
    let tmp = path.with_extension(format!("tmp{}", std::process::id()));
    std::fs::write(&tmp, bytes)?;
    std::fs::rename(&tmp, path)
}

/// Photo detail tried in turn (tones, block size) until the card fits in `MAX_BYTES`.
/// Blocks of 4 pixels look as the 3 of before at a card's size, and save a sixth of a card: 10,000
/// people's cards are a fifth of the site.
const DETAIL: &[(usize, usize)] = &[(5, 4), (4, 5), (3, 7), (2, 10)];

/// How the line under a card's title was laid out: its size and number of lines, which say the
/// band it takes.
#[derive(Serialize, Deserialize, PartialEq, Clone, Copy, Debug)]
struct Layout {
    size: f32,
    lines: usize,
}

impl Layout {
    /// From the bottom of the title: the gap, each line, and the last line's descenders.
    fn band_height(&self) -> f32 {
        if self.lines == 0 {
            return 0.0;
        }
        26.0 + self.lines as f32 * self.size * 1.25 + self.size * 0.4
    }
}

/// What the cache keeps beside a card, in `<hash of all but the line>.band`: what a card that
/// differs from it in its line alone needs to be made from it (`parts.rs`).
#[derive(Serialize, Deserialize)]
struct Band {
    /// The cached card it is about.
    card: String,
    layout: Layout,
    rows: Range<usize>,
    /// The photo detail drawn (`DETAIL`); none for the placeholder.
    detail: Option<usize>,
    /// For each detail tried first and found too large, the size of its parts around the band:
    /// with another line it may fit.
    tried: Vec<usize>,
    /// Where the card's parts around the band lie in its file, and their rows' sums.
    outer: [Range<usize>; 2],
    sums: [u32; 2],
}

impl Band {
    /// The record, and the card it is about, if both are there and agree.
    fn read(path: &Path, dir: &Path) -> Option<(Band, Vec<u8>)> {
        let band: Band = serde_json::from_slice(&std::fs::read(path).ok()?).ok()?;
        let png = std::fs::read(dir.join(&band.card)).ok()?;
        let fits = band
            .outer
            .iter()
            .all(|r| r.start <= r.end && r.end <= png.len());
        fits.then_some((band, png))
    }

    /// A card made, with its record (named for its file when it is written).
    fn made(d: Drawing, png: Encoded, detail: Option<usize>, tried: Vec<usize>) -> (Encoded, Band) {
        let band = Band {
            card: String::new(),
            layout: d.layout,
            rows: d.band,
            detail,
            tried,
            outer: png.outer.clone(),
            sums: png.sums,
        };
        (png, band)
    }
}

/// A card drawn, not encoded yet: the rows asked for, and where its line's band is.
struct Drawing {
    rows: Vec<u8>,
    band: Range<usize>,
    layout: Layout,
}

/// Draws a card from nothing.
fn draw(card: &Card, image: Option<&crate::images::Image>, fonts: &Fonts) -> (Encoded, Band) {
    let photo = image.and_then(crate::images::load_largest);
    let mut tried = Vec::new();
    if let Some(photo) = &photo {
        for (i, &(levels, block)) in DETAIL.iter().enumerate() {
            let d = draw_with(card, Some((photo, levels, block)), fonts, 0..HEIGHT);
            let png = parts::encode(&d.rows, d.band.clone());
            if png.png.len() <= MAX_BYTES {
                return Band::made(d, png, Some(i), tried);
            }
            tried.push(png.outer_len());
        }
    }
    let d = draw_with(card, None, fonts, 0..HEIGHT);
    let png = parts::encode(&d.rows, d.band.clone());
    Band::made(d, png, None, tried)
}

/// Makes a card from `before`, a cached card that differs from it only in its line, as `draw`
/// would make it from nothing; none if it cannot be.
fn again(
    card: &Card,
    image: Option<&crate::images::Image>,
    fonts: &Fonts,
    band: &Band,
    before: &[u8],
) -> Option<(Encoded, Band)> {
    let photo = image.and_then(crate::images::load_largest);
    // Only the band's rows are drawn; a drawing whose band is not where it was cannot be used.
    let drawn = |photo| {
        let d = draw_with(card, photo, fonts, band.rows.clone());
        (d.layout == band.layout && d.band == band.rows).then_some(d)
    };
    // A detail too large with the other line may fit with this one: then it is drawn from nothing.
    for (&(levels, block), &outer) in DETAIL.iter().zip(&band.tried) {
        let d = drawn(Some((photo.as_ref()?, levels, block)))?;
        if parts::len_with(&d.rows, outer) <= MAX_BYTES {
            return None;
        }
    }
    let photo = match band.detail {
        Some(i) => Some((photo.as_ref()?, DETAIL.get(i)?.0, DETAIL[i].1)),
        None => None,
    };
    let d = drawn(photo)?;
    let outer = Outer {
        deflated: band.outer.clone().map(|r| &before[r]),
        sums: band.sums,
    };
    let png = Encoded::again(&d.rows, d.band.clone(), outer);
    if photo.is_some() && png.png.len() > MAX_BYTES {
        return None;
    }
    Some(Band::made(d, png, band.detail, band.tried.clone()))
}

fn draw_with(
    card: &Card,
    photo: Option<(&crate::images::pixels::Pixels, usize, usize)>,
    fonts: &Fonts,
    rows: Range<usize>,
) -> Drawing {
    let regular = Font::new(&fonts.regular).expect("checked when loaded");
    let bold = Font::new(&fonts.bold).expect("checked when loaded");
    let lang = card.lang.as_str();
    let mut c = Canvas::new(rows);
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
                    bold.draw(
                        &mut c,
                        &line,
                        x,
                        side as f32 / 2.0 + size * 0.36,
                        size,
                        &GREY,
                    );
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
    let max_lines = 3;
    let (size, lines) = bold.fit(&card.title, sizes, width, max_lines, lang);
    for l in &lines {
        y += size * 1.18;
        bold.draw(&mut c, &bold.shape(l, size, lang), left, y, size, &GREY);
    }
    // The band takes the line's lines and their descenders; nothing the line draws leaves it.
    let line = (!card.line.is_empty()).then(|| {
        let size = if card.kind == Kind::Site { 34.0 } else { 40.0 };
        regular.fit(&card.line, &[size, size * 0.85], width, 3, lang)
    });
    let layout = match &line {
        Some((size, lines)) => Layout {
            size: *size,
            lines: lines.len(),
        },
        None => Layout {
            size: 0.0,
            lines: 0,
        },
    };
    let band = y as usize..(y + layout.band_height()).ceil() as usize;
    c.clip(Some(band.clone()));
    if let Some((size, lines)) = &line {
        y += 26.0;
        for l in lines {
            y += size * 1.25;
            regular.draw(
                &mut c,
                &regular.shape(l, *size, lang),
                left,
                y,
                *size,
                &GREY,
            );
        }
    }
    c.clip(None);
    let size = 28.0;
    let (_, lines) = regular.fit(&card.footer, &[size], width, 2, lang);
    let mut fy = HEIGHT as f32 - 56.0 - (lines.len() as f32 - 1.0) * size * 1.3;
    for l in &lines {
        regular.draw(
            &mut c,
            &regular.shape(l, size, lang),
            left,
            fy,
            size,
            &GREY[..6],
        );
        fy += size * 1.3;
    }
    Drawing {
        rows: c.rows(),
        band: band.start.min(HEIGHT)..band.end.min(HEIGHT),
        layout,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fonts() -> Fonts {
        Fonts::load(Path::new(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/themes/default"
        )))
        .unwrap()
    }

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

    /// The rows of a card made again are only those of its band: a line that reached past it
    /// would be cut there, on the day's card and the card drawn from nothing alike.
    #[test]
    fn a_line_stays_inside_its_band_and_changes_nothing_around_it() {
        let fonts = fonts();
        let lines = [
            "1 234 gün həbsdə",
            "İÇŞĞ gjpqy ÉÖÜ, Йёщ (ġ) — quite a long line of words to fill two or three lines \
             of the card's width at its size, and longer still, so that it wraps",
        ];
        for title in [
            "Əli",
            "Ələsgər Məmmədli Şıxəliyev Qurbanov Ağayev Gülalıyev",
        ] {
            let bare = draw_with(&card(title, ""), None, &fonts, 0..HEIGHT);
            for line in lines {
                let d = draw_with(&card(title, line), None, &fonts, 0..HEIGHT);
                assert!(d.layout.lines > 0 && !d.band.is_empty());
                let row = |rows: &[u8], r: usize| rows[r * ROW_BYTES..][..ROW_BYTES].to_vec();
                let differ = |r| row(&d.rows, r) != row(&bare.rows, r);
                let changed: Vec<usize> = (0..HEIGHT).filter(|&r| differ(r)).collect();
                assert!(!changed.is_empty(), "{line}: drawn nowhere");
                // Nothing at the band's edges: nothing of the line was cut.
                let inside = d.band.start + 1..d.band.end - 1;
                assert!(
                    changed.iter().all(|r| inside.contains(r)),
                    "{title} / {line}: rows {changed:?}, band {:?}",
                    d.band
                );
            }
        }
    }
}
