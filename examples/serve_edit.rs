//! `vigil serve` under an edit, for the benchmark (`bench/run`): starts the real preview over a site,
//! listens to its reload events as a browser does, saves one person's file again and again (a word
//! added to the biography, then taken away; the arrest a day later, in the same month, which every
//! list showing their card shows as days held; the arrest a year earlier, which the charts count
//! too; the status, which moves them to another listing and group of the people page; the
//! profession, to one nobody has, whose listing page appears with them and goes when they leave it
//! (saves alternate, so both are timed); the name, which moves them from the front of the order to
//! its end), and prints
//! for each the medians of
//!   - save -> reload event received (what a reader of the preview waits for, the watcher's
//!     quiet period included), and
//!   - the rebuild alone, as the preview reports it ("Rebuilt N of M pages in X ms").
//!
//!     serve_edit --root SITE [--runs 5] [--port 1199]

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

fn main() {
    let mut root = None;
    let mut runs = 5usize;
    let mut port = 1199u16;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let v = args.next().unwrap_or_default();
        match a.as_str() {
            "--root" => root = Some(PathBuf::from(v)),
            "--runs" => runs = v.parse().expect("--runs N"),
            "--port" => port = v.parse().expect("--port P"),
            _ => panic!("usage: serve_edit --root SITE [--runs N] [--port P]"),
        }
    }
    let root = root.expect("--root SITE");
    // A profession nobody has, for the edit that fills an empty listing: added to the site's list
    // before the preview starts, taken away at the end.
    let professions = root.join("content/professions.yaml");
    let listed = std::fs::read_to_string(&professions).expect("content/professions.yaml");
    std::fs::write(
        &professions,
        format!(
            "{listed}{NOBODY}:\n  name:\n    en: Profession nobody has\n    az: Heç kimin peşəsi\n"
        ),
    )
    .expect("add a profession");
    let vigil = std::env::current_exe()
        .expect("own path")
        .parent()
        .and_then(|p| p.parent())
        .expect("target/release")
        .join("vigil");
    let mut child = Command::new(&vigil)
        .args(["serve", "--port", &port.to_string(), "--root"])
        .arg(&root)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("start vigil serve");
    // The preview's lines, read on a thread: "Serving the site at URL", then "Rebuilt ... in X ms".
    let (lines_tx, lines) = mpsc::channel::<String>();
    let stdout = child.stdout.take().expect("piped");
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            let _ = lines_tx.send(line);
        }
    });
    let started = Instant::now();
    let url = loop {
        let line = lines.recv().expect("vigil serve stopped");
        if let Some(rest) = line.strip_prefix("Serving the site at ") {
            break rest.split_whitespace().next().expect("a URL").to_string();
        }
    };
    let first_build = started.elapsed();
    let path = url
        .split_once("://")
        .and_then(|(_, r)| r.split_once('/'))
        .map(|(_, p)| format!("/{p}"))
        .expect("a path");

    let mut events = TcpStream::connect(("127.0.0.1", port)).expect("connect");
    write!(
        events,
        "GET {path}__vigil/events HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n"
    )
    .expect("ask for events");
    let (event_tx, event_rx) = mpsc::channel::<Instant>();
    std::thread::spawn(move || {
        let mut buf = [0u8; 4096];
        while let Ok(n) = events.read(&mut buf) {
            if n == 0 {
                break;
            }
            if String::from_utf8_lossy(&buf[..n]).contains("event: reload") {
                let _ = event_tx.send(Instant::now());
            }
        }
    });
    std::thread::sleep(Duration::from_millis(300));

    let profile = first_profile(&root);
    let original = std::fs::read_to_string(&profile).expect("read the profile");
    let arrested = original
        .lines()
        .find_map(|l| l.strip_prefix("arrested: "))
        .expect("an arrest date")
        .to_string();
    let (year, rest) = arrested.split_once('-').expect("a year");
    let (month, day) = rest.split_once('-').expect("a day");
    let day: u8 = day.parse().expect("a day");
    let year: i32 = year.parse().expect("a year");
    let other_day = format!(
        "{year}-{month}-{:02}",
        if day < 28 { day + 1 } else { day - 1 }
    );
    let other_year = format!("{}-{month}-{day:02}", year - 1);
    let line = |date: &str| {
        original.replace(
            &format!("arrested: {arrested}"),
            &format!("arrested: {date}"),
        )
    };
    // Another status, whose listing (like the one left) has others in it in the corpus.
    let status = original
        .lines()
        .find_map(|l| l.strip_prefix("status: "))
        .expect("a status")
        .to_string();
    let other_status = if status == "released" {
        "sentenced"
    } else {
        "released"
    };
    // A new name that moves the person from the front of the order (the first in name order) to
    // the end: every list that shows them, the open data, in another order.
    let name = original
        .lines()
        .find_map(|l| l.strip_prefix("name: "))
        .expect("a name")
        .to_string();
    let profession = original
        .lines()
        .find_map(|l| l.strip_prefix("profession: "))
        .expect("a profession")
        .to_string();
    let edits = [
        ("a word in the biography", format!("{original}\nEdited.\n")),
        ("the arrest day (same month)", line(&other_day)),
        ("the arrest year", line(&other_year)),
        (
            "the status (to another listing)",
            original.replace(
                &format!("status: {status}"),
                &format!("status: {other_status}"),
            ),
        ),
        (
            "the profession (to one nobody has: a listing appears, then goes)",
            original.replace(
                &format!("profession: {profession}"),
                &format!("profession: {NOBODY}"),
            ),
        ),
        (
            "the name (to the end of the order)",
            original.replace(&format!("name: {name}"), &format!("name: Zz {name}")),
        ),
    ];
    println!(
        "serve: first build {:.0} ms",
        first_build.as_secs_f64() * 1000.0
    );
    for (what, edited) in edits {
        let mut announced = Vec::new();
        let mut rebuilt = Vec::new();
        let mut rendered = String::new();
        for run in 0..runs {
            while lines.try_recv().is_ok() {}
            while event_rx.try_recv().is_ok() {}
            let text = if run % 2 == 0 { &edited } else { &original };
            let t0 = Instant::now();
            std::fs::write(&profile, text).expect("save the profile");
            let at = event_rx
                .recv_timeout(Duration::from_secs(60))
                .expect("a reload event");
            announced.push(at - t0);
            let line = loop {
                let l = lines
                    .recv_timeout(Duration::from_secs(10))
                    .expect("the rebuild line");
                if l.starts_with("Rebuilt") {
                    break l;
                }
            };
            let ms: f64 = line
                .rsplit_once(" in ")
                .and_then(|(_, r)| r.split_whitespace().next())
                .and_then(|x| x.parse().ok())
                .expect("milliseconds");
            rebuilt.push(Duration::from_secs_f64(ms / 1000.0));
            rendered = line
                .split(" in ")
                .next()
                .unwrap_or("")
                .trim_start_matches("Rebuilt ")
                .to_string();
            std::thread::sleep(Duration::from_millis(200));
        }
        println!(
            "serve: {what}: {rendered} re-rendered, rebuild {:.0} ms, save -> reload event {:.0} ms (medians of {runs})",
            median(rebuilt),
            median(announced)
        );
    }
    std::fs::write(&profile, original).expect("restore the profile");
    std::fs::write(&professions, listed).expect("restore the professions");
    let _ = child.kill();
    let _ = child.wait();
}

/// The id of the profession the bench adds, which nobody has.
const NOBODY: &str = "profession-nobody-has";

fn median(mut v: Vec<Duration>) -> f64 {
    v.sort();
    v[v.len() / 2].as_secs_f64() * 1000.0
}

/// The first profile in name order that is not a translation.
fn first_profile(root: &std::path::Path) -> PathBuf {
    let mut names: Vec<PathBuf> = std::fs::read_dir(root.join("profiles"))
        .expect("profiles/")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            let n = p.file_name().unwrap_or_default().to_string_lossy();
            n.ends_with(".md") && n.matches('.').count() == 1
        })
        .collect();
    names.sort();
    names.into_iter().next().expect("a profile")
}
