//! "Only what changed": the part of the user's data edited since a time,
//! for a transfer to a device that already has the rest. Merging is a union
//! that never drops text, so a smaller backup is safe to merge; what has no
//! time of its own (marks, settings, the interview log) is small and always
//! sent.

use std::collections::BTreeMap;

use crate::data::records::{Schedule, UserData};

/// The records of `map` whose time (`at`) is after `since_ms`.
fn after<T: Clone>(
    map: &BTreeMap<String, T>,
    since_ms: i64,
    at: impl Fn(&T) -> i64,
) -> BTreeMap<String, T> {
    map.iter()
        .filter(|(_, record)| at(record) > since_ms)
        .map(|(id, record)| (id.clone(), record.clone()))
        .collect()
}

pub fn changed_since(data: &UserData, since_ms: i64) -> UserData {
    let newer = |ms: i64| ms > since_ms;
    UserData {
        answers: after(&data.answers, since_ms, |a| a.updated_ms),
        schedule: Schedule {
            cards: after(&data.schedule.cards, since_ms, |c| c.last_review_ms),
            reviews: data
                .schedule
                .reviews
                .iter()
                .filter(|r| newer(r.at_ms))
                .cloned()
                .collect(),
        },
        marks: data.marks.clone(),
        settings: data.settings.clone(),
        stories: after(&data.stories, since_ms, |s| s.updated_ms),
        mocks: crate::data::records::MockHistory {
            sessions: data
                .mocks
                .sessions
                .iter()
                .filter(|m| newer(m.finished_ms))
                .cloned()
                .collect(),
        },
        own: after(&data.own, since_ms, |q| q.updated_ms),
        interviews: data.interviews.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::fixtures;
    use crate::data::merge;

    #[test]
    fn only_later_edits_go_and_merging_them_matches_merging_everything() {
        let mut laptop = fixtures::sample();
        let phone = laptop.clone();
        let since = laptop
            .answers
            .values()
            .map(|a| a.updated_ms)
            .max()
            .unwrap_or(0);
        let (id, answer) = laptop.answers.iter_mut().next().expect("an answer");
        let id = id.clone();
        answer.text.push_str(" And the rollback.");
        answer.updated_ms = since + 10;
        let delta = changed_since(&laptop, since);
        assert_eq!(delta.answers.keys().collect::<Vec<_>>(), vec![&id]);
        assert!(delta.stories.values().all(|s| s.updated_ms > since));
        let (by_delta, _) = merge::merge(&phone, &delta);
        let (by_all, _) = merge::merge(&phone, &laptop);
        assert_eq!(by_delta.answers, by_all.answers);
        assert_eq!(by_delta.stories, by_all.stories);
        assert_eq!(by_delta.own, by_all.own);
    }
}
