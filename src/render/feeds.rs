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
    let config = &site.config;
    let mut x = String::from(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n",
    );
    for path in urls::all_pages(site) {
        for lang in config.langs() {
            let _ = writeln!(
                x,
                "<url><loc>{}</loc>",
                escape(&config.absolute(&urls::href(config, lang, &path)))
            );
            for alt in config.langs() {
                let _ = writeln!(
                    x,
                    "<xhtml:link rel=\"alternate\" hreflang=\"{}\" href=\"{}\"/>",
                    config.code(alt),
                    escape(&config.absolute(&urls::href(config, alt, &path)))
                );
            }
            x.push_str("</url>\n");
        }
    }
    x.push_str("</urlset>\n");
    x
}
