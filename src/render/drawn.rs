//! Every person's card, drawn once a build by the theme's `card` component in each form a page shows it
//! and in each language, its links checked once. A card stands in up to eight pages (the people
//! page; the listings of its status, profession, case, charges and prison; an organisation's, a
//! statement's, the home page): drawn anew in each, cards were a sixth of a build, and the people
//! page (every card) the bulk of what `vigil serve` rendered for a save.
//!
//! A list of people reaches the template as a short marker, and the page's cards are put in its
//! place once the template has run (`Drawn::fill`): megabytes of cards (the people page: 4.7 MB a
//! language at 10,000 people) are then copied once, into the page, rather than joined, copied into
//! the template's context, printed by it and searched for links with the rest of the page.

use std::collections::HashMap;

use memchr::memmem;
use rayon::prelude::*;
use serde::Serialize;

use crate::diag::Diagnostic;
use crate::i18n::Strings;
use crate::model::Site;
use crate::text::Lang;

use super::Theme;
use super::views::Views;

/// How a page shows a card: the component's heading level and whether the card carries the data the
/// people page's finder sorts by.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Form {
    /// Under a page's own `<h2>` (home, statements, organisations): `h=3`.
    Grid,
    /// The cards are the page's sections (a listing): `h=2`.
    Listing,
    /// The people page: `h=3` with the finder's data.
    Finder,
}

impl Form {
    pub const ALL: [Form; 3] = [Form::Grid, Form::Listing, Form::Finder];

    /// The `card` component's arguments `h` and `filters`.
    fn args(self) -> (u8, bool) {
        match self {
            Form::Grid => (3, false),
            Form::Listing => (2, false),
            Form::Finder => (3, true),
        }
    }
}

/// One person's card in every form (in the order of `Form::ALL`), each no longer than it is: there
/// are 60,000 of them at 10,000 people.
pub type Forms = [Box<str>; 3];

/// One person's card in one language: what the theme's component was given, and what it drew.
#[derive(Clone)]
pub struct Drawing {
    /// The `PersonCard` as templates see it, made once: the component's `p` in each form, and a
    /// person's page shows it again (`page.card`) with up to twelve others' (`page.same_case`),
    /// shared, not copied.
    view: tera::Value,
    pub forms: Forms,
}

impl Drawing {
    /// The person's address in the card's language.
    pub fn href(&self) -> &str {
        href(&self.view)
    }
}

fn href(view: &tera::Value) -> &str {
    view.get_from_path("href")
        .and_then(tera::Value::as_str)
        .unwrap_or("")
}

/// A person's card view as templates see it.
fn view(v: &Views, i: usize) -> tera::Value {
    tera::Value::from_serializable(&v.person(i))
}

/// The cards of every person in every language: `cards[lang][person]`.
pub struct Drawn {
    cards: Vec<Vec<Drawing>>,
    /// Makes this build's markers (`Lists`) unlike anything a page's own text could hold.
    nonce: u64,
}

/// People shown as cards, for templates: how many, and their cards in order (a marker that the
/// cards replace; printed as it is, with `| safe`).
#[derive(Serialize)]
pub struct Cards {
    pub count: usize,
    pub html: String,
}

/// The lists of people one page shows as cards, in the order its view names them.
#[derive(Default)]
pub struct Lists {
    nonce: u64,
    lists: Vec<(Vec<usize>, Form)>,
}

impl Lists {
    /// The people of `list` as cards in one form, for the page's view.
    pub fn cards(&mut self, list: &[usize], form: Form) -> Cards {
        let html = format!("{}{}\u{1}", marker(self.nonce), self.lists.len());
        self.lists.push((list.to_vec(), form));
        Cards {
            count: list.len(),
            html,
        }
    }
}

/// How each marker of a build begins: a control character no template prints, and the nonce.
fn marker(nonce: u64) -> String {
    format!("\u{1}vigil-cards-{nonce:016x}-")
}

impl Drawn {
    pub fn new(site: &Site, strings: &[Strings], theme: &Theme) -> Result<Drawn, Diagnostic> {
        Drawn::again(None, site, strings, theme)
    }

