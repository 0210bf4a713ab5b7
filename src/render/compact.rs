//! Templates made compact once, when the theme loads, so that every page comes out minified without
//! a minifier reading it again. Running minify-html over each rendered page took about half of a
//! build's processor time (it reads every byte of every page); the templates are a few kilobytes.
//!
//! What a minifier would remove from a page is almost all in the template's own text: line breaks
//! and indentation between tags, comments, quotes around plain attribute values. The values the
//! template prints are escaped minimally (`escape`), and Markdown bodies come from pulldown-cmark,
//! which writes no indentation. tests/output.rs holds every page of the example site to this: a
//! minifier finds next to nothing left to take out.
//!
//! The whitespace rule follows HTML's rendering, not a guess at the theme's CSS: whitespace next to
//! the tag of an element that starts or ends a block (`<li>`, `</p>`, `<meta>`...) draws nothing and
//! goes; between inline things (`</a> <span>`, `{{ name }} <time>`) it is one space. A Tera statement
//! (`{% if %}`, `{% endfor %}`) says nothing of what will stand beside it, so whitespace that touches
//! one on both sides stays, as one character.

/// The HTML elements whose tags make the whitespace beside them insignificant: those that begin
/// or end a block, and those of the document's head.
const BLOCK: &[&str] = &[
    "address",
    "article",
    "aside",
    "base",
    "blockquote",
    "body",
    "caption",
    "col",
    "colgroup",
    "dd",
    "details",
    "dialog",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "head",
    "header",
    "hgroup",
    "hr",
    "html",
    "legend",
    "li",
    "link",
    "main",
    "menu",
    "meta",
    "nav",
    "noscript",
    "ol",
    "optgroup",
    "option",
    "p",
    "pre",
    "search",
    "section",
    "summary",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "title",
    "tr",
    "ul",
];

/// Elements whose content is kept as written.
const VERBATIM: &[&str] = &["pre", "script", "style", "textarea"];

