//! The views: thin Leptos components over the state and the core.

pub mod components;
pub mod pages;
pub mod split;
