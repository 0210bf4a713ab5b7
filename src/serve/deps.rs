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
use crate::model::{Profile, Site};
use crate::render::Job;
use crate::text::Lang;

/// A job, named by what it renders rather than by its place in the site's vectors, which move
/// when a person is added.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Key {
    Home,
    People,
    /// A listing, by its address.
    Listing(String),
    Person(String),
    Alias(String, String),
    Statements,
    Statement(String),
    Organisations,
    Organisation(String),
    Content(String),
    ThisMonth,
    NotFound,
}

pub fn key(site: &Site, lang: Lang, job: Job) -> (Lang, Key) {
    let key = match job {
        Job::Home => Key::Home,
        Job::People => Key::People,
        Job::Listing(l) => Key::Listing(l.path(site)),
        Job::Person(i) => Key::Person(site.profiles[i].slug.clone()),
        Job::Alias(i, a) => Key::Alias(
            site.profiles[i].slug.clone(),
            site.profiles[i].aliases[a].clone(),
        ),
        Job::Statements => Key::Statements,
        Job::ThisMonth => Key::ThisMonth,
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
    /// Anything of the person's file: their own page.
    Profile(String),
    /// What a person's card shows, and the listings they are in: every page that lists them.
    Card(String),
    Statement(String),
    Page(String),
    AllCards,
    /// What the charts count of anyone (see `counted`).
    Charts,
    /// Who the calendar shows, on which days (see `calendar::shown`).
    Calendar,
    /// Who the home page shows, in which order: the latest arrests (see `pages::home_people`).
    Latest,
    AllStatements,
}

pub fn deps(site: &Site, job: Job) -> Vec<Dep> {
    let card = |i: usize| Dep::Card(site.profiles[i].slug.clone());
    let statement = |i: usize| Dep::Statement(site.statements[i].slug.clone());
    let ix = &site.index;
    match job {
        Job::Home => vec![Dep::AllCards, Dep::AllStatements, Dep::Latest],
        Job::People => vec![Dep::AllCards],
        Job::Listing(l) => l.people(site).iter().map(|&p| card(p)).collect(),
        Job::Statements | Job::Organisations => vec![Dep::AllStatements],
        Job::NotFound => Vec::new(),
        // The calendar shows cards, and dates them by birthdays, which cards do not show.
        Job::ThisMonth => vec![Dep::AllCards, Dep::Calendar],
        Job::Alias(i, _) => vec![Dep::Profile(site.profiles[i].slug.clone())],
        Job::Content(i) => {
            let page = &site.pages[i];
            let mut d = vec![Dep::Page(page.path.clone())];
            // A chart counts people and statements: any of them can change its figures.
            if page.charts.iter().any(|c| !c.is_empty()) {
                d.extend([Dep::Charts, Dep::AllStatements]);
            }
            d
        }
        Job::Person(i) => {
            let p = &site.profiles[i];
            let mut d = vec![Dep::Profile(p.slug.clone())];
            d.extend(ix.statements_of_profile[i].iter().map(|&s| statement(s)));
            if let Some(c) = p.case {
                d.extend(ix.people_of_case[c].iter().map(|&j| card(j)));
            }
            d
        }
        Job::Statement(i) => {
            let mut d = vec![statement(i)];
            d.extend(site.statements[i].profiles.iter().map(|&p| card(p)));
            d
        }
        Job::Organisation(i) => {
            let mut d: Vec<Dep> = ix.statements_of_organisation[i]
                .iter()
                .map(|&s| statement(s))
                .collect();
            d.extend(ix.people_of_organisation[i].iter().map(|&p| card(p)));
            d
        }
    }
}

/// The documents changed since the last good build.
#[derive(Default, Debug)]
pub struct Dirty {
    pub everything: bool,
    profiles: HashSet<String>,
    /// The people whose card (or place in the listings) may have changed: at first every saved
    /// profile; `keep_cards` narrows it once the new site is known.
    cards: HashSet<String>,
    /// The people who may count otherwise in the charts: every saved profile, unless the preview
    /// found the charts as they were (`charts_unchanged`).
    charts: HashSet<String>,
    /// The people who may show otherwise in the calendar: every saved profile, unless the preview
    /// compared it (`calendar_unchanged`).
    calendar: HashSet<String>,
    /// The people who may have moved among the latest arrests: every saved profile, unless the
    /// preview compared it (`latest_unchanged`).
    latest: HashSet<String>,
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
                self.cards.insert(slug.clone());
                self.charts.insert(slug.clone());
                self.calendar.insert(slug.clone());
                self.latest.insert(slug.clone());
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
        self.touches_but_cards(deps, false)
    }

    fn touches_but_cards(&self, deps: &[Dep], but_cards: bool) -> bool {
        self.everything
            || deps.iter().any(|d| match d {
                Dep::Profile(s) => has(&self.profiles, s),
                Dep::Card(_) | Dep::AllCards if but_cards => false,
                Dep::Card(s) => has(&self.cards, s),
                Dep::Statement(s) => has(&self.statements, s),
                Dep::Page(p) => has(&self.pages, p),
                Dep::AllCards => !self.cards.is_empty(),
                Dep::Charts => !self.charts.is_empty(),
                Dep::Calendar => !self.calendar.is_empty(),
                Dep::Latest => !self.latest.is_empty(),
                Dep::AllStatements => !self.statements.is_empty(),
            })
    }

    /// Whether what touches `deps` is only a changed card: such a page differs from before by that
    /// card alone, which `splice` puts in place without rendering the page again.
    pub fn touches_card_only(&self, deps: &[Dep]) -> bool {
        self.touches(deps) && !self.touches_but_cards(deps, true)
    }

    /// Keeps as card changes only the people whose card differs between the two sites: an edit to
    /// a biography or a summary then renders the person's own pages alone.
    pub fn keep_cards(&mut self, before: &Site, after: &Site) {
        let card = |site: &Site, slug: &str| {
            let p = site.profiles.iter().find(|p| p.slug == slug)?;
            Some(card(site, p))
        };
        self.cards
            .retain(|slug| card(before, slug) != card(after, slug));
    }

    /// The person's card is as it was (see `card`).
    pub fn card_unchanged(&mut self, slug: &str) {
        self.cards.remove(slug);
    }

    /// The charts count the person as they did.
    pub fn charts_unchanged(&mut self, slug: &str) {
        self.charts.remove(slug);
    }

    /// The person is where they were among the latest arrests of the people held: their arrest and
    /// status are as they were, or they are held neither before nor after the save.
    pub fn latest_unchanged(&mut self, slug: &str) {
        self.latest.remove(slug);
    }

    /// The calendar shows the person as it did (see `calendar::shown`).
    pub fn calendar_unchanged(&mut self, slug: &str) {
        self.calendar.remove(slug);
    }

    /// Before the first good build nothing can be told apart.
    pub fn all() -> Self {
        Dirty {
            everything: true,
            ..Dirty::default()
        }
    }
}

