//! Other tabs and the page's own comings and goings: another tab's save
//! arrives as a `storage` event and is taken in (an answer or story being
//! edited here keeps both texts); leaving, hiding or switching away writes
//! what is pending at once; a page restored from the back/forward cache
//! re-reads what it missed.

use leptos::prelude::*;

use opsdrill_core::data::codec::{self, Decoded, StoreKey};

use super::UserState;
use crate::web::clock::now_ms;
use crate::web::local_storage;

pub(super) fn listen(state: UserState) {
    let _ = window_event_listener(leptos::ev::storage, move |event| {
        if let Some(key) = event.key() {
            local_storage::note_other_tab(&key, event.new_value().as_deref());
            state.saves.health().note_usage();
        }
        if let Some(key) = event.key().as_deref().and_then(StoreKey::parse) {
            from_other_tab(state, &key, event.new_value());
        }
    });
    // So a reload or a closed tab never loses a keystroke.
    let _ = window_event_listener(leptos::ev::pagehide, move |_| state.flush());
    let _ = window_event_listener_untyped("visibilitychange", move |_| state.flush());
    let _ = window_event_listener(leptos::ev::pageshow, move |event| {
        if event.persisted() {
            reload(state);
        }
    });
}

/// Another tab saved (or removed) `key`. Values this version cannot read
/// are ignored here; the next load reports them.
fn from_other_tab(state: UserState, key: &StoreKey, raw: Option<String>) {
    let Some(raw) = raw else {
        // Of the records, only stories and own questions are ever removed.
        match key {
            StoreKey::Story(id) => state.stories.on_other_tab(id, None),
            StoreKey::Own(id) => state.own.on_other_tab(id, None),
            _ => {}
        }
        return;
    };
    match codec::decode(key, &raw) {
        Err(_) => {}
        Ok(Decoded::Answer(id, answer)) => state.answers.on_other_tab(&id, answer),
        Ok(Decoded::Story(id, story)) => state.stories.on_other_tab(&id, Some(story)),
        Ok(Decoded::Settings(settings)) => state.settings.replace(settings),
        Ok(Decoded::Schedule(schedule)) => state.schedule.replace(schedule),
        Ok(Decoded::Marks(marks)) => state.marks.replace(marks),
        Ok(Decoded::Mocks(mocks)) => state.mocks.replace(mocks),
        Ok(Decoded::Own(id, own)) => state.own.on_other_tab(&id, Some(own)),
        Ok(Decoded::Interviews(log)) => state.interviews.replace(log),
    }
}

/// Re-reads storage, keeping what is being edited here.
fn reload(state: UserState) {
    let loaded = local_storage::load(now_ms());
    if loaded.blocked.is_none() {
        state.replace_in_memory(loaded.data, true);
    }
}
