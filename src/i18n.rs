//! The theme's own words, one file per language: `themes/<name>/i18n/<lang>.yaml`.
//!
//! A typed struct rather than a map: a key missing from a language file is a build error that names
//! the key, never an empty space on a published page.

use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::diag::{Diagnostic, Diagnostics};
use crate::model::Status;
use crate::yaml::Source;

#[derive(Deserialize, Serialize, Debug)]
#[serde(deny_unknown_fields)]
pub struct Strings {
    /// The language's own name, as shown in the language switcher: "Azərbaycanca".
    pub language_name: String,
    /// Open Graph locale: `az_AZ`.
    pub locale: String,
    pub skip_to_content: String,
    pub menu: String,
    pub nav_home: String,
    pub nav_people: String,
    pub nav_statements: String,
    pub nav_organisations: String,
    pub language_switch: String,
    /// "{n}" is replaced by the count.
    pub held_now: String,
    pub held_now_note: String,
    pub latest_statements: String,
    pub all_statements: String,
    pub all_people: String,
    pub people_title: String,
    /// Above the home page's cards when it does not show everyone held: "{n}" shown, "{total}" held.
    pub home_latest: String,
    pub people_intro: String,
    pub browse_by: String,
    pub by_status: String,
    pub by_profession: String,
    pub by_case: String,
    pub by_charge: String,
    pub by_prison: String,
    pub statements_title: String,
    pub statements_intro: String,
    pub organisations_title: String,
    pub organisations_intro: String,
    pub status: StatusNames,
    pub facts: String,
    pub fact_status: String,
    pub fact_arrested: String,
    pub fact_released: String,
    pub fact_born: String,
    pub fact_held: String,
    pub fact_profession: String,
    pub fact_organisation: String,
    pub fact_case: String,
    pub fact_charges: String,
    pub fact_sentence: String,
    pub fact_prison: String,
    pub prison_address: String,
    /// "{n}" days, singular and plural.
    pub days_one: String,
    pub days_other: String,
    /// "{date}": "since April 2024".
    pub since: String,
    pub earlier_arrests: String,
    pub biography: String,
    pub statements_naming: String,
    pub same_case: String,
    /// "{n}": the link to a case's page when a person's page shows only some of its people.
    pub same_case_all: String,
    pub signatories: String,
    pub signed_statements: String,
    pub people_named: String,
    pub read_original: String,
    pub published: String,
    pub country: String,
    pub website: String,
    /// "{language}": shown where a text is not translated yet.
    pub not_translated: String,
    pub not_found_title: String,
    pub not_found_text: String,
    pub feed: String,
    /// The share links: their heading, the e-mail link, the copy button and what it says once done.
    pub share: String,
    pub share_email: String,
    pub share_copy: String,
    pub share_copied: String,
    pub no_people: String,
    pub no_statements: String,
    pub footer: String,
    pub photo_placeholder: String,
    /// "{day}", "{month}", "{year}".
    pub date_format: String,
    pub month_year_format: String,
    /// "{day}", "{month}": a birthday, with no year.
    pub day_month_format: String,
    pub months: [String; 12],
    /// "Jan", for chart axes.
    pub months_short: [String; 12],
    /// Digit grouping and decimal mark: "1,234.5" in English, "1.234,5" in Azerbaijani.
    pub thousands_separator: String,
    pub decimal_separator: String,
    pub gender: GenderNames,
    pub charts: ChartWords,
    pub calendar: CalendarWords,
    pub search: SearchWords,
    pub data: DataWords,
}

#[derive(Deserialize, Serialize, Debug)]
#[serde(deny_unknown_fields)]
pub struct GenderNames {
    pub female: String,
    pub male: String,
}

/// Words around charts: the figure's parts and the names of what queries count.
#[derive(Deserialize, Serialize, Debug)]
#[serde(deny_unknown_fields)]
pub struct ChartWords {
    pub source: String,
    /// "{date}": the default source of charts drawn from the profiles.
    pub source_profiles: String,
    pub data_table: String,
    pub download_csv: String,
    pub download_svg: String,
    pub unknown: String,
    pub period: String,
    pub date: String,
    pub person: String,
    pub gender: String,
    pub held: String,
    pub arrests: String,
    pub releases: String,
    pub people: String,
    /// "{n}": events left out because their date is not precise enough for the chart.
    pub not_shown: String,
    /// "{from}", "{to}": the span of a timeline or a series, in the chart's description.
    pub span: String,
}

/// The "this month" page: birthdays and arrest anniversaries.
#[derive(Deserialize, Serialize, Debug)]
#[serde(deny_unknown_fields)]
pub struct CalendarWords {
    pub title: String,
    pub intro: String,
    pub link: String,
    /// "{month}": "Birthdays in May".
    pub birthdays: String,
    pub anniversaries: String,
    pub next_month: String,
    /// "{n}": "turns 45".
    pub turns: String,
    /// "{n}": "2 years since the arrest"; singular and plural.
    pub years_one: String,
    pub years_other: String,
    pub nothing: String,
    pub write: String,
}

