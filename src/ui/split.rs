//! The parts of the app whose code is cut out of the main wasm into chunks.
//!
//! Each function here is a split point (`wasm_split_helpers`): in the wasm
//! build, calling it first loads the chunk that holds its code, and
//! `scripts/split-wasm.mjs` cuts the chunks between cargo and wasm-bindgen. The
//! service worker precaches every chunk, so each part opens offline. Home is
//! all the main module has to hold, with the app's frame: it is what a first
//! visit waits for. Natively these are plain calls.
//!
//! Code that several chunks share goes into modules of its own, one per set
//! of sharers, so the parts are grouped into three chunks: `practice`,
//! `speaking` (mock interviews, commute mode and recording spoken answers)
//! and `settings`. Each more group multiplies the shared modules a page
//! loads: with recording as a fourth, a question needed 8 modules, not 4,
//! and became interactive 0.5 s later on Lighthouse's slow 4G.
//! Every part here works on the user's state, which the first of them loads
//! (`UserState::get_or_load`), so reading and decoding the stored data is in
//! the chunks too.

use leptos::prelude::*;
use opsdrill_core::bank;
use opsdrill_core::search::ListQuery;
use wasm_split_helpers::{wasm_split, SplitLoaderError};

use crate::state::UserState;
use crate::ui::components::banners::StorageBanners;
use crate::ui::components::recording::{RecordWhileShown, RecordingPanel, SpeakingSummary};
use crate::ui::components::update_banner::UpdateBanner;
use crate::ui::pages::commute::CommutePage;
use crate::ui::pages::mock::MockPage;
use crate::ui::pages::not_found::NotFoundPage;
use crate::ui::pages::own::{AddQuestionPage, AskedPage, EditQuestionPage};
use crate::ui::pages::practice::PracticePage;
use crate::ui::pages::progress::ProgressPage;
use crate::ui::pages::question::QuestionPage;
use crate::ui::pages::questions::QuestionsPage;
use crate::ui::pages::settings::SettingsPage;
use crate::ui::pages::stories::StoriesPage;
use crate::ui::pages::transfer::{ReceivePage, SendPage};

/// A part's chunk could not be fetched (offline before it was ever cached,
/// or the server lost it).
#[derive(Debug, Clone, Copy)]
pub struct ChunkNotLoaded;

impl From<SplitLoaderError> for ChunkNotLoaded {
    fn from(_: SplitLoaderError) -> Self {
        ChunkNotLoaded
    }
}

pub type PartView = Result<AnyView, ChunkNotLoaded>;

/// Draws a part once the user's state is there. Untracked: what loading the
/// state reads must not subscribe the part to those signals (`lazy_page`
/// draws it inside a reactive closure), or every change to them would draw
/// the part again from scratch, dropping what is on it.
fn with_user(part: impl FnOnce() -> AnyView) -> PartView {
    untrack(|| {
        UserState::get_or_load();
        Ok(part())
    })
}

/// The banners above every page (storage, backups, an update). They are in
/// one chunk with the practice loop (Practice, the question list, a
/// question) and with Progress and Stories, which share most of its code;
/// home's first render fetches it by showing them, so the loop is there by
/// the time the user taps. (With a chunk per page, a question needed 13
/// modules, not 4, to save 30 KB of 347: more round trips on a slow link.)
#[wasm_split(practice, fallible)]
pub fn banners() -> PartView {
    with_user(|| view! { <UpdateBanner/><StorageBanners/> }.into_any())
}

#[wasm_split(practice, fallible)]
pub fn practice_page() -> PartView {
    with_user(|| view! { <PracticePage/> }.into_any())
}

#[wasm_split(practice, fallible)]
pub fn question_page(id: String, list: ListQuery) -> PartView {
    with_user(|| match bank::find(&id) {
        Some(question) => view! { <QuestionPage question list/> }.into_any(),
        None => view! { <NotFoundPage missing=id question=true/> }.into_any(),
    })
}

#[wasm_split(practice, fallible)]
pub fn questions_page(initial: ListQuery) -> PartView {
    with_user(|| view! { <QuestionsPage initial/> }.into_any())
}

/// Mock interviews, commute mode and recording share most of their code
/// (both record spoken answers): one chunk.
#[wasm_split(speaking, fallible)]
pub fn mock_page() -> PartView {
    with_user(|| view! { <MockPage/> }.into_any())
}

#[wasm_split(speaking, fallible)]
pub fn commute_page() -> PartView {
    with_user(|| view! { <CommutePage/> }.into_any())
}

#[wasm_split(practice, fallible)]
pub fn stories_page(open: Option<String>) -> PartView {
    with_user(|| view! { <StoriesPage open/> }.into_any())
}

#[wasm_split(practice, fallible)]
pub fn progress_page() -> PartView {
    with_user(|| view! { <ProgressPage/> }.into_any())
}

/// Recording spoken answers on a question page (the recorder, the
/// recordings store, the delivery report), loaded when the user comes near
/// it.
#[wasm_split(speaking, fallible)]
pub fn recording_panel(question: &'static bank::Question) -> PartView {
    with_user(|| view! { <RecordingPanel question/> }.into_any())
}

/// Records while it is shown: a mock interview's question, commute mode's
/// answer pause.
#[wasm_split(speaking, fallible)]
pub fn record_while_shown(question: &'static bank::Question) -> PartView {
    with_user(|| view! { <RecordWhileShown question/> }.into_any())
}

/// Progress's summary of the recordings.
#[wasm_split(speaking, fallible)]
pub fn speaking_summary() -> PartView {
    with_user(|| view! { <SpeakingSummary/> }.into_any())
}

#[wasm_split(settings, fallible)]
pub fn settings_page() -> PartView {
    with_user(|| view! { <SettingsPage/> }.into_any())
}

/// The question editor checks what is written with the bank's parser, as
/// importing a pack in Settings does: one chunk holds both, and the parser.
#[wasm_split(settings, fallible)]
pub fn add_question_page() -> PartView {
    with_user(|| view! { <AddQuestionPage/> }.into_any())
}

#[wasm_split(settings, fallible)]
pub fn edit_question_page(id: String) -> PartView {
    with_user(|| view! { <EditQuestionPage id/> }.into_any())
}

/// What was asked in a real interview, logged right after it.
#[wasm_split(settings, fallible)]
pub fn asked_page() -> PartView {
    with_user(|| view! { <AskedPage/> }.into_any())
}

/// Sending to and receiving from another device: the QR encoder and reader
/// (about 130 KB compressed) are in a chunk of their own, loaded only here.
#[wasm_split(transfer, fallible)]
pub fn send_page() -> PartView {
    with_user(|| view! { <SendPage/> }.into_any())
}

#[wasm_split(transfer, fallible)]
pub fn receive_page() -> PartView {
    with_user(|| view! { <ReceivePage/> }.into_any())
}
