//! Finding questions: filters by category and topic, and a case-insensitive
//! text search over question text, topics and talking points (a lab's
//! scenario and prevention instead). Pure Rust.

use crate::bank::{self, model::inline_text, Category, Question};

/// What the question list shows. It travels in the URL so that a reload, a
/// shared link and previous/next on a question page all see the same list.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ListQuery {
    pub category: Option<Category>,
    pub topic: Option<String>,
    pub text: String,
    /// Only bookmarked questions (applied by the caller, who has the marks).
    pub bookmarked: bool,
    /// Only the user's own questions.
    pub mine: bool,
}

/// Lowercased search text for each question, built once: at once with
/// [`SearchIndex::new`], or at the first search with text with
/// [`SearchIndex::lazy`] (listing and filtering never need it, and building it
/// decompresses the bank's talking points).
pub struct SearchIndex<'a> {
    questions: Vec<&'a Question>,
    haystacks: std::sync::OnceLock<Vec<String>>,
}

fn haystack(question: &Question) -> String {
    let mut text = String::from(question.text);
    for slug in question.topics {
        text.push('\n');
        text.push_str(slug);
        text.push('\n');
        text.push_str(&crate::own::topic_label(slug));
    }
    let points = question
        .lab
        .map_or(question.talking_points, |lab| lab.prevention);
    for point in points.iter() {
        text.push('\n');
        text.push_str(&inline_text(point));
    }
    if let Some(lab) = question.lab {
        for block in lab.scenario.blocks() {
            if let bank::Block::Paragraph(inline) = block {
                text.push('\n');
                text.push_str(&inline_text(inline));
            }
        }
    }
    text.to_lowercase()
}

impl<'a> SearchIndex<'a> {
    pub fn new(questions: impl IntoIterator<Item = &'a Question>) -> Self {
        let index = SearchIndex::lazy(questions);
        let _ = index.haystacks();
        index
    }

    pub fn lazy(questions: impl IntoIterator<Item = &'a Question>) -> Self {
        SearchIndex {
            questions: questions.into_iter().collect(),
            haystacks: std::sync::OnceLock::new(),
        }
    }

    /// Built once the bank's text is there; until then (the wasm build
    /// fetches it) question text and topics only, built for each search.
    fn haystacks(&self) -> std::borrow::Cow<'_, [String]> {
        if !bank::text_loaded() {
            return self
                .questions
                .iter()
                .map(|q| haystack(q))
                .collect::<Vec<_>>()
                .into();
        }
        self.haystacks
            .get_or_init(|| self.questions.iter().map(|q| haystack(q)).collect())
            .into()
    }

    /// The questions matching every filter, in bank order. Every word of the
    /// text must appear (as a substring) somewhere in the question's text,
    /// topics or talking points.
    pub fn search(&self, query: &ListQuery) -> Vec<&'a Question> {
        let needle = query.text.to_lowercase();
        let words: Vec<&str> = needle.split_whitespace().collect();
        let haystacks = if words.is_empty() {
            Vec::new().into()
        } else {
            self.haystacks()
        };
        self.questions
            .iter()
            .copied()
            .enumerate()
            .filter(|(_, q)| query.category.is_none_or(|c| q.category == c))
            .filter(|(_, q)| query.topic.as_deref().is_none_or(|t| q.topics.contains(&t)))
            .filter(|(i, _)| words.iter().all(|w| haystacks[*i].contains(w)))
            .map(|(_, q)| q)
            .collect()
    }
}

impl<'a> SearchIndex<'a> {
    /// `search`, then keeps only bookmarked questions when the query asks.
    pub fn search_marked(
        &self,
        query: &ListQuery,
        bookmarks: &std::collections::BTreeSet<String>,
    ) -> Vec<&'a Question> {
        let mut found = self.search(query);
        if query.bookmarked {
            found.retain(|q| bookmarks.contains(q.id));
        }
        found
    }
}

/// The index over the embedded bank.
pub fn bank_index() -> &'static SearchIndex<'static> {
    static INDEX: std::sync::OnceLock<SearchIndex<'static>> = std::sync::OnceLock::new();
    INDEX.get_or_init(|| SearchIndex::lazy(bank::QUESTIONS))
}

/// The list a query shows: the bank's matches, then the user's own (`own`,
/// indexed for each search: there are few), or only those with `mine`.
pub fn search_all(
    query: &ListQuery,
    own: &[&'static Question],
    bookmarks: &std::collections::BTreeSet<String>,
) -> Vec<&'static Question> {
    let mut found = if query.mine {
        Vec::new()
    } else {
        bank_index().search_marked(query, bookmarks)
    };
    found.extend(SearchIndex::lazy(own.iter().copied()).search_marked(query, bookmarks));
    found
}

