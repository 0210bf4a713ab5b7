//! The named queries: every number the site shows about the people is counted here, once, over the
//! frozen `Site` (charts, the home page's headline, the counts beside each status).
//!
//! "Held" means deprived of liberty (pre-trial detention, prison, house arrest). Dates known only to
//! the month or year are never stretched: a period that is not known well enough is left out and
//! counted in `left_out`, so a chart can say what it does not show.

use std::collections::BTreeMap;

use serde::Deserialize;
use time::{Date, Duration, Month};

use crate::date::PartialDate;
use crate::model::{Gender, Profile, Site, Status};

#[derive(Deserialize, Clone, Copy, Debug, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
pub enum QueryName {
    HeldNow,
    HeldByStatus,
    HeldByProfession,
    HeldByGender,
    HeldByCase,
    HeldByCharge,
    HeldByPrison,
    PeopleByStatus,
    ArrestsPerMonth,
    ArrestsPerYear,
    HeldPerDay,
    HeldPerMonth,
    ReleasedPerYear,
    Arrests,
}

/// What a query's rows are.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shape {
    /// One number.
    Number,
    /// People grouped by something they have (a status, a profession).
    Categories,
    /// Counts over consecutive periods.
    Periods,
    /// Dated events, one row each (the timeline).
    Events,
}

impl QueryName {
    pub fn shape(self) -> Shape {
        use QueryName::*;
        match self {
            HeldNow => Shape::Number,
            HeldByStatus | HeldByProfession | HeldByGender | HeldByCase | HeldByCharge
            | HeldByPrison | PeopleByStatus => Shape::Categories,
            ArrestsPerMonth | ArrestsPerYear | HeldPerDay | HeldPerMonth | ReleasedPerYear => {
                Shape::Periods
            }
            Arrests => Shape::Events,
        }
    }

    /// Whether adding up the rows gives a meaningful total (a count of events in the period).
    pub fn sums(self) -> bool {
        use QueryName::*;
        matches!(self, ArrestsPerMonth | ArrestsPerYear | ReleasedPerYear)
    }
}

/// A second grouping that splits each row into series (drawn stacked, or as several lines).
#[derive(Deserialize, Clone, Copy, Debug, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
pub enum Split {
    Status,
    Gender,
    Profession,
    Case,
}

/// What a row or a series is about, before it is put into a language's words.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Label {
    Status(Status),
    Gender(Gender),
    Profession(usize),
    Case(usize),
    Charge(usize),
    Prison(usize),
    /// The fact is not recorded (or hidden at the family's request).
    Unknown,
    Year(i32),
    Month(i32, u8),
    Day(Date),
    Date(PartialDate),
    Measure(Measure),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Measure {
    Held,
    Arrests,
    Releases,
    People,
}

#[derive(Debug, PartialEq)]
pub struct Row {
    pub label: Label,
    pub values: Vec<f64>,
    /// The person a timeline event is about.
    pub person: Option<usize>,
}

/// A query's answer: rows, each with one value per series.
#[derive(Debug, PartialEq)]
pub struct Counted {
    pub series: Vec<Label>,
    pub rows: Vec<Row>,
    /// Events the chart cannot place because their date is not known precisely enough.
    pub left_out: usize,
}

impl Counted {
    pub fn total(&self) -> f64 {
        self.rows.iter().flat_map(|r| &r.values).sum()
    }
}

