//! `#/stories`: the user's stories, filterable by tag, and the gaps.

use leptos::prelude::*;

use crate::state::UserState;
use crate::web::browser::go_to;
use crate::web::clock::utc_offset_min;
use opsdrill_core::data::Story;
use opsdrill_core::format::count;
use opsdrill_core::route::Route;
use opsdrill_core::stories::{behavioural, display_title, edited_on, gaps, tag_counts, with_tag};

#[component]
pub(super) fn StoryList() -> impl IntoView {
    crate::web::browser::set_title("Stories: OpsDrill");
    let user = expect_context::<UserState>();
    let deleted = user.stories.take_just_deleted();
    let tag = RwSignal::new(None::<String>);
    let tags = Memo::new(move |_| tag_counts(&user.stories.all()));
    // A tag no story carries any more (deleted elsewhere) filters nothing.
    let active = Signal::derive(move || {
        tag.get().filter(|t| {
            tags.with(|all| {
                all.iter()
                    .any(|(name, _)| name.to_lowercase() == t.to_lowercase())
            })
        })
    });
    let story_count = Memo::new(move |_| user.stories.count());
    let new_story = move |_| {
        let id = user.stories.create(None);
        go_to(&Route::Stories(Some(id)));
    };

    view! {
        <h1>"My stories"</h1>
        <p class="lede">
            "Write each story once: the outage you led, the migration, the disagreement. Then link it to every behavioural question it can answer."
        </p>
        {deleted.map(|title| view! {
            <p class="notice" role="status">{format!("Deleted \u{201c}{title}\u{201d}.")}</p>
        })}
        <p class="actions">
            <button type="button" class="button" on:click=new_story>"New story"</button>
        </p>
        <Show
            when=move || { story_count.get() > 0 }
            fallback=|| view! {
                <p class="empty">
                    "No stories yet. Five or six good stories usually cover most behavioural questions: start with the one you are proudest of."
                </p>
            }
        >
            <TagChips tag tags active story_count/>
            <Stories active/>
        </Show>
        <Gaps/>
    }
}

/// "All (n)" and a chip per tag; the pressed one filters the list.
#[component]
fn TagChips(
    tag: RwSignal<Option<String>>,
    tags: Memo<Vec<(String, usize)>>,
    active: Signal<Option<String>>,
    story_count: Memo<usize>,
) -> impl IntoView {
    let chip =
        move |value: Option<String>, label: String| view! { <TagChip value label tag active/> };
    move || {
        let all = tags.get();
        (!all.is_empty()).then(|| {
            view! {
                <div class="chips story-tags" role="group" aria-label="Filter by tag">
                    {chip(None, format!("All ({})", story_count.get()))}
                    {all
                        .into_iter()
                        .map(|(name, n)| chip(Some(name.clone()), format!("{name} ({n})")))
                        .collect_view()}
                </div>
            }
        })
    }
}

#[component]
fn TagChip(
    value: Option<String>,
    label: String,
    tag: RwSignal<Option<String>>,
    active: Signal<Option<String>>,
) -> impl IntoView {
    let pressed = value.clone();
    view! {
        <button
            type="button"
            class="chip"
            aria-pressed=move || (active.get() == pressed).to_string()
            on:click=move |_| tag.set(value.clone())
        >
            {label}
        </button>
    }
}

/// How many stories (with the tag), and the list, most recent first.
#[component]
fn Stories(active: Signal<Option<String>>) -> impl IntoView {
    let user = expect_context::<UserState>();
    move || {
        let filter = active.get();
        let stories = user.stories.all();
        let shown = with_tag(&stories, filter.as_deref());
        let heading = match &filter {
            Some(t) => format!(
                "{} tagged \u{201c}{t}\u{201d}",
                count(shown.len(), "story", "stories")
            ),
            None => count(shown.len(), "story", "stories"),
        };
        let items = shown
            .into_iter()
            .map(|(id, story)| view! { <StoryItem id=id.to_string() story=story.clone()/> })
            .collect_view();
        view! {
            <p class="result-count" role="status">{heading}</p>
            <ul class="story-list">{items}</ul>
        }
    }
}

#[component]
fn StoryItem(id: String, story: Story) -> impl IntoView {
    let linked = match story.questions.len() {
        0 => "Not linked to a question".to_string(),
        n => format!("Answers {}", count(n, "question", "questions")),
    };
    let tags = (!story.tags.is_empty()).then(|| {
        let tags = story
            .tags
            .iter()
            .map(|t| view! { <span class="tag">{t.clone()}</span> })
            .collect_view();
        view! { <span class="story-tag-row">{tags}</span> }
    });
    view! {
        <li>
            <a href=Route::Stories(Some(id)).href()>
                <span class="story-title">{display_title(&story).to_string()}</span>
                <span class="question-meta">
                    {linked}
                    " · "
                    {edited_on(&story, utc_offset_min())}
                </span>
                {tags}
            </a>
        </li>
    }
}

/// The behavioural questions no story answers yet.
#[component]
fn Gaps() -> impl IntoView {
    let user = expect_context::<UserState>();
    let gap_list = Memo::new(move |_| gaps(&user.stories.all(), &user.questions()));
    let behavioural_count = Memo::new(move |_| behavioural(&user.questions()).len());
    view! {
        <section aria-labelledby="gaps" class="story-gaps">
            <h2 id="gaps">"Gaps"</h2>
            {move || {
                let missing = gap_list.get();
                if missing.is_empty() {
                    view! {
                        <p>{move || format!("Every one of the {} behavioural questions has a story. Well prepared.", behavioural_count.get())}</p>
                    }
                    .into_any()
                } else {
                    let items = missing
                        .iter()
                        .map(|q| {
                            let href = Route::Question {
                                id: q.id.to_string(),
                                list: Default::default(),
                            }
                            .href();
                            view! { <li><a href=href>{q.text}</a></li> }
                        })
                        .collect_view();
                    view! {
                        <p class="hint">
                            {format!("{} of {} behavioural questions have no story yet.", missing.len(), behavioural_count.get())}
                        </p>
                        <ul class="gap-list">{items}</ul>
                    }
                    .into_any()
                }
            }}
        </section>
    }
}
