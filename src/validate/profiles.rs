//! People: facts from `profiles/<slug>.md`, words from its translations.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::date::PartialDate;
use crate::diag::Diagnostics;
use crate::load::Doc;
use crate::load::front::{Hideable, ProfileFront, ProfileTranslationFront};
use crate::model::{Arrest, Photo, Profile};
use crate::text::Lang;
use crate::yaml::Source;

use super::tables::TableIds;
use super::{DocSources, Options, TextSource, default_only};

#[allow(clippy::too_many_arguments)]
pub fn build(
    docs: Vec<Doc<ProfileFront>>,
    translations: Vec<Doc<ProfileTranslationFront>>,
    unreadable: &HashSet<String>,
    root: &Path,
    codes: &[String],
    ids: &TableIds,
    opts: &Options,
    diags: &mut Diagnostics,
) -> Vec<(Profile, DocSources)> {
    let n = codes.len();
    let mut out: Vec<(Profile, DocSources)> = Vec::new();
    let mut by_slug: HashMap<String, usize> = HashMap::new();
    let mut drafts = std::collections::HashSet::new();
    let mut first_file: HashMap<String, PathBuf> = HashMap::new();
    // Each profile is checked on its own, in parallel (photos are looked at on disk); what the
    // checks found is then reported in file order, as if one by one.
    let mut docs = docs;
    let photos = PhotoFolder::of(root);
    let built: Vec<Option<(Profile, Diagnostics)>> = docs
        .par_iter_mut()
        .map(|d| {
            (!d.front.draft || opts.drafts).then(|| {
                let mut found = Diagnostics::default();
                let mut p = profile(d, &photos, codes, ids, opts, &mut found);
                // The biography is moved, not copied: the site holds every text once.
                p.bio = default_only(std::mem::take(&mut d.body), n);
                (p, found)
            })
        })
        .collect();
    for (d, built) in docs.into_iter().zip(built) {
        if let Some(other) = first_file.get(&d.key) {
            diags.push(
                d.src
                    .error(
                        1,
                        1,
                        format!(
                            "a second file for `{}`: {} already has this slug",
                            d.key,
                            other.display()
                        ),
                    )
                    .hint("each person has one file; rename or remove one of them"),
            );
            continue;
        }
        first_file.insert(d.key.clone(), d.src.path.clone());
        if d.front.draft && !opts.drafts {
            drafts.insert(d.key.clone());
            continue;
        }
        let (profile, found) = built.expect("built unless a draft");
        diags.extend(found);
        by_slug.insert(d.key.clone(), out.len());
        out.push((
            profile,
            vec![TextSource {
                src: d.src,
                body_line: d.body_line,
                lang: Lang::DEFAULT,
            }],
        ));
    }

    let mut seen_translation = HashMap::new();
    for t in translations {
        if let Some(other) = seen_translation.insert((t.key.clone(), t.lang), t.src.path.clone()) {
            diags.push(t.src.error(
                1,
                1,
                format!(
                    "a second `{}` translation of `{}`: {} is the first",
                    codes[t.lang.index()],
                    t.key,
                    other.display()
                ),
            ));
            continue;
        }
        let Some(&i) = by_slug.get(&t.key) else {
            // A draft is left out, and a file that could not be parsed is reported already.
            if !drafts.contains(&t.key) && !unreadable.contains(&t.key) {
                diags.push(t.src.error(1, 1, format!("a translation of `profiles/{}.md`, which does not exist", t.key))
                    .hint("the default-language file holds the facts: add it first, or check the file name"));
            }
            continue;
        };
        let (p, sources) = &mut out[i];
        let f = t.front;
        if let Some(name) = f.name {
            p.name.set(t.lang, name);
        }
        if let (Some(s), Some(summary)) = (p.summary.as_mut(), f.summary) {
            s.set(t.lang, summary);
        }
        if let (Some(s), Some(sentence)) = (p.sentence.as_mut(), f.sentence) {
            s.set(t.lang, sentence);
        }
        if let (Some(photo), Some(alt)) = (p.photo.as_mut(), f.photo_alt) {
            photo.alt.set(t.lang, alt);
        }
        // A translation of the name alone leaves the story in the default language, marked as
        // such, rather than no story at all.
        if !t.body.trim().is_empty() {
            p.bio.set(t.lang, t.body);
        }
        sources.push(TextSource {
            src: t.src,
            body_line: t.body_line,
            lang: t.lang,
        });
    }

    for (p, sources) in &out {
        for lang in (1..n as u8).map(Lang) {
            if !p.bio.has(lang) {
                let code = &codes[lang.index()];
                let message = if sources.iter().any(|s| s.lang == lang) {
                    format!(
                        "profiles/{}.{code}.md has no biography yet: the {} one is shown",
                        p.slug, codes[0]
                    )
                } else {
                    format!(
                        "no `{code}` translation yet: add profiles/{}.{code}.md",
                        p.slug
                    )
                };
                diags.push(sources[0].src.warning(1, 1, message));
            }
        }
    }
    check_aliases(&out, diags);
    // Folded once here: a person's card is drawn on many pages.
    out.par_iter_mut()
        .for_each(|(p, _)| p.search = crate::search::names(p, codes.len()));
    out.sort_by(|a, b| order(&a.0, &b.0));
    out
}

