//! One person's files checked again against a site already validated, for `vigil serve`: the
//! checks are the ones a whole validation makes (`profiles::build`, `links::text_problems`), run on
//! that person alone, with the rest of the site as it was.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use crate::diag::Diagnostics;
use crate::load::Doc;
use crate::load::front::{ProfileFront, ProfileTranslationFront};
use crate::model::{Profile, Site, Status};

use super::links::{self, Targets};
use super::tables::TableIds;
use super::{Options, profiles};

/// The person checked again and put in place.
pub struct Checked {
    /// The person as the site had them before.
    pub before: Profile,
    /// The listing pages their biography linked to before (`Linked`).
    pub linked: Vec<String>,
    /// The person's files, relative to the root: every problem in them is among `diagnostics`.
    pub files: Vec<PathBuf>,
    /// The person moved between listings (status, profession, organisation, case, prison,
    /// charges) or in the order (a new name), and `site.index` is made again.
    pub moved: bool,
    /// Where the person stood in the order and stands now (`site.profiles`), when a new name moved
    /// them: every index of a person between the two has moved by one (see `moved_index`).
    pub reordered: Option<(usize, usize)>,
    /// The listing pages the move made appear or go: the site's `outputs`, `linked` and the
    /// `targets` have them as they are now.
    pub relisted: Option<Relisted>,
    pub diagnostics: Diagnostics,
}

/// Checks the person of `doc` and its translations and puts them in `site` in place of who was
/// there, when a whole validation would find exactly the problems of the site before in every
/// other file, and these problems in the person's: when what other files and the site's addresses
/// see of the person (`Shown`) is the same (the person may move between listings, and to another
/// place in the order), and no listing page that goes with the move is linked to from elsewhere,
/// nor one that appears takes the address of a file of the site (`Relisted`).
/// `None` otherwise, and when the person's files have errors (a whole validation reports them,
/// with all the others): the site and `targets` are then left as they were.
///
/// `targets` are those of `site`: a listing page that appears or goes is added or taken away.
pub fn person(
    site: &mut Site,
    targets: &mut Targets,
    doc: Doc<ProfileFront>,
    translations: Vec<Doc<ProfileTranslationFront>>,
    root: &Path,
    opts: &Options,
) -> Option<Checked> {
    let i = site.profiles.iter().position(|p| p.slug == doc.key)?;
    let mut files = vec![doc.src.path.clone()];
    files.extend(translations.iter().map(|t| t.src.path.clone()));
    let codes = site.config.languages.clone();
    let mut diagnostics = Diagnostics::default();
    let ids = TableIds::of(
        &site.organisations,
        &site.charges,
        &site.prisons,
        &site.cases,
        &site.professions,
    );
    // The person's translations all have their profile here: no file of theirs is unreadable.
    let none = HashSet::new();
    let mut built = profiles::build(
        vec![doc],
        translations,
        &none,
        root,
        &codes,
        &ids,
        opts,
        &mut diagnostics,
    );
    drop(ids);
    // Nobody: the profile became a draft, and their pages go.
    let (profile, sources) = built.pop()?;
    if diagnostics.has_errors() || Shown::of(&site.profiles[i]) != Shown::of(&profile) {
        return None;
    }
    let listed = Listed::of(&site.profiles[i]) != Listed::of(&profile);
    let slug = profile.slug.clone();
    let before = std::mem::replace(&mut site.profiles[i], profile);
    // Where the person goes among the others, which stay in order: those before them in the
    // order now are those before `i` that still are, or all of those and some after.
    let to = {
        let p = &site.profiles[i];
        let before = |q: &Profile| profiles::order(q, p).is_lt();
        match site.profiles[..i].partition_point(before) {
            k if k < i => k,
            _ => i + site.profiles[i + 1..].partition_point(before),
        }
    };
    let reordered = (to != i).then_some((i, to));
    if let Some((from, to)) = reordered {
        move_person(site, from, to);
    }
    let moved = listed || reordered.is_some();
    // The index as it was, while the person may still go back.
    let mut was = None;
    let mut relisted = None;
    if moved {
        let index = super::index(site);
        let same = index.same_listings(&site.index);
        let listings = (!same).then(|| crate::urls::listings(site));
        was = Some(std::mem::replace(&mut site.index, index));
        if let Some(listings) = listings {
            // A listing page appears or goes, and with it an address the pages may link to.
            let r = Relisted::between(listings, crate::urls::listings(site));
            if r.leaves_a_link_dead(site, &slug)
                || r.changes_an_earlier_arrest(site, &slug)
                || r.takes_an_address(site)
            {
                undo(site, i, before, reordered, was, None, targets);
                return None;
            }
            if !(r.gone.is_empty() && r.new.is_empty()) {
                r.apply(site, targets);
                relisted = Some(r);
            }
        }
    }
    let at = reordered.map_or(i, |(_, to)| to);
    let (problems, listings) =
        links::text_problems(site, targets, &site.profiles[at].bio, &sources);
    for d in problems {
        diagnostics.push(d);
    }
    if diagnostics.has_errors() {
        undo(site, i, before, reordered, was, relisted.as_ref(), targets);
        return None;
    }
    let linked = site.linked.set_person(&slug, listings);
    Some(Checked {
        before,
        linked,
        files,
        diagnostics,
        moved,
        reordered,
        relisted,
    })
}

