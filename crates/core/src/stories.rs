//! The STAR story bank's logic, pure and tested natively: which stories answer
//! a question, which behavioural questions have none yet (the gaps), the tags
//! input, tag counts and filtering. The views in `pages/stories.rs` and
//! `components/linked_stories.rs` only display what these return.

use std::collections::BTreeMap;

use crate::bank::{Category, Question};
use crate::data::Story;

/// What a story with no title is called in lists.
pub const UNTITLED: &str = "Untitled story";

/// The title to show: the user's, trimmed, or "Untitled story".
pub fn display_title(story: &Story) -> &str {
    match story.title.trim() {
        "" => UNTITLED,
        title => title,
    }
}

/// "edited 2026-11-26", in the time zone `utc_offset_min` minutes east of UTC.
pub fn edited_on(story: &Story, utc_offset_min: i32) -> String {
    let day = crate::time::local_day(story.updated_ms, utc_offset_min);
    format!("edited {}", crate::time::format_date(day))
}

/// All stories, most recently edited first (ties by id, so the order is stable).
pub fn most_recent_first(stories: &BTreeMap<String, Story>) -> Vec<(&str, &Story)> {
    let mut all: Vec<(&str, &Story)> = stories.iter().map(|(id, s)| (id.as_str(), s)).collect();
    all.sort_by(|a, b| b.1.updated_ms.cmp(&a.1.updated_ms).then(a.0.cmp(b.0)));
    all
}

/// The stories linked to a question, most recently edited first.
pub fn linked_to<'a>(
    stories: &'a BTreeMap<String, Story>,
    question_id: &str,
) -> Vec<(&'a str, &'a Story)> {
    by_link(stories, question_id, true)
}

/// The stories not linked to a question (for "Link a story"), most recent first.
pub fn not_linked_to<'a>(
    stories: &'a BTreeMap<String, Story>,
    question_id: &str,
) -> Vec<(&'a str, &'a Story)> {
    by_link(stories, question_id, false)
}

fn by_link<'a>(
    stories: &'a BTreeMap<String, Story>,
    question_id: &str,
    linked: bool,
) -> Vec<(&'a str, &'a Story)> {
    most_recent_first(stories)
        .into_iter()
        .filter(|(_, s)| s.questions.contains(question_id) == linked)
        .collect()
}

