//! Markdown to HTML, for one language: internal links are pointed at that language's pages,
//! fenced code is highlighted with CSS classes, and raw HTML is cleaned (see `sanitize`).

use std::sync::OnceLock;

use pulldown_cmark::{CodeBlockKind, CowStr, Event, Options, Parser, Tag, TagEnd};
use syntect::html::{ClassStyle, ClassedHTMLGenerator};
use syntect::parsing::SyntaxSet;
use syntect::util::LinesWithEndings;

use crate::config::Config;
use crate::model::Site;
use crate::text::{Lang, escape};
use crate::validate::links::{Target, internal, safe_scheme};

/// Loaded on the first fenced code block only: most campaign sites never pay for it.
fn syntaxes() -> &'static SyntaxSet {
    static SET: OnceLock<SyntaxSet> = OnceLock::new();
    SET.get_or_init(SyntaxSet::load_defaults_newlines)
}

pub fn to_html(markdown: &str, site: &Site, lang: Lang) -> String {
    to_html_with_charts(markdown, site, lang, None)
}

/// Like `to_html`, drawing each ```` ```chart ```` block with `charts` (a page's text); without it
/// (a biography, a statement) such a block is shown as code.
pub fn to_html_with_charts(
    markdown: &str,
    site: &Site,
    lang: Lang,
    charts: Option<&crate::charts::figure::Context>,
) -> String {
    let config = &site.config;
    // A text's own placeholder characters (private-use, never meant to be shown) could make
    // `put_back` pour vigil's HTML where a writer chose, inside an attribute say: they go first.
    let markdown: std::borrow::Cow<str> = if markdown.contains([PLACEHOLDER, PLACEHOLDER_END]) {
        markdown
            .replace([PLACEHOLDER, PLACEHOLDER_END], "\u{FFFD}")
            .into()
    } else {
        markdown.into()
    };
    let markdown = markdown.as_ref();
    // An image being read: its `<img>` and its alternative text, written whole at its end so
    // that it gets every width of the published image.
    let mut image: Option<(String, String)> = None;
    let mut chart_n = 0;
    let mut in_chart = false;
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_SMART_PUNCTUATION;
    let mut code: Option<(String, String)> = None;
    // The HTML vigil makes itself (charts, highlighted code, images) waits outside, as a
    // placeholder, while a page with raw HTML is cleaned: the cleaner would strip its SVG, classes
    // and srcset.
    let mut made: Vec<String> = Vec::new();
    let mut hold = |html: String| {
        made.push(html);
        Event::Text(format!("{PLACEHOLDER}{}{PLACEHOLDER_END}", made.len() - 1).into())
    };
    let mut raw = false;
    let events = Parser::new_ext(markdown, options).filter_map(|event| match event {
        Event::Start(Tag::CodeBlock(kind))
            if charts.is_some() && crate::charts::blocks::is_chart(&kind) =>
        {
            in_chart = true;
            None
        }
        Event::Text(_) if in_chart => None,
        Event::End(TagEnd::CodeBlock) if in_chart => {
            in_chart = false;
            chart_n += 1;
            charts.map(|c| hold(c.figure(chart_n - 1)))
        }
        Event::Start(Tag::CodeBlock(kind)) => {
            let info = match kind {
                CodeBlockKind::Fenced(info) => {
                    info.split_whitespace().next().unwrap_or("").to_string()
                }
                CodeBlockKind::Indented => String::new(),
            };
            code = Some((info, String::new()));
            None
        }
        Event::Text(t) if code.is_some() => {
            if let Some((_, buf)) = code.as_mut() {
                buf.push_str(&t)
            }
            None
        }
        Event::End(TagEnd::CodeBlock) => {
            code.take().map(|(info, buf)| hold(highlight(&info, &buf)))
        }
        Event::Start(Tag::Link {
            link_type,
            dest_url,
            title,
            id,
        }) => Some(Event::Start(Tag::Link {
            link_type,
            dest_url: rewrite(dest_url, config, lang),
            title,
            id,
        })),
        Event::Start(Tag::Image {
            dest_url, title, ..
        }) => {
            image = Some((img_open(&dest_url, &title, site, lang), String::new()));
            None
        }
        Event::Text(t) | Event::Code(t) if image.is_some() => {
            if let Some((_, alt)) = image.as_mut() {
                alt.push_str(&t)
            }
            None
        }
        Event::End(TagEnd::Image) => image
            .take()
            .map(|(open, alt)| hold(format!("{open} alt=\"{}\">", escape(&alt)))),
        _ if image.is_some() => None,
        Event::Html(h) | Event::InlineHtml(h) => {
            raw = true;
            Some(Event::Html(rewrite_html(h, config, lang)))
        }
        e => Some(e),
    });
    let mut out = String::with_capacity(markdown.len() * 3 / 2);
    pulldown_cmark::html::push_html(&mut out, events);
    if raw {
        out = crate::sanitize::clean(&out, &config.allow_html);
    }
    if made.is_empty() {
        return out;
    }
    put_back(&out, &made)
}

