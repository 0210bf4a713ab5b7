//! The pipeline, in order: config -> load -> validate (into a frozen `Site`) -> render -> write.
//! Each stage is timed for `--verbose`.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use time::Date;

use crate::config::Config;
use crate::diag::{Diagnostic, Diagnostics};
use crate::model::Site;
use crate::render::{Links, Theme, Written};
use crate::{archive, i18n, load, render, validate, write};

/// Past this, the build warns: GitHub Pages publishes at most 1 GB. Decimal megabytes, as the
/// closing line counts them.
pub const WARN_BYTES: usize = 800_000_000;

pub struct Options {
    pub root: PathBuf,
    pub output: Option<PathBuf>,
    pub base_url: Option<String>,
    pub drafts: bool,
    pub today: Date,
    /// Relative links everywhere, and a zip of the result (see `render::Links`).
    pub portable: bool,
}

/// A validated site and what rendering it needs.
pub struct Prepared {
    pub site: Site,
    pub strings: Vec<i18n::Strings>,
    pub theme: Theme,
    /// Warnings: a prepared site has no errors.
    pub diagnostics: Diagnostics,
}

/// How a build or check went: the diagnostics, the stage times, and what was written.
pub struct Report {
    pub diagnostics: Diagnostics,
    pub stages: Vec<(&'static str, Duration)>,
    pub site: Option<Summary>,
    pub written: Option<Written>,
}

/// Counts for the closing line.
pub struct Summary {
    pub languages: Vec<String>,
    pub people: usize,
    pub statements: usize,
    pub pages: usize,
    /// The zip of a portable build, relative to the output folder.
    pub zip: Option<String>,
}

struct Timer {
    stages: Vec<(&'static str, Duration)>,
    at: Instant,
}

impl Timer {
    fn lap(&mut self, stage: &'static str) {
        let now = Instant::now();
        self.stages.push((stage, now - self.at));
        self.at = now;
    }
}

/// Loads and validates the site: everything short of rendering. `cache` keeps parsed files for the
/// next call (`vigil serve`); a one-off build passes a fresh one.
pub fn prepare(opts: &Options, cache: &mut load::Cache) -> Result<Prepared, Diagnostics> {
    let mut timer = Timer {
        stages: Vec::new(),
        at: Instant::now(),
    };
    prepare_timed(opts, cache, &mut timer)
}

fn prepare_timed(
    opts: &Options,
    cache: &mut load::Cache,
    timer: &mut Timer,
) -> Result<Prepared, Diagnostics> {
    let config = Config::load(&opts.root, opts.base_url.as_deref())?;
    let theme_dir = opts.root.join("themes").join(&config.theme);
    let strings = i18n::load(&theme_dir, &opts.root, &config.languages);
    let theme = Theme::load(&opts.root, &config.theme);
    timer.lap("config and theme");
    let (loaded, mut diags) = load::load(&opts.root, &config, cache);
    timer.lap("load");
    let (site, more) = validate::validate(
        loaded,
        config,
        &opts.root,
        &validate::Options {
            drafts: opts.drafts,
            today: opts.today,
        },
        &cache.images,
        theme.as_ref().map_or(&[], |t| t.static_files.as_slice()),
    );
    diags.extend(more);
    timer.lap("validate");
    let strings = strings.map_err(|d| diags.extend(d));
    let theme = theme.map_err(|d| diags.extend(d));
    match (site, strings, theme) {
        (Some(site), Ok(strings), Ok(theme)) if !diags.has_errors() => Ok(Prepared {
            site,
            strings,
            theme,
            diagnostics: diags,
        }),
        _ => Err(diags),
    }
}

pub fn summary(site: &Site) -> Summary {
    Summary {
        languages: site.config.languages.clone(),
        people: site.profiles.len(),
        statements: site.statements.len(),
        pages: site.pages.len(),
        zip: None,
    }
}

pub fn check(opts: &Options) -> Report {
    let mut timer = Timer {
        stages: Vec::new(),
        at: Instant::now(),
    };
    match prepare_timed(opts, &mut load::Cache::none(), &mut timer) {
        Ok(p) => Report {
            diagnostics: p.diagnostics,
            stages: timer.stages,
            site: Some(summary(&p.site)),
            written: None,
        },
        Err(diagnostics) => Report {
            diagnostics,
            stages: timer.stages,
            site: None,
            written: None,
        },
    }
}

pub fn build(opts: &Options) -> Report {
    let mut timer = Timer {
        stages: Vec::new(),
        at: Instant::now(),
    };
    let prepared = prepare_timed(opts, &mut load::Cache::none(), &mut timer);
    let Prepared {
        site,
        strings,
        theme,
        mut diagnostics,
    } = match prepared {
        Ok(v) => v,
        Err(diagnostics) => {
            return Report {
                diagnostics,
                stages: timer.stages,
                site: None,
                written: None,
            };
        }
    };
    let output = opts
        .output
        .clone()
        .unwrap_or_else(|| opts.root.join("public"));
    let fail = |d: Diagnostic, mut diagnostics: Diagnostics, timer: Timer| {
        diagnostics.push(d);
        Report {
            diagnostics,
            stages: timer.stages,
            site: None,
            written: None,
        }
    };
    if let Err(d) = safe_output(&opts.root, &output) {
        return fail(d, diagnostics, timer);
    }
    let staging = match write::Staging::new(&output) {
        Ok(s) => s,
        Err(e) => {
            return fail(
                Diagnostic::error(&output, format!("cannot create the build folder: {e}")),
                diagnostics,
                timer,
            );
        }
    };
    let links = if opts.portable {
        Links::Relative
    } else {
        Links::Rooted
    };
    let rendered = render::render(&site, &strings, &theme, &staging.dir, links);
    timer.lap("render and write");
    let written = match rendered {
        Ok(w) => w,
        Err(d) => {
            diagnostics.extend(d);
            return Report {
                diagnostics,
                stages: timer.stages,
                site: None,
                written: None,
            };
        }
    };
    if written.bytes > WARN_BYTES {
        diagnostics.push(
            Diagnostic::warning(
                &output,
                format!(
                    "the site weighs {} MB: GitHub Pages refuses a site over 1 GB",
                    written.bytes / 1_000_000
                ),
            )
            .hint("smaller photos, or fewer of them, keep it publishable"),
        );
    }
    let mut summary = summary(&site);
    if opts.portable {
        let name = archive::name(site.config.title.default());
        if let Err(e) = archive::write(&staging.dir, &name, site.today) {
            return fail(
                Diagnostic::error(&output, format!("cannot write the zip of the site: {e}")),
                diagnostics,
                timer,
            );
        }
        timer.lap("zip");
        summary.zip = Some(format!("{name}.zip"));
    }
    if let Err(e) = staging.commit() {
        return fail(
            Diagnostic::error(&output, format!("cannot put the new site in place: {e}")),
            diagnostics,
            timer,
        );
    }
    timer.lap("swap");
    Report {
        diagnostics,
        stages: timer.stages,
        site: Some(summary),
        written: Some(written),
    }
}

/// The output is replaced whole: it must never be the campaign's own folder or hold it.
fn safe_output(root: &Path, output: &Path) -> Result<(), Diagnostic> {
    let canon = |p: &Path| p.canonicalize().unwrap_or_else(|_| p.to_path_buf());
    let root = canon(root);
    let out = canon(output);
    if root.starts_with(&out) || out == root {
        return Err(Diagnostic::error(
            output,
            "the output folder would replace the site's own files",
        )
        .hint("choose an output folder such as public/"));
    }
    for source in ["profiles", "content", "themes"] {
        if out.starts_with(root.join(source)) {
            return Err(Diagnostic::error(
                output,
                format!("the output folder is inside {source}/"),
            )
            .hint("choose an output folder such as public/"));
        }
    }
    Ok(())
}

/// Fetches every external link of the site (`vigil check --external`).
pub fn external_links(opts: &Options, check: &crate::linkcheck::Options) -> Diagnostics {
    let config = match Config::load(&opts.root, opts.base_url.as_deref()) {
        Ok(c) => c,
        Err(d) => return d,
    };
    let (loaded, _) = load::load(&opts.root, &config, &mut load::Cache::none());
    crate::linkcheck::check(&loaded, check)
}
