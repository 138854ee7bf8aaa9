"""Write a sample of generated quiz questions as Markdown for a reviewer: stem, options, answer, why each option is
right or wrong, and the sources behind it. The same seed always writes the same sample.

    .venv/bin/python scripts/quiz_sample.py --count 50 --seed 2026 --out /tmp/quiz_sample_50.md
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from app.kg import AnkleKG  # noqa: E402
from app.learn import QuestionType, QuizQuestion  # noqa: E402


def render(number: int, q: QuizQuestion) -> str:
    lines = [f"## {number}. {q.stem}", "", f"*{q.type.value}* · key `{q.key}`", ""]
    lines += [f"- **{o.id}**) {o.entity.label}" for o in q.options]
    lines += ["", f"**Answer: {q.answer}) {next(o.entity.label for o in q.options if o.correct)}**", ""]
    for o in q.options:
        verdict = "right" if o.correct else "wrong"
        cited = sorted({s.label for f in o.facts for s in f.sources})
        lines.append(f"- {o.id}) {verdict}: {o.explanation} *Sources: {'; '.join(cited)}.*")
    lines += ["", "Sources: " + "; ".join(f"{s.label} ({s.id})" for s in q.sources), ""]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=50)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--out", type=Path, default=Path("/tmp/quiz_sample_50.md"))
    args = parser.parse_args()
    kg = AnkleKG.load()
    quiz = kg.quiz_generator.quiz(types=list(QuestionType), region=None, count=args.count, seed=args.seed)
    kinds = {kind.value: sum(q.type is kind for q in quiz.questions) for kind in QuestionType}
    header = [
        f"# AnkleKG quiz sample: {len(quiz.questions)} questions, seed {quiz.seed}",
        "",
        f"Drawn from {quiz.available} generated questions ({', '.join(f'{k} {n}' for k, n in kinds.items())}) by "
        "`GET /v1/quiz` logic (app/learn). For each question judge: is the marked answer correct, is exactly one "
        "option right (unambiguous), and is it worth asking? The sources are AnkleKG references (see "
        "docs/references.md).",
        "",
    ]
    body = [render(i, q) for i, q in enumerate(quiz.questions, 1)]
    args.out.write_text("\n".join(header + body), encoding="utf-8")
    print(f"wrote {len(quiz.questions)} questions to {args.out}")


if __name__ == "__main__":
    main()
