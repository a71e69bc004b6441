//! "What were you asked?": a short form for right after a real interview,
//! made for a phone. The lines typed are shown back, each with the bank's
//! question where the bank has a close one (the user picks: practise the
//! bank's, or keep their own wording), then kept in one tap.

use leptos::prelude::*;

use opsdrill_core::bank::Question;
use opsdrill_core::format::count;
use opsdrill_core::own::asked::{self, Line};
use opsdrill_core::route::Route;
use opsdrill_core::time;

use crate::state::UserState;
use crate::ui::components::field::Field;
use crate::web::clock::{now_ms, utc_offset_min};

/// One line under review: its text, the bank's close question if any, and
/// whether the user took that one instead.
#[derive(Clone)]
struct Reviewed {
    text: String,
    bank: Option<&'static Question>,
    use_bank: RwSignal<bool>,
}

#[component]
pub fn AskedPage() -> impl IntoView {
    crate::web::browser::set_title("What were you asked?: OpsDrill");
    let user = expect_context::<UserState>();
    let today = time::format_date(time::local_day(now_ms(), utc_offset_min()));
    let company = RwSignal::new(String::new());
    let date = RwSignal::new(today);
    let round = RwSignal::new(String::new());
    let lines = RwSignal::new(String::new());
    let reviewed = RwSignal::new(None::<Vec<Reviewed>>);
    let saved = RwSignal::new(None::<String>);
    let review = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let all = untrack(|| user.questions());
        let found = asked::question_lines(&lines.get_untracked())
            .into_iter()
            .map(|text| Reviewed {
                bank: asked::closest_in_bank(&text, &all),
                text,
                use_bank: RwSignal::new(false),
            })
            .collect::<Vec<_>>();
        reviewed.set(Some(found));
        saved.set(None);
    };
    let keep = move |_| {
        let Some(found) = reviewed.get_untracked() else {
            return;
        };
        let chosen: Vec<Line> = found
            .iter()
            .map(|r| Line {
                text: r.text.clone(),
                bank: r.bank.filter(|_| r.use_bank.get_untracked()).map(|q| q.id),
            })
            .collect();
        let logged = asked::log(
            &company.get_untracked(),
            &date.get_untracked(),
            &round.get_untracked(),
            &chosen,
            |id| user.own.is_taken(id),
            now_ms(),
        );
        let n = logged.interview.questions.len();
        user.log_interview(logged);
        reviewed.set(None);
        lines.set(String::new());
        saved.set(Some(format!(
            "Kept {}: due for practice tomorrow. The interview is in Progress.",
            count(n, "question", "questions")
        )));
    };
    let text_field = move |id: &'static str, label: &'static str, value: RwSignal<String>| {
        view! {
            <Field id=id label=label>
                <input id=id type="text" class="text-input" prop:value=move || value.get()
                    on:input=move |ev| value.set(event_target_value(&ev))/>
            </Field>
        }
    };
    view! {
        <article class="own-page asked-page">
            <p class="crumbs"><a href=Route::Practice.href()>"← Practice"</a></p>
            <h1>"What were you asked?"</h1>
            <p class="lede">"Right after an interview, while you remember: one line per question. They become your own questions, due for practice tomorrow."</p>
            {move || saved.get().map(|text| view! {
                <p class="notice" role="status">{text} " " <a href=Route::Progress.href()>"See the log"</a></p>
            })}
            <form class="own-editor" on:submit=review>
                {text_field("asked-company", "Company", company)}
                <div class="field-row">
                    <Field id="asked-date" label="Date">
                        <input id="asked-date" type="date" prop:value=move || date.get()
                            on:input=move |ev| date.set(event_target_value(&ev))/>
                    </Field>
                    {text_field("asked-round", "Round (optional)", round)}
                </div>
                <Field id="asked-lines" label="The questions, one per line">
                    <textarea id="asked-lines" rows=6 prop:value=move || lines.get()
                        on:input=move |ev| lines.set(event_target_value(&ev))></textarea>
                </Field>
                <button type="submit" class="button">"Review"</button>
            </form>
            {move || reviewed.get().map(|found| view! { <Review found on_keep=keep/> })}
        </article>
    }
}

#[component]
fn Review(
    found: Vec<Reviewed>,
    on_keep: impl Fn(leptos::ev::MouseEvent) + 'static,
) -> impl IntoView {
    if found.is_empty() {
        return view! { <p class="notice error" role="alert">"Write at least one question, one per line."</p> }.into_any();
    }
    let n = found.len();
    view! {
        <section class="asked-review" aria-labelledby="asked-review-title">
            <h2 id="asked-review-title">{count(n, "question", "questions")}</h2>
            <ol class="asked-lines">
                {found.into_iter().enumerate().map(|(i, line)| view! { <ReviewLine index=i line/> }).collect_view()}
            </ol>
            <button type="button" class="button" on:click=on_keep>
                {format!("Keep {}", count(n, "question", "questions"))}
            </button>
        </section>
    }
    .into_any()
}

#[component]
fn ReviewLine(index: usize, line: Reviewed) -> impl IntoView {
    let Reviewed {
        text,
        bank,
        use_bank,
    } = line;
    let name = format!("asked-line-{index}");
    view! {
        <li>
            <p class="asked-text">{text}</p>
            {bank.map(|q| view! {
                <fieldset class="asked-choice">
                    <legend>"The bank has a question like it:"</legend>
                    <p class="asked-bank">{q.text}</p>
                    <label class="check">
                        <input type="radio" name=name.clone() prop:checked=move || !use_bank.get()
                            on:change=move |_| use_bank.set(false)/>
                        <span>"Add it as my own question"</span>
                    </label>
                    <label class="check">
                        <input type="radio" name=name.clone() prop:checked=move || use_bank.get()
                            on:change=move |_| use_bank.set(true)/>
                        <span>"Practise the bank's question instead"</span>
                    </label>
                </fieldset>
            })}
        </li>
    }
}
