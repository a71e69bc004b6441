//! Progress's "Speaking" summary: what the recordings say across questions.

use leptos::prelude::*;
use opsdrill_core::delivery;
use opsdrill_core::time::minutes_seconds;

use crate::state::Recordings;

#[component]
pub fn SpeakingSummary() -> impl IntoView {
    let recordings = Recordings::get_or_load();
    let text = move || {
        let all = recordings.all();
        let summary = delivery::summary(all.iter().filter_map(|r| r.report.as_ref()));
        if summary.recordings == 0 {
            return "No recordings yet. Press “Record answer” on a question to practise out loud and get a delivery report.".to_string();
        }
        let answers = match summary.recordings {
            1 => "1 recorded answer".to_string(),
            n => format!("{n} recorded answers"),
        };
        let talk = minutes_seconds((summary.total_talk_ms / 1000) as i64);
        let pace = summary.median_wpm.map_or(String::new(), |wpm| {
            format!(" Median pace about {wpm} words a minute (estimated).")
        });
        // One decimal, with integers (no float printing in the wasm).
        let tenths = (summary.mean_long_pauses * 10.0).round() as u32;
        format!(
            "{answers}, {talk} of talking in all.{pace} Pauses over a second: {}.{} per answer on average.",
            tenths / 10,
            tenths % 10
        )
    };
    view! {
        <h2>"Speaking"</h2>
        <p class="speaking-summary" role="status">
            {move || if recordings.loaded() { text() } else { "Reading your recordings…".to_string() }}
        </p>
    }
}
