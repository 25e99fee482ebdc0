/* 起草合同: the contract builder. Loaded only by docs/draft/index.md.
 *
 * The build publishes, per contract, api/drafts/<id>.json (clause_library/export/draft_json.py: the
 * contract with every option of every choice under its condition and every field by name) and
 * downloads/<id>.template.docx (the same document as Word, fields and conditions marked 〖…〗).
 * This script shows the choices and a form for the fields, previews the contract as the reader types,
 * and fills the Word template with docxtemplater – the Word document itself is written by Python at
 * build time, never here. Field values read exactly as clause_library/fields.py writes them
 * (tests compare the two).
 *
 * Privacy: nothing typed leaves the browser. The script fetches only the site's own files; it saves
 * to localStorage and to files the reader downloads; a share link carries choices, and values only
 * when the reader asks for it, in the #fragment, which browsers never send to a server.
 * Every text from the data or the reader is inserted with textContent, never as HTML.
 */
(() => {
  "use strict";

  const app = document.getElementById("draft-app");
  if (!app) return;
  const root = document.querySelector('meta[name="clause-library-root"]')?.content ?? ".";
  const STORAGE = "clause-library:draft:";
  const url = (path) => new URL(`${root}/${path}`, document.baseURI);
  const $ = (id) => document.getElementById(id);

  function el(tag, attributes = {}, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attributes)) {
      if (value === null || value === undefined || value === false) continue;
      if (key === "text") node.textContent = value;
      else if (key in node && typeof value !== "string") node[key] = value;
      else node.setAttribute(key, value === true ? "" : value);
    }
    node.append(...children.filter((c) => c !== null && c !== undefined));
    return node;
  }

  const scripts = new Map();
  function loadScript(path) {
    if (!scripts.has(path)) {
      scripts.set(path, new Promise((resolve, reject) => {
        const script = el("script", { src: url(path).href });
        script.onload = resolve;
        script.onerror = () => { scripts.delete(path); reject(new Error(`无法加载 ${path}`)); };
        document.head.append(script);
      }));
    }
    return scripts.get(path);
  }

  async function fetchJson(path) {
    const response = await fetch(url(path));
    if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
    return response.json();
  }

  // ---- values: checked as typed, written as clause_library/fields.py writes them -----------------
  const TYPE_NAMES = { money: "金额（元）", integer: "整数", number: "数字", percent: "百分比", date: "日期" };

  function normalised(spec, raw) {
    const text = String(raw ?? "").trim();
    if (!text) return { value: "" };
    if (spec.type === "text" || spec.type === "party") return { value: text };
    if (spec.type === "choice") {
      return spec.options.includes(text) ? { value: text } : { value: "", problem: `请从选项中选择。` };
    }
    if (spec.type === "date") {
      const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
      const day = match && new Date(Date.UTC(+match[1], +match[2] - 1, +match[3]));
      const ok = day && day.getUTCMonth() === +match[2] - 1 && day.getUTCDate() === +match[3];
      return ok ? { value: text } : { value: "", problem: "请填写有效的日期。" };
    }
    const cleaned = text.replace(/[,，]/g, "").replace(/[%元]$/, "");
    const pattern = spec.type === "integer" ? /^\d+$/ : spec.type === "money" ? /^\d+(\.\d{1,2})?$/ : /^\d+(\.\d+)?$/;
    if (!pattern.test(cleaned)) {
      const hint = spec.type === "money" ? "例如 30000 或 1234.5，最多精确到分" : spec.type === "integer" ? "例如 3" : "例如 1.5";
      return { value: "", problem: `“${text}”不是${TYPE_NAMES[spec.type]}：请只写阿拉伯数字，${hint}。` };
    }
    if (spec.type === "percent" && Number(cleaned) > 100) return { value: "", problem: "百分比不能超过 100。" };
    return { value: numberText(cleaned) };
  }

  function numberText(text) {
    let [whole, fraction = ""] = text.split(".");
    whole = whole.replace(/^0+(?=\d)/, "");
    fraction = fraction.replace(/0+$/, "");
    return fraction ? `${whole}.${fraction}` : whole;
  }

  function moneyText(text) {
    const [whole, fraction] = text.split(".");
    const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
    return fraction ? `${grouped}.${fraction.padEnd(2, "0")}` : grouped;
  }

  function fieldText(spec, value) {
    if (!value) {
      if (spec.type === "money") return `人民币【${spec.label}】元`;
      if (spec.type === "choice") return spec.options.map((o) => `□${o}`).join("");
      return `【${spec.label}】`;
    }
    if (spec.type === "money") return `人民币${moneyText(value)}元（大写：${window.Nzh.toMoney(value, { outSymbol: false })}）`;
    if (spec.type === "date") {
      const [y, m, d] = value.split("-").map(Number);
      return `${y}年${m}月${d}日`;
    }
    return value;
  }

  // ---- the document ------------------------------------------------------------------------
  const state = { doc: null, choices: {}, inputs: {}, values: {}, problems: {}, spans: {} };

  const chosen = (condition) => !condition || state.conditions.has(condition);

  function conditions() {
    const on = new Set();
    for (const choice of state.doc.choices) {
      const option = choice.options.find((o) => o.value === state.choices[choice.id]);
      if (option?.tag) on.add(option.tag);
    }
    return on;
  }

  function runText(run) {
    return run.f ? fieldText(state.doc.fields[run.f], state.values[run.f]) : run.x;
  }

  function blockText(block) {
    if (block.p) return block.p.map(runText).join("");
    return block.t.map((row) => row.map((cell) => cell.map(runText).join("")).join(" | ")).join("\n");
  }

  /** The contract as plain text, line for line as clause_library/export/text.py writes it. */
  function contractText() {
    const doc = state.doc;
    const sections = doc.sections.filter((s) => chosen(s.condition));
    const out = [doc.title, ""];
    if (doc.notice.length) out.push("特别提示", ...doc.notice.filter((b) => chosen(b.c)).map(blockText), "");
    out.push(...doc.parties.map(blockText), "", ...doc.recitals.map(blockText), "");
    for (const s of sections.filter((s) => s.kind === "article")) out.push(s.title, ...s.blocks.map(blockText), "");
    out.push(doc.closing);
    doc.signature[0].forEach((_, column) => {
      out.push("", ...doc.signature.map((row) => row[column].map(runText).join("")));
    });
    for (const s of sections.filter((s) => s.kind === "annex")) out.push("", "", s.title, "", ...s.blocks.map(blockText));
    return "\ufeff" + out.join("\n").replace(/\s+$/, "") + "\n";
  }

  // ---- preview -----------------------------------------------------------------------------
  function runNode(run) {
    if (!run.f) {
      const node = run.r ? el("a", { href: `#preview-${run.r}`, text: run.x }) : document.createTextNode(run.x);
      return run.b ? el("strong", {}, node) : node;
    }
    const span = el("span", { "data-field": run.f });
    (state.spans[run.f] ??= []).push(span);
    return run.b ? el("strong", {}, span) : span;
  }

  function blockNode(block) {
    if (block.p) return el("p", { "data-condition": block.c }, ...block.p.map(runNode));
    const [head, ...body] = block.t;
    const cells = (row, tag) => el("tr", {}, ...row.map((cell) => el(tag, {}, ...cell.map(runNode))));
    return el("div", { class: "contract-table" },
      el("table", {}, el("thead", {}, cells(head, "th")), el("tbody", {}, ...body.map((row) => cells(row, "td")))));
  }

  function renderPreview() {
    const doc = state.doc;
    state.spans = {};
    const preview = $("draft-preview");
    const sections = doc.sections.map((s) => el("section", { class: "draft-section", id: `preview-${s.anchor}`,
      "data-condition": s.condition }, el("h3", { text: s.title }), ...s.blocks.map(blockNode)));
    const signature = el("table", { class: "draft-signature" }, el("tbody", {},
      ...doc.signature.map((row) => el("tr", {}, ...row.map((cell) => el("td", {}, ...cell.map(runNode)))))));
    preview.replaceChildren(
      el("h2", { class: "draft-preview-title", text: "预览" }),
      el("p", { class: "draft-blanks", id: "draft-blanks", "aria-live": "polite" }),
      el("div", { class: "draft-paper" },
        el("p", { class: "contract-title", text: doc.title }),
        doc.notice.length ? el("div", { class: "contract-notice" }, el("p", { class: "contract-notice-title", text: "特别提示" }),
          ...doc.notice.map(blockNode)) : null,
        ...doc.parties.map(blockNode), ...doc.recitals.map(blockNode),
        ...sections.filter((s) => !s.id.includes("annex")),
        el("p", { text: doc.closing }), signature,
        ...sections.filter((s) => s.id.includes("annex"))));
    for (const name of Object.keys(state.spans)) updateField(name);
    applyChoices();
  }

  function updateField(name) {
    const value = state.values[name];
    const text = fieldText(state.doc.fields[name], value);
    for (const span of state.spans[name] ?? []) {
      span.textContent = text;
      span.className = value ? "filled" : "fill-in";
    }
  }

  function blanks() {
    const visible = new Set();
    for (const section of state.doc.sections.filter((s) => chosen(s.condition))) collectFields(section.blocks, visible);
    for (const block of [...state.doc.parties, ...state.doc.notice]) collectFields([block], visible);
    state.doc.signature.flat(2).forEach((run) => run.f && visible.add(run.f));
    return [...visible].filter((name) => !state.values[name]);
  }

  function collectFields(blocks, into) {
    for (const block of blocks) {
      const runs = block.p ?? block.t.flat(2);
      for (const run of runs) if (run.f) into.add(run.f);
    }
  }

  function showBlankCount() {
    const count = blanks().length;
    $("draft-blanks").textContent = count ? `还有 ${count} 处没有填写，预览中以黄色【】标出。` : "全部填写完毕。";
  }

  // ---- choices and the form ----------------------------------------------------------------
  function applyChoices() {
    state.conditions = conditions();
    for (const node of document.querySelectorAll("#draft-preview [data-condition]")) {
      node.hidden = !chosen(node.dataset.condition);
    }
    for (const row of document.querySelectorAll(".draft-field")) {
      row.hidden = !row.uses.some((condition) => chosen(condition));
    }
    for (const group of document.querySelectorAll(".draft-group")) {
      group.hidden = [...group.querySelectorAll(".draft-field")].every((row) => row.hidden);
    }
    showBlankCount();
  }

  function groupsOfFields() {
    // Each field is asked once: in the first section that uses it, in contract order. It shows while
    // any section using it is in the contract (a field several fee models share stays when one is chosen).
    const head = { title: "签约各方", why: "合同首部和签署页上的各方信息。", fields: [] };
    const groups = [head];
    state.uses = {};
    const claim = (blocks, group, condition) => {
      const names = new Set();
      collectFields(blocks, names);
      for (const name of names) {
        if (!state.uses[name]) { state.uses[name] = []; group.fields.push(name); }
        state.uses[name].push(condition ?? null);
      }
    };
    claim([...state.doc.parties, ...state.doc.notice, { t: state.doc.signature }], head, null);
    for (const section of state.doc.sections) {
      const group = { title: section.title, why: section.why, url: section.url, fields: [] };
      claim(section.blocks, group, section.condition);
      if (group.fields.length) groups.push(group);
    }
    return groups.filter((g) => g.fields.length);
  }

  function fieldInput(name) {
    const spec = state.doc.fields[name];
    const id = `draft-field-${name}`;
    const describedBy = [];
    const row = el("div", { class: "draft-field" });
    const label = el("label", { for: id, text: spec.label });
    let input;
    if (spec.type === "choice") {
      input = el("select", { id }, el("option", { value: "", text: "（未选择）" }),
        ...spec.options.map((o) => el("option", { value: o, text: o })));
    } else {
      const type = spec.type === "date" ? "date" : "text";
      const mode = { money: "decimal", integer: "numeric", number: "decimal", percent: "decimal" }[spec.type];
      input = el("input", { id, type, inputmode: mode, autocomplete: spec.type === "party" ? "off" : null });
    }
    input.value = state.values[name] ?? "";
    state.inputs[name] = input;
    const problem = el("p", { class: "draft-problem", id: `${id}-problem`, role: "alert", hidden: true });
    describedBy.push(problem.id);
    const unit = spec.type === "percent" ? "%" : spec.type === "money" ? "元" : spec.unit;
    const words = spec.type === "money" ? el("p", { class: "draft-words", id: `${id}-words` }) : null;
    if (words) describedBy.push(words.id);
    const help = spec.help ? el("p", { class: "draft-help", id: `${id}-help`, text: spec.help }) : null;
    if (help) describedBy.push(help.id);
    input.setAttribute("aria-describedby", describedBy.join(" "));
    const why = spec.rationale ? el("details", { class: "draft-why" },
      el("summary", { text: spec.suggested !== null && spec.suggested !== undefined ? `为什么建议${spec.suggested}${unit ?? ""}` : "怎么填" }),
      el("p", { text: spec.rationale })) : null;
    row.append(...[label, el("div", { class: "draft-input" }, input, unit ? el("span", { class: "draft-unit", text: unit }) : null),
      words, help, why, problem].filter(Boolean));
    const check = () => {
      const { value, problem: message } = normalised(spec, input.value);
      state.values[name] = value;
      problem.hidden = !message;
      problem.textContent = message ?? "";
      input.setAttribute("aria-invalid", message ? "true" : "false");
      if (message) state.problems[name] = message; else delete state.problems[name];
      if (words) words.textContent = value ? `大写：${window.Nzh.toMoney(value, { outSymbol: false })}` : "";
      updateField(name);
    };
    input.addEventListener("input", () => { check(); showBlankCount(); save(); });
    input.addEventListener("change", () => { check(); showBlankCount(); save(); });
    row.check = check;
    row.uses = state.uses[name];
    return row;
  }

  function renderForm() {
    const form = $("draft-form");
    state.inputs = {};
    const choices = state.doc.choices.map((choice) => el("fieldset", { class: "draft-choice" },
      el("legend", { text: choice.label }),
      ...choice.options.map((option) => {
        const id = `draft-choice-${choice.id}-${option.value}`;
        const input = el("input", { type: "radio", name: `choice-${choice.id}`, id, value: option.value,
          checked: state.choices[choice.id] === option.value });
        input.addEventListener("change", () => { state.choices[choice.id] = option.value; applyChoices(); save(); });
        return el("div", { class: "draft-option" }, input, el("label", { for: id, text: option.title }),
          option.summary ? el("p", { class: "draft-help", text: option.summary }) : null);
      })));
    const groups = groupsOfFields().map((group, index) => el("details", { class: "draft-group", open: index === 0 },
      el("summary", { text: `${group.title}（${group.fields.length} 项）` }),
      group.why ? el("p", { class: "draft-note", text: group.why }) : null,
      group.url ? el("p", { class: "draft-note" }, el("a", { href: url(group.url).href, text: "这一条的风险、谈判要点和法律依据" })) : null,
      ...group.fields.map(fieldInput)));
    form.replaceChildren(
      choices.length ? el("h2", { text: "第二步：选择" }) : null, ...choices,
      el("h2", { text: `${choices.length ? "第三步" : "第二步"}：逐项填写` }),
      el("p", { class: "draft-help", text: "建议值已经填好，可以直接修改；清空的地方在合同中保留为【】。同一项在几条中使用的，只问一次。" }),
      ...groups);
    for (const group of form.querySelectorAll(".draft-field")) group.check();
  }

  // ---- saving, links, downloads -------------------------------------------------------------
  let saveTimer;
  function save() {
    clearTimeout(saveTimer);
    saveTimer = setTimeout(() => {
      try {
        localStorage.setItem(STORAGE + state.doc.id, JSON.stringify({ choices: state.choices, values: rawValues() }));
      } catch { /* storage full or disabled: the reader can still save to a file */ }
    }, 300);
  }

  function rawValues() {
    return Object.fromEntries(Object.entries(state.inputs).map(([name, input]) => [name, input.value]));
  }

  function download(name, blob) {
    const link = el("a", { href: URL.createObjectURL(blob), download: name });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 10000);
  }

  const templates = new Map();
  /** The Word template and the two libraries that fill it, fetched once the reader has a contract open,
   * so that pressing 下载 only fills it. */
  function wordTools(doc) {
    if (!templates.has(doc.template)) {
      const template = fetch(url(doc.template)).then((r) => {
        if (!r.ok) throw new Error(`${doc.template}: HTTP ${r.status}`);
        return r.arrayBuffer();
      });
      template.catch(() => templates.delete(doc.template));
      templates.set(doc.template, template);
    }
    return Promise.all([templates.get(doc.template), loadScript(app.dataset.pizzip), loadScript(app.dataset.docxtemplater)]);
  }

  async function wordFile() {
    const [template] = await wordTools(state.doc);
    const data = {};
    for (const [name, spec] of Object.entries(state.doc.fields)) data[spec.tag] = fieldText(spec, state.values[name]);
    for (const choice of state.doc.choices) {
      for (const option of choice.options) if (option.tag) data[option.tag] = state.conditions.has(option.tag);
    }
    const doc = new window.docxtemplater(new window.PizZip(template), {
      paragraphLoop: true, delimiters: { start: "〖", end: "〗" }, nullGetter: () => "",
    });
    doc.render(data);
    return doc.getZip().generate({ type: "blob", compression: "DEFLATE", compressionOptions: { level: 1 },
      mimeType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document" });
  }

  function confirmBlanks(then) {
    const missing = blanks();
    const problems = Object.keys(state.problems);
    const box = $("draft-confirm");
    if (problems.length) {
      box.replaceChildren(el("p", { text: "以下各项填写有误，请先改正：" }),
        el("ul", {}, ...problems.map((name) => el("li", {}, el("a", { href: `#draft-field-${name}`,
          text: `${state.doc.fields[name].label}：${state.problems[name]}` })))));
      box.hidden = false;
      return;
    }
    if (!missing.length) { box.hidden = true; then(); return; }
    const go = el("button", { type: "button", class: "md-button md-button--primary", text: "仍然下载" });
    go.addEventListener("click", () => { box.hidden = true; then(); });
    box.replaceChildren(el("p", { text: `还有 ${missing.length} 处没有填写，下载的文件中会保留为【】：` }),
      el("ul", {}, ...missing.map((name) => el("li", {}, el("a", { href: `#draft-field-${name}`, text: state.doc.fields[name].label })))),
      go);
    box.hidden = false;
    go.focus();
  }

  function shareLink(withValues) {
    const params = new URLSearchParams({ contract: state.doc.id, ...state.choices });
    if (withValues) params.set("values", JSON.stringify(rawValues()));
    return `${location.origin}${location.pathname}#${params}`;
  }

  function renderToolbar() {
    const status = el("p", { class: "draft-status", role: "status" });
    const button = (text, action, primary = false) => {
      const b = el("button", { type: "button", class: `md-button${primary ? " md-button--primary" : ""}`, text });
      b.addEventListener("click", action);
      return b;
    };
    const word = button("下载 Word（.docx）", () => confirmBlanks(async () => {
      status.textContent = "正在生成 Word 文件……";
      try {
        download(`${state.doc.title}.docx`, await wordFile());
        status.textContent = "Word 文件已生成。";
      } catch (error) {
        status.textContent = `生成失败：${error.message}`;
      }
    }), true);
    const text = button("下载纯文本（.txt）", () => confirmBlanks(() =>
      download(`${state.doc.title}.txt`, new Blob([contractText()], { type: "text/plain;charset=utf-8" }))));
    const toFile = button("保存到文件", () => download(`${state.doc.title}-填写内容.json`, new Blob(
      [JSON.stringify({ contract: state.doc.id, choices: state.choices, values: rawValues() }, null, 2)],
      { type: "application/json" })));
    const fromFile = el("input", { type: "file", accept: ".json,application/json", id: "draft-load", class: "draft-file" });
    fromFile.addEventListener("change", async () => {
      try {
        const saved = JSON.parse(await fromFile.files[0].text());
        if (saved.contract !== state.doc.id) await open(saved.contract, saved);
        else { restore(saved); status.textContent = "已载入文件中的内容。"; }
      } catch {
        status.textContent = "无法读取这个文件：请选择本页“保存到文件”保存的 .json 文件。";
      }
    });
    const withValues = el("input", { type: "checkbox", id: "draft-share-values" });
    const linkBox = el("input", { type: "text", readonly: true, id: "draft-share-link", "aria-label": "分享链接" });
    const share = button("生成分享链接", () => {
      linkBox.value = shareLink(withValues.checked);
      linkBox.select();
    });
    const clear = button("清除本机保存的内容", () => {
      localStorage.removeItem(STORAGE + state.doc.id);
      restore({ choices: {}, values: defaults() });
      status.textContent = "已清除，恢复为建议值。";
    });
    $("draft-toolbar").replaceChildren(
      el("div", { class: "draft-title" }, el("h2", { text: state.doc.page_title }),
        el("p", {}, el("a", { href: url(state.doc.page).href, text: "示范合同页面" }), " · ",
          el("a", { href: "#", id: "draft-change", text: "换一份合同" }))),
      el("div", { class: "draft-actions" }, word, text, toFile,
        el("label", { for: "draft-load", class: "md-button", text: "从文件载入" }), fromFile),
      el("div", { class: "draft-confirm", id: "draft-confirm", hidden: true, role: "alert" }),
      status,
      el("details", { class: "draft-share" }, el("summary", { text: "分享链接" }),
        el("p", { class: "draft-help", text: "链接默认只包含合同和选择。勾选下面一项后，链接会带上你填写的全部内容——任何拿到链接的人都能看到。" }),
        el("p", {}, withValues, el("label", { for: "draft-share-values", text: " 链接中包含我填写的内容" })),
        el("p", {}, share, " ", linkBox)),
      el("p", {}, clear));
    $("draft-change").addEventListener("click", (event) => { event.preventDefault(); showPicker(); });
  }

  // ---- opening a contract ------------------------------------------------------------------
  function defaults() {
    return Object.fromEntries(Object.entries(state.doc.fields).map(([name, spec]) =>
      [name, spec.suggested === null || spec.suggested === undefined ? "" : String(spec.suggested)]));
  }

  function restore(saved) {
    state.choices = Object.fromEntries(state.doc.choices.map((c) => [c.id,
      c.options.some((o) => o.value === saved.choices?.[c.id]) ? saved.choices[c.id] : c.default]));
    const values = { ...defaults(), ...(saved.values ?? {}) };
    state.values = Object.fromEntries(Object.keys(state.doc.fields).map((name) => [name, String(values[name] ?? "")]));
    state.problems = {};
    renderForm();
    renderPreview();
  }

  async function open(id, saved = null) {
    const entry = state.index.find((c) => c.id === id);
    if (!entry) return showPicker();
    await loadScript(app.dataset.nzh);
    state.doc = await fetchJson(entry.data);
    let stored = null;
    try { stored = JSON.parse(localStorage.getItem(STORAGE + id) ?? "null"); } catch { stored = null; }
    $("draft-pick").hidden = true;
    $("draft-work").hidden = false;
    renderToolbar();
    restore(saved ?? stored ?? { choices: {}, values: {} });
    setTimeout(() => wordTools(state.doc).catch(() => { /* retried when the reader presses 下载 */ }), 1000);
    if (!saved && stored) $("draft-toolbar").querySelector(".draft-status").textContent = "已恢复你上次在本浏览器中填写的内容。";
  }

  // ---- step one: which contract ------------------------------------------------------------
  function suggest() {
    const platform = $("draft-q-platform").value, side = $("draft-q-side").value, size = $("draft-q-size").value;
    const has = (id) => state.index.some((c) => c.id === id);
    let id = "general";
    if (side === "tripartite") id = "tripartite";
    else if (side === "party_a") id = "general-party-a";
    else if (side === "party_b") id = "general-party-b";
    else if (size === "small" && has("short-form")) id = "short-form";
    else if (platform && state.index.some((c) => c.platforms?.length === 1 && c.platforms[0] === platform)) {
      id = state.index.find((c) => c.platforms?.length === 1 && c.platforms[0] === platform).id;
    }
    const entry = state.index.find((c) => c.id === id);
    const start = el("button", { type: "button", class: "md-button md-button--primary", text: `用这一份起草` });
    start.addEventListener("click", () => choose(id));
    $("draft-suggestion").replaceChildren(`建议：${entry.title}。`, start);
  }

  function choose(id) {
    history.replaceState(null, "", `#${new URLSearchParams({ contract: id })}`);
    open(id);
  }

  function showPicker() {
    $("draft-work").hidden = true;
    $("draft-pick").hidden = false;
    const list = $("draft-contracts");
    list.replaceChildren(...state.index.map((c) => {
      const b = el("button", { type: "button", class: "md-button", text: "起草这一份" });
      b.addEventListener("click", () => choose(c.id));
      return el("li", {}, el("strong", { text: c.title }), el("p", { text: c.description }), b);
    }));
    suggest();
  }

  async function start() {
    state.index = await fetchJson(app.dataset.index);
    for (const id of ["draft-q-platform", "draft-q-side", "draft-q-size"]) $(id).addEventListener("change", suggest);
    const params = new URLSearchParams(location.hash.slice(1));
    const id = params.get("contract");
    if (!id) return showPicker();
    const choices = Object.fromEntries([...params].filter(([k]) => k !== "contract" && k !== "values"));
    let values = null;
    try { values = params.has("values") ? JSON.parse(params.get("values")) : null; } catch { values = null; }
    await open(id, Object.keys(choices).length || values ? { choices, values: values ?? {} } : null);
  }

  start().catch((error) => {
    app.append(el("p", { class: "draft-problem", role: "alert", text: `无法打开起草页面：${error.message}` }));
  });
})();
