//! When one person's card changes, a page listing many people differs from before by that card
//! alone: the preview puts the new card in place of the old in the page it already has, rather
//! than rendering again a page of thousands of cards (the people page at 10,000 people: 4.7 MB a
//! language).

use memchr::memmem;

use crate::model::Site;
use crate::render::drawn::Drawing;
use crate::text::Lang;
use crate::urls;

/// One person's card in every form and language, as it stands in a page.
pub struct Cards {
    pub drawings: Vec<Drawing>,
    /// The person's address in each language, to tell a page that shows them otherwise.
    href: Vec<String>,
}

impl Cards {
    /// Person `i`'s cards (every language, from `Drawn`) as `site` has them.
    pub fn new(site: &Site, i: usize, drawings: Vec<Drawing>) -> Cards {
        let path = urls::person(&site.profiles[i].slug);
        let href = site
            .config
            .langs()
            .map(|lang| urls::href(&site.config, lang, &path))
            .collect();
        Cards { drawings, href }
    }
}

/// What a page that lists many people becomes when one person's card changes.
pub enum Spliced {
    /// The page does not show the person: it stays as it is.
    Same,
    /// The page with the new card in place of the old one.
    New(Vec<u8>),
}

/// `page` (in `lang`) with the `old` card replaced by the `new` one; `None` when that cannot be
/// told for sure (then it is rendered again): the old card is not found once in a single form, yet
/// the page links to the person. The pages searched run to megabytes (the people page): one pass
/// finds the person's links, and a card is looked for only where one of them would stand in it.
pub fn splice(page: &[u8], lang: Lang, old: &Cards, new: &Cards) -> Option<Spliced> {
    let l = lang.index();
    let href = old.href[l].as_bytes();
    // Where the first link to the person stands in each form of the card.
    let offsets: Vec<Option<usize>> = old.drawings[l]
        .forms
        .iter()
        .map(|form| memmem::find(form.as_bytes(), href))
        .collect();
    let mut found = None;
    let mut links = false;
    for at in memmem::find_iter(page, href) {
        links = true;
        for (form, before) in old.drawings[l].forms.iter().enumerate() {
            let Some(start) = offsets[form].and_then(|o| at.checked_sub(o)) else {
                continue;
            };
            if page[start..].starts_with(before.as_bytes()) {
                if found.is_some() {
                    return None;
                }
                found = Some((start, form));
            }
        }
    }
    let Some((at, form)) = found else {
        return (!links).then_some(Spliced::Same);
    };
    let (before, after) = (&old.drawings[l].forms[form], &new.drawings[l].forms[form]);
    let mut out = Vec::with_capacity(page.len() + after.len());
    out.extend_from_slice(&page[..at]);
    out.extend_from_slice(after.as_bytes());
    out.extend_from_slice(&page[at + before.len()..]);
    Some(Spliced::New(out))
}
