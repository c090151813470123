use super::*;

fn finds(query: &str, text: &str) -> bool {
    Query::parse(query).matches(text)
}

#[test]
fn particles_and_endings_do_not_matter() {
    assert!(finds("라인", "저는 라인에서 일합니다"));
    assert!(finds("면접", "면접관을 만났다"));
    assert!(!finds("라인", "카카오"));
}

#[test]
fn several_words_must_all_match() {
    assert!(finds("카카오 면접", "카카오 분석 플랫폼 면접 복기"));
    assert!(!finds("카카오 면접", "카카오 분석 플랫폼"));
}

#[test]
fn initial_consonants_match_consecutive_syllables() {
    assert!(finds("ㄹㅇ", "라인 개발자"));
    assert!(finds("ㅋㅋㅇ", "카카오 모빌리티"));
    assert!(!finds("ㄹㅇ", "라 인")); // not consecutive
    assert!(finds("ㅁㅅㄹㄴ ML", "머신러닝 부트캠프 ML"));
}

#[test]
fn a_syllable_still_being_composed_matches() {
    assert!(finds("콛", "코드 리뷰"), "코 + ㄷ on the way to 코드");
    assert!(finds("라이", "라인"), "이 on the way to 인");
    assert!(finds("라", "락"), "라 on the way to 락");
    assert!(finds("코ㄷ", "코드"));
    assert!(finds("콛", "콛"));
    assert!(!finds("콛", "코스"));
}

#[test]
fn a_double_final_still_being_composed_matches() {
    // 알 + ㄱ shows as 앍 until the next vowel makes it 알고: the results must not empty.
    assert!(finds("앍", "알고리즘 공부"), "앍 on the way to 알고리즘");
    assert!(finds("싦", "실무 경험"), "싦 on the way to 실무");
    assert!(finds("섦", "설명하기"), "섦 on the way to 설명");
    assert!(finds("갑", "값"), "갑 on the way to 값");
    assert!(finds("값", "값이 오르다"));
    assert!(finds("없", "없다"));
    assert!(finds("달", "닭갈비"), "달 on the way to 닭");
    assert!(!finds("닥", "닭갈비"), "ㄱ then ㄹ makes no double final");
    assert!(
        !finds("앍", "알림"),
        "the moved part must start the next syllable"
    );
    assert!(
        !finds("앍", "아기"),
        "only the second part of a double final moves"
    );
}

#[test]
fn mixed_scripts_and_latin_case() {
    assert!(finds("MLOps 엔지니어", "LG전자 mlops 엔지니어로써"));
    assert!(finds("k8s", "K8S 클러스터"));
    assert!(finds("aws", "AWS 같은 클라우드"));
}

#[test]
fn decomposed_input_is_composed() {
    let nfd_query = "\u{1105}\u{1161}\u{110B}\u{1175}\u{11AB}"; // 라인
    assert!(finds(nfd_query, "라인에서"));
    assert!(finds(
        "라인",
        "\u{1105}\u{1161}\u{110B}\u{1175}\u{11AB}에서"
    ));
}

#[test]
fn blank_queries_match_everything() {
    assert!(Query::parse("").is_empty());
    assert!(Query::parse("   \t ").is_empty());
    assert!(finds("  ", "무엇이든"));
}

#[test]
fn very_long_queries_are_cut_not_rejected() {
    let long = "라".repeat(10_000);
    let query = Query::parse(&long);
    assert_eq!(query.terms.len(), 1);
    assert!(!query.matches("라인"));
}

#[test]
fn regex_characters_are_plain_characters() {
    assert!(finds("c++", "c++ 개발"));
    assert!(finds("(a|b)", "식 (a|b) 하나"));
    assert!(!finds(".*", "아무거나"));
}

fn doc(title: &str, facets: &str, text: &str) -> Prepared {
    Prepared::new(&SearchDoc {
        title: title.into(),
        facets: facets.into(),
        text: text.into(),
    })
}

#[test]
fn title_matches_rank_above_tag_matches_above_text_matches() {
    let docs = [
        doc("회고", "", "면접 이야기"),
        doc("다른 글", "면접", ""),
        doc("면접 준비", "", ""),
        doc("무관", "", "관계 없음"),
    ];
    let ranked = rank(&docs, 0..docs.len(), &Query::parse("면접"));
    assert_eq!(ranked, [2, 1, 0]);
}

#[test]
fn more_terms_in_the_title_win_and_ties_keep_list_order() {
    let docs = [
        doc("카카오", "", "면접"),
        doc("카카오 면접", "", ""),
        doc("카카오", "", "면접 후기"),
    ];
    assert_eq!(rank(&docs, 0..3, &Query::parse("카카오 면접")), [1, 0, 2]);
    assert_eq!(
        rank(&docs, [2, 0].into_iter(), &Query::parse("카카오")),
        [2, 0],
        "candidate order kept"
    );
}

#[test]
fn matches_report_their_range() {
    let text = folded("그래서 코드를");
    let Query { terms } = Query::parse("콛");
    assert_eq!(terms[0].find(&text), Some(4..6));
}

#[test]
fn hangul_terms_read_no_word_without_hangul() {
    // Titles bring a number word per post (`#5855`); Latin words are many too.
    let words: Vec<Vec<char>> = (0..10_000)
        .map(|n| folded(&format!("#{n}")))
        .chain(["mlops", "k8s", "kubernetes", "2021년"].map(folded))
        .collect();
    for typed in ["데", "ㄷ", "라이", "ㄹㅇ", "콛", "카카오", "면접"] {
        let query = Query::parse(typed);
        let wanted = query.terms[0].signature();
        let read: Vec<String> = words
            .iter()
            .filter(|word| word_signature(word) & wanted == wanted)
            .map(|word| word.iter().collect())
            .collect();
        assert!(
            read.iter().all(|word| word == "2021년"),
            "{typed}: {read:?}"
        );
    }
}
