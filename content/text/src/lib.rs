//! What the bank compiler and the app must agree on, so each is written
//! once: words, light stemming and keywords (the compiler computes each
//! talking point's keywords with these functions at build time and the app
//! stems the user's answer with the same ones at run time), the bank's
//! vocabulary (`vocab`), its compact markup (`markup`) and the fingerprint
//! of its text file (`fingerprint`). No dependencies: it is compiled into the app.

pub mod fingerprint;
pub mod markup;
pub mod vocab;

/// Words too common to say anything about what an answer covers.
pub const STOPWORDS: &[&str] = &[
    "a", "about", "after", "all", "also", "an", "and", "any", "are", "as", "at", "be", "been",
    "before", "but", "by", "can", "could", "did", "do", "does", "each", "every", "for", "from",
    "had", "has", "have", "how", "i", "if", "in", "into", "is", "it", "its", "just", "more",
    "most", "my", "no", "not", "of", "on", "one", "only", "or", "our", "out", "over", "so", "such",
    "than", "that", "the", "their", "them", "then", "there", "these", "they", "this", "those",
    "through", "to", "too", "up", "us", "was", "we", "were", "what", "when", "where", "which",
    "while", "who", "why", "will", "with", "would", "you", "your",
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

pub fn is_stopword(word: &str) -> bool {
    STOPWORDS.contains(&word)
}

/// The stems a piece of text is matched by: its words less stopwords and
/// short words (unless they hold a digit, like `p99`), stemmed, first
/// occurrence first, without repeats.
pub fn keywords(text: &str) -> Vec<String> {
    let mut found: Vec<String> = Vec::new();
    for word in words(text) {
        if is_stopword(&word)
            || (word.chars().count() < 3 && !word.chars().any(|c| c.is_ascii_digit()))
        {
            continue;
        }
        let stem = stem(&word);
        if !found.contains(&stem) {
            found.push(stem);
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_lowercased_and_keep_inner_hyphens() {
        assert_eq!(
            words("Blue-green, on-call's \"SLOs\" -- p99!"),
            ["blue-green", "on-call's", "slos", "p99"]
        );
    }

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
        assert!(keywords("and the of").is_empty());
    }
}
