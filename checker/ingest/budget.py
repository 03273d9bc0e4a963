"""What one file may cost: the limits every reader keeps, whatever the file holds.

The readers' time and memory grow in proportion to the file (bench/ingest_scaling.py looks for
shapes that grow faster); these caps bound what proportion means and what a run hands on to the
later stages. What goes over a cap is cut, with a warning entry under the run's `errors` that
says what was left out, and the rest of the file is read. docs/reliability.md lists them all.

  file size       20 MB after decompression (`max-file-mb`): larger files are an error entry
  article text    MAX_ARTICLE_CHARS characters: a longer article is cut at the last paragraph
                  break before the cap (the largest of 4,892 real articles measured holds 53,479)
  page paragraphs MAX_PAGE_PARAGRAPHS `<p>` elements of an HTML page are handed to trafilatura,
                  whose XPath over the text in them takes time in the square of its pieces
                  (50,000 paragraphs took 7 s there, 5,000 0.1 s); the rest are left out
  paragraph markup MAX_PARAGRAPH_MARKUP elements inside those paragraphs (links, emphasis): a
                  page with more has its paragraphs read as plain text (8,000 `<b>` in one
                  paragraph took 7 s; news pages hold a few hundred)
  sentence        checker.segment.MAX_SENTENCE_CHARS: a longer run without a sentence end (a
                  table or list flattened, a flood of numbers) is cut into pieces at spaces, so
                  no claim extractor sees more at once
"""

from __future__ import annotations

# ~16,000 words, twice the longest of 4,892 real articles measured; the later stages' cost per
# article grows faster than its length (claims paired within a story, people compared by name)
MAX_ARTICLE_CHARS = 100_000
MAX_PAGE_PARAGRAPHS = 10_000
MAX_PARAGRAPH_MARKUP = 5_000  # elements inside an HTML page's <p> elements (links, emphasis)


def cut_article(text: str, line_map: list[int], limit: int = MAX_ARTICLE_CHARS) -> tuple[str, list[int]] | None:
    """`text` cut to at most `limit` characters at the last paragraph break (else line break,
    else space) before it, with its line map cut to match; None when it fits."""
    if len(text) <= limit:
        return None
    for separator in ("\n\n", "\n", " "):
        end = text.rfind(separator, 0, limit + 1)
        if end > 0:
            break
    else:
        end = limit
    kept = text[:end].rstrip()
    return kept, line_map[: kept.count("\n") + 1]


def cut_note(title: str, size: int, limit: int = MAX_ARTICLE_CHARS) -> str:
    """The warning entry of an article cut by `cut_article`."""
    name = f"'{title[:60]}'" if title else "an article"
    over = f"over the limit of {limit:,}"
    return f"{name} has {size:,} characters of text, {over}: only the paragraphs before it are checked"
