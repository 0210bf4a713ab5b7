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
    /// The person's files, relative to the root: every problem in them is among `diagnostics`.
    pub files: Vec<PathBuf>,
    /// The person moved between listings (status, profession, organisation, case, prison,
    /// charges) or in the order (a new name); the same listings have someone in them, and
    /// `site.index` is made again.
    pub moved: bool,
    /// Where the person stood in the order and stands now (`site.profiles`), when a new name moved
    /// them: every index of a person between the two has moved by one (see `moved_index`).
    pub reordered: Option<(usize, usize)>,
    pub diagnostics: Diagnostics,
}

/// Checks the person of `doc` and its translations and puts them in `site` in place of who was
/// there, when a whole validation would find exactly the problems of the site before in every
/// other file, and these problems in the person's: when what other files and the site's addresses
/// see of the person (`Shown`) is the same, and the same listings have someone in them (the person
/// may move between them, and to another place in the order).
/// `None` otherwise, and when the person's files have errors (a whole validation reports them,
/// with all the others): the site is then left as it was.
///
/// `targets` are those of `site`, which `Shown` leaves as they are.
pub fn person(
    site: &mut Site,
    targets: &Targets,
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
    for d in links::text_problems(site, targets, &profile.bio, &sources) {
        diagnostics.push(d);
    }
    if diagnostics.has_errors() {
        return None;
    }
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
    if moved {
        let index = super::index(site);
        if !index.same_listings(&site.index) {
            // A listing page would appear or go, and with it links on other pages.
            if let Some((from, to)) = reordered {
                move_person(site, to, from);
            }
            site.profiles[i] = before;
            return None;
        }
        site.index = index;
    }
    Some(Checked {
        before,
        files,
        diagnostics,
        moved,
        reordered,
    })
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
