//! Backups: one JSON file with everything the user has. Importing validates
//! the whole file before anything changes, and merging never drops text: when
//! two different versions of an answer meet, the newer leads and the older is
//! kept below it.

use std::collections::BTreeMap;
use std::fmt;

use serde::Serialize;
use serde_json::Value;

use super::codec::{self, SCHEMA_VERSION};
use super::records::{
    Answer, AnswerVersion, Marks, MockHistory, Schedule, Settings, StarText, Story, UserData,
};
use crate::time;

pub const APP_ID: &str = "opsdrill";
pub const MAX_BACKUP_BYTES: usize = 5 * 1024 * 1024;

#[derive(Serialize)]
struct BackupOut<'a> {
    app: &'static str,
    app_version: &'a str,
    schema_version: u64,
    exported_at: String,
    exported_at_ms: i64,
    answers: &'a BTreeMap<String, Answer>,
    schedule: &'a Schedule,
    marks: &'a Marks,
    settings: &'a Settings,
    stories: &'a BTreeMap<String, Story>,
    mocks: &'a MockHistory,
}

/// The backup file's text.
pub fn export(data: &UserData, now_ms: i64, app_version: &str) -> String {
    let out = BackupOut {
        app: APP_ID,
        app_version,
        schema_version: SCHEMA_VERSION,
        exported_at: time::iso_utc(now_ms),
        exported_at_ms: now_ms,
        answers: &data.answers,
        schedule: &data.schedule,
        marks: &data.marks,
        settings: &data.settings,
        stories: &data.stories,
        mocks: &data.mocks,
    };
    serde_json::to_string_pretty(&out).unwrap_or_default()
}

pub fn file_name(now_ms: i64) -> String {
    format!(
        "opsdrill-backup-{}.json",
        time::format_date(now_ms.div_euclid(time::DAY_MS))
    )
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportError {
    TooLarge(usize),
    NotText,
    NotJson(String),
    NotOpsDrill,
    NewerSchema(u64),
    Invalid(String),
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ImportError::TooLarge(n) => write!(
                f,
                "The file is {:.1} MB; a backup can be at most 5 MB.",
                *n as f64 / 1_048_576.0
            ),
            ImportError::NotText => write!(f, "The file is not text, so it cannot be an OpsDrill backup."),
            ImportError::NotJson(e) => write!(f, "The file is not valid JSON ({e})."),
            ImportError::NotOpsDrill => write!(
                f,
                "This is not an OpsDrill backup: it has no \"app\": \"opsdrill\" field."
            ),
            ImportError::NewerSchema(v) => write!(
                f,
                "This backup comes from a newer OpsDrill (schema {v}); this version reads up to schema {SCHEMA_VERSION}. Update the app, then import again."
            ),
            ImportError::Invalid(e) => write!(f, "The backup has a problem: {e}."),
        }
    }
}

fn section<T: serde::de::DeserializeOwned + Default>(
    map: &mut serde_json::Map<String, Value>,
    name: &str,
) -> Result<T, ImportError> {
    match map.remove(name) {
        None | Some(Value::Null) => Ok(T::default()),
        Some(value) => serde_json::from_value(value)
            .map_err(|e| ImportError::Invalid(format!("`{name}` is malformed: {e}"))),
    }
}

