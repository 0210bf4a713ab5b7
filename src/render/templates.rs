//! The theme: Tera templates parsed once, and the static files it publishes.

use std::path::{Path, PathBuf};

use tera::{Context, Tera};
use walkdir::WalkDir;

use crate::diag::{Diagnostic, Diagnostics, rel};

use super::views::{Common, PersonCard};

/// Templates every theme must have, one per kind of page.
pub const REQUIRED: &[&str] = &[
    "home.html",
    "people.html",
    "listing.html",
    "person.html",
    "alias.html",
    "statements.html",
    "statement.html",
    "organisations.html",
    "organisation.html",
    "page.html",
    "this-month.html",
    "404.html",
];

/// A person's card on its own, drawn once a build for every page that shows it (see `drawn`).
const CARD_FRAGMENT: &str = "vigil-card-fragment.html";
const CARD_FRAGMENT_SOURCE: &str =
    "{% import \"macros.html\" as m %}{{ m::card(p=p, h=h, filters=filters) }}";

pub struct Theme {
    tera: Tera,
    /// `themes/<name>/templates`, relative to the site root, for messages.
    templates_dir: PathBuf,
    /// (source, output path) of every file under `static/`.
    pub static_files: Vec<(PathBuf, String)>,
    /// The font the preview cards are drawn with.
    pub fonts: crate::cards::Fonts,
}

/// The words of one language for `Theme::render`, and which renderer and language they are.
#[derive(Clone, Copy)]
pub struct Words<'a> {
    pub value: &'a serde_json::Value,
    pub key: (u64, usize),
}

pub fn next_generation() -> u64 {
    static NEXT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
    NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
}

thread_local! {
    /// Each thread's template context per language, holding the theme's words (`t`), which every
    /// page of the language shares: copying them into a fresh context for each page (and dropping
    /// them after) cost about 5% of a build.
    static CONTEXTS: std::cell::RefCell<Vec<((u64, usize), Context)>> =
        const { std::cell::RefCell::new(Vec::new()) };
}

impl Theme {
    pub fn load(root: &Path, name: &str) -> Result<Theme, Diagnostics> {
        let mut diags = Diagnostics::default();
        let dir = root.join("themes").join(name);
        let templates_dir = dir.join("templates");
        if !templates_dir.is_dir() {
            diags.push(Diagnostic::error(
                "site.yaml",
                format!(
                    "there is no theme `{name}`: expected a folder {}",
                    rel(root, &templates_dir).display()
                ),
            ));
            return Err(diags);
        }
        let mut sources = Vec::new();
        for entry in WalkDir::new(&templates_dir)
            .sort_by_file_name()
            .into_iter()
            .filter_map(Result::ok)
        {
            if entry.file_type().is_file() {
                let name = entry
                    .path()
                    .strip_prefix(&templates_dir)
                    .unwrap_or(entry.path())
                    .to_string_lossy()
                    .replace('\\', "/");
                match crate::yaml::read_text(root, entry.path()) {
                    Ok(text) => sources.push((name, text)),
                    Err(d) => diags.push(d),
                }
            }
        }
        let mut tera = Tera::default();
        tera.autoescape_on(vec![".html", ".xml"]);
        // What a template prints is escaped as little as HTML needs: Tera's own escaping also
        // writes every `/` as `&#x2F;`, which made an address three times its length.
        tera.set_escape_fn(crate::text::escape);
        // Parsed as written first, so that a mistake is reported at its line; then made compact
        // (should that ever break a template, the theme is kept as written).
        let as_written = || sources.iter().map(|(n, t)| (n.as_str(), t.as_str()));
        let parsed = tera.add_raw_templates(as_written());
        if parsed.is_ok() {
            let compact = sources.iter().map(|(n, t)| {
                let t = if n.ends_with(".html") {
                    super::compact::template(t)
                } else {
                    t.clone()
                };
                (n.as_str(), t)
            });
            if tera.add_raw_templates(compact).is_err() {
                let _ = tera.add_raw_templates(as_written());
            }
        }
        if let Err(e) = parsed {
            diags.push(template_error(&rel(root, &templates_dir), &e, &sources));
        } else if tera
            .get_template("macros.html")
            .is_ok_and(|m| m.macros.contains_key("card"))
        {
            tera.add_raw_template(CARD_FRAGMENT, CARD_FRAGMENT_SOURCE)
                .expect("the fragment parses");
        } else {
            diags.push(
                Diagnostic::error(
                    rel(root, &templates_dir.join("macros.html")),
                    "the theme has no `card` macro in `macros.html`, which draws a person's card",
                )
                .hint(
                    "write `{% macro card(p, h=3, filters=false) %}...{% endmacro card %}`: \
                       see the default theme's",
                ),
            );
        }
        for required in REQUIRED {
            if !sources.iter().any(|(n, _)| n == required) {
                diags.push(Diagnostic::error(
                    rel(root, &templates_dir.join(required)),
                    "the theme has no such template, which the builder needs",
                ));
            }
        }
        let static_dir = dir.join("static");
        let static_files = WalkDir::new(&static_dir)
            .sort_by_file_name()
            .into_iter()
            .filter_map(Result::ok)
            .filter(|e| e.file_type().is_file())
            .map(|e| {
                let within = e
                    .path()
                    .strip_prefix(&static_dir)
                    .unwrap_or(e.path())
                    .to_string_lossy()
                    .replace('\\', "/");
                (e.path().to_path_buf(), format!("static/{within}"))
            })
            .collect();
        let fonts = crate::cards::Fonts::load(&dir).map_err(|e| {
            diags.push(
                Diagnostic::error(rel(root, &dir.join("fonts")), e)
                    .hint("a theme brings its own font for the preview cards, with its licence"),
            )
        });
        if diags.has_errors() {
            return Err(diags);
        }
        Ok(Theme {
            tera,
            templates_dir: rel(root, &templates_dir),
            static_files,
            fonts: fonts.expect("no error"),
        })
    }

