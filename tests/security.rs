//! Hostile content and the pages' own hygiene: no script or markup from a pull request reaches a
//! page, and no page loads anything from another host or needs an inline script or style.

use std::path::{Path, PathBuf};
use std::process::Command;

fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn html_files(dir: &Path) -> Vec<PathBuf> {
    walk(dir)
        .into_iter()
        .filter(|p| p.extension().is_some_and(|e| e == "html"))
        .collect()
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let p = entry.path();
        if p.is_dir() {
            out.extend(walk(&p))
        } else {
            out.push(p)
        }
    }
    out
}

fn is_external(v: &str) -> bool {
    v.starts_with("http:") || v.starts_with("https:") || v.starts_with("//")
}

fn build(root: &Path, out: &Path) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_vigil"))
        .args(["build", "--root"])
        .arg(root)
        .arg("--output")
        .arg(out)
        .env("SOURCE_DATE_EPOCH", "1795478400")
        .output()
        .unwrap()
}

/// Every attribute value of `attr` in a tag named `tag` (minified HTML: values may be unquoted).
fn attr_values<'a>(html: &'a str, tag: &str, attr: &str) -> Vec<&'a str> {
    let mut out = Vec::new();
    for (i, _) in html.match_indices(&format!("<{tag}")) {
        let end = html[i..].find('>').map_or(html.len(), |e| i + e);
        let t = &html[i..end];
        if let Some(a) = t.find(&format!(" {attr}=")) {
            let v = &t[a + attr.len() + 2..];
            let v = match v.as_bytes().first() {
                Some(b'"') => v[1..].split('"').next().unwrap_or(""),
                Some(b'\'') => v[1..].split('\'').next().unwrap_or(""),
                _ => v.split([' ', '>']).next().unwrap_or(""),
            };
            out.push(v);
        }
    }
    out
}

#[test]
fn example_pages_load_nothing_from_other_hosts_and_have_a_strict_csp() {
    let out = tempfile::tempdir().unwrap();
    let dir = out.path().join("public");
    let run = build(repo(), &dir);
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let pages = html_files(&dir);
    assert!(pages.len() > 50, "the example site has its pages");
    for page in pages {
        let html = std::fs::read_to_string(&page).unwrap();
        let name = page.display();
        assert!(
            html.contains("default-src 'self'"),
            "{name} has no Content-Security-Policy"
        );
        assert!(
            html.contains("no-referrer"),
            "{name} has no referrer policy"
        );
        // Resources (not addresses a reader follows, like canonical or alternate links) must come
        // from this site.
        for (tag, attr) in [
            ("img", "src"),
            ("script", "src"),
            ("source", "srcset"),
            ("video", "src"),
            ("audio", "src"),
        ] {
            for v in attr_values(&html, tag, attr) {
                assert!(
                    !is_external(v),
                    "{name}: <{tag} {attr}={v}> loads from another host"
                );
            }
        }
        for (i, _) in html.match_indices("<link") {
            let tag = &html[i..i + html[i..].find('>').unwrap()];
            let loads = ["stylesheet", "icon", "preload", "modulepreload", "manifest"]
                .iter()
                .any(|r| tag.contains(&format!("rel={r}")) || tag.contains(&format!("rel=\"{r}")));
            let href = attr_values(tag, "link", "href");
            assert!(
                !(loads && href.iter().any(|v| is_external(v))),
                "{name}: {tag} loads from another host"
            );
        }
        assert!(!html.contains("<iframe"), "{name} embeds an iframe");
        for (i, _) in html.match_indices("<script") {
            let tag = &html[i..i + html[i..].find('>').unwrap()];
            assert!(tag.contains(" src="), "{name} has an inline script: {tag}");
        }
        for needle in [
            " onclick=",
            " onload=",
            " onerror=",
            " onmouseover=",
            " onfocus=",
            " style=",
            "javascript:",
        ] {
            assert!(
                !html.contains(needle),
                "{name} has `{}` which the CSP forbids",
                needle.trim()
            );
        }
        assert!(
            !html.contains("<style"),
            "{name} has an inline <style>, which the CSP blocks"
        );
    }
}

const SITE: &str = "title: Hostile\nbase_url: https://example.org/\nlanguages: [en, ru]\n";

fn hostile_site(profile_body: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::write(root.join("site.yaml"), SITE).unwrap();
    std::fs::create_dir_all(root.join("profiles")).unwrap();
    std::fs::write(
        root.join("profiles/ann.md"),
        format!("---\nname: Ann\nstatus: detained\narrested: 2024-01-01\n---\n{profile_body}\n"),
    )
    .unwrap();
    copy_theme(root, "ru");
    dir
}

/// The repository's theme, with Russian words copied from English (the words do not matter here).
fn copy_theme(root: &Path, extra: &str) {
    let theme = repo().join("themes/default");
    for f in walk(&theme) {
        let rel = f.strip_prefix(&theme).unwrap();
        let to = root.join("themes/default").join(rel);
        std::fs::create_dir_all(to.parent().unwrap()).unwrap();
        std::fs::copy(&f, &to).unwrap();
    }
    std::fs::copy(
        theme.join("i18n/en.yaml"),
        root.join(format!("themes/default/i18n/{extra}.yaml")),
    )
    .unwrap();
}

