//! Stage 4: turn the frozen `Site` into files, every page rendered in parallel.
//!
//! Each page is rendered (minified as it comes: the templates are compact, see `compact`), checked
//! for links that lead nowhere and written straight away, so memory stays flat whatever the size of
//! the site.

pub(crate) mod attrs;
pub(crate) mod calendar;
mod compact;
pub mod drawn;
mod feeds;
mod pages;
mod relative;
mod templates;
pub mod views;

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::diag::{Diagnostic, Diagnostics};
use crate::i18n::Strings;
use crate::model::Site;
use crate::opendata::Spans;
use crate::text::Lang;
use crate::urls;
use drawn::Drawn;
use pages::Page;
use views::{Alternate, Common, Link, OgImage, Share, Views};

pub use relative::relative;
pub use templates::Theme;

/// How pages link to each other: from the root of `base_url`'s path (`/vigil/people/`), or relative
/// to each page (`../people/index.html`) for a copy that works anywhere, `file://` included.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Links {
    Rooted,
    Relative,
}

/// What a build wrote, for the closing line.
#[derive(Default, Debug)]
pub struct Written {
    pub pages: usize,
    pub files: usize,
    pub bytes: usize,
}

/// One unit of rendering: a page in one language.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Job {
    Home,
    People,
    Listing(Listing),
    Person(usize),
    Alias(usize, usize),
    Statements,
    Statement(usize),
    Organisations,
    Organisation(usize),
    Content(usize),
    ThisMonth,
    NotFound,
}

/// A page of the people of one status, profession, case, charge or prison (an index into
/// `site.index.people_of_status`, or into the site's list of them).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Listing {
    Status(usize),
    Profession(usize),
    Case(usize),
    Charge(usize),
    Prison(usize),
}

impl Listing {
    /// Every listing with someone in it: those with a page.
    pub fn all(site: &Site) -> Vec<Listing> {
        let ix = &site.index;
        let mut out: Vec<Listing> = (0..ix.people_of_status.len())
            .map(Listing::Status)
            .collect();
        out.extend((0..ix.people_of_profession.len()).map(Listing::Profession));
        out.extend((0..ix.people_of_case.len()).map(Listing::Case));
        out.extend((0..ix.people_of_charge.len()).map(Listing::Charge));
        out.extend((0..ix.people_of_prison.len()).map(Listing::Prison));
        out.retain(|l| !l.people(site).is_empty());
        out
    }

    /// The listing's page, language-neutral (`people/status/detained/`).
    pub fn path(self, site: &Site) -> String {
        match self {
            Listing::Status(i) => urls::status(site.index.people_of_status[i].0),
            Listing::Profession(i) => urls::profession(&site.professions[i].id),
            Listing::Case(i) => urls::case(&site.cases[i].id),
            Listing::Charge(i) => urls::charge(&site.charges[i].id),
            Listing::Prison(i) => urls::prison(&site.prisons[i].id),
        }
    }

    pub fn people(self, site: &Site) -> &[usize] {
        let ix = &site.index;
        match self {
            Listing::Status(i) => &ix.people_of_status[i].1,
            Listing::Profession(i) => &ix.people_of_profession[i],
            Listing::Case(i) => &ix.people_of_case[i],
            Listing::Charge(i) => &ix.people_of_charge[i],
            Listing::Prison(i) => &ix.people_of_prison[i],
        }
    }
}

