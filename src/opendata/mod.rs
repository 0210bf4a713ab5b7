//! Open data: the people, statements and organisations as JSON and CSV files, one set per language
//! under that language's root (`data/profiles.json`, `az/data/profiles.json`), for journalists and
//! researchers to reuse.

mod records;

use std::sync::Arc;

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
            let r = Records::new(site, strings, lang);
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

/// (output path, content) of every data file of every language, and where each person's part of
/// the people's files lies in them.
pub fn files(site: &Site, strings: &[Strings]) -> (Vec<(String, String)>, Spans) {
    let mut out = Vec::new();
    let mut spans = Spans::default();
    for lang in site.config.langs() {
        let r = Records::new(site, strings, lang);
        let path = |p: &str| urls::file(&site.config, lang, p);
        let profiles: Vec<_> = site.profiles.iter().map(|p| r.profile(p)).collect();
        let (people_csv, csv_at) = profiles_csv(&profiles);
        let (people_json, json_at) = profiles_json(r.header("profiles"), &profiles);
        out.push((path(PROFILES_CSV), people_csv));
        out.push((path(PROFILES_JSON), people_json));
        spans.csv.push(csv_at);
        spans.json.push(json_at);
        let statements = (0..site.statements.len()).map(|i| r.statement(i)).collect();
        out.push((
            path(STATEMENTS_JSON),
            json(r.header("statements"), statements),
        ));
        out.push(organisations(site, &r));
    }
    (out, spans)
}

/// The organisations' file of one language: each with its statements and people.
fn organisations(site: &Site, r: &Records) -> (String, String) {
    let all = (0..site.organisations.len())
        .map(|i| r.organisation(i))
        .collect();
    (
        urls::file(&site.config, r.lang, ORGANISATIONS_JSON),
        json(r.header("organisations"), all),
    )
}

/// The organisations' files (every language), which name their people: for `vigil serve`, when
/// a person moved between organisations or in the order of names.
pub fn organisation_files(site: &Site, strings: &[Strings]) -> Vec<(String, String)> {
    site.config
        .langs()
        .map(|lang| organisations(site, &Records::new(site, strings, lang)))
        .collect()
}

/// Where each person's part lies in the people's JSON and CSV files of each language: person `i`
/// is `at[i]..at[i + 1]`.
#[derive(Default)]
pub struct Spans {
    json: Vec<Vec<usize>>,
    csv: Vec<Vec<usize>>,
}

/// A file in parts: what comes before the first person, each person's part, what comes after the
/// last. `vigil serve` keeps the people's files so: a save makes one person's part again and
/// shares every other, rather than copying files of megabytes (two per language) on each save.
pub type Parts = Vec<Arc<[u8]>>;

impl Spans {
    /// Takes the people's files out of `files` (as `files` made them), in parts.
    pub fn cut(&self, site: &Site, files: &mut Vec<(String, String)>) -> Vec<(String, Parts)> {
        let mut out = Vec::new();
        for lang in site.config.langs() {
            let l = lang.index();
            for (file, at) in [(PROFILES_CSV, &self.csv[l]), (PROFILES_JSON, &self.json[l])] {
                let path = urls::file(&site.config, lang, file);
                let Some(k) = files.iter().position(|(p, _)| *p == path) else {
                    continue;
                };
                let text = files.swap_remove(k).1.into_bytes();
                let bounds = std::iter::once(0)
                    .chain(at.iter().copied())
                    .chain([text.len()]);
                let parts = bounds
                    .clone()
                    .zip(bounds.skip(1))
                    .map(|(a, b)| Arc::from(&text[a..b]))
                    .collect();
                out.push((path, parts));
            }
        }
        out
    }
}

/// The people's files with the part of the person now at `i` (who stood at `from` in the order
/// the parts follow) made again from `site`, as (output path, parts), given each file's parts now;
/// `None` if one is not there.
pub fn rewrite(
    site: &Site,
    strings: &[Strings],
    from: usize,
    i: usize,
    now: impl Fn(&str) -> Option<Arc<Parts>>,
) -> Option<Vec<(String, Parts)>> {
    // The first item of the JSON list is the one without a comma before it.
    let mut remade = vec![i];
    if from.min(i) == 0 {
        remade.extend(
            [0, 1]
                .into_iter()
                .filter(|&k| k != i && k < site.profiles.len()),
        );
    }
    let mut out = Vec::new();
    for lang in site.config.langs() {
        let r = Records::new(site, strings, lang);
        let records: Vec<_> = remade
            .iter()
            .map(|&k| (k, r.profile(&site.profiles[k])))
            .collect();
        for file in [PROFILES_CSV, PROFILES_JSON] {
            let path = urls::file(&site.config, lang, file);
            let mut parts = Parts::clone(&*now(&path)?);
            if from + 1 >= parts.len() || i + 1 >= parts.len() {
                return None;
            }
            let part = parts.remove(from + 1);
            parts.insert(i + 1, part);
            for (k, record) in &records {
                let part = match file {
                    PROFILES_CSV => csv_rows(std::slice::from_ref(record), false).0,
                    _ => json_item(*k, record),
                };
                parts[k + 1] = Arc::from(part.into_bytes());
            }
            out.push((path, parts));
        }
    }
    Some(out)
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
/// With where each person's line starts, and where the last ends.
fn profiles_csv(profiles: &[records::ProfileRecord]) -> (String, Vec<usize>) {
    csv_rows(profiles, true)
}

/// The lines of `profiles`, after the line of column names if `header`; with where each starts.
fn csv_rows(profiles: &[records::ProfileRecord], header: bool) -> (String, Vec<usize>) {
    let mut w = csv::Writer::from_writer(Vec::new());
    let mut at = Vec::with_capacity(profiles.len() + 1);
    // Each line is written out at once, so the length written so far is where the next starts.
    let mut mark = |w: &mut csv::Writer<Vec<u8>>| {
        let _ = w.flush();
        at.push(w.get_ref().len());
    };
    if header {
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
    }
    mark(&mut w);
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
        mark(&mut w);
    }
    let text = String::from_utf8(w.into_inner().unwrap_or_default()).unwrap_or_default();
    (text, at)
}

/// The people's JSON file, as `json` writes it, with where each person's record starts (with the
/// `,` before it) and where the last ends.
fn profiles_json(header: Header, profiles: &[records::ProfileRecord]) -> (String, Vec<usize>) {
    let empty: Vec<records::ProfileRecord> = Vec::new();
    let mut s = json(header, empty);
    let mut at = Vec::with_capacity(profiles.len() + 1);
    if profiles.is_empty() {
        at.push(s.len());
        return (s, at);
    }
    // `"items": []` at the end, written out as serde_json's pretty printer writes a list.
    let tail = "[]\n}\n";
    debug_assert!(s.ends_with(tail));
    s.truncate(s.len() - tail.len());
    s.push_str("[\n");
    for (i, p) in profiles.iter().enumerate() {
        at.push(s.len());
        s.push_str(&json_item(i, p));
    }
    at.push(s.len());
    s.push_str("\n  ]\n}\n");
    (s, at)
}

/// The record at `i` as an item of the list of a file: pretty-printed, two levels in, after the
/// `,` that parts it from the one before.
fn json_item(i: usize, p: &records::ProfileRecord) -> String {
    let one = serde_json::to_string_pretty(p).expect("records serialize");
    let mut out = String::with_capacity(one.len() + one.len() / 8);
    if i > 0 {
        out.push_str(",\n");
    }
    for (i, line) in one.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        out.push_str("    ");
        out.push_str(line);
    }
    out
}