/// The behavioural questions, in bank order.
pub fn behavioural(questions: &[&'static Question]) -> Vec<&'static Question> {
    questions
        .iter()
        .copied()
        .filter(|q| q.category == Category::Behavioural)
        .collect()
}

/// Behavioural questions that no story answers yet, in bank order. A linked
/// story with no STAR text written yet (a title alone) does not count.
pub fn gaps(
    stories: &BTreeMap<String, Story>,
    questions: &[&'static Question],
) -> Vec<&'static Question> {
    behavioural(questions)
        .into_iter()
        .filter(|q| {
            !stories
                .values()
                .any(|s| !s.star.is_empty() && s.questions.contains(q.id))
        })
        .collect()
}

/// The tags typed in the tags field: comma separated, trimmed, inner spaces
/// collapsed, blanks dropped, duplicates (ignoring case) kept once in the
/// spelling first typed.
pub fn parse_tags(input: &str) -> Vec<String> {
    let mut tags: Vec<String> = Vec::new();
    for part in input.split(',') {
        let tag = part.split_whitespace().collect::<Vec<_>>().join(" ");
        if tag.is_empty() || tags.iter().any(|t| t.to_lowercase() == tag.to_lowercase()) {
            continue;
        }
        tags.push(tag);
    }
    tags
}

/// Tags as the tags field shows them.
pub fn format_tags(tags: &[String]) -> String {
    tags.join(", ")
}

/// Every tag with how many stories carry it, alphabetical (ignoring case).
/// Tags differing only in case count as one, in the first spelling seen.
pub fn tag_counts(stories: &BTreeMap<String, Story>) -> Vec<(String, usize)> {
    let mut counts: BTreeMap<String, (String, usize)> = BTreeMap::new();
    for story in stories.values() {
        for tag in parse_tags(&format_tags(&story.tags)) {
            let entry = counts
                .entry(tag.to_lowercase())
                .or_insert_with(|| (tag.clone(), 0));
            entry.1 += 1;
        }
    }
    counts.into_values().collect()
}

/// Whether a story carries a tag (ignoring case).
pub fn has_tag(story: &Story, tag: &str) -> bool {
    let tag = tag.trim().to_lowercase();
    story.tags.iter().any(|t| t.trim().to_lowercase() == tag)
}

/// The stories with a tag (all of them for `None`), most recent first.
pub fn with_tag<'a>(
    stories: &'a BTreeMap<String, Story>,
    tag: Option<&str>,
) -> Vec<(&'a str, &'a Story)> {
    most_recent_first(stories)
        .into_iter()
        .filter(|(_, s)| tag.is_none_or(|t| has_tag(s, t)))
        .collect()
}

/// Whether a question's text matches the filter typed above the question
/// checklist: every word appears, ignoring case. An empty filter matches all.
pub fn question_matches(text: &str, filter: &str) -> bool {
    let text = text.to_lowercase();
    filter
        .split_whitespace()
        .all(|word| text.contains(&word.to_lowercase()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bank::QUESTIONS;
    use crate::data::StarText;

    fn story(title: &str, updated_ms: i64, questions: &[&str], tags: &[&str]) -> Story {
        Story {
            title: title.into(),
            star: StarText::default(),
            tags: tags.iter().map(|t| t.to_string()).collect(),
            questions: questions.iter().map(|q| q.to_string()).collect(),
            updated_ms,
        }
    }

    fn bank(stories: Vec<(&str, Story)>) -> BTreeMap<String, Story> {
        stories
            .into_iter()
            .map(|(id, s)| (id.to_string(), s))
            .collect()
    }

    #[test]
    fn tags_input_is_split_trimmed_and_deduplicated() {
        assert_eq!(
            parse_tags("k8s, leadership ,  , k8s"),
            vec!["k8s".to_string(), "leadership".to_string()]
        );
        assert_eq!(
            parse_tags("  incident   command, K8S, k8s,"),
            vec!["incident command", "K8S"]
        );
        assert!(parse_tags(" , ,, ").is_empty());
        assert_eq!(format_tags(&parse_tags("a,b")), "a, b");
        // What the field shows parses back to the same tags.
        let tags = parse_tags("on call, k8s");
        assert_eq!(parse_tags(&format_tags(&tags)), tags);
    }

    #[test]
    fn linked_stories_are_most_recent_first() {
        let stories = bank(vec![
            ("a", story("Old", 10, &["q1"], &[])),
            ("b", story("New", 30, &["q1", "q2"], &[])),
            ("c", story("Other", 20, &["q2"], &[])),
        ]);
        let titles = |list: Vec<(&str, &Story)>| {
            list.iter()
                .map(|(_, s)| s.title.clone())
                .collect::<Vec<_>>()
        };
        assert_eq!(titles(linked_to(&stories, "q1")), ["New", "Old"]);
        assert_eq!(titles(not_linked_to(&stories, "q1")), ["Other"]);
        assert!(linked_to(&stories, "q9").is_empty());
        assert_eq!(titles(most_recent_first(&stories)), ["New", "Other", "Old"]);
    }

    #[test]
    fn gaps_are_behavioural_questions_without_a_written_story_in_bank_order() {
        let all = behavioural(&crate::bank::all());
        assert!(all.len() > 3, "the bank has behavioural questions");
        assert!(all.iter().all(|q| q.category == Category::Behavioural));
        assert_eq!(gaps(&BTreeMap::new(), &crate::bank::all()), all);

        let technical = QUESTIONS
            .iter()
            .find(|q| q.category == Category::Technical)
            .map(|q| q.id)
            .unwrap_or("none");
        let mut written = story("Failover", 1, &[all[0].id, all[2].id, technical], &[]);
        written.star.action = "I moved traffic to the standby region.".into();
        let stories = bank(vec![
            ("a", written),
            // Linked with a title but no STAR text yet: still a gap.
            ("b", story("Pager storm", 2, &[all[1].id], &[])),
        ]);
        let left = gaps(&stories, &crate::bank::all());
        assert_eq!(left.len(), all.len() - 2);
        assert_eq!(left[0].id, all[1].id);
        assert!(!left.iter().any(|q| q.id == all[0].id || q.id == all[2].id));
        // Bank order is kept.
        let positions: Vec<usize> = left
            .iter()
            .map(|q| all.iter().position(|b| b.id == q.id).unwrap_or(usize::MAX))
            .collect();
        assert!(positions.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn tags_are_counted_and_filter_the_list() {
        let stories = bank(vec![
            ("a", story("One", 10, &[], &["k8s", "leadership"])),
            ("b", story("Two", 30, &[], &["K8s"])),
            ("c", story("Three", 20, &[], &[])),
        ]);
        assert_eq!(
            tag_counts(&stories),
            vec![("k8s".to_string(), 2), ("leadership".to_string(), 1)]
        );
        let titles = |list: Vec<(&str, &Story)>| {
            list.iter()
                .map(|(_, s)| s.title.clone())
                .collect::<Vec<_>>()
        };
        assert_eq!(titles(with_tag(&stories, Some("k8s"))), ["Two", "One"]);
        assert_eq!(titles(with_tag(&stories, Some("leadership"))), ["One"]);
        assert!(with_tag(&stories, Some("cooking")).is_empty());
        assert_eq!(titles(with_tag(&stories, None)), ["Two", "Three", "One"]);
    }

    #[test]
    fn untitled_stories_get_a_name_and_the_question_filter_needs_every_word() {
        assert_eq!(display_title(&story("  ", 0, &[], &[])), UNTITLED);
        assert_eq!(display_title(&story(" Failover ", 0, &[], &[])), "Failover");
        let text = "Tell me about a time you disagreed with your manager.";
        assert!(question_matches(text, ""));
        assert!(question_matches(text, "DISAGREED manager"));
        assert!(!question_matches(text, "disagreed vendor"));
    }
}