const HOSTILE: &str = "Hello <script>alert(1)</script> <b onerror=alert(2)>bold</b> <iframe src=https://evil.example/></iframe> <abbr title=\"Committee to Protect Journalists\" onmouseover=\"steal()\">CPJ</abbr>\n\n<div onclick=\"steal()\">block</div>\n\n<a href=\"javascript:steal()\">click</a> <kbd>Ctrl</kbd> <style>body{display:none}</style>";

/// Every element of the person's page in each language, with its attributes.
fn person_pages(out: &Path) -> Vec<String> {
    ["", "ru/"]
        .iter()
        .map(|lang| {
            std::fs::read_to_string(out.join(format!("{lang}people/ann/index.html"))).unwrap()
        })
        .collect()
}

fn assert_nothing_hostile(html: &str) {
    let body = &html[html.find("<main").unwrap()..html.find("</main>").unwrap()];
    for bad in [
        "<script",
        "onerror",
        "onclick",
        "onmouseover",
        "<iframe",
        "javascript:",
        "evil.example",
        "alert(",
        "<style",
        "display:none",
    ] {
        assert!(!body.contains(bad), "`{bad}` reached the page: {body}");
    }
    assert!(body.contains("Hello"), "the text is kept: {body}");
    assert!(body.contains("block") && body.contains("click"), "{body}");
}

/// Builds a hostile site whose one profile has `body`, with `allow` as site.yaml's `allow_html`;
/// the build must succeed. Returns the site's folder and its output.
fn built_hostile(body: &str, allow: &str) -> (tempfile::TempDir, std::path::PathBuf) {
    let site = hostile_site(body);
    if !allow.is_empty() {
        std::fs::write(
            site.path().join("site.yaml"),
            format!("{SITE}allow_html: [{allow}]\n"),
        )
        .unwrap();
    }
    let out = site.path().join("public");
    let run = build(site.path(), &out);
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    (site, out)
}

#[test]
fn raw_html_in_markdown_is_sanitised() {
    let (_site, out) = built_hostile(HOSTILE, "");
    for html in person_pages(&out) {
        assert_nothing_hostile(&html);
        // No raw tag is allowed by default: `abbr` is dropped, its text kept.
        assert!(!html.contains("<abbr") && !html.contains("<kbd"), "{html}");
        assert!(html.contains("CPJ"));
    }
}

#[test]
fn a_site_can_allow_named_safe_tags() {
    let (_site, out) = built_hostile(HOSTILE, "abbr, kbd");
    for html in person_pages(&out) {
        assert_nothing_hostile(&html);
        assert!(
            html.contains(r#"<abbr title="Committee to Protect Journalists">CPJ</abbr>"#),
            "allowed, and without its handler: {html}"
        );
        assert!(html.contains("<kbd>Ctrl</kbd>"), "{html}");
    }
}

#[test]
fn a_tag_that_could_load_or_run_something_cannot_be_allowed() {
    let site = hostile_site("Hello.");
    std::fs::write(
        site.path().join("site.yaml"),
        format!("{SITE}allow_html: [abbr, iframe]\n"),
    )
    .unwrap();
    let out = site.path().join("public");
    let run = build(site.path(), &out);
    let err = String::from_utf8_lossy(&run.stderr);
    assert_eq!(run.status.code(), Some(1), "{err}");
    assert!(err.contains("site.yaml:4:20"), "located at the tag: {err}");
    assert!(err.contains("`iframe` cannot be allowed"), "{err}");
    assert!(err.contains("allow only some of: abbr"), "{err}");
    assert!(!out.exists());
}

#[test]
fn links_that_could_run_code_are_located_errors() {
    for (link, scheme) in [
        ("[x](javascript:alert(1))", "javascript:"),
        ("[y](data:text/html,<b>hi</b>)", "data:"),
        ("[z](JaVaScRiPt:alert(1))", "JaVaScRiPt:"),
    ] {
        let site = hostile_site(&format!("First line.\n\nSee {link} now."));
        let out = site.path().join("public");
        let run = build(site.path(), &out);
        let err = String::from_utf8_lossy(&run.stderr);
        assert_eq!(run.status.code(), Some(1), "{link}: {err}");
        assert!(
            err.contains("profiles/ann.md:8:5"),
            "{link}: located at its line and column: {err}"
        );
        assert!(
            err.contains(scheme) && err.contains("could run code"),
            "{link}: {err}"
        );
        assert!(!out.exists(), "nothing is written");
    }
}

#[test]
fn a_text_cannot_place_the_builders_own_html_inside_an_attribute() {
    // The builder holds its own HTML (here the highlighted code) aside behind private-use
    // characters while it cleans a page; a text that writes them must not choose where it lands.
    let (_site, out) = built_hostile(
        "<abbr title=\"\u{E000}0\u{E001}\">WHO</abbr> and \u{E000}0\u{E001}\n\n```rust\nfn main() {}\n```",
        "abbr",
    );
    for html in person_pages(&out) {
        let body = &html[html.find("<main").unwrap()..html.find("</main>").unwrap()];
        assert_eq!(
            body.matches("<pre").count(),
            1,
            "the code once, where it was written: {body}"
        );
        let abbr = &body[body.find("<abbr").unwrap()..];
        let abbr = &abbr[..abbr.find('>').unwrap()];
        assert!(!abbr.contains("pre") && !abbr.contains("code"), "{abbr}");
    }
}
