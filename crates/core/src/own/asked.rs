//! "What I was asked": right after a real interview, the user logs the
//! company, the date, the round and one line per question. Each line becomes
//! an own question tagged with where it was asked (or, where the bank has
//! the same question, a link to the bank's), due for practice the next day,
//! and the interview goes into a log Progress shows.

use serde::{Deserialize, Serialize};

use super::{new_id, OwnQuestion};
use crate::bank::{Category, Question};
use crate::data::records::{CardState, Schedule};
use crate::time;

/// One real interview, as logged after it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Interview {
    pub company: String,
    /// `YYYY-MM-DD`.
    pub date: String,
    pub round: String,
    /// The questions asked, in order: own questions' ids, or the bank's.
    pub questions: Vec<String>,
    /// When it was logged: also what tells two logs apart in a merge.
    pub logged_ms: i64,
}

/// The interviews logged, oldest first. Stored under one key.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct InterviewLog {
    pub interviews: Vec<Interview>,
}

impl InterviewLog {
    /// Adds the interviews `other` has and this log does not.
    pub fn merge(&mut self, other: &InterviewLog) -> usize {
        let mut added = 0;
        for interview in &other.interviews {
            if !self
                .interviews
                .iter()
                .any(|i| i.logged_ms == interview.logged_ms)
            {
                self.interviews.push(interview.clone());
                added += 1;
            }
        }
        self.interviews.sort_by_key(|i| i.logged_ms);
        added
    }

    /// Most recent interview first (by its date, then when it was logged).
    pub fn latest_first(&self) -> Vec<&Interview> {
        let mut all: Vec<&Interview> = self.interviews.iter().collect();
        all.sort_by(|a, b| b.date.cmp(&a.date).then(b.logged_ms.cmp(&a.logged_ms)));
        all
    }
}

/// Where a question was asked, as an own question says it:
/// "Acme, 2026-11-30, onsite round 2" (the parts given).
pub fn asked_line(company: &str, date: &str, round: &str) -> String {
    [company, date, round]
        .iter()
        .map(|p| p.trim())
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join(", ")
}

/// The questions in what was typed: one per line, without list marks,
/// blank lines and repeats dropped.
pub fn question_lines(text: &str) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for line in text.lines() {
        let mut line = line.trim();
        for mark in ["- ", "* ", "• "] {
            line = line.strip_prefix(mark).unwrap_or(line);
        }
        if let Some((n, rest)) = line.split_once(['.', ')']) {
            if !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()) {
                line = rest;
            }
        }
        let line = line.trim().to_string();
        if !line.is_empty() && !lines.contains(&line) {
            lines.push(line);
        }
    }
    lines
}

/// How much of two sets of keywords they share (Dice's coefficient).
fn overlap(a: &[String], b: &[String]) -> f64 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let shared = a.iter().filter(|k| b.contains(k)).count();
    2.0 * shared as f64 / (a.len() + b.len()) as f64
}

/// How alike a line must be to a bank question to be offered as the same.
pub const SAME_QUESTION: f64 = 0.6;

/// The bank question a line most likely is, when one is close enough: the
/// two share most of their keywords (stems, without common words).
pub fn closest_in_bank(line: &str, questions: &[&'static Question]) -> Option<&'static Question> {
    let keys = opsdrill_text::keywords(line);
    questions
        .iter()
        .filter(|q| !super::is_own(q.id))
        .map(|q| (overlap(&keys, &opsdrill_text::keywords(q.text)), *q))
        .filter(|(score, _)| *score >= SAME_QUESTION)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, q)| q)
}

/// One line as the user settled it: its text, and the bank question it
/// stands for instead, if they chose the link.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    pub text: String,
    pub bank: Option<&'static str>,
}

/// What logging an interview adds.
#[derive(Debug, Clone, PartialEq)]
pub struct Logged {
    pub own: Vec<(String, OwnQuestion)>,
    pub interview: Interview,
}

/// Turns the lines into own questions (general, until the user edits them)
/// and the interview's log entry. Ids are new (`taken` and the bank's are
/// avoided), so nothing is overwritten.
pub fn log(
    company: &str,
    date: &str,
    round: &str,
    lines: &[Line],
    taken: impl Fn(&str) -> bool,
    now_ms: i64,
) -> Logged {
    let asked = asked_line(company, date, round);
    let mut own: Vec<(String, OwnQuestion)> = Vec::new();
    let mut ids = Vec::new();
    for (n, line) in lines.iter().enumerate() {
        if let Some(bank) = line.bank {
            ids.push(bank.to_string());
            continue;
        }
        let id = new_id(&line.text, |id| {
            taken(id) || own.iter().any(|(other, _)| other == id)
        });
        let record = OwnQuestion {
            question: line.text.clone(),
            category: Category::General.slug().to_string(),
            style: Category::General.allowed_styles()[0].slug().to_string(),
            difficulty: "intermediate".to_string(),
            asked: asked.clone(),
            created_ms: now_ms + n as i64,
            updated_ms: now_ms + n as i64,
            ..OwnQuestion::default()
        };
        ids.push(id.clone());
        own.push((id, record));
    }
    Logged {
        own,
        interview: Interview {
            company: company.trim().to_string(),
            date: date.trim().to_string(),
            round: round.trim().to_string(),
            questions: ids,
            logged_ms: now_ms,
        },
    }
}

