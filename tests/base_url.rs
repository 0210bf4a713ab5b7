//! The site works wherever it is published: under a sub-path (a GitHub project page), at the root of
//! a domain, or under the address given on the command line. Every link inside the site must lead
//! to a file the build wrote.

mod common;

use common::*;

/// Every file of the output that is text (pages, feeds, sitemap), with its name.
fn text_files(out: &std::path::Path) -> Vec<(String, String)> {
    snapshot(out)
        .into_iter()
        .filter_map(|(name, bytes)| Some((name, String::from_utf8(bytes).ok()?)))
        .collect()
}

/// The `<loc>` and `href` addresses of the sitemap and feeds, which must all be absolute, under
/// `prefix`, and lead to a page of the output.
fn assert_xml_links_resolve(out: &std::path::Path, origin: &str, base_path: &str) {
    let prefix = format!("{origin}{base_path}");
    for file in ["sitemap.xml", "atom.xml", "az/atom.xml"] {
        let xml = page(out, file);
        let mut n = 0;
        for part in xml.split("<loc>").skip(1) {
            let url = part.split("</loc>").next().unwrap();
            n += 1;
            assert!(url.starts_with(&prefix), "{file}: <loc>{url}</loc>");
            let f = resolve(out, base_path, &url[origin.len()..]).unwrap();
            assert!(f.is_file(), "{file}: {url} leads to no file");
        }
        for t in tags(&xml) {
            if let Some(url) = t.attr("href") {
                n += 1;
                assert!(url.starts_with(&prefix), "{file}: href={url}");
                let f = resolve(out, base_path, &url[origin.len()..]).unwrap();
                assert!(f.is_file(), "{file}: {url} leads to no file");
            }
        }
        assert!(n > 3, "{file} has too few links");
    }
    let robots = page(out, "robots.txt");
    assert!(
        robots.contains(&format!("Sitemap: {prefix}sitemap.xml")),
        "{robots}"
    );
}

#[test]
fn sub_path_base_url_prefixes_every_internal_link() {
    let site = Site::new(); // base_url: https://example.org/sub/path/
    let out = site.built();
    let checked = assert_internal_links_resolve(&out, "https://example.org", "/sub/path/");
    assert!(checked > 300, "only {checked} links checked");
    assert_xml_links_resolve(&out, "https://example.org", "/sub/path/");

    // A few links checked by name, so a change that drops them cannot pass unnoticed.
    let en = page(&out, "people/alice-aliyeva/index.html");
    let az = page(&out, "az/people/alice-aliyeva/index.html");
    let en_links = urls(&en);
    let az_links = urls(&az);
    for (links, want) in [
        (&en_links, "/sub/path/static/style.css"),
        (&en_links, "/sub/path/media/photos/alice.png"),
        // Markdown links are pointed at the reader's language, under the base path...
        (&en_links, "/sub/path/organisations/org-gamma/"),
        (&az_links, "/sub/path/az/organisations/org-gamma/"),
        (&en_links, "/sub/path/about/"),
        // ... files are the same in every language.
        (&en_links, "/sub/path/files/leaflet.pdf"),
        (&az_links, "/sub/path/media/photos/alice.png"),
        (&az_links, "/sub/path/static/style.css"),
    ] {
        assert!(
            links.contains(&want.to_string()),
            "no link to {want}: {links:?}"
        );
    }
    // The photo is published re-encoded (without metadata, see tests/sharing.rs): a PNG of the
    // same size, 1x1.
    let photo = std::fs::read(out.join("media/photos/alice.png")).unwrap();
    assert_eq!(&photo[..8], &PNG[..8]);
    assert_eq!(&photo[16..24], &PNG[16..24]);
    assert_eq!(
        std::fs::read(out.join("files/leaflet.pdf")).unwrap(),
        b"%PDF-1.4 not really a pdf\n"
    );
    // The 404 page is served for any missing address, at any depth: its links must be absolute.
    let html = page(&out, "404.html");
    assert!(
        urls(&html)
            .iter()
            .all(|u| !u.starts_with("/") || u.starts_with("/sub/path/"))
    );
}

