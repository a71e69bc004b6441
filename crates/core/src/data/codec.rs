//! How records are named and encoded in localStorage: `opsdrill/<name>` keys,
//! each a JSON object `{"version": N, ...}`. Decoding never panics: anything
//! unreadable becomes a `DecodeError` the app can report.

use std::fmt;

use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::Value;

use crate::own::asked::InterviewLog;
use crate::own::OwnQuestion;

use super::records::{
    Answer, Marks, MockHistory, Schedule, Settings, Story, UserData, ANSWER_PAUSES_S,
    MAX_DAILY_NEW_LIMIT, MOCK_QUESTIONS, MOCK_SECONDS, RECORDINGS_KEPT, SPEECH_RATES_PCT,
};

pub const PREFIX: &str = "opsdrill/";
/// The schema version this build writes.
pub const SCHEMA_VERSION: u64 = 1;

/// The keys the app owns. Anything else in localStorage is left alone.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum StoreKey {
    Answer(String),
    Schedule,
    Marks,
    Settings,
    Story(String),
    Mocks,
    /// One of the user's own questions.
    Own(String),
    /// The log of real interviews.
    Interviews,
}

/// Ids of answers and stories: what a key segment may hold.
pub fn is_record_id(id: &str) -> bool {
    !id.is_empty() && !id.contains('/')
}

/// Ids of own questions: record ids that can never be a bank question's.
pub fn is_own_id(id: &str) -> bool {
    is_record_id(id) && crate::own::is_own(id) && id.len() > crate::own::ID_PREFIX.len()
}

impl StoreKey {
    pub fn parse(key: &str) -> Option<StoreKey> {
        let name = key.strip_prefix(PREFIX)?;
        match name {
            "schedule" => Some(StoreKey::Schedule),
            "marks" => Some(StoreKey::Marks),
            "settings" => Some(StoreKey::Settings),
            "mocks" => Some(StoreKey::Mocks),
            "interviews" => Some(StoreKey::Interviews),
            _ => {
                if let Some(id) = name.strip_prefix("answer/").filter(|id| is_record_id(id)) {
                    Some(StoreKey::Answer(id.to_string()))
                } else if let Some(id) = name.strip_prefix("own/").filter(|id| is_own_id(id)) {
                    Some(StoreKey::Own(id.to_string()))
                } else {
                    name.strip_prefix("story/")
                        .filter(|id| is_record_id(id))
                        .map(|id| StoreKey::Story(id.to_string()))
                }
            }
        }
    }

    pub fn name(&self) -> String {
        match self {
            StoreKey::Answer(id) => format!("{PREFIX}answer/{id}"),
            StoreKey::Schedule => format!("{PREFIX}schedule"),
            StoreKey::Marks => format!("{PREFIX}marks"),
            StoreKey::Settings => format!("{PREFIX}settings"),
            StoreKey::Story(id) => format!("{PREFIX}story/{id}"),
            StoreKey::Mocks => format!("{PREFIX}mocks"),
            StoreKey::Own(id) => format!("{PREFIX}own/{id}"),
            StoreKey::Interviews => format!("{PREFIX}interviews"),
        }
    }
}

/// Where the question editor keeps what is typed and not yet saved
/// (`name`: the question's id, or `new`): not a record, so never loaded as
/// one, and gone once saved.
pub fn own_draft_key(name: &str) -> String {
    format!("{PREFIX}draft/own/{name}")
}

/// What this device remembers about transfers (`transfer::device`): not a
/// record, and not in backups, as it says which device this is.
pub const DEVICE_KEY: &str = "opsdrill/device";

/// Where an unreadable value is copied before the app runs without it.
pub fn corrupt_copy_key(original: &str, at_ms: i64) -> String {
    format!("{PREFIX}corrupt/{at_ms}/{original}")
}

/// Where the current data is saved before an import changes it.
pub fn saved_before_import_key(at_ms: i64) -> String {
    format!("{PREFIX}saved-before-import/{at_ms}")
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DecodeError {
    NotJson(String),
    NotAnObject,
    FutureVersion(u64),
    BadVersion,
    Invalid(String),
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DecodeError::NotJson(e) => write!(f, "it is not valid JSON ({e})"),
            DecodeError::NotAnObject => write!(f, "it is not a JSON object"),
            DecodeError::FutureVersion(v) => write!(
                f,
                "it was written by a newer OpsDrill (schema {v}; this one reads up to {SCHEMA_VERSION})"
            ),
            DecodeError::BadVersion => write!(f, "its \"version\" is not a whole number"),
            DecodeError::Invalid(e) => write!(f, "{e}"),
        }
    }
}

