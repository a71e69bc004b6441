//! OpsDrill: offline practice for senior DevOps / SRE / platform interviews.
//!
//! The decisions live in the pure core (`opsdrill-core`, crates/core); this
//! crate is the app around it:
//! - `app`: the App component, the page switch and the app-wide context;
//! - `bank_text`: the bank's text, a file of its own, and what waits for it;
//! - `state`: the user's data as reactive state, split by concern;
//! - `web`: the only code that touches browser APIs;
//! - `ui`: components (one per idea) and pages (one per route).

mod app;
mod bank_text;
pub mod state;
mod ui;
mod web;

pub use app::App;
#[cfg(feature = "effect-count")]
pub use web::effect_count::install as count_effects;
