use std::collections::BTreeMap;

use leptos::prelude::*;

use crate::state::UserState;
use crate::ui::components::interview_log::InterviewLog;
use crate::ui::components::lazy_page::LazyPartNearView;
use crate::ui::split;
use crate::web::clock::{now_ms, utc_offset_min};
use opsdrill_core::bank::Category;
use opsdrill_core::format::count;
use opsdrill_core::stats::{category_progress, heatmap, reviews_per_day, streak};
use opsdrill_core::time;

const WEEKS: usize = 12;
const CELL: usize = 14;
const GAP: usize = 3;

#[component]
pub fn ProgressPage() -> impl IntoView {
    crate::web::browser::set_title("Progress: OpsDrill");
    let user = expect_context::<UserState>();
    let offset = utc_offset_min();
    let today = time::local_day(now_ms(), offset);
    let rows = move || {
        let answers = user.answers.all();
        let questions = user.questions();
        user.schedule.with(|schedule| {
            Category::ALL
                .into_iter()
                .map(|category| {
                    let p = category_progress(&questions, category, schedule, &answers, now_ms());
                    view! {
                        <tr>
                            <th scope="row">{category.label()}</th>
                            <td>{p.new}</td>
                            <td>{p.learning}</td>
                            <td>{p.mastered}</td>
                            <td>{p.due}</td>
                            <td>{p.answered}</td>
                        </tr>
                    }
                })
                .collect_view()
        })
    };
    let per_day = Memo::new(move |_| user.schedule.with(|s| reviews_per_day(s, offset)));
    let streak_days = move || streak(&per_day.get(), today);
    view! {
        <h1>"Progress"</h1>
        <p class="streak" role="status">
            {move || match streak_days() {
                0 => "No current streak: rate a question today to start one.".to_string(),
                1 => "Current streak: 1 day.".to_string(),
                n => format!("Current streak: {n} days in a row."),
            }}
        </p>
        <div class="table-wrap">
            <table class="progress-table">
                <caption>"Questions by category"</caption>
                <thead>
                    <tr>
                        <th scope="col">"Category"</th>
                        <th scope="col">"New"</th>
                        <th scope="col">"Learning"</th>
                        <th scope="col">"Mastered"</th>
                        <th scope="col">"Due"</th>
                        <th scope="col">"Answered"</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
        <h2>"Practice in the last 12 weeks"</h2>
        <Heatmap per_day today/>
        <p class="hint">"Mastered: FSRS schedules the question three weeks or more ahead. Answered: you have written an answer."</p>
        <InterviewLog/>
        <LazyPartNearView load=split::speaking_summary/>
    }
}

/// The last 12 weeks, a square per day shaded by how many ratings it had,
/// with a one-line summary that is also the figure's text alternative.
#[component]
fn Heatmap(per_day: Memo<BTreeMap<i64, usize>>, today: i64) -> impl IntoView {
    move || {
        let per_day = per_day.get();
        let cells = heatmap(&per_day, today, WEEKS);
        let total: usize = cells.iter().map(|c| c.count).sum();
        let active = cells.iter().filter(|c| c.count > 0).count();
        let busiest = cells.iter().max_by_key(|c| c.count).filter(|c| c.count > 0);
        let summary = match busiest {
            None => "No ratings in the last 12 weeks yet.".to_string(),
            Some(best) => format!(
                "{} on {} in the last 12 weeks; the busiest day was {} with {}.",
                count(total, "rating", "ratings"),
                count(active, "day", "days"),
                time::format_date(best.day),
                best.count
            ),
        };
        let width = WEEKS * (CELL + GAP);
        let height = 7 * (CELL + GAP);
        let rects = cells
            .into_iter()
            .map(|cell| {
                let level = match cell.count {
                    0 => 0,
                    1..=2 => 1,
                    3..=5 => 2,
                    _ => 3,
                };
                view! {
                    <rect
                        x=(cell.week * (CELL + GAP)).to_string()
                        y=(cell.weekday * (CELL + GAP)).to_string()
                        width=CELL.to_string()
                        height=CELL.to_string()
                        rx="3"
                        class=format!("heat-{level}")
                    >
                        <title>{format!("{}: {}", time::format_date(cell.day), count(cell.count, "rating", "ratings"))}</title>
                    </rect>
                }
            })
            .collect_view();
        view! {
            <figure class="heatmap">
                <svg
                    role="img"
                    aria-labelledby="heatmap-summary"
                    viewBox=format!("0 0 {width} {height}")
                    width=width.to_string()
                    height=height.to_string()
                >
                    {rects}
                </svg>
                <figcaption id="heatmap-summary">{summary}</figcaption>
            </figure>
        }
    }
}
