"""The contract builder's page (起草合同): a shell that docs/assets/builder.js fills in the browser.

The page names what the script fetches (the contracts index, the vendored libraries) so the script
knows no paths of its own. What a reader types stays in the browser: the script sends nothing.
"""

from __future__ import annotations

from clause_library.model import Library
from clause_library.render import paths
from clause_library.render.markup import asset_url, html, html_block

PRIVACY = ("你填写的内容只保存在你自己的浏览器里（本机存储，可以随时清除），不会发送到任何服务器：本页面不使用统计、"
           "不连接第三方。生成的 Word 和纯文本文件也是在你的浏览器里生成的。")


def draft_page(library: Library, page: str) -> str:
    platforms = "".join(f'<option value="{html(p.id)}">{html(p.name)}</option>' for p in library.platforms)
    attributes = " ".join([
        f'data-index="{paths.drafts_index()}"',
        f'data-nzh="{paths.vendor_script("nzh")}"',
        f'data-pizzip="{paths.vendor_script("pizzip")}"',
        f'data-docxtemplater="{paths.vendor_script("docxtemplater")}"',
    ])
    return html_block(
        f'<div class="draft-app" id="draft-app" {attributes}>',
        f'<p class="draft-privacy">{html(PRIVACY)}</p>',
        f'<noscript><p>起草合同需要浏览器运行 JavaScript。也可以在<a href="{html(asset_url(page, "contracts/"))}">示范合同</a>'
        '页面下载 Word 版，自己填写。</p></noscript>',
        '<section class="draft-step" id="draft-pick" aria-labelledby="draft-pick-title" hidden>',
        '<h2 id="draft-pick-title">第一步：选一份合同</h2>',
        '<fieldset class="draft-questions"><legend>不知道选哪份？回答三个问题</legend>',
        f'<p><label for="draft-q-platform">店铺所在平台</label> <select id="draft-q-platform">'
        f'<option value="">多个平台或其他</option>{platforms}</select></p>',
        '<p><label for="draft-q-side">你是</label> <select id="draft-q-side"><option value="neutral">还没定，想从中立的写法开始'
        '</option><option value="party_a">商家（甲方）</option><option value="party_b">客服服务商（乙方）</option>'
        '<option value="tripartite">三方：商家、服务商和客服系统提供方</option></select></p>',
        '<p><label for="draft-q-size">外包的坐席数</label> <select id="draft-q-size"><option value="small">1 至 5 个</option>'
        '<option value="large">6 个以上，或多个平台</option></select></p>',
        '<p class="draft-suggestion" id="draft-suggestion" aria-live="polite"></p></fieldset>',
        '<ul class="draft-contracts" id="draft-contracts"></ul>',
        '</section>',
        '<section class="draft-step" id="draft-work" hidden>',
        '<div class="draft-toolbar" id="draft-toolbar"></div>',
        '<div class="draft-columns"><div class="draft-form" id="draft-form"></div>',
        '<section class="draft-preview" id="draft-preview" aria-label="合同预览"></section></div>',
        '</section>',
        '</div>',
        f'<script src="{html(asset_url(page, "assets/builder.js"))}" defer></script>',
    )
