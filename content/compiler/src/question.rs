//! Parses and validates one question file: the front matter's fields, then
//! the sections (their headings, then each one's Markdown, then the rules of
//! its kind). Every problem is collected, so a file's messages come at once.
//! A pack's own questions (`pack.rs`) go through the same functions under
//! [`Rules::Own`], which leaves out the bank's editorial limits.

use crate::follow_ups::{follow_ups, FollowUp};
use crate::lab::{lab, Lab};
use crate::markdown::{blocks_text, parse_blocks, spans_text, Block, Span, SpanStyle};
use crate::rules;
use crate::{Category, Difficulty, Section, Style};
use crate::{Diagnostic, Topic};

/// A validated question, ready for code generation.
#[derive(Debug, Clone)]
pub struct Question {
    pub path: String,
    pub id: String,
    /// The line of `id:` in the front matter, for messages about the id.
    pub id_line: usize,
    pub category: Category,
    pub question: String,
    pub topics: Vec<String>,
    pub difficulty: Difficulty,
    pub style: Style,
    pub why: Vec<Block>,
    pub structure: Vec<Vec<Span>>,
    pub talking_points: Vec<Vec<Span>>,
    /// The keywords of each talking point, computed at build time.
    pub keywords: Vec<PointKeywords>,
    pub answer: Vec<Block>,
    pub tip: Vec<Block>,
    pub pitfalls: Vec<Vec<Span>>,
    pub follow_ups: Vec<FollowUp>,
    /// A lab's scenario and steps (`style: lab`); a lab has no structure,
    /// talking points, model answer, tip or pitfalls.
    pub lab: Option<Lab>,
}

/// The stems an answer is matched against for one talking point: those of its
/// own words, and those of the synonyms listed in its `{also: ...}` suffix.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PointKeywords {
    pub own: Vec<String>,
    pub also: Vec<String>,
}

impl PointKeywords {
    fn new(point: &str, synonyms: &[String]) -> Self {
        let own = opsdrill_text::keywords(point);
        let mut also: Vec<String> = Vec::new();
        for synonym in synonyms {
            for key in opsdrill_text::keywords(synonym) {
                if !own.contains(&key) && !also.contains(&key) {
                    also.push(key);
                }
            }
        }
        PointKeywords { own, also }
    }
}
/// Which rules a question is held to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Rules {
    /// Every rule of `content/FORMAT.md`: a bank file.
    Bank,
    /// A user's own question (a pack's): the format's rules without the
    /// bank's editorial limits (counts, STAR labels, every section given,
    /// known topics; FORMAT.md, "Packs").
    Own,
}

/// The problems found in one file, each at a line of it, and the rules
/// the file is held to.
pub(crate) struct Problems<'a> {
    path: &'a str,
    rules: Rules,
    pub(crate) found: Vec<Diagnostic>,
}

impl<'a> Problems<'a> {
    pub(crate) fn new(path: &'a str) -> Self {
        Problems::with_rules(path, Rules::Bank)
    }

    pub(crate) fn with_rules(path: &'a str, rules: Rules) -> Self {
        Problems {
            path,
            rules,
            found: Vec::new(),
        }
    }

    /// Whether the bank's editorial limits apply (not to own questions).
    pub(crate) fn editorial(&self) -> bool {
        self.rules == Rules::Bank
    }

    pub(crate) fn add(&mut self, line: usize, message: impl Into<String>) {
        self.found.push(Diagnostic::new(self.path, line, message));
    }

    /// A section's count of `unit`s (sentences, steps, ...) must lie in
    /// `min..=max`.
    pub(crate) fn check_count(
        &mut self,
        section: &SourceSection,
        unit: &str,
        count: usize,
        range: (usize, usize),
    ) {
        let heading = format!("## {}", section.heading);
        self.check_count_at(section.line, &heading, unit, count, range);
    }

    /// `check_count` for a part of a section: `heading` as the file writes
    /// it (`### Prompt`), at `line`. Counts are editorial limits.
    pub(crate) fn check_count_at(
        &mut self,
        line: usize,
        heading: &str,
        unit: &str,
        count: usize,
        (min, max): (usize, usize),
    ) {
        if self.editorial() && (count < min || count > max) {
            self.add(
                line,
                format!("`{heading}` {unit}: found {count}, expected {min} to {max}"),
            );
        }
    }

