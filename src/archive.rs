//! The portable site as one zip file, for download: a mirror when the domain is blocked, a copy
//! for a USB stick. Deflate only, entries in name order under one folder, every date the build
//! date, so that the same input gives the same bytes.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::Path;

use walkdir::WalkDir;
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, DateTime, ZipWriter};

/// The zip's file name in the output folder, and the folder its entries are under.
pub fn name(title: &str) -> String {
    let slug = crate::translit::slug(title);
    let mut slug: String = slug.chars().take(60).collect();
    slug = slug.trim_end_matches('-').to_string();
    if slug.is_empty() {
        slug = "site".into();
    }
    slug
}

/// Zips every file under `dir` into `dir/<name>.zip`, each as `<name>/<path>`.
pub fn write(dir: &Path, name: &str, date: time::Date) -> std::io::Result<u64> {
    let zip_name = format!("{name}.zip");
    let mut files: Vec<_> = WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .collect::<Result<Vec<_>, _>>()?
        .into_iter()
        .filter(|e| e.file_type().is_file())
        .map(|e| e.into_path())
        .collect();
    files.retain(|p| p.strip_prefix(dir).ok() != Some(Path::new(&zip_name)));
    let stamp = DateTime::from_date_and_time(
        date.year().clamp(1980, 2107) as u16,
        date.month() as u8,
        date.day(),
        0,
        0,
        0,
    )
    .unwrap_or_default();
    let options = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Deflated)
        .last_modified_time(stamp)
        .unix_permissions(0o644);
    let path = dir.join(&zip_name);
    let mut zip = ZipWriter::new(BufWriter::new(File::create(&path)?));
    for file in files {
        let within = file
            .strip_prefix(dir)
            .unwrap_or(&file)
            .to_string_lossy()
            .replace('\\', "/");
        zip.start_file(format!("{name}/{within}"), options)
            .map_err(std::io::Error::other)?;
        zip.write_all(&std::fs::read(&file)?)?;
    }
    zip.finish()
        .map_err(std::io::Error::other)?
        .into_inner()
        .map_err(|e| e.into_error())?
        .sync_all()?;
    Ok(std::fs::metadata(&path)?.len())
}
