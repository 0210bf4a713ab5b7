//! A person's earlier arrests: their prison and charges link to the listing pages of those held
//! there and so charged now, which exist only while someone is.

mod common;

use common::*;

#[test]
fn an_earlier_arrest_links_its_prison_and_charges_only_while_someone_is_held_there() {
    let site = Site::new();
    site.edit(
        "content/prisons.yaml",
        "zyxwv-colony:",
        "old-colony:\n  name: Old Colony\nzyxwv-colony:",
    );
    site.edit(
        "content/charges.yaml",
        "smuggling:",
        "fraud:\n  article: \"178\"\n  text: Fraud\nsmuggling:",
    );
    site.edit(
        "profiles/alice-aliyeva.md",
        "aliases: [alisa-aliyeva]\n",
        "aliases: [alisa-aliyeva]\narrests:\n  - arrested: 2014-08\n    released: 2016-03\n    charges: [fraud, hooliganism]\n    prison: old-colony\n",
    );
    // Nobody is held in Old Colony or on a fraud charge now: no page for either, and the earlier
    // arrest names them without a link (a link would lead nowhere, and fail the build).
    let out = site.built();
    assert!(!out.join("people/prison/old-colony").exists());
    let earlier = |out: &std::path::Path, lang: &str| {
        let html = page(out, &format!("{lang}people/alice-aliyeva/index.html"));
        let section = &html[html.find("class=earlier").expect("the earlier arrests")..];
        section[..section.find("</section>").unwrap()].to_string()
    };
    for lang in ["", "az/"] {
        let section = earlier(&out, lang);
        assert!(section.contains("Old Colony"), "{section}");
        assert!(section.contains("178"), "{section}");
        let hrefs: Vec<String> = anchors(&section).into_iter().map(|(h, _)| h).collect();
        assert!(!hrefs.iter().any(|h| h.contains("old-colony")), "{hrefs:?}");
        assert!(!hrefs.iter().any(|h| h.contains("fraud")), "{hrefs:?}");
        // Hooliganism has people held on it now (Alice among them): linked.
        assert!(hrefs.iter().any(|h| h.contains("hooliganism")), "{hrefs:?}");
    }
    // Once someone is, both are links to pages that exist.
    site.edit(
        "profiles/bob-bakirov.md",
        "charges: [hooliganism]",
        "charges: [hooliganism, fraud]\nprison: old-colony",
    );
    let out = site.built();
    let section = earlier(&out, "");
    let hrefs: Vec<String> = anchors(&section).into_iter().map(|(h, _)| h).collect();
    for listing in ["people/prison/old-colony/", "people/charge/fraud/"] {
        assert!(
            hrefs.iter().any(|h| h.ends_with(listing)),
            "{listing}: {hrefs:?}"
        );
        assert!(out.join(listing).join("index.html").is_file(), "{listing}");
    }
}
