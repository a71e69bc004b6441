//! The question editor's unsaved text, kept in localStorage at every
//! keystroke under a key that is not a record (`codec::own_draft_key`), so
//! the app never loads it as data and a closed tab loses nothing. A draft
//! that cannot be kept (storage full or blocked) is only in memory: the
//! form still saves.

use opsdrill_core::data::codec;
use opsdrill_core::own::OwnQuestion;

use super::local_storage;

pub fn keep(name: &str, draft: &OwnQuestion) {
    let _ = local_storage::write(&codec::own_draft_key(name), draft);
}

/// The draft left last time, if any and readable.
pub fn read(name: &str) -> Option<OwnQuestion> {
    let raw = local_storage::read_text(&codec::own_draft_key(name))?;
    codec::decode_own_draft(&raw).ok()
}

pub fn discard(name: &str) {
    let _ = local_storage::remove(&codec::own_draft_key(name));
}
