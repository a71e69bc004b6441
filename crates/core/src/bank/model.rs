//! The types the generated bank is made of: `content/compiler` writes
//! `QUESTIONS` and `TOPICS` with these types; each formatted section is a
//! piece of the bank's text (a file of its own, see `super::load_text`), in
//! a compact markup that the compiler validated and that decodes without
//! errors.

use opsdrill_text::markup;

/// The bank's vocabulary, shared with the compiler that read it from the
/// Markdown: one definition of each category, style, difficulty and heading.
pub use opsdrill_text::vocab::{Category, Difficulty, Section, Style};

/// The bank's formatted text is kept in the compact markup of
/// `opsdrill_text::markup` and decoded as it renders: a prose section into
/// `Block`s, a list section into `Inline` lines (a list item, a talking
/// point, a step), and those into `Span`s of one `SpanStyle`.
pub use opsdrill_text::markup::{Block, FollowUp, Inline, LabStep, Span, SpanStyle};

/// One chunk of the bank's text: the file it comes in, its first section's
/// number, and its size and fingerprint once unpacked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TextChunk {
    pub file: &'static str,
    pub first_section: u32,
    pub bytes: usize,
    pub fingerprint: u64,
}

/// Where a section's text is: the n-th section of the bank's compressed
/// text (empty until the app has loaded it), or a string of its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Text {
    Bank(u32),
    Static(&'static str),
}

impl Text {
    pub fn get(self) -> &'static str {
        match self {
            Text::Bank(n) => super::section(n as usize),
            Text::Static(text) => text,
        }
    }
}

/// Declares a section of the bank: a `Text` that decodes into the markup
/// type of the same name, with `decode` and a `From` for it.
macro_rules! section_text {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub struct $name(pub Text);

        impl $name {
            pub fn decode(self) -> markup::$name<'static> {
                markup::$name(self.0.get())
            }
        }

        impl From<$name> for markup::$name<'static> {
            fn from(section: $name) -> Self {
                section.decode()
            }
        }
    };
    // A section that is a list of `$item`s: also iter, len, is_empty, get.
    ($(#[$doc:meta])* $name:ident of $item:ident) => {
        section_text!($(#[$doc])* $name);

        impl $name {
            pub fn iter(self) -> impl Iterator<Item = $item<'static>> {
                self.decode().iter()
            }

            pub fn len(self) -> usize {
                self.decode().len()
            }

            pub fn is_empty(self) -> bool {
                self.decode().is_empty()
            }

            pub fn get(self, index: usize) -> Option<$item<'static>> {
                self.iter().nth(index)
            }
        }
    };
}

section_text! {
    /// A prose section: paragraphs, lists and code blocks.
    Prose
}

section_text! {
    /// A list section: its items.
    Items of Inline
}

section_text! {
    /// A question's follow-ups with their answers.
    FollowUps of FollowUp
}

section_text! {
    /// A lab's steps: evidence, prompt and expert read.
    LabSteps of LabStep
}

/// What a troubleshooting lab has instead of a model answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Lab {
    pub scenario: Prose,
    pub steps: LabSteps,
    pub root_cause: Prose,
    pub fix: Prose,
    pub prevention: Items,
}

impl Prose {
    pub fn blocks(self) -> impl Iterator<Item = Block<'static>> {
        self.decode().blocks()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Topic {
    pub slug: &'static str,
    pub name: &'static str,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Question {
    pub id: &'static str,
    pub category: Category,
    pub text: &'static str,
    pub topics: &'static [&'static str],
    pub difficulty: Difficulty,
    pub style: Style,
    pub why: Prose,
    pub structure: Items,
    pub talking_points: Items,
    /// The keywords of each talking point, one line per point, computed by
    /// the bank compiler: the stems of the point's own words, then, after a
    /// `+`, those of the synonyms its author listed in `{also: ...}`.
    pub keywords: Text,
    pub answer: Prose,
    pub tip: Prose,
    pub pitfalls: Items,
    pub follow_ups: FollowUps,
    /// A lab's scenario and steps: `Some` exactly for `Style::Lab`, whose
    /// structure, talking points, answer, tip and pitfalls are empty.
    pub lab: Option<Lab>,
}

impl Question {
    /// A question with no text in any section, for tests to fill in with
    /// struct update syntax (`Question { why, ..Question::blank("id") }`).
    pub const fn blank(id: &'static str) -> Question {
        const NO_PROSE: Prose = Prose(Text::Static(""));
        const NO_ITEMS: Items = Items(Text::Static(""));
        Question {
            id,
            category: Category::General,
            text: "",
            topics: &[],
            difficulty: Difficulty::Intermediate,
            style: Style::Story,
            why: NO_PROSE,
            structure: NO_ITEMS,
            talking_points: NO_ITEMS,
            keywords: Text::Static(""),
            answer: NO_PROSE,
            tip: NO_PROSE,
            pitfalls: NO_ITEMS,
            follow_ups: FollowUps(Text::Static("")),
            lab: None,
        }
    }

    /// Whether the question has something in `section` (a bank question
    /// always does; the user's own may leave any empty).
    pub fn has(&self, section: Section) -> bool {
        let text = match section {
            Section::Why => self.why.0,
            Section::Structure => self.structure.0,
            Section::TalkingPoints => self.talking_points.0,
            Section::Answer => self.answer.0,
            Section::Tip => self.tip.0,
            Section::Pitfalls => self.pitfalls.0,
            Section::FollowUps => self.follow_ups.0,
        };
        matches!(text, Text::Bank(_)) || !text.get().is_empty()
    }

    /// Section headings as the reader sees them; `ask` questions use their own.
    pub fn headings(&self) -> SectionHeadings {
        let heading = |section| self.style.heading(section);
        SectionHeadings {
            why: heading(Section::Why),
            structure: heading(Section::Structure),
            talking_points: heading(Section::TalkingPoints),
            answer: heading(Section::Answer),
        }
    }
}

pub struct SectionHeadings {
    pub why: &'static str,
    pub structure: &'static str,
    pub talking_points: &'static str,
    pub answer: &'static str,
}

/// The plain text of an inline run, for search and for titles.
pub fn inline_text(inline: Inline<'_>) -> String {
    inline.text()
}
