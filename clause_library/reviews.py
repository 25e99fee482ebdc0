"""reviews/<id>.yml: a fictional bad contract, each flawed article tied to the terms-to-avoid list."""

from __future__ import annotations

from pathlib import Path

from clause_library.model import AvoidEntry, Clause, Review, ReviewArticle, ReviewProblem, Statute
from clause_library.problems import Problem, ProblemLog
from clause_library.registries import resolve_citations
from clause_library.schema_check import schema_problems
from clause_library.yaml_source import read_yaml

REVIEWS_DIR = "reviews"


def load_reviews(root: Path, clauses: dict[str, Clause], avoid: tuple[AvoidEntry, ...],
                 statutes: dict[str, Statute], found: ProblemLog) -> dict[str, Review]:
    avoid_by_id = {entry.id: entry for entry in avoid}
    reviews = {}
    folder = root / REVIEWS_DIR
    for path in sorted(folder.glob("*")) if folder.is_dir() else []:
        if path.suffix != ".yml":
            found.add(Problem(path.relative_to(root).as_posix(), "reviews/ 下只放审阅 YAML 文件（<id>.yml）。"))
            continue
        doc, problem = read_yaml(path, root)
        if problem:
            found.add(problem)
            continue
        if not isinstance(doc.data, dict):
            found.add(doc.problem("文件顶层应是“字段: 值”的映射。"))
            continue
        review_id = doc.data.get("id") if isinstance(doc.data.get("id"), str) else None
        problems = schema_problems(doc, "review.schema.json", item=review_id)
        if problems:
            found.add(problems)
            continue
        before = len(found.problems)

        def report(message: str, *where) -> None:
            found.add(doc.problem(message, tuple(where), review_id))

        if review_id != path.stem:
            report(f"id“{review_id}”与文件名“{path.name}”不一致。", "id")
        articles = []
        for a_index, raw in enumerate(doc.data["articles"]):
            flagged = []
            for p_index, item in enumerate(raw["problems"]):
                where = ("articles", a_index, "problems", p_index)
                if "avoid" in item and item["avoid"] not in avoid_by_id:
                    report(f"data/clauses-to-avoid.yml 中没有条目 {item['avoid']}。", *where, "avoid")
                for c_index, clause_id in enumerate(item["instead"]):
                    if clause_id not in clauses:
                        report(f"应改用的条款 {clause_id} 不存在。", *where, "instead", c_index)
                citations = resolve_citations(item.get("legal_basis", []), statutes,
                                              lambda message, *rest, _w=where: report(message, *_w, *rest))
                flagged.append(ReviewProblem(item["issue"].strip(), avoid_by_id.get(item.get("avoid")),
                                             tuple(item["instead"]), citations))
            articles.append(ReviewArticle(raw["heading"].strip(), raw["text"].strip(), tuple(flagged)))
        if len(found.problems) == before:
            reviews[review_id] = Review(review_id, doc.data["title"].strip(), doc.data["description"].strip(),
                                        doc.data["intro"].strip(), tuple(articles),
                                        max(c["date"] for c in doc.data["changelog"]), doc.relpath)
    return reviews