pub fn run(site: &Site, q: &super::Query) -> Counted {
    use QueryName::*;
    let held = |p: &&Profile| p.status.is_held();
    match q.name {
        HeldNow => Counted {
            series: vec![Label::Measure(Measure::Held)],
            rows: vec![Row {
                label: Label::Measure(Measure::Held),
                values: vec![held_now(site) as f64],
                person: None,
            }],
            left_out: 0,
        },
        HeldByStatus => categories(site, held, Facet::Status, q.split),
        HeldByProfession => categories(site, held, Facet::Profession, q.split),
        HeldByGender => categories(site, held, Facet::Gender, q.split),
        HeldByCase => categories(site, held, Facet::Case, q.split),
        HeldByCharge => categories(site, held, Facet::Charge, q.split),
        HeldByPrison => categories(site, held, Facet::Prison, q.split),
        PeopleByStatus => categories(site, |_| true, Facet::Status, q.split),
        ArrestsPerMonth => per_period(site, q, Step::Month, &arrests(site), Measure::Arrests),
        ArrestsPerYear => per_period(site, q, Step::Year, &arrests(site), Measure::Arrests),
        ReleasedPerYear => per_period(site, q, Step::Year, &releases(site), Measure::Releases),
        HeldPerDay => held_over_time(site, q, Step::Day),
        HeldPerMonth => held_over_time(site, q, Step::Month),
        Arrests => timeline(site, q),
    }
}

/// The headline: people deprived of liberty today.
pub fn held_now(site: &Site) -> usize {
    site.profiles.iter().filter(|p| p.status.is_held()).count()
}

/// Everyone on the site by status, in the order statuses are always shown.
pub fn people_by_status(site: &Site) -> Vec<(Status, usize)> {
    Status::ALL
        .iter()
        .map(|s| (*s, site.profiles.iter().filter(|p| p.status == *s).count()))
        .filter(|(_, n)| *n > 0)
        .collect()
}

#[derive(Clone, Copy)]
enum Facet {
    Status,
    Gender,
    Profession,
    Case,
    Charge,
    Prison,
}

fn facet(p: &Profile, f: Facet) -> Vec<Label> {
    let or_unknown = |x: Option<Label>| vec![x.unwrap_or(Label::Unknown)];
    match f {
        Facet::Status => vec![Label::Status(p.status)],
        Facet::Gender => or_unknown(p.gender.map(Label::Gender)),
        Facet::Profession => or_unknown(p.profession.map(Label::Profession)),
        Facet::Case => or_unknown(p.case.map(Label::Case)),
        Facet::Prison => or_unknown(p.prison.map(Label::Prison)),
        // Someone charged under several articles counts under each of them.
        Facet::Charge if p.charges.is_empty() => vec![Label::Unknown],
        Facet::Charge => p.charges.iter().map(|&c| Label::Charge(c)).collect(),
    }
}

fn split_facet(s: Split) -> Facet {
    match s {
        Split::Status => Facet::Status,
        Split::Gender => Facet::Gender,
        Split::Profession => Facet::Profession,
        Split::Case => Facet::Case,
    }
}

/// The series a split makes, in a stable order, or the one series `measure`.
fn series_of(site: &Site, people: &[usize], split: Option<Split>, measure: Measure) -> Vec<Label> {
    let Some(s) = split else {
        return vec![Label::Measure(measure)];
    };
    let mut labels: Vec<Label> = people
        .iter()
        .flat_map(|&i| facet(&site.profiles[i], split_facet(s)))
        .collect();
    labels.sort();
    labels.dedup();
    labels
}

fn series_index(site: &Site, series: &[Label], person: usize, split: Option<Split>) -> usize {
    match split {
        None => 0,
        Some(s) => {
            let l = facet(&site.profiles[person], split_facet(s))[0];
            series.iter().position(|x| *x == l).unwrap_or(0)
        }
    }
}

fn categories(
    site: &Site,
    keep: impl Fn(&&Profile) -> bool,
    by: Facet,
    split: Option<Split>,
) -> Counted {
    let people: Vec<usize> = (0..site.profiles.len())
        .filter(|&i| keep(&&site.profiles[i]))
        .collect();
    let series = series_of(site, &people, split, Measure::People);
    let mut rows: BTreeMap<Label, Vec<f64>> = BTreeMap::new();
    for &i in &people {
        let s = series_index(site, &series, i, split);
        for label in facet(&site.profiles[i], by) {
            rows.entry(label).or_insert_with(|| vec![0.0; series.len()])[s] += 1.0;
        }
    }
    let mut rows: Vec<Row> = rows
        .into_iter()
        .map(|(label, values)| Row {
            label,
            values,
            person: None,
        })
        .collect();
    // Statuses and genders keep their natural order; other groups go largest first, "not recorded" last.
    if !matches!(by, Facet::Status | Facet::Gender) {
        let sum = |r: &Row| r.values.iter().sum::<f64>();
        rows.sort_by(|a, b| {
            (a.label == Label::Unknown)
                .cmp(&(b.label == Label::Unknown))
                .then(sum(b).total_cmp(&sum(a)))
                .then(a.label.cmp(&b.label))
        });
    }
    Counted {
        series,
        rows,
        left_out: 0,
    }
}

