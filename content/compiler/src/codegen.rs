//! Writes a validated bank for the app: `static` data built from the app's
//! own types in `crates/core/src/bank/model.rs` for what every page lists
//! (ids, question text, topics, category, style, difficulty), and the
//! formatted sections as one text in the compact markup of
//! `opsdrill_text::markup`, gzipped. The app decompresses it on
//! first use and decodes a section into typed blocks as it renders: no
//! Markdown is parsed at run time, and the bank costs less in the wasm than
//! its Markdown does gzipped.

use std::fmt::Write;

use opsdrill_text::markup::{self, EncodeBlock};

use crate::markdown::{Block, Span};
use crate::{Bank, FollowUp, LabStep, OwnMarkup, PointKeywords, Question};

fn inline(spans: &[Span]) -> String {
    markup::encode_inline(spans.iter().map(|span| (span.style, span.text.as_str())))
}

fn item_list(items: &[Vec<Span>]) -> Vec<String> {
    items.iter().map(|item| inline(item)).collect()
}

/// The encoded text of a list section.
pub fn encode_items(items: &[Vec<Span>]) -> String {
    markup::encode_items(&item_list(items))
}

/// The encoded text of a prose section.
pub fn encode_prose(blocks: &[Block]) -> String {
    let blocks: Vec<EncodeBlock> = blocks
        .iter()
        .map(|block| match block {
            Block::Paragraph(spans) => EncodeBlock::Paragraph(inline(spans)),
            Block::List { ordered, items } => EncodeBlock::List {
                ordered: *ordered,
                items: item_list(items),
            },
            Block::Code(code) => EncodeBlock::Code(code.clone()),
        })
        .collect();
    markup::encode_prose(&blocks)
}

/// The encoded text of a question's follow-ups.
pub fn encode_follow_ups(follow_ups: &[FollowUp]) -> String {
    let entries: Vec<(u8, String, String)> = follow_ups
        .iter()
        .map(|f| (f.depth, inline(&f.question), encode_prose(&f.answer)))
        .collect();
    markup::encode_follow_ups(&entries)
}

/// The keywords of each talking point, one line each: its own stems, then
/// `+` and its synonyms' stems when it has any.
pub fn encode_keywords(keywords: &[PointKeywords]) -> String {
    let lines: Vec<String> = keywords
        .iter()
        .map(|k| {
            let mut line = k.own.join(" ");
            if !k.also.is_empty() {
                line.push('+');
                line.push_str(&k.also.join(" "));
            }
            line
        })
        .collect();
    lines.join("\n")
}

/// A question's sections (all but a lab's), encoded: the bank's text and
/// an own question's markup are this.
pub fn encode_sections(q: &Question) -> OwnMarkup {
    OwnMarkup {
        why: encode_prose(&q.why),
        structure: encode_items(&q.structure),
        talking_points: encode_items(&q.talking_points),
        keywords: encode_keywords(&q.keywords),
        answer: encode_prose(&q.answer),
        tip: encode_prose(&q.tip),
        pitfalls: encode_items(&q.pitfalls),
        follow_ups: encode_follow_ups(&q.follow_ups),
    }
}

/// The encoded text of a lab's steps.
pub fn encode_lab_steps(steps: &[LabStep]) -> String {
    let entries: Vec<(String, String, String)> = steps
        .iter()
        .map(|s| {
            (
                encode_prose(&s.evidence),
                encode_prose(&s.prompt),
                encode_prose(&s.read),
            )
        })
        .collect();
    markup::encode_lab_steps(&entries)
}

/// One chunk of the bank's text.
pub struct Chunk {
    /// The file's name: `bank-<fingerprint of the file>.bin`.
    pub name: String,
    /// The number of its first section (`Text::Bank(n)`).
    pub first_section: u32,
    pub text: String,
    /// `text`, gzipped.
    pub file: Vec<u8>,
}

