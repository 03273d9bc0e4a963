"""Import a Wikidata SPARQL result into the knowledge base (`checker kb import FILE`).

The result is JSON (the SPARQL JSON results format) or CSV with the variables person,
personLabel, position, positionLabel, start (P580) and end (P582), and optionally startPrecision
and endPrecision (wikibase:timePrecision: 11 a day, 10 a month, 9 a year), as the queries in
`checker/data/kb/queries/` give them (see docs/knowledge-base.md):

    SELECT ?person ?personLabel ?position ?positionLabel ?start ?startPrecision ?end ?endPrecision
    WHERE { ?person p:P39 ?held . ?held ps:P39 ?position ; pqv:P580 [ wikibase:timeValue ?start ;
            wikibase:timePrecision ?startPrecision ] . ... }

Position labels ("Minister of Foreign Affairs of Ukraine", "United States Secretary of State",
"Governor of Texas") are mapped onto the knowledge base's office vocabulary and jurisdictions;
rows that cannot be mapped are reported, not guessed. A date Wikidata knows only to the month or
year is written as such and its row marked uncertain.
"""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path

from checker.knowledge import KB_DIR, OFFICE_COLUMNS, KnowledgeBase, load, parse_kb_date
from checker.names import fold, name_key

IMPORTED = "offices_imported.csv"
# Wikidata's wording of positions (words of the label, office, jurisdiction the words imply), tried
# in order before the news vocabulary of titles.csv.
LABEL_TITLES = [
    ("minister of foreign affairs", "foreign minister", ""),
    ("foreign affairs minister", "foreign minister", ""),
    ("secretary of state for foreign", "foreign minister", "United Kingdom"),
    ("secretary of state for defence", "defense minister", "United Kingdom"),
    ("secretary of state for the home department", "interior minister", "United Kingdom"),
    ("federal chancellor", "chancellor", ""),
    ("president of the government", "prime minister", ""),
    ("president of the council of ministers", "prime minister", ""),
    ("premier of the state council", "premier", ""),
    ("head of government", "prime minister", ""),
    ("minister of the armed forces", "defense minister", ""),
    ("minister of economy and financ", "finance minister", ""),
    ("minister of the economy and financ", "finance minister", ""),
    ("minister of economy, financ", "finance minister", ""),
    ("minister of the economy, financ", "finance minister", ""),
    ("president of the european central bank", "president", "European Central Bank"),
    ("chair of the federal reserve", "central bank governor", "United States"),
    ("chairman of the federal reserve", "central bank governor", "United States"),
    ("chair of the board of governors of the federal reserve", "central bank governor", "United States"),
    ("bundesbank", "central bank governor", "Germany"),
    ("bank of england", "central bank governor", "United Kingdom"),
    ("bank of korea", "central bank governor", "South Korea"),
    ("bank indonesia", "central bank governor", "Indonesia"),
    ("people's bank of china", "central bank governor", "China"),
    ("central bank", "central bank governor", ""),
    ("reserve bank", "central bank governor", ""),
    ("governor of the bank of", "central bank governor", ""),
    ("chairperson of the african union commission", "commission chair", "African Union"),
    ("high commissioner for refugees", "high commissioner", "UNHCR"),
]
# A post under the office its label names: "Deputy Governor of ...", "Vice Chair of the Federal Reserve".
_SUBORDINATE = re.compile(r"^(?:deputy|vice|assistant|under|associate|shadow|junior|acting)\b")
DAY, MONTH, YEAR = 11, 10, 9  # wikibase:timePrecision
SAME_TERM_DAYS = 31  # a start this close to a known one of the person in that office is that term


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
    if _SUBORDINATE.match(low) and not any(low.startswith(t) for t in kb.titles if _SUBORDINATE.match(t)):
        return None  # "Deputy Prime Minister", though "Vice President" is an office of its own
    office, implied = "", ""
    for words, mapped, place in LABEL_TITLES:
        if words in low:
            office, implied = mapped, place
            break
    if not office:
        for title in sorted(kb.titles, key=len, reverse=True):
            if len(title) > 3 and re.search(rf"\b{re.escape(title)}\b", low):
                office, implied = _option(low, title, kb)
                break
    if not office:
        return None
    place = implied or _place_in(label, kb, office)
    return (office, place) if place else None


