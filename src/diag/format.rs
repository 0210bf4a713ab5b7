//! The three renderings of a list of diagnostics: for people (source line and caret), for GitHub
//! Actions (annotations that appear on the changed line of a pull request), and JSON for tools.

use serde::Serialize;

use super::{Diagnostic, Severity};

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Human,
    Github,
    Json,
}

/// Every diagnostic in `format`, ready to print.
pub fn render(diags: &[Diagnostic], format: Format) -> String {
    match format {
        Format::Human => human(diags),
        Format::Github => diags.iter().map(github).collect(),
        Format::Json => json(diags),
    }
}

/// Each error in full; a warning that many files share (no photo yet) once, with the list of
/// places, so that the errors are not lost among them.
fn human(diags: &[Diagnostic]) -> String {
    const SHOWN_IN_FULL: usize = 3;
    let same = |a: &Diagnostic, b: &Diagnostic| {
        a.severity == Severity::Warning
            && b.severity == a.severity
            && a.message == b.message
            && a.hint == b.hint
    };
    let mut out = String::new();
    let mut done = vec![false; diags.len()];
    for (i, d) in diags.iter().enumerate() {
        if done[i] {
            continue;
        }
        let group: Vec<usize> = (i..diags.len())
            .filter(|&j| !done[j] && same(d, &diags[j]))
            .collect();
        if group.len() <= SHOWN_IN_FULL {
            out.push_str(&d.render());
            done[i] = true;
            continue;
        }
        out.push_str(&format!("warning: {} ({} files)\n", d.message, group.len()));
        for &j in &group {
            out.push_str(&format!("  {}\n", diags[j].location()));
            done[j] = true;
        }
        if let Some(hint) = &d.hint {
            out.push_str(&format!("  = help: {hint}\n"));
        }
    }
    out
}

/// `::error file=F,line=L,col=C::message`, as GitHub's workflow commands expect it: the hint goes on
/// a second line of the message, which the annotation shows.
pub fn github(d: &Diagnostic) -> String {
    let kind = match d.severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    };
    let file = d.file.to_string_lossy().replace('\\', "/");
    let mut props = format!("file={}", escape_property(&file));
    if d.line > 0 {
        props.push_str(&format!(",line={},col={}", d.line, d.col.max(1)));
    }
    let mut message = d.message.clone();
    if let Some(hint) = &d.hint {
        message.push_str("\nhelp: ");
        message.push_str(hint);
    }
    format!("::{kind} {props}::{}\n", escape_data(&message))
}

/// The message part of a workflow command: `%`, CR and LF are encoded.
pub fn escape_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// A property value: like the message, and `:` and `,` too, which separate properties.
pub fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

#[derive(Serialize)]
struct Json<'a> {
    errors: usize,
    warnings: usize,
    diagnostics: Vec<JsonDiagnostic<'a>>,
}

#[derive(Serialize)]
struct JsonDiagnostic<'a> {
    severity: &'static str,
    file: String,
    /// 0 when the problem concerns the file as a whole.
    line: usize,
    col: usize,
    message: &'a str,
    hint: Option<&'a str>,
    source_line: Option<&'a str>,
}

fn json(diags: &[Diagnostic]) -> String {
    let errors = diags
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .count();
    let doc = Json {
        errors,
        warnings: diags.len() - errors,
        diagnostics: diags
            .iter()
            .map(|d| JsonDiagnostic {
                severity: match d.severity {
                    Severity::Error => "error",
                    Severity::Warning => "warning",
                },
                file: d.file.to_string_lossy().replace('\\', "/"),
                line: d.line,
                col: d.col,
                message: &d.message,
                hint: d.hint.as_deref(),
                source_line: d.source_line.as_deref(),
            })
            .collect(),
    };
    let mut out = serde_json::to_string_pretty(&doc).expect("plain data serializes");
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn annotations_escape_per_github_rules() {
        let d = Diagnostic::error("profiles/a,b:c.md", "100% wrong\r\nreally")
            .at("x\ny\nzz", 3, 2)
            .hint("write `a: b`");
        assert_eq!(
            github(&d),
            "::error file=profiles/a%2Cb%3Ac.md,line=3,col=2::100%25 wrong%0D%0Areally%0Ahelp: write `a: b`\n"
        );
    }

    #[test]
    fn annotations_without_a_line_name_only_the_file() {
        let d = Diagnostic::warning("site.yaml", "a: b");
        assert_eq!(github(&d), "::warning file=site.yaml::a: b\n");
    }

    #[test]
    fn people_see_a_warning_shared_by_many_files_once() {
        let many: Vec<Diagnostic> = (0..5)
            .map(|i| Diagnostic::warning(format!("p{i}.md"), "no photo yet").at("a\nname: x", 2, 1))
            .chain([Diagnostic::error("z.md", "broken").at("bad", 1, 1)])
            .collect();
        let out = render(&many, Format::Human);
        assert_eq!(out.matches("no photo yet").count(), 1, "{out}");
        assert!(
            out.contains("(5 files)") && out.contains("  p4.md:2:1\n"),
            "{out}"
        );
        assert!(out.contains("error: z.md:1:1: broken"), "{out}");
    }

    #[test]
    fn json_counts_and_keeps_every_field() {
        let diags = [
            Diagnostic::error("a.md", "bad").at("one\ntwo", 2, 1),
            Diagnostic::warning("b.md", "meh").hint("fix it"),
        ];
        let v: serde_json::Value = serde_json::from_str(&render(&diags, Format::Json)).unwrap();
        assert_eq!(v["errors"], 1);
        assert_eq!(v["warnings"], 1);
        assert_eq!(v["diagnostics"][0]["line"], 2);
        assert_eq!(v["diagnostics"][0]["source_line"], "two");
        assert_eq!(v["diagnostics"][1]["hint"], "fix it");
        assert_eq!(v["diagnostics"][1]["severity"], "warning");
    }
}
