//! The "this month" page: birthdays of people held (where the month of birth is known) and the
//! anniversaries of their arrests, this month and next, so supporters can send a card in time.

use serde::Serialize;
use time::{Date, Month};

use crate::model::Profile;
use crate::urls;

use super::drawn::Drawn;
use super::pages::{Page, page};
use super::views::Views;

#[derive(Serialize)]
struct Calendar {
    months: Vec<MonthView>,
    write: Option<String>,
}

#[derive(Serialize)]
struct MonthView {
    heading: String,
    /// Birthdays, then arrest anniversaries; only those with someone in them.
    groups: Vec<DateGroup>,
}

#[derive(Serialize)]
struct DateGroup {
    heading: String,
    entries: Vec<Entry>,
}

#[derive(Serialize)]
struct Entry {
    /// A `PersonCard`, as the cards were drawn with (`Drawn::view`).
    card: tera::Value,
    /// "29 April", or the month alone when the day is not known.
    date: String,
    /// "turns 45", "2 years since the arrest".
    note: String,
    prison: Option<String>,
    address: Option<String>,
}

/// A person's date falling in (`year`, `month`): (day if known, years since).
fn in_month(d: crate::date::PartialDate, year: i32, month: u8) -> Option<(Option<u8>, i32)> {
    (d.month == Some(month) && d.year < year).then(|| (d.day, year - d.year))
}

/// The first days of the two months the calendar shows: this one and the next.
fn months(today: Date) -> [Date; 2] {
    let first = today.replace_day(1).expect("day 1");
    let next = match first.month() {
        Month::December => Date::from_calendar_date(first.year() + 1, Month::January, 1),
        m => Date::from_calendar_date(first.year(), m.next(), 1),
    }
    .expect("day 1");
    [first, next]
}

/// One of a person's dates as the calendar shows it: (month, a birthday rather than an arrest,
/// day if known, years since).
type Shown = (u8, bool, Option<u8>, i32);

/// What the calendar shows of a person besides their card: their dates in its two months, and
/// their prison; `None` when it does not show them. While it stays the same, a change to the
/// person leaves the calendar as it was but for their card (`vigil serve`).
pub fn shown(p: &Profile, today: Date) -> Option<(Vec<Shown>, Option<usize>)> {
    if !p.status.is_held() {
        return None;
    }
    let dates: Vec<Shown> = months(today)
        .into_iter()
        .flat_map(|m| {
            let (year, month) = (m.year(), m.month() as u8);
            let born = p.born.and_then(|d| in_month(d, year, month));
            let arrested = in_month(p.arrested, year, month);
            let shown = move |birthday| move |(day, years)| (month, birthday, day, years);
            born.map(shown(true))
                .into_iter()
                .chain(arrested.map(shown(false)))
        })
        .collect();
    (!dates.is_empty()).then_some((dates, p.prison))
}

pub fn this_month(v: &Views, drawn: &Drawn) -> Page {
    let site = v.site;
    let t = v.t;
    let held: Vec<(usize, &Profile)> = site
        .profiles
        .iter()
        .enumerate()
        .filter(|(_, p)| p.status.is_held())
        .collect();
    let months = months(site.today)
        .into_iter()
        .map(|m| {
            let (year, month) = (m.year(), m.month() as u8);
            let name = t.months[(month - 1) as usize].clone();
            let entry = |i: usize, p: &Profile, day: Option<u8>, note: String| {
                let date = crate::date::PartialDate {
                    year,
                    month: Some(month),
                    day,
                };
                let date = match date.day {
                    Some(d) => t
                        .day_month_format
                        .replace("{day}", &d.to_string())
                        .replace("{month}", &name),
                    None => name.clone(),
                };
                Entry {
                    card: drawn.view(v.lang, i).clone(),
                    date,
                    note,
                    prison: p
                        .prison
                        .map(|x| site.prisons[x].name.in_lang(v.lang).to_string()),
                    address: p.prison.and_then(|x| site.prisons[x].address.clone()),
                }
            };
            let mut birthdays: Vec<(Option<u8>, Entry)> = held
                .iter()
                .filter_map(|&(i, p)| {
                    let (day, age) = in_month(p.born?, year, month)?;
                    let note = t.calendar.turns.replace("{n}", &t.number(age as f64));
                    Some((day, entry(i, p, day, note)))
                })
                .collect();
            let mut anniversaries: Vec<(Option<u8>, Entry)> = held
                .iter()
                .filter_map(|&(i, p)| {
                    let (day, years) = in_month(p.arrested, year, month)?;
                    Some((day, entry(i, p, day, t.years(years as i64))))
                })
                .collect();
            // Known days in order; those known only to the month after them.
            let order = |e: &(Option<u8>, Entry)| e.0.unwrap_or(32);
            birthdays.sort_by_key(order);
            anniversaries.sort_by_key(order);
            let groups = [
                (&t.calendar.birthdays, birthdays),
                (&t.calendar.anniversaries, anniversaries),
            ]
            .into_iter()
            .filter(|(_, list)| !list.is_empty())
            .map(|(heading, list)| DateGroup {
                heading: heading.replace("{month}", &name),
                entries: list.into_iter().map(|e| e.1).collect(),
            })
            .collect();
            MonthView {
                heading: format!("{name} {year}"),
                groups,
            }
        })
        .collect();
    // Link the letter-writing advice when the campaign has such a page.
    let write = site
        .pages
        .iter()
        .find(|p| p.path.contains("letter"))
        .map(|p| v.href(&urls::page(&p.path)));
    page(
        urls::this_month(),
        "this-month.html",
        t.calendar.title.clone(),
        t.calendar.intro.clone(),
        Calendar { months, write },
    )
}
