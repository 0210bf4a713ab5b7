//! Raw HTML in Markdown, cleaned with ammonia: one volunteer's pull request must not be able to put
//! script, event handlers, frames or another site's images into every reader's page.
//!
//! Only a page whose Markdown holds raw HTML is cleaned (most never do, and parsing HTML again
//! costs more than writing it). What Markdown itself writes stays; of raw tags, only those that
//! `site.yaml` names in `allow_html` (from `SAFE_TAGS`) are kept, with their text-level attributes;
//! every other tag is dropped, keeping its text, and `<script>` and `<style>` lose their text too.

use std::collections::{HashMap, HashSet};

/// Tags a site may allow in raw HTML: text-level and structural ones that load nothing, link
/// nowhere and run nothing.
pub const SAFE_TAGS: &[&str] = &[
    "abbr",
    "b",
    "bdi",
    "bdo",
    "br",
    "caption",
    "cite",
    "dd",
    "del",
    "details",
    "dfn",
    "dl",
    "dt",
    "figcaption",
    "figure",
    "i",
    "ins",
    "kbd",
    "mark",
    "q",
    "s",
    "samp",
    "small",
    "span",
    "sub",
    "summary",
    "sup",
    "time",
    "u",
    "var",
    "wbr",
];

/// What pulldown-cmark writes for the Markdown vigil enables, with the attributes it gives.
const MARKDOWN: &[(&str, &[&str])] = &[
    ("p", &[]),
    ("h1", &[]),
    ("h2", &[]),
    ("h3", &[]),
    ("h4", &[]),
    ("h5", &[]),
    ("h6", &[]),
    ("blockquote", &[]),
    ("pre", &[]),
    ("code", &[]),
    ("ol", &["start"]),
    ("ul", &[]),
    ("li", &[]),
    ("em", &[]),
    ("strong", &[]),
    ("del", &[]),
    ("a", &["href", "title"]),
    ("img", &["src", "alt", "title"]),
    ("table", &[]),
    ("thead", &[]),
    ("tbody", &[]),
    ("tr", &[]),
    ("th", &[]),
    ("td", &[]),
    ("hr", &[]),
    ("br", &[]),
    // Footnotes.
    ("sup", &["class"]),
    ("div", &["class", "id"]),
];

/// Cleans a page's HTML, made from Markdown that held raw HTML. `allow` is `site.yaml`'s list,
/// already checked against `SAFE_TAGS`.
pub fn clean(html: &str, allow: &[String]) -> String {
    let mut tags: HashSet<&str> = MARKDOWN.iter().map(|(t, _)| *t).collect();
    tags.extend(allow.iter().map(String::as_str));
    let attributes: HashMap<&str, HashSet<&str>> = MARKDOWN
        .iter()
        .map(|(t, a)| (*t, a.iter().copied().collect()))
        .chain([("time", HashSet::from(["datetime"]))])
        .collect();
    ammonia::Builder::empty()
        .tags(tags)
        .tag_attributes(attributes)
        .generic_attributes(HashSet::from(["title", "lang", "dir"]))
        .url_schemes(HashSet::from(["http", "https", "mailto", "tel"]))
        .link_rel(None)
        .attribute_filter(|tag, attribute, value| {
            // An image from another host would tell it who reads the page (Markdown images are
            // checked to be the site's own; a raw one is not, so it loses its source).
            let own = value.starts_with('/') && !value.starts_with("//");
            (tag != "img" || attribute != "src" || own).then(|| value.into())
        })
        .clean(html)
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::clean;

    #[test]
    fn keeps_markdown_and_allowed_tags_drops_the_rest() {
        let html = r#"<p>Hi <abbr title="World Health Organization" onclick="x()">WHO</abbr> <script>alert(1)</script><iframe src="https://evil.example/"></iframe><a href="javascript:alert(2)">a</a> <a href="/vigil/about/" title="t">b</a> <img src="https://evil.example/t.gif" alt="e"> <img src="/vigil/p.png" alt="o"></p>"#;
        assert_eq!(
            clean(html, &["abbr".into()]),
            r#"<p>Hi <abbr title="World Health Organization">WHO</abbr> <a>a</a> <a href="/vigil/about/" title="t">b</a> <img alt="e"> <img src="/vigil/p.png" alt="o"></p>"#
        );
        assert_eq!(
            clean(r#"<p><abbr title="x">WHO</abbr></p>"#, &[]),
            "<p>WHO</p>"
        );
    }
}