/// A record as it is stored: `{"version": SCHEMA_VERSION, ...fields}`.
#[derive(Serialize)]
pub struct Versioned<'a, T> {
    version: u64,
    #[serde(flatten)]
    data: &'a T,
}

/// The stored form of a record, for a writer that serializes it.
pub fn versioned<T: Serialize>(record: &T) -> Versioned<'_, T> {
    Versioned {
        version: SCHEMA_VERSION,
        data: record,
    }
}

/// Encodes a record as `{"version": SCHEMA_VERSION, ...fields}`.
pub fn encode<T: Serialize>(record: &T) -> String {
    serde_json::to_string(&versioned(record)).unwrap_or_else(|_| "{}".into())
}

/// Splits `{"version": N, ...}` into N and the rest. A missing version means
/// the record predates versioning and is read as version 1.
fn versioned_object(raw: &str) -> Result<(u64, Value), DecodeError> {
    let value: Value =
        serde_json::from_str(raw).map_err(|e| DecodeError::NotJson(e.to_string()))?;
    let Value::Object(mut map) = value else {
        return Err(DecodeError::NotAnObject);
    };
    let version = match map.remove("version") {
        None => 1,
        Some(v) => v.as_u64().ok_or(DecodeError::BadVersion)?,
    };
    if version > SCHEMA_VERSION {
        return Err(DecodeError::FutureVersion(version));
    }
    Ok((version, Value::Object(map)))
}

fn from_value<T: DeserializeOwned>(value: Value) -> Result<T, DecodeError> {
    serde_json::from_value(value).map_err(|e| DecodeError::Invalid(e.to_string()))
}

/// A versioned record, checked by `validate` beyond what its types say.
fn decode_checked<T: DeserializeOwned>(
    raw: &str,
    validate: fn(&T) -> Result<(), DecodeError>,
) -> Result<T, DecodeError> {
    let (_version, value) = versioned_object(raw)?;
    let record: T = from_value(value)?;
    validate(&record)?;
    Ok(record)
}

fn no_check<T>(_: &T) -> Result<(), DecodeError> {
    Ok(())
}

/// Version 0 answers were a bare JSON string; later ones are objects.
pub fn decode_answer(raw: &str) -> Result<Answer, DecodeError> {
    if let Ok(Value::String(text)) = serde_json::from_str::<Value>(raw) {
        return Ok(Answer {
            text,
            ..Answer::default()
        });
    }
    decode_checked(raw, no_check)
}

pub fn decode_schedule(raw: &str) -> Result<Schedule, DecodeError> {
    decode_checked(raw, validate_schedule)
}

pub fn validate_schedule(schedule: &Schedule) -> Result<(), DecodeError> {
    for (id, card) in &schedule.cards {
        if card.state > 3 {
            return Err(DecodeError::Invalid(format!(
                "card `{id}` has an unknown state {}",
                card.state
            )));
        }
        if !card.stability.is_finite() || !card.difficulty.is_finite() {
            return Err(DecodeError::Invalid(format!(
                "card `{id}` has a non-numeric stability or difficulty"
            )));
        }
    }
    if let Some(review) = schedule
        .reviews
        .iter()
        .find(|r| !(1..=4).contains(&r.rating))
    {
        return Err(DecodeError::Invalid(format!(
            "a review of `{}` has rating {}, expected 1 to 4",
            review.id, review.rating
        )));
    }
    Ok(())
}

pub fn decode_story(raw: &str) -> Result<Story, DecodeError> {
    decode_checked(raw, no_check)
}

pub fn decode_own(raw: &str) -> Result<OwnQuestion, DecodeError> {
    decode_checked(raw, validate_own)
}

/// An own question names its category, style and difficulty in the bank's
/// words, and has its text.
pub fn validate_own(own: &OwnQuestion) -> Result<(), DecodeError> {
    use crate::bank::{Category, Difficulty, Style};
    if own.question.trim().is_empty() {
        return Err(DecodeError::Invalid("an own question has no text".into()));
    }
    let category =
        Category::from_slug(&own.category).filter(|c| crate::own::CATEGORIES.contains(c));
    let Some(category) = category else {
        return Err(DecodeError::Invalid(format!(
            "an own question's category `{}` is not one the app knows",
            own.category
        )));
    };
    if !Style::from_slug(&own.style).is_some_and(|s| category.allowed_styles().contains(&s)) {
        return Err(DecodeError::Invalid(format!(
            "style `{}` does not suit category `{}`",
            own.style, own.category
        )));
    }
    if Difficulty::from_slug(&own.difficulty).is_none() {
        return Err(DecodeError::Invalid(format!(
            "difficulty `{}` is not one the app knows",
            own.difficulty
        )));
    }
    Ok(())
}

