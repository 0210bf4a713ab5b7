//! Stage 1: walk the campaign folder and parse every file into the typed shapes of `front`.
//!
//! Nothing here knows what the fields mean: ids, dates and cross-references are checked by
//! `validate`. Files are parsed in parallel; every problem is collected, none stops the walk.

pub mod front;

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, SystemTime};

use rayon::prelude::*;
use serde::de::DeserializeOwned;
use walkdir::WalkDir;

use crate::config::Config;
use crate::diag::{Diagnostic, Diagnostics, rel};
use crate::text::{Lang, Words};
use crate::yaml::{Source, read_text};
use front::*;

/// One parsed file: its key (a slug or a page path), its source for later errors, and its parts.
#[derive(Clone)]
pub struct Doc<T> {
    pub key: String,
    pub lang: Lang,
    pub src: Source,
    pub front: T,
    /// Markdown after the front matter (empty for YAML files), in `src.text`.
    pub body: Words,
    /// Line of the file where `body` starts, so Markdown problems can be located.
    pub body_line: usize,
}

#[derive(Default)]
pub struct Loaded {
    pub profiles: Vec<Doc<ProfileFront>>,
    pub profile_translations: Vec<Doc<ProfileTranslationFront>>,
    pub pages: Vec<Doc<PageFront>>,
    pub page_translations: Vec<Doc<PageFront>>,
    pub statements: Vec<Doc<StatementFile>>,
    pub organisations: Option<Doc<Table<OrganisationEntry>>>,
    pub charges: Option<Doc<Table<ChargeEntry>>>,
    pub prisons: Option<Doc<Table<PrisonEntry>>>,
    pub cases: Option<Doc<Table<NamedEntry>>>,
    pub professions: Option<Doc<Table<NamedEntry>>>,
    /// Files under `content/` published as they are, by path relative to `content/`.
    pub assets: Vec<(PathBuf, String)>,
    /// What the files that could not be parsed would have defined.
    pub unreadable: Unreadable,
}

/// The people, pages, statements and lists of files that exist but could not be parsed. Their own
/// error is reported; a reference to them is not reported again as a reference to nothing.
#[derive(Default)]
pub struct Unreadable {
    pub profiles: HashSet<String>,
    pub pages: HashSet<String>,
    pub statements: HashSet<String>,
    /// `organisations`, `charges`, `prisons`, `cases`, `professions`.
    pub lists: HashSet<String>,
}

enum Kind {
    Profile,
    ProfileTranslation,
    Page,
    PageTranslation,
    Statement,
    Organisations,
    Charges,
    Prisons,
    Cases,
    Professions,
    Asset(String),
}

/// What a file defines that other files refer to.
enum Defines {
    Profile,
    Page,
    Statement,
    List,
}

struct Found {
    path: PathBuf,
    kind: Kind,
    key: String,
    lang: Lang,
}

/// Files parsed by an earlier load, by path, with the text they were parsed from: a file whose
/// text has not changed is not parsed again (`vigil serve` rebuilds after each save), and a file
/// whose stamp has not changed is not even read again.
#[derive(Default)]
pub struct Cache {
    languages: Vec<String>,
    docs: HashMap<PathBuf, Entry>,
    /// A one-off build or check loads once: keeping a copy of every text and parsed file would
    /// double its memory and time for nothing.
    off: bool,
    /// The images processed so far (validation processes them).
    pub images: crate::images::Seen,
}

struct Entry {
    /// Only when it can be trusted to change with the text (see `Stamp::settled`).
    stamp: Option<Stamp>,
    text: Arc<String>,
    parsed: Parsed,
}

/// What the file system tells of a file without reading it. A save changes the modification time,
/// and on Unix the change time, which no program can set back.
#[derive(Clone, Copy, PartialEq, Eq)]
struct Stamp {
    len: u64,
    modified: Option<SystemTime>,
    #[cfg(unix)]
    changed: (i64, i64),
    #[cfg(unix)]
    file: (u64, u64),
}

/// File times come from a clock that ticks every few milliseconds (every second or two on some
/// file systems): two saves within a tick can leave the same stamp. A stamp is trusted only when
/// the file was last written well before it was read, so any later save has a later time (what
/// git does for its "racily clean" files).
const SETTLED: Duration = Duration::from_secs(3);