const PLACEHOLDER: char = '\u{E000}';
const PLACEHOLDER_END: char = '\u{E001}';

fn put_back(html: &str, made: &[String]) -> String {
    let mut out = String::with_capacity(html.len() + made.iter().map(String::len).sum::<usize>());
    let mut rest = html;
    while let Some(start) = rest.find(PLACEHOLDER) {
        out.push_str(&rest[..start]);
        let after = &rest[start + PLACEHOLDER.len_utf8()..];
        let block = after.find(PLACEHOLDER_END).and_then(|end| {
            let n: usize = after[..end].parse().ok()?;
            Some((made.get(n)?, &after[end + PLACEHOLDER_END.len_utf8()..]))
        });
        match block {
            Some((html, next)) => {
                out.push_str(html);
                rest = next;
            }
            // Not one of ours (cannot happen: a text's own were replaced before parsing).
            None => {
                out.push(PLACEHOLDER);
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// The start of an image's tag, up to its `alt`: every width of a published image in `srcset`,
/// with its size (no layout shift) and lazy loading, since an image in a text is rarely on screen
/// as the page opens.
fn img_open(dest: &str, title: &str, site: &Site, lang: Lang) -> String {
    let src = rewrite(CowStr::Borrowed(dest), &site.config, lang);
    let mut out = format!("<img src=\"{}\"", escape(&src));
    if let Some(Ok(Target::File(f))) = internal(dest)
        && let Some(image) = site.media.get(f)
    {
        let largest = image.largest();
        out.push_str(&format!(
            " srcset=\"{}\" sizes=\"(min-width: 48rem) 46rem, 100vw\" width=\"{}\" height=\"{}\"",
            escape(&image.srcset(&site.config)),
            largest.width,
            largest.height
        ));
    }
    out.push_str(" loading=\"lazy\" decoding=\"async\"");
    if !title.is_empty() {
        out.push_str(&format!(" title=\"{}\"", escape(title)));
    }
    out
}

/// A link written in content, pointed at the page in `lang` under the site's path.
pub fn link(dest: &str, config: &Config, lang: Lang) -> String {
    rewrite(CowStr::Borrowed(dest), config, lang).to_string()
}

/// HTML written in a text: its links, like Markdown's, pointed at the page in `lang` under the
/// site's path (validation has checked where they lead).
fn rewrite_html<'a>(html: CowStr<'a>, config: &Config, lang: Lang) -> CowStr<'a> {
    let found = crate::render::attrs::links(&html);
    if found.is_empty() {
        return html;
    }
    let mut out = String::with_capacity(html.len() + 32);
    let mut at = 0;
    for r in found {
        out.push_str(&html[at..r.start]);
        out.push_str(&rewrite(CowStr::Borrowed(&html[r.clone()]), config, lang));
        at = r.end;
    }
    out.push_str(&html[at..]);
    out.into()
}

fn rewrite<'a>(dest: CowStr<'a>, config: &Config, lang: Lang) -> CowStr<'a> {
    let fragment = dest
        .find('#')
        .map(|i| dest[i..].to_string())
        .unwrap_or_default();
    match internal(&dest) {
        Some(Ok(Target::Page(p))) => {
            format!("{}{fragment}", crate::urls::href(config, lang, &p)).into()
        }
        // Open data is written per language, beside that language's pages.
        Some(Ok(Target::File(f))) if f.starts_with("data/") => {
            crate::urls::href(config, lang, f).into()
        }
        Some(Ok(Target::File(f))) => crate::urls::asset_href(config, f).into(),
        // Validation rejects these already; this keeps a renderer used elsewhere just as safe.
        None if !safe_scheme(&dest) => "#".into(),
        _ => dest,
    }
}

fn highlight(info: &str, code: &str) -> String {
    let set = syntaxes();
    let syntax = set
        .find_syntax_by_token(info)
        .unwrap_or_else(|| set.find_syntax_plain_text());
    let mut generator = ClassedHTMLGenerator::new_with_class_style(
        syntax,
        set,
        ClassStyle::SpacedPrefixed { prefix: "hl-" },
    );
    for line in LinesWithEndings::from(code) {
        if generator
            .parse_html_for_line_which_includes_newline(line)
            .is_err()
        {
            return format!("<pre class=\"code\"><code>{}</code></pre>", escape(code));
        }
    }
    format!(
        "<pre class=\"code\"><code>{}</code></pre>",
        generator.finalize()
    )
}
