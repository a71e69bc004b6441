pub mod coming_soon;
pub mod home;
pub mod not_found;
pub mod question;
pub mod questions;
