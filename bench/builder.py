"""The contract builder's speed, as a reader on a slow phone feels it: headless Chromium with the
CPU throttled 4×, on the contract with the most articles.

- download_s: from pressing 下载 Word to the file (docxtemplater fills the build's template);
- typing_ms: from a keystroke in a field to the preview showing it (median of 20 keystrokes).
"""

from __future__ import annotations

import functools
import http.server
import json
import statistics
import threading
from pathlib import Path

THROTTLE = 4


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:  # the report, not a request log, is the output
        pass


def _serve(site: Path):
    handler = functools.partial(_QuietHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def measure_builder(site: Path) -> dict:
    from playwright.sync_api import sync_playwright

    index = json.loads((site / "api" / "drafts" / "index.json").read_text(encoding="utf-8"))
    longest = max(index, key=lambda c: c["articles"])["id"]
    server = _serve(site)
    base = f"http://127.0.0.1:{server.server_address[1]}"
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox", "--disable-gpu"])
            page = browser.new_page(accept_downloads=True)
            page.context.new_cdp_session(page).send("Emulation.setCPUThrottlingRate", {"rate": THROTTLE})
            page.goto(f"{base}/draft/#contract={longest}")
            page.locator("#draft-field-party-a-name").wait_for(timeout=60000)
            typing = page.evaluate("""async () => {
                const input = document.getElementById("draft-field-party-a-name");
                const span = document.querySelector('#draft-preview [data-field="party-a-name"]');
                const times = [];
                for (let i = 0; i < 20; i++) {
                    const start = performance.now();
                    input.value = "某某商贸有限公司" + i;
                    input.dispatchEvent(new Event("input", { bubbles: true }));
                    await new Promise((done) => requestAnimationFrame(() => done()));
                    if (!span.textContent.endsWith(String(i))) throw new Error("preview not updated");
                    times.push(performance.now() - start);
                }
                return times;
            }""")
            page.get_by_role("button", name="下载 Word（.docx）").click()
            button = page.get_by_role("button", name="仍然下载")
            button.wait_for()
            start = page.evaluate("performance.now()")
            with page.expect_download(timeout=120000) as download:
                button.click()
            download.value.path()
            elapsed = page.evaluate("performance.now()") - start
            browser.close()
    finally:
        server.shutdown()
    return {"contract": longest, "cpu_throttle": THROTTLE, "download_s": elapsed / 1000,
            "typing_ms": statistics.median(typing)}
