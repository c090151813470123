//! The search alone, without a browser: replays the browser benchmark's keystrokes
//! (`tests/e2e/bench/queries.json`, typed the way an IME shows them) against built search
//! indexes and times each `SearchIndex::search`, at the size-optimised level the app is built
//! at. It tells geul's own share of a keystroke apart from the browser's.
//!
//!   cargo bench -p geul-build --bench search_keystrokes -- [--rounds N] <search-….bin>…
//!
//! `cargo xtask bench` runs it on the index of every site it builds. Prints one JSON object
//! per index: searches, p50, p95 and max in milliseconds, and the slowest box values.

use std::time::Instant;

use geul_core::{search::Query, search::SearchIndex, search::Syllable};

const QUERIES: &str = include_str!("../../../tests/e2e/bench/queries.json");

/// What the search box holds after each keystroke of `query`: every syllable passes through
/// its lone initial and its syllable without a final (`란`: `ㄹ`, `라`, `란`).
fn box_values(query: &str) -> Vec<String> {
    let mut typed = String::new();
    let mut values = Vec::new();
    for c in query.chars() {
        if let Some(syllable) = Syllable::of(c) {
            values.push(format!("{typed}{}", syllable.initial_jamo()));
            let open = syllable.open().to_char();
            if open != c {
                values.push(format!("{typed}{open}"));
            }
        }
        typed.push(c);
        values.push(typed.clone());
    }
    values
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    let at = ((p / 100.0) * sorted.len() as f64).ceil() as usize;
    sorted[at.clamp(1, sorted.len()) - 1]
}

fn main() {
    let mut args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| a != "--bench")
        .collect();
    let mut rounds = 3;
    if let Some(at) = args.iter().position(|a| a == "--rounds") {
        rounds = args
            .get(at + 1)
            .and_then(|n| n.parse().ok())
            .unwrap_or(rounds);
        args.drain(at..(at + 2).min(args.len()));
    }
    let queries: Vec<String> = serde_json::from_str(QUERIES).expect("queries.json is a list");
    for path in &args {
        let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("cannot read {path}: {e}"));
        let index = SearchIndex::from_vec(bytes).unwrap_or_else(|_| panic!("{path} is damaged"));
        let mut times = Vec::new();
        for _ in 0..rounds {
            for query in &queries {
                for value in box_values(query) {
                    let parsed = Query::parse(&value);
                    let start = Instant::now();
                    let found = std::hint::black_box(index.search(&parsed)).len();
                    times.push((start.elapsed().as_secs_f64() * 1000.0, value, found));
                }
            }
        }
        let mut sorted: Vec<f64> = times.iter().map(|t| t.0).collect();
        sorted.sort_by(f64::total_cmp);
        times.sort_by(|a, b| b.0.total_cmp(&a.0));
        let slowest: Vec<String> = times
            .iter()
            .take(5)
            .map(|(ms, value, found)| format!("\"{value}: {ms:.2} ms ({found})\""))
            .collect();
        println!(
            "{{\"index\":\"{path}\",\"posts\":{},\"searches\":{},\"p50\":{:.3},\"p95\":{:.3},\"max\":{:.3},\"slowest\":[{}]}}",
            index.len(),
            sorted.len(),
            percentile(&sorted, 50.0),
            percentile(&sorted, 95.0),
            sorted[sorted.len() - 1],
            slowest.join(",")
        );
    }
}
