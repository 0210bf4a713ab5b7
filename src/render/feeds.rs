//! The files beside the pages: Atom feeds, the sitemap, robots.txt, and the host's markers.

use std::fmt::Write as _;

use crate::i18n::Strings;
use crate::model::Site;
use crate::text::Lang;
use crate::urls;

/// (output path, content) of every such file.
pub fn files(site: &Site, strings: &[Strings]) -> Vec<(String, String)> {
    let config = &site.config;
    let mut out = Vec::new();
    for lang in config.langs() {
        out.push((
            urls::file(config, lang, &urls::feed()),
            atom(site, &strings[lang.index()], lang),
        ));
    }
    out.push(super::sitemap(site));
    let sitemap_url = config.absolute(&urls::asset_href(config, "sitemap.xml"));
    out.push((
        "robots.txt".into(),
        format!("User-agent: *\nAllow: /\n\nSitemap: {sitemap_url}\n"),
    ));
    // GitHub Pages would otherwise run Jekyll over the output and drop files that start with `_`.
    out.push((".nojekyll".into(), String::new()));
    if let Some(cname) = &config.cname {
        out.push(("CNAME".into(), format!("{cname}\n")));
    }
    out
}

pub use crate::text::escape;

fn rfc3339(d: time::Date) -> String {
    format!(
        "{:04}-{:02}-{:02}T00:00:00Z",
        d.year(),
        d.month() as u8,
        d.day()
    )
}

fn atom(site: &Site, t: &Strings, lang: Lang) -> String {
    let config = &site.config;
    let abs = |path: &str| config.absolute(&urls::href(config, lang, path));
    let updated = site
        .statements
        .first()
        .map(|s| s.date.earliest())
        .unwrap_or(site.today);
    let mut x = String::new();
    let _ = write!(
        x,
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"{lang}\">\n<title>{title} · {feed}</title>\n<id>{id}</id>\n<link rel=\"self\" href=\"{self_}\"/>\n<link rel=\"alternate\" type=\"text/html\" href=\"{home}\"/>\n<updated>{updated}</updated>\n<author><name>{title}</name></author>\n",
        lang = config.code(lang),
        title = escape(config.title.in_lang(lang)),
        feed = escape(&t.statements_title),
        id = escape(&abs(&urls::statements())),
        self_ = escape(&abs(&urls::feed())),
        home = escape(&abs(&urls::home())),
        updated = rfc3339(updated),
    );
    for s in &site.statements {
        let url = abs(&urls::statement(&s.slug));
        let body = crate::markdown::to_html(s.body.in_lang(lang), site, lang);
        let _ = write!(
            x,
            "<entry>\n<title>{title}</title>\n<id>{url}</id>\n<link rel=\"alternate\" type=\"text/html\" href=\"{url}\"/>\n<updated>{date}</updated>\n<content type=\"html\">{body}</content>\n</entry>\n",
            title = escape(s.title.in_lang(lang)),
            url = escape(&url),
            date = rfc3339(s.date.earliest()),
            body = escape(&body),
        );
    }
    x.push_str("</feed>\n");
    x
}

pub(super) fn sitemap(site: &Site) -> String {
    let mut x = String::from(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n",
    );
    for path in urls::all_pages(site) {
        sitemap_entry(&mut x, &site.config, &path);
    }
    x.push_str(END);
    x
}

const END: &str = "</urlset>\n";

/// The sitemap's entries of the page at `path`, one per language, each naming the others.
fn sitemap_entry(x: &mut String, config: &crate::config::Config, path: &str) {
    for lang in config.langs() {
        let _ = writeln!(x, "{}", sitemap_loc(config, lang, path));
        for alt in config.langs() {
            let _ = writeln!(
                x,
                "<xhtml:link rel=\"alternate\" hreflang=\"{}\" href=\"{}\"/>",
                config.code(alt),
                escape(&config.absolute(&urls::href(config, alt, path)))
            );
        }
        x.push_str("</url>\n");
    }
}

/// How the entries of the page at `path` start, in the first language.
fn sitemap_loc(config: &crate::config::Config, lang: Lang, path: &str) -> String {
    format!(
        "<url><loc>{}</loc>",
        escape(&config.absolute(&urls::href(config, lang, path)))
    )
}

/// The sitemap of the site before listing pages went (`gone`) or appeared (`new`, now in `site`),
/// made the sitemap of `site` by taking out and putting in their entries alone: at 10,000 people
/// the sitemap is megabytes, made whole in tens of milliseconds. `None` where `before` is not
/// such a sitemap.
pub(super) fn sitemap_relisted(
    site: &Site,
    before: &str,
    gone: &[String],
    new: &[String],
) -> Option<String> {
    let config = &site.config;
    let first = config.langs().next()?;
    // The listings and pages are the last entries: looked for from the end, they are found
    // without reading the people's.
    let find = |path: &str| {
        memchr::memmem::rfind(
            before.as_bytes(),
            sitemap_loc(config, first, path).as_bytes(),
        )
    };
    let entry = |path: &str| {
        let mut e = String::new();
        sitemap_entry(&mut e, config, path);
        e
    };
    // (from, to, what goes there) in `before`, made in one copy.
    let mut edits: Vec<(usize, usize, String)> = Vec::new();
    for path in gone {
        let (e, at) = (entry(path), find(path)?);
        before.get(at..at + e.len()).filter(|b| *b == e)?;
        edits.push((at, at + e.len(), String::new()));
    }
    // The listings stand between the organisations and the pages (`urls::all_pages`): each new
    // entry goes before the first entry that follows it there and was there before, the last ones
    // before the end.
    let after: Vec<String> = urls::listings(site)
        .into_iter()
        .chain(site.pages.iter().map(|p| urls::page(&p.path)))
        .collect();
    let end = before
        .len()
        .checked_sub(END.len())
        .filter(|&e| before[e..] == *END)?;
    let mut at: Vec<usize> = new
        .iter()
        .map(|p| after.iter().position(|q| q == p))
        .collect::<Option<_>>()?;
    at.sort_unstable();
    for k in at {
        let to = match after[k + 1..].iter().find(|q| !new.contains(q)) {
            Some(next) => find(next)?,
            None => end,
        };
        edits.push((to, to, entry(&after[k])));
    }
    // Stable: the entries put in at one place stay in their order.
    edits.sort_by_key(|&(from, _, _)| from);
    let mut x =
        String::with_capacity(before.len() + edits.iter().map(|e| e.2.len()).sum::<usize>());
    let mut done = 0;
    for (from, to, put) in edits {
        x.push_str(before.get(done..from)?);
        x.push_str(&put);
        done = to;
    }
    x.push_str(&before[done..]);
    Some(x)
}
