//! Talking-point insight: which talking points a written or dictated answer
//! appears to cover (keyword matching with simple stemming), its most
//! repeated words, and filler words. A hint for the user, never a grade: their
//! own ticks decide. Pure.

use std::collections::{BTreeMap, BTreeSet};

const STOPWORDS: &[&str] = &[
    "a", "about", "after", "all", "also", "an", "and", "any", "are", "as", "at", "be", "been",
    "before", "but", "by", "can", "could", "did", "do", "does", "each", "every", "for", "from",
    "had", "has", "have", "how", "i", "if", "in", "into", "is", "it", "its", "just", "more",
    "most", "my", "no", "not", "of", "on", "one", "only", "or", "our", "out", "over", "so", "such",
    "than", "that", "the", "their", "them", "then", "there", "these", "they", "this", "those",
    "through", "to", "too", "up", "us", "was", "we", "were", "what", "when", "where", "which",
    "while", "who", "why", "will", "with", "would", "you", "your",
];

/// Filler words and phrases worth noticing when speaking.
const FILLERS: &[&str] = &[
    "um",
    "uh",
    "erm",
    "basically",
    "actually",
    "literally",
    "like",
    "you know",
    "sort of",
    "kind of",
    "i mean",
    "obviously",
    "honestly",
];

/// Lowercased words: letters, digits and inner hyphens or apostrophes.
pub fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '-' || c == '\''))
        .map(|w| w.trim_matches(|c| c == '-' || c == '\'').to_lowercase())
        .filter(|w| !w.is_empty())
        .collect()
}

/// A light stemmer: enough to match "alerting", "alerts" and "alerted" with
/// "alert", without a dictionary.
pub fn stem(word: &str) -> String {
    let word = word.strip_suffix("'s").unwrap_or(word);
    let mut stem = word.to_string();
    for suffix in [
        "ations", "ation", "ments", "ment", "ings", "ing", "ies", "ied", "ed", "es", "ly", "s",
    ] {
        if let Some(root) = word.strip_suffix(suffix) {
            if root.chars().count() >= 3 {
                stem = match suffix {
                    "ies" | "ied" => format!("{root}y"),
                    _ => root.to_string(),
                };
                break;
            }
        }
    }
    // A final "e" comes and goes with suffixes (page, pages, paged, paging).
    if stem.chars().count() > 3 && stem.ends_with('e') {
        stem.pop();
    }
    stem
}

fn is_stopword(word: &str) -> bool {
    STOPWORDS.contains(&word)
}

/// The stems a talking point is matched by.
pub fn keywords(point: &str) -> Vec<String> {
    let mut seen = BTreeSet::new();
    words(point)
        .into_iter()
        .filter(|w| {
            !is_stopword(w) && (w.chars().count() >= 3 || w.chars().any(|c| c.is_ascii_digit()))
        })
        .map(|w| stem(&w))
        .filter(|s| seen.insert(s.clone()))
        .collect()
}

/// Whether the answer appears to cover each point: at least half of the
/// point's keywords (all of them when it has one or two) occur in the answer.
pub fn coverage(answer: &str, points: &[String]) -> Vec<bool> {
    let said: BTreeSet<String> = words(answer).iter().map(|w| stem(w)).collect();
    points
        .iter()
        .map(|point| {
            let keys = keywords(point);
            if keys.is_empty() {
                return false;
            }
            let hits = keys.iter().filter(|k| said.contains(*k)).count();
            let needed = if keys.len() <= 2 {
                keys.len()
            } else {
                keys.len().div_ceil(2)
            };
            hits >= needed
        })
        .collect()
}

/// The most repeated content words (three times or more), most frequent
/// first, at most `limit`.
pub fn repeated_words(answer: &str, limit: usize) -> Vec<(String, usize)> {
    let mut counts: BTreeMap<String, (usize, String)> = BTreeMap::new();
    for word in words(answer) {
        if is_stopword(&word) || word.chars().count() < 4 {
            continue;
        }
        let entry = counts.entry(stem(&word)).or_insert((0, word.clone()));
        entry.0 += 1;
    }
    let mut repeated: Vec<(String, usize)> = counts
        .into_values()
        .filter(|(n, _)| *n >= 3)
        .map(|(n, word)| (word, n))
        .collect();
    repeated.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    repeated.truncate(limit);
    repeated
}

/// Filler words and phrases used, with counts.
pub fn fillers(answer: &str) -> Vec<(&'static str, usize)> {
    let said = words(answer);
    FILLERS
        .iter()
        .filter_map(|filler| {
            let phrase: Vec<&str> = filler.split(' ').collect();
            let n = said
                .windows(phrase.len())
                .filter(|w| w.iter().zip(&phrase).all(|(a, b)| a == b))
                .count();
            (n > 0).then_some((*filler, n))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stemming_matches_word_forms() {
        for (a, b) in [
            ("alerting", "alerts"),
            ("alerted", "alert"),
            ("deployments", "deployment"),
            ("policies", "policy"),
            ("runbooks", "runbook"),
            ("page", "pages"),
            ("paged", "paging"),
            ("services", "service"),
            ("released", "release"),
        ] {
            assert_eq!(stem(a), stem(b), "{a} ~ {b}");
        }
        assert_eq!(stem("is"), "is", "short words are left alone");
        assert_eq!(stem("team's"), "team");
    }

    #[test]
    fn keywords_drop_stopwords_and_repeats() {
        assert_eq!(
            keywords("Every page is actionable and links to a runbook"),
            ["pag", "actionabl", "link", "runbook"]
        );
        assert_eq!(
            keywords("Track p99 and p99 again"),
            ["track", "p99", "again"]
        );
    }

    #[test]
    fn coverage_needs_half_the_keywords() {
        let points = vec![
            "Every page is actionable and links to a runbook".to_string(),
            "Route alerts to the team that owns the service".to_string(),
            "SLOs".to_string(),
        ];
        let answer = "Each paged alert was actionable: we linked runbooks from every alert.";
        assert_eq!(coverage(answer, &points), [true, false, false]);
        assert_eq!(coverage("We set SLOs.", &points), [false, false, true]);
        assert_eq!(coverage("", &points), [false, false, false]);
    }

    #[test]
    fn repeated_words_and_fillers() {
        let answer = "Basically the deploy failed, um, and the deploy, like, you know, the deploy was deployed again. Um.";
        assert_eq!(repeated_words(answer, 3), [("deploy".to_string(), 4)]);
        assert_eq!(
            fillers(answer),
            [("um", 2), ("basically", 1), ("like", 1), ("you know", 1)]
        );
        assert!(fillers("A clean answer.").is_empty());
    }
}
