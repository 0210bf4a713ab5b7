//! Stage 3: check everything the loader parsed and build the frozen, typed `Site`.
//!
//! Every problem is collected; the site is only returned when there is none, so renderers can
//! take every reference as valid.

pub mod links;
mod outputs;
pub mod person;
mod profiles;
mod tables;

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use time::Date;

use crate::config::Config;
use crate::diag::{Diagnostics, suggest};
use crate::load::front::StatementFile;
use crate::load::{Doc, Loaded};
use crate::model::{Index, Page, Site, Statement, Status};
use crate::text::{Lang, RawText, Text, Words};
use crate::yaml::Source;

pub struct Options {
    pub drafts: bool,
    pub today: Date,
}

/// Resolves an id written in a file to the index of what it names, or reports it.
pub(crate) struct Ids<'a> {
    what: &'static str,
    file: &'static str,
    map: HashMap<&'a str, usize>,
    /// Ids whose file could not be parsed (`None`: the whole list): already reported, so a
    /// reference to them is not an error of its own.
    unreadable: Option<HashSet<String>>,
}

impl<'a> Ids<'a> {
    fn new(what: &'static str, file: &'static str, ids: impl Iterator<Item = &'a str>) -> Self {
        Ids {
            what,
            file,
            map: ids.enumerate().map(|(i, id)| (id, i)).collect(),
            unreadable: Some(HashSet::new()),
        }
    }

    fn unreadable(mut self, ids: &HashSet<String>) -> Self {
        self.unreadable = Some(ids.clone());
        self
    }

    /// The file of the whole list could not be parsed.
    fn list_unreadable(&mut self, unreadable: &crate::load::Unreadable) {
        let name = self
            .file
            .trim_start_matches("content/")
            .trim_end_matches(".yaml");
        if unreadable.lists.contains(name) {
            self.unreadable = None;
        }
    }

    fn resolve(
        &self,
        src: &Source,
        keys: &[&str],
        id: &str,
        diags: &mut Diagnostics,
    ) -> Option<usize> {
        if let Some(i) = self.map.get(id) {
            return Some(*i);
        }
        if self.unreadable.as_ref().is_none_or(|u| u.contains(id)) {
            return None;
        }
        let hint = suggest(id, self.map.keys().copied())
            .unwrap_or_else(|| format!("add `{id}` to {} or use an id it has", self.file));
        diags.push(
            src.error_at_value(keys, id, format!("unknown {} `{id}`", self.what))
                .hint(hint),
        );
        None
    }
}

