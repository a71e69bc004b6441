//! OpsDrill: offline practice for senior DevOps / SRE / platform interviews.
//!
//! The pure core (`bank`, `search`, `route`) has no browser dependency and is
//! tested natively; `pages/` and `components/` are thin Leptos views over it;
//! `browser` is the small amount of web-sys glue.

mod browser;
mod components;
mod dictation;
mod pages;
mod pwa;
mod speech;
pub mod state;
mod storage;

use leptos::prelude::*;

use components::banners::StorageBanners;
use components::shortcuts::Shortcuts;
use components::site_header::SiteHeader;
use components::update_banner::UpdateBanner;
use opsdrill_core::bank;
use opsdrill_core::route::Route;
use pages::commute::CommutePage;
use pages::home::HomePage;
use pages::mock::MockPage;
use pages::not_found::NotFoundPage;
use pages::practice::PracticePage;
use pages::progress::ProgressPage;
use pages::question::QuestionPage;
use pages::questions::QuestionsPage;
use pages::settings::SettingsPage;
use pages::stories::StoriesPage;

/// The route the app is showing, provided as context.
#[derive(Clone, Copy)]
pub struct CurrentRoute(pub ReadSignal<Route>);

#[component]
pub fn App() -> impl IntoView {
    // Read the hash on load, not only on change, so deep links and reloads work.
    let (route, set_route) = signal(browser::current_route());
    let _ = window_event_listener(leptos::ev::hashchange, move |_| {
        set_route.set(browser::current_route());
        browser::scroll_to_top();
    });
    provide_context(CurrentRoute(route));
    provide_context(state::Store::load());
    let update = pwa::UpdateAvailable(RwSignal::new(false));
    provide_context(update);
    pwa::register(update);
    // The theme setting overrides prefers-color-scheme.
    let store = expect_context::<state::Store>();
    Effect::new(move |_| {
        let theme = store.data.with(|d| d.settings.theme.clone());
        if let Some(root) = document().document_element() {
            let _ = match theme.as_str() {
                "light" | "dark" => root.set_attribute("data-theme", &theme),
                _ => root.remove_attribute("data-theme"),
            };
        }
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
            if let Some(main) = document().get_element_by_id("main") {
                use wasm_bindgen::JsCast;
                if let Ok(main) = main.dyn_into::<web_sys::HtmlElement>() {
                    let _ = main.focus();
                }
            }
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
