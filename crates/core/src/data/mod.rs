//! The user's data as plain Rust: the records kept in localStorage, how they
//! are encoded and migrated (`codec`), backups (`backup`: export and validated
//! import; `merge`), the Markdown export and what an editor says about saving. No browser code here: the app's web layer does the I/O.

pub mod backup;
pub mod codec;
#[cfg(test)]
pub(crate) mod fixtures;
pub mod markdown_export;
pub mod merge;
pub mod records;
mod save_status;
pub mod usage;

pub use save_status::SaveStatus;

pub use records::{
    Answer, AnswerVersion, CardState, Marks, MockHistory, MockItem, MockRecord, Review, Schedule,
    Settings, StarText, Story, UserData,
};
