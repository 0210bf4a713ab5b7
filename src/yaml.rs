//! Reading YAML into typed structs with errors a volunteer can act on.
//!
//! serde_yaml knows where a syntax error is, but the checks that come after parsing (an unknown id,
//! a release before an arrest) only know a field's name. `locate` finds that field again in the text.

use std::path::Path;

use serde::de::DeserializeOwned;

use crate::diag::{Diagnostic, suggest};

/// A file's text and where it is, so that any later check can point into it.
#[derive(Clone)]
pub struct Source {
    pub path: std::path::PathBuf,
    /// Shared: the preview keeps every file's text, and hands it to each rebuild without a copy.
    pub text: std::sync::Arc<String>,
    /// Lines before the YAML starts in `text` (1 for front matter after its `---` line).
    pub yaml_offset: usize,
}

impl Source {
    pub fn error(&self, line: usize, col: usize, message: impl Into<String>) -> Diagnostic {
        Diagnostic::error(&self.path, message).at(&self.text, line, col)
    }

    pub fn warning(&self, line: usize, col: usize, message: impl Into<String>) -> Diagnostic {
        Diagnostic::warning(&self.path, message).at(&self.text, line, col)
    }

    /// An error at the field reached through `keys` (each nested in the one before), or at the top
    /// of the YAML when it cannot be found.
    pub fn error_at(&self, keys: &[&str], message: impl Into<String>) -> Diagnostic {
        let (line, col) = locate(&self.text, self.yaml_offset, keys, None);
        self.error(line, col, message)
    }

    /// Like `error_at`, pointing at `value` inside the field (an id in a list, say).
    pub fn error_at_value(
        &self,
        keys: &[&str],
        value: &str,
        message: impl Into<String>,
    ) -> Diagnostic {
        let (line, col) = locate(&self.text, self.yaml_offset, keys, Some(value));
        self.error(line, col, message)
    }

    pub fn warning_at(&self, keys: &[&str], message: impl Into<String>) -> Diagnostic {
        let (line, col) = locate(&self.text, self.yaml_offset, keys, None);
        self.warning(line, col, message)
    }

    /// Parses the YAML part of the file (`yaml` is a slice of `text` starting at `yaml_offset`).
    pub fn parse<T: DeserializeOwned>(&self, yaml: &str) -> Result<T, Diagnostic> {
        serde_yaml::from_str(yaml).map_err(|e| self.yaml_error(&e))
    }

    fn yaml_error(&self, e: &serde_yaml::Error) -> Diagnostic {
        let (line, col) = e
            .location()
            .map(|l| (l.line() + self.yaml_offset, l.column()))
            .unwrap_or((self.yaml_offset + 1, 1));
        let full = e.to_string();
        // serde_yaml appends " at line L column C"; we show the location our own way.
        let mut message = match full.find(" at line ") {
            Some(i) => full[..i].to_string(),
            None => full.clone(),
        };
        // A construct left open (a quote never closed) is found at the end of the file, which is
        // not where the mistake is: libyaml adds where it began, ", while scanning ... at line L
        // column C". Point there.
        let mut at = (line, col);
        if let Some((context, l, c)) = full.split_once(", while ").and_then(|(_, ctx)| {
            let (what, pos) = ctx.split_once(" at line ")?;
            let (l, c) = pos.split_once(" column ")?;
            Some((
                what,
                l.trim().parse::<usize>().ok()?,
                c.trim().parse::<usize>().ok()?,
            ))
        }) {
            message = format!("{message} while {context}");
            at = (l + self.yaml_offset, c);
        }
        let hint = hint_for(&message);
        let (line, col) = refine_location(&self.text, at.0, at.1, &message);
        self.error(line, col, message).hint_opt(hint)
    }
}

