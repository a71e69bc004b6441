//! "Your questions": packs out (the chosen own questions as one Markdown file
//! in the bank's format, downloaded or handed to the share sheet) and in (a
//! pack checked with the bank's parser, previewed with what is wrong in it
//! line by line, and added only when the user says so).

use std::collections::BTreeSet;

use leptos::prelude::*;
use leptos::task::spawn_local;

use opsdrill_core::format::count;
use opsdrill_core::own::pack::{self, Preview, MAX_PACK_BYTES};
use opsdrill_core::own::OwnQuestion;
use opsdrill_core::route::Route;
use opsdrill_core::search::ListQuery;

use super::Section;
use crate::state::UserState;
use crate::ui::components::field::Field;
use crate::web::clock::now_ms;
use crate::web::share;

const PACK_MIME: &str = "text/markdown";

#[component]
pub fn PackSettings() -> impl IntoView {
    let user = expect_context::<UserState>();
    let total = Memo::new(move |_| user.own.questions().len());
    let mine = Route::Questions(ListQuery {
        mine: true,
        ..ListQuery::default()
    });
    view! {
        <Section id="own-questions" title="Your questions">
            <p>
                {move || match total.get() {
                    0 => "You have no questions of your own yet.".to_string(),
                    n => format!("You have {} of your own.", count(n, "question", "questions")),
                }}
                " "
                <a href=mine.href()>"See them"</a>
                " · "
                <a href=Route::AddQuestion.href()>"Add one"</a>
            </p>
            <Show when=move || { total.get() > 0 }>
                <PackExport/>
            </Show>
            <PackImport/>
        </Section>
    }
}

/// The questions to put in a pack (all, until the user unticks some), and
/// the buttons that make it.
#[component]
fn PackExport() -> impl IntoView {
    let user = expect_context::<UserState>();
    let left_out = RwSignal::new(BTreeSet::<String>::new());
    let message = RwSignal::new(None::<String>);
    let chosen = move || -> Vec<(String, OwnQuestion)> {
        let left_out = left_out.get_untracked();
        user.own
            .questions()
            .iter()
            .filter(|q| !left_out.contains(q.id))
            .filter_map(|q| user.own.get_untracked(q.id).map(|r| (q.id.to_string(), r)))
            .collect()
    };
    let pack_text = move || {
        let chosen = untrack(chosen);
        let pairs: Vec<(&str, &OwnQuestion)> =
            chosen.iter().map(|(id, q)| (id.as_str(), q)).collect();
        (chosen.len(), pack::export(&pairs))
    };
    let download = move |_| {
        let (n, text) = pack_text();
        let name = pack::file_name(now_ms());
        message.set(Some(
            match crate::web::browser::download(&name, PACK_MIME, &text) {
                Ok(()) => format!("Exported {} as {name}.", count(n, "question", "questions")),
                Err(why) => format!("The pack could not be saved ({why})."),
            },
        ));
    };
    let can_share = share::can_share_file("pack.md", PACK_MIME);
    let share_pack = move |_| {
        let (n, text) = pack_text();
        let name = pack::file_name(now_ms());
        spawn_local(async move {
            let shared = share::share_file(&name, PACK_MIME, &text).await;
            let done = format!("Shared {}.", count(n, "question", "questions"));
            message.set(Some(shared.message(done, "pack", "Export pack")));
        });
    };
    let nothing_chosen = move || {
        user.own
            .questions()
            .iter()
            .all(|q| left_out.with(|l| l.contains(q.id)))
    };
    view! {
        <fieldset class="pack-choice">
            <legend>"Questions in the pack"</legend>
            <For
                each=move || user.own.questions()
                key=|q| q.id
                children=move |q| view! {
                    <label class="check">
                        <input
                            type="checkbox"
                            prop:checked=move || left_out.with(|l| !l.contains(q.id))
                            on:change=move |ev| {
                                let keep = event_target_checked(&ev);
                                left_out.update(|l| {
                                    if keep { l.remove(q.id); } else { l.insert(q.id.to_string()); }
                                });
                            }
                        />
                        <span>{q.text}</span>
                    </label>
                }
            />
        </fieldset>
        <p class="hint">"A pack is one Markdown file in the question bank's format: readable in any editor, and importable in OpsDrill on another device or by a friend. Your answers are not in it."</p>
        <div class="actions">
            <button type="button" class="button" disabled=nothing_chosen on:click=download>"Export pack"</button>
            {can_share.then(|| view! {
                <button type="button" class="button secondary" disabled=nothing_chosen on:click=share_pack>"Share pack"</button>
            })}
        </div>
        <p role="status" class="notice">{move || message.get()}</p>
    }
}

