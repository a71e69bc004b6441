//! Commute mode's loop, hands-free: for each question, read the question and
//! why it is asked, wait while the user answers out loud, read the structure
//! and the talking points, then a follow-up, wait for its answer, read ours,
//! then wait for a rating. A lab: its scenario, then for each step the prompt
//! (the evidence is on screen), a wait for the user's read, and the expert's
//! read; then the root cause and the rating. Pure: the page feeds it
//! inputs (speech finished, the clock, pause, next, rated) with the current
//! time and carries out the actions it returns, so it is tested natively with
//! a fake clock.
//!
//! Without speech synthesis ("text mode") each part is shown for a reading
//! time based on its length instead of being spoken.

use crate::bank::model::inline_text;
use crate::bank::{Block, Question};

/// The parts read for each question, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    Question,
    Why,
    Structure,
    TalkingPoints,
    /// A follow-up an interviewer asks after the answer, then ours.
    FollowUp,
    FollowUpAnswer,
    /// A lab's scenario, a step's prompt and the expert's read (steps from
    /// 0), and the root cause.
    Scenario,
    StepPrompt(usize),
    ExpertRead(usize),
    RootCause,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    NotStarted,
    /// Speaking a part (or, in text mode, showing it for its reading time).
    Reading(Part),
    /// Waiting for the spoken answer, `answer_pause_ms` long.
    Answering,
    /// Waiting for the user's rating.
    Rating,
    Finished,
}

/// What the page must do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// Speak `text`; report the end with this token.
    Speak {
        token: u64,
        text: String,
    },
    CancelSpeech,
    /// A timed step runs until this time (ms); `tick` at or after it.
    WaitUntil(i64),
    ShowRating,
    /// The question at this index of the queue is now current.
    Question(usize),
    Finished,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Config {
    pub answer_pause_ms: i64,
    /// Speak parts; false for text mode (reading timers).
    pub voice: bool,
    /// Speaking rate in percent, which also scales text mode's reading time.
    pub rate_pct: u32,
    /// Decides which follow-up each question gets (the time, so each
    /// session asks others).
    pub seed: u64,
}

#[derive(Debug, Clone)]
pub struct Commute {
    queue: Vec<&'static Question>,
    config: Config,
    index: usize,
    step: Step,
    /// The end of the current timed step, while it runs.
    deadline: Option<i64>,
    paused: bool,
    /// What was left of the timed step when it was paused.
    left_when_paused: Option<i64>,
    /// Identifies the current utterance; ends of older ones are ignored.
    token: u64,
    rated: usize,
    /// What is read once the answer wait is over.
    after_answer: Part,
}

impl Commute {
    pub fn new(queue: Vec<&'static Question>, config: Config) -> Commute {
        Commute {
            queue,
            config,
            index: 0,
            step: Step::NotStarted,
            deadline: None,
            paused: false,
            left_when_paused: None,
            token: 0,
            rated: 0,
            after_answer: Part::Structure,
        }
    }

    pub fn step(&self) -> Step {
        self.step
    }

    pub fn paused(&self) -> bool {
        self.paused
    }

    /// Whether parts are spoken (false in text mode, or after speech failed).
    pub fn voice(&self) -> bool {
        self.config.voice
    }

    pub fn index(&self) -> usize {
        self.index
    }

    pub fn len(&self) -> usize {
        self.queue.len()
    }

    pub fn is_empty(&self) -> bool {
        self.queue.is_empty()
    }

    pub fn rated(&self) -> usize {
        self.rated
    }