/// `seen`: the images processed by earlier builds of this process (`vigil serve`); `theme_files`:
/// the theme's static files (source, output path), which the site's own files may not replace.
pub fn validate(
    loaded: Loaded,
    config: Config,
    root: &Path,
    opts: &Options,
    seen: &crate::images::Seen,
    theme_files: &[(PathBuf, String)],
) -> (Option<Site>, Diagnostics) {
    let mut diags = Diagnostics::default();
    let codes = config.languages.clone();
    let t = tables::Tables::build(&loaded, &codes, &mut diags);
    let mut ids = t.ids();
    for table in [
        &mut ids.organisations,
        &mut ids.charges,
        &mut ids.prisons,
        &mut ids.cases,
        &mut ids.professions,
    ] {
        table.list_unreadable(&loaded.unreadable);
    }

    let profiles = profiles::build(
        loaded.profiles,
        loaded.profile_translations,
        &loaded.unreadable.profiles,
        root,
        &codes,
        &ids,
        opts,
        &mut diags,
    );
    let slugs = Ids::new(
        "person",
        "profiles/",
        profiles.iter().map(|(p, _)| p.slug.as_str()),
    )
    .unreadable(&loaded.unreadable.profiles);
    let mut statements = statements(&loaded.statements, &codes, &ids, &slugs, opts, &mut diags);
    let pages = pages(
        loaded.pages,
        loaded.page_translations,
        &loaded.unreadable.pages,
        &codes,
        opts,
        &mut diags,
    );
    drop(slugs);
    drop(ids);

    statements.sort_by(|a, b| {
        b.0.date
            .latest()
            .cmp(&a.0.date.latest())
            .then_with(|| a.0.slug.cmp(&b.0.slug))
    });
    let (profiles, profile_docs): (Vec<_>, Vec<_>) = profiles.into_iter().unzip();
    let (statements, statement_docs): (Vec<_>, Vec<_>) = statements.into_iter().unzip();
    let (pages, page_docs): (Vec<_>, Vec<_>) = pages.into_iter().unzip();

    let mut site = Site {
        config,
        today: opts.today,
        profiles,
        statements,
        organisations: t.organisations,
        charges: t.charges,
        prisons: t.prisons,
        cases: t.cases,
        professions: t.professions,
        pages,
        assets: loaded.assets,
        media: Default::default(),
        index: Index::default(),
        outputs: Default::default(),
        linked: Default::default(),
    };
    site.index = index(&site);

    let docs = profile_docs.iter().chain(&statement_docs).chain(&page_docs);
    site.linked = links::check(
        &site,
        &links::Targets::of(&site, &loaded.unreadable),
        docs,
        &mut diags,
    );
    let content_images = images(&mut site, root, seen, &mut diags);
    let written = written(
        &site,
        root,
        &content_images,
        theme_files,
        &profile_docs,
        &statement_docs,
        &page_docs,
    );
    site.outputs = outputs::check(written, &mut diags);
    if diags.has_errors() {
        (None, diags)
    } else {
        (Some(site), diags)
    }
}

/// Processes every image the site publishes: profile photos and JPEG or PNG files under content/
/// (which are then published through `site.media`, no longer as they are).
/// Returns the images under content/ (output path, file), for `written`.
fn images(
    site: &mut Site,
    root: &Path,
    seen: &crate::images::Seen,
    diags: &mut Diagnostics,
) -> Vec<(String, crate::diag::Location)> {
    use crate::diag::Location;
    use crate::images::{Use, is_image_name, is_unsupported_image_name};
    let mut uses: Vec<Use> = site
        .profiles
        .iter()
        .filter_map(|p| p.photo.as_ref())
        .map(|ph| Use {
            source: ph.source.clone(),
            output: ph.output.clone(),
            at: ph.at.clone(),
            widths: crate::images::PHOTO,
        })
        .collect();
    let mut plain = Vec::new();
    let mut content = Vec::new();
    for (source, out) in std::mem::take(&mut site.assets) {
        let at = Location::file(crate::diag::rel(root, &source));
        if is_image_name(&out) {
            content.push((out.clone(), at.clone()));
            uses.push(Use {
                source,
                output: out,
                at,
                widths: crate::images::TEXT,
            });
        } else if is_unsupported_image_name(&out) {
            diags.push(
                at.error("this kind of image cannot be cleaned of its metadata (place, camera, author), so it is not published")
                    .hint("save it as a JPEG or PNG file"),
            );
        } else {
            plain.push((source, out));
        }
    }
    site.assets = plain;
    site.media = crate::images::process(uses, &root.join(".vigil-cache"), seen, diags);
    content
}