/// Every arrest on the site, the current one and earlier ones: (person, date).
pub fn arrests(site: &Site) -> Vec<(usize, PartialDate)> {
    let mut out = Vec::new();
    for (i, p) in site.profiles.iter().enumerate() {
        out.push((i, p.arrested));
        out.extend(p.earlier.iter().map(|a| (i, a.arrested)));
    }
    out
}

fn releases(site: &Site) -> Vec<(usize, PartialDate)> {
    let mut out = Vec::new();
    for (i, p) in site.profiles.iter().enumerate() {
        out.extend(p.released.map(|r| (i, r)));
        out.extend(p.earlier.iter().filter_map(|a| a.released.map(|r| (i, r))));
    }
    out
}

#[derive(Clone, Copy, PartialEq)]
enum Step {
    Day,
    Month,
    Year,
}

/// The periods from `from` to `to`, both included, as (first day, label).
fn periods(from: Date, to: Date, step: Step) -> Vec<(Date, Label)> {
    let mut out = Vec::new();
    let mut d = match step {
        Step::Day => from,
        Step::Month => from.replace_day(1).expect("day 1"),
        Step::Year => Date::from_calendar_date(from.year(), Month::January, 1).expect("1 January"),
    };
    while d <= to {
        let label = match step {
            Step::Day => Label::Day(d),
            Step::Month => Label::Month(d.year(), d.month() as u8),
            Step::Year => Label::Year(d.year()),
        };
        out.push((d, label));
        d = match step {
            Step::Day => d + Duration::days(1),
            Step::Month => first_of_next_month(d),
            Step::Year => Date::from_calendar_date(d.year() + 1, Month::January, 1).expect("year"),
        };
    }
    out
}

fn first_of_next_month(d: Date) -> Date {
    let (y, m) = match d.month() {
        Month::December => (d.year() + 1, Month::January),
        m => (d.year(), m.next()),
    };
    Date::from_calendar_date(y, m, 1).expect("day 1")
}

/// The period `d` falls in, if the date is known precisely enough for `step`.
fn period_of(d: PartialDate, step: Step) -> Option<Label> {
    match step {
        Step::Year => Some(Label::Year(d.year)),
        Step::Month => d.month.map(|m| Label::Month(d.year, m)),
        Step::Day => d.to_date().map(Label::Day),
    }
}

fn span(site: &Site, q: &super::Query, first: Option<Date>) -> (Date, Date) {
    let to =
        q.to.map(PartialDate::latest)
            .unwrap_or(site.today)
            .min(site.today);
    let from = q
        .from
        .map(PartialDate::earliest)
        .or(first)
        .unwrap_or(site.today);
    (from, to)
}

fn per_period(
    site: &Site,
    q: &super::Query,
    step: Step,
    events: &[(usize, PartialDate)],
    measure: Measure,
) -> Counted {
    let (from, to) = span(site, q, events.iter().map(|(_, d)| d.earliest()).min());
    let people: Vec<usize> = events.iter().map(|(i, _)| *i).collect();
    let series = series_of(site, &people, q.split, measure);
    let periods = periods(from, to, step);
    let mut rows: Vec<Row> = periods
        .iter()
        .map(|(_, label)| Row {
            label: *label,
            values: vec![0.0; series.len()],
            person: None,
        })
        .collect();
    let mut left_out = 0;
    for &(i, d) in events {
        if d.latest() < from || d.earliest() > to {
            continue;
        }
        match period_of(d, step).and_then(|l| rows.iter().position(|r| r.label == l)) {
            Some(r) => rows[r].values[series_index(site, &series, i, q.split)] += 1.0,
            None => left_out += 1,
        }
    }
    Counted {
        series,
        rows,
        left_out,
    }
}

