//! Links inside the site, written in Markdown as the default language's address (`/people/anar/`),
//! must lead to a page or file the build writes.

use std::collections::HashSet;

use rustc_hash::FxHashMap;

use pulldown_cmark::{Event, Parser, Tag};

use rayon::prelude::*;

use crate::diag::{Diagnostic, Diagnostics, suggest};
use crate::model::Site;
use crate::text::Text;

use super::DocSources;

/// What an internal link points at, once its `#fragment` and `?query` are set aside.
pub enum Target<'a> {
    /// A page, by its language-neutral path (`people/anar/`).
    Page(String),
    /// A file that is the same in every language (`media/photos/anar.jpg`).
    File(&'a str),
}

/// Splits a Markdown link into an internal target, or `None` for external and in-page links.
pub fn internal(dest: &str) -> Option<Result<Target<'_>, ()>> {
    if dest.starts_with('#') || dest.is_empty() || dest.starts_with("//") || has_scheme(dest) {
        return None;
    }
    let Some(path) = dest.strip_prefix('/') else {
        return Some(Err(()));
    };
    let path = path.split(['#', '?']).next().unwrap_or("");
    let last = path.rsplit('/').next().unwrap_or("");
    Some(Ok(if last.contains('.') && !last.ends_with(".html") {
        Target::File(path)
    } else {
        let page = path.trim_end_matches("index.html").trim_end_matches('/');
        Target::Page(if page.is_empty() {
            String::new()
        } else {
            format!("{page}/")
        })
    }))
}

/// Schemes a link may use; anything else (`javascript:`, `data:`, `vbscript:`) could run code.
const SAFE_SCHEMES: &[&str] = &["http", "https", "mailto", "tel"];

/// False for a link whose scheme could run code or carry a document inline.
pub fn safe_scheme(dest: &str) -> bool {
    if !has_scheme(dest) {
        return true;
    }
    let scheme = dest
        .split(':')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    SAFE_SCHEMES.contains(&scheme.as_str())
}

fn has_scheme(dest: &str) -> bool {
    match dest.find(':') {
        Some(i) => dest[..i]
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '+' || c == '-' || c == '.'),
        None => false,
    }
}

/// What a link inside the site may lead to: every page and file the build writes.
pub struct Targets {
    pages: HashSet<String>,
    files: HashSet<String>,
}

impl Targets {
    /// The pages and files of `site`. They change only with what makes addresses: the people,
    /// statements, pages and lists, and who is in each listing (`vigil serve` keeps them while an
    /// edit changes none of that).
    pub fn of(site: &Site, unreadable: &crate::load::Unreadable) -> Targets {
        let mut pages: HashSet<String> = crate::urls::all_pages(site).into_iter().collect();
        // The pages of files that could not be parsed exist all the same; their error is reported.
        pages.extend(unreadable.profiles.iter().map(|s| crate::urls::person(s)));
        pages.extend(
            unreadable
                .statements
                .iter()
                .map(|s| crate::urls::statement(s)),
        );
        pages.extend(unreadable.pages.iter().map(|p| crate::urls::page(p)));
        let files = site
            .assets
            .iter()
            .map(|(_, out)| out.as_str())
            .chain(
                site.profiles
                    .iter()
                    .filter_map(|p| p.photo.as_ref().map(|ph| ph.output.as_str())),
            )
            .chain([
                crate::opendata::PROFILES_CSV,
                crate::opendata::PROFILES_JSON,
                crate::opendata::STATEMENTS_JSON,
                crate::opendata::ORGANISATIONS_JSON,
            ])
            .map(str::to_string)
            .collect();
        Targets { pages, files }
    }

    /// The listing pages `gone` no longer exist and `new` now do (language-neutral paths), after a
    /// person moved in or out of them (`vigil serve`).
    pub fn relist(&mut self, gone: &[String], new: &[String]) {
        for p in gone {
            self.pages.remove(p);
        }
        self.pages.extend(new.iter().cloned());
    }
}

/// The listing pages (`people/prison/x/`) the site's texts link to: such a page goes when its last
/// person leaves it, and `vigil serve`, which then checks the saved person's text alone, must know
/// whether another text's link would lead nowhere.
#[derive(Default, Debug)]
pub struct Linked {
    /// For each listing page, how many texts link to it.
    texts: FxHashMap<String, usize>,
    /// Those each person's biography links to, by slug (of those whose biography links to any).
    people: FxHashMap<String, Vec<String>>,
}

impl Linked {
    /// Whether a text other than the biography of `slug` links to the listing page `path`.
    pub fn by_others(&self, path: &str, slug: &str) -> bool {
        let own = self
            .people
            .get(slug)
            .is_some_and(|pages| pages.iter().any(|p| p == path));
        self.texts.get(path).copied().unwrap_or(0) > usize::from(own)
    }

