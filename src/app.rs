//! The app: the hash route, the page switch and the app-wide context.

use leptos::prelude::*;

use crate::bank_text::BankText;
use crate::ui::components::lazy_page::{lazy_page, lazy_part};
use crate::ui::components::shortcuts::Shortcuts;
use crate::ui::components::site_header::SiteHeader;
use crate::ui::pages::home::HomePage;
use crate::ui::pages::not_found::NotFoundPage;
use crate::ui::split;
use opsdrill_core::route::Route;

/// The route the app is showing, provided as context.
#[derive(Clone, Copy)]
pub struct CurrentRoute(pub ReadSignal<Route>);

/// A backup file the installed app was opened with (`web::launch`), waiting
/// for Settings' import to take it.
#[derive(Clone, Copy)]
pub struct LaunchedFile(pub RwSignal<Option<web_sys::File>, LocalStorage>);

#[component]
pub fn App() -> impl IntoView {
    // Read the hash on load, not only on change, so deep links and reloads work.
    let (route, set_route) = signal(crate::web::browser::current_route());
    let _ = window_event_listener(leptos::ev::hashchange, move |_| {
        set_route.set(crate::web::browser::current_route());
        crate::web::browser::scroll_to_top();
    });
    provide_context(CurrentRoute(route));
    let bank_text = BankText::new();
    provide_context(bank_text);
    // Pages that show the bank's text ask for it; for the others it comes
    // right after this first render, so it does not compete with the wasm.
    request_animation_frame(move || {
        set_timeout(move || bank_text.load(None), std::time::Duration::ZERO)
    });
    // The user's state is loaded when a page first needs it (home does not).
    provide_context(crate::state::AppOwner(
        Owner::current().expect("the app renders under an owner"),
    ));
    let update = crate::web::pwa::UpdateAvailable(RwSignal::new(false));
    provide_context(update);
    crate::web::pwa::register(update);
    let launched = LaunchedFile(RwSignal::new_local(None));
    provide_context(launched);
    crate::web::launch::listen(move |file| {
        launched.0.set(Some(file));
        crate::web::browser::go_to(&Route::Settings);
    });

    let page = move || match route.get() {
        Route::Home => view! { <HomePage/> }.into_any(),
        Route::Questions(list) => lazy_page(move || split::questions_page(list.clone())),
        Route::Question { id, list } => {
            lazy_page(move || split::question_page(id.clone(), list.clone()))
        }
        Route::Practice => lazy_page(split::practice_page),
        Route::Mock => lazy_page(split::mock_page),
        Route::Commute => lazy_page(split::commute_page),
        Route::Stories(open) => lazy_page(move || split::stories_page(open.clone())),
        Route::Progress => lazy_page(split::progress_page),
        Route::Settings => lazy_page(split::settings_page),
        Route::AddQuestion => lazy_page(split::add_question_page),
        Route::EditQuestion(id) => lazy_page(move || split::edit_question_page(id.clone())),
        Route::Asked => lazy_page(split::asked_page),
        Route::Send => lazy_page(split::send_page),
        Route::Receive => lazy_page(split::receive_page),
        Route::NotFound(path) => view! { <NotFoundPage missing=path/> }.into_any(),
    };

    view! {
        <a class="skip-link" href="#main" on:click=|ev| {
            ev.prevent_default();
            crate::web::focus::focus("#main");
        }>"Skip to content"</a>
        <SiteHeader/>
        <Shortcuts/>
        <main id="main" tabindex="-1">
            {lazy_part(split::banners)}
            {page}
        </main>
    }
}
