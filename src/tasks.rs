//! Work kept out of the task or the frame that shows a change, so neither grows long.

use gloo::timers::callback::Timeout;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// Runs `work` after the next paint: from a zero timeout that the next animation frame sets,
/// so neither the current task nor the frame's own work waits for it.
pub fn after_paint(work: impl FnOnce() + 'static) {
    let next = Closure::once(move || Timeout::new(0, work).forget());
    let _ = gloo::utils::window().request_animation_frame(next.as_ref().unchecked_ref());
    next.forget();
}

/// Resolves in a task of its own (a zero timeout), letting the browser handle input and
/// paint between two long steps.
pub async fn next_task() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = gloo::utils::window().set_timeout_with_callback(&resolve);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}
