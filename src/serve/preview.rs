//! The preview's site in memory, rebuilt after each save by rendering again only the jobs whose
//! documents changed (see `deps`). Loading reuses every file whose text did not change.
//!
//! A save of one person's files alone (the common edit) is patched into the last good build: only
//! that person is read and checked again (`validate::person`, which says when a whole validation
//! could find anything else), and what the site keeps beside the pages (cards, open data) is made
//! again only when what it holds of the person changed. Anything else goes through the whole
//! pipeline, validation included, since a change there can make a reference elsewhere wrong.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use rayon::prelude::*;

use crate::build::{self, Prepared};
use crate::diag::Diagnostic;
use crate::load::{self, Role};
use crate::model::Site;
use crate::render::drawn::{Drawing, Drawn};
use crate::render::{self, Job, Links, Listing, Renderer};
use crate::text::Lang;
use crate::validate::{self, links::Targets};

use super::deps::{self, Dep, Dirty, Key};
use super::splice;

/// What the server sends for one address.
#[derive(Clone, Debug)]
pub enum Body {
    Bytes(Arc<Vec<u8>>),
    /// A file published as it is, read from the campaign's folder when asked for.
    File(PathBuf),
    /// A file kept in parts shared with its earlier versions (`opendata::Parts`).
    Parts(Arc<crate::opendata::Parts>),
}

impl Body {
    /// The file's content, whole.
    pub fn read(&self) -> std::io::Result<Vec<u8>> {
        match self {
            Body::Bytes(b) => Ok(b.as_ref().clone()),
            Body::File(path) => std::fs::read(path),
            Body::Parts(parts) => Ok(parts.concat()),
        }
    }
}

/// The output of a good build, by path relative to the site's root.
pub type Files = HashMap<String, Body>;

pub struct Built {
    /// What to serve now: every file, or what changed since the last good build.
    pub files: Update,
    /// The pages rendered this time (output paths), and how many pages the site has.
    pub rendered: Vec<String>,
    pub pages: usize,
    pub took: Duration,
    /// Warnings about the files changed since the last good build.
    pub warnings: Vec<Diagnostic>,
    pub total_warnings: usize,
}

/// The files of a good build, for the server.
pub enum Update {
    All(Files),
    /// The files written again (`Some`) and gone (`None`): a copy of every file for each save
    /// would take longer than the rest of a patched rebuild.
    Changed(Vec<(String, Option<Body>)>),
}

/// The last good build: the site, each job with its key and dependencies, the pages each wrote,
/// and what a save that leaves the site's addresses alone does not change.
struct Good {
    prepared: Prepared,
    drawn: Drawn,
    jobs: Vec<(Lang, Job)>,
    keys: Vec<(Lang, Key)>,
    deps: Vec<Vec<Dep>>,
    outputs: HashMap<(Lang, Key), Vec<String>>,
    pages: HashMap<String, Arc<Vec<u8>>>,
    files: Files,
    targets: Targets,
}

pub struct Preview {
    opts: build::Options,
    cache: load::Cache,
    good: Option<Good>,
    dirty: Dirty,
    /// Files changed since the last good build, relative to the root, for the warnings shown.
    changed: HashSet<PathBuf>,
}

impl Preview {
    pub fn new(opts: build::Options) -> Self {
        Preview {
            opts,
            cache: load::Cache::default(),
            good: None,
            dirty: Dirty::all(),
            changed: HashSet::new(),
        }
    }

    pub fn root(&self) -> &Path {
        &self.opts.root
    }

    /// Notes a saved, added or removed file (relative to the root) for the next rebuild.
    pub fn changed(&mut self, rel: &Path) {
        let config = self.good.as_ref().map(|g| &g.prepared.site.config);
        self.dirty.mark(rel, config);
        self.changed.insert(rel.to_path_buf());
    }

    /// The files of the last good build, by path relative to the site's root.
    pub fn files(&self) -> Option<&Files> {
        self.good.as_ref().map(|g| &g.files)
    }

    /// The warnings of the last good build (a good build has no errors).
    pub fn diagnostics(&self) -> Option<&crate::diag::Diagnostics> {
        self.good.as_ref().map(|g| &g.prepared.diagnostics)
    }

