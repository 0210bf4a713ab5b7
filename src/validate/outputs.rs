//! Two files must never write the same output path: the later would silently replace the earlier
//! (a photo's width over an image under content/, a file under content/ over a page).

use rustc_hash::{FxHashMap, FxHashSet};

use crate::diag::{Diagnostics, Location};

/// Who writes an output file: a file of the site (where it names it), or the builder itself.
pub enum Writer {
    At(Location),
    Builder(&'static str),
}

impl Writer {
    fn describe(&self) -> String {
        match self {
            Writer::At(l) => l.display(),
            Writer::Builder(what) => format!("the builder's own {what}"),
        }
    }
}

/// Reports each output path written from two different places, at both places. Returns every
/// output path (`Site::outputs`).
pub fn check(outputs: Vec<(String, Writer)>, diags: &mut Diagnostics) -> FxHashSet<String> {
    let mut first: FxHashMap<String, Writer> = FxHashMap::default();
    let mut reported = std::collections::HashSet::new();
    for (path, writer) in outputs {
        let Some(earlier) = first.get(&path) else {
            first.insert(path, writer);
            continue;
        };
        let same = match (earlier, &writer) {
            (Writer::At(a), Writer::At(b)) => a.file == b.file && a.line == b.line,
            (Writer::Builder(a), Writer::Builder(b)) => a == b,
            _ => false,
        };
        if same || !reported.insert(path.clone()) {
            continue;
        }
        for (this, other) in [(&writer, earlier), (earlier, &writer)] {
            if let Writer::At(at) = this {
                diags.push(
                    at.error(format!(
                        "this would write `{path}`, which {} writes too",
                        other.describe()
                    ))
                    .hint("rename one of the two files, so that each has its own address"),
                );
            }
        }
    }
    first.into_keys().collect()
}
