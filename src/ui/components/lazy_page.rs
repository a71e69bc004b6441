//! Parts of the app whose code comes in chunks of their own (`ui::split`).

use std::future::Future;

use leptos::prelude::*;

use crate::ui::split::PartView;
use crate::web::viewport::{self, NearView};

/// A page, shown once its chunk is in: nothing until then (the chunk is
/// precached, so that is a moment), and a message with "Try again" if it
/// cannot be fetched, which calls `load` again.
pub fn lazy_page<Load, Fut>(load: Load) -> AnyView
where
    Load: Fn() -> Fut + Send + Sync + 'static,
    Fut: Future<Output = PartView> + Send + 'static,
{
    lazy(load, |attempt| {
        view! {
            <div class="banner error" role="alert">
                <p>
                    "This page of OpsDrill could not be loaded: the network request failed. Your answers are safe."
                </p>
                <button type="button" class="button small" on:click=move |_| attempt.update(|n| *n += 1)>
                    "Try again"
                </button>
            </div>
        }
        .into_any()
    })
}

/// A part of every page (the banners): nothing if its chunk cannot be
/// fetched, since the page says so itself.
pub fn lazy_part<Load, Fut>(load: Load) -> AnyView
where
    Load: Fn() -> Fut + Send + Sync + 'static,
    Fut: Future<Output = PartView> + Send + 'static,
{
    lazy(load, |_| ().into_any())
}

/// A part below the fold (the recorder under a question's answer, Progress's
/// speaking summary): its chunk is fetched when the user comes near it, so
/// it does not compete with the page's own start on a slow link. `class`
/// names the slot, for CSS that keeps the part's place while it loads.
#[component]
pub fn LazyPartNearView<Load, Fut>(
    load: Load,
    #[prop(optional)] class: &'static str,
) -> impl IntoView
where
    Load: Fn() -> Fut + Send + Sync + Copy + 'static,
    Fut: Future<Output = PartView> + Send + 'static,
{
    let slot = NodeRef::<leptos::html::Div>::new();
    let near = RwSignal::new(false);
    let watching = StoredValue::new_local(None::<NearView>);
    Effect::new(move |_| {
        if let Some(element) = slot.get() {
            match viewport::when_near(&element, move || near.set(true)) {
                Some(watch) => watching.set_value(Some(watch)),
                None => near.set(true),
            }
        }
    });
    view! {
        <div class=class node_ref=slot>{move || near.get().then(|| lazy_part(load))}</div>
    }
}

fn lazy<Load, Fut>(load: Load, failed: fn(RwSignal<u32>) -> AnyView) -> AnyView
where
    Load: Fn() -> Fut + Send + Sync + 'static,
    Fut: Future<Output = PartView> + Send + 'static,
{
    let attempt = RwSignal::new(0u32);
    (move || {
        attempt.track();
        let part = load();
        Suspend::new(async move {
            let part = part.await;
            // The chunk's code (the user's data, the page's views) has run;
            // drawing the page is a task of its own, not one long one.
            send_wrapper::SendWrapper::new(crate::web::browser::yield_to_browser()).await;
            part.unwrap_or_else(|_| failed(attempt))
        })
    })
    .into_any()
}
