//! Every image the site publishes (profile photos, images under `content/`): decoded, turned upright,
//! shrunk to a few widths and encoded again, so that no metadata of the original survives, and
//! cached by the hash of the original's bytes in `.vigil-cache/images/`, so a rebuild redoes none.

pub mod pixels;

use std::collections::{BTreeMap, HashMap};
use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::SystemTime;

use rayon::prelude::*;

use crate::config::Config;
use crate::diag::{Diagnostics, Location};
use pixels::Format;

/// File types accepted for images (the decoder reads these two).
pub const TYPES: &[&str] = &["jpg", "jpeg", "png"];

/// The widths an image is published at: those of `below` narrower than the largest, and the
/// largest, which is the original's width, at most `max`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Widths {
    pub below: &'static [u32],
    pub max: u32,
}

/// A profile photo is shown 12rem wide on a card and 18rem on the person's page: 240 pixels serve
/// the one, 480 the other and a card on a screen of twice the density. 640 made 10,000 people's
/// photos and cards overflow GitHub Pages' 1 GB (README, "Size").
pub const PHOTO: Widths = Widths {
    below: &[240],
    max: 480,
};
/// An image in a text may be as wide as the text.
pub const TEXT: Widths = Widths {
    below: &[320, 640, 960],
    max: 1280,
};

/// Raised when the processing changes, so that older cached files are not reused.
const VERSION: u32 = 2;

/// A name the builder publishes as an image (and so strips): `.jpg`, `.jpeg` or `.png`.
pub fn is_image_name(rel: &str) -> bool {
    extension(rel).is_some_and(|e| TYPES.contains(&e.as_str()))
}

/// Image types that would be published with whatever metadata they carry: refused.
pub fn is_unsupported_image_name(rel: &str) -> bool {
    extension(rel).is_some_and(|e| {
        ["gif", "webp", "avif", "heic", "heif", "tif", "tiff", "bmp"].contains(&e.as_str())
    })
}

fn extension(rel: &str) -> Option<String> {
    let name = rel.rsplit('/').next()?;
    name.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase())
}

/// One published width of an image.
#[derive(Clone, Debug)]
pub struct Variant {
    /// Output path relative to the site root: `media/photos/anar.240w.jpg`.
    pub rel: String,
    pub width: u32,
    pub height: u32,
    /// The processed file in the cache, copied (or served) as it is.
    pub cached: PathBuf,
}

/// An image as published: its widths, narrowest first; the last is written at the original's path.
#[derive(Clone, Debug)]
pub struct Image {
    pub variants: Vec<Variant>,
    /// The hash of the original's bytes: a card drawn from it is redrawn only when it changes.
    pub hash: u64,
}

impl Image {
    pub fn largest(&self) -> &Variant {
        self.variants
            .last()
            .expect("an image has at least one width")
    }