    /// The cards of `site`, those whose view is as it was in `before` (by the person's address)
    /// taken from it rather than drawn again: a rebuild of `vigil serve` that is not patched (a
    /// statement saved, a listing emptied, a profession renamed) draws only the cards that changed.
    /// `before` must come from the same theme.
    pub fn again(
        before: Option<&Drawn>,
        site: &Site,
        strings: &[Strings],
        theme: &Theme,
    ) -> Result<Drawn, Diagnostic> {
        let before: Vec<HashMap<&str, &Drawing>> = before
            .map(|b| {
                b.cards
                    .iter()
                    .map(|of_lang| of_lang.iter().map(|d| (d.href(), d)).collect())
                    .collect()
            })
            .unwrap_or_default();
        let mut cards = Vec::new();
        for lang in site.config.langs() {
            let v = Views::new(site, strings, lang);
            let kept = before.get(lang.index());
            let of_lang = (0..site.profiles.len())
                .into_par_iter()
                .map(|i| {
                    let view = view(&v, i);
                    match kept.and_then(|k| k.get(href(&view))) {
                        Some(&d) if d.view == view => Ok(d.clone()),
                        _ => draw(theme, view),
                    }
                })
                .collect::<Result<Vec<Drawing>, Diagnostic>>()?;
            cards.push(of_lang);
        }
        // A card's links are checked here, once, rather than in each page it stands in.
        let dead = cards.par_iter().flatten().find_map_any(|d| {
            d.forms.iter().find_map(|card| {
                super::dead_link(site, card.as_bytes(), theme, &theme.card_template)
            })
        });
        if let Some(d) = dead {
            return Err(d);
        }
        Ok(Drawn {
            cards,
            nonce: nonce(),
        })
    }

    /// No card at all, for each person and language: what the pages are rendered with when the
    /// theme could not draw them, so that the build still reports the other templates' mistakes.
    pub fn blank(site: &Site, strings: &[Strings]) -> Drawn {
        Drawn {
            cards: site
                .config
                .langs()
                .map(|lang| {
                    let v = Views::new(site, strings, lang);
                    (0..site.profiles.len())
                        .map(|i| Drawing {
                            view: view(&v, i),
                            forms: Form::ALL.map(|_| Box::<str>::default()),
                        })
                        .collect()
                })
                .collect(),
            nonce: nonce(),
        }
    }

    /// Person `i`'s cards in every language as `site` has them now.
    pub fn person(
        site: &Site,
        strings: &[Strings],
        theme: &Theme,
        i: usize,
    ) -> Result<Vec<Drawing>, Diagnostic> {
        site.config
            .langs()
            .map(|lang| {
                let v = Views::new(site, strings, lang);
                draw(theme, view(&v, i))
            })
            .collect()
    }

    /// The person at `from` in the order moved to `to` (`validate::person::move_person`).
    pub fn reorder(&mut self, from: usize, to: usize) {
        for of_lang in &mut self.cards {
            let d = of_lang.remove(from);
            of_lang.insert(to, d);
        }
    }

    /// Puts person `i`'s cards (every language, from `person`) in place; gives back those they had.
    pub fn replace(&mut self, i: usize, cards: Vec<Drawing>) -> Vec<Drawing> {
        self.cards
            .iter_mut()
            .zip(cards)
            .map(|(of_lang, new)| std::mem::replace(&mut of_lang[i], new))
            .collect()
    }

    /// Person `i`'s card in `lang` as templates see it (`PersonCard`).
    pub fn view(&self, lang: Lang, i: usize) -> &tera::Value {
        &self.cards[lang.index()][i].view
    }

    /// A page's collector of lists of people, with this build's markers.
    pub fn lists(&self) -> Lists {
        Lists {
            nonce: self.nonce,
            lists: Vec::new(),
        }
    }

    /// The page `html` (in `lang`) with the cards of each of its `lists` in place of its marker.
    pub fn fill(&self, lang: Lang, html: Vec<u8>, lists: &Lists) -> Vec<u8> {
        if lists.lists.is_empty() {
            return html;
        }
        let of_lang = &self.cards[lang.index()];
        let cards = |k: usize| {
            let (people, form) = &lists.lists[k];
            people
                .iter()
                .map(|&i| of_lang[i].forms[*form as usize].as_bytes())
        };
        let prefix = marker(self.nonce);
        let found: Vec<(usize, usize, usize)> = memmem::find_iter(&html, prefix.as_bytes())
            .filter_map(|start| {
                let digits = start + prefix.len();
                let end = digits + memchr::memchr(1, &html[digits..])?;
                let k: usize = std::str::from_utf8(&html[digits..end]).ok()?.parse().ok()?;
                (k < lists.lists.len()).then_some((start, end + 1, k))
            })
            .collect();
        let size = html.len()
            + found
                .iter()
                .map(|&(_, _, k)| cards(k).map(<[u8]>::len).sum::<usize>())
                .sum::<usize>();
        let mut out = Vec::with_capacity(size);
        let mut at = 0;
        for (start, end, k) in found {
            out.extend_from_slice(&html[at..start]);
            for card in cards(k) {
                out.extend_from_slice(card);
            }
            at = end;
        }
        out.extend_from_slice(&html[at..]);
        out
    }
}

/// A number no one can guess, for the markers.
fn nonce() -> u64 {
    use std::hash::{BuildHasher, RandomState};
    RandomState::new().hash_one(std::process::id())
}

fn draw(theme: &Theme, view: tera::Value) -> Result<Drawing, Diagnostic> {
    let [a, b, c] = Form::ALL.map(|form| {
        let (h, filters) = form.args();
        theme.card(&view, h, filters).map(String::into_boxed_str)
    });
    Ok(Drawing {
        forms: [a?, b?, c?],
        view,
    })
}