    /// `value` if nothing was wrong, else every problem found.
    pub(crate) fn into_result<T>(self, value: T) -> Result<T, Vec<Diagnostic>> {
        if self.found.is_empty() {
            Ok(value)
        } else {
            Err(self.found)
        }
    }
}

/// `a, b or c`: the choices a message lists.
pub(crate) fn one_of(choices: &[&str]) -> String {
    match choices {
        [] => String::new(),
        [only] => only.to_string(),
        [rest @ .., last] => format!("{} or {last}", rest.join(", ")),
    }
}

/// A front matter value and the line it is on.
pub(crate) struct Field {
    pub(crate) value: String,
    pub(crate) line: usize,
}

/// A bank file's front matter keys, in the order messages list them.
const KEYS: [&str; 5] = ["id", "question", "topics", "difficulty", "style"];

/// The block between the `---` lines: its `key: value` fields, in file order.
pub(crate) struct FrontMatter {
    fields: Vec<(String, Field)>,
    /// 0-based index of the first line after the closing `---`.
    pub(crate) body_start: usize,
}

/// Every front matter field, each given and not empty.
struct Fields<'a> {
    id: &'a Field,
    question: &'a Field,
    topics: &'a Field,
    difficulty: &'a Field,
    style: &'a Field,
}

impl FrontMatter {
    pub(crate) fn field(&self, key: &str) -> Option<&Field> {
        self.fields.iter().find(|(k, _)| k == key).map(|(_, f)| f)
    }

    /// The fields, or a problem for each one missing or empty.
    fn required(&self, path: &str) -> Result<Fields<'_>, Vec<Diagnostic>> {
        let mut problems = Problems::new(path);
        for key in KEYS {
            match self.field(key) {
                None => problems.add(1, format!("front matter is missing `{key}`")),
                Some(f) if f.value.is_empty() => problems.add(f.line, format!("`{key}` is empty")),
                Some(_) => {}
            }
        }
        let given = |key| self.field(key).filter(|f| !f.value.is_empty());
        match (
            given("id"),
            given("question"),
            given("topics"),
            given("difficulty"),
            given("style"),
        ) {
            (Some(id), Some(question), Some(topics), Some(difficulty), Some(style)) => Ok(Fields {
                id,
                question,
                topics,
                difficulty,
                style,
            }),
            _ => Err(problems.found),
        }
    }
}

/// Whether a line opens or closes the front matter (or, in a pack, starts
/// a question).
pub(crate) fn is_front_matter_fence(line: &str) -> bool {
    line.trim_end() == "---"
}

/// Reads the front matter that starts at `lines[start]` (0 in a bank file,
/// the question's first line in a pack), whose keys are `keys`.
pub(crate) fn parse_front_matter(
    path: &str,
    lines: &[&str],
    start: usize,
    keys: &[&str],
) -> Result<FrontMatter, Vec<Diagnostic>> {
    if !lines.get(start).is_some_and(|l| is_front_matter_fence(l)) {
        return Err(vec![Diagnostic::new(
            path,
            start + 1,
            "a question file must start with front matter between `---` lines",
        )]);
    }
    let Some(close) = lines
        .iter()
        .skip(start + 1)
        .position(|l| is_front_matter_fence(l))
        .map(|p| p + start + 1)
    else {
        return Err(vec![Diagnostic::new(
            path,
            start + 1,
            "the front matter has no closing `---` line",
        )]);
    };
    let mut problems = Problems::new(path);
    let mut fields: Vec<(String, Field)> = Vec::new();
    for (index, line) in lines.iter().enumerate().take(close).skip(start + 1) {
        let line_no = index + 1;
        if line.trim().is_empty() {
            continue;
        }
        let Some((key, value)) = line.split_once(':') else {
            problems.add(line_no, "a front matter line must read `key: value`");
            continue;
        };
        let key = key.trim();
        if !keys.contains(&key) {
            problems.add(
                line_no,
                format!(
                    "unknown front matter key `{key}` (expected one of: {})",
                    keys.join(", ")
                ),
            );
        } else if fields.iter().any(|(k, _)| k == key) {
            problems.add(line_no, format!("`{key}` is given twice"));
        } else {
            fields.push((
                key.to_string(),
                Field {
                    value: value.trim().to_string(),
                    line: line_no,
                },
            ));
        }
    }
    problems.into_result(FrontMatter {
        fields,
        body_start: close + 1,
    })
}

