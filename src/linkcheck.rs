//! `vigil check --external`: links to other sites, fetched to see that they still lead somewhere.
//!
//! Never part of the default run (it needs the network and takes time). Hosts are checked in
//! parallel, each one's links one after another with a pause between, so no site is hammered.

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use crate::diag::{Diagnostic, Diagnostics};
use crate::load::{Doc, Loaded};
use crate::text::RawText;
use crate::validate::links::links;
use crate::yaml::Source;

pub struct Options {
    /// Hosts fetched at the same time.
    pub threads: usize,
    /// Pause between two requests to the same host.
    pub per_host: Duration,
    pub timeout: Duration,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            threads: 4,
            per_host: Duration::from_millis(1000),
            timeout: Duration::from_secs(20),
        }
    }
}

/// An external link and each place it is written.
struct Link {
    url: String,
    places: Vec<Diagnostic>,
}

/// Checks every external link of the loaded files; a dead link is an error, one that could not be
/// checked (a refusal, a server error, a time-out) a warning, since the fault may be passing.
pub fn check(loaded: &Loaded, opts: &Options) -> Diagnostics {
    let links = collect(loaded);
    let mut by_host: BTreeMap<String, Vec<&Link>> = BTreeMap::new();
    for l in &links {
        by_host.entry(host(&l.url).to_string()).or_default().push(l);
    }
    let hosts: Vec<Vec<&Link>> = by_host.into_values().collect();
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .timeout_global(Some(opts.timeout))
        .http_status_as_error(false)
        .user_agent("vigil link check")
        .build()
        .into();
    let next = AtomicUsize::new(0);
    let outcomes: Vec<(&Link, Outcome)> = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..opts.threads.clamp(1, hosts.len().max(1)))
            .map(|_| {
                scope.spawn(|| {
                    let mut done = Vec::new();
                    while let Some(group) = hosts.get(next.fetch_add(1, Ordering::Relaxed)) {
                        for (i, link) in group.iter().enumerate() {
                            if i > 0 {
                                std::thread::sleep(opts.per_host);
                            }
                            done.push((*link, fetch(&agent, &link.url)));
                        }
                    }
                    done
                })
            })
            .collect();
        workers
            .into_iter()
            .flat_map(|w| w.join().expect("a link-check thread panicked"))
            .collect()
    });
    let mut diags = Diagnostics::default();
    for (link, outcome) in outcomes {
        let (error, why) = match outcome {
            Outcome::Fine => continue,
            Outcome::Dead(why) => (true, why),
            Outcome::Unsure(why) => (false, why),
        };
        for place in &link.places {
            let mut d = place.clone();
            d.severity = if error {
                crate::diag::Severity::Error
            } else {
                crate::diag::Severity::Warning
            };
            d.message = format!("the link `{}` {why}", link.url);
            d.hint = Some(if error {
                "find the page's new address (a search for its title often does), or link to a copy in the Wayback Machine".into()
            } else {
                "open the link in a browser: if it works there, the site only refused an automatic check".into()
            });
            diags.push(d);
        }
    }
    diags
}

enum Outcome {
    Fine,
    Dead(String),
    Unsure(String),
}

fn fetch(agent: &ureq::Agent, url: &str) -> Outcome {
    let status = |r: Result<ureq::http::Response<ureq::Body>, ureq::Error>| {
        r.map(|resp| resp.status().as_u16())
    };
    // Many servers answer HEAD wrongly; ask again with GET before calling a link dead.
    let mut result = status(agent.head(url).call());
    if !matches!(result, Ok(200..=399)) {
        result = status(agent.get(url).call());
    }
    match result {
        Ok(200..=399) => Outcome::Fine,
        Ok(code @ (404 | 410)) => Outcome::Dead(format!("leads nowhere (HTTP {code})")),
        Ok(code) => Outcome::Unsure(format!("could not be checked (HTTP {code})")),
        Err(ureq::Error::HostNotFound) => {
            Outcome::Dead("leads to a host that does not exist".into())
        }
        Err(e) => Outcome::Unsure(format!("could not be checked: {e}")),
    }
}

fn host(url: &str) -> &str {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    rest.split(['/', '?', '#']).next().unwrap_or(rest)
}

fn external(url: &str) -> bool {
    url.starts_with("https://") || url.starts_with("http://")
}

/// Every external link with each place it is written, in file order.
fn collect(loaded: &Loaded) -> Vec<Link> {
    let mut found: BTreeMap<String, Vec<Diagnostic>> = BTreeMap::new();
    let mut add = |src: &Source, from_line: usize, url: &str| {
        if external(url) {
            let (line, col) = locate(&src.text, from_line, url);
            found
                .entry(url.to_string())
                .or_default()
                .push(src.warning(line, col, String::new()));
        }
    };
    fn bodies<T>(docs: &[Doc<T>]) -> impl Iterator<Item = (&Source, usize, &str)> {
        docs.iter().map(|d| (&d.src, d.body_line, &*d.body))
    }
    let statement_bodies = loaded.statements.iter().flat_map(|d| {
        let texts: Vec<&str> = match &d.front.body {
            RawText::One(body) => vec![body.as_str()],
            RawText::Many(map) => map.values().map(String::as_str).collect(),
        };
        texts.into_iter().map(move |t| (&d.src, 1, t))
    });
    for (src, line, body) in bodies(&loaded.profiles)
        .chain(bodies(&loaded.profile_translations))
        .chain(bodies(&loaded.pages))
        .chain(bodies(&loaded.page_translations))
        .chain(statement_bodies)
    {
        for link in links(body) {
            add(src, line, &link.dest);
        }
    }
    for d in &loaded.statements {
        if let Some(url) = &d.front.source {
            add(&d.src, 1, url);
        }
    }
    if let Some(orgs) = &loaded.organisations {
        for entry in orgs.front.values() {
            if let Some(url) = &entry.url {
                add(&orgs.src, 1, url);
            }
        }
    }
    found
        .into_iter()
        .map(|(url, places)| Link { url, places })
        .collect()
}

/// Line and column of `url` in `text`, searching from line `from` (1-based) on.
fn locate(text: &str, from: usize, url: &str) -> (usize, usize) {
    text.lines()
        .enumerate()
        .skip(from.saturating_sub(1))
        .find_map(|(i, l)| l.find(url).map(|c| (i + 1, l[..c].chars().count() + 1)))
        .unwrap_or((from.max(1), 1))
}
