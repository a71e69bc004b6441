//! One recording in a question's list: when and how long, a player, its
//! delivery report, "Download" and "Delete".

use leptos::prelude::*;
use leptos::task::spawn_local;
use opsdrill_core::bank::Style;
use opsdrill_core::recordings::{self, RecordingMeta};
use opsdrill_core::time::{format_local, minutes_seconds};
use wasm_bindgen::JsCast;

use super::report::DeliveryReportView;
use crate::state::Recordings;
use crate::web::browser::download_blob;
use crate::web::clock::utc_offset_min;
use crate::web::recordings_db;

/// `latest`: the recording just made, whose report shows open.
#[component]
pub fn RecordingItem(
    meta: RecordingMeta,
    style: Style,
    latest: RwSignal<Option<String>>,
) -> impl IntoView {
    let recordings = Recordings::get_or_load();
    let when = format_local(meta.created_ms, utc_offset_min());
    let length = minutes_seconds(i64::from(meta.duration_ms / 1000));
    let url = AudioUrl::load(meta.clone());
    let problem = RwSignal::new(None::<String>);
    let id = meta.id.clone();
    let open = move || latest.with(|l| l.as_deref() == Some(id.as_str()));
    let download = {
        let meta = meta.clone();
        move |_| {
            let meta = meta.clone();
            spawn_local(async move {
                let done = match recordings_db::audio(&meta).await {
                    Ok(Some(audio)) => {
                        download_blob(&recordings::file_name(&meta, utc_offset_min()), &audio)
                    }
                    Ok(None) => Err("its audio is gone".into()),
                    Err(problem) => Err(problem.message()),
                };
                if let Err(why) = done {
                    problem.set(Some(format!(
                        "The recording could not be downloaded: {why}"
                    )));
                }
            });
        }
    };
    let delete = {
        let id = meta.id.clone();
        move |_| {
            let id = id.clone();
            spawn_local(async move { recordings.delete(vec![id]).await });
        }
    };
    let report = meta.report.clone();
    let label = format!("Recording of {when}");
    view! {
        <li class="recording-item">
            <p class="recording-when">
                <strong>{when.clone()}</strong>
                " · "
                <span class="recording-length">{length}</span>
            </p>
            {move || url.get().map(|src| view! { <Player src label=label.clone()/> })}
            <details class="delivery" prop:open=open>
                <summary>"Delivery report"</summary>
                {match report.clone() {
                    Some(report) => view! { <DeliveryReportView report style/> }.into_any(),
                    None => view! {
                        <p>"No report for this recording: the browser could not read it back, or the page closed before the report was made."</p>
                    }.into_any(),
                }}
            </details>
            <p class="actions">
                <button type="button" class="button small secondary" on:click=download>
                    "Download"
                </button>
                <button type="button" class="button small danger-outline" on:click=delete>
                    "Delete"
                    <span class="visually-hidden">{format!(" the recording of {when}")}</span>
                </button>
            </p>
            <p class="notice" role="alert" hidden=move || problem.with(Option::is_none)>
                {move || problem.get()}
            </p>
        </li>
    }
}

/// A blob URL for a recording's audio, revoked when the item goes.
#[derive(Clone, Copy)]
struct AudioUrl(RwSignal<Option<String>>);

impl AudioUrl {
    fn load(meta: RecordingMeta) -> Self {
        let url = RwSignal::new(None::<String>);
        spawn_local(async move {
            if let Ok(Some(audio)) = recordings_db::audio(&meta).await {
                if let Ok(made) = web_sys::Url::create_object_url_with_blob(&audio) {
                    if url.try_set(Some(made.clone())).is_some() {
                        // The item went while the audio was read.
                        let _ = web_sys::Url::revoke_object_url(&made);
                    }
                }
            }
        });
        on_cleanup(move || {
            if let Some(Some(made)) = url.try_get_untracked() {
                let _ = web_sys::Url::revoke_object_url(&made);
            }
        });
        AudioUrl(url)
    }

    fn get(self) -> Option<String> {
        self.0.get()
    }
}

/// The audio player. Chromium's recordings (WebM) carry no length, so the
/// player would show none and could not seek: seeking far past the end
/// once makes the browser find it.
#[component]
fn Player(src: String, label: String) -> impl IntoView {
    let finding_length = StoredValue::new(false);
    let on_metadata = move |ev: web_sys::Event| {
        if let Some(media) = media(&ev) {
            if media.duration().is_infinite() {
                finding_length.set_value(true);
                media.set_current_time(1e7);
            }
        }
    };
    let on_duration = move |ev: web_sys::Event| {
        if let Some(media) = media(&ev) {
            if finding_length.get_value() && media.duration().is_finite() {
                finding_length.set_value(false);
                media.set_current_time(0.0);
            }
        }
    };
    view! {
        <audio
            controls
            preload="metadata"
            src=src
            aria-label=label
            on:loadedmetadata=on_metadata
            on:durationchange=on_duration
        ></audio>
    }
}

fn media(ev: &web_sys::Event) -> Option<web_sys::HtmlMediaElement> {
    ev.target()?.dyn_into().ok()
}
