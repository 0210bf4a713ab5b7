//! The command line: `vigil build`, `check`, `serve` and `new`; each in `cmd/`.

mod cmd;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};
use vigil::diag::Format;

// A build allocates a great deal on every core (views, template contexts, pages); glibc's
// allocator spent about a quarter of a build's time there, mimalloc a fraction of it (bench/run).
#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// mimalloc gives freed memory back to the system a second later, and the system zeroes every
/// page before lending it again: a build frees and takes back hundreds of megabytes on every core
/// (9,000 page faults of 2 MiB pages at 10,000 people, against 700 when it keeps them). A build
/// or a check lasts seconds and keeps what it freed; `serve`, which lives on, gives it back.
fn keep_freed_memory() {
    // `mi_option_purge_delay` in mimalloc.h (v3, which libmimalloc-sys builds): -1 is never.
    const PURGE_DELAY: std::ffi::c_int = 15;
    unsafe extern "C" {
        fn mi_option_set(option: std::ffi::c_int, value: std::ffi::c_long);
    }
    // SAFETY: mimalloc's options may be set at any time, from any thread.
    unsafe { mi_option_set(PURGE_DELAY, -1) }
}

#[derive(Parser)]
#[command(
    name = "vigil",
    version,
    about = "Builds a campaign site about political prisoners"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Build the site into public/ (or --output)
    Build {
        #[command(flatten)]
        site: SiteArgs,
        /// Where to write the site [default: ROOT/public]
        #[arg(long, value_name = "DIR")]
        output: Option<PathBuf>,
        /// Publish under this address instead of site.yaml's base_url
        #[arg(long, value_name = "URL")]
        base_url: Option<String>,
        /// Make every link relative, so the copy works from any address or folder (file://),
        /// and write a zip of it into the output
        #[arg(long)]
        portable: bool,
        /// Print the time each stage took
        #[arg(long)]
        verbose: bool,
        #[arg(long, value_enum, default_value = "human")]
        format: Format,
    },
    /// Load and validate everything; write nothing
    Check {
        #[command(flatten)]
        site: SiteArgs,
        /// How to print problems: for people, as GitHub Actions annotations, or as JSON
        #[arg(long, value_enum, default_value = "human")]
        format: Format,
        /// Also fetch every link to another site (slow; needs the network)
        #[arg(long)]
        external: bool,
        /// Print a Markdown table of what is not translated yet
        #[arg(long)]
        translations: bool,
    },
    /// Preview the site: build, serve, rebuild on every save, reload the page
    Serve {
        #[command(flatten)]
        site: SiteArgs,
        /// Port to listen on (0 picks a free one)
        #[arg(long, default_value_t = 1111)]
        port: u16,
        /// Address to listen on; 0.0.0.0 lets other machines of the network see the preview
        #[arg(long, default_value = "127.0.0.1")]
        bind: String,
        /// Serve under this address's path instead of site.yaml's base_url's
        #[arg(long, value_name = "URL")]
        base_url: Option<String>,
    },
    /// Write a new file to fill in, every field explained
    New {
        #[command(subcommand)]
        what: cmd::new::What,
        /// The campaign's folder, holding site.yaml
        #[arg(long, value_name = "DIR", default_value = ".", global = true)]
        root: PathBuf,
    },
}

#[derive(Args)]
struct SiteArgs {
    /// The campaign's folder, holding site.yaml
    #[arg(long, value_name = "DIR", default_value = ".")]
    root: PathBuf,
    /// Include profiles, statements and pages marked `draft: true`
    #[arg(long)]
    drafts: bool,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    if !matches!(cli.command, Command::Serve { .. }) {
        keep_freed_memory();
    }
    let today = match cmd::build_date() {
        Ok(d) => d,
        Err(m) => {
            eprintln!("error: {m}");
            return ExitCode::from(2);
        }
    };
    let options = |site: SiteArgs, output, base_url, portable| vigil::build::Options {
        root: site.root,
        output,
        base_url,
        drafts: site.drafts,
        today,
        portable,
    };
    match cli.command {
        Command::Build {
            site,
            output,
            base_url,
            portable,
            verbose,
            format,
        } => cmd::build::run(&options(site, output, base_url, portable), verbose, format),
        Command::Check {
            site,
            format,
            external,
            translations,
        } => cmd::check::run(
            &options(site, None, None, false),
            format,
            external,
            translations,
        ),
        Command::Serve {
            site,
            port,
            bind,
            base_url,
        } => cmd::serve::run(options(site, None, base_url, false), bind, port),
        Command::New { what, root } => cmd::new::run(&root, what),
    }
}
