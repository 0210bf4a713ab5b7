//! A chart block as volunteers write it, and the checks that turn it into a `Chart`.
//!
//! Every mistake is reported at its line in the page, with what to write instead.

use std::fmt;

use serde::Deserialize;
use serde::de::{self, Deserializer, Visitor};

use crate::date::PartialDate;
use crate::diag::{Diagnostic, Diagnostics};
use crate::yaml::Source;

use super::query::Shape;
use super::{Chart, Cite, Data, Inline, InlineLabel, InlineRow, Kind, Query, QueryName, Split};

#[derive(Deserialize, Debug)]
#[serde(deny_unknown_fields)]
pub struct ChartSpec {
    pub kind: Kind,
    pub title: Words,
    pub caption: Option<Words>,
    /// Names the CSV file; `chart-1`, `chart-2`... when left out.
    pub id: Option<String>,
    pub source: Option<CiteSpec>,
    pub query: Option<QueryName>,
    pub from: Option<PartialDate>,
    pub to: Option<PartialDate>,
    pub split: Option<Split>,
    pub series: Option<Vec<Words>>,
    pub data: Option<Vec<RowSpec>>,
}

#[derive(Deserialize, Debug)]
#[serde(deny_unknown_fields)]
pub struct CiteSpec {
    pub text: Words,
    pub url: Option<String>,
}

#[derive(Deserialize, Debug)]
#[serde(deny_unknown_fields)]
pub struct RowSpec {
    pub label: Option<Words>,
    pub date: Option<PartialDate>,
    pub value: Option<Number>,
    pub values: Option<Vec<Number>>,
    pub source: Option<CiteSpec>,
}

/// Words as written: `label: 2023` is the text "2023", not a type error.
#[derive(Debug, Clone)]
pub struct Words(pub String);

