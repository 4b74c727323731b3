"""Optional rephrasing by an OpenAI-compatible LLM (off unless `config.llm_url` is set).

The model only rewords the drafted extractive answer. Its draft is accepted
only if every number in it is a figure the answer already states (the facts,
the computed figures) or a year the question names; otherwise, and on any
timeout or error, the extractive answer is returned unchanged.
"""

from __future__ import annotations

import json
import logging
import re
import urllib.error
import urllib.request
from dataclasses import replace

from assistant.answer import Answer
from assistant.number_text import NUMBER_PATTERN, decimals_of, numbers_in, same_number

log = logging.getLogger("budgetqa.llm")
TIMEOUT_SECONDS = 8.0
SYSTEM_PROMPT = (
    "你是政府部门预算公开文件的问答助手。请把给出的“草稿答案”改写得更通顺、简洁，使用简体中文。"
    "只能使用草稿中已有的数字和事实，不得增加、改动或推算任何数字，不得加入草稿没有的内容；"
    "不要重复提问者声称的数字。只输出改写后的答案。"
)
# Chinese numerals before a unit ("两辆", "八万元") cannot be checked against the facts:
# such drafts are refused.
_CHINESE_FIGURE = re.compile(
    r"[零一二两三四五六七八九十百千]+[万亿]?\s*(?:万元|元|辆|人|个|台|件|次|项|倍|成|%)")
_YEAR = re.compile(r"(?:19|20)\d\d")


def completions_url(base: str) -> str:
    """The chat completions endpoint for a configured base URL (with or without /v1)."""
    base = base.rstrip("/")
    if base.endswith("/chat/completions"):
        return base
    if base.endswith("/v1"):
        return base + "/chat/completions"
    return base + "/v1/chat/completions"


def allowed_numbers(answer: Answer, question: str) -> list[float]:
    """The numbers a faithful draft may print: the facts, the extractive text's figures, the
    question's years."""
    allowed = [f.value for f in answer.facts] + numbers_in(answer.text)
    allowed += [float(y) for y in _YEAR.findall(question)]
    return allowed


def draft_is_faithful(draft: str, answer: Answer, question: str) -> bool:
    """Every number of `draft` is an allowed number (signs and separators ignored)."""
    if not draft.strip() or _CHINESE_FIGURE.search(draft):
        return False
    allowed = [abs(v) for v in allowed_numbers(answer, question)]
    for match in NUMBER_PATTERN.finditer(draft):
        raw = match.group(0).replace(",", "").replace("−", "-")
        printed = abs(float(raw))
        if not any(same_number(value, printed, decimals_of(raw)) for value in allowed):
            return False
    return True


def ask_model(config, question: str, answer: Answer) -> str:
    """The model's rewording of the answer ("" on any failure)."""
    facts = "\n".join(f"- {f.label}：{f.value:g}{f.unit}（{f.ref}）" for f in answer.facts)
    payload = {
        "model": config.llm_model or "default",
        "temperature": 0,
        "messages": [
            {"role": "system", "content": SYSTEM_PROMPT},
            {"role": "user",
             "content": f"问题：{question}\n草稿答案：{answer.text}\n事实：\n{facts or '（无）'}"},
        ],
    }
    request = urllib.request.Request(
        completions_url(config.llm_url), data=json.dumps(payload, ensure_ascii=False).encode("utf-8"),
        headers={"Content-Type": "application/json"}, method="POST")
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS) as response:
            data = json.loads(response.read().decode("utf-8"))
        return str(data["choices"][0]["message"]["content"]).strip()
    except (urllib.error.URLError, TimeoutError, OSError, ValueError, KeyError, IndexError,
            TypeError) as error:
        log.warning("LLM rephrasing skipped: %s", error)
        return ""


def rephrase(answer: Answer, question: str, config, asserted: tuple[float, ...] = ()) -> Answer:
    """The answer reworded by the model when its draft is faithful; else `answer` unchanged."""
    draft = ask_model(config, question, answer)
    if not draft or not draft_is_faithful(draft, answer, question):
        return answer
    stated = [abs(v) for v in allowed_numbers(answer, question)]
    for claim in asserted:
        if claim not in stated and any(abs(n - claim) < 1e-9 for n in numbers_in(draft)):
            return answer  # the draft repeats a figure only the user asserted
    return replace(answer, text=draft)
