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

/// The bank's text, split into its sections, once it is there.
static SECTIONS: std::sync::OnceLock<Vec<&'static str>> = std::sync::OnceLock::new();

/// Why the bank's text could not be taken.
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
                "the question bank file is not the one this version of OpsDrill needs ({bytes} bytes unpacked, expected {})",
                data::TEXT_BYTES
            ),
        }
    }
}

/// Takes the bank's text, unpacked from its file (`TEXT_FILE`, which the
/// app fetches): checks it is this build's and splits it into sections.
/// Until then every section reads as empty. Taking it twice is harmless.
pub fn load_text(text: Vec<u8>) -> Result<(), TextError> {
    let bytes = text.len();
    if bytes != data::TEXT_BYTES
        || opsdrill_text::fingerprint::fnv1a64(&text) != data::TEXT_FINGERPRINT
    {
        return Err(TextError::NotThisBuild { bytes });
    }
    // (This build's text is UTF-8: the compiler wrote it from a String.)
    let text = String::from_utf8(text).map_err(|_| TextError::NotThisBuild { bytes })?;
    if SECTIONS.get().is_none() {
        let _ = SECTIONS.set(String::leak(text).split('\u{1f}').collect());
    }
    Ok(())
}

/// Whether the sections can be read (always, natively).
pub fn text_loaded() -> bool {
    sections().is_some()
}

/// The name of the bank's text file, beside the app's other files.
pub const TEXT_FILE: &str = data::TEXT_FILE;

fn sections() -> Option<&'static Vec<&'static str>> {
    // Native builds (tests, benchmarks) embed the file.
    #[cfg(not(target_arch = "wasm32"))]
    if SECTIONS.get().is_none() {
        let mut text = Vec::new();
        std::io::Read::read_to_end(
            &mut flate2::read::GzDecoder::new(data::TEXT_GZIP),
            &mut text,
        )
        .expect("the build wrote gzip");
        load_text(text).expect("the build wrote this build's text");
    }
    SECTIONS.get()
}

/// The n-th section of the bank's text; empty until the text is loaded.
fn section(n: usize) -> &'static str {
    sections().map_or("", |all| all[n])
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

#[cfg(test)]
mod tests {
    use super::*;

    fn unpacked() -> Vec<u8> {
        let mut text = Vec::new();
        std::io::Read::read_to_end(
            &mut flate2::read::GzDecoder::new(data::TEXT_GZIP),
            &mut text,
        )
        .unwrap();
        text
    }

    #[test]
    fn only_this_builds_text_is_taken() {
        assert!(text_loaded(), "native builds embed it");
        assert_eq!(load_text(unpacked()), Ok(()));
        assert_eq!(
            load_text(b"<html>404</html>".to_vec()),
            Err(TextError::NotThisBuild { bytes: 16 })
        );
        let mut other = unpacked();
        other[100] ^= 1;
        assert!(matches!(
            load_text(other),
            Err(TextError::NotThisBuild { .. })
        ));
        assert_eq!(
            TEXT_FILE,
            opsdrill_text::fingerprint::file_name(data::TEXT_GZIP)
        );
    }
}