/// Reads and validates a backup file. Nothing is changed by this.
pub fn parse(bytes: &[u8]) -> Result<UserData, ImportError> {
    if bytes.len() > MAX_BACKUP_BYTES {
        return Err(ImportError::TooLarge(bytes.len()));
    }
    let text = std::str::from_utf8(bytes).map_err(|_| ImportError::NotText)?;
    let value: Value =
        serde_json::from_str(text).map_err(|e| ImportError::NotJson(e.to_string()))?;
    let Value::Object(mut map) = value else {
        return Err(ImportError::NotOpsDrill);
    };
    if map.get("app").and_then(Value::as_str) != Some(APP_ID) {
        return Err(ImportError::NotOpsDrill);
    }
    let schema = map
        .get("schema_version")
        .and_then(Value::as_u64)
        .ok_or_else(|| {
            ImportError::Invalid("`schema_version` is missing or not a number".into())
        })?;
    if schema > SCHEMA_VERSION {
        return Err(ImportError::NewerSchema(schema));
    }

    let mut answers = BTreeMap::new();
    match map.remove("answers") {
        None | Some(Value::Null) => {}
        Some(Value::Object(entries)) => {
            for (id, value) in entries {
                if id.is_empty() || id.contains('/') {
                    return Err(ImportError::Invalid(format!(
                        "answer id `{id}` is not a question id"
                    )));
                }
                let answer = codec::decode_answer(&value.to_string())
                    .map_err(|e| ImportError::Invalid(format!("the answer to `{id}`: {e}")))?;
                answers.insert(id, answer);
            }
        }
        Some(_) => return Err(ImportError::Invalid("`answers` is not an object".into())),
    }
    let schedule: Schedule = section(&mut map, "schedule")?;
    codec::validate_schedule(&schedule).map_err(|e| ImportError::Invalid(e.to_string()))?;
    let marks: Marks = section(&mut map, "marks")?;
    let settings: Settings = section(&mut map, "settings")?;
    codec::validate_settings(&settings).map_err(|e| ImportError::Invalid(e.to_string()))?;
    let stories: BTreeMap<String, Story> = section(&mut map, "stories")?;
    if let Some(id) = stories.keys().find(|id| !codec::is_record_id(id)) {
        return Err(ImportError::Invalid(format!(
            "story id `{id}` is not valid"
        )));
    }
    let mocks: MockHistory = section(&mut map, "mocks")?;
    codec::validate_mocks(&mocks).map_err(|e| ImportError::Invalid(e.to_string()))?;
    Ok(UserData {
        answers,
        schedule,
        marks,
        settings,
        stories,
        mocks,
    })
}

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
    let merged = Answer {
        text: join(&lead.text, &other.text),
        star: StarText {
            situation: join(&lead.star.situation, &other.star.situation),
            task: join(&lead.star.task, &other.star.task),
            action: join(&lead.star.action, &other.star.action),
            result: join(&lead.star.result, &other.star.result),
        },
        updated_ms: lead.updated_ms.max(other.updated_ms),
        previous: union_versions(&lead.previous, &other.previous),
    };
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

/// Whether to remind the user to export: there are written answers or
/// stories, and `reminder_due`.
pub fn needs_reminder(data: &UserData, now_ms: i64, days: i64) -> bool {
    (data.answers.values().any(|a| !a.is_empty()) || data.stories.values().any(|s| !s.is_empty()))
        && reminder_due(&data.settings, now_ms, days)
}

