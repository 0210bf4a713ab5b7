//! What minifying alone costs, for the benchmark (`bench/run`): every page of a build minified again
//! with vigil's own settings (`vigil::write::minify`, minify-html), on every core, in memory. The
//! pages are read before the clock starts; only the minifying is timed.
//!
//!     minify_floor DIR
//!
//! Beside the I/O floor it shows how much of "build at most twice the floor" minify-html leaves to
//! everything else. The pages are minified already, so the time is a lower bound: a build minifies
//! its pages as rendered, some 10% more bytes.

use std::path::{Path, PathBuf};
use std::time::Instant;

use rayon::prelude::*;

// As in vigil: minify-html allocates much, and glibc's allocator halves it on two cores.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    let Some(dir) = std::env::args().nth(1).map(PathBuf::from) else {
        eprintln!("usage: minify_floor DIR");
        std::process::exit(2)
    };
    let mut files = Vec::new();
    walk(&dir, &mut files);
    let pages: Vec<Vec<u8>> = files
        .par_iter()
        .map(|p| std::fs::read(p).expect("read a page"))
        .collect();
    let bytes: usize = pages.iter().map(Vec::len).sum();
    let started = Instant::now();
    let out: usize = pages
        .par_iter()
        .map(|p| vigil::write::minify(p).len())
        .sum();
    let took = started.elapsed().as_secs_f64();
    println!(
        "{took:.3} {} {bytes} {out} {:.1}",
        pages.len(),
        bytes as f64 / took / 1e6 / rayon::current_num_threads() as f64
    );
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("read a folder").flatten() {
        let path = entry.path();
        if entry.file_type().is_ok_and(|t| t.is_dir()) {
            walk(&path, out);
        } else if path.extension().is_some_and(|e| e == "html") {
            out.push(path);
        }
    }
}