/// Previous and next question around `id` within a list.
pub fn neighbours<'a>(
    list: &[&'a Question],
    id: &str,
) -> (Option<usize>, Option<&'a Question>, Option<&'a Question>) {
    match list.iter().position(|q| q.id == id) {
        Some(i) => (
            Some(i),
            i.checked_sub(1).map(|p| list[p]),
            list.get(i + 1).copied(),
        ),
        None => (None, None, None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bank::{Items, Text};

    const fn q(
        id: &'static str,
        category: Category,
        text: &'static str,
        topics: &'static [&'static str],
        talking_points: &'static str,
    ) -> Question {
        Question {
            category,
            text,
            topics,
            talking_points: Items(Text::Static(talking_points)),
            ..Question::blank(id)
        }
    }

    static SAMPLE: [Question; 3] = [
        q(
            "pager-noise",
            Category::General,
            "How do you keep on-call sane?",
            &["observability"],
            // "Page on **user-facing symptoms**", in the bank's markup.
            "Page on \u{12}user-facing symptoms\nEscalate after 15 minutes",
        ),
        q(
            "k8s-probes",
            Category::Technical,
            "Liveness versus readiness probes",
            &["kubernetes"],
            "Readiness gates traffic",
        ),
        q(
            "wrong-call",
            Category::Behavioural,
            "Tell me about a decision that turned out WRONG",
            &["leadership", "incidents"],
            "Own the mistake early",
        ),
    ];

    fn ids(found: Vec<&Question>) -> Vec<&'static str> {
        found.iter().map(|q| q.id).collect()
    }

    fn text(t: &str) -> ListQuery {
        ListQuery {
            text: t.into(),
            ..ListQuery::default()
        }
    }

    #[test]
    fn empty_query_lists_everything_in_order() {
        let index = SearchIndex::new(&SAMPLE);
        assert_eq!(
            ids(index.search(&ListQuery::default())),
            ["pager-noise", "k8s-probes", "wrong-call"]
        );
    }

    #[test]
    fn matches_question_text_case_insensitively() {
        let index = SearchIndex::new(&SAMPLE);
        assert_eq!(ids(index.search(&text("wrong"))), ["wrong-call"]);
        assert_eq!(ids(index.search(&text("LIVENESS"))), ["k8s-probes"]);
    }

    #[test]
    fn matches_talking_points_across_spans() {
        let index = SearchIndex::new(&SAMPLE);
        assert_eq!(ids(index.search(&text("on user-facing"))), ["pager-noise"]);
        assert_eq!(ids(index.search(&text("gates traffic"))), ["k8s-probes"]);
        assert_eq!(ids(index.search(&text("escalate"))), ["pager-noise"]);
    }

    #[test]
    fn matches_topic_slugs_and_names() {
        let index = SearchIndex::new(&SAMPLE);
        assert_eq!(ids(index.search(&text("kubernetes"))), ["k8s-probes"]);
    }

    #[test]
    fn a_lazy_index_finds_the_same() {
        let lazy = SearchIndex::lazy(&SAMPLE);
        assert_eq!(ids(lazy.search(&ListQuery::default())).len(), 3);
        assert_eq!(ids(lazy.search(&text("escalate"))), ["pager-noise"]);
        assert_eq!(ids(lazy.search(&text("probes"))), ["k8s-probes"]);
    }

    #[test]
    fn every_word_must_match() {
        let index = SearchIndex::new(&SAMPLE);
        assert_eq!(ids(index.search(&text("readiness probes"))), ["k8s-probes"]);
        assert!(index.search(&text("readiness pager")).is_empty());
        assert!(index.search(&text("zzz")).is_empty());
    }

    #[test]
    fn filters_combine_with_text() {
        let index = SearchIndex::new(&SAMPLE);
        let by_category = ListQuery {
            category: Some(Category::Technical),
            ..ListQuery::default()
        };
        assert_eq!(ids(index.search(&by_category)), ["k8s-probes"]);
        let by_topic = ListQuery {
            topic: Some("incidents".into()),
            ..ListQuery::default()
        };
        assert_eq!(ids(index.search(&by_topic)), ["wrong-call"]);
        let both = ListQuery {
            category: Some(Category::General),
            text: "probes".into(),
            ..ListQuery::default()
        };
        assert!(index.search(&both).is_empty());
    }

    #[test]
    fn bookmarked_filter_keeps_only_bookmarks() {
        let index = SearchIndex::new(&SAMPLE);
        let marks: std::collections::BTreeSet<String> = ["wrong-call".to_string()].into();
        let query = ListQuery {
            bookmarked: true,
            ..ListQuery::default()
        };
        assert_eq!(ids(index.search_marked(&query, &marks)), ["wrong-call"]);
        assert_eq!(index.search_marked(&ListQuery::default(), &marks).len(), 3);
    }

    #[test]
    fn neighbours_within_a_list() {
        let list: Vec<&Question> = SAMPLE.iter().collect();
        let (pos, prev, next) = neighbours(&list, "k8s-probes");
        assert_eq!(pos, Some(1));
        assert_eq!(prev.map(|q| q.id), Some("pager-noise"));
        assert_eq!(next.map(|q| q.id), Some("wrong-call"));
        let (_, prev, _) = neighbours(&list, "pager-noise");
        assert!(prev.is_none());
        assert_eq!(neighbours(&list, "missing"), (None, None, None));
    }

    #[test]
    fn the_real_bank_is_searchable_by_talking_points() {
        // Every question can be found by the first talking point it lists,
        // a lab by its first prevention bullet and by its scenario's words.
        for question in bank::QUESTIONS {
            let points = question
                .lab
                .map_or(question.talking_points, |lab| lab.prevention);
            let point = inline_text(points.get(0).expect("a point"));
            if let Some(lab) = question.lab {
                let Some(bank::Block::Paragraph(first)) = lab.scenario.blocks().next() else {
                    panic!("{}: a scenario starts with a paragraph", question.id)
                };
                let opening: String = inline_text(first)
                    .split_whitespace()
                    .take(6)
                    .collect::<Vec<_>>()
                    .join(" ");
                let found = bank_index().search(&text(&opening));
                assert!(
                    found.iter().any(|q| q.id == question.id),
                    "{} not found by `{opening}`",
                    question.id
                );
            }
            let found = bank_index().search(&text(&point));
            assert!(
                found.iter().any(|q| q.id == question.id),
                "{} not found by `{point}`",
                question.id
            );
        }
    }
}
