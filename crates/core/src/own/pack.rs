//! Writing and reading own questions with the bank compiler's parser: the
//! editor's check and encoding, and packs (one Markdown file of questions in
//! the bank's format, `content/FORMAT.md`, "Packs"). The parser is the
//! bank's, in its `Own` rules, so a pack that imports here would also read
//! as bank Markdown, and the app and the build never disagree on the markup.
//! Only the editor and the pack pages call in here: in the wasm build this
//! code, and the parser, are in their chunk.

use opsdrill_bank_compiler::{self as compiler, OwnProblem, OwnSource};

use super::{new_id, OwnMarkup, OwnQuestion};
use crate::bank::Section;

/// A problem the editor shows under the field it is about.
pub use compiler::OwnProblem as Problem;

fn source_of(id: &str, record: &OwnQuestion) -> OwnSource {
    OwnSource {
        id: id.to_string(),
        category: record.category(),
        question: record.question.trim().to_string(),
        topics: record.topics.clone(),
        difficulty: record.difficulty(),
        style: record.style(),
        asked: record.asked.trim().to_string(),
        sections: Section::ALL.map(|s| record.section(s).to_string()),
    }
}

fn record_of(source: OwnSource, markup: OwnMarkup, now_ms: i64) -> OwnQuestion {
    let mut record = OwnQuestion {
        question: source.question,
        category: source.category.slug().to_string(),
        difficulty: source.difficulty.slug().to_string(),
        style: source.style.slug().to_string(),
        topics: source.topics,
        asked: source.asked,
        markup,
        created_ms: now_ms,
        updated_ms: now_ms,
        ..OwnQuestion::default()
    };
    for (section, text) in Section::ALL.into_iter().zip(source.sections) {
        record.set_section(section, text);
    }
    record
}

/// Checks a question as the editor has it and, when it passes, sets its
/// markup from its text. The question text is required; every section may be
/// empty.
pub fn compile(id: &str, record: &mut OwnQuestion) -> Result<(), Vec<Problem>> {
    if record.question.trim().is_empty() {
        return Err(vec![OwnProblem {
            section: None,
            line: 1,
            message: "write the question".into(),
        }]);
    }
    // As a pack keeps them (and reads them back): no trailing blank space.
    for section in Section::ALL {
        let text = compiler::section_text(record.section(section)).to_string();
        record.set_section(section, text);
    }
    record.question = record.question.trim().to_string();
    record.category = record.category().slug().to_string();
    record.style = record.style().slug().to_string();
    record.difficulty = record.difficulty().slug().to_string();
    let markup = compiler::compile_own(&source_of(id, record))?;
    record.markup = markup;
    Ok(())
}

/// A list section's text with one item per line: a line that is not already
/// a list item (or its continuation) becomes one, so a phone user can type
/// points without Markdown.
pub fn one_item_per_line(text: &str, ordered: bool) -> String {
    let is_item = |line: &str| {
        let line = line.trim_start();
        ["- ", "* ", "+ "].iter().any(|m| line.starts_with(m))
            || line
                .split_once(". ")
                .is_some_and(|(n, _)| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()))
    };
    let mut n = 0;
    text.lines()
        .filter(|line| !line.trim().is_empty())
        .map(|line| {
            if is_item(line) || line.starts_with("  ") {
                n += usize::from(is_item(line));
                line.to_string()
            } else if ordered {
                n += 1;
                format!("{n}. {}", line.trim())
            } else {
                format!("- {}", line.trim())
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The pack file for these questions.
pub fn export(questions: &[(&str, &OwnQuestion)]) -> String {
    let sources: Vec<OwnSource> = questions
        .iter()
        .map(|(id, record)| source_of(id, record))
        .collect();
    compiler::write_pack(&sources)
}

pub fn file_name(now_ms: i64) -> String {
    format!(
        "opsdrill-questions-{}.md",
        crate::time::format_date(now_ms.div_euclid(crate::time::DAY_MS))
    )
}

/// The most a pack file may hold.
pub const MAX_PACK_BYTES: usize = 2 * 1024 * 1024;

/// What a pack holds, checked, before anything is added.
#[derive(Debug, Clone, PartialEq)]
pub struct Preview {
    /// The questions that passed, each with the id it will be added under.
    pub questions: Vec<(String, OwnQuestion)>,
    /// `line N: what is wrong`, in file order.
    pub errors: Vec<String>,
    /// How many questions the file holds, valid or not.
    pub found: usize,
}

/// Why a file could not be read as a pack at all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PackError {
    TooLarge(usize),
    NotText,
    NoQuestions,
}

impl std::fmt::Display for PackError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            PackError::TooLarge(n) => write!(
                f,
                "The file is {} MB; a question pack can be at most 2 MB.",
                crate::data::usage::megabytes(*n as u64)
            ),
            PackError::NotText => write!(f, "The file is not text, so it cannot be a question pack."),
            PackError::NoQuestions => write!(
                f,
                "This file holds no questions: a pack is Markdown with each question starting with `---` front matter."
            ),
        }
    }
}