    /// The person `slug`'s biography now links to the listing pages `pages`; returns those it
    /// linked to before.
    pub fn set_person(&mut self, slug: &str, pages: Vec<String>) -> Vec<String> {
        let before = self.people.remove(slug).unwrap_or_default();
        for p in &before {
            if let Some(n) = self.texts.get_mut(p) {
                *n -= 1;
                if *n == 0 {
                    self.texts.remove(p);
                }
            }
        }
        if !pages.is_empty() {
            self.add(&pages);
            self.people.insert(slug.to_string(), pages);
        }
        before
    }

    fn add(&mut self, pages: &[String]) {
        for p in pages {
            *self.texts.entry(p.clone()).or_default() += 1;
        }
    }
}

/// Reports the links of every text that lead nowhere; returns the listing pages they lead to.
pub(crate) fn check<'a>(
    site: &Site,
    targets: &Targets,
    docs: impl Iterator<Item = &'a DocSources>,
    diags: &mut Diagnostics,
) -> Linked {
    let texts = site
        .profiles
        .iter()
        .map(|p| &p.bio)
        .chain(site.statements.iter().map(|s| &s.body))
        .chain(site.pages.iter().map(|p| &p.body));
    // Each text is read on its own, in parallel; the problems are then reported in file order.
    let texts: Vec<_> = texts.zip(docs).collect();
    let found: Vec<(Vec<Diagnostic>, Vec<String>)> = texts
        .par_iter()
        .map(|(text, sources)| text_problems(site, targets, text, sources))
        .collect();
    let mut linked = Linked::default();
    for (k, (problems, listings)) in found.into_iter().enumerate() {
        for d in problems {
            diags.push(d);
        }
        match site.profiles.get(k) {
            Some(p) => {
                linked.set_person(&p.slug, listings);
            }
            None => linked.add(&listings),
        }
    }
    linked
}

/// The problems of the links of one document's text, in each language it is written in, and the
/// listing pages it links to (each once: see `Linked`).
pub(crate) fn text_problems(
    site: &Site,
    targets: &Targets,
    text: &Text,
    sources: &DocSources,
) -> (Vec<Diagnostic>, Vec<String>) {
    let (pages, files) = (&targets.pages, &targets.files);
    let mut diags = Vec::new();
    let mut listings: Vec<String> = Vec::new();
    for source in sources {
        let Some(body) = (text.has(source.lang)).then(|| text.get(source.lang).text) else {
            continue;
        };
        // Only a fenced block can be a chart: most texts have none to look for. A chart's `url:`
        // is a link, never an image.
        let in_charts = if body.contains("chart") {
            crate::charts::blocks::links(body)
        } else {
            Vec::new()
        };
        let in_charts = in_charts
            .into_iter()
            .map(|(dest, offset)| (dest, offset, false));
        let written = links(body).into_iter().map(|l| (l.dest, l.offset, l.image));
        for (dest, offset, picture) in written.chain(in_charts) {
            let target = internal(&dest);
            if let Some(Ok(Target::Page(p))) = &target
                && crate::urls::is_listing(p)
                && !listings.contains(p)
            {
                listings.push(p.clone());
            }
            let problem = match target {
                    None if picture && safe_scheme(&dest) && !dest.starts_with('#') => Some((
                        format!("the image `{dest}` is on another site: every reader's browser would ask that site for it"),
                        "save the image under content/ (e.g. content/images/) and write its address from the site root".to_string(),
                    )),
                    None if !safe_scheme(&dest) => Some((
                        format!("the link `{dest}` could run code in a reader's browser"),
                        format!("links may start with {}, or / for a page of this site", SAFE_SCHEMES.join(":, ") + ":"),
                    )),
                    None => continue,
                    Some(Err(())) => Some((
                        format!("the link `{dest}` is relative"),
                        "write links inside the site from its root, as in `/people/anar-mammadli/`".to_string(),
                    )),
                    Some(Ok(Target::Page(p))) if !pages.contains(&p) => Some((
                        format!("the link `{dest}` leads to no page of this site"),
                        suggest(&p, pages.iter().map(String::as_str)).map(|s| s.replacen('`', "`/", 1)).unwrap_or_else(|| "check the address".into()),
                    )),
                    Some(Ok(Target::File(f))) if f.split('/').any(|s| s == "..") => Some((
                        format!("`{dest}` is outside the site"),
                        "files linked from Markdown live under content/ and are linked from the site root".into(),
                    )),
                    Some(Ok(Target::File(f))) if !files.contains(f) => Some((
                        format!("the {} `{dest}` leads to no file of this site", if picture { "image" } else { "link" }),
                        "files linked from Markdown live under content/ and are linked from the site root".into(),
                    )),
                    Some(Ok(Target::File(f))) if picture && !is_picture(site, f) => Some((
                        format!("`{dest}` is not an image"),
                        format!("an image (`![...](...)`) must be a JPEG or PNG file ({})", crate::images::TYPES.join(", ")),
                    )),
                    Some(Ok(Target::Page(_))) if picture => Some((
                        format!("`{dest}` is a page, not an image"),
                        "write the address of a JPEG or PNG file under content/".into(),
                    )),
                    Some(Ok(_)) => None,
                };
            if let Some((message, hint)) = problem {
                let code = site.config.code(source.lang);
                let (line, col) = position(
                    &source.src.text,
                    source.body_line,
                    body,
                    offset,
                    &dest,
                    code,
                );
                diags.push(source.src.error(line, col, message).hint(hint));
            }
        }
    }
    (diags, listings)
}

