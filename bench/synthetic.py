"""A deterministic synthetic news corpus for benchmarks and scale tests.

`articles(n, seed)` yields `n` synthetic articles (plain dicts) grouped into stories: each story
is one invented event (people, places, organisations, figures, a date, a quote) told by three to
seven outlets, each outlet paraphrasing the event's statements with its own templates, in its
own order, padded with background sentences of its own. About one story in three carries one
planted divergence of each kind it draws: a figure changed (quantity), an event date moved
(date), a wrong-year byline (published date), a stale or wrong office for a real office holder
(role), an administration said to act when not in power (role), a quote given to another
speaker (attribution), a quote worded differently (quote), another place in the same slot
(entity), a template blank (missing). `write_corpus` writes them as text files with front
matter, HTML pages (head metadata, JSON-LD, navigation furniture) or JSONL batches.

Everything depends only on `(n, seed)`: the same arguments give byte-identical files, and the
first `k` articles of a corpus of `n >= k` are the first `k` of every bigger one (stories are
never cut short except the last). Nothing is held beyond the current story: generating 100k
articles streams.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import random
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

FORMS = ("text", "html", "jsonl")
DIVERGENCES = ("quantity", "date", "published", "role", "administration", "attribution", "quote", "entity", "missing")

_SYL = (
    "ka ri lo ven ta mor sel dan pe tru vi nas gor ha lin be sa fro mel qui ost ar el ban cor dev ul "
    "mi zan ter po lam ris vo gen tal ru bri sko nor fal ve ish at"
).split()
_FIRST = (
    "Anna Pavel Lucia Marek Sofia Tomas Elena Jonas Irena Karim Nadia Viktor Lena Oskar Mira Daniel Ines Rafael "
    "Helga Yusuf Clara Stefan Amira Felix Olga Hugo Petra Emil Sara Bruno"
).split()
_ORG_KIND = (
    "Ministry of Transport",
    "Port Authority",
    "Energy Agency",
    "Water Board",
    "Rail Company",
    "Health Service",
    "Statistics Office",
    "Central Bank",
    "Grid Operator",
    "Housing Fund",
)
_TOPIC = (
    ("bridge", "collapsed", "inspectors", "repair work", "traffic"),
    ("flood", "burst its banks", "rescuers", "evacuation", "rainfall"),
    ("strike", "walked out", "union leaders", "negotiations", "wages"),
    ("fire", "broke out", "firefighters", "damage assessment", "smoke"),
    ("budget", "was approved", "lawmakers", "spending plan", "deficit"),
    ("election", "was held", "observers", "vote count", "turnout"),
    ("outage", "hit the grid", "engineers", "restoration", "demand"),
    ("merger", "was announced", "regulators", "review", "shares"),
    ("trial", "opened", "prosecutors", "hearing", "testimony"),
    ("summit", "convened", "delegates", "talks", "agreement"),
)
_OUTLETS = (
    "Northern Ledger",
    "Harbour Gazette",
    "Continental Wire",
    "Daily Meridian",
    "Atlantic Herald",
    "Valley Courier",
    "Eastern Chronicle",
    "Capital Observer",
    "Coast Digest",
    "Metro Tribune",
    "Summit Post",
    "River Times",
    "Plains Record",
    "Island Dispatch",
    "Frontier Journal",
    "Union Bulletin",
)
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
_BACKGROUND = (
    "Officials in {place} said the situation was being monitored closely by the {org}.",
    "Residents of {place} described a tense week as the {topic} dominated local conversation.",
    "The {org} has faced criticism in recent years over its handling of the {aspect}.",
    "Analysts said the {topic} could weigh on the regional economy for several months.",
    "Local businesses in {place} reported fewer customers than usual during the week.",
    "A spokesperson for the {org} declined to comment on the details of the {aspect}.",
    "The {topic} follows a similar episode in {other} that drew national attention last year.",
    "Opposition politicians called for an independent inquiry into the {aspect}.",
    "Community groups in {place} organised meetings to discuss the consequences of the {topic}.",
    "Experts warned that the {aspect} might take longer than the authorities had promised.",
    "The {org} said it would publish a full report once the {aspect} was complete.",
    "Schools and public offices in parts of {place} adjusted their opening hours.",
    "Neighbouring towns including {other} offered assistance with the {aspect}.",
    "Insurance companies said it was too early to estimate the total cost of the {topic}.",
    "Several people interviewed in {place} said they had expected the {topic} for some time.",
    "The regional council of {place} is scheduled to meet again next week to review the {aspect}.",
)


@dataclass
class _Event:
    """What every outlet of one story reports."""

    key: str
    topic: tuple[str, ...]
    place: str
    other_place: str
    org: str
    person: str
    person_role: str
    second: str
    day: dt.date
    figure: int
    share: int
    money: int
    quote: str
    quote_alt: str
    planted: dict[str, int] = field(default_factory=dict)  # divergence -> outlet position that carries it


def _word(rng: random.Random, syllables: int) -> str:
    return "".join(rng.choice(_SYL) for _ in range(syllables)).capitalize()


def _event(rng: random.Random, number: int, start: dt.date) -> _Event:
    topic = _TOPIC[rng.randrange(len(_TOPIC))]
    place = _word(rng, 3)
    day = start + dt.timedelta(days=number // 4 + rng.randrange(3))
    verb = rng.choice(("must", "will", "cannot", "should"))
    quote = f"We {verb} finish the {topic[3]} in {place} before winter, and we will do it together"
    return _Event(
        key=f"story-{number:06d}",
        topic=topic,
        place=place,
        other_place=_word(rng, 3),
        org=f"{_word(rng, 2)} {rng.choice(_ORG_KIND)}",
        person=f"{rng.choice(_FIRST)} {_word(rng, 3)}",
        person_role=rng.choice(("mayor", "director", "chief executive", "spokesperson", "chairwoman")),
        second=f"{rng.choice(_FIRST)} {_word(rng, 2)}",
        day=day,
        figure=rng.randrange(12, 900),
        share=rng.randrange(5, 60),
        money=rng.randrange(2, 90),
        quote=quote,
        quote_alt=quote.replace("finish", "complete").replace("together", "as one"),
    )


def _date_words(day: dt.date) -> str:
    return f"{_WEEKDAYS[day.weekday()]}, {_MONTHS[day.month - 1]} {day.day}"


def _statements(ev: _Event, outlet: str, position: int, rng: random.Random) -> list[str]:
    """The event's statements as this outlet tells them (planted divergences applied)."""
    t = ev.topic
    planted = {kind for kind, pos in ev.planted.items() if pos == position}
    figure = ev.figure + (ev.figure // 3 + 7 if "quantity" in planted else 0)
    day = ev.day + dt.timedelta(days=2) if "date" in planted else ev.day
    place = ev.other_place if "entity" in planted else ev.place
    speaker = ev.second if "attribution" in planted else ev.person
    quote = ev.quote_alt if "quote" in planted else ev.quote
    v = rng.randrange(3)
    opening = (
        f"The {t[0]} in {place} {t[1]} on {_date_words(day)}, forcing {figure} people from their homes, "
        f"the {ev.org} said.",
        f"{figure} people were forced from their homes after the {t[0]} {t[1]} in {place} on {_date_words(day)}, "
        f"according to the {ev.org}.",
        f"According to the {ev.org}, the {t[0]} {t[1]} in {place} on {_date_words(day)} and {figure} residents "
        f"had to leave their homes.",
    )[v]
    out = [
        opening,
        (
            f"{ev.person}, the {ev.person_role} of {ev.place}, said {t[2]} had been working through the night.",
            f"{t[2].capitalize()} worked through the night, said {ev.person}, the {ev.person_role} of {ev.place}.",
        )[rng.randrange(2)],
        f'"{quote}," {speaker} told reporters.',
        (
            f"About {ev.share}% of the district was affected by the {t[0]}, officials estimated.",
            f"Officials estimated that roughly {ev.share}% of the district was affected.",
        )[rng.randrange(2)],
        (
            f"The {ev.org} set aside ${ev.money} million for the {t[3]}.",
            f"A sum of ${ev.money} million has been earmarked by the {ev.org} for the {t[3]}.",
        )[rng.randrange(2)],
        f"{ev.second} of the {ev.org} said the {t[4]} would be reviewed over the coming weeks.",
    ]
    if "role" in planted:
        out.append(f"President Joe Biden said on {_date_words(day)} that Washington was following the events.")
    if "administration" in planted:
        out.append("The Biden administration has offered technical help, a State Department official said.")
    if "missing" in planted:
        out.append(f"In an interview on , {ev.person} said the {t[3]} was the priority.")
    return out


def _background(ev: _Event, rng: random.Random, count: int) -> list[str]:
    picks = rng.sample(range(len(_BACKGROUND)), count)
    fill = {"place": ev.place, "org": ev.org, "topic": ev.topic[0], "aspect": ev.topic[3], "other": ev.other_place}
    return [_BACKGROUND[p].format(**fill) for p in picks]


def _story_articles(rng: random.Random, number: int, start: dt.date, limit: int) -> Iterator[dict[str, Any]]:
    ev = _event(rng, number, start)
    outlets = rng.sample(_OUTLETS, min(limit, rng.randrange(3, 8)))
    if rng.random() < 0.35 and len(outlets) >= 3:
        kinds = rng.sample(DIVERGENCES, rng.randrange(1, 3))
        ev.planted = {kind: rng.randrange(len(outlets)) for kind in kinds}
    for position, outlet in enumerate(outlets):
        statements = _statements(ev, outlet, position, rng)
        body = statements[:1] + _background(ev, rng, rng.randrange(8, 14))
        rest = statements[1:]
        rng.shuffle(rest)
        for sentence in rest:  # reordering: statements land between background sentences
            body.insert(rng.randrange(1, len(body) + 1), sentence)
        paragraphs = [" ".join(body[i : i + 2]) for i in range(0, len(body), 2)]
        published = ev.day + dt.timedelta(days=rng.randrange(2))
        if ev.planted.get("published") == position:
            # a wrong-year byline; 29 February has no twin two years earlier
            day = 28 if (published.month, published.day) == (2, 29) else published.day
            published = published.replace(year=published.year - 2, day=day)
        slug = f"{ev.key}-{outlet.lower().replace(' ', '-')}"
        yield {
            "id": slug,
            "story": ev.key,
            "outlet": outlet,
            "title": f"{ev.topic[0].capitalize()} in {ev.place}: {ev.figure} people leave their homes",
            "published": published.isoformat(),
            "author": f"{rng.choice(_FIRST)} {_word(rng, 2)}",
            "url": f"https://{outlet.lower().replace(' ', '')}.test/news/{slug}",
            "text": "\n\n".join(paragraphs),
            "planted": sorted(k for k, p in ev.planted.items() if p == position),
        }


def articles(n: int, seed: int = 0, start: dt.date = dt.date(2025, 2, 3)) -> Iterator[dict[str, Any]]:
    """`n` synthetic articles, story after story, deterministically from `seed`."""
    made = 0
    number = 0
    while made < n:
        rng = random.Random(f"{seed}:{number}")  # one generator per story: prefixes stay stable
        for article in _story_articles(rng, number, start, n - made):
            yield article
            made += 1
        number += 1


def as_text(article: dict[str, Any]) -> str:
    front = [
        "---",
        f"title: {article['title']}",
        f"outlet: {article['outlet']}",
        f"published: {article['published']}",
        f"url: {article['url']}",
        f"author: {article['author']}",
        "---",
    ]
    return "\n".join(front) + "\n" + article["text"] + "\n"


def as_html(article: dict[str, Any]) -> str:
    e = html.escape
    paragraphs = "\n".join(f"      <p>{e(p)}</p>" for p in article["text"].split("\n\n"))
    ld = json.dumps(
        {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": article["title"],
            "datePublished": article["published"] + "T09:00:00Z",
            "author": {"@type": "Person", "name": article["author"]},
            "publisher": {"@type": "Organization", "name": article["outlet"]},
        }
    )
    nav = "".join(f'<li><a href="/section/{s}">{s.capitalize()}</a></li>' for s in ("world", "business", "sport"))
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>{e(article["title"])} | {e(article["outlet"])}</title>
  <meta property="og:site_name" content="{e(article["outlet"])}">
  <meta property="og:title" content="{e(article["title"])}">
  <meta property="og:url" content="{e(article["url"])}">
  <meta property="article:published_time" content="{article["published"]}T09:00:00Z">
  <meta name="author" content="{e(article["author"])}">
  <link rel="canonical" href="{e(article["url"])}">
  <script type="application/ld+json">{ld}</script>
</head>
<body>
  <header><nav><ul>{nav}</ul></nav></header>
  <main>
    <article>
      <h1>{e(article["title"])}</h1>
      <p class="byline">By {e(article["author"])}</p>
{paragraphs}
    </article>
    <aside><h2>Most read</h2><ul><li><a href="/a">Markets close higher</a></li></ul></aside>
  </main>
  <footer><p>&copy; {e(article["outlet"])}. All rights reserved.</p></footer>
</body>
</html>
"""


def write_corpus(dest: Path | str, n: int, form: str = "text", seed: int = 0, per_file: int = 500) -> list[Path]:
    """Write `n` articles under `dest` (one file per article; JSONL: `per_file` per file), in
    folders of 1000 files. Returns the files written."""
    if form not in FORMS:
        raise ValueError(f"unknown form {form!r}: one of {', '.join(FORMS)}")
    root = Path(dest)
    root.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    if form == "jsonl":
        batch: list[str] = []
        for article in articles(n, seed):
            record = {k: article[k] for k in ("title", "outlet", "published", "url", "author", "text")}
            batch.append(json.dumps(record, ensure_ascii=False))
            if len(batch) == per_file:
                written.append(_write(root / f"batch-{len(written):05d}.jsonl", "\n".join(batch) + "\n"))
                batch = []
        if batch:
            written.append(_write(root / f"batch-{len(written):05d}.jsonl", "\n".join(batch) + "\n"))
        return written
    suffix, render = (".txt", as_text) if form == "text" else (".html", as_html)
    for k, article in enumerate(articles(n, seed)):
        written.append(_write(root / f"{k // 1000:04d}" / f"{article['id']}{suffix}", render(article)))
    return written


def _write(path: Path, content: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(content, encoding="utf-8")
    return path


def answer_key(n: int, seed: int = 0) -> dict[str, list[str]]:
    """Article id (synthetic slug) -> the divergences planted in it."""
    return {a["id"]: a["planted"] for a in articles(n, seed) if a["planted"]}
