//! Recordings of spoken answers: what is kept about each (the audio itself
//! is a browser Blob the app stores beside it), which ones to let go, and
//! the formats to ask the browser for. The audio never leaves the device and
//! backups do not carry it.

use serde::{Deserialize, Serialize};

use crate::delivery::DeliveryReport;

/// What the app keeps about one recording, stored beside its audio.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct RecordingMeta {
    pub id: String,
    /// The question it answers.
    pub question: String,
    pub created_ms: i64,
    pub duration_ms: u32,
    /// The container and codec the browser recorded in (`audio/webm;codecs=opus`).
    pub mime: String,
    pub bytes: u64,
    /// `None` when the browser could not decode its own recording.
    pub report: Option<DeliveryReport>,
}

/// A recording's metadata as stored (JSON).
pub fn encode_meta(meta: &RecordingMeta) -> String {
    // Plain data with string keys: serializing cannot fail.
    serde_json::to_string(meta).unwrap_or_default()
}

/// A stored recording's metadata; `None` when damaged.
pub fn decode_meta(json: &str) -> Option<RecordingMeta> {
    serde_json::from_str(json).ok()
}

/// Formats to ask `MediaRecorder` for, best first: Opus in Ogg (Firefox),
/// in WebM (Chromium), then AAC in MP4 (Safari). Ogg first because a
/// recorder's WebM carries no length, so Firefox's player shows none; its
/// Ogg does. When none is supported the browser's own default is used.
pub const MIME_PREFERENCE: [&str; 4] = [
    "audio/ogg;codecs=opus",
    "audio/webm;codecs=opus",
    "audio/mp4;codecs=mp4a.40.2",
    "audio/mp4",
];

/// A question's recordings, newest first.
pub fn of_question<'a>(all: &'a [RecordingMeta], question: &str) -> Vec<&'a RecordingMeta> {
    let mut mine: Vec<_> = all.iter().filter(|r| r.question == question).collect();
    mine.sort_by(|a, b| b.created_ms.cmp(&a.created_ms).then(b.id.cmp(&a.id)));
    mine
}

/// The ids of a question's recordings to delete once `made` is saved: all
/// but `made` and the newest `keep - 1` others. `made` is never among them,
/// even if the clock went back and it looks older than the rest.
pub fn beyond_kept(all: &[RecordingMeta], question: &str, made: &str, keep: usize) -> Vec<String> {
    of_question(all, question)
        .into_iter()
        .filter(|r| r.id != made)
        .skip(keep.max(1) - 1)
        .map(|r| r.id.clone())
        .collect()
}

/// The audio's size, all recordings together.
pub fn total_bytes(all: &[RecordingMeta]) -> u64 {
    all.iter().map(|r| r.bytes).sum()
}

/// The file extension for a recording's container.
pub fn extension(mime: &str) -> &'static str {
    let container = mime.split(';').next().unwrap_or("").trim();
    match container {
        "audio/webm" | "video/webm" => "webm",
        "audio/ogg" => "ogg",
        "audio/mp4" | "video/mp4" | "audio/aac" => "m4a",
        "audio/wav" | "audio/wave" => "wav",
        _ => "audio",
    }
}

/// The name a downloaded recording gets: the question and its local date
/// and time (`2026-12-01-1805`), so several sort in order.
pub fn file_name(meta: &RecordingMeta, utc_offset_min: i32) -> String {
    let stamp = crate::time::format_local(meta.created_ms, utc_offset_min)
        .replace(' ', "-")
        .replace(':', "");
    format!(
        "opsdrill-{}-{stamp}.{}",
        meta.question,
        extension(&meta.mime)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rec(id: &str, question: &str, created_ms: i64, bytes: u64) -> RecordingMeta {
        RecordingMeta {
            id: id.into(),
            question: question.into(),
            created_ms,
            bytes,
            ..RecordingMeta::default()
        }
    }

    #[test]
    fn keeps_the_newest_per_question() {
        let all = [
            rec("a", "q1", 10, 1),
            rec("b", "q1", 30, 2),
            rec("c", "q2", 5, 3),
            rec("d", "q1", 20, 4),
            rec("e", "q1", 40, 5),
        ];
        let ids: Vec<_> = of_question(&all, "q1")
            .iter()
            .map(|r| r.id.as_str())
            .collect();
        assert_eq!(ids, ["e", "b", "d", "a"]);
        // "e" was just made.
        assert_eq!(beyond_kept(&all, "q1", "e", 3), ["a"]);
        assert_eq!(beyond_kept(&all, "q1", "e", 2), ["d", "a"]);
        assert!(beyond_kept(&all, "q2", "c", 3).is_empty());
        // Keeping none still keeps the one just made.
        assert_eq!(beyond_kept(&all, "q1", "e", 0), ["b", "d", "a"]);
        // The clock went back: "a" was just made, though it looks oldest.
        assert_eq!(beyond_kept(&all, "q1", "a", 2), ["b", "d"]);
        assert_eq!(total_bytes(&all), 15);
    }

    #[test]
    fn names_and_lengths() {
        let mut meta = rec("a", "k8s-probes", 1_764_612_300_000, 0);
        meta.mime = "audio/webm;codecs=opus".into();
        assert_eq!(
            file_name(&meta, 60),
            "opsdrill-k8s-probes-2025-12-01-1905.webm"
        );
        assert_eq!(extension("audio/mp4"), "m4a");
        assert_eq!(extension("audio/ogg; codecs=opus"), "ogg");
        assert_eq!(extension(""), "audio");
    }

    #[test]
    fn meta_reads_with_missing_fields() {
        let meta = decode_meta(r#"{"id":"x","question":"q","bytes":9}"#).unwrap();
        assert_eq!(meta.bytes, 9);
        assert_eq!(meta.report, None);
        assert_eq!(decode_meta(&encode_meta(&meta)), Some(meta));
        assert_eq!(decode_meta("{not json"), None);
    }
}
