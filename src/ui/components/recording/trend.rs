//! How a question's attempts changed: talk time and long pauses, oldest
//! first, once there are two reports to compare.

use leptos::prelude::*;
use opsdrill_core::recordings::RecordingMeta;
use opsdrill_core::time::{format_local, minutes_seconds};

use crate::web::clock::utc_offset_min;

#[component]
pub fn Trend(recordings: Memo<Vec<RecordingMeta>>) -> impl IntoView {
    let rows = move || {
        recordings.with(|all| {
            // The list is newest first; a trend reads oldest first.
            let mut with_reports: Vec<_> = all
                .iter()
                .filter_map(|r| {
                    let report = r.report.as_ref()?;
                    report.first_word_ms?;
                    Some((r.created_ms, report.talk_ms, report.long_pauses))
                })
                .collect();
            with_reports.reverse();
            with_reports
        })
    };
    move || {
        let rows = rows();
        (rows.len() >= 2).then(|| {
            let offset = utc_offset_min();
            let body = rows
                .into_iter()
                .map(|(at, talk, pauses)| {
                    view! {
                        <tr>
                            <td>{format_local(at, offset)}</td>
                            <td>{minutes_seconds(i64::from(talk / 1000))}</td>
                            <td>{pauses}</td>
                        </tr>
                    }
                })
                .collect_view();
            view! {
                <table class="trend">
                    <caption>"Across your attempts"</caption>
                    <thead>
                        <tr><th scope="col">"Recorded"</th><th scope="col">"Talk time"</th><th scope="col">"Pauses over a second"</th></tr>
                    </thead>
                    <tbody>{body}</tbody>
                </table>
            }
        })
    }
}
