"""A timeline as an SVG chart drawn on the server: stacked bars per period by kind, with axes, a legend and
a tooltip per bar (SVG <title>); no script, no external resource, so an <img> or a report can embed it."""
from __future__ import annotations

from xml.sax.saxutils import escape

WIDTH, HEIGHT = 800, 320
LEFT, RIGHT, TOP, BOTTOM = 48, 16, 40, 56  # margins: y labels, -, title, x labels and legend
# one colour per kind, distinguishable by people with the common colour-vision deficiencies (Okabe-Ito)
COLOURS = {"statement": "#0072B2", "demand": "#D55E00", "rebuttal": "#CC79A7", "proposal": "#009E73",
           "warning": "#E69F00"}
MAX_X_LABELS = 12


def timeline_svg(timeline: dict, *, title: str) -> str:
    periods = timeline["periods"]
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    peak = max((p["total"] for p in periods), default=0) or 1
    step = plot_w / max(len(periods), 1)
    bar = max(step * 0.8, 0.5)
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}" '
             f'viewBox="0 0 {WIDTH} {HEIGHT}" role="img" aria-label="{escape(title, {chr(34): "&quot;"})}" '
             'font-family="sans-serif" font-size="11">',
             f"<title>{escape(title)}</title>",
             f'<rect width="{WIDTH}" height="{HEIGHT}" fill="#ffffff"/>',
             f'<text x="{LEFT}" y="20" font-size="14" font-weight="bold">{escape(title)}</text>',
             f'<line x1="{LEFT}" y1="{TOP + plot_h}" x2="{LEFT + plot_w}" y2="{TOP + plot_h}" stroke="#333333"/>',
             f'<line x1="{LEFT}" y1="{TOP}" x2="{LEFT}" y2="{TOP + plot_h}" stroke="#333333"/>']
    for value in sorted({0, peak // 2, peak}):  # y axis: 0, half, the peak
        y = TOP + plot_h - plot_h * value / peak
        parts.append(f'<text x="{LEFT - 6}" y="{y + 4:.1f}" text-anchor="end">{value}</text>')
        parts.append(f'<line x1="{LEFT}" y1="{y:.1f}" x2="{LEFT + plot_w}" y2="{y:.1f}" stroke="#dddddd"/>')
    every = max(1, -(-len(periods) // MAX_X_LABELS))
    for i, period in enumerate(periods):
        x = LEFT + i * step + (step - bar) / 2
        base = TOP + plot_h
        tip = f'{period["label"]}: {period["total"]} (' + ", ".join(
            f"{kind} {n}" for kind, n in period["counts"].items() if n) + ")"
        parts.append(f"<g><title>{escape(tip)}</title>")
        for kind, count in period["counts"].items():
            if count:
                height = plot_h * count / peak
                base -= height
                parts.append(f'<rect x="{x:.2f}" y="{base:.2f}" width="{bar:.2f}" height="{height:.2f}" '
                             f'fill="{COLOURS.get(kind, "#777777")}"/>')
        parts.append("</g>")
        if i % every == 0:
            parts.append(f'<text x="{x + bar / 2:.1f}" y="{TOP + plot_h + 14}" text-anchor="middle">'
                         f'{escape(period["label"])}</text>')
    if not periods:
        parts.append(f'<text x="{LEFT + plot_w / 2}" y="{TOP + plot_h / 2}" text-anchor="middle">'
                     "No dated positions match these filters</text>")
    x = LEFT
    for kind, colour in COLOURS.items():  # legend
        parts.append(f'<rect x="{x}" y="{HEIGHT - 18}" width="10" height="10" fill="{colour}"/>')
        parts.append(f'<text x="{x + 14}" y="{HEIGHT - 9}">{kind}</text>')
        x += 90
    if timeline["not_placed"]:
        parts.append(f'<text x="{WIDTH - RIGHT}" y="{HEIGHT - 9}" text-anchor="end" fill="#555555">'
                     f'{timeline["not_placed"]} without a precise enough date</text>')
    parts.append("</svg>")
    return "\n".join(parts)