impl Stamp {
    fn of(meta: &std::fs::Metadata) -> Stamp {
        #[cfg(unix)]
        use std::os::unix::fs::MetadataExt;
        Stamp {
            len: meta.len(),
            modified: meta.modified().ok(),
            #[cfg(unix)]
            changed: (meta.ctime(), meta.ctime_nsec()),
            #[cfg(unix)]
            file: (meta.dev(), meta.ino()),
        }
    }

    /// The stamp, if the file had not been written for a while at `read_at` (taken before the
    /// stamp and the text were read).
    fn settled(self, read_at: SystemTime) -> Option<Stamp> {
        let old = |t: SystemTime| t.checked_add(SETTLED).is_some_and(|t| t <= read_at);
        #[cfg(unix)]
        let changed_old = {
            let (s, ns) = self.changed;
            u64::try_from(s).ok().is_some_and(|s| {
                old(SystemTime::UNIX_EPOCH + Duration::new(s, ns.clamp(0, 999_999_999) as u32))
            })
        };
        #[cfg(not(unix))]
        let changed_old = true;
        (self.modified.is_some_and(old) && changed_old).then_some(self)
    }
}

impl Cache {
    /// A cache that keeps nothing, for a load that will not be repeated.
    pub fn none() -> Cache {
        Cache {
            off: true,
            ..Cache::default()
        }
    }

    fn remember(&mut self, path: PathBuf, fresh: Fresh, parsed: &Parsed) {
        match fresh {
            Fresh::Cached => {}
            Fresh::Restamped(stamp) => {
                if let Some(e) = self.docs.get_mut(&path) {
                    e.stamp = stamp;
                }
            }
            Fresh::Parsed(stamp, text) => {
                let entry = Entry {
                    stamp,
                    text,
                    parsed: parsed.clone(),
                };
                self.docs.insert(path, entry);
            }
        }
    }

    /// One person's files (their profile and its translations) as `load` would give them, for
    /// `vigil serve`, whose watcher names the files saved since the last load: those are read
    /// again, the others taken from the cache without looking at the disk. `None` when this cannot
    /// stand for a whole load: a file saved is new, gone, a link, unreadable, or not one of the
    /// person's; the person has no profile, or a second one.
    pub fn person(
        &mut self,
        root: &Path,
        config: &Config,
        slug: &str,
        saved: &[PathBuf],
    ) -> Option<(Doc<ProfileFront>, Vec<Doc<ProfileTranslationFront>>)> {
        if self.off || self.languages != config.languages {
            return None;
        }
        for path in saved {
            // Only a file the last load saw: a new one could be a second profile, found by a walk.
            self.docs.get(path)?;
            // The walk's checks of links (where they lead) are not made here.
            if std::fs::symlink_metadata(path)
                .ok()?
                .file_type()
                .is_symlink()
            {
                return None;
            }
            let within = path.strip_prefix(root.join("profiles")).ok()?;
            let name = within.file_name()?.to_string_lossy().into_owned();
            let within = within.to_string_lossy().replace('\\', "/");
            let (kind, key, lang) = classify("profiles", &within, &name, config).ok()??;
            if key != slug {
                return None;
            }
            let found = Found {
                path: path.clone(),
                kind,
                key,
                lang,
            };
            let (fresh, parsed) = parse_cached(root, found, &self.docs, true).ok()?;
            self.remember(path.clone(), fresh, &parsed);
        }
        let mut profile = None;
        let mut translations: Vec<(&PathBuf, Doc<ProfileTranslationFront>)> = Vec::new();
        for (path, e) in &self.docs {
            match &e.parsed {
                Parsed::Profile(d) if d.key == slug => {
                    if profile.is_some() {
                        return None;
                    }
                    profile = Some(d.clone());
                }
                Parsed::ProfileTranslation(d) if d.key == slug => {
                    translations.push((path, d.clone()))
                }
                _ => {}
            }
        }
        let profile = profile?;
        // In the order of the walk, which the files of one folder follow.
        translations.sort_by(|a, b| a.0.cmp(b.0));
        Some((profile, translations.into_iter().map(|(_, d)| d).collect()))
    }
}

