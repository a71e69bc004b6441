//! "Your stories" on a behavioural question: the user's STAR stories linked
//! to it (collapsed), linking another one, and starting a new one for it.
//! Renders nothing for other categories.

use leptos::prelude::*;

use crate::state::UserState;
use crate::web::browser::go_to;
use crate::web::clock::utc_offset_min;
use opsdrill_core::bank::{Category, Question};
use opsdrill_core::data::Story;
use opsdrill_core::route::Route;
use opsdrill_core::stories::{display_title, edited_on, linked_to, not_linked_to};

#[component]
pub fn LinkedStories(question: &'static Question) -> impl IntoView {
    if question.category != Category::Behavioural {
        return ().into_any();
    }
    let user = expect_context::<UserState>();
    let qid = question.id;
    // Memos: typing in the answer editor changes the data, not these lists,
    // so an open <details> stays open.
    let linked = Memo::new(move |_| {
        linked_to(&user.stories.all(), qid)
            .into_iter()
            .map(|(id, s)| (id.to_string(), s.clone()))
            .collect::<Vec<(String, Story)>>()
    });
    let others = Memo::new(move |_| {
        not_linked_to(&user.stories.all(), qid)
            .into_iter()
            .map(|(id, s)| (id.to_string(), display_title(s).to_string()))
            .collect::<Vec<(String, String)>>()
    });
    // Out here, so the choice outlives the select while nothing is left to link.
    let chosen = RwSignal::new(String::new());
    let write_new = move |_| {
        let id = user.stories.create(Some(qid));
        go_to(&Route::Stories(Some(id)));
    };

    view! {
        <section class="linked-stories" aria-labelledby="your-stories">
            <h2 id="your-stories">"Your stories"</h2>
            {move || {
                let stories = linked.get();
                if stories.is_empty() {
                    view! {
                        <p class="hint">
                            "No story linked yet. Write a story once in "
                            <a href=Route::Stories(None).href()>"your story bank"</a>
                            " and link it to every question it answers."
                        </p>
                    }
                    .into_any()
                } else {
                    let cards = stories
                        .into_iter()
                        .map(|(id, story)| view! { <StoryCard id story qid/> })
                        .collect_view();
                    view! { <ul class="story-cards">{cards}</ul> }
                    .into_any()
                }
            }}
            <Show when=move || others.with(|o| !o.is_empty())>
                <LinkStory others chosen qid/>
            </Show>
            <p class="actions">
                <button type="button" class="button secondary" on:click=write_new>
                    "Write a new story for this question"
                </button>
            </p>
        </section>
    }
    .into_any()
}

/// One linked story, collapsed: its STAR parts, "Edit story" and "Unlink".
#[component]
fn StoryCard(id: String, story: Story, qid: &'static str) -> impl IntoView {
    let user = expect_context::<UserState>();
    let title = display_title(&story).to_string();
    let parts = story
        .star
        .parts()
        .into_iter()
        .filter(|(_, text)| !text.trim().is_empty())
        .map(|(label, text)| {
            let text = text.trim().to_string();
            view! {
                <dt>{label}</dt>
                <dd>{text}</dd>
            }
        })
        .collect_view();
    let empty = story.star.is_empty();
    let unlink_id = id.clone();
    view! {
        <li>
            <details>
                <summary>
                    <span class="story-title">{title.clone()}</span>
                    " "
                    <span class="question-meta">{edited_on(&story, utc_offset_min())}</span>
                </summary>
                {if empty {
                    view! { <p class="hint">"Nothing written yet."</p> }.into_any()
                } else {
                    view! { <dl class="star-parts">{parts}</dl> }.into_any()
                }}
                <p class="actions">
                    <a
                        class="button small secondary"
                        href=Route::Stories(Some(id)).href()
                        aria-label=format!("Edit story: {title}")
                    >
                        "Edit story"
                    </a>
                    <button
                        type="button"
                        class="button small secondary"
                        aria-label=format!("Unlink story: {title}")
                        on:click=move |_| {
                            user.stories.link(&unlink_id, qid, false);
                        }
                    >
                        "Unlink"
                    </button>
                </p>
            </details>
        </li>
    }
}

/// "Link a story": the stories not linked yet, and "Link".
#[component]
fn LinkStory(
    others: Memo<Vec<(String, String)>>,
    chosen: RwSignal<String>,
    qid: &'static str,
) -> impl IntoView {
    let user = expect_context::<UserState>();
    let link = move |_| {
        let id = chosen.get_untracked();
        if id.is_empty() {
            return;
        }
        user.stories.link(&id, qid, true);
        chosen.set(String::new());
    };
    view! {
        <div class="link-story">
            <label for="link-story">"Link a story"</label>
            <div class="link-story-row">
                <select
                    id="link-story"
                    prop:value=move || chosen.get()
                    on:change=move |ev| chosen.set(event_target_value(&ev))
                >
                    <option value="">"Choose a story…"</option>
                    {move || {
                        others
                            .get()
                            .into_iter()
                            .map(|(id, title)| view! { <option value=id>{title}</option> })
                            .collect_view()
                    }}
                </select>
                <button
                    type="button"
                    class="button secondary"
                    disabled=move || chosen.with(String::is_empty)
                    on:click=link
                >
                    "Link"
                </button>
            </div>
        </div>
    }
}
