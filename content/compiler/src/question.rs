//! Parses and validates one question file.

use crate::markdown::{blocks_text, parse_blocks, spans_text, Block, Span};
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
    pub follow_ups: Vec<Vec<Span>>,
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

struct Field {
    value: String,
    line: usize,
}

struct SourceSection {
    heading: String,
    line: usize,
    body: String,
}

struct FrontMatter {
    fields: Vec<(String, Field)>,
    /// 0-based index of the first line after the closing `---`.
    body_start: usize,
}

const KEYS: [&str; 5] = ["id", "question", "topics", "difficulty", "style"];

fn parse_front_matter(path: &str, lines: &[&str]) -> Result<FrontMatter, Vec<Diagnostic>> {
    if lines.first().map(|l| l.trim_end()) != Some("---") {
        return Err(vec![Diagnostic::new(
            path,
            1,
            "a question file must start with front matter between `---` lines",
        )]);
    }
    let Some(close) = lines
        .iter()
        .skip(1)
        .position(|l| l.trim_end() == "---")
        .map(|p| p + 1)
    else {
        return Err(vec![Diagnostic::new(
            path,
            1,
            "the front matter has no closing `---` line",
        )]);
    };
    let mut errors = Vec::new();
    let mut fields: Vec<(String, Field)> = Vec::new();
    for (index, line) in lines.iter().enumerate().take(close).skip(1) {
        let line_no = index + 1;
        if line.trim().is_empty() {
            continue;
        }
        let Some((key, value)) = line.split_once(':') else {
            errors.push(Diagnostic::new(
                path,
                line_no,
                "a front matter line must read `key: value`",
            ));
            continue;
        };
        let key = key.trim();
        if !KEYS.contains(&key) {
            errors.push(Diagnostic::new(
                path,
                line_no,
                format!(
                    "unknown front matter key `{key}` (expected one of: {})",
                    KEYS.join(", ")
                ),
            ));
            continue;
        }
        if fields.iter().any(|(k, _)| k == key) {
            errors.push(Diagnostic::new(
                path,
                line_no,
                format!("`{key}` is given twice"),
            ));
            continue;
        }
        fields.push((
            key.to_string(),
            Field {
                value: value.trim().to_string(),
                line: line_no,
            },
        ));
    }
    if errors.is_empty() {
        Ok(FrontMatter {
            fields,
            body_start: close + 1,
        })
    } else {
        Err(errors)
    }
}

fn split_sections(
    path: &str,
    lines: &[&str],
    start: usize,
    errors: &mut Vec<Diagnostic>,
) -> Vec<SourceSection> {
    let mut sections: Vec<SourceSection> = Vec::new();
    let mut in_fence = false;
    for (index, line) in lines.iter().enumerate().skip(start) {
        let line_no = index + 1;
        if line.trim_start().starts_with("```") {
            in_fence = !in_fence;
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
                errors.push(Diagnostic::new(
                    path,
                    line_no,
                    "use `## ` for section headings; the question text lives in the front matter",
                ));
                continue;
            }
        }
        match sections.last_mut() {
            Some(section) => {
                section.body.push_str(line);
                section.body.push('\n');
            }
            None if !line.trim().is_empty() => errors.push(Diagnostic::new(
                path,
                line_no,
                "text before the first `## ` section",
            )),
            None => {}
        }
    }
    sections
}

fn check_range(
    errors: &mut Vec<Diagnostic>,
    path: &str,
    line: usize,
    what: &str,
    count: usize,
    (min, max): (usize, usize),
) {
    if count < min || count > max {
        errors.push(Diagnostic::new(
            path,
            line,
            format!("{what}: found {count}, expected {min} to {max}"),
        ));
    }
}

/// The single list a list section must consist of.
fn expect_list(
    errors: &mut Vec<Diagnostic>,
    path: &str,
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
                errors.push(Diagnostic::new(
                    path,
                    section.line,
                    format!("`## {}`: item {} is empty", section.heading, pos + 1),
                ));
            }
            items
        }
        _ => {
            errors.push(Diagnostic::new(
                path,
                section.line,
                format!("`## {}` must be {kind} and nothing else", section.heading),
            ));
            Vec::new()
        }
    }
}