    /// `srcset` for an `<img>`: every width, under the site's path.
    pub fn srcset(&self, config: &Config) -> String {
        self.variants
            .iter()
            .map(|v| format!("{} {}w", crate::urls::asset_href(config, &v.rel), v.width))
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// The site's images, by the output path of their largest width.
#[derive(Default)]
pub struct Media {
    pub images: BTreeMap<String, Image>,
    /// Where decoded pixels are read back from when a card needs a photo.
    pub cache_dir: PathBuf,
}

impl Media {
    pub fn get(&self, rel: &str) -> Option<&Image> {
        self.images.get(rel)
    }

    /// (cached file, output path) of every width of every image.
    pub fn files(&self) -> impl Iterator<Item = (&Path, &str)> {
        self.images
            .values()
            .flat_map(|i| &i.variants)
            .map(|v| (v.cached.as_path(), v.rel.as_str()))
    }
}

/// An image the site uses: where it is, where it is published, and where it is named (for errors).
pub struct Use {
    pub source: PathBuf,
    pub output: String,
    pub at: Location,
    pub widths: Widths,
}

/// `photos/anar.jpg` published as `media/photos/anar.jpg` has its 240-pixel width at
/// `media/photos/anar.240w.jpg`.
pub fn variant_path(output: &str, width: u32) -> String {
    match output.rsplit_once('.') {
        Some((stem, ext)) if !stem.ends_with('/') => format!("{stem}.{width}w.{ext}"),
        _ => format!("{output}.{width}w"),
    }
}

/// Processes every image used (each source once, and each distinct original once: two people may
/// share a photo, and two threads making the same cache folder would undo each other's work),
/// reporting those that cannot be read at the place that names them.
pub fn process(uses: Vec<Use>, cache_dir: &Path, seen: &Seen, diags: &mut Diagnostics) -> Media {
    let mut by_output: BTreeMap<String, Use> = BTreeMap::new();
    for u in uses {
        by_output.entry(u.output.clone()).or_insert(u);
    }
    let uses: Vec<(String, Use)> = by_output.into_iter().collect();
    let found: Vec<Result<Found, String>> = uses
        .par_iter()
        .map(|(_, u)| find(&u.source, u.widths, cache_dir, seen))
        .collect();
    let mut to_make: BTreeMap<&Path, &Missing> = BTreeMap::new();
    for f in found.iter().flatten() {
        if let Found::Missing(m) = f {
            to_make.entry(m.dir.as_path()).or_insert(m);
        }
    }
    let made: HashMap<&Path, Result<Arc<Processed>, String>> = to_make
        .into_par_iter()
        .map(|(dir, m)| (dir, make(m).map(Arc::new)))
        .collect();
    let mut media = Media {
        images: BTreeMap::new(),
        cache_dir: cache_dir.to_path_buf(),
    };
    for ((output, u), f) in uses.into_iter().zip(&found) {
        let p = match f {
            Ok(Found::Ready(p)) => Ok(p.clone()),
            Ok(Found::Missing(m)) => made[m.dir.as_path()].clone().inspect(|p| {
                seen.0
                    .lock()
                    .expect("not poisoned")
                    .insert(m.key.clone(), (m.stamp.0, m.stamp.1, p.clone()));
            }),
            Err(e) => Err(e.clone()),
        };
        match p {
            Ok(p) => {
                let variants = p
                    .widths
                    .iter()
                    .enumerate()
                    .map(|(i, &(w, h))| Variant {
                        rel: if i + 1 == p.widths.len() {
                            output.clone()
                        } else {
                            variant_path(&output, w)
                        },
                        width: w,
                        height: h,
                        cached: p.dir.join(format!("{w}.{}", p.ext)),
                    })
                    .collect();
                media.images.insert(
                    output,
                    Image {
                        hash: p.hash,
                        variants,
                    },
                );
            }
            Err(e) => diags.push(
                u.at.error(format!("this image cannot be published: {e}"))
                    .hint("save it again as a JPEG or PNG photo"),
            ),
        }
    }
    media
}

/// What the cache holds for one original: its folder, the widths made and their heights.
struct Processed {
    hash: u64,
    dir: PathBuf,
    ext: &'static str,
    widths: Vec<(u32, u32)>,
}

/// Originals already processed, by path and widths, with the size and time of change they had:
/// `vigil serve` keeps them from one rebuild to the next (in its `load::Cache`), so that a save
/// elsewhere does not even hash them again. A one-off build starts with none.
#[derive(Default)]
pub struct Seen(Mutex<HashMap<(PathBuf, Widths), SeenAs>>);

/// The original's size and time of change when it was processed, and what it gave.
type SeenAs = (u64, Option<SystemTime>, Arc<Processed>);

enum Found {
    Ready(Arc<Processed>),
    Missing(Missing),
}

/// An original not yet in the cache. Its bytes are read again when it is made rather than kept:
/// thousands of camera originals would not fit in memory.
struct Missing {
    source: PathBuf,
    hash: u64,
    widths: Widths,
    dir: PathBuf,
    key: (PathBuf, Widths),
    stamp: (u64, Option<SystemTime>),
}

fn find(source: &Path, widths: Widths, cache_dir: &Path, seen: &Seen) -> Result<Found, String> {
    let meta = std::fs::metadata(source).map_err(|e| e.to_string())?;
    let stamp = (meta.len(), meta.modified().ok());
    let key = (source.to_path_buf(), widths);
    if let Some((len, time, p)) = seen.0.lock().expect("not poisoned").get(&key)
        && (*len, *time) == stamp
        && p.dir.is_dir()
    {
        return Ok(Found::Ready(p.clone()));
    }
    let bytes = std::fs::read(source).map_err(|e| e.to_string())?;
    let hash = hash(&bytes);
    let mut h = std::hash::DefaultHasher::new();
    (hash, widths).hash(&mut h);
    let dir = cache_dir
        .join("images")
        .join(format!("{:016x}", h.finish()));
    if let Some(p) = read_cached(&dir, hash) {
        let p = Arc::new(p);
        seen.0
            .lock()
            .expect("not poisoned")
            .insert(key, (stamp.0, stamp.1, p.clone()));
        return Ok(Found::Ready(p));
    }
    Ok(Found::Missing(Missing {
        source: source.to_path_buf(),
        hash,
        widths,
        dir,
        key,
        stamp,
    }))
}

pub fn hash(bytes: &[u8]) -> u64 {
    let mut h = std::hash::DefaultHasher::new();
    VERSION.hash(&mut h);
    bytes.hash(&mut h);
    h.finish()
}

fn ext(format: Format) -> &'static str {
    match format {
        Format::Jpeg => "jpg",
        Format::Png => "png",
    }
}

/// `meta.txt`: the extension on the first line, then one `width height` line per width.
fn read_cached(dir: &Path, hash: u64) -> Option<Processed> {
    let text = std::fs::read_to_string(dir.join("meta.txt")).ok()?;
    let mut lines = text.lines();
    let ext = match lines.next()? {
        "jpg" => "jpg",
        "png" => "png",
        _ => return None,
    };
    let widths: Vec<(u32, u32)> = lines
        .map(|l| {
            let (w, h) = l.split_once(' ')?;
            Some((w.parse().ok()?, h.parse().ok()?))
        })
        .collect::<Option<_>>()?;
    let complete = !widths.is_empty()
        && widths
            .iter()
            .all(|(w, _)| dir.join(format!("{w}.{ext}")).is_file());
    complete.then(|| Processed {
        hash,
        dir: dir.to_path_buf(),
        ext,
        widths,
    })
}

fn make(m: &Missing) -> Result<Processed, String> {
    let (hash, dir) = (m.hash, m.dir.as_path());
    let bytes = std::fs::read(&m.source).map_err(|e| e.to_string())?;
    let (format, full) = pixels::decode(&bytes)?;
    let largest = full.width.min(m.widths.max);
    let mut widths: Vec<u32> = m
        .widths
        .below
        .iter()
        .copied()
        .filter(|&w| w < largest)
        .collect();
    widths.push(largest);
    let ext = ext(format);
    // Written beside the final folder and renamed into place, so a cache folder is whole or absent.
    let tmp = dir.with_extension(format!("tmp{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&tmp);
    std::fs::create_dir_all(&tmp).map_err(|e| format!("cannot write the cache: {e}"))?;
    let mut meta = format!("{ext}\n");
    let mut sizes = Vec::new();
    for &w in &widths {
        let p = if w == full.width {
            pixels::resize_to(&full, full.width, full.height)
        } else {
            pixels::resize(&full, w)
        };
        let encoded = pixels::encode(&p, format)?;
        std::fs::write(tmp.join(format!("{w}.{ext}")), encoded)
            .map_err(|e| format!("cannot write the cache: {e}"))?;
        meta.push_str(&format!("{} {}\n", p.width, p.height));
        sizes.push((p.width, p.height));
    }
    std::fs::write(tmp.join("meta.txt"), meta)
        .map_err(|e| format!("cannot write the cache: {e}"))?;
    let _ = std::fs::remove_dir_all(dir);
    if std::fs::rename(&tmp, dir).is_err() {
        // Another build made it meanwhile: theirs is as good.
        let _ = std::fs::remove_dir_all(&tmp);
    }
    Ok(Processed {
        hash,
        dir: dir.to_path_buf(),
        ext,
        widths: sizes,
    })
}

/// The upright, full-size pixels of a cached image, for drawing a card.
pub fn load_largest(image: &Image) -> Option<pixels::Pixels> {
    let bytes = std::fs::read(&image.largest().cached).ok()?;
    pixels::decode(&bytes).ok().map(|(_, p)| p)
}
