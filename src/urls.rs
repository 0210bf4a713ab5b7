//! Where each page lives. One place decides every address, so links, the sitemap, the link checker
//! and the writer always agree.
//!
//! A `SitePath` is relative to a language's root and language-neutral (`people/anar/`); `href`
//! turns it into a link for one language under `base_url`'s path, `file` into the output file.

use crate::config::Config;
use crate::model::{Site, Status};
use crate::text::Lang;

pub fn home() -> String {
    String::new()
}
pub fn people() -> String {
    "people/".into()
}
pub fn person(slug: &str) -> String {
    format!("people/{slug}/")
}
pub fn status(s: Status) -> String {
    format!("people/status/{}/", s.slug())
}
pub fn profession(id: &str) -> String {
    format!("people/profession/{id}/")
}
pub fn case(id: &str) -> String {
    format!("people/case/{id}/")
}
pub fn charge(id: &str) -> String {
    format!("people/charge/{id}/")
}
pub fn prison(id: &str) -> String {
    format!("people/prison/{id}/")
}
pub fn statements() -> String {
    "statements/".into()
}
pub fn statement(slug: &str) -> String {
    format!("statements/{slug}/")
}
pub fn organisations() -> String {
    "organisations/".into()
}
pub fn organisation(id: &str) -> String {
    format!("organisations/{id}/")
}
pub fn page(path: &str) -> String {
    format!("{path}/")
}
pub fn feed() -> String {
    "atom.xml".into()
}
pub fn this_month() -> String {
    "this-month/".into()
}
pub fn not_found() -> String {
    "404.html".into()
}

/// First path segments the builder writes itself: a page may not take them.
pub const RESERVED: &[&str] = &[
    "people",
    "statements",
    "organisations",
    "media",
    "this-month",
    "data",
    "static",
    "404",
    "atom.xml",
    "sitemap.xml",
    "robots.txt",
];

/// The link to `path` in `lang`: `/vigil/az/people/anar/`.
pub fn href(config: &Config, lang: Lang, path: &str) -> String {
    format!("{}{}", config.lang_root(lang), path)
}

/// The link to a file that is the same in every language (a photo, the stylesheet).
pub fn asset_href(config: &Config, path: &str) -> String {
    format!("{}{}", config.base_path, path)
}

/// The output file for `path` in `lang`, relative to the output folder.
pub fn file(config: &Config, lang: Lang, path: &str) -> String {
    let prefix = if lang.is_default() {
        String::new()
    } else {
        format!("{}/", config.code(lang))
    };
    if path.is_empty() || path.ends_with('/') {
        format!("{prefix}{path}index.html")
    } else {
        format!("{prefix}{path}")
    }
}

/// Every page path a site has, in one language (they are the same in all): what Markdown links may
/// point at.
pub fn all_pages(site: &Site) -> Vec<String> {
    let mut out = vec![
        home(),
        people(),
        statements(),
        organisations(),
        this_month(),
    ];
    // By address, not in the site's order of names: a new name leaves the sitemap as it was.
    let mut people: Vec<String> = site.profiles.iter().map(|p| person(&p.slug)).collect();
    people.sort_unstable();
    out.extend(people);
    out.extend(site.statements.iter().map(|s| statement(&s.slug)));
    out.extend(site.organisations.iter().map(|o| organisation(&o.id)));
    out.extend(listings(site));
    out.extend(site.pages.iter().map(|p| page(&p.path)));
    out
}

/// Whether the page at `path` (`people/prison/x/`) would be a listing's: one of those that exist
/// only while someone is in them.
pub fn is_listing(path: &str) -> bool {
    let Some((kind, rest)) = path.strip_prefix("people/").and_then(|p| p.split_once('/')) else {
        return false;
    };
    ["status", "profession", "case", "charge", "prison"].contains(&kind)
        && rest
            .strip_suffix('/')
            .is_some_and(|id| !id.is_empty() && !id.contains('/'))
}

/// The pages of people by status, profession, case, charge and prison: those that list someone.
pub fn listings(site: &Site) -> Vec<String> {
    crate::render::Listing::all(site)
        .into_iter()
        .map(|l| l.path(site))
        .collect()
}
