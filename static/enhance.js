// What post bodies do in the browser: copy a code block, start an embedded video, draw a
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

  document.addEventListener("click", (event) => {
    const copy = event.target.closest(".code__copy");
    if (copy) {
      const code = copy.closest(".code").querySelector("code").textContent;
      navigator.clipboard.writeText(code).then(() => {
        const label = copy.textContent;
        copy.textContent = status.textContent = copy.dataset.copied;
        setTimeout(() => { copy.textContent = label; status.textContent = ""; }, 2000);
      });
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

  const enhanceNew = () => {
    drawNew();
    watchComments();
  };
  enhanceNew();
  // The app shows bodies after this script first ran.
  new MutationObserver(enhanceNew).observe(document.body, { childList: true, subtree: true });
  darkScheme.addEventListener("change", retheme);
  new MutationObserver(retheme).observe(root, { attributeFilter: ["data-theme"] });
}
