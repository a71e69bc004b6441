pub mod blocks;
pub mod site_header;
