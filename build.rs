// Parses `posts/`, embeds the post index and writes the post bodies (see geul-build).
fn main() {
    geul_build::run();
}