/// The id must be a slug and, in a bank file, name the file (`stem`).
pub(crate) fn check_id(problems: &mut Problems, id: &Field, stem: Option<&str>) {
    if !rules::is_slug(&id.value) {
        problems.add(
            id.line,
            format!(
                "id `{}` must be lowercase letters, digits and single hyphens",
                id.value
            ),
        );
    } else if let Some(stem) = stem.filter(|stem| id.value != *stem) {
        problems.add(
            id.line,
            format!("id `{}` does not match the file name `{stem}.md`", id.value),
        );
    }
}

/// The category the file's folder names.
fn read_category(problems: &mut Problems, category_dir: &str) -> Option<Category> {
    let category = Category::from_slug(category_dir);
    if category.is_none() {
        problems.add(
            1,
            format!(
                "unknown category `{category_dir}` (the folder must be one of: {})",
                Category::ALL.map(Category::slug).join(", ")
            ),
        );
    }
    category
}

/// The style, which must suit the category (when that is known).
pub(crate) fn read_style(
    problems: &mut Problems,
    field: &Field,
    category: Option<Category>,
) -> Option<Style> {
    let style = Style::from_slug(&field.value);
    match (style, category) {
        (None, _) => problems.add(
            field.line,
            format!(
                "unknown style `{}` (expected {})",
                field.value,
                one_of(&Style::ALL.map(Style::slug))
            ),
        ),
        (Some(style), Some(category)) if !category.allowed_styles().contains(&style) => {
            let allowed: Vec<&str> = category.allowed_styles().iter().map(|s| s.slug()).collect();
            problems.add(
                field.line,
                format!(
                    "style `{}` does not suit category `{}` (allowed: {})",
                    style.slug(),
                    category.slug(),
                    allowed.join(", ")
                ),
            )
        }
        _ => {}
    }
    style
}

pub(crate) fn read_difficulty(problems: &mut Problems, field: &Field) -> Option<Difficulty> {
    let difficulty = Difficulty::from_slug(&field.value);
    if difficulty.is_none() {
        problems.add(
            field.line,
            format!(
                "unknown difficulty `{}` (expected {})",
                field.value,
                one_of(&Difficulty::ALL.map(Difficulty::slug))
            ),
        );
    }
    difficulty
}

/// The topics, each once, a few at most: in the bank, those of
/// `content/topics.md`; in an own question, any slug.
pub(crate) fn read_topics(problems: &mut Problems, field: &Field, topics: &[Topic]) -> Vec<String> {
    let mut listed: Vec<String> = Vec::new();
    for slug in field.value.split(',').map(str::trim) {
        if problems.editorial() && !topics.iter().any(|t| t.slug == slug) {
            problems.add(
                field.line,
                format!("unknown topic `{slug}` (see content/topics.md)"),
            );
        } else if !problems.editorial() && !rules::is_slug(slug) {
            problems.add(
                field.line,
                format!("topic `{slug}` must be lowercase letters, digits and single hyphens"),
            );
        } else if listed.iter().any(|t| t == slug) {
            problems.add(field.line, format!("topic `{slug}` is listed twice"));
        } else {
            listed.push(slug.to_string());
        }
    }
    if listed.len() > rules::MAX_TOPICS {
        problems.add(field.line, format!("at most {} topics", rules::MAX_TOPICS));
    }
    listed
}

/// A `## ` section as the file writes it.
pub(crate) struct SourceSection {
    pub(crate) heading: String,
    /// The line of its heading.
    pub(crate) line: usize,
    pub(crate) body: String,
}

/// Whether a line opens or closes a fenced code block, inside which
/// headings (and, in a pack, `---` lines) are text.
pub(crate) fn is_code_fence(line: &str) -> bool {
    line.trim_start().starts_with("```")
}

/// A fence left open would read everything after it as code.
pub(crate) const UNCLOSED_FENCE: &str = "this code block is never closed (end it with a ``` line)";

