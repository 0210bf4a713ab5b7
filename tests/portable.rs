//! `vigil build --portable`: a copy of the output works from any address and from file://.

mod common;
mod support;

use std::path::{Component, Path, PathBuf};

use support::{example, files_under, text, vigil};

/// `dir/../a/b` without touching the disk; `None` when it climbs out of the site.
fn normalise(path: &Path) -> Option<PathBuf> {
    let mut out = PathBuf::new();
    for c in path.components() {
        match c {
            Component::ParentDir if !out.pop() => {
                return None;
            }
            Component::Normal(n) => out.push(n),
            _ => {}
        }
    }
    Some(out)
}

/// Checks every link of every page of `out`; returns how many internal links it checked.
fn assert_relative_links_resolve(out: &Path) -> usize {
    let files = files_under(out);
    let pages: Vec<&PathBuf> = files
        .iter()
        .filter(|f| f.extension().is_some_and(|e| e == "html"))
        .collect();
    let mut checked = 0;
    for page in pages {
        let html = std::fs::read_to_string(out.join(page)).unwrap();
        for link in common::urls(&html) {
            if link.contains("://") || link.starts_with("mailto:") || link.starts_with('#') {
                continue;
            }
            assert!(
                !link.starts_with('/'),
                "{}: `{link}` depends on where the site is put",
                page.display()
            );
            let path = link.split(['#', '?']).next().unwrap();
            assert!(
                !path.ends_with('/') && !path.is_empty(),
                "{}: `{link}` names a folder, which file:// does not open",
                page.display()
            );
            let dir = page.parent().unwrap();
            let target = normalise(&dir.join(path))
                .unwrap_or_else(|| panic!("{}: `{link}` leads out of the site", page.display()));
            assert!(
                out.join(&target).is_file(),
                "{}: `{link}` leads to no file",
                page.display()
            );
            checked += 1;
        }
    }
    checked
}

/// Builds the site at `root` with `--portable` into a new temporary folder.
fn portable_build(root: &Path) -> tempfile::TempDir {
    let out = tempfile::tempdir().unwrap();
    let run = vigil(
        &[
            "build",
            "--portable",
            "--output",
            out.path().to_str().unwrap(),
        ],
        root,
    );
    assert!(run.status.success(), "{}", text(&run.stderr));
    out
}

#[test]
fn every_internal_link_resolves_relative_to_its_page() {
    let site = example();
    let out = portable_build(site.path());
    let checked = assert_relative_links_resolve(out.path());
    assert!(checked > 1000, "only {checked} links were checked");
}

/// The fixture lives under a deep sub-path, has photos, redirects and a file under content/.
#[test]
fn a_sub_path_site_with_photos_and_redirects_is_portable_too() {
    let site = common::Site::new();
    site.build_ok(&["--portable"]);
    let out = site.public();
    let checked = assert_relative_links_resolve(&out);
    assert!(checked > 100, "only {checked} links were checked");
    let redirects = common::html_files(&out)
        .into_iter()
        .filter(|f| common::page(&out, f).contains("http-equiv"))
        .count();
    assert!(
        redirects > 0,
        "the fixture has an alias, whose redirect was checked"
    );
}

#[test]
fn the_zip_holds_the_portable_site_under_one_folder() {
    let site = example();
    let out = portable_build(site.path());
    let zips: Vec<PathBuf> = files_under(out.path())
        .into_iter()
        .filter(|f| f.extension().is_some_and(|e| e == "zip"))
        .collect();
    assert_eq!(zips.len(), 1, "one zip, at the top: {zips:?}");
    let name = zips[0].file_stem().unwrap().to_string_lossy().into_owned();
    let mut archive =
        zip::ZipArchive::new(std::fs::File::open(out.path().join(&zips[0])).unwrap()).unwrap();
    let mut inside: Vec<String> = (0..archive.len())
        .map(|i| archive.by_index(i).unwrap().name().unwrap().to_string())
        .collect();
    inside.sort();
    let mut expected: Vec<String> = files_under(out.path())
        .into_iter()
        .filter(|f| *f != zips[0])
        .map(|f| format!("{name}/{}", f.display()))
        .collect();
    expected.sort();
    assert_eq!(inside, expected);
    let mut page = String::new();
    std::io::Read::read_to_string(
        &mut archive
            .by_name(&format!("{name}/people/index.html"))
            .unwrap(),
        &mut page,
    )
    .unwrap();
    assert_eq!(
        page,
        std::fs::read_to_string(out.path().join("people/index.html")).unwrap()
    );
}

#[test]
fn a_portable_build_is_the_same_twice() {
    let site = example();
    let (a, b) = (portable_build(site.path()), portable_build(site.path()));
    for f in files_under(a.path()) {
        assert_eq!(
            std::fs::read(a.path().join(&f)).unwrap(),
            std::fs::read(b.path().join(&f)).unwrap(),
            "{}",
            f.display()
        );
    }
}
