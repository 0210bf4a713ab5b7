//! Preview cards: for each person and each statement, and for the site, in each language, a
//! 1200x630 PNG that link previews (Telegram, WhatsApp, X, Facebook) show. Drawn at build time with
//! the theme's own font, so every machine draws the same card; cached in `.vigil-cache/cards/` by
//! the hash of everything drawn, so an unchanged card is never drawn again.

pub mod canvas;
pub mod text;

use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::config::Config;
use crate::diag::{Diagnostic, Diagnostics};
use crate::i18n::Strings;
use crate::model::Site;
use crate::render::views::{Views, initials};
use crate::text::Lang;
use crate::urls;
use canvas::{ACCENT, Canvas, GREY, HEIGHT, WIDTH};
use text::Font;

pub const CARD_WIDTH: u32 = WIDTH as u32;
pub const CARD_HEIGHT: u32 = HEIGHT as u32;
/// GitHub Pages refuses a site over 1 GB: 10,000 people with two cards each must fit.
pub const MAX_BYTES: usize = 40 * 1024;

/// Raised when the drawing changes, so that cached cards are drawn again.
const VERSION: u32 = 3;

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
#[derive(Hash)]
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
    #[allow(dead_code)]
    #[doc(hidden)]
    version: u32,
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
    draw_cached(site, plan(site, strings, None), fonts)
}

/// The cards of the person at `i` alone, as `files` gives them (`vigil serve`, after an edit to
/// that person's card).
pub fn person_files(
    site: &Site,
    strings: &[Strings],
    fonts: &Fonts,
    i: usize,
) -> Result<Vec<(PathBuf, String)>, Diagnostics> {
    draw_cached(site, plan(site, strings, Some(i)), fonts)
}

fn draw_cached(
    site: &Site,
    plan: Vec<(String, Card, Option<&crate::images::Image>)>,
    fonts: &Fonts,
) -> Result<Vec<(PathBuf, String)>, Diagnostics> {
    let dir = site.media.cache_dir.join("cards");
    let mut font_hash = std::hash::DefaultHasher::new();
    fonts.regular.hash(&mut font_hash);
    fonts.bold.hash(&mut font_hash);
    let font_hash = font_hash.finish();
    let results: Vec<Result<(PathBuf, String), Diagnostic>> = plan
        .into_par_iter()
        .map(|(rel, card, image)| {
            let mut h = std::hash::DefaultHasher::new();
            card.hash(&mut h);
            font_hash.hash(&mut h);
            let cached = dir.join(format!("{:016x}.png", h.finish()));
            if !cached.is_file() {
                let png = draw(&card, image, fonts);
                write_atomic(&cached, &png).map_err(|e| {
                    Diagnostic::error(&cached, format!("cannot write a preview card: {e}"))
                })?;
            }
            Ok((cached, rel))
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

fn draw(card: &Card, image: Option<&crate::images::Image>, fonts: &Fonts) -> Vec<u8> {
    let photo = image.and_then(crate::images::load_largest);
    if let Some(photo) = &photo {
        for &(levels, block) in DETAIL {
            let png = draw_with(card, Some((photo, levels, block)), fonts);
            if png.len() <= MAX_BYTES {
                return png;
            }
        }
    }
    draw_with(card, None, fonts)
}

fn draw_with(
    card: &Card,
    photo: Option<(&crate::images::pixels::Pixels, usize, usize)>,
    fonts: &Fonts,
) -> Vec<u8> {
    let regular = Font::new(&fonts.regular).expect("checked when loaded");
    let bold = Font::new(&fonts.bold).expect("checked when loaded");
    let lang = card.lang.as_str();
    let mut c = Canvas::new();
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
    if !card.line.is_empty() {
        let size = if card.kind == Kind::Site { 34.0 } else { 40.0 };
        let (size, lines) = regular.fit(&card.line, &[size, size * 0.85], width, 3, lang);
        y += 26.0;
        for l in &lines {
            y += size * 1.25;
            regular.draw(&mut c, &regular.shape(l, size, lang), left, y, size, &GREY);
        }
    }
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
    c.png()
}
