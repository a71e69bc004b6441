//! "Send to another device": everything, or what changed since this device
//! last sent, as QR codes looping on a canvas until the user stops.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use leptos::html::Canvas;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen_futures::JsFuture;

use opsdrill_core::format::count;
use opsdrill_core::route::Route;
use opsdrill_core::time;
use opsdrill_core::transfer::device::Sent;
use opsdrill_core::transfer::{self, qr, FRAMES_PER_SECOND};

use crate::state::UserState;
use crate::web::{browser, clock, device_memory, qr_canvas};

/// The frames being shown, and what they hold.
#[derive(Clone)]
struct Sending {
    frames: Arc<Vec<Vec<u8>>>,
    what: String,
}

#[component]
pub fn SendPage() -> impl IntoView {
    browser::set_title("Send to another device: OpsDrill");
    let user = expect_context::<UserState>();
    let last_sent = device_memory::read().last_sent_ms;
    let only_changes = RwSignal::new(last_sent.is_some());
    let sending = RwSignal::new(None::<Sending>);
    let start = move |_| {
        user.flush();
        let now = clock::now_ms();
        let since_ms = last_sent.filter(|_| only_changes.get_untracked());
        let sent = Sent {
            from: device_memory::sending(now),
            sent_ms: now,
            since_ms,
        };
        let data = user.snapshot();
        let frames = transfer::outgoing(
            &data,
            &sent,
            env!("CARGO_PKG_VERSION"),
            (now as u32) ^ 0x5eed,
        );
        let what = match since_ms {
            Some(since) => format!(
                "What changed since {}",
                time::format_date(since.div_euclid(time::DAY_MS))
            ),
            None => format!(
                "Everything: {} and {}",
                count(
                    data.answers.values().filter(|a| !a.is_empty()).count(),
                    "answer",
                    "answers"
                ),
                count(data.stories.len(), "story", "stories")
            ),
        };
        sending.set(Some(Sending {
            frames: Arc::new(frames),
            what,
        }));
    };
    view! {
        <h1>"Send to another device"</h1>
        <p>"On the other device, open Settings and "<strong>"Receive from another device"</strong>", then hold its camera to this screen. Nothing goes over a network: the codes loop until you stop, and a code the camera misses comes round again."</p>
        {move || match sending.get() {
            Some(shown) => view! { <CodeLoop shown stop=move || sending.set(None)/> }.into_any(),
            None => view! {
                <fieldset class="transfer-choice">
                    <legend>"What to send"</legend>
                    <label>
                        <input type="radio" name="send-what" prop:checked=move || !only_changes.get() on:change=move |_| only_changes.set(false)/>
                        "Everything"
                    </label>
                    <label>
                        <input type="radio" name="send-what" disabled=last_sent.is_none() prop:checked=move || only_changes.get() on:change=move |_| only_changes.set(true)/>
                        {match last_sent {
                            Some(at) => format!("Only what changed since I last sent ({})", time::format_date(at.div_euclid(time::DAY_MS))),
                            None => "Only what changed since I last sent (nothing sent yet)".to_string(),
                        }}
                    </label>
                </fieldset>
                <div class="actions">
                    <button type="button" class="button" on:click=start>"Start sending"</button>
                    <a class="button secondary" href=Route::Settings.href()>"Back to Settings"</a>
                </div>
            }.into_any(),
        }}
    }
}

/// The canvas's side: as much of the screen as leaves room for the line and
/// the button under it, and no more than a phone's camera needs.
fn room() -> u32 {
    let window = web_sys::window();
    let size = |v: Option<Result<wasm_bindgen::JsValue, wasm_bindgen::JsValue>>| {
        v.and_then(Result::ok)
            .and_then(|v| v.as_f64())
            .unwrap_or(360.0)
    };
    let width = size(window.as_ref().map(|w| w.inner_width())) - 32.0;
    let height = size(window.as_ref().map(|w| w.inner_height())) - 190.0;
    width.min(height).clamp(180.0, 720.0) as u32
}

#[component]
fn CodeLoop(shown: Sending, stop: impl Fn() + Send + Sync + 'static) -> impl IntoView {
    let canvas = NodeRef::<Canvas>::new();
    let at = RwSignal::new(0usize);
    let total = shown.frames.len();
    let first = qr::code_of(&shown.frames[0]);
    let side = qr_canvas::side_for(&first, room());
    let running = Arc::new(AtomicBool::new(true));
    {
        let running = Arc::clone(&running);
        on_cleanup(move || running.store(false, Ordering::Relaxed));
    }
    let frames = Arc::clone(&shown.frames);
    Effect::new(move |_| {
        let Some(canvas) = canvas.get() else {
            return;
        };
        let (frames, running) = (Arc::clone(&frames), Arc::clone(&running));
        spawn_local(async move {
            let pause = (1000 / FRAMES_PER_SECOND) as i32;
            let mut index = 0;
            while running.load(Ordering::Relaxed) {
                qr_canvas::draw(&canvas, &qr::code_of(&frames[index]));
                let _ = canvas.set_attribute("data-frame", &index.to_string());
                let _ = at.try_set(index);
                let _ = JsFuture::from(browser::sleep(pause)).await;
                index = (index + 1) % frames.len();
            }
        });
    });
    let loop_s = total.div_ceil(FRAMES_PER_SECOND as usize);
    view! {
        <p class="hint">{shown.what.clone()}</p>
        <canvas class="transfer-code" node_ref=canvas width=side height=side role="img" aria-label="QR codes of your data, changing several times a second"></canvas>
        <p class="transfer-progress" role="status" aria-live="off">{move || format!(
            "Code {} of {} · a loop takes {}",
            at.get() + 1,
            total,
            if loop_s < 60 { format!("{loop_s} s") } else { format!("{}:{:02}", loop_s / 60, loop_s % 60) },
        )}</p>
        <div class="actions">
            <button type="button" class="button" on:click=move |_| stop()>"Stop"</button>
        </div>
    }
}