    /// A person's card alone, as the theme's `card` macro draws it with heading level `h` and
    /// (on the people page) the finder's data.
    pub fn card(&self, card: &PersonCard, h: u8, filters: bool) -> Result<String, Diagnostic> {
        let mut ctx = Context::new();
        ctx.insert("p", card);
        ctx.insert("h", &h);
        ctx.insert("filters", &filters);
        self.tera.render(CARD_FRAGMENT, &ctx).map_err(|e| {
            Diagnostic::error(self.template_path("macros.html"), chain(&e))
                .hint("the `card(p, h, filters)` macro draws a person's card")
        })
    }

    pub fn template_path(&self, name: &str) -> PathBuf {
        self.templates_dir.join(name)
    }

    /// Renders template `name` with `common`, the theme's words `t` (made once per language by
    /// `words`) and the page's own view. Both values are moved into the context: cloning them for
    /// every page cost more than rendering some of the pages.
    pub fn render(
        &self,
        name: &str,
        common: &Common,
        t: Words,
        page: serde_json::Value,
    ) -> Result<Vec<u8>, Diagnostic> {
        let error =
            |e: &dyn std::fmt::Display| Diagnostic::error(self.template_path(name), e.to_string());
        let mut data = serde_json::to_value(common).map_err(|e| error(&e))?;
        if let serde_json::Value::Object(map) = &mut data {
            map.insert("page".into(), page);
        }
        let this_page = Context::from_value(data).map_err(|e| error(&e))?;
        // Into bytes: what Tera writes is UTF-8 by construction, and checking it again cost 3% of
        // a build.
        let mut html = Vec::with_capacity(16 * 1024);
        let rendered = CONTEXTS.with(|contexts| {
            let mut contexts = contexts.borrow_mut();
            if contexts.first().is_some_and(|(key, _)| key.0 != t.key.0) {
                contexts.clear();
            }
            let at = match contexts.iter().position(|(key, _)| *key == t.key) {
                Some(at) => at,
                None => {
                    let mut ctx = Context::new();
                    ctx.insert("t", t.value);
                    contexts.push((t.key, ctx));
                    contexts.len() - 1
                }
            };
            let ctx = &mut contexts[at].1;
            // Every page sets the same keys: the last page's are replaced, not left behind.
            ctx.extend(this_page);
            self.tera.render_to(name, ctx, &mut html)
        });
        rendered.map_err(|e| {
            let mut d = Diagnostic::error(self.template_path(name), chain(&e));
            if let Some((l, c)) = line_col(&chain(&e)) {
                d.line = l;
                d.col = c;
            }
            d
        })?;
        Ok(html)
    }
}

/// The theme's words in one language, as templates see them (`t`).
pub fn words(t: &crate::i18n::Strings) -> serde_json::Value {
    serde_json::to_value(t).expect("the theme's words serialize")
}

/// Tera puts the useful part of an error in its source chain.
fn chain(e: &dyn std::error::Error) -> String {
    let mut parts = vec![e.to_string()];
    let mut cur = e.source();
    while let Some(s) = cur {
        parts.push(s.to_string());
        cur = s.source();
    }
    parts.join(": ")
}

/// Tera's parse errors carry ` --> line:col`.
fn line_col(message: &str) -> Option<(usize, usize)> {
    let at = message.find("--> ")? + 4;
    let rest = &message[at..];
    let end = rest
        .find(|c: char| !c.is_ascii_digit() && c != ':')
        .unwrap_or(rest.len());
    let (l, c) = rest[..end].split_once(':')?;
    Some((l.parse().ok()?, c.parse().ok()?))
}

fn template_error(dir: &Path, e: &tera::Error, sources: &[(String, String)]) -> Diagnostic {
    let message = chain(e);
    // "Failed to parse 'person.html'" names the template at fault.
    let name = message
        .split('\'')
        .nth(1)
        .filter(|n| sources.iter().any(|(s, _)| s == n));
    let file = name
        .map(|n| dir.join(n))
        .unwrap_or_else(|| dir.to_path_buf());
    let first_line = message.lines().next().unwrap_or("").to_string();
    let mut d = Diagnostic::error(file, first_line);
    if let (Some((l, c)), Some(n)) = (line_col(&message), name) {
        let text = &sources
            .iter()
            .find(|(s, _)| s == n)
            .expect("named template")
            .1;
        d = d.at(text, l, c);
        d.message = message
            .lines()
            .filter(|l| !l.trim().is_empty())
            .map(str::trim)
            .collect::<Vec<_>>()
            .join(" ");
    }
    d
}