impl<'de> Deserialize<'de> for Words {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = Words;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("some words")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Words, E> {
                Ok(Words(v.to_string()))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Words, E> {
                Ok(Words(v.to_string()))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Words, E> {
                Ok(Words(v.to_string()))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Words, E> {
                Ok(Words(v.to_string()))
            }
        }
        d.deserialize_any(V)
    }
}

/// A figure: a number of zero or more, never words.
#[derive(Debug, Clone, Copy)]
pub struct Number(pub f64);

impl<'de> Deserialize<'de> for Number {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = Number;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a number such as 400")
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Number, E> {
                Ok(Number(v as f64))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Number, E> {
                self.visit_f64(v as f64)
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Number, E> {
                if v < 0.0 || !v.is_finite() {
                    return Err(E::custom(format!(
                        "`{v}` cannot be drawn: a figure is a count of zero or more"
                    )));
                }
                Ok(Number(v))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Number, E> {
                Err(E::custom(format!(
                    "`{v}` is not a number: write digits only, such as 400 (no spaces, commas or words)"
                )))
            }
            fn visit_bool<E: de::Error>(self, v: bool) -> Result<Number, E> {
                self.visit_str(&v.to_string())
            }
            fn visit_unit<E: de::Error>(self) -> Result<Number, E> {
                self.visit_str("")
            }
        }
        d.deserialize_any(V)
    }
}

/// Checks a parsed block; `n` is its place in the page (1, 2, ...).
pub fn check(spec: ChartSpec, src: &Source, n: usize, diags: &mut Diagnostics) -> Option<Chart> {
    let before = diags.errors();
    let id = match spec.id {
        Some(id) if !is_slug(&id) => {
            diags.push(
                src.error_at(&["id"], format!("`{id}` cannot name a file"))
                    .hint("use lower-case letters a-z, digits and hyphens"),
            );
            id
        }
        Some(id) => id,
        None => format!("chart-{n}"),
    };
    let source = spec.source.map(|c| cite(c, src, &["source", "url"], diags));
    let data = match (spec.query, spec.data) {
        (Some(_), Some(_)) => {
            diags.push(
                src.error_at(&["data"], "a chart has `query` or `data`, not both")
                    .hint("remove one: `query` counts the profiles, `data` holds figures from a report"),
            );
            None
        }
        (None, None) => {
            diags.push(
                src.error_at(&["kind"], "this chart has no figures")
                    .hint("add `query: held-by-profession` (counted from the profiles) or `data:` (figures from a report, each with its source)"),
            );
            None
        }
        (Some(name), None) => {
            let q = Query {
                name,
                from: spec.from,
                to: spec.to,
                split: spec.split,
            };
            check_query(spec.kind, &q, src, diags);
            Some(Data::Query(q))
        }
        (None, Some(rows)) => {
            for key in ["from", "to", "split"] {
                let set = match key {
                    "from" => spec.from.is_some(),
                    "to" => spec.to.is_some(),
                    _ => spec.split.is_some(),
                };
                if set {
                    diags.push(
                        src.error_at(&[key], format!("`{key}` applies to a `query` only"))
                            .hint("figures written under `data` are drawn as they are: remove it"),
                    );
                }
            }
            let series = spec
                .series
                .map(|s| s.into_iter().map(|w| w.0).collect())
                .unwrap_or_else(|| vec![spec.title.0.clone()]);
            inline(spec.kind, series, rows, source.is_some(), src, diags).map(Data::Inline)
        }
    };
    let chart = Chart {
        id,
        kind: spec.kind,
        title: spec.title.0,
        caption: spec.caption.map(|w| w.0),
        source,
        data: data?,
    };
    (diags.errors() == before).then_some(chart)
}

fn is_slug(s: &str) -> bool {
    !s.is_empty()
        && s.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

fn cite(c: CiteSpec, src: &Source, at: &[&str], diags: &mut Diagnostics) -> Cite {
    if let Some(url) = &c.url {
        let ok = url.starts_with("https://") || url.starts_with("http://") || url.starts_with('/');
        if !ok {
            diags.push(
                src.error_at_value(at, url, format!("`{url}` is not a web address"))
                    .hint("write the full address (https://...), or a page of this site from its root (/people/)"),
            );
        }
    }
    Cite {
        text: c.text.0,
        url: c.url,
    }
}

/// Which kinds can draw which queries.
fn check_query(kind: Kind, q: &Query, src: &Source, diags: &mut Diagnostics) {
    let shape = q.name.shape();
    let fits = match kind {
        Kind::Counter => shape == Shape::Number || q.name.sums(),
        Kind::Timeline => shape == Shape::Events,
        Kind::HorizontalBar => shape == Shape::Categories,
        Kind::VerticalBar | Kind::Line | Kind::Area => shape == Shape::Periods,
        Kind::StackedBar => matches!(shape, Shape::Categories | Shape::Periods),
    };
    if !fits {
        let hint = match kind {
            Kind::Counter => {
                "a counter shows one number: use held-now, arrests-per-year, arrests-per-month or released-per-year (their total)"
            }
            Kind::Timeline => "a timeline shows each arrest: use `query: arrests`",
            Kind::HorizontalBar => {
                "bars compare groups: use a held-by-... or people-by-status query"
            }
            _ => {
                "this kind is drawn over time: use arrests-per-month, arrests-per-year, held-per-month, held-per-day or released-per-year"
            }
        };
        diags.push(
            src.error_at_value(
                &["query"],
                query_key(q.name),
                format!("a {} chart cannot draw this query", kind.key()),
            )
            .hint(hint),
        );
    }
    if let Some(split) = q.split {
        let problem = match (kind, shape) {
            (Kind::Area | Kind::Counter | Kind::Timeline, _) => {
                Some(format!("a {} chart draws one series", kind.key()))
            }
            (_, Shape::Periods) if split == Split::Status => {
                Some("a status is today's: it cannot split the past".into())
            }
            _ => None,
        };
        if let Some(m) = problem {
            diags.push(
                src.error_at(&["split"], m)
                    .hint("remove `split`, or split by gender, profession or case"),
            );
        }
    } else if kind == Kind::StackedBar {
        diags.push(
            src.error_at(&["kind"], "a stacked bar needs several series")
                .hint("add `split: gender` (or status, profession, case), or use horizontal-bar"),
        );
    }
    if q.from.is_some() || q.to.is_some() {
        if !matches!(shape, Shape::Periods | Shape::Events) {
            let key = if q.from.is_some() { "from" } else { "to" };
            diags.push(
                src.error_at(&[key], "this query counts today: it has no period")
                    .hint("remove `from` and `to`"),
            );
        }
        if let (Some(f), Some(t)) = (q.from, q.to)
            && f.earliest() > t.latest()
        {
            diags.push(src.error_at(
                &["to"],
                format!("the period ends ({t}) before it starts ({f})"),
            ));
        }
    }
}

/// The name a query is written with, to point at it.
fn query_key(q: QueryName) -> &'static str {
    use QueryName::*;
    match q {
        HeldNow => "held-now",
        HeldByStatus => "held-by-status",
        HeldByProfession => "held-by-profession",
        HeldByGender => "held-by-gender",
        HeldByCase => "held-by-case",
        HeldByCharge => "held-by-charge",
        HeldByPrison => "held-by-prison",
        PeopleByStatus => "people-by-status",
        ArrestsPerMonth => "arrests-per-month",
        ArrestsPerYear => "arrests-per-year",
        HeldPerDay => "held-per-day",
        HeldPerMonth => "held-per-month",
        ReleasedPerYear => "released-per-year",
        Arrests => "arrests",
    }
}

fn inline(
    kind: Kind,
    series: Vec<String>,
    rows: Vec<RowSpec>,
    chart_source: bool,
    src: &Source,
    diags: &mut Diagnostics,
) -> Option<Inline> {
    let problem = match kind {
        Kind::Timeline => {
            Some("a timeline is drawn from the profiles: use `query: arrests` instead of `data`")
        }
        Kind::Counter if rows.len() != 1 || series.len() != 1 => {
            Some("a counter shows one number: write one row with one `value`")
        }
        Kind::StackedBar if series.len() < 2 => Some(
            "a stacked bar needs several series: name them under `series` and give each row `values: [...]`",
        ),
        Kind::Area if series.len() > 1 => {
            Some("an area chart draws one series: use a line chart for several")
        }
        _ => None,
    };
    if let Some(m) = problem {
        diags.push(src.error_at(&["kind"], m));
    }
    if rows.is_empty() {
        diags.push(
            src.error_at(&["data"], "`data` has no rows")
                .hint("- label: 2025\n    value: 400\n    source: {text: ..., url: https://...}"),
        );
    }
    let mut out = Vec::new();
    for (i, r) in rows.into_iter().enumerate() {
        let at = |m: String| {
            let (line, col) = row_position(src, i);
            src.error(line, col, m)
        };
        let label = match (r.label, r.date) {
            (Some(l), None) => InlineLabel::Text(l.0),
            (None, Some(d)) => InlineLabel::Date(d),
            _ => {
                diags.push(
                    at("each row needs either `label` or `date`".into())
                        .hint("label: Human-rights defenders, or date: 2025-12"),
                );
                InlineLabel::Text(String::new())
            }
        };
        let values: Vec<f64> = match (r.value, r.values) {
            (Some(v), None) => vec![v.0],
            (None, Some(vs)) => vs.into_iter().map(|v| v.0).collect(),
            _ => {
                diags.push(
                    at("each row needs either `value` or `values`".into()).hint("value: 400"),
                );
                continue;
            }
        };
        if values.len() != series.len() {
            diags.push(
                at(format!(
                    "{} values for {} series",
                    values.len(),
                    series.len()
                ))
                .hint("give one value per name under `series`"),
            );
        }
        if r.source.is_none() && !chart_source {
            diags.push(at("this figure has no source".into()).hint(
                "say where it comes from: source: {text: Report of ..., url: https://...} (on the row, or once for the whole chart)",
            ));
        }
        let source = r.source.map(|c| cite(c, src, &["data", "url"], diags));
        out.push(InlineRow {
            label,
            values,
            source,
        });
    }
    Some(Inline { series, rows: out })
}

/// Line and column of the `i`-th item of the block's `data` list.
fn row_position(src: &Source, i: usize) -> (usize, usize) {
    let (data_line, _) = crate::yaml::locate(&src.text, src.yaml_offset, &["data"], None);
    let mut item_indent = None;
    let mut seen = 0;
    for (n, line) in src.text.lines().enumerate().skip(data_line) {
        let indent = line.len() - line.trim_start().len();
        if !line.trim_start().starts_with("- ") {
            continue;
        }
        let indent_ok = *item_indent.get_or_insert(indent) == indent;
        if indent_ok {
            if seen == i {
                return (n + 1, indent + 1);
            }
            seen += 1;
        }
    }
    (data_line, 1)
}

/// A located error for a whole block, used when its YAML cannot be read at all.
pub fn empty_block(src: &Source, line: usize) -> Diagnostic {
    src.error(line, 1, "this chart block is empty")
        .hint("write the chart's YAML between the fences: kind, title, and query or data")
}
