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

#[test]
fn raw_html_in_markdown_never_reaches_the_page() {
    let site = hostile_site(
        "Hello <script>alert(1)</script> <img src=x onerror=alert(2)> <iframe src=https://evil.example/></iframe>\n\n<div onclick=\"steal()\">block</div>",
    );
    let out = site.path().join("public");
    let run = build(site.path(), &out);
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    for lang in ["", "ru/"] {
        let html =
            std::fs::read_to_string(out.join(format!("{lang}people/ann/index.html"))).unwrap();
        assert!(!html.contains("<script>alert"), "script passed through");
        assert!(
            !html.contains("<img src=x"),
            "img with handler passed through"
        );
        assert!(!html.contains("<iframe"), "iframe passed through");
        assert!(!html.contains("<div onclick"), "handler passed through");
        assert!(
            html.contains("&lt;script>alert(1)&lt;/script>")
                || html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
            "the text is kept, shown as text"
        );
    }
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
