//! The STAR story bank: the user's stories (filterable by tag), the gaps
//! (behavioural questions with no story yet), and `#/stories/<id>`, the
//! editor of one story. Edits go through `Store::edit_story`, which writes
//! like an answer: at once in memory, to storage 400 ms after the last
//! keystroke, and at once on blur and page hide.

use leptos::prelude::*;

use crate::state::UserState;
use crate::web::browser::go_to;
use crate::web::clock::utc_offset_min;
use opsdrill_core::bank::{self, Question};
use opsdrill_core::data::records::word_count;
use opsdrill_core::data::Story;
use opsdrill_core::format::count;
use opsdrill_core::route::Route;
use opsdrill_core::stories::{
    behavioural, display_title, edited_on, format_tags, gaps, parse_tags, question_matches,
    tag_counts, with_tag,
};

/// The user's STAR stories; `open` is the story shown for editing.
#[component]
pub fn StoriesPage(open: Option<String>) -> impl IntoView {
    match open {
        None => view! { <StoryList/> }.into_any(),
        Some(id) => view! { <StoryEditor id/> }.into_any(),
    }
}

#[component]
fn StoryList() -> impl IntoView {
    crate::web::browser::set_title("Stories: OpsDrill");
    let user = expect_context::<UserState>();
    let deleted = user.stories.take_just_deleted();
    let tag = RwSignal::new(None::<String>);
    let tags = Memo::new(move |_| tag_counts(&user.stories.all()));
    // A tag no story carries any more (deleted elsewhere) filters nothing.
    let active_tag = move || {
        tag.get().filter(|t| {
            tags.with(|all| {
                all.iter()
                    .any(|(name, _)| name.to_lowercase() == t.to_lowercase())
            })
        })
    };
    let story_count = Memo::new(move |_| user.stories.count());
    let new_story = move |_| {
        let id = user.stories.create(None);
        go_to(&Route::Stories(Some(id)));
    };

    let chip = move |value: Option<String>, label: String| {
        let pressed = value.clone();
        view! {
            <button
                type="button"
                class="chip"
                aria-pressed=move || (active_tag() == pressed).to_string()
                on:click=move |_| tag.set(value.clone())
            >
                {label}
            </button>
        }
    };
    let chips = move || {
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
    };

    let list = move || {
        let filter = active_tag();
        let stories = user.stories.all();
        {
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
                .map(|(id, story)| {
                    let linked = story.questions.len();
                    let tags = story
                        .tags
                        .iter()
                        .map(|t| view! { <span class="tag">{t.clone()}</span> })
                        .collect_view();
                    view! {
                        <li>
                            <a href=Route::Stories(Some(id.to_string())).href()>
                                <span class="story-title">{display_title(story).to_string()}</span>
                                <span class="question-meta">
                                    {match linked {
                                        0 => "Not linked to a question".to_string(),
                                        n => format!("Answers {}", count(n, "question", "questions")),
                                    }}
                                    " · "
                                    {edited_on(story, utc_offset_min())}
                                </span>
                                {(!story.tags.is_empty()).then(|| view! { <span class="story-tag-row">{tags}</span> })}
                            </a>
                        </li>
                    }
                })
                .collect_view();
            view! {
                <p class="result-count" role="status">{heading}</p>
                <ul class="story-list">{items}</ul>
            }
        }
    };

    let gap_list = Memo::new(move |_| gaps(&user.stories.all(), bank::QUESTIONS));
    let behavioural_count = behavioural(bank::QUESTIONS).len();

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
            {chips}
            {list}
        </Show>

        <section aria-labelledby="gaps" class="story-gaps">
            <h2 id="gaps">"Gaps"</h2>
            {move || {
                let missing = gap_list.get();
                if missing.is_empty() {
                    view! {
                        <p>{format!("Every one of the {behavioural_count} behavioural questions has a story. Well prepared.")}</p>
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
                            {format!("{} of {behavioural_count} behavioural questions have no story yet.", missing.len())}
                        </p>
                        <ul class="gap-list">{items}</ul>
                    }
                    .into_any()
                }
            }}
        </section>
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Part {
    Situation,
    Task,
    Action,
    Result,
}

impl Part {
    const ALL: [Part; 4] = [Part::Situation, Part::Task, Part::Action, Part::Result];

    fn label(self) -> &'static str {
        match self {
            Part::Situation => "Situation",
            Part::Task => "Task",
            Part::Action => "Action",
            Part::Result => "Result",
        }
    }

    fn hint(self) -> &'static str {
        match self {
            Part::Situation => "Where and when; the stakes in one or two sentences.",
            Part::Task => "What you were responsible for.",
            Part::Action => "What you did, in the first person.",
            Part::Result => "What changed, with a number.",
        }
    }

    fn get(self, story: &Story) -> &str {
        match self {
            Part::Situation => &story.star.situation,
            Part::Task => &story.star.task,
            Part::Action => &story.star.action,
            Part::Result => &story.star.result,
        }
    }

    fn set(self, story: &mut Story, value: String) {
        let slot = match self {
            Part::Situation => &mut story.star.situation,
            Part::Task => &mut story.star.task,
            Part::Action => &mut story.star.action,
            Part::Result => &mut story.star.result,
        };
        *slot = value;
    }
}