    /// Builds what changed. On failure the last good build stays as it was, and what changed
    /// stays noted, so the next good save renders everything the failed ones touched.
    pub fn rebuild(&mut self) -> Result<Built, Vec<Diagnostic>> {
        let started = Instant::now();
        if let Some(built) = self.patch(started) {
            return Ok(built);
        }
        let prepared = build::prepare(&self.opts, &mut self.cache).map_err(|d| d.sorted())?;
        let site = &prepared.site;
        if let Some(g) = &self.good {
            self.dirty.keep_cards(&g.prepared.site, site);
        }
        let everything = match &self.good {
            None => true,
            Some(g) => {
                self.dirty.everything
                    || g.prepared.site.today != site.today
                    || menu(&g.prepared.site) != menu(site)
            }
        };
        let all_jobs = render::jobs(site);
        let keys: Vec<(Lang, Key)> = all_jobs
            .iter()
            .map(|&(lang, job)| deps::key(site, lang, job))
            .collect();
        let new_deps: Vec<Vec<Dep>> = all_jobs
            .iter()
            .map(|&(_, job)| deps::deps(site, job))
            .collect();
        let selected: Vec<usize> = match self.good.as_ref().filter(|_| !everything) {
            None => (0..all_jobs.len()).collect(),
            Some(g) => {
                let before: HashMap<&(Lang, Key), &Vec<Dep>> = g.keys.iter().zip(&g.deps).collect();
                // A person's page links to the listings of their earlier arrests while they
                // have a page, which may appear or go with a save that does not touch the person.
                let r = validate::person::Relisted::between(
                    crate::urls::listings(&g.prepared.site),
                    crate::urls::listings(site),
                );
                let relisted: Vec<String> = r.gone.into_iter().chain(r.new).collect();
                let links_change = |job: Job| match job {
                    Job::Person(i) => {
                        validate::person::earlier_links(site, &site.profiles[i], &relisted)
                    }
                    _ => false,
                };
                (0..all_jobs.len())
                    .filter(|&i| {
                        before
                            .get(&keys[i])
                            .is_none_or(|deps| self.dirty.touches(deps))
                            || self.dirty.touches(&new_deps[i])
                            || (!relisted.is_empty() && links_change(all_jobs[i].1))
                    })
                    .collect()
            }
        };
        let jobs: Vec<(Lang, Job)> = selected.iter().map(|&i| all_jobs[i]).collect();
        // The cards that did not change are taken from the last good build's.
        let before = self.good.as_ref().filter(|_| !everything).map(|g| &g.drawn);
        let drawn =
            Drawn::again(before, site, &prepared.strings, &prepared.theme).map_err(|d| vec![d])?;
        let renderer = Renderer::new(
            site,
            &prepared.strings,
            &prepared.theme,
            &drawn,
            Links::Rooted,
        );
        let (pages, problems) = renderer.pages(&jobs, |i, file, html| Ok((i, file, html)));
        if problems.has_errors() {
            return Err(problems.sorted());
        }

        // Keep what was rendered before for the jobs not rendered now; drop the pages of jobs
        // the site no longer has.
        let (mut outputs, mut kept) = match self.good.take() {
            Some(g) if !everything => (g.outputs, g.pages),
            _ => (HashMap::new(), HashMap::new()),
        };
        let current: HashSet<&(Lang, Key)> = keys.iter().collect();
        let redone: HashSet<&(Lang, Key)> = selected.iter().map(|&i| &keys[i]).collect();
        outputs.retain(|key, files| {
            let keep = current.contains(key) && !redone.contains(key);
            if !keep {
                for f in files.iter() {
                    kept.remove(f);
                }
            }
            keep
        });
        let rendered: Vec<String> = pages.iter().map(|(_, file, _)| file.clone()).collect();
        for (i, file, html) in pages {
            outputs
                .entry(keys[selected[i]].clone())
                .or_default()
                .push(file.clone());
            kept.insert(file, Arc::new(html));
        }

        let mut files: Files = kept
            .iter()
            .map(|(f, html)| (f.clone(), Body::Bytes(html.clone())))
            .collect();
        for (source, rel) in render::other_files(site, &prepared.theme) {
            files.insert(rel, Body::File(source));
        }
        let cards = crate::cards::files(site, &prepared.strings, &prepared.theme.fonts)
            .map_err(|d| d.sorted())?;
        for (source, rel) in cards {
            files.insert(rel, Body::File(source));
        }
        let (mut data, spans) = render::data_files(site, &prepared.strings);
        for (rel, parts) in spans.cut(site, &mut data) {
            files.insert(rel, Body::Parts(Arc::new(parts)));
        }
        for (rel, content) in data {
            files.insert(rel, Body::Bytes(Arc::new(content.into_bytes())));
        }

        let changed = std::mem::take(&mut self.changed);
        let total_warnings = prepared.diagnostics.warnings();
        let warnings = about(&changed, prepared.diagnostics.iter());
        // A good build has no unreadable file.
        let targets = Targets::of(site, &load::Unreadable::default());
        let page_count = kept.len();
        self.good = Some(Good {
            prepared,
            drawn,
            jobs: all_jobs,
            keys,
            deps: new_deps,
            outputs,
            pages: kept,
            files: files.clone(),
            targets,
        });
        self.dirty = Dirty::default();
        Ok(Built {
            files: Update::All(files),
            rendered,
            pages: page_count,
            took: started.elapsed(),
            warnings,
            total_warnings,
        })
    }