/// Whether the attribute value at `r` of `html` is the `src` of an `<img>` (the other elements
/// that load something, `<iframe>`, `<script>`..., are dropped by the cleaning whatever they load).
fn is_img_src(html: &str, r: &std::ops::Range<usize>) -> bool {
    let before = &html[..r.start];
    let tag = before.rfind('<').map(|at| &before[at + 1..]).unwrap_or("");
    let name = tag
        .split(|c: char| c.is_ascii_whitespace() || c == '/')
        .next();
    before.trim_end_matches(['"', '\'']).ends_with("src=")
        && name.is_some_and(|n| n.eq_ignore_ascii_case("img"))
}

/// A file the build publishes as an image: a JPEG or PNG under content/, or a profile's photo.
fn is_picture(site: &Site, rel: &str) -> bool {
    if site
        .profiles
        .iter()
        .any(|p| p.photo.as_ref().is_some_and(|ph| ph.output == rel))
    {
        return true;
    }
    site.assets
        .iter()
        .find(|(_, out)| out == rel)
        .is_some_and(|(src, out)| {
            crate::images::is_image_name(out) && super::profiles::is_image(src)
        })
}

/// A link or image destination written in a Markdown text.
pub struct Link {
    pub dest: String,
    /// Byte offset in the text.
    pub offset: usize,
    /// `![...](...)`, or the `src` of an `<img>` written in HTML.
    pub image: bool,
}

/// Every link and image destination in a Markdown text: those written in Markdown, and of HTML
/// written in it the `href`s that lead inside the site and every `src` (the cleaning of raw HTML
/// drops unsafe links and images from other hosts, see `sanitize`: such an image is an error here,
/// where the writer learns of it). One pass of the parser finds both links and images: it is most
/// of what checking a text costs.
pub fn links(markdown: &str) -> Vec<Link> {
    Parser::new(markdown)
        .into_offset_iter()
        .flat_map(|(event, range)| match event {
            Event::Start(Tag::Link { dest_url, .. }) => vec![Link {
                dest: dest_url.to_string(),
                offset: range.start,
                image: false,
            }],
            Event::Start(Tag::Image { dest_url, .. }) => vec![Link {
                dest: dest_url.to_string(),
                offset: range.start,
                image: true,
            }],
            Event::Html(h) | Event::InlineHtml(h) => crate::render::attrs::links(&h)
                .into_iter()
                .filter_map(|r| {
                    let v = &h[r.clone()];
                    let image = is_img_src(&h, &r);
                    ((v.starts_with('/') && !v.starts_with("//")) || image).then(|| Link {
                        dest: v.to_string(),
                        offset: range.start + r.start,
                        image,
                    })
                })
                .collect(),
            _ => Vec::new(),
        })
        .collect()
}

/// Line and column in the file of a link found at `offset` of `body`. For Markdown bodies the body
/// starts at `body_line`; for bodies inside YAML (statements) the link is found in the file's text,
/// from the body's text in language `code` on.
fn position(
    file_text: &str,
    body_line: usize,
    body: &str,
    offset: usize,
    dest: &str,
    code: &str,
) -> (usize, usize) {
    if body_line > 0 {
        let before = &body[..offset];
        let line = body_line + before.matches('\n').count();
        let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        return (line, col);
    }
    let from = crate::yaml::locate(file_text, 0, &["body", code], None).0 - 1;
    for (i, l) in file_text.lines().enumerate().skip(from) {
        if let Some(c) = l.find(dest) {
            return (i + 1, l[..c].chars().count() + 1);
        }
    }
    (1, 1)
}
