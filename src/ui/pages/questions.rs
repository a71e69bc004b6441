use leptos::prelude::*;

use crate::bank_text::BankText;
use crate::state::UserState;
use crate::ui::components::category_chips::CategoryChips;
use opsdrill_core::bank::{self, Question};
use opsdrill_core::own::{is_own, topic_label};
use opsdrill_core::route::Route;
use opsdrill_core::search::{search_all, ListQuery};

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
            let own = user.own.questions();
            user.marks.with(|m| search_all(q, &own, &m.bookmarks))
        })
    });
    Effect::new(move |_| crate::web::browser::replace_route(&Route::Questions(query.get())));
    // Effects run after the first render: the list is on screen and live.
    Effect::new(|_| crate::web::browser::mark("opsdrill:questions-interactive"));

    let topic_options = bank::TOPICS
        .iter()
        .map(|t| view! { <option value=t.slug>{t.name}</option> })
        .collect_view();
    // Topics only the user's questions name, after the bank's.
    let own_topic_options = move || {
        let mut own: Vec<&'static str> = user
            .own
            .questions()
            .iter()
            .flat_map(|q| q.topics.iter().copied())
            .filter(|t| bank::topic_name(t).is_empty())
            .collect();
        own.sort_unstable();
        own.dedup();
        own.into_iter()
            .map(|t| view! { <option value=t>{topic_label(t)}</option> })
            .collect_view()
    };

    view! {
        <div class="page-head">
            <h1>"Questions"</h1>
            <a class="button secondary" href=Route::AddQuestion.href()>"+ Add a question"</a>
        </div>
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
            <div class="chips" role="group" aria-label="Show only">
            <button
                type="button"
                class="chip bookmarked-filter"
                aria-pressed=move || query.with(|q| q.bookmarked).to_string()
                on:click=move |_| query.update(|q| q.bookmarked = !q.bookmarked)
            >
                <span aria-hidden="true">"★ "</span>
                "Bookmarked"
            </button>
            <button
                type="button"
                class="chip mine-filter"
                aria-pressed=move || query.with(|q| q.mine).to_string()
                on:click=move |_| query.update(|q| q.mine = !q.mine)
            >
                "Mine"
            </button>
            </div>
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
                    {own_topic_options}
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
                    {move || if query.with(|q| q.mine && q.text.is_empty() && q.category.is_none() && q.topic.is_none()) {
                        view! {
                            "You have not added a question of your own yet. "
                            <a href=Route::AddQuestion.href()>"Add one"</a>
                            ": a question from a job posting, or one you were asked."
                        }.into_any()
                    } else {
                        view! {
                            "No question matches. Try fewer words, or "
                            <button type="button" class="link" on:click=move |_| query.set(ListQuery::default())>
                                "clear the filters"
                            </button>
                            "."
                        }.into_any()
                    }}
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
                                        {is_own(q.id).then(|| view! { <span class="yours">"Yours"</span> " · " })}
                                        {q.category.label()} " · " {q.difficulty.label()} " · "
                                        {q.topics.iter().map(|t| topic_label(t)).collect::<Vec<_>>().join(", ")}
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
