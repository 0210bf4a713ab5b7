//! `draft: true` keeps a profile, statement or page out of the site until `--drafts` is given.

mod common;

use common::*;

const DRAFT_WORDS: &[&str] = &[
    "Drafty Draftov",
    "drafty-draftov",
    "Secret Draft Appeal",
    "draft-appeal",
    "Unpublished Plans",
];

fn mentions(out: &std::path::Path) -> Vec<String> {
    let mut found = Vec::new();
    for (name, bytes) in snapshot(out) {
        let content = String::from_utf8_lossy(&bytes);
        for w in DRAFT_WORDS {
            if content.contains(w) || name.contains(w) {
                found.push(format!("{name}: {w}"));
            }
        }
    }
    found
}

#[test]
fn drafts_are_left_out_of_the_build() {
    let site = Site::new();
    let out = site.built();
    for f in [
        "people/drafty-draftov/index.html",
        "az/people/drafty-draftov/index.html",
        "statements/draft-appeal/index.html",
        "az/statements/draft-appeal/index.html",
        "plans/index.html",
        "az/plans/index.html",
    ] {
        assert!(!out.join(f).exists(), "the draft {f} was published");
    }
    let found = mentions(&out);
    assert!(
        found.is_empty(),
        "drafts are named in the published site: {found:?}"
    );
    // The published pages are still there.
    assert!(out.join("people/alice-aliyeva/index.html").is_file());
    assert!(out.join("about/index.html").is_file());
}

#[test]
fn drafts_are_built_with_the_drafts_flag() {
    let site = Site::new();
    site.build_ok(&["--drafts"]);
    let out = site.public();
    for f in [
        "people/drafty-draftov/index.html",
        "az/people/drafty-draftov/index.html",
        "statements/draft-appeal/index.html",
        "plans/index.html",
    ] {
        assert!(out.join(f).is_file(), "--drafts did not build {f}");
    }
    assert!(text(&page(&out, "people/index.html")).contains("Drafty Draftov"));
    assert!(page(&out, "sitemap.xml").contains("/people/drafty-draftov/"));
    assert_internal_links_resolve(&out, "https://example.org", "/sub/path/");
}

#[test]
fn check_also_skips_drafts_unless_asked() {
    let site = Site::new();
    // A draft's references are not checked: it does not stop a build...
    site.edit(
        "profiles/drafty-draftov.md",
        "draft: true",
        "draft: true\ncharges: [treason]",
    );
    site.vigil(&["check"]).assert_ok();
    site.build_ok(&[]);
    // ... until it is built.
    let r = site.vigil(&["check", "--drafts"]);
    r.assert_code(1);
    let d = r.error_at("profiles/drafty-draftov.md:6:11");
    assert!(d.message.contains("unknown charge `treason`"), "{d:?}");
    site.vigil(&["build", "--drafts"]).assert_code(1);
}