    /// Rebuilds after a save of one person's files alone, which the watcher named, without
    /// loading, validating or rendering the rest of the site again. `None` when that cannot give
    /// what a whole rebuild gives (`validate::person` says when), or when the save has errors,
    /// which a whole rebuild then reports with all the others.
    fn patch(&mut self, started: Instant) -> Option<Built> {
        let g = self.good.as_mut()?;
        if self.dirty.everything || self.changed.is_empty() {
            return None;
        }
        let root = &self.opts.root;
        let site = &g.prepared.site;
        let mut slug = None;
        let mut saved = Vec::new();
        for rel in &self.changed {
            match load::role(rel, &site.config) {
                Role::Profile(s) if slug.get_or_insert_with(|| s.clone()) == &s => {
                    saved.push(root.join(rel))
                }
                // An editor's scratch file beside the profile, written and gone within the save
                // (vim's `4913`, `anar.md.tmp` renamed to `anar.md`): the site never used it.
                Role::Asset
                    if rel.starts_with("profiles")
                        && !root.join(rel).exists()
                        && !site.profiles.iter().any(|p| {
                            p.photo
                                .as_ref()
                                .is_some_and(|ph| ph.source == root.join(rel))
                        }) => {}
                _ => return None,
            }
        }
        let slug = slug?;
        let (doc, translations) = self.cache.person(root, &site.config, &slug, &saved)?;
        let opts = validate::Options {
            drafts: self.opts.drafts,
            today: self.opts.today,
        };
        let checked = validate::person::person(
            &mut g.prepared.site,
            &mut g.targets,
            doc,
            translations,
            root,
            &opts,
        )?;
        let i = g
            .prepared
            .site
            .profiles
            .iter()
            .position(|p| p.slug == slug)
            .expect("put in place");
        if let Some((from, to)) = checked.reordered {
            // A person's jobs are named by their place in the order, as are the cards.
            for (_, job) in &mut g.jobs {
                if let Job::Person(k) | Job::Alias(k, _) = job {
                    *k = validate::person::moved_index(*k, from, to);
                }
            }
            g.drawn.reorder(from, to);
        }
        let gone = checked
            .relisted
            .as_ref()
            .map(|r| relist(g, &r.new))
            .unwrap_or_default();
        // A failed patch of a move that changed the order or the listings starts again from
        // nothing (see `abandon`).
        let restart = checked.reordered.is_some() || checked.relisted.is_some();
        let card_changed = {
            let site = &g.prepared.site;
            deps::card(site, &checked.before) != deps::card(site, &site.profiles[i])
        };
        // The person's card before and after, for the pages that change by it alone.
        let cards = if card_changed {
            let p = &g.prepared;
            let Ok(new) = Drawn::person(&p.site, &p.strings, &p.theme, i) else {
                return self.abandon(i, checked.before, checked.linked, None, restart);
            };
            let old = g.drawn.replace(i, new.clone());
            Some((old, new))
        } else {
            None
        };
        let site = &g.prepared.site;
        let prepared = &g.prepared;
        let person = &site.profiles[i];

        // The site's addresses are as they were but for the listing pages that appeared or went
        // (`validate::person`, and `relist` for their jobs): so are the other jobs, their keys and
        // the files the pages may link to. Only the jobs listing a person who moved depend on
        // someone else now.
        if !card_changed && !checked.moved {
            self.dirty.card_unchanged(&slug);
        }
        // The jobs that show the person now and did not before depend on them from now on.
        if checked.moved {
            let p = &site.profiles[i];
            let shows = |job: Job| match job {
                Job::Listing(l) => l.people(site).binary_search(&i).is_ok(),
                Job::Organisation(o) => p.organisation == Some(o),
                Job::Person(k) => k != i && p.case.is_some() && site.profiles[k].case == p.case,
                _ => false,
            };
            for (j, &(_, job)) in g.jobs.iter().enumerate() {
                if shows(job) {
                    g.deps[j] = deps::deps(site, job);
                }
            }
        }
        // The home page shows the latest arrests of the people held.
        let before = &checked.before;
        // (A new place in the order may decide a tie between arrests of the same day.)
        if checked.reordered.is_none()
            && ((before.arrested, before.status) == (person.arrested, person.status)
                || !(before.status.is_held() || person.status.is_held()))
        {
            self.dirty.latest_unchanged(&slug);
        }
        let shown = |p| render::calendar::shown(p, site.today);
        if shown(&checked.before) == shown(person) {
            self.dirty.calendar_unchanged(&slug);
        }
        let data = |p| crate::opendata::person(site, &prepared.strings, p);
        let data_changed = data(&checked.before) != data(person) || checked.reordered.is_some();
        let stood = checked.reordered.map_or(i, |(from, _)| from);

        // Each page a job touched by the person's card alone made is spliced, or the job is
        // rendered again: (job, its pages spliced, (file, bytes) of those that changed).
        let touched: Vec<usize> = (0..g.jobs.len())
            .into_par_iter()
            .filter(|&j| self.dirty.touches(&g.deps[j]))
            .collect();
        // A person who moved between listings changes more than their card in the pages built
        // from the listings (and may now stand in pages that did not show them, which splicing
        // would leave as they were): those are rendered again.
        let by_listings = |job: Job| {
            checked.moved
                && matches!(
                    job,
                    Job::Home
                        | Job::People
                        | Job::Listing(_)
                        | Job::Organisation(_)
                        | Job::Person(_)
                )
        };
        let splice = |j: usize| {
            let (old, new) = cards.as_ref().filter(|_| {
                self.dirty.touches_card_only(&g.deps[j]) && !by_listings(g.jobs[j].1)
            })?;
            let files = g.outputs.get(&g.keys[j])?;
            let mut same = Vec::new();
            let mut changed = Vec::new();
            for f in files {
                match splice::splice(g.pages.get(f)?, g.jobs[j].0, old, new)? {
                    splice::Spliced::Same => same.push(f.clone()),
                    splice::Spliced::New(page) => changed.push((f.clone(), page)),
                }
            }
            Some((same, changed))
        };
        // The chart files when they change, drawn while the pages are spliced. A person may count
        // otherwise and the charts stay the same (an arrest moved within its month): the pages
        // that show them then stay too.
        let counted_changed = deps::counted(&checked.before) != deps::counted(person);
        let (charts, spliced) = rayon::join(
            || {
                counted_changed
                    .then(|| crate::charts::files(site, &prepared.strings))
                    .filter(|files| {
                        files.iter().any(|(rel, now)| match g.files.get(rel) {
                            Some(Body::Bytes(before)) => before.as_slice() != now.as_bytes(),
                            _ => true,
                        })
                    })
            },
            || -> Vec<(usize, Option<_>)> { touched.par_iter().map(|&j| (j, splice(j))).collect() },
        );
        if charts.is_none() {
            self.dirty.charts_unchanged(&slug);
        }
        let mut selected: Vec<usize> = Vec::new();
        let mut by_job: HashMap<usize, Vec<String>> = HashMap::new();
        let mut rendered: Vec<String> = Vec::new();
        let mut pages_now: Vec<(usize, String, Vec<u8>)> = Vec::new();
        for (j, done) in spliced {
            match done {
                Some((same, changed)) => {
                    // A page spliced is as it was when it does not show the person: nothing to send.
                    by_job.entry(j).or_default().extend(same);
                    rendered.extend(changed.iter().map(|(f, _)| f.clone()));
                    pages_now.extend(changed.into_iter().map(|(f, page)| (j, f, page)));
                }
                // Touched before the charts were found the same, perhaps no longer.
                None if self.dirty.touches(&g.deps[j]) => selected.push(j),
                None => {}
            }
        }

        // The pages rendered again, while the person's preview cards and open data are made.
        let jobs: Vec<(Lang, Job)> = selected.iter().map(|&i| g.jobs[i]).collect();
        let renderer = Renderer::new(
            site,
            &prepared.strings,
            &prepared.theme,
            &g.drawn,
            Links::Rooted,
        );
        let files_now = &g.files;
        let ((pages, problems), ((card_files, data_files), sitemap)) = rayon::join(
            || renderer.pages(&jobs, |i, file, html| Ok((i, file, html))),
            || {
                let cards = card_changed.then(|| {
                    crate::cards::person_files(site, &prepared.strings, &prepared.theme.fonts, i)
                });
                let now = |path: &str| match files_now.get(path) {
                    Some(Body::Parts(p)) => Some(p.clone()),
                    _ => None,
                };
                let data = data_changed
                    .then(|| crate::opendata::rewrite(site, &prepared.strings, stood, i, now));
                // The sitemap lists the listings' addresses.
                let sitemap = checked.relisted.as_ref().map(|r| {
                    let before = match files_now.get("sitemap.xml") {
                        Some(Body::Bytes(b)) => std::str::from_utf8(b).ok(),
                        _ => None,
                    };
                    vec![render::sitemap_relisted(site, before, &r.gone, &r.new)]
                });
                ((cards, data), sitemap)
            },
        );
        // Failed before anything of the last good build was changed but the person.
        let card_files = match card_files {
            Some(Ok(cards)) => cards,
            None => Vec::new(),
            Some(Err(_)) => return self.abandon(i, checked.before, checked.linked, cards, restart),
        };
        let data_files = match data_files {
            Some(Some(files)) => files,
            None => Vec::new(),
            Some(None) => return self.abandon(i, checked.before, checked.linked, cards, restart),
        };
        if problems.has_errors() {
            return self.abandon(i, checked.before, checked.linked, cards, restart);
        }
        if checked.moved {
            // Those that listed the person before and no longer do.
            for &j in &selected {
                g.deps[j] = deps::deps(site, g.jobs[j].1);
            }
        }

        let mut changes: Vec<(String, Option<Body>)> = Vec::new();
        rendered.extend(pages.iter().map(|(_, file, _)| file.clone()));
        let pages = pages
            .into_iter()
            .map(|(j, file, html)| (selected[j], file, html));
        for (job, file, html) in pages.chain(pages_now) {
            by_job.entry(job).or_default().push(file.clone());
            let html = Arc::new(html);
            changes.push((file.clone(), Some(Body::Bytes(html.clone()))));
            g.pages.insert(file, html);
        }
        for (job, files) in by_job {
            let before = g.outputs.insert(g.keys[job].clone(), files.clone());
            for gone in before.into_iter().flatten().filter(|f| !files.contains(f)) {
                g.pages.remove(&gone);
                changes.push((gone, None));
            }
        }
        changes.extend(
            card_files
                .into_iter()
                .map(|(source, rel)| (rel, Some(Body::File(source)))),
        );
        changes.extend(gone.into_iter().map(|f| (f, None)));
        // The feeds and the sitemap show statements and addresses only: they stay as they were,
        // but for the listings' addresses in the sitemap (made above).
        // The organisations' data names their people, in the order of names.
        let organisations = checked
            .moved
            .then(|| crate::opendata::organisation_files(site, &prepared.strings));
        for (rel, content) in charts
            .into_iter()
            .chain(organisations)
            .chain(sitemap)
            .flatten()
        {
            changes.push((rel, Some(Body::Bytes(Arc::new(content.into_bytes())))));
        }
        changes.extend(
            data_files
                .into_iter()
                .map(|(rel, parts)| (rel, Some(Body::Parts(Arc::new(parts))))),
        );
        for (rel, body) in &changes {
            match body {
                Some(b) => g.files.insert(rel.clone(), b.clone()),
                None => g.files.remove(rel),
            };
        }

        // The person's files have the problems found now; every other file those it had.
        let diagnostics = &mut g.prepared.diagnostics;
        // Compared as written (both relative to the root): comparing paths by their components
        // took milliseconds over thousands of warnings.
        diagnostics.retain(|d| {
            !checked
                .files
                .iter()
                .any(|f| f.as_os_str() == d.file.as_os_str())
        });
        let changed = std::mem::take(&mut self.changed);
        let warnings = about(&changed, checked.diagnostics.iter());
        diagnostics.extend(checked.diagnostics);
        self.dirty = Dirty::default();
        Some(Built {
            files: Update::Changed(changes),
            rendered,
            pages: g.pages.len(),
            took: started.elapsed(),
            warnings,
            total_warnings: diagnostics.warnings(),
        })
    }

