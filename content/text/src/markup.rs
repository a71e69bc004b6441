//! The compact markup the bank's formatted text is kept in: one string per
//! section instead of a tree of small static slices, which costs less in the
//! wasm than the Markdown itself. The bank compiler encodes validated
//! Markdown with the `encode_*` functions; the app decodes at render time
//! into the same typed [`Block`]s and [`Span`]s, rendered as text, never as
//! HTML.
//!
//! The format, with characters that never occur in the bank's text (the
//! compiler rejects control characters):
//! - inline text: runs of text; `\u{10}`..`\u{13}` switch the style of what
//!   follows to plain, emphasis, strong or code (plain at the start);
//! - a list of items ([`Items`]): inline texts joined by `\n`;
//! - prose ([`Prose`]): blocks joined by `\u{1e}`; a block is a paragraph
//!   (inline text), or `\u{0e}` / `\u{0f}` then the items of an ordered /
//!   bullet list, or `\u{0c}` then the text of a code block;
//! - follow-ups ([`FollowUps`]): entries joined by `\u{1d}`; an entry is
//!   `\u{01}` (a follow-up) or `\u{02}` (one asked after it), the question
//!   as inline text, `\u{1c}`, then the answer as prose;
//! - a lab's steps ([`LabSteps`]): steps joined by `\u{1d}`; a step is its
//!   evidence, prompt and expert read, three proses joined by `\u{1c}`.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SpanStyle {
    Plain,
    Emphasis,
    Strong,
    Code,
}

/// A run of inline text in one style.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span<'a> {
    pub style: SpanStyle,
    pub text: &'a str,
}

const STYLE_MARKS: [char; 4] = ['\u{10}', '\u{11}', '\u{12}', '\u{13}'];
const BLOCK_SEPARATOR: char = '\u{1e}';
const ORDERED_LIST: char = '\u{0e}';
const BULLET_LIST: char = '\u{0f}';
const CODE_BLOCK: char = '\u{0c}';
const ENTRY_SEPARATOR: char = '\u{1d}';
const PART_SEPARATOR: char = '\u{1c}';
const FOLLOW_UP_DEPTHS: [char; 2] = ['\u{01}', '\u{02}'];

fn style_mark(style: SpanStyle) -> char {
    STYLE_MARKS[style as usize]
}

/// Whether a character may not appear in the bank's text: every control
/// character but the tab (and the newline, inside code blocks only).
pub fn is_reserved(c: char) -> bool {
    c.is_control() && c != '\t'
}

/// One line of inline text: a list item, a talking point, a step.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Inline<'a>(pub &'a str);

impl<'a> Inline<'a> {
    /// The styled runs, in order.
    pub fn spans(self) -> impl Iterator<Item = Span<'a>> {
        let mut rest = self.0;
        let mut style = SpanStyle::Plain;
        std::iter::from_fn(move || loop {
            let first = rest.chars().next()?;
            if let Some(i) = STYLE_MARKS.iter().position(|m| *m == first) {
                style = [
                    SpanStyle::Plain,
                    SpanStyle::Emphasis,
                    SpanStyle::Strong,
                    SpanStyle::Code,
                ][i];
                rest = &rest[first.len_utf8()..];
                continue;
            }
            let end = rest.find(STYLE_MARKS).unwrap_or(rest.len());
            let text = &rest[..end];
            rest = &rest[end..];
            return Some(Span { style, text });
        })
    }

    /// The plain text, as a reader sees it.
    pub fn text(self) -> String {
        self.0
            .chars()
            .filter(|c| !STYLE_MARKS.contains(c))
            .collect()
    }
}

/// A list of inline items.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Items<'a>(pub &'a str);

impl<'a> Items<'a> {
    pub fn iter(self) -> impl Iterator<Item = Inline<'a>> {
        self.0
            .split('\n')
            .filter(move |_| !self.0.is_empty())
            .map(Inline)
    }

    pub fn len(self) -> usize {
        if self.0.is_empty() {
            0
        } else {
            self.0.matches('\n').count() + 1
        }
    }

    pub fn is_empty(self) -> bool {
        self.0.is_empty()
    }

    pub fn get(self, index: usize) -> Option<Inline<'a>> {
        self.iter().nth(index)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Block<'a> {
    Paragraph(Inline<'a>),
    List { ordered: bool, items: Items<'a> },
    Code(&'a str),
}

/// A section of paragraphs, lists and code blocks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Prose<'a>(pub &'a str);

impl<'a> Prose<'a> {
    pub fn blocks(self) -> impl Iterator<Item = Block<'a>> {
        self.0
            .split(BLOCK_SEPARATOR)
            .filter(move |_| !self.0.is_empty())
            .map(|block| {
                let mut chars = block.chars();
                match chars.next() {
                    Some(ORDERED_LIST) => Block::List {
                        ordered: true,
                        items: Items(chars.as_str()),
                    },
                    Some(BULLET_LIST) => Block::List {
                        ordered: false,
                        items: Items(chars.as_str()),
                    },
                    Some(CODE_BLOCK) => Block::Code(chars.as_str()),
                    _ => Block::Paragraph(Inline(block)),
                }
            })
    }
}

/// The entries of a text joined by `ENTRY_SEPARATOR` (none when empty).
fn entries(text: &str) -> impl Iterator<Item = &str> {
    text.split(ENTRY_SEPARATOR)
        .filter(move |_| !text.is_empty())
}

/// One follow-up: the question an interviewer asks next and its short answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FollowUp<'a> {
    /// 1 for a follow-up to the question, 2 for one asked after that.
    pub depth: u8,
    pub question: Inline<'a>,
    pub answer: Prose<'a>,
}

