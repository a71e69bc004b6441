//! Merging a backup into what is here, never dropping text: when two
//! different versions of an answer or a story meet, the newer leads and the
//! older is kept below it.

use std::collections::{BTreeMap, BTreeSet};

use super::records::{Answer, AnswerVersion, StarText, Story, UserData};
use crate::time;

/// What a merge would do, shown to the user before anything changes.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MergeSummary {
    pub added: Vec<String>,
    pub updated: Vec<String>,
    pub kept_both: Vec<String>,
    pub unchanged: usize,
    pub cards_updated: usize,
    pub reviews_added: usize,
    pub bookmarks_added: usize,
    pub ticks_added: usize,
    /// Story titles.
    pub stories_added: Vec<String>,
    pub stories_kept_both: Vec<String>,
    pub mocks_added: usize,
    /// Own questions' texts: new here, or a newer edit of one here.
    pub own_added: Vec<String>,
    pub own_updated: Vec<String>,
    /// Own questions edited differently in both places: the older edit is
    /// kept as a question of its own.
    pub own_kept_both: Vec<String>,
    pub interviews_added: usize,
}

impl MergeSummary {
    pub fn changes_anything(&self) -> bool {
        !self.added.is_empty()
            || !self.updated.is_empty()
            || !self.kept_both.is_empty()
            || self.cards_updated > 0
            || self.reviews_added > 0
            || self.bookmarks_added > 0
            || self.ticks_added > 0
            || !self.stories_added.is_empty()
            || !self.stories_kept_both.is_empty()
            || self.mocks_added > 0
            || !self.own_added.is_empty()
            || !self.own_updated.is_empty()
            || !self.own_kept_both.is_empty()
            || self.interviews_added > 0
    }
}

fn divider(updated_ms: i64) -> String {
    format!(
        "\n\n--- Also kept: the other version, edited {} ---\n",
        time::format_date(updated_ms.div_euclid(time::DAY_MS))
    )
}

/// Joins two texts: the newer leads; the older is appended unless the newer
/// already contains it. Returns the text and whether the older was appended.
fn join_text(newer: &str, older: &str, older_ms: i64) -> (String, bool) {
    if older.trim().is_empty() || newer.contains(older.trim()) {
        (newer.to_string(), false)
    } else if newer.trim().is_empty() {
        (older.to_string(), false)
    } else {
        (format!("{newer}{}{older}", divider(older_ms)), true)
    }
}

/// Merges two versions of one answer: the newer leads and the older is kept
/// below it unless the newer already contains it. Also says whether it was kept.
pub fn merge_answer(local: &Answer, incoming: &Answer) -> (Answer, bool) {
    if incoming.updated_ms > local.updated_ms {
        keep_both(incoming, local)
    } else {
        keep_both(local, incoming)
    }
}

/// Keeps `lead` first and appends what `other` has that `lead` does not.
/// Says whether anything was appended.
pub fn keep_both(lead: &Answer, other: &Answer) -> (Answer, bool) {
    let mut kept_both = false;
    let mut join = |a: &str, b: &str| {
        let (text, both) = join_text(a, b, other.updated_ms);
        kept_both |= both;
        text
    };
    let mut merged = Answer {
        text: join(&lead.text, &other.text),
        star: StarText {
            situation: join(&lead.star.situation, &other.star.situation),
            task: join(&lead.star.task, &other.star.task),
            action: join(&lead.star.action, &other.star.action),
            result: join(&lead.star.result, &other.star.result),
        },
        updated_ms: lead.updated_ms.max(other.updated_ms),
        previous: union_versions(&lead.previous, &other.previous),
        follow_ups: BTreeMap::new(),
        steps: Vec::new(),
    };
    let follow_ups: BTreeSet<&String> = lead
        .follow_ups
        .keys()
        .chain(other.follow_ups.keys())
        .collect();
    for question in follow_ups {
        let text = join(lead.follow_up(question), other.follow_up(question));
        merged.follow_ups.insert(question.clone(), text);
    }
    for index in 0..lead.steps.len().max(other.steps.len()) {
        let text = join(lead.step(index), other.step(index));
        merged.set_step(index, text);
    }
    (merged, kept_both)
}

/// Both lists of previous versions, without repeats, oldest first.
fn union_versions(a: &[AnswerVersion], b: &[AnswerVersion]) -> Vec<AnswerVersion> {
    let mut all: Vec<AnswerVersion> = a.to_vec();
    for version in b {
        if !all.contains(version) {
            all.push(version.clone());
        }
    }
    all.sort_by_key(|v| (v.replaced_ms, v.updated_ms));
    all
}

