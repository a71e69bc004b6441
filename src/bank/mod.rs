//! The question bank: static data compiled from `content/` by `build.rs`.

pub mod model;

pub use model::{
    Block, Category, Difficulty, Inline, Items, Prose, Question, Span, SpanStyle, Style, Topic,
};

mod data {
    use super::model::*;
    include!(concat!(env!("OUT_DIR"), "/bank_data.rs"));
}

pub use data::{QUESTIONS, TOPICS};

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
