//! What templates see: small read-only structs built from the frozen `Site` for one language.
//!
//! Everything a template shows is decided here (text in the right language, formatted dates,
//! links under `base_url`), so templates only lay it out.

use serde::Serialize;

use crate::i18n::Strings;
use crate::model::{Profile, Site, Statement, Status};
use crate::text::Lang;
use crate::urls;

/// Parts every page has.
#[derive(Serialize)]
pub struct Common<'a> {
    pub lang: &'a str,
    /// Given to templates as `t`, serialized once per language (`templates::words`).
    #[serde(skip)]
    pub t: &'a Strings,
    pub site_title: &'a str,
    pub site_description: &'a str,
    /// Link to this language's home page.
    pub root: String,
    pub stylesheet: String,
    /// Where the theme's static files are published: `/vigil/static/`.
    pub static_root: String,
    pub nav: Vec<Link>,
    pub languages: Vec<Alternate>,
    pub canonical: String,
    pub title: String,
    pub description: String,
    pub feed: String,
    /// Set when the page's main text is shown in the default language for want of a translation.
    pub notice: Option<String>,
    pub default_lang: &'a str,
    pub build_date: String,
    pub build_date_iso: String,
    /// Open Graph: this language's locale and the others'.
    pub locale: &'a str,
    pub locale_alternates: Vec<String>,
    pub image: OgImage,
    pub share: Option<Share>,
}

#[derive(Serialize, Clone)]
pub struct Link {
    pub href: String,
    pub label: String,
    pub current: bool,
    /// A count or a short note shown beside the link.
    pub note: Option<String>,
}

/// The same page in one language, for the switcher and `hreflang`.
#[derive(Serialize)]
pub struct Alternate {
    pub code: String,
    pub name: String,
    pub href: String,
    pub absolute: String,
    pub current: bool,
}

#[derive(Serialize, PartialEq, Clone)]
pub struct Photo {
    pub src: String,
    pub alt: String,
    /// Every published width, for `srcset`; the largest's size for `width` and `height`.
    pub srcset: String,
    pub width: u32,
    pub height: u32,
}

/// The image link previews show: absolute, with its size and words for who cannot see it.
#[derive(Serialize)]
pub struct OgImage {
    pub url: String,
    pub width: u32,
    pub height: u32,
    pub alt: String,
}

/// Links to share a page, each a plain link to the service's own share address.
#[derive(Serialize)]
pub struct Share {
    pub url: String,
    pub title: String,
    pub links: Vec<Link>,
}

#[derive(Serialize, PartialEq, Clone)]
pub struct PersonCard {
    pub href: String,
    pub name: String,
    pub status: &'static str,
    pub status_label: String,
    /// "412 days" or "since April 2024"; empty when it does not apply.
    pub held: String,
    /// The arrest day (ISO) while days are being counted, so a script can count on to the reader's day.
    pub since: Option<String>,
    pub photo: Option<Photo>,
    pub initials: String,
    pub profession: Option<String>,
    /// For the people index's search and filters: the name in every language, folded.
    pub search: String,
    pub profession_id: Option<String>,
    pub case_id: Option<String>,
}

#[derive(Serialize)]
pub struct StatementCard {
    pub href: String,
    pub title: String,
    pub date: String,
    pub date_iso: String,
    pub signatories: usize,
}

#[derive(Serialize)]
pub struct Group {
    pub key: &'static str,
    pub label: String,
    pub href: String,
    /// How many, from the same query as the charts' `people-by-status`.
    pub count: String,
    pub people: super::drawn::Cards,
}

/// A line of a person's facts box: a label and one or more values.
#[derive(Serialize)]
pub struct Fact {
    pub label: String,
    pub items: Vec<FactItem>,
}

#[derive(Serialize)]
pub struct FactItem {
    pub text: String,
    pub href: Option<String>,
    pub datetime: Option<String>,
    /// A second line: an article's text, a prison's postal address.
    pub note: Option<String>,
}

impl FactItem {
    pub fn text(text: impl Into<String>) -> Self {
        FactItem {
            text: text.into(),
            href: None,
            datetime: None,
            note: None,
        }
    }
}

/// Builds views for one language; holds what every view needs.
pub struct Views<'a> {
    pub site: &'a Site,
    pub lang: Lang,
    pub t: &'a Strings,
}

impl<'a> Views<'a> {
    /// The views of `site` in `lang`, with that language's words from `strings`.
    pub fn new(site: &'a Site, strings: &'a [Strings], lang: Lang) -> Self {
        Views {
            site,
            lang,
            t: &strings[lang.index()],
        }
    }