/// Reads a pack. Each valid question gets a new id (never one the bank or
/// `taken` has, nor one given to another question of the pack), so importing
/// never overwrites anything.
pub fn preview(
    bytes: &[u8],
    taken: impl Fn(&str) -> bool,
    now_ms: i64,
) -> Result<Preview, PackError> {
    if bytes.len() > MAX_PACK_BYTES {
        return Err(PackError::TooLarge(bytes.len()));
    }
    let text = std::str::from_utf8(bytes).map_err(|_| PackError::NotText)?;
    let read = compiler::read_pack("pack", text);
    if read.found == 0 {
        return Err(PackError::NoQuestions);
    }
    let mut questions: Vec<(String, OwnQuestion)> = Vec::new();
    for (n, found) in read.questions.into_iter().enumerate() {
        let record = record_of(found.source, found.markup, now_ms + n as i64);
        let id = new_id(&record.question, |id| {
            taken(id) || questions.iter().any(|(other, _)| other == id)
        });
        questions.push((id, record));
    }
    Ok(Preview {
        questions,
        errors: read
            .errors
            .iter()
            .map(|d| format!("line {}: {}", d.line, d.message))
            .collect(),
        found: read.found,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn written(text: &str) -> OwnQuestion {
        let mut record = OwnQuestion {
            question: text.into(),
            category: "technical".into(),
            style: "explain".into(),
            difficulty: "advanced".into(),
            topics: vec!["kubernetes".into(), "terraform-state".into()],
            ..OwnQuestion::default()
        };
        record.set_section(Section::Why, "They want to see **judgement**.".into());
        record.set_section(
            Section::TalkingPoints,
            one_item_per_line("One state per team\nLock with `DynamoDB`", false),
        );
        record.set_section(
            Section::FollowUps,
            "### What if two teams share a VPC?\nA shared layer owns it.\n".into(),
        );
        record
    }

    #[test]
    fn the_editor_encodes_what_the_user_wrote() {
        let mut record = written("How do you split Terraform state?");
        compile("mine-split", &mut record).unwrap();
        let question = super::super::as_question("mine-split", &record);
        assert_eq!(question.talking_points.len(), 2);
        assert_eq!(question.follow_ups.len(), 1);
        assert!(!question.keywords.get().is_empty());
        let mut empty = OwnQuestion::default();
        let problems = compile("mine-x", &mut empty).unwrap_err();
        assert_eq!(problems[0].section, None);
    }

    #[test]
    fn a_section_in_the_wrong_shape_is_reported_under_it() {
        let mut record = written("Q?");
        record.set_section(Section::Why, "- a list where prose belongs".into());
        let problems = compile("mine-q", &mut record).unwrap_err();
        assert!(
            problems.iter().all(|p| p.section == Some(Section::Why)),
            "{problems:?}"
        );
    }

    #[test]
    fn lines_become_list_items() {
        assert_eq!(one_item_per_line("a\n\n- b\nc", false), "- a\n- b\n- c");
        assert_eq!(
            one_item_per_line("first\n2. second\nthird", true),
            "1. first\n2. second\n3. third"
        );
    }

    #[test]
    fn a_pack_round_trips_with_fresh_ids() {
        let mut a = written("How do you split Terraform state?");
        compile("mine-a", &mut a).unwrap();
        let mut b = OwnQuestion {
            question: "Tell me about a time you disagreed with a launch.".into(),
            category: "behavioural".into(),
            asked: "Acme, 2026-11-30, onsite".into(),
            ..OwnQuestion::default()
        };
        compile("mine-b", &mut b).unwrap();
        let pack = export(&[("mine-a", &a), ("mine-b", &b)]);
        let taken = ["mine-how-do-you-split-terraform-state"];
        let read = preview(pack.as_bytes(), |id| taken.contains(&id), 5).unwrap();
        assert!(read.errors.is_empty(), "{:?}", read.errors);
        assert_eq!(read.found, 2);
        let ids: Vec<&str> = read.questions.iter().map(|(id, _)| id.as_str()).collect();
        assert_eq!(
            ids,
            [
                "mine-how-do-you-split-terraform-state-2",
                "mine-tell-me-about-a-time-you"
            ]
        );
        for ((_, got), want) in read.questions.iter().zip([&a, &b]) {
            let OwnQuestion {
                created_ms,
                updated_ms,
                ..
            } = got;
            assert_eq!(
                got,
                &OwnQuestion {
                    created_ms: *created_ms,
                    updated_ms: *updated_ms,
                    ..want.clone()
                }
            );
        }
    }

    #[test]
    fn a_broken_pack_says_where() {
        let pack = "---\ncategory: technical\nquestion: Fine?\n---\n\n---\ncategory: nope\nquestion: Broken?\n---\n";
        let read = preview(pack.as_bytes(), |_| false, 0).unwrap();
        assert_eq!((read.found, read.questions.len()), (2, 1));
        assert!(read.errors[0].starts_with("line 7: "), "{:?}", read.errors);
        assert_eq!(
            preview(b"just text", |_| false, 0),
            Err(PackError::NoQuestions)
        );
        assert_eq!(
            preview(&[0xff, 0xfe], |_| false, 0),
            Err(PackError::NotText)
        );
    }
}