fn expect_prose(
    errors: &mut Vec<Diagnostic>,
    path: &str,
    section: &SourceSection,
    blocks: Vec<Block>,
) -> Vec<Block> {
    if blocks.iter().any(|b| !matches!(b, Block::Paragraph(_))) {
        errors.push(Diagnostic::new(
            path,
            section.line,
            format!("`## {}` must be paragraphs only", section.heading),
        ));
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
fn split_also(
    path: &str,
    section: &SourceSection,
    errors: &mut Vec<Diagnostic>,
) -> (String, Vec<Vec<String>>) {
    let heading = &section.heading;
    let mut body = String::new();
    let mut synonyms: Vec<Vec<String>> = Vec::new();
    let lines: Vec<&str> = section.body.lines().collect();
    for (offset, line) in lines.iter().enumerate() {
        let line_no = section.line + 1 + offset;
        if is_bullet(line) {
            synonyms.push(Vec::new());
        }
        let mut error = |message: String| {
            errors.push(Diagnostic::new(
                path,
                line_no,
                format!("`## {heading}`: {message}"),
            ))
        };
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
    let front = parse_front_matter(path, &lines)?;
    let mut errors = Vec::new();
    let field = |key: &str| front.fields.iter().find(|(k, _)| k == key).map(|(_, f)| f);
    for key in KEYS {
        match field(key) {
            None => errors.push(Diagnostic::new(
                path,
                1,
                format!("front matter is missing `{key}`"),
            )),
            Some(f) if f.value.is_empty() => {
                errors.push(Diagnostic::new(path, f.line, format!("`{key}` is empty")))
            }
            Some(_) => {}
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let get = |key: &str| field(key).expect("checked above");

    let id = get("id");
    if !rules::is_slug(&id.value) {
        errors.push(Diagnostic::new(
            path,
            id.line,
            format!(
                "id `{}` must be lowercase letters, digits and single hyphens",
                id.value
            ),
        ));
    } else if id.value != stem {
        errors.push(Diagnostic::new(
            path,
            id.line,
            format!("id `{}` does not match the file name `{stem}.md`", id.value),
        ));
    }

    let category = Category::from_slug(category_dir);
    if category.is_none() {
        errors.push(Diagnostic::new(
            path,
            1,
            format!(
                "unknown category `{category_dir}` (the folder must be one of: general, technical, behavioural, ask)"
            ),
        ));
    }

    let style_field = get("style");
    let style = Style::from_slug(&style_field.value);
    match (style, category) {
        (None, _) => errors.push(Diagnostic::new(
            path,
            style_field.line,
            format!(
                "unknown style `{}` (expected story, design, explain, star or ask)",
                style_field.value
            ),
        )),
        (Some(style), Some(category)) if !category.allowed_styles().contains(&style) => {
            let allowed: Vec<&str> = category.allowed_styles().iter().map(|s| s.slug()).collect();
            errors.push(Diagnostic::new(
                path,
                style_field.line,
                format!(
                    "style `{}` does not suit category `{}` (allowed: {})",
                    style.slug(),
                    category.slug(),
                    allowed.join(", ")
                ),
            ))
        }
        _ => {}
    }

    let difficulty_field = get("difficulty");
    let difficulty = Difficulty::from_slug(&difficulty_field.value);
    if difficulty.is_none() {
        errors.push(Diagnostic::new(
            path,
            difficulty_field.line,
            format!(
                "unknown difficulty `{}` (expected foundational, intermediate or advanced)",
                difficulty_field.value
            ),
        ));
    }

    let topics_field = get("topics");
    let mut question_topics: Vec<String> = Vec::new();
    for slug in topics_field.value.split(',').map(str::trim) {
        if !topics.iter().any(|t| t.slug == slug) {
            errors.push(Diagnostic::new(
                path,
                topics_field.line,
                format!("unknown topic `{slug}` (see content/topics.md)"),
            ));
        } else if question_topics.iter().any(|t| t == slug) {
            errors.push(Diagnostic::new(
                path,
                topics_field.line,
                format!("topic `{slug}` is listed twice"),
            ));
        } else {
            question_topics.push(slug.to_string());
        }
    }
    if question_topics.len() > rules::MAX_TOPICS {
        errors.push(Diagnostic::new(
            path,
            topics_field.line,
            format!("at most {} topics", rules::MAX_TOPICS),
        ));
    }

    // Sections are checked against the style's headings; with an unknown style
    // the common headings still give useful messages.
    let effective_style = style.unwrap_or(Style::Story);
    let headings = Section::ALL.map(|section| effective_style.heading(section));
    let sections = split_sections(path, &lines, front.body_start, &mut errors);
    let last_line = lines.len().max(1);
    for (index, section) in sections.iter().enumerate() {
        if !headings.contains(&section.heading.as_str()) {
            errors.push(Diagnostic::new(
                path,
                section.line,
                format!(
                    "unknown section `## {}` (expected: {})",
                    section.heading,
                    headings.join(", ")
                ),
            ));
        } else if sections[..index]
            .iter()
            .any(|s| s.heading == section.heading)
        {
            errors.push(Diagnostic::new(
                path,
                section.line,
                format!("section `## {}` appears twice", section.heading),
            ));
        }
    }
    let known: Vec<&SourceSection> = sections
        .iter()
        .filter(|s| headings.contains(&s.heading.as_str()))
        .collect();
    let rank = |heading: &str| headings.iter().position(|h| *h == heading);
    if let Some(pair) = known
        .windows(2)
        .find(|pair| rank(&pair[0].heading) >= rank(&pair[1].heading))
    {
        errors.push(Diagnostic::new(
            path,
            pair[1].line,
            format!(
                "section `## {}` is out of order (expected: {})",
                pair[1].heading,
                headings.join(", ")
            ),
        ));
    }

    // Parse each required section's Markdown.
    let mut synonyms: Vec<Vec<String>> = Vec::new();
    let mut parsed: Vec<Option<(&SourceSection, Vec<Block>)>> = Vec::new();
    for heading in headings {
        let Some(section) = sections.iter().find(|s| s.heading == heading) else {
            let line = sections
                .iter()
                .find(|s| rank(&s.heading) > rank(heading))
                .map_or(last_line, |s| s.line);
            errors.push(Diagnostic::new(
                path,
                line,
                format!("missing section `## {heading}`"),
            ));
            parsed.push(None);
            continue;
        };
        if section.body.trim().is_empty() {
            errors.push(Diagnostic::new(
                path,
                section.line,
                format!("section `## {heading}` is empty"),
            ));
            parsed.push(None);
            continue;
        }
        let allow_code = heading == headings[3];
        let body = if heading == headings[2] {
            let (body, found) = split_also(path, section, &mut errors);
            synonyms = found;
            body
        } else {
            section.body.clone()
        };
        match parse_blocks(&body, allow_code) {
            Ok(blocks) => parsed.push(Some((section, blocks))),
            Err(found) => {
                for e in found {
                    errors.push(Diagnostic::new(
                        path,
                        section.line + 1 + e.line_offset,
                        format!("in `## {heading}`: {}", e.message),
                    ));
                }
                parsed.push(None);
            }
        }
    }

    let mut why = Vec::new();
    let mut structure = Vec::new();
    let mut talking_points = Vec::new();
    let mut answer = Vec::new();
    let mut tip = Vec::new();
    let mut pitfalls = Vec::new();
    let mut follow_ups = Vec::new();
    for (index, entry) in parsed.into_iter().enumerate() {
        let Some((section, blocks)) = entry else {
            continue;
        };
        let heading = &section.heading;
        match index {
            0 => {
                why = expect_prose(&mut errors, path, section, blocks);
                let count = rules::sentence_count(&blocks_text(&why));
                check_range(
                    &mut errors,
                    path,
                    section.line,
                    &format!("`## {heading}` sentences"),
                    count,
                    rules::WHY_SENTENCES,
                );
            }
            1 => {
                structure = expect_list(&mut errors, path, section, blocks, true);
                if !structure.is_empty() {
                    check_range(
                        &mut errors,
                        path,
                        section.line,
                        &format!("`## {heading}` steps"),
                        structure.len(),
                        rules::steps(effective_style),
                    );
                }
                if effective_style == Style::Star && structure.len() == 4 {
                    for (step, label) in structure.iter().zip(rules::STAR_LABELS) {
                        let starts_right = step.first().is_some_and(|s| {
                            s.style == crate::SpanStyle::Strong && s.text.trim() == label
                        });
                        if !starts_right {
                            errors.push(Diagnostic::new(
                                path,
                                section.line,
                                format!(
                                    "STAR step must start with `**{label}**`, found `{}`",
                                    spans_text(step).chars().take(30).collect::<String>()
                                ),
                            ));
                        }
                    }
                }
            }
            2 => {
                talking_points = expect_list(&mut errors, path, section, blocks, false);
                if !talking_points.is_empty() {
                    check_range(
                        &mut errors,
                        path,
                        section.line,
                        &format!("`## {heading}` bullets"),
                        talking_points.len(),
                        rules::POINTS,
                    );
                }
                for (n, point) in talking_points.iter().enumerate() {
                    let words = rules::word_count(&spans_text(point));
                    if words > rules::MAX_POINT_WORDS {
                        errors.push(Diagnostic::new(
                            path,
                            section.line,
                            format!(
                                "`## {heading}` bullet {} has {words} words, at most {}",
                                n + 1,
                                rules::MAX_POINT_WORDS
                            ),
                        ));
                    }
                }
            }
            3 => {
                let words = rules::word_count(&blocks_text(&blocks));
                check_range(
                    &mut errors,
                    path,
                    section.line,
                    &format!("`## {heading}` words"),
                    words,
                    rules::answer_words(effective_style),
                );
                answer = blocks;
            }
            4 => {
                tip = expect_prose(&mut errors, path, section, blocks);
                let count = rules::sentence_count(&blocks_text(&tip));
                check_range(
                    &mut errors,
                    path,
                    section.line,
                    "`## Tip` sentences",
                    count,
                    rules::TIP_SENTENCES,
                );
            }
            5 => {
                pitfalls = expect_list(&mut errors, path, section, blocks, false);
                if !pitfalls.is_empty() {
                    check_range(
                        &mut errors,
                        path,
                        section.line,
                        "`## Pitfalls` bullets",
                        pitfalls.len(),
                        rules::PITFALLS,
                    );
                }
            }
            _ => {
                follow_ups = expect_list(&mut errors, path, section, blocks, false);
                if !follow_ups.is_empty() {
                    check_range(
                        &mut errors,
                        path,
                        section.line,
                        "`## Follow-ups` bullets",
                        follow_ups.len(),
                        rules::FOLLOW_UPS,
                    );
                }
            }
        }
    }

    let keywords = talking_points
        .iter()
        .enumerate()
        .map(|(n, point)| {
            PointKeywords::new(
                &spans_text(point),
                synonyms.get(n).map_or(&[][..], |s| &s[..]),
            )
        })
        .collect();

    match (category, style, difficulty) {
        (Some(category), Some(style), Some(difficulty)) if errors.is_empty() => Ok(Question {
            path: path.to_string(),
            id: id.value.clone(),
            id_line: id.line,
            category,
            question: get("question").value.clone(),
            topics: question_topics,
            difficulty,
            style,
            why,
            structure,
            talking_points,
            keywords,
            answer,
            tip,
            pitfalls,
            follow_ups,
        }),
        _ => Err(errors),
    }
}
