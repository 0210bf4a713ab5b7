//! What volunteers write: the fields of each kind of file, exactly as they appear in YAML.
//!
//! `deny_unknown_fields` everywhere, so a misspelt field is an error with a suggestion rather than a
//! fact silently left out of the site.

use std::collections::BTreeMap;

use serde::Deserialize;

use crate::date::PartialDate;
use crate::model::{Gender, Status};
use crate::text::RawText;

#[derive(Deserialize, Debug, Clone)]
#[serde(deny_unknown_fields)]
pub struct ProfileFront {
    pub name: String,
    pub status: Status,
    pub arrested: PartialDate,
    pub born: Option<PartialDate>,
    pub gender: Option<Gender>,
    pub photo: Option<String>,
    pub photo_alt: Option<String>,
    pub profession: Option<String>,
    pub organisation: Option<String>,
    pub case: Option<String>,
    #[serde(default)]
    pub charges: Vec<String>,
    pub sentence: Option<String>,
    pub prison: Option<String>,
    pub released: Option<PartialDate>,
    pub summary: Option<String>,
    #[serde(default)]
    pub aliases: Vec<String>,
    #[serde(default)]
    pub draft: bool,
    #[serde(default)]
    pub hide: Vec<Hideable>,
    #[serde(default)]
    pub arrests: Vec<ArrestFront>,
}

/// An earlier arrest of someone arrested more than once.
#[derive(Deserialize, Debug, Clone)]
#[serde(deny_unknown_fields)]
pub struct ArrestFront {
    pub arrested: PartialDate,
    pub released: Option<PartialDate>,
    #[serde(default)]
    pub charges: Vec<String>,
    pub prison: Option<String>,
    /// A text: the translation files hold no `arrests`, so other languages are written here.
    pub sentence: Option<RawText>,
}

/// The fields a family may ask to keep private. Name, status and arrest date are what the campaign
/// is about and cannot be hidden.
#[derive(Deserialize, Debug, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum Hideable {
    Born,
    Gender,
    Photo,
    Profession,
    Organisation,
    Case,
    Charges,
    Sentence,
    Prison,
    Released,
    Arrests,
}

/// `profiles/<slug>.<lang>.md`: only words; every fact comes from the default file.
#[derive(Deserialize, Debug, Default, Clone)]
#[serde(deny_unknown_fields)]
pub struct ProfileTranslationFront {
    pub name: Option<String>,
    pub summary: Option<String>,
    pub sentence: Option<String>,
    pub photo_alt: Option<String>,
}

#[derive(Deserialize, Debug, Default, Clone)]
#[serde(deny_unknown_fields)]
pub struct PageFront {
    pub title: String,
    pub description: Option<String>,
    /// Position in the main menu; pages without it are not in the menu.
    pub menu: Option<u32>,
    #[serde(default)]
    pub draft: bool,
}

#[derive(Deserialize, Debug, Clone)]
#[serde(deny_unknown_fields)]
pub struct StatementFile {
    pub title: RawText,
    pub date: PartialDate,
    pub source: Option<String>,
    #[serde(default)]
    pub signatories: Vec<String>,
    #[serde(default)]
    pub profiles: Vec<String>,
    pub body: RawText,
    #[serde(default)]
    pub draft: bool,
}

#[derive(Deserialize, Debug, Clone)]
#[serde(deny_unknown_fields)]
pub struct OrganisationEntry {
    pub name: RawText,
    pub country: Option<String>,
    pub url: Option<String>,
}

#[derive(Deserialize, Debug, Clone)]
#[serde(deny_unknown_fields)]
pub struct ChargeEntry {
    pub article: String,
    pub text: RawText,
}

#[derive(Deserialize, Debug, Clone)]
#[serde(deny_unknown_fields)]
pub struct PrisonEntry {
    pub name: RawText,
    pub address: Option<String>,
}

/// An entry of `cases.yaml` or `professions.yaml`.
#[derive(Deserialize, Debug, Clone)]
#[serde(deny_unknown_fields)]
pub struct NamedEntry {
    pub name: RawText,
}

pub type Table<T> = BTreeMap<String, T>;