pub(crate) fn split_sections(
    problems: &mut Problems,
    lines: &[&str],
    start: usize,
) -> Vec<SourceSection> {
    let mut sections: Vec<SourceSection> = Vec::new();
    let mut in_fence = false;
    let mut fence_line = 0;
    for (index, line) in lines.iter().enumerate().skip(start) {
        let line_no = index + 1;
        if is_code_fence(line) {
            in_fence = !in_fence;
            fence_line = line_no;
        }
        if !in_fence {
            if let Some(heading) = line.strip_prefix("## ") {
                sections.push(SourceSection {
                    heading: heading.trim().to_string(),
                    line: line_no,
                    body: String::new(),
                });
                continue;
            }
            if line.starts_with("# ") {
                problems.add(
                    line_no,
                    "use `## ` for section headings; the question text lives in the front matter",
                );
                continue;
            }
        }
        match sections.last_mut() {
            Some(section) => {
                section.body.push_str(line);
                section.body.push('\n');
            }
            None if !line.trim().is_empty() => {
                problems.add(line_no, "text before the first `## ` section")
            }
            None => {}
        }
    }
    // The bank then misses the sections the fence swallowed; an own
    // question may omit them, so it needs saying.
    if in_fence && !problems.editorial() {
        problems.add(fence_line, UNCLOSED_FENCE);
    }
    sections
}

/// The style's headings, as messages list them.
fn expected_headings(style: Style) -> String {
    Section::ALL
        .map(|section| style.heading(section))
        .join(", ")
}

/// Each heading must be one of the style's, given once and in order.
fn check_headings(problems: &mut Problems, sections: &[SourceSection], style: Style) {
    for (index, section) in sections.iter().enumerate() {
        if style.section_named(&section.heading).is_none() {
            problems.add(
                section.line,
                format!(
                    "unknown section `## {}` (expected: {})",
                    section.heading,
                    expected_headings(style)
                ),
            );
        } else if sections[..index]
            .iter()
            .any(|s| s.heading == section.heading)
        {
            problems.add(
                section.line,
                format!("section `## {}` appears twice", section.heading),
            );
        }
    }
    let known: Vec<(Section, &SourceSection)> = sections
        .iter()
        .filter_map(|s| style.section_named(&s.heading).map(|kind| (kind, s)))
        .collect();
    if let Some(pair) = known.windows(2).find(|pair| pair[0].0 >= pair[1].0) {
        let (_, section) = pair[1];
        problems.add(
            section.line,
            format!(
                "section `## {}` is out of order (expected: {})",
                section.heading,
                expected_headings(style)
            ),
        );
    }
}

/// A section whose Markdown parsed, ready for the rules of its kind.
struct ParsedSection<'a> {
    kind: Section,
    source: &'a SourceSection,
    blocks: Vec<Block>,
}

/// Finds and parses each of the style's sections, in order. The talking
/// points lose their `{also: ...}` suffixes, returned as each point's
/// synonyms.
fn parse_sections<'a>(
    problems: &mut Problems,
    sections: &'a [SourceSection],
    style: Style,
    last_line: usize,
) -> (Vec<ParsedSection<'a>>, Vec<Vec<String>>) {
    let mut parsed = Vec::new();
    let mut synonyms = Vec::new();
    for kind in Section::ALL {
        let heading = style.heading(kind);
        let Some(source) = sections.iter().find(|s| s.heading == heading) else {
            // Reported where it belongs: before the first section that
            // should follow it.
            let line = sections
                .iter()
                .find(|s| style.section_named(&s.heading) > Some(kind))
                .map_or(last_line, |s| s.line);
            if problems.editorial() {
                problems.add(line, format!("missing section `## {heading}`"));
            }
            continue;
        };
        if source.body.trim().is_empty() {
            // An own question's empty section is one not given.
            if problems.editorial() {
                problems.add(source.line, format!("section `## {heading}` is empty"));
            }
            continue;
        }
        if kind == Section::FollowUps {
            // Its `### ` headings are read by `follow_ups`.
            parsed.push(ParsedSection {
                kind,
                source,
                blocks: Vec::new(),
            });
            continue;
        }
        let body = if kind == Section::TalkingPoints {
            let (body, found) = split_also(problems, source);
            synonyms = found;
            body
        } else {
            source.body.clone()
        };
        match parse_blocks(&body, rules::allows_code(kind)) {
            Ok(blocks) => parsed.push(ParsedSection {
                kind,
                source,
                blocks,
            }),
            Err(found) => {
                for e in found {
                    problems.add(
                        source.line + 1 + e.line_offset,
                        format!("in `## {heading}`: {}", e.message),
                    );
                }
            }
        }
    }
    (parsed, synonyms)
}

