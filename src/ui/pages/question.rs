use leptos::prelude::*;

use crate::bank_text::NeedsBank;
use crate::state::UserState;
use crate::ui::components::answer_editor::AnswerEditor;
use crate::ui::components::blocks::{Blocks, InlineList};
use crate::ui::components::follow_up_drill::FollowUpDrill;
use crate::ui::components::lab_walkthrough::LabWalkthrough;
use crate::ui::components::lazy_page::LazyPartNearView;
use crate::ui::components::linked_stories::LinkedStories;
use crate::ui::components::rate_buttons::RateButtons;
use crate::ui::split;
use opsdrill_core::bank::{self, model::inline_text, Lab, Question, Section, Style};
use opsdrill_core::insight;
use opsdrill_core::route::Route;
use opsdrill_core::search::{neighbours, search_all, ListQuery};

/// One question: why it is asked, the user's answer, then the answer material
/// behind "Show model answer", side by side with the user's answer on wide
/// screens. Previous/next walk the list the question was opened from.
#[component]
pub fn QuestionPage(question: &'static Question, list: ListQuery) -> impl IntoView {
    crate::web::browser::set_title(&format!("{}: OpsDrill", question.text));
    let user = expect_context::<UserState>();
    let id = question.id;
    let revealed = RwSignal::new(false);
    let own = untrack(|| user.own.questions());
    let in_list = user
        .marks
        .with_untracked(|m| search_all(&list, &own, &m.bookmarks));
    let (position, previous, next) = neighbours(&in_list, id);
    let total = in_list.len();
    let href_of = |q: &Question| {
        Route::Question {
            id: q.id.to_string(),
            list: list.clone(),
        }
        .href()
    };
    let previous = previous.map(|q| (href_of(q), q.text));
    let next = next.map(|q| (href_of(q), q.text));
    let back = Route::Questions(list.clone()).href();
    let topics = question
        .topics
        .iter()
        .map(|t| view! { <li class="tag">{opsdrill_core::own::topic_label(t)}</li> })
        .collect_view();

    // After a rating: the next question the Practice page would offer.
    let next_practice = RwSignal::new(None::<&'static Question>);
    let on_rated = move |_| {
        let queue = untrack(|| user.practice_queue(None));
        next_practice.set(queue.questions().find(|q| q.id != id));
    };

    view! {
        <article class="question">
            <p class="crumbs">
                <a href=back>"← All questions"</a>
                {position.map(|i| view! { <span>{format!("{} of {total}", i + 1)}</span> })}
            </p>
            <h1>{question.text}</h1>
            <div class="question-head">
                <p class="question-meta">
                    {question.category.label()} " · " {question.style.label()} " · "
                    {question.difficulty.label()}
                </p>
                <Bookmark id/>
            </div>
            {opsdrill_core::own::is_own(id).then(|| view! { <OwnQuestionNote id/> })}
            <ul class="tags" aria-label="Topics">{topics}</ul>

            // The heading above comes from the bank's index, at once; the
            // sections from its text, as soon as it is in.
            <NeedsBank chunk=bank::chunk_of(question)>
                <QuestionSection question section=Section::Why revealed/>
                {match question.lab {
                    Some(lab) => view! { <LabBody question lab revealed/> }.into_any(),
                    None => view! { <AnswerBody question revealed/> }.into_any(),
                }}

                <Show when=move || revealed.get()>
                    <RateButtons question on_rated/>
                    {move || next_practice.get().map(|q| view! {
                        <p>
                            <a class="button" href=Route::Question { id: q.id.to_string(), list: ListQuery::default() }.href()>
                                "Next in practice →"
                            </a>
                        </p>
                    })}
                </Show>
            </NeedsBank>

            <nav class="prev-next" aria-label="Previous and next question">
                {previous.map(|(href, text)| view! { <Neighbour href text next=false/> })}
                {next.map(|(href, text)| view! { <Neighbour href text next=true/> })}
            </nav>
        </article>
    }
}

/// A question's answer box beside the model answer, shown on demand.
#[component]
fn AnswerBody(question: &'static Question, revealed: RwSignal<bool>) -> impl IntoView {
    view! {
        // Behavioural questions only: the user's STAR stories for this question.
        <LinkedStories question/>

        <div class="compare" class:revealed=move || revealed.get()>
            <div class="compare-mine">
                <AnswerEditor question/>
                <LazyPartNearView class="recorder-slot" load=move || split::recording_panel(question)/>
                <button
                    type="button"
                    class="button reveal"
                    aria-expanded=move || revealed.get().to_string()
                    aria-controls="answer-material"
                    on:click=move |_| revealed.update(|r| *r = !*r)
                >
                    {move || if revealed.get() { "Hide model answer" } else { "Show model answer" }}
                </button>
            </div>
            <AnswerMaterial question revealed/>
        </div>
    }
}

/// A lab, step by step; once worked through (`revealed`), its follow-ups.
#[component]
fn LabBody(question: &'static Question, lab: Lab, revealed: RwSignal<bool>) -> impl IntoView {
    view! {
        <LabWalkthrough question lab finished=revealed/>
        // Talking a lab through out loud, as in the interview.
        <LazyPartNearView class="recorder-slot" load=move || split::recording_panel(question)/>
        <Show when=move || revealed.get()>
            <QuestionSection question section=Section::FollowUps revealed/>
        </Show>
    }
}

/// On the user's own questions: that it is theirs, where it was asked, and
/// the way to edit it.
#[component]
fn OwnQuestionNote(id: &'static str) -> impl IntoView {
    let user = expect_context::<UserState>();
    let asked = move || {
        user.own
            .with(id, |q| q.map(|q| q.asked.clone()).unwrap_or_default())
    };
    view! {
        <p class="own-note">
            <span class="yours">"Your question"</span>
            {move || {
                let asked = asked();
                (!asked.is_empty()).then(|| format!(" · asked: {asked}"))
            }}
            " · "
            <a href=Route::EditQuestion(id.to_string()).href()>"Edit"</a>
        </p>
    }
}

#[component]
fn Bookmark(id: &'static str) -> impl IntoView {
    let user = expect_context::<UserState>();
    let bookmarked = Memo::new(move |_| user.is_bookmarked(id));
    view! {
        <button
            type="button"
            class="bookmark"
            aria-pressed=move || bookmarked.get().to_string()
            on:click=move |_| user.toggle_bookmark(id)
        >
            <span aria-hidden="true">{move || if bookmarked.get() { "★ " } else { "☆ " }}</span>
            "Bookmark"
        </button>
    }
}

/// The previous or the next question of the list.
#[component]
fn Neighbour(href: String, text: &'static str, next: bool) -> impl IntoView {
    let (class, rel, dir) = if next {
        ("next", "next", "Next →")
    } else {
        ("prev", "prev", "← Previous")
    };
    view! {
        <a class=class href=href rel=rel>
            <span class="dir">{dir}</span>
            <span class="title">{text}</span>
        </a>
    }
}

/// A section of the question under its heading, as the bank's vocabulary
/// names it for the question's style.
#[component]
fn QuestionSection(
    question: &'static Question,
    section: Section,
    revealed: RwSignal<bool>,
) -> impl IntoView {
    let q = question;
    let content = match section {
        Section::Why => view! { <Blocks blocks=q.why/> }.into_any(),
        Section::Structure => view! { <InlineList items=q.structure ordered=true/> }.into_any(),
        Section::TalkingPoints => view! { <TalkingPoints question revealed/> }.into_any(),
        Section::Answer => view! { <Blocks blocks=q.answer/> }.into_any(),
        Section::Tip => view! { <Blocks blocks=q.tip/> }.into_any(),
        Section::Pitfalls => view! { <InlineList items=q.pitfalls/> }.into_any(),
        Section::FollowUps => view! { <FollowUpDrill question/> }.into_any(),
    };
    let id = section_id(section);
    let class = (section == Section::Tip).then_some("tip");
    // The user's own questions may leave a section out.
    question.has(section).then(|| {
        view! {
            <section aria-labelledby=id class=class>
                <h2 id=id>{question.style.heading(section)}</h2>
                {content}
            </section>
        }
    })
}

/// The element id of a section's heading.
fn section_id(section: Section) -> &'static str {
    match section {
        Section::Why => "why",
        Section::Structure => "structure",
        Section::TalkingPoints => "points",
        Section::Answer => "model",
        Section::Tip => "tip",
        Section::Pitfalls => "pitfalls",
        Section::FollowUps => "follow-ups",
    }
}

