//! A list's part of the takeover from the static copy (see `crate::takeover`): the filter
//! bar comes a task after the rest and the cards a task after it; the app is shown in place
//! of the copy once they are there.

use yew::prelude::*;

use crate::list_facets::show_chosen_facets;

/// How many of the two (the bar, the cards) are still to come.
#[hook]
pub fn use_takeover_stages() -> u8 {
    let held = use_state(|| if crate::takeover::claim() { 2u8 } else { 0 });
    {
        let held = held.clone();
        use_effect_with(*held, move |&still| {
            if still > 0 {
                wasm_bindgen_futures::spawn_local(async move {
                    crate::tasks::next_task().await;
                    held.set(still - 1);
                });
            } else {
                crate::takeover::finish();
                // On screen now (opened from a link, or come to from a post's tag): a
                // facet the link chose may be out of sight in its row. After the paint,
                // when reading the layout costs nothing more.
                crate::tasks::after_paint(show_chosen_facets);
            }
        });
    }
    *held
}
