"""A page as one self-contained HTML file that prints cleanly on A4 and Letter.

No scripts, no fonts, images or links that load anything: the page is the
file. Every piece of the person's text goes through html.escape.
"""

from __future__ import annotations

from html import escape

from imr_companion import i18n
from imr_companion.sharing.blocks import Heading, Item, Items, Page, Paragraph, Picture

# Printed: no fixed paper size, so A4 and Letter both fit with the same margins.
STYLE = """
:root { color-scheme: light; }
body { font-family: Georgia, "Times New Roman", serif; line-height: 1.45; color: #111;
  background: #fff; max-width: 44em; margin: 2em auto; padding: 0 1em; }
/* A long word or a pasted address breaks at the page's edge instead of running off it:
   "anywhere" for today's engines, "break-word" for older ones that know only that. */
h1, h2, h3, h4, p, li, figcaption { overflow-wrap: anywhere; word-break: break-word; }
h1 { font-size: 1.6em; margin-bottom: 0.2em; }
h2 { font-size: 1.3em; border-bottom: 1px solid #999; margin-top: 1.6em; }
h3 { font-size: 1.1em; } h4 { font-size: 1em; }
.intro, .quiet { color: #444; font-style: italic; }
.mark { font-family: monospace; }
pre { font-family: "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 0.8em;
  line-height: 1.15; white-space: pre; overflow-x: auto; border: 1px solid #ccc; padding: 0.5em; }
figure { margin: 1em 0; } figcaption { color: #444; font-size: 0.9em; margin-bottom: 0.3em; }
@page { margin: 15mm; }
@media print {
  body { max-width: none; margin: 0; padding: 0; font-size: 11pt; }
  h2, h3, h4 { break-after: avoid; page-break-after: avoid; }
  figure, li, pre { break-inside: avoid; page-break-inside: avoid; }
  pre { font-size: 7.5pt; overflow: visible; border: none; }
}
"""


def _item(item: Item) -> str:
    text = escape(" ".join(item.text.split()))
    if item.label:
        label = f"<strong>{escape(' '.join(item.label.split()))}</strong>"
        text = f"{label}: {text}" if text else label
    if item.mark:
        text = f'<span class="mark">{escape(item.mark)}</span> {text}'
    return f"<li>{text}</li>"


def _paragraph(text: str) -> str:
    return "<br>\n".join(escape(line) for line in text.splitlines() if line.strip()) or escape(text)


def to_html(page: Page) -> str:
    parts = [
        "<!DOCTYPE html>",
        # The language the page is written in, so a screen reader speaks it right.
        f'<html lang="{i18n.language()}">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        # Nothing may be loaded from anywhere, even if a file were changed later.
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
        "style-src 'unsafe-inline'\">",
        '<meta name="referrer" content="no-referrer">',
        f"<title>{escape(page.title)}</title>",
        f"<style>{STYLE}</style>",
        "</head>",
        "<body>",
        f"<h1>{escape(page.title)}</h1>",
        f'<p class="intro">{escape(page.intro)}</p>',
    ]
    for block in page.blocks:
        if isinstance(block, Heading):
            parts.append(f"<h{block.level}>{escape(block.text)}</h{block.level}>")
        elif isinstance(block, Paragraph):
            css = ' class="quiet"' if block.quiet else ""
            parts.append(f"<p{css}>{_paragraph(block.text)}</p>")
        elif isinstance(block, Items):
            tag = "ol" if block.numbered else "ul"
            parts += [f"<{tag}>", *(_item(item) for item in block.items), f"</{tag}>"]
        elif isinstance(block, Picture):
            drawing = "\n".join(escape(line) for line in block.lines)
            parts.append(
                f'<figure><figcaption>{escape(block.caption)}</figcaption><pre role="img" '
                f'aria-label="{escape(block.caption)}">{drawing}</pre></figure>'
            )
    parts += ["</body>", "</html>"]
    return "\n".join(parts) + "\n"
