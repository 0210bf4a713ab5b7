//! The preview's HTTP side: the site under `base_url`'s path, and three reserved addresses under
//! `<base>__vigil/`: the reload script, its event stream (server-sent events), and the problems of
//! the latest build as JSON.

use std::io::Write;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::sync::{Arc, Mutex, RwLock};
use std::time::Duration;

use tiny_http::{Header, Request, Response, StatusCode};

use crate::diag::{self, Diagnostic, Format};

use super::preview::{Body, Files};

pub const RESERVED: &str = "__vigil/";
const LIVE_JS: &str = include_str!("live.js");

/// What the server shows now: the last good build, and the problems of the latest build when it
/// failed.
#[derive(Default, Clone)]
pub struct Snapshot {
    pub files: Files,
    pub problems: Vec<Diagnostic>,
}

/// Shared by the request threads and the rebuilding thread.
pub struct Shared {
    pub base_path: String,
    snapshot: RwLock<Arc<Snapshot>>,
    clients: Mutex<Vec<Sender<&'static str>>>,
}

impl Shared {
    pub fn new(base_path: String) -> Self {
        Shared {
            base_path,
            snapshot: RwLock::new(Arc::new(Snapshot::default())),
            clients: Mutex::new(Vec::new()),
        }
    }

    fn snapshot(&self) -> Arc<Snapshot> {
        self.snapshot.read().expect("snapshot lock").clone()
    }

    /// A good build: serve it, and tell every open page to reload.
    pub fn publish(&self, files: Files) {
        *self.snapshot.write().expect("snapshot lock") = Arc::new(Snapshot {
            files,
            problems: Vec::new(),
        });
        self.broadcast("reload");
    }

    /// A good build that changed a few files (`None`: gone): serve it, and tell every open page to
    /// reload. The files are changed in place, not copied, unless a request is reading them.
    pub fn publish_changes(&self, changes: Vec<(String, Option<Body>)>) {
        let mut lock = self.snapshot.write().expect("snapshot lock");
        let snapshot = Arc::make_mut(&mut lock);
        snapshot.problems.clear();
        for (path, body) in changes {
            match body {
                Some(b) => snapshot.files.insert(path, b),
                None => snapshot.files.remove(&path),
            };
        }
        drop(lock);
        self.broadcast("reload");
    }

    /// A failed build: keep serving the last good one, and tell open pages to show the problems.
    pub fn fail(&self, problems: Vec<Diagnostic>) {
        let mut lock = self.snapshot.write().expect("snapshot lock");
        Arc::make_mut(&mut lock).problems = problems;
        drop(lock);
        self.broadcast("problems");
    }

    fn broadcast(&self, event: &'static str) {
        let mut clients = self.clients.lock().expect("clients lock");
        clients.retain(|c| c.send(event).is_ok());
    }

    fn subscribe(&self) -> Receiver<&'static str> {
        let (tx, rx) = mpsc::channel();
        self.clients.lock().expect("clients lock").push(tx);
        rx
    }
}

pub fn handle(request: Request, shared: &Shared) {
    let url = request.url().to_string();
    let path = url.split(['?', '#']).next().unwrap_or("");
    let base = shared.base_path.as_str();
    let Some(rel) = path.strip_prefix(base) else {
        if format!("{path}/") == base {
            return redirect(request, base);
        }
        let body = format!(
            "<!doctype html><meta charset=utf-8><title>Not here</title><p>This preview serves the site at <a href=\"{base}\">{base}</a>.</p>"
        );
        let _ = request.respond(html(body.into_bytes(), 404));
        return;
    };
    let rel = percent_decode(rel);
    match rel.strip_prefix(RESERVED) {
        Some("live.js") => {
            let _ = request.respond(bytes(
                LIVE_JS.as_bytes().to_vec(),
                "text/javascript; charset=utf-8",
                200,
            ));
        }
        Some("events") => events(request, shared),
        Some("problems.json") => {
            let snapshot = shared.snapshot();
            let json = diag::render_all(&snapshot.problems, Format::Json);
            let _ = request.respond(bytes(json.into_bytes(), "application/json", 200));
        }
        _ => serve_file(request, shared, &rel),
    }
}

