//! The user's data as plain Rust: the records kept in localStorage, how they
//! are encoded and migrated, backups (export, validated import, merge) and the
//! Markdown export. No browser code here: the app's web layer does the I/O.

pub mod backup;
pub mod codec;
pub mod markdown_export;
pub mod records;
mod save_status;

pub use save_status::SaveStatus;

pub use records::{
    Answer, AnswerVersion, CardState, Marks, MockHistory, MockItem, MockRecord, Review, Schedule,
    Settings, StarText, Story, UserData,
};
