//! "Receive from another device": the camera reads the sender's codes, the
//! page counts them in, and once all are there the import preview shows
//! what merging would change. Nothing changes before "Merge into my data".

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use leptos::html::Video;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen_futures::JsFuture;

use opsdrill_core::route::Route;
use opsdrill_core::transfer::frames::{Assembler, FrameError, Taken};
use opsdrill_core::transfer::{self, STALL_MS};

use crate::state::UserState;
use crate::ui::pages::settings::{ImportFlow, ImportOutcomeAndPreview};
use crate::web::camera::Camera;
use crate::web::{browser, clock};

/// Where receiving stands, as the page shows it.
#[derive(Clone, Default)]
struct Reception {
    scanning: bool,
    /// Codes in, of how many (0 before the first).
    have: usize,
    count: usize,
    /// What the user should know now, and whether it is a failure.
    note: Option<(bool, String)>,
}

#[component]
pub fn ReceivePage() -> impl IntoView {
    browser::set_title("Receive from another device: OpsDrill");
    let flow = ImportFlow::new(expect_context::<UserState>());
    let video = NodeRef::<Video>::new();
    let reception = RwSignal::new(Reception::default());
    let running = Arc::new(AtomicBool::new(false));
    {
        let running = Arc::clone(&running);
        on_cleanup(move || running.store(false, Ordering::Relaxed));
    }
    let start = {
        let running = Arc::clone(&running);
        move |_| {
            let Some(video) = video.get_untracked() else {
                return;
            };
            flow.pending.set(None);
            reception.set(Reception {
                scanning: true,
                ..Reception::default()
            });
            running.store(true, Ordering::Relaxed);
            spawn_local(receive(video, Arc::clone(&running), reception, flow));
        }
    };
    let stop = {
        let running = Arc::clone(&running);
        move |_| running.store(false, Ordering::Relaxed)
    };
    let scanning = move || reception.with(|r| r.scanning);
    view! {
        <h1>"Receive from another device"</h1>
        <p>"On the other device, open Settings and "<strong>"Send to another device"</strong>". Then open the camera here and hold it so the code fills most of the picture. Codes are read in any order; nothing changes here until you choose to merge."</p>
        <video class="transfer-camera" node_ref=video class:is-off=move || !scanning() aria-label="What the camera sees"></video>
        <Show when=move || reception.with(|r| r.count > 0)>
            <progress max=move || reception.with(|r| r.count) value=move || reception.with(|r| r.have) aria-labelledby="receive-progress"></progress>
        </Show>
        <p id="receive-progress" class="transfer-progress" role="status">{move || reception.with(|r| match (r.scanning, r.count) {
            (true, 0) => "Looking for a code…".to_string(),
            (_, 0) => String::new(),
            (_, count) => format!("{} of {count} codes received", r.have),
        })}</p>
        {move || reception.with(|r| r.note.clone()).map(|(failed, note)| view! {
            <p class=if failed { "notice error" } else { "notice" } role=if failed { "alert" } else { "status" }>{note}</p>
        })}
        <div class="actions">
            // While a preview waits, merging is the thing to do.
            <Show when=scanning fallback=move || flow.pending.with(Option::is_none).then(|| view! {
                <button type="button" class="button" on:click=start.clone()>"Open the camera"</button>
            })>
                <button type="button" class="button" on:click=stop.clone()>"Stop"</button>
            </Show>
            <a class="button secondary" href=Route::Settings.href()>"Back to Settings"</a>
        </div>
        <ImportOutcomeAndPreview flow/>
    }
}

/// Reads codes until the transfer is complete, it fails, or the user stops.
async fn receive(
    video: web_sys::HtmlVideoElement,
    running: Arc<AtomicBool>,
    reception: RwSignal<Reception>,
    flow: ImportFlow,
) {
    let finish = |note: Option<(bool, String)>| {
        reception.update(|r| {
            r.scanning = false;
            if note.is_some() {
                r.note = note;
            }
        })
    };
    let camera = match Camera::open(video).await {
        Ok(camera) => camera,
        Err(error) => return finish(Some((true, error.message()))),
    };
    let mut assembler = Assembler::default();
    let mut last_new = clock::now_ms();
    while running.load(Ordering::Relaxed) {
        for frame in camera.read().await {
            match assembler.take(&frame) {
                Ok(Taken::New { have, count }) => {
                    last_new = clock::now_ms();
                    reception.update(|r| {
                        (r.have, r.count) = (have, count);
                        r.note = None;
                    });
                }
                Ok(Taken::Again { .. }) | Err(FrameError::NotAFrame) => {}
                Ok(Taken::Complete(payload)) => {
                    drop(camera);
                    reception.update(|r| r.have = r.count);
                    return match transfer::receive(&payload) {
                        Err(message) => finish(Some((true, message))),
                        Ok(received) => {
                            finish(None);
                            flow.offer("the transfer".into(), received.data, received.sent);
                        }
                    };
                }
                Err(error @ FrameError::NewerVersion(_)) => {
                    return finish(Some((true, error.to_string())));
                }
                Err(error @ (FrameError::OtherTransfer | FrameError::Corrupt)) => {
                    let (have, count) = assembler.progress();
                    reception.update(|r| {
                        (r.have, r.count) = (have, count);
                        r.note = Some((false, error.to_string()));
                    });
                }
            }
        }
        if clock::now_ms() - last_new > STALL_MS {
            last_new = clock::now_ms();
            reception.update(|r| {
                r.note = Some((
                    false,
                    match r.count {
                        0 => "No OpsDrill code seen yet. Is the other device showing its codes? Hold the camera closer, so the code fills most of the picture.".to_string(),
                        count => format!(
                            "No new code for {} seconds: {} still missing. Keep the other device's code in view; they come round again.",
                            STALL_MS / 1000,
                            count - r.have
                        ),
                    },
                ))
            });
        }
        // The page paints and takes input between reads.
        let _ = JsFuture::from(browser::sleep(30)).await;
    }
    finish(None);
}
