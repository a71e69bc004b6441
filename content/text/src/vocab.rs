//! The bank's vocabulary: the categories, styles and difficulties a question
//! is filed under and the sections it is written in. The bank compiler reads
//! these words in the Markdown and the app shows them, both from here, so a
//! term is added or renamed in one place.

/// Declares a closed set of terms: the enum, `ALL` in the order the app
/// lists them, and for each term its slug (as the Markdown writes it) and
/// its label (as the app shows it).
macro_rules! terms {
    (
        $(#[$attr:meta])*
        pub enum $name:ident {
            $($variant:ident => $slug:literal, $label:literal,)+
        }
    ) => {
        $(#[$attr])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name {
            $($variant,)+
        }

        impl $name {
            pub const ALL: [$name; [$($slug),+].len()] = [$($name::$variant),+];

            pub fn slug(self) -> &'static str {
                match self {
                    $($name::$variant => $slug,)+
                }
            }

            pub fn from_slug(slug: &str) -> Option<$name> {
                $name::ALL.into_iter().find(|term| term.slug() == slug)
            }

            pub fn label(self) -> &'static str {
                match self {
                    $($name::$variant => $label,)+
                }
            }
        }
    };
}

terms! {
    /// What a question is for: the part of the interview it prepares.
    pub enum Category {
        General => "general", "General",
        Technical => "technical", "Technical",
        Behavioural => "behavioural", "Behavioural",
        Ask => "ask", "Questions to ask",
        Labs => "labs", "Labs",
    }
}

terms! {
    /// How a question is answered, which decides its headings and limits.
    pub enum Style {
        Story => "story", "Experience",
        Design => "design", "Design",
        Explain => "explain", "Explain",
        Star => "star", "STAR",
        Ask => "ask", "Ask",
        Lab => "lab", "Lab",
    }
}

terms! {
    /// How much experience a question assumes.
    pub enum Difficulty {
        Foundational => "foundational", "Foundational",
        Intermediate => "intermediate", "Intermediate",
        Advanced => "advanced", "Advanced",
    }
}

impl Category {
    /// One line on what the category practises, for the home page.
    pub fn blurb(self) -> &'static str {
        match self {
            Category::General => "Experience and judgement: how you have run real systems.",
            Category::Technical => "Technical depth and system design.",
            Category::Behavioural => "Stories about how you work, answered with STAR.",
            Category::Ask => "Questions you ask the interviewer, and how to read the answers.",
            Category::Labs => "Break-fix rounds: read the evidence, say what you would check next.",
        }
    }

    /// The styles a question of this category may be written in.
    pub fn allowed_styles(self) -> &'static [Style] {
        match self {
            Category::General => &[Style::Story, Style::Design],
            Category::Technical => &[Style::Explain, Style::Design],
            Category::Behavioural => &[Style::Star],
            Category::Ask => &[Style::Ask],
            Category::Labs => &[Style::Lab],
        }
    }
}

/// The sections of a question, in the order a question file gives them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Section {
    Why,
    Structure,
    TalkingPoints,
    Answer,
    Tip,
    Pitfalls,
    FollowUps,
}

impl Section {
    pub const ALL: [Section; 7] = [
        Section::Why,
        Section::Structure,
        Section::TalkingPoints,
        Section::Answer,
        Section::Tip,
        Section::Pitfalls,
        Section::FollowUps,
    ];
}

impl Style {
    /// The heading of a section, as the file writes it after `## ` and the
    /// reader sees it: questions to ask are about the interviewer's answer,
    /// so their first four sections are named for that.
    pub fn heading(self, section: Section) -> &'static str {
        match (self, section) {
            (Style::Ask, Section::Why) => "Why it is worth asking",
            (Style::Ask, Section::Structure) => "How to ask it",
            (Style::Ask, Section::TalkingPoints) => "Listen for",
            (Style::Ask, Section::Answer) => "What the answer reveals",
            (_, Section::Why) => "Why they ask",
            (_, Section::Structure) => "How to structure your answer",
            (_, Section::TalkingPoints) => "Talking points",
            (_, Section::Answer) => "Model answer",
            (_, Section::Tip) => "Tip",
            (_, Section::Pitfalls) => "Pitfalls",
            (_, Section::FollowUps) => "Follow-ups",
        }
    }

    /// The section a heading names in a question of this style, if any.
    pub fn section_named(self, heading: &str) -> Option<Section> {
        Section::ALL
            .into_iter()
            .find(|&section| self.heading(section) == heading)
    }
}

/// The sections of a lab, in the order its file gives them; `Step` repeats,
/// numbered from 1 (`## Step 1`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum LabSection {
    Why,
    Scenario,
    Step,
    RootCause,
    Fix,
    Prevention,
    FollowUps,
}

impl LabSection {
    pub const ALL: [LabSection; 7] = [
        LabSection::Why,
        LabSection::Scenario,
        LabSection::Step,
        LabSection::RootCause,
        LabSection::Fix,
        LabSection::Prevention,
        LabSection::FollowUps,
    ];

    /// The heading as the file writes it after `## ` (a step adds its number).
    pub fn heading(self) -> &'static str {
        match self {
            LabSection::Why => Style::Lab.heading(Section::Why),
            LabSection::Scenario => "Scenario",
            LabSection::Step => "Step",
            LabSection::RootCause => "Root cause",
            LabSection::Fix => "Fix",
            LabSection::Prevention => "Prevention",
            LabSection::FollowUps => Style::Lab.heading(Section::FollowUps),
        }
    }
}

/// The `### ` parts of a lab step, in order.
pub const LAB_STEP_PARTS: [&str; 3] = ["Evidence", "Prompt", "Expert read"];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_read_back_to_their_terms() {
        for category in Category::ALL {
            assert_eq!(Category::from_slug(category.slug()), Some(category));
        }
        for style in Style::ALL {
            assert_eq!(Style::from_slug(style.slug()), Some(style));
        }
        for difficulty in Difficulty::ALL {
            assert_eq!(Difficulty::from_slug(difficulty.slug()), Some(difficulty));
        }
        assert_eq!(Category::from_slug("General"), None);
    }

    #[test]
    fn headings_name_their_sections() {
        for style in Style::ALL {
            for section in Section::ALL {
                assert_eq!(style.section_named(style.heading(section)), Some(section));
            }
        }
        assert_eq!(Style::Ask.section_named("Why they ask"), None);
    }

    #[test]
    fn every_category_allows_a_style_and_every_style_has_a_category() {
        for category in Category::ALL {
            assert!(!category.allowed_styles().is_empty(), "{category:?}");
        }
        for style in Style::ALL {
            assert!(
                Category::ALL
                    .iter()
                    .any(|c| c.allowed_styles().contains(&style)),
                "{style:?}"
            );
        }
    }
}