/// Makes each question without a card due at the start of the next local
/// day: what was asked is practised tomorrow. Cards already there keep
/// their schedule.
pub fn due_tomorrow(schedule: &mut Schedule, ids: &[String], now_ms: i64, utc_offset_min: i32) {
    let tomorrow =
        time::local_midnight_ms(time::local_day(now_ms, utc_offset_min) + 1, utc_offset_min);
    for id in ids {
        schedule.cards.entry(id.clone()).or_insert(CardState {
            due_ms: tomorrow,
            ..CardState::default()
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_lose_their_marks_and_repeats() {
        assert_eq!(
            question_lines(
                "1. Why Kafka?\n\n- How do you page?\n2) Why Kafka?\n  • Tell me about a failure  "
            ),
            ["Why Kafka?", "How do you page?", "Tell me about a failure"]
        );
        assert_eq!(asked_line(" Acme ", "2026-11-30", ""), "Acme, 2026-11-30");
    }

    #[test]
    fn a_close_line_finds_its_bank_question_and_a_new_one_does_not() {
        let all = crate::bank::all();
        let bank = crate::bank::find("alert-fatigue").unwrap();
        // The same question, worded a little differently.
        let found = closest_in_bank(
            "How would you keep an on-call rotation from drowning in alerts?",
            &all,
        );
        assert_eq!(found.map(|q| q.id), Some(bank.id));
        assert_eq!(
            closest_in_bank("What is your favourite Terraform provider and why?", &all),
            None
        );
        assert_eq!(closest_in_bank("", &all), None);
    }

    #[test]
    fn logging_makes_own_questions_and_the_log_and_they_are_due_tomorrow() {
        let lines = [
            Line {
                text: "Why did you leave your last job?".into(),
                bank: None,
            },
            Line {
                text: "Alerts".into(),
                bank: Some("alert-fatigue"),
            },
            Line {
                text: "Why did you leave your last job?".into(),
                bank: None,
            },
        ];
        let logged = log("Acme", "2026-11-30", "onsite", &lines, |_| false, 1_000);
        let ids: Vec<&str> = logged
            .interview
            .questions
            .iter()
            .map(String::as_str)
            .collect();
        assert_eq!(
            ids,
            [
                "mine-why-did-you-leave-your-last",
                "alert-fatigue",
                "mine-why-did-you-leave-your-last-2"
            ]
        );
        assert_eq!(logged.own.len(), 2);
        assert_eq!(logged.own[0].1.asked, "Acme, 2026-11-30, onsite");
        assert!(crate::data::codec::validate_own(&logged.own[0].1).is_ok());

        let mut schedule = Schedule::default();
        schedule.cards.insert(
            "alert-fatigue".into(),
            CardState {
                due_ms: 5,
                ..CardState::default()
            },
        );
        let now = 1_796_000_000_000; // 2026-11-30T...Z
        due_tomorrow(&mut schedule, &logged.interview.questions, now, 60);
        let tomorrow = time::local_midnight_ms(time::local_day(now, 60) + 1, 60);
        assert_eq!(
            schedule.cards["mine-why-did-you-leave-your-last"].due_ms,
            tomorrow
        );
        assert_eq!(schedule.cards["alert-fatigue"].due_ms, 5, "kept");
    }

    #[test]
    fn logs_merge_without_repeats() {
        let one = |ms| Interview {
            logged_ms: ms,
            date: "2026-11-30".into(),
            ..Interview::default()
        };
        let mut ours = InterviewLog {
            interviews: vec![one(1), one(3)],
        };
        let theirs = InterviewLog {
            interviews: vec![one(2), one(3)],
        };
        assert_eq!(ours.merge(&theirs), 1);
        assert_eq!(
            ours.interviews
                .iter()
                .map(|i| i.logged_ms)
                .collect::<Vec<_>>(),
            [1, 2, 3]
        );
        assert_eq!(ours.latest_first()[0].logged_ms, 3);
    }
}
