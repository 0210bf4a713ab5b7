//! Infographics: charts written by volunteers as ```` ```chart ```` blocks of YAML in any page.
//!
//! `spec` reads and checks a block during validation into the typed `Chart` kept in the model;
//! `query` counts over the frozen `Site`; `table` puts the numbers into one language's words;
//! `svg` draws them and `figure` wraps the drawing with its caption, source, table and CSV link.

pub mod blocks;
pub mod figure;
pub mod query;
pub mod spec;
pub mod svg;
pub mod table;

use serde::Deserialize;

use crate::date::PartialDate;
pub use query::{QueryName, Split};

/// How a chart is drawn.
#[derive(Deserialize, Clone, Copy, Debug, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    HorizontalBar,
    VerticalBar,
    StackedBar,
    Line,
    Area,
    Counter,
    Timeline,
}

impl Kind {
    pub fn key(self) -> &'static str {
        match self {
            Kind::HorizontalBar => "horizontal-bar",
            Kind::VerticalBar => "vertical-bar",
            Kind::StackedBar => "stacked-bar",
            Kind::Line => "line",
            Kind::Area => "area",
            Kind::Counter => "counter",
            Kind::Timeline => "timeline",
        }
    }
}

/// Where figures come from: a text and, usually, a link.
#[derive(Clone, Debug, PartialEq)]
pub struct Cite {
    pub text: String,
    /// A web address, or a page of the site written from its root (`/people/`).
    pub url: Option<String>,
}

/// One chart of a page, checked: its data is either a named query or figures written inline.
#[derive(Clone, Debug)]
pub struct Chart {
    /// Unique in its page: names the CSV file and the SVG's ids.
    pub id: String,
    pub kind: Kind,
    pub title: String,
    pub caption: Option<String>,
    pub source: Option<Cite>,
    pub data: Data,
}

#[derive(Clone, Debug)]
pub enum Data {
    Query(Query),
    Inline(Inline),
}

#[derive(Clone, Debug, PartialEq)]
pub struct Query {
    pub name: QueryName,
    pub from: Option<PartialDate>,
    pub to: Option<PartialDate>,
    pub split: Option<Split>,
}

/// Figures from reports, each row with its source (or the chart's).
#[derive(Clone, Debug)]
pub struct Inline {
    /// Names of the series; one name per value of each row.
    pub series: Vec<String>,
    pub rows: Vec<InlineRow>,
}

#[derive(Clone, Debug)]
pub struct InlineRow {
    pub label: InlineLabel,
    pub values: Vec<f64>,
    pub source: Option<Cite>,
}

#[derive(Clone, Debug)]
pub enum InlineLabel {
    Text(String),
    /// Written in the page's language at render time ("Dec 2025", "dek 2025").
    Date(PartialDate),
}

/// The paths `files` writes, without drawing anything: what pages may link to.
pub fn paths(site: &crate::model::Site) -> Vec<String> {
    let mut out = Vec::new();
    for lang in site.config.langs() {
        for page in &site.pages {
            let path = crate::urls::page(&page.path);
            for chart in page.charts_in(lang) {
                for ext in ["csv", "svg"] {
                    out.push(crate::urls::file(
                        &site.config,
                        lang,
                        &figure::file_path(&path, chart, ext),
                    ));
                }
            }
        }
    }
    out
}

/// (output path, content) of the files beside every chart of every page, in every language: its
/// figures as CSV, and its drawing as a standalone SVG file (with an XML declaration) that others
/// can reuse.
pub fn files(site: &crate::model::Site, strings: &[crate::i18n::Strings]) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for lang in site.config.langs() {
        for page in &site.pages {
            let path = crate::urls::page(&page.path);
            let ctx = figure::Context {
                site,
                t: &strings[lang.index()],
                lang,
                page: &path,
                charts: page.charts_in(lang),
            };
            for chart in ctx.charts {
                let table = ctx.table(chart);
                let file = |ext| {
                    crate::urls::file(&site.config, lang, &figure::file_path(&path, chart, ext))
                };
                out.push((file("csv"), table::csv(&table)));
                let svg = svg::draw(chart, &table, ctx.t);
                out.push((
                    file("svg"),
                    format!("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n{svg}\n"),
                ));
            }
        }
    }
    out
}
