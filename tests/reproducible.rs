//! The same input and `SOURCE_DATE_EPOCH` give the same bytes: a rebuild changes nothing, and a
//! review can compare two builds.

mod common;

use common::*;

#[test]
fn two_builds_are_byte_identical() {
    let site = Site::new();
    let dirs = tempfile::tempdir().unwrap();
    let a = dirs.path().join("a");
    let b = dirs.path().join("b");
    site.build_ok(&["--output", a.to_str().unwrap()]);
    site.build_ok(&["--output", b.to_str().unwrap()]);
    let (sa, sb) = (snapshot(&a), snapshot(&b));
    assert!(sa.len() > 50, "only {} files built", sa.len());
    assert_same_files(&sa, &sb);
}

#[test]
fn builds_from_two_folders_are_byte_identical() {
    // Nothing of the machine (the folder the site is in, the output's path) leaks into the output.
    let one = Site::new();
    let two = Site::new();
    assert_ne!(one.root(), two.root());
    let out = tempfile::tempdir().unwrap();
    let a = out.path().join("first-output");
    one.build_ok(&["--output", a.to_str().unwrap()]);
    let b = two.built();
    assert_same_files(&snapshot(&a), &snapshot(&b));
    for (name, bytes) in snapshot(&b) {
        let s = String::from_utf8_lossy(&bytes);
        assert!(
            !s.contains(two.root().to_str().unwrap()),
            "{name} names the site's folder"
        );
        assert!(!s.contains("/tmp/"), "{name} names a temporary folder");
    }
}

#[test]
fn rebuilding_in_place_changes_nothing_and_leaves_nothing_behind() {
    let site = Site::new();
    let first = snapshot(&site.built());
    let second = snapshot(&site.built());
    assert_same_files(&first, &second);
    // The staging folders are gone; the image and card cache stays, for the next build.
    let leftovers: Vec<String> = std::fs::read_dir(site.root())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with('.') && n != ".vigil-cache")
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn a_later_build_date_changes_the_counts() {
    let site = Site::new();
    let before = snapshot(&site.built());
    site.vigil_at("1705795200", &["build"]).assert_ok(); // ten days later
    let after = snapshot(&site.public());
    assert_eq!(
        before.keys().collect::<Vec<_>>(),
        after.keys().collect::<Vec<_>>()
    );
    let changed: Vec<&String> = before.keys().filter(|k| before[*k] != after[*k]).collect();
    assert!(changed.contains(&&"people/alice-aliyeva/index.html".to_string()));
}