#[test]
fn base_url_given_on_the_command_line_replaces_site_yaml() {
    let site = Site::new();
    site.build_ok(&["--base-url", "https://campaign.example/other/place/"]);
    let out = site.public();
    let checked = assert_internal_links_resolve(&out, "https://campaign.example", "/other/place/");
    assert!(checked > 300);
    assert_xml_links_resolve(&out, "https://campaign.example", "/other/place/");
    for (name, content) in text_files(&out) {
        assert!(
            !content.contains("/sub/path"),
            "{name} still uses site.yaml's path"
        );
        assert!(
            !content.contains("example.org"),
            "{name} still uses site.yaml's host"
        );
    }
}

#[test]
fn base_url_without_trailing_slash_is_a_folder() {
    let site = Site::new();
    site.build_ok(&["--base-url", "https://user.github.io/repo"]);
    let out = site.public();
    assert_internal_links_resolve(&out, "https://user.github.io", "/repo/");
    let html = page(&out, "index.html");
    assert!(urls(&html).contains(&"/repo/people/".to_string()));
}

#[test]
fn root_domain_base_url_links_from_the_root() {
    let site = Site::new();
    site.edit(
        "site.yaml",
        "base_url: https://example.org/sub/path/",
        "base_url: https://example.org",
    );
    let out = site.built();
    let checked = assert_internal_links_resolve(&out, "https://example.org", "/");
    assert!(checked > 300);
    assert_xml_links_resolve(&out, "https://example.org", "/");
    for (name, content) in text_files(&out) {
        assert!(
            !content.contains("/sub/path"),
            "{name} still uses the old path"
        );
    }
    let html = page(&out, "az/people/alice-aliyeva/index.html");
    let links = urls(&html);
    for want in [
        "/static/style.css",
        "/az/organisations/org-gamma/",
        "/people/alice-aliyeva/",
        "https://example.org/az/people/alice-aliyeva/",
    ] {
        assert!(
            links.contains(&want.to_string()),
            "no link to {want}: {links:?}"
        );
    }
}

#[test]
fn aliases_redirect_in_both_languages() {
    let site = Site::new();
    let out = site.built();
    for (file, target) in [
        (
            "people/alisa-aliyeva/index.html",
            "/sub/path/people/alice-aliyeva/",
        ),
        (
            "az/people/alisa-aliyeva/index.html",
            "/sub/path/az/people/alice-aliyeva/",
        ),
    ] {
        let html = page(&out, file);
        let tags = tags(&html);
        let refresh = tags
            .iter()
            .find(|t| t.name == "meta" && t.attr("http-equiv") == Some("refresh"))
            .unwrap_or_else(|| panic!("{file} has no refresh: {html}"));
        let content = refresh.attr("content").unwrap();
        assert!(
            content.starts_with("0") && content.ends_with(&format!("url={target}")),
            "{file}: refresh to {target}: {content}"
        );
        let canonical = tags
            .iter()
            .find(|t| t.name == "link" && t.attr("rel") == Some("canonical"))
            .and_then(|t| t.attr("href"));
        assert_eq!(
            canonical,
            Some(format!("https://example.org{target}").as_str())
        );
        // A visible link too, for browsers that do not follow refreshes.
        assert!(anchors(&html).iter().any(|(h, _)| h == target), "{html}");
        // Search engines should not index the old address.
        assert!(tags.iter().any(|t| t.name == "meta"
            && t.attr("name") == Some("robots")
            && t.attr("content") == Some("noindex")));
        assert!(resolve(&out, "/sub/path/", target).unwrap().is_file());
    }
    // The old address is not listed as a page of the site.
    assert!(!page(&out, "sitemap.xml").contains("alisa-aliyeva"));
}

#[test]
fn links_in_html_written_in_markdown_lead_under_the_sub_path_in_each_language() {
    let site = Site::new();
    site.edit(
        "content/about.md",
        "and others.",
        "and others.\n\n<p>Also <a href=\"/people/bob-bakirov/#facts\">Bob</a>.</p>",
    );
    site.edit(
        "content/about.az.md",
        "aparırıq.",
        "aparırıq.\n\n<p>Həmçinin <a href=\"/people/bob-bakirov/#facts\">Bob</a>.</p>",
    );
    let out = site.built();
    for (file, href) in [
        ("about/index.html", "/sub/path/people/bob-bakirov/#facts"),
        (
            "az/about/index.html",
            "/sub/path/az/people/bob-bakirov/#facts",
        ),
    ] {
        let links = anchors(&page(&out, file));
        assert!(
            links.iter().any(|(h, label)| h == href && label == "Bob"),
            "{file}: {links:?}"
        );
    }
}
