//! "Export answers as Markdown": every written answer under its question,
//! then the user's STAR stories with the questions they answer.

use crate::bank::Question;

use super::records::UserData;
use crate::time;

pub fn export(data: &UserData, questions: &[&Question], now_ms: i64) -> String {
    let mut out = format!(
        "# My OpsDrill answers\n\nExported {}.\n",
        time::iso_utc(now_ms)
    );
    let mut written = 0;
    for question in questions {
        let Some(answer) = data.answers.get(question.id).filter(|a| !a.is_empty()) else {
            continue;
        };
        written += 1;
        out.push_str(&format!(
            "\n## {}\n\n*{} · {} · last edited {}*\n\n",
            question.text,
            question.category.label(),
            question.id,
            time::format_date(answer.updated_ms.div_euclid(time::DAY_MS))
        ));
        export_answer(&mut out, answer);
    }
    // Answers whose question is not in this version of the bank.
    for (id, answer) in &data.answers {
        if answer.is_empty() || questions.iter().any(|q| q.id == id) {
            continue;
        }
        written += 1;
        out.push_str(&format!("\n## {id}\n\n"));
        export_answer(&mut out, answer);
    }
    if written == 0 {
        out.push_str("\nNo answers written yet.\n");
    }
    export_stories(&mut out, data, questions);
    export_own(&mut out, data);
    out
}

/// "# My questions": each own question with what the user wrote in its
/// sections, as written (the bank's light Markdown reads as it is).
fn export_own(out: &mut String, data: &UserData) {
    if data.own.is_empty() {
        return;
    }
    out.push_str("\n# My questions\n");
    for question in crate::own::as_questions(&data.own) {
        let Some(own) = data.own.get(question.id) else {
            continue;
        };
        out.push_str(&format!(
            "\n## {}\n\n*{} · {}",
            question.text,
            question.category.label(),
            question.id
        ));
        if !own.asked.is_empty() {
            out.push_str(&format!(" · asked: {}", own.asked));
        }
        out.push_str("*\n\n");
        for section in crate::bank::Section::ALL {
            let text = own.section(section).trim();
            if !text.is_empty() {
                out.push_str(&format!(
                    "### {}\n\n{text}\n\n",
                    question.style.heading(section)
                ));
            }
        }
    }
}

/// What the user wrote for one question: the answer or its STAR parts, a
/// lab's step reads, then the answers to follow-ups after each follow-up.
fn export_answer(out: &mut String, answer: &super::records::Answer) {
    if !answer.text.trim().is_empty() {
        out.push_str(answer.text.trim());
        out.push_str("\n\n");
    }
    for (label, part) in answer.star.parts() {
        if !part.trim().is_empty() {
            out.push_str(&format!("**{label}.** {}\n\n", part.trim()));
        }
    }
    for (n, step) in answer.steps.iter().enumerate() {
        if !step.trim().is_empty() {
            out.push_str(&format!("**Step {}.** {}\n\n", n + 1, step.trim()));
        }
    }
    for (question, text) in &answer.follow_ups {
        if !text.trim().is_empty() {
            out.push_str(&format!("**Follow-up: {question}** {}\n\n", text.trim()));
        }
    }
}

