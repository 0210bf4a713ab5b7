//! Every person's card, drawn once a build by the theme's `card` macro in each form a page shows it
//! and in each language; a list of people is those cards joined. A card stands in up to eight
//! pages (the people page; the listings of its status, profession, case, charges and prison; an
//! organisation's, a statement's, the home page): drawn anew in each, cards were a sixth of a
//! build, and the people page (every card) the bulk of what `vigil serve` rendered for a save.

use rayon::prelude::*;
use serde::Serialize;

use crate::diag::Diagnostic;
use crate::i18n::Strings;
use crate::model::Site;
use crate::text::Lang;

use super::Theme;
use super::views::Views;

/// How a page shows a card: the macro's heading level and whether the card carries the data the
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

    /// The `card` macro's arguments `h` and `filters`.
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

/// The cards of every person in every language: `cards[lang][person]`.
pub struct Drawn {
    cards: Vec<Vec<Forms>>,
}

/// People shown as cards, for templates: how many, and their cards in order.
#[derive(Serialize)]
pub struct Cards {
    pub count: usize,
    pub html: String,
}

impl Drawn {
    pub fn new(site: &Site, strings: &[Strings], theme: &Theme) -> Result<Drawn, Diagnostic> {
        let cards = site
            .config
            .langs()
            .map(|lang| {
                (0..site.profiles.len())
                    .into_par_iter()
                    .map(|i| draw(site, strings, theme, lang, i))
                    .collect::<Result<Vec<Forms>, Diagnostic>>()
            })
            .collect::<Result<_, _>>()?;
        Ok(Drawn { cards })
    }

    /// No card at all, for each person and language: what the pages are rendered with when the
    /// theme could not draw them, so that the build still reports the other templates' mistakes.
    pub fn blank(site: &Site) -> Drawn {
        let none = || Form::ALL.map(|_| Box::<str>::default());
        Drawn {
            cards: site
                .config
                .langs()
                .map(|_| (0..site.profiles.len()).map(|_| none()).collect())
                .collect(),
        }
    }

    /// Person `i`'s cards in every language as `site` has them now.
    pub fn person(
        site: &Site,
        strings: &[Strings],
        theme: &Theme,
        i: usize,
    ) -> Result<Vec<Forms>, Diagnostic> {
        site.config
            .langs()
            .map(|lang| draw(site, strings, theme, lang, i))
            .collect()
    }

    /// Puts person `i`'s cards (every language, from `person`) in place; gives back those they had.
    pub fn replace(&mut self, i: usize, cards: Vec<Forms>) -> Vec<Forms> {
        self.cards
            .iter_mut()
            .zip(cards)
            .map(|(of_lang, new)| std::mem::replace(&mut of_lang[i], new))
            .collect()
    }

    /// The people of `list` as cards in one form.
    pub fn cards(&self, lang: Lang, list: &[usize], form: Form) -> Cards {
        let of_lang = &self.cards[lang.index()];
        let f = form as usize;
        let mut html = String::with_capacity(list.iter().map(|&i| of_lang[i][f].len()).sum());
        for &i in list {
            html.push_str(&of_lang[i][f]);
        }
        Cards {
            count: list.len(),
            html,
        }
    }
}

fn draw(
    site: &Site,
    strings: &[Strings],
    theme: &Theme,
    lang: Lang,
    i: usize,
) -> Result<Forms, Diagnostic> {
    let v = Views {
        site,
        lang,
        t: &strings[lang.index()],
    };
    let card = v.person(i);
    let [a, b, c] = Form::ALL.map(|form| {
        let (h, filters) = form.args();
        theme.card(&card, h, filters).map(String::into_boxed_str)
    });
    Ok([a?, b?, c?])
}