/// What a question's sections hold, as their rules accept it.
#[derive(Default)]
struct Content {
    why: Vec<Block>,
    structure: Vec<Vec<Span>>,
    talking_points: Vec<Vec<Span>>,
    answer: Vec<Block>,
    tip: Vec<Block>,
    pitfalls: Vec<Vec<Span>>,
    follow_ups: Vec<FollowUp>,
}

/// Checks each parsed section against the rules of its kind.
fn check_content(
    problems: &mut Problems,
    parsed: Vec<ParsedSection>,
    style: Style,
    difficulty: Option<Difficulty>,
) -> Content {
    let mut content = Content::default();
    for ParsedSection {
        kind,
        source,
        blocks,
    } in parsed
    {
        match kind {
            Section::Why => content.why = sentences(problems, source, blocks, rules::WHY_SENTENCES),
            Section::Structure => content.structure = steps(problems, source, blocks, style),
            Section::TalkingPoints => {
                content.talking_points = talking_points(problems, source, blocks)
            }
            Section::Answer => content.answer = answer(problems, source, blocks, style, difficulty),
            Section::Tip => content.tip = sentences(problems, source, blocks, rules::TIP_SENTENCES),
            Section::Pitfalls => {
                content.pitfalls = bullets(problems, source, blocks, rules::PITFALLS)
            }
            Section::FollowUps => content.follow_ups = follow_ups(problems, source),
        }
    }
    content
}

/// Paragraphs only, of `range` sentences.
pub(crate) fn sentences(
    problems: &mut Problems,
    section: &SourceSection,
    blocks: Vec<Block>,
    range: (usize, usize),
) -> Vec<Block> {
    let blocks = expect_prose(problems, section, blocks);
    let count = rules::sentence_count(&blocks_text(&blocks));
    problems.check_count(section, "sentences", count, range);
    blocks
}

/// An ordered list of as many steps as the style takes; STAR steps start
/// with their labels.
fn steps(
    problems: &mut Problems,
    section: &SourceSection,
    blocks: Vec<Block>,
    style: Style,
) -> Vec<Vec<Span>> {
    let steps = expect_list(problems, section, blocks, true);
    if !steps.is_empty() {
        problems.check_count(section, "steps", steps.len(), rules::steps(style));
    }
    if problems.editorial() && style == Style::Star && steps.len() == rules::STAR_LABELS.len() {
        for (step, label) in steps.iter().zip(rules::STAR_LABELS) {
            let starts_right = step
                .first()
                .is_some_and(|s| s.style == SpanStyle::Strong && s.text.trim() == label);
            if !starts_right {
                problems.add(
                    section.line,
                    format!(
                        "STAR step must start with `**{label}**`, found `{}`",
                        spans_text(step).chars().take(30).collect::<String>()
                    ),
                );
            }
        }
    }
    steps
}

/// A bullet list of `range` items.
pub(crate) fn bullets(
    problems: &mut Problems,
    section: &SourceSection,
    blocks: Vec<Block>,
    range: (usize, usize),
) -> Vec<Vec<Span>> {
    let items = expect_list(problems, section, blocks, false);
    if !items.is_empty() {
        problems.check_count(section, "bullets", items.len(), range);
    }
    items
}

/// Bullets short enough to tick off.
fn talking_points(
    problems: &mut Problems,
    section: &SourceSection,
    blocks: Vec<Block>,
) -> Vec<Vec<Span>> {
    let points = bullets(problems, section, blocks, rules::POINTS);
    for (n, point) in points.iter().enumerate() {
        let words = rules::word_count(&spans_text(point));
        if problems.editorial() && words > rules::MAX_POINT_WORDS {
            problems.add(
                section.line,
                format!(
                    "`## {}` bullet {} has {words} words, at most {}",
                    section.heading,
                    n + 1,
                    rules::MAX_POINT_WORDS
                ),
            );
        }
    }
    points
}

/// Prose of as many words as the style takes; lists and code are allowed.
fn answer(
    problems: &mut Problems,
    section: &SourceSection,
    blocks: Vec<Block>,
    style: Style,
    difficulty: Option<Difficulty>,
) -> Vec<Block> {
    let words = rules::word_count(&blocks_text(&blocks));
    problems.check_count(
        section,
        "words",
        words,
        rules::answer_words(style, difficulty),
    );
    blocks
}

