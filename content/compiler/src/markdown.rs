//! Turns the Markdown of one section into typed blocks, and rejects what the
//! app does not render (HTML, links, images, tables, nested lists, headings).

use opsdrill_text::markup::is_reserved;
pub use opsdrill_text::markup::SpanStyle;
use pulldown_cmark::{CodeBlockKind, Event, Parser, Tag, TagEnd};

/// A run of inline text in one style.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Span {
    pub style: SpanStyle,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    Paragraph(Vec<Span>),
    List {
        ordered: bool,
        items: Vec<Vec<Span>>,
    },
    Code(String),
}

/// The plain text of some spans, as a reader would see it.
pub fn spans_text(spans: &[Span]) -> String {
    spans.iter().map(|s| s.text.as_str()).collect()
}

/// The plain text of some blocks, one line per paragraph or item.
pub fn blocks_text(blocks: &[Block]) -> String {
    let mut out = Vec::new();
    for block in blocks {
        match block {
            Block::Paragraph(spans) => out.push(spans_text(spans)),
            Block::List { items, .. } => out.extend(items.iter().map(|i| spans_text(i))),
            Block::Code(code) => out.push(code.clone()),
        }
    }
    out.join("\n")
}

/// A construct that is not allowed, with the line (relative to the section
/// body's first line, 0-based) where it starts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MarkdownError {
    pub line_offset: usize,
    pub message: String,
}

fn push_span(spans: &mut Vec<Span>, style: SpanStyle, text: &str) {
    if text.is_empty() {
        return;
    }
    match spans.last_mut() {
        Some(last) if last.style == style => last.text.push_str(text),
        _ => spans.push(Span {
            style,
            text: text.to_string(),
        }),
    }
}

fn trim_spans(mut spans: Vec<Span>) -> Vec<Span> {
    if let Some(first) = spans.first_mut() {
        first.text = first.text.trim_start().to_string();
    }
    if let Some(last) = spans.last_mut() {
        last.text = last.text.trim_end().to_string();
    }
    spans.retain(|s| !s.text.is_empty());
    spans
}

