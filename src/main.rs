//! The command line: `vigil build` and `vigil check`.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use clap::{Args, Parser, Subcommand};
use vigil::build::{self, Report};

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
        /// Print the time each stage took
        #[arg(long)]
        verbose: bool,
    },
    /// Load and validate everything; write nothing
    Check {
        #[command(flatten)]
        site: SiteArgs,
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
    let today = match build_date() {
        Ok(d) => d,
        Err(m) => {
            eprintln!("error: {m}");
            return ExitCode::from(2);
        }
    };
    let started = Instant::now();
    let options = |site: SiteArgs, output, base_url| build::Options {
        root: site.root,
        output,
        base_url,
        drafts: site.drafts,
        today,
    };
    match cli.command {
        Command::Build {
            site,
            output,
            base_url,
            verbose,
        } => {
            let report = build::build(&options(site, output, base_url));
            finish(&report, verbose, started, "Built")
        }
        Command::Check { site } => {
            let report = build::check(&options(site, None, None));
            finish(&report, false, started, "Checked")
        }
    }
}

/// Today, or the day `SOURCE_DATE_EPOCH` names, so that a build can be repeated byte for byte.
fn build_date() -> Result<time::Date, String> {
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

fn finish(report: &Report, verbose: bool, started: Instant, verb: &str) -> ExitCode {
    for d in report
        .diagnostics
        .iter()
        .cloned()
        .collect::<Vec<_>>()
        .into_iter()
        .map(|d| d.render())
    {
        eprint!("{d}");
    }
    if verbose {
        for (stage, time) in &report.stages {
            eprintln!("  {stage:<18} {:>8.1} ms", time.as_secs_f64() * 1000.0);
        }
    }
    let (errors, warnings) = (report.diagnostics.errors(), report.diagnostics.warnings());
    let elapsed = started.elapsed().as_secs_f64();
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
            println!(
                "{verb} {} people, {} statements and {} pages in each of {} languages ({langs}){written} in {elapsed:.2} s{warn}",
                s.people,
                s.statements,
                s.pages,
                s.languages.len()
            );
            ExitCode::SUCCESS
        }
        _ => {
            eprintln!("{errors} errors, {warnings} warnings: nothing was written");
            ExitCode::from(1)
        }
    }
}