/// Whether `set` holds `s`. A save dirties a file or two, and every dependency of every job is
/// asked about (some 500,000 at 10,000 people, each person's page depending on the others of the
/// case): comparing with the few is several times faster than hashing each.
fn has(set: &HashSet<String>, s: &str) -> bool {
    if set.len() <= 4 {
        // Slugs of one length mostly differ at the end (`anar-1`, `anar-2`): looking there first
        // spares most calls to compare whole strings.
        let last = s.as_bytes().last();
        set.iter()
            .any(|x| x.len() == s.len() && x.as_bytes().last() == last && x == s)
    } else {
        set.contains(s)
    }
}

/// Everything of a person that a page other than their own shows: the card (name, status, dates,
/// photo, profession) and what puts them in a listing. Ids, not indexes, which move between builds.
pub fn card(site: &Site, p: &Profile) -> String {
    let id = |named: &[crate::model::Named], i: usize| named[i].id.clone();
    format!(
        "{:?}",
        (
            &p.name,
            p.status,
            p.arrested,
            p.released,
            p.photo.as_ref().map(|ph| (&ph.output, &ph.alt)),
            p.profession.map(|i| id(&site.professions, i)),
            p.case.map(|i| id(&site.cases, i)),
            p.organisation.map(|i| site.organisations[i].id.clone()),
            p.prison.map(|i| site.prisons[i].id.clone()),
            p.charges
                .iter()
                .map(|&i| site.charges[i].id.clone())
                .collect::<Vec<_>>(),
        )
    )
}

/// Everything of a person that the charts count them by (`charts::query`): the facts, not the
/// words. While it stays the same the charts do; when it changes they may not (the preview draws
/// them to know). Indexes, compared within one site.
pub fn counted(p: &Profile) -> String {
    format!(
        "{:?}",
        (
            (&p.slug, &p.name, p.status, p.gender),
            (p.arrested, p.released, p.born),
            (p.profession, p.case, p.prison, p.organisation, &p.charges),
            p.earlier
                .iter()
                .map(|a| (a.arrested, a.released, &a.charges, a.prison))
                .collect::<Vec<_>>(),
        )
    )
}