/// Merges two versions of one story like answers: the newer leads, the
/// older's different text is kept below it; tags and links are united.
/// Says whether text from both was kept.
pub fn merge_story(local: &Story, incoming: &Story) -> (Story, bool) {
    let (lead, other) = if incoming.updated_ms > local.updated_ms {
        (incoming, local)
    } else {
        (local, incoming)
    };
    let mut kept_both = false;
    let title = if other.title.trim().is_empty() || lead.title.contains(other.title.trim()) {
        lead.title.clone()
    } else if lead.title.trim().is_empty() {
        other.title.clone()
    } else {
        kept_both = true;
        format!(
            "{} (also titled: {})",
            lead.title.trim(),
            other.title.trim()
        )
    };
    let mut join = |a: &str, b: &str| {
        let (text, both) = join_text(a, b, other.updated_ms);
        kept_both |= both;
        text
    };
    let star = StarText {
        situation: join(&lead.star.situation, &other.star.situation),
        task: join(&lead.star.task, &other.star.task),
        action: join(&lead.star.action, &other.star.action),
        result: join(&lead.star.result, &other.star.result),
    };
    let mut tags = lead.tags.clone();
    for tag in &other.tags {
        if !tags.contains(tag) {
            tags.push(tag.clone());
        }
    }
    let merged = Story {
        title,
        star,
        tags,
        questions: lead.questions.union(&other.questions).cloned().collect(),
        updated_ms: lead.updated_ms.max(other.updated_ms),
    };
    (merged, kept_both)
}