/// A draft of the editor's: an own question still being written, so not
/// checked as a kept one is.
pub fn decode_own_draft(raw: &str) -> Result<OwnQuestion, DecodeError> {
    decode_checked(raw, no_check)
}

pub fn decode_mocks(raw: &str) -> Result<MockHistory, DecodeError> {
    decode_checked(raw, validate_mocks)
}

pub fn validate_mocks(mocks: &MockHistory) -> Result<(), DecodeError> {
    let bad_rating = mocks
        .sessions
        .iter()
        .flat_map(|s| &s.items)
        .find(|item| item.rating.is_some_and(|r| !(1..=4).contains(&r)));
    match bad_rating {
        Some(item) => Err(DecodeError::Invalid(format!(
            "a mock interview rated `{}` {}, expected 1 to 4",
            item.id,
            item.rating.unwrap_or_default()
        ))),
        None => Ok(()),
    }
}

pub fn decode_marks(raw: &str) -> Result<Marks, DecodeError> {
    decode_checked(raw, no_check)
}

pub fn decode_settings(raw: &str) -> Result<Settings, DecodeError> {
    decode_checked(raw, validate_settings)
}

pub fn validate_settings(settings: &Settings) -> Result<(), DecodeError> {
    if !(1..=MAX_DAILY_NEW_LIMIT).contains(&settings.daily_new_limit) {
        return Err(DecodeError::Invalid(format!(
            "daily_new_limit is {}, expected 1 to {MAX_DAILY_NEW_LIMIT}",
            settings.daily_new_limit
        )));
    }
    if let Some(date) = &settings.interview_date {
        if crate::time::parse_date(date).is_none() {
            return Err(DecodeError::Invalid(format!(
                "interview_date `{date}` is not a YYYY-MM-DD date"
            )));
        }
    }
    let ranges = [
        (
            "speech_rate_pct",
            settings.speech_rate_pct,
            SPEECH_RATES_PCT,
        ),
        ("answer_pause_s", settings.answer_pause_s, ANSWER_PAUSES_S),
        ("mock_questions", settings.mock_questions, MOCK_QUESTIONS),
        ("mock_seconds", settings.mock_seconds, MOCK_SECONDS),
        ("recordings_kept", settings.recordings_kept, RECORDINGS_KEPT),
    ];
    for (name, value, range) in ranges {
        if !range.contains(&value) {
            return Err(DecodeError::Invalid(format!(
                "{name} is {value}, expected {} to {}",
                range.start(),
                range.end()
            )));
        }
    }
    if !matches!(settings.theme.as_str(), "system" | "light" | "dark") {
        return Err(DecodeError::Invalid(format!(
            "theme `{}` is not system, light or dark",
            settings.theme
        )));
    }
    Ok(())
}

/// One stored value, decoded.
#[derive(Debug, Clone, PartialEq)]
pub enum Decoded {
    Answer(String, Answer),
    Story(String, Story),
    Schedule(Schedule),
    Marks(Marks),
    Settings(Settings),
    Mocks(MockHistory),
    Own(String, OwnQuestion),
    Interviews(InterviewLog),
}

/// Decodes the value stored under `key`.
pub fn decode(key: &StoreKey, raw: &str) -> Result<Decoded, DecodeError> {
    Ok(match key {
        StoreKey::Answer(id) => Decoded::Answer(id.clone(), decode_answer(raw)?),
        StoreKey::Story(id) => Decoded::Story(id.clone(), decode_story(raw)?),
        StoreKey::Schedule => Decoded::Schedule(decode_schedule(raw)?),
        StoreKey::Marks => Decoded::Marks(decode_marks(raw)?),
        StoreKey::Settings => Decoded::Settings(decode_settings(raw)?),
        StoreKey::Mocks => Decoded::Mocks(decode_mocks(raw)?),
        StoreKey::Own(id) => Decoded::Own(id.clone(), decode_own(raw)?),
        StoreKey::Interviews => Decoded::Interviews(decode_checked(raw, no_check)?),
    })
}

