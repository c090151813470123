//! geul: a Korean-first blog reader. The posts are bundled at build time (see `build.rs`);
//! this crate is the browser side: views, routing and the glue to the DOM.

mod app;
mod body_loader;
mod components;
mod pages;
mod route;
mod site_index;

fn main() {
    let root = gloo::utils::document()
        .get_element_by_id("geul")
        .expect("index.html has an element with id=\"geul\"");
    yew::Renderer::<app::App>::with_root(root).render();
}