/// Merges a backup into the current data. Settings stay as they are here.
pub fn merge(local: &UserData, incoming: &UserData) -> (UserData, MergeSummary) {
    let mut out = local.clone();
    let mut summary = MergeSummary::default();
    for (id, theirs) in &incoming.answers {
        match local.answers.get(id) {
            None => {
                // An empty answer may still carry earlier versions.
                if !theirs.is_empty() || !theirs.previous.is_empty() {
                    out.answers.insert(id.clone(), theirs.clone());
                    summary.added.push(id.clone());
                }
            }
            Some(ours) if ours.text == theirs.text && ours.star == theirs.star => {
                summary.unchanged += 1;
                let previous = union_versions(&ours.previous, &theirs.previous);
                if previous != ours.previous {
                    if let Some(answer) = out.answers.get_mut(id) {
                        answer.previous = previous;
                    }
                }
            }
            Some(ours) => {
                let (merged, kept_both) = merge_answer(ours, theirs);
                if merged.text == ours.text && merged.star == ours.star {
                    summary.unchanged += 1;
                    continue;
                }
                if kept_both {
                    summary.kept_both.push(id.clone());
                } else {
                    summary.updated.push(id.clone());
                }
                out.answers.insert(id.clone(), merged);
            }
        }
    }
    for (id, card) in &incoming.schedule.cards {
        let newer = local
            .schedule
            .cards
            .get(id)
            .is_none_or(|ours| card.last_review_ms > ours.last_review_ms);
        if newer {
            out.schedule.cards.insert(id.clone(), card.clone());
            summary.cards_updated += 1;
        }
    }
    for review in &incoming.schedule.reviews {
        let known = out
            .schedule
            .reviews
            .iter()
            .any(|r| r.id == review.id && r.at_ms == review.at_ms);
        if !known {
            out.schedule.reviews.push(review.clone());
            summary.reviews_added += 1;
        }
    }
    out.schedule.reviews.sort_by_key(|r| r.at_ms);
    for (id, ticks) in &incoming.marks.ticks {
        let ours = out.marks.ticks.entry(id.clone()).or_default();
        for tick in ticks {
            summary.ticks_added += usize::from(ours.insert(*tick));
        }
    }
    for id in &incoming.marks.bookmarks {
        if out.marks.bookmarks.insert(id.clone()) {
            summary.bookmarks_added += 1;
        }
    }
    for (id, theirs) in &incoming.stories {
        match local.stories.get(id) {
            None => {
                out.stories.insert(id.clone(), theirs.clone());
                summary.stories_added.push(theirs.title.clone());
            }
            Some(ours) if ours == theirs => {}
            Some(ours) => {
                let (merged, kept_both) = merge_story(ours, theirs);
                if &merged != ours {
                    if kept_both {
                        summary.stories_kept_both.push(merged.title.clone());
                    }
                    out.stories.insert(id.clone(), merged);
                }
            }
        }
    }
    for (id, theirs) in &incoming.own {
        match local.own.get(id) {
            None => {
                out.own.insert(id.clone(), theirs.clone());
                summary.own_added.push(theirs.question.clone());
            }
            Some(ours) => {
                let (merged, other) = crate::own::merge(ours, theirs);
                if let Some(other) = other {
                    let kept_as = crate::own::new_id(&other.question, |taken| {
                        out.own.contains_key(taken) || incoming.own.contains_key(taken)
                    });
                    summary.own_kept_both.push(other.question.clone());
                    out.own.insert(kept_as, other);
                }
                if &merged != ours {
                    summary.own_updated.push(merged.question.clone());
                    out.own.insert(id.clone(), merged);
                }
            }
        }
    }
    summary.interviews_added = out.interviews.merge(&incoming.interviews);
    for session in &incoming.mocks.sessions {
        if !out
            .mocks
            .sessions
            .iter()
            .any(|s| s.started_ms == session.started_ms)
        {
            out.mocks.sessions.push(session.clone());
            summary.mocks_added += 1;
        }
    }
    out.mocks.sessions.sort_by_key(|s| s.started_ms);
    (out, summary)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::fixtures::{answer, sample, story};
    use crate::data::records::{MockRecord, Review};

    #[test]
    fn an_own_question_edited_in_both_places_keeps_both_edits() {
        let local = sample();
        let ours = &local.own["mine-split-state"];
        let mut incoming = UserData::default();
        let mut theirs = ours.clone();
        theirs.question = "How would you split Terraform state for 60 teams?".into();
        theirs.updated_ms = ours.updated_ms + 1;
        incoming
            .own
            .insert("mine-split-state".into(), theirs.clone());
        let (merged, summary) = merge(&local, &incoming);
        assert_eq!(
            merged.own["mine-split-state"], theirs,
            "the newer edit keeps the id"
        );
        let kept: Vec<&crate::own::OwnQuestion> =
            merged.own.values().filter(|q| *q == ours).collect();
        assert_eq!(kept.len(), 1, "the older edit is kept beside it");
        assert_eq!(
            summary.own_kept_both.as_slice(),
            std::slice::from_ref(&ours.question)
        );
        // The same question again changes nothing.
        let (again, summary) = merge(&merged, &incoming);
        assert_eq!(again, merged);
        assert!(!summary.changes_anything());
    }

    #[test]
    fn stories_merge_without_losing_text_and_mocks_are_united() {
        let local = sample();
        let mut incoming = UserData::default();
        let mut changed = story("Migration", "We moved 40 services in a quarter.", 5_000);
        changed.tags = vec!["leadership".into()];
        changed.questions = ["outage-you-caused".to_string()].into();
        incoming.stories.insert("s1".into(), changed);
        incoming
            .stories
            .insert("s2".into(), story("Pager storm", "Cut alerts.", 6_000));
        incoming.mocks = local.mocks.clone();
        incoming.mocks.sessions.push(MockRecord {
            started_ms: 1_000,
            ..MockRecord::default()
        });
        let (merged, summary) = merge(&local, &incoming);
        assert_eq!(summary.stories_added, vec!["Pager storm".to_string()]);
        assert_eq!(summary.stories_kept_both, vec!["Migration".to_string()]);
        assert_eq!(summary.mocks_added, 1);
        let s1 = &merged.stories["s1"];
        assert!(s1
            .star
            .action
            .starts_with("We moved 40 services in a quarter."));
        assert!(
            s1.star.action.contains("We moved 40 services."),
            "{}",
            s1.star.action
        );
        assert_eq!(
            s1.tags,
            vec!["leadership".to_string(), "migration".to_string()]
        );
        assert_eq!(s1.questions.len(), 2);
        assert_eq!(s1.title, "Migration");
        let (renamed, both) = merge_story(
            &story("Database move", "x", 9_000),
            &story("Migration", "x", 1_000),
        );
        assert!(both);
        assert_eq!(renamed.title, "Database move (also titled: Migration)");
        assert_eq!(merged.mocks.sessions.len(), 2);
        assert_eq!(merged.mocks.sessions[0].started_ms, 1_000, "oldest first");
        // Merging the same file again changes nothing.
        let (_, again) = merge(&merged, &incoming);
        assert!(!again.changes_anything(), "{again:?}");
    }

    #[test]
    fn previous_versions_travel_with_merges() {
        let local = sample();
        let mut incoming = UserData::default();
        let mut theirs = local.answers["alert-fatigue"].clone();
        theirs.previous = vec![AnswerVersion {
            text: "Another old draft.".into(),
            replaced_ms: 700,
            ..AnswerVersion::default()
        }];
        incoming.answers.insert("alert-fatigue".into(), theirs);
        let (merged, _) = merge(&local, &incoming);
        let texts: Vec<&str> = merged.answers["alert-fatigue"]
            .previous
            .iter()
            .map(|v| v.text.as_str())
            .collect();
        assert_eq!(texts, ["Another old draft.", "First try."]);
        // An answer emptied by a mock interview still brings its versions.
        let mut emptied = UserData::default();
        emptied.answers.insert(
            "new-here".into(),
            Answer {
                previous: local.answers["alert-fatigue"].previous.clone(),
                ..Answer::default()
            },
        );
        let (merged, _) = merge(&UserData::default(), &emptied);
        assert_eq!(merged.answers["new-here"].previous.len(), 1);
    }

    #[test]
    fn merge_adds_what_is_missing_and_keeps_what_is_here() {
        let local = sample();
        let mut incoming = UserData::default();
        incoming
            .answers
            .insert("new-one".into(), answer("From my laptop.", 5_000));
        incoming.marks.bookmarks.insert("new-one".into());
        let (merged, summary) = merge(&local, &incoming);
        assert_eq!(summary.added, vec!["new-one"]);
        assert_eq!(summary.bookmarks_added, 1);
        assert_eq!(merged.answers.len(), 3);
        assert_eq!(
            merged.answers["alert-fatigue"],
            local.answers["alert-fatigue"]
        );
        assert_eq!(merged.settings, local.settings, "settings are not merged");
    }

    #[test]
    fn newer_edit_wins_when_it_contains_the_older() {
        let local = sample();
        let mut incoming = UserData::default();
        incoming.answers.insert(
            "alert-fatigue".into(),
            answer("Page on symptoms. And add runbooks.", 3_000),
        );
        let (merged, summary) = merge(&local, &incoming);
        assert_eq!(summary.updated, vec!["alert-fatigue"]);
        assert_eq!(
            merged.answers["alert-fatigue"].text,
            "Page on symptoms. And add runbooks."
        );
        assert_eq!(merged.answers["alert-fatigue"].updated_ms, 3_000);

        // An older backup of the same answer changes nothing.
        let mut old = UserData::default();
        old.answers
            .insert("alert-fatigue".into(), answer("Page on", 10));
        let (merged, summary) = merge(&local, &old);
        assert_eq!(summary.unchanged, 1);
        assert_eq!(merged, local);
    }

    #[test]
    fn when_both_changed_both_texts_are_kept() {
        let local = sample();
        let mut incoming = UserData::default();
        incoming
            .answers
            .insert("alert-fatigue".into(), answer("Tiered severities.", 500));
        incoming.answers.insert(
            "conflict".into(),
            Answer {
                star: StarText {
                    situation: "Two teams, one database.".into(),
                    result: "p99 down from 900 ms to 300 ms.".into(),
                    ..StarText::default()
                },
                updated_ms: 4_000,
                ..Answer::default()
            },
        );
        let (merged, summary) = merge(&local, &incoming);
        assert_eq!(summary.kept_both, vec!["alert-fatigue", "conflict"]);
        let text = &merged.answers["alert-fatigue"].text;
        assert!(
            text.starts_with("Page on symptoms."),
            "the newer (local) leads: {text}"
        );
        assert!(
            text.ends_with("Tiered severities."),
            "the older is kept: {text}"
        );
        let star = &merged.answers["conflict"].star;
        assert!(star.result.starts_with("p99 down"));
        assert!(star.result.ends_with("Latency fell 40%."));
        assert_eq!(star.situation, "Two teams, one database.");
    }

    #[test]
    fn follow_up_answers_and_lab_steps_merge_like_the_answer() {
        let with = |follow_up: &str, step: &str, ms: i64| {
            let mut a = answer("", ms);
            a.follow_ups.insert("Why?".into(), follow_up.into());
            a.set_step(1, step.into());
            a
        };
        let local = with("Because of conntrack.", "Ports run out.", 900);
        let mut incoming = with("Because of NAT.", "Ports run out.", 100);
        incoming
            .follow_ups
            .insert("Only there?".into(), "Yes.".into());
        let (merged, kept_both) = keep_both(&local, &incoming);
        assert!(kept_both);
        let why = merged.follow_up("Why?");
        assert!(
            why.starts_with("Because of conntrack.") && why.ends_with("Because of NAT."),
            "{why}"
        );
        assert_eq!(merged.follow_up("Only there?"), "Yes.");
        assert_eq!(merged.steps, ["", "Ports run out."]);
    }

    #[test]
    fn schedules_keep_the_latest_card_and_union_reviews() {
        let local = sample();
        let mut incoming = UserData::default();
        let mut newer = local.schedule.cards["alert-fatigue"].clone();
        newer.last_review_ms = 8_000;
        newer.reps = 4;
        incoming
            .schedule
            .cards
            .insert("alert-fatigue".into(), newer.clone());
        incoming.schedule.reviews = vec![
            local.schedule.reviews[0].clone(),
            Review {
                id: "alert-fatigue".into(),
                at_ms: 8_000,
                rating: 4,
            },
        ];
        let (merged, summary) = merge(&local, &incoming);
        assert_eq!(merged.schedule.cards["alert-fatigue"], newer);
        assert_eq!(summary.reviews_added, 1);
        assert_eq!(merged.schedule.reviews.len(), 2);
        let (again, summary) = merge(&merged, &incoming);
        assert_eq!(again, merged, "merging twice changes nothing more");
        assert!(!summary.changes_anything());
    }
}