/// The order of the people in the site: by name in the default language.
pub fn order(a: &Profile, b: &Profile) -> std::cmp::Ordering {
    a.name
        .default()
        .to_lowercase()
        .cmp(&b.name.default().to_lowercase())
        .then_with(|| a.slug.cmp(&b.slug))
}

fn profile(
    d: &Doc<ProfileFront>,
    photos: &PhotoFolder,
    codes: &[String],
    ids: &TableIds,
    opts: &Options,
    diags: &mut Diagnostics,
) -> Profile {
    let n = codes.len();
    let f = &d.front;
    let src = &d.src;
    let hidden = |h: Hideable| f.hide.contains(&h);
    let today = PartialDate::from_date(opts.today);

    if f.arrested.earliest() > opts.today {
        diags.push(
            src.error_at(&["arrested"], format!("{} is in the future", f.arrested))
                .hint(format!("today is {today}")),
        );
    }
    if let Some(born) = f.born {
        if born.earliest() > opts.today {
            diags.push(src.error_at(&["born"], format!("born {born} is in the future")));
        } else if born.earliest() >= f.arrested.latest() {
            diags.push(src.error_at(
                &["born"],
                format!(
                    "born {born}, which is not before the arrest ({})",
                    f.arrested
                ),
            ));
        }
    }
    if let Some(released) = f.released {
        if released.latest() < f.arrested.earliest() {
            diags.push(
                src.error_at(
                    &["released"],
                    format!("released {released}, before the arrest ({})", f.arrested),
                )
                .hint("check both dates: release comes after arrest"),
            );
        }
        if released.earliest() > opts.today {
            diags.push(src.error_at(&["released"], format!("{released} is in the future")));
        }
        if f.status.is_held() {
            diags.push(
                src.error_at(
                    &["released"],
                    format!("status is `{}` but a release date is given", f.status.key()),
                )
                .hint("set `status: released` (or another status), or remove `released`"),
            );
        }
    }
    let charges = |list: &[String], keys: &[&str], diags: &mut Diagnostics| -> Vec<usize> {
        list.iter()
            .filter_map(|c| ids.charges.resolve(src, keys, c, diags))
            .collect()
    };
    let opt = |id: &Option<String>, key: &str, ids: &super::Ids, diags: &mut Diagnostics| {
        id.as_deref()
            .and_then(|id| ids.resolve(src, &[key], id, diags))
    };
    let mut earlier = Vec::new();
    for a in &f.arrests {
        if a.arrested.earliest() >= f.arrested.latest() {
            diags.push(
                src.error_at(
                    &["arrests", "arrested"],
                    format!(
                        "an earlier arrest dated {}, not before the current one ({})",
                        a.arrested, f.arrested
                    ),
                )
                .hint(
                    "`arrests` lists earlier arrests; the latest belongs in the top-level fields",
                ),
            );
        }
        if let Some(r) = a.released
            && r.latest() < a.arrested.earliest()
        {
            diags.push(src.error_at(
                &["arrests", "released"],
                format!("released {r}, before that arrest ({})", a.arrested),
            ));
        }
        earlier.push(Arrest {
            arrested: a.arrested,
            released: a.released,
            charges: charges(&a.charges, &["arrests", "charges"], diags),
            prison: a
                .prison
                .as_deref()
                .and_then(|id| ids.prisons.resolve(src, &["arrests", "prison"], id, diags)),
            sentence: a
                .sentence
                .clone()
                .map(|s| super::text(src, &["arrests", "sentence"], s, codes, diags)),
        });
    }
    earlier.sort_by_key(|a| a.arrested);

    let photo = f
        .photo
        .as_deref()
        .and_then(|p| photo(src, photos, p, f.photo_alt.as_deref(), n, diags));
    if f.photo.is_none() && !hidden(Hideable::Photo) {
        diags.push(
            src.warning_at(&["name"], "no photo yet: the site shows a neutral placeholder")
                .hint("save a photo in profiles/photos/ and add `photo:` and `photo_alt:`, or `hide: [photo]` if the family asked for none"),
        );
    }
    for alias in &f.aliases {
        let ok = !alias.is_empty()
            && alias
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
        if !ok {
            diags.push(
                src.error_at_value(&["aliases"], alias, format!("`{alias}` is not a slug"))
                    .hint("an alias is an old file name, without `.md`"),
            );
        }
    }

    // A hidden field is dropped here, so no page, card or data file can show it.
    Profile {
        search: String::new(),
        slug: d.key.clone(),
        name: default_only(f.name.clone(), n),
        status: f.status,
        arrested: f.arrested,
        born: f.born.filter(|_| !hidden(Hideable::Born)),
        gender: f.gender.filter(|_| !hidden(Hideable::Gender)),
        photo: photo.filter(|_| !hidden(Hideable::Photo)),
        profession: opt(&f.profession, "profession", &ids.professions, diags)
            .filter(|_| !hidden(Hideable::Profession)),
        organisation: opt(&f.organisation, "organisation", &ids.organisations, diags)
            .filter(|_| !hidden(Hideable::Organisation)),
        case: opt(&f.case, "case", &ids.cases, diags).filter(|_| !hidden(Hideable::Case)),
        charges: if hidden(Hideable::Charges) {
            Vec::new()
        } else {
            charges(&f.charges, &["charges"], diags)
        },
        sentence: f
            .sentence
            .clone()
            .map(|s| default_only(s, n))
            .filter(|_| !hidden(Hideable::Sentence)),
        prison: opt(&f.prison, "prison", &ids.prisons, diags).filter(|_| !hidden(Hideable::Prison)),
        released: f.released.filter(|_| !hidden(Hideable::Released)),
        summary: f.summary.clone().map(|s| default_only(s, n)),
        aliases: f.aliases.clone(),
        earlier: if hidden(Hideable::Arrests) {
            Vec::new()
        } else {
            earlier
        },
        bio: Default::default(),
    }
}