/// A pack read and checked, waiting for the user.
#[derive(Clone)]
struct PendingPack {
    file_name: String,
    preview: Preview,
}

#[component]
fn PackImport() -> impl IntoView {
    let user = expect_context::<UserState>();
    let pending = RwSignal::new(None::<PendingPack>);
    let message = RwSignal::new(None::<(bool, String)>);
    let pick = move |ev: leptos::ev::Event| {
        let Some(file) = crate::web::browser::picked_file(&ev) else {
            return;
        };
        pending.set(None);
        let file_name = file.name();
        if file.size() > MAX_PACK_BYTES as f64 {
            let why = pack::PackError::TooLarge(file.size() as usize);
            message.set(Some((false, format!("{file_name}: {why}"))));
            return;
        }
        spawn_local(async move {
            let read = match crate::web::browser::read_file(&file).await {
                Ok(bytes) => pack::preview(&bytes, |id| user.own.is_taken(id), now_ms())
                    .map_err(|e| e.to_string()),
                Err(why) => Err(format!("The file could not be read ({why}).")),
            };
            match read {
                Err(why) => message.set(Some((
                    false,
                    format!("{file_name}: {why} Nothing was added."),
                ))),
                Ok(preview) => {
                    message.set(None);
                    pending.set(Some(PendingPack { file_name, preview }));
                }
            }
        });
    };
    let add = move |_| {
        let Some(PendingPack { file_name, preview }) = pending.get_untracked() else {
            return;
        };
        let n = preview.questions.len();
        user.own.add_all(preview.questions);
        pending.set(None);
        message.set(Some((
            true,
            format!("Added {} from {file_name}: they are in Questions under \u{201c}Mine\u{201d}, and new in Practice.", count(n, "question", "questions")),
        )));
    };
    view! {
        <Field id="pack-file" label="Import a pack" hint="A question pack (.md, at most 2 MB). You will see what it holds, and what is wrong in it, before anything is added.">
            <input id="pack-file" type="file" accept=".md,.markdown,.txt,text/markdown,text/plain" aria-describedby="pack-file-hint" on:change=pick/>
        </Field>
        {move || message.get().map(|(ok, text)| view! {
            <p class="notice" class:error=!ok role=if ok { "status" } else { "alert" }>{text}</p>
        })}
        {move || pending.get().map(|p| view! { <PackPreview pending=p on_add=add on_cancel=move |_| pending.set(None)/> })}
    }
}

#[component]
fn PackPreview(
    pending: PendingPack,
    on_add: impl Fn(leptos::ev::MouseEvent) + 'static,
    on_cancel: impl Fn(leptos::ev::MouseEvent) + 'static,
) -> impl IntoView {
    let Preview {
        questions,
        errors,
        found,
    } = pending.preview;
    let valid = questions.len();
    view! {
        <div class="import-preview pack-preview" role="region" aria-labelledby="pack-preview-title">
            <h3 id="pack-preview-title">
                {format!("{}: {valid} of {} can be added", pending.file_name, count(found, "question", "questions"))}
            </h3>
            {(!questions.is_empty()).then(|| view! {
                <ul class="pack-questions">
                    {questions.iter().map(|(_, q)| view! { <li>{q.question.clone()}</li> }).collect_view()}
                </ul>
            })}
            {(!errors.is_empty()).then(|| view! {
                <p>{format!("{} not added, for these reasons:", count(found - valid, "question is", "questions are"))}</p>
                <ul class="pack-errors">
                    {errors.into_iter().map(|e| view! { <li><code>{e}</code></li> }).collect_view()}
                </ul>
            })}
            <div class="actions">
                {(valid > 0).then(|| view! {
                    <button type="button" class="button" on:click=on_add>
                        {format!("Add {}", count(valid, "question", "questions"))}
                    </button>
                })}
                <button type="button" class="button secondary" on:click=on_cancel>"Cancel"</button>
            </div>
        </div>
    }
}
