//! The limits each section must meet, for the vocabulary of
//! `opsdrill_text::vocab`. `content/FORMAT.md` is the human-readable copy of
//! these rules.

use opsdrill_text::vocab::{Difficulty, Section, Style};

pub const STAR_LABELS: [&str; 4] = ["Situation:", "Task:", "Action:", "Result:"];

pub const MAX_TOPICS: usize = 4;
pub const WHY_SENTENCES: (usize, usize) = (2, 4);
pub const TIP_SENTENCES: (usize, usize) = (1, 3);
pub const POINTS: (usize, usize) = (4, 8);
pub const MAX_POINT_WORDS: usize = 25;
pub const MAX_ANSWER_WORDS: usize = 400;
/// Advanced and design questions may take a longer model answer.
pub const MAX_LONG_ANSWER_WORDS: usize = 650;
pub const PITFALLS: (usize, usize) = (2, 4);
pub const FOLLOW_UPS: (usize, usize) = (2, 4);
pub const FOLLOW_UP_ANSWER_SENTENCES: (usize, usize) = (2, 6);
/// How many `#### ` follow-ups one `### ` follow-up may have.
pub const DEEPER_FOLLOW_UPS: usize = 2;

pub const SCENARIO_SENTENCES: (usize, usize) = (2, 6);
pub const LAB_STEPS: (usize, usize) = (3, 6);
pub const EVIDENCE_BLOCKS: (usize, usize) = (1, 3);
pub const EVIDENCE_LINES: (usize, usize) = (2, 30);
pub const MAX_EVIDENCE_LINE_CHARS: usize = 110;
pub const PROMPT_SENTENCES: (usize, usize) = (1, 2);
pub const EXPERT_READ_SENTENCES: (usize, usize) = (2, 8);
pub const ROOT_CAUSE_SENTENCES: (usize, usize) = (1, 4);
/// Sentences of prose, or steps of an ordered list.
pub const FIX_PARTS: (usize, usize) = (1, 6);
pub const PREVENTION: (usize, usize) = (2, 4);

/// How many steps `## How to structure your answer` lists: STAR has exactly
/// its four, a question to ask may be asked in two.
pub fn steps(style: Style) -> (usize, usize) {
    match style {
        Style::Star => (4, 4),
        Style::Ask => (2, 7),
        _ => (3, 7),
    }
}

/// How many words the model answer has; what a good answer to a question
/// to ask reveals takes fewer.
pub fn answer_words(style: Style, difficulty: Option<Difficulty>) -> (usize, usize) {
    let long = style == Style::Design || difficulty == Some(Difficulty::Advanced);
    let max = if long {
        MAX_LONG_ANSWER_WORDS
    } else {
        MAX_ANSWER_WORDS
    };
    match style {
        Style::Ask => (100, max),
        _ => (150, max),
    }
}

/// Only the model answer may hold code blocks.
pub fn allows_code(section: Section) -> bool {
    section == Section::Answer
}

/// Lowercase ASCII letters, digits and single inner hyphens.
pub fn is_slug(s: &str) -> bool {
    !s.is_empty()
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !s.starts_with('-')
        && !s.ends_with('-')
        && !s.contains("--")
}

pub fn word_count(text: &str) -> usize {
    text.split_whitespace()
        .filter(|w| w.chars().any(|c| c.is_alphanumeric()))
        .count()
}

/// Counts sentences: runs of text ended by `.`, `?` or `!` (optionally followed
/// by a closing quote or bracket) before white space or the end.
pub fn sentence_count(text: &str) -> usize {
    let chars: Vec<char> = text.trim().chars().collect();
    let mut count = 0;
    let mut has_words = false;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c.is_alphanumeric() {
            has_words = true;
        }
        if matches!(c, '.' | '?' | '!') {
            let mut j = i + 1;
            while j < chars.len() && matches!(chars[j], '"' | '\'' | ')' | '*' | '.' | '?' | '!') {
                j += 1;
            }
            if (j == chars.len() || chars[j].is_whitespace()) && has_words {
                count += 1;
                has_words = false;
            }
            i = j;
            continue;
        }
        i += 1;
    }
    if has_words {
        count += 1;
    }
    count
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences_are_counted_by_terminal_punctuation() {
        assert_eq!(sentence_count("One. Two? Three!"), 3);
        assert_eq!(sentence_count("Version 1.2 is out. It works."), 2);
        assert_eq!(sentence_count("No full stop at the end"), 1);
        assert_eq!(sentence_count("He said \"stop.\" Then left."), 2);
        assert_eq!(sentence_count(""), 0);
    }

    #[test]
    fn words_ignore_lone_punctuation() {
        assert_eq!(word_count("a - b -- c"), 3);
        assert_eq!(word_count("  p99 latency, 40%  "), 3);
    }

    #[test]
    fn slugs() {
        assert!(is_slug("alert-fatigue"));
        assert!(is_slug("k8s-probes"));
        assert!(!is_slug("Alert"));
        assert!(!is_slug("a--b"));
        assert!(!is_slug("-a"));
        assert!(!is_slug(""));
    }
}
