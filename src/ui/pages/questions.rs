use leptos::prelude::*;

use crate::bank_text::BankText;
use crate::state::UserState;
use crate::ui::components::category_chips::CategoryChips;
use opsdrill_core::bank::{self, Question};
use opsdrill_core::route::Route;
use opsdrill_core::search::{bank_index, ListQuery};

/// The question list with its filters. The filters live in the URL (replaced,
/// not pushed, as they change) so a reload or a shared link shows the same list.
#[component]
pub fn QuestionsPage(initial: ListQuery) -> impl IntoView {
    crate::web::browser::set_title("Questions: OpsDrill");
    let user = expect_context::<UserState>();
    let query = RwSignal::new(initial);
    let bank_text = expect_context::<BankText>();
    let results = Memo::new(move |_| {
        // Talking points are searched once the bank's text is in.
        let _ = bank_text.is_ready(None);
        query.with(|q| {
            user.marks
                .with(|m| bank_index().search_marked(q, &m.bookmarks))
        })
    });
    Effect::new(move |_| crate::web::browser::replace_route(&Route::Questions(query.get())));
    // Effects run after the first render: the list is on screen and live.
    Effect::new(|_| crate::web::browser::mark("opsdrill:questions-interactive"));

    let topic_options = bank::TOPICS
        .iter()
        .map(|t| view! { <option value=t.slug>{t.name}</option> })
        .collect_view();

    view! {
        <h1>"Questions"</h1>
        <div class="filters">
            <input
                type="search"
                class="search"
                aria-label="Search questions"
                placeholder="Search questions, topics, talking points"
                autocomplete="off"
                prop:value=move || query.with(|q| q.text.clone())
                on:input=move |ev| {
                    let text = event_target_value(&ev);
                    query.update(|q| q.text = text);
                }
            />
            <CategoryChips
                selected=move || query.with(|q| q.category)
                on_pick=move |category| query.update(|q| q.category = category)
            />
            <button
                type="button"
                class="chip bookmarked-filter"
                aria-pressed=move || query.with(|q| q.bookmarked).to_string()
                on:click=move |_| query.update(|q| q.bookmarked = !q.bookmarked)
            >
                <span aria-hidden="true">"★ "</span>
                "Bookmarked"
            </button>
            <label class="topic-filter">
                <span>"Topic"</span>
                <select
                    prop:value=move || query.with(|q| q.topic.clone().unwrap_or_default())
                    on:change=move |ev| {
                        let slug = event_target_value(&ev);
                        query.update(|q| q.topic = (!slug.is_empty()).then_some(slug));
                    }
                >
                    <option value="">"All topics"</option>
                    {topic_options}
                </select>
            </label>
        </div>
        <p class="result-count" role="status">
            {move || match results.with(Vec::len) {
                1 => "1 question".to_string(),
                n => format!("{n} questions"),
            }}
            {move || (!bank_text.is_ready(None) && query.with(|q| !q.text.trim().is_empty())).then(|| view! {
                <span class="search-partial">
                    " (so far: talking points are searched as the question bank finishes loading)"
                </span>
            })}
        </p>
        <Show
            when=move || results.with(|r| !r.is_empty())
            fallback=move || view! {
                <p class="empty">
                    "No question matches. Try fewer words, or "
                    <button type="button" class="link" on:click=move |_| query.set(ListQuery::default())>
                        "clear the filters"
                    </button>
                    "."
                </p>
            }
        >
            <ol class="question-list">
                <For
                    each=move || results.get()
                    key=|q| q.id
                    children=move |q: &'static Question| {
                        let href = move || {
                            Route::Question { id: q.id.to_string(), list: query.get() }.href()
                        };
                        view! {
                            <li>
                                <a href=href>
                                    <span class="question-text">{q.text}</span>
                                    <span class="question-meta">
                                        {q.category.label()} " · " {q.difficulty.label()} " · "
                                        {q.topics.iter().map(|t| bank::topic_name(t)).collect::<Vec<_>>().join(", ")}
                                    </span>
                                </a>
                            </li>
                        }
                    }
                />
            </ol>
        </Show>
    }
}
