//! The test harness: a small campaign site written into a temporary folder, the real `vigil` binary
//! run over it, and helpers to read what it wrote.
//!
//! Every fixture site carries the repository's own theme (`themes/default`), copied in, so the tests
//! exercise the templates and words that are published.

#![allow(dead_code)]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

/// 2024-01-11T00:00:00Z: the build date of every fixture build unless a test says otherwise.
pub const EPOCH: &str = "1704931200";

/// A 1x1 PNG: a real image, so the builder's content check accepts it.
pub const PNG: &[u8] = &[
    0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52,
    0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1F, 0x15, 0xC4,
    0x89, 0x00, 0x00, 0x00, 0x0A, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9C, 0x63, 0x00, 0x01, 0x00, 0x00,
    0x05, 0x00, 0x01, 0x0D, 0x0A, 0x2D, 0xB4, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4E, 0x44, 0xAE,
    0x42, 0x60, 0x82,
];

/// The standard fixture: two languages, five people (one draft, one hiding fields, one without a
/// translation, one released), three statements (one draft), three organisations, pages and a file.
pub const FIXTURE: &[(&str, &str)] = &[
    (
        "site.yaml",
        "\
title:
  en: Free the Fixture Five
  az: Fikstur beşliyinə azadlıq
description:
  en: A campaign that exists only in tests.
  az: Yalnız testlərdə mövcud olan kampaniya.
base_url: https://example.org/sub/path/
languages: [en, az]
theme: default
",
    ),
    (
        "content/organisations.yaml",
        "\
org-alpha:
  name: Alpha Watch
  country: NO
  url: https://alpha.example/
org-beta:
  name:
    en: Beta Rights Centre
    az: Beta Hüquq Mərkəzi
  country: AZ
org-gamma:
  name: Gamma Newsroom
",
    ),
    (
        "content/charges.yaml",
        "\
hooliganism:
  article: \"221.3\"
  text:
    en: Hooliganism with a weapon
    az: Silahla xuliqanlıq
smuggling:
  article: \"206.3.2\"
  text: Smuggling by a group
",
    ),
    (
        "content/prisons.yaml",
        "\
pretrial-one:
  name: Pre-trial Centre One
  address: |
    1 Prison Street
    Baku
zyxwv-colony:
  name: Zyxwv Colony
  address: Qwerty Road 77
",
    ),
    (
        "content/cases.yaml",
        "\
gamma-case:
  name:
    en: Gamma Newsroom case
    az: Gamma işi
",
    ),
    (
        "content/professions.yaml",
        "\
journalist:
  name:
    en: Journalist
    az: Jurnalist
lawyer:
  name: Lawyer
",
    ),
    (
        "profiles/alice-aliyeva.md",
        "\
---
name: Alice Aliyeva
status: detained
arrested: 2024-01-01
born: 1985-07-14
gender: female
photo: photos/alice.png
photo_alt: Alice Aliyeva at a press conference
profession: journalist
organisation: org-gamma
case: gamma-case
charges: [smuggling, hooliganism]
prison: pretrial-one
summary: Reporter held for her work at Gamma Newsroom.
aliases: [alisa-aliyeva]
---
Alice reported for [Gamma](/organisations/org-gamma/) for ten years.

Read [how to help](/about/) and [the leaflet](/files/leaflet.pdf).
",
    ),
    (
        "profiles/alice-aliyeva.az.md",
        "\
---
name: Alisa Əliyeva
summary: Gamma Newsroom-dakı işinə görə həbs edilən müxbir.
photo_alt: Alisa Əliyeva mətbuat konfransında
---
Alisa on il [Gamma](/organisations/org-gamma/) üçün yazıb.
",
    ),
    (
        "profiles/bob-bakirov.md",
        "\
---
name: Bob Bakirov
status: sentenced
arrested: 2023-04
sentence: 6 years
profession: journalist
case: gamma-case
charges: [hooliganism]
summary: Camera operator sentenced with his colleagues.
---
Bob filmed the protests of spring 2023 for [Gamma](/organisations/org-gamma/).
",
    ),
    (
        "profiles/carol-karimova.md",
        "\
---
name: Carol Karimova
status: detained
arrested: 2023-12-01
born: 1971-03-09
prison: zyxwv-colony
profession: lawyer
hide: [born, prison]
---
Carol defended journalists in court.
",
    ),
    (
        "profiles/carol-karimova.az.md",
        "\
---
name: Karol Kərimova
---
Karol məhkəmədə jurnalistləri müdafiə edirdi.
",
    ),
    (
        "profiles/dan-davudov.md",
        "\
---
name: Dan Davudov
status: released
arrested: 2023-01-10
released: 2023-03-01
---
Dan was released after seven weeks.
",
    ),
    (
        "profiles/dan-davudov.az.md",
        "\
---
name: Dan Davudov
---
Dan yeddi həftədən sonra azad edildi.
",
    ),
    (
        "profiles/drafty-draftov.md",
        "\
---
name: Drafty Draftov
status: detained
arrested: 2023-06-01
draft: true
---
Not ready to publish.
",
    ),
    (
        "profiles/drafty-draftov.az.md",
        "\
---
name: Drafty Draftov
---
Hələ hazır deyil.
",
    ),
    (
        "content/statements/first-appeal.yaml",
        "\
title:
  en: Release Alice Aliyeva
  az: Alisa Əliyevanı azad edin
date: 2024-01-05
source: https://alpha.example/appeal
signatories: [org-alpha, org-beta]
profiles: [alice-aliyeva, bob-bakirov]
body:
  en: |
    We call for the release of [Alice Aliyeva](/people/alice-aliyeva/).
  az: |
    [Alisa Əliyeva](/people/alice-aliyeva/) azad edilməlidir.
",
    ),
    (
        "content/statements/second-appeal.yaml",
        "\
title:
  en: Free the Gamma Newsroom
date: 2023-12
signatories: [org-alpha]
profiles: [bob-bakirov]
body:
  en: The journalists of Gamma Newsroom must go free.
",
    ),
    (
        "content/statements/draft-appeal.yaml",
        "\
title: Secret Draft Appeal
date: 2024-01-02
signatories: [org-beta]
profiles: [alice-aliyeva]
body: Not yet agreed.
draft: true
",
    ),
    (
        "content/about.md",
        "\
---
title: About this campaign
description: Who we are.
menu: 1
---
We campaign for [Alice Aliyeva](/people/alice-aliyeva/) and others.
",
    ),
    (
        "content/about.az.md",
        "\
---
title: Kampaniya haqqında
---
Biz [Alisa Əliyeva](/people/alice-aliyeva/) üçün kampaniya aparırıq.
",
    ),
    (
        "content/help/letters.md",
        "\
---
title: Writing letters
---
Write to the [people](/people/) on this site.
",
    ),
    (
        "content/plans.md",
        "\
---
title: Unpublished Plans
draft: true
---
Internal.
",
    ),
    ("content/files/leaflet.pdf", "%PDF-1.4 not really a pdf\n"),
];

