//! A case with many people: each person's page shows some of the others and links to the case's page,
//! which shows them all.

mod common;

use common::*;

#[test]
fn a_large_case_shows_twelve_others_and_links_to_all_of_them() {
    let site = Site::new();
    // Two people of the fixture are in the case already; twenty more join them.
    for n in 0..20 {
        site.write(
            &format!("profiles/extra-person-{n:02}.md"),
            format!(
                "---\nname: Extra Person {n:02}\nstatus: detained\narrested: 2023-05-{:02}\ncase: gamma-case\n---\nA journalist.\n",
                n + 1
            ),
        );
    }
    let out = site.built();
    for (lang, all) in [
        ("", "All 22 people in this case"),
        ("az/", "Bu işdə olan bütün 22 nəfər"),
    ] {
        let html = page(&out, &format!("{lang}people/alice-aliyeva/index.html"));
        let section = &html[html.find("class=same-case").expect("the same-case section")..];
        let section = &section[..section.find("</section>").unwrap()];
        let cards = tags(section).iter().filter(|t| t.name == "li").count();
        assert_eq!(cards, 12, "{section}");
        // A line each, without photos: a person's page stays light when the case is large.
        assert!(!tags(section).iter().any(|t| t.name == "img"), "{section}");
        let links = anchors(section);
        let (href, _) = links
            .iter()
            .find(|(_, label)| label == all)
            .unwrap_or_else(|| panic!("no `{all}` link: {links:?}"));
        // The case's page lists every one of them.
        let case = page(
            &out,
            &format!("{}index.html", href.trim_start_matches("/sub/path/")),
        );
        assert_eq!(case.matches("class=card-link").count(), 22, "{href}");
        // What the people page's finder sorts by is on that page alone.
        assert!(!case.contains("data-search"), "{href}");
        let people = page(&out, &format!("{lang}people/index.html"));
        assert_eq!(people.matches("data-search=").count(), 24, "{lang}");
    }
    // A small case shows everyone, with no such link.
    site.write(
        "content/cases.yaml",
        "gamma-case:\n  name: Gamma case\nsmall-case:\n  name: Small case\n",
    );
    for n in 0..20 {
        site.edit(
            &format!("profiles/extra-person-{n:02}.md"),
            "case: gamma-case",
            "case: small-case",
        );
    }
    let out = site.built();
    let html = page(&out, "people/alice-aliyeva/index.html");
    assert!(html.contains("class=same-case"), "{html}");
    assert!(!html.contains("people in this case"), "{html}");
}
