#!/usr/bin/env python3
"""CPU time of the extraction on submissions built to be slow: one phrase repeated to a size.

usage: python scripts/bench/hostile_articles.py [--bytes N] [SHAPE ...]

A key holder may submit up to 1 MiB (api/articles.py), and the extraction runs in the request. Each
shape repeats one phrase that exercises one stage (cue search, dates, unknown names sent to NER,
party lists, anaphora, glued words, one long word) until the text reaches --bytes of UTF-8; the CPU
seconds of `extraction.extract` on it are printed, one line per shape. docs/extraction.md records runs.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from extraction import extract  # noqa: E402

SHAPES = {
    "cues": "Nga cảnh báo NATO rằng Mỹ kêu gọi Anh bác bỏ đề xuất và ",
    "dates": "ngày 20/1 Nga cho biết, hôm 21/1 Mỹ nói, tuần trước, ",
    "unknown-names": "ông Xavier Quintana nói rằng ông Yolanda Zed cho biết ",
    "parties": "Nga, Mỹ, Anh, Pháp, Đức, ",
    "anaphora": "nước này cho biết nước này ",
    "glued": "Nga cho biếtrằng NATOphải rútquân ",
    "long-word": "a",
    "quotes": "“Chúng tôi sẽ đáp trả”, ông Lavrov nói, “và NATO phải rút quân” ",
    "sentences": "Nga cảnh báo NATO về hậu quả. ",
}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("shapes", nargs="*", metavar="SHAPE", help=f"some of: {', '.join(SHAPES)} (default: all)")
    ap.add_argument("--bytes", type=int, default=1 << 20, help="size of each text in UTF-8 bytes (default 1 MiB)")
    args = ap.parse_args(argv)
    unknown = [s for s in args.shapes if s not in SHAPES]
    if unknown:
        ap.error(f"unknown shapes: {', '.join(unknown)}")
    extract("Nga cảnh báo NATO. Ông Lavrov nói rằng Mỹ phải rút quân.")  # load the models first
    for name in args.shapes or SHAPES:
        phrase = SHAPES[name]
        text = phrase * (args.bytes // len(phrase.encode()))
        started = time.process_time()
        result = extract(text)
        print(f"{name:<14} {len(text.encode()):>9,} bytes {time.process_time() - started:8.2f} s CPU "
              f"{len(result.positions):>5} positions", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
