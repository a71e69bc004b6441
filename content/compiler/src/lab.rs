//! A troubleshooting lab's sections: why they ask, the scenario, numbered
//! steps (evidence, prompt, expert read), root cause, fix, prevention and
//! follow-ups. The rules are in `content/FORMAT.md`, "Troubleshooting labs".

use opsdrill_text::vocab::{LabSection, LAB_STEP_PARTS};

use crate::follow_ups::{follow_ups, split_sub_headings, sub_prose, FollowUp, SubHeading};
use crate::markdown::{parse_blocks, Block, Span};
use crate::question::{bullets, sentences, Problems, SourceSection};
use crate::rules;

/// One step: the evidence shown (captions and code blocks), the prompt, and
/// the expert's read.
#[derive(Debug, Clone)]
pub struct LabStep {
    pub evidence: Vec<Block>,
    pub prompt: Vec<Block>,
    pub read: Vec<Block>,
}

#[derive(Debug, Clone, Default)]
pub struct Lab {
    pub scenario: Vec<Block>,
    pub steps: Vec<LabStep>,
    pub root_cause: Vec<Block>,
    pub fix: Vec<Block>,
    pub prevention: Vec<Vec<Span>>,
}

/// What a lab file holds besides its front matter.
pub struct LabContent {
    pub why: Vec<Block>,
    pub lab: Lab,
    pub follow_ups: Vec<FollowUp>,
}

/// The kind of a `## ` heading, and a step's number.
fn classify(heading: &str) -> Option<(LabSection, Option<usize>)> {
    if let Some(number) = heading.strip_prefix("Step ") {
        return number.parse().ok().map(|n| (LabSection::Step, Some(n)));
    }
    LabSection::ALL
        .into_iter()
        .find(|s| *s != LabSection::Step && s.heading() == heading)
        .map(|s| (s, None))
}

fn expected() -> String {
    LabSection::ALL
        .map(|s| match s {
            LabSection::Step => "Step 1 ... Step N",
            s => s.heading(),
        })
        .join(", ")
}

/// Parses the sections of a lab.
pub fn lab(problems: &mut Problems, sections: &[SourceSection], last_line: usize) -> LabContent {
    let mut content = LabContent {
        why: Vec::new(),
        lab: Lab::default(),
        follow_ups: Vec::new(),
    };
    let mut seen: Vec<LabSection> = Vec::new();
    let mut last: Option<LabSection> = None;
    for section in sections {
        let Some((kind, number)) = classify(&section.heading) else {
            problems.add(
                section.line,
                format!(
                    "unknown section `## {}` (expected: {})",
                    section.heading,
                    expected()
                ),
            );
            continue;
        };
        if last.is_some_and(|l| l > kind) {
            problems.add(
                section.line,
                format!(
                    "section `## {}` is out of order (expected: {})",
                    section.heading,
                    expected()
                ),
            );
        } else if kind != LabSection::Step && seen.contains(&kind) {
            problems.add(
                section.line,
                format!("section `## {}` appears twice", section.heading),
            );
        }
        last = Some(kind);
        seen.push(kind);
        if section.body.trim().is_empty() {
            problems.add(
                section.line,
                format!("section `## {}` is empty", section.heading),
            );
            continue;
        }
        let lab = &mut content.lab;
        match kind {
            LabSection::Why => content.why = prose(problems, section, rules::WHY_SENTENCES),
            LabSection::Scenario => {
                lab.scenario = prose(problems, section, rules::SCENARIO_SENTENCES)
            }
            LabSection::Step => {
                let want = lab.steps.len() + 1;
                if number != Some(want) {
                    problems.add(
                        section.line,
                        format!("`## {}` should be `## Step {want}` (steps are numbered from 1, in order)", section.heading),
                    );
                }
                lab.steps.push(step(problems, section));
            }
            LabSection::RootCause => {
                lab.root_cause = prose(problems, section, rules::ROOT_CAUSE_SENTENCES)
            }
            LabSection::Fix => lab.fix = fix(problems, section),
            LabSection::Prevention => lab.prevention = list(problems, section),
            LabSection::FollowUps => content.follow_ups = follow_ups(problems, section),
        }
    }
    for kind in LabSection::ALL {
        if !seen.contains(&kind) {
            let line = sections
                .iter()
                .find(|s| classify(&s.heading).is_some_and(|(k, _)| k > kind))
                .map_or(last_line, |s| s.line);
            let heading = if kind == LabSection::Step {
                "Step 1"
            } else {
                kind.heading()
            };
            problems.add(line, format!("missing section `## {heading}`"));
        }
    }
    let steps = content.lab.steps.len();
    if steps > 0 && !(rules::LAB_STEPS.0..=rules::LAB_STEPS.1).contains(&steps) {
        let line = sections
            .iter()
            .find(|s| s.heading.starts_with("Step "))
            .map_or(1, |s| s.line);
        problems.add(
            line,
            format!(
                "a lab has {steps} steps, expected {} to {}",
                rules::LAB_STEPS.0,
                rules::LAB_STEPS.1
            ),
        );
    }
    content
}

