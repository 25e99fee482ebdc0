/* 与收到的写法对比: a reader pastes the counterparty's clause on a clause page and sees it marked
 * against the library version of their choice. Loaded by clause-data.js on the first press of the
 * button; the diff runs in the browser with jsdiff (vendored from npm), word by word with the
 * browser's own Chinese word segmenter. Nothing pasted leaves the page, and it is shown as text only.
 */
(() => {
  "use strict";

  const segmenter = "Segmenter" in Intl ? new Intl.Segmenter("zh", { granularity: "word" }) : null;

  function marked(parts) {
    const out = document.createElement("div");
    out.className = "clause-text";
    let paragraph = document.createElement("p");
    out.append(paragraph);
    for (const part of parts) {
      part.value.split("\n").forEach((piece, index) => {
        if (index) {
          paragraph = document.createElement("p");
          out.append(paragraph);
        }
        if (!piece) return;
        const node = part.added ? document.createElement("ins") : part.removed ? document.createElement("del") : null;
        if (node) {
          node.textContent = piece;
          paragraph.append(node);
        } else {
          paragraph.append(piece);
        }
      });
    }
    return out;
  }

  window.clauseLibraryCompare = (box) => {
    const version = box.querySelector("select").value;
    const library = document.querySelector(`.clause-version[data-stance="${version}"] .clause-copy`)?.dataset.clipboardText ?? "";
    const pasted = box.querySelector("textarea").value.replace(/\r\n?/g, "\n").trim();
    const result = box.querySelector(".paste-compare-result");
    if (!pasted) {
      result.textContent = "请先把对方的条款粘贴到上面的文本框里。";
      return;
    }
    const parts = segmenter
      ? window.Diff.diffWords(library, pasted, { intlSegmenter: segmenter })
      : window.Diff.diffChars(library, pasted);
    const added = parts.filter((p) => p.added).length, removed = parts.filter((p) => p.removed).length;
    const summary = document.createElement("p");
    summary.textContent = added || removed
      ? `与本站${version}版本相比：对方增加 ${added} 处（下划线），删除 ${removed} 处（删除线）。`
      : `与本站${version}版本完全相同。`;
    result.replaceChildren(summary, marked(parts));
  };
})();
