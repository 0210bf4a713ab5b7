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
    pub no_people: String,
    pub no_statements: String,
    pub footer: String,
    pub photo_placeholder: String,
    /// "{day}", "{month}", "{year}".
    pub date_format: String,
    pub month_year_format: String,
    pub months: [String; 12],
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

    pub fn days(&self, n: i64) -> String {
        let pattern = if n == 1 {
            &self.days_one
        } else {
            &self.days_other
        };
        pattern.replace("{n}", &n.to_string())
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
            text,
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
