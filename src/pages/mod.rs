pub mod home;
pub mod not_found;
pub mod practice;
pub mod progress;
pub mod question;
pub mod questions;
pub mod settings;