/// The single list a list section must consist of.
pub(crate) fn expect_list(
    problems: &mut Problems,
    section: &SourceSection,
    blocks: Vec<Block>,
    want_ordered: bool,
) -> Vec<Vec<Span>> {
    let kind = if want_ordered {
        "an ordered list (`1.`)"
    } else {
        "a bullet list (`-`)"
    };
    match <[Block; 1]>::try_from(blocks) {
        Ok([Block::List { ordered, items }]) if ordered == want_ordered => {
            if let Some(pos) = items.iter().position(|item| item.is_empty()) {
                problems.add(
                    section.line,
                    format!("`## {}`: item {} is empty", section.heading, pos + 1),
                );
            }
            items
        }
        _ => {
            problems.add(
                section.line,
                format!("`## {}` must be {kind} and nothing else", section.heading),
            );
            Vec::new()
        }
    }
}

/// A heading as messages quote it: a section's with its `## `, a part's
/// (`### Prompt`, already labelled) as it is.
fn shown_heading(heading: &str) -> String {
    if heading.starts_with('#') {
        heading.to_string()
    } else {
        format!("## {heading}")
    }
}

pub(crate) fn expect_prose(
    problems: &mut Problems,
    section: &SourceSection,
    blocks: Vec<Block>,
) -> Vec<Block> {
    if blocks.iter().any(|b| !matches!(b, Block::Paragraph(_))) {
        problems.add(
            section.line,
            format!(
                "`{}` must be paragraphs only",
                shown_heading(&section.heading)
            ),
        );
    }
    blocks
}

fn is_bullet(line: &str) -> bool {
    ["- ", "* ", "+ "].iter().any(|b| line.starts_with(b)) || ["-", "*", "+"].contains(&line)
}

const ALSO_FORM: &str = "`{also: word, word}`";

/// Talking points may end with `{also: word, word}`: synonyms that count as
/// keywords of that point. Returns the section body with those suffixes
/// removed, and the synonyms of each bullet (by bullet index). Braces anywhere
/// else in the section are an error.
fn split_also(problems: &mut Problems, section: &SourceSection) -> (String, Vec<Vec<String>>) {
    let heading = &section.heading;
    let mut body = String::new();
    let mut synonyms: Vec<Vec<String>> = Vec::new();
    let lines: Vec<&str> = section.body.lines().collect();
    for (offset, line) in lines.iter().enumerate() {
        let line_no = section.line + 1 + offset;
        if is_bullet(line) {
            synonyms.push(Vec::new());
        }
        let mut error =
            |message: String| problems.add(line_no, format!("`## {heading}`: {message}"));
        let Some(open) = line.find(['{', '}']) else {
            body.push_str(line);
            body.push('\n');
            continue;
        };
        body.push_str(line[..open].trim_end());
        body.push('\n');
        let rest = &line[open..];
        let Some(close) = rest.find('}').filter(|_| rest.starts_with('{')) else {
            if rest.starts_with('{') {
                error(format!("unclosed `{{` (synonyms read {ALSO_FORM})"));
            } else {
                error(format!("braces are only allowed in a trailing {ALSO_FORM}"));
            }
            continue;
        };
        let inner = &rest[1..close];
        let ends_bullet = lines
            .get(offset + 1)
            .is_none_or(|next| next.trim().is_empty() || is_bullet(next));
        let list = match inner.trim_start().strip_prefix("also:") {
            Some(list) if rest[close + 1..].trim().is_empty() && !inner.contains('{') => list,
            _ => {
                error(format!("braces are only allowed in a trailing {ALSO_FORM}"));
                continue;
            }
        };
        if !ends_bullet {
            error(format!("{ALSO_FORM} must end its bullet"));
            continue;
        }
        let entries: Vec<&str> = list.split(',').map(str::trim).collect();
        if entries.iter().all(|e| e.is_empty()) {
            error("`{also:}` lists no words".to_string());
        } else if entries.iter().any(|e| e.is_empty()) {
            error("`{also:}` has an empty entry between commas".to_string());
        } else if let Some(entry) = entries
            .iter()
            .find(|e| opsdrill_text::keywords(e).is_empty())
        {
            error(format!(
                "`{{also:}}` entry `{entry}` has no keyword (only short or common words)"
            ));
        } else if let Some(point) = synonyms.last_mut() {
            point.extend(entries.iter().map(|e| e.to_string()));
        }
    }
    (body, synonyms)
}

