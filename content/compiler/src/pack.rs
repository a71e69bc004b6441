//! Packs: users' own questions, several in one Markdown file in the bank's
//! format (`content/FORMAT.md`, "Packs"). A pack's questions go through the
//! bank's parser under [`Rules::Own`]: the format's rules without the
//! bank's editorial limits. The editor checks one question by writing it as
//! a pack and reading that back, so the editor and an import never disagree.

use std::borrow::Cow;
use std::fmt::Write;

use opsdrill_text::markup::is_reserved;

use crate::codegen::encode_sections;
use crate::question::{
    check_id, is_code_fence, is_front_matter_fence, one_of, parse_body, parse_front_matter,
    read_difficulty, read_style, read_topics, Field, Header, Problems, Question, Rules,
    UNCLOSED_FENCE,
};
use crate::{Category, Diagnostic, Difficulty, Section, Style};

/// A question as its user writes it: front matter values and each section's
/// text in the bank's light Markdown. Any section may be empty (= not given).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OwnSource {
    /// A slug, or empty in a pack (the importer assigns ids).
    pub id: String,
    pub category: Category,
    pub question: String,
    /// Topic slugs: the bank's (content/topics.md) or new ones, slug-shaped.
    pub topics: Vec<String>,
    pub difficulty: Difficulty,
    pub style: Style,
    /// Where the question was asked, one free line ("Acme, 2026-11-30, onsite"); may be empty.
    pub asked: String,
    /// Each section's Markdown body, indexed like `Section::ALL` (7 entries).
    pub sections: [String; 7],
}

/// The sections encoded in the app's markup, exactly as `generate` encodes a
/// bank question's (so the app decodes them with the same code).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(default)
)]
pub struct OwnMarkup {
    pub why: String,
    pub structure: String,
    pub talking_points: String,
    /// One line per talking point, as `generate` writes keywords (own stems,
    /// then `+` and the synonyms' stems).
    pub keywords: String,
    pub answer: String,
    pub tip: String,
    pub pitfalls: String,
    pub follow_ups: String,
}

/// A problem in an own question, for the editor: which section (None: the
/// front matter / question fields), the 1-based line within that section's
/// text (1 for front-matter fields), and the message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OwnProblem {
    pub section: Option<Section>,
    pub line: usize,
    pub message: String,
}

/// A question of a pack that passed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PackQuestion {
    /// The line of its opening `---` in the pack.
    pub line: usize,
    pub source: OwnSource,
    pub markup: OwnMarkup,
}

/// What a pack holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PackRead {
    /// The questions that passed, in file order.
    pub questions: Vec<PackQuestion>,
    /// Every problem, as `Diagnostic { path, line, message }` with `line`
    /// counted in the whole pack file.
    pub errors: Vec<Diagnostic>,
    /// How many questions the file holds, valid or not.
    pub found: usize,
}

/// An own question's front matter keys, in the order a pack writes them.
const KEYS: [&str; 7] = [
    "id",
    "category",
    "question",
    "topics",
    "difficulty",
    "style",
    "asked",
];

const FORMAT_URL: &str = "https://github.com/opsdrill/opsdrill/blob/main/content/FORMAT.md#packs";

/// A section's text as a pack holds it: blank lines before it, and blank
/// lines and white space after it, are not part of it, so it reads back as
/// it was written.
pub fn section_text(text: &str) -> &str {
    let text = text.trim_end();
    // Blank lines before the text: a pack writes one after each heading.
    let blank: usize = text
        .split_inclusive('\n')
        .take_while(|line| line.trim().is_empty())
        .map(str::len)
        .sum();
    &text[blank..]
}

/// A line as the parser sees it: each control character becomes a space,
/// so it is reported once and the rest of the line is still checked.
fn clean_line(line: &str) -> Cow<'_, str> {
    if line.contains(is_reserved) {
        Cow::Owned(line.replace(is_reserved, " "))
    } else {
        Cow::Borrowed(line)
    }
}

/// The pack file for these questions (see FORMAT.md "Packs").
pub fn write_pack(questions: &[OwnSource]) -> String {
    write_pack_with_layout(questions).0
}

