//! `hide` keeps facts a family asked to keep private out of every page and file.

mod common;

use common::*;

/// Every output file that contains one of `words`, and which word.
fn mentions(out: &std::path::Path, words: &[&str]) -> Vec<String> {
    let mut found = Vec::new();
    for (name, bytes) in snapshot(out) {
        let content = String::from_utf8_lossy(&bytes);
        for w in words {
            if content.contains(w) || name.contains(w) {
                found.push(format!("{name}: {w}"));
            }
        }
    }
    found
}

// Carol Karimova: born 1971-03-09, held at zyxwv-colony ("Zyxwv Colony", "Qwerty Road 77"),
// with `hide: [born, prison]`. No other fact of the fixture uses these.
const CAROL_HIDDEN: &[&str] = &["1971", "Zyxwv", "zyxwv", "Qwerty Road"];

#[test]
fn hidden_fields_appear_nowhere_in_the_output() {
    let site = Site::new();
    let out = site.built();
    let found = mentions(&out, CAROL_HIDDEN);
    assert!(found.is_empty(), "hidden facts were published: {found:?}");
    assert!(!out.join("people/prison/zyxwv-colony").exists());
    // What is not hidden is still shown: the page exists, with her profession.
    let html = page(&out, "people/carol-karimova/index.html");
    assert!(text(&html).contains("Lawyer"), "{html}");
    assert!(urls(&html).contains(&"/sub/path/people/profession/lawyer/".to_string()));
    assert!(text(&page(&out, "az/people/carol-karimova/index.html")).contains("Karol Kərimova"));
}

#[test]
fn the_same_fields_are_published_when_not_hidden() {
    // The control for the test above: without `hide` the facts do appear, so the search for them
    // is not vacuous.
    let site = Site::new();
    site.edit("profiles/carol-karimova.md", "hide: [born, prison]\n", "");
    let out = site.built();
    let html = text(&page(&out, "people/carol-karimova/index.html"));
    assert!(html.contains("9 March 1971"), "{html}");
    assert!(html.contains("Zyxwv Colony"), "{html}");
    assert!(out.join("people/prison/zyxwv-colony/index.html").is_file());
}

#[test]
fn a_hidden_photo_is_neither_shown_nor_copied() {
    let site = Site::new();
    site.edit(
        "profiles/alice-aliyeva.md",
        "aliases:",
        "hide: [photo]\naliases:",
    );
    let out = site.built();
    let found = mentions(
        &out,
        &["alice.png", "at a press conference", "mətbuat konfransında"],
    );
    assert!(
        found.is_empty(),
        "the hidden photo was published: {found:?}"
    );
    assert!(!out.join("media").exists());
    // Born is not hidden for Alice: shown.
    assert!(text(&page(&out, "people/alice-aliyeva/index.html")).contains("14 July 1985"));
}

#[test]
fn hidden_charges_sentence_and_case_appear_nowhere() {
    let site = Site::new();
    site.edit(
        "profiles/bob-bakirov.md",
        "summary:",
        "hide: [charges, sentence, case]\nsummary:",
    );
    let out = site.built();
    let html = text(&page(&out, "people/bob-bakirov/index.html"));
    assert!(!html.contains("6 years"), "{html}");
    assert!(!html.contains("221.3"), "{html}");
    assert!(!html.contains("Gamma Newsroom case"), "{html}");
    // Bob is no longer listed under the charge or the case; Alice still is.
    let charge = page(&out, "people/charge/hooliganism/index.html");
    assert!(!text(&charge).contains("Bob Bakirov"));
    assert!(text(&charge).contains("Alice Aliyeva"));
    let case = page(&out, "people/case/gamma-case/index.html");
    assert!(!text(&case).contains("Bob Bakirov"));
    assert!(
        !mentions(&out, &["6 years"])
            .iter()
            .any(|m| m.contains("bob"))
    );
}
