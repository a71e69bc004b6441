//! `## Follow-ups`: each follow-up a `### ` heading holding the question and
//! its answer below it; a `#### ` heading under it asks what an interviewer
//! would dig into next, with its own answer.

use crate::markdown::{parse_blocks, Block, Span};
use crate::question::{expect_prose, is_code_fence, Problems, SourceSection};
use crate::rules;

/// A follow-up as the compiler validated it.
#[derive(Debug, Clone)]
pub struct FollowUp {
    /// 1 for a follow-up to the question, 2 for one asked after it.
    pub depth: u8,
    pub question: Vec<Span>,
    pub answer: Vec<Block>,
}

/// A heading of `level` `#`s inside a section's body, with what follows it.
pub(crate) struct SubHeading {
    pub(crate) level: usize,
    pub(crate) text: String,
    pub(crate) line: usize,
    pub(crate) body: String,
}

/// Splits a section's body at headings of `levels` (`###`, `####`) outside
/// code fences. Returns the text before the first one (with its first line)
/// and each heading.
pub(crate) fn split_sub_headings(
    section: &SourceSection,
    levels: &[usize],
) -> (String, Vec<SubHeading>) {
    let mut before = String::new();
    let mut headings: Vec<SubHeading> = Vec::new();
    let mut in_fence = false;
    for (offset, line) in section.body.lines().enumerate() {
        if is_code_fence(line) {
            in_fence = !in_fence;
        }
        let hashes = line.bytes().take_while(|&b| b == b'#').count();
        let is_heading = !in_fence && hashes > 0 && line[hashes..].starts_with(' ');
        if is_heading && levels.contains(&hashes) {
            headings.push(SubHeading {
                level: hashes,
                text: line[hashes..].trim().to_string(),
                line: section.line + 1 + offset,
                body: String::new(),
            });
            continue;
        }
        let target = match headings.last_mut() {
            Some(heading) => &mut heading.body,
            None => &mut before,
        };
        target.push_str(line);
        target.push('\n');
    }
    (before, headings)
}

/// The inline text of a one-line heading.
pub(crate) fn heading_spans(problems: &mut Problems, heading: &SubHeading) -> Vec<Span> {
    match parse_blocks(&heading.text, false).as_deref() {
        Ok([Block::Paragraph(spans)]) => spans.clone(),
        _ => {
            problems.add(heading.line, "a heading must be one line of plain text");
            Vec::new()
        }
    }
}

/// Prose of `range` sentences under a sub-heading, reported at its line.
pub(crate) fn sub_prose(
    problems: &mut Problems,
    heading: &SubHeading,
    label: &str,
    range: (usize, usize),
) -> Vec<Block> {
    let section = SourceSection {
        heading: label.to_string(),
        line: heading.line,
        body: heading.body.clone(),
    };
    if heading.body.trim().is_empty() {
        problems.add(heading.line, format!("`{label}` has no text under it"));
        return Vec::new();
    }
    match parse_blocks(&heading.body, false) {
        Ok(blocks) => {
            let blocks = expect_prose(problems, &section, blocks);
            let count = rules::sentence_count(&crate::markdown::blocks_text(&blocks));
            problems.check_count_at(heading.line, label, "sentences", count, range);
            blocks
        }
        Err(errors) => {
            for e in errors {
                problems.add(
                    heading.line + 1 + e.line_offset,
                    format!("in `{label}`: {}", e.message),
                );
            }
            Vec::new()
        }
    }
}

/// Reads `## Follow-ups`.
pub fn follow_ups(problems: &mut Problems, section: &SourceSection) -> Vec<FollowUp> {
    let (before, headings) = split_sub_headings(section, &[3, 4]);
    if headings.is_empty() {
        problems.add(
            section.line,
            "`## Follow-ups` must hold `### ` follow-up questions, each with its answer below it",
        );
        return Vec::new();
    }
    if !before.trim().is_empty() {
        problems.add(section.line + 1, "text before the first `### ` follow-up");
    }
    let mut found = Vec::new();
    let mut top_level = 0;
    let mut under_current = 0;
    for heading in &headings {
        let depth = if heading.level == 3 { 1 } else { 2 };
        if depth == 1 {
            top_level += 1;
            under_current = 0;
        } else {
            under_current += 1;
            if top_level == 0 {
                problems.add(
                    heading.line,
                    "a `#### ` follow-up must come under a `### ` one",
                );
            } else if problems.editorial() && under_current == rules::DEEPER_FOLLOW_UPS + 1 {
                problems.add(
                    heading.line,
                    format!(
                        "at most {} `#### ` follow-ups under one `### `",
                        rules::DEEPER_FOLLOW_UPS
                    ),
                );
            }
        }
        if !heading.text.ends_with('?') {
            problems.add(heading.line, "a follow-up is a question: end it with `?`");
        }
        let question = heading_spans(problems, heading);
        let hashes = "#".repeat(heading.level);
        let answer = sub_prose(
            problems,
            heading,
            &format!("{hashes} {}", heading.text),
            rules::FOLLOW_UP_ANSWER_SENTENCES,
        );
        found.push(FollowUp {
            depth,
            question,
            answer,
        });
    }
    problems.check_count(section, "follow-ups (`### `)", top_level, rules::FOLLOW_UPS);
    found
}
