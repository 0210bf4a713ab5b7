//! The example site in a real browser (Debian's Chromium), under axe-core and the Nu HTML Checker.
//!
//! `.ci/run` installs Chromium, Java and the npm packages of tests/browser/; these tests fail (they
//! do not skip) when those are missing, so a green run always means the checks ran.

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

const PREFIX: &str = "/vigil/";

fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The example site, built once for every test of this file.
fn site() -> &'static Path {
    static SITE: OnceLock<PathBuf> = OnceLock::new();
    SITE.get_or_init(|| {
        let dir = std::env::temp_dir().join(format!("vigil-browser-{}", std::process::id()));
        let out = Command::new(env!("CARGO_BIN_EXE_vigil"))
            .args(["build", "--root"])
            .arg(repo())
            .arg("--output")
            .arg(&dir)
            .env("SOURCE_DATE_EPOCH", "1795478400")
            .output()
            .expect("run vigil");
        assert!(
            out.status.success(),
            "the example site must build: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        dir
    })
}

fn node_modules() -> PathBuf {
    let dir = repo().join("tests/browser/node_modules");
    assert!(
        dir.join("playwright-core").is_dir()
            && dir.join("axe-core").is_dir()
            && dir.join("vnu-jar").is_dir(),
        "browser test tools are missing: run .ci/run, or `npm install --prefix tests/browser`"
    );
    dir
}

/// Serves `dir` on loopback under `PREFIX`, as GitHub Pages would serve a project site.
fn serve(dir: &'static Path) -> u16 {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
    let port = listener.local_addr().unwrap().port();
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            std::thread::spawn(move || respond(stream, dir));
        }
    });
    port
}

fn respond(mut stream: TcpStream, dir: &Path) {
    let mut line = String::new();
    if BufReader::new(&stream).read_line(&mut line).is_err() {
        return;
    }
    let path = line
        .split_whitespace()
        .nth(1)
        .unwrap_or("/")
        .split(['?', '#'])
        .next()
        .unwrap_or("/")
        .to_string();
    let file = path.strip_prefix(PREFIX).map(|rest| {
        let mut f = dir.join(rest);
        if f.is_dir() {
            f = f.join("index.html");
        }
        f
    });
    let (status, body, kind) = match file.filter(|f| f.is_file() && f.starts_with(dir)) {
        Some(f) => (
            "200 OK",
            std::fs::read(&f).unwrap_or_default(),
            content_type(&f),
        ),
        None => (
            "404 Not Found",
            std::fs::read(dir.join("404.html")).unwrap_or_default(),
            "text/html; charset=utf-8",
        ),
    };
    let head = format!(
        "HTTP/1.1 {status}\r\nContent-Type: {kind}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        body.len()
    );
    let _ = stream.write_all(head.as_bytes());
    let _ = stream.write_all(&body);
}

fn content_type(f: &Path) -> &'static str {
    match f.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "css" => "text/css",
        "js" => "text/javascript",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "webp" => "image/webp",
        "xml" => "application/xml",
        "json" => "application/json",
        "csv" => "text/csv; charset=utf-8",
        _ => "application/octet-stream",
    }
}

/// The first page under `under` that `page` links to, for pages whose slug the test does not know.
fn first_link(page: &str, under: &str) -> String {
    let html = std::fs::read_to_string(site().join(page)).expect("page");
    let start = format!("{PREFIX}{under}");
    html.split("href=")
        .skip(1)
        .map(|rest| rest[..rest.find(['>', ' ']).unwrap()].trim_matches('"'))
        // Past the listing itself (the menu links to it): one of the pages it lists.
        .find(|href| href.starts_with(&start) && *href != start)
        .unwrap_or_else(|| panic!("{page} links to no page under {under}"))
        .to_string()
}

#[test]
fn journey_screenshots_and_accessibility_in_chromium() {
    let modules = node_modules();
    let port = serve(site());
    let mut pages = vec![
        ("home".to_string(), PREFIX.to_string()),
        ("people".into(), format!("{PREFIX}people/")),
        (
            "person".into(),
            first_link("people/index.html", "people/anar"),
        ),
        (
            "statement".into(),
            first_link("statements/index.html", "statements/"),
        ),
        (
            "organisation".into(),
            first_link("organisations/index.html", "organisations/"),
        ),
        ("page".into(), format!("{PREFIX}about/")),
    ];
    if site().join("infographics").is_dir() {
        pages.push((
            "infographics".into(),
            first_link("index.html", "infographics/"),
        ));
    }
    let shots = repo().join("target/screenshots");
    let out = Command::new("node")
        .arg(repo().join("tests/browser/e2e.js"))
        .env("NODE_PATH", &modules)
        .env("BASE", format!("http://127.0.0.1:{port}"))
        .env("PREFIX", PREFIX)
        .env("SECOND_LANG", "az")
        .env("SHOTS", &shots)
        .env("PAGES", serde_json::to_string(&pages).unwrap())
        .output()
        .expect("run node");
    let log = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "browser checks failed:\n{log}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        log.contains("axe home az: 0 violations"),
        "axe did not run: {log}"
    );
    assert!(
        shots.join("person-az-390.png").is_file(),
        "no screenshot saved"
    );
}

#[test]
fn every_page_passes_the_nu_html_checker() {
    let jar = node_modules().join("vnu-jar/build/dist/vnu.jar");
    let out = Command::new("java")
        .arg("-jar")
        .arg(&jar)
        .args(["--errors-only", "--skip-non-html", "--format", "gnu"])
        .arg(site())
        .output()
        .expect("run java");
    let report = String::from_utf8_lossy(&out.stderr);
    assert!(
        out.status.success(),
        "the Nu HTML Checker found errors:\n{report}"
    );
}

/// A person's page, printed by Chromium as a reader would print it for a vigil: one A4 page.
#[test]
fn a_person_prints_as_a_one_page_a4_poster() {
    let port = serve(site());
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("poster.pdf");
    let person = first_link("people/index.html", "people/anar");
    let out = Command::new("chromium")
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-pdf-header-footer",
        ])
        .arg(format!(
            "--user-data-dir={}",
            dir.path().join("profile").display()
        ))
        .arg(format!("--print-to-pdf={}", pdf.display()))
        .arg(format!("http://127.0.0.1:{port}{person}"))
        .output()
        .expect("run chromium");
    let bytes = std::fs::read(&pdf)
        .unwrap_or_else(|e| panic!("no PDF ({e}): {}", String::from_utf8_lossy(&out.stderr)));
    let text = String::from_utf8_lossy(&bytes);
    let pages = text.matches("/Type /Page").count() - text.matches("/Type /Pages").count();
    assert_eq!(pages, 1, "{person} prints on {pages} pages");
    let media = text
        .split("/MediaBox [")
        .nth(1)
        .and_then(|r| r.split(']').next())
        .expect("a page size");
    let size: Vec<f64> = media
        .split_whitespace()
        .map(|n| n.parse().unwrap())
        .collect();
    // A4 is 210 x 297 mm: 595 x 842 points.
    assert!(
        (size[2] - 595.0).abs() < 1.0 && (size[3] - 842.0).abs() < 1.0,
        "{media}"
    );
}
