"""Import a Wikidata SPARQL result into the knowledge base (`checker kb import FILE`).

The result is JSON (the SPARQL JSON results format) or CSV with the variables person,
personLabel, position, positionLabel, start (P580) and end (P582), as this query gives them:

    SELECT ?person ?personLabel ?position ?positionLabel ?start ?end WHERE {
      ?person p:P39 ?held . ?held ps:P39 ?position ; pq:P580 ?start .
      OPTIONAL { ?held pq:P582 ?end . }
      VALUES ?position { wd:Q1166462 }   # e.g. Minister of Foreign Affairs of Russia
      SERVICE wikibase:label { bd:serviceParam wikibase:language "en". }
    }

Position labels ("Minister of Foreign Affairs of Ukraine", "United States Secretary of State")
are mapped onto the knowledge base's office vocabulary and jurisdictions; rows that cannot be
mapped are reported, not guessed.
"""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from checker.knowledge import KB_DIR, OFFICE_COLUMNS, KnowledgeBase, load
from checker.names import fold, name_key

IMPORTED = "offices_imported.csv"
LABEL_TITLES = [  # Wikidata's wording first, then the news vocabulary of titles.csv
    ("minister of foreign affairs", "foreign minister"),
    ("foreign affairs minister", "foreign minister"),
    ("secretary of state for foreign", "foreign minister"),
    ("federal chancellor", "chancellor"),
    ("president of the government", "prime minister"),
    ("president of the council of ministers", "prime minister"),
    ("premier of the state council", "premier"),
    ("head of government", "prime minister"),
]


class ImportError_(ValueError):
    """The file is not a SPARQL result this importer understands."""


@dataclass
class ImportReport:
    added: int = 0
    duplicates: int = 0
    skipped: list[str] = field(default_factory=list)  # "row N: reason"


def read_result(path: Path) -> list[dict[str, str]]:
    """Rows of a SPARQL JSON or CSV result as {variable: value}."""
    text = path.read_text(encoding="utf-8-sig")
    if path.suffix.lower() == ".json" or text.lstrip().startswith("{"):
        try:
            data = json.loads(text)
            return [{k: v.get("value", "") for k, v in b.items()} for b in data["results"]["bindings"]]
        except (json.JSONDecodeError, KeyError, AttributeError, TypeError) as exc:
            raise ImportError_(f"{path}: not a SPARQL JSON result ({exc})") from exc
    rows = list(csv.DictReader(io.StringIO(text)))
    if not rows or "personLabel" not in rows[0]:
        raise ImportError_(f"{path}: CSV needs the columns person, personLabel, positionLabel, start, end")
    return rows


def map_position(label: str, kb: KnowledgeBase) -> tuple[str, str] | None:
    """'Minister of Foreign Affairs of Ukraine' -> ('foreign minister', 'Ukraine')."""
    low = fold(label)
    office, implied = "", ""
    for words, mapped in LABEL_TITLES:
        if words in low:
            office = mapped
            break
    if not office:
        for title in sorted(kb.titles, key=len, reverse=True):
            if len(title) > 3 and re.search(rf"\b{re.escape(title)}\b", low):
                office, implied = kb.titles[title]
                break
    if not office:
        return None
    place = implied or _place_in(label, kb)
    return (office, place) if place else None


def _place_in(label: str, kb: KnowledgeBase) -> str:
    words = re.findall(r"[\w.'’-]+", label)
    for size in range(min(4, len(words)), 0, -1):  # longest name first: "United Kingdom" before "Kingdom"
        for i in range(len(words) - size + 1):
            place = kb.place(" ".join(words[i : i + size]))
            if place:
                return place
    return ""


def _day(value: str) -> str:
    m = re.match(r"(\d{4})-(\d{2})-(\d{2})", value.strip())
    return f"{m.group(1)}-{m.group(2)}-{m.group(3)}" if m else ""


def import_result(path: Path, kb_dir: Path = KB_DIR) -> ImportReport:
    """Append the mapped rows of a SPARQL result to `kb_dir/offices_imported.csv`."""
    kb = load(kb_dir)
    report = ImportReport()
    existing = {(t.key, t.office, t.jurisdiction, t.start.isoformat()) for t in kb.terms}
    new_rows = []
    for number, row in enumerate(read_result(path), start=1):
        person = row.get("personLabel", "").strip()
        start = _day(row.get("start", ""))
        mapped = map_position(row.get("positionLabel", ""), kb)
        if not person or re.fullmatch(r"Q\d+", person):
            report.skipped.append(f"row {number}: no English label for the person")
            continue
        if not start:
            report.skipped.append(f"row {number}: {person}: no start date")
            continue
        if mapped is None:
            report.skipped.append(
                f"row {number}: {person}: position {row.get('positionLabel')!r} not in the vocabulary"
            )
            continue
        office, jurisdiction = mapped
        key = (name_key(person), office, jurisdiction, start)
        if key in existing:
            report.duplicates += 1
            continue
        existing.add(key)
        qid = row.get("person", "").rsplit("/", 1)[-1]
        new_rows.append(
            {
                "person": person,
                "aliases": "",
                "office": office,
                "jurisdiction": jurisdiction,
                "start": start,
                "end": _day(row.get("end", "")),
                "qid": qid if qid.startswith("Q") else "",
                "certainty": "sure",
                "note": f"imported from Wikidata ({row.get('positionLabel', '')})",
            }
        )
    target = kb_dir / IMPORTED
    write_header = not target.exists()
    with target.open("a", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=OFFICE_COLUMNS)
        if write_header:
            writer.writeheader()
        writer.writerows(new_rows)
    report.added = len(new_rows)
    return report
