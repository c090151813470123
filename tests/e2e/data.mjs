// The five posts of the demo site (tests/demo-site/, the posts geul ships with),
// plus a small model of the filter rules used to compute the expected list
// and facet counts. Kept apart from the app on purpose: the tests state what
// the page must show, they do not reuse the app's own logic.

export const POSTS = [
  {
    slug: 'data-scientist-job-change',
    title: '2년차 데이터사이언티스트의 이직 도전기',
    date: '2021-11-14',
    dateKo: '2021년 11월 14일',
    categories: ['ETC', 'Jobs'],
    tags: ['jobs'],
    // Text a reader must find in the rendered body (from the start of the post).
    firstText: '2년차 데이터사이언티스트로서 이직을 준비하고 있습니다.',
    laterText: '2019년 3월에 현재 회사에 데이터사이언티스트 포지션으로 입사하였습니다.',
    heading: '이직 지원 당시 상황',
  },
  {
    slug: 'line-developer',
    title: '나도 LINE 개발자입니다.',
    date: '2021-02-01',
    dateKo: '2021년 2월 1일',
    categories: ['LINE', 'career'],
    tags: [],
    firstText: '4년 간의 LG전자 MLOps 엔지니어로써의 일을 마치고 처음으로 이직을 도전한 경험을 공유합니다.',
    laterText: '그래서 최종적으로 라인을 선택하였습니다.',
    heading: '새로운 도전을 시도해 보다',
    missingImages: ['팀사진', '라인'],
  },
  {
    slug: 'lablup-eight-months',
    title: '래블업에서의 8개월',
    date: null,
    categories: ['career'],
    tags: ['회고', '이직', '스타트업'],
    firstText: '나는 2021 4월에 래블업에 입사했다. 이제 8개월이 지났고, 지금까지의 경험에 대해 간단히 소개하고자 한다.',
    laterText: '읽어주셔서 감사합니다.',
    plainText: true,
    // Long source lines that must each be one paragraph of their own.
    ownParagraphs: [
      '나는 2021 4월에 래블업에 입사했다. 이제 8개월이 지났고, 지금까지의 경험에 대해 간단히 소개하고자 한다.',
      '프로그래밍이나 AI, 클라우드컴퓨팅 또는 IT와 관련된 모든 것에 열정이 있거나, 다른 열정적이고 재능 있는 사람들과 함께 일하는 것에 관심이 있다면, 래블업에서 일하는 것을 고려해 보세요.',
    ],
  },
  {
    slug: 'kraft-technologies-first-year',
    title: '무척이나 힘들었던 취준을 뚫고 시작한 개발자로서의 커리어 시작의 해를 보내며',
    date: null,
    categories: ['career'],
    tags: ['MLOps', '이직', '회고'],
    // The source repeats the title as its first line; the page must not.
    firstText: '2022년이 시작하는 1월, 내게는 기쁜 소식이 연달아 접할 기회가 있었다.',
    laterText: '개발자로서의 첫 해가 지나간다.',
    plainText: true,
    ownParagraphs: [
      '2022년이 시작하는 1월, 내게는 기쁜 소식이 연달아 접할 기회가 있었다.',
      '21년에 52 곳의 기업에 개발자로 지원했고, 5곳을 제외하고 모두 다 떨어졌다.',
      '제일 이해가 안되었던 부분은 1차 면접에서 무엇 때문에 떨어지는지 모르는 상황이 무척 많았다는 것.',
    ],
  },
  {
    slug: 'kakao-mlops-interview',
    title: '카카오 분석 & MLOps 플랫폼 면접 복기',
    date: null,
    categories: ['career'],
    tags: ['MLOps', '면접', '카카오'],
    firstText: '지원 직무: 카카오 분석 & MLOps 플랫폼 모집',
    laterText: '구글 코딩 스타일 가이드라인이 있고',
    heading: '인터뷰 복기',
  },
];

// Newest dated first, then undated by title (none is pinned).
export const HOME_ORDER = [
  'data-scientist-job-change',
  'line-developer',
  'lablup-eight-months',
  'kraft-technologies-first-year',
  'kakao-mlops-interview',
];

export const bySlug = (slug) => {
  const post = POSTS.find((p) => p.slug === slug);
  if (!post) throw new Error(`no such post in test data: ${slug}`);
  return post;
};

const field = (kind) => (kind === 'tag' ? 'tags' : 'categories');

/** Every facet the filter bar must offer: "tag:VALUE" / "category:VALUE". */
export const ALL_FACETS = [
  ...new Set(POSTS.flatMap((p) => [
    ...p.tags.map((t) => `tag:${t}`),
    ...p.categories.map((c) => `category:${c}`),
  ])),
].sort();

const carries = (post, facet) => {
  const [kind, value] = splitFacet(facet);
  return post[field(kind)].includes(value);
};

export function splitFacet(facet) {
  const i = facet.indexOf(':');
  return [facet.slice(0, i), facet.slice(i + 1)];
}

/**
 * Slugs (in home order) the list shows for `selected` (array of "kind:value")
 * in `mode`. Returns null where the contract does not pin the answer down
 * (OR across both kinds at once), so callers never assert a guess.
 */
export function shownFor(selected, mode) {
  const posts = HOME_ORDER.map(bySlug);
  if (selected.length === 0) return posts.map((p) => p.slug);
  if (mode === 'and') {
    return posts.filter((p) => selected.every((f) => carries(p, f))).map((p) => p.slug);
  }
  const kinds = new Set(selected.map((f) => splitFacet(f)[0]));
  if (kinds.size > 1) return null;
  return posts.filter((p) => selected.some((f) => carries(p, f))).map((p) => p.slug);
}

/**
 * Expected facet bar: { "kind:value": { pressed, count } }, count null where
 * the contract leaves it open (see shownFor).
 */
export function expectedFacets(selected, mode) {
  const shown = shownFor(selected, mode);
  const out = {};
  for (const facet of ALL_FACETS) {
    const pressed = selected.includes(facet);
    let count;
    if (pressed) {
      count = shown === null ? null : shown.filter((s) => carries(bySlug(s), facet)).length;
    } else {
      const would = shownFor([...selected, facet], mode);
      count = would === null ? null : would.length;
    }
    out[facet] = { pressed, count };
  }
  return out;
}
