//! Every post's text (after any front matter) is byte for byte one of the original seed
//! texts in `../shared/seeds/`, and every seed is published exactly once.

use std::fs;
use std::path::Path;

use geul_build::split_front_matter as split;

#[test]
fn post_bodies_are_the_seed_texts_unchanged() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let seeds_dir = root.join("../shared/seeds");
    if !seeds_dir.is_dir() {
        eprintln!(
            "SKIPPED: {} is absent, so post bodies cannot be compared with the seeds",
            seeds_dir.display()
        );
        return;
    }
    let read_all = |dir: &Path| -> Vec<(String, String)> {
        let mut files: Vec<(String, String)> = fs::read_dir(dir)
            .unwrap()
            .map(|entry| entry.unwrap().path())
            .filter(|path| path.is_file())
            .map(|path| {
                (
                    path.file_name().unwrap().to_string_lossy().into_owned(),
                    fs::read_to_string(&path).unwrap(),
                )
            })
            .collect();
        files.sort();
        files
    };
    let seeds = read_all(&seeds_dir);
    let posts = read_all(&root.join("posts"));
    assert_eq!(seeds.len(), 5, "five seed texts");
    assert_eq!(posts.len(), seeds.len(), "one post per seed");

    let mut used = vec![false; seeds.len()];
    for (name, source) in &posts {
        let body = split(source).expect("front matter is closed").body;
        // A seed that carries its own front matter is published whole; the others gain one.
        let matching = seeds
            .iter()
            .position(|(_, seed)| seed == source || seed == body);
        let Some(index) = matching else {
            panic!(
                "posts/{name}: its text differs from every seed in {}",
                seeds_dir.display()
            );
        };
        assert!(
            !used[index],
            "posts/{name}: seed {} is published twice",
            seeds[index].0
        );
        used[index] = true;
    }
}

#[test]
fn seeds_that_had_front_matter_keep_it_unchanged() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let seeds_dir = root.join("../shared/seeds");
    if !seeds_dir.is_dir() {
        eprintln!("SKIPPED: {} is absent", seeds_dir.display());
        return;
    }
    let mut with_front_matter = 0;
    for entry in fs::read_dir(&seeds_dir).unwrap() {
        let seed = fs::read_to_string(entry.unwrap().path()).unwrap();
        if split(&seed).unwrap().yaml.is_none() {
            continue;
        }
        with_front_matter += 1;
        let published = fs::read_dir(root.join("posts"))
            .unwrap()
            .any(|post| fs::read_to_string(post.unwrap().path()).unwrap() == seed);
        assert!(
            published,
            "a seed with front matter is not published byte for byte"
        );
    }
    assert_eq!(with_front_matter, 2);
}
