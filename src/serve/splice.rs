//! When one person's card changes, a page listing many people differs from before by that card
//! alone: the preview puts the new card in place of the old in the page it already has, rather
//! than rendering and minifying again a page of thousands of cards (the people page at 10,000
//! people: 6 MB, 150 ms to minify alone).

use crate::i18n::Strings;
use crate::model::Site;
use crate::render::Theme;
use crate::render::views::Views;
use crate::text::Lang;

/// The forms a page may show a card in: its heading level, and the people page's finder data.
const FORMS: [(u8, bool); 3] = [(3, false), (2, false), (3, true)];

/// One person's card in every form and language, minified as it stands in a page.
pub struct Cards {
    forms: Vec<Vec<String>>,
    /// The person's address in each language, to tell a page that shows them otherwise.
    href: Vec<String>,
}

/// The cards of person `i` as `site` has them; `None` if the theme cannot draw one alone.
pub fn cards(site: &Site, strings: &[Strings], theme: &Theme, i: usize) -> Option<Cards> {
    let mut forms = Vec::new();
    let mut href = Vec::new();
    for lang in site.config.langs() {
        let v = Views {
            site,
            lang,
            t: &strings[lang.index()],
        };
        let card = v.person(i);
        let drawn = FORMS
            .iter()
            .map(|&(h, filters)| {
                let html = theme.card_fragment(&card, h, filters)?;
                String::from_utf8(crate::write::minify(html.as_bytes())).ok()
            })
            .collect::<Option<Vec<String>>>()?;
        forms.push(drawn);
        href.push(card.href);
    }
    Some(Cards { forms, href })
}

/// `page` (in `lang`) with the `old` card replaced by the `new` one; the page as it was when it
/// does not show the person; `None` when that cannot be told for sure (then it is rendered again):
/// the old card is not found once in a single form, yet the page links to the person.
pub fn splice(page: &[u8], lang: Lang, old: &Cards, new: &Cards) -> Option<Vec<u8>> {
    let page = std::str::from_utf8(page).ok()?;
    let l = lang.index();
    let mut found = None;
    for (form, before) in old.forms[l].iter().enumerate() {
        let mut at = page.match_indices(before.as_str()).map(|(i, _)| i);
        if let Some(first) = at.next() {
            if at.next().is_some() || found.is_some() {
                return None;
            }
            found = Some((first, form));
        }
    }
    let Some((at, form)) = found else {
        return (!page.contains(old.href[l].as_str())).then(|| page.as_bytes().to_vec());
    };
    let (before, after) = (&old.forms[l][form], &new.forms[l][form]);
    let mut out = String::with_capacity(page.len() + after.len());
    out.push_str(&page[..at]);
    out.push_str(after);
    out.push_str(&page[at + before.len()..]);
    Some(out.into_bytes())
}
