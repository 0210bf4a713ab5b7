//! A chart's figures in one language: the rows every drawing, description, table and CSV file of
//! the chart is made from, so they cannot disagree.

use crate::i18n::Strings;
use crate::model::Site;
use crate::text::Lang;
use crate::urls;

use super::query::{self, Counted, Label, Measure, QueryName, Shape};
use super::{Chart, Cite, Data, InlineLabel, Kind};

pub struct Table {
    /// Heading of the first column: "Profession", "Period"; empty for labels written inline.
    pub dimension: String,
    pub series: Vec<String>,
    pub rows: Vec<Row>,
    /// Rows are periods in order (drawn along a time axis).
    pub over_time: bool,
    /// What the chart leaves out, said under it.
    pub note: Option<String>,
}

pub struct Row {
    /// Stable and language-neutral, for the CSV file: an id, a status, an ISO date.
    pub key: String,
    pub label: String,
    /// A shorter form for axes: "Apr" for April 2024.
    pub short: String,
    pub values: Vec<f64>,
    pub person: Option<Person>,
    pub source: Option<Cite>,
}

pub struct Person {
    pub slug: String,
    pub name: String,
    pub href: String,
}

impl Row {
    pub fn total(&self) -> f64 {
        self.values.iter().sum()
    }
}

/// The words of one language, with what they need to name things.
pub struct Words<'a> {
    pub site: &'a Site,
    pub t: &'a Strings,
    pub lang: Lang,
}

impl Words<'_> {
    fn label(&self, l: Label) -> (String, String, String) {
        let (site, t, lang) = (self.site, self.t, self.lang);
        let same = |s: String, key: String| (key, s.clone(), s);
        match l {
            Label::Status(s) => same(t.status(s).into(), s.key().into()),
            Label::Gender(g) => same(
                t.gender(g).into(),
                match g {
                    crate::model::Gender::Female => "female".into(),
                    crate::model::Gender::Male => "male".into(),
                },
            ),
            Label::Profession(i) => same(
                site.professions[i].name.in_lang(lang).into(),
                site.professions[i].id.clone(),
            ),
            Label::Case(i) => same(
                site.cases[i].name.in_lang(lang).into(),
                site.cases[i].id.clone(),
            ),
            Label::Prison(i) => same(
                site.prisons[i].name.in_lang(lang).into(),
                site.prisons[i].id.clone(),
            ),
            Label::Charge(i) => {
                let c = &site.charges[i];
                (
                    c.id.clone(),
                    format!("{}: {}", c.article, c.text.in_lang(lang)),
                    c.article.clone(),
                )
            }
            Label::Unknown => same(t.charts.unknown.clone(), "unknown".into()),
            Label::Year(y) => same(y.to_string(), y.to_string()),
            Label::Month(y, m) => (
                format!("{y:04}-{m:02}"),
                t.short_month(y, m),
                t.months_short[(m - 1) as usize].clone(),
            ),
            Label::Day(d) => {
                let p = crate::date::PartialDate::from_date(d);
                same(t.date(p), p.to_string())
            }
            Label::Date(p) => same(t.date(p), p.to_string()),
            Label::Measure(m) => same(
                match m {
                    Measure::Held => t.charts.held.clone(),
                    Measure::Arrests => t.charts.arrests.clone(),
                    Measure::Releases => t.charts.releases.clone(),
                    Measure::People => t.charts.people.clone(),
                },
                "count".into(),
            ),
        }
    }

    fn dimension(&self, q: QueryName) -> String {
        use QueryName::*;
        let t = self.t;
        match q {
            HeldByStatus | PeopleByStatus => t.by_status.clone(),
            HeldByProfession => t.by_profession.clone(),
            HeldByGender => t.charts.gender.clone(),
            HeldByCase => t.by_case.clone(),
            HeldByCharge => t.by_charge.clone(),
            HeldByPrison => t.by_prison.clone(),
            HeldNow => String::new(),
            Arrests | HeldPerDay => t.charts.date.clone(),
            _ => t.charts.period.clone(),
        }
    }
}

