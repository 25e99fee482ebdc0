/* Clause text and notes that a page fetches only when a reader asks for them.
 *
 * A platform page lists ~100 clauses, and a sample contract has ~80 articles with a note each:
 * carrying every copy text and note in the HTML would make those pages several times heavier
 * for text nobody sees until they click. The build publishes api/clauses/<id>.json and
 * api/contracts/<id>.json (clause_library/export/site_json.py); this script fetches them on demand.
 *   - button.clause-copy[data-copy-src][data-copy-stance]: copies exactly that version's text.
 *   - button[data-notes-src]: shows or hides a note under every article of the contract.
 *   - button[data-compare-scripts]: loads the diff library and compare.js, then marks a pasted clause.
 * The data-*-src paths are relative to the site root (meta clause-library-root), as the build names them.
 * Text is inserted as text only: nothing from the JSON is parsed as HTML.
 */
(() => {
  "use strict";

  const root = document.querySelector('meta[name="clause-library-root"]')?.content ?? ".";
  const cache = new Map();

  function fromRoot(path) {
    return new URL(`${root}/${path}`, document.baseURI);
  }

  function fetchJson(path) {
    if (!cache.has(path)) {
      const request = fetch(fromRoot(path)).then((response) => {
        if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
        return response.json();
      });
      request.catch(() => cache.delete(path)); // a failed request is retried on the next click
      cache.set(path, request);
    }
    return cache.get(path);
  }

  function flash(button, message) {
    button.dataset.label ??= button.textContent; // the label before any message, however fast the clicks
    button.textContent = message;
    clearTimeout(button.flashTimer);
    button.flashTimer = setTimeout(() => { button.textContent = button.dataset.label; }, 2000);
  }

  async function copy(button) {
    const text = fetchJson(button.dataset.copySrc).then((clause) => clause.texts[button.dataset.copyStance]);
    try {
      // A ClipboardItem may hold a promise, so the copy keeps the click's user activation
      // while the JSON is still on its way (Safari requires that).
      if (window.ClipboardItem) {
        const blob = text.then((t) => new Blob([t], { type: "text/plain" }));
        await navigator.clipboard.write([new ClipboardItem({ "text/plain": blob })]);
      } else {
        await navigator.clipboard.writeText(await text);
      }
      flash(button, "已复制");
    } catch {
      flash(button, "复制失败，请打开条款页复制");
    }
  }

  function element(tag, text, className) {
    const node = document.createElement(tag);
    if (text) node.textContent = text;
    if (className) node.className = className;
    return node;
  }

  function noteFor(note) {
    const box = element("aside", "", "admonition note contract-note");
    const stance = element("p", "本条采用");
    stance.append(element("strong", note.stance), `版本。${note.why}`);
    box.append(element("p", `注释：${note.title}`, "admonition-title"), stance);
    if (note.red_line) {
      const redLine = element("p");
      redLine.append(element("strong", "底线："), note.red_line);
      box.append(redLine);
    }
    const link = element("a", note.clause_title);
    link.href = fromRoot(note.url);
    const more = element("p", note.more);
    more.append(link);
    box.append(more);
    return box;
  }

  async function toggleNotes(button) {
    const show = !button.dataset.shown;
    if (show && !button.dataset.loaded) {
      button.disabled = true;
      try {
        const { notes } = await fetchJson(button.dataset.notesSrc);
        for (const note of notes) document.getElementById(note.anchor)?.parentElement.append(noteFor(note));
        button.dataset.loaded = "yes";
      } catch {
        flash(button, "注释加载失败，请重试");
        return;
      } finally {
        button.disabled = false;
      }
    }
    document.querySelectorAll(".contract-note").forEach((note) => { note.hidden = !show; });
    if (show) button.dataset.shown = "yes";
    else delete button.dataset.shown;
    button.textContent = show ? "隐藏注释" : "显示注释"; // the label says what a press does
  }

  const scripts = new Map();
  function loadScript(path) {
    if (!scripts.has(path)) {
      scripts.set(path, new Promise((resolve, reject) => {
        const script = document.createElement("script");
        script.src = fromRoot(path).href;
        script.onload = resolve;
        script.onerror = () => { scripts.delete(path); reject(new Error(path)); };
        document.head.append(script);
      }));
    }
    return scripts.get(path);
  }

  /** 与收到的写法对比: the diff library and its script load on the first press, not with the page. */
  async function compare(button) {
    const box = button.closest(".paste-compare");
    try {
      for (const path of button.dataset.compareScripts.split(" ")) await loadScript(path);
      window.clauseLibraryCompare(box);
    } catch {
      box.querySelector(".paste-compare-result").textContent = "对比功能加载失败，请重试。";
    }
  }

  document.querySelectorAll("button[data-notes-src], button[data-compare-scripts]").forEach((button) => { button.hidden = false; });

  document.addEventListener("click", (event) => {
    const copyButton = event.target.closest?.("button.clause-copy[data-copy-src]");
    if (copyButton) copy(copyButton);
    const notesButton = event.target.closest?.("button[data-notes-src]");
    if (notesButton) toggleNotes(notesButton);
    const compareButton = event.target.closest?.("button[data-compare-scripts]");
    if (compareButton) compare(compareButton);
  });
})();
