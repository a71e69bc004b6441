use leptos::prelude::*;

use super::Section;
use crate::state::UserState;
use crate::ui::components::field::{Field, NumberField};
use crate::web::speech;
use opsdrill_core::data::records::{ANSWER_PAUSES_S, SPEECH_RATES_PCT};

/// The speaking rates offered, in percent.
const SPEECH_RATE_CHOICES: [u32; 9] = [50, 75, 90, 100, 110, 125, 150, 175, 200];

/// "0.75×", "1× (normal)", "2×".
fn rate_label(pct: u32) -> String {
    // In integers, not `{:.2}` on a float (see usage::megabytes).
    let number = format!("{}.{:02}", pct / 100, pct % 100);
    let number = number.trim_end_matches('0').trim_end_matches('.');
    if pct == 100 {
        format!("{number}× (normal)")
    } else {
        format!("{number}×")
    }
}

/// The voices to offer, as (name, label): the browser's, and first the
/// chosen one if this browser does not have it.
fn voice_choices(voices: Vec<speech::Voice>, chosen: &str) -> Vec<(String, String)> {
    let mut list: Vec<(String, String)> = voices
        .into_iter()
        .map(|v| {
            let label = if v.lang.is_empty() {
                v.name.clone()
            } else {
                format!("{} ({})", v.name, v.lang)
            };
            (v.name, label)
        })
        .collect();
    if !chosen.is_empty() && !list.iter().any(|(name, _)| name == chosen) {
        list.insert(
            0,
            (
                chosen.to_string(),
                format!("{chosen} (not available in this browser)"),
            ),
        );
    }
    list
}

/// Commute mode: the voice, how fast it speaks and how long it waits for a
/// spoken answer.
#[component]
pub fn CommuteSettings() -> impl IntoView {
    let user = expect_context::<UserState>();
    let can_speak = speech::available();
    // Browsers often list their voices only after `voiceschanged`.
    let voices = RwSignal::new(speech::voices());
    speech::watch_voices(move || {
        let _ = voices.try_set(speech::voices());
    });
    on_cleanup(|| {
        speech::unwatch_voices();
        speech::cancel();
    });
    let chosen_voice = move || user.settings.with(|s| s.speech_voice.clone());
    let voice_options = move || {
        let chosen = chosen_voice();
        voice_choices(voices.get(), &chosen)
            .into_iter()
            .map(|(name, label)| {
                let selected = name == chosen;
                view! { <option value=name prop:selected=selected>{label}</option> }
            })
            .collect_view()
    };
    let rate_options = move || {
        let current = user.settings.with(|s| s.speech_rate_pct);
        let mut rates = SPEECH_RATE_CHOICES.to_vec();
        if !rates.contains(&current) {
            rates.push(current);
            rates.sort_unstable();
        }
        rates
            .into_iter()
            .map(|pct| view! { <option value=pct.to_string() prop:selected=pct == current>{rate_label(pct)}</option> })
            .collect_view()
    };
    let test_voice = move |_| {
        let (voice, rate) = user
            .settings
            .with_untracked(|s| (s.speech_voice.clone(), s.speech_rate_pct));
        speech::speak(
            "This is how commute mode reads questions to you. Why they ask. How to structure your answer.",
            &voice,
            rate,
            |_| {},
        );
    };

    view! {
        <Section id="commute-settings" title="Commute mode">
            {(!can_speak).then(|| view! {
                <p class="notice">"This browser cannot read aloud, so commute mode shows the text instead. The speaking rate still sets how long each part stays on screen."</p>
            })}
            <Field id="speech-voice" label="Voice">
                <select
                    id="speech-voice"
                    disabled=!can_speak
                    on:change=move |ev| {
                        let name = event_target_value(&ev);
                        user.settings.update(|s| s.speech_voice = name);
                    }
                >
                    <option value="" prop:selected=move || chosen_voice().is_empty()>"Browser default"</option>
                    {voice_options}
                </select>
            </Field>
            <Field id="speech-rate" label="Speaking rate">
                <select
                    id="speech-rate"
                    on:change=move |ev| {
                        if let Ok(pct) = event_target_value(&ev).parse::<u32>() {
                            let pct = pct.clamp(*SPEECH_RATES_PCT.start(), *SPEECH_RATES_PCT.end());
                            user.settings.update(|s| s.speech_rate_pct = pct);
                        }
                    }
                >
                    {rate_options}
                </select>
            </Field>
            <NumberField
                id="answer-pause"
                label="Time to answer out loud (seconds)"
                hint="How long commute mode waits after the question before reading the structure and talking points: 10 to 600 seconds. A follow-up's answer and a lab step's read get half as long, at least 10 seconds."
                range=ANSWER_PAUSES_S
                value=move || user.settings.with(|s| s.answer_pause_s)
                on_set=move |n| user.settings.update(|s| s.answer_pause_s = n)
            />
            <label class="check">
                <input
                    type="checkbox"
                    id="commute-labs"
                    prop:checked=move || user.settings.with(|s| s.commute_labs)
                    on:change=move |ev| {
                        let on = event_target_checked(&ev);
                        user.settings.update(|s| s.commute_labs = on);
                    }
                />
                <span>"Include labs: their steps' prompts and expert reads are read aloud, and the evidence is shown on screen"</span>
            </label>
            <button type="button" class="button secondary" disabled=!can_speak on:click=test_voice>"Test voice"</button>
        </Section>
    }
}
