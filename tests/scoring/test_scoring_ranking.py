"""Source credibility on constructed corpora: one outlet reliably right, one reliably wrong, a copy.

Two stories (a bridge reopening and a flood) covered by five fictional outlets:

- Atlantic Herald is right: it agrees with the majority, has a byline and a dateline, names its sources;
- Daily Rumour is wrong: minority figures, a title the person no longer held, blanks, no byline,
  anonymous sourcing;
- Coast Digest copies Atlantic Herald's bridge article word for word a day later, without a byline;
- Nordic Post and Valley Times are independent and agree with Atlantic Herald, with fewer details.
"""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import lxml.html
import pytest
from lxml.html import HtmlElement

from checker.model import ArticleScore
from checker.pipeline import RunResult, check
from checker.report.data import ReportData
from checker.report.html import write_html
from checker.report.jsonreport import SCHEMA_FILE, build_document

RIGHT, WRONG, COPY, NORDIC, VALLEY = "Atlantic Herald", "Daily Rumour", "Coast Digest", "Nordic Post", "Valley Times"

RIGHT_BRIDGE = """---
title: Harbour Bridge reopens after eight months of repairs
outlet: {outlet}
{author}published: {published}
---
PORT ALDER, Sept 10 - The Harbour Bridge in Port Alder reopened on Wednesday after eight months of repairs, \
the city council said.
The repairs cost 42 million euros, according to the accounts the council published on its website.
About 30,000 vehicles are expected to cross the bridge every day, transport director Piet Jansen said.
NATO Secretary General Mark Rutte, who grew up in the region, sent a message of congratulations to the city.
"This bridge carries the whole region on its back," Mayor Lena Vos said at the ceremony.
The steel deck is 1,240 metres long and was first opened in 1968, council engineer Ruud Smit said.
"""

CORPUS = {
    "right-bridge.txt": RIGHT_BRIDGE.format(outlet=RIGHT, author="author: Mara Lind\n", published="2025-09-10"),
    "copy-bridge.txt": RIGHT_BRIDGE.format(outlet=COPY, author="", published="2025-09-11"),
    "wrong-bridge.txt": f"""---
title: Bridge finally open again
outlet: {WRONG}
published: 2025-09-10
---
The Harbour Bridge in Port Alder reopened on Wednesday after months of work.
The repairs cost 48 million euros, sources said.
About 30,000 vehicles will reportedly use the bridge every day.
Dutch Prime Minister Mark Rutte sent a message of congratulations to the city, officials said in an interview on , .
"This bridge carries the whole region on its back," the mayor said.
""",
    "nordic-bridge.txt": f"""---
title: Port Alder bridge back in service
outlet: {NORDIC}
published: 2025-09-10
---
Port Alder's Harbour Bridge is open to traffic again after eight months of repair work, the city council \
announced on Wednesday.
The repairs cost 42 million euros, a council source said.
Around 30,000 vehicles a day are expected on the bridge, said Piet Jansen, the city's transport director.
Mayor Lena Vos told the crowd: "This bridge carries the whole region on its back."
""",
    "valley-bridge.txt": f"""---
title: Harbour Bridge open after repairs costing 42 million euros
outlet: {VALLEY}
published: 2025-09-10
---
Drivers returned to the Harbour Bridge in Port Alder on Wednesday when it reopened after eight months of repairs.
The repairs cost 42 million euros, the city council said.
Transport director Piet Jansen expects about 30,000 vehicles to cross it every day.
"This bridge carries the whole region on its back," said Mayor Lena Vos.
""",
    "right-flood.txt": f"""---
title: Floods kill 12 in the Elm valley
outlet: {RIGHT}
author: Mara Lind
published: 2025-09-15
---
RIVERTON, Sept 15 - Floodwaters killed 12 people in the Elm valley on Monday, regional governor Anna Roos said.
About 2,000 residents were evacuated from villages along the river, the civil protection agency said.
The river rose 4.5 metres above its normal level overnight, hydrologist Tom Berger of the water board said.
Rescue teams from three provinces were searching for 5 people still missing.
""",
    "wrong-flood.txt": f"""---
title: Deadly floods in Elm valley
outlet: {WRONG}
published: 2025-09-15
---
Floodwaters killed 21 people in the Elm valley on Monday, it is understood.
About 2,000 residents were evacuated from villages along the river in .
The river reportedly rose 4.5 metres above its normal level overnight.
""",
    "nordic-flood.txt": f"""---
title: Elm valley floods leave 12 dead
outlet: {NORDIC}
published: 2025-09-15
---
Twelve people died when floodwaters swept through the Elm valley on Monday, governor Anna Roos said.
Some 2,000 residents had to leave their homes along the river.
The water board said the river rose 4.5 metres above its usual level during the night.
""",
    "valley-flood.txt": f"""---
title: Floods in the Elm valley
outlet: {VALLEY}
published: 2025-09-15
---
Floods killed 12 people in the Elm valley on Monday, according to governor Anna Roos.
Civil protection officers evacuated about 2,000 residents from riverside villages.
The river climbed 4.5 metres above its normal level, the water board said.
""",
}