/// Every file a build writes, and who writes it: for `outputs::check`, and as
/// `Site::outputs`, what the rendered pages' links are checked against.
fn written(
    site: &Site,
    root: &Path,
    content_images: &[(String, crate::diag::Location)],
    theme_files: &[(PathBuf, String)],
    profiles: &[DocSources],
    statements: &[DocSources],
    pages: &[DocSources],
) -> Vec<(String, outputs::Writer)> {
    use crate::diag::Location;
    use crate::urls;
    use outputs::Writer;
    let config = &site.config;
    // Where each document is, found once for all the pages it makes in every language.
    let at = |docs: &[DocSources]| -> Vec<Location> {
        docs.iter()
            .map(|d| Location::of(&d[0].src.error(1, 1, "")))
            .collect()
    };
    let (profiles, statements, pages) = (at(profiles), at(statements), at(pages));
    let mut out = Vec::new();
    for lang in config.langs() {
        let file = |p: &str| urls::file(config, lang, p);
        for (p, at) in site.profiles.iter().zip(&profiles) {
            out.push((file(&urls::person(&p.slug)), Writer::At(at.clone())));
            out.push((
                crate::cards::person_path(config, lang, &p.slug),
                Writer::At(at.clone()),
            ));
            for a in &p.aliases {
                out.push((file(&urls::person(a)), Writer::At(at.clone())));
            }
        }
        for (s, at) in site.statements.iter().zip(&statements) {
            out.push((file(&urls::statement(&s.slug)), Writer::At(at.clone())));
            out.push((
                crate::cards::statement_path(config, lang, &s.slug),
                Writer::At(at.clone()),
            ));
        }
        for (p, at) in site.pages.iter().zip(&pages) {
            out.push((file(&urls::page(&p.path)), Writer::At(at.clone())));
        }
        let listings = [
            urls::home(),
            urls::people(),
            urls::statements(),
            urls::organisations(),
            urls::this_month(),
        ];
        let organisations = site.organisations.iter().map(|o| urls::organisation(&o.id));
        for p in listings
            .into_iter()
            .chain(urls::listings(site))
            .chain(organisations)
        {
            out.push((file(&p), Writer::Builder("pages")));
        }
        out.push((file(&urls::feed()), Writer::Builder("feed")));
        out.push((
            crate::cards::site_path(config, lang),
            Writer::Builder("preview card"),
        ));
    }
    for d in crate::opendata::paths(site) {
        out.push((d, Writer::Builder("open data")));
    }
    for c in crate::charts::paths(site) {
        out.push((c, Writer::Builder("charts")));
    }
    let mut host = vec![urls::not_found(), "sitemap.xml".into(), "robots.txt".into()];
    host.push(".nojekyll".into());
    if config.cname.is_some() {
        host.push("CNAME".into());
    }
    for f in host {
        out.push((f, Writer::Builder("site files")));
    }
    for (source, rel) in site.assets.iter().chain(theme_files) {
        out.push((
            rel.clone(),
            Writer::At(Location::file(crate::diag::rel(root, source))),
        ));
    }
    for p in site.profiles.iter().filter_map(|p| p.photo.as_ref()) {
        if let Some(image) = site.media.get(&p.output) {
            for v in &image.variants {
                out.push((v.rel.clone(), Writer::At(p.at.clone())));
            }
        }
    }
    for (rel, at) in content_images {
        out.push((rel.clone(), Writer::At(at.clone())));
        if let Some(image) = site.media.get(rel) {
            for v in image.variants.iter().filter(|v| &v.rel != rel) {
                out.push((v.rel.clone(), Writer::At(at.clone())));
            }
        }
    }
    out
}

/// Where a text came from, so a link found in it later can be reported at its line.
pub(crate) struct TextSource {
    pub src: Source,
    pub body_line: usize,
    pub lang: Lang,
}

/// The sources of every language version of one document.
pub(crate) type DocSources = Vec<TextSource>;