pub fn jobs(site: &Site) -> Vec<(Lang, Job)> {
    let mut out = Vec::new();
    for lang in site.config.langs() {
        out.extend(
            [
                Job::Home,
                Job::People,
                Job::Statements,
                Job::Organisations,
                Job::ThisMonth,
            ]
            .map(|j| (lang, j)),
        );
        out.extend(
            Listing::all(site)
                .into_iter()
                .map(|l| (lang, Job::Listing(l))),
        );
        out.extend((0..site.profiles.len()).map(|i| (lang, Job::Person(i))));
        for (i, p) in site.profiles.iter().enumerate() {
            out.extend((0..p.aliases.len()).map(|a| (lang, Job::Alias(i, a))));
        }
        out.extend((0..site.statements.len()).map(|i| (lang, Job::Statement(i))));
        out.extend((0..site.organisations.len()).map(|i| (lang, Job::Organisation(i))));
        out.extend((0..site.pages.len()).map(|i| (lang, Job::Content(i))));
    }
    // GitHub Pages serves one 404 page, at the root, in the default language.
    out.push((Lang::DEFAULT, Job::NotFound));
    out
}

fn pages_of(v: &Views, drawn: &Drawn, job: Job) -> Vec<Page> {
    match job {
        Job::Home => vec![pages::home(v, drawn)],
        Job::People => vec![pages::people(v, drawn)],
        Job::Listing(l) => vec![pages::listing(v, drawn, l)],
        Job::Person(i) => vec![pages::person(v, drawn, i)],
        Job::Alias(i, a) => vec![pages::alias(v, i, &v.site.profiles[i].aliases[a])],
        Job::Statements => vec![pages::statements(v)],
        Job::Statement(i) => vec![pages::statement(v, drawn, i)],
        Job::Organisations => vec![pages::organisations(v)],
        Job::Organisation(i) => vec![pages::organisation(v, drawn, i)],
        Job::Content(i) => vec![pages::content(v, i)],
        Job::ThisMonth => vec![calendar::this_month(v, drawn)],
        Job::NotFound => vec![pages::not_found(v)],
    }
}

/// Renders pages: the site (with every file a build writes, `Site::outputs`, against which each
/// page's links are checked as it is rendered) and its theme.
pub struct Renderer<'a> {
    pub site: &'a Site,
    pub strings: &'a [Strings],
    pub theme: &'a Theme,
    /// Every person's card, as the theme draws it.
    pub drawn: &'a Drawn,
    links: Links,
    /// The theme's words of each language, as templates see them.
    words: Vec<tera::Value>,
}

impl<'a> Renderer<'a> {
    pub fn new(
        site: &'a Site,
        strings: &'a [Strings],
        theme: &'a Theme,
        drawn: &'a Drawn,
        links: Links,
    ) -> Self {
        Renderer {
            site,
            strings,
            theme,
            drawn,
            links,
            words: strings.iter().map(templates::words).collect(),
        }
    }

    /// Renders `jobs` in parallel; `emit` gets each page as (job's index in `jobs`, output file,
    /// HTML) and turns it into what the caller keeps (a written file, a page in memory).
    pub fn pages<T: Send>(
        &self,
        jobs: &[(Lang, Job)],
        emit: impl Fn(usize, String, Vec<u8>) -> Result<T, Diagnostic> + Sync,
    ) -> (Vec<T>, Diagnostics) {
        let site = self.site;
        let results: Vec<Result<T, Diagnostic>> = jobs
            .par_iter()
            .enumerate()
            // A job may make hundreds of pages (the listings): they too are shared out.
            .flat_map(|(i, &(lang, job))| {
                let v = Views::new(site, self.strings, lang);
                pages_of(&v, self.drawn, job)
                    .into_par_iter()
                    .map(move |page| (i, lang, page))
            })
            .map(|(i, lang, mut page)| {
                let t = &self.words[lang.index()];
                let html = render_page(site, self.strings, self.theme, lang, t, &mut page)?;
                // The cards' links were checked when they were drawn.
                if let Some(d) = dead_link(site, &html, self.theme, page.template) {
                    return Err(d);
                }
                let html = self.drawn.fill(lang, html, &page.lists);
                let file = urls::file(&site.config, lang, &page.path);
                let html = match self.links {
                    Links::Rooted => html,
                    Links::Relative => relative::relativize(&html, &site.config.base_path, &file),
                };
                emit(i, file, html)
            })
            .collect();
        let mut diags = Diagnostics::default();
        let mut out = Vec::with_capacity(results.len());
        // A template mistake fails every page that uses it: report it once.
        let mut seen = HashSet::new();
        for r in results {
            match r {
                Ok(t) => out.push(t),
                Err(d) => {
                    if seen.insert(d.render()) {
                        diags.push(d);
                    }
                }
            }
        }
        (out, diags)
    }
}

