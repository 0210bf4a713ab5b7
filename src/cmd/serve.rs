//! `vigil serve`.

use std::process::ExitCode;

use vigil::build::Options;
use vigil::diag::Format;

pub fn run(build: Options, bind: String, port: u16) -> ExitCode {
    let opts = vigil::serve::Options { build, bind, port };
    match vigil::serve::run(opts) {
        Ok(()) => ExitCode::SUCCESS,
        Err(d) => {
            super::print_diagnostics(&d.sorted(), Format::Human);
            ExitCode::from(1)
        }
    }
}
