use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;

use crate::state::UserState;
use crate::ui::components::banners::download_backup;
use crate::web::clock::now_ms;
use opsdrill_core::bank;
use opsdrill_core::data::backup::{self, MAX_BACKUP_BYTES};
use opsdrill_core::data::merge::{self, MergeSummary};
use opsdrill_core::data::records::MAX_DAILY_NEW_LIMIT;
use opsdrill_core::data::{markdown_export, UserData};
use opsdrill_core::format::count;
use opsdrill_core::time;

/// A backup that passed validation, waiting for the user's choice.
#[derive(Clone)]
struct PendingImport {
    file_name: String,
    incoming: UserData,
    summary: MergeSummary,
}

#[component]
pub fn SettingsPage() -> impl IntoView {
    crate::web::browser::set_title("Settings: OpsDrill");
    let user = expect_context::<UserState>();
    let settings = move || user.settings.with(|s| s.clone());

    let storage_info = RwSignal::new(None::<String>);
    spawn_local(async move {
        let (persisted, estimate) = crate::web::browser::storage_estimate().await;
        let persisted = match persisted {
            Some(true) => "Storage is persistent: the browser will not clear it to save space.",
            Some(false) => "Storage is not marked persistent: the browser may clear it when space runs low. Keep a backup.",
            None => "This browser does not say whether storage is persistent.",
        };
        let usage = estimate
            .map(|(used, quota)| {
                format!(
                    " Using {:.1} MB of {:.0} MB available to this site.",
                    used / 1_048_576.0,
                    quota / 1_048_576.0
                )
            })
            .unwrap_or_default();
        storage_info.set(Some(format!("{persisted}{usage}")));
    });

    let pending = RwSignal::new(None::<PendingImport>);
    let confirm_replace = RwSignal::new(false);
    let import_message = RwSignal::new(None::<(bool, String)>);
    let on_file = move |ev: leptos::ev::Event| {
        let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        let Some(file) = input.files().and_then(|files| files.get(0)) else {
            return;
        };
        input.set_value("");
        pending.set(None);
        confirm_replace.set(false);
        let file_name = file.name();
        if file.size() > MAX_BACKUP_BYTES as f64 {
            import_message.set(Some((
                false,
                backup::ImportError::TooLarge(file.size() as usize).to_string(),
            )));
            return;
        }
        spawn_local(async move {
            let parsed = match crate::web::browser::read_file(&file).await {
                Ok(bytes) => backup::parse(&bytes).map_err(|e| e.to_string()),
                Err(why) => Err(format!("The file could not be read ({why}).")),
            };
            match parsed {
                Err(message) => import_message.set(Some((
                    false,
                    format!("{file_name}: {message} Nothing was changed."),
                ))),
                Ok(incoming) => {
                    let (_, summary) = merge::merge(&user.snapshot(), &incoming);
                    import_message.set(None);
                    pending.set(Some(PendingImport {
                        file_name,
                        incoming,
                        summary,
                    }));
                }
            }
        });
    };
    let apply = move |replace: bool| {
        let Some(choice) = pending.get_untracked() else {
            return;
        };
        // Merge with what is here now, not when the file was picked: another
        // tab may have saved since.
        user.flush();
        let next = if replace {
            choice.incoming
        } else {
            merge::merge(&user.snapshot(), &choice.incoming).0
        };
        let message = match user.apply_import(next) {
            Err(message) => (false, message),
            Ok(outcome) => {
                let aside = match &outcome.saved_aside {
                    Some(key) => format!(" Your data from before the import is saved in this browser under {key}."),
                    None => " Storage is blocked, so nothing could be saved aside and nothing will be kept after this tab closes: export a backup.".to_string(),
                };
                if outcome.not_written == 0 {
                    (
                        outcome.saved_aside.is_some(),
                        format!("Imported {}.{aside}", choice.file_name),
                    )
                } else {
                    (
                        false,
                        format!(
                            "Imported {} into this tab, but {} could not be saved to storage (see the banner above); they are retried as you go.{aside}",
                            choice.file_name,
                            count(outcome.not_written, "record", "records")
                        ),
                    )
                }
            }
        };
        import_message.set(Some(message));
        pending.set(None);
        confirm_replace.set(false);
    };

    let preview = move || {
        pending.get().map(|p| {
            let s = &p.summary;
            let line = |n: usize, one: &str, many: &str| (n > 0).then(|| view! { <li>{count(n, one, many)}</li> });
            let incoming_answers = p.incoming.answers.values().filter(|a| !a.is_empty()).count();
            let incoming_stories = p.incoming.stories.len();
            view! {
                <div class="import-preview" role="region" aria-label="Import preview">
                    <h3>{format!("Ready to import {}", p.file_name)}</h3>
                    <p>{format!(
                        "The backup holds {} and {}. Merging would change:",
                        count(incoming_answers, "answer", "answers"),
                        count(incoming_stories, "story", "stories"),
                    )}</p>
                    <ul>
                        {line(s.added.len(), "new answer added", "new answers added")}
                        {line(s.updated.len(), "answer updated (the newer edit wins)", "answers updated (the newer edit wins)")}
                        {line(s.kept_both.len(), "answer changed in both places: both texts kept, newer first", "answers changed in both places: both texts kept, newer first")}
                        {line(s.unchanged, "answer already the same", "answers already the same")}
                        {line(s.cards_updated, "question schedule updated", "question schedules updated")}
                        {line(s.reviews_added, "rating added to your history", "ratings added to your history")}
                        {line(s.bookmarks_added, "bookmark added", "bookmarks added")}
                        {line(s.ticks_added, "talking-point tick added", "talking-point ticks added")}
                        {line(s.stories_added.len(), "new story added", "new stories added")}
                        {line(s.stories_kept_both.len(), "story changed in both places: both texts kept, newer first", "stories changed in both places: both texts kept, newer first")}
                        {line(s.mocks_added, "mock interview added to your history", "mock interviews added to your history")}
                    </ul>
                    {(!s.changes_anything()).then(|| view! { <p>"Nothing would change: you already have everything in this backup."</p> })}
                    <p class="hint">"Your settings stay as they are when merging. Your current data is saved aside before anything changes."</p>
                    <div class="actions">
                        <button type="button" class="button" on:click=move |_| apply(false)>"Merge into my data"</button>
                        <button type="button" class="button secondary" on:click=move |_| confirm_replace.set(true)>"Replace everything…"</button>
                        <button type="button" class="button secondary" on:click=move |_| pending.set(None)>"Cancel"</button>
                    </div>
                    <Show when=move || confirm_replace.get()>
                        <div class="banner warning" role="alert">
                            <p>"Replace all your answers, stories, ratings, bookmarks, mock interviews and settings with the backup's? Answers and stories the backup does not have will be removed. A copy of your current data is saved aside first."</p>
                            <button type="button" class="button" on:click=move |_| apply(true)>"Yes, replace everything"</button>
                            <button type="button" class="button secondary" on:click=move |_| confirm_replace.set(false)>"Keep my data"</button>
                        </div>
                    </Show>
                </div>
            }
        })
    };

    let export_markdown = move |_| {
        let text = markdown_export::export(&user.snapshot(), bank::QUESTIONS, now_ms());
        let name = format!(
            "opsdrill-answers-{}.md",
            time::format_date(now_ms().div_euclid(time::DAY_MS))
        );
        let _ = crate::web::browser::download(&name, "text/markdown", &text);
    };

    view! {
        <h1>"Settings"</h1>

        <section aria-labelledby="practice-settings">
            <h2 id="practice-settings">"Practice"</h2>
            <div class="field">
                <label for="daily-limit">"New questions per day"</label>
                <input
                    id="daily-limit"
                    type="number"
                    inputmode="numeric"
                    min="1"
                    max=MAX_DAILY_NEW_LIMIT.to_string()
                    prop:value=move || settings().daily_new_limit.to_string()
                    on:change=move |ev| {
                        if let Ok(n) = event_target_value(&ev).trim().parse::<u32>() {
                            let n = n.clamp(1, MAX_DAILY_NEW_LIMIT);
                            user.settings.update(|s| s.daily_new_limit = n);
                        }
                    }
                />
            </div>
            <div class="field">
                <label for="interview-date">"Interview date (optional)"</label>
                <p class="hint" id="interview-hint">"Until then, every question you have started comes back before the day."</p>
                <input
                    id="interview-date"
                    type="date"
                    aria-describedby="interview-hint"
                    prop:value=move || settings().interview_date.unwrap_or_default()
                    on:change=move |ev| {
                        let value = event_target_value(&ev);
                        let date = time::parse_date(&value).map(|_| value);
                        user.settings.update(|s| s.interview_date = date);
                    }
                />
            </div>
        </section>

        <section aria-labelledby="appearance-settings">
            <h2 id="appearance-settings">"Appearance"</h2>
            <div class="field">
                <label for="theme">"Theme"</label>
                <select
                    id="theme"
                    prop:value=move || settings().theme
                    on:change=move |ev| {
                        let theme = event_target_value(&ev);
                        if matches!(theme.as_str(), "system" | "light" | "dark") {
                            user.settings.update(|s| s.theme = theme);
                        }
                    }
                >
                    <option value="system">"Follow the system"</option>
                    <option value="light">"Light"</option>
                    <option value="dark">"Dark"</option>
                </select>
            </div>
        </section>

        <CommuteSettings/>

        <section aria-labelledby="data-settings">
            <h2 id="data-settings">"Your data"</h2>
            <p>"Your answers and progress are stored only in this browser. Nothing is sent anywhere."</p>
            <p class="hint">{move || storage_info.get().unwrap_or_else(|| "Checking storage…".into())}</p>
            <p class="hint">{move || match settings().last_export_ms {
                None => "No backup exported yet.".to_string(),
                Some(at) => format!("Last backup: {}.", time::format_date(at.div_euclid(time::DAY_MS))),
            }}</p>
            <div class="actions">
                <button type="button" class="button" on:click=move |_| download_backup(user)>"Export backup"</button>
                <button type="button" class="button secondary" on:click=export_markdown>"Export answers and stories as Markdown"</button>
            </div>
            <div class="field">
                <label for="import-file">"Import backup"</label>
                <p class="hint" id="import-hint">"An OpsDrill backup file (.json, at most 5 MB). You will see what changes before anything does."</p>
                <input id="import-file" type="file" accept=".json,application/json" aria-describedby="import-hint" on:change=on_file/>
            </div>
            {move || import_message.get().map(|(ok, message)| view! {
                <p class=if ok { "notice" } else { "notice error" } role=if ok { "status" } else { "alert" }>{message}</p>
            })}
            {preview}
        </section>
    }
}

