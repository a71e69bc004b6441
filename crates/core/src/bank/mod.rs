//! The question bank: static data compiled from `content/` by `build.rs`.

pub mod model;

/// The compact markup the sections are kept in, decoded at render time.
pub use opsdrill_text::markup;

pub use model::{
    Block, Category, Difficulty, FollowUp, FollowUps, Inline, Items, Lab, LabStep, LabSteps, Prose,
    Question, Section, Span, SpanStyle, Style, Text, Topic,
};

mod data {
    use super::model::*;
    include!(concat!(env!("OUT_DIR"), "/bank_data.rs"));
}

pub use data::{QUESTIONS, TOPICS};

/// The n-th section of the bank's text. The first call decompresses the
/// whole text (about 650 KB, a few milliseconds) and splits it once.
fn section(n: usize) -> &'static str {
    static SECTIONS: std::sync::OnceLock<Vec<&'static str>> = std::sync::OnceLock::new();
    SECTIONS.get_or_init(|| {
        let bytes =
            opsdrill_text::lzma::decompress(data::TEXT_LZMA).expect("the build wrote valid LZMA");
        let text: &'static str =
            String::leak(String::from_utf8(bytes).expect("the build wrote UTF-8"));
        text.split('\u{1f}').collect()
    })[n]
}

pub fn find(id: &str) -> Option<&'static Question> {
    QUESTIONS.iter().find(|q| q.id == id)
}

pub fn topic_name(slug: &str) -> &'static str {
    TOPICS
        .iter()
        .find(|t| t.slug == slug)
        .map_or("", |t| t.name)
}

pub fn count_in(category: Category) -> usize {
    QUESTIONS.iter().filter(|q| q.category == category).count()
}
