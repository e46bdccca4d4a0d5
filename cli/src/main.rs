//! `phs-doctor`: the command-line shell over `phs-doctor-core`. Parses arguments, calls the
//! core, prints text or JSON. Errors: exit code 2 and a one-line reason on stderr; output that
//! cannot be written (a full disk, a closed pipe, a `--output` file): exit code 1 and a
//! one-line reason.

mod args;
mod diagnose;
mod guide;
mod output;
mod redact;
mod report;
mod version;

use std::io::Write;
use std::process::ExitCode;

fn main() -> ExitCode {
    let result = args::parse(std::env::args_os().skip(1)).map_err(output::Failure::from).and_then(output::run);
    match result {
        Ok(text) => {
            let mut out = std::io::stdout().lock();
            match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => {
                    let _ = writeln!(std::io::stderr(), "phs-doctor: cannot write the output: {e}");
                    ExitCode::from(1)
                }
            }
        }
        Err(output::Failure { code, message }) => {
            let _ = writeln!(std::io::stderr(), "phs-doctor: {message}");
            ExitCode::from(code)
        }
    }
}
