//! The user's own questions: written in the app or imported from a pack,
//! shown everywhere bank questions are. A record keeps what the user wrote
//! (each section's text in the bank's light Markdown) and, made from it when
//! it was saved, the sections in the bank's compact markup, so showing an own
//! question never parses Markdown: only writing or importing one does
//! (`own::pack`, which holds the bank compiler's parser and is loaded with
//! the editor).
//!
//! Each record becomes a `bank::Question` of its own (`as_question`), so
//! every view, the scheduler, mock interviews and commute mode take it as
//! they take a bank question.

pub mod asked;
pub mod pack;

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::bank::{Category, Difficulty, FollowUps, Items, Prose, Question, Section, Style, Text};

/// The prefix of every own question's id: the bank's ids never start with it
/// (`ids_never_collide_with_the_bank`), so an own question can never shadow
/// a bank question or take its answers.
pub const ID_PREFIX: &str = "mine-";

/// The categories an own question can be in (labs need steps the editor
/// does not offer).
pub const CATEGORIES: [Category; 4] = [
    Category::General,
    Category::Technical,
    Category::Behavioural,
    Category::Ask,
];

/// The sections in the app's compact markup (`opsdrill_text::markup`), as
/// the bank compiler encodes a bank question's: its type, stored as it is.
pub use opsdrill_bank_compiler::OwnMarkup;

/// One of the user's own questions. Stored one key per question.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct OwnQuestion {
    pub question: String,
    /// Slugs of the bank's vocabulary (`Category::slug` and so on).
    pub category: String,
    pub difficulty: String,
    pub style: String,
    /// Topic slugs: the bank's, or the user's own.
    pub topics: Vec<String>,
    /// Where it was asked ("Acme, 2026-11-30, onsite"), if the user said.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub asked: String,
    /// Each section's text as the user wrote it, by `section_key`; sections
    /// left empty are not kept.
    pub sections: BTreeMap<String, String>,
    /// The sections in the app's markup, made from `sections` when saved.
    pub markup: OwnMarkup,
    pub created_ms: i64,
    pub updated_ms: i64,
}

/// The name a section's text is stored under in `OwnQuestion::sections`.
pub fn section_key(section: Section) -> &'static str {
    match section {
        Section::Why => "why",
        Section::Structure => "structure",
        Section::TalkingPoints => "talking_points",
        Section::Answer => "answer",
        Section::Tip => "tip",
        Section::Pitfalls => "pitfalls",
        Section::FollowUps => "follow_ups",
    }
}

impl OwnQuestion {
    pub fn category(&self) -> Category {
        Category::from_slug(&self.category)
            .filter(|c| CATEGORIES.contains(c))
            .unwrap_or(Category::General)
    }

    /// The style, or the category's first when it does not suit it.
    pub fn style(&self) -> Style {
        let category = self.category();
        Style::from_slug(&self.style)
            .filter(|s| category.allowed_styles().contains(s))
            .unwrap_or(category.allowed_styles()[0])
    }

    pub fn difficulty(&self) -> Difficulty {
        Difficulty::from_slug(&self.difficulty).unwrap_or(Difficulty::Intermediate)
    }

    /// A section's text as written (empty when not given).
    pub fn section(&self, section: Section) -> &str {
        self.sections
            .get(section_key(section))
            .map_or("", String::as_str)
    }

    pub fn set_section(&mut self, section: Section, text: String) {
        if text.trim().is_empty() {
            self.sections.remove(section_key(section));
        } else {
            self.sections.insert(section_key(section).to_string(), text);
        }
    }
}

/// Whether `id` names an own question.
pub fn is_own(id: &str) -> bool {
    id.starts_with(ID_PREFIX)
}

