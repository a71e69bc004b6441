pub mod answer_editor;
pub mod banners;
pub mod blocks;
pub mod linked_stories;
pub mod rate_buttons;
pub mod shortcuts;
pub mod site_header;
pub mod update_banner;
