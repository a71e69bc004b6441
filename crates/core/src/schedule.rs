//! Spaced repetition with FSRS (the `rs-fsrs` crate): rating a question,
//! capping intervals at the interview date, and the practice queue. Pure.

use chrono::{DateTime, Utc};
use rs_fsrs::{Card, Rating, State, FSRS};

use crate::bank::{Category, Question};
use crate::data::records::{CardState, Review, Schedule};
use crate::time;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Grade {
    Again = 1,
    Hard = 2,
    Good = 3,
    Easy = 4,
}

impl Grade {
    pub const ALL: [Grade; 4] = [Grade::Again, Grade::Hard, Grade::Good, Grade::Easy];

    pub fn label(self) -> &'static str {
        match self {
            Grade::Again => "Again",
            Grade::Hard => "Hard",
            Grade::Good => "Good",
            Grade::Easy => "Easy",
        }
    }

    fn rating(self) -> Rating {
        match self {
            Grade::Again => Rating::Again,
            Grade::Hard => Rating::Hard,
            Grade::Good => Rating::Good,
            Grade::Easy => Rating::Easy,
        }
    }
}

fn instant(ms: i64) -> DateTime<Utc> {
    DateTime::from_timestamp_millis(ms).unwrap_or_default()
}

fn to_card(state: &CardState) -> Card {
    Card {
        due: instant(state.due_ms),
        stability: state.stability,
        difficulty: state.difficulty,
        elapsed_days: state.elapsed_days,
        scheduled_days: state.scheduled_days,
        reps: state.reps,
        lapses: state.lapses,
        state: match state.state {
            1 => State::Learning,
            2 => State::Review,
            3 => State::Relearning,
            _ => State::New,
        },
        last_review: instant(state.last_review_ms),
    }
}

fn from_card(card: &Card) -> CardState {
    CardState {
        due_ms: card.due.timestamp_millis(),
        stability: card.stability,
        difficulty: card.difficulty,
        elapsed_days: card.elapsed_days,
        scheduled_days: card.scheduled_days,
        reps: card.reps,
        lapses: card.lapses,
        state: card.state as u8,
        last_review_ms: card.last_review.timestamp_millis(),
    }
}

/// The next state of a card after a rating. With an interview ahead, the
/// card comes back no later than `interview_cap_ms` (see `interview_cap_ms`).
pub fn rate(
    previous: Option<&CardState>,
    grade: Grade,
    now_ms: i64,
    interview_cap_ms: Option<i64>,
) -> CardState {
    let card = match previous {
        Some(state) => to_card(state),
        None => Card {
            due: instant(now_ms),
            last_review: instant(now_ms),
            ..Card::default()
        },
    };
    let next = FSRS::default().next(card, instant(now_ms), grade.rating());
    let mut state = from_card(&next.card);
    if let Some(cap) = interview_cap_ms {
        if now_ms < cap && state.due_ms > cap {
            state.due_ms = cap;
            state.scheduled_days = (cap - now_ms).div_euclid(time::DAY_MS);
        }
    }
    state
}

/// Records a rating in the schedule.
pub fn record_review(
    schedule: &mut Schedule,
    id: &str,
    grade: Grade,
    now_ms: i64,
    interview_cap_ms: Option<i64>,
) {
    let next = rate(schedule.cards.get(id), grade, now_ms, interview_cap_ms);
    schedule.cards.insert(id.to_string(), next);
    schedule.reviews.push(Review {
        id: id.to_string(),
        at_ms: now_ms,
        rating: grade as u8,
    });
}

/// The latest a started question may come back: the start of the day before
/// the interview (local time), so every one is practised before the day.
pub fn interview_cap_ms(interview_date: Option<&str>, utc_offset_min: i32) -> Option<i64> {
    let day = time::parse_date(interview_date?)?;
    Some(time::local_midnight_ms(day - 1, utc_offset_min))
}

/// Whole days from today to the interview (0 on the day), if it is ahead.
pub fn days_until_interview(
    interview_date: Option<&str>,
    now_ms: i64,
    utc_offset_min: i32,
) -> Option<i64> {
    let day = time::parse_date(interview_date?)?;
    let today = time::local_day(now_ms, utc_offset_min);
    (day >= today).then_some(day - today)
}

/// What the Practice page offers, in order: cards due now (earliest first),
/// then questions never rated, up to what is left of today's new limit.
#[derive(Debug, Clone, PartialEq)]
pub struct PracticeQueue {
    pub due: Vec<&'static Question>,
    pub new: Vec<&'static Question>,
    /// New questions already started today.
    pub new_started_today: usize,
}

impl PracticeQueue {
    pub fn questions(&self) -> impl Iterator<Item = &'static Question> + '_ {
        self.due.iter().chain(self.new.iter()).copied()
    }
}

