//! Open data: the people, statements and organisations as JSON and CSV files, one set per language
//! under that language's root (`data/profiles.json`, `az/data/profiles.json`), for journalists and
//! researchers to reuse.

mod records;

use serde::Serialize;

use crate::i18n::Strings;
use crate::model::{Profile, Site};
use crate::text::Lang;
use crate::urls;

use records::{Header, Records};

/// Paths of the data files, relative to a language's root.
pub const PROFILES_JSON: &str = "data/profiles.json";
pub const PROFILES_CSV: &str = "data/profiles.csv";
pub const STATEMENTS_JSON: &str = "data/statements.json";
pub const ORGANISATIONS_JSON: &str = "data/organisations.json";

#[derive(Serialize)]
struct File<T: Serialize> {
    #[serde(flatten)]
    header: Header,
    items: Vec<T>,
}

/// What the data files hold of one person, in every language. The charts count only what it
/// holds too: while it stays the same, so do the data and chart files (`vigil serve`).
pub fn person(site: &Site, strings: &[Strings], p: &Profile) -> String {
    site.config
        .langs()
        .map(|lang| {
            let r = Records {
                site,
                t: &strings[lang.index()],
                lang,
            };
            serde_json::to_string(&r.profile(p)).expect("a record serializes")
        })
        .collect()
}

/// The paths `files` writes, without making anything: what pages may link to.
pub fn paths(site: &Site) -> Vec<String> {
    site.config
        .langs()
        .flat_map(|lang| {
            [
                PROFILES_CSV,
                PROFILES_JSON,
                STATEMENTS_JSON,
                ORGANISATIONS_JSON,
            ]
            .map(|p| urls::file(&site.config, lang, p))
        })
        .collect()
}

/// (output path, content) of every data file of every language.
pub fn files(site: &Site, strings: &[Strings]) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for lang in site.config.langs() {
        let r = Records {
            site,
            t: &strings[lang.index()],
            lang,
        };
        let path = |p: &str| urls::file(&site.config, lang, p);
        let profiles: Vec<_> = site.profiles.iter().map(|p| r.profile(p)).collect();
        out.push((path(PROFILES_CSV), profiles_csv(&profiles)));
        out.push((path(PROFILES_JSON), json(r.header("profiles"), profiles)));
        let statements = (0..site.statements.len()).map(|i| r.statement(i)).collect();
        out.push((
            path(STATEMENTS_JSON),
            json(r.header("statements"), statements),
        ));
        let organisations = (0..site.organisations.len())
            .map(|i| r.organisation(i))
            .collect();
        out.push((
            path(ORGANISATIONS_JSON),
            json(r.header("organisations"), organisations),
        ));
    }
    out
}

/// The data files' links in one language, for the people index.
pub fn links(site: &Site, lang: Lang) -> Vec<(String, &'static str)> {
    [(PROFILES_CSV, "CSV"), (PROFILES_JSON, "JSON")]
        .into_iter()
        .map(|(p, label)| (urls::href(&site.config, lang, p), label))
        .collect()
}

fn json<T: Serialize>(header: Header, items: Vec<T>) -> String {
    let mut s = serde_json::to_string_pretty(&File { header, items }).expect("records serialize");
    s.push('\n');
    s
}

/// One line per person; lists (charges) joined with `;`, earlier arrests left to the JSON file.
fn profiles_csv(profiles: &[records::ProfileRecord]) -> String {
    let mut w = csv::Writer::from_writer(Vec::new());
    let _ = w.write_record([
        "slug",
        "url",
        "name",
        "status",
        "status_label",
        "held",
        "arrested",
        "released",
        "days_held",
        "born",
        "gender",
        "profession",
        "profession_name",
        "organisation",
        "organisation_name",
        "case",
        "case_name",
        "charges",
        "charge_articles",
        "sentence",
        "prison",
        "prison_name",
        "summary",
        "earlier_arrests",
    ]);
    let id = |r: &Option<records::Ref>| r.as_ref().map(|r| r.id.clone()).unwrap_or_default();
    let name = |r: &Option<records::Ref>| r.as_ref().map(|r| r.name.clone()).unwrap_or_default();
    let opt = |s: &Option<String>| s.clone().unwrap_or_default();
    for p in profiles {
        let _ = w.write_record([
            p.slug.clone(),
            p.url.clone(),
            p.name.clone(),
            p.status.to_string(),
            p.status_label.clone(),
            p.held.to_string(),
            p.arrested.clone(),
            opt(&p.released),
            p.days_held.map(|d| d.to_string()).unwrap_or_default(),
            opt(&p.born),
            p.gender.unwrap_or_default().to_string(),
            id(&p.profession),
            name(&p.profession),
            id(&p.organisation),
            name(&p.organisation),
            id(&p.case),
            name(&p.case),
            p.charges
                .iter()
                .map(|c| c.id.as_str())
                .collect::<Vec<_>>()
                .join(";"),
            p.charges
                .iter()
                .map(|c| c.article.as_str())
                .collect::<Vec<_>>()
                .join(";"),
            opt(&p.sentence),
            id(&p.prison),
            name(&p.prison),
            opt(&p.summary),
            p.earlier_arrests.len().to_string(),
        ]);
    }
    String::from_utf8(w.into_inner().unwrap_or_default()).unwrap_or_default()
}