/// "# My stories": every story that has something written, most recently
/// edited first, with its tags, STAR parts and the questions it answers.
fn export_stories(out: &mut String, data: &UserData, questions: &[&Question]) {
    let stories = crate::stories::most_recent_first(&data.stories);
    let written: Vec<_> = stories.into_iter().filter(|(_, s)| !s.is_empty()).collect();
    if written.is_empty() {
        return;
    }
    out.push_str("\n# My stories\n");
    for (_, story) in written {
        out.push_str(&format!(
            "\n## {}\n\n*",
            crate::stories::display_title(story)
        ));
        if !story.tags.is_empty() {
            out.push_str(&format!("Tags: {} · ", story.tags.join(", ")));
        }
        out.push_str(&format!(
            "last edited {}*\n\n",
            time::format_date(story.updated_ms.div_euclid(time::DAY_MS))
        ));
        for (label, part) in story.star.parts() {
            if !part.trim().is_empty() {
                out.push_str(&format!("**{label}.** {}\n\n", part.trim()));
            }
        }
        if !story.questions.is_empty() {
            out.push_str("Answers:\n\n");
            // In bank order; ids no longer in the bank last, as they are.
            let mut linked: Vec<&str> = questions
                .iter()
                .filter(|q| story.questions.contains(q.id))
                .map(|q| q.text)
                .collect();
            linked.extend(
                story
                    .questions
                    .iter()
                    .filter(|id| !questions.iter().any(|q| q.id == id.as_str()))
                    .map(String::as_str),
            );
            for text in linked {
                out.push_str(&format!("- {text}\n"));
            }
            out.push('\n');
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bank::QUESTIONS;
    use crate::data::records::{Answer, StarText};

    #[test]
    fn every_answer_appears_under_its_question() {
        let mut data = UserData::default();
        let story = &QUESTIONS[0];
        data.answers.insert(
            story.id.into(),
            Answer {
                text: "We cut pages by 80%.".into(),
                ..Answer::default()
            },
        );
        data.answers.insert(
            "retired-question".into(),
            Answer {
                star: StarText {
                    situation: "An old story.".into(),
                    ..StarText::default()
                },
                ..Answer::default()
            },
        );
        let md = export(&data, &crate::bank::all(), 0);
        assert!(md.contains(&format!("## {}\n", story.text)));
        assert!(md.contains("We cut pages by 80%."));
        assert!(md.contains("## retired-question"));
        assert!(md.contains("An old story."));
        assert!(!md.contains("No answers written yet"));

        let mut lab = Answer::default();
        lab.set_step(1, "Conntrack is full.".into());
        lab.follow_ups
            .insert("What would you alert on?".into(), "Count over max.".into());
        data.answers.insert(story.id.into(), lab);
        let md = export(&data, &crate::bank::all(), 0);
        assert!(md.contains("**Step 2.** Conntrack is full."), "{md}");
        assert!(md.contains("**Follow-up: What would you alert on?** Count over max."));
        assert!(!md.contains("**Step 1.**"), "blank steps are left out");
        assert!(
            export(&UserData::default(), &crate::bank::all(), 0).contains("No answers written yet")
        );
    }

    #[test]
    fn stories_appear_with_tags_star_parts_and_linked_questions() {
        use crate::bank::Category;
        use crate::data::Story;
        let behavioural: Vec<_> = QUESTIONS
            .iter()
            .filter(|q| q.category == Category::Behavioural)
            .collect();
        let mut data = UserData::default();
        data.stories.insert(
            "s1".into(),
            Story {
                title: "The Friday failover".into(),
                star: StarText {
                    situation: "Primary database lost its disk.".into(),
                    result: "Back in 12 minutes, no data lost.".into(),
                    ..StarText::default()
                },
                tags: vec!["databases".into(), "incident".into()],
                questions: [behavioural[0].id.to_string(), "retired-question".into()]
                    .into_iter()
                    .collect(),
                updated_ms: 0,
            },
        );
        // Nothing written: left out.
        data.stories.insert("s2".into(), Story::default());
        let md = export(&data, &crate::bank::all(), 0);
        let stories = md.split("\n# My stories\n").nth(1).unwrap_or_default();
        assert!(stories.starts_with("\n## The Friday failover\n"), "{md}");
        assert!(stories.contains("*Tags: databases, incident · last edited 1970-01-01*"));
        assert!(stories.contains("**Situation.** Primary database lost its disk."));
        assert!(stories.contains("**Result.** Back in 12 minutes, no data lost."));
        assert!(!stories.contains("**Task.**"));
        assert!(stories.contains(&format!("- {}\n", behavioural[0].text)));
        assert!(stories.contains("- retired-question\n"));
        assert!(!stories.contains(crate::stories::UNTITLED));
        // No stories, no section.
        assert!(!export(&UserData::default(), &crate::bank::all(), 0).contains("# My stories"));
    }
}
