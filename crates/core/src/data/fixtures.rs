//! Sample data shared by the data module's tests.

use super::records::{
    Answer, AnswerVersion, CardState, MockItem, MockRecord, Review, StarText, Story, UserData,
};

pub fn answer(text: &str, updated_ms: i64) -> Answer {
    Answer {
        text: text.into(),
        updated_ms,
        ..Answer::default()
    }
}

pub fn sample() -> UserData {
    let mut data = UserData::default();
    data.answers
        .insert("alert-fatigue".into(), answer("Page on symptoms.", 1_000));
    data.answers.insert(
        "conflict".into(),
        Answer {
            star: StarText {
                situation: "Two teams, one database.".into(),
                result: "Latency fell 40%.".into(),
                ..StarText::default()
            },
            updated_ms: 2_000,
            ..Answer::default()
        },
    );
    data.schedule.cards.insert(
        "alert-fatigue".into(),
        CardState {
            due_ms: 9_000,
            stability: 2.5,
            state: 2,
            last_review_ms: 1_500,
            ..CardState::default()
        },
    );
    data.schedule.reviews.push(Review {
        id: "alert-fatigue".into(),
        at_ms: 1_500,
        rating: 3,
    });
    data.marks.bookmarks.insert("conflict".into());
    data.marks
        .ticks
        .insert("alert-fatigue".into(), [0, 2].into());
    data.settings.interview_date = Some("2026-12-24".into());
    data.answers
        .get_mut("alert-fatigue")
        .unwrap()
        .previous
        .push(AnswerVersion {
            text: "First try.".into(),
            updated_ms: 500,
            replaced_ms: 1_000,
            replaced_by: "mock interview".into(),
            ..AnswerVersion::default()
        });
    data.stories.insert(
        "s1".into(),
        story("Migration", "We moved 40 services.", 1_000),
    );
    data.mocks.sessions.push(MockRecord {
        started_ms: 3_000,
        finished_ms: 9_000,
        seconds_per_question: 120,
        items: vec![MockItem {
            id: "alert-fatigue".into(),
            seconds_used: 80,
            seconds_allowed: 120,
            follow_ups: vec!["What would you page on instead?".into()],
            words: 150,
            points_covered: 3,
            points_total: 6,
            rating: Some(3),
        }],
    });
    data.own.insert(
        "mine-split-state".into(),
        crate::own::OwnQuestion {
            question: "How would you split Terraform state for 40 teams?".into(),
            category: "technical".into(),
            style: "design".into(),
            difficulty: "advanced".into(),
            topics: vec!["terraform-state".into()],
            asked: "Acme, 2026-11-30, onsite".into(),
            sections: [("why".to_string(), "Blast radius.".to_string())].into(),
            markup: crate::own::OwnMarkup {
                why: "Blast radius.".into(),
                ..Default::default()
            },
            created_ms: 4_000,
            updated_ms: 4_500,
        },
    );
    data.interviews
        .interviews
        .push(crate::own::asked::Interview {
            company: "Acme".into(),
            date: "2026-11-30".into(),
            round: "onsite".into(),
            questions: vec!["mine-split-state".into(), "alert-fatigue".into()],
            logged_ms: 4_000,
        });
    data
}

pub fn story(title: &str, action: &str, updated_ms: i64) -> Story {
    Story {
        title: title.into(),
        star: StarText {
            action: action.into(),
            ..StarText::default()
        },
        tags: vec!["migration".into()],
        questions: ["conflict".to_string()].into(),
        updated_ms,
    }
}
