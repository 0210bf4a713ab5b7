//! The theme: Tera templates parsed once, and the static files it publishes.

use std::path::{Path, PathBuf};

use tera::{Context, Tera, Value};
use walkdir::WalkDir;

use crate::diag::{Diagnostic, Diagnostics, rel};

use super::views::Common;

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

/// The component that draws a person's card, once a build for every page that shows it (see
/// `drawn`).
const CARD: &str = "card";

pub struct Theme {
    tera: Tera,
    /// The templates as their author wrote them, before `compact`: where a mistake is.
    as_written: Tera,
    /// (name, text) of each template as written, for the line a mistake is on.
    sources: Vec<(String, String)>,
    /// The template that declares the `card` component.
    pub card_template: String,
    /// `themes/<name>/templates`, relative to the site root, for messages.
    templates_dir: PathBuf,
    /// (source, output path) of every file under `static/`.
    pub static_files: Vec<(PathBuf, String)>,
    /// The font the preview cards are drawn with.
    pub fonts: crate::cards::Fonts,
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
        // Parsed as written first, so that a mistake is reported at its line; then made compact
        // (should that ever break a template, the theme is kept as written). The templates as
        // written are kept to say where a mistake found while rendering is (`Theme::error`).
        let mut as_written = engine();
        let parsed = as_written.add_raw_templates(sources.iter().map(|(n, t)| (n, t)));
        let compact = sources.iter().map(|(n, t)| {
            let t = if n.ends_with(".html") {
                super::compact::template(t)
            } else {
                t.clone()
            };
            (n, t)
        });
        let mut tera = engine();
        if parsed.is_ok() && tera.add_raw_templates(compact).is_err() {
            tera = as_written.clone();
        }
        if let Err(e) = &parsed {
            diags.push(template_error(&rel(root, &templates_dir), e, &sources));
        }
        // Where the card is declared, to name it for a dead link in a card.
        let card_template = sources
            .iter()
            .find(|(_, t)| t.contains("component card(") || t.contains("component card "))
            .map_or("components.html".to_string(), |(n, _)| n.clone());
        if parsed.is_ok() && !tera.contains_component(CARD) {
            diags.push(
                Diagnostic::error(
                    rel(root, &templates_dir.join(&card_template)),
                    "the theme has no `card` component, which draws a person's card",
                )
                .hint(
                    "write `{% component card(p, h=3, filters=false) %}...{% endcomponent card %}`: \
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
            as_written,
            sources,
            card_template,
            templates_dir: rel(root, &templates_dir),
            static_files,
            fonts: fonts.expect("no error"),
        })
    }

    /// A person's card alone, as the theme's `card` component draws it with heading level `h` and
    /// (on the people page) the finder's data; `card` is a `PersonCard` made a `Value` (`Drawing`).
    pub fn card(&self, card: &Value, h: u8, filters: bool) -> Result<String, Diagnostic> {
        let mut ctx = Context::new();
        ctx.insert_value("p", card.clone());
        ctx.insert("h", &h);
        ctx.insert("filters", &filters);
        let draw =
            |tera: &Tera, out: &mut Vec<u8>| tera.render_component_to(CARD, &ctx, None, true, out);
        let mut html = Vec::with_capacity(1024);
        match draw(&self.tera, &mut html) {
            // What Tera writes is UTF-8: it writes only strings.
            Ok(()) => Ok(String::from_utf8(html).expect("Tera writes UTF-8")),
            Err(e) => Err(self
                .error(e, |e| {
                    draw(&self.as_written, &mut Vec::new()).err().unwrap_or(e)
                })
                .hint("the `card(p, h, filters)` component draws a person's card")),
        }
    }

    pub fn template_path(&self, name: &str) -> PathBuf {
        self.templates_dir.join(name)
    }

    /// Renders template `name` with `common`, the theme's words `t` (made once per language by
    /// `words`) and the page's own view.
    pub fn render(
        &self,
        name: &str,
        common: &Common,
        t: &Value,
        page: Value,
    ) -> Result<Vec<u8>, Diagnostic> {
        let mut ctx = Context::from_serialize(common).map_err(|e| self.error(e, |e| e))?;
        // An `Arc` within: the words are shared by every page, not copied.
        ctx.insert_value("t", t.clone());
        ctx.insert_value("page", page);
        let mut html = Vec::with_capacity(16 * 1024);
        match self.tera.render_to(name, &ctx, &mut html) {
            Ok(()) => Ok(html),
            Err(e) => Err(self.error(e, |e| {
                self.as_written
                    .render_to(name, &ctx, std::io::sink())
                    .err()
                    .unwrap_or(e)
            })),
        }
    }

    /// A mistake found while rendering, in the template where Tera found it. `again` renders with
    /// the templates as written, for the line and column in the theme's own file.
    fn error(&self, e: tera::Error, again: impl FnOnce(tera::Error) -> tera::Error) -> Diagnostic {
        template_error(&self.templates_dir, &again(e), &self.sources)
    }
}

/// A Tera with vigil's settings.
fn engine() -> Tera {
    let mut tera = Tera::new();
    tera.autoescape_on([".html", ".xml"]);
    // What a template prints is escaped as little as HTML needs (Tera's also escapes nothing
    // else, but vigil's feeds and charts escape with the same function).
    tera.set_escape_fn(crate::text::escape_into);
    tera
}

/// The theme's words in one language, as templates see them (`t`).
pub fn words(t: &crate::i18n::Strings) -> Value {
    Value::from_serializable(t)
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

/// A mistake in a template, at its line and column when Tera knows them.
fn template_error(dir: &Path, e: &tera::Error, sources: &[(String, String)]) -> Diagnostic {
    match e.kind() {
        tera::ErrorKind::SyntaxError(r) | tera::ErrorKind::RenderingError(r) => {
            let text = sources
                .iter()
                .find(|(n, _)| n == r.filename())
                .map_or("", |(_, t)| t.as_str());
            // Tera says no more than "Unknown tag" of an `endblock` met inside an open `if`.
            let message = match text.get(r.span().range.clone()).unwrap_or("") {
                w if r.message() == "Unknown tag" && w.starts_with("end") => format!(
                    "`{w}` closes nothing that is open here: is an `if` or a `for` before it not \
                     closed with `endif` or `endfor`?"
                ),
                w if r.message() == "Unknown tag" && !w.is_empty() => {
                    format!("Tera has no tag `{w}`")
                }
                _ => r.message().to_string(),
            };
            let d = Diagnostic::error(dir.join(r.filename()), message);
            if text.is_empty() {
                d
            } else {
                d.at(text, r.span().start_line, r.span().start_col + 1)
            }
        }
        _ => Diagnostic::error(dir.to_path_buf(), chain(e)),
    }
}