/// Decodes one stored value into the part of the user's data it belongs to.
pub fn apply(data: &mut UserData, key: &StoreKey, raw: &str) -> Result<(), DecodeError> {
    match decode(key, raw)? {
        Decoded::Answer(id, answer) => {
            data.answers.insert(id, answer);
        }
        Decoded::Story(id, story) => {
            data.stories.insert(id, story);
        }
        Decoded::Schedule(schedule) => data.schedule = schedule,
        Decoded::Marks(marks) => data.marks = marks,
        Decoded::Settings(settings) => data.settings = settings,
        Decoded::Mocks(mocks) => data.mocks = mocks,
        Decoded::Own(id, own) => {
            data.own.insert(id, own);
        }
        Decoded::Interviews(log) => data.interviews = log,
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::records::{CardState, Review, StarText};

    #[test]
    fn keys_round_trip_and_foreign_keys_are_ignored() {
        for key in [
            StoreKey::Answer("alert-fatigue".into()),
            StoreKey::Schedule,
            StoreKey::Marks,
            StoreKey::Settings,
            StoreKey::Story("s-1".into()),
            StoreKey::Mocks,
            StoreKey::Own("mine-split-state".into()),
            StoreKey::Interviews,
        ] {
            assert_eq!(StoreKey::parse(&key.name()), Some(key));
        }
        for foreign in [
            "theme",
            "opsdrill/",
            "opsdrill/answer/",
            "opsdrill/answer/a/b",
            "opsdrill/story/",
            "opsdrill/story/a/b",
            "opsdrill/corrupt/1/opsdrill/marks",
            "other/opsdrill/marks",
        ] {
            assert_eq!(StoreKey::parse(foreign), None, "{foreign}");
        }
    }

    #[test]
    fn records_round_trip_with_a_version() {
        let answer = Answer {
            text: "We paged on symptoms.".into(),
            star: StarText {
                situation: "s".into(),
                ..StarText::default()
            },
            updated_ms: 1_700_000_000_000,
            ..Answer::default()
        };
        let raw = encode(&answer);
        assert!(raw.starts_with("{\"version\":1,"), "{raw}");
        assert_eq!(decode_answer(&raw), Ok(answer));

        let mut schedule = Schedule::default();
        schedule.cards.insert(
            "x".into(),
            CardState {
                stability: 3.5,
                state: 2,
                ..CardState::default()
            },
        );
        schedule.reviews.push(Review {
            id: "x".into(),
            at_ms: 5,
            rating: 3,
        });
        assert_eq!(decode_schedule(&encode(&schedule)), Ok(schedule));

        let settings = Settings {
            interview_date: Some("2026-12-24".into()),
            ..Settings::default()
        };
        assert_eq!(decode_settings(&encode(&settings)), Ok(settings));
    }

    #[test]
    fn migrations_from_older_shapes() {
        // Version 0: an answer was a bare string.
        assert_eq!(
            decode_answer("\"my old answer\"").unwrap().text,
            "my old answer"
        );
        // Before versioning: an object with no version reads as version 1.
        let settings = decode_settings("{\"daily_new_limit\":5}").unwrap();
        assert_eq!(settings.daily_new_limit, 5);
        assert_eq!(settings.theme, "system", "new fields take their defaults");
        // Unknown fields from a later minor change are ignored.
        let answer = decode_answer("{\"version\":1,\"text\":\"t\",\"mood\":\"calm\"}").unwrap();
        assert_eq!(answer.text, "t");
    }

    #[test]
    fn unreadable_values_say_why() {
        assert!(matches!(
            decode_answer("{\"text\": \"cut off"),
            Err(DecodeError::NotJson(_))
        ));
        assert_eq!(decode_marks("[1,2]"), Err(DecodeError::NotAnObject));
        assert_eq!(
            decode_settings("{\"version\":9}"),
            Err(DecodeError::FutureVersion(9))
        );
        assert_eq!(
            decode_settings("{\"version\":\"one\"}"),
            Err(DecodeError::BadVersion)
        );
        assert!(matches!(
            decode_answer("{\"text\": 42}"),
            Err(DecodeError::Invalid(_))
        ));
        let err = decode_settings("{\"daily_new_limit\": 0}").unwrap_err();
        assert_eq!(err.to_string(), "daily_new_limit is 0, expected 1 to 200");
        let err =
            decode_schedule("{\"reviews\":[{\"id\":\"q\",\"at_ms\":1,\"rating\":7}]}").unwrap_err();
        assert_eq!(
            err.to_string(),
            "a review of `q` has rating 7, expected 1 to 4"
        );
        assert!(decode_settings("{\"interview_date\":\"next friday\"}").is_err());
        let err = decode_settings("{\"mock_questions\": 40}").unwrap_err();
        assert_eq!(err.to_string(), "mock_questions is 40, expected 3 to 10");
        let err =
            decode_mocks("{\"sessions\":[{\"items\":[{\"id\":\"q\",\"rating\":0}]}]}").unwrap_err();
        assert_eq!(
            err.to_string(),
            "a mock interview rated `q` 0, expected 1 to 4"
        );
    }
}
