"""Benchmark: pages per second of the PDF reader on a generated ~200-page disclosure.

Run from the repository root (the PDF is drawn by the test builders):

    python -m eval.pdf_bench [--pages 200] [--repeat 1]

Prints the reader's pages per second, and the ratio of its time to pdfminer's
bare character extraction of the same file (the cost of our layer on top).
"""

from __future__ import annotations

import argparse
import io
import time

import pdfplumber

from ingest.readers.pdf import page_objects, read_pdf_layout


def build_disclosure(pages: int) -> tuple[bytes, int]:
    """The sample disclosure (narrative and tables) repeated until it has at least `pages` pages."""
    try:
        from tests.builders.sample_pdf import build_sample_pdf
    except ImportError as error:  # the builders live in the repository, not in the package
        raise SystemExit("run from the repository root: python -m eval.pdf_bench") from error
    _, report = build_sample_pdf()
    copies = max(1, -(-pages // report.pages))
    data, report = build_sample_pdf(copies=copies)
    return data, report.pages


def bare_extraction_seconds(data: bytes) -> float:
    """Time for pdfminer to lay out every page and list its characters (no tables, no text logic)."""
    start = time.perf_counter()
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for page in pdf.pages:
            page_objects(page)  # chars, rules, images, turned
            page.close()
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=1)
    args = parser.parse_args()
    data, pages = build_disclosure(args.pages)
    best = float("inf")
    for _ in range(args.repeat):
        start = time.perf_counter()
        layout = read_pdf_layout(data, "bench.pdf")
        best = min(best, time.perf_counter() - start)
    bare = bare_extraction_seconds(data)
    print(f"pages: {pages}  size: {len(data) / 1e6:.1f} MB  tables: {len(layout.grids)}  "
          f"paragraphs: {len(layout.narrative_lines)}")
    print(f"PDF reader: {best:.2f} s, {pages / best:.1f} pages/s, {1000 * best / pages:.1f} ms/page")
    print(f"bare pdfminer extraction: {bare:.2f} s; reader / bare = {best / bare:.2f}x")


if __name__ == "__main__":
    main()