pub fn load(root: &Path, config: &Config, cache: &mut Cache) -> (Loaded, Diagnostics) {
    let mut diags = Diagnostics::default();
    let mut found = Vec::new();
    walk(root, "profiles", config, &mut found, &mut diags);
    walk(root, "content", config, &mut found, &mut diags);

    // What a file is depends on the site's languages (`x.az.md`): a new list of them starts afresh.
    if cache.languages != config.languages {
        cache.docs.clear();
        cache.languages = config.languages.clone();
    }
    let cached = &cache.docs;
    let keep = !cache.off;
    type Outcome = (
        PathBuf,
        Result<(Fresh, Parsed), Diagnostic>,
        Option<(Defines, String)>,
    );
    let parsed: Vec<Outcome> = found
        .into_par_iter()
        .map(|f| {
            let defines = match f.kind {
                Kind::Profile => Some(Defines::Profile),
                Kind::Page => Some(Defines::Page),
                Kind::Statement => Some(Defines::Statement),
                Kind::Asset(_) | Kind::ProfileTranslation | Kind::PageTranslation => None,
                _ => Some(Defines::List),
            };
            let defines = defines.map(|d| (d, f.key.clone()));
            (f.path.clone(), parse_cached(root, f, cached, keep), defines)
        })
        .collect();
    let mut seen = HashSet::new();
    let mut loaded = Loaded::default();
    for (path, p, defines) in parsed {
        seen.insert(path.clone());
        let p = p.map(|(fresh, parsed)| {
            cache.remember(path, fresh, &parsed);
            parsed
        });
        match p {
            Err(d) => {
                diags.push(d);
                let u = &mut loaded.unreadable;
                match defines {
                    Some((Defines::Profile, key)) => u.profiles.insert(key),
                    Some((Defines::Page, key)) => u.pages.insert(key),
                    Some((Defines::Statement, key)) => u.statements.insert(key),
                    Some((Defines::List, key)) => u.lists.insert(key),
                    None => false,
                };
            }
            Ok(Parsed::Profile(d)) => loaded.profiles.push(d),
            Ok(Parsed::ProfileTranslation(d)) => loaded.profile_translations.push(d),
            Ok(Parsed::Page(d)) => loaded.pages.push(d),
            Ok(Parsed::PageTranslation(d)) => loaded.page_translations.push(d),
            Ok(Parsed::Statement(d)) => loaded.statements.push(d),
            Ok(Parsed::Organisations(d)) => loaded.organisations = Some(d),
            Ok(Parsed::Charges(d)) => loaded.charges = Some(d),
            Ok(Parsed::Prisons(d)) => loaded.prisons = Some(d),
            Ok(Parsed::Cases(d)) => loaded.cases = Some(d),
            Ok(Parsed::Professions(d)) => loaded.professions = Some(d),
            Ok(Parsed::Asset(path, out)) => loaded.assets.push((path, out)),
        }
    }
    cache.docs.retain(|path, _| seen.contains(path));
    (loaded, diags)
}

/// What the cache learns from one file of this load.
enum Fresh {
    /// Nothing: the file is the one cached, or nothing is kept.
    Cached,
    /// The text is the one cached, read again because its stamp differed.
    Restamped(Option<Stamp>),
    Parsed(Option<Stamp>, Arc<String>),
}

/// The parsed file, from the cache when its stamp or its text is the one parsed before; with what
/// to cache.
fn parse_cached(
    root: &Path,
    f: Found,
    cache: &HashMap<PathBuf, Entry>,
    keep: bool,
) -> Result<(Fresh, Parsed), Diagnostic> {
    if let Kind::Asset(out) = f.kind {
        return Ok((Fresh::Cached, Parsed::Asset(f.path, out)));
    }
    if !keep {
        let text = read_text(root, &f.path)?;
        return Ok((Fresh::Cached, parse(root, f, text.into())?));
    }
    let read_at = SystemTime::now();
    // No stamp (the file cannot be looked at): reading it says why.
    let stamp = std::fs::metadata(&f.path).ok().map(|m| Stamp::of(&m));
    let cached = cache.get(&f.path);
    if let Some(e) = cached.filter(|e| stamp.is_some() && e.stamp == stamp) {
        return Ok((Fresh::Cached, e.parsed.clone()));
    }
    let text = read_text(root, &f.path)?;
    let stamp = stamp.and_then(|s| s.settled(read_at));
    if let Some(e) = cached.filter(|e| *e.text == *text) {
        return Ok((Fresh::Restamped(stamp), e.parsed.clone()));
    }
    let text: Arc<String> = text.into();
    let parsed = parse(root, f, text.clone())?;
    Ok((Fresh::Parsed(stamp, text), parsed))
}

