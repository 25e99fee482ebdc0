"""Where each generated page and file lives in the docs tree (docs-relative paths)."""

CLAUSE_DIR = "clauses"
CATEGORY_DIR = "library"
PLATFORM_DIR = "platforms"
CONTRACT_DIR = "contracts"
REVIEW_DIR = "reviews"
DOWNLOAD_DIR = "downloads"
CLAUSE_DATA_DIR = "api/clauses"
CONTRACT_DATA_DIR = "api/contracts"
LEGAL_BASIS_PAGE = "legal-basis.md"
PLATFORM_COMPARISON_PAGE = "platforms/comparison.md"
AVOID_PAGE = "library/clauses-to-avoid.md"
VENDOR_DIR = "assets/vendor"


def clause_page(clause_id: str) -> str:
    return f"{CLAUSE_DIR}/{clause_id}.md"


def category_page(category_id: str) -> str:
    return f"{CATEGORY_DIR}/{category_id}.md"


def platform_page(platform_id: str) -> str:
    return f"{PLATFORM_DIR}/{platform_id}.md"


def platform_clauses_page(platform_id: str) -> str:
    """Every clause that applies to a platform, kept off the guide so the guide stays short on a phone."""
    return f"{PLATFORM_DIR}/{platform_id}-clauses.md"


def contract_page(contract_id: str) -> str:
    return f"{CONTRACT_DIR}/{contract_id}.md"


def review_page(review_id: str) -> str:
    return f"{REVIEW_DIR}/{review_id}.md"


def download(contract_id: str, extension: str) -> str:
    return f"{DOWNLOAD_DIR}/{contract_id}.{extension}"


def annotated_download(contract_id: str) -> str:
    """The Word edition with each article's note as a comment."""
    return f"{DOWNLOAD_DIR}/{contract_id}-annotated.docx"


def changes_download(contract_id: str) -> str:
    """The tracked-changes Word edition: this stance contract as revisions to its neutral base."""
    return f"{DOWNLOAD_DIR}/{contract_id}-changes.docx"



def page_url(page: str) -> str:
    """A page's address relative to the site root (directory URLs), for links that leave the site:
    platforms/jd.md -> platforms/jd/, index.md -> ''."""
    stem = page.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        return stem.removesuffix("index")
    return f"{stem}/"


def clause_url(clause_id: str) -> str:
    """The built clause page, relative to the site root, for links that scripts make."""
    return page_url(clause_page(clause_id))


# JSON that docs/assets/clause-data.js fetches from the site root; pages name the path in data-*-src.
def clause_data(clause_id: str) -> str:
    return f"{CLAUSE_DATA_DIR}/{clause_id}.json"


def contract_data(contract_id: str) -> str:
    return f"{CONTRACT_DATA_DIR}/{contract_id}.json"


def statute_anchor(law_id: str, article: int | None = None) -> str:
    return f"{law_id}-{article}" if article is not None else f"law-{law_id}"


DRAFT_PAGE = "draft/index.md"  # 起草合同: the builder
DRAFT_DATA_DIR = "api/drafts"


def contract_url(contract_id: str) -> str:
    return f"{CONTRACT_DIR}/{contract_id}/"


def draft_data(contract_id: str) -> str:
    """The builder's view of a contract (export/draft_json.py)."""
    return f"{DRAFT_DATA_DIR}/{contract_id}.json"


def drafts_index() -> str:
    return f"{DRAFT_DATA_DIR}/index.json"


def draft_template(contract_id: str) -> str:
    """The Word template the builder fills: the contract with every option and every field marked."""
    return f"{DOWNLOAD_DIR}/{contract_id}.template.docx"


# Front-end libraries from npm the site publishes (site_pages.vendored_files): package -> its file.
VENDORED = {
    "docxtemplater": "build/docxtemplater.min.js",  # fills the builder's Word template
    "pizzip": "dist/pizzip.min.js",  # the zip docxtemplater reads and writes
    "nzh": "dist/nzh.cn.min.js",  # 人民币大写 in the browser, as cn2an does in Python
    "diff": "dist/diff.min.js",  # marks a pasted clause against the library's (clause pages)
}
COMPARE_SCRIPT = "assets/compare.js"


def vendor_script(package: str) -> str:
    return f"{VENDOR_DIR}/{VENDORED[package].rsplit('/', 1)[-1]}"
