//! Progress figures: per-category counts, the streak and the 12-week heatmap.
//! Pure: days are local day numbers computed from a UTC offset.

use std::collections::BTreeMap;

use crate::bank::{Category, Question};
use crate::data::records::{Answer, Schedule};
use crate::time;

/// A card counts as mastered once FSRS schedules it three weeks or more ahead.
pub const MASTERED_DAYS: i64 = 21;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CategoryProgress {
    pub new: usize,
    pub learning: usize,
    pub mastered: usize,
    pub due: usize,
    pub answered: usize,
}

pub fn category_progress(
    questions: &[&Question],
    category: Category,
    schedule: &Schedule,
    answers: &BTreeMap<String, Answer>,
    now_ms: i64,
) -> CategoryProgress {
    let mut out = CategoryProgress::default();
    for q in questions.iter().filter(|q| q.category == category) {
        match schedule.cards.get(q.id) {
            None => out.new += 1,
            Some(card) => {
                if card.state == 2 && card.scheduled_days >= MASTERED_DAYS {
                    out.mastered += 1;
                } else {
                    out.learning += 1;
                }
                if card.due_ms <= now_ms {
                    out.due += 1;
                }
            }
        }
        if answers.get(q.id).is_some_and(|a| !a.is_empty()) {
            out.answered += 1;
        }
    }
    out
}

/// Ratings per local day.
pub fn reviews_per_day(schedule: &Schedule, utc_offset_min: i32) -> BTreeMap<i64, usize> {
    let mut days = BTreeMap::new();
    for review in &schedule.reviews {
        *days
            .entry(time::local_day(review.at_ms, utc_offset_min))
            .or_insert(0) += 1;
    }
    days
}

/// Days in a row with at least one rating, ending today (or yesterday, so a
/// streak is not lost before today's practice).
pub fn streak(per_day: &BTreeMap<i64, usize>, today: i64) -> usize {
    let mut day = if per_day.contains_key(&today) {
        today
    } else {
        today - 1
    };
    let mut count = 0;
    while per_day.contains_key(&day) {
        count += 1;
        day -= 1;
    }
    count
}

/// One heatmap cell.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HeatCell {
    pub day: i64,
    pub count: usize,
    /// Column (week, oldest first) and row (0 Monday .. 6 Sunday).
    pub week: usize,
    pub weekday: usize,
}

/// The last `weeks` weeks as full Monday-to-Sunday columns, ending with the
/// week that holds today; days after today are left out.
pub fn heatmap(per_day: &BTreeMap<i64, usize>, today: i64, weeks: usize) -> Vec<HeatCell> {
    // Day 0 (1970-01-01) was a Thursday: weekday 3 counting Monday as 0.
    let weekday_of = |day: i64| (day + 3).rem_euclid(7) as usize;
    let this_monday = today - weekday_of(today) as i64;
    let first = this_monday - 7 * (weeks as i64 - 1);
    (first..=today)
        .map(|day| HeatCell {
            day,
            count: per_day.get(&day).copied().unwrap_or(0),
            week: ((day - first) / 7) as usize,
            weekday: weekday_of(day),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bank::QUESTIONS;
    use crate::schedule::{record_review, Grade};

    const NOW: i64 = 1_795_651_200_000; // Thursday 2026-11-26T00:00:00Z

    #[test]
    fn streak_counts_consecutive_days() {
        let per_day: BTreeMap<i64, usize> = [(10, 2), (11, 1), (12, 5), (14, 1)].into();
        assert_eq!(streak(&per_day, 14), 1);
        assert_eq!(streak(&per_day, 12), 3);
        assert_eq!(
            streak(&per_day, 13),
            3,
            "yesterday's streak still stands today"
        );
        assert_eq!(streak(&per_day, 16), 0);
        assert_eq!(streak(&BTreeMap::new(), 16), 0);
    }

    #[test]
    fn heatmap_is_twelve_aligned_weeks_ending_today() {
        let today = time::local_day(NOW, 0);
        let per_day: BTreeMap<i64, usize> = [(today, 3), (today - 1, 1), (today - 200, 9)].into();
        let cells = heatmap(&per_day, today, 12);
        assert_eq!(cells.first().unwrap().weekday, 0, "columns start on Monday");
        assert_eq!(cells.last().unwrap().day, today);
        assert_eq!(cells.last().unwrap().weekday, 3, "2026-11-26 is a Thursday");
        assert_eq!(cells.len(), 11 * 7 + 4);
        assert_eq!(cells.last().unwrap().week, 11);
        assert_eq!(
            cells.iter().map(|c| c.count).sum::<usize>(),
            4,
            "old days fall outside"
        );
    }

    #[test]
    fn category_progress_counts_states_and_answers() {
        let technical: Vec<&Question> = QUESTIONS
            .iter()
            .filter(|q| q.category == Category::Technical)
            .collect();
        let mut schedule = Schedule::default();
        record_review(&mut schedule, technical[0].id, Grade::Again, NOW, None);
        record_review(&mut schedule, technical[1].id, Grade::Good, NOW, None);
        let mut mastered = crate::schedule::rate(None, Grade::Easy, NOW, None);
        mastered.state = 2;
        mastered.scheduled_days = 40;
        mastered.due_ms = NOW + 40 * time::DAY_MS;
        schedule.cards.insert(technical[2].id.into(), mastered);
        let mut answers = BTreeMap::new();
        answers.insert(
            technical[0].id.to_string(),
            Answer {
                text: "words".into(),
                ..Answer::default()
            },
        );
        let progress = category_progress(
            &crate::bank::all(),
            Category::Technical,
            &schedule,
            &answers,
            NOW,
        );
        assert_eq!(progress.new, technical.len() - 3);
        assert_eq!(progress.learning, 2);
        assert_eq!(progress.mastered, 1);
        assert_eq!(progress.answered, 1);
        let later = category_progress(
            &crate::bank::all(),
            Category::Technical,
            &schedule,
            &answers,
            NOW + 2 * time::DAY_MS,
        );
        assert!(later.due >= 1);
    }
}