fn serve_file(request: Request, shared: &Shared, rel: &str) {
    let snapshot = shared.snapshot();
    let file = if rel.is_empty() || rel.ends_with('/') {
        format!("{rel}index.html")
    } else {
        rel.to_string()
    };
    if let Some(body) = snapshot.files.get(&file) {
        let Ok(content) = body.read() else {
            return not_found(request, shared, &snapshot);
        };
        return respond(request, shared, &file, content, 200);
    }
    // `/people/anar` for `/people/anar/`: browsers and people leave the slash out.
    if snapshot.files.contains_key(&format!("{file}/index.html")) {
        let to = format!("{}{file}/", shared.base_path);
        return redirect(request, &to);
    }
    not_found(request, shared, &snapshot)
}

fn not_found(request: Request, shared: &Shared, snapshot: &Snapshot) {
    let page = match snapshot.files.get("404.html") {
        Some(Body::Bytes(b)) => b.as_ref().clone(),
        _ => {
            b"<!doctype html><meta charset=utf-8><title>Not found</title><p>Not found.</p>".to_vec()
        }
    };
    respond(request, shared, "404.html", page, 404);
}

fn respond(request: Request, shared: &Shared, file: &str, content: Vec<u8>, status: u16) {
    let kind = content_type(file);
    let content = if kind.starts_with("text/html") {
        inject(content, &shared.base_path)
    } else {
        content
    };
    let _ = request.respond(bytes(content, kind, status));
}

/// The reload script, as an external file: pages keep working under a strict Content Security
/// Policy, and the published site never carries it.
fn inject(html: Vec<u8>, base: &str) -> Vec<u8> {
    let tag = format!("<script src=\"{base}{RESERVED}live.js\" defer></script>");
    let at = html
        .windows(7)
        .position(|w| w.eq_ignore_ascii_case(b"</head>"))
        .unwrap_or(html.len());
    let mut out = Vec::with_capacity(html.len() + tag.len());
    out.extend_from_slice(&html[..at]);
    out.extend_from_slice(tag.as_bytes());
    out.extend_from_slice(&html[at..]);
    out
}

/// The event stream, written straight to the connection so each event leaves at once.
fn events(request: Request, shared: &Shared) {
    let rx = shared.subscribe();
    let mut out = request.into_writer();
    let head = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n: vigil\n\n";
    if out
        .write_all(head.as_bytes())
        .and_then(|()| out.flush())
        .is_err()
    {
        return;
    }
    loop {
        let message = match rx.recv_timeout(Duration::from_secs(15)) {
            Ok(event) => format!("event: {event}\ndata: {event}\n\n"),
            // A comment now and then finds out when the page has gone away.
            Err(RecvTimeoutError::Timeout) => ": keep-alive\n\n".to_string(),
            Err(RecvTimeoutError::Disconnected) => return,
        };
        if out
            .write_all(message.as_bytes())
            .and_then(|()| out.flush())
            .is_err()
        {
            return;
        }
    }
}

fn redirect(request: Request, to: &str) {
    let response = Response::empty(StatusCode(302)).with_header(header("Location", to));
    let _ = request.respond(response);
}

fn html(body: Vec<u8>, status: u16) -> Response<std::io::Cursor<Vec<u8>>> {
    bytes(body, "text/html; charset=utf-8", status)
}

fn bytes(body: Vec<u8>, kind: &str, status: u16) -> Response<std::io::Cursor<Vec<u8>>> {
    Response::from_data(body)
        .with_status_code(StatusCode(status))
        .with_header(header("Content-Type", kind))
        .with_header(header("Cache-Control", "no-store"))
}

fn header(name: &str, value: &str) -> Header {
    Header::from_bytes(name.as_bytes(), value.as_bytes()).expect("a valid header")
}

fn content_type(file: &str) -> &'static str {
    let ext = file
        .rsplit_once('.')
        .map_or("", |(_, e)| e)
        .to_ascii_lowercase();
    match ext.as_str() {
        "html" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" => "text/javascript; charset=utf-8",
        "xml" => "application/xml",
        "json" => "application/json",
        "txt" => "text/plain; charset=utf-8",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "webp" => "image/webp",
        "avif" => "image/avif",
        "gif" => "image/gif",
        "ico" => "image/x-icon",
        "pdf" => "application/pdf",
        "woff2" => "font/woff2",
        "zip" => "application/zip",
        _ => "application/octet-stream",
    }
}

/// `%20` and the like in an address, as UTF-8; anything malformed is left as it is.
fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        let pair = (bytes[i] == b'%' && i + 2 < bytes.len())
            .then(|| (hex(bytes[i + 1]), hex(bytes[i + 2])));
        if let Some((Some(h), Some(l))) = pair {
            out.push((h * 16 + l) as u8);
            i += 3;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8(out).unwrap_or_else(|_| s.to_string())
}