    pub fn current(&self) -> Option<&'static Question> {
        match self.step {
            Step::NotStarted | Step::Finished => None,
            _ => self.queue.get(self.index).copied(),
        }
    }

    /// While answering: what is read when the wait is over.
    pub fn answering_for(&self) -> Option<Part> {
        (self.step == Step::Answering).then_some(self.after_answer)
    }

    /// The follow-up asked after the current question, by its position
    /// among the question's follow-ups: one asked first in the interview,
    /// a different one each session.
    pub fn follow_up(&self) -> Option<usize> {
        let question = self.current()?;
        follow_up_for(question, self.config.seed.wrapping_add(self.index as u64))
    }

    /// What the screen shows at this step: the parts read so far of what
    /// the user is to compare their answer with.
    pub fn parts_shown(&self) -> Vec<Part> {
        let Some(question) = self.current() else {
            return Vec::new();
        };
        let answer_parts = [Part::Structure, Part::TalkingPoints];
        let follow_up = self
            .follow_up()
            .map(|_| [Part::FollowUp, Part::FollowUpAnswer]);
        let reading = match self.step {
            Step::Reading(part) => part,
            // While the user answers, only what they answer stays: nothing
            // for the question, the follow-up, a step's evidence.
            Step::Answering => {
                return match self.after_answer {
                    Part::FollowUpAnswer => vec![Part::FollowUp],
                    Part::ExpertRead(step) => vec![Part::StepPrompt(step)],
                    _ => Vec::new(),
                }
            }
            Step::Rating if question.lab.is_some() => return vec![Part::RootCause],
            Step::Rating => {
                return answer_parts
                    .into_iter()
                    .chain(follow_up.into_iter().flatten())
                    .collect()
            }
            Step::NotStarted | Step::Finished => return Vec::new(),
        };
        match reading {
            Part::Question => Vec::new(),
            Part::TalkingPoints => answer_parts.to_vec(),
            Part::FollowUpAnswer => vec![Part::FollowUp, Part::FollowUpAnswer],
            Part::ExpertRead(step) => vec![Part::StepPrompt(step), Part::ExpertRead(step)],
            other => vec![other],
        }
    }

    /// Time left in the current timed step (frozen while paused); none
    /// while speaking (its deadline is only a backstop).
    pub fn remaining_ms(&self, now: i64) -> Option<i64> {
        if self.config.voice && matches!(self.step, Step::Reading(_)) {
            None
        } else if self.paused {
            self.left_when_paused
        } else {
            self.deadline.map(|d| (d - now).max(0))
        }
    }

    pub fn start(&mut self, now: i64) -> Vec<Action> {
        let mut actions = Vec::new();
        if self.step == Step::NotStarted {
            self.enter_question(0, now, &mut actions);
        }
        actions
    }

    /// The utterance with `token` finished.
    pub fn speech_ended(&mut self, token: u64, now: i64) -> Vec<Action> {
        let mut actions = Vec::new();
        if let Step::Reading(part) = self.step {
            if token == self.token && self.config.voice && !self.paused {
                self.after(part, now, &mut actions);
            }
        }
        actions
    }

    /// The utterance with `token` failed: the rest runs in text mode.
    pub fn speech_failed(&mut self, token: u64, now: i64) -> Vec<Action> {
        let mut actions = Vec::new();
        if let Step::Reading(part) = self.step {
            if token == self.token && self.config.voice {
                self.config.voice = false;
                if self.paused {
                    self.left_when_paused = Some(self.reading_ms(part));
                } else {
                    self.enter_part(part, now, &mut actions);
                }
            }
        }
        actions
    }

    /// The clock moved: a timed step that is over moves on.
    pub fn tick(&mut self, now: i64) -> Vec<Action> {
        let mut actions = Vec::new();
        match self.deadline {
            Some(deadline) if !self.paused && now >= deadline => {
                // (Speech's backstop counts too: see `enter_part`.)
                self.deadline = None;
                match self.step {
                    Step::Answering => self.enter_part(self.after_answer, now, &mut actions),
                    Step::Reading(part) => {
                        if self.config.voice {
                            actions.push(Action::CancelSpeech);
                        }
                        self.after(part, now, &mut actions)
                    }
                    _ => {}
                }
            }
            _ => {}
        }
        actions
    }

    /// Pauses speech or a wait; a wait keeps what was left of it.
    pub fn pause(&mut self, now: i64) -> Vec<Action> {
        let mut actions = Vec::new();
        if self.paused || !matches!(self.step, Step::Reading(_) | Step::Answering) {
            return actions;
        }
        self.paused = true;
        self.left_when_paused = self.deadline.take().map(|d| (d - now).max(0));
        if matches!(self.step, Step::Reading(_)) && self.config.voice {
            self.token += 1;
            actions.push(Action::CancelSpeech);
        }
        actions
    }

    /// Resumes a wait where it was paused; speech restarts the part it was
    /// reading (browsers cannot all resume an utterance reliably).
    pub fn resume(&mut self, now: i64) -> Vec<Action> {
        let mut actions = Vec::new();
        if !self.paused {
            return actions;
        }
        self.paused = false;
        let left = self.left_when_paused.take();
        match (self.step, left) {
            (Step::Reading(part), _) if self.config.voice => {
                self.enter_part(part, now, &mut actions)
            }
            (Step::Reading(_) | Step::Answering, Some(left)) => {
                let deadline = now + left;
                self.deadline = Some(deadline);
                actions.push(Action::WaitUntil(deadline));
            }
            (Step::Reading(part), None) => self.enter_part(part, now, &mut actions),
            _ => {}
        }
        actions
    }

    pub fn toggle_pause(&mut self, now: i64) -> Vec<Action> {
        if self.paused {
            self.resume(now)
        } else {
            self.pause(now)
        }
    }

    /// Skips to the next question from any step (unrated).
    pub fn next(&mut self, now: i64) -> Vec<Action> {
        let mut actions = Vec::new();
        if matches!(self.step, Step::NotStarted | Step::Finished) {
            return actions;
        }
        self.stop_speaking(&mut actions);
        self.enter_question(self.index + 1, now, &mut actions);
        actions
    }

    /// The current question was rated: on to the next.
    pub fn rated_current(&mut self, now: i64) -> Vec<Action> {
        let mut actions = Vec::new();
        if self.step == Step::Rating {
            self.rated += 1;
            self.enter_question(self.index + 1, now, &mut actions);
        }
        actions
    }

    /// Ends the session early.
    pub fn stop(&mut self) -> Vec<Action> {
        let mut actions = Vec::new();
        if matches!(self.step, Step::NotStarted | Step::Finished) {
            return actions;
        }
        self.stop_speaking(&mut actions);
        self.finish(&mut actions);
        actions
    }

    fn stop_speaking(&mut self, actions: &mut Vec<Action>) {
        if matches!(self.step, Step::Reading(_)) && self.config.voice && !self.paused {
            actions.push(Action::CancelSpeech);
        }
        self.token += 1;
    }

    fn finish(&mut self, actions: &mut Vec<Action>) {
        self.step = Step::Finished;
        self.deadline = None;
        self.paused = false;
        self.left_when_paused = None;
        actions.push(Action::Finished);
    }

    fn enter_question(&mut self, index: usize, now: i64, actions: &mut Vec<Action>) {
        self.paused = false;
        self.left_when_paused = None;
        self.deadline = None;
        if index >= self.queue.len() {
            self.finish(actions);
            return;
        }
        self.index = index;
        actions.push(Action::Question(index));
        self.enter_part(Part::Question, now, actions);
    }

    fn enter_part(&mut self, part: Part, now: i64, actions: &mut Vec<Action>) {
        self.step = Step::Reading(part);
        self.token += 1;
        if self.config.voice {
            if let Some(q) = self.queue.get(self.index) {
                actions.push(Action::Speak {
                    token: self.token,
                    text: spoken_text(q, part, self.follow_up()),
                });
            }
            // A backstop: some engines (a locked phone) never report the
            // end; the loop moves on well after the speech should be over.
            let deadline = now + SPEECH_BACKSTOP_FACTOR * self.reading_ms(part) + 10_000;
            self.deadline = Some(deadline);
            actions.push(Action::WaitUntil(deadline));
        } else {
            let deadline = now + self.reading_ms(part);
            self.deadline = Some(deadline);
            actions.push(Action::WaitUntil(deadline));
        }
    }

    fn after(&mut self, part: Part, now: i64, actions: &mut Vec<Action>) {
        let lab = self.current().and_then(|q| q.lab);
        match part {
            Part::Question if lab.is_some() => self.enter_part(Part::Scenario, now, actions),
            Part::Question => self.enter_part(Part::Why, now, actions),
            Part::Why => self.answer(Part::Structure, self.config.answer_pause_ms, now, actions),
            Part::Structure => self.enter_part(Part::TalkingPoints, now, actions),
            Part::TalkingPoints if self.follow_up().is_some() => {
                self.enter_part(Part::FollowUp, now, actions)
            }
            Part::FollowUp => {
                self.answer(Part::FollowUpAnswer, self.short_pause_ms(), now, actions)
            }
            Part::Scenario => self.enter_part(Part::StepPrompt(0), now, actions),
            Part::StepPrompt(step) => {
                self.answer(Part::ExpertRead(step), self.short_pause_ms(), now, actions)
            }
            Part::ExpertRead(step) if lab.is_some_and(|lab| step + 1 < lab.steps.len()) => {
                self.enter_part(Part::StepPrompt(step + 1), now, actions)
            }
            Part::ExpertRead(_) => self.enter_part(Part::RootCause, now, actions),
            Part::TalkingPoints | Part::FollowUpAnswer | Part::RootCause => {
                self.step = Step::Rating;
                self.deadline = None;
                actions.push(Action::ShowRating);
            }
        }
    }

    /// Waits `pause_ms` for the user's spoken answer, then reads `next`.
    fn answer(&mut self, next: Part, pause_ms: i64, now: i64, actions: &mut Vec<Action>) {
        self.step = Step::Answering;
        self.after_answer = next;
        let deadline = now + pause_ms;
        self.deadline = Some(deadline);
        actions.push(Action::WaitUntil(deadline));
    }

    /// A follow-up's answer or a lab step's read is shorter than an answer
    /// to the question: half the answer pause, at least ten seconds.
    fn short_pause_ms(&self) -> i64 {
        (self.config.answer_pause_ms / 2).max(10_000)
    }

    fn reading_ms(&self, part: Part) -> i64 {
        self.queue.get(self.index).map_or(MIN_READING_MS, |q| {
            reading_ms(
                &spoken_text(q, part, self.follow_up()),
                self.config.rate_pct,
            )
        })
    }
}

