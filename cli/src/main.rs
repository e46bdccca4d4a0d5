//! `phs-doctor`: the command-line shell over `phs-doctor-core`. Parses arguments, calls the
//! core, prints text or JSON. Errors: exit code 2 and a one-line reason on stderr.

mod args;
mod diagnose;
mod guide;
mod output;

use std::io::Write;
use std::process::ExitCode;

fn main() -> ExitCode {
    let result = args::parse(std::env::args_os().skip(1)).and_then(output::run);
    match result {
        Ok(text) => {
            let mut out = std::io::stdout().lock();
            // A closed pipe (`| head`) is not an error worth a panic.
            let _ = out.write_all(text.as_bytes());
            let _ = out.flush();
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("phs-doctor: {message}");
            ExitCode::from(2)
        }
    }
}
