//! Backups: one JSON file with everything the user has. Importing validates
//! the whole file before anything changes (`merge` then joins it with what is
//! here). Also when to remind the user to export.

use std::collections::BTreeMap;
use std::fmt;

use serde::Serialize;
use serde_json::Value;

use super::codec::{self, SCHEMA_VERSION};
use super::records::{Answer, Marks, MockHistory, Schedule, Settings, Story, UserData};
use crate::own::asked::InterviewLog;
use crate::own::OwnQuestion;
use crate::time;

pub const APP_ID: &str = "opsdrill";
/// A backup file's media type.
pub const MIME: &str = "application/json";
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
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    own_questions: &'a BTreeMap<String, OwnQuestion>,
    interviews: &'a InterviewLog,
    /// Set when the backup is sent to another device (`crate::transfer`).
    #[serde(skip_serializing_if = "Option::is_none")]
    transfer: Option<&'a crate::transfer::device::Sent>,
}

/// The backup file's text.
pub fn export(data: &UserData, now_ms: i64, app_version: &str) -> String {
    export_sent(data, now_ms, app_version, None)
}

/// The backup's text, saying who sent it and what it holds when it goes to
/// another device; it is still a backup file any import reads.
pub fn export_sent(
    data: &UserData,
    now_ms: i64,
    app_version: &str,
    transfer: Option<&crate::transfer::device::Sent>,
) -> String {
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
        own_questions: &data.own,
        interviews: &data.interviews,
        transfer,
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
                "The file is {} MB; a backup can be at most 5 MB.",
                super::usage::megabytes(*n as u64)
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
    let own: BTreeMap<String, OwnQuestion> = section(&mut map, "own_questions")?;
    for (id, question) in &own {
        if !codec::is_own_id(id) {
            return Err(ImportError::Invalid(format!(
                "own question id `{id}` is not valid"
            )));
        }
        codec::validate_own(question)
            .map_err(|e| ImportError::Invalid(format!("own question `{id}`: {e}")))?;
    }
    let interviews: InterviewLog = section(&mut map, "interviews")?;
    Ok(UserData {
        answers,
        schedule,
        marks,
        settings,
        stories,
        mocks,
        own,
        interviews,
    })
}

/// Whether to remind the user to export: there are written answers or
/// stories, and `reminder_due`.
pub fn needs_reminder(data: &UserData, now_ms: i64, days: i64) -> bool {
    (data.answers.values().any(|a| !a.is_empty())
        || data.stories.values().any(|s| !s.is_empty())
        || !data.own.is_empty())
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
    use crate::data::fixtures::{answer, sample};

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
}
