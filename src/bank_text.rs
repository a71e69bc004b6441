//! The bank's text (every section: why they ask, model answers, follow-ups,
//! labs) is a file of its own, fetched once the app is interactive, or at
//! once for a page that shows it, so that it does not hold up the first
//! page. `BankText` is its status, as context; `NeedsBank` shows what needs
//! the text once it is in, a note while it loads, and a clear message with
//! "Try again" when it cannot be had.

use leptos::prelude::*;

use opsdrill_core::bank;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BankStatus {
    NotStarted,
    Loading,
    Ready,
    Failed(String),
}

#[derive(Clone, Copy)]
pub struct BankText(RwSignal<BankStatus>);

impl BankText {
    pub fn new() -> Self {
        BankText(RwSignal::new(if bank::text_loaded() {
            BankStatus::Ready
        } else {
            BankStatus::NotStarted
        }))
    }

    pub fn status(&self) -> BankStatus {
        self.0.get()
    }

    /// Tracked: whether the sections can be read.
    pub fn is_ready(&self) -> bool {
        self.0.with(|s| *s == BankStatus::Ready)
    }

    /// Starts the fetch unless it is under way or done (a failed one starts again).
    pub fn load(&self) {
        if matches!(
            self.0.get_untracked(),
            BankStatus::Loading | BankStatus::Ready
        ) {
            return;
        }
        self.0.set(BankStatus::Loading);
        let status = self.0;
        leptos::task::spawn_local(async move {
            let outcome = crate::web::bank_file::fetch(bank::TEXT_FILE)
                .await
                .and_then(|text| bank::load_text(text).map_err(|e| e.to_string()));
            status.set(match outcome {
                Ok(()) => BankStatus::Ready,
                Err(why) => BankStatus::Failed(format!(
                    "The question bank could not be loaded: {why}. Your answers are safe; check the connection and try again."
                )),
            });
        });
    }
}

/// `children` once the bank's text is in; until then a note, or the reason
/// it failed with "Try again". Asking for it starts the fetch.
#[component]
pub fn NeedsBank(children: ChildrenFn) -> impl IntoView {
    let bank = expect_context::<BankText>();
    bank.load();
    move || {
        match bank.status() {
        BankStatus::Ready => children().into_any(),
        BankStatus::Failed(message) => view! {
            <div class="notice error" role="alert">
                <p>{message}</p>
                <button type="button" class="button small" on:click=move |_| bank.load()>"Try again"</button>
            </div>
        }
        .into_any(),
        BankStatus::NotStarted | BankStatus::Loading => view! {
            <p class="loading-bank" role="status">"Loading the question bank…"</p>
        }
        .into_any(),
    }
    }
}