/// Parses a section's Markdown, reporting errors at their lines.
fn blocks(
    problems: &mut Problems,
    section: &SourceSection,
    allow_code: bool,
) -> Option<Vec<Block>> {
    match parse_blocks(&section.body, allow_code) {
        Ok(blocks) => Some(blocks),
        Err(errors) => {
            for e in errors {
                problems.add(
                    section.line + 1 + e.line_offset,
                    format!("in `## {}`: {}", section.heading, e.message),
                );
            }
            None
        }
    }
}

fn prose(problems: &mut Problems, section: &SourceSection, range: (usize, usize)) -> Vec<Block> {
    blocks(problems, section, false)
        .map_or_else(Vec::new, |b| sentences(problems, section, b, range))
}

fn list(problems: &mut Problems, section: &SourceSection) -> Vec<Vec<Span>> {
    blocks(problems, section, false).map_or_else(Vec::new, |b| {
        bullets(problems, section, b, rules::PREVENTION)
    })
}

/// The fix: prose of a few sentences, or an ordered list of steps.
fn fix(problems: &mut Problems, section: &SourceSection) -> Vec<Block> {
    let Some(found) = blocks(problems, section, false) else {
        return Vec::new();
    };
    if let [Block::List {
        ordered: true,
        items,
    }] = found.as_slice()
    {
        problems.check_count(section, "steps", items.len(), rules::FIX_PARTS);
        return found;
    }
    sentences(problems, section, found, rules::FIX_PARTS)
}

/// A step's three parts, each under its `### ` heading, in order.
fn step(problems: &mut Problems, section: &SourceSection) -> LabStep {
    let (before, parts) = split_sub_headings(section, &[3]);
    if !before.trim().is_empty() {
        problems.add(
            section.line + 1,
            format!("text before `### Evidence` in `## {}`", section.heading),
        );
    }
    let names: Vec<&str> = parts.iter().map(|p| p.text.as_str()).collect();
    if names != LAB_STEP_PARTS {
        problems.add(
            section.line,
            format!(
                "`## {}` must have `### {}`, `### {}` and `### {}`, in that order (found: {})",
                section.heading,
                LAB_STEP_PARTS[0],
                LAB_STEP_PARTS[1],
                LAB_STEP_PARTS[2],
                if names.is_empty() {
                    "none".to_string()
                } else {
                    names.join(", ")
                }
            ),
        );
    }
    let part = |name: &str| parts.iter().find(|p| p.text == name);
    let label = |name: &str| format!("## {} › ### {name}", section.heading);
    let evidence = part(LAB_STEP_PARTS[0]).map_or_else(Vec::new, |p| {
        evidence(problems, p, &label(LAB_STEP_PARTS[0]))
    });
    let prompt = part(LAB_STEP_PARTS[1]).map_or_else(Vec::new, |p| {
        sub_prose(
            problems,
            p,
            &label(LAB_STEP_PARTS[1]),
            rules::PROMPT_SENTENCES,
        )
    });
    let read = part(LAB_STEP_PARTS[2]).map_or_else(Vec::new, |p| {
        sub_prose(
            problems,
            p,
            &label(LAB_STEP_PARTS[2]),
            rules::EXPERT_READ_SENTENCES,
        )
    });
    LabStep {
        evidence,
        prompt,
        read,
    }
}

/// Evidence: code blocks of artefacts, each optionally captioned by a
/// paragraph; nothing else.
fn evidence(problems: &mut Problems, part: &SubHeading, label: &str) -> Vec<Block> {
    let found = match parse_blocks(&part.body, true) {
        Ok(found) => found,
        Err(errors) => {
            for e in errors {
                problems.add(
                    part.line + 1 + e.line_offset,
                    format!("in `{label}`: {}", e.message),
                );
            }
            return Vec::new();
        }
    };
    if found.iter().any(|b| matches!(b, Block::List { .. })) {
        problems.add(
            part.line,
            format!("`{label}` holds code blocks and captions only, not lists"),
        );
    }
    let codes: Vec<&String> = found
        .iter()
        .filter_map(|b| match b {
            Block::Code(code) => Some(code),
            _ => None,
        })
        .collect();
    problems.check_count_at(
        part.line,
        label,
        "code blocks",
        codes.len(),
        rules::EVIDENCE_BLOCKS,
    );
    for (n, code) in codes.iter().enumerate() {
        let lines = code.lines().count();
        let (min, max) = rules::EVIDENCE_LINES;
        if lines < min || lines > max {
            problems.add(
                part.line,
                format!(
                    "`{label}` code block {} has {lines} lines, expected {min} to {max}",
                    n + 1
                ),
            );
        }
        if let Some((i, line)) = code
            .lines()
            .enumerate()
            .find(|(_, l)| l.chars().count() > rules::MAX_EVIDENCE_LINE_CHARS)
        {
            problems.add(
                part.line,
                format!(
                    "`{label}` code block {} line {} has {} characters, at most {}",
                    n + 1,
                    i + 1,
                    line.chars().count(),
                    rules::MAX_EVIDENCE_LINE_CHARS
                ),
            );
        }
    }
    found
}