/// A section as `write_pack` wrote it.
struct Written {
    section: Section,
    /// The line of its `## ` heading in the pack (its text starts two
    /// lines below, after a blank line).
    heading_line: usize,
    text_lines: usize,
}

/// The pack, and where each question's sections are in it.
fn write_pack_with_layout(questions: &[OwnSource]) -> (String, Vec<Vec<Written>>) {
    let count = match questions.len() {
        1 => "1 question".to_string(),
        n => format!("{n} questions"),
    };
    let mut pack = format!("<!-- OpsDrill question pack: {count}. The format: {FORMAT_URL} -->\n");
    let mut lines_before = 1;
    let mut layout = Vec::new();
    for source in questions {
        let (text, mut written) = write_question(source);
        for w in &mut written {
            w.heading_line += lines_before;
        }
        lines_before += text.matches('\n').count();
        pack.push_str(&text);
        layout.push(written);
    }
    (pack, layout)
}

/// One question's front matter and sections, and where its sections are
/// (lines counted from the question's first).
fn write_question(source: &OwnSource) -> (String, Vec<Written>) {
    let mut out = String::from("\n---\n");
    let topics = source.topics.join(", ");
    for (key, value) in [
        ("id", source.id.as_str()),
        ("category", source.category.slug()),
        ("question", &source.question),
        ("topics", &topics),
        ("difficulty", source.difficulty.slug()),
        ("style", source.style.slug()),
        ("asked", &source.asked),
    ] {
        // The question is required: written even when empty, for its message.
        if !value.is_empty() {
            let _ = writeln!(out, "{key}: {value}");
        } else if key == "question" {
            let _ = writeln!(out, "{key}:");
        }
    }
    out.push_str("---\n");
    let mut written = Vec::new();
    for (section, text) in Section::ALL.into_iter().zip(&source.sections) {
        let text = section_text(text);
        if text.is_empty() {
            continue;
        }
        out.push('\n');
        written.push(Written {
            section,
            heading_line: out.matches('\n').count() + 1,
            text_lines: text.lines().count(),
        });
        let _ = writeln!(out, "## {}\n", source.style.heading(section));
        out.push_str(text);
        out.push('\n');
    }
    (out, written)
}

/// Reads a pack; `path` is what Diagnostics carry (the file's name).
pub fn read_pack(path: &str, text: &str) -> PackRead {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut errors = Vec::new();
    let mut control_lines = Vec::new();
    let cleaned: Vec<Cow<str>> = text.lines().map(clean_line).collect();
    for (index, line) in text.lines().enumerate() {
        if let Some(c) = line.chars().find(|&c| is_reserved(c)) {
            errors.push(Diagnostic::new(
                path,
                index + 1,
                format!(
                    "a control character (U+{:04X}) is not allowed",
                    u32::from(c)
                ),
            ));
            control_lines.push(index + 1);
        }
    }
    let lines: Vec<&str> = cleaned.iter().map(|line| line.as_ref()).collect();
    let starts = question_starts(path, &lines, &mut errors);
    let mut questions = Vec::new();
    for (n, &start) in starts.iter().enumerate() {
        let end = starts.get(n + 1).copied().unwrap_or(lines.len());
        match read_question(path, &lines[..end], start) {
            Ok((source, question)) => {
                if !control_lines.iter().any(|&l| l > start && l <= end) {
                    questions.push(PackQuestion {
                        line: start + 1,
                        source,
                        markup: encode_sections(&question),
                    });
                }
            }
            Err(mut found) => errors.append(&mut found),
        }
    }
    if starts.is_empty() && errors.is_empty() {
        errors.push(Diagnostic::new(
            path,
            1,
            "the pack holds no questions (each starts with front matter between `---` lines)",
        ));
    }
    errors.sort_by_key(|e| e.line);
    PackRead {
        questions,
        errors,
        found: starts.len(),
    }
}

