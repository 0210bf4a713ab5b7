//! `vigil build`.

use std::process::ExitCode;
use std::time::Instant;

use vigil::build::{self, Options};
use vigil::diag::Format;

pub fn run(opts: &Options, verbose: bool, format: Format) -> ExitCode {
    let started = Instant::now();
    let report = build::build(opts);
    super::finish(report, verbose, started, "Built", format, false)
}
