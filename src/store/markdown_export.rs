//! "Export answers as Markdown": every written answer under its question.

use crate::bank::Question;

use super::records::UserData;
use super::time;

pub fn export(data: &UserData, questions: &[Question], now_ms: i64) -> String {
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
        if !answer.text.trim().is_empty() {
            out.push_str(answer.text.trim());
            out.push_str("\n\n");
        }
        for (label, part) in answer.star.parts() {
            if !part.trim().is_empty() {
                out.push_str(&format!("**{label}.** {}\n\n", part.trim()));
            }
        }
    }
    // Answers whose question is not in this version of the bank.
    for (id, answer) in &data.answers {
        if answer.is_empty() || questions.iter().any(|q| q.id == id) {
            continue;
        }
        written += 1;
        out.push_str(&format!("\n## {id}\n\n{}\n\n", answer.all_text().trim()));
    }
    if written == 0 {
        out.push_str("\nNo answers written yet.\n");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bank::QUESTIONS;
    use crate::store::records::{Answer, StarText};

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
        let md = export(&data, QUESTIONS, 0);
        assert!(md.contains(&format!("## {}\n", story.text)));
        assert!(md.contains("We cut pages by 80%."));
        assert!(md.contains("## retired-question"));
        assert!(md.contains("An old story."));
        assert!(!md.contains("No answers written yet"));
        assert!(export(&UserData::default(), QUESTIONS, 0).contains("No answers written yet"));
    }
}