fn statements(
    docs: &[Doc<StatementFile>],
    codes: &[String],
    ids: &tables::TableIds,
    people: &Ids,
    opts: &Options,
    diags: &mut Diagnostics,
) -> Vec<(Statement, DocSources)> {
    let mut out = Vec::new();
    for d in docs {
        let f = &d.front;
        if f.draft && !opts.drafts {
            continue;
        }
        let src = &d.src;
        let title = text(src, &["title"], f.title.clone(), codes, diags);
        let body = text(src, &["body"], f.body.clone(), codes, diags);
        for lang in (0..codes.len() as u8).map(Lang) {
            if !title.has(lang) || !body.has(lang) {
                diags.push(src.warning_at(
                    &["title"],
                    format!(
                        "no translation into `{}` yet: the {} text is shown",
                        codes[lang.index()],
                        codes[0]
                    ),
                ));
            }
        }
        if let Some(url) = &f.source
            && !(url.starts_with("https://") || url.starts_with("http://"))
        {
            diags.push(
                src.error_at(&["source"], format!("`{url}` is not a web address"))
                    .hint("write the full address, starting with https://"),
            );
        }
        if f.date.earliest() > opts.today {
            diags.push(src.error_at(&["date"], format!("{} is in the future", f.date)));
        }
        let signatories = unique(src, "signatories", &f.signatories, diags)
            .into_iter()
            .filter_map(|id| ids.organisations.resolve(src, &["signatories"], id, diags))
            .collect();
        let profiles = unique(src, "profiles", &f.profiles, diags)
            .into_iter()
            .filter_map(|slug| people.resolve(src, &["profiles"], slug, diags))
            .collect::<Vec<_>>();
        if f.profiles.is_empty() {
            diags.push(src.warning_at(
                &["title"],
                "this statement names nobody: list the people it is about under `profiles`",
            ));
        }
        let sources = (0..codes.len() as u8)
            .map(|l| TextSource {
                src: Source {
                    path: src.path.clone(),
                    text: src.text.clone(),
                    yaml_offset: 0,
                },
                body_line: 0,
                lang: Lang(l),
            })
            .collect();
        let statement = Statement {
            slug: d.key.clone(),
            title,
            body,
            date: f.date,
            source: f.source.clone(),
            signatories,
            profiles,
        };
        out.push((statement, sources));
    }
    out
}

/// Ids in a list, reporting any written twice.
fn unique<'a>(
    src: &Source,
    key: &str,
    ids: &'a [String],
    diags: &mut Diagnostics,
) -> Vec<&'a String> {
    let mut seen = HashSet::new();
    let mut keep = Vec::new();
    for id in ids {
        if seen.insert(id) {
            keep.push(id);
        } else {
            diags.push(src.error_at_value(
                &[key],
                id,
                format!("`{id}` is listed twice in `{key}`"),
            ));
        }
    }
    keep
}

pub(crate) fn text(
    src: &Source,
    keys: &[&str],
    raw: RawText,
    codes: &[String],
    diags: &mut Diagnostics,
) -> Text {
    Text::from_raw(raw, codes).unwrap_or_else(|m| {
        diags.push(src.error_at(keys, m));
        Text::empty(codes.len())
    })
}