/// What "Show model answer" shows: every section but "why", in order. It is
/// drawn the first time it is shown (most of a question's page, and not
/// needed until then), and kept when hidden again.
#[component]
fn AnswerMaterial(question: &'static Question, revealed: RwSignal<bool>) -> impl IntoView {
    let shown_once =
        Memo::new(move |before: Option<&bool>| before.copied().unwrap_or(false) || revealed.get());
    let sections = move || {
        shown_once.get().then(|| {
            Section::ALL
                .into_iter()
                .filter(|&section| section != Section::Why)
                .map(|section| view! { <QuestionSection question section revealed/> })
                .collect_view()
        })
    };
    // An own question may have nothing here yet.
    let nothing_written = !Section::ALL
        .into_iter()
        .any(|section| section != Section::Why && question.has(section));
    view! {
        <div id="answer-material" class="compare-model" hidden=move || !revealed.get()>
            {nothing_written.then(|| view! {
                <p class="empty">
                    "No model answer or talking points yet. "
                    <a href=Route::EditQuestion(question.id.to_string()).href()>"Edit the question"</a>
                    " to add what a strong answer says, then rate yourself against it."
                </p>
            })}
            {sections}
        </div>
    }
}

/// (Covered talking points, most repeated words, fillers) of the answer.
type Insight = (Vec<bool>, Vec<(String, usize)>, Vec<(&'static str, usize)>);

/// The talking points to tick, each marked when the written answer appears
/// to mention it, and the answer insight below them.
#[component]
fn TalkingPoints(question: &'static Question, revealed: RwSignal<bool>) -> impl IntoView {
    let user = expect_context::<UserState>();
    let id = question.id;
    // What the written answer appears to cover: a hint beside the user's ticks.
    // Only while the answer material is shown: not on every keystroke before.
    let insight = Memo::new(move |_| {
        if !revealed.get() {
            return None;
        }
        user.answers.with(id, |a| {
            let answer = a.map(|a| a.all_text()).unwrap_or_default();
            if answer.trim().is_empty() {
                return None;
            }
            Some((
                insight::covered_points(&answer, question),
                insight::repeated_words(&answer, 3),
                insight::fillers(&answer),
            ))
        })
    });
    let mentioned = move |index: usize| {
        insight.with(|i| {
            i.as_ref()
                .is_some_and(|(covered, _, _)| covered.get(index).copied().unwrap_or(false))
        })
    };
    let talking_points = question
        .talking_points
        .iter()
        .enumerate()
        .map(|(i, point)| {
            let index = i as u8;
            let label = inline_text(point);
            view! {
                <li>
                    <label class="check">
                        <input
                            type="checkbox"
                            prop:checked=move || user.is_ticked(id, index)
                            on:change=move |ev| user.set_tick(id, index, event_target_checked(&ev))
                        />
                        <span>
                            {label}
                            <Show when=move || mentioned(i)>
                                " " <span class="mentioned">"in your answer"</span>
                            </Show>
                        </span>
                    </label>
                </li>
            }
        })
        .collect_view();
    let ticked_count = move || user.marks.with(|m| m.ticks.get(id).map_or(0, |t| t.len()));
    let point_count = question.talking_points.len();
    view! {
        <p class="hint">
            {if question.style == Style::Ask {
                "Tick what you would listen for: "
            } else {
                "Tick what your answer covered: "
            }}
            <span>{move || format!("{} of {point_count}", ticked_count())}</span>
        </p>
        <ul class="checklist">{talking_points}</ul>
        {move || insight.get().map(|insight| view! { <AnswerInsight insight point_count/> })}
    }
}

#[component]
fn AnswerInsight(insight: Insight, point_count: usize) -> impl IntoView {
    let (covered, repeated, fillers) = insight;
    let found = covered.iter().filter(|c| **c).count();
    let repeated = repeated
        .iter()
        .map(|(word, n)| format!("{word} ×{n}"))
        .collect::<Vec<_>>()
        .join(", ");
    let fillers = fillers
        .iter()
        .map(|(word, n)| format!("\u{201c}{word}\u{201d} ×{n}"))
        .collect::<Vec<_>>()
        .join(", ");
    view! {
        <div class="insight" role="note" aria-label="Answer insight">
            <p>{format!("Your answer appears to mention {found} of {point_count} points. A hint from keywords, not a grade: your ticks decide.")}</p>
            {(!repeated.is_empty()).then(|| view! { <p>"Most repeated: " {repeated}</p> })}
            {(!fillers.is_empty()).then(|| view! { <p>"Filler words: " {fillers}</p> })}
        </div>
    }
}
