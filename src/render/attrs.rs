//! The link-carrying attribute values of a rendered page (`href`, `src`, and the address in a
//! `<meta http-equiv="refresh" content="0; url=...">`), found in the rendered HTML, where plain
//! attribute values written in a template are unquoted (see `compact`).

use std::ops::Range;

/// Byte ranges of every link value in `html`, in order.
pub fn links(html: &str) -> Vec<Range<usize>> {
    links_in(html.as_bytes())
}

/// `links` over bytes, for a page as the templates wrote it (UTF-8 by construction; the ranges
/// fall on ASCII quotes, spaces and `>`). One pass over the `=` of the page, which for a page of
/// thousands of cards is much cheaper than a search per attribute name.
pub fn links_in(html: &[u8]) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    for eq in memchr::memchr_iter(b'=', html) {
        let before = &html[..eq];
        let Some(name) = [&b"href"[..], b"src", b"content"]
            .into_iter()
            .find(|n| before.ends_with(n))
        else {
            continue;
        };
        // An attribute follows whitespace; anything else is text that happens to say `href=`.
        let start = eq - name.len();
        if start == 0 || !html[start - 1].is_ascii_whitespace() {
            continue;
        }
        let Some(mut range) = value(html, eq + 1) else {
            continue;
        };
        if name == b"content" {
            let target = std::str::from_utf8(&html[range.clone()])
                .ok()
                .and_then(refresh_target);
            match target {
                Some(at) => range.start += at,
                None => continue,
            }
        }
        out.push(range);
    }
    out
}

/// The value starting at `at`: quoted with `"` or `'`, or unquoted up to whitespace or `>`.
fn value(html: &[u8], at: usize) -> Option<Range<usize>> {
    let rest = &html[at..];
    match rest.first()? {
        q @ (b'"' | b'\'') => {
            let end = memchr::memchr(*q, &rest[1..])?;
            Some(at + 1..at + 1 + end)
        }
        _ => {
            let end = rest
                .iter()
                .position(|&c| c.is_ascii_whitespace() || c == b'>')
                .unwrap_or(rest.len());
            Some(at..at + end)
        }
    }
}

/// In `0; url=/x/`, the offset of `/x/`.
fn refresh_target(content: &str) -> Option<usize> {
    let (delay, rest) = content.split_once(';')?;
    if delay.trim().parse::<u32>().is_err() {
        return None;
    }
    let trimmed = rest.trim_start();
    let url = trimmed
        .strip_prefix("url=")
        .or_else(|| trimmed.strip_prefix("URL="))?;
    Some(content.len() - url.len())
}

#[cfg(test)]
mod tests {
    use super::links;

    fn values(html: &str) -> Vec<&str> {
        links(html).into_iter().map(|r| &html[r]).collect()
    }

    #[test]
    fn finds_quoted_unquoted_and_refresh_targets() {
        let html = r#"<a href=/v/a/>x</a><img src="/v/p.jpg" alt='href=/no'><a class=x href='/v/b/#c'>b</a><meta http-equiv=refresh content="0; url=/v/d/"><meta name=description content="a; url=/no">"#;
        assert_eq!(values(html), ["/v/a/", "/v/p.jpg", "/v/b/#c", "/v/d/"]);
    }
}
