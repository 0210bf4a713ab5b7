//! `vigil new profile "Name"` and `vigil new statement "Title"`.

use std::path::Path;
use std::process::ExitCode;

use clap::Subcommand;
use vigil::diag::Format;
use vigil::scaffold;

#[derive(Subcommand)]
pub enum What {
    /// A person: profiles/<name>.md and a translation file for every other language
    Profile {
        /// The person's name, as it is usually written
        name: String,
    },
    /// A joint statement: content/statements/<title>.yaml
    Statement {
        /// The statement's title in the default language
        title: String,
    },
}

pub fn run(root: &Path, what: What) -> ExitCode {
    let written = match what {
        What::Profile { name } => scaffold::profile(root, &name),
        What::Statement { title } => scaffold::statement(root, &title),
    };
    match written {
        Ok(files) => {
            for f in files {
                println!("wrote {}", f.display());
            }
            println!(
                "Fill in the fields (the notes above each one say what it wants), then run `vigil check`."
            );
            ExitCode::SUCCESS
        }
        Err(d) => {
            super::print_diagnostics(&d.sorted(), Format::Human);
            ExitCode::from(1)
        }
    }
}