/// `#/stories/<id>`, or a clear message when there is no such story.
#[component]
fn StoryEditor(id: String) -> impl IntoView {
    let user = expect_context::<UserState>();
    let id = StoredValue::new(id);
    let exists = Memo::new(move |_| id.with_value(|id| user.stories.contains(id)));
    // A story left with nothing written (a "New story" opened and left) is
    // not kept as an "Untitled story".
    on_cleanup(move || {
        let Some(id) = id.try_get_value() else {
            return;
        };
        let blank = user
            .stories
            .with_untracked(&id, |s| s.is_some_and(Story::is_empty));
        if blank {
            user.stories.delete(&id);
        }
    });
    view! {
        <Show when=move || exists.get() fallback=move || view! { <NoSuchStory id=id.get_value()/> }>
            <StoryForm id=id.get_value()/>
        </Show>
    }
}

#[component]
fn NoSuchStory(id: String) -> impl IntoView {
    crate::web::browser::set_title("Story not found: OpsDrill");
    view! {
        <h1>"Story not found"</h1>
        <p class="lede">
            {format!("There is no story with the id \u{201c}{id}\u{201d}. It may have been deleted, or written in another browser: import a backup to bring it here.")}
        </p>
        <p class="actions">
            <a class="button" href=Route::Stories(None).href()>"← All stories"</a>
        </p>
    }
}

