//! The app: the hash route, the page switch and the app-wide context.

use leptos::prelude::*;

use crate::bank_text::BankText;
use crate::ui::components::banners::StorageBanners;
use crate::ui::components::shortcuts::Shortcuts;
use crate::ui::components::site_header::SiteHeader;
use crate::ui::components::update_banner::UpdateBanner;
use crate::ui::pages::commute::CommutePage;
use crate::ui::pages::home::HomePage;
use crate::ui::pages::mock::MockPage;
use crate::ui::pages::not_found::NotFoundPage;
use crate::ui::pages::practice::PracticePage;
use crate::ui::pages::progress::ProgressPage;
use crate::ui::pages::question::QuestionPage;
use crate::ui::pages::questions::QuestionsPage;
use crate::ui::pages::settings::SettingsPage;
use crate::ui::pages::stories::StoriesPage;
use opsdrill_core::bank;
use opsdrill_core::route::Route;

/// The route the app is showing, provided as context.
#[derive(Clone, Copy)]
pub struct CurrentRoute(pub ReadSignal<Route>);

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
    provide_context(crate::state::UserState::load());
    let update = crate::web::pwa::UpdateAvailable(RwSignal::new(false));
    provide_context(update);
    crate::web::pwa::register(update);
    let user = expect_context::<crate::state::UserState>();
    Effect::new(move |_| {
        user.settings
            .with(|s| crate::web::browser::set_theme(&s.theme))
    });

    let page = move || match route.get() {
        Route::Home => view! { <HomePage/> }.into_any(),
        Route::Questions(list) => view! { <QuestionsPage initial=list/> }.into_any(),
        Route::Question { id, list } => match bank::find(&id) {
            Some(question) => view! { <QuestionPage question list/> }.into_any(),
            None => view! { <NotFoundPage missing=id question=true/> }.into_any(),
        },
        Route::Practice => view! { <PracticePage/> }.into_any(),
        Route::Mock => view! { <MockPage/> }.into_any(),
        Route::Commute => view! { <CommutePage/> }.into_any(),
        Route::Stories(open) => view! { <StoriesPage open/> }.into_any(),
        Route::Progress => view! { <ProgressPage/> }.into_any(),
        Route::Settings => view! { <SettingsPage/> }.into_any(),
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
            <UpdateBanner/>
            <StorageBanners/>
            {page}
        </main>
    }
}