/// A question's follow-ups, each followed by those asked after it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct FollowUps<'a>(pub &'a str);

impl<'a> FollowUps<'a> {
    pub fn iter(self) -> impl Iterator<Item = FollowUp<'a>> {
        entries(self.0).map(|entry| {
            let mut chars = entry.chars();
            let depth = match chars.next() {
                Some(c) if c == FOLLOW_UP_DEPTHS[1] => 2,
                _ => 1,
            };
            let (question, answer) = chars
                .as_str()
                .split_once(PART_SEPARATOR)
                .unwrap_or((chars.as_str(), ""));
            FollowUp {
                depth,
                question: Inline(question),
                answer: Prose(answer),
            }
        })
    }

    pub fn len(self) -> usize {
        self.iter().count()
    }

    pub fn is_empty(self) -> bool {
        self.0.is_empty()
    }
}

/// One step of a lab: the evidence shown, the question put to the candidate,
/// and the expert's read of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LabStep<'a> {
    pub evidence: Prose<'a>,
    pub prompt: Prose<'a>,
    pub read: Prose<'a>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct LabSteps<'a>(pub &'a str);

impl<'a> LabSteps<'a> {
    pub fn iter(self) -> impl Iterator<Item = LabStep<'a>> {
        entries(self.0).map(|step| {
            let mut parts = step.splitn(3, PART_SEPARATOR);
            let mut next = || Prose(parts.next().unwrap_or(""));
            LabStep {
                evidence: next(),
                prompt: next(),
                read: next(),
            }
        })
    }

    pub fn len(self) -> usize {
        self.iter().count()
    }

    pub fn is_empty(self) -> bool {
        self.0.is_empty()
    }

    pub fn get(self, index: usize) -> Option<LabStep<'a>> {
        self.iter().nth(index)
    }
}

/// Encodes follow-ups: (depth, encoded question, encoded answer prose).
pub fn encode_follow_ups(follow_ups: &[(u8, String, String)]) -> String {
    let encoded: Vec<String> = follow_ups
        .iter()
        .map(|(depth, question, answer)| {
            let mark = FOLLOW_UP_DEPTHS[usize::from(*depth >= 2)];
            format!("{mark}{question}{PART_SEPARATOR}{answer}")
        })
        .collect();
    encoded.join(&ENTRY_SEPARATOR.to_string())
}

/// Encodes a lab's steps: (evidence, prompt, read), each encoded prose.
pub fn encode_lab_steps(steps: &[(String, String, String)]) -> String {
    let encoded: Vec<String> = steps
        .iter()
        .map(|(evidence, prompt, read)| {
            format!("{evidence}{PART_SEPARATOR}{prompt}{PART_SEPARATOR}{read}")
        })
        .collect();
    encoded.join(&ENTRY_SEPARATOR.to_string())
}

/// Encodes styled runs as inline text. Empty runs are dropped.
pub fn encode_inline<'s>(spans: impl IntoIterator<Item = (SpanStyle, &'s str)>) -> String {
    let mut out = String::new();
    let mut current = SpanStyle::Plain;
    for (style, text) in spans {
        if text.is_empty() {
            continue;
        }
        if style != current {
            out.push(style_mark(style));
            current = style;
        }
        out.push_str(text);
    }
    out
}

/// Encodes a list's items (each already encoded with [`encode_inline`]).
pub fn encode_items(items: &[String]) -> String {
    items.join("\n")
}

/// A block of [`Prose`], for [`encode_prose`].
pub enum EncodeBlock {
    /// Encoded inline text.
    Paragraph(String),
    /// Encoded inline items.
    List {
        ordered: bool,
        items: Vec<String>,
    },
    Code(String),
}

