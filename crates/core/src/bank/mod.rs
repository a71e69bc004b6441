//! The question bank: static data compiled from `content/` by `build.rs`.

pub mod model;

/// The compact markup the sections are kept in, decoded at render time.
pub use opsdrill_text::markup;

pub use model::{
    Block, Category, Difficulty, FollowUp, FollowUps, Inline, Items, Lab, LabStep, LabSteps, Prose,
    Question, Section, Span, SpanStyle, Style, Text, TextChunk, Topic,
};

mod data {
    use super::model::*;
    include!(concat!(env!("OUT_DIR"), "/bank_data.rs"));
}

pub use data::{QUESTIONS, TOPICS};

/// The bank's text: per chunk, its sections once it is there.
fn chunks() -> &'static [std::sync::OnceLock<Vec<&'static str>>] {
    static CHUNKS: std::sync::OnceLock<Vec<std::sync::OnceLock<Vec<&'static str>>>> =
        std::sync::OnceLock::new();
    CHUNKS.get_or_init(|| {
        data::TEXT_CHUNKS
            .iter()
            .map(|_| Default::default())
            .collect()
    })
}

/// Why a chunk of the bank's text could not be taken.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TextError {
    /// Not the text this build made (another build's file, or cut short).
    NotThisBuild { bytes: usize },
}

impl std::fmt::Display for TextError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            TextError::NotThisBuild { bytes } => write!(
                f,
                "a question bank file is not the one this version of OpsDrill needs ({bytes} bytes unpacked)"
            ),
        }
    }
}

/// The chunks of the bank's text, each a file (`TextChunk::file`) the app
/// fetches, in order.
pub fn text_chunks() -> &'static [TextChunk] {
    data::TEXT_CHUNKS
}

/// Takes chunk `n` of the bank's text, unpacked from its file: checks it is
/// this build's and splits it into sections. Until then the sections in it
/// read as empty. Taking it twice is harmless.
pub fn load_text(n: usize, text: Vec<u8>) -> Result<(), TextError> {
    let bytes = text.len();
    let chunk = data::TEXT_CHUNKS
        .get(n)
        .ok_or(TextError::NotThisBuild { bytes })?;
    if bytes != chunk.bytes || opsdrill_text::fingerprint::fnv1a64(&text) != chunk.fingerprint {
        return Err(TextError::NotThisBuild { bytes });
    }
    // (This build's text is UTF-8: the compiler wrote it from a String.)
    let text = String::from_utf8(text).map_err(|_| TextError::NotThisBuild { bytes })?;
    let cell = &chunks()[n];
    if cell.get().is_none() {
        let _ = cell.set(String::leak(text).split('\u{1f}').collect());
    }
    Ok(())
}

/// Whether chunk `n` is in.
pub fn chunk_loaded(n: usize) -> bool {
    embed_natively();
    chunks().get(n).is_some_and(|c| c.get().is_some())
}

/// Whether every section can be read (always, natively).
pub fn text_loaded() -> bool {
    embed_natively();
    chunks().iter().all(|c| c.get().is_some())
}

/// The chunk that holds the section numbered `n`.
fn chunk_of_section(n: usize) -> usize {
    data::TEXT_CHUNKS
        .partition_point(|c| c.first_section as usize <= n)
        .saturating_sub(1)
}

/// The chunk that holds `question`'s sections (all of them are in one).
pub fn chunk_of(question: &Question) -> usize {
    match question.why.0 {
        Text::Bank(n) => chunk_of_section(n as usize),
        Text::Static(_) => 0,
    }
}

/// Native builds (tests, benchmarks) embed the files and take them at once.
fn embed_natively() {
    #[cfg(not(target_arch = "wasm32"))]
    for (n, file) in data::TEXT_GZIP.iter().enumerate() {
        if chunks()[n].get().is_none() {
            let mut text = Vec::new();
            std::io::Read::read_to_end(&mut flate2::read::GzDecoder::new(*file), &mut text)
                .expect("the build wrote gzip");
            load_text(n, text).expect("the build wrote this build's text");
        }
    }
}