/// Whether the person's page shows an earlier arrest in one of the listings `to`: its prison and
/// charges link to their listings' pages, which exist only while someone is in them now.
pub fn earlier_links(site: &Site, p: &Profile, to: &[String]) -> bool {
    let any = |path: String| to.contains(&path);
    p.earlier.iter().any(|a| {
        a.prison
            .is_some_and(|x| any(crate::urls::prison(&site.prisons[x].id)))
            || a.charges
                .iter()
                .any(|&c| any(crate::urls::charge(&site.charges[c].id)))
    })
}

/// Puts the site (and its `targets`) back as they were before the person, who stood at `i` as
/// `before`, was put in place.
fn undo(
    site: &mut Site,
    i: usize,
    before: Profile,
    reordered: Option<(usize, usize)>,
    index: Option<crate::model::Index>,
    relisted: Option<&Relisted>,
    targets: &mut Targets,
) {
    if let Some(r) = relisted {
        r.undo(site, targets);
    }
    if let Some(index) = index {
        site.index = index;
    }
    if let Some((from, to)) = reordered {
        move_person(site, to, from);
    }
    site.profiles[i] = before;
}

/// The listing pages (language-neutral paths) that a person's move made appear or go.
#[derive(Debug)]
pub struct Relisted {
    pub gone: Vec<String>,
    pub new: Vec<String>,
}

impl Relisted {
    pub fn between(before: Vec<String>, now: Vec<String>) -> Relisted {
        let (b, n): (HashSet<&String>, HashSet<&String>) =
            (before.iter().collect(), now.iter().collect());
        Relisted {
            gone: before.iter().filter(|p| !n.contains(p)).cloned().collect(),
            new: now.iter().filter(|p| !b.contains(p)).cloned().collect(),
        }
    }

    /// Whether a text other than the person `slug`'s biography (checked on its own) links to a
    /// listing page that goes. A whole build then reports it.
    fn leaves_a_link_dead(&self, site: &Site, slug: &str) -> bool {
        self.gone.iter().any(|p| site.linked.by_others(p, slug))
    }

    /// Whether another person's page shows an earlier arrest in a listing that appears or goes:
    /// its link to the listing's page appears or goes with it, and the whole pipeline renders
    /// that page again (a patch renders only the pages that show the person `slug`).
    fn changes_an_earlier_arrest(&self, site: &Site, slug: &str) -> bool {
        let changed: Vec<String> = self.gone.iter().chain(&self.new).cloned().collect();
        !changed.is_empty()
            && site
                .profiles
                .iter()
                .any(|p| p.slug != slug && earlier_links(site, p, &changed))
    }

    /// Whether a listing page that appears would be written where a file of the site already is
    /// (one under content/): a whole build reports both.
    fn takes_an_address(&self, site: &Site) -> bool {
        let config = &site.config;
        self.new.iter().any(|p| {
            config
                .langs()
                .any(|l| site.outputs.contains(&crate::urls::file(config, l, p)))
        })
    }

    /// The pages that appear are written and may be linked to, those that go no longer.
    fn apply(&self, site: &mut Site, targets: &mut Targets) {
        Self::swap(&self.gone, &self.new, site, targets);
    }

    fn undo(&self, site: &mut Site, targets: &mut Targets) {
        Self::swap(&self.new, &self.gone, site, targets);
    }

    fn swap(gone: &[String], new: &[String], site: &mut Site, targets: &mut Targets) {
        targets.relist(gone, new);
        let config = &site.config;
        for lang in config.langs() {
            for p in gone {
                site.outputs.remove(&crate::urls::file(config, lang, p));
            }
            for p in new {
                site.outputs.insert(crate::urls::file(config, lang, p));
            }
        }
    }
}

/// Moves the person at `from` in the order to `to`, and every statement's people with them.
/// `site.index` is left to be made again.
pub fn move_person(site: &mut Site, from: usize, to: usize) {
    let p = site.profiles.remove(from);
    site.profiles.insert(to, p);
    for s in &mut site.statements {
        for k in &mut s.profiles {
            *k = moved_index(*k, from, to);
        }
    }
}

/// Where the person at `k` in the order stands once the one at `from` has moved to `to`.
pub fn moved_index(k: usize, from: usize, to: usize) -> usize {
    if k == from {
        to
    } else if from < to && (from + 1..=to).contains(&k) {
        k - 1
    } else if to < from && (to..from).contains(&k) {
        k + 1
    } else {
        k
    }
}

/// What of a person the checks of other files and the site's addresses depend on: their address
/// and old addresses, their photo (a file others may link to). Their words, dates, listings and
/// everything else only their own pages, cards, the pages that list them and the open data show.
#[derive(PartialEq)]
struct Shown<'a> {
    slug: &'a str,
    aliases: &'a [String],
    photo: Option<(&'a Path, &'a str)>,
}

impl<'a> Shown<'a> {
    fn of(p: &'a Profile) -> Self {
        Shown {
            slug: &p.slug,
            aliases: &p.aliases,
            photo: p
                .photo
                .as_ref()
                .map(|ph| (ph.source.as_path(), ph.output.as_str())),
        }
    }
}

/// The listings a person is in, which `site.index` holds.
#[derive(PartialEq)]
struct Listed<'a> {
    status: Status,
    profession: Option<usize>,
    organisation: Option<usize>,
    case: Option<usize>,
    prison: Option<usize>,
    charges: &'a [usize],
}

impl<'a> Listed<'a> {
    fn of(p: &'a Profile) -> Self {
        Listed {
            status: p.status,
            profession: p.profession,
            organisation: p.organisation,
            case: p.case,
            prison: p.prison,
            charges: &p.charges,
        }
    }
}
