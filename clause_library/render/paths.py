"""Where each generated page lives in the docs tree (docs-relative Markdown paths)."""

CLAUSE_DIR = "clauses"
CATEGORY_DIR = "library"
PLATFORM_DIR = "platforms"
LEGAL_BASIS_PAGE = "legal-basis.md"
PLATFORM_COMPARISON_PAGE = "platforms/comparison.md"
AVOID_PAGE = "library/clauses-to-avoid.md"
REVIEW_DIR = "reviews"


def clause_page(clause_id: str) -> str:
    return f"{CLAUSE_DIR}/{clause_id}.md"


def category_page(category_id: str) -> str:
    return f"{CATEGORY_DIR}/{category_id}.md"


def platform_page(platform_id: str) -> str:
    return f"{PLATFORM_DIR}/{platform_id}.md"


def statute_anchor(law_id: str, article: int | None = None) -> str:
    return f"{law_id}-{article}" if article is not None else f"law-{law_id}"
CONTRACT_DIR = "contracts"
DOWNLOAD_DIR = "downloads"


def contract_page(contract_id: str) -> str:
    return f"{CONTRACT_DIR}/{contract_id}.md"


def download(contract_id: str, extension: str) -> str:
    return f"{DOWNLOAD_DIR}/{contract_id}.{extension}"


def review_page(review_id: str) -> str:
    return f"{REVIEW_DIR}/{review_id}.md"
