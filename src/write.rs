//! Stage 5: files on disk. The build writes into a staging folder beside the output and swaps it
//! in whole at the end, so a failed or interrupted build never leaves a half-written site.

use std::path::{Path, PathBuf};

use crate::diag::Diagnostic;

/// Writes `content` at `rel` under `out`, creating folders as needed.
pub fn file(out: &Path, rel: &str, content: &[u8]) -> Result<(), Diagnostic> {
    let path = place(out, rel)?;
    std::fs::write(&path, content).map_err(|e| io_error(&path, e))
}

pub fn copy(src: &Path, out: &Path, rel: &str) -> Result<u64, Diagnostic> {
    let path = place(out, rel)?;
    std::fs::copy(src, &path).map_err(|e| io_error(src, e))
}

/// Puts a file of the build's cache (`.vigil-cache/`) at `rel` under `out`: a second name for the
/// same file where both are on one file system, a copy elsewhere. Copying the cards and photos of
/// 10,000 people was a tenth of a build's time. The cache never changes a file in place (it
/// writes beside and renames), so the published file keeps its bytes whatever the cache does next.
pub fn link(src: &Path, out: &Path, rel: &str) -> Result<u64, Diagnostic> {
    let path = place(out, rel)?;
    match std::fs::hard_link(src, &path) {
        Ok(()) => src
            .metadata()
            .map(|m| m.len())
            .map_err(|e| io_error(src, e)),
        Err(_) => std::fs::copy(src, &path).map_err(|e| io_error(src, e)),
    }
}

/// Where `rel` goes under `out`, its folders made.
fn place(out: &Path, rel: &str) -> Result<PathBuf, Diagnostic> {
    let path = out.join(rel);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).map_err(|e| io_error(&path, e))?;
    }
    Ok(path)
}

fn io_error(path: &Path, e: std::io::Error) -> Diagnostic {
    Diagnostic::error(path, format!("cannot write: {e}"))
}

/// A folder the build writes into; `commit` puts it in the output's place, dropping it uncommitted
/// removes it and leaves the output as it was.
pub struct Staging {
    pub dir: PathBuf,
    target: PathBuf,
    committed: bool,
}

impl Staging {
    pub fn new(target: &Path) -> std::io::Result<Staging> {
        let dir = sibling(target, "new");
        if dir.exists() {
            std::fs::remove_dir_all(&dir)?;
        }
        std::fs::create_dir_all(&dir)?;
        Ok(Staging {
            dir,
            target: target.to_path_buf(),
            committed: false,
        })
    }

    /// Puts the new site in place in one step where the system allows it, so that a reader (or a
    /// crash) sees either the whole old site or the whole new one, never a mix or nothing.
    pub fn commit(mut self) -> std::io::Result<()> {
        if self.target.exists() {
            exchange(&self.dir, &self.target)?;
            // The old site is now at the staging path; Drop removes it.
        } else {
            std::fs::rename(&self.dir, &self.target)?;
            self.committed = true;
        }
        Ok(())
    }
}

/// Swaps two folders atomically (Linux `renameat2` with `RENAME_EXCHANGE`).
#[cfg(target_os = "linux")]
fn exchange(a: &Path, b: &Path) -> std::io::Result<()> {
    use std::ffi::CString;
    use std::os::unix::ffi::OsStrExt;
    let a = CString::new(a.as_os_str().as_bytes())?;
    let b = CString::new(b.as_os_str().as_bytes())?;
    // SAFETY: both paths are valid NUL-terminated strings that outlive the call.
    let r = unsafe {
        libc::renameat2(
            libc::AT_FDCWD,
            a.as_ptr(),
            libc::AT_FDCWD,
            b.as_ptr(),
            libc::RENAME_EXCHANGE,
        )
    };
    if r == 0 {
        Ok(())
    } else {
        Err(std::io::Error::last_os_error())
    }
}

/// Elsewhere: two renames, with the old site kept aside until the new one is in place.
#[cfg(not(target_os = "linux"))]
fn exchange(new: &Path, target: &Path) -> std::io::Result<()> {
    let old = sibling(target, "old");
    if old.exists() {
        std::fs::remove_dir_all(&old)?;
    }
    std::fs::rename(target, &old)?;
    std::fs::rename(new, target)?;
    std::fs::rename(&old, new)
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.committed {
            let _ = std::fs::remove_dir_all(&self.dir);
        }
    }
}

/// `public` -> `.public.vigil-new`, in the same folder so that the final rename stays on one disk.
fn sibling(target: &Path, what: &str) -> PathBuf {
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "public".into());
    target.with_file_name(format!(".{name}.vigil-{what}"))
}
