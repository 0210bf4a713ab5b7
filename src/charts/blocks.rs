//! Finding the ```` ```chart ```` blocks of a Markdown text and reading each into a `Chart`.
//!
//! Blocks are found with the same Markdown parser the renderer uses, so the n-th block found here is
//! the n-th block the renderer replaces.

use std::collections::HashSet;

use pulldown_cmark::{CodeBlockKind, Event, Parser, Tag, TagEnd};

use crate::diag::Diagnostics;
use crate::yaml::Source;

use super::Chart;
use super::spec::{self, ChartSpec};

/// The info string that marks a chart.
pub const INFO: &str = "chart";

pub fn is_chart(kind: &CodeBlockKind) -> bool {
    matches!(kind, CodeBlockKind::Fenced(info) if info.split_whitespace().next() == Some(INFO))
}

/// Each chart block of `body`: (line of its first YAML line in the file, its YAML).
fn find(body: &str, body_line: usize) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    let mut current: Option<(usize, String)> = None;
    for (event, range) in Parser::new(body).into_offset_iter() {
        match event {
            Event::Start(Tag::CodeBlock(kind)) if is_chart(&kind) => {
                let fence_line = body_line + body[..range.start].matches('\n').count();
                current = Some((fence_line + 1, String::new()));
            }
            Event::Text(t) => {
                if let Some((_, yaml)) = current.as_mut() {
                    yaml.push_str(&t);
                }
            }
            Event::End(TagEnd::CodeBlock) => out.extend(current.take()),
            _ => {}
        }
    }
    out
}

/// Reads and checks every chart of one language's text of a page.
pub fn read(src: &Source, body: &str, body_line: usize, diags: &mut Diagnostics) -> Vec<Chart> {
    let mut charts: Vec<Chart> = Vec::new();
    let mut ids = HashSet::new();
    for (n, (line, yaml)) in find(body, body_line).into_iter().enumerate() {
        let block = Source {
            path: src.path.clone(),
            text: src.text.clone(),
            yaml_offset: line - 1,
        };
        if yaml.trim().is_empty() {
            diags.push(spec::empty_block(&block, line.saturating_sub(1)));
            continue;
        }
        let parsed: ChartSpec = match block.parse(&yaml) {
            Ok(s) => s,
            Err(d) => {
                diags.push(d);
                continue;
            }
        };
        if let Some(chart) = spec::check(parsed, &block, n + 1, diags) {
            if !ids.insert(chart.id.clone()) {
                diags.push(
                    block
                        .error_at(
                            &["id"],
                            format!("two charts of this page are called `{}`", chart.id),
                        )
                        .hint("give each chart its own `id`"),
                );
                continue;
            }
            charts.push(chart);
        }
    }
    charts
}

/// The `url:` values written in the chart blocks of `body`, with their byte offsets, so that links
/// to the site's own pages are checked like any link in the text.
pub fn links(body: &str) -> Vec<(String, usize)> {
    let mut out = Vec::new();
    for (event, range) in Parser::new(body).into_offset_iter() {
        let Event::Start(Tag::CodeBlock(kind)) = event else {
            continue;
        };
        if !is_chart(&kind) {
            continue;
        }
        let block = &body[range.clone()];
        for (i, _) in block.match_indices("url:") {
            let rest = &block[i + 4..];
            let value = rest.trim_start_matches([' ', '"', '\'']);
            let start = range.start + i + 4 + (rest.len() - value.len());
            let end = value
                .find([' ', ',', '}', '"', '\'', '\n'])
                .unwrap_or(value.len());
            if end > 0 {
                out.push((value[..end].to_string(), start));
            }
        }
    }
    out
}