/// Parses a section body. `allow_code` permits fenced code blocks.
pub fn parse_blocks(body: &str, allow_code: bool) -> Result<Vec<Block>, Vec<MarkdownError>> {
    let line_of = |offset: usize| body[..offset.min(body.len())].matches('\n').count();
    let mut blocks = Vec::new();
    let mut errors = Vec::new();
    let mut spans: Vec<Span> = Vec::new();
    let mut list: Option<(bool, Vec<Vec<Span>>)> = None;
    let mut in_item = false;
    let mut code: Option<String> = None;
    let mut emphasis = 0usize;
    let mut strong = 0usize;
    let reject = |errors: &mut Vec<MarkdownError>, offset: usize, what: &str| {
        errors.push(MarkdownError {
            line_offset: line_of(offset),
            message: format!("{what} is not allowed here"),
        });
    };

    for (event, range) in Parser::new(body).into_offset_iter() {
        let style = if strong > 0 {
            SpanStyle::Strong
        } else if emphasis > 0 {
            SpanStyle::Emphasis
        } else {
            SpanStyle::Plain
        };
        match event {
            // Inside a loose list item, paragraphs only separate text.
            Event::Start(Tag::Paragraph) if in_item && !spans.is_empty() => {
                push_span(&mut spans, style, " ");
            }
            Event::End(TagEnd::Paragraph) if !in_item => {
                let done = trim_spans(std::mem::take(&mut spans));
                if !done.is_empty() {
                    blocks.push(Block::Paragraph(done));
                }
            }
            Event::Start(Tag::Paragraph) | Event::End(TagEnd::Paragraph) => {}
            Event::Start(Tag::List(first)) => {
                if list.is_some() {
                    reject(&mut errors, range.start, "a nested list");
                } else {
                    list = Some((first.is_some(), Vec::new()));
                }
            }
            Event::End(TagEnd::List(_)) => {
                if in_item {
                    continue; // the end of a rejected nested list
                }
                if let Some((ordered, items)) = list.take() {
                    blocks.push(Block::List { ordered, items });
                }
            }
            Event::Start(Tag::Item) => {
                if in_item {
                    continue;
                }
                in_item = true;
                spans.clear();
            }
            Event::End(TagEnd::Item) => {
                if list.is_none() {
                    continue;
                }
                in_item = false;
                let item = trim_spans(std::mem::take(&mut spans));
                if let Some((_, items)) = list.as_mut() {
                    items.push(item);
                }
            }
            Event::Start(Tag::CodeBlock(kind)) => {
                if !allow_code {
                    reject(&mut errors, range.start, "a code block");
                } else if matches!(kind, CodeBlockKind::Indented) {
                    reject(
                        &mut errors,
                        range.start,
                        "an indented code block (use a ``` fence)",
                    );
                }
                code = Some(String::new());
            }
            Event::End(TagEnd::CodeBlock) => {
                if let Some(text) = code.take() {
                    if allow_code {
                        blocks.push(Block::Code(text.trim_end().to_string()));
                    }
                }
            }
            Event::Start(Tag::Emphasis) => emphasis += 1,
            Event::End(TagEnd::Emphasis) => emphasis = emphasis.saturating_sub(1),
            Event::Start(Tag::Strong) => strong += 1,
            Event::End(TagEnd::Strong) => strong = strong.saturating_sub(1),
            // Control characters are the app's markup (opsdrill_text::markup).
            Event::Text(text) | Event::Code(text)
                if text
                    .chars()
                    .any(|c| is_reserved(c) && !(c == '\n' && code.is_some())) =>
            {
                reject(&mut errors, range.start, "a control character")
            }
            Event::Text(text) => match code.as_mut() {
                Some(buffer) => buffer.push_str(&text),
                None => push_span(&mut spans, style, &text),
            },
            Event::Code(text) => push_span(&mut spans, SpanStyle::Code, &text),
            Event::SoftBreak | Event::HardBreak => push_span(&mut spans, style, " "),
            Event::Html(_) | Event::InlineHtml(_) => reject(&mut errors, range.start, "HTML"),
            Event::Rule => reject(&mut errors, range.start, "a horizontal rule"),
            Event::Start(Tag::Link { .. }) => reject(&mut errors, range.start, "a link"),
            Event::Start(Tag::Image { .. }) => reject(&mut errors, range.start, "an image"),
            Event::Start(Tag::Heading { .. }) => {
                reject(&mut errors, range.start, "a heading below `##`")
            }
            Event::Start(Tag::BlockQuote(_)) => reject(&mut errors, range.start, "a block quote"),
            Event::Start(Tag::Table(_)) => reject(&mut errors, range.start, "a table"),
            Event::Start(Tag::HtmlBlock) => reject(&mut errors, range.start, "HTML"),
            Event::Start(_) => reject(&mut errors, range.start, "this Markdown construct"),
            _ => {}
        }
    }
    if errors.is_empty() {
        Ok(blocks)
    } else {
        Err(errors)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plain(text: &str) -> Span {
        Span {
            style: SpanStyle::Plain,
            text: text.into(),
        }
    }

    #[test]
    fn paragraphs_keep_inline_styles() {
        let blocks = parse_blocks("Use *canaries* and **always** run `kubectl diff`.\n", false)
            .expect("valid");
        assert_eq!(
            blocks,
            vec![Block::Paragraph(vec![
                plain("Use "),
                Span {
                    style: SpanStyle::Emphasis,
                    text: "canaries".into()
                },
                plain(" and "),
                Span {
                    style: SpanStyle::Strong,
                    text: "always".into()
                },
                plain(" run "),
                Span {
                    style: SpanStyle::Code,
                    text: "kubectl diff".into()
                },
                plain("."),
            ])]
        );
    }

    #[test]
    fn soft_breaks_become_spaces() {
        let blocks = parse_blocks("one\ntwo\n\nthree\n", false).expect("valid");
        assert_eq!(
            blocks,
            vec![
                Block::Paragraph(vec![plain("one two")]),
                Block::Paragraph(vec![plain("three")]),
            ]
        );
    }

    /// A list of plain items.
    fn list(ordered: bool, items: &[&str]) -> Block {
        Block::List {
            ordered,
            items: items.iter().map(|item| vec![plain(item)]).collect(),
        }
    }

    #[test]
    fn lists_tight_and_loose() {
        let tight = parse_blocks("1. first\n2. second\n", false).expect("valid");
        assert_eq!(tight, vec![list(true, &["first", "second"])]);
        let loose = parse_blocks("- a\n\n- b\n", false).expect("valid");
        assert_eq!(loose, vec![list(false, &["a", "b"])]);
    }

    #[test]
    fn code_blocks_only_where_allowed() {
        let text = "Run:\n\n```sh\nkubectl get pods\n```\n";
        let blocks = parse_blocks(text, true).expect("valid");
        assert_eq!(blocks[1], Block::Code("kubectl get pods".into()));
        let errors = parse_blocks(text, false).unwrap_err();
        assert_eq!(errors[0].line_offset, 2);
        assert!(errors[0].message.contains("code block"));
    }

    #[test]
    fn rejects_links_html_nesting_and_headings() {
        for (text, what, line) in [
            ("See [docs](https://example.com).", "a link", 0),
            ("text\n\n<div>x</div>\n", "HTML", 2),
            ("- a\n  - b\n", "a nested list", 1),
            ("### Sub\n", "a heading", 0),
            ("![x](y.png)", "an image", 0),
            ("> quoted", "a block quote", 0),
            ("one\n\ntwo \u{1e} three", "a control character", 2),
            ("```\nls \u{10}\n```\n", "a control character", 1),
        ] {
            let errors = parse_blocks(text, true).unwrap_err();
            assert!(
                errors[0].message.starts_with(what),
                "{text}: {:?}",
                errors[0]
            );
            assert_eq!(errors[0].line_offset, line, "{text}");
        }
    }
}