/// A campaign folder in a temporary directory.
pub struct Site {
    dir: tempfile::TempDir,
}

impl Site {
    /// The standard fixture, with the repository's theme.
    pub fn new() -> Site {
        let site = Site::with_files(FIXTURE);
        site.write("profiles/photos/alice.png", PNG);
        site
    }

    /// A site made of exactly `files` (plus the theme).
    pub fn with_files(files: &[(&str, &str)]) -> Site {
        let dir = tempfile::Builder::new()
            .prefix("vigil-test-")
            .tempdir()
            .expect("temp dir");
        let site = Site { dir };
        copy_dir(
            &Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default"),
            &site.path("themes/default"),
        );
        for (rel, content) in files {
            site.write(rel, content);
        }
        site
    }

    pub fn root(&self) -> &Path {
        self.dir.path()
    }

    pub fn path(&self, rel: &str) -> PathBuf {
        self.root().join(rel)
    }

    /// The default output folder.
    pub fn public(&self) -> PathBuf {
        self.path("public")
    }

    pub fn write(&self, rel: &str, content: impl AsRef<[u8]>) -> &Self {
        let path = self.path(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, content).unwrap();
        self
    }

    pub fn read(&self, rel: &str) -> String {
        std::fs::read_to_string(self.path(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
    }

    pub fn remove(&self, rel: &str) -> &Self {
        std::fs::remove_file(self.path(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"));
        self
    }

    /// Replaces the one occurrence of `from` in a file by `to`.
    pub fn edit(&self, rel: &str, from: &str, to: &str) -> &Self {
        let text = self.read(rel);
        assert_eq!(
            text.matches(from).count(),
            1,
            "{rel} should contain `{from}` exactly once:\n{text}"
        );
        self.write(rel, text.replacen(from, to, 1))
    }

    /// Runs `vigil <args> --root <site>` with the fixture's build date.
    pub fn vigil(&self, args: &[&str]) -> Run {
        self.vigil_at(EPOCH, args)
    }

    /// Runs `vigil <args> --root <site>` with `SOURCE_DATE_EPOCH=epoch`.
    pub fn vigil_at(&self, epoch: &str, args: &[&str]) -> Run {
        let mut all: Vec<&str> = args.to_vec();
        let root = self.root().to_str().unwrap().to_string();
        all.extend(["--root", &root]);
        run(&all, Some(epoch), Some(self.root()))
    }

    /// `vigil build` with extra arguments; the build must succeed. Returns the run.
    pub fn build_ok(&self, extra: &[&str]) -> Run {
        let mut args = vec!["build"];
        args.extend(extra);
        let r = self.vigil(&args);
        r.assert_ok();
        r
    }

    /// `vigil build` into `public/`; returns the output folder.
    pub fn built(&self) -> PathBuf {
        self.build_ok(&[]);
        self.public()
    }
}

/// Runs the `vigil` binary with `args`, as a volunteer would.
pub fn run(args: &[&str], epoch: Option<&str>, cwd: Option<&Path>) -> Run {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_vigil"));
    cmd.args(args);
    cmd.env_remove("SOURCE_DATE_EPOCH");
    if let Some(e) = epoch {
        cmd.env("SOURCE_DATE_EPOCH", e);
    }
    if let Some(d) = cwd {
        cmd.current_dir(d);
    }
    let out = cmd.output().expect("run vigil");
    Run {
        args: args.iter().map(|s| s.to_string()).collect(),
        code: out.status.code(),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// What one run of the binary did.
pub struct Run {
    pub args: Vec<String>,
    pub code: Option<i32>,
    pub stdout: String,
    pub stderr: String,
}

impl std::fmt::Debug for Run {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "vigil {:?} exited {:?}\n--- stdout\n{}--- stderr\n{}",
            self.args, self.code, self.stdout, self.stderr
        )
    }
}

impl Run {
    pub fn assert_ok(&self) {
        assert_eq!(self.code, Some(0), "expected success: {self:?}");
        assert!(
            !self.stderr.contains("error:"),
            "a successful run printed an error: {self:?}"
        );
    }

    pub fn assert_code(&self, code: i32) {
        assert_eq!(
            self.code,
            Some(code),
            "expected exit status {code}: {self:?}"
        );
    }

    /// Every diagnostic printed, parsed.
    pub fn diagnostics(&self) -> Vec<Diag> {
        parse_diagnostics(&self.stderr)
    }

    pub fn errors(&self) -> Vec<Diag> {
        self.diagnostics()
            .into_iter()
            .filter(|d| d.severity == "error")
            .collect()
    }

    /// The one error printed at `location` (`file:line:col`, or just `file`).
    pub fn error_at(&self, location: &str) -> Diag {
        let found: Vec<Diag> = self
            .errors()
            .into_iter()
            .filter(|d| d.location == location)
            .collect();
        assert_eq!(
            found.len(),
            1,
            "expected exactly one error at `{location}`: {self:?}"
        );
        found.into_iter().next().unwrap()
    }
}

/// One diagnostic as printed: `error: <location>: <message>`, the source line, caret and hint.
#[derive(Debug, Clone)]
pub struct Diag {
    pub severity: String,
    pub location: String,
    pub file: String,
    pub line: usize,
    pub col: usize,
    pub message: String,
    /// The source line as shown (after ` N | `) and the column of the caret under it (1-based).
    pub source: Option<(String, usize)>,
    pub hint: Option<String>,
}

fn parse_diagnostics(stderr: &str) -> Vec<Diag> {
    let mut out: Vec<Diag> = Vec::new();
    let mut lines = stderr.lines().peekable();
    while let Some(l) = lines.next() {
        let Some((severity, rest)) = l
            .strip_prefix("error: ")
            .map(|r| ("error", r))
            .or_else(|| l.strip_prefix("warning: ").map(|r| ("warning", r)))
        else {
            continue;
        };
        // `<file>[:<line>:<col>]: <message>`; file names in fixtures never hold ": ".
        let Some((location, message)) = rest.split_once(": ") else {
            continue;
        };
        let parts: Vec<&str> = location.rsplitn(3, ':').collect();
        let (file, line, col) = match parts.as_slice() {
            [c, l, f] if c.parse::<usize>().is_ok() && l.parse::<usize>().is_ok() => {
                (f.to_string(), l.parse().unwrap(), c.parse().unwrap())
            }
            _ => (location.to_string(), 0, 0),
        };
        let mut d = Diag {
            severity: severity.into(),
            location: location.into(),
            file,
            line,
            col,
            message: message.into(),
            source: None,
            hint: None,
        };
        // The block that follows: `  |`, ` N | source`, `  | ^`, `  = help: ...`.
        let mut shown: Option<String> = None;
        while let Some(next) = lines.peek() {
            if next.starts_with("error: ") || next.starts_with("warning: ") {
                break;
            }
            let next = lines.next().unwrap();
            if let Some(h) = next.trim_start().strip_prefix("= help: ") {
                d.hint = Some(h.to_string());
            } else if let Some((gutter, text)) = next.split_once(" | ") {
                if gutter.trim().parse::<usize>().is_ok() {
                    shown = Some(text.to_string());
                } else if let (Some(src), Some(caret)) = (shown.clone(), text.find('^')) {
                    d.source = Some((src, text[..caret].chars().count() + 1));
                }
            } else if let Some(gutter) = next.strip_suffix(" |") {
                // ` N |` followed by nothing: an empty source line.
                if gutter.trim().parse::<usize>().is_ok() {
                    shown = Some(String::new());
                }
            }
        }
        out.push(d);
    }
    out
}

/// Copies a folder tree.
pub fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// Every file under `dir`, by path relative to it (with `/`), with its bytes.
pub fn snapshot(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut out = BTreeMap::new();
    fn walk(base: &Path, dir: &Path, out: &mut BTreeMap<String, Vec<u8>>) {
        let mut entries: Vec<_> = std::fs::read_dir(dir)
            .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
            .map(|e| e.unwrap())
            .collect();
        entries.sort_by_key(|e| e.file_name());
        for e in entries {
            let path = e.path();
            if e.file_type().unwrap().is_dir() {
                walk(base, &path, out);
            } else {
                let rel = path
                    .strip_prefix(base)
                    .unwrap()
                    .to_string_lossy()
                    .replace('\\', "/");
                out.insert(rel, std::fs::read(&path).unwrap());
            }
        }
    }
    walk(dir, dir, &mut out);
    out
}

/// Asserts two snapshots hold the same files with the same bytes, naming the first difference.
pub fn assert_same_files(a: &BTreeMap<String, Vec<u8>>, b: &BTreeMap<String, Vec<u8>>) {
    let names_a: Vec<&String> = a.keys().collect();
    let names_b: Vec<&String> = b.keys().collect();
    assert_eq!(names_a, names_b, "the two trees hold different files");
    for (name, bytes) in a {
        assert!(
            *bytes == b[name],
            "{name} differs:\n{}\n---\n{}",
            String::from_utf8_lossy(bytes),
            String::from_utf8_lossy(&b[name])
        );
    }
}

/// A built page as text.
pub fn page(out: &Path, rel: &str) -> String {
    std::fs::read_to_string(out.join(rel)).unwrap_or_else(|e| panic!("{rel} was not built ({e})"))
}

/// Every `.html` file under `out`, relative, sorted.
pub fn html_files(out: &Path) -> Vec<String> {
    snapshot(out)
        .into_keys()
        .filter(|k| k.ends_with(".html"))
        .collect()
}

/// One tag of an HTML document: its name and attributes (values with entities decoded).
#[derive(Debug, Clone)]
pub struct Tag {
    pub name: String,
    pub attrs: Vec<(String, String)>,
}

impl Tag {
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }
}

/// A piece of markup: a start tag (with where it starts and ends in the text) or an end tag.
#[derive(Debug, Clone)]
pub enum Token {
    Open { tag: Tag, start: usize, end: usize },
    Close { name: String, start: usize },
}

/// The tags of an HTML document, read the way a browser would for minified output: attribute
/// values quoted with `"` or `'`, or unquoted up to white space or `>`.
pub fn tokens(html: &str) -> Vec<Token> {
    let mut out = Vec::new();
    let b = html.as_bytes();
    let mut i = 0;
    while let Some(off) = html[i..].find('<') {
        let tag_start = i + off;
        i = tag_start + 1;
        if html[i..].starts_with("!--") {
            i = html[i..].find("-->").map_or(b.len(), |e| i + e + 3);
            continue;
        }
        let closing = i < b.len() && b[i] == b'/';
        if closing {
            i += 1;
        }
        if i >= b.len() || !b[i].is_ascii_alphabetic() {
            continue;
        }
        let start = i;
        while i < b.len() && (b[i].is_ascii_alphanumeric() || b[i] == b'-') {
            i += 1;
        }
        let name = html[start..i].to_ascii_lowercase();
        if closing {
            i = html[i..].find('>').map_or(b.len(), |e| i + e + 1);
            out.push(Token::Close {
                name,
                start: tag_start,
            });
            continue;
        }
        let mut attrs = Vec::new();
        loop {
            while i < b.len() && (b[i].is_ascii_whitespace() || b[i] == b'/') {
                i += 1;
            }
            if i >= b.len() || b[i] == b'>' {
                break;
            }
            let an = i;
            while i < b.len() && !b[i].is_ascii_whitespace() && !matches!(b[i], b'=' | b'>') {
                i += 1;
            }
            let attr = html[an..i].to_ascii_lowercase();
            let mut value = String::new();
            if i < b.len() && b[i] == b'=' {
                i += 1;
                if i < b.len() && (b[i] == b'"' || b[i] == b'\'') {
                    let q = b[i] as char;
                    let vs = i + 1;
                    let ve = html[vs..].find(q).map_or(b.len(), |e| vs + e);
                    value = html[vs..ve].to_string();
                    i = (ve + 1).min(b.len());
                } else {
                    let vs = i;
                    while i < b.len() && !b[i].is_ascii_whitespace() && b[i] != b'>' {
                        i += 1;
                    }
                    value = html[vs..i].to_string();
                }
            }
            attrs.push((attr, decode(&value)));
        }
        i = (i + 1).min(b.len());
        let end = i;
        // The content of script and style is not markup.
        if name == "script" || name == "style" {
            let close = format!("</{name}");
            i = html[i..].find(&close).map_or(b.len(), |e| i + e);
        }
        out.push(Token::Open {
            tag: Tag { name, attrs },
            start: tag_start,
            end,
        });
    }
    out
}

/// The start tags of an HTML document.
pub fn tags(html: &str) -> Vec<Tag> {
    tokens(html)
        .into_iter()
        .filter_map(|t| match t {
            Token::Open { tag, .. } => Some(tag),
            Token::Close { .. } => None,
        })
        .collect()
}

const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
    "wbr",
];

/// The language a reader's browser gives the text at byte `at` of a page: the `lang` of the
/// nearest element around it that has one (`<html lang>` at the top).
pub fn lang_at(html: &str, at: usize) -> Option<String> {
    let mut stack: Vec<(String, Option<String>)> = Vec::new();
    for t in tokens(html) {
        match t {
            Token::Open { start, .. } | Token::Close { start, .. } if start >= at => break,
            Token::Open { tag, .. } => {
                if !VOID.contains(&tag.name.as_str()) {
                    let lang = tag.attr("lang").map(str::to_string);
                    stack.push((tag.name, lang));
                }
            }
            Token::Close { name, .. } => {
                if let Some(i) = stack.iter().rposition(|(n, _)| *n == name) {
                    stack.truncate(i);
                }
            }
        }
    }
    stack.into_iter().rev().find_map(|(_, l)| l)
}

/// The language of the text where `needle` first appears in the body of a page, as text (not in
/// an attribute). The page must contain it.
pub fn lang_of(html: &str, needle: &str) -> Option<String> {
    let body = html.find("<body").unwrap_or(0);
    let at = html[body..]
        .match_indices(needle)
        .map(|(i, _)| body + i)
        .find(|&i| html[..i].rfind('>') >= html[..i].rfind('<'))
        .unwrap_or_else(|| panic!("the page's text does not contain `{needle}`:\n{html}"));
    lang_at(html, at)
}

/// The text of every `<a>` of a page, with its `href`.
pub fn anchors(html: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let toks = tokens(html);
    for (k, t) in toks.iter().enumerate() {
        if let Token::Open { tag, end, .. } = t {
            if tag.name != "a" {
                continue;
            }
            let close = toks[k + 1..].iter().find_map(|t| match t {
                Token::Close { name, start } if name == "a" => Some(*start),
                _ => None,
            });
            let inner = &html[*end..close.unwrap_or(html.len())];
            out.push((tag.attr("href").unwrap_or("").to_string(), text(inner)));
        }
    }
    out
}

fn decode(s: &str) -> String {
    s.replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&#x27;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

/// Every `href` and `src` of a page (and the target of a `<meta http-equiv=refresh>`), in order.
pub fn urls(html: &str) -> Vec<String> {
    let mut out = Vec::new();
    for t in tags(html) {
        for (n, v) in &t.attrs {
            if n == "href" || n == "src" {
                out.push(v.clone());
            }
        }
        if t.name == "meta"
            && t.attr("http-equiv")
                .is_some_and(|h| h.eq_ignore_ascii_case("refresh"))
            && let Some(c) = t.attr("content")
            && let Some(i) = c.to_ascii_lowercase().find("url=")
        {
            out.push(c[i + 4..].trim().to_string());
        }
    }
    out
}

/// The output file a site-absolute link (`/sub/path/people/x/`) is served from, or `None` when it
/// is not under `base_path`. `x/` and `` are served as `x/index.html`.
pub fn resolve(out: &Path, base_path: &str, url: &str) -> Option<PathBuf> {
    let path = url.split(['#', '?']).next().unwrap();
    let rest = path.strip_prefix(base_path)?;
    let file = if rest.is_empty() || rest.ends_with('/') {
        format!("{rest}index.html")
    } else {
        rest.to_string()
    };
    Some(out.join(file))
}

/// Checks every page under `out` for links inside the site: each `href`/`src` that starts with `/`
/// (or with `origin`, for absolute links such as `canonical` and `hreflang`) must start with
/// `base_path` and lead to a file in the output. Links that are neither external nor site-absolute
/// (relative links) are reported too. Returns how many internal links were checked.
pub fn assert_internal_links_resolve(out: &Path, origin: &str, base_path: &str) -> usize {
    let mut problems = Vec::new();
    let mut checked = 0;
    for rel in html_files(out) {
        let html = page(out, &rel);
        for url in urls(&html) {
            let site_path = if let Some(p) = url.strip_prefix(origin).filter(|p| p.starts_with('/'))
            {
                p.to_string()
            } else if url.starts_with('/') && !url.starts_with("//") {
                url.clone()
            } else if url.starts_with('#')
                || url.starts_with("https://")
                || url.starts_with("http://")
                || url.starts_with("mailto:")
            {
                continue;
            } else {
                problems.push(format!("{rel}: relative link `{url}`"));
                continue;
            };
            checked += 1;
            match resolve(out, base_path, &site_path) {
                None => problems.push(format!("{rel}: `{url}` is not under {base_path}")),
                Some(f) if !f.is_file() => {
                    problems.push(format!("{rel}: `{url}` leads to no file ({})", f.display()))
                }
                Some(_) => {}
            }
        }
    }
    assert!(
        problems.is_empty(),
        "{} broken internal links:\n{}",
        problems.len(),
        problems.join("\n")
    );
    checked
}

/// The text of a page with tags removed and white space collapsed, for "does it say X" checks.
pub fn text(html: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => {
                in_tag = true;
                out.push(' ');
            }
            '>' => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    decode(&out)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// A top-level string of the theme's words for `lang` (`themes/default/i18n/<lang>.yaml`), read
/// from the repository so that tests follow the theme's wording.
pub fn theme_string(lang: &str, key: &str) -> String {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("themes/default/i18n/{lang}.yaml"));
    let yaml = std::fs::read_to_string(&path).unwrap();
    let line = yaml
        .lines()
        .find_map(|l| l.strip_prefix(&format!("{key}:")))
        .unwrap_or_else(|| panic!("{} has no `{key}`", path.display()))
        .trim();
    let unquoted = line
        .strip_prefix('"')
        .and_then(|l| l.strip_suffix('"'))
        .or_else(|| line.strip_prefix('\'').and_then(|l| l.strip_suffix('\'')))
        .unwrap_or(line);
    unquoted.to_string()
}

/// The names of the months in `lang`, from the theme.
pub fn theme_month(lang: &str, month: usize) -> String {
    let list = theme_string(lang, "months");
    let list = list.trim_start_matches('[').trim_end_matches(']');
    list.split(',').nth(month - 1).unwrap().trim().to_string()
}
