//! The records of the open-data files, one language at a time. The README's "Open data" section
//! documents every field; change both together.
//!
//! Built from the frozen model, which has already dropped drafts and the fields a family asked to
//! hide, so nothing private can reach a data file.

use serde::Serialize;

use crate::i18n::Strings;
use crate::model::{Arrest, Gender, Profile, Site};
use crate::text::Lang;
use crate::urls;

pub const SCHEMA_VERSION: u32 = 1;

/// What every file starts with: what it is, in which language, as of when.
#[derive(Serialize)]
pub struct Header {
    pub schema: String,
    pub language: String,
    pub generated: String,
    pub site: String,
}

#[derive(Serialize)]
pub struct Ref {
    pub id: String,
    pub name: String,
}

#[derive(Serialize)]
pub struct ChargeRef {
    pub id: String,
    pub article: String,
    pub text: String,
}

#[derive(Serialize)]
pub struct ArrestRecord {
    pub arrested: String,
    pub released: Option<String>,
    pub charges: Vec<ChargeRef>,
    pub prison: Option<Ref>,
    pub sentence: Option<String>,
}

#[derive(Serialize)]
pub struct ProfileRecord {
    pub slug: String,
    pub url: String,
    pub name: String,
    pub status: &'static str,
    pub status_label: String,
    pub held: bool,
    pub arrested: String,
    pub released: Option<String>,
    pub days_held: Option<i64>,
    pub born: Option<String>,
    pub gender: Option<&'static str>,
    pub profession: Option<Ref>,
    pub organisation: Option<Ref>,
    pub case: Option<Ref>,
    pub charges: Vec<ChargeRef>,
    pub sentence: Option<String>,
    pub prison: Option<Ref>,
    pub summary: Option<String>,
    pub photo: Option<String>,
    pub earlier_arrests: Vec<ArrestRecord>,
}

#[derive(Serialize)]
pub struct StatementRecord {
    pub slug: String,
    pub url: String,
    pub title: String,
    pub date: String,
    pub source: Option<String>,
    pub signatories: Vec<Ref>,
    pub people: Vec<String>,
    /// The text in Markdown.
    pub body: String,
}

#[derive(Serialize)]
pub struct OrganisationRecord {
    pub id: String,
    pub url: String,
    pub name: String,
    pub country: Option<String>,
    pub website: Option<String>,
    pub statements: Vec<String>,
    pub people: Vec<String>,
}

/// Builds records for one language.
pub struct Records<'a> {
    pub site: &'a Site,
    pub t: &'a Strings,
    pub lang: Lang,
}

impl<'a> Records<'a> {
    /// The records in `lang`, with that language's words.
    pub fn new(site: &'a Site, strings: &'a [Strings], lang: Lang) -> Self {
        Records {
            site,
            t: &strings[lang.index()],
            lang,
        }
    }

    fn absolute(&self, path: &str) -> String {
        let c = &self.site.config;
        c.absolute(&urls::href(c, self.lang, path))
    }

    pub fn header(&self, what: &str) -> Header {
        let c = &self.site.config;
        Header {
            schema: format!("vigil.{what}/{SCHEMA_VERSION}"),
            language: c.code(self.lang).to_string(),
            generated: crate::date::PartialDate::from_date(self.site.today).to_string(),
            site: self.absolute(&urls::home()),
        }
    }

    fn named(&self, list: &[crate::model::Named], i: Option<usize>) -> Option<Ref> {
        i.map(|i| Ref {
            id: list[i].id.clone(),
            name: list[i].name.in_lang(self.lang).into(),
        })
    }

    fn prison(&self, i: Option<usize>) -> Option<Ref> {
        i.map(|i| Ref {
            id: self.site.prisons[i].id.clone(),
            name: self.site.prisons[i].name.in_lang(self.lang).into(),
        })
    }

    fn charges(&self, list: &[usize]) -> Vec<ChargeRef> {
        list.iter()
            .map(|&c| {
                let c = &self.site.charges[c];
                ChargeRef {
                    id: c.id.clone(),
                    article: c.article.clone(),
                    text: c.text.in_lang(self.lang).into(),
                }
            })
            .collect()
    }

    fn arrest(&self, a: &Arrest) -> ArrestRecord {
        ArrestRecord {
            arrested: a.arrested.to_string(),
            released: a.released.map(|d| d.to_string()),
            charges: self.charges(&a.charges),
            prison: self.prison(a.prison),
            sentence: a.sentence.as_ref().map(|s| s.in_lang(self.lang).into()),
        }
    }

    pub fn profile(&self, p: &Profile) -> ProfileRecord {
        let (site, l) = (self.site, self.lang);
        ProfileRecord {
            slug: p.slug.clone(),
            url: self.absolute(&urls::person(&p.slug)),
            name: p.name.in_lang(l).into(),
            status: p.status.key(),
            status_label: self.t.status(p.status).into(),
            held: p.status.is_held(),
            arrested: p.arrested.to_string(),
            released: p.released.map(|d| d.to_string()),
            days_held: p.days_held(site.today),
            born: p.born.map(|d| d.to_string()),
            gender: p.gender.map(|g| match g {
                Gender::Female => "female",
                Gender::Male => "male",
            }),
            profession: self.named(&site.professions, p.profession),
            organisation: p.organisation.map(|i| Ref {
                id: site.organisations[i].id.clone(),
                name: site.organisations[i].name.in_lang(l).into(),
            }),
            case: self.named(&site.cases, p.case),
            charges: self.charges(&p.charges),
            sentence: p.sentence.as_ref().map(|s| s.in_lang(l).into()),
            prison: self.prison(p.prison),
            summary: p.summary.as_ref().map(|s| s.in_lang(l).into()),
            photo: p.photo.as_ref().map(|ph| {
                site.config
                    .absolute(&urls::asset_href(&site.config, &ph.output))
            }),
            earlier_arrests: p.earlier.iter().map(|a| self.arrest(a)).collect(),
        }
    }

    pub fn statement(&self, i: usize) -> StatementRecord {
        let s = &self.site.statements[i];
        StatementRecord {
            slug: s.slug.clone(),
            url: self.absolute(&urls::statement(&s.slug)),
            title: s.title.in_lang(self.lang).into(),
            date: s.date.to_string(),
            source: s.source.clone(),
            signatories: s
                .signatories
                .iter()
                .map(|&o| Ref {
                    id: self.site.organisations[o].id.clone(),
                    name: self.site.organisations[o].name.in_lang(self.lang).into(),
                })
                .collect(),
            people: s
                .profiles
                .iter()
                .map(|&p| self.site.profiles[p].slug.clone())
                .collect(),
            body: s.body.in_lang(self.lang).into(),
        }
    }

    pub fn organisation(&self, i: usize) -> OrganisationRecord {
        let (site, o) = (self.site, &self.site.organisations[i]);
        OrganisationRecord {
            id: o.id.clone(),
            url: self.absolute(&urls::organisation(&o.id)),
            name: o.name.in_lang(self.lang).into(),
            country: o.country.clone(),
            website: o.url.clone(),
            statements: site.index.statements_of_organisation[i]
                .iter()
                .map(|&s| site.statements[s].slug.clone())
                .collect(),
            people: site.index.people_of_organisation[i]
                .iter()
                .map(|&p| site.profiles[p].slug.clone())
                .collect(),
        }
    }
}