enum Token<'a> {
    Text(String),
    /// An HTML tag with its lowercase name (`None` when the name is printed by Tera: `<h{{ h }}>`).
    Tag(&'a str, Option<String>),
    /// `{% ... %}` or `{# ... #}`: where whitespace lands beside it is unknown until rendering.
    Statement(&'a str),
    /// `{{ ... }}`: prints text.
    Expression(&'a str),
    /// Kept byte for byte: the content of `<pre>`, `<script>`..., `{% raw %}` blocks.
    Verbatim(&'a str),
}

/// A template's source, compact. Templates other than HTML are left alone by the caller.
pub fn template(source: &str) -> String {
    let tokens = tokens(source);
    let mut out = String::with_capacity(source.len());
    for (i, token) in tokens.iter().enumerate() {
        match token {
            Token::Text(text) => {
                let before = i.checked_sub(1).map(|j| &tokens[j]);
                text_into(
                    &mut out,
                    text,
                    is_block(before),
                    is_block(tokens.get(i + 1)),
                );
            }
            Token::Tag(tag, _) => tag_into(&mut out, tag),
            Token::Statement(s) | Token::Expression(s) | Token::Verbatim(s) => out.push_str(s),
        }
    }
    out
}

fn is_block(token: Option<&Token>) -> bool {
    matches!(token, Some(Token::Tag(_, Some(name))) if BLOCK.contains(&name.as_str()) || name == "!doctype")
}

/// Text with its whitespace runs made one space, and dropped at an edge that touches a block.
fn text_into(out: &mut String, text: &str, block_before: bool, block_after: bool) {
    let space = |c: char| c.is_ascii_whitespace();
    let words = text.split(space).filter(|w| !w.is_empty());
    let mut first = true;
    for word in words {
        if !first || (text.starts_with(space) && !block_before) {
            out.push(' ');
        }
        out.push_str(word);
        first = false;
    }
    let edge = if first {
        // Only whitespace: one space unless a block is on either side.
        !text.is_empty() && !block_before && !block_after
    } else {
        text.ends_with(space) && !block_after
    };
    if edge {
        out.push(' ');
    }
}

/// A tag with the whitespace between its attributes made one space, and quotes dropped around
/// plain values written in the template (`class="card"` -> `class=card`). A value Tera prints keeps
/// its quotes: what it will hold is not known here.
fn tag_into(out: &mut String, tag: &str) {
    let b = tag.as_bytes();
    let mut i = 0;
    let mut space = false;
    while i < b.len() {
        let c = b[i];
        if c.is_ascii_whitespace() {
            space = true;
            i += 1;
            continue;
        }
        if space {
            // Kept before `/>`: after an unquoted value the slash would join it.
            if c != b'>' {
                out.push(' ');
            }
            space = false;
        }
        if let Some(end) = tera_end(tag, i) {
            out.push_str(&tag[i..end]);
            i = end;
        } else if let Some(end) = value_quoted_at(tag, i) {
            let value = &tag[i + 1..end - 1];
            let next = b.get(end).copied();
            let plain = !value.is_empty()
                && value
                    .bytes()
                    .all(|v| v.is_ascii_alphanumeric() || b"-_./:#,;%+?!@~()".contains(&v));
            if plain && matches!(next, Some(b' ' | b'\t' | b'\n' | b'\r' | b'>')) {
                out.push_str(value);
            } else {
                out.push_str(&tag[i..end]);
            }
            i = end;
        } else {
            let len = tag[i..].chars().next().map_or(1, char::len_utf8);
            out.push_str(&tag[i..i + len]);
            i += len;
        }
    }
}

/// The end of the Tera tag starting at `at`, if one does.
fn tera_end(s: &str, at: usize) -> Option<usize> {
    let close = match s.get(at..at + 2)? {
        "{{" => "}}",
        "{%" => "%}",
        "{#" => "#}",
        _ => return None,
    };
    Some(s[at + 2..].find(close).map_or(s.len(), |e| at + 2 + e + 2))
}

/// When an attribute's value is quoted at `at` (a quote after `=`, spaces allowed between), the end
/// of the value past its closing quote, stepping over Tera tags, whose own strings may hold the
/// same quote. `None` for any other quote, and for one never closed (left as written).
fn value_quoted_at(s: &str, at: usize) -> Option<usize> {
    let b = s.as_bytes();
    let q = b[at];
    let after_eq = b[..at]
        .iter()
        .rev()
        .find(|c| !c.is_ascii_whitespace())
        .is_some_and(|&c| c == b'=');
    if !(q == b'"' || q == b'\'') || !after_eq {
        return None;
    }
    let mut i = at + 1;
    while i < s.len() {
        if let Some(end) = tera_end(s, i) {
            i = end;
        } else if b[i] == q {
            return Some(i + 1);
        } else {
            i += 1;
        }
    }
    None
}

fn tokens(s: &str) -> Vec<Token<'_>> {
    let b = s.as_bytes();
    let mut out = Vec::new();
    // Comments are dropped, and the text on their two sides becomes one token.
    let mut text = String::new();
    let mut start = 0;
    let mut i = 0;
    while i < b.len() {
        let end = if let Some(end) = tera_end(s, i) {
            text.push_str(&s[start..i]);
            push_text(&mut out, &mut text);
            let tag = &s[i..end];
            if tag.starts_with("{{") {
                out.push(Token::Expression(tag));
                end
            } else if is_raw(tag) {
                let stop = endraw(s, end);
                out.push(Token::Verbatim(&s[i..stop]));
                stop
            } else {
                out.push(Token::Statement(tag));
                end
            }
        } else if b[i..].starts_with(b"<!--") {
            let end = s[i..].find("-->").map_or(s.len(), |e| i + e + 3);
            text.push_str(&s[start..i]);
            if s[i..end].contains('{') {
                // A comment holding Tera may hold half of an `if`: kept whole.
                push_text(&mut out, &mut text);
                out.push(Token::Verbatim(&s[i..end]));
            }
            end
        } else if b[i] == b'<' && tag_starts(b, i + 1) {
            text.push_str(&s[start..i]);
            push_text(&mut out, &mut text);
            let end = tag_end(s, i);
            let tag = &s[i..end];
            let name = tag_name(tag);
            let verbatim =
                !tag.starts_with("</") && name.as_deref().is_some_and(|n| VERBATIM.contains(&n));
            out.push(Token::Tag(tag, name.clone()));
            match name {
                Some(n) if verbatim => {
                    let close = find_ascii_ci(s, end, &format!("</{n}")).unwrap_or(s.len());
                    if close > end {
                        out.push(Token::Verbatim(&s[end..close]));
                    }
                    close
                }
                _ => end,
            }
        } else {
            i += 1;
            continue;
        };
        i = end;
        start = end;
    }
    text.push_str(&s[start..]);
    push_text(&mut out, &mut text);
    out
}

fn push_text<'a>(out: &mut Vec<Token<'a>>, text: &mut String) {
    if !text.is_empty() {
        out.push(Token::Text(std::mem::take(text)));
    }
}

/// The words of a Tera statement: `raw` for `{%- raw %}`.
fn keyword(statement: &str) -> &str {
    statement.trim_matches(|c: char| "{}%-".contains(c) || c.is_whitespace())
}

fn is_raw(statement: &str) -> bool {
    keyword(statement) == "raw"
}

/// Past the `{% endraw %}` after `from`.
fn endraw(s: &str, from: usize) -> usize {
    let mut i = from;
    while let Some(at) = s[i..].find("{%") {
        let at = i + at;
        let end = tera_end(s, at).unwrap_or(s.len());
        if keyword(&s[at..end]) == "endraw" {
            return end;
        }
        i = end;
    }
    s.len()
}

fn tag_starts(b: &[u8], at: usize) -> bool {
    match b.get(at) {
        Some(c) if c.is_ascii_alphabetic() || *c == b'!' => true,
        Some(b'/') => b.get(at + 1).is_some_and(u8::is_ascii_alphabetic),
        _ => false,
    }
}

/// Past the `>` closing the tag at `at`, stepping over quoted values and Tera tags.
fn tag_end(s: &str, at: usize) -> usize {
    let b = s.as_bytes();
    let mut i = at + 1;
    while i < b.len() {
        if let Some(end) = tera_end(s, i) {
            i = end;
        } else if let Some(end) = value_quoted_at(s, i) {
            i = end;
        } else if b[i] == b'>' {
            return i + 1;
        } else {
            i += 1;
        }
    }
    s.len()
}

fn tag_name(tag: &str) -> Option<String> {
    let rest = tag[1..].strip_prefix('/').unwrap_or(&tag[1..]);
    let len = rest
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '!' || c == '-'))
        .unwrap_or(rest.len());
    if rest[len..].starts_with('{') {
        return None;
    }
    Some(rest[..len].to_ascii_lowercase())
}