/// The first edit since the last export (or ever) is more than `days` old.
pub fn reminder_due(settings: &Settings, now_ms: i64, days: i64) -> bool {
    settings
        .unbacked_since_ms
        .is_some_and(|since| now_ms - since > days * time::DAY_MS)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::records::{CardState, MockItem, MockRecord, Review};

    fn answer(text: &str, updated_ms: i64) -> Answer {
        Answer {
            text: text.into(),
            updated_ms,
            ..Answer::default()
        }
    }

    fn sample() -> UserData {
        let mut data = UserData::default();
        data.answers
            .insert("alert-fatigue".into(), answer("Page on symptoms.", 1_000));
        data.answers.insert(
            "conflict".into(),
            Answer {
                star: StarText {
                    situation: "Two teams, one database.".into(),
                    result: "Latency fell 40%.".into(),
                    ..StarText::default()
                },
                updated_ms: 2_000,
                ..Answer::default()
            },
        );
        data.schedule.cards.insert(
            "alert-fatigue".into(),
            CardState {
                due_ms: 9_000,
                stability: 2.5,
                state: 2,
                last_review_ms: 1_500,
                ..CardState::default()
            },
        );
        data.schedule.reviews.push(Review {
            id: "alert-fatigue".into(),
            at_ms: 1_500,
            rating: 3,
        });
        data.marks.bookmarks.insert("conflict".into());
        data.marks
            .ticks
            .insert("alert-fatigue".into(), [0, 2].into());
        data.settings.interview_date = Some("2026-12-24".into());
        data.answers
            .get_mut("alert-fatigue")
            .unwrap()
            .previous
            .push(AnswerVersion {
                text: "First try.".into(),
                updated_ms: 500,
                replaced_ms: 1_000,
                replaced_by: "mock interview".into(),
                ..AnswerVersion::default()
            });
        data.stories.insert(
            "s1".into(),
            story("Migration", "We moved 40 services.", 1_000),
        );
        data.mocks.sessions.push(MockRecord {
            started_ms: 3_000,
            finished_ms: 9_000,
            seconds_per_question: 120,
            items: vec![MockItem {
                id: "alert-fatigue".into(),
                seconds_used: 80,
                words: 150,
                points_covered: 3,
                points_total: 6,
                rating: Some(3),
            }],
        });
        data
    }

    fn story(title: &str, action: &str, updated_ms: i64) -> Story {
        Story {
            title: title.into(),
            star: StarText {
                action: action.into(),
                ..StarText::default()
            },
            tags: vec!["migration".into()],
            questions: ["conflict".to_string()].into(),
            updated_ms,
        }
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
    fn bad_stories_and_mocks_are_refused() {
        let bad_story = br#"{"app":"opsdrill","schema_version":1,"stories":{"s1":{"title":7}}}"#;
        assert!(parse(bad_story)
            .unwrap_err()
            .to_string()
            .contains("`stories` is malformed"));
        let bad_mock = br#"{"app":"opsdrill","schema_version":1,"mocks":{"sessions":[{"items":[{"id":"q","rating":5}]}]}}"#;
        assert_eq!(
            parse(bad_mock).unwrap_err().to_string(),
            "The backup has a problem: a mock interview rated `q` 5, expected 1 to 4."
        );
    }

    #[test]
    fn export_then_parse_gives_the_same_data() {
        let data = sample();
        let file = export(&data, 1_795_651_200_000, "0.1.0");
        assert!(file.contains("\"app\": \"opsdrill\""));
        assert!(file.contains("\"exported_at\": \"2026-11-26T00:00:00Z\""));
        assert!(file.contains("\"schema_version\": 1"));
        assert_eq!(parse(file.as_bytes()), Ok(data));
    }

    #[test]
    fn bad_files_are_named_precisely() {
        let big = vec![b' '; MAX_BACKUP_BYTES + 1];
        assert_eq!(
            parse(&big),
            Err(ImportError::TooLarge(MAX_BACKUP_BYTES + 1))
        );
        assert_eq!(parse(&[0xff, 0xfe, 0x00]), Err(ImportError::NotText));
        assert!(matches!(
            parse(b"{\"app\": \"opsdrill\""),
            Err(ImportError::NotJson(_))
        ));
        assert_eq!(
            parse(b"{\"name\": \"my todo list\"}"),
            Err(ImportError::NotOpsDrill)
        );
        assert_eq!(parse(b"[]"), Err(ImportError::NotOpsDrill));
        assert_eq!(
            parse(b"{\"app\":\"opsdrill\",\"schema_version\":7}"),
            Err(ImportError::NewerSchema(7))
        );
        let wrong_type = br#"{"app":"opsdrill","schema_version":1,"answers":{"q1":{"text":5}}}"#;
        let err = parse(wrong_type).unwrap_err().to_string();
        assert!(
            err.starts_with("The backup has a problem: the answer to `q1`:"),
            "{err}"
        );
        let bad_rating = br#"{"app":"opsdrill","schema_version":1,"schedule":{"reviews":[{"id":"a","at_ms":1,"rating":9}]}}"#;
        assert_eq!(
            parse(bad_rating).unwrap_err().to_string(),
            "The backup has a problem: a review of `a` has rating 9, expected 1 to 4."
        );
        let bad_limit =
            br#"{"app":"opsdrill","schema_version":1,"settings":{"daily_new_limit":100000}}"#;
        assert!(parse(bad_limit)
            .unwrap_err()
            .to_string()
            .contains("daily_new_limit"));
    }

    #[test]
    fn reminder_only_for_work_unbacked_for_two_weeks() {
        let day = time::DAY_MS;
        let mut data = UserData::default();
        data.settings.unbacked_since_ms = Some(80 * day);
        assert!(
            !needs_reminder(&data, 100 * day, 14),
            "no answers, no reminder"
        );
        data.answers.insert("a".into(), answer("text", 99 * day));
        assert!(
            !needs_reminder(&data, 90 * day, 14),
            "first unbacked edit 10 days ago"
        );
        assert!(
            needs_reminder(&data, 95 * day, 14),
            "15 days, even if edited since"
        );
        data.settings.unbacked_since_ms = None;
        assert!(
            !needs_reminder(&data, 200 * day, 14),
            "nothing new since the export"
        );
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
