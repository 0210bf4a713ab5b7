//! `vigil check`: validate everything, write nothing; on request fetch external links and list
//! what is not translated.

use std::process::ExitCode;
use std::time::Instant;

use vigil::build::{self, Options};
use vigil::diag::Format;
use vigil::load::Cache;

pub fn run(opts: &Options, format: Format, external: bool, translations: bool) -> ExitCode {
    let started = Instant::now();
    let mut report = build::check(opts);
    if external {
        report.diagnostics.extend(build::external_links(
            opts,
            &vigil::linkcheck::Options::default(),
        ));
        if report.diagnostics.has_errors() {
            report.site = None;
        }
    }
    if translations {
        match build::prepare(opts, &mut Cache::none()) {
            Ok(p) => print!("{}", vigil::translations::markdown(&p.site)),
            Err(_) => eprintln!("the site has errors: fix them to see what is not translated"),
        }
    }
    super::finish(report, false, started, "Checked", format, translations)
}