fn find_ascii_ci(s: &str, from: usize, needle: &str) -> Option<usize> {
    s.as_bytes()[from..]
        .windows(needle.len())
        .position(|w| w.eq_ignore_ascii_case(needle.as_bytes()))
        .map(|at| from + at)
}

#[cfg(test)]
mod tests {
    use super::template;

    #[test]
    fn whitespace_beside_blocks_goes_and_between_inline_things_is_one_space() {
        assert_eq!(
            template(
                "<ul>\n  <li>\n    <a href=\"{{ x }}\">A</a>\n    <span>b</span>\n  </li>\n</ul>\n"
            ),
            "<ul><li><a href=\"{{ x }}\">A</a> <span>b</span></li></ul>"
        );
        assert_eq!(
            template("<p>{{ a }}\n\n{{ b }}</p>"),
            "<p>{{ a }} {{ b }}</p>"
        );
    }

    #[test]
    fn whitespace_between_two_statements_stays_as_one_character() {
        // After `{% endif %}` may come the `<span>` of either branch: the space may matter.
        assert_eq!(
            template("<p>{% if x %}<span>a</span>{% endif %}\n  {% if y %}<b>c</b>{% endif %}</p>"),
            "<p>{% if x %}<span>a</span>{% endif %} {% if y %}<b>c</b>{% endif %}</p>"
        );
    }

    #[test]
    fn plain_values_lose_their_quotes_printed_ones_keep_them() {
        assert_eq!(
            template(
                "<ul class=\"grid\"  role=\"list\" data-x=\"{{ v }}\" title=\"two words\" alt=\"\">"
            ),
            "<ul class=grid role=list data-x=\"{{ v }}\" title=\"two words\" alt=\"\">"
        );
        // A quote right before Tera would glue the value to what Tera prints.
        assert_eq!(
            template("<a class=\"x\"{% if c %} aria-current=\"page\"{% endif %}>"),
            "<a class=\"x\"{% if c %} aria-current=\"page\"{% endif %}>"
        );
    }

    #[test]
    fn a_self_closing_slash_stays_apart_from_an_unquoted_value() {
        assert_eq!(
            template("<link rel=\"icon\" href=\"/f.svg\" />\n<path d=\"M0\"/>"),
            "<link rel=icon href=/f.svg /><path d=\"M0\"/>"
        );
    }

    #[test]
    fn values_after_spaced_equals_and_unclosed_quotes_are_kept_as_written() {
        assert_eq!(
            template("<img alt = \"a  >  b\" src=\"x.png\">"),
            "<img alt = \"a  >  b\" src=x.png>"
        );
        assert_eq!(template("<a title=\"open"), "<a title=\"open");
    }

    /// A theme is anyone's text: no arrangement of its pieces may make the builder panic.
    #[test]
    fn any_text_is_made_compact_without_a_panic() {
        const PIECES: &[&str] = &[
            "<", ">", "\"", "'", "=", " ", "\n", "a", "é", "{{", "}}", "{%", "%}", "{#", "#}",
            "<!--", "-->", "<pre>", "</pre>", "<script>", "/", "<p", "</", "raw", "endraw", "li",
        ];
        let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
        let mut next = || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        for _ in 0..20_000 {
            let len = next() % 24;
            let text: String = (0..len)
                .map(|_| PIECES[(next() % PIECES.len() as u64) as usize])
                .collect();
            let _ = template(&text);
        }
    }

    #[test]
    fn comments_go_code_and_raw_blocks_stay() {
        assert_eq!(
            template(
                "<div>\n<!-- note -->\n<pre>  a\n   b</pre>\n<script>if (a  <b) {}</script>\n</div>"
            ),
            "<div><pre>  a\n   b</pre><script>if (a  <b) {}</script></div>"
        );
        assert_eq!(
            template("<p>{% raw %}  {{ x }}  {% endraw %}</p>"),
            "<p>{% raw %}  {{ x }}  {% endraw %}</p>"
        );
    }

    #[test]
    fn a_tag_named_by_tera_is_taken_for_inline() {
        assert_eq!(
            template("<li>\n<h{{ h }} class=\"name\">N</h{{ h }}>\n<p>x</p></li>"),
            "<li><h{{ h }} class=name>N</h{{ h }}><p>x</p></li>"
        );
    }
}
