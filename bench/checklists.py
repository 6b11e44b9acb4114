"""Benchmarks of the checklist language, the scoring engine and photo uploads; prints a table.

Run with ``make bench``. Times are medians of warm runs on this machine.
"""

import io
import statistics
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

from PIL import Image

from sidak.domain.answers_file import parse_answers
from sidak.domain.checklist.loader import load_checklist, parse_checklist
from sidak.domain.checklist.versioning import content_hash
from sidak.domain.preview import render_text
from sidak.domain.scoring import score_inspection
from sidak.media.images import process_photo

ROOT = Path(__file__).resolve().parents[1]
SHIPPED = ROOT / "checklists" / "kantor-pelayanan.yaml"
ANSWERS = ROOT / "checklists" / "examples" / "kantor-pelayanan.answers.yaml"


def median_ms(func: Callable[[], object], runs: int) -> float:
    func()  # warm
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        func()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def peak_mib(func: Callable[[], object]) -> float:
    tracemalloc.start()
    func()
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak / 2**20


def big_checklist(items: int) -> str:
    """A valid checklist with `items` yes/no items in sections of 20."""
    head = [
        'id: besar\nversion: "1"\ntitle: Besar\nrules:\n  r: Aturan\n',
        "grades:\n  - {id: a, label: A, min: 50, color: '#1b7f3b'}\n",
        "  - {id: b, label: B, min: 0, color: '#c53030'}\nsections:\n",
    ]
    body = []
    for n in range(items):
        if n % 20 == 0:
            body.append(f"  - id: s{n}\n    title: Bagian {n}\n    items:\n")
        body.append(
            f"      - id: i{n}\n        type: yesno\n        question: Pertanyaan {n}\n"
            f"        category: masks\n        weight: {1 + n % 3}\n"
        )
    return "".join(head + body)


def phone_photo(size: tuple[int, int]) -> bytes:
    """A camera-sized JPEG with some detail (flat colour would compress unrealistically)."""
    image = Image.radial_gradient("L").resize(size).convert("RGB")
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=90)
    return buffer.getvalue()


def main() -> None:
    text = SHIPPED.read_text(encoding="utf-8")
    answers_text = ANSWERS.read_text(encoding="utf-8")
    checklist = parse_checklist(text)
    answers = parse_answers(answers_text, checklist)
    result = score_inspection(checklist, answers)
    big = big_checklist(1000)
    hostile = "a: " + "[" * 100_000
    small, large = phone_photo((1600, 1200)), phone_photo((4000, 3000))
    rows = [
        ("validate kantor-pelayanan.yaml (33 items)", median_ms(lambda: load_checklist(text), 50)),
        ("content hash of a checklist", median_ms(lambda: content_hash(checklist), 200)),
        ("parse an answers file", median_ms(lambda: parse_answers(answers_text, checklist), 200)),
        ("score one inspection", median_ms(lambda: score_inspection(checklist, answers), 500)),
        ("render the text breakdown", median_ms(lambda: render_text(checklist, result), 200)),
        (
            f"validate a 1000-item checklist ({len(big) // 1024} KiB)",
            median_ms(lambda: load_checklist(big), 5),
        ),
        ("reject 100,000 nested brackets", median_ms(lambda: load_checklist(hostile), 5)),
        (
            "photo as the phone sends it (1600x1200 JPEG)",
            median_ms(lambda: process_photo(small), 20),
        ),
        (
            "photo straight from a camera (4000x3000 JPEG)",
            median_ms(lambda: process_photo(large), 5),
        ),
    ]
    width = max(len(name) for name, _ in rows)
    print(f"{'benchmark':<{width}}  {'median':>10}")
    print(f"{'-' * width}  {'-' * 10}")
    for name, ms in rows:
        print(f"{name:<{width}}  {ms:>7.2f} ms")
    memory = peak_mib(lambda: load_checklist(big))
    print(f"{'peak memory validating the 1000-item checklist':<{width}}  {memory:>6.1f} MiB")


if __name__ == "__main__":
    main()