#[component]
fn StoryForm(id: String) -> impl IntoView {
    let user = expect_context::<UserState>();
    let id = StoredValue::new(id);
    let with_story = move |f: &dyn Fn(&Story) -> String| {
        id.with_value(|id| user.stories.with(id, |s| s.map(f)))
            .unwrap_or_default()
    };
    // For the fields' first values, read once.
    let initial = move |f: &dyn Fn(&Story) -> String| {
        id.with_value(|id| user.stories.with_untracked(id, |s| s.map(f)))
            .unwrap_or_default()
    };
    let edit = move |change: Box<dyn FnOnce(&mut Story)>| {
        id.with_value(|id| user.stories.edit(id, change));
    };
    let title = Memo::new(move |_| with_story(&|s| display_title(s).to_string()));
    Effect::new(move |_| {
        crate::web::browser::set_title(&format!("{}: Stories: OpsDrill", title.get()))
    });

    let words = Memo::new(move |_| {
        id.with_value(|id| {
            user.stories.with(id, |s| {
                s.map_or(0, |s| {
                    s.star
                        .parts()
                        .iter()
                        .map(|(_, t)| word_count(t))
                        .sum::<usize>()
                })
            })
        })
    });
    let status = move || id.with_value(|id| user.stories.status(id)).label();

    // Title: text that changes from outside (another tab, an import) is put
    // into the field; the user's own typing is already there.
    let title_node = NodeRef::<leptos::html::Input>::new();
    Effect::new(move |_| {
        let value = with_story(&|s| s.title.clone());
        if let Some(input) = title_node.get() {
            if input.value() != value {
                input.set_value(&value);
            }
        }
    });
    // A new, blank story starts in its title field.
    let blank = initial(&|s| s.is_empty().to_string()) == "true";
    Effect::new(move |_| {
        if let Some(input) = title_node.get() {
            if blank {
                let _ = input.focus();
            }
        }
    });

    // Tags: stored parsed; the field keeps what is typed ("k8s, ") and is
    // only replaced when the stored tags differ from what it says.
    let tags_node = NodeRef::<leptos::html::Input>::new();
    Effect::new(move |_| {
        let tags = id.with_value(|id| {
            user.stories
                .with(id, |s| s.map(|s| s.tags.clone()))
                .unwrap_or_default()
        });
        if let Some(input) = tags_node.get() {
            if parse_tags(&input.value()) != tags {
                input.set_value(&format_tags(&tags));
            }
        }
    });

    let part_view = move |part: Part| {
        let field_id = format!("story-{}", part.label().to_lowercase());
        let node = NodeRef::<leptos::html::Textarea>::new();
        Effect::new(move |_| {
            let value = with_story(&|s| part.get(s).to_string());
            if let Some(textarea) = node.get() {
                if textarea.value() != value {
                    textarea.set_value(&value);
                }
            }
        });
        view! {
            <div class="field">
                <label for=field_id.clone()>{part.label()}</label>
                <p class="hint" id=format!("{field_id}-hint")>{part.hint()}</p>
                <textarea
                    node_ref=node
                    id=field_id.clone()
                    aria-describedby=format!("{field_id}-hint")
                    rows=3
                    prop:value=initial(&|s| part.get(s).to_string())
                    on:input=move |ev| {
                        let value = event_target_value(&ev);
                        edit(Box::new(move |s| part.set(s, value)));
                    }
                    on:blur=move |_| user.flush()
                ></textarea>
            </div>
        }
    };

    // The behavioural questions to link, filtered by the words typed.
    let filter = RwSignal::new(String::new());
    let questions: Vec<&'static Question> = behavioural(bank::QUESTIONS);
    let total = questions.len();
    let linked = move |qid: &'static str| {
        id.with_value(|id| {
            user.stories
                .with(id, |s| s.is_some_and(|s| s.questions.contains(qid)))
        })
    };
    let linked_count = Memo::new(move |_| {
        id.with_value(|id| {
            user.stories.with(id, |s| {
                s.map_or(0, |s| {
                    s.questions
                        .iter()
                        .filter(|q| bank::find(q).is_some())
                        .count()
                })
            })
        })
    });
    let all_questions = questions.clone();
    let shown_count = Memo::new(move |_| {
        filter.with(|f| {
            all_questions
                .iter()
                .filter(|q| question_matches(q.text, f))
                .count()
        })
    });
    let checklist = questions
        .iter()
        .map(|q| {
            let qid = q.id;
            let text = q.text;
            view! {
                <li hidden=move || filter.with(|f| !question_matches(text, f))>
                    <label class="check">
                        <input
                            type="checkbox"
                            prop:checked=move || linked(qid)
                            on:change=move |ev| {
                                let on = event_target_checked(&ev);
                                id.with_value(|id| user.stories.link(id, qid, on));
                            }
                        />
                        <span>{text}</span>
                    </label>
                </li>
            }
        })
        .collect_view();

    // Deleting asks first, inline.
    let confirming = RwSignal::new(false);
    let delete_failed = RwSignal::new(false);
    let keep_node = NodeRef::<leptos::html::Button>::new();
    Effect::new(move |_| {
        if let Some(button) = keep_node.get() {
            let _ = button.focus();
        }
    });
    let delete_node = NodeRef::<leptos::html::Button>::new();
    // After "No, keep it", focus returns to the button that asked (for
    // keyboard users) once it is back on the page.
    let refocus = StoredValue::new(false);
    Effect::new(move |_| {
        if let Some(button) = delete_node.get() {
            if refocus.get_value() {
                refocus.set_value(false);
                let _ = button.focus();
            }
        }
    });
    let keep = move |_| {
        refocus.set_value(true);
        confirming.set(false);
    };
    let delete = move |_| {
        let deleted_title = title.get_untracked();
        if id.with_value(|id| user.stories.delete_announced(id, deleted_title)) {
            go_to(&Route::Stories(None));
        } else {
            confirming.set(false);
            delete_failed.set(true);
        }
    };

    view! {
        <article class="story-editor">
            <p class="crumbs">
                <a href=Route::Stories(None).href()>"← All stories"</a>
            </p>
            <h1>{move || title.get()}</h1>

            <div class="field">
                <label for="story-title">"Title"</label>
                <p class="hint" id="story-title-hint">"A name you will recognise in a list, such as \u{201c}The Friday database failover\u{201d}."</p>
                <input
                    node_ref=title_node
                    type="text"
                    id="story-title"
                    class="text-input"
                    aria-describedby="story-title-hint"
                    autocomplete="off"
                    prop:value=initial(&|s| s.title.clone())
                    on:input=move |ev| {
                        let value = event_target_value(&ev);
                        edit(Box::new(move |s| s.title = value));
                    }
                    on:blur=move |_| user.flush()
                />
            </div>
            {Part::ALL.into_iter().map(part_view).collect_view()}
            <div class="field">
                <label for="story-tags">"Tags"</label>
                <p class="hint" id="story-tags-hint">"Separated by commas, such as: incident, leadership, k8s."</p>
                <input
                    node_ref=tags_node
                    type="text"
                    id="story-tags"
                    class="text-input"
                    aria-describedby="story-tags-hint"
                    autocomplete="off"
                    autocapitalize="none"
                    prop:value=initial(&|s| format_tags(&s.tags))
                    on:input=move |ev| {
                        let tags = parse_tags(&event_target_value(&ev));
                        edit(Box::new(move |s| s.tags = tags));
                    }
                    on:blur=move |ev| {
                        // Leaving the field shows the tags as kept. (Blur also fires
                        // when the page is left, after this view is disposed:
                        // only the event and the user are used here.)
                        let input = event_target::<web_sys::HtmlInputElement>(&ev);
                        input.set_value(&format_tags(&parse_tags(&input.value())));
                        user.flush();
                    }
                />
            </div>
            <p class="answer-stats">
                <span>{move || count(words.get(), "word", "words")}</span>
                <span class="save-status" aria-live="polite">{status}</span>
            </p>

            <fieldset class="story-questions">
                <legend>"Questions this story answers"</legend>
                <p class="hint">
                    {move || format!("Linked to {} of {total} behavioural questions.", linked_count.get())}
                </p>
                <input
                    type="search"
                    class="search"
                    aria-label="Filter the questions"
                    placeholder="Filter the questions"
                    autocomplete="off"
                    prop:value=move || filter.get()
                    on:input=move |ev| filter.set(event_target_value(&ev))
                />
                <Show when=move || shown_count.get() == 0>
                    <p class="empty">"No question has all those words."</p>
                </Show>
                <ul class="checklist">{checklist}</ul>
            </fieldset>

            <div class="story-delete">
                <Show when=move || delete_failed.get()>
                    <p class="notice error" role="alert">
                        "The story could not be deleted: storage refused the change. It is kept."
                    </p>
                </Show>
                <Show
                    when=move || confirming.get()
                    fallback=move || view! {
                        <button
                            type="button"
                            class="button danger-outline"
                            node_ref=delete_node
                            on:click=move |_| confirming.set(true)
                        >
                            "Delete story"
                        </button>
                    }
                >
                    <div class="confirm" role="group" aria-labelledby="confirm-delete">
                        <p id="confirm-delete">
                            {move || format!("Delete \u{201c}{}\u{201d}? This cannot be undone.", title.get())}
                        </p>
                        <div class="actions">
                            <button type="button" class="button danger" on:click=delete>"Yes, delete"</button>
                            <button type="button" class="button secondary" node_ref=keep_node on:click=keep>
                                "No, keep it"
                            </button>
                        </div>
                    </div>
                </Show>
            </div>
        </article>
    }
}