/// A new id for a question with this text: `mine-` and the text's first
/// words as a slug, with a number when that is taken (by the user's
/// questions or the bank).
pub fn new_id(text: &str, taken: impl Fn(&str) -> bool) -> String {
    let words: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(6)
        .map(|w| w.to_lowercase())
        .collect();
    let stem: String = words
        .join("-")
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '-')
        .take(48)
        .collect();
    let stem = stem.trim_matches('-');
    let base = if stem.is_empty() {
        format!("{ID_PREFIX}question")
    } else {
        format!("{ID_PREFIX}{stem}")
    };
    let taken = |id: &str| taken(id) || crate::bank::find(id).is_some();
    if !taken(&base) {
        return base;
    }
    (2..)
        .map(|n| format!("{base}-{n}"))
        .find(|id| !taken(id))
        .expect("some number is free")
}

/// The displayed name of a topic: the bank's name for its slugs, the slug
/// in words for the user's own.
pub fn topic_label(slug: &str) -> String {
    match crate::bank::topic_name(slug) {
        "" => slug.replace('-', " "),
        name => name.to_string(),
    }
}

/// A topic as the user typed it, as a slug: a bank topic's slug when it
/// names one (by slug or by name), else the words joined by hyphens.
pub fn topic_slug(typed: &str) -> String {
    let typed = typed.trim();
    if let Some(topic) = crate::bank::TOPICS
        .iter()
        .find(|t| t.slug == typed || t.name.eq_ignore_ascii_case(typed))
    {
        return topic.slug.to_string();
    }
    typed
        .to_lowercase()
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join("-")
}

fn leak(text: &str) -> &'static str {
    if text.is_empty() {
        ""
    } else {
        String::leak(text.to_string())
    }
}

/// The question `record` shows as: a `bank::Question` whose sections are its
/// markup. Made once per version of the record and kept (the app has few own
/// questions and edits them rarely: each saved version costs its text).
pub fn as_question(id: &str, record: &OwnQuestion) -> &'static Question {
    thread_local! {
        static MADE: std::cell::RefCell<BTreeMap<String, (OwnQuestion, &'static Question)>> =
            Default::default();
    }
    MADE.with(|made| {
        if let Some((version, question)) = made.borrow().get(id) {
            if version == record {
                return *question;
            }
        }
        let m = &record.markup;
        let topics: Vec<&'static str> = record.topics.iter().map(|t| leak(t)).collect();
        let question: &'static Question = Box::leak(Box::new(Question {
            id: leak(id),
            category: record.category(),
            text: leak(&record.question),
            topics: Vec::leak(topics),
            difficulty: record.difficulty(),
            style: record.style(),
            why: Prose(Text::Static(leak(&m.why))),
            structure: Items(Text::Static(leak(&m.structure))),
            talking_points: Items(Text::Static(leak(&m.talking_points))),
            keywords: Text::Static(leak(&m.keywords)),
            answer: Prose(Text::Static(leak(&m.answer))),
            tip: Prose(Text::Static(leak(&m.tip))),
            pitfalls: Items(Text::Static(leak(&m.pitfalls))),
            follow_ups: FollowUps(Text::Static(leak(&m.follow_ups))),
            lab: None,
        }));
        made.borrow_mut()
            .insert(id.to_string(), (record.clone(), question));
        question
    })
}

/// The user's questions as questions, oldest first (then by id), for the
/// lists that follow the bank's.
pub fn as_questions(records: &BTreeMap<String, OwnQuestion>) -> Vec<&'static Question> {
    let mut all: Vec<(&String, &OwnQuestion)> = records.iter().collect();
    all.sort_by(|a, b| a.1.created_ms.cmp(&b.1.created_ms).then(a.0.cmp(b.0)));
    all.into_iter()
        .map(|(id, record)| as_question(id, record))
        .collect()
}

/// For other modules' tests: registers one own question, `text` in
/// `category` (its first style), as the app does once it is saved.
#[cfg(test)]
pub(crate) fn register_one(id: &str, text: &str, category: Category) -> &'static Question {
    let own = OwnQuestion {
        question: text.into(),
        category: category.slug().into(),
        style: category.allowed_styles()[0].slug().into(),
        difficulty: "advanced".into(),
        ..OwnQuestion::default()
    };
    let question = as_question(id, &own);
    crate::bank::register_own(vec![question]);
    question
}

