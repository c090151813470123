use super::*;

#[test]
fn equal_scores_keep_the_index_order() {
    // Text counts of a five-term query (post 3 lacks a term); then the same with titles
    // and tags counting.
    let score = vec![1, 5, 1, MISSING_TERM + 5, 5, 3];
    assert_eq!(best_first(score.clone(), 5), [1, 4, 5, 0, 2]);
    assert_eq!(best_first(vec![MISSING_TERM; 4], 5), Vec::<usize>::new());
    let packed = vec![1 << 8, 1 << 16, 1, 1 << 16, 1 << 8 | 1];
    assert_eq!(best_first(packed, 2), [1, 3, 4, 0, 2]);
    // A query of many terms is sorted instead, with the same order.
    assert_eq!(best_first(score, 40), [1, 4, 5, 0, 2]);
}

#[test]
fn damaged_postings_give_wrong_posts_at_worst_never_a_panic() {
    // Numbers far too long, a gap past the last post, a number cut short at the end.
    let mut fields = vec![0u8; 3];
    add_postings(&[0xff; 40], &mut fields);
    add_postings(
        &[0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f, 0x09],
        &mut fields,
    );
    add_postings(&[0x80 | 0x7f, 0x7f, 0x11], &mut fields);
    assert_eq!(fields, [0, 0, 0], "nothing in range was read from these");
    add_postings(&[0x01, 0x0a, 0xff], &mut fields);
    assert_eq!(fields, [1, 2, 0], "what came before the damage is kept");
}