pub fn build(chart: &Chart, w: &Words) -> Table {
    match &chart.data {
        Data::Query(q) => from_query(chart.kind, q.name, &query::run(w.site, q), w),
        Data::Inline(inline) => {
            let dated = inline
                .rows
                .iter()
                .all(|r| matches!(r.label, InlineLabel::Date(_)));
            let rows = inline
                .rows
                .iter()
                .map(|r| {
                    let (key, label, short) = match &r.label {
                        InlineLabel::Text(s) => (s.clone(), s.clone(), s.clone()),
                        InlineLabel::Date(d) => {
                            let (key, label, _) = w.label(Label::Date(*d));
                            let short = match (d.month, d.day) {
                                (Some(m), None) => w.t.short_month(d.year, m),
                                _ => label.clone(),
                            };
                            (key, label, short)
                        }
                    };
                    Row {
                        key,
                        label,
                        short,
                        values: r.values.clone(),
                        person: None,
                        source: r.source.clone(),
                    }
                })
                .collect();
            Table {
                dimension: if dated {
                    w.t.charts.date.clone()
                } else {
                    String::new()
                },
                series: inline.series.clone(),
                rows,
                over_time: dated,
                note: None,
            }
        }
    }
}

fn from_query(kind: Kind, name: QueryName, c: &Counted, w: &Words) -> Table {
    let mut rows: Vec<Row> = c
        .rows
        .iter()
        .map(|r| {
            let (key, label, short) = w.label(r.label);
            Row {
                key,
                label,
                short,
                values: r.values.clone(),
                person: r.person.map(|i| {
                    let p = &w.site.profiles[i];
                    Person {
                        slug: p.slug.clone(),
                        name: p.name.in_lang(w.lang).into(),
                        href: urls::href(&w.site.config, w.lang, &urls::person(&p.slug)),
                    }
                }),
                source: None,
            }
        })
        .collect();
    // A counter over a period shows the period's total.
    if kind == Kind::Counter && name.sums() {
        let total = c.total();
        let first = rows.first().map(|r| r.label.clone()).unwrap_or_default();
        let last = rows.last().map(|r| r.label.clone()).unwrap_or_default();
        rows = vec![Row {
            key: "total".into(),
            label: w
                .t
                .charts
                .span
                .replace("{from}", &first)
                .replace("{to}", &last),
            short: String::new(),
            values: vec![total],
            person: None,
            source: None,
        }];
    }
    Table {
        dimension: w.dimension(name),
        series: c.series.iter().map(|s| w.label(*s).1).collect(),
        over_time: name.shape() == Shape::Periods && kind != Kind::Counter,
        rows,
        note: (c.left_out > 0).then(|| {
            w.t.charts
                .not_shown
                .replace("{n}", &w.t.number(c.left_out as f64))
        }),
    }
}

/// The CSV file: stable English column names, then the series as named in the chart.
pub fn csv(table: &Table) -> String {
    let people = table.rows.iter().any(|r| r.person.is_some());
    let sources = table.rows.iter().any(|r| r.source.is_some());
    let mut w = csv::Writer::from_writer(Vec::new());
    let mut header = vec!["key".to_string(), "label".to_string()];
    header.extend(table.series.iter().cloned());
    if people {
        header.extend(["person".into(), "person_name".into()]);
    }
    if sources {
        header.extend(["source".into(), "source_url".into()]);
    }
    let _ = w.write_record(&header);
    for r in &table.rows {
        let mut rec = vec![r.key.clone(), r.label.clone()];
        rec.extend(r.values.iter().map(|v| v.to_string()));
        if people {
            let p = r.person.as_ref();
            rec.push(p.map(|p| p.slug.clone()).unwrap_or_default());
            rec.push(p.map(|p| p.name.clone()).unwrap_or_default());
        }
        if sources {
            let s = r.source.as_ref();
            rec.push(s.map(|s| s.text.clone()).unwrap_or_default());
            rec.push(s.and_then(|s| s.url.clone()).unwrap_or_default());
        }
        let _ = w.write_record(&rec);
    }
    String::from_utf8(w.into_inner().unwrap_or_default()).unwrap_or_default()
}
