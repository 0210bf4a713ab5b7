//! One file per subcommand; here what they share: the build date and the closing report.

pub mod build;
pub mod check;
pub mod new;
pub mod serve;

use std::io::Write as _;
use std::process::ExitCode;
use std::time::Instant;

use vigil::build::Report;
use vigil::diag::{Diagnostic, Format};

/// Today, or the day `SOURCE_DATE_EPOCH` names, so that a build can be repeated byte for byte.
pub fn build_date() -> Result<time::Date, String> {
    match std::env::var("SOURCE_DATE_EPOCH") {
        Ok(s) => {
            let secs: i64 = s
                .trim()
                .parse()
                .map_err(|_| format!("SOURCE_DATE_EPOCH=`{s}` is not a number of seconds"))?;
            time::OffsetDateTime::from_unix_timestamp(secs)
                .map(|t| t.date())
                .map_err(|e| format!("SOURCE_DATE_EPOCH: {e}"))
        }
        Err(_) => Ok(time::OffsetDateTime::now_utc().date()),
    }
}

/// Prints problems: for people on stderr; annotations and JSON on stdout, where tools read them.
pub fn print_diagnostics(diagnostics: &[Diagnostic], format: Format) {
    let text = vigil::diag::render_all(diagnostics, format);
    if format == Format::Human {
        eprint!("{text}");
    } else {
        print!("{text}");
        let _ = std::io::stdout().flush();
    }
}

/// The closing line and the exit status. When stdout holds data (`--format json`, the translations
/// table) the closing line goes to stderr, so the data can be piped as it is.
pub fn finish(
    report: Report,
    verbose: bool,
    started: Instant,
    verb: &str,
    format: Format,
    stdout_is_data: bool,
) -> ExitCode {
    let (errors, warnings) = (report.diagnostics.errors(), report.diagnostics.warnings());
    print_diagnostics(&report.diagnostics.sorted(), format);
    if verbose {
        for (stage, time) in &report.stages {
            eprintln!("  {stage:<18} {:>8.1} ms", time.as_secs_f64() * 1000.0);
        }
    }
    let elapsed = started.elapsed().as_secs_f64();
    let say = |line: String| {
        if format == Format::Json || stdout_is_data {
            eprintln!("{line}");
        } else {
            println!("{line}");
        }
    };
    match &report.site {
        Some(s) if errors == 0 => {
            let langs = s.languages.join(", ");
            let written = report
                .written
                .as_ref()
                .map(|w| {
                    format!(
                        ": {} pages and {} files, {:.1} MB,",
                        w.pages,
                        w.files,
                        w.bytes as f64 / 1e6
                    )
                })
                .unwrap_or_default();
            let warn = if warnings > 0 {
                format!(" ({warnings} warnings)")
            } else {
                String::new()
            };
            say(format!(
                "{verb} {} people, {} statements and {} pages in each of {} languages ({langs}){written} in {elapsed:.2} s{warn}",
                s.people,
                s.statements,
                s.pages,
                s.languages.len()
            ));
            if let Some(zip) = &s.zip {
                say(format!("The portable copy is also in one file: {zip}"));
            }
            ExitCode::SUCCESS
        }
        _ => {
            eprintln!("{errors} errors, {warnings} warnings: nothing was written");
            ExitCode::from(1)
        }
    }
}
