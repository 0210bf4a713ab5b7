//! Words in several languages.

use std::collections::BTreeMap;
use std::ops::{Deref, Range};
use std::sync::Arc;

use serde::Deserialize;

/// One of the site's languages: an index into `Config::languages`, the first being the default.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Lang(pub u8);

impl Lang {
    pub const DEFAULT: Lang = Lang(0);

    pub fn is_default(self) -> bool {
        self == Lang::DEFAULT
    }

    pub fn index(self) -> usize {
        self.0 as usize
    }
}

/// A text as written in a YAML file: one string for every language, or one per language code.
#[derive(Deserialize, Clone, Debug)]
#[serde(untagged)]
pub enum RawText {
    One(String),
    Many(BTreeMap<String, String>),
}

/// A text resolved against the site's languages; `None` where a translation is missing.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Text(Vec<Option<Words>>);

/// The words of one language: a string of their own, or a part of a file's text. A Markdown
/// file's body is the second kind: the whole text is kept for error messages (`yaml::Source`),
/// and a copy of the body beside it would hold every biography twice (some 120 MB at 10,000
/// people, all of it memory a check has to touch).
#[derive(Clone, Debug)]
pub enum Words {
    Own(String),
    Part(Arc<String>, Range<usize>),
}

impl Default for Words {
    fn default() -> Self {
        Words::Own(String::new())
    }
}

impl Deref for Words {
    type Target = str;

    fn deref(&self) -> &str {
        match self {
            Words::Own(s) => s,
            Words::Part(text, range) => &text[range.clone()],
        }
    }
}

impl PartialEq for Words {
    fn eq(&self, other: &Self) -> bool {
        **self == **other
    }
}

impl From<String> for Words {
    fn from(s: String) -> Self {
        Words::Own(s)
    }
}

/// A text in one language, saying whether it had to fall back to the default language.
#[derive(Clone, Copy, Debug)]
pub struct Shown<'a> {
    pub text: &'a str,
    pub fallback: bool,
}

impl Text {
    pub fn empty(languages: usize) -> Self {
        Text(vec![None; languages])
    }

    /// The same string in every language (names of organisations, say).
    pub fn same(s: String, languages: usize) -> Self {
        Text(vec![Some(s.into()); languages])
    }

    /// Resolves a raw text; `Err` names the language codes that are not the site's, or says the
    /// default language is missing.
    pub fn from_raw(raw: RawText, codes: &[String]) -> Result<Self, String> {
        match raw {
            RawText::One(s) => Ok(Text::same(s, codes.len())),
            RawText::Many(map) => {
                let mut t = Text::empty(codes.len());
                let mut unknown = Vec::new();
                for (code, s) in map {
                    match codes.iter().position(|c| *c == code) {
                        Some(i) => t.0[i] = Some(s.into()),
                        None => unknown.push(code),
                    }
                }
                if !unknown.is_empty() {
                    return Err(format!(
                        "unknown language `{}`: this site's languages are {}",
                        unknown.join("`, `"),
                        codes.join(", ")
                    ));
                }
                if t.0[0].is_none() {
                    return Err(format!("the default language `{}` is missing", codes[0]));
                }
                Ok(t)
            }
        }
    }

    pub fn set(&mut self, lang: Lang, s: impl Into<Words>) {
        self.0[lang.index()] = Some(s.into());
    }

    /// The text in `lang`, or the default language's with `fallback` set.
    pub fn get(&self, lang: Lang) -> Shown<'_> {
        match &self.0[lang.index()] {
            Some(s) => Shown {
                text: s,
                fallback: false,
            },
            None => Shown {
                text: self.default(),
                fallback: !lang.is_default(),
            },
        }
    }

    pub fn has(&self, lang: Lang) -> bool {
        self.0[lang.index()].is_some()
    }

    pub fn default(&self) -> &str {
        self.0[0].as_deref().unwrap_or("")
    }

    /// The text shown in `lang` when a single string was written for every language.
    pub fn in_lang(&self, lang: Lang) -> &str {
        self.get(lang).text
    }
}

/// Text made safe to put between tags or in a quoted attribute, in HTML, SVG and XML alike.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + s.len() / 8);
    escaped(s, |part| out.push_str(part));
    out
}

/// `escape`, written to `out`: what every template prints goes through it (`render::templates`).
pub fn escape_into(s: &str, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    let mut result = Ok(());
    escaped(s, |part| {
        if result.is_ok() {
            result = out.write_all(part.as_bytes());
        }
    });
    result
}

/// `s` in parts, escaped: the text between the characters to escape is passed whole, not a
/// character at a time.
fn escaped<'a>(s: &'a str, mut part: impl FnMut(&'a str)) {
    let mut from = 0;
    for (i, c) in s.bytes().enumerate() {
        let with = match c {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            b'\'' => "&#39;",
            _ => continue,
        };
        part(&s[from..i]);
        part(with);
        from = i + 1;
    }
    part(&s[from..]);
}
