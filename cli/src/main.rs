//! `phs-doctor`: the command-line shell over `phs-doctor-core`. Parses arguments, calls the
//! core, prints text or JSON. Errors: a one-line reason on stderr, exit code 2 for invalid
//! input, 1 for a file that could not be written.

mod args;
mod diagnose;
mod output;

use std::io::Write;
use std::process::ExitCode;

fn main() -> ExitCode {
    let result = args::parse(std::env::args_os().skip(1)).map_err(output::Failure::from).and_then(output::run);
    match result {
        Ok(text) => {
            let mut out = std::io::stdout().lock();
            // A closed pipe (`| head`) is not an error worth a panic.
            let _ = out.write_all(text.as_bytes());
            let _ = out.flush();
            ExitCode::SUCCESS
        }
        Err(output::Failure { code, message }) => {
            eprintln!("phs-doctor: {message}");
            ExitCode::from(code)
        }
    }
}