    /// A patch that failed once the person (at `i`, `before` as the last good build had them,
    /// their biography linking to the listing pages `linked`, with their `cards` before and after)
    /// was put in the site: the person goes back, and the whole pipeline runs on the save,
    /// rendering what it touched and reporting the problems with all the others, while the last
    /// good build stays the one the next save is compared with. When the save had moved the person
    /// in the order (every index of the last good build between the two places had moved too) or
    /// made listing pages appear or go (their jobs, addresses and files with them): the whole
    /// pipeline then starts from nothing (`restart`).
    fn abandon(
        &mut self,
        i: usize,
        before: crate::model::Profile,
        linked: Vec<String>,
        cards: Option<(Vec<Drawing>, Vec<Drawing>)>,
        restart: bool,
    ) -> Option<Built> {
        if restart {
            self.good = None;
            self.dirty = Dirty::all();
            return None;
        }
        if let Some(g) = self.good.as_mut() {
            let site = &mut g.prepared.site;
            site.linked.set_person(&before.slug, linked);
            site.profiles[i] = before;
            site.index = crate::validate::index(site);
            if let Some((old, _)) = cards {
                g.drawn.replace(i, old);
            }
        }
        None
    }
}

/// Takes the jobs of the listing pages that went (`Relisted`) out of the last good build, with
/// their pages, and adds a job for each language of the pages that appear, at the listing paths
/// `new`; a status's listing, named by its place among the statuses someone has, may stand
/// elsewhere now. Returns the files of the pages gone.
fn relist(g: &mut Good, new: &[String]) -> Vec<String> {
    let site = &g.prepared.site;
    let now: HashMap<String, Listing> = Listing::all(site)
        .into_iter()
        .map(|l| (l.path(site), l))
        .collect();
    let mut gone = Vec::new();
    let mut stays = Vec::with_capacity(g.jobs.len());
    for ((_, job), (_, key)) in g.jobs.iter_mut().zip(&g.keys) {
        let stay = match (job, key) {
            (Job::Listing(l), Key::Listing(path)) => now.get(path).map(|&n| *l = n).is_some(),
            _ => true,
        };
        stays.push(stay);
    }
    for (j, _) in stays.iter().enumerate().filter(|(_, s)| !**s) {
        for f in g.outputs.remove(&g.keys[j]).into_iter().flatten() {
            g.pages.remove(&f);
            gone.push(f);
        }
    }
    let mut keep = stays.iter();
    g.jobs.retain(|_| *keep.next().expect("one a job"));
    let mut keep = stays.iter();
    g.keys.retain(|_| *keep.next().expect("one a job"));
    let mut keep = stays.iter();
    g.deps.retain(|_| *keep.next().expect("one a job"));
    for lang in site.config.langs() {
        for path in new {
            let job = Job::Listing(now[path]);
            g.jobs.push((lang, job));
            g.keys.push(deps::key(site, lang, job));
            g.deps.push(deps::deps(site, job));
        }
    }
    gone
}

/// The problems of the files saved since the last good build: those the preview shows.
fn about<'a>(
    saved: &HashSet<PathBuf>,
    problems: impl Iterator<Item = &'a Diagnostic>,
) -> Vec<Diagnostic> {
    problems
        .filter(|d| saved.contains(&d.file))
        .cloned()
        .collect()
}

/// What the main menu shows on every page: a change to it renders everything.
fn menu(site: &Site) -> Vec<(&str, u32, &crate::text::Text)> {
    site.pages
        .iter()
        .filter_map(|p| p.menu.map(|m| (p.path.as_str(), m, &p.title)))
        .collect()
}