/// Renders every page and writes it, with the site's other files, into `out`.
pub fn render(
    site: &Site,
    strings: &[Strings],
    theme: &Theme,
    out: &Path,
    links: Links,
) -> Result<Written, Diagnostics> {
    // The files beside the pages are made and written while the pages render.
    let ((sizes, mut diags), ((copied, card_problems), data)) = rayon::join(
        || {
            let (drawn, problem) = match Drawn::new(site, strings, theme) {
                Ok(drawn) => (drawn, None),
                Err(d) => (Drawn::blank(site, strings), Some(d)),
            };
            let renderer = Renderer::new(site, strings, theme, &drawn, links);
            // Without cards the pages are still rendered, for the other templates' mistakes; the
            // build fails, and what it wrote is thrown away.
            let (sizes, mut diags) = renderer.pages(&jobs(site), |_, file, html| {
                crate::write::file(out, &file, &html).map(|()| html.len())
            });
            diags.extend(problem.into_iter().collect());
            (sizes, diags)
        },
        || {
            rayon::join(
                || {
                    // Cards are drawn (or found in the cache) and linked like the photos.
                    let (cards, problems) = match crate::cards::files(site, strings, &theme.fonts) {
                        Ok(cards) => (cards, Diagnostics::default()),
                        Err(d) => (Vec::new(), d),
                    };
                    // A file of the cache published under two names (namesakes' identical cards,
                    // one photo saved as two files) is linked once and copied for the others: the
                    // site must not hold two names of one file (GitHub Pages refuses an archive
                    // with hard links; its own action's tar makes each a file, another may not).
                    let mut linked = HashSet::new();
                    let cached: Vec<(&Path, &str, bool)> = site
                        .media
                        .files()
                        .chain(cards.iter().map(|(src, rel)| (src.as_path(), rel.as_str())))
                        .map(|(src, rel)| (src, rel, linked.insert(src)))
                        .collect();
                    let copied = campaign_files(site, theme)
                        .par_iter()
                        .map(|(src, rel)| crate::write::copy(src, out, rel))
                        .chain(cached.par_iter().map(|&(src, rel, first)| {
                            if first {
                                crate::write::link(src, out, rel)
                            } else {
                                crate::write::copy(src, out, rel)
                            }
                        }))
                        .map(|r| r.map(|n| n as usize))
                        .collect::<Vec<_>>();
                    (copied, problems)
                },
                || {
                    data_files(site, strings)
                        .0
                        .par_iter()
                        .map(|(rel, content)| {
                            crate::write::file(out, rel, content.as_bytes()).map(|()| content.len())
                        })
                        .collect::<Vec<_>>()
                },
            )
        },
    );
    let mut written = Written {
        pages: sizes.len(),
        bytes: sizes.iter().sum(),
        files: 0,
    };
    diags.extend(card_problems);
    for r in copied.into_iter().chain(data) {
        match r {
            Ok(n) => {
                written.files += 1;
                written.bytes += n;
            }
            Err(d) => diags.push(d),
        }
    }
    if diags.has_errors() {
        Err(diags)
    } else {
        Ok(written)
    }
}

/// Charts (SVG and CSV) and open data: the files made from the site's data beside the pages.
fn generated_files(site: &Site, strings: &[Strings]) -> (Vec<(String, String)>, Spans) {
    let (mut out, (data, spans)) = rayon::join(
        || crate::charts::files(site, strings),
        || crate::opendata::files(site, strings),
    );
    out.extend(data);
    (out, spans)
}