impl Generated {
    /// What scripts/post-build.mjs reads: the chunks' file names, and the
    /// chunk of each question id, for the loader's deep-link fetch.
    pub fn chunks_json(&self) -> String {
        let files: Vec<String> = self
            .chunks
            .iter()
            .map(|c| format!("{:?}", c.name))
            .collect();
        let ids: Vec<String> = self
            .chunk_of
            .iter()
            .map(|(id, n)| format!("{id:?}:{n}"))
            .collect();
        format!(
            "{{\"files\":[{}],\"ids\":{{{}}}}}",
            files.join(","),
            ids.join(",")
        )
    }
}

/// What the build writes for the app.
pub struct Generated {
    /// Rust source: `TOPICS`, `QUESTIONS`, `QUESTION_COUNT`,
    /// `CATEGORY_COUNTS`, `TEXT_CHUNKS` (each chunk's file
    /// name, first section, size and fingerprint) and (native builds)
    /// `TEXT_GZIP`, which it includes from the files `bank_text_<n>.gz`
    /// beside it.
    pub rust: String,
    /// Every formatted section of every question, in the markup of
    /// `opsdrill_text::markup`, joined by [`SECTION_SEPARATOR`]: a question's
    /// sections are `Text::Bank(n)` for the n-th piece.
    pub text: String,
    /// `text` in chunks of whole questions, each gzipped: `bank_text_<n>.gz`,
    /// the app's `bank-<fingerprint>.bin`.
    pub chunks: Vec<Chunk>,
    /// Each question's id and the chunk its sections are in.
    pub chunk_of: Vec<(String, usize)>,
}

/// Separates the sections in the bank's text (never in the text itself: the
/// compiler rejects control characters).
pub const SECTION_SEPARATOR: char = '\u{1f}';

/// Compresses with gzip at the best level: the browser unpacks it with its
/// own `DecompressionStream` as it downloads, so no decoder ships in the wasm
/// and no long task unpacks it.
pub fn compress(data: &[u8]) -> Vec<u8> {
    use std::io::Write;
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    encoder.write_all(data).expect("writing to memory");
    encoder.finish().expect("writing to memory")
}

/// Generates what the app includes for the bank.
/// A text chunk is closed after the question that takes it past this many
/// bytes: about 40 KB gzipped, so a deep link waits for its own question's
/// chunk, not the whole bank.
pub const CHUNK_TARGET_BYTES: usize = 110_000;

/// The bank's text as it is built: every section in order, in chunks of
/// whole questions.
struct TextChunks {
    /// Each chunk's text and its first section's number.
    chunks: Vec<(String, u32)>,
    sections: u32,
}

impl TextChunks {
    /// Adds a section to the current chunk; its place in the Rust source.
    fn add(&mut self, content: String) -> String {
        let (text, first) = self.chunks.last_mut().expect("one chunk is always open");
        if self.sections > *first {
            text.push(SECTION_SEPARATOR);
        }
        text.push_str(&content);
        self.sections += 1;
        format!("Text::Bank({})", self.sections - 1)
    }

    /// After a question: a new chunk when this one is full.
    fn end_question(&mut self) {
        if self
            .chunks
            .last()
            .is_some_and(|(text, _)| text.len() >= CHUNK_TARGET_BYTES)
        {
            self.chunks.push((String::new(), self.sections));
        }
    }
}