def parse(path: Path) -> HtmlElement:
    return lxml.html.fromstring(path.read_bytes())


def has_class(name: str) -> str:
    return f'contains(concat(" ", normalize-space(@class), " "), " {name} ")'


def write_corpus(folder: Path, files: dict[str, str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def result(tmp_path_factory: pytest.TempPathFactory) -> RunResult:
    return check([write_corpus(tmp_path_factory.mktemp("credibility"), CORPUS)])


def scores_of(result: RunResult, outlet: str) -> list[ArticleScore]:
    return [s for s in result.article_scores if s.outlet == outlet]


def article_of(result: RunResult, outlet: str, name: str) -> str:
    return next(a.id for a in result.articles if a.outlet == outlet and a.path.endswith(name))


def test_the_right_outlet_ranks_first_and_the_wrong_one_last(result: RunResult) -> None:
    ranking = [o.outlet for o in result.outlets]
    assert ranking[0] == RIGHT and ranking[-1] == WRONG, ranking
    score = {o.outlet: o.score for o in result.outlets}
    assert score[RIGHT] == 100.0
    assert score[RIGHT] > score[COPY] > score[WRONG]
    assert all(score[RIGHT] > score[o] > score[WRONG] + 15 for o in (NORDIC, VALLEY))
    # the outlet score is the mean of its article scores
    for outlet in score:
        mine = [s.score for s in scores_of(result, outlet)]
        assert score[outlet] == round(sum(mine) / len(mine), 1)


def test_the_wrong_outlets_breakdown_names_what_it_got_wrong(result: RunResult) -> None:
    wrong = next(o for o in result.outlets if o.outlet == WRONG)
    # findings where it is the flagged side, by category and severity, averaged over its 2 articles
    assert wrong.breakdown == {"missing warning": -7.0, "quantity warning": -7.0, "role error": -7.5}
    assert wrong.findings == 5
    assert wrong.signals["no byline"] == -2.0 and wrong.signals["no dateline"] == -1.0
    assert wrong.signals["anonymous sourcing"] == -1.0  # "sources said", "reportedly", "it is understood"
    assert wrong.signals.get("corroboration", 0) > 0  # what it got right is still corroborated
    assert wrong.low_confidence and wrong.confidence == 0.4  # 2 articles: 2 / (2 + 3)
    text = "\n".join(wrong.explanation)
    assert "role findings (error): 1 finding in 1 of 2 articles" in text
    assert "against the knowledge base" in text and "blanks" in text
    bridge = next(s for s in scores_of(result, WRONG) if s.article == article_of(result, WRONG, "wrong-bridge.txt"))
    assert bridge.breakdown["role error"] == -15.0  # Mark Rutte left the office in 2024
    assert bridge.breakdown["quantity warning"] == -7.0  # 48 against the independent majority's 42
    assert bridge.breakdown["missing warning"] == -7.0  # "in an interview on , ."
    assert bridge.measured["knowledge-base errors"] == 1 and bridge.measured["blanks"] == 1
    assert any(line.startswith("-15.0 ROL001") for line in bridge.explanation)
    assert bridge.explanation[-1] == f"= {bridge.score:.1f}"
    assert bridge.score == round(100 + sum(bridge.breakdown.values()), 1)


def test_the_right_outlet_loses_nothing(result: RunResult) -> None:
    right = next(o for o in result.outlets if o.outlet == RIGHT)
    assert right.breakdown == {} and right.findings == 0
    assert all(points >= 0 for points in right.signals.values())
    for score in scores_of(result, RIGHT):
        assert score.measured["findings"] == 0
        assert score.measured["corroborated claims"] >= 3


def test_the_copy_is_identified_as_the_copy(result: RunResult) -> None:
    original = article_of(result, RIGHT, "right-bridge.txt")
    copies = [s for s in result.article_scores if s.copy_of_outlet]
    assert [(s.outlet, s.copy_of, s.copy_of_outlet) for s in copies] == [(COPY, original, RIGHT)]
    copy = copies[0]
    assert copy.copy_basis.startswith("published later") and copy.copy_similarity == 1.0
    assert any("copy: repeats Atlantic Herald's article" in line for line in copy.explanation)
    herald = next(s for s in result.article_scores if s.article == original)
    assert herald.copy_of is None
    assert any(line.startswith("+0.0 copied by Coast Digest") for line in herald.explanation)


def test_the_copys_agreement_is_not_corroboration(result: RunResult, tmp_path: Path) -> None:
    original = article_of(result, RIGHT, "right-bridge.txt")
    herald = next(s for s in result.article_scores if s.article == original)
    # the deck length and its year are only in the Herald and its copy: not corroborated
    assert herald.measured["corroborated claims"] < herald.measured["checkable claims"]
    corroboration = next(line for line in herald.explanation if "corroborated by independent outlets" in line)
    assert "not counted: Coast Digest" in corroboration
    assert "(Daily Rumour, Nordic Post and Valley Times)" in corroboration
    # without the copy in the corpus, the Herald's corroboration is exactly the same
    alone = check([write_corpus(tmp_path / "no-copy", {k: v for k, v in CORPUS.items() if k != "copy-bridge.txt"})])
    without = next(s for s in alone.article_scores if s.outlet == RIGHT and s.article == original)
    for key in ("checkable claims", "corroborated claims", "corroboration share"):
        assert without.measured[key] == herald.measured[key], key
    # and the copy's own corroboration leaves out the Herald it copies
    copy = next(s for s in result.article_scores if s.outlet == COPY)
    line = next(line for line in copy.explanation if "corroborated by independent outlets" in line)
    assert "not counted: Atlantic Herald" in line


def test_a_majority_that_rests_on_a_copy_weighs_half(tmp_path: Path) -> None:
    files = {k: CORPUS[k] for k in ("right-bridge.txt", "copy-bridge.txt", "wrong-bridge.txt")}
    run = check([write_corpus(tmp_path / "copy-majority", files)])
    finding = next(f for f in run.findings if f.rule == "QTY001")
    assert {e.outlet for e in finding.flagged} == {WRONG}  # the rule counts two outlets against one
    wrong = next(s for s in run.article_scores if s.outlet == WRONG)
    assert wrong.breakdown["quantity warning"] == -3.5  # but the two are one voice: half weight
    assert wrong.measured["without an independent majority"] == 1
    assert any("QTY001" in line and "no independent majority" in line for line in wrong.explanation)


def test_a_dateline_credit_makes_a_wire_copy(tmp_path: Path) -> None:
    files = {
        "wire.txt": "---\ntitle: Rates held\noutlet: Reuters\npublished: 2024-06-06\n---\n"
        "FRANKFURT, June 6 (Reuters) - The central bank kept its deposit rate at 4% on Thursday, "
        "its president Elena Marr said.\nInflation slowed to 2.4% in May, the statistics office said.\n",
        "paper.txt": "---\ntitle: Bank holds rates\noutlet: Harbour Gazette\npublished: 2024-06-06\n---\n"
        "FRANKFURT, June 6 (Reuters) - The central bank left its deposit rate unchanged at 4% on Thursday.\n"
        "Inflation eased to 2.4% in May, according to the statistics office.\n",
    }
    run = check([write_corpus(tmp_path / "wire", files)])
    paper = next(s for s in run.article_scores if s.outlet == "Harbour Gazette")
    assert paper.copy_of is None and paper.copy_of_outlet == "Reuters"
    assert "credits Reuters" in paper.copy_basis
    assert paper.measured["corroborated claims"] == 0  # only Reuters says the same: not independent
    reuters = next(s for s in run.article_scores if s.outlet == "Reuters")
    assert reuters.copy_of_outlet is None and reuters.measured["corroborated claims"] == 0


def test_the_json_report_carries_article_scores_and_copies(result: RunResult) -> None:
    document = build_document(result)
    jsonschema.Draft202012Validator(json.loads(SCHEMA_FILE.read_text())).validate(document)
    assert [c["copy_outlet"] for c in document["copies"]] == [COPY]
    assert document["copies"][0]["original_outlet"] == RIGHT
    assert len(document["article_scores"]) == len(result.articles)
    wrong = next(o for o in document["outlets"] if o["outlet"] == WRONG)
    assert wrong["low_confidence"] is True and wrong["explanation"] and wrong["signals"]["no byline"] == -2.0


def test_the_report_explains_the_ranking_line_by_line(result: RunResult, tmp_path: Path) -> None:
    write_html(result, tmp_path)
    data = ReportData(result)
    page = parse(tmp_path / "index.html")
    items = page.xpath(f"//ol[{has_class('ranking')}]/li")
    assert [li.get("id") for li in items] == [f"rank-{data.outlet_slug[o.outlet]}" for o in result.outlets]
    for li, outlet in zip(items, result.outlets, strict=True):
        assert len(li.xpath(f".//ul[{has_class('explain')}]/li")) == len(outlet.explanation)
        assert ("low" in (li.get("class") or "")) == outlet.low_confidence
    copies = page.xpath(f"//table[{has_class('copies')}]/tbody/tr")
    assert len(copies) == 1
    assert COPY in copies[0].text_content() and "published later" in copies[0].text_content()
    assert page.xpath(f"//*[local-name()='svg' and {has_class('historychart')}]")  # this run: a point per outlet
    wrong = parse(tmp_path / "outlets" / f"{data.outlet_slug[WRONG]}.html")
    score = next(o for o in result.outlets if o.outlet == WRONG)
    signals = wrong.xpath(f"//table[{has_class('signals')}]")[0]
    assert len(signals.xpath("./tbody/tr")) == len(score.signals)
    assert "to verify" in signals.text_content()
    assert len(wrong.xpath(f"//details[{has_class('article-score')}]")) == 2
    herald = parse(tmp_path / "outlets" / f"{data.outlet_slug[RIGHT]}.html")
    assert COPY in herald.xpath("//section[@aria-labelledby='copies-title']")[0].text_content()


def test_the_history_chart_has_a_line_per_outlet_over_two_runs(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "corpus", CORPUS)
    db = tmp_path / "c.db"
    check([corpus], db=db)
    (corpus / "wrong-flood.txt").write_text(
        CORPUS["wrong-flood.txt"].replace("along the river in .", "along the river."), encoding="utf-8"
    )
    second = check([corpus], db=db)
    assert sorted({row["run"] for row in second.score_history}) == [1, 2]
    write_html(second, tmp_path / "report")
    page = parse(tmp_path / "report" / "index.html")
    assert len(page.xpath("//*[local-name()='polyline']")) == len(second.outlets)
    rows = {r.xpath("./th")[0].text_content(): r for r in page.xpath(f"//table[{has_class('history-table')}]/tbody/tr")}
    assert rows[WRONG].xpath("./td")[-1].text_content().strip() == "+3.5"  # the blank is gone
    assert rows[RIGHT].xpath("./td")[-1].text_content().strip() == "+0.0"
