//! A chart as it appears in a page: the drawing, its title and caption, where the figures come from,
//! a link to them as CSV, and the same figures as a table in a `<details>`.

use std::fmt::Write as _;

use crate::i18n::Strings;
use crate::model::Site;
use crate::text::Lang;
use crate::urls;

use super::svg::{self, escape};
use super::table::{self, Table, Words};
use super::{Chart, Cite, Data};

/// What a page's charts are drawn with: the site, one language, and the page they are in.
pub struct Context<'a> {
    pub site: &'a Site,
    pub t: &'a Strings,
    pub lang: Lang,
    /// The page's language-neutral path (`infographics/prisoners/`).
    pub page: &'a str,
    pub charts: &'a [Chart],
}

/// Where a chart's CSV or SVG file lives, relative to a language's root.
pub fn file_path(page: &str, chart: &Chart, ext: &str) -> String {
    format!("{page}{}.{ext}", chart.id)
}

impl Context<'_> {
    pub fn table(&self, chart: &Chart) -> Table {
        table::build(
            chart,
            &Words {
                site: self.site,
                t: self.t,
                lang: self.lang,
            },
        )
    }

    /// The HTML of the page's `n`-th chart.
    pub fn figure(&self, n: usize) -> String {
        let Some(chart) = self.charts.get(n) else {
            return String::new();
        };
        let table = self.table(chart);
        let t = self.t;
        let mut h = String::new();
        let _ = write!(
            h,
            "<figure class=\"chart chart-{}\" id=\"{}\"><figcaption><span class=\"chart-title\">{}</span>",
            chart.kind.key(),
            escape(&chart.id),
            escape(&chart.title)
        );
        if let Some(c) = &chart.caption {
            let _ = write!(h, " <span class=\"chart-caption\">{}</span>", escape(c));
        }
        let _ = write!(
            h,
            "</figcaption><div class=\"chart-frame\">{}</div>",
            svg::draw(chart, &table, t)
        );
        let _ = write!(
            h,
            "<p class=\"chart-source\">{}: {}",
            escape(&t.charts.source),
            self.sources(chart)
        );
        if let Some(n) = &table.note {
            let _ = write!(h, " {}", escape(n));
        }
        let href = |ext| {
            urls::href(
                &self.site.config,
                self.lang,
                &file_path(self.page, chart, ext),
            )
        };
        let _ = write!(
            h,
            " <a class=\"chart-file\" href=\"{}\" download>{}</a> <a class=\"chart-file\" href=\"{}\" download>{}</a></p>",
            escape(&href("csv")),
            escape(&t.charts.download_csv),
            escape(&href("svg")),
            escape(&t.charts.download_svg)
        );
        let _ = write!(
            h,
            "<details class=\"chart-data\"><summary>{}</summary>{}</details></figure>",
            escape(&t.charts.data_table),
            html_table(chart, &table, t)
        );
        h
    }

    /// The chart's source line: what it says, or each figure's own sources, or the profiles.
    fn sources(&self, chart: &Chart) -> String {
        let mut cites: Vec<Cite> = chart.source.iter().cloned().collect();
        if let Data::Inline(i) = &chart.data {
            for r in &i.rows {
                if let Some(c) = &r.source
                    && !cites.contains(c)
                {
                    cites.push(c.clone());
                }
            }
        }
        if cites.is_empty() {
            let date = self
                .t
                .date(crate::date::PartialDate::from_date(self.site.today));
            cites.push(Cite {
                text: self.t.charts.source_profiles.replace("{date}", &date),
                url: Some("/people/".into()),
            });
        }
        cites
            .iter()
            .map(|c| match &c.url {
                Some(u) => format!(
                    "<a href=\"{}\">{}</a>",
                    escape(&crate::markdown::link(u, &self.site.config, self.lang)),
                    escape(&c.text)
                ),
                None => escape(&c.text),
            })
            .collect::<Vec<_>>()
            .join("; ")
    }
}

fn html_table(chart: &Chart, table: &Table, t: &Strings) -> String {
    let people = table.rows.iter().any(|r| r.person.is_some());
    let sources = table.rows.iter().any(|r| r.source.is_some());
    let mut h = format!(
        "<table><caption>{}</caption><thead><tr><th scope=\"col\">{}</th>",
        escape(&chart.title),
        escape(&table.dimension)
    );
    if people {
        let _ = write!(h, "<th scope=\"col\">{}</th>", escape(&t.charts.person));
    } else {
        for s in &table.series {
            let _ = write!(h, "<th scope=\"col\">{}</th>", escape(s));
        }
    }
    if sources {
        let _ = write!(h, "<th scope=\"col\">{}</th>", escape(&t.charts.source));
    }
    h.push_str("</tr></thead><tbody>");
    for r in &table.rows {
        let _ = write!(h, "<tr><th scope=\"row\">{}</th>", escape(&r.label));
        if let Some(p) = &r.person {
            let _ = write!(
                h,
                "<td><a href=\"{}\">{}</a></td>",
                escape(&p.href),
                escape(&p.name)
            );
        } else if !people {
            for v in &r.values {
                let _ = write!(h, "<td>{}</td>", t.number(*v));
            }
        }
        if sources {
            let cell = match &r.source {
                Some(Cite { text, url: Some(u) }) if u.starts_with("http") => {
                    format!("<a href=\"{}\">{}</a>", escape(u), escape(text))
                }
                Some(c) => escape(&c.text),
                None => String::new(),
            };
            let _ = write!(h, "<td>{cell}</td>");
        }
        h.push_str("</tr>");
    }
    h.push_str("</tbody></table>");
    h
}
