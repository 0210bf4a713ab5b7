//! Preview cards: for each person and each statement, and for the site, in each language, a
//! 1200x630 PNG that link previews (Telegram, WhatsApp, X, Facebook) show. Drawn at build time with
//! the theme's own font, so every machine draws the same card (`draw.rs`); cached by the hash of
//! everything drawn, so an unchanged card is never drawn again, and a new day's card is made from
//! the day before's (`cache.rs`).

mod cache;
pub mod canvas;
mod draw;
mod parts;
pub mod text;

use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};

use crate::config::Config;
use crate::diag::Diagnostics;
use crate::i18n::Strings;
use crate::model::Site;
use crate::render::views::{Views, initials};
use crate::text::Lang;
use crate::urls;
use canvas::{HEIGHT, WIDTH};
use text::Font;

pub const CARD_WIDTH: u32 = WIDTH as u32;
pub const CARD_HEIGHT: u32 = HEIGHT as u32;
/// GitHub Pages refuses a site over 1 GB: 10,000 people with two cards each must fit.
pub const MAX_BYTES: usize = 40 * 1024;

/// Raised when the drawing changes, so that cached cards are drawn again.
const VERSION: u32 = 5;

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
    /// The hash of everything drawn with `fonts` (the cached card's name), and that of everything
    /// but the line with the card's address `rel` (its record's, `cache.rs`: namesakes'
    /// lines may wrap differently, so each card has its own).
    fn hashes(&self, fonts: u64, rel: &str) -> (u64, u64) {
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
        let mut base = h.clone();
        rel.hash(&mut base);
        line.hash(&mut h);
        (h.finish(), base.finish())
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
fn plan<'a>(site: &'a Site, strings: &[Strings], person: Option<usize>) -> Vec<cache::Planned<'a>> {
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
    let (dir, cards) = cached(site, strings, fonts, None)?;
    cache::forget_unused(&dir, &cards);
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
    let (_, cards) = cached(site, strings, fonts, Some(i))?;
    Ok(cards.into_iter().map(|c| (c.file, c.rel)).collect())
}

/// The cards to publish (every card, or those of `person`), drawn where the cache has none yet;
/// and the cache's folder.
fn cached(
    site: &Site,
    strings: &[Strings],
    fonts: &Fonts,
    person: Option<usize>,
) -> Result<(PathBuf, Vec<cache::Cached>), Diagnostics> {
    let dir = site.media.cache_dir.join("cards");
    let cards = cache::draw_cached(&dir, plan(site, strings, person), fonts, hasher(fonts))?;
    Ok((dir, cards))
}

/// Names each card and its record in the cache (`Card::hashes`) for these fonts.
fn hasher(fonts: &Fonts) -> impl Fn(&Card, &str) -> (u64, u64) + Sync {
    let mut h = std::hash::DefaultHasher::new();
    fonts.regular.hash(&mut h);
    fonts.bold.hash(&mut h);
    let fonts = h.finish();
    move |card, rel| card.hashes(fonts, rel)
}