/// Merges two versions of an own question: the one edited last keeps the
/// id; the other, when what it says differs, is returned too, to be kept
/// as a question of its own: nothing the user wrote is dropped.
pub fn merge(ours: &OwnQuestion, theirs: &OwnQuestion) -> (OwnQuestion, Option<OwnQuestion>) {
    let (newer, older) = if theirs.updated_ms > ours.updated_ms {
        (theirs, ours)
    } else {
        (ours, theirs)
    };
    let same_writing = OwnQuestion {
        created_ms: newer.created_ms,
        updated_ms: newer.updated_ms,
        ..older.clone()
    } == *newer;
    (newer.clone(), (!same_writing).then(|| older.clone()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(text: &str) -> OwnQuestion {
        OwnQuestion {
            question: text.into(),
            category: "technical".into(),
            style: "explain".into(),
            difficulty: "advanced".into(),
            topics: vec!["kubernetes".into(), "terraform-state".into()],
            markup: OwnMarkup {
                talking_points: "Split state by team\nLock with DynamoDB".into(),
                ..OwnMarkup::default()
            },
            ..OwnQuestion::default()
        }
    }

    #[test]
    fn ids_never_collide_with_the_bank() {
        assert!(crate::bank::QUESTIONS.iter().all(|q| !is_own(q.id)));
        let id = new_id("How would you split Terraform state for 40 teams?", |_| {
            false
        });
        assert_eq!(id, "mine-how-would-you-split-terraform-state");
        let taken = [id.clone(), format!("{id}-2")];
        assert_eq!(
            new_id("How would you split Terraform state?", |i| taken
                .iter()
                .any(|t| t == i)),
            format!("{id}-3")
        );
        assert_eq!(new_id("???", |_| false), "mine-question");
        assert_eq!(
            new_id("Über große Cluster", |_| false),
            "mine-ber-groe-cluster"
        );
    }

    #[test]
    fn a_record_shows_as_a_question_made_once_per_version() {
        let mut own = record("How do you split Terraform state?");
        let question = as_question("mine-a", &own);
        assert_eq!(question.text, "How do you split Terraform state?");
        assert_eq!(
            (question.category, question.style),
            (Category::Technical, Style::Explain)
        );
        assert_eq!(question.talking_points.len(), 2);
        assert!(std::ptr::eq(question, as_question("mine-a", &own)), "kept");
        own.question = "How do you split it?".into();
        let edited = as_question("mine-a", &own);
        assert_eq!(edited.text, "How do you split it?");
        assert!(question.why.decode().0.is_empty());
    }

    #[test]
    fn unknown_vocabulary_reads_as_the_nearest_sensible_term() {
        let own = OwnQuestion {
            category: "labs".into(),
            style: "star".into(),
            difficulty: "expert".into(),
            ..OwnQuestion::default()
        };
        assert_eq!(own.category(), Category::General);
        assert_eq!(own.style(), Style::Story);
        assert_eq!(own.difficulty(), Difficulty::Intermediate);
    }

    #[test]
    fn topics_typed_as_names_become_the_banks_slugs() {
        let topic = crate::bank::TOPICS[0];
        assert_eq!(topic_slug(&topic.name.to_uppercase()), topic.slug);
        assert_eq!(topic_slug(" Terraform State "), "terraform-state");
        assert_eq!(topic_label("terraform-state"), "terraform state");
        assert_eq!(topic_label(topic.slug), topic.name);
    }

    #[test]
    fn the_last_edit_keeps_the_id_and_the_other_is_kept_beside_it() {
        let mut ours = record("a");
        ours.updated_ms = 10;
        let mut theirs = record("b");
        theirs.updated_ms = 20;
        for (x, y) in [(&ours, &theirs), (&theirs, &ours)] {
            let (kept, other) = merge(x, y);
            assert_eq!(kept.question, "b");
            assert_eq!(other.map(|o| o.question).as_deref(), Some("a"));
        }
        let mut touched = ours.clone();
        touched.updated_ms = 30;
        assert_eq!(merge(&ours, &touched), (touched, None), "the same writing");
    }
}