/// The 0-based line of each question's opening `---`: the first after the
/// pack's leading blank lines and comments, then each `---` after a front
/// matter that is not in a code block.
fn question_starts(path: &str, lines: &[&str], errors: &mut Vec<Diagnostic>) -> Vec<usize> {
    enum Part {
        Preamble { reported: bool },
        FrontMatter,
        Sections { in_fence: bool },
    }
    let mut part = Part::Preamble { reported: false };
    let mut starts = Vec::new();
    for (index, line) in lines.iter().enumerate() {
        match &mut part {
            Part::Preamble { .. } | Part::Sections { in_fence: false }
                if is_front_matter_fence(line) =>
            {
                starts.push(index);
                part = Part::FrontMatter;
            }
            Part::Preamble { reported } => {
                let trimmed = line.trim();
                let is_comment = trimmed.starts_with("<!--") && trimmed.ends_with("-->");
                if !*reported && !trimmed.is_empty() && !is_comment {
                    errors.push(Diagnostic::new(
                        path,
                        index + 1,
                        "a pack starts with its first question's `---` line (before it only \
                         blank lines and one-line `<!-- ... -->` comments)",
                    ));
                    // One message: a file that is not a pack would give one per line.
                    *reported = true;
                }
            }
            Part::FrontMatter => {
                if is_front_matter_fence(line) {
                    part = Part::Sections { in_fence: false };
                }
            }
            Part::Sections { in_fence } => {
                if is_code_fence(line) {
                    *in_fence = !*in_fence;
                }
            }
        }
    }
    starts
}

/// The categories a pack may hold: labs need their own sections.
fn pack_categories() -> Vec<&'static str> {
    Category::ALL
        .into_iter()
        .filter(|&c| c != Category::Labs)
        .map(Category::slug)
        .collect()
}

fn read_category(problems: &mut Problems, field: &Field) -> Option<Category> {
    match Category::from_slug(&field.value) {
        Some(Category::Labs) => {
            problems.add(
                field.line,
                format!(
                    "labs are not supported in packs (the category must be {})",
                    one_of(&pack_categories())
                ),
            );
            None
        }
        None => {
            problems.add(
                field.line,
                format!(
                    "unknown category `{}` (expected {})",
                    field.value,
                    one_of(&pack_categories())
                ),
            );
            None
        }
        category => category,
    }
}

/// Reads the question whose opening `---` is `lines[start]`; `lines` ends
/// where the next question starts.
fn read_question(
    path: &str,
    lines: &[&str],
    start: usize,
) -> Result<(OwnSource, Question), Vec<Diagnostic>> {
    let front = parse_front_matter(path, lines, start, &KEYS)?;
    let mut problems = Problems::with_rules(path, Rules::Own);
    for key in ["category", "question"] {
        match front.field(key) {
            None => problems.add(start + 1, format!("front matter is missing `{key}`")),
            Some(f) if f.value.is_empty() => problems.add(f.line, format!("`{key}` is empty")),
            Some(_) => {}
        }
    }
    // An optional key given empty is not given.
    let given = |key| front.field(key).filter(|f| !f.value.is_empty());
    let value = |key| given(key).map_or_else(String::new, |f| f.value.clone());
    if let Some(id) = given("id") {
        check_id(&mut problems, id, None);
    }
    let category = given("category").and_then(|f| read_category(&mut problems, f));
    let default_style = category.map(|c| c.allowed_styles()[0]);
    let style = match given("style") {
        Some(f) => read_style(&mut problems, f, category),
        None => default_style,
    };
    let difficulty = match given("difficulty") {
        Some(f) => read_difficulty(&mut problems, f),
        None => Some(Difficulty::Intermediate),
    };
    let topics = given("topics").map_or_else(Vec::new, |f| read_topics(&mut problems, f, &[]));
    // A style that does not suit the category still names the headings its
    // author wrote; a lab's sections are never read in a pack.
    let headings = style.filter(|&s| s != Style::Lab).or(default_style);
    let body = parse_body(&mut problems, lines, front.body_start, headings, difficulty);
    let (Some(category), Some(style), Some(difficulty), Some(question)) =
        (category, style, difficulty, given("question"))
    else {
        return Err(problems.found);
    };
    let sections = Section::ALL.map(|kind| {
        body.sections
            .iter()
            .find(|s| s.heading == style.heading(kind))
            .map_or_else(String::new, |s| section_text(&s.body).to_string())
    });
    let source = OwnSource {
        id: value("id"),
        category,
        question: question.value.clone(),
        topics: topics.clone(),
        difficulty,
        style,
        asked: value("asked"),
        sections,
    };
    let header = Header {
        id: source.id.clone(),
        id_line: given("id").map_or(start + 1, |f| f.line),
        category,
        question: source.question.clone(),
        topics,
        difficulty,
        style,
    };
    problems.into_result((source, body.into_question(path, header)))
}

