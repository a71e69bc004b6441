//! The bank compiler: reads `content/`, validates every question against the
//! rules in `content/FORMAT.md`, and writes the bank as static Rust data that
//! the app includes at build time. Nothing here runs in the browser.

mod codegen;
mod follow_ups;
mod lab;
mod markdown;
mod pack;
mod question;
mod rules;

use std::fmt;
use std::fs;
use std::path::{Path, PathBuf};

pub use codegen::{compress, generate, Chunk, Generated, CHUNK_TARGET_BYTES, SECTION_SEPARATOR};
pub use follow_ups::FollowUp;
pub use lab::{Lab, LabStep};
pub use markdown::{Block, Span, SpanStyle};
pub use opsdrill_text::vocab::{Category, Difficulty, Section, Style};
pub use pack::{
    compile_own, read_pack, section_text, write_pack, OwnMarkup, OwnProblem, OwnSource,
    PackQuestion, PackRead,
};
pub use question::{parse_question, PointKeywords, Question};

/// One problem found in the bank, printed as `path:line: message`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub path: String,
    pub line: usize,
    pub message: String,
}

impl Diagnostic {
    pub fn new(path: &str, line: usize, message: impl Into<String>) -> Self {
        Diagnostic {
            path: path.to_string(),
            line,
            message: message.into(),
        }
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.path, self.line, self.message)
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Topic {
    pub slug: String,
    pub name: String,
}

#[derive(Debug, Clone)]
pub struct Bank {
    pub topics: Vec<Topic>,
    pub questions: Vec<Question>,
}

impl Bank {
    /// The questions of one category, in bank order.
    pub fn in_category(&self, category: Category) -> impl Iterator<Item = &Question> {
        self.questions
            .iter()
            .filter(move |q| q.category == category)
    }

    /// How many questions name a topic.
    pub fn count_on_topic(&self, slug: &str) -> usize {
        self.questions
            .iter()
            .filter(|q| q.topics.iter().any(|t| t == slug))
            .count()
    }
}

/// Reads the topic list: lines of the form `- slug: Display name`.
pub fn parse_topics(path: &str, text: &str) -> Result<Vec<Topic>, Vec<Diagnostic>> {
    let mut topics: Vec<Topic> = Vec::new();
    let mut errors = Vec::new();
    for (index, line) in text.lines().enumerate() {
        let Some(entry) = line.strip_prefix("- ") else {
            continue;
        };
        let line_no = index + 1;
        match entry.split_once(':') {
            Some((slug, name)) if rules::is_slug(slug.trim()) && !name.trim().is_empty() => {
                let slug = slug.trim().to_string();
                if topics.iter().any(|t| t.slug == slug) {
                    errors.push(Diagnostic::new(
                        path,
                        line_no,
                        format!("duplicate topic `{slug}`"),
                    ));
                }
                topics.push(Topic {
                    slug,
                    name: name.trim().to_string(),
                });
            }
            _ => errors.push(Diagnostic::new(
                path,
                line_no,
                "a topic line must read `- slug: Display name`",
            )),
        }
    }
    if topics.is_empty() && errors.is_empty() {
        errors.push(Diagnostic::new(path, 1, "no topics listed"));
    }
    if errors.is_empty() {
        Ok(topics)
    } else {
        Err(errors)
    }
}

/// A question file found on disk, before parsing.
pub struct SourceFile {
    /// The path as printed in messages (relative to the working directory).
    pub display_path: String,
    pub category_dir: String,
    pub stem: String,
    pub text: String,
}

/// Validates a whole bank from already-read sources. Checks that need every
/// file (duplicate ids) happen here.
pub fn compile_sources(
    topics_path: &str,
    topics_text: &str,
    files: &[SourceFile],
) -> Result<Bank, Vec<Diagnostic>> {
    let topics = parse_topics(topics_path, topics_text)?;
    let mut errors = Vec::new();
    let mut questions: Vec<Question> = Vec::new();
    for file in files {
        match parse_question(
            &file.display_path,
            &file.category_dir,
            &file.stem,
            &file.text,
            &topics,
        ) {
            Ok(question) => {
                if let Some(first) = questions.iter().find(|q| q.id == question.id) {
                    errors.push(Diagnostic::new(
                        &file.display_path,
                        question.id_line,
                        format!(
                            "duplicate id `{}`: already used by {}",
                            question.id, first.path
                        ),
                    ));
                } else {
                    questions.push(question);
                }
            }
            Err(mut found) => errors.append(&mut found),
        }
    }
    if errors.is_empty() {
        Ok(Bank { topics, questions })
    } else {
        Err(errors)
    }
}

/// Reads `content/topics.md` and every `content/questions/<category>/*.md`,
/// in a stable order (category order, then file name).
pub fn load_dir(content: &Path) -> Result<Bank, Vec<Diagnostic>> {
    let io_error = |path: &Path, err: std::io::Error| {
        vec![Diagnostic::new(
            &path.display().to_string(),
            1,
            format!("cannot read: {err}"),
        )]
    };
    let topics_path = content.join("topics.md");
    let topics_text = fs::read_to_string(&topics_path).map_err(|e| io_error(&topics_path, e))?;
    let questions_dir = content.join("questions");
    let mut files = Vec::new();
    let mut errors = Vec::new();
    let mut dirs: Vec<PathBuf> = fs::read_dir(&questions_dir)
        .map_err(|e| io_error(&questions_dir, e))?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .collect();
    dirs.sort_by_key(|dir| {
        let name = dir.file_name().and_then(|n| n.to_str()).unwrap_or("");
        (
            Category::ALL
                .iter()
                .position(|c| c.slug() == name)
                .unwrap_or(usize::MAX),
            name.to_string(),
        )
    });
    for dir in dirs {
        let dir_name = dir
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or("")
            .to_string();
        if !dir.is_dir() {
            errors.push(Diagnostic::new(
                &dir.display().to_string(),
                1,
                "only category folders belong in content/questions",
            ));
            continue;
        }
        let mut paths: Vec<PathBuf> = fs::read_dir(&dir)
            .map_err(|e| io_error(&dir, e))?
            .filter_map(|entry| entry.ok().map(|e| e.path()))
            .collect();
        paths.sort();
        for path in paths {
            let display_path = path.display().to_string();
            if path.extension().and_then(|e| e.to_str()) != Some("md") {
                errors.push(Diagnostic::new(
                    &display_path,
                    1,
                    "only .md question files belong in a category folder",
                ));
                continue;
            }
            let text = fs::read_to_string(&path).map_err(|e| io_error(&path, e))?;
            let stem = path
                .file_stem()
                .and_then(|s| s.to_str())
                .unwrap_or("")
                .to_string();
            files.push(SourceFile {
                display_path,
                category_dir: dir_name.clone(),
                stem,
                text,
            });
        }
    }
    match compile_sources(&topics_path.display().to_string(), &topics_text, &files) {
        Ok(bank) if errors.is_empty() => Ok(bank),
        Ok(_) => Err(errors),
        Err(mut found) => {
            errors.append(&mut found);
            Err(errors)
        }
    }
}
