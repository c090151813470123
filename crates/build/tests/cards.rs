//! A site of more posts than one card chunk holds: the app embeds the first chunk and the
//! facet ids of every post, and fetches the other cards in chunks.

use std::fmt::Write as _;

use geul_build::{load_site, write_site_files, Site};
use geul_core::{filter_post_ids, CardChunk, Selection, SiteIndex, CARD_CHUNK_POSTS};

const POSTS: usize = 150;

/// `POSTS` posts, one a day from 2020-01-01 (so post `n` is listed at place `POSTS - 1 - n`),
/// every seventh tagged 드문태그.
fn generated_site() -> (tempfile::TempDir, Site) {
    let dir = tempfile::tempdir().unwrap();
    let posts = dir.path().join("posts");
    std::fs::create_dir(&posts).unwrap();
    for n in 0..POSTS {
        let (year, day) = (2020 + n / 365, n % 365);
        let date = format!("{year}-{:02}-{:02}", day / 28 + 1, day % 28 + 1);
        let mut tags = String::from("[공통");
        if n % 7 == 0 {
            tags.push_str(", 드문태그");
        }
        tags.push(']');
        let mut source = String::new();
        write!(
            source,
            "---\ntitle: 글 {n}번\ndate: {date} 09:00:00 +0900\ntags: {tags}\n---\n{n}번째 글의 본문입니다.\n"
        )
        .unwrap();
        std::fs::write(posts.join(format!("{date}-post-{n}.md")), source).unwrap();
    }
    let site = load_site(&posts, dir.path()).expect("the generated posts build");
    (dir, site)
}

#[test]
fn the_first_chunk_is_embedded_and_the_others_are_files_in_order() {
    let (dir, site) = generated_site();
    let index = site.index();
    assert_eq!(index.len(), POSTS);
    assert_eq!(index.first_cards.len(), CARD_CHUNK_POSTS);
    assert_eq!(
        index.card_chunks.len(),
        POSTS.div_ceil(CARD_CHUNK_POSTS) - 1
    );
    let paths: Vec<&String> = site.card_chunks.iter().map(|(path, _)| path).collect();
    assert_eq!(index.card_chunks.iter().collect::<Vec<_>>(), paths);

    let out = dir.path().join("site");
    write_site_files(&site, dir.path(), &out).unwrap();
    let mut cards = SiteIndex::from_bytes(&index.to_bytes())
        .unwrap()
        .first_cards;
    for path in &index.card_chunks {
        let name = path.strip_prefix("content/cards-").unwrap();
        assert!(
            name.len() == 16 + 4 && name.ends_with(".bin"),
            "{path} is content-hashed"
        );
        let bytes = std::fs::read(out.join(path)).unwrap();
        cards.extend(CardChunk::from_bytes(&bytes).unwrap().cards);
    }
    // Facet names travel once, in the facet table; cards carry facet ids.
    let mut expected = site.metas();
    for card in &mut expected {
        card.tags.clear();
        card.categories.clear();
    }
    let slugs = |cards: &[geul_core::PostMeta]| -> Vec<String> {
        cards.iter().map(|card| card.slug.clone()).collect()
    };
    assert_eq!(
        slugs(&cards),
        slugs(&expected),
        "every card once, in the display order"
    );
    assert!(cards == expected, "and the cards read back as written");
    assert_eq!(
        cards[0].title,
        format!("글 {}번", POSTS - 1),
        "newest first"
    );
}

#[test]
fn the_embedded_index_filters_every_post_without_their_cards() {
    let (_dir, site) = generated_site();
    let bytes = site.index().to_bytes();
    let index = SiteIndex::from_bytes(&bytes).unwrap();
    for (position, post) in site.metas().iter().enumerate() {
        assert_eq!(
            index.post_facets(position),
            post.facet_ids,
            "post {position}"
        );
    }
    let rare = Selection::default().with(geul_core::FacetKind::Tag, "드문태그");
    let found = filter_post_ids(&index, &rare);
    assert_eq!(found.len(), POSTS.div_ceil(7));
    assert!(
        found.iter().any(|&post| post >= CARD_CHUNK_POSTS),
        "some beyond the first chunk"
    );
    let metas = site.metas();
    assert!(found
        .iter()
        .all(|&post| metas[post].tags.iter().any(|tag| tag == "드문태그")));
}

#[test]
fn a_damaged_index_or_card_chunk_is_refused() {
    let (_dir, site) = generated_site();
    let bytes = site.index().to_bytes();
    assert!(SiteIndex::from_bytes(&bytes[..bytes.len() - 1]).is_err());
    let (_, chunk) = &site.card_chunks[0];
    assert!(CardChunk::from_bytes(&chunk[..chunk.len() / 2]).is_err());
    assert!(CardChunk::from_bytes(&[chunk.as_slice(), &[0]].concat()).is_err());
}

#[test]
fn a_file_of_another_kind_or_another_build_is_refused_not_misread() {
    use geul_core::search::SearchIndex;
    use geul_core::{Damaged, FORMAT_VERSION};
    let (_dir, site) = generated_site();
    let (_, chunk) = &site.card_chunks[0];
    let index = site.index().to_bytes();
    // Each file read as another kind: refused by its header.
    assert_eq!(SiteIndex::from_bytes(chunk).err(), Some(Damaged::OtherKind));
    assert_eq!(
        CardChunk::from_bytes(&index).err(),
        Some(Damaged::OtherKind)
    );
    assert_eq!(
        SearchIndex::from_bytes(chunk).err(),
        Some(Damaged::OtherKind)
    );
    // The same file from a build that writes the next version of the format.
    let mut newer = chunk.clone();
    newer[5] = FORMAT_VERSION + 1;
    let refused = CardChunk::from_bytes(&newer).unwrap_err();
    assert_eq!(refused, Damaged::OtherVersion(FORMAT_VERSION + 1));
    assert!(refused.to_string().contains("another build"));
}

#[test]
fn an_index_whose_posts_claim_more_facet_ids_than_it_holds_is_refused() {
    use geul_core::{Damaged, FileKind, Writer};
    let mut w = Writer::file(FileKind::SiteIndex);
    w.str("글");
    w.list(&[2u32, 3], |w, &count| w.u32(count)); // five ids claimed…
    w.list(&[0u32, 1], |w, &id| w.u32(id)); // …two held
    w.list(&[] as &[u8], |_, _| {}); // no facets
    w.str("content/search.bin");
    w.list(&[] as &[u8], |_, _| {}); // no cards
    w.list(&[] as &[u8], |_, _| {}); // no card chunks
    assert_eq!(
        SiteIndex::from_bytes(&w.bytes).err(),
        Some(Damaged::Garbled)
    );
}
