//! Acts on the keyboard shortcuts (`opsdrill_core::shortcuts`) and shows the list.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::web::browser::go_to;
use crate::web::focus::{click, focus};
use opsdrill_core::route::Route;
use opsdrill_core::shortcuts::{shortcut_for, Shortcut, HELP};

/// The Questions page comes in a chunk, drawn when that is in: try every
/// 50 ms, `tries` times at most (3 s), rather than once after a guess.
fn focus_search_once_drawn(tries: u32) {
    set_timeout(
        move || {
            if !focus_search() && tries > 1 {
                focus_search_once_drawn(tries - 1);
            }
        },
        std::time::Duration::from_millis(50),
    );
}

fn focus_search() -> bool {
    focus("input[type=search]")
}

/// Whether a key press landed on something that handles it itself (space on
/// a button or link activates it).
fn on_control(event: &web_sys::KeyboardEvent) -> bool {
    event
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .is_some_and(|el| matches!(el.tag_name().as_str(), "BUTTON" | "A" | "SUMMARY"))
}

#[component]
pub fn Shortcuts() -> impl IntoView {
    let help_open = RwSignal::new(false);
    let _ = window_event_listener(leptos::ev::keydown, move |ev| {
        let modifier = ev.ctrl_key() || ev.alt_key() || ev.meta_key();
        let Some(shortcut) = shortcut_for(&ev.key(), crate::web::browser::is_typing(&ev), modifier)
        else {
            return;
        };
        let handled = match shortcut {
            Shortcut::FocusSearch => {
                if !focus_search() {
                    go_to(&Route::Questions(Default::default()));
                    focus_search_once_drawn(60);
                }
                true
            }
            Shortcut::NextQuestion => click("a[rel=next]"),
            Shortcut::PreviousQuestion => click("a[rel=prev]"),
            Shortcut::RevealAnswer => {
                !on_control(&ev) && click("button.reveal[aria-expanded=false]")
            }
            Shortcut::ShowHelp => {
                help_open.set(true);
                true
            }
            Shortcut::CloseHelp => {
                let was_open = help_open.get_untracked();
                help_open.set(false);
                was_open
            }
        };
        if handled {
            ev.prevent_default();
        }
    });

    view! {
        <Show when=move || help_open.get()>
            <div class="shortcuts" role="dialog" aria-modal="false" aria-labelledby="shortcuts-title">
                <h2 id="shortcuts-title">"Keyboard shortcuts"</h2>
                <dl>
                    {HELP.iter().map(|(key, what)| view! { <dt><kbd>{*key}</kbd></dt><dd>{*what}</dd> }).collect_view()}
                </dl>
                <button type="button" class="button small" on:click=move |_| help_open.set(false)>"Close"</button>
            </div>
        </Show>
    }
}
