//! A build killed at any moment leaves `public/` wholly old or wholly new.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

fn walk(dir: &Path, base: &Path, out: &mut BTreeMap<PathBuf, Vec<u8>>) {
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let p = entry.path();
        if p.is_dir() {
            walk(&p, base, out);
        } else {
            out.insert(
                p.strip_prefix(base).unwrap().to_path_buf(),
                std::fs::read(&p).unwrap(),
            );
        }
    }
}

fn tree(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut out = BTreeMap::new();
    if dir.exists() {
        walk(dir, dir, &mut out);
    }
    out
}

fn vigil(root: &Path, out: &Path) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_vigil"));
    c.args(["build", "--root"])
        .arg(root)
        .arg("--output")
        .arg(out)
        .env("SOURCE_DATE_EPOCH", "1795478400");
    c
}

/// A site big enough that a build takes a while: `people` profiles in two languages.
fn write_site(root: &Path, title: &str, people: usize) {
    let theme = Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default");
    copy_dir(&theme, &root.join("themes/default"));
    std::fs::write(
        root.join("site.yaml"),
        format!("title: {title}\nbase_url: https://example.org/\nlanguages: [en, az]\n"),
    )
    .unwrap();
    std::fs::create_dir_all(root.join("profiles")).unwrap();
    let bio = "A paragraph about work that mattered, with **emphasis** and a [link](https://example.org/).\n\n".repeat(20);
    for i in 0..people {
        std::fs::write(
            root.join(format!("profiles/person-{i}.md")),
            format!("---\nname: Person {i}\nstatus: detained\narrested: 2024-01-01\n---\n{bio}"),
        )
        .unwrap();
        std::fs::write(
            root.join(format!("profiles/person-{i}.az.md")),
            format!("---\nname: Şəxs {i}\n---\n{bio}"),
        )
        .unwrap();
    }
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap().flatten() {
        let p = entry.path();
        if p.is_dir() {
            copy_dir(&p, &to.join(entry.file_name()))
        } else {
            std::fs::copy(&p, to.join(entry.file_name()))
                .map(|_| ())
                .unwrap()
        }
    }
}

#[test]
fn a_build_killed_at_any_moment_leaves_the_old_or_the_new_site() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("site");
    let public = dir.path().join("public");
    write_site(&root, "Old", 300);
    assert!(vigil(&root, &public).status().unwrap().success());
    let old = tree(&public);

    // What the new version looks like when built without interruption.
    write_site(&root, "New", 300);
    let reference = dir.path().join("reference");
    let started = Instant::now();
    assert!(vigil(&root, &reference).status().unwrap().success());
    let full = started.elapsed();
    let new = tree(&reference);
    assert_ne!(old, new);

    let mut outcomes = (0, 0);
    for step in 0..12u32 {
        let delay = full.mul_f64(f64::from(step) / 10.0) + Duration::from_millis(1);
        let mut child = vigil(&root, &public)
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(delay);
        let _ = child.kill();
        let _ = child.wait();
        let now = tree(&public);
        if now == old {
            outcomes.0 += 1;
        } else if now == new {
            outcomes.1 += 1;
            // Start the next round from the old site again.
            write_site(&root, "Old", 300);
            assert!(vigil(&root, &public).status().unwrap().success());
            assert_eq!(tree(&public), old);
            write_site(&root, "New", 300);
        } else {
            panic!(
                "after a kill {delay:?} into a build, public/ is neither the old nor the new site"
            );
        }
    }
    assert!(
        outcomes.0 > 0,
        "some builds were killed before they finished: {outcomes:?}"
    );
    // Whatever a killed build left beside public/ does not stop the next one.
    assert!(vigil(&root, &public).status().unwrap().success());
    assert_eq!(tree(&public), new);
}
