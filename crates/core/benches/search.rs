//! `cargo bench --bench search`: time per search query, as typed keystroke by
//! keystroke, over the real bank and over 10,000 generated questions.
//! Native timing; the target is at most 16 ms per keystroke at 10,000.

use std::hint::black_box;
use std::time::{Duration, Instant};

use opsdrill_core::bank::{Question, QUESTIONS};
use opsdrill_core::search::{ListQuery, SearchIndex};

/// Every prefix of each query, as a user types it.
const TYPED: [&str; 4] = [
    "kubernetes probes",
    "postmortem",
    "rollback canary",
    "zzz no match",
];

fn time_per_query(index: &SearchIndex, rounds: u32) -> (Duration, usize) {
    let queries: Vec<ListQuery> = TYPED
        .iter()
        .flat_map(|q| (1..=q.len()).map(move |n| q[..n].to_string()))
        .map(|text| ListQuery {
            text,
            ..ListQuery::default()
        })
        .collect();
    let start = Instant::now();
    for _ in 0..rounds {
        for query in &queries {
            black_box(index.search(black_box(query)));
        }
    }
    (
        start.elapsed() / (rounds * queries.len() as u32),
        queries.len(),
    )
}

/// 10,000 questions made from the real ones, each with its own id and text.
fn generated(n: usize) -> Vec<Question> {
    (0..n)
        .map(|i| {
            let base = QUESTIONS[i % QUESTIONS.len()];
            Question {
                id: Box::leak(format!("{}-{i}", base.id).into_boxed_str()),
                text: Box::leak(format!("{} (variant {i})", base.text).into_boxed_str()),
                ..base
            }
        })
        .collect()
}

fn main() {
    let start = Instant::now();
    let real = SearchIndex::new(QUESTIONS);
    let build_real = start.elapsed();
    let (per_query, n) = time_per_query(&real, 50);
    println!(
        "real bank ({} questions): index built in {:?}; {:?} per query ({} keystroke queries)",
        QUESTIONS.len(),
        build_real,
        per_query,
        n
    );

    let questions = generated(10_000);
    let start = Instant::now();
    let big = SearchIndex::new(&questions);
    let build_big = start.elapsed();
    let (per_query, n) = time_per_query(&big, 3);
    println!(
        "10,000 questions: index built in {build_big:?}; {per_query:?} per query ({n} keystroke queries; target <= 16 ms)"
    );
}