/// Spans of deprivation of liberty, as (person, first day surely held, first day surely free).
/// A partial date is read the cautious way: the arrest at its latest, the release at its earliest.
fn held_spans(site: &Site) -> (Vec<(usize, Date, Option<Date>)>, usize) {
    let mut spans = Vec::new();
    let mut unknown = 0;
    for (i, p) in site.profiles.iter().enumerate() {
        match (p.status.is_held(), p.released) {
            (true, _) => spans.push((i, p.arrested.latest(), None)),
            (false, Some(r)) => spans.push((i, p.arrested.latest(), Some(r.earliest()))),
            // Released without a date (or with it hidden): held once, but not known until when.
            (false, None) if p.status == Status::Released => unknown += 1,
            // A travel ban or exile is not a deprivation of liberty.
            (false, None) => {}
        }
        for a in &p.earlier {
            match a.released {
                Some(r) => spans.push((i, a.arrested.latest(), Some(r.earliest()))),
                None => unknown += 1,
            }
        }
    }
    (spans, unknown)
}

fn held_over_time(site: &Site, q: &super::Query, step: Step) -> Counted {
    let (spans, unknown) = held_spans(site);
    let (from, to) = span(site, q, spans.iter().map(|s| s.1).min());
    let people: Vec<usize> = spans.iter().map(|s| s.0).collect();
    let series = series_of(site, &people, q.split, Measure::Held);
    // One sweep over the days counted, in order: a span counts from its arrest to the day before
    // its release (never, for a release recorded before the arrest). Looking at every span for
    // every month was most of what `vigil serve` spent on a save that changed a count.
    let of = |i| series_index(site, &series, i, q.split);
    let mut arrests: Vec<(Date, usize)> = spans.iter().map(|&(i, b, _)| (b, of(i))).collect();
    let mut releases: Vec<(Date, usize)> = spans
        .iter()
        .filter_map(|&(i, b, e)| Some((e?.max(b), of(i))))
        .collect();
    arrests.sort_unstable();
    releases.sort_unstable();
    let (mut arrested, mut released) = (arrests.iter().peekable(), releases.iter().peekable());
    let mut held = vec![0i64; series.len()];
    let rows = periods(from, to, step)
        .into_iter()
        .map(|(start, label)| {
            // A month is counted on its last day (or today, for the month not over yet).
            let day = match step {
                Step::Month => (first_of_next_month(start) - Duration::days(1)).min(to),
                _ => start,
            };
            while let Some(&(_, s)) = arrested.next_if(|(d, _)| *d <= day) {
                held[s] += 1;
            }
            while let Some(&(_, s)) = released.next_if(|(d, _)| *d <= day) {
                held[s] -= 1;
            }
            Row {
                label,
                values: held.iter().map(|&n| n as f64).collect(),
                person: None,
            }
        })
        .collect();
    Counted {
        series,
        rows,
        left_out: unknown,
    }
}

fn timeline(site: &Site, q: &super::Query) -> Counted {
    let (from, to) = span(site, q, Some(Date::MIN));
    let mut events: Vec<(usize, PartialDate)> = arrests(site)
        .into_iter()
        .filter(|(_, d)| d.earliest() >= from && d.earliest() <= to)
        .collect();
    events.sort_by(|a, b| {
        (a.1.earliest(), a.1)
            .cmp(&(b.1.earliest(), b.1))
            .then(a.0.cmp(&b.0))
    });
    Counted {
        series: vec![Label::Measure(Measure::Arrests)],
        rows: events
            .into_iter()
            .map(|(i, d)| Row {
                label: Label::Date(d),
                values: vec![1.0],
                person: Some(i),
            })
            .collect(),
        left_out: 0,
    }
}
