//! The home page shows the latest arrests of the people held, not every one of them: at a campaign of
//! thousands it would weigh megabytes. The people page has everyone.

mod common;

use common::*;

/// The people cards of the home page's "people" section, as (name, link), in order.
fn home_cards(out: &std::path::Path, lang: &str) -> (Vec<(String, String)>, String) {
    let html = page(out, &format!("{lang}index.html"));
    let section = &html[html.find("id=people").expect("the people section")..];
    let section = section[..section.find("</section>").unwrap()].to_string();
    let cards = anchors(&section)
        .into_iter()
        .filter(|(href, _)| href.contains("/people/") && !href.ends_with("/people/"))
        .map(|(href, label)| (label, href))
        .collect();
    (cards, text(&section))
}

#[test]
fn the_home_page_shows_the_latest_arrests_of_the_people_held_and_links_to_everyone() {
    // The fixture alone: everyone held fits, in order of arrest, with no word of a selection.
    let small = Site::new();
    let out = small.built();
    let (cards, words) = home_cards(&out, "");
    assert!(!cards.is_empty() && cards.len() < 24, "{cards:?}");
    assert!(!words.contains("latest arrests"), "{words}");

    // Thirty more held, arrested on the days of June 2025, and one released whose arrest is the
    // latest of all.
    let site = Site::new();
    for n in 1..=30 {
        site.write(
            &format!("profiles/held-{n:02}.md"),
            format!("---\nname: Held Person {n:02}\nstatus: detained\narrested: 2025-06-{n:02}\n---\nA journalist.\n"),
        );
    }
    site.write(
        "profiles/freed.md",
        "---\nname: Freed Person\nstatus: released\narrested: 2025-07-15\nreleased: 2025-08-01\n---\nA blogger.\n",
    );
    // Built on 1 January 2026, after them.
    site.vigil_at("1767225600", &["build"]).assert_ok();
    let out = site.public();
    for lang in ["", "az/"] {
        let (cards, words) = home_cards(&out, lang);
        let names: Vec<&str> = cards.iter().map(|(n, _)| n.as_str()).collect();
        let expected: Vec<String> = (7..=30)
            .rev()
            .map(|n| format!("Held Person {n:02}"))
            .collect();
        assert_eq!(names, expected, "the 24 latest arrests, the latest first");
        let held = page(&out, &format!("{lang}people/index.html"))
            .matches("/people/held-")
            .count();
        assert!(held >= 30, "the people page lists all thirty: {held}");
        let note = theme_string(if lang.is_empty() { "en" } else { "az" }, "home_latest")
            .replace("{n}", "24");
        let (before, after) = note.split_once("{total}").unwrap();
        let total = words[words
            .find(before)
            .unwrap_or_else(|| panic!("`{before}` in {words}"))
            + before.len()..]
            .split(after.trim_end_matches(':'))
            .next()
            .unwrap()
            .to_string();
        let total: usize = total
            .trim()
            .parse()
            .unwrap_or_else(|_| panic!("a count: `{total}`"));
        assert!(total > 30, "{total} held: the fixture's and the thirty");
    }
    // The way to everyone.
    let html = page(&out, "index.html");
    assert!(
        anchors(&html)
            .iter()
            .any(|(href, label)| href.ends_with("/people/")
                && label == &theme_string("en", "all_people")),
        "a link to the people page"
    );
}
