//! A recording's delivery report: talk time against the question's target,
//! time to the first word, share of time speaking, long pauses, the
//! estimated pace, and a timeline of speech and pauses.

use leptos::prelude::*;
use opsdrill_core::bank::Style;
use opsdrill_core::delivery::{self, DeliveryReport, TargetFit};
use opsdrill_core::time::minutes_seconds;

fn clock(ms: u32) -> String {
    minutes_seconds(i64::from(ms / 1000))
}

/// Tenths of a second, as "1.4 s", formatted with integers (no float
/// printing code in the wasm).
fn seconds(ms: u32) -> String {
    let tenths = (ms + 50) / 100;
    format!("{}.{} s", tenths / 10, tenths % 10)
}

#[component]
pub fn DeliveryReportView(report: DeliveryReport, style: Style) -> impl IntoView {
    let target = delivery::target(style);
    let fit = match delivery::fit(report.talk_ms, target) {
        TargetFit::Short => "shorter than",
        TargetFit::Within => "within",
        TargetFit::Long => "longer than",
    };
    let target_text = format!(
        "{fit} the {}–{} aimed at for {} questions",
        clock(target.min_ms),
        clock(target.max_ms),
        style.label()
    );
    let Some(first_word) = report.first_word_ms else {
        return view! {
            <p class="delivery-none">"No speech was heard in this recording. Check the microphone and its level."</p>
        }
        .into_any();
    };
    let share = (report.speaking_share() * 100.0).round() as u32;
    let pauses = match report.long_pauses {
        0 => "none".to_string(),
        n => format!("{n} (the longest {})", seconds(report.longest_pause_ms)),
    };
    let pace = report.estimated_wpm().map_or_else(
        || "too little speech to estimate".to_string(),
        |wpm| format!("about {wpm} words a minute (an estimate from syllables)"),
    );
    view! {
        <dl class="delivery-figures">
            <dt>"Talk time"</dt>
            <dd>{clock(report.talk_ms)} ", " {target_text}</dd>
            <dt>"First word after"</dt>
            <dd>{seconds(first_word)}</dd>
            <dt>"Speaking"</dt>
            <dd>{format!("{share}% of the recording")}</dd>
            <dt>"Pauses over a second"</dt>
            <dd>{pauses}</dd>
            <dt>"Pace"</dt>
            <dd>{pace}</dd>
        </dl>
        <Timeline report/>
    }
    .into_any()
}

/// Speech as bars along the recording; the gaps are the pauses.
#[component]
fn Timeline(report: DeliveryReport) -> impl IntoView {
    const WIDTH: u32 = 1000;
    let total = report.duration_ms.max(1);
    let x = move |ms: u32| u64::from(ms.min(total)) * u64::from(WIDTH) / u64::from(total);
    let bars = report
        .speech
        .iter()
        .map(|span| {
            let start = x(span.start_ms);
            let width = (x(span.end_ms) - start).max(1);
            view! { <rect x=start.to_string() y="4" width=width.to_string() height="16"></rect> }
        })
        .collect_view();
    let description = format!(
        "Timeline: {} stretches of speech over {}",
        report.speech.len(),
        clock(report.duration_ms)
    );
    view! {
        <svg
            class="timeline"
            viewBox=format!("0 0 {WIDTH} 24")
            preserveAspectRatio="none"
            role="img"
            aria-label=description
        >
            <rect class="timeline-track" x="0" y="11" width=WIDTH.to_string() height="2"></rect>
            {bars}
        </svg>
    }
}
