//! The link-carrying attribute values of a rendered page (`href`, `src`, and the address in a
//! `<meta http-equiv="refresh" content="0; url=...">`), found in the rendered HTML, where plain
//! attribute values written in a template are unquoted (see `compact`).

use std::ops::Range;

/// Byte ranges of every link value in `html`, in order.
pub fn links(html: &str) -> Vec<Range<usize>> {
    let bytes = html.as_bytes();
    let mut out = Vec::new();
    for attr in ["href=", "src=", "content="] {
        for (i, _) in html.match_indices(attr) {
            // An attribute follows whitespace; anything else is text that happens to say `href=`.
            if i == 0 || !bytes[i - 1].is_ascii_whitespace() {
                continue;
            }
            let Some(mut range) = value(html, i + attr.len()) else {
                continue;
            };
            if attr == "content=" {
                match refresh_target(&html[range.clone()]) {
                    Some(at) => range.start += at,
                    None => continue,
                }
            }
            out.push(range);
        }
    }
    out.sort_by_key(|r| r.start);
    out
}

/// The value starting at `at`: quoted with `"` or `'`, or unquoted up to whitespace or `>`.
fn value(html: &str, at: usize) -> Option<Range<usize>> {
    let rest = &html[at..];
    match rest.as_bytes().first()? {
        q @ (b'"' | b'\'') => {
            let end = rest[1..].find(*q as char)?;
            Some(at + 1..at + 1 + end)
        }
        _ => {
            let end = rest
                .find(|c: char| c.is_ascii_whitespace() || c == '>')
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
