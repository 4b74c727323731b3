"""The eval report as printed text."""

from __future__ import annotations

from eval.metrics import FLOORS, KINDS, Report, percentile

MAX_MISSES_SHOWN = 30


def _line(name: str, value: float, floor: float | None = None) -> str:
    verdict = ""
    if floor is not None:
        verdict = f"  (floor {floor:.0%}: {'ok' if value >= floor else 'BELOW'})"
    return f"{name:<22}{value:7.1%}{verdict}"


def render_report(report: Report) -> str:
    """Accuracy per kind, overall accuracy, citation correctness, refusal accuracy, latency, baseline."""
    lines = [f"items: {len(report.scores)}", "accuracy per kind:"]
    kinds = report.by_kind()
    for kind in [k for k in KINDS if k in kinds] + sorted(k for k in kinds if k not in KINDS):
        correct, total = kinds[kind]
        lines.append(f"  {kind:<12}{correct:>4}/{total:<4} {correct / total:7.1%}")
    documents = report.by_document()
    if len(documents) > 1:
        lines.append("accuracy per document:")
        for doc, (correct, total) in sorted(documents.items(), key=lambda kv: (kv[1][0] / kv[1][1], kv[0])):
            lines.append(f"  {correct:>4}/{total:<4} {correct / total:7.1%}  {doc or '（未指定文件）'}")
    crashes = [s for s in report.scores if s.crash]
    if crashes:
        lines.append(f"crashes (failed items): {len(crashes)}")
    lines.append(_line("overall accuracy", report.overall, report.overall_floor))
    lines.append(_line("citation correctness", report.citations, FLOORS["citations"]))
    lines.append(_line("refusal accuracy", report.refusals, FLOORS["refusals"]))
    latencies = report.latencies()
    lines.append(f"latency per turn      p50 {percentile(latencies, 0.5):.1f} ms   "
                 f"p95 {percentile(latencies, 0.95):.1f} ms   (n={len(latencies)})")
    if report.baseline_share is not None:
        answerable = [s for s in report.scores if s.item.answerable]
        ours = sum(s.correct for s in answerable) / len(answerable) if answerable else 0.0
        lines.append("baseline (LlamaIndex default: SentenceSplitter, VectorStoreIndex, top-2, "
                     "same embedding):")
        lines.append(f"  items whose retrieved chunks contain the expected figures and phrases: "
                     f"{report.baseline_share:.1%}   vs budgetqa answered correctly: {ours:.1%}")
    elif report.baseline_note:
        lines.append(f"baseline: {report.baseline_note}")
    misses = [s for s in report.scores if not s.correct]
    if misses:
        lines.append(f"misses ({len(misses)}):")
        for score in misses[:MAX_MISSES_SHOWN]:
            why = [w for w, ok in (("values", score.values_ok), ("phrases", score.phrases_ok),
                                   ("citation", score.citation_ok is not False)) if not ok]
            lines.append(f"  {score.item.id} [{score.item.kind}] {score.item.question} -> {score.status}"
                         + (f" ({score.crash})" if score.crash else f" ({', '.join(why)})" if why else ""))
    lines.append("floors: " + ("met" if report.meets_floors() else "NOT met"))
    return "\n".join(lines)