pub fn encode_prose(blocks: &[EncodeBlock]) -> String {
    let encoded: Vec<String> = blocks
        .iter()
        .map(|block| match block {
            EncodeBlock::Paragraph(inline) => inline.clone(),
            EncodeBlock::List { ordered, items } => {
                let mark = if *ordered { ORDERED_LIST } else { BULLET_LIST };
                format!("{mark}{}", encode_items(items))
            }
            EncodeBlock::Code(code) => format!("{CODE_BLOCK}{code}"),
        })
        .collect();
    encoded.join(&BLOCK_SEPARATOR.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use SpanStyle::*;

    fn span(style: SpanStyle, text: &str) -> Span<'_> {
        Span { style, text }
    }

    #[test]
    fn inline_text_round_trips_with_its_styles() {
        let runs = [
            (Strong, "Situation:"),
            (Plain, " we ran "),
            (Code, "kubectl diff"),
            (Plain, " on "),
            (Emphasis, "every"),
            (Plain, " change"),
        ];
        let encoded = encode_inline(runs);
        let decoded: Vec<Span> = Inline(&encoded).spans().collect();
        let expected: Vec<Span> = runs.iter().map(|(s, t)| span(*s, t)).collect();
        assert_eq!(decoded, expected);
        assert_eq!(
            Inline(&encoded).text(),
            "Situation: we ran kubectl diff on every change"
        );
        // Plain text costs no markup at all.
        assert_eq!(encode_inline([(Plain, "just text")]), "just text");
    }

    #[test]
    fn items_round_trip() {
        let items = vec![
            encode_inline([(Plain, "first")]),
            encode_inline([(Code, "x"), (Plain, " second")]),
        ];
        let encoded = encode_items(&items);
        let list = Items(&encoded);
        assert_eq!(list.len(), 2);
        let texts: Vec<String> = list.iter().map(Inline::text).collect();
        assert_eq!(texts, ["first", "x second"]);
        assert_eq!(
            list.get(1).unwrap().spans().collect::<Vec<_>>(),
            [span(Code, "x"), span(Plain, " second")]
        );
        assert_eq!(Items("").len(), 0);
        assert_eq!(Items("").iter().count(), 0);
    }

    #[test]
    fn prose_round_trips_paragraphs_lists_and_code() {
        let encoded = encode_prose(&[
            EncodeBlock::Paragraph(encode_inline([(Plain, "Run "), (Code, "ls")])),
            EncodeBlock::List {
                ordered: true,
                items: vec!["one".into(), "two".into()],
            },
            EncodeBlock::Code("set -eu\nls -l\n\nexit 0".into()),
            EncodeBlock::List {
                ordered: false,
                items: vec!["a".into()],
            },
        ]);
        let blocks: Vec<Block> = Prose(&encoded).blocks().collect();
        assert_eq!(blocks.len(), 4);
        let Block::Paragraph(p) = blocks[0] else {
            panic!("{blocks:?}")
        };
        assert_eq!(
            p.spans().collect::<Vec<_>>(),
            [span(Plain, "Run "), span(Code, "ls")]
        );
        assert_eq!(
            blocks[1],
            Block::List {
                ordered: true,
                items: Items("one\ntwo")
            }
        );
        assert_eq!(blocks[2], Block::Code("set -eu\nls -l\n\nexit 0"));
        assert_eq!(
            blocks[3],
            Block::List {
                ordered: false,
                items: Items("a")
            }
        );
        assert_eq!(Prose("").blocks().count(), 0);
    }

    #[test]
    fn follow_ups_round_trip_with_their_depth_and_answers() {
        let answer = encode_prose(&[EncodeBlock::Paragraph("Because. Really.".into())]);
        let encoded = encode_follow_ups(&[
            (
                1,
                encode_inline([(Plain, "Why "), (Code, "137"), (Plain, "?")]),
                answer.clone(),
            ),
            (2, "And then?".into(), answer),
            (1, "Only a question?".into(), String::new()),
        ]);
        let all: Vec<FollowUp> = FollowUps(&encoded).iter().collect();
        assert_eq!(all.len(), 3);
        assert_eq!(
            (all[0].depth, all[0].question.text()),
            (1, "Why 137?".to_string())
        );
        assert_eq!(all[1].depth, 2);
        assert_eq!(all[1].answer.blocks().count(), 1);
        assert_eq!(all[2].answer.blocks().count(), 0);
        assert!(FollowUps("").is_empty() && FollowUps("").iter().next().is_none());
    }

    #[test]
    fn lab_steps_round_trip() {
        let code = encode_prose(&[EncodeBlock::Code("$ ls\nfile".into())]);
        let encoded = encode_lab_steps(&[
            (code.clone(), "What now?".into(), "It shows a file.".into()),
            (code, "Next?".into(), "Done.".into()),
        ]);
        let steps = LabSteps(&encoded);
        assert_eq!(steps.len(), 2);
        let second = steps.get(1).unwrap();
        assert_eq!(
            second.evidence.blocks().next(),
            Some(Block::Code("$ ls\nfile"))
        );
        assert_eq!(second.read, Prose("Done."));
        assert_eq!(LabSteps("").len(), 0);
    }

    #[test]
    fn reserved_characters_are_control_characters_but_tab() {
        assert!(is_reserved('\u{10}') && is_reserved('\u{1e}') && is_reserved('\n'));
        assert!(!is_reserved('\t') && !is_reserved('{') && !is_reserved('é'));
    }
}