const MIN_READING_MS: i64 = 4_000;
/// Speech is given this many times text mode's reading time (plus 10 s)
/// before the loop stops waiting for its end.
const SPEECH_BACKSTOP_FACTOR: i64 = 3;

/// Text mode's time to read `text`: about 180 words a minute at 100 %,
/// scaled by the rate, and never under four seconds.
pub fn reading_ms(text: &str, rate_pct: u32) -> i64 {
    let words = text.split_whitespace().count() as i64;
    let rate = i64::from(rate_pct.max(1));
    (words * 60_000 * 100 / (180 * rate)).max(MIN_READING_MS)
}

/// Which of `question`'s first-level follow-ups `seed` picks.
fn follow_up_for(question: &Question, seed: u64) -> Option<usize> {
    let first_level: Vec<usize> = question
        .follow_ups
        .iter()
        .enumerate()
        .filter(|(_, f)| f.depth == 1)
        .map(|(i, _)| i)
        .collect();
    if first_level.is_empty() {
        return None;
    }
    Some(first_level[(seed % first_level.len() as u64) as usize])
}

/// A part's heading as the reader sees it.
pub fn part_heading(q: &Question, part: Part) -> String {
    let headings = q.headings();
    let steps = q.lab.map_or(0, |lab| lab.steps.len());
    match part {
        Part::Question => "Question".into(),
        Part::Why => headings.why.into(),
        Part::Structure => headings.structure.into(),
        Part::TalkingPoints => headings.talking_points.into(),
        Part::FollowUp => "A follow-up".into(),
        Part::FollowUpAnswer => "Our answer".into(),
        Part::Scenario => "Scenario".into(),
        Part::StepPrompt(step) => format!("Step {} of {steps}", step + 1),
        Part::ExpertRead(_) => "Expert read".into(),
        Part::RootCause => "Root cause".into(),
    }
}