/// The sitemap (output path, content): every page's address, the listings' included.
pub fn sitemap(site: &Site) -> (String, String) {
    ("sitemap.xml".into(), feeds::sitemap(site))
}

/// The sitemap of `site` made from `before`, that of the site before the listing pages `gone`
/// went and `new` appeared; made whole when there is no such sitemap to start from.
pub fn sitemap_relisted(
    site: &Site,
    before: Option<&str>,
    gone: &[String],
    new: &[String],
) -> (String, String) {
    match before.and_then(|b| feeds::sitemap_relisted(site, b, gone, new)) {
        Some(x) => ("sitemap.xml".into(), x),
        None => sitemap(site),
    }
}

/// Every file written beside the pages: charts, open data, the feeds, the sitemap, robots.txt and
/// the host's markers: (output path, content); and where each person is in the open data.
pub fn data_files(site: &Site, strings: &[Strings]) -> (Vec<(String, String)>, Spans) {
    let ((mut out, spans), feeds) = rayon::join(
        || generated_files(site, strings),
        || feeds::files(site, strings),
    );
    out.extend(feeds);
    (out, spans)
}

/// Files published beside the pages: the theme's static folder, content assets, and every width
/// of every image (from the cache, stripped of metadata; never the original).
pub fn other_files(site: &Site, theme: &Theme) -> Vec<(PathBuf, String)> {
    let mut out = campaign_files(site, theme);
    out.extend(
        site.media
            .files()
            .map(|(cached, rel)| (cached.to_path_buf(), rel.to_string())),
    );
    out
}

/// The theme's and the campaign's files published as they are.
fn campaign_files(site: &Site, theme: &Theme) -> Vec<(PathBuf, String)> {
    let mut out: Vec<(PathBuf, String)> = theme.static_files.clone();
    out.extend(site.assets.iter().cloned());
    out
}

fn render_page(
    site: &Site,
    strings: &[Strings],
    theme: &Theme,
    lang: Lang,
    t_value: &tera::Value,
    page: &mut Page,
) -> Result<Vec<u8>, Diagnostic> {
    let config = &site.config;
    let t = &strings[lang.index()];
    let languages = config
        .langs()
        .map(|l| {
            let href = if page.in_every_language {
                urls::href(config, l, &page.path)
            } else {
                config.lang_root(l)
            };
            Alternate {
                code: config.code(l).to_string(),
                name: strings[l.index()].language_name.clone(),
                absolute: config.absolute(&href),
                href,
                current: l == lang,
            }
        })
        .collect();
    let section = page.path.split('/').next().unwrap_or("");
    let mut nav: Vec<Link> = [
        ("", &t.nav_home),
        ("people", &t.nav_people),
        ("statements", &t.nav_statements),
        ("organisations", &t.nav_organisations),
    ]
    .into_iter()
    .map(|(p, label)| Link {
        href: urls::href(
            config,
            lang,
            &if p.is_empty() {
                String::new()
            } else {
                format!("{p}/")
            },
        ),
        label: label.clone(),
        current: p == section,
        note: None,
    })
    .collect();
    let mut menu: Vec<_> = site
        .pages
        .iter()
        .filter_map(|p| p.menu.map(|m| (m, p)))
        .collect();
    menu.sort_by_key(|(m, p)| (*m, p.path.clone()));
    nav.extend(menu.into_iter().map(|(_, p)| Link {
        href: urls::href(config, lang, &urls::page(&p.path)),
        label: p.title.in_lang(lang).into(),
        current: page.path == urls::page(&p.path),
        note: None,
    }));
    let default_name = &strings[0].language_name;
    let canonical = config.absolute(&urls::href(config, lang, &page.path));
    let views = Views::new(site, strings, lang);
    let (card_path, alt) = match page.card {
        pages::Card::Site => (
            crate::cards::site_path(config, lang),
            crate::cards::alt(&views, None, None),
        ),
        pages::Card::Person(i) => (
            crate::cards::person_path(config, lang, &site.profiles[i].slug),
            crate::cards::alt(&views, Some(i), None),
        ),
        pages::Card::Statement(i) => (
            crate::cards::statement_path(config, lang, &site.statements[i].slug),
            crate::cards::alt(&views, None, Some(i)),
        ),
    };
    let image = OgImage {
        url: config.absolute(&urls::asset_href(config, &card_path)),
        width: crate::cards::CARD_WIDTH,
        height: crate::cards::CARD_HEIGHT,
        alt,
    };
    let share = (page.card != pages::Card::Site).then(|| share(&canonical, &page.title, t));
    let common = Common {
        lang: config.code(lang),
        t,
        site_title: config.title.in_lang(lang),
        site_description: config.description.in_lang(lang),
        root: config.lang_root(lang),
        stylesheet: urls::asset_href(config, "static/style.css"),
        static_root: urls::asset_href(config, "static/"),
        nav,
        languages,
        canonical,
        title: page.title.clone(),
        description: page.description.clone(),
        feed: urls::href(config, lang, &urls::feed()),
        notice: page
            .fallback
            .then(|| t.not_translated.replace("{language}", default_name)),
        default_lang: config.code(Lang::DEFAULT),
        build_date: t.date(crate::date::PartialDate::from_date(site.today)),
        build_date_iso: crate::date::PartialDate::from_date(site.today).to_string(),
        locale: &t.locale,
        locale_alternates: config
            .langs()
            .filter(|&l| l != lang)
            .map(|l| strings[l.index()].locale.clone())
            .collect(),
        image,
        share,
    };
    let view = std::mem::replace(&mut page.view, tera::Value::none());
    theme.render(page.template, &common, t_value, view)
}