/// serde reports an unknown field at the start of the mapping that holds it, and a duplicate one
/// at the start of the mapping too: point at the field (for a duplicate, at its second line).
fn refine_location(text: &str, line: usize, col: usize, message: &str) -> (usize, usize) {
    if let Some(field) = backticked(message, "duplicate field `") {
        let indent = |l: &str| l.len() - l.trim_start().len();
        let at = |l: &str| {
            l.trim_start()
                .trim_start_matches("- ")
                .starts_with(&format!("{field}:"))
        };
        let mut lines = text.lines().enumerate().skip(line.saturating_sub(1));
        if let Some((_, first)) = lines.by_ref().find(|(_, l)| at(l)) {
            let want = indent(first);
            if let Some((i, l)) = lines.find(|(_, l)| at(l) && indent(l) == want) {
                return (i + 1, indent(l) + 1);
            }
        }
    }
    if let Some(field) = backticked(message, "unknown field `") {
        for (i, l) in text.lines().enumerate().skip(line.saturating_sub(1)) {
            let t = l.trim_start().trim_start_matches("- ");
            if t.starts_with(&format!("{field}:")) {
                return (i + 1, l.len() - l.trim_start().len() + 1);
            }
        }
    }
    (line, col)
}

fn backticked<'a>(message: &'a str, after: &str) -> Option<&'a str> {
    let start = message.find(after)? + after.len();
    let end = message[start..].find('`')?;
    Some(&message[start..start + end])
}

/// "did you mean" for serde's unknown-field and unknown-variant messages, and plain advice for the
/// mistakes volunteers make most.
fn hint_for(message: &str) -> Option<String> {
    for prefix in ["unknown field `", "unknown variant `"] {
        if let Some(wrong) = backticked(message, prefix) {
            let expected: Vec<&str> = message
                .split("expected ")
                .nth(1)
                .map(|rest| rest.split('`').skip(1).step_by(2).collect())
                .unwrap_or_default();
            return suggest(wrong, expected.iter().copied()).or_else(|| {
                (!expected.is_empty()).then(|| format!("write one of: {}", expected.join(", ")))
            });
        }
    }
    if message.contains("found character that cannot start any token") || message.contains("tab") {
        return Some("indent with spaces, not tabs".into());
    }
    if message.contains("quoted scalar") {
        return Some("a text that opens a quote must close it with the same quote".into());
    }
    if message.contains("duplicate") {
        return Some("each field may appear only once: remove one of them".into());
    }
    if message.contains("mapping values are not allowed") {
        return Some("a text that contains `: ` must be put in quotes".into());
    }
    None
}

/// Line and column (1-based, in the whole file) of the field reached through `keys`, and of `value`
/// within it when given. Falls back to the deepest key found.
pub fn locate(
    text: &str,
    yaml_offset: usize,
    keys: &[&str],
    value: Option<&str>,
) -> (usize, usize) {
    let lines: Vec<&str> = text.lines().collect();
    let mut pos = (yaml_offset + 1, 1);
    let mut from = yaml_offset;
    let mut indent_floor = 0usize;
    for key in keys {
        let found = lines.iter().enumerate().skip(from).find(|(_, l)| {
            let indent = l.len() - l.trim_start().len();
            let t = l.trim_start().trim_start_matches("- ");
            indent >= indent_floor
                && (t.starts_with(&format!("{key}:"))
                    || t.starts_with(&format!("\"{key}\":"))
                    || t.starts_with(&format!("'{key}':")))
        });
        match found {
            Some((i, l)) => {
                let indent = l.len() - l.trim_start().len();
                pos = (i + 1, indent + 1);
                from = i;
                indent_floor = indent;
            }
            None => return pos,
        }
    }
    if let Some(value) = value {
        // The value is on the key's line (`charges: [a, b]`) or on a list line below it.
        for (i, l) in lines.iter().enumerate().skip(pos.0 - 1).take(64) {
            if i > pos.0 - 1 {
                let indent = l.len() - l.trim_start().len();
                if indent < pos.1 && !l.trim_start().starts_with("- ") && !l.trim().is_empty() {
                    break;
                }
            }
            if let Some(c) = find_token(l, value) {
                return (i + 1, c + 1);
            }
        }
    }
    pos
}

/// Byte column of `token` in `line` as a whole word (not inside a longer id).
fn find_token(line: &str, token: &str) -> Option<usize> {
    let is_id = |c: char| c.is_alphanumeric() || c == '-' || c == '_' || c == '.';
    let mut start = 0;
    while let Some(i) = line[start..].find(token) {
        let at = start + i;
        let before = line[..at].chars().next_back();
        let after = line[at + token.len()..].chars().next();
        if !before.is_some_and(is_id) && !after.is_some_and(is_id) {
            return Some(line[..at].chars().count());
        }
        start = at + token.len();
    }
    None
}