/// Lists the files of `dir` and what each one is, by its place and name.
fn walk(root: &Path, dir: &str, config: &Config, found: &mut Vec<Found>, diags: &mut Diagnostics) {
    let base = root.join(dir);
    if !base.is_dir() {
        return;
    }
    let canonical_root = root.canonicalize().unwrap_or_else(|_| root.to_path_buf());
    for entry in WalkDir::new(&base).sort_by_file_name() {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                let path = e.path().map(|p| rel(root, p)).unwrap_or_else(|| dir.into());
                diags.push(Diagnostic::error(
                    path,
                    format!("cannot read this folder entry: {e}"),
                ));
                continue;
            }
        };
        let path = entry.path();
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with('.') {
            continue;
        }
        if entry.path_is_symlink() {
            // A symlink could publish a file from outside the campaign's folder (or loop forever).
            let problem = match path.canonicalize() {
                Err(_) => Some(
                    "a symbolic link that leads nowhere (its target is missing, or it loops back to itself)",
                ),
                Ok(t) if !t.starts_with(&canonical_root) => {
                    Some("a symbolic link that leads outside the site is not followed")
                }
                Ok(_) if path.is_dir() => Some("a symbolic link to a folder is not followed"),
                Ok(_) => None,
            };
            if let Some(problem) = problem {
                diags.push(
                    Diagnostic::error(rel(root, path), problem)
                        .hint("copy the file into the site instead of linking to it"),
                );
                continue;
            }
        }
        // The walk knows the type of a plain entry without asking the file system again; a
        // link is followed to see what it leads to.
        let is_file = if entry.path_is_symlink() {
            path.is_file()
        } else {
            entry.file_type().is_file()
        };
        if !is_file {
            continue;
        }
        let within = path
            .strip_prefix(&base)
            .unwrap_or(path)
            .to_string_lossy()
            .replace('\\', "/");
        match classify(dir, &within, &name, config) {
            Ok(Some((kind, key, lang))) => found.push(Found {
                path: path.to_path_buf(),
                kind,
                key,
                lang,
            }),
            Ok(None) => {}
            Err(d) => diags.push(Diagnostic::error(rel(root, path), d.0).hint_opt(d.1)),
        }
    }
}

/// What a file of the site feeds, named by its path relative to the root: `vigil serve` uses it
/// to know which pages a saved file can change.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Role {
    /// `profiles/<slug>.md` or one of its translations.
    Profile(String),
    /// `content/statements/<slug>.yaml`.
    Statement(String),
    /// `content/<path>.md` or one of its translations.
    Page(String),
    /// Published as it is (a photo, a PDF under content/): no page changes.
    Asset,
    /// site.yaml, the theme's templates and words, the lists in content/: every page may change.
    Everything,
}

pub fn role(rel_path: &Path, config: &Config) -> Role {
    let path = rel_path.to_string_lossy().replace('\\', "/");
    let name = path.rsplit('/').next().unwrap_or("");
    let Some((dir, within)) = path.split_once('/') else {
        return Role::Everything;
    };
    if dir == "themes" {
        let is_static = within.split('/').nth(1) == Some("static");
        return if is_static {
            Role::Asset
        } else {
            Role::Everything
        };
    }
    if dir != "profiles" && dir != "content" {
        return Role::Everything;
    }
    match classify(dir, within, name, config) {
        Ok(Some((Kind::Profile | Kind::ProfileTranslation, key, _))) => Role::Profile(key),
        Ok(Some((Kind::Statement, key, _))) => Role::Statement(key),
        Ok(Some((Kind::Page | Kind::PageTranslation, key, _))) => Role::Page(key),
        Ok(Some((Kind::Asset(_), _, _))) => Role::Asset,
        // Photos: a profile names them, and the profile's own file says when that changes.
        Ok(None) => Role::Asset,
        _ => Role::Everything,
    }
}

struct Problem(String, Option<String>);

