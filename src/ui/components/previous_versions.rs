//! The earlier texts of an answer (kept when a mock interview or a restore
//! replaced it), each restorable.

use leptos::prelude::*;

use crate::state::UserState;
use opsdrill_core::data::Answer;
use opsdrill_core::time;

/// "N earlier versions", collapsed, newest first; nothing when there are none.
#[component]
pub fn PreviousVersions(id: &'static str) -> impl IntoView {
    let user = expect_context::<UserState>();
    // Versions only change when one is added or restored: a cheap key, so
    // typing in the answer does not copy them on every keystroke.
    let changed = Memo::new(move |_| {
        user.answers.with(id, |a| {
            a.map(|a| (a.previous.len(), a.previous.last().map(|v| v.replaced_ms)))
        })
    });
    let restored = RwSignal::new(false);
    let restore = move |index: usize| {
        user.answers.restore_version(id, index);
        restored.set(true);
        // Back to the answer, which now holds the restored text.
        crate::web::focus::focus(".answer-editor textarea");
    };
    let list = move || {
        changed.track();
        let versions = user
            .answers
            .with_untracked(id, |a| a.map(|a| a.previous.clone()))
            .unwrap_or_default();
        (!versions.is_empty()).then(|| {
            let count = versions.len();
            let items = versions
                .into_iter()
                .enumerate()
                .rev()
                .map(|(index, version)| {
                    let when = time::format_date(version.updated_ms.div_euclid(time::DAY_MS));
                    let why = match version.replaced_by.as_str() {
                        "mock interview" => "replaced by a mock interview answer",
                        "restore" => "replaced when an earlier version was restored",
                        _ => "replaced",
                    };
                    let text = version_text(&version.writing());
                    view! {
                        <li>
                            <p class="question-meta">{format!("Written {when}, {why}")}</p>
                            <p class="previous-text">{text}</p>
                            <button type="button" class="button small secondary" on:click=move |_| restore(index)>
                                "Use this version"
                            </button>
                        </li>
                    }
                })
                .collect_view();
            view! {
                <details class="previous-versions">
                    <summary>{opsdrill_core::format::count(count, "earlier version", "earlier versions")}</summary>
                    <p class="hint">"Using one keeps the current text as an earlier version too."</p>
                    <ol>{items}</ol>
                </details>
            }
        })
    };
    view! {
        {list}
        <p class="visually-hidden" role="status">
            {move || restored.get().then_some("Earlier version restored. The text it replaced is kept as an earlier version.")}
        </p>
    }
}

/// A version's text as shown: the answer, then its follow-up answers.
fn version_text(answer: &Answer) -> String {
    let mut text = answer.all_text().trim().to_string();
    for (question, reply) in answer
        .follow_ups
        .iter()
        .filter(|(_, r)| !r.trim().is_empty())
    {
        text.push_str(&format!("\n\n{question}\n{}", reply.trim()));
    }
    text.trim().to_string()
}
