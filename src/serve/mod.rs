//! `vigil serve`: a preview of the site on this machine. Builds into memory, serves it under
//! `base_url`'s path, watches the campaign's files, rebuilds what a save changed, and reloads the
//! open page; a broken save shows its errors in the terminal and over the page, while the last good
//! build goes on being served.

mod deps;
mod http;
mod preview;

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc;
use std::time::Duration;

use notify_debouncer_mini::new_debouncer;
use notify_debouncer_mini::notify::RecursiveMode;

use crate::build;
use crate::config::Config;
use crate::diag::Diagnostics;

pub use preview::{Body, Built, Files, Preview};

pub struct Options {
    /// What to build; `base_url`, if set, gives the path to serve under (the host is this machine).
    pub build: build::Options,
    pub bind: String,
    pub port: u16,
}

/// Serves until the process is stopped. `Err` when it cannot start: no readable site.yaml, or the
/// address is taken.
pub fn run(opts: Options) -> Result<(), Diagnostics> {
    let mut build_opts = opts.build;
    let root = build_opts
        .root
        .canonicalize()
        .unwrap_or_else(|_| build_opts.root.clone());
    build_opts.root = root.clone();
    let config = Config::load(&root, build_opts.base_url.as_deref())?;
    let server = tiny_http::Server::http((opts.bind.as_str(), opts.port)).map_err(|e| {
        let mut d = Diagnostics::default();
        d.push(
            crate::diag::Diagnostic::error(
                "--port",
                format!("cannot listen on {}:{}: {e}", opts.bind, opts.port),
            )
            .hint("choose another port with --port, such as --port 1112"),
        );
        d
    })?;
    let addr = server
        .server_addr()
        .to_ip()
        .expect("a TCP listener has an IP address");
    let base_path = config.base_path.clone();
    let url = format!("http://{addr}{base_path}");
    build_opts.base_url = Some(url.clone());

    let shared = Arc::new(http::Shared::new(base_path));
    let mut preview = Preview::new(build_opts);
    report(preview.rebuild(), &shared, true);
    println!("Serving the site at {url} (press Ctrl-C to stop)");

    let server = Arc::new(server);
    {
        let shared = shared.clone();
        let server = server.clone();
        std::thread::spawn(move || {
            for request in server.incoming_requests() {
                let shared = shared.clone();
                // The event stream holds its connection open: each request has its own thread.
                std::thread::spawn(move || http::handle(request, &shared));
            }
        });
    }

    let (tx, rx) = mpsc::channel();
    let mut debouncer = new_debouncer(Duration::from_millis(150), tx).map_err(watch_error)?;
    for watched in ["profiles", "content", "themes", "site.yaml"] {
        let path = root.join(watched);
        if path.exists() {
            let mode = if path.is_dir() {
                RecursiveMode::Recursive
            } else {
                RecursiveMode::NonRecursive
            };
            debouncer
                .watcher()
                .watch(&path, mode)
                .map_err(watch_error)?;
        }
    }
    while let Ok(events) = rx.recv() {
        let mut any = false;
        let batches = std::iter::once(events).chain(rx.try_iter());
        for event in batches.flatten().flatten() {
            if let Some(rel) = relevant(&root, &event.path) {
                preview.changed(&rel);
                any = true;
            }
        }
        if any {
            report(preview.rebuild(), &shared, false);
        }
    }
    Ok(())
}

fn watch_error(e: notify_debouncer_mini::notify::Error) -> Diagnostics {
    let mut d = Diagnostics::default();
    d.push(crate::diag::Diagnostic::error(
        ".",
        format!("cannot watch the site's files for changes: {e}"),
    ));
    d
}

/// The path relative to the root of a file the site is made from; `None` for an editor's backup
/// or swap file, or anything hidden.
fn relevant(root: &Path, path: &Path) -> Option<PathBuf> {
    let rel = path.strip_prefix(root).ok()?;
    let hidden = rel
        .components()
        .any(|c| c.as_os_str().to_string_lossy().starts_with('.'));
    let name = rel.file_name()?.to_string_lossy();
    let scratch = name.ends_with('~') || name.ends_with(".swp") || name.ends_with(".swx");
    (!hidden && !scratch && !rel.as_os_str().is_empty()).then(|| rel.to_path_buf())
}

/// Tells the terminal and the open pages how a build went.
fn report(result: Result<Built, Vec<crate::diag::Diagnostic>>, shared: &http::Shared, first: bool) {
    match result {
        Ok(built) => {
            for w in &built.warnings {
                eprint!("{}", w.render());
            }
            let verb = if first { "Built" } else { "Rebuilt" };
            let others = built.total_warnings - built.warnings.len();
            let note = if others > 0 {
                format!(" ({others} other warnings: `vigil check` lists them)")
            } else {
                String::new()
            };
            println!(
                "{verb} {} of {} pages in {:.1} ms{note}",
                built.rendered,
                built.pages,
                built.took.as_secs_f64() * 1000.0
            );
            shared.publish(built.files);
        }
        Err(problems) => {
            for d in &problems {
                eprint!("{}", d.render());
            }
            let errors = problems
                .iter()
                .filter(|d| d.severity == crate::diag::Severity::Error)
                .count();
            println!("Build failed with {errors} errors: still serving the last good build");
            shared.fail(problems);
        }
    }
}