/// Plain links to each service's own share address: nothing of theirs is loaded until a reader
/// follows one.
fn share(url: &str, title: &str, t: &Strings) -> Share {
    let (u, text) = (percent(url), percent(title));
    let link = |label: &str, href: String| Link {
        href,
        label: label.to_string(),
        current: false,
        note: None,
    };
    Share {
        url: url.to_string(),
        title: title.to_string(),
        links: vec![
            link(
                "Telegram",
                format!("https://t.me/share/url?url={u}&text={text}"),
            ),
            link("WhatsApp", format!("https://wa.me/?text={text}%20{u}")),
            link(
                "X",
                format!("https://x.com/intent/post?url={u}&text={text}"),
            ),
            link(
                "Facebook",
                format!("https://www.facebook.com/sharer/sharer.php?u={u}"),
            ),
            link(&t.share_email, format!("mailto:?subject={text}&body={u}")),
        ],
    }
}

/// Percent-encodes everything but the unreserved characters of RFC 3986.
fn percent(s: &str) -> String {
    let mut out = String::with_capacity(s.len() * 3);
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// A link in the rendered page, under the site's path, to a file the build does not write.
fn dead_link(site: &Site, html: &[u8], theme: &Theme, template: &str) -> Option<Diagnostic> {
    let base = &site.config.base_path;
    let mut folder = String::new();
    for range in attrs::links_in(html) {
        let value = std::str::from_utf8(&html[range]).ok()?;
        if value.starts_with("//") {
            continue;
        }
        let Some(path) = value.strip_prefix(base.as_str()) else {
            continue;
        };
        let path = path.split(['#', '?']).next().unwrap_or("");
        let file = if path.is_empty() || path.ends_with('/') {
            folder.clear();
            folder.push_str(path);
            folder.push_str("index.html");
            folder.as_str()
        } else {
            path
        };
        if !site.outputs.contains(file) {
            return Some(Diagnostic::error(
                theme.template_path(template),
                format!("a page links to `{value}`, which this build does not write"),
            ));
        }
    }
    None
}