def _option(low: str, title: str, kb: KnowledgeBase) -> tuple[str, str]:
    """Of the offices a title may name, the one whose own words the label has: 'Majority Leader of the
    United States House of Representatives' is the House's, not the Senate's."""
    options = kb.title_options(title)
    words = set(re.findall(r"[a-z]+", low))
    for office, implied in options:
        extra = set(office.split()) - set(title.split())
        if extra and extra <= words:
            return office, implied
    return options[0]


def _place_in(label: str, kb: KnowledgeBase, office: str) -> str:
    """The place a label names, longest name first ("United Kingdom" before "Kingdom"); of a word that
    names several ("Governor of Washington"), the one the KB holds the office in."""
    words = re.findall(r"[\w.'’-]+", label)
    for size in range(min(4, len(words)), 0, -1):
        for i in range(len(words) - size + 1):
            places = kb.places_named(" ".join(words[i : i + size]))
            if places:
                return next((p for p in places if kb.holders_ever(office, p)), places[0])
    return ""


def _date(value: str, precision: str) -> str:
    """'2003-01-20T00:00:00Z' -> '2003-01-20', or '2003-01' / '2003' at month or year precision; '' for
    no date or a coarser one."""
    m = re.match(r"(\d{4})-(\d{2})-(\d{2})", value.strip())
    level = int(precision) if precision.strip().isdigit() else DAY
    if not m or level < YEAR:
        return ""
    return "-".join(m.groups()[: {DAY: 3, MONTH: 2}.get(min(level, DAY), 1)])


def _known(kb: KnowledgeBase, key: str, office: str, jurisdiction: str, start: str) -> bool:
    """Whether the KB holds that person's term in that office starting within a month of `start`
    (Wikidata and the KB may count a term from its election, oath or first day)."""
    first, _ = parse_kb_date(start)
    assert first is not None
    slack = timedelta(days=SAME_TERM_DAYS)
    return any(abs(t.start - first) <= slack for t in kb.terms_of(key, office, jurisdiction))


def import_result(path: Path, kb_dir: Path = KB_DIR) -> ImportReport:
    """Append the mapped rows of a SPARQL result to `kb_dir/offices_imported.csv`."""
    kb = load(kb_dir)
    report = ImportReport()
    added: set[tuple[str, str, str, str]] = set()
    new_rows = []
    for number, row in enumerate(read_result(path), start=1):
        person = row.get("personLabel", "").strip()
        start = _date(row.get("start", ""), row.get("startPrecision", ""))
        end = _date(row.get("end", ""), row.get("endPrecision", ""))
        mapped = map_position(row.get("positionLabel", ""), kb)
        if not person or re.fullmatch(r"Q\d+", person):
            report.skipped.append(f"row {number}: no English label for the person")
            continue
        if not start:
            report.skipped.append(f"row {number}: {person}: no start date (to the year at least)")
            continue
        if mapped is None:
            report.skipped.append(
                f"row {number}: {person}: position {row.get('positionLabel')!r} not in the vocabulary"
            )
            continue
        office, jurisdiction = mapped
        key = (name_key(person), office, jurisdiction, start)
        if key in added or _known(kb, key[0], office, jurisdiction, start):
            report.duplicates += 1
            continue
        added.add(key)
        qid = row.get("person", "").rsplit("/", 1)[-1]
        exact = len(start) == 10 and (not end or len(end) == 10)
        new_rows.append(
            {
                "person": person,
                "aliases": "",
                "office": office,
                "jurisdiction": jurisdiction,
                "start": start,
                "end": end,
                "qid": qid if qid.startswith("Q") else "",
                "certainty": "sure" if exact else "uncertain",
                "note": f"imported from Wikidata ({row.get('positionLabel', '')})"
                + ("" if exact else "; Wikidata gives the date only to the month or year"),
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