fn pages(
    docs: Vec<Doc<crate::load::front::PageFront>>,
    translations: Vec<Doc<crate::load::front::PageFront>>,
    unreadable: &HashSet<String>,
    codes: &[String],
    opts: &Options,
    diags: &mut Diagnostics,
) -> Vec<(Page, DocSources)> {
    let mut out: Vec<(Page, DocSources)> = Vec::new();
    let mut by_path = HashMap::new();
    for d in docs {
        if d.front.draft && !opts.drafts {
            continue;
        }
        let first = d.key.split('/').next().unwrap_or("");
        if crate::urls::RESERVED.contains(&first) || codes.iter().any(|c| c == first) {
            diags.push(
                d.src
                    .error(
                        1,
                        1,
                        format!("the address `/{first}/` is used by the builder itself"),
                    )
                    .hint("rename the file or move it into another folder"),
            );
            continue;
        }
        let n = codes.len();
        let mut charts = vec![Vec::new(); n];
        charts[0] = crate::charts::blocks::read(&d.src, &d.body, d.body_line, diags);
        let page = Page {
            path: d.key.clone(),
            title: default_only(d.front.title, n),
            description: default_only(d.front.description.unwrap_or_default(), n),
            menu: d.front.menu,
            body: default_only(d.body, n),
            charts,
        };
        by_path.insert(d.key, out.len());
        let source = TextSource {
            src: d.src,
            body_line: d.body_line,
            lang: Lang::DEFAULT,
        };
        out.push((page, vec![source]));
    }
    // A translation replaces the words of its language only; what it leaves out stays in the default.
    let n = codes.len();
    for d in translations {
        let Some(&i) = by_path.get(&d.key) else {
            if (!d.front.draft || opts.drafts) && !unreadable.contains(&d.key) {
                diags.push(
                    d.src
                        .error(
                            1,
                            1,
                            format!(
                                "a translation of `content/{}.md`, which does not exist",
                                d.key
                            ),
                        )
                        .hint("add the default-language page first, or check the file name"),
                );
            }
            continue;
        };
        let (page, sources) = &mut out[i];
        page.title.set(d.lang, d.front.title);
        if let Some(desc) = d.front.description {
            page.description.set(d.lang, desc);
        }
        // A translation of the title alone leaves the text in the default language, marked as such.
        if !d.body.trim().is_empty() {
            page.charts[d.lang.index()] =
                crate::charts::blocks::read(&d.src, &d.body, d.body_line, diags);
            page.body.set(d.lang, d.body);
        }
        sources.push(TextSource {
            src: d.src,
            body_line: d.body_line,
            lang: d.lang,
        });
    }
    for (page, sources) in &out {
        for lang in (1..n as u8).map(Lang) {
            if !page.body.has(lang) {
                let code = &codes[lang.index()];
                let message = if sources.iter().any(|s| s.lang == lang) {
                    format!(
                        "content/{}.{code}.md has no text yet: the {} text is shown",
                        page.path, codes[0]
                    )
                } else {
                    format!(
                        "no translation into `{code}` yet: add content/{}.{code}.md",
                        page.path
                    )
                };
                diags.push(sources[0].src.warning(1, 1, message));
            }
        }
    }
    out.sort_by(|a, b| a.0.path.cmp(&b.0.path));
    out
}

/// A text known only in the default language (the other languages fall back to it).
pub(crate) fn default_only(s: impl Into<Words>, n: usize) -> Text {
    let mut out = Text::empty(n);
    out.set(Lang::DEFAULT, s);
    out
}

pub(crate) fn index(site: &Site) -> Index {
    let people = site.profiles.len();
    let mut ix = Index {
        statements_of_profile: vec![Vec::new(); people],
        statements_of_organisation: vec![Vec::new(); site.organisations.len()],
        people_of_status: Status::ALL.iter().map(|s| (*s, Vec::new())).collect(),
        people_of_profession: vec![Vec::new(); site.professions.len()],
        people_of_case: vec![Vec::new(); site.cases.len()],
        people_of_charge: vec![Vec::new(); site.charges.len()],
        people_of_prison: vec![Vec::new(); site.prisons.len()],
        people_of_organisation: vec![Vec::new(); site.organisations.len()],
    };
    for (i, s) in site.statements.iter().enumerate() {
        for &p in &s.profiles {
            ix.statements_of_profile[p].push(i);
        }
        for &o in &s.signatories {
            ix.statements_of_organisation[o].push(i);
        }
    }
    for (i, p) in site.profiles.iter().enumerate() {
        if let Some(entry) = ix.people_of_status.iter_mut().find(|(s, _)| *s == p.status) {
            entry.1.push(i);
        }
        if let Some(x) = p.profession {
            ix.people_of_profession[x].push(i)
        }
        if let Some(x) = p.case {
            ix.people_of_case[x].push(i)
        }
        if let Some(x) = p.prison {
            ix.people_of_prison[x].push(i)
        }
        if let Some(x) = p.organisation {
            ix.people_of_organisation[x].push(i)
        }
        for &c in &p.charges {
            ix.people_of_charge[c].push(i);
        }
    }
    ix.people_of_status.retain(|(_, people)| !people.is_empty());
    ix
}