/// Where the Practice page looks: optional category, the daily limit, and
/// the interview cap (cards scheduled before the date was set still come
/// back by the cap).
pub struct QueueOptions {
    pub category: Option<Category>,
    pub daily_new_limit: u32,
    pub interview_cap_ms: Option<i64>,
    pub utc_offset_min: i32,
}

pub fn practice_queue(
    questions: &[&'static Question],
    schedule: &Schedule,
    options: &QueueOptions,
    now_ms: i64,
) -> PracticeQueue {
    let QueueOptions {
        category,
        daily_new_limit,
        interview_cap_ms,
        utc_offset_min,
    } = *options;
    let in_scope = |q: &&Question| category.is_none_or(|c| q.category == c);
    let mut due: Vec<(&'static Question, i64)> = questions
        .iter()
        .copied()
        .filter(in_scope)
        .filter_map(|q| {
            let card = schedule.cards.get(q.id)?;
            // Not practised since the cap: it comes back by the cap.
            let due_ms = match interview_cap_ms {
                Some(cap) if card.last_review_ms < cap => card.due_ms.min(cap),
                _ => card.due_ms,
            };
            (due_ms <= now_ms).then_some((q, due_ms))
        })
        .collect();
    due.sort_by_key(|(_, due_ms)| *due_ms);

    let today = time::local_day(now_ms, utc_offset_min);
    // A question was "started today" if its first review was today.
    let mut first_review: std::collections::BTreeMap<&str, i64> = Default::default();
    for review in &schedule.reviews {
        first_review
            .entry(review.id.as_str())
            .or_insert(review.at_ms);
    }
    let new_started_today = first_review
        .values()
        .filter(|at| time::local_day(**at, utc_offset_min) == today)
        .count();
    let room = (daily_new_limit as usize).saturating_sub(new_started_today);
    let mut new: Vec<&'static Question> = questions
        .iter()
        .copied()
        .filter(in_scope)
        .filter(|q| !schedule.cards.contains_key(q.id))
        .collect();
    // The user's own questions first: they added them to practise them.
    new.sort_by_key(|q| !crate::own::is_own(q.id));
    new.truncate(room);
    PracticeQueue {
        due: due.into_iter().map(|(q, _)| q).collect(),
        new,
        new_started_today,
    }
}

/// "in 3 days", "in 10 minutes": when a card comes back, for the rating buttons.
pub fn describe_interval(from_ms: i64, due_ms: i64) -> String {
    let minutes = (due_ms - from_ms).max(0) / 60_000;
    match minutes {
        0 => "now".into(),
        1 => "in 1 minute".into(),
        m if m < 60 => format!("in {m} minutes"),
        m if m < 120 => "in 1 hour".into(),
        m if m < 24 * 60 => format!("in {} hours", m / 60),
        m if m < 48 * 60 => "in 1 day".into(),
        m => format!("in {} days", m / (24 * 60)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bank::QUESTIONS;

    const NOW: i64 = 1_795_651_200_000; // 2026-11-26T00:00:00Z

    fn limit(daily_new_limit: u32) -> QueueOptions {
        QueueOptions {
            category: None,
            daily_new_limit,
            interview_cap_ms: None,
            utc_offset_min: 0,
        }
    }

    #[test]
    fn good_on_a_new_card_schedules_it_later_and_again_sooner() {
        let good = rate(None, Grade::Good, NOW, None);
        let again = rate(None, Grade::Again, NOW, None);
        assert!(good.due_ms > NOW);
        assert!(again.due_ms < good.due_ms);
        assert_eq!(good.reps, 1);
        assert_ne!(good.state, 0, "a rated card is no longer new");
        // Easy twice pushes the card days ahead.
        let easy = rate(None, Grade::Easy, NOW, None);
        let later = rate(Some(&easy), Grade::Easy, easy.due_ms, None);
        assert!(later.due_ms - easy.due_ms >= 3 * time::DAY_MS, "{later:?}");
    }

    #[test]
    fn interview_date_caps_every_interval() {
        let interview = interview_cap_ms(Some("2026-12-01"), 0).unwrap();
        assert_eq!(
            time::iso_utc(interview),
            "2026-11-30T00:00:00Z",
            "the day before"
        );
        let mut card = rate(None, Grade::Easy, NOW, Some(interview));
        for _ in 0..6 {
            // Practise when due, but always before the interview starts.
            let at = card.due_ms.min(interview - 3_600_000).max(NOW);
            card = rate(Some(&card), Grade::Easy, at, Some(interview));
            assert!(
                card.due_ms <= interview,
                "due {} after interview",
                card.due_ms
            );
        }
        assert_eq!(card.due_ms, interview);
        // Without the interview, the same ratings run far past it.
        let mut free = rate(None, Grade::Easy, NOW, None);
        for _ in 0..6 {
            free = rate(Some(&free), Grade::Easy, free.due_ms, None);
        }
        assert!(free.due_ms > interview + 30 * time::DAY_MS);
        // After the interview has started, no cap applies.
        let after = rate(None, Grade::Easy, interview + 1, Some(interview));
        assert!(after.due_ms > interview + 1);
    }

    #[test]
    fn cards_scheduled_before_the_date_was_set_come_back_by_the_cap() {
        let mut schedule = Schedule::default();
        let id = QUESTIONS[0].id;
        let mut card = rate(None, Grade::Easy, NOW, None);
        card.due_ms = NOW + 60 * time::DAY_MS;
        schedule.cards.insert(id.into(), card);
        let cap = interview_cap_ms(Some("2026-12-01"), 0);
        let options = |cap| QueueOptions {
            category: None,
            daily_new_limit: 0,
            interview_cap_ms: cap,
            utc_offset_min: 0,
        };
        let on_cap_day = cap.unwrap() + 1000;
        let due = |schedule: &Schedule, cap, at| {
            !practice_queue(&crate::bank::all(), schedule, &options(cap), at)
                .due
                .is_empty()
        };
        assert!(
            !due(&schedule, None, on_cap_day),
            "without the date: two months away"
        );
        assert!(!due(&schedule, cap, NOW), "not yet");
        assert!(
            due(&schedule, cap, on_cap_day),
            "back on the day before the interview"
        );
        // Practised on that day, it is not pulled back again.
        record_review(&mut schedule, id, Grade::Good, on_cap_day, cap);
        assert!(!due(&schedule, cap, on_cap_day + 1000));
    }

    #[test]
    fn days_until_interview_counts_local_days() {
        assert_eq!(days_until_interview(Some("2026-11-30"), NOW, 0), Some(4));
        assert_eq!(days_until_interview(Some("2026-11-26"), NOW, 0), Some(0));
        assert_eq!(days_until_interview(Some("2026-11-20"), NOW, 0), None);
        // 00:00 UTC is still the 25th in New York: five days to go.
        assert_eq!(days_until_interview(Some("2026-11-30"), NOW, -300), Some(5));
        assert_eq!(days_until_interview(None, NOW, 0), None);
    }

    #[test]
    fn queue_puts_due_first_then_new_up_to_the_daily_limit() {
        let mut schedule = Schedule::default();
        let (a, b) = (QUESTIONS[3].id, QUESTIONS[7].id);
        record_review(&mut schedule, a, Grade::Again, NOW - 3 * time::DAY_MS, None);
        record_review(&mut schedule, b, Grade::Good, NOW - 20 * time::DAY_MS, None);
        let queue = practice_queue(&crate::bank::all(), &schedule, &limit(5), NOW);
        let due: Vec<&str> = queue.due.iter().map(|q| q.id).collect();
        assert_eq!(due, vec![b, a], "earliest due first");
        assert_eq!(queue.new.len(), 5);
        assert!(queue.new.iter().all(|q| q.id != a && q.id != b));

        // Rating a due card moves it out of "due".
        record_review(&mut schedule, a, Grade::Good, NOW, None);
        let queue = practice_queue(&crate::bank::all(), &schedule, &limit(5), NOW);
        assert!(queue.due.iter().all(|q| q.id != a));

        // New questions started today use up the limit.
        for q in &QUESTIONS[20..23] {
            record_review(&mut schedule, q.id, Grade::Good, NOW + 1000, None);
        }
        let queue = practice_queue(&crate::bank::all(), &schedule, &limit(5), NOW + 2000);
        assert_eq!(
            queue.new_started_today, 3,
            "a and b were first rated days ago"
        );
        assert_eq!(queue.new.len(), 2);
    }

    #[test]
    fn the_users_own_questions_come_first_among_new_ones() {
        crate::own::register_one(
            "mine-split",
            "How do you split Terraform state?",
            Category::Technical,
        );
        let queue = practice_queue(&crate::bank::all(), &Schedule::default(), &limit(3), NOW);
        let new: Vec<&str> = queue.new.iter().map(|q| q.id).collect();
        assert_eq!(new, ["mine-split", QUESTIONS[0].id, QUESTIONS[1].id]);
    }

    #[test]
    fn queue_filters_by_category() {
        let options = QueueOptions {
            category: Some(Category::Ask),
            ..limit(100)
        };
        let queue = practice_queue(&crate::bank::all(), &Schedule::default(), &options, NOW);
        assert!(!queue.new.is_empty());
        assert!(queue.new.iter().all(|q| q.category == Category::Ask));
    }

    #[test]
    fn intervals_read_naturally() {
        assert_eq!(describe_interval(0, 30_000), "now");
        assert_eq!(describe_interval(0, 10 * 60_000), "in 10 minutes");
        assert_eq!(describe_interval(0, 5 * 3_600_000), "in 5 hours");
        assert_eq!(describe_interval(0, 3 * time::DAY_MS), "in 3 days");
    }
}
