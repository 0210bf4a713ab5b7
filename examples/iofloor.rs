//! The I/O floor of a build, for the benchmark (`bench/run`): the least any builder must do with the
//! same files. It reads every file under the site's folder and writes, into a fresh output folder,
//! the same files with the same sizes as a real build wrote (listed in a manifest), on every core.
//!
//!     find public -type f -printf '%s %P\n' > manifest
//!     iofloor --input SITE --manifest manifest --out DIR
//!
//! It knows nothing of vigil: no parsing, no templates, no minifying; only the reads, the folders and
//! the writes.

use std::io::Write as _;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

fn main() {
    let mut input = None;
    let mut manifest = None;
    let mut out = None;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let v = args.next().map(PathBuf::from);
        match a.as_str() {
            "--input" => input = v,
            "--manifest" => manifest = v,
            "--out" => out = v,
            _ => usage(),
        }
    }
    let (Some(input), Some(manifest), Some(out)) = (input, manifest, out) else {
        usage()
    };

    let mut inputs = Vec::new();
    walk(&input, &mut inputs);
    let read: u64 = inputs
        .par_iter()
        .map(|p| std::fs::read(p).expect("read an input").len() as u64)
        .sum();

    let manifest = std::fs::read_to_string(&manifest).expect("read the manifest");
    let files: Vec<(usize, &str)> = manifest
        .lines()
        .filter_map(|l| l.split_once(' '))
        .map(|(n, p)| (n.parse().expect("a size"), p))
        .collect();
    let biggest = files.iter().map(|f| f.0).max().unwrap_or(0);
    let buf = vec![b'x'; biggest];
    // Folders first, as a builder knows its addresses before it writes.
    let mut dirs: Vec<PathBuf> = files
        .iter()
        .filter_map(|(_, p)| Path::new(p).parent().map(|d| out.join(d)))
        .collect();
    dirs.sort();
    dirs.dedup();
    for d in &dirs {
        std::fs::create_dir_all(d).expect("create a folder");
    }
    let written: u64 = files
        .par_iter()
        .map(|&(n, p)| {
            let mut f = std::fs::File::create(out.join(p)).expect("create an output");
            f.write_all(&buf[..n]).expect("write an output");
            n as u64
        })
        .sum();
    println!(
        "read {} files ({read} bytes), wrote {} files ({written} bytes)",
        inputs.len(),
        files.len()
    );
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("read a folder").flatten() {
        let path = entry.path();
        match entry.file_type() {
            Ok(t) if t.is_dir() => walk(&path, out),
            Ok(t) if t.is_file() => out.push(path),
            _ => {}
        }
    }
}

fn usage() -> ! {
    eprintln!("usage: iofloor --input SITE --manifest FILE --out DIR");
    std::process::exit(2)
}
