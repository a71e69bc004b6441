pub mod answer_editor;
pub mod banners;
pub mod blocks;
pub mod rate_buttons;
pub mod site_header;