/// The sentence that stands in for a step's evidence when it is read aloud.
pub const EVIDENCE_ON_SCREEN: &str = "The evidence is on screen.";
const EVIDENCE_ON_SCREEN_INLINE: crate::bank::Inline<'static> =
    crate::bank::Inline(EVIDENCE_ON_SCREEN);

/// A part as plain lines, for speech and the text view: a paragraph or a
/// list item a line; code is left out (it does not read aloud, and a lab's
/// evidence is on screen instead). The one place that knows how bank
/// content is encoded. `follow_up`: which follow-up (see `Commute::follow_up`).
pub fn part_lines(q: &Question, part: Part, follow_up: Option<usize>) -> Vec<String> {
    let mut lines = Vec::new();
    let mut push = |text: String| {
        let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
        if !text.is_empty() {
            lines.push(text);
        }
    };
    let mut prose = |blocks: &mut dyn Iterator<Item = Block<'static>>| {
        for block in blocks {
            match block {
                Block::Paragraph(inline) => push(inline_text(inline)),
                Block::List { items, .. } => items.iter().for_each(|i| push(inline_text(i))),
                Block::Code(_) => {}
            }
        }
    };
    let step = |index: usize| q.lab.and_then(|lab| lab.steps.get(index));
    let asked = follow_up.and_then(|index| q.follow_ups.get(index));
    match part {
        Part::Question => return vec![q.text.split_whitespace().collect::<Vec<_>>().join(" ")],
        Part::Why => prose(&mut q.why.blocks()),
        Part::Structure => return items_lines(q.structure.iter()),
        Part::TalkingPoints => return items_lines(q.talking_points.iter()),
        Part::FollowUp => {
            return asked
                .map(|f| vec![inline_text(f.question)])
                .unwrap_or_default()
        }
        Part::FollowUpAnswer => {
            if let Some(f) = asked {
                prose(&mut f.answer.blocks());
            }
        }
        Part::Scenario => {
            if let Some(lab) = q.lab {
                prose(&mut lab.scenario.blocks());
            }
        }
        Part::StepPrompt(index) => {
            if let Some(step) = step(index) {
                prose(&mut std::iter::once(Block::Paragraph(
                    EVIDENCE_ON_SCREEN_INLINE,
                )));
                prose(&mut step.prompt.blocks());
            }
        }
        Part::ExpertRead(index) => {
            if let Some(step) = step(index) {
                prose(&mut step.read.blocks());
            }
        }
        Part::RootCause => {
            if let Some(lab) = q.lab {
                prose(&mut lab.root_cause.blocks());
            }
        }
    }
    lines
}

/// A list section's items as plain lines.
fn items_lines(items: impl Iterator<Item = crate::bank::Inline<'static>>) -> Vec<String> {
    items
        .map(|i| {
            inline_text(i)
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
        })
        .filter(|l| !l.is_empty())
        .collect()
}

