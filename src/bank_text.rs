//! The bank's text (every section: why they ask, model answers, follow-ups,
//! labs) comes in files of its own, chunks of whole questions, fetched once
//! the app is interactive so that they do not hold up the first page: the
//! chunk a page shows first, then the others, one at a time. `BankText` is
//! what is in, as context; `NeedsBank` shows what needs a chunk (or all of
//! them) once it is in, a note while it loads, and a clear message with
//! "Try again" when it cannot be had.

use leptos::prelude::*;

use opsdrill_core::bank;

#[derive(Clone, Copy)]
pub struct BankText {
    /// Per chunk: whether it is in.
    loaded: RwSignal<Vec<bool>>,
    /// Why the last fetch failed, until one succeeds.
    failed: RwSignal<Option<String>>,
    /// The chunk to fetch next, ahead of the others.
    first: StoredValue<Option<usize>>,
    running: StoredValue<bool>,
}

impl BankText {
    pub fn new() -> Self {
        let loaded = (0..bank::text_chunks().len())
            .map(bank::chunk_loaded)
            .collect();
        BankText {
            loaded: RwSignal::new(loaded),
            failed: RwSignal::new(None),
            first: StoredValue::new(None),
            running: StoredValue::new(false),
        }
    }

    /// Tracked: whether chunk `chunk` (every chunk for `None`) is in.
    pub fn is_ready(&self, chunk: Option<usize>) -> bool {
        self.loaded.with(|l| match chunk {
            Some(n) => l.get(n).copied().unwrap_or(false),
            None => l.iter().all(|&in_| in_),
        })
    }

    /// Tracked: why the text could not be had, if it could not.
    pub fn failure(&self) -> Option<String> {
        self.failed.get()
    }

    /// Fetches what is missing, `first` (a chunk) ahead of the rest; a
    /// failed run starts again.
    pub fn load(&self, first: Option<usize>) {
        if first.is_some() {
            self.first.set_value(first);
        }
        if self.running.get_value() || self.is_ready_untracked(None) {
            return;
        }
        self.running.set_value(true);
        self.failed.set(None);
        let this = *self;
        leptos::task::spawn_local(async move {
            while let Some(n) = this.next_missing() {
                let file = bank::text_chunks()[n].file;
                let outcome = crate::web::bank_file::fetch(file)
                    .await
                    .and_then(|text| bank::load_text(n, text).map_err(|e| e.to_string()));
                match outcome {
                    Ok(()) => this.loaded.update(|l| l[n] = true),
                    Err(why) => {
                        this.failed.set(Some(format!(
                            "The question bank could not be loaded: {why}. Your answers are safe; check the connection and try again."
                        )));
                        break;
                    }
                }
            }
            this.running.set_value(false);
        });
    }

    fn is_ready_untracked(&self, chunk: Option<usize>) -> bool {
        untrack(|| self.is_ready(chunk))
    }

    fn next_missing(&self) -> Option<usize> {
        let first = self
            .first
            .get_value()
            .filter(|&n| !self.is_ready_untracked(Some(n)));
        first.or_else(|| {
            self.loaded
                .with_untracked(|l| l.iter().position(|&in_| !in_))
        })
    }
}

/// `children` once the bank's text is in (the chunk `chunk`, or all of it);
/// until then a note, or the reason it failed with "Try again". Asking for
/// it puts that chunk first.
#[component]
pub fn NeedsBank(#[prop(optional)] chunk: Option<usize>, children: ChildrenFn) -> impl IntoView {
    let bank = expect_context::<BankText>();
    bank.load(chunk);
    // Only when this flips: other chunks arriving must not draw the page
    // again (an answer being typed would lose its focus).
    let ready = Memo::new(move |_| bank.is_ready(chunk));
    move || {
        if ready.get() {
            return children().into_any();
        }
        match bank.failure() {
            Some(message) => view! {
                <div class="notice error" role="alert">
                    <p>{message}</p>
                    <button type="button" class="button small" on:click=move |_| bank.load(chunk)>"Try again"</button>
                </div>
            }
            .into_any(),
            None => view! {
                <p class="loading-bank" role="status">"Loading the question bank…"</p>
            }
            .into_any(),
        }
    }
}
