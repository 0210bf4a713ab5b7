//! Portable output: every link inside the site made relative to the page that holds it, and every
//! folder link pointed at its `index.html`, so that a copy of the site works from any host, under
//! any path, and straight from a folder opened in a browser (`file://`).

/// `html` (the page written at `page_file`, relative to the output) with each link under `base`
/// rewritten relative to that page.
pub fn relativize(html: &[u8], base: &str, page_file: &str) -> Vec<u8> {
    let Ok(text) = std::str::from_utf8(html) else {
        return html.to_vec();
    };
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for range in super::attrs::links(text) {
        let value = &text[range.clone()];
        let Some(target) = internal(value, base) else {
            continue;
        };
        out.push_str(&text[at..range.start]);
        out.push_str(&relative(page_file, target));
        at = range.end;
    }
    out.push_str(&text[at..]);
    out.into_bytes()
}

/// The part of a link after the site's path, when it is a link inside the site.
fn internal<'a>(value: &'a str, base: &str) -> Option<&'a str> {
    if value.starts_with("//") {
        return None;
    }
    value.strip_prefix(base)
}

/// The link from the page at `from` (a file path relative to the output) to `target` (a path
/// relative to the output, possibly a folder ending in `/`, possibly with `#fragment` or `?query`).
pub fn relative(from: &str, target: &str) -> String {
    let split = target.find(['#', '?']).unwrap_or(target.len());
    let (path, suffix) = target.split_at(split);
    let file = if path.is_empty() || path.ends_with('/') {
        format!("{path}index.html")
    } else {
        path.to_string()
    };
    let from_dirs: Vec<&str> = from.split('/').collect();
    let from_dirs = &from_dirs[..from_dirs.len() - 1];
    let to: Vec<&str> = file.split('/').collect();
    let (to_dirs, name) = to.split_at(to.len() - 1);
    let common = from_dirs
        .iter()
        .zip(to_dirs)
        .take_while(|(a, b)| a == b)
        .count();
    let mut out = "../".repeat(from_dirs.len() - common);
    for dir in &to_dirs[common..] {
        out.push_str(dir);
        out.push('/');
    }
    out.push_str(name[0]);
    out.push_str(suffix);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_are_relative_to_the_page_and_name_index_files() {
        assert_eq!(relative("index.html", ""), "index.html");
        assert_eq!(relative("index.html", "people/"), "people/index.html");
        assert_eq!(relative("people/anar/index.html", ""), "../../index.html");
        assert_eq!(
            relative("az/people/anar/index.html", "az/people/bob/#facts"),
            "../bob/index.html#facts"
        );
        assert_eq!(
            relative("az/index.html", "static/style.css"),
            "../static/style.css"
        );
        assert_eq!(relative("404.html", "atom.xml"), "atom.xml");
    }

    #[test]
    fn only_links_under_the_base_path_change() {
        let html = br#"<a href=/v/people/>p</a><a href=https://x.org/v/>x</a><a href=//cdn/v/>c</a><link rel=canonical href="https://e.org/v/a/"><a href="/v/#main">m</a>"#;
        let out = relativize(html, "/v/", "az/a/index.html");
        assert_eq!(
            String::from_utf8(out).unwrap(),
            r#"<a href=../../people/index.html>p</a><a href=https://x.org/v/>x</a><a href=//cdn/v/>c</a><link rel=canonical href="https://e.org/v/a/"><a href="../../index.html#main">m</a>"#
        );
    }
}
