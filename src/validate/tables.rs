//! The lists in `content/*.yaml`: organisations, charges, prisons, cases, professions.

use crate::diag::Diagnostics;
use crate::load::front::Table;
use crate::load::{Doc, Loaded};
use crate::model::{Charge, Named, Organisation, Prison};
use crate::yaml::Source;

use super::{Ids, text};

pub struct Tables {
    pub organisations: Vec<Organisation>,
    pub charges: Vec<Charge>,
    pub prisons: Vec<Prison>,
    pub cases: Vec<Named>,
    pub professions: Vec<Named>,
}

pub struct TableIds<'a> {
    pub organisations: Ids<'a>,
    pub charges: Ids<'a>,
    pub prisons: Ids<'a>,
    pub cases: Ids<'a>,
    pub professions: Ids<'a>,
}

impl Tables {
    pub fn build(loaded: &Loaded, codes: &[String], diags: &mut Diagnostics) -> Tables {
        let organisations = each(&loaded.organisations, diags, |src, id, e, diags| {
            if let Some(c) = &e.country
                && !(c.len() == 2 && c.chars().all(|c| c.is_ascii_uppercase()))
            {
                diags.push(
                    src.error_at(&[id, "country"], format!("`{c}` is not a country code"))
                        .hint("write the two capital letters of ISO 3166, such as NO, AZ or GB"),
                );
            }
            if let Some(u) = &e.url
                && !(u.starts_with("https://") || u.starts_with("http://"))
            {
                diags.push(
                    src.error_at(&[id, "url"], format!("`{u}` is not a web address"))
                        .hint("write the full address, starting with https://"),
                );
            }
            Organisation {
                id: id.to_string(),
                name: text(src, &[id, "name"], e.name.clone(), codes, diags),
                country: e.country.clone(),
                url: e.url.clone(),
            }
        });
        let charges = each(&loaded.charges, diags, |src, id, e, diags| Charge {
            id: id.to_string(),
            article: e.article.clone(),
            text: text(src, &[id, "text"], e.text.clone(), codes, diags),
        });
        let prisons = each(&loaded.prisons, diags, |src, id, e, diags| Prison {
            id: id.to_string(),
            name: text(src, &[id, "name"], e.name.clone(), codes, diags),
            address: e.address.clone(),
        });
        let named = |doc, diags: &mut Diagnostics| {
            each(
                doc,
                diags,
                |src, id, e: &crate::load::front::NamedEntry, diags| Named {
                    id: id.to_string(),
                    name: text(src, &[id, "name"], e.name.clone(), codes, diags),
                },
            )
        };
        let cases = named(&loaded.cases, diags);
        let professions = named(&loaded.professions, diags);
        Tables {
            organisations,
            charges,
            prisons,
            cases,
            professions,
        }
    }

    pub fn ids(&self) -> TableIds<'_> {
        TableIds::of(
            &self.organisations,
            &self.charges,
            &self.prisons,
            &self.cases,
            &self.professions,
        )
    }
}

impl<'a> TableIds<'a> {
    /// The ids of the lists, from those of a validation or those of a site already built.
    pub fn of(
        organisations: &'a [Organisation],
        charges: &'a [Charge],
        prisons: &'a [Prison],
        cases: &'a [Named],
        professions: &'a [Named],
    ) -> Self {
        TableIds {
            organisations: Ids::new(
                "organisation",
                "content/organisations.yaml",
                organisations.iter().map(|o| o.id.as_str()),
            ),
            charges: Ids::new(
                "charge",
                "content/charges.yaml",
                charges.iter().map(|o| o.id.as_str()),
            ),
            prisons: Ids::new(
                "prison",
                "content/prisons.yaml",
                prisons.iter().map(|o| o.id.as_str()),
            ),
            cases: Ids::new(
                "case",
                "content/cases.yaml",
                cases.iter().map(|o| o.id.as_str()),
            ),
            professions: Ids::new(
                "profession",
                "content/professions.yaml",
                professions.iter().map(|o| o.id.as_str()),
            ),
        }
    }
}

/// Converts each entry of a list, checking that its id can be used in an address.
fn each<E, T>(
    doc: &Option<Doc<Table<E>>>,
    diags: &mut Diagnostics,
    mut convert: impl FnMut(&Source, &str, &E, &mut Diagnostics) -> T,
) -> Vec<T> {
    let Some(doc) = doc else { return Vec::new() };
    let mut out = Vec::new();
    for (id, entry) in &doc.front {
        let ok = !id.is_empty()
            && id
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
        if !ok {
            diags.push(
                doc.src
                    .error_at(
                        &[id],
                        format!("`{id}` cannot be used as an id: ids become addresses"),
                    )
                    .hint(format!(
                        "use lower-case letters a-z, digits and hyphens, such as `{}`",
                        crate::load::slugify(id)
                    )),
            );
        }
        out.push(convert(&doc.src, id, entry, diags));
    }
    out
}