/// Each talking point's keywords, with the synonyms its author listed.
fn point_keywords(points: &[Vec<Span>], synonyms: &[Vec<String>]) -> Vec<PointKeywords> {
    points
        .iter()
        .enumerate()
        .map(|(n, point)| {
            PointKeywords::new(
                &spans_text(point),
                synonyms.get(n).map_or(&[][..], |s| &s[..]),
            )
        })
        .collect()
}

/// Parses one file. `category_dir` is the folder it sits in and `stem` its
/// file name without `.md`.
pub fn parse_question(
    path: &str,
    category_dir: &str,
    stem: &str,
    text: &str,
    topics: &[Topic],
) -> Result<Question, Vec<Diagnostic>> {
    let lines: Vec<&str> = text.lines().collect();
    let front = parse_front_matter(path, &lines, 0, &KEYS)?;
    let fields = front.required(path)?;
    let mut problems = Problems::new(path);
    check_id(&mut problems, fields.id, Some(stem));
    let category = read_category(&mut problems, category_dir);
    let style = read_style(&mut problems, fields.style, category);
    let difficulty = read_difficulty(&mut problems, fields.difficulty);
    if style == Some(Style::Design) && difficulty == Some(Difficulty::Foundational) {
        problems.add(
            fields.difficulty.line,
            "a design question is never `foundational` (see Difficulty in content/FORMAT.md)",
        );
    }
    let question_topics = read_topics(&mut problems, fields.topics, topics);

    let body = parse_body(&mut problems, &lines, front.body_start, style, difficulty);
    let (Some(category), Some(style), Some(difficulty)) = (category, style, difficulty) else {
        return Err(problems.found);
    };
    let header = Header {
        id: fields.id.value.clone(),
        id_line: fields.id.line,
        category,
        question: fields.question.value.clone(),
        topics: question_topics,
        difficulty,
        style,
    };
    problems.into_result(body.into_question(path, header))
}

/// A question's front matter values, once they are all valid.
pub(crate) struct Header {
    pub(crate) id: String,
    pub(crate) id_line: usize,
    pub(crate) category: Category,
    pub(crate) question: String,
    pub(crate) topics: Vec<String>,
    pub(crate) difficulty: Difficulty,
    pub(crate) style: Style,
}

/// A question's sections, each parsed and checked against its rules.
pub(crate) struct Body {
    /// The sections as the file writes them.
    pub(crate) sections: Vec<SourceSection>,
    content: Content,
    keywords: Vec<PointKeywords>,
    lab: Option<Lab>,
}

impl Body {
    pub(crate) fn into_question(self, path: &str, header: Header) -> Question {
        let Body {
            content,
            keywords,
            lab,
            ..
        } = self;
        Question {
            path: path.to_string(),
            id: header.id,
            id_line: header.id_line,
            category: header.category,
            question: header.question,
            topics: header.topics,
            difficulty: header.difficulty,
            style: header.style,
            why: content.why,
            structure: content.structure,
            talking_points: content.talking_points,
            keywords,
            answer: content.answer,
            tip: content.tip,
            pitfalls: content.pitfalls,
            follow_ups: content.follow_ups,
            lab,
        }
    }
}

/// Parses and checks the sections that start at `lines[start]`, for a
/// question of `style` (when the front matter gives a valid one).
pub(crate) fn parse_body(
    problems: &mut Problems,
    lines: &[&str],
    start: usize,
    style: Option<Style>,
    difficulty: Option<Difficulty>,
) -> Body {
    let sections = split_sections(problems, lines, start);
    let last_line = lines.len().max(1);
    let (content, keywords, lab_content) = if style == Some(Style::Lab) {
        let found = lab(problems, &sections, last_line);
        let content = Content {
            why: found.why,
            follow_ups: found.follow_ups,
            ..Content::default()
        };
        (content, Vec::new(), Some(found.lab))
    } else {
        // Sections are checked against the style's headings; with an unknown
        // style the common headings still give useful messages.
        let section_style = style.unwrap_or(Style::Story);
        check_headings(problems, &sections, section_style);
        let (parsed, synonyms) = parse_sections(problems, &sections, section_style, last_line);
        let content = check_content(problems, parsed, section_style, difficulty);
        let keywords = point_keywords(&content.talking_points, &synonyms);
        (content, keywords, None)
    };
    Body {
        sections,
        content,
        keywords,
        lab: lab_content,
    }
}
