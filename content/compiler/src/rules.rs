//! The fixed vocabulary of the bank and the limits each section must meet.
//! `content/FORMAT.md` is the human-readable copy of these rules.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Category {
    General,
    Technical,
    Behavioural,
    Ask,
}

pub const CATEGORIES: [Category; 4] = [
    Category::General,
    Category::Technical,
    Category::Behavioural,
    Category::Ask,
];

impl Category {
    pub fn slug(self) -> &'static str {
        match self {
            Category::General => "general",
            Category::Technical => "technical",
            Category::Behavioural => "behavioural",
            Category::Ask => "ask",
        }
    }

    pub fn from_slug(slug: &str) -> Option<Category> {
        CATEGORIES.into_iter().find(|c| c.slug() == slug)
    }

    pub fn allowed_styles(self) -> &'static [Style] {
        match self {
            Category::General => &[Style::Story, Style::Design],
            Category::Technical => &[Style::Explain, Style::Design],
            Category::Behavioural => &[Style::Star],
            Category::Ask => &[Style::Ask],
        }
    }

    /// The Rust path of the matching variant in the app's bank model.
    pub fn rust_variant(self) -> &'static str {
        match self {
            Category::General => "Category::General",
            Category::Technical => "Category::Technical",
            Category::Behavioural => "Category::Behavioural",
            Category::Ask => "Category::Ask",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    Story,
    Design,
    Explain,
    Star,
    Ask,
}

const STYLES: [Style; 5] = [
    Style::Story,
    Style::Design,
    Style::Explain,
    Style::Star,
    Style::Ask,
];

impl Style {
    pub fn slug(self) -> &'static str {
        match self {
            Style::Story => "story",
            Style::Design => "design",
            Style::Explain => "explain",
            Style::Star => "star",
            Style::Ask => "ask",
        }
    }

    pub fn from_slug(slug: &str) -> Option<Style> {
        STYLES.into_iter().find(|s| s.slug() == slug)
    }

    pub fn rust_variant(self) -> &'static str {
        match self {
            Style::Story => "Style::Story",
            Style::Design => "Style::Design",
            Style::Explain => "Style::Explain",
            Style::Star => "Style::Star",
            Style::Ask => "Style::Ask",
        }
    }

    /// The section headings this style uses, in the order they must appear.
    pub fn headings(self) -> [&'static str; 7] {
        match self {
            Style::Ask => [
                "Why it is worth asking",
                "How to ask it",
                "Listen for",
                "What the answer reveals",
                "Tip",
                "Pitfalls",
                "Follow-ups",
            ],
            _ => [
                "Why they ask",
                "How to structure your answer",
                "Talking points",
                "Model answer",
                "Tip",
                "Pitfalls",
                "Follow-ups",
            ],
        }
    }

    pub fn min_steps(self) -> usize {
        match self {
            Style::Ask => 2,
            Style::Star => 4,
            _ => 3,
        }
    }

    pub fn max_steps(self) -> usize {
        match self {
            Style::Star => 4,
            _ => 7,
        }
    }

    pub fn min_answer_words(self) -> usize {
        match self {
            Style::Ask => 100,
            _ => 150,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Difficulty {
    Foundational,
    Intermediate,
    Advanced,
}

const DIFFICULTIES: [Difficulty; 3] = [
    Difficulty::Foundational,
    Difficulty::Intermediate,
    Difficulty::Advanced,
];

impl Difficulty {
    pub fn slug(self) -> &'static str {
        match self {
            Difficulty::Foundational => "foundational",
            Difficulty::Intermediate => "intermediate",
            Difficulty::Advanced => "advanced",
        }
    }

    pub fn from_slug(slug: &str) -> Option<Difficulty> {
        DIFFICULTIES.into_iter().find(|d| d.slug() == slug)
    }

    pub fn rust_variant(self) -> &'static str {
        match self {
            Difficulty::Foundational => "Difficulty::Foundational",
            Difficulty::Intermediate => "Difficulty::Intermediate",
            Difficulty::Advanced => "Difficulty::Advanced",
        }
    }
}

pub const STAR_LABELS: [&str; 4] = ["Situation:", "Task:", "Action:", "Result:"];

pub const MAX_TOPICS: usize = 4;
pub const WHY_SENTENCES: (usize, usize) = (2, 4);
pub const TIP_SENTENCES: (usize, usize) = (1, 3);
pub const POINTS: (usize, usize) = (4, 8);
pub const MAX_POINT_WORDS: usize = 25;
pub const MAX_ANSWER_WORDS: usize = 400;
pub const PITFALLS: (usize, usize) = (2, 4);
pub const FOLLOW_UPS: (usize, usize) = (2, 4);

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
