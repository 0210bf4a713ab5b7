//! Which pages a saved file can change.
//!
//! Each render job (a page, or the listings of one language) has a stable key, and depends on some
//! documents: its own file, and the files of what it shows (a statement page shows the cards of the
//! people it names). A save marks documents dirty; a job is rendered again when a document it
//! depended on before the save, or depends on after it, is dirty. Files that every page may show
//! (site.yaml, the theme, the lists in content/) mark everything dirty.

use std::collections::HashSet;
use std::path::Path;

use crate::config::Config;
use crate::load::{Role, role};
use crate::model::Site;
use crate::render::Job;
use crate::text::Lang;

/// A job, named by what it renders rather than by its place in the site's vectors, which move
/// when a person is added.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Key {
    Home,
    People,
    Listings,
    Person(String),
    Alias(String, String),
    Statements,
    Statement(String),
    Organisations,
    Organisation(String),
    Content(String),
    NotFound,
}

pub fn key(site: &Site, lang: Lang, job: Job) -> (Lang, Key) {
    let key = match job {
        Job::Home => Key::Home,
        Job::People => Key::People,
        Job::Listings => Key::Listings,
        Job::Person(i) => Key::Person(site.profiles[i].slug.clone()),
        Job::Alias(i, a) => Key::Alias(
            site.profiles[i].slug.clone(),
            site.profiles[i].aliases[a].clone(),
        ),
        Job::Statements => Key::Statements,
        Job::Statement(i) => Key::Statement(site.statements[i].slug.clone()),
        Job::Organisations => Key::Organisations,
        Job::Organisation(i) => Key::Organisation(site.organisations[i].id.clone()),
        Job::Content(i) => Key::Content(site.pages[i].path.clone()),
        Job::NotFound => Key::NotFound,
    };
    (lang, key)
}

/// A document a job shows something of.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Dep {
    Profile(String),
    Statement(String),
    Page(String),
    AllProfiles,
    AllStatements,
}

pub fn deps(site: &Site, job: Job) -> Vec<Dep> {
    let person = |i: usize| Dep::Profile(site.profiles[i].slug.clone());
    let statement = |i: usize| Dep::Statement(site.statements[i].slug.clone());
    let ix = &site.index;
    match job {
        Job::Home => vec![Dep::AllProfiles, Dep::AllStatements],
        Job::People | Job::Listings => vec![Dep::AllProfiles],
        Job::Statements | Job::Organisations => vec![Dep::AllStatements],
        Job::NotFound => Vec::new(),
        Job::Alias(i, _) => vec![person(i)],
        Job::Content(i) => vec![Dep::Page(site.pages[i].path.clone())],
        Job::Person(i) => {
            let p = &site.profiles[i];
            let mut d = vec![person(i)];
            d.extend(ix.statements_of_profile[i].iter().map(|&s| statement(s)));
            if let Some(c) = p.case {
                d.extend(ix.people_of_case[c].iter().map(|&j| person(j)));
            }
            d
        }
        Job::Statement(i) => {
            let mut d = vec![statement(i)];
            d.extend(site.statements[i].profiles.iter().map(|&p| person(p)));
            d
        }
        Job::Organisation(i) => {
            let mut d: Vec<Dep> = ix.statements_of_organisation[i]
                .iter()
                .map(|&s| statement(s))
                .collect();
            d.extend(ix.people_of_organisation[i].iter().map(|&p| person(p)));
            d
        }
    }
}

/// The documents changed since the last good build.
#[derive(Default, Debug)]
pub struct Dirty {
    pub everything: bool,
    profiles: HashSet<String>,
    statements: HashSet<String>,
    pages: HashSet<String>,
}

impl Dirty {
    /// Marks what the file at `rel` (relative to the site root) feeds. Without the site's
    /// configuration (no good build yet) nothing can be told apart.
    pub fn mark(&mut self, rel: &Path, config: Option<&Config>) {
        let Some(config) = config else {
            self.everything = true;
            return;
        };
        match role(rel, config) {
            Role::Profile(slug) => {
                self.profiles.insert(slug);
            }
            Role::Statement(slug) => {
                self.statements.insert(slug);
            }
            Role::Page(path) => {
                self.pages.insert(path);
            }
            Role::Asset => {}
            Role::Everything => self.everything = true,
        }
    }

    pub fn touches(&self, deps: &[Dep]) -> bool {
        self.everything
            || deps.iter().any(|d| match d {
                Dep::Profile(s) => self.profiles.contains(s),
                Dep::Statement(s) => self.statements.contains(s),
                Dep::Page(p) => self.pages.contains(p),
                Dep::AllProfiles => !self.profiles.is_empty(),
                Dep::AllStatements => !self.statements.is_empty(),
            })
    }

    /// Before the first good build nothing can be told apart.
    pub fn all() -> Self {
        Dirty {
            everything: true,
            ..Dirty::default()
        }
    }
}
