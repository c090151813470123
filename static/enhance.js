// What post bodies do in the browser: copy a code block, a section's or the post's address,
// share the post, follow the sections in the contents, start an embedded video, draw a
// diagram, load the comments. A body that needs it carries this script
// (crates/build/src/publish/content_style.rs): the static page runs it as it loads, and the
// app runs it when it shows such a body. Listening on the document covers every body shown
// afterwards.
const root = document.documentElement;
if (!root.classList.contains("enhanced")) {
  root.classList.add("enhanced");
  const status = document.createElement("p");
  status.className = "visually-hidden";
  status.setAttribute("role", "status");
  document.body.append(status);

  const announce = (text) => {
    status.textContent = text;
    setTimeout(() => { status.textContent = ""; }, 2000);
  };
  const postAddress = () => location.origin + location.pathname;
  document.addEventListener("click", (event) => {
    const copy = event.target.closest(".code__copy, .share__copy");
    if (copy) {
      const text = copy.classList.contains("share__copy")
        ? postAddress()
        : copy.closest(".code").querySelector("code").textContent;
      navigator.clipboard.writeText(text).then(() => {
        const label = copy.textContent;
        copy.textContent = copy.dataset.copied;
        announce(copy.dataset.copied);
        setTimeout(() => { copy.textContent = label; }, 2000);
      });
      return;
    }
    // The link still leads to the section; its address is copied as well.
    const anchor = event.target.closest(".heading-anchor");
    if (anchor) {
      navigator.clipboard.writeText(anchor.href).then(() => announce(anchor.dataset.copied));
      return;
    }
    if (event.target.closest(".share__native")) {
      navigator.share({ title: document.title, url: postAddress() }).catch(() => {});
      return;
    }
    const play = event.target.closest(".embed__play");
    if (play) {
      event.preventDefault();
      const embed = play.closest(".embed");
      const frame = document.createElement("iframe");
      frame.src = embed.dataset.embed;
      frame.title = embed.dataset.embedTitle;
      frame.allow = "autoplay; encrypted-media; picture-in-picture; fullscreen";
      frame.allowFullscreen = true;
      embed.replaceChildren(frame);
      frame.focus();
    }
  });

  // Diagrams: mermaid, served beside this script, is fetched the first time a body has
  // one. The source stays in the page (shown until drawn, or if drawing fails) so the
  // drawing can follow the colour scheme when it changes.
  const MERMAID = new URL("./@MERMAID_FOLDER@/mermaid.esm.min.mjs", import.meta.url).href;
  const darkScheme = matchMedia("(prefers-color-scheme: dark)");
  let mermaid = null;
  let queue = Promise.resolve();
  let drawn = 0;
  const isDark = () => root.dataset.theme ? root.dataset.theme === "dark" : darkScheme.matches;
  const draw = async (figures) => {
    if (figures.length === 0) return;
    mermaid ??= import(MERMAID).then((module) => module.default);
    const api = await mermaid;
    api.initialize({ startOnLoad: false, securityLevel: "strict", theme: isDark() ? "dark" : "default" });
    for (const figure of figures) {
      const source = figure.querySelector(".diagram__source").textContent;
      try {
        const { svg } = await api.render(`diagram-${++drawn}`, source);
        let drawing = figure.querySelector(".diagram__drawing");
        if (!drawing) {
          drawing = document.createElement("div");
          drawing.className = "diagram__drawing";
          figure.append(drawing);
        }
        drawing.innerHTML = svg;
        figure.dataset.drawn = "";
      } catch (error) {
        figure.dataset.failed = "";
        console.warn("geul: a diagram could not be drawn", error);
      }
    }
  };
  // Elements, not attributes: the app may show a copy of the static page's body, made
  // while its diagram was being drawn.
  const taken = new WeakSet();
  const drawNew = () => {
    const figures = [...document.querySelectorAll(".diagram")].filter((figure) => !taken.has(figure));
    for (const figure of figures) taken.add(figure);
    queue = queue.then(() => draw(figures));
  };
  const redrawAll = () => {
    const figures = [...document.querySelectorAll(".diagram[data-drawn]")];
    queue = queue.then(() => draw(figures));
  };

  // Comments: the provider's widget (crates/build/src/publish/comments.rs), loaded when the
  // reader comes near the end of the post, in the reader's colour scheme.
  const PROVIDERS = {
    giscus: { host: "https://giscus.app", themes: ["light", "dark"], frame: "iframe.giscus-frame" },
    utterances: { host: "https://utteranc.es", themes: ["github-light", "github-dark"], frame: "iframe.utterances-frame" },
  };
  const commentTheme = (provider) => PROVIDERS[provider].themes[isDark() ? 1 : 0];
  const loadComments = (section) => {
    if (section.querySelector("script, iframe")) return; // a copy of a section already loaded
    const { provider, repo, repoId, category, categoryId, mapping, lang } = section.dataset;
    const attributes = provider === "giscus"
      ? {
        "data-repo": repo, "data-repo-id": repoId, "data-category": category,
        "data-category-id": categoryId, "data-mapping": mapping, "data-reactions-enabled": "1",
        "data-emit-metadata": "0", "data-input-position": "bottom", "data-lang": lang,
        "data-theme": commentTheme(provider),
      }
      : { repo, "issue-term": mapping, theme: commentTheme(provider) };
    const script = document.createElement("script");
    for (const [name, value] of Object.entries(attributes)) {
      if (value) script.setAttribute(name, value);
    }
    script.src = `${PROVIDERS[provider].host}/client.js`;
    script.crossOrigin = "anonymous";
    script.async = true;
    section.append(script);
  };
  const nearEnd = new IntersectionObserver((entries) => {
    for (const entry of entries) {
      if (entry.isIntersecting) {
        nearEnd.unobserve(entry.target);
        loadComments(entry.target);
      }
    }
  }, { rootMargin: "0px 0px 800px 0px" });
  // Elements, not attributes: the app may show a copy of the static page's body.
  const watched = new WeakSet();
  const watchComments = () => {
    for (const section of document.querySelectorAll(".comments")) {
      if (watched.has(section) || !PROVIDERS[section.dataset.provider]) continue;
      watched.add(section);
      nearEnd.observe(section);
    }
  };
  const retheme = () => {
    redrawAll();
    for (const [provider, { host, frame }] of Object.entries(PROVIDERS)) {
      const theme = commentTheme(provider);
      const message = provider === "giscus" ? { giscus: { setConfig: { theme } } } : { type: "set-theme", theme };
      for (const iframe of document.querySelectorAll(frame)) iframe.contentWindow?.postMessage(message, host);
    }
  };

  // The contents follow the reader: the section being read is marked (`aria-current`)
  // when a heading crosses 40% of the window's height, without a scroll handler.
  const followed = new WeakSet();
  const followSections = () => {
    for (const toc of document.querySelectorAll(".toc")) {
      if (followed.has(toc)) continue;
      followed.add(toc);
      const sections = [...toc.querySelectorAll("a")]
        .map((link) => [link, document.getElementById(decodeURIComponent(link.hash.slice(1)))])
        .filter(([, heading]) => heading);
      const mark = () => {
        let current = null;
        for (const [link, heading] of sections) {
          if (heading.getBoundingClientRect().top < innerHeight * 0.4) current = link;
        }
        for (const [link] of sections) {
          if (link === current) link.setAttribute("aria-current", "true");
          else link.removeAttribute("aria-current");
        }
      };
      const crossing = new IntersectionObserver(mark, { rootMargin: "0px 0px -60% 0px" });
      for (const [, heading] of sections) crossing.observe(heading);
    }
  };
  const offerSharing = () => {
    if (!navigator.share) return;
    for (const button of document.querySelectorAll(".share__native[hidden]")) button.hidden = false;
  };

  const enhanceNew = () => {
    drawNew();
    watchComments();
    followSections();
    offerSharing();
  };
  enhanceNew();
  // The app shows bodies after this script first ran.
  new MutationObserver(enhanceNew).observe(document.body, { childList: true, subtree: true });
  darkScheme.addEventListener("change", retheme);
  new MutationObserver(retheme).observe(root, { attributeFilter: ["data-theme"] });
}