fn classify(
    dir: &str,
    within: &str,
    name: &str,
    config: &Config,
) -> Result<Option<(Kind, String, Lang)>, Problem> {
    let (stem, ext) = match name.rsplit_once('.') {
        Some((s, e)) => (s, e),
        None => (name, ""),
    };
    let folder = within.rsplit_once('/').map(|(f, _)| f).unwrap_or("");
    if dir == "profiles" {
        if ext != "md" {
            // Photos are published only when a profile uses them (and does not hide them).
            return Ok(None);
        }
        let (slug, lang) = split_lang(stem, config)?;
        check_slug(slug, "md")?;
        let kind = if lang.is_default() {
            Kind::Profile
        } else {
            Kind::ProfileTranslation
        };
        return Ok(Some((kind, slug.to_string(), lang)));
    }
    match (folder, ext) {
        ("", "yaml" | "yml") => {
            let kind = match stem {
                "organisations" => Kind::Organisations,
                "charges" => Kind::Charges,
                "prisons" => Kind::Prisons,
                "cases" => Kind::Cases,
                "professions" => Kind::Professions,
                _ => {
                    let hint = crate::diag::suggest(stem, ["organisations", "charges", "prisons", "cases", "professions"])
                        .or(Some("lists belong in organisations.yaml, charges.yaml, prisons.yaml, cases.yaml or professions.yaml; statements in content/statements/".into()));
                    return Err(Problem(format!("unknown list `{name}`"), hint));
                }
            };
            Ok(Some((kind, stem.to_string(), Lang::DEFAULT)))
        }
        ("statements", "yaml" | "yml") => {
            check_slug(stem, ext)?;
            Ok(Some((Kind::Statement, stem.to_string(), Lang::DEFAULT)))
        }
        (_, "yaml" | "yml") => Err(Problem(
            format!("a YAML file in content/{folder}/ is not part of any list"),
            Some("statements go in content/statements/, lists in content/".into()),
        )),
        (_, "md") => {
            let (page, lang) = split_lang(stem, config)?;
            check_slug(page, "md")?;
            let key = if folder.is_empty() {
                page.to_string()
            } else {
                format!("{folder}/{page}")
            };
            let kind = if lang.is_default() {
                Kind::Page
            } else {
                Kind::PageTranslation
            };
            Ok(Some((kind, key, lang)))
        }
        _ => Ok(Some((
            Kind::Asset(within.to_string()),
            within.to_string(),
            Lang::DEFAULT,
        ))),
    }
}

/// `anar.az` -> (`anar`, az). The default language has no suffix.
fn split_lang<'a>(stem: &'a str, config: &Config) -> Result<(&'a str, Lang), Problem> {
    let Some((base, code)) = stem.rsplit_once('.') else {
        return Ok((stem, Lang::DEFAULT));
    };
    match config.languages.iter().position(|c| c == code) {
        Some(0) => Err(Problem(
            format!("`.{code}` is the default language, which is written without a suffix"),
            Some(format!("rename the file to `{base}.md`")),
        )),
        Some(i) => Ok((base, Lang(i as u8))),
        None => Err(Problem(
            format!("unknown language `{code}` in the file name"),
            Some(format!(
                "this site's languages are {}; add `{code}` to `languages` in site.yaml to publish it",
                config.languages.join(", ")
            )),
        )),
    }
}

/// Slugs become addresses: keep them to what every host and every shared link handles.
fn check_slug(slug: &str, ext: &str) -> Result<(), Problem> {
    let ok = !slug.is_empty()
        && slug
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        && !slug.starts_with('-')
        && !slug.ends_with('-');
    if ok {
        return Ok(());
    }
    Err(Problem(
        format!(
            "`{slug}` cannot be used in an address: use lower-case letters a-z, digits and hyphens"
        ),
        Some(format!("rename the file to `{}.{ext}`", slugify(slug))),
    ))
}