    pub fn href(&self, path: &str) -> String {
        urls::href(&self.site.config, self.lang, path)
    }

    pub fn held(&self, p: &Profile) -> String {
        if let Some(days) = p.days_held(self.site.today) {
            return self.t.days(days);
        }
        if p.status.is_held() {
            return self.t.since.replace("{date}", &self.t.date(p.arrested));
        }
        String::new()
    }

    pub fn person(&self, i: usize) -> PersonCard {
        let p = &self.site.profiles[i];
        let name = p.name.in_lang(self.lang).to_string();
        PersonCard {
            href: self.href(&urls::person(&p.slug)),
            initials: initials(&name),
            name,
            status: p.status.key(),
            status_label: self.t.status(p.status).to_string(),
            held: self.held(p),
            since: (p.status.is_held() && p.days_held(self.site.today).is_some())
                .then(|| p.arrested.to_string()),
            photo: p.photo.as_ref().and_then(|ph| {
                let image = self.site.media.get(&ph.output)?;
                let largest = image.largest();
                Some(Photo {
                    src: urls::asset_href(&self.site.config, &ph.output),
                    alt: ph.alt.in_lang(self.lang).to_string(),
                    srcset: image.srcset(&self.site.config),
                    width: largest.width,
                    height: largest.height,
                })
            }),
            profession: p
                .profession
                .map(|x| self.site.professions[x].name.in_lang(self.lang).to_string()),
            search: p.search.clone(),
            profession_id: p.profession.map(|x| self.site.professions[x].id.clone()),
            case_id: p.case.map(|x| self.site.cases[x].id.clone()),
        }
    }

    pub fn statement(&self, i: usize) -> StatementCard {
        let s: &Statement = &self.site.statements[i];
        StatementCard {
            href: self.href(&urls::statement(&s.slug)),
            title: s.title.in_lang(self.lang).to_string(),
            date: self.t.date(s.date),
            date_iso: s.date.to_string(),
            signatories: s.signatories.len(),
        }
    }

    pub fn statements(&self, list: &[usize]) -> Vec<StatementCard> {
        list.iter().map(|&i| self.statement(i)).collect()
    }

    pub fn status_groups(&self, lists: &mut super::drawn::Lists) -> Vec<Group> {
        let counts = crate::charts::query::people_by_status(self.site);
        self.site
            .index
            .people_of_status
            .iter()
            .map(|(s, people)| Group {
                key: s.key(),
                label: self.t.status(*s).to_string(),
                href: self.href(&urls::status(*s)),
                count: counts
                    .iter()
                    .find(|(c, _)| c == s)
                    .map(|(_, n)| self.t.number(*n as f64))
                    .unwrap_or_default(),
                people: lists.cards(people, super::drawn::Form::Finder),
            })
            .collect()
    }

    /// Links to the listing pages of one facet (professions, cases, ...), with their counts.
    pub fn facet<T>(
        &self,
        items: &[T],
        people: &[Vec<usize>],
        name: impl Fn(&T) -> String,
        path: impl Fn(&T) -> String,
    ) -> Vec<Link> {
        let mut links: Vec<Link> = items
            .iter()
            .zip(people)
            .filter(|(_, p)| !p.is_empty())
            .map(|(item, p)| Link {
                href: self.href(&path(item)),
                label: name(item),
                current: false,
                note: Some(p.len().to_string()),
            })
            .collect();
        links.sort_by_key(|a| a.label.to_lowercase());
        links
    }

    /// Every status with its count, from the same query as the charts' `people-by-status`.
    pub fn status_links(&self) -> Vec<Link> {
        crate::charts::query::people_by_status(self.site)
            .into_iter()
            .map(|(s, n)| Link {
                href: self.href(&urls::status(s)),
                label: self.t.status(s).to_string(),
                current: false,
                note: Some(self.t.number(n as f64)),
            })
            .collect()
    }

    pub fn held_statuses(&self) -> impl Iterator<Item = Status> {
        Status::ALL.into_iter().filter(|s| s.is_held())
    }
}

/// Up to two initials for the neutral placeholder drawn where there is no photo.
pub fn initials(name: &str) -> String {
    let words: Vec<&str> = name.split_whitespace().collect();
    let pick = match words.as_slice() {
        [] => Vec::new(),
        [one] => vec![*one],
        [first, .., last] => vec![*first, *last],
    };
    pick.iter()
        .filter_map(|w| w.chars().next())
        .flat_map(char::to_uppercase)
        .collect()
}
