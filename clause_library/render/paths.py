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


def clause_page(clause_id: str) -> str:
    return f"{CLAUSE_DIR}/{clause_id}.md"


def category_page(category_id: str) -> str:
    return f"{CATEGORY_DIR}/{category_id}.md"


def platform_page(platform_id: str) -> str:
    return f"{PLATFORM_DIR}/{platform_id}.md"


def contract_page(contract_id: str) -> str:
    return f"{CONTRACT_DIR}/{contract_id}.md"


def review_page(review_id: str) -> str:
    return f"{REVIEW_DIR}/{review_id}.md"


def download(contract_id: str, extension: str) -> str:
    return f"{DOWNLOAD_DIR}/{contract_id}.{extension}"


def annotated_download(contract_id: str) -> str:
    """The Word edition with each article's note as a comment."""
    return f"{DOWNLOAD_DIR}/{contract_id}-annotated.docx"


def clause_url(clause_id: str) -> str:
    """The built clause page, relative to the site root, for links that scripts make."""
    return f"{CLAUSE_DIR}/{clause_id}/"


# JSON that docs/assets/clause-data.js fetches from the site root; pages name the path in data-*-src.
def clause_data(clause_id: str) -> str:
    return f"{CLAUSE_DATA_DIR}/{clause_id}.json"


def contract_data(contract_id: str) -> str:
    return f"{CONTRACT_DATA_DIR}/{contract_id}.json"


def statute_anchor(law_id: str, article: int | None = None) -> str:
    return f"{law_id}-{article}" if article is not None else f"law-{law_id}"