/// Reads a file as UTF-8 text, turning every way it can fail into a located error.
pub fn read_text(root: &Path, path: &Path) -> Result<String, Diagnostic> {
    use std::io::Read;
    let rel = crate::diag::rel(root, path);
    let cannot = |e: std::io::Error| Diagnostic::error(&rel, format!("cannot read the file: {e}"));
    // Opened once for both its size and its text: each look-up of a path walks its folders
    // again, and a site has tens of thousands of files.
    let file = std::fs::File::open(path).map_err(cannot)?;
    let size = file.metadata().map_err(cannot)?.len();
    if size > MAX_TEXT_BYTES {
        // Far beyond any biography or list: a pasted binary, a log or a generated file, which
        // would only make every build slow (or, as YAML, could be made to eat the memory).
        return Err(Diagnostic::error(
            &rel,
            format!(
                "the file is {:.1} MB, more than the {} MB a text file of the site may have",
                size as f64 / 1e6,
                MAX_TEXT_BYTES / 1_000_000
            ),
        )
        .hint("split it into several files, or keep it out of the site's folders"));
    }
    let mut bytes = Vec::with_capacity(size as usize);
    // As many bytes as its size said, without one more read to find the end (20,000 reads at
    // 10,000 people): a file that grows meanwhile is being saved, and read again by the next build.
    file.take(size).read_to_end(&mut bytes).map_err(cannot)?;
    // The standard check goes about a byte at a time through text that is not ASCII (most of an
    // Azerbaijani or Russian biography), and a check of the site reads every file: checked with
    // SIMD first, and again the standard way only to locate a mistake.
    let text = if simdutf8::basic::from_utf8(&bytes).is_ok() {
        // SAFETY: `bytes` were just found to be UTF-8.
        Ok(unsafe { String::from_utf8_unchecked(bytes) })
    } else {
        String::from_utf8(bytes)
    };
    let text = text.map_err(|e| {
        let valid = &e.as_bytes()[..e.utf8_error().valid_up_to()];
        let line = valid.iter().filter(|b| **b == b'\n').count() + 1;
        let col = valid.iter().rev().take_while(|b| **b != b'\n').count() + 1;
        Diagnostic::error(&rel, "the file is not UTF-8 text")
            .at(&String::from_utf8_lossy(e.as_bytes()), line, col)
            .hint("save the file with the UTF-8 encoding")
    })?;
    if text.starts_with('\u{feff}') {
        return Err(
            Diagnostic::error(&rel, "the file starts with a byte-order mark (BOM)")
                .at(&text, 1, 1)
                .hint("save the file as UTF-8 without BOM"),
        );
    }
    if let Some(at) = text.find('\r') {
        // Refused rather than quietly converted: a file with Windows line ends shows every line
        // as changed in the pull request that touches it, and `.gitattributes` keeps Git from
        // making one.
        let line = text[..at].matches('\n').count() + 1;
        let col = text[..at]
            .rsplit('\n')
            .next()
            .map_or(0, |l| l.chars().count())
            + 1;
        return Err(Diagnostic::error(
            &rel,
            "the file has Windows line ends (CR LF); the site's files end their lines with LF alone",
        )
        .at(&text, line, col)
        .hint("save the file with LF (Unix) line ends: most editors have a \"Line endings: LF\" setting"));
    }
    Ok(text)
}

/// The largest Markdown or YAML file the builder reads.
pub const MAX_TEXT_BYTES: u64 = 4_000_000;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locates_nested_keys_and_values() {
        let text = "a:\n  name: x\nb:\n  name: y\n  charges: [foo, bar]\n";
        assert_eq!(locate(text, 0, &["b", "name"], None), (4, 3));
        assert_eq!(locate(text, 0, &["b", "charges"], Some("bar")), (5, 18));
        let list = "charges:\n  - foo\n  - foo-bar\n";
        assert_eq!(locate(list, 0, &["charges"], Some("foo-bar")), (3, 5));
    }

    #[test]
    fn suggests_the_likely_field() {
        let m = "unknown field `arested`, expected one of `name`, `status`, `arrested`";
        assert_eq!(hint_for(m).unwrap(), "did you mean `arrested`?");
    }
}
