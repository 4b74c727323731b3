"""The LlamaIndex default recipe as a baseline: what plain chunk retrieval would even find.

The recipe itself (SentenceSplitter defaults, VectorStoreIndex, top-2, the
same embedding as budgetqa) lives in `eval/baseline_recipe.py`: it is
evaluation code, not part of the product. For each answerable item, does the text of
the two retrieved chunks even contain every expected figure and phrase? The
share of items where it does is printed beside budgetqa's accuracy.
"""

from __future__ import annotations

from assistant.number_text import text_states_number
from assistant.question_words import normalise
from eval.baseline_recipe import default_recipe_retriever
from eval.metrics import EvalItem

TOP_K = 2


def chunk_contains(text: str, item: EvalItem) -> bool:
    """Whether `text` states every expected value and phrase of `item`."""
    return (all(text_states_number(text, v) for v in item.values)
            and all(normalise(p) in normalise(text) for p in item.phrases))


def baseline_share(config, library, items: list[EvalItem]) -> tuple[float | None, str]:
    """(share of answerable items whose top-2 chunks contain the expected figures and phrases, note)."""
    answerable = [i for i in items if i.answerable and (i.values or i.phrases)]
    if not answerable:
        return None, "no answerable items with values or phrases"
    retrieve = default_recipe_retriever(config, library, top_k=TOP_K)
    found = sum(1 for item in answerable if chunk_contains("\n".join(retrieve(" ".join(item.all_turns))), item))
    return found / len(answerable), ""
