//! Statements and organisations link to each other: a statement lists who signed it, an
//! organisation lists what it signed. People and statements link both ways too.

mod common;

use common::*;

fn has_link(html: &str, href: &str, label: &str) -> bool {
    anchors(html).iter().any(|(h, l)| h == href && l == label)
}

fn links_under(html: &str, prefix: &str) -> Vec<String> {
    let mut v: Vec<String> = anchors(html)
        .into_iter()
        .map(|(h, _)| h)
        .filter(|h| h.starts_with(prefix) && h.len() > prefix.len())
        .collect();
    v.sort();
    v.dedup();
    v
}

#[test]
fn statement_page_lists_each_signatory_linked() {
    let site = Site::new();
    let out = site.built();
    let html = page(&out, "statements/first-appeal/index.html");
    assert!(
        has_link(&html, "/sub/path/organisations/org-alpha/", "Alpha Watch"),
        "{html}"
    );
    assert!(
        has_link(
            &html,
            "/sub/path/organisations/org-beta/",
            "Beta Rights Centre"
        ),
        "{html}"
    );
    assert_eq!(
        links_under(&html, "/sub/path/organisations/"),
        [
            "/sub/path/organisations/org-alpha/",
            "/sub/path/organisations/org-beta/"
        ],
        "only the signatories are linked"
    );
    // Country codes are shown as written.
    let t = text(&html);
    assert!(t.contains("NO") && t.contains("AZ"), "{t}");

    let html = page(&out, "az/statements/first-appeal/index.html");
    assert!(has_link(
        &html,
        "/sub/path/az/organisations/org-alpha/",
        "Alpha Watch"
    ));
    assert!(has_link(
        &html,
        "/sub/path/az/organisations/org-beta/",
        "Beta Hüquq Mərkəzi"
    ));

    let html = page(&out, "statements/second-appeal/index.html");
    assert_eq!(
        links_under(&html, "/sub/path/organisations/"),
        ["/sub/path/organisations/org-alpha/"]
    );
}

#[test]
fn organisation_page_lists_the_statements_it_signed() {
    let site = Site::new();
    let out = site.built();
    let alpha = page(&out, "organisations/org-alpha/index.html");
    assert!(has_link(
        &alpha,
        "/sub/path/statements/first-appeal/",
        "Release Alice Aliyeva"
    ));
    assert!(has_link(
        &alpha,
        "/sub/path/statements/second-appeal/",
        "Free the Gamma Newsroom"
    ));
    let beta = page(&out, "organisations/org-beta/index.html");
    assert_eq!(
        links_under(&beta, "/sub/path/statements/"),
        ["/sub/path/statements/first-appeal/"],
        "org-beta signed the first appeal (and a draft, which is not published)"
    );
    let gamma = page(&out, "organisations/org-gamma/index.html");
    assert_eq!(
        links_under(&gamma, "/sub/path/statements/"),
        Vec::<String>::new()
    );
    // Gamma signed nothing, but Alice works there.
    assert!(has_link(
        &gamma,
        "/sub/path/people/alice-aliyeva/",
        "Alice Aliyeva"
    ));

    let alpha_az = page(&out, "az/organisations/org-alpha/index.html");
    assert!(has_link(
        &alpha_az,
        "/sub/path/az/statements/first-appeal/",
        "Alisa Əliyevanı azad edin"
    ));
    // Every organisation is listed on the organisations page, signatory or not.
    let all = page(&out, "organisations/index.html");
    assert_eq!(
        links_under(&all, "/sub/path/organisations/"),
        [
            "/sub/path/organisations/org-alpha/",
            "/sub/path/organisations/org-beta/",
            "/sub/path/organisations/org-gamma/"
        ]
    );
}

#[test]
fn statements_and_the_people_they_name_link_both_ways() {
    let site = Site::new();
    let out = site.built();
    let html = page(&out, "statements/first-appeal/index.html");
    assert!(has_link(
        &html,
        "/sub/path/people/alice-aliyeva/",
        "Alice Aliyeva"
    ));
    assert!(has_link(
        &html,
        "/sub/path/people/bob-bakirov/",
        "Bob Bakirov"
    ));
    let bob = page(&out, "people/bob-bakirov/index.html");
    assert_eq!(
        links_under(&bob, "/sub/path/statements/"),
        [
            "/sub/path/statements/first-appeal/",
            "/sub/path/statements/second-appeal/"
        ]
    );
    let carol = page(&out, "people/carol-karimova/index.html");
    assert_eq!(
        links_under(&carol, "/sub/path/statements/"),
        Vec::<String>::new()
    );
}

#[test]
fn signatories_of_a_draft_statement_appear_with_drafts() {
    let site = Site::new();
    site.build_ok(&["--drafts"]);
    let beta = page(&site.public(), "organisations/org-beta/index.html");
    assert_eq!(
        links_under(&beta, "/sub/path/statements/"),
        [
            "/sub/path/statements/draft-appeal/",
            "/sub/path/statements/first-appeal/"
        ]
    );
}
