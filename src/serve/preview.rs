//! The preview's site in memory, rebuilt after each save by rendering again only the jobs whose
//! documents changed (see `deps`). Loading reuses every file whose text did not change; validation
//! runs whole, since it is cheap and a change anywhere can make a reference elsewhere wrong.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use crate::build::{self, Prepared};
use crate::diag::Diagnostic;
use crate::load;
use crate::model::Site;
use crate::render::{self, Job, Links, Renderer};
use crate::text::Lang;

use super::deps::{self, Dep, Dirty, Key};

/// What the server sends for one address.
#[derive(Clone, Debug)]
pub enum Body {
    Bytes(Arc<Vec<u8>>),
    /// A file published as it is, read from the campaign's folder when asked for.
    File(PathBuf),
}

/// The output of a good build, by path relative to the site's root.
pub type Files = HashMap<String, Body>;

pub struct Built {
    pub files: Files,
    /// The pages rendered this time (output paths), and how many pages the site has.
    pub rendered: Vec<String>,
    pub pages: usize,
    pub took: Duration,
    /// Warnings about the files changed since the last good build.
    pub warnings: Vec<Diagnostic>,
    pub total_warnings: usize,
}

/// The last good build: the site, and for each job its dependencies and the pages it wrote.
struct Good {
    prepared: Prepared,
    deps: HashMap<(Lang, Key), Vec<Dep>>,
    outputs: HashMap<(Lang, Key), Vec<String>>,
    pages: HashMap<String, Arc<Vec<u8>>>,
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

    /// Builds what changed. On failure the last good build stays as it was, and what changed
    /// stays noted, so the next good save renders everything the failed ones touched.
    pub fn rebuild(&mut self) -> Result<Built, Vec<Diagnostic>> {
        let started = Instant::now();
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
        let selected: Vec<usize> = (0..all_jobs.len())
            .filter(|&i| {
                let Some(g) = self.good.as_ref().filter(|_| !everything) else {
                    return true;
                };
                let before = g.deps.get(&keys[i]);
                before.is_none()
                    || self.dirty.touches(before.expect("checked"))
                    || self.dirty.touches(&new_deps[i])
            })
            .collect();
        let jobs: Vec<(Lang, Job)> = selected.iter().map(|&i| all_jobs[i]).collect();
        let renderer = Renderer::new(site, &prepared.strings, &prepared.theme, Links::Rooted);
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
        for (rel, content) in render::data_files(site, &prepared.strings) {
            files.insert(rel, Body::Bytes(Arc::new(content.into_bytes())));
        }

        let changed = std::mem::take(&mut self.changed);
        let total_warnings = prepared.diagnostics.warnings();
        let warnings = prepared
            .diagnostics
            .iter()
            .filter(|d| changed.contains(&d.file))
            .cloned()
            .collect();
        let deps = keys.into_iter().zip(new_deps).collect();
        let page_count = kept.len();
        self.good = Some(Good {
            prepared,
            deps,
            outputs,
            pages: kept,
        });
        self.dirty = Dirty::default();
        Ok(Built {
            files,
            rendered,
            pages: page_count,
            took: started.elapsed(),
            warnings,
            total_warnings,
        })
    }
}

/// What the main menu shows on every page: a change to it renders everything.
fn menu(site: &Site) -> Vec<(&str, u32, &crate::text::Text)> {
    site.pages
        .iter()
        .filter_map(|p| p.menu.map(|m| (p.path.as_str(), m, &p.title)))
        .collect()
}
