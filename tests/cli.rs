//! The command line: `check` writes nothing, exit statuses say what happened.

mod common;

use common::*;

/// Names of everything in the site's folder that the fixture did not write.
fn new_entries(site: &Site) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(site.root())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        // The image and card cache is the one thing any run may leave (see `without_cache`).
        .filter(|n| !["site.yaml", "content", "profiles", "themes", CACHE].contains(&n.as_str()))
        .collect();
    v.sort();
    v
}

const CACHE: &str = ".vigil-cache";

/// The site's files but the cache, which holds only what a build can make again.
fn without_cache(
    mut files: std::collections::BTreeMap<String, Vec<u8>>,
) -> std::collections::BTreeMap<String, Vec<u8>> {
    files.retain(|k, _| !k.starts_with(CACHE));
    files
}

#[test]
fn check_on_a_good_site_exits_0_and_writes_nothing() {
    let site = Site::new();
    let before = snapshot(site.root());
    let r = site.vigil(&["check"]);
    r.assert_ok();
    assert!(r.stdout.contains("Checked"), "{r:?}");
    assert!(r.stdout.contains("4 people"), "{r:?}");
    assert_eq!(new_entries(&site), Vec::<String>::new());
    assert_same_files(&before, &without_cache(snapshot(site.root())));
}

#[test]
fn check_on_a_broken_site_exits_1_and_writes_nothing() {
    let site = Site::new();
    site.edit(
        "profiles/bob-bakirov.md",
        "status: sentenced",
        "status: jailed",
    );
    let before = snapshot(site.root());
    let r = site.vigil(&["check"]);
    r.assert_code(1);
    r.error_at("profiles/bob-bakirov.md:3:9");
    assert!(r.stderr.contains("nothing was written"), "{r:?}");
    assert_eq!(new_entries(&site), Vec::<String>::new());
    assert_same_files(&before, &without_cache(snapshot(site.root())));
}

#[test]
fn check_leaves_an_existing_public_folder_alone() {
    let site = Site::new();
    let built = snapshot(&site.built());
    site.edit("profiles/bob-bakirov.md", "Bob filmed", "Bob also filmed");
    site.vigil(&["check"]).assert_ok();
    assert_same_files(&built, &snapshot(&site.public()));
}

#[test]
fn build_reports_what_it_wrote() {
    let site = Site::new();
    let r = site.build_ok(&[]);
    assert!(
        r.stdout
            .starts_with("Built 4 people, 2 statements and 2 pages"),
        "{r:?}"
    );
    assert!(r.stdout.contains("(en, az)"), "{r:?}");
}

#[test]
fn usage_errors_exit_2() {
    let site = Site::new();
    for args in [
        vec![],
        vec!["frobnicate"],
        vec!["build", "--no-such-flag"],
        vec!["check", "--output"],
        vec!["build", "--base-url"],
    ] {
        let r = run(&args, Some(EPOCH), Some(site.root()));
        r.assert_code(2);
        assert!(
            !r.stderr.is_empty(),
            "a usage error says what is wrong: {r:?}"
        );
    }
    // A build date that is not a number is a usage error too.
    let r = site.vigil_at("yesterday", &["build"]);
    r.assert_code(2);
    assert!(r.stderr.contains("SOURCE_DATE_EPOCH"), "{r:?}");
    assert!(!site.public().exists());
    // Help is not an error.
    run(&["--help"], None, None).assert_code(0);
    run(&["build", "--help"], None, None).assert_code(0);
}

#[test]
fn a_folder_without_site_yaml_is_reported() {
    let dir = tempfile::tempdir().unwrap();
    let r = run(
        &["build", "--root", dir.path().to_str().unwrap()],
        Some(EPOCH),
        None,
    );
    r.assert_code(1);
    let d = r.error_at("site.yaml");
    assert!(d.message.contains("there is no site.yaml"), "{d:?}");
    assert!(
        std::fs::read_dir(dir.path()).unwrap().next().is_none(),
        "wrote into the folder"
    );
}

#[test]
fn the_output_may_not_replace_the_sources() {
    let site = Site::new();
    for output in [".", "profiles/out", "content"] {
        let target = site.path(output);
        let r = site.vigil(&["build", "--output", target.to_str().unwrap()]);
        r.assert_code(1);
        assert!(
            r.errors()
                .iter()
                .any(|d| d.message.contains("output folder")),
            "{r:?}"
        );
    }
    assert!(site.path("profiles/alice-aliyeva.md").is_file());
    assert!(site.path("content/about.md").is_file());
}

#[test]
fn build_and_check_run_from_the_current_folder_by_default() {
    let site = Site::new();
    run(&["check"], Some(EPOCH), Some(site.root())).assert_ok();
    run(&["build"], Some(EPOCH), Some(site.root())).assert_ok();
    assert!(site.public().join("index.html").is_file());
}
