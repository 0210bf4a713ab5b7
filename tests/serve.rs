//! `vigil serve` end to end on loopback: pages, live reload, a broken save and its recovery.

mod support;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use support::{edit, example};

/// The server, stopped when the test ends however it ends.
struct Server(Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn start(root: &std::path::Path) -> (Server, String, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_vigil"))
        .args(["serve", "--port", "0", "--root"])
        .arg(root)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("vigil serve starts");
    let stdout = child.stdout.take().unwrap();
    let server = Server(child);
    let mut lines = BufReader::new(stdout).lines();
    let url = loop {
        let line = lines.next().expect("the server says where it is").unwrap();
        if let Some(at) = line.find("http://") {
            break line[at..].split_whitespace().next().unwrap().to_string();
        }
    };
    // Keep reading so the server never blocks on a full pipe.
    std::thread::spawn(move || for _ in lines {});
    let rest = &url["http://".len()..];
    let (host, path) = rest.split_at(rest.find('/').unwrap());
    (server, host.to_string(), path.to_string())
}

/// (status, body) of a GET.
fn get(host: &str, path: &str) -> (u16, String) {
    let mut s = TcpStream::connect(host).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    write!(
        s,
        "GET {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut response = String::new();
    s.read_to_string(&mut response).unwrap();
    let status = response[9..12].parse().unwrap();
    let body = response
        .split_once("\r\n\r\n")
        .map(|(_, b)| b.to_string())
        .unwrap_or_default();
    (status, body)
}

/// An open event stream; `wait` reads until the named event arrives.
struct Events(BufReader<TcpStream>);

impl Events {
    fn open(host: &str, path: &str) -> Events {
        let mut s = TcpStream::connect(host).unwrap();
        s.set_read_timeout(Some(Duration::from_secs(20))).unwrap();
        write!(
            s,
            "GET {path} HTTP/1.1\r\nHost: {host}\r\nAccept: text/event-stream\r\n\r\n"
        )
        .unwrap();
        let mut events = Events(BufReader::new(s));
        let mut line = String::new();
        events.0.read_line(&mut line).unwrap();
        assert!(line.starts_with("HTTP/1.1 200"), "{line}");
        events
    }

    fn wait(&mut self, event: &str) {
        let deadline = Instant::now() + Duration::from_secs(20);
        let mut line = String::new();
        while Instant::now() < deadline {
            line.clear();
            self.0.read_line(&mut line).expect("the stream stays open");
            if line.trim() == format!("event: {event}") {
                return;
            }
        }
        panic!("no `{event}` event");
    }
}

#[test]
fn serves_rebuilds_reloads_shows_errors_and_recovers() {
    let site = example();
    let root = site.path();
    let (_server, host, base) = start(root);
    assert_eq!(base, "/vigil/", "the example's base_url path is kept");

    let (status, home) = get(&host, &base);
    assert_eq!(status, 200);
    assert!(home.contains(&format!(
        "<script src=\"{base}__vigil/live.js\" defer></script>"
    )));
    let (status, script) = get(&host, &format!("{base}__vigil/live.js"));
    assert_eq!(status, 200);
    assert!(script.contains("EventSource"));
    assert_eq!(get(&host, "/people/").0, 404, "outside the base path");
    assert_eq!(get(&host, &format!("{base}no-such-page/")).0, 404);

    let person = format!("{base}people/ali-zeynal/");
    let mut events = Events::open(&host, &format!("{base}__vigil/events"));
    edit(
        root,
        "profiles/ali-zeynal.md",
        "name: Ali Zeynal",
        "name: Ali Zeynalov-Edited",
    );
    events.wait("reload");
    let (status, page) = get(&host, &person);
    assert_eq!(status, 200);
    assert!(page.contains("Ali Zeynalov-Edited"));

    edit(
        root,
        "profiles/ali-zeynal.md",
        "status:",
        "status: jailed\nold_status:",
    );
    events.wait("problems");
    let (_, json) = get(&host, &format!("{base}__vigil/problems.json"));
    let report: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert!(report["errors"].as_u64().unwrap() >= 1, "{json}");
    let located = report["diagnostics"].as_array().unwrap().iter().any(|d| {
        d["severity"] == "error"
            && d["file"] == "profiles/ali-zeynal.md"
            && d["line"].as_u64().unwrap() > 0
    });
    assert!(located, "the error names the file and line: {json}");
    let (status, page) = get(&host, &person);
    assert_eq!(status, 200, "the last good build is still served");
    assert!(page.contains("Ali Zeynalov-Edited"));

    // One save that fixes the error and changes the name.
    let file = root.join("profiles/ali-zeynal.md");
    let text = std::fs::read_to_string(&file).unwrap();
    let fixed = text
        .replace("status: jailed\nold_status:", "status:")
        .replace("Zeynalov-Edited", "Zeynalov-Fixed");
    assert_ne!(fixed, text);
    std::fs::write(&file, fixed).unwrap();
    events.wait("reload");
    let (_, json) = get(&host, &format!("{base}__vigil/problems.json"));
    assert!(json.contains("\"errors\": 0"), "{json}");
    let (_, page) = get(&host, &person);
    assert!(page.contains("Ali Zeynalov-Fixed"));
}
