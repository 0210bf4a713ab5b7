//! `vigil serve`: a preview of the site on this machine. Builds into memory, serves it under
//! `base_url`'s path, watches the campaign's files, rebuilds what a save changed, and reloads the
//! open page; a broken save shows its errors in the terminal and over the page, while the last good
//! build goes on being served.

mod deps;
mod http;
mod preview;
mod splice;

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc::{self, Receiver};
use std::time::Duration;

use notify::event::{AccessKind, AccessMode, ModifyKind, RenameMode};
use notify::{EventKind, RecursiveMode, Watcher};

use crate::build;
use crate::config::Config;
use crate::diag::Diagnostics;

pub use preview::{Body, Built, Files, Preview, Update};

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
    let mut watcher = notify::recommended_watcher(tx).map_err(watch_error)?;
    for watched in ["profiles", "content", "themes", "site.yaml"] {
        let path = root.join(watched);
        if path.exists() {
            let mode = if path.is_dir() {
                RecursiveMode::Recursive
            } else {
                RecursiveMode::NonRecursive
            };
            watcher.watch(&path, mode).map_err(watch_error)?;
        }
    }
    while let Some(changed) = next_changes(&rx, &root) {
        for rel in &changed {
            preview.changed(rel);
        }
        report(preview.rebuild(), &shared, false);
    }
    Ok(())
}

/// Waits for a save, then for the editor to finish (a save is often several events: write, rename,
/// change of attributes) and returns the files that changed. Reads (the build's own) are no change.
fn next_changes(rx: &Receiver<notify::Result<notify::Event>>, root: &Path) -> Option<Vec<PathBuf>> {
    // An editor's events for one save come within a few milliseconds of each other; a save caught
    // half-written only shows an error until its last event, which rebuilds again. A save ends
    // with the file closed after writing or renamed into place: after that, a short wait is
    // enough for what comes with it (a change of attributes, a translation saved too).
    let quiet = Duration::from_millis(50);
    let after_save = Duration::from_millis(10);
    let mut changed: Vec<PathBuf> = Vec::new();
    let mut saved = false;
    loop {
        let event = if changed.is_empty() {
            rx.recv().ok()?
        } else {
            match rx.recv_timeout(if saved { after_save } else { quiet }) {
                Ok(e) => e,
                Err(mpsc::RecvTimeoutError::Timeout) => return Some(changed),
                Err(mpsc::RecvTimeoutError::Disconnected) => return None,
            }
        };
        let Ok(event) = event else { continue };
        let ends_save = matches!(
            event.kind,
            EventKind::Access(AccessKind::Close(AccessMode::Write))
                | EventKind::Modify(ModifyKind::Name(RenameMode::To | RenameMode::Both))
        );
        if matches!(event.kind, EventKind::Access(_)) && !ends_save {
            continue;
        }
        for rel in event.paths.iter().filter_map(|p| relevant(root, p)) {
            saved |= ends_save;
            if !changed.contains(&rel) {
                changed.push(rel);
            }
        }
    }
}

fn watch_error(e: notify::Error) -> Diagnostics {
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
                built.rendered.len(),
                built.pages,
                built.took.as_secs_f64() * 1000.0
            );
            match built.files {
                Update::All(files) => shared.publish(files),
                Update::Changed(changes) => shared.publish_changes(changes),
            }
        }
        Err(problems) => {
            // The errors; warnings stay for `vigil check`, so the errors are not lost among them.
            for d in problems
                .iter()
                .filter(|d| d.severity == crate::diag::Severity::Error)
            {
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
