// What post bodies do in the browser: copy a code block, start an embedded video. A body
// that needs it carries this script (crates/build/src/publish/content_style.rs): the static
// page runs it as it loads, and the app runs it when it shows such a body. Listening on the
// document covers every body shown afterwards.
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
}
