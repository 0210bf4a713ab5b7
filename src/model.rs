//! Stage 2: the typed site. Built once by `validate`, then read (never changed) by every renderer.
//!
//! Cross-references are indexes into the site's vectors, resolved and checked once, so rendering
//! never looks anything up by name.

use std::path::PathBuf;

use serde::{Deserialize, Serialize};
use time::Date;

use crate::config::Config;
use crate::date::PartialDate;
use crate::text::Text;

#[derive(Deserialize, Serialize, Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Detained,
    Sentenced,
    HouseArrest,
    Released,
    TravelBan,
    Exiled,
}

impl Status {
    pub const ALL: [Status; 6] = [
        Status::Detained,
        Status::Sentenced,
        Status::HouseArrest,
        Status::TravelBan,
        Status::Exiled,
        Status::Released,
    ];

    /// Deprived of liberty now: the people the headline count is about.
    pub fn is_held(self) -> bool {
        matches!(
            self,
            Status::Detained | Status::Sentenced | Status::HouseArrest
        )
    }

    /// The name used in files, addresses and CSS classes.
    pub fn key(self) -> &'static str {
        match self {
            Status::Detained => "detained",
            Status::Sentenced => "sentenced",
            Status::HouseArrest => "house_arrest",
            Status::Released => "released",
            Status::TravelBan => "travel_ban",
            Status::Exiled => "exiled",
        }
    }

    pub fn slug(self) -> &'static str {
        match self {
            Status::HouseArrest => "house-arrest",
            Status::TravelBan => "travel-ban",
            s => s.key(),
        }
    }
}

#[derive(Deserialize, Serialize, Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum Gender {
    Female,
    Male,
}

pub struct Photo {
    pub source: PathBuf,
    /// Path in the output, relative to the site root: `media/photos/anar.jpg`.
    pub output: String,
    pub alt: Text,
    /// The `photo:` value in the profile, for problems found when the image is processed.
    pub at: crate::diag::Location,
}

/// An earlier arrest of someone arrested more than once.
pub struct Arrest {
    pub arrested: PartialDate,
    pub released: Option<PartialDate>,
    pub charges: Vec<usize>,
    pub prison: Option<usize>,
    pub sentence: Option<Text>,
}

pub struct Profile {
    pub slug: String,
    pub name: Text,
    pub status: Status,
    pub arrested: PartialDate,
    pub born: Option<PartialDate>,
    pub gender: Option<Gender>,
    pub photo: Option<Photo>,
    pub profession: Option<usize>,
    pub organisation: Option<usize>,
    pub case: Option<usize>,
    pub charges: Vec<usize>,
    pub sentence: Option<Text>,
    pub prison: Option<usize>,
    pub released: Option<PartialDate>,
    pub summary: Option<Text>,
    pub aliases: Vec<String>,
    pub earlier: Vec<Arrest>,
    /// The biography's Markdown, per language.
    pub bio: Text,
    /// Every spelling of the name, folded for the people index's search (`search::names`).
    pub search: String,
}

impl Profile {
    /// Days deprived of liberty up to `today` (or up to release), when the arrest day is known.
    pub fn days_held(&self, today: Date) -> Option<i64> {
        let end = if self.status.is_held() {
            Some(today)
        } else {
            self.released.and_then(PartialDate::to_date)
        }?;
        self.arrested.days_until(end).filter(|d| *d >= 0)
    }
}

pub struct Statement {
    pub slug: String,
    pub title: Text,
    pub body: Text,
    pub date: PartialDate,
    pub source: Option<String>,
    pub signatories: Vec<usize>,
    pub profiles: Vec<usize>,
}

pub struct Organisation {
    pub id: String,
    pub name: Text,
    pub country: Option<String>,
    pub url: Option<String>,
}

pub struct Charge {
    pub id: String,
    pub article: String,
    pub text: Text,
}

pub struct Prison {
    pub id: String,
    pub name: Text,
    pub address: Option<String>,
}

/// A case or a profession: an id with a name in each language.
pub struct Named {
    pub id: String,
    pub name: Text,
}

pub struct Page {
    /// Path under the language root, without slashes at either end: `about`, `help/letters`.
    pub path: String,
    pub title: Text,
    pub description: Text,
    pub menu: Option<u32>,
    pub body: Text,
    /// The charts of each language's text, in the order they appear (empty where none).
    pub charts: Vec<Vec<crate::charts::Chart>>,
}

impl Page {
    /// The charts a reader of `lang` sees: those of the text shown in that language, which is the
    /// default language's where the page has no translation.
    pub fn charts_in(&self, lang: crate::text::Lang) -> &[crate::charts::Chart] {
        let shown = if self.body.get(lang).fallback {
            crate::text::Lang::DEFAULT
        } else {
            lang
        };
        &self.charts[shown.index()]
    }
}

/// Who links to whom, computed once so that listings look up rather than scan.
#[derive(Default)]
pub struct Index {
    pub statements_of_profile: Vec<Vec<usize>>,
    pub statements_of_organisation: Vec<Vec<usize>>,
    pub people_of_status: Vec<(Status, Vec<usize>)>,
    pub people_of_profession: Vec<Vec<usize>>,
    pub people_of_case: Vec<Vec<usize>>,
    pub people_of_charge: Vec<Vec<usize>>,
    pub people_of_prison: Vec<Vec<usize>>,
    pub people_of_organisation: Vec<Vec<usize>>,
}

impl Index {
    /// Whether `other` has someone in the same listings (statuses, professions, cases, charges,
    /// prisons, organisations) as this one: then the same listing pages exist, at the same
    /// places in these vectors.
    pub fn same_listings(&self, other: &Index) -> bool {
        let shape = |lists: &[Vec<usize>]| lists.iter().map(Vec::is_empty).collect::<Vec<_>>();
        self.people_of_status
            .iter()
            .map(|s| s.0)
            .eq(other.people_of_status.iter().map(|s| s.0))
            && shape(&self.people_of_profession) == shape(&other.people_of_profession)
            && shape(&self.people_of_case) == shape(&other.people_of_case)
            && shape(&self.people_of_charge) == shape(&other.people_of_charge)
            && shape(&self.people_of_prison) == shape(&other.people_of_prison)
            && shape(&self.people_of_organisation) == shape(&other.people_of_organisation)
    }
}

pub struct Site {
    pub config: Config,
    /// The build date: today, or `SOURCE_DATE_EPOCH`.
    pub today: Date,
    /// Sorted by name in the default language.
    pub profiles: Vec<Profile>,
    /// Newest first.
    pub statements: Vec<Statement>,
    pub organisations: Vec<Organisation>,
    pub charges: Vec<Charge>,
    pub prisons: Vec<Prison>,
    pub cases: Vec<Named>,
    pub professions: Vec<Named>,
    pub pages: Vec<Page>,
    /// Files under `content/` published as they are: (source, output path relative to the root).
    pub assets: Vec<(PathBuf, String)>,
    /// Photos and images, processed (their widths, in the cache).
    pub media: crate::images::Media,
    pub index: Index,
    /// Every file a build writes (relative to the output): what the pages may link to. Asked
    /// about every link of every page (some 400,000 at 10,000 people), so hashed the fast way.
    pub outputs: rustc_hash::FxHashSet<String>,
    /// The listing pages the texts link to (for `vigil serve`, where a person who leaves a listing
    /// may empty it, and its page then goes).
    pub linked: crate::validate::links::Linked,
}
