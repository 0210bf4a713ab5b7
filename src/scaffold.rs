//! `vigil new`: files a volunteer fills in, each field explained on the line above it.
//!
//! The stubs fail the check until the one fact nobody can guess (the date) is written, so an
//! untouched stub is never published by accident.

use std::path::{Path, PathBuf};

use crate::config::Config;
use crate::diag::{Diagnostic, Diagnostics};
use crate::translit;

/// The files written, relative to the root.
pub type Written = Vec<PathBuf>;

/// `profiles/<slug>.md` and `profiles/<slug>.<lang>.md` for every other language.
pub fn profile(root: &Path, name: &str) -> Result<Written, Diagnostics> {
    let config = Config::load(root, None)?;
    let slug = slug_of(name, "profiles/")?;
    let codes = &config.languages;
    let mut files = vec![(
        PathBuf::from(format!("profiles/{slug}.md")),
        profile_default(name, &slug, codes),
    )];
    for code in &codes[1..] {
        files.push((
            PathBuf::from(format!("profiles/{slug}.{code}.md")),
            profile_translation(name, &slug, code, &codes[0]),
        ));
    }
    write_new(root, files)
}

/// `content/statements/<slug>.yaml`, with a commented line for each language's words.
pub fn statement(root: &Path, title: &str) -> Result<Written, Diagnostics> {
    let config = Config::load(root, None)?;
    let slug = slug_of(title, "content/statements/")?;
    let file = PathBuf::from(format!("content/statements/{slug}.yaml"));
    write_new(root, vec![(file, statement_text(title, &config.languages))])
}

fn slug_of(name: &str, folder: &str) -> Result<String, Diagnostics> {
    let slug = translit::slug(name);
    if slug.is_empty() {
        let mut d = Diagnostics::default();
        d.push(
            Diagnostic::error(folder, format!("`{name}` gives no address"))
                .hint("write the name with Latin or Cyrillic letters, or create the file by hand"),
        );
        return Err(d);
    }
    Ok(slug)
}

/// Writes every file, or none when one of them exists already.
fn write_new(root: &Path, files: Vec<(PathBuf, String)>) -> Result<Written, Diagnostics> {
    let mut diags = Diagnostics::default();
    for (rel, _) in &files {
        if root.join(rel).exists() {
            diags.push(
                Diagnostic::error(rel, "this file exists already; nothing was written")
                    .hint("edit it, or give a different name"),
            );
        }
    }
    if diags.has_errors() {
        return Err(diags);
    }
    let mut written = Vec::new();
    for (rel, text) in files {
        let path = root.join(&rel);
        let result = path
            .parent()
            .map_or(Ok(()), std::fs::create_dir_all)
            .and_then(|()| std::fs::write(&path, text));
        if let Err(e) = result {
            diags.push(Diagnostic::error(&rel, format!("cannot write: {e}")));
            return Err(diags);
        }
        written.push(rel);
    }
    Ok(written)
}

fn profile_default(name: &str, slug: &str, codes: &[String]) -> String {
    let default = &codes[0];
    let others = codes[1..]
        .iter()
        .map(|c| format!("profiles/{slug}.{c}.md"))
        .collect::<Vec<_>>()
        .join(", ");
    let translations = if others.is_empty() {
        String::new()
    } else {
        format!("# The same person's name and story in the other languages are in {others}.\n")
    };
    let quoted = yaml_quote(name);
    format!(
        r#"---
# One person, in {default}. Lines starting with # are notes: remove the # before a field to use it.
{translations}#
# The name as it is written in {default}.
name: {quoted}
# Where the person is now: detained (before trial), sentenced, house_arrest, released,
# travel_ban or exiled.
status: detained
# The day of the arrest as year-month-day, such as 2024-04-29. When only the month or the year
# is known, write 2024-04 or 2024. The check fails until this is filled in.
arrested: YYYY-MM-DD
# The year of birth, or the whole date.
# born: 1990
# female or male.
# gender: female
# A photo saved in profiles/photos/, and a few words saying what it shows (needed with a photo).
# photo: photos/{slug}.jpg
# photo_alt: {name} in 2023
# What they do: an id from content/professions.yaml.
# profession: journalist
# Where they work: an id from content/organisations.yaml.
# organisation: abzas-media
# The case they are part of: an id from content/cases.yaml.
# case: abzas-media
# The criminal-code articles: ids from content/charges.yaml.
# charges: [smuggling-group]
# The sentence, once a court has given one.
# sentence: 9 years
# The prison or detention centre: an id from content/prisons.yaml.
# prison: baku-pretrial-1
# The day of release, if released.
# released: 2025-03-01
# One line saying why this person is held.
# summary: Journalist jailed for reporting on corruption.
# Fields the family asked to keep private: born, gender, photo, prison, ...
# hide: [born]
# Keep the person out of the published site until this line is removed.
# draft: true
---
Write the biography here, in Markdown: paragraphs separated by an empty line.
"#
    )
}

fn profile_translation(name: &str, slug: &str, code: &str, default: &str) -> String {
    let quoted = yaml_quote(name);
    format!(
        r#"---
# The words of profiles/{slug}.md in `{code}`. Facts (dates, status, charges) are written only
# there. What is left out here is shown in {default}, with a note saying so.
#
# The name as it is written in `{code}`.
name: {quoted}
# One line saying why this person is held.
# summary: ...
# The sentence, in `{code}`.
# sentence: ...
# What the photo shows, in `{code}`.
# photo_alt: ...
---
"#
    )
}

fn statement_text(title: &str, codes: &[String]) -> String {
    let default = &codes[0];
    let mut titles = format!("  {default}: {}\n", yaml_quote(title));
    let mut bodies = format!(
        "  {default}: |\n    The statement's text, in Markdown. Keep it indented by four spaces.\n"
    );
    for code in &codes[1..] {
        titles.push_str(&format!("  # {code}: the title in `{code}`\n"));
        bodies.push_str(&format!("  # {code}: |\n  #   the text in `{code}`\n"));
    }
    format!(
        r#"# A joint statement. Lines starting with # are notes: remove the # before a field to use it.
# Texts have one line per language; a language left out is shown in {default}, with a note.
title:
{titles}# The day it was published, as year-month-day (2024-05-02), or 2024-05 or 2024.
# The check fails until this is filled in.
date: YYYY-MM-DD
# Where the original is published.
# source: https://example.org/statement
# The organisations that signed it: ids from content/organisations.yaml.
signatories: []
# The people it is about: the names of their files in profiles/, without .md.
profiles: []
body:
{bodies}# Keep the statement out of the published site until this line is removed.
# draft: true
"#
    )
}

/// A title on one YAML line: quoted when it holds what YAML would read otherwise.
fn yaml_quote(s: &str) -> String {
    let plain = !s.is_empty()
        && !s.contains([
            ':', '#', '"', '\'', '\n', '[', ']', '{', '}', ',', '&', '*', '!', '|', '>', '%', '@',
            '`',
        ])
        && !s.starts_with(['-', '?', ' '])
        && !s.ends_with(' ');
    if plain {
        s.to_string()
    } else {
        serde_json::to_string(s).expect("a string serializes")
    }
}