/// Validates and encodes one own question: writes it as a pack and reads
/// that back, with each problem placed in the section it falls in.
pub fn compile_own(source: &OwnSource) -> Result<OwnMarkup, Vec<OwnProblem>> {
    let unwritable = unwritable(source);
    if !unwritable.is_empty() {
        return Err(unwritable);
    }
    let (pack, layout) = write_pack_with_layout(std::slice::from_ref(source));
    let read = read_pack("", &pack);
    let written = layout.first().map_or(&[][..], |w| &w[..]);
    match &read.questions[..] {
        [question] if read.errors.is_empty() && read.found == 1 => Ok(question.markup.clone()),
        _ if read.errors.is_empty() => Err(vec![OwnProblem {
            // `unwritable` rules this out; said rather than assumed.
            section: None,
            line: 1,
            message: "the question does not read back as one question".to_string(),
        }]),
        _ => Err(read
            .errors
            .into_iter()
            .map(|e| {
                let (section, line) = locate(written, e.line);
                OwnProblem {
                    section,
                    line,
                    message: e.message,
                }
            })
            .collect()),
    }
}

/// The section a pack line falls in and the line within its text: its
/// heading (and the blank line under it) counts as the text's first line,
/// a blank line after it as its last.
fn locate(written: &[Written], line: usize) -> (Option<Section>, usize) {
    match written.iter().rev().find(|w| w.heading_line <= line) {
        Some(w) => (
            Some(w.section),
            (line.saturating_sub(w.heading_line + 1)).clamp(1, w.text_lines.max(1)),
        ),
        None => (None, 1),
    }
}

/// What a pack cannot hold as given: a line break in a one-line field, and
/// section text that a pack would read as structure (a `---` line starts a
/// question, a `## ` line a section, an open code block swallows the
/// headings after it). Checked with the pack reader's own line tests.
fn unwritable(source: &OwnSource) -> Vec<OwnProblem> {
    let mut problems = Vec::new();
    let mut problem = |section, line, message: String| {
        problems.push(OwnProblem {
            section,
            line,
            message,
        })
    };
    for (key, value) in [
        ("id", &source.id),
        ("question", &source.question),
        ("asked", &source.asked),
    ] {
        if value.contains(['\n', '\r']) {
            problem(None, 1, format!("`{key}` must be one line"));
        }
    }
    for topic in &source.topics {
        if topic.contains([',', '\n', '\r']) {
            problem(
                None,
                1,
                format!("topic `{topic}` must be lowercase letters, digits and single hyphens"),
            );
        }
    }
    for (section, text) in Section::ALL.into_iter().zip(&source.sections) {
        let mut in_fence = false;
        let mut fence_line = 0;
        for (index, line) in section_text(text).lines().map(clean_line).enumerate() {
            let line_no = index + 1;
            if is_code_fence(&line) {
                in_fence = !in_fence;
                fence_line = line_no;
            } else if in_fence {
                continue;
            } else if is_front_matter_fence(&line) {
                problem(
                    Some(section),
                    line_no,
                    "a `---` line would start a new question in a pack".to_string(),
                );
            } else if line.starts_with("## ") {
                problem(
                    Some(section),
                    line_no,
                    "a `## ` line would start a new section: section text cannot hold one"
                        .to_string(),
                );
            }
        }
        if in_fence {
            problem(Some(section), fence_line, UNCLOSED_FENCE.to_string());
        }
    }
    problems
}
