// Parses `posts/`, embeds the post index and writes the post bodies (see geul-content).
fn main() {
    geul_content::build_script::run();
}