pub fn generate(bank: &Bank) -> Generated {
    let mut text = TextChunks {
        chunks: vec![(String::new(), 0)],
        sections: 0,
    };
    let mut chunk_of = Vec::new();
    let mut rust = String::new();
    rust.push_str("// Generated by opsdrill-bank-compiler from content/. Do not edit.\n");
    rust.push_str("pub static TOPICS: &[Topic] = &[\n");
    for topic in &bank.topics {
        let _ = writeln!(
            rust,
            "    Topic {{ slug: {:?}, name: {:?} }},",
            topic.slug, topic.name
        );
    }
    rust.push_str("];\n\npub static QUESTIONS: &[Question] = &[\n");
    for q in &bank.questions {
        let lab = match &q.lab {
            None => "None".to_string(),
            Some(lab) => format!(
                "Some(Lab {{ scenario: Prose({}), steps: LabSteps({}), root_cause: Prose({}), \
                 fix: Prose({}), prevention: Items({}) }})",
                text.add(encode_prose(&lab.scenario)),
                text.add(encode_lab_steps(&lab.steps)),
                text.add(encode_prose(&lab.root_cause)),
                text.add(encode_prose(&lab.fix)),
                text.add(encode_items(&lab.prevention)),
            ),
        };
        // After the lab's: the sections are numbered in this order.
        let sections = encode_sections(q);
        // A vocabulary term's `Debug` is its variant's name: the app's types
        // are the same `opsdrill_text::vocab` enums.
        let _ = writeln!(
            rust,
            "Question {{ id: {:?}, category: Category::{:?}, text: {:?}, topics: &{:?}, \
             difficulty: Difficulty::{:?}, style: Style::{:?}, \
             why: Prose({}), structure: Items({}), talking_points: Items({}), keywords: {}, \
             answer: Prose({}), tip: Prose({}), pitfalls: Items({}), follow_ups: FollowUps({}), \
             lab: {lab} }},",
            q.id,
            q.category,
            q.question,
            q.topics,
            q.difficulty,
            q.style,
            text.add(sections.why),
            text.add(sections.structure),
            text.add(sections.talking_points),
            text.add(sections.keywords),
            text.add(sections.answer),
            text.add(sections.tip),
            text.add(sections.pitfalls),
            text.add(sections.follow_ups),
        );
        chunk_of.push((q.id.clone(), text.chunks.len() - 1));
        text.end_question();
    }
    rust.push_str("];\n\n");
    // Home shows these counts: as constants, home's code does not hold the
    // question list (it stays in the pages' wasm chunks).
    let mut counts: Vec<(String, usize)> = Vec::new();
    for q in &bank.questions {
        let category = format!("{:?}", q.category);
        match counts.iter_mut().find(|(c, _)| *c == category) {
            Some((_, n)) => *n += 1,
            None => counts.push((category, 1)),
        }
    }
    let _ = writeln!(
        rust,
        "pub const QUESTION_COUNT: usize = {};",
        bank.questions.len()
    );
    rust.push_str("pub static CATEGORY_COUNTS: &[(Category, usize)] = &[\n");
    for (category, n) in &counts {
        let _ = writeln!(rust, "    (Category::{category}, {n}),");
    }
    rust.push_str("];\n\n");
    if text.chunks.len() > 1 && text.chunks.last().is_some_and(|(t, _)| t.is_empty()) {
        text.chunks.pop();
    }
    let chunks: Vec<Chunk> = text
        .chunks
        .into_iter()
        .map(|(text, first_section)| {
            let file = compress(text.as_bytes());
            Chunk {
                name: opsdrill_text::fingerprint::file_name(&file),
                first_section,
                text,
                file,
            }
        })
        .collect();
    rust.push_str(
        "/// The sections' text in chunks of whole questions, each gzipped into a\n\
         /// file of its own that the wasm build fetches and native builds embed;\n\
         /// each chunk's size and fingerprint once unpacked.\n\
         pub static TEXT_CHUNKS: &[TextChunk] = &[\n",
    );
    for chunk in &chunks {
        let _ = writeln!(
            rust,
            "    TextChunk {{ file: {:?}, first_section: {}, bytes: {}, fingerprint: {:#018x} }},",
            chunk.name,
            chunk.first_section,
            chunk.text.len(),
            opsdrill_text::fingerprint::fnv1a64(chunk.text.as_bytes()),
        );
    }
    rust.push_str(
        "];\n\n#[cfg(not(target_arch = \"wasm32\"))]\npub static TEXT_GZIP: &[&[u8]] = &[\n",
    );
    for n in 0..chunks.len() {
        let _ = writeln!(
            rust,
            "    include_bytes!(concat!(env!(\"OUT_DIR\"), \"/bank_text_{n}.gz\")),"
        );
    }
    rust.push_str("];\n");
    let all: Vec<&str> = chunks.iter().map(|c| c.text.as_str()).collect();
    let text = all.join(&SECTION_SEPARATOR.to_string());
    Generated {
        rust,
        text,
        chunks,
        chunk_of,
    }
}
