//! `site.yaml`: the campaign's name, languages and address.

use std::path::Path;

use serde::Deserialize;

use crate::diag::{Diagnostic, Diagnostics};
use crate::text::{Lang, RawText, Text};
use crate::yaml::Source;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    title: RawText,
    #[serde(default)]
    description: Option<RawText>,
    base_url: String,
    languages: Vec<String>,
    #[serde(default = "default_theme")]
    theme: String,
    #[serde(default)]
    cname: Option<String>,
    #[serde(default)]
    allow_html: Vec<String>,
}

fn default_theme() -> String {
    "default".into()
}

pub struct Config {
    pub title: Text,
    pub description: Text,
    /// Scheme and host, no trailing slash: `https://example.org`.
    pub origin: String,
    /// The path the site lives under, with both slashes: `/` or `/vigil/`.
    pub base_path: String,
    /// Language codes; the first is the default, served at the root.
    pub languages: Vec<String>,
    pub theme: String,
    pub cname: Option<String>,
    /// Raw HTML tags Markdown may use (from `sanitize::SAFE_TAGS`); every other one is dropped.
    pub allow_html: Vec<String>,
}

impl Config {
    pub fn langs(&self) -> impl Iterator<Item = Lang> + Clone + use<> {
        (0..self.languages.len() as u8).map(Lang)
    }

    pub fn code(&self, lang: Lang) -> &str {
        &self.languages[lang.index()]
    }

    /// Where a language's pages start: `/vigil/` for the default, `/vigil/az/` for another.
    pub fn lang_root(&self, lang: Lang) -> String {
        if lang.is_default() {
            self.base_path.clone()
        } else {
            format!("{}{}/", self.base_path, self.code(lang))
        }
    }

    pub fn absolute(&self, path: &str) -> String {
        format!("{}{}", self.origin, path)
    }

    pub fn load(root: &Path, base_url_override: Option<&str>) -> Result<Config, Diagnostics> {
        let path = root.join("site.yaml");
        let mut diags = Diagnostics::default();
        let text = match crate::yaml::read_text(root, &path) {
            Ok(t) => t,
            Err(d) => {
                diags.push(if path.exists() {
                    d
                } else {
                    Diagnostic::error(
                        "site.yaml",
                        "there is no site.yaml: is --root the campaign's folder?",
                    )
                });
                return Err(diags);
            }
        };
        let src = Source {
            path: "site.yaml".into(),
            text: text.into(),
            yaml_offset: 0,
        };
        let raw: RawConfig = src.parse(&src.text).map_err(|d| {
            diags.push(d);
            std::mem::take(&mut diags)
        })?;
        if raw.languages.is_empty() {
            diags.push(
                src.error_at(&["languages"], "list at least one language")
                    .hint("languages: [en, az]"),
            );
        }
        for code in &raw.languages {
            let ok = (2..=3).contains(&code.len()) && code.chars().all(|c| c.is_ascii_lowercase());
            if !ok {
                diags.push(
                    src.error_at_value(
                        &["languages"],
                        code,
                        format!("`{code}` is not a language code"),
                    )
                    .hint("use a two-letter ISO 639-1 code such as en, az or ru"),
                );
            }
        }
        let mut seen = std::collections::HashSet::new();
        for code in &raw.languages {
            if !seen.insert(code) {
                diags.push(src.error_at_value(
                    &["languages"],
                    code,
                    format!("`{code}` is listed twice"),
                ));
            }
        }
        for tag in &raw.allow_html {
            if !crate::sanitize::SAFE_TAGS.contains(&tag.as_str()) {
                diags.push(
                    src.error_at_value(
                        &["allow_html"],
                        tag,
                        format!("`{tag}` cannot be allowed in raw HTML: it could load, link or run something"),
                    )
                    .hint(format!("allow only some of: {}", crate::sanitize::SAFE_TAGS.join(", "))),
                );
            }
        }
        let base_url = base_url_override.unwrap_or(&raw.base_url);
        let (origin, base_path) = match split_base_url(base_url) {
            Ok(v) => v,
            Err(m) => {
                diags.push(src.error_at(&["base_url"], m).hint("write a full address such as https://example.org/ or https://user.github.io/repo/"));
                (String::new(), "/".into())
            }
        };
        if diags.has_errors() {
            return Err(diags);
        }
        let codes = raw.languages;
        let mut text =
            |raw: Option<RawText>, key: &str| match raw.map(|r| Text::from_raw(r, &codes)) {
                None => Text::same(String::new(), codes.len()),
                Some(Ok(t)) => t,
                Some(Err(m)) => {
                    diags.push(src.error_at(&[key], m));
                    Text::empty(codes.len())
                }
            };
        let title = text(Some(raw.title), "title");
        let description = text(raw.description, "description");
        if diags.has_errors() {
            return Err(diags);
        }
        Ok(Config {
            title,
            description,
            origin,
            base_path,
            languages: codes,
            theme: raw.theme,
            cname: raw.cname,
            allow_html: raw.allow_html,
        })
    }
}

/// `https://example.org/vigil` -> (`https://example.org`, `/vigil/`).
fn split_base_url(url: &str) -> Result<(String, String), String> {
    let rest = url
        .strip_prefix("https://")
        .map(|r| ("https://", r))
        .or_else(|| url.strip_prefix("http://").map(|r| ("http://", r)))
        .ok_or_else(|| format!("`{url}` must start with https:// or http://"))?;
    let (scheme, rest) = rest;
    let (host, path) = match rest.find('/') {
        Some(i) => (&rest[..i], &rest[i..]),
        None => (rest, "/"),
    };
    if host.is_empty() || host.contains(['?', '#', ' ']) || path.contains(['?', '#', ' ']) {
        return Err(format!("`{url}` is not a site address"));
    }
    let path = path.trim_end_matches('/');
    Ok((format!("{scheme}{host}"), format!("{path}/")))
}

#[cfg(test)]
mod tests {
    #[test]
    fn splits_base_urls() {
        assert_eq!(
            super::split_base_url("https://a.org").unwrap(),
            ("https://a.org".into(), "/".into())
        );
        assert_eq!(
            super::split_base_url("https://u.github.io/repo").unwrap(),
            ("https://u.github.io".into(), "/repo/".into())
        );
        assert_eq!(
            super::split_base_url("http://x.org/a/b/").unwrap().1,
            "/a/b/"
        );
        assert!(super::split_base_url("example.org").is_err());
    }
}