use crate::images::TYPES as IMAGE_TYPES;

/// The profiles folder, where photos are, and where it really is: found once for every photo.
struct PhotoFolder {
    dir: PathBuf,
    canonical: Option<PathBuf>,
}

impl PhotoFolder {
    fn of(root: &Path) -> PhotoFolder {
        let dir = root.join("profiles");
        let canonical = dir.canonicalize().ok();
        PhotoFolder { dir, canonical }
    }
}

fn photo(
    src: &Source,
    folder: &PhotoFolder,
    rel: &str,
    alt: Option<&str>,
    n: usize,
    diags: &mut Diagnostics,
) -> Option<Photo> {
    let path = folder.dir.join(rel);
    // Followed through links: whether it is there, and a file.
    let meta = std::fs::metadata(&path).ok();
    let inside = || {
        path.canonicalize()
            .ok()
            .zip(folder.canonical.as_ref())
            .is_some_and(|(p, base)| p.starts_with(base))
    };
    if rel.starts_with('/') || rel.split('/').any(|s| s == "..") || (meta.is_some() && !inside()) {
        diags.push(src.error_at_value(&["photo"], rel, format!("`{rel}` is outside the profiles folder"))
            .hint("put the photo under profiles/ (e.g. profiles/photos/) and write its path from there"));
        return None;
    }
    if !meta.is_some_and(|m| m.is_file()) {
        diags.push(
            src.error_at_value(
                &["photo"],
                rel,
                format!("there is no photo at profiles/{rel}"),
            )
            .hint("check the file name; the path is relative to profiles/"),
        );
        return None;
    }
    let ext = rel
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default();
    if !IMAGE_TYPES.contains(&ext.as_str()) || !is_image(&path) {
        diags.push(
            src.error_at_value(&["photo"], rel, format!("profiles/{rel} is not a photo"))
                .hint(format!(
                    "use a JPEG or PNG image ({})",
                    IMAGE_TYPES.join(", ")
                )),
        );
        return None;
    }
    let Some(alt) = alt.filter(|a| !a.trim().is_empty()) else {
        diags.push(src.error_at(&["photo"], "a photo needs `photo_alt`: a few words saying what it shows, for readers who cannot see it")
            .hint("photo_alt: Anar Mammadli speaking at a conference in 2019"));
        return None;
    };
    Some(Photo {
        source: path,
        output: format!("media/{rel}"),
        alt: default_only(alt.to_string(), n),
        at: crate::diag::Location::of(&src.error_at_value(&["photo"], rel, "")),
    })
}

/// Looks at the first bytes: the extension alone would let any file through.
pub(crate) fn is_image(path: &Path) -> bool {
    use std::io::Read;
    let mut head = [0u8; 12];
    let Ok(mut f) = std::fs::File::open(path) else {
        return false;
    };
    let Ok(len) = f.read(&mut head) else {
        return false;
    };
    let h = &head[..len];
    crate::images::pixels::Format::sniff(h).is_some()
}

/// An alias must not take another person's address or another alias.
fn check_aliases(out: &[(Profile, DocSources)], diags: &mut Diagnostics) {
    let slugs: HashMap<&str, &Source> = out
        .iter()
        .map(|(p, s)| (p.slug.as_str(), &s[0].src))
        .collect();
    let mut taken: HashMap<&str, &str> = HashMap::new();
    for (p, sources) in out {
        let src = &sources[0].src;
        for alias in &p.aliases {
            if slugs.contains_key(alias.as_str()) {
                diags.push(
                    src.error_at_value(
                        &["aliases"],
                        alias,
                        format!("the alias `{alias}` is the address of another person's page"),
                    )
                    .hint("remove the alias, or rename one of the files"),
                );
            } else if let Some(other) = taken.insert(alias, &p.slug) {
                diags.push(src.error_at_value(
                    &["aliases"],
                    alias,
                    format!("the alias `{alias}` is also an alias of `{other}`"),
                ));
            }
        }
    }
}
