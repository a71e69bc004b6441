//! For the keystroke benchmark only (cargo feature `effect-count`): runs the
//! reactive system on an executor that counts task polls. Leptos runs every
//! effect, render effects included, as a task woken when something it read
//! changed, so the count per keystroke is how many effects a keystroke woke.
//! The benchmark reads it from `window.__opsdrillEffectPolls()`.

use std::future::Future;
use std::pin::Pin;
use std::sync::atomic::{AtomicU32, Ordering};
use std::task::{Context, Poll};

use any_spawner::{CustomExecutor, Executor, PinnedFuture, PinnedLocalFuture};
use wasm_bindgen::prelude::*;

static POLLS: AtomicU32 = AtomicU32::new(0);

struct Counted<F: ?Sized>(Pin<Box<F>>);

impl<F: Future<Output = ()> + ?Sized> Future for Counted<F> {
    type Output = ();
    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        POLLS.fetch_add(1, Ordering::Relaxed);
        self.0.as_mut().poll(cx)
    }
}

struct CountingExecutor;

impl CustomExecutor for CountingExecutor {
    fn spawn(&self, fut: PinnedFuture<()>) {
        wasm_bindgen_futures::spawn_local(Counted(fut));
    }
    fn spawn_local(&self, fut: PinnedLocalFuture<()>) {
        wasm_bindgen_futures::spawn_local(Counted(fut));
    }
    fn poll_local(&self) {}
}

/// Call before mounting, so Leptos finds this executor already set.
pub fn install() {
    let _ = Executor::init_custom_executor(CountingExecutor);
    let read = Closure::<dyn Fn() -> u32>::new(|| POLLS.load(Ordering::Relaxed));
    if let Some(window) = web_sys::window() {
        let _ = js_sys::Reflect::set(&window, &"__opsdrillEffectPolls".into(), read.as_ref());
    }
    read.forget();
}
