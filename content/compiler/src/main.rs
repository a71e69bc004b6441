//! `opsdrill-bank-compiler [CONTENT_DIR] [--report]`: checks the bank and prints
//! a summary (with `--report`, counts per category, style, difficulty and
//! topic), or every problem as `path:line: message` (exit 1).

use std::path::PathBuf;
use std::process::ExitCode;

use opsdrill_bank_compiler::{load_dir, Category};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let report = args.iter().any(|a| a == "--report");
    let dir = args
        .iter()
        .find(|a| !a.starts_with("--"))
        .map_or_else(|| PathBuf::from("content"), PathBuf::from);
    match load_dir(&dir) {
        Ok(bank) => {
            let counts: Vec<String> = Category::ALL
                .into_iter()
                .map(|c| format!("{} {}", c.slug(), bank.in_category(c).count()))
                .collect();
            println!(
                "bank ok: {} questions ({})",
                bank.questions.len(),
                counts.join(", ")
            );
            if report {
                print_report(&bank);
            }
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

fn print_report(bank: &opsdrill_bank_compiler::Bank) {
    for category in Category::ALL {
        let in_category: Vec<_> = bank.in_category(category).collect();
        let mut styles: Vec<(&str, usize)> = Vec::new();
        let mut levels: Vec<(&str, usize)> = Vec::new();
        for q in &in_category {
            bump(&mut styles, q.style.slug());
            bump(&mut levels, q.difficulty.slug());
        }
        println!(
            "{:<12} {:>3}  styles: {}  difficulty: {}",
            category.slug(),
            in_category.len(),
            pairs(&styles),
            pairs(&levels)
        );
    }
    let follow_ups: Vec<_> = bank.questions.iter().flat_map(|q| &q.follow_ups).collect();
    let deeper = follow_ups.iter().filter(|f| f.depth == 2).count();
    let unanswered = follow_ups.iter().filter(|f| f.answer.is_empty()).count();
    println!(
        "follow-ups: {} ({} asked after another), {unanswered} without an answer",
        follow_ups.len(),
        deeper
    );
    let steps: usize = bank
        .questions
        .iter()
        .filter_map(|q| q.lab.as_ref())
        .map(|l| l.steps.len())
        .sum();
    println!("lab steps: {steps}");
    println!("topics:");
    for topic in &bank.topics {
        let n = bank.count_on_topic(&topic.slug);
        println!("  {:<16} {n:>3}  {}", topic.slug, topic.name);
    }
}

fn bump<'a>(counts: &mut Vec<(&'a str, usize)>, key: &'a str) {
    match counts.iter_mut().find(|(k, _)| *k == key) {
        Some((_, n)) => *n += 1,
        None => counts.push((key, 1)),
    }
}

fn pairs(counts: &[(&str, usize)]) -> String {
    counts
        .iter()
        .map(|(k, n)| format!("{k} {n}"))
        .collect::<Vec<_>>()
        .join(", ")
}