/// What is spoken for a part: its heading (except for the question), then
/// its lines, each ending like a sentence so the voice pauses between them.
pub fn spoken_text(q: &Question, part: Part, follow_up: Option<usize>) -> String {
    let mut lines = part_lines(q, part, follow_up);
    if part != Part::Question {
        lines.insert(0, part_heading(q, part));
    }
    lines
        .into_iter()
        .map(|line| {
            if line.ends_with(['.', '!', '?', ':', ';']) {
                line
            } else {
                format!("{line}.")
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Splits text to speak into utterances of at most about `max` characters,
/// at line ends and then sentence ends: some browsers stop long utterances.
pub fn speech_chunks(text: &str, max: usize) -> Vec<String> {
    let mut chunks = Vec::new();
    for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
        let mut current = String::new();
        for sentence in line.split_inclusive(['.', '!', '?']) {
            if !current.is_empty() && current.len() + sentence.len() > max {
                chunks.push(current.trim().to_string());
                current.clear();
            }
            current.push_str(sentence);
        }
        if !current.trim().is_empty() {
            chunks.push(current.trim().to_string());
        }
    }
    chunks
}

/// "1:23" for a countdown.
pub fn format_left(ms: i64) -> String {
    crate::time::minutes_seconds((ms.max(0) + 999) / 1000)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bank::{Category, Difficulty, SpanStyle, Style, QUESTIONS};

    const PAUSE: i64 = 90_000;

    fn voiced() -> Config {
        Config {
            answer_pause_ms: PAUSE,
            voice: true,
            rate_pct: 100,
            seed: 0,
        }
    }

    fn queue(n: usize) -> Vec<&'static Question> {
        QUESTIONS.iter().take(n).collect()
    }

    fn spoken(actions: &[Action]) -> Option<(u64, String)> {
        actions.iter().find_map(|a| match a {
            Action::Speak { token, text } => Some((*token, text.clone())),
            _ => None,
        })
    }

    /// Ends the utterance the actions started; returns the next actions.
    fn finish_speech(c: &mut Commute, actions: &[Action], now: i64) -> Vec<Action> {
        let (token, _) = spoken(actions).expect("something is spoken");
        c.speech_ended(token, now)
    }

    #[test]
    fn speaks_question_why_waits_then_structure_points_and_asks_for_a_rating() {
        let q = queue(2);
        let mut c = Commute::new(q.clone(), voiced());
        let mut said = Vec::new();
        let mut now = 1_000;
        let mut actions = c.start(now);
        assert_eq!(actions[0], Action::Question(0));
        for part in [Part::Question, Part::Why] {
            assert_eq!(c.step(), Step::Reading(part));
            said.push(spoken(&actions).unwrap().1);
            now += 5_000;
            actions = finish_speech(&mut c, &actions, now);
        }
        assert_eq!(c.step(), Step::Answering);
        assert_eq!(actions, vec![Action::WaitUntil(now + PAUSE)]);
        assert_eq!(c.remaining_ms(now + 1_000), Some(PAUSE - 1_000));
        // Nothing is spoken while the user answers.
        assert!(c.tick(now + PAUSE - 1).is_empty());
        assert_eq!(c.step(), Step::Answering);
        now += PAUSE;
        actions = c.tick(now);
        for part in [Part::Structure, Part::TalkingPoints] {
            assert_eq!(c.step(), Step::Reading(part));
            said.push(spoken(&actions).unwrap().1);
            now += 5_000;
            actions = finish_speech(&mut c, &actions, now);
        }
        // Then a follow-up, a shorter wait for its answer, and ours.
        let asked = c.follow_up();
        assert!(asked.is_some(), "{} has follow-ups", q[0].id);
        assert_eq!(c.step(), Step::Reading(Part::FollowUp));
        said.push(spoken(&actions).unwrap().1);
        now += 5_000;
        actions = finish_speech(&mut c, &actions, now);
        assert_eq!(c.answering_for(), Some(Part::FollowUpAnswer));
        assert_eq!(actions, vec![Action::WaitUntil(now + PAUSE / 2)]);
        assert_eq!(c.parts_shown(), [Part::FollowUp]);
        now += PAUSE / 2;
        actions = c.tick(now);
        assert_eq!(c.step(), Step::Reading(Part::FollowUpAnswer));
        said.push(spoken(&actions).unwrap().1);
        actions = finish_speech(&mut c, &actions, now);
        assert_eq!(actions, vec![Action::ShowRating]);
        assert_eq!(c.step(), Step::Rating);
        assert_eq!(
            c.parts_shown(),
            [
                Part::Structure,
                Part::TalkingPoints,
                Part::FollowUp,
                Part::FollowUpAnswer
            ]
        );
        let expected: Vec<String> = [
            Part::Question,
            Part::Why,
            Part::Structure,
            Part::TalkingPoints,
            Part::FollowUp,
            Part::FollowUpAnswer,
        ]
        .into_iter()
        .map(|p| spoken_text(q[0], p, asked))
        .collect();
        let follow_up = q[0].follow_ups.get(asked.unwrap()).unwrap();
        assert!(said[4].contains(&inline_text(follow_up.question)));
        assert_eq!(said, expected);
        assert_eq!(
            said[0],
            q[0].text.to_string() + if q[0].text.ends_with('?') { "" } else { "." }
        );
        assert!(said[1].starts_with(q[0].headings().why));
        // The rating step waits for the user, however long.
        assert!(c.tick(now + 3_600_000).is_empty());
        assert_eq!(c.step(), Step::Rating);
    }

    #[test]
    fn speech_that_never_ends_is_given_up_after_a_backstop() {
        let q = queue(1);
        let mut c = Commute::new(q.clone(), voiced());
        let actions = c.start(0);
        let backstop = actions
            .iter()
            .find_map(|a| match a {
                Action::WaitUntil(at) => Some(*at),
                _ => None,
            })
            .unwrap();
        assert!(backstop >= 3 * c.reading_ms(Part::Question) + 10_000);
        assert_eq!(c.remaining_ms(0), None, "no countdown while speaking");
        assert!(c.tick(backstop - 1).is_empty());
        let actions = c.tick(backstop);
        assert_eq!(actions[0], Action::CancelSpeech);
        assert_eq!(c.step(), Step::Reading(Part::Why));
    }

    #[test]
    fn a_stale_or_paused_speech_end_does_not_move_on() {
        let mut c = Commute::new(queue(1), voiced());
        let actions = c.start(0);
        let (token, _) = spoken(&actions).unwrap();
        assert!(c.speech_ended(token + 7, 10).is_empty());
        assert_eq!(c.pause(20), vec![Action::CancelSpeech]);
        // Cancelling fires the old utterance's end: ignored.
        assert!(c.speech_ended(token, 30).is_empty());
        assert_eq!(c.step(), Step::Reading(Part::Question));
        // Resuming reads the part again from its start.
        let again = c.resume(40);
        let (new_token, text) = spoken(&again).unwrap();
        assert_ne!(new_token, token);
        assert_eq!(
            text,
            spoken_text(c.current().unwrap(), Part::Question, None)
        );
        assert!(c.speech_ended(token, 50).is_empty());
        c.speech_ended(new_token, 60);
        assert_eq!(c.step(), Step::Reading(Part::Why));
    }

    #[test]
    fn the_answer_wait_honours_the_pause_length_under_pause_and_resume() {
        let mut c = Commute::new(queue(1), voiced());
        let mut actions = c.start(0);
        actions = finish_speech(&mut c, &actions, 1_000);
        finish_speech(&mut c, &actions, 2_000);
        assert_eq!(c.step(), Step::Answering);
        // 30 s in, pause for ten minutes: the wait does not run out.
        assert!(c.tick(32_000).is_empty());
        assert!(
            c.pause(32_000).is_empty(),
            "nothing to cancel while waiting"
        );
        assert!(c.paused());
        assert_eq!(c.remaining_ms(32_000), Some(PAUSE - 30_000));
        assert!(c.tick(32_000 + PAUSE).is_empty());
        assert!(c.tick(632_000).is_empty());
        assert_eq!(c.step(), Step::Answering);
        assert_eq!(
            c.remaining_ms(632_000),
            Some(PAUSE - 30_000),
            "frozen while paused"
        );
        // Resumed: the 60 s that were left, no more, no less.
        assert_eq!(
            c.resume(632_000),
            vec![Action::WaitUntil(632_000 + PAUSE - 30_000)]
        );
        assert!(c.tick(632_000 + PAUSE - 30_001).is_empty());
        assert_eq!(c.remaining_ms(632_000 + 20_000), Some(PAUSE - 50_000));
        // So the wait, less the pause, was exactly the pause length.
        let actions = c.tick(632_000 + PAUSE - 30_000);
        assert_eq!(c.step(), Step::Reading(Part::Structure));
        assert!(spoken(&actions).is_some());
    }

    #[test]
    fn pause_and_resume_twice_in_a_row_change_nothing_more() {
        let mut c = Commute::new(queue(1), voiced());
        let actions = c.start(0);
        let actions = finish_speech(&mut c, &actions, 0);
        finish_speech(&mut c, &actions, 0);
        assert_eq!(c.step(), Step::Answering);
        c.pause(10_000);
        assert!(c.pause(20_000).is_empty());
        assert_eq!(c.remaining_ms(50_000), Some(PAUSE - 10_000));
        c.resume(50_000);
        assert!(c.resume(60_000).is_empty());
        assert_eq!(c.remaining_ms(60_000), Some(PAUSE - 20_000));
        assert!(c.toggle_pause(60_000).is_empty());
        assert!(c.paused());
        assert_eq!(
            c.toggle_pause(70_000),
            vec![Action::WaitUntil(70_000 + PAUSE - 20_000)]
        );
    }

    #[test]
    fn next_skips_to_the_next_question_from_any_step() {
        let q = queue(3);
        let mut c = Commute::new(q.clone(), voiced());
        c.start(0);
        // While speaking: the speech stops and the next question is read.
        let actions = c.next(100);
        assert_eq!(actions[0], Action::CancelSpeech);
        assert_eq!(actions[1], Action::Question(1));
        assert_eq!(
            spoken(&actions).unwrap().1,
            spoken_text(q[1], Part::Question, None)
        );
        assert_eq!(c.current().map(|q| q.id), Some(q[1].id));
        // While answering, paused: nothing to cancel, and the next one runs.
        let actions = finish_speech(&mut c, &actions, 200);
        finish_speech(&mut c, &actions, 300);
        c.pause(400);
        let actions = c.next(500);
        assert!(!actions.contains(&Action::CancelSpeech));
        assert_eq!(actions[0], Action::Question(2));
        assert!(!c.paused());
        assert_eq!(c.remaining_ms(500), None);
        // Skipped questions are not rated; skipping the last one finishes.
        assert_eq!(c.next(600), vec![Action::CancelSpeech, Action::Finished]);
        assert_eq!(c.step(), Step::Finished);
        assert_eq!(c.rated(), 0);
        assert!(c.next(700).is_empty());
    }

    fn to_rating(c: &mut Commute, now: i64) {
        let mut actions = c.start(now);
        while c.step() != Step::Rating {
            actions = match spoken(&actions) {
                Some((token, _)) => c.speech_ended(token, now),
                None => c.tick(now + PAUSE),
            };
        }
    }

    #[test]
    fn rating_moves_on_and_the_end_of_the_queue_finishes() {
        let q = queue(2);
        let mut c = Commute::new(q.clone(), voiced());
        // Rating is only taken at the rating step.
        assert!(c.rated_current(0).is_empty());
        to_rating(&mut c, 0);
        let actions = c.rated_current(1_000);
        assert_eq!(actions[0], Action::Question(1));
        assert_eq!(
            spoken(&actions).unwrap().1,
            spoken_text(q[1], Part::Question, None)
        );
        assert_eq!(c.rated(), 1);
        assert!(c.rated_current(1_100).is_empty(), "not at the rating step");
        let mut actions = actions;
        while c.step() != Step::Rating {
            actions = match spoken(&actions) {
                Some((token, _)) => c.speech_ended(token, 2_000),
                None => c.tick(2_000 + PAUSE),
            };
        }
        assert_eq!(c.rated_current(200_000), vec![Action::Finished]);
        assert_eq!(c.step(), Step::Finished);
        assert_eq!(c.rated(), 2);
        assert_eq!(c.current(), None);
        assert!(c.tick(10_000_000).is_empty());
    }

    #[test]
    fn an_empty_queue_finishes_at_once_and_stop_ends_early() {
        let mut c = Commute::new(Vec::new(), voiced());
        assert_eq!(c.start(0), vec![Action::Finished]);
        let mut c = Commute::new(queue(3), voiced());
        c.start(0);
        assert_eq!(c.stop(), vec![Action::CancelSpeech, Action::Finished]);
        assert_eq!(c.step(), Step::Finished);
    }

    #[test]
    fn text_mode_shows_each_part_for_its_reading_time_and_pauses_it() {
        let q = queue(1);
        let config = Config {
            voice: false,
            ..voiced()
        };
        let mut c = Commute::new(q.clone(), config);
        let actions = c.start(0);
        assert!(spoken(&actions).is_none(), "nothing is spoken");
        let question_ms = reading_ms(&spoken_text(q[0], Part::Question, None), 100);
        assert_eq!(
            actions,
            vec![Action::Question(0), Action::WaitUntil(question_ms)]
        );
        assert!(c.tick(question_ms - 1).is_empty());
        c.tick(question_ms);
        assert_eq!(c.step(), Step::Reading(Part::Why));
        let why_ms = reading_ms(&spoken_text(q[0], Part::Why, None), 100);
        c.pause(question_ms + 1_000);
        assert!(c.tick(question_ms + why_ms + 60_000).is_empty());
        assert_eq!(c.step(), Step::Reading(Part::Why));
        let resumed = question_ms + 100_000;
        assert_eq!(
            c.resume(resumed),
            vec![Action::WaitUntil(resumed + why_ms - 1_000)]
        );
        c.tick(resumed + why_ms - 1_000);
        assert_eq!(c.step(), Step::Answering);
        assert_eq!(c.remaining_ms(resumed + why_ms - 1_000), Some(PAUSE));
    }

    #[test]
    fn failed_speech_falls_back_to_text_mode() {
        let mut c = Commute::new(queue(1), voiced());
        let actions = c.start(0);
        let (token, _) = spoken(&actions).unwrap();
        let actions = c.speech_failed(token, 500);
        assert!(!c.voice());
        assert_eq!(c.step(), Step::Reading(Part::Question));
        assert!(matches!(actions[..], [Action::WaitUntil(t)] if t > 500));
        assert!(c.speech_failed(token, 600).is_empty(), "reported once");
    }

    #[test]
    fn reading_time_follows_length_and_rate() {
        assert_eq!(reading_ms("one two", 100), 4_000);
        let long = "word ".repeat(180);
        assert_eq!(reading_ms(&long, 100), 60_000);
        assert_eq!(reading_ms(&long, 200), 30_000);
        assert_eq!(reading_ms(&long, 50), 120_000);
    }

    #[test]
    fn countdown_format_rounds_up() {
        assert_eq!(format_left(83_000), "1:23");
        assert_eq!(format_left(82_001), "1:23");
        assert_eq!(format_left(0), "0:00");
        assert_eq!(format_left(-5), "0:00");
        assert_eq!(format_left(600_000), "10:00");
    }

    #[test]
    fn long_text_is_split_into_utterances_at_sentences() {
        let text = "Why they ask.\nFirst sentence here. Second one here. Third!\n\nShort.";
        assert_eq!(
            speech_chunks(text, 30),
            [
                "Why they ask.",
                "First sentence here.",
                "Second one here. Third!",
                "Short."
            ]
        );
        assert_eq!(speech_chunks(text, 1000).len(), 3);
        // A sentence longer than the limit is kept whole, not cut mid-word.
        assert_eq!(
            speech_chunks("a very long sentence", 5),
            ["a very long sentence"]
        );
    }

    /// A question whose sections are encoded as the bank compiler does.
    fn sample() -> Question {
        use crate::bank::model::{Items, Prose, Text};
        use opsdrill_text::markup::{encode_inline, encode_items, encode_prose, EncodeBlock};
        let leak = |text: String| -> &'static str { Box::leak(text.into_boxed_str()) };
        let why = encode_prose(&[
            EncodeBlock::Paragraph(encode_inline([
                (SpanStyle::Plain, "They want "),
                (SpanStyle::Code, "SLOs"),
                (SpanStyle::Plain, "\n in practice"),
            ])),
            EncodeBlock::Code("kubectl get pods".into()),
            EncodeBlock::List {
                ordered: false,
                items: vec![encode_inline([(SpanStyle::Plain, "Judgement?")])],
            },
        ]);
        let structure = encode_items(&[encode_inline([(SpanStyle::Strong, "Define it")])]);
        Question {
            category: Category::Technical,
            text: "What is an SLO",
            difficulty: Difficulty::Foundational,
            style: Style::Explain,
            why: Prose(Text::Static(leak(why))),
            structure: Items(Text::Static(leak(structure))),
            ..Question::blank("sample")
        }
    }

    #[test]
    fn bank_content_becomes_plain_sentences_without_code() {
        assert_eq!(
            part_lines(&sample(), Part::Why, None),
            ["They want SLOs in practice", "Judgement?"]
        );
        assert_eq!(
            spoken_text(&sample(), Part::Question, None),
            "What is an SLO."
        );
        assert_eq!(
            spoken_text(&sample(), Part::Why, None),
            "Why they ask.\nThey want SLOs in practice.\nJudgement?"
        );
        assert_eq!(
            spoken_text(&sample(), Part::Structure, None),
            "How to structure your answer.\nDefine it."
        );
        assert_eq!(
            spoken_text(&sample(), Part::TalkingPoints, None),
            "Talking points."
        );
    }

    fn lab() -> &'static Question {
        QUESTIONS.iter().find(|q| q.lab.is_some()).unwrap()
    }

    #[test]
    fn a_lab_reads_its_scenario_then_each_steps_prompt_waits_and_reads_the_expert_read() {
        let lab = lab();
        let steps = lab.lab.unwrap().steps.len();
        let mut c = Commute::new(vec![lab], voiced());
        let mut actions = c.start(0);
        let mut now = 0;
        let mut said = vec![];
        let mut read = |c: &mut Commute, actions: &[Action], now: i64| {
            said.push(spoken(actions).unwrap().1);
            finish_speech(c, actions, now)
        };
        assert_eq!(c.step(), Step::Reading(Part::Question));
        actions = read(&mut c, &actions, now);
        assert_eq!(c.step(), Step::Reading(Part::Scenario));
        assert_eq!(c.parts_shown(), [Part::Scenario]);
        actions = read(&mut c, &actions, now);
        for step in 0..steps {
            assert_eq!(c.step(), Step::Reading(Part::StepPrompt(step)));
            assert_eq!(
                c.parts_shown(),
                [Part::StepPrompt(step)],
                "the evidence is shown"
            );
            let waiting = read(&mut c, &actions, now);
            assert!(matches!(waiting[..], [Action::WaitUntil(_)]));
            assert_eq!(c.answering_for(), Some(Part::ExpertRead(step)));
            assert_eq!(
                c.parts_shown(),
                [Part::StepPrompt(step)],
                "and stays while the user reads it"
            );
            now += PAUSE / 2;
            actions = c.tick(now);
            assert_eq!(c.step(), Step::Reading(Part::ExpertRead(step)));
            assert_eq!(
                c.parts_shown(),
                [Part::StepPrompt(step), Part::ExpertRead(step)]
            );
            actions = read(&mut c, &actions, now);
        }
        assert_eq!(c.step(), Step::Reading(Part::RootCause));
        actions = read(&mut c, &actions, now);
        assert_eq!(actions, [Action::ShowRating]);
        assert_eq!(c.parts_shown(), [Part::RootCause]);
        // Each prompt says the evidence is on screen; no evidence is read.
        assert!(said[2].starts_with("Step 1 of "), "{}", said[2]);
        assert!(said[2].contains(EVIDENCE_ON_SCREEN));
        let step = lab.lab.unwrap().steps.get(0).unwrap();
        for block in step.evidence.blocks() {
            if let Block::Code(code) = block {
                let first = code.lines().next().unwrap();
                assert!(
                    said.iter().all(|s| !s.contains(first)),
                    "evidence read aloud: {first}"
                );
            }
        }
        assert_eq!(said.len(), 3 + 2 * steps);
    }

    #[test]
    fn a_session_picks_first_level_follow_ups_and_another_seed_others() {
        let q: Vec<&'static Question> = QUESTIONS
            .iter()
            .filter(|q| q.follow_ups.iter().filter(|f| f.depth == 1).count() >= 3)
            .take(10)
            .collect();
        let asked = |seed: u64| {
            let mut c = Commute::new(q.clone(), Config { seed, ..voiced() });
            c.start(0);
            let mut picked = vec![];
            while c.current().is_some() {
                let index = c.follow_up().unwrap();
                let question = c.current().unwrap();
                assert_eq!(question.follow_ups.get(index).unwrap().depth, 1);
                picked.push(index);
                c.next(0);
            }
            picked
        };
        assert_eq!(asked(4), asked(4));
        assert_ne!(asked(4), asked(5));
        // A question without follow-ups goes from the talking points to the rating.
        let plain = Question {
            follow_ups: Question::blank("plain").follow_ups,
            ..QUESTIONS[0]
        };
        let plain: &'static Question = Box::leak(Box::new(plain));
        let mut c = Commute::new(vec![plain], voiced());
        to_rating(&mut c, 0);
        assert_eq!(c.parts_shown(), [Part::Structure, Part::TalkingPoints]);
    }
}
