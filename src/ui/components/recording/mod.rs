//! Recording a spoken answer on a question page: "Record answer" with the
//! elapsed time and a level meter while it runs, the delivery report after
//! each recording, the question's earlier recordings to play, download or
//! delete, and the trend across attempts. Written answers are never touched
//! by any of it.

mod recording_item;
mod report;
mod session;
mod speaking;
mod trend;

use leptos::prelude::*;
use opsdrill_core::bank::Question;
use opsdrill_core::time::minutes_seconds;

use crate::state::Recordings;
use crate::web::recorder;
use recording_item::RecordingItem;
use session::{Phase, RecordingSession};
use trend::Trend;

pub use speaking::SpeakingSummary;

/// The recorder and the recordings of one question.
#[component]
pub fn RecordingPanel(question: &'static Question) -> impl IntoView {
    let recordings = Recordings::get_or_load();
    let id = question.id;
    let mine = Memo::new(move |_| recordings.of_question(id));
    // The recording just made shows its report open.
    let latest = RwSignal::new(None::<String>);

    view! {
        <section
            class="recording"
            aria-labelledby="recording-heading"
            aria-busy=move || (!recordings.loaded()).to_string()
        >
            <h2 id="recording-heading" class="visually-hidden">"Recordings"</h2>
            <RecordButton question latest/>
            <p class="notice" role="status" hidden=move || recordings.problem().is_none()>
                {move || recordings.problem()}
            </p>
            <Show when=move || !mine.with(Vec::is_empty)>
                <h3>"Your recordings"</h3>
                <ul class="recordings">
                    // Keyed by the report too: an item is drawn again when its report comes.
                    <For each=move || mine.get() key=|r| (r.id.clone(), r.report.is_some()) let:meta>
                        <RecordingItem latest style=question.style meta/>
                    </For>
                </ul>
                <Trend recordings=mine/>
            </Show>
        </section>
    }
}

/// "Record answer", and "Stop recording" with the time and the level while
/// it runs. Absent, with a note, where the browser cannot record.
#[component]
/// `latest` gets the new recording's id (`try_`: the page may be gone by
/// the time it is saved).
fn RecordButton(question: &'static Question, latest: RwSignal<Option<String>>) -> impl IntoView {
    if !recorder::supported() {
        return view! { <p class="hint">{UNSUPPORTED}</p> }.into_any();
    }
    let session = RecordingSession::new(question);
    let phase = session.phase;
    let label = move || match phase.get() {
        Phase::Idle => "Record answer",
        Phase::Starting => "Starting…",
        Phase::Recording => "Stop recording",
        Phase::Saving => "Saving…",
    };
    view! {
        <div class="record">
            <button
                type="button"
                class="button small secondary record-button"
                class:recording=move || phase.get() == Phase::Recording
                aria-pressed=move || (phase.get() == Phase::Recording).to_string()
                disabled=move || matches!(phase.get(), Phase::Starting | Phase::Saving)
                on:click=move |_| match phase.get_untracked() {
                    Phase::Idle => session.start(),
                    Phase::Recording => session.stop(move |made| {
                        let _ = latest.try_set(Some(made));
                    }),
                    Phase::Starting | Phase::Saving => {}
                }
            >
                {label}
            </button>
            <Show when=move || phase.get() == Phase::Recording>
                <TimeAndLevel session/>
            </Show>
        </div>
        <p class="hint">"Recordings stay on this device. Backups do not carry them."</p>
        <Problem session/>
    }
    .into_any()
}

const UNSUPPORTED: &str =
    "Recording needs a browser with microphone access and MediaRecorder; this one has neither here.";

/// Records while it is on the page (a mock interview's question, commute
/// mode's answer pause) and saves when it goes.
#[component]
pub fn RecordWhileShown(question: &'static Question) -> impl IntoView {
    if !recorder::supported() {
        return view! { <p class="hint">{UNSUPPORTED}</p> }.into_any();
    }
    let session = RecordingSession::new(question);
    session.start();
    let phase = session.phase;
    view! {
        <div class="record record-auto">
            <Show when=move || phase.get() == Phase::Recording>
                <span class="recording-dot" aria-hidden="true"></span>
                <span>"Recording"</span>
                <TimeAndLevel session/>
            </Show>
        </div>
        <Problem session/>
    }
    .into_any()
}

#[component]
fn TimeAndLevel(session: RecordingSession) -> impl IntoView {
    view! {
        <span class="elapsed" aria-label="Recording time">
            {move || minutes_seconds(i64::from(session.elapsed_ms.get() / 1000))}
        </span>
        <meter
            class="level"
            aria-label="Microphone level"
            min="0"
            max="1"
            value=move || session.level.get().to_string()
        ></meter>
    }
}

#[component]
fn Problem(session: RecordingSession) -> impl IntoView {
    let problem = session.problem;
    view! {
        <p class="notice" role="alert" hidden=move || problem.with(Option::is_none)>
            {move || problem.get()}
        </p>
    }
}
