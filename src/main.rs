fn main() {
    console_error_panic_hook::set_once();
    // The static shell in index.html paints before the wasm loads; the app
    // replaces it.
    if let Some(shell) = leptos::prelude::document().get_element_by_id("shell") {
        shell.remove();
    }
    #[cfg(feature = "effect-count")]
    opsdrill::count_effects();
    leptos::mount::mount_to_body(opsdrill::App);
}
