//! Talking-point insight: which talking points a written or dictated answer
//! appears to cover (keyword matching with simple stemming), its most
//! repeated words, and filler words. A hint for the user, never a grade: their
//! own ticks decide. Pure.

use std::collections::{BTreeMap, BTreeSet};

use opsdrill_text::{is_stopword, stem, words};

use crate::bank::Question;

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

/// Whether the answer appears to cover each of the question's talking
/// points, matched by the keywords the bank keeps for each point: at least
/// half of the point's own keywords (all of them when it has one or two) occur
/// in the answer, where a synonym from the point's `{also: ...}` list counts
/// like one of its own keywords.
pub fn covered_points(answer: &str, question: &Question) -> Vec<bool> {
    let said: BTreeSet<String> = words(answer).iter().map(|w| stem(w)).collect();
    let mut lines = question.keywords.get().split('\n');
    question
        .talking_points
        .iter()
        .map(|_| {
            let line = lines.next().unwrap_or("");
            let (own, also) = line.split_once('+').unwrap_or((line, ""));
            let own: Vec<&str> = own.split_whitespace().collect();
            let hits = own
                .iter()
                .copied()
                .chain(also.split_whitespace())
                .filter(|k| said.contains(*k))
                .count();
            let needed = if own.len() <= 2 {
                own.len().max(1)
            } else {
                own.len().div_ceil(2)
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

    use crate::bank::{self, model::inline_text, Items, Text};

    /// A question with these talking points and the keywords the bank
    /// compiler keeps for them (one line per point, synonyms after `+`).
    fn question(talking_points: &'static str, keywords: &'static str) -> Question {
        Question {
            text: "How do you keep on-call sane?",
            talking_points: Items(Text::Static(talking_points)),
            keywords: Text::Static(keywords),
            ..Question::blank("alert-fatigue")
        }
    }

    #[test]
    fn coverage_needs_half_the_keywords() {
        const POINTS: &str = "Every page is actionable and links to a runbook\n\
            Route alerts to the team that owns the service\nSLOs";
        let q = question(
            POINTS,
            "pag actionabl link runbook\nroute alert team own servic\nslo",
        );
        let answer = "Each paged alert was actionable: we linked runbooks from every alert.";
        assert_eq!(covered_points(answer, &q), [true, false, false]);
        assert_eq!(covered_points("We set SLOs.", &q), [false, false, true]);
        assert_eq!(covered_points("", &q), [false, false, false]);
    }

    #[test]
    fn a_synonym_from_the_bank_counts_as_a_keyword() {
        // `- Rollback {also: revert, undo}` and `- Roll back first {also: revert}`
        const POINTS: &str = "Rollback\nRoll back first";
        let with = question(POINTS, "rollback+revert undo\nroll back first+revert");
        let without = question(POINTS, "rollback\nroll back first");
        let answer = "I would revert the change first and debug later.";
        assert_eq!(covered_points(answer, &with), [true, true]);
        assert_eq!(covered_points(answer, &without), [false, false]);
        assert_eq!(covered_points("We reverted it.", &with), [true, false]);
    }

    #[test]
    fn every_talking_point_of_the_bank_covers_itself() {
        // The compiler's keywords and the answer's stems come from the same
        // code, so a point's own text always counts as covering it.
        for q in bank::QUESTIONS {
            // A lab has neither talking points nor their keywords.
            let keyword_lines = match q.keywords.get() {
                "" => 0,
                lines => lines.split('\n').count(),
            };
            assert_eq!(keyword_lines, q.talking_points.len(), "{}", q.id);
            for (i, point) in q.talking_points.iter().enumerate() {
                let text = inline_text(point);
                assert!(covered_points(&text, q)[i], "{}: `{text}`", q.id);
            }
        }
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
