//! `vigil check`: annotations for GitHub, JSON for tools, the translations table, and external
//! links (against a server on loopback: tests never use the internet).

mod support;

use support::{edit, example, text, vigil};

#[test]
fn github_format_puts_each_problem_on_its_line() {
    let site = example();
    edit(
        site.path(),
        "profiles/ali-zeynal.md",
        "status:",
        "status: jailed\nold_status:",
    );
    let run = vigil(&["check", "--format", "github"], site.path());
    assert_eq!(run.status.code(), Some(1));
    let out = text(&run.stdout);
    let line = out
        .lines()
        .find(|l| l.starts_with("::error file=profiles/ali-zeynal.md,line="))
        .unwrap_or_else(|| panic!("no annotation for the broken file:\n{out}"));
    assert!(line.contains(",col=") && line.contains("::"), "{line}");
    assert!(
        out.lines().any(|l| l.starts_with("::warning file=")),
        "warnings are annotated too"
    );
    assert!(
        !out.lines()
            .any(|l| l.starts_with("::") && l.matches("::").count() < 2)
    );
}

#[test]
fn json_format_is_one_document_on_stdout() {
    let site = example();
    edit(
        site.path(),
        "profiles/ali-zeynal.md",
        "status:",
        "status: jailed\nold_status:",
    );
    let run = vigil(&["check", "--format", "json"], site.path());
    assert_eq!(run.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&run.stdout).expect("stdout is JSON alone");
    assert!(v["errors"].as_u64().unwrap() >= 1);
    let located = v["diagnostics"].as_array().unwrap().iter().any(|d| {
        d["severity"] == "error"
            && d["file"] == "profiles/ali-zeynal.md"
            && d["line"].as_u64() > Some(0)
    });
    assert!(located, "{v}");
}

#[test]
fn the_translations_table_names_what_is_missing_per_language() {
    let site = example();
    std::fs::remove_file(site.path().join("profiles/ali-zeynal.az.md")).unwrap();
    let run = vigil(&["check", "--translations"], site.path());
    assert!(run.status.success(), "{}", text(&run.stderr));
    let out = text(&run.stdout);
    assert!(out.contains("| File | `az` |"), "{out}");
    let row = out
        .lines()
        .find(|l| l.starts_with("| `profiles/ali-zeynal.md`"))
        .unwrap_or_else(|| panic!("{out}"));
    assert!(row.contains("biography") && row.contains("name"), "{row}");
    assert!(
        !out.contains("`profiles/anar-mammadli.md`"),
        "translated profiles are not listed"
    );
}

#[test]
fn external_links_are_checked_only_when_asked() {
    let server = tiny_http::Server::http("127.0.0.1:0").unwrap();
    let addr = server.server_addr().to_ip().unwrap();
    let served = std::thread::spawn(move || {
        let mut asked = Vec::new();
        while let Ok(Some(request)) = server.recv_timeout(std::time::Duration::from_secs(30)) {
            let url = request.url().to_string();
            asked.push(url.clone());
            let status = if url == "/fine" { 200 } else { 404 };
            let _ = request.respond(tiny_http::Response::empty(status));
            if asked.iter().filter(|u| *u == "/gone").count() >= 2 {
                break;
            }
        }
        asked
    });
    let site = example();
    let page = site.path().join("content/about.md");
    let mut about = std::fs::read_to_string(&page).unwrap();
    about.push_str(&format!(
        "\n[fine](http://{addr}/fine) and [gone](http://{addr}/gone)\n"
    ));
    std::fs::write(&page, &about).unwrap();

    let quick = vigil(&["check"], site.path());
    assert!(
        quick.status.success(),
        "the default check fetches nothing: {}",
        text(&quick.stderr)
    );

    let run = vigil(&["check", "--external", "--format", "github"], site.path());
    let out = text(&run.stdout);
    assert_eq!(run.status.code(), Some(1), "{out}");
    let line = about.lines().position(|l| l.contains("/gone")).unwrap() + 1;
    let gone = out
        .lines()
        .find(|l| l.contains("/gone"))
        .unwrap_or_else(|| panic!("{out}"));
    assert!(
        gone.starts_with(&format!("::error file=content/about.md,line={line},")),
        "{gone}"
    );
    assert!(!out.contains("/fine`"), "{out}");
    let asked = served.join().unwrap();
    assert!(asked.contains(&"/fine".to_string()));
}
