//! A part of the page built once and kept while the rest renders again.

use std::rc::Rc;

use yew::prelude::*;

/// `html`: the part, built elsewhere (with `use_memo`) and rebuilt only when what it shows
/// changes.
#[derive(Properties)]
pub struct KeptProps {
    pub html: Rc<Html>,
}

/// The same build is the same part: comparing the trees themselves would cost what is saved.
impl PartialEq for KeptProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.html, &other.html)
    }
}

/// Renders only when given another build. Placed as plain `Html` in the list, the filter bar
/// (about 300 elements on a site with many tags) was copied and compared element by element
/// on every keystroke, though it changes only when typing pauses.
#[component]
pub fn Kept(props: &KeptProps) -> Html {
    (*props.html).clone()
}