/// The speaking rates offered, in percent.
const SPEECH_RATE_CHOICES: [u32; 9] = [50, 75, 90, 100, 110, 125, 150, 175, 200];

/// "0.75×", "1× (normal)", "2×".
fn rate_label(pct: u32) -> String {
    let number = format!("{:.2}", f64::from(pct) / 100.0);
    let number = number.trim_end_matches('0').trim_end_matches('.');
    if pct == 100 {
        format!("{number}× (normal)")
    } else {
        format!("{number}×")
    }
}

/// Commute mode: the voice, how fast it speaks and how long it waits for a
/// spoken answer.
#[component]
fn CommuteSettings() -> impl IntoView {
    use crate::web::speech;
    use opsdrill_core::data::records::{ANSWER_PAUSES_S, SPEECH_RATES_PCT};

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
        let mut list: Vec<(String, String)> = voices
            .get()
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
        if !chosen.is_empty() && !list.iter().any(|(name, _)| *name == chosen) {
            list.insert(
                0,
                (
                    chosen.clone(),
                    format!("{chosen} (not available in this browser)"),
                ),
            );
        }
        list.into_iter()
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
        <section aria-labelledby="commute-settings">
            <h2 id="commute-settings">"Commute mode"</h2>
            {(!can_speak).then(|| view! {
                <p class="notice">"This browser cannot read aloud, so commute mode shows the text instead. The speaking rate still sets how long each part stays on screen."</p>
            })}
            <div class="field">
                <label for="speech-voice">"Voice"</label>
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
            </div>
            <div class="field">
                <label for="speech-rate">"Speaking rate"</label>
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
            </div>
            <div class="field">
                <label for="answer-pause">"Time to answer out loud (seconds)"</label>
                <p class="hint" id="answer-pause-hint">"How long commute mode waits after the question before reading the structure and talking points: 10 to 600 seconds."</p>
                <input
                    id="answer-pause"
                    type="number"
                    inputmode="numeric"
                    min=ANSWER_PAUSES_S.start().to_string()
                    max=ANSWER_PAUSES_S.end().to_string()
                    aria-describedby="answer-pause-hint"
                    prop:value=move || user.settings.with(|s| s.answer_pause_s.to_string())
                    on:change=move |ev| {
                        if let Ok(n) = event_target_value(&ev).trim().parse::<u32>() {
                            let n = n.clamp(*ANSWER_PAUSES_S.start(), *ANSWER_PAUSES_S.end());
                            user.settings.update(|s| s.answer_pause_s = n);
                        }
                    }
                />
            </div>
            <button type="button" class="button secondary" disabled=!can_speak on:click=test_voice>"Test voice"</button>
        </section>
    }
}
