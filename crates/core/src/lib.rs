//! OpsDrill's pure core: everything the app decides, with no browser in
//! reach. The crate depends on no leptos, web-sys, js-sys or wasm-bindgen,
//! so the compiler keeps it pure, and all of it is tested natively. The app
//! (the crate at the repository root) holds the reactive state, the browser
//! glue and the views, and calls in here.

pub mod bank;
pub mod commute;
pub mod data;
pub mod delivery;
pub mod format;
pub mod insight;
pub mod mock;
pub mod own;
pub mod recordings;
pub mod route;
pub mod schedule;
pub mod search;
pub mod shortcuts;
pub mod stats;
pub mod stories;
pub mod time;
pub mod transfer;