pub fn slugify(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars().flat_map(char::to_lowercase) {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}

#[derive(Clone)]
enum Parsed {
    Profile(Doc<ProfileFront>),
    ProfileTranslation(Doc<ProfileTranslationFront>),
    Page(Doc<PageFront>),
    PageTranslation(Doc<PageFront>),
    Statement(Doc<StatementFile>),
    Organisations(Doc<Table<OrganisationEntry>>),
    Charges(Doc<Table<ChargeEntry>>),
    Prisons(Doc<Table<PrisonEntry>>),
    Cases(Doc<Table<NamedEntry>>),
    Professions(Doc<Table<NamedEntry>>),
    Asset(PathBuf, String),
}

fn parse(root: &Path, f: Found, text: Arc<String>) -> Result<Parsed, Diagnostic> {
    let t = text;
    Ok(match f.kind {
        Kind::Asset(out) => Parsed::Asset(f.path, out),
        Kind::Profile => Parsed::Profile(markdown(root, f, t)?),
        Kind::ProfileTranslation => {
            Parsed::ProfileTranslation(markdown(root, f, t).map_err(translation_hint)?)
        }
        Kind::Page => Parsed::Page(markdown(root, f, t)?),
        Kind::PageTranslation => Parsed::PageTranslation(markdown(root, f, t)?),
        Kind::Statement => Parsed::Statement(yaml(root, f, t)?),
        Kind::Organisations => Parsed::Organisations(yaml(root, f, t)?),
        Kind::Charges => Parsed::Charges(yaml(root, f, t)?),
        Kind::Prisons => Parsed::Prisons(yaml(root, f, t)?),
        Kind::Cases => Parsed::Cases(yaml(root, f, t)?),
        Kind::Professions => Parsed::Professions(yaml(root, f, t)?),
    })
}

fn translation_hint(d: Diagnostic) -> Diagnostic {
    if d.message.starts_with("unknown field") {
        return d.hint("a translation holds only words (name, summary, sentence, photo_alt and the biography); facts belong in the default-language file");
    }
    d
}

fn source(root: &Path, path: &Path, text: Arc<String>, yaml_offset: usize) -> Source {
    Source {
        path: rel(root, path),
        text,
        yaml_offset,
    }
}

fn yaml<T: DeserializeOwned>(
    root: &Path,
    f: Found,
    text: Arc<String>,
) -> Result<Doc<T>, Diagnostic> {
    parse_yaml(source(root, &f.path, text, 0), f.key, f.lang)
}

/// A YAML file's text into its typed shape (public for the fuzzer).
pub fn parse_yaml<T: DeserializeOwned>(
    src: Source,
    key: String,
    lang: Lang,
) -> Result<Doc<T>, Diagnostic> {
    if src.text.trim().is_empty() {
        return Err(Diagnostic::error(&src.path, "the file is empty"));
    }
    let front = src.parse(&src.text)?;
    Ok(Doc {
        key,
        lang,
        src,
        front,
        body: Words::default(),
        body_line: 0,
    })
}

/// A Markdown file: front matter between `---` lines, then the body.
fn markdown<T: DeserializeOwned>(
    root: &Path,
    f: Found,
    text: Arc<String>,
) -> Result<Doc<T>, Diagnostic> {
    parse_markdown(source(root, &f.path, text, 1), f.key, f.lang)
}

/// A Markdown file's text (front matter, then body) into its typed shape (public for the fuzzer).
pub fn parse_markdown<T: DeserializeOwned>(
    src: Source,
    key: String,
    lang: Lang,
) -> Result<Doc<T>, Diagnostic> {
    if src.text.trim().is_empty() {
        return Err(Diagnostic::error(&src.path, "the file is empty").hint(
            "begin the file with a line `---`, the fields, another line `---`, and then the text",
        ));
    }
    let missing = || {
        src.error(
            1,
            1,
            "the file must start with front matter between two `---` lines",
        )
        .hint("begin the file with a line `---`, the fields, and another line `---`")
    };
    let rest = src.text.strip_prefix("---\n").ok_or_else(missing)?;
    let end = rest
        .find("\n---\n")
        .map(|i| (i, i + 5))
        .or_else(|| rest.strip_suffix("\n---").map(|r| (r.len(), rest.len())));
    let (yaml_end, body_start) = match end {
        Some(e) => e,
        None if rest.starts_with("---\n") || rest == "---" => {
            (0, rest.find('\n').map_or(rest.len(), |i| i + 1))
        }
        None => return Err(missing().hint("close the front matter with a line `---`")),
    };
    let yaml_text = &rest[..yaml_end];
    let front = if yaml_text.trim().is_empty() {
        src.parse("{}")?
    } else {
        src.parse(yaml_text)?
    };
    let start = src.text.len() - rest.len() + body_start;
    let body = Words::Part(src.text.clone(), start..src.text.len());
    let body_line = src.text[..start].matches('\n').count() + 1;
    Ok(Doc {
        key,
        lang,
        src,
        front,
        body,
        body_line,
    })
}
