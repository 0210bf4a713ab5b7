//! When one person's card changes, a page listing many people differs from before by that card
//! alone: the preview puts the new card in place of the old in the page it already has, rather
//! than rendering again a page of thousands of cards (the people page at 10,000 people: 4.7 MB a
//! language).

use memchr::memmem;

use crate::render::drawn::Drawing;
use crate::text::Lang;

/// What a page that lists many people becomes when one person's card changes.
pub enum Spliced {
    /// The page does not show the person: it stays as it is.
    Same,
    /// The page with the new card in place of the old one.
    New(Vec<u8>),
}

/// `page` (in `lang`) with the `old` card replaced by the `new` one (one person's cards in every
/// language, from `Drawn`); `None` when that cannot be
/// told for sure (then it is rendered again): the old card is not found once in a single form, yet
/// the page links to the person. The pages searched run to megabytes (the people page): one pass
/// finds the person's links, and a card is looked for only where one of them would stand in it.
pub fn splice(page: &[u8], lang: Lang, old: &[Drawing], new: &[Drawing]) -> Option<Spliced> {
    let l = lang.index();
    // The person's address, to tell a page that shows them otherwise.
    let href = old[l].href().as_bytes();
    // Where the first link to the person stands in each form of the card.
    let offsets: Vec<Option<usize>> = old[l]
        .forms
        .iter()
        .map(|form| memmem::find(form.as_bytes(), href))
        .collect();
    let mut found = None;
    let mut links = false;
    for at in memmem::find_iter(page, href) {
        links = true;
        for (form, before) in old[l].forms.iter().enumerate() {
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
    let (before, after) = (&old[l].forms[form], &new[l].forms[form]);
    let mut out = Vec::with_capacity(page.len() + after.len());
    out.extend_from_slice(&page[..at]);
    out.extend_from_slice(after.as_bytes());
    out.extend_from_slice(&page[at + before.len()..]);
    Some(Spliced::New(out))
}