/// The n-th section of the bank's text; empty until its chunk is loaded.
fn section(n: usize) -> &'static str {
    embed_natively();
    let chunk = chunk_of_section(n);
    let first = data::TEXT_CHUNKS[chunk].first_section as usize;
    chunks()[chunk].get().map_or("", |all| all[n - first])
}

/// A question by id: the bank's, or one of the user's own (`register_own`).
pub fn find(id: &str) -> Option<&'static Question> {
    QUESTIONS
        .iter()
        .find(|q| q.id == id)
        .or_else(|| OWN.with_borrow(|own| own.iter().copied().find(|q| q.id == id)))
}

thread_local! {
    /// The user's own questions as the app last registered them.
    static OWN: std::cell::RefCell<Vec<&'static Question>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// Makes the user's own questions (`crate::own::as_questions`) findable by
/// id, as bank questions are: the app calls it whenever they change, so a
/// deep link, a mock interview's plan or a story's link reads them like the
/// bank's. (The app has one thread; natively each test has its own.)
pub fn register_own(questions: Vec<&'static Question>) {
    OWN.set(questions);
}

/// The bank's questions, then the user's own: every list the app shows.
pub fn all() -> Vec<&'static Question> {
    let mut all: Vec<&'static Question> = QUESTIONS.iter().collect();
    OWN.with_borrow(|own| all.extend(own.iter().copied()));
    all
}

pub fn topic_name(slug: &str) -> &'static str {
    TOPICS
        .iter()
        .find(|t| t.slug == slug)
        .map_or("", |t| t.name)
}

/// How many questions are in `category`: constants the bank compiler writes,
/// so that home, which shows them, does not need the question list itself
/// (that stays in the pages' wasm chunks).
pub fn count_in(category: Category) -> usize {
    data::CATEGORY_COUNTS
        .iter()
        .find(|(c, _)| *c == category)
        .map_or(0, |(_, n)| *n)
}

/// How many questions the bank has (a constant: see `count_in`).
pub const QUESTION_COUNT: usize = data::QUESTION_COUNT;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_counts_home_shows_are_the_banks() {
        assert_eq!(QUESTION_COUNT, QUESTIONS.len());
        for category in Category::ALL {
            let n = QUESTIONS.iter().filter(|q| q.category == category).count();
            assert_eq!(count_in(category), n, "{category:?}");
        }
    }

    fn unpacked(n: usize) -> Vec<u8> {
        let mut text = Vec::new();
        std::io::Read::read_to_end(
            &mut flate2::read::GzDecoder::new(data::TEXT_GZIP[n]),
            &mut text,
        )
        .unwrap();
        text
    }

    #[test]
    fn only_this_builds_text_is_taken() {
        assert!(text_loaded(), "native builds embed it");
        assert_eq!(load_text(0, unpacked(0)), Ok(()));
        assert_eq!(
            load_text(0, b"<html>404</html>".to_vec()),
            Err(TextError::NotThisBuild { bytes: 16 })
        );
        let mut other = unpacked(0);
        other[100] ^= 1;
        assert!(matches!(
            load_text(0, other),
            Err(TextError::NotThisBuild { .. })
        ));
        assert!(
            load_text(1, unpacked(0)).is_err(),
            "one chunk is not another"
        );
        assert!(load_text(text_chunks().len(), unpacked(0)).is_err());
        for (n, chunk) in text_chunks().iter().enumerate() {
            assert_eq!(
                chunk.file,
                opsdrill_text::fingerprint::file_name(data::TEXT_GZIP[n])
            );
        }
    }

    #[test]
    fn the_bank_is_in_chunks_of_whole_questions_each_holding_all_its_sections() {
        assert!(text_chunks().len() >= 8, "{} chunks", text_chunks().len());
        for question in QUESTIONS {
            let chunk = chunk_of(question);
            let sections = [question.why.0, question.answer.0, question.follow_ups.0];
            for text in sections {
                if let Text::Bank(n) = text {
                    assert_eq!(chunk_of_section(n as usize), chunk, "{}", question.id);
                }
            }
            assert!(!question.why.0.get().is_empty(), "{}", question.id);
        }
    }
}