/// The search and filters of the people index (shown only when JavaScript runs).
#[derive(Deserialize, Serialize, Debug)]
#[serde(deny_unknown_fields)]
pub struct SearchWords {
    pub label: String,
    pub hint: String,
    pub any: String,
    /// "{n}": how many people the filters leave.
    pub shown: String,
}

#[derive(Deserialize, Serialize, Debug)]
#[serde(deny_unknown_fields)]
pub struct DataWords {
    pub title: String,
    pub intro: String,
}

#[derive(Deserialize, Serialize, Debug)]
#[serde(deny_unknown_fields)]
pub struct StatusNames {
    pub detained: String,
    pub sentenced: String,
    pub house_arrest: String,
    pub released: String,
    pub travel_ban: String,
    pub exiled: String,
}

impl Strings {
    pub fn status(&self, s: Status) -> &str {
        let n = &self.status;
        match s {
            Status::Detained => &n.detained,
            Status::Sentenced => &n.sentenced,
            Status::HouseArrest => &n.house_arrest,
            Status::Released => &n.released,
            Status::TravelBan => &n.travel_ban,
            Status::Exiled => &n.exiled,
        }
    }

    pub fn gender(&self, g: crate::model::Gender) -> &str {
        match g {
            crate::model::Gender::Female => &self.gender.female,
            crate::model::Gender::Male => &self.gender.male,
        }
    }

    /// A number as written in this language: digits grouped by three, at most two decimals.
    pub fn number(&self, n: f64) -> String {
        let negative = n < 0.0;
        let rounded = (n.abs() * 100.0).round() as u64;
        let (whole, cents) = (rounded / 100, rounded % 100);
        let digits = whole.to_string();
        let mut out = String::new();
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i) % 3 == 0 {
                out.push_str(&self.thousands_separator);
            }
            out.push(c);
        }
        if cents > 0 {
            let fraction = format!("{cents:02}");
            out.push_str(&self.decimal_separator);
            out.push_str(fraction.trim_end_matches('0'));
        }
        if negative { format!("-{out}") } else { out }
    }

    /// "Apr 2024", for chart axes.
    pub fn short_month(&self, year: i32, month: u8) -> String {
        self.month_year_format
            .replace("{month}", &self.months_short[(month - 1) as usize])
            .replace("{year}", &year.to_string())
    }

    pub fn years(&self, n: i64) -> String {
        let c = &self.calendar;
        let pattern = if n == 1 { &c.years_one } else { &c.years_other };
        pattern.replace("{n}", &self.number(n as f64))
    }

    pub fn days(&self, n: i64) -> String {
        let pattern = if n == 1 {
            &self.days_one
        } else {
            &self.days_other
        };
        pattern.replace("{n}", &self.number(n as f64))
    }

    /// A date as written in this language, at the precision it is known.
    pub fn date(&self, d: crate::date::PartialDate) -> String {
        let month = d.month.map(|m| self.months[(m - 1) as usize].as_str());
        match (month, d.day) {
            (Some(month), Some(day)) => self
                .date_format
                .replace("{day}", &day.to_string())
                .replace("{month}", month)
                .replace("{year}", &d.year.to_string()),
            (Some(month), None) => self
                .month_year_format
                .replace("{month}", month)
                .replace("{year}", &d.year.to_string()),
            _ => d.year.to_string(),
        }
    }
}

/// Loads the strings of every language of the site from the theme.
pub fn load(theme_dir: &Path, root: &Path, codes: &[String]) -> Result<Vec<Strings>, Diagnostics> {
    let mut diags = Diagnostics::default();
    let mut out = Vec::new();
    for code in codes {
        let path = theme_dir.join("i18n").join(format!("{code}.yaml"));
        let rel = crate::diag::rel(root, &path);
        if !path.is_file() {
            diags.push(
                Diagnostic::error(
                    &rel,
                    format!("the theme has no words for the language `{code}`"),
                )
                .hint(format!(
                    "copy another language's file to {} and translate it",
                    rel.display()
                )),
            );
            continue;
        }
        let text = match crate::yaml::read_text(root, &path) {
            Ok(t) => t,
            Err(d) => {
                diags.push(d);
                continue;
            }
        };
        let src = Source {
            path: rel,
            text: text.into(),
            yaml_offset: 0,
        };
        match src.parse::<Strings>(&src.text) {
            Ok(s) => out.push(s),
            Err(d) => diags.push(d),
        }
    }
    if diags.has_errors() {
        Err(diags)
    } else {
        Ok(out)
    }
}
