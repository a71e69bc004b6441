//! Where the data lives, in numbers: what OpsDrill uses of the browser's
//! localStorage budget, the browser's own estimate, and whether storage is
//! persistent (with the request again when it is not).

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::state::UserState;
use crate::web::persistence;
use opsdrill_core::data::usage;

#[component]
pub fn StorageInfo() -> impl IntoView {
    let user = expect_context::<UserState>();
    let health = user.saves.health();
    // None until the browser answers.
    let persisted = RwSignal::new(None::<Option<bool>>);
    let estimate = RwSignal::new(None::<(f64, f64)>);
    spawn_local(async move {
        persisted.set(Some(persistence::persisted().await));
        estimate.set(persistence::estimate().await);
    });
    let ask_again = move |_| {
        spawn_local(async move {
            let answer = persistence::ask().await;
            persisted.set(Some(answer.or(persistence::persisted().await)));
        });
    };
    let persisted_text = move || {
        match persisted.get() {
        None => "Checking whether storage is persistent…",
        Some(Some(true)) => "Storage is persistent: the browser will not clear it to make space.",
        Some(Some(false)) => "Storage is not persistent: the browser may clear it when the device runs low on space. Keep a backup, or ask again (browsers decide by how you use the site; installing the app helps).",
        Some(None) => "This browser does not say whether storage is persistent. Keep a backup.",
    }
    };
    view! {
        <p class="hint" id="storage-used">
            {move || {
                let used = health.used();
                format!(
                    "Local storage: OpsDrill uses {} ({}%) of the about 5 MB a browser keeps for each site.",
                    usage::amount(used),
                    usage::percent(used)
                )
            }}
            {move || estimate.get().map(|(used, quota)| format!(
                " The browser counts {} MB used by this site in all (the app's files included), of {} MB it allows.",
                usage::megabytes(used as u64),
                (quota as u64 + 524_288) / 1_048_576
            ))}
        </p>
        <p class="hint" id="storage-persistence">{persisted_text}</p>
        <Show when=move || persisted.get() == Some(Some(false))>
            <button type="button" class="button small secondary" on:click=ask_again>
                "Ask the browser to keep this data"
            </button>
        </Show>
    }
}
