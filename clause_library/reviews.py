"""reviews/<id>.yml: a fictional bad contract, each flawed article tied to the terms-to-avoid list."""

from __future__ import annotations

from pathlib import Path

from clause_library.citations import Laws
from clause_library.model import AvoidEntry, Clause, Review, ReviewArticle, ReviewProblem
from clause_library.problems import ProblemLog
from clause_library.schema_check import valid_documents

REVIEWS_DIR = "reviews"


def load_reviews(root: Path, clauses: dict[str, Clause | None], avoid: tuple[AvoidEntry, ...],
                 laws: Laws, found: ProblemLog) -> dict[str, Review]:
    avoid_by_id = {entry.id: entry for entry in avoid}
    reviews = {}
    for doc in valid_documents(root, REVIEWS_DIR, "review.schema.json", "审阅", found):
        review_id = doc.data["id"]
        before = len(found.problems)

        def report(message: str, *where, _doc=doc, _id=review_id) -> None:
            found.add(_doc.problem(message, tuple(where), _id))

        for message, path in laws.prose_problems(doc):
            report(message, *path)

        if review_id != doc.path.stem:
            report(f"id“{review_id}”与文件名“{doc.path.name}”不一致。", "id")
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
                citations = laws.resolve(item.get("legal_basis", []),
                                         lambda message, *rest, _w=where: report(message, *_w, *rest))
                flagged.append(ReviewProblem(item["issue"].strip(), avoid_by_id.get(item.get("avoid")),
                                             tuple(item["instead"]), citations))
            articles.append(ReviewArticle(raw["heading"].strip(), raw["text"].strip(), tuple(flagged)))
        if len(found.problems) == before:
            reviews[review_id] = Review(review_id, doc.data["title"].strip(), doc.data["description"].strip(),
                                        doc.data["intro"].strip(), tuple(articles),
                                        max(c["date"] for c in doc.data["changelog"]), doc.relpath)
    return reviews
