//! `opsdrill-bank-compiler [CONTENT_DIR]`: checks the bank and prints a summary,
//! or every problem as `path:line: message` (exit 1).

use std::path::PathBuf;
use std::process::ExitCode;

use opsdrill_bank_compiler::{load_dir, CATEGORIES};

fn main() -> ExitCode {
    let dir = std::env::args_os()
        .nth(1)
        .map_or_else(|| PathBuf::from("content"), PathBuf::from);
    match load_dir(&dir) {
        Ok(bank) => {
            let counts: Vec<String> = CATEGORIES
                .iter()
                .map(|c| {
                    let n = bank.questions.iter().filter(|q| q.category == *c).count();
                    format!("{} {n}", c.slug())
                })
                .collect();
            println!(
                "bank ok: {} questions ({})",
                bank.questions.len(),
                counts.join(", ")
            );
            ExitCode::SUCCESS
        }
        Err(errors) => {
            for error in &errors {
                eprintln!("{error}");
            }
            eprintln!("{} problem(s) in the bank", errors.len());
            ExitCode::FAILURE
        }
    }
}
