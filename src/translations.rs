//! `vigil check --translations`: what is not translated yet, in which language, as a Markdown table
//! that reads well in a pull-request comment.

use crate::model::Site;
use crate::text::{Lang, Text};

/// One file (or one entry of a list) with, per language other than the default, what it lacks.
pub struct Row {
    pub what: String,
    pub missing: Vec<Vec<&'static str>>,
}

pub fn rows(site: &Site) -> Vec<Row> {
    let others: Vec<Lang> = site.config.langs().skip(1).collect();
    let lacks = |parts: &[(&'static str, Option<&Text>)]| -> Vec<Vec<&'static str>> {
        others
            .iter()
            .map(|&l| {
                parts
                    .iter()
                    .filter(|(_, t)| t.is_some_and(|t| !t.has(l)))
                    .map(|(name, _)| *name)
                    .collect()
            })
            .collect()
    };
    let mut out = Vec::new();
    let mut add = |what: String, missing: Vec<Vec<&'static str>>| {
        if missing.iter().any(|m| !m.is_empty()) {
            out.push(Row { what, missing });
        }
    };
    for p in &site.profiles {
        add(
            format!("`profiles/{}.md`", p.slug),
            lacks(&[
                ("name", Some(&p.name)),
                ("biography", Some(&p.bio)),
                ("summary", p.summary.as_ref()),
                ("sentence", p.sentence.as_ref()),
                ("photo_alt", p.photo.as_ref().map(|ph| &ph.alt)),
            ]),
        );
    }
    for s in &site.statements {
        add(
            format!("`content/statements/{}.yaml`", s.slug),
            lacks(&[("title", Some(&s.title)), ("body", Some(&s.body))]),
        );
    }
    for p in &site.pages {
        add(
            format!("`content/{}.md`", p.path),
            lacks(&[("page", Some(&p.body))]),
        );
    }
    let lists = [
        (
            "organisations",
            site.organisations
                .iter()
                .map(|o| (&o.id, &o.name))
                .collect::<Vec<_>>(),
        ),
        (
            "charges",
            site.charges.iter().map(|c| (&c.id, &c.text)).collect(),
        ),
        (
            "prisons",
            site.prisons.iter().map(|p| (&p.id, &p.name)).collect(),
        ),
        (
            "cases",
            site.cases.iter().map(|c| (&c.id, &c.name)).collect(),
        ),
        (
            "professions",
            site.professions.iter().map(|p| (&p.id, &p.name)).collect(),
        ),
    ];
    for (file, entries) in lists {
        let field = if file == "charges" { "text" } else { "name" };
        for (id, text) in entries {
            add(
                format!("`content/{file}.yaml`: `{id}`"),
                lacks(&[(field, Some(text))]),
            );
        }
    }
    out
}

/// The table, one column per language other than the default; a line saying so when nothing is
/// missing.
pub fn markdown(site: &Site) -> String {
    let codes = &site.config.languages;
    let rows = rows(site);
    let mut out = String::from("### Missing translations\n\n");
    if codes.len() < 2 {
        out.push_str("The site has one language.\n");
        return out;
    }
    if rows.is_empty() {
        out.push_str("Everything is translated.\n");
        return out;
    }
    let counts: Vec<String> = codes[1..]
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let n = rows.iter().filter(|r| !r.missing[i].is_empty()).count();
            format!("{n} in `{c}`")
        })
        .collect();
    out.push_str(&format!(
        "Texts shown in `{}` for want of a translation: {}.\n\n",
        codes[0],
        counts.join(", ")
    ));
    out.push_str("| File |");
    for c in &codes[1..] {
        out.push_str(&format!(" `{c}` |"));
    }
    out.push_str("\n| --- |");
    out.push_str(&" --- |".repeat(codes.len() - 1));
    out.push('\n');
    for r in rows {
        out.push_str(&format!("| {} |", r.what));
        for m in &r.missing {
            let cell = if m.is_empty() {
                "✓".to_string()
            } else {
                m.join(", ")
            };
            out.push_str(&format!(" {cell} |"));
        }
        out.push('\n');
    }
    out
}
