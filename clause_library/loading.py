"""Load and validate the whole library in one pass, collecting every problem before failing."""

from __future__ import annotations

from pathlib import Path

from clause_library.avoid import load_avoid_list
from clause_library.contracts import CONTRACTS_DIR, check_contracts, load_contracts
from clause_library.guides import GUIDES_DIR, load_guides
from clause_library.clauses import CLAUSES_DIR, ClauseBuilder, check_cross_references, clause_files
from clause_library.consistency import check_clause_texts
from clause_library.model import Clause, Library
from clause_library.problems import LibraryInvalid, ProblemLog
from clause_library.reviews import REVIEWS_DIR, load_reviews
from clause_library.registries import DATA_DIR, load_registries
from clause_library.yaml_source import YamlDocument, read_yaml


def _contract_order(clause: Clause) -> tuple:
    return (clause.category.position, clause.order, clause.id)


def load_library(root: Path | str) -> Library:
    """Load registries and clauses under `root`; raise LibraryInvalid listing every problem."""
    root = Path(root).resolve()
    found = ProblemLog()
    registries = load_registries(root, found)
    clauses: dict[str, Clause] = {}
    docs: dict[str, YamlDocument] = {}
    first_seen: dict[str, str] = {}
    for path in clause_files(root, found):
        doc, problem = read_yaml(path, root)
        if problem:
            found.add(problem)
            continue
        clause = ClauseBuilder(doc, registries, found).build()
        raw_id = doc.data.get("id") if isinstance(doc.data, dict) else None
        if isinstance(raw_id, str):
            if raw_id in first_seen:
                found.add(doc.problem(f"条款 id {raw_id} 重复：{first_seen[raw_id]} 已使用该 id。每个条款的 id 必须唯一。",
                                      ("id",), raw_id))
                continue
            first_seen[raw_id] = doc.relpath
        if clause is not None:
            clauses[clause.id] = clause
            docs[clause.id] = doc
    # A clause whose own file has problems is still referable: one mistake gets one message,
    # not one more for every related link, contract and guide that names the clause.
    referable = {**{clause_id: None for clause_id in first_seen}, **clauses}
    check_cross_references(clauses, docs, referable, found)
    check_clause_texts(clauses, docs, registries, referable, found)
    avoid = load_avoid_list(root, registries.laws, referable, docs, found)
    guides = load_guides(root, registries.platforms, referable, registries.laws, found)
    contracts, contract_docs = load_contracts(root, referable, registries.stances, registries.platforms,
                                              registries.laws, found)
    reviews = load_reviews(root, referable, avoid, registries.laws, found)
    if found.problems:
        raise LibraryInvalid(found.problems)
    ordered = dict(sorted(clauses.items(), key=lambda item: _contract_order(item[1])))
    fields = {**registries.fields, **{name: spec for c in ordered.values() for name, spec in c.fields.items()}}
    library = Library(registries.categories, registries.platforms, registries.stances, registries.statutes,
                      ordered, avoid, guides, contracts, reviews, tuple(registries.repealed.values()),
                      fields, registries.rights, registries.terms)
    check_contracts(library, contract_docs, found)  # needs the whole library: after everything else is sound
    if found.problems:
        raise LibraryInvalid(found.problems)
    return library


_cache: dict[Path, tuple[tuple, Library]] = {}


def _fingerprint(root: Path) -> tuple:
    files = [f for folder in (CLAUSES_DIR, DATA_DIR, GUIDES_DIR, CONTRACTS_DIR, REVIEWS_DIR) for f in sorted((root / folder).rglob("*"))]
    return tuple((str(f), f.stat().st_mtime_ns, f.stat().st_size) for f in files if f.is_file())


def load_library_cached(root: Path | str) -> Library:
    """load_library, done once per state of the files: a site build asks for it from several hooks."""
    root = Path(root).resolve()
    fingerprint = _fingerprint(root)
    cached = _cache.get(root)
    if cached and cached[0] == fingerprint:
        return cached[1]
    library = load_library(root)
    _cache[root] = (fingerprint, library)
    return library
