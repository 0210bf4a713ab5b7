//! The example site's files beside the pages, and its weight on a reader's phone.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

const EPOCH: &str = "1795478400";

fn site() -> &'static Path {
    static SITE: OnceLock<PathBuf> = OnceLock::new();
    SITE.get_or_init(|| {
        let dir = std::env::temp_dir().join(format!("vigil-output-{}", std::process::id()));
        let out = Command::new(env!("CARGO_BIN_EXE_vigil"))
            .args(["build", "--root", env!("CARGO_MANIFEST_DIR"), "--output"])
            .arg(&dir)
            .env("SOURCE_DATE_EPOCH", EPOCH)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        dir
    })
}

fn gzip_len(bytes: &[u8]) -> usize {
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    e.write_all(bytes).unwrap();
    e.finish().unwrap().len()
}

/// The page, and every stylesheet and script it loads from the site, gzipped.
fn weight(page: &str) -> usize {
    let html = std::fs::read_to_string(site().join(page)).unwrap();
    let mut total = gzip_len(html.as_bytes());
    for marker in ["rel=stylesheet", "<script src="] {
        for (i, _) in html.match_indices(marker) {
            let start = html[..i].rfind('<').unwrap();
            let end = i + html[i..].find('>').unwrap();
            let tag = &html[start..end];
            let attr = if tag.starts_with("<link") {
                "href="
            } else {
                "src="
            };
            let v = tag
                .split(attr)
                .nth(1)
                .unwrap()
                .split([' ', '>'])
                .next()
                .unwrap()
                .trim_matches('"');
            let file = site().join(
                v.strip_prefix("/vigil/")
                    .expect("asset under the site's path"),
            );
            total += gzip_len(&std::fs::read(&file).unwrap());
        }
    }
    total
}

#[test]
fn home_and_person_pages_weigh_under_30_kb_gzipped() {
    for page in [
        "index.html",
        "people/anar-mammadli/index.html",
        "az/index.html",
        "az/people/anar-mammadli/index.html",
    ] {
        let w = weight(page);
        assert!(
            w < 30 * 1024,
            "{page} weighs {w} bytes gzipped with its CSS and JS"
        );
        assert!(w > 1000, "{page}: the weight counted the page");
    }
}

#[test]
fn sitemap_is_well_formed_and_lists_every_language_of_every_page() {
    let xml = std::fs::read_to_string(site().join("sitemap.xml")).unwrap();
    let doc = roxmltree::Document::parse(&xml).expect("sitemap.xml is well-formed XML");
    let urls: Vec<_> = doc
        .descendants()
        .filter(|n| n.has_tag_name("url"))
        .collect();
    assert!(urls.len() > 100);
    for url in urls {
        let loc = url
            .children()
            .find(|n| n.has_tag_name("loc"))
            .unwrap()
            .text()
            .unwrap();
        let path = loc
            .strip_prefix("https://example.org/vigil/")
            .expect("absolute, under base_url");
        let file = if path.is_empty() || path.ends_with('/') {
            format!("{path}index.html")
        } else {
            path.to_string()
        };
        assert!(
            site().join(&file).is_file(),
            "{loc} is in the sitemap but not written"
        );
        let alternates: Vec<_> = url
            .children()
            .filter(|n| n.has_tag_name("link"))
            .map(|n| n.attribute("hreflang").unwrap())
            .collect();
        assert_eq!(alternates, ["en", "az"], "{loc}");
    }
    let robots = std::fs::read_to_string(site().join("robots.txt")).unwrap();
    assert!(robots.contains("Sitemap: https://example.org/vigil/sitemap.xml"));
}

#[test]
fn atom_feeds_are_well_formed_with_every_statement() {
    let statements =
        std::fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("content/statements"))
            .unwrap()
            .count();
    for (feed, lang) in [("atom.xml", "en"), ("az/atom.xml", "az")] {
        let xml = std::fs::read_to_string(site().join(feed)).unwrap();
        let doc = roxmltree::Document::parse(&xml).expect("feed is well-formed XML");
        let root = doc.root_element();
        assert_eq!(root.tag_name().name(), "feed");
        assert_eq!(
            root.tag_name().namespace(),
            Some("http://www.w3.org/2005/Atom")
        );
        for required in ["id", "title", "updated", "author"] {
            assert!(
                root.children().any(|n| n.has_tag_name(required)),
                "{feed} lacks <{required}>"
            );
        }
        let entries: Vec<_> = root
            .children()
            .filter(|n| n.has_tag_name("entry"))
            .collect();
        assert_eq!(entries.len(), statements, "{feed}: one entry per statement");
        for e in entries {
            for required in ["id", "title", "updated", "link", "content"] {
                assert!(
                    e.children().any(|n| n.has_tag_name(required)),
                    "{feed}: an entry lacks <{required}>"
                );
            }
            let id = e
                .children()
                .find(|n| n.has_tag_name("id"))
                .unwrap()
                .text()
                .unwrap();
            let prefix = if lang == "en" {
                "https://example.org/vigil/statements/".to_string()
            } else {
                format!("https://example.org/vigil/{lang}/statements/")
            };
            assert!(id.starts_with(&prefix), "{feed}: entry id {id}");
            let updated = e
                .children()
                .find(|n| n.has_tag_name("updated"))
                .unwrap()
                .text()
                .unwrap();
            assert!(
                updated.len() == 20 && updated.ends_with("T00:00:00Z"),
                "RFC 3339 date: {updated}"
            );
        }
    }
}

/// Pages come out of the templates minified (the theme's templates are made compact once, and what
/// they print is escaped minimally: src/render/compact.rs): minify-html, run over every page again,
/// finds little left to take out. Without that step it took 11% of the pages' bytes.
#[test]
fn pages_come_out_minified() {
    let mut cfg = minify_html::Cfg::new();
    cfg.keep_closing_tags = true;
    cfg.keep_html_and_head_opening_tags = true;
    let (mut total, mut minified) = (0, 0);
    for entry in walkdir::WalkDir::new(site()) {
        let entry = entry.unwrap();
        if entry.path().extension().is_none_or(|e| e != "html") {
            continue;
        }
        let html = std::fs::read(entry.path()).unwrap();
        let again = minify_html::minify(&html, &cfg).len();
        let saved = 1.0 - again as f64 / html.len() as f64;
        assert!(
            saved < 0.10,
            "{}: minify-html takes {:.1}% more out of it",
            entry.path().display(),
            saved * 100.0
        );
        total += html.len();
        minified += again;
    }
    assert!(total > 1_000_000, "the whole example site: {total} bytes");
    let saved = 1.0 - minified as f64 / total as f64;
    assert!(
        saved < 0.03,
        "minify-html takes {:.1}% more out of the pages",
        saved * 100.0
    );
}
