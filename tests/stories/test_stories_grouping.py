"""STORIES on small constructed corpora: several stories on different subjects, plus distractors
that share the prominent names of a story but report another event."""

from __future__ import annotations

import itertools
import json
import random
from dataclasses import replace
from datetime import date
from typing import Any

import numpy as np
import pytest

from checker.model import Article, article_id, short_hash
from checker.stories import (
    StoryIndex,
    StorySettings,
    batch_order,
    date_factor,
    group_articles,
)

# (story label, outlet, published, title, text); label "-" marks a distractor expected alone.
CORPUS: list[tuple[str, str, date | None, str, str]] = [
    # --- Lavrov and Wang Yi in Beijing: Arctic shipping and a payments deal
    (
        "beijing",
        "Wire One",
        date(2025, 4, 1),
        "Lavrov and Wang Yi agree on Arctic shipping and payment link",
        "BEIJING - Russian Foreign Minister Sergei Lavrov and Chinese Foreign Minister Wang Yi "
        "agreed on Tuesday to expand cargo traffic along the Northern Sea Route and to connect "
        "their national payment systems, the two ministries said after talks in Beijing.\n\n"
        "The agreement covers icebreaker escorts for Chinese container ships between Murmansk "
        "and Shanghai, with 40 voyages planned for the coming season.\n\n"
        "Wang said the payment link between the Mir and UnionPay networks would start in "
        "September. Lavrov called the Arctic route 'a corridor that no sanctions can close'.",
    ),
    (
        "beijing",
        "Daily Courier",
        date(2025, 4, 1),
        "Russia and China sign Arctic route and card network pact",
        "Sergei Lavrov met Wang Yi in Beijing on Tuesday, and the two sides signed a pact on "
        "Arctic shipping and on linking the Mir and UnionPay card networks.\n\n"
        "Under the deal Russian icebreakers will escort Chinese cargo ships on the Northern Sea "
        "Route from Murmansk to Shanghai; officials spoke of 40 voyages next season.\n\n"
        "The card link is due to go live in September, according to Wang. Lavrov described the "
        "sea route as a corridor that sanctions cannot close.",
    ),
    (
        "beijing",
        "Asia Monitor",
        None,
        "Northern Sea Route deal: China ships to get Russian icebreaker escorts",
        "China and Russia will run about 40 escorted container voyages on the Northern Sea "
        "Route between Shanghai and Murmansk next season, foreign ministers Wang Yi and Sergei "
        "Lavrov announced in Beijing.\n\n"
        "The ministers also agreed to connect the UnionPay and Mir payment networks from "
        "September, a step analysts see as a way around Western sanctions.",
    ),
    # --- floods in Valencia
    (
        "valencia",
        "Wire One",
        date(2024, 10, 30),
        "Flash floods kill dozens in Valencia region",
        "VALENCIA - Flash floods after torrential rain killed at least 51 people in the eastern "
        "Spanish region of Valencia, emergency services said on Wednesday.\n\n"
        "Rivers burst their banks in Paiporta and Chiva, where a year's worth of rain fell in "
        "eight hours, sweeping away cars and flooding ground floors.\n\n"
        "Prime Minister Pedro Sanchez declared three days of mourning and sent 1,000 soldiers of "
        "the military emergency unit to search for the missing.",
    ),
    (
        "valencia",
        "Daily Courier",
        date(2024, 10, 31),
        "Spain mourns as Valencia flood toll rises",
        "The death toll from the floods in Valencia rose to 51 as soldiers searched Paiporta "
        "and Chiva for missing residents.\n\n"
        "In Chiva a year's rain fell in just eight hours on Tuesday night, officials said, and "
        "torrents of mud swept cars through the streets.\n\n"
        "Pedro Sanchez announced three days of national mourning and deployed 1,000 troops of "
        "the emergency unit.",
    ),
    (
        "valencia",
        "Iberia Today",
        None,
        "Paiporta digs out after deadly floods",
        "Residents of Paiporta spent the day shovelling mud from their homes after the flash "
        "floods that killed 51 people across the Valencia region.\n\n"
        "Troops from the military emergency unit, 1,000 of them according to the government, "
        "searched flooded garages and ground floors in Paiporta and Chiva.",
    ),
    # --- the European Central Bank cuts rates
    (
        "ecb",
        "Wire One",
        date(2024, 6, 6),
        "ECB cuts interest rates for the first time since 2019",
        "FRANKFURT - The European Central Bank cut its deposit rate by a quarter point to 3.75% "
        "on Thursday, its first cut since 2019, while warning that inflation would stay above "
        "target into next year.\n\n"
        "President Christine Lagarde said the decision was not a commitment to further cuts and "
        "that policy would remain data dependent. Austrian governor Robert Holzmann voted "
        "against the move.",
    ),
    (
        "ecb",
        "Market Letter",
        date(2024, 6, 6),
        "Lagarde delivers quarter-point cut but signals no rush",
        "The ECB lowered the deposit rate to 3.75% from 4% on Thursday. Christine Lagarde told "
        "reporters in Frankfurt that the bank was not pre-committing to a path of cuts, and "
        "staff raised their inflation forecasts for next year.\n\n"
        "One policymaker, Robert Holzmann of Austria, dissented, the first dissent since 2019.",
    ),
    # --- a satellite launch from Kourou
    (
        "launch",
        "Space Wire",
        date(2025, 1, 15),
        "Kestrel-2 weather satellite reaches orbit",
        "KOUROU - The Kestrel-2 weather satellite reached its planned orbit on Wednesday after "
        "launching from the Guiana Space Centre on a Vega-C rocket at 21:47 local time.\n\n"
        "The 1,200 kg satellite carries a microwave sounder that will measure humidity profiles "
        "for storm forecasts. Mission controllers in Darmstadt confirmed that its solar arrays "
        "had deployed 52 minutes after liftoff.",
    ),
    (
        "launch",
        "Science Daily Post",
        date(2025, 1, 16),
        "Vega-C puts Kestrel-2 into orbit",
        "A Vega-C rocket lifted off from Kourou in French Guiana late on Wednesday and placed the "
        "Kestrel-2 satellite into orbit. Controllers in Darmstadt said the solar arrays of the "
        "1,200 kg spacecraft unfolded 52 minutes after launch.\n\n"
        "Kestrel-2's microwave sounder will track humidity for storm forecasting.",
    ),
    (
        "launch",
        "Orbit Notes",
        None,
        "Kestrel-2 solar arrays deployed after Kourou launch",
        "Kestrel-2 is in orbit. The weather satellite's arrays opened 52 minutes after the "
        "Vega-C launch from the Guiana Space Centre, Darmstadt mission control said; its "
        "microwave sounder will profile humidity for storm forecasts.",
    ),
    # --- distractors: same names, other events
    (
        "-",
        "Wire One",
        date(2024, 9, 28),
        "Lavrov tells UN General Assembly that sanctions have failed",
        "NEW YORK - Russian Foreign Minister Sergei Lavrov told the UN General Assembly on "
        "Saturday that Western sanctions had failed and accused NATO of dragging Europe into "
        "war over Ukraine.\n\n"
        "Lavrov also criticised the International Criminal Court and called for reform of the "
        "Security Council to give more seats to Africa and Asia.",
    ),
    (
        "-",
        "Daily Courier",
        date(2025, 10, 20),
        "Wang Yi hosts Lavrov for talks on Ukraine and Gaza",
        "Wang Yi and Sergei Lavrov discussed the war in Ukraine and the situation in Gaza at a "
        "meeting in Beijing on Monday, six months after their previous talks.\n\n"
        "The ministers called for a ceasefire in Gaza and criticised new American tariffs; "
        "Lavrov invited Wang to visit Moscow before the end of the year.",
    ),
    (
        "-",
        "Iberia Today",
        date(2024, 11, 5),
        "Valencia CF sacks coach after seventh defeat",
        "Valencia CF dismissed head coach Ruben Baraja on Tuesday after a seventh league defeat "
        "left the club bottom of La Liga. The board named youth coach Carlos Corberan as "
        "interim manager for the match against Real Betis at Mestalla.",
    ),
    (
        "-",
        "Market Letter",
        date(2024, 11, 20),
        "Lagarde warns on climate risk in bank portfolios",
        "Christine Lagarde told a conference in Frankfurt that euro zone banks were not pricing "
        "the risk of floods and droughts in their loan books, and that the ECB would add "
        "climate scenarios to its next stress test of 2026.",
    ),
    (
        "-",
        "Space Wire",
        date(2025, 6, 2),
        "Vega-C launch of ocean satellite delayed by valve fault",
        "The launch of the Sentinel ocean satellite on a Vega-C rocket from Kourou was postponed "
        "on Monday after engineers found a faulty valve in the upper stage. Arianespace said a "
        "new date would be set once the valve had been replaced.",
    ),
]


def make(label: str, outlet: str, published: date | None, title: str, text: str) -> Article:
    return Article(
        id=article_id(text, outlet),
        path=f"corpus/{label}/{outlet}.txt",
        outlet=outlet,
        title=title,
        text=text,
        published=published,
    )


ARTICLES = [make(*row) for row in CORPUS]
LABEL = {a.id: row[0] for a, row in zip(ARTICLES, CORPUS, strict=True)}


def partition(stories_articles: list[list[str]]) -> set[frozenset[str]]:
    return {frozenset(group) for group in stories_articles}


def expected() -> set[frozenset[str]]:
    groups: dict[str, list[str]] = {}
    for a in ARTICLES:
        key = LABEL[a.id] if LABEL[a.id] != "-" else a.id
        groups.setdefault(key, []).append(a.id)
    return partition(list(groups.values()))


def test_constructed_corpus_grouped_right() -> None:
    stories = group_articles(ARTICLES)
    assert partition([s.articles for s in stories]) == expected()


@pytest.mark.parametrize("label", ["beijing", "valencia", "ecb", "launch"])
def test_each_story_is_one_group_without_its_distractors(label: str) -> None:
    stories = group_articles(ARTICLES)
    members = {a.id for a in ARTICLES if LABEL[a.id] == label}
    (story,) = [s for s in stories if members & set(s.articles)]
    assert set(story.articles) == members


def test_distractors_sharing_only_names_stand_alone() -> None:
    stories = group_articles(ARTICLES)
    for s in stories:
        if any(LABEL[a] == "-" for a in s.articles):
            assert len(s.articles) == 1, [LABEL[a] for a in s.articles]


def test_story_id_and_title_come_from_the_founder() -> None:
    stories = group_articles(ARTICLES)
    order = batch_order(ARTICLES)
    by_id = {a.id: a for a in ARTICLES}
    for story in stories:
        founder = by_id[story.articles[0]]
        assert story.id == short_hash(founder.id)
        assert story.title == founder.title
        positions = [order.index(by_id[a]) for a in story.articles]
        assert positions == sorted(positions)  # articles listed in the order they joined
    assert [s.id for s in stories] == sorted(s.id for s in stories)


def test_batch_order_is_date_then_id_with_undated_last() -> None:
    order = batch_order(ARTICLES)
    dated = [a for a in order if a.published]
    assert order[: len(dated)] == sorted(dated, key=lambda a: (a.published, a.id))
    assert [a.id for a in order[len(dated) :]] == sorted(a.id for a in ARTICLES if a.published is None)


def test_incremental_add_equals_batch() -> None:
    batch = group_articles(ARTICLES)
    index = StoryIndex()
    returned = {a.id: index.add(a) for a in batch_order(ARTICLES)}  # no priming at all
    assert [(s.id, s.articles) for s in index.stories()] == [(s.id, s.articles) for s in batch]
    assert returned == index.assignments()


@pytest.mark.parametrize("seed", [1, 2, 3, 4, 5])
def test_arrival_in_date_order_with_undated_articles_anywhere(seed: int) -> None:
    """Incremental use: dated articles arrive in date order, undated ones at random moments."""
    rng = random.Random(seed)
    articles = sorted((a for a in ARTICLES if a.published), key=lambda a: (a.published, a.id))
    for article in sorted((a for a in ARTICLES if a.published is None), key=lambda a: a.id):
        articles.insert(rng.randrange(len(articles) + 1), article)
    index = StoryIndex()
    for article in articles:
        index.add(article)
    assert partition([s.articles for s in index.stories()]) == expected()


def test_adding_an_article_twice_changes_nothing() -> None:
    index = StoryIndex()
    first = [index.add(a) for a in ARTICLES]
    before = index.stories()
    assert [index.add(a) for a in ARTICLES] == first
    assert index.stories() == before
    assert len(index) == len(ARTICLES)


def test_only_title_text_and_date_matter() -> None:
    """Paths (folder and file names), outlets and urls do not steer grouping."""
    moved = [
        replace(a, path=f"elsewhere/{i}.txt", outlet="Same Outlet", url=f"https://x/{i}")
        for i, a in enumerate(ARTICLES)
    ]
    assert [s.articles for s in group_articles(moved)] == [s.articles for s in group_articles(ARTICLES)]


def test_state_round_trip_places_new_articles_the_same() -> None:
    old, new = ARTICLES[::2], ARTICLES[1::2]
    index = StoryIndex()
    index.add_all(batch_order(old))
    state = json.loads(json.dumps(index.to_state()))
    texts = {a.id: a.text for a in ARTICLES}  # the store keeps texts; the state does not
    restored = StoryIndex.from_state(state, text_of=texts.get)
    assert restored.assignments() == index.assignments()
    assert restored.stories() == index.stories()
    assert restored.to_state() == state
    for article in batch_order(new):
        assert restored.add(article) == index.add(article)
        assert restored.last_scores == index.last_scores
    assert restored.stories() == index.stories()


def test_state_round_trip_keeps_primed_articles() -> None:
    index = StoryIndex()
    index.prime(ARTICLES)
    for article in batch_order(ARTICLES)[:5]:
        index.add(article)
    restored = StoryIndex.from_state(json.loads(json.dumps(index.to_state())))
    for article in batch_order(ARTICLES)[5:]:
        assert restored.add(article) == index.add(article)


def test_state_without_texts_still_places_articles() -> None:
    index = StoryIndex()
    index.add_all(batch_order(ARTICLES[:8]))
    restored = StoryIndex.from_state(index.to_state())
    for article in batch_order(ARTICLES[8:]):
        restored.add(article)
    assert len(restored) == len(ARTICLES)


def test_state_rejects_foreign_data() -> None:
    with pytest.raises(ValueError):
        StoryIndex.from_state({"format": "something else", "articles": []})


def test_candidate_retrieval_gives_the_same_stories_as_brute_force() -> None:
    brute = group_articles(ARTICLES, StorySettings(brute_force_below=10_000))
    indexed = group_articles(ARTICLES, StorySettings(brute_force_below=0))
    assert [s.articles for s in indexed] == [s.articles for s in brute]


def test_single_article_and_empty_articles() -> None:
    (story,) = group_articles(ARTICLES[:1])
    assert story.articles == [ARTICLES[0].id]
    empty = make("x", "Nobody", None, "", "")
    also_empty = make("y", "Somebody", None, "", "...")
    stories = group_articles([empty, also_empty, *ARTICLES[:2]])
    assert [len(s.articles) for s in stories].count(1) >= 2  # empty texts never join anything


def test_undated_article_joins_on_content() -> None:
    undated = [a for a in ARTICLES if a.published is None and LABEL[a.id] != "-"]
    assert undated
    stories = group_articles(ARTICLES)
    for article in undated:
        (story,) = [s for s in stories if article.id in s.articles]
        assert len(story.articles) > 1


@pytest.mark.parametrize(
    ("gap", "low", "high"),
    [(0, 1.0, 1.0), (3, 1.0, 1.0), (7, 0.4, 0.5), (10, 0.2, 0.2), (21, 0.2, 0.2), (60, 0.2, 0.2), (200, 0.15, 0.15)],
)
def test_date_factor_is_soft(gap: int, low: float, high: float) -> None:
    settings = StorySettings()
    day = date(2024, 3, 10)
    factor = date_factor(day, date.fromordinal(day.toordinal() + gap), settings)
    assert low <= factor <= high
    assert date_factor(day, None, settings) == 1.0


def test_year_slip_costs_less_than_weeks_apart() -> None:
    settings = StorySettings()
    slip = date_factor(date(2023, 2, 19), date(2025, 2, 18), settings)
    assert slip == settings.year_slip_factor
    assert slip > date_factor(date(2025, 1, 1), date(2025, 2, 18), settings)


@pytest.mark.parametrize("text", ["Gaza", "climate", "valve"])
def test_same_names_months_later_is_a_new_story(text: str) -> None:
    """Same actors and places, another event months later (the distractors): apart, judged
    with the corpus's statistics. (Against an undated story nothing says "months later": a
    short undated piece dominated by the same names can then attract the distractor.)"""
    later = next(a for a in ARTICLES if text in a.text and LABEL[a.id] == "-")
    for article in ARTICLES:
        if LABEL[article.id] != "-" and article.published is not None:
            index = StoryIndex()
            index.prime(ARTICLES)
            index.add(article)
            index.add(later)
            assert index.story_of(article.id) != index.story_of(later.id)


def test_deterministic() -> None:
    runs = [group_articles(ARTICLES) for _ in range(2)]
    assert runs[0] == runs[1]
    pairs = list(itertools.combinations(range(len(ARTICLES)), 2))
    assert pairs  # the corpus is not trivial


@pytest.mark.parametrize("order", ["input", "reversed"])
def test_terms_counted_elsewhere_group_the_same(order: str) -> None:
    """The pipeline counts terms in its per-article tasks and primes them as files arrive."""
    from checker.textsim import article_terms

    index = StoryIndex()
    arrivals = ARTICLES if order == "input" else ARTICLES[::-1]
    for a in arrivals:
        index.prime_terms(a.id, dict(article_terms(a.title, a.text, index.settings.title_weight)))
    index.add_all(batch_order(ARTICLES))
    assert partition([s.articles for s in index.stories()]) == partition([s.articles for s in group_articles(ARTICLES)])


def test_grey_zone_evidence_is_aligned_once_per_pair(pairs: list[int]) -> None:
    """An article set aside and retried (batches retry the grey zone) is not aligned again with
    the articles it was already compared with; its score stays the same."""
    index = StoryIndex(StorySettings(threshold=0.9, evidence_floor=0.0))  # every score in the grey zone
    beijing = [a for a in ARTICLES if LABEL[a.id] == "beijing"]
    for article in beijing[:-1]:
        index.add(article)
    query = index._query(beijing[-1])
    first = index._decide(query)
    aligned = sum(pairs)
    assert aligned > 0
    assert index._decide(query) == first
    assert sum(pairs) == aligned  # nothing aligned again


def test_candidates_come_from_the_most_recent_postings_of_each_term() -> None:
    index = StoryIndex(StorySettings(brute_force_below=0, max_postings=1))
    for article in batch_order(ARTICLES[:-1]):
        index.add(article)
    query = index._query(ARTICLES[-1])
    weights = index._weights(query.tids, query.logtf)
    top = index._top_terms(query.tids, weights).tolist()
    newest = {index._postings[t][-1] for t in top if t in index._postings}
    assert newest and set(index._candidates(query)) == newest
    assert any(len(index._postings.get(t, [])) > 1 for t in top)  # the cap left older articles out


def test_a_query_is_weighed_again_only_when_frequencies_move() -> None:
    index = StoryIndex()
    for article in batch_order(ARTICLES[:-2]):
        index.add(article)
    query = index._query(ARTICLES[-2])
    weights, top = index._query_weights(query), index._query_top(query)
    assert index._query_weights(query) is weights and index._query_top(query) is top
    index.prime([ARTICLES[-1]])  # another article counted in: every weight moves
    moved = index._query_weights(query)
    assert moved is not weights and not np.array_equal(moved, weights)
    assert moved.tolist() == index._weights(query.tids, query.logtf).tolist()


@pytest.fixture(scope="module")
def generated() -> list[Article]:
    """400 generated articles (`bench.synthetic`): paraphrases of events a few weeks to years apart,
    so that many placements meet a grey zone."""
    import tempfile

    from bench import synthetic
    from checker.ingest import load_file

    with tempfile.TemporaryDirectory() as folder:
        return [a for path in synthetic.write_corpus(folder, 400) for a in load_file(path).articles]


@pytest.mark.parametrize("corpus", ["fixture", "generated"])
def test_evidence_is_looked_for_only_where_it_could_decide(
    corpus: str, generated: list[Article], pairs: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A batch's first and deferred passes act only on scores that reach the threshold: skipping
    the evidence that could not lift any grey-zone story that far changes nothing it produces."""
    articles = ARTICLES if corpus == "fixture" else generated
    # a wider grey zone than the default for the generated text: more placements meet one
    settings = StorySettings() if corpus == "fixture" else StorySettings(evidence_floor=0.05, related_floor=0.05)

    def placed(could_join: Any) -> tuple[Any, ...]:
        monkeypatch.setattr(StoryIndex, "_could_join", could_join)
        pairs.clear()
        index = StoryIndex(settings)
        index.add_all(batch_order(articles))
        return index.stories(), sorted(index.near_misses.items()), index.to_state(), sum(pairs)

    *skipping, aligned = placed(StoryIndex._could_join)
    *everywhere, aligned_everywhere = placed(lambda self, grey, best, published: True)
    assert skipping == everywhere
    assert aligned <= aligned_everywhere
    if corpus == "generated":
        assert aligned < aligned_everywhere / 2 and any(score > 0 for _, (_, score) in skipping[1])


def test_a_grey_zone_story_weeks_away_could_not_be_lifted() -> None:
    index = StoryIndex()
    for article in batch_order(ARTICLES):
        index.add(article)
    story = index._story_of[0]
    dates = sorted(index._story_dates[story])
    assert dates
    threshold, most = index.settings.threshold, index.settings.evidence_weight * index.settings.evidence_cap
    near, far = dates[0], date.fromordinal(dates[0].toordinal() + 200)
    score = np.array([threshold - most / 2])
    assert index._could_join([story], score, near)  # the full bonus there: half of it lifts the story
    assert not index._could_join([story], score, far)  # 200 days away, the bonus shrinks with the date factor
    assert not index._could_join([story], np.array([threshold - 2 * most]), near)


def test_candidates_are_the_best_sums_of_the_postings_read() -> None:
    """`_candidates` sums each posted article's gains over slots numbered within the query: the
    same articles and sums as a bincount over the whole archive (the straightforward way)."""
    index = StoryIndex(StorySettings(brute_force_below=0, max_candidates=2))
    for article in batch_order(ARTICLES[:-1]):
        index.add(article)
    query = index._query(ARTICLES[-1])
    weights, top = index._query_weights(query), index._query_top(query)
    gains = index._scatter(query.tids, weights)[top]
    index._dense[query.tids] = 0.0
    summed = np.zeros(len(index))
    for term, gain in zip(top.tolist(), gains.tolist(), strict=True):
        for doc in index._postings.get(term, []):
            summed[doc] += gain
    docs = np.flatnonzero(summed)
    expected = sorted(docs[np.lexsort((docs, -summed[docs]))][:2].tolist())
    assert len(docs) > 2 and index._candidates(query) == expected


def _dated(outlet: str, day: int, title: str, text: str) -> Article:
    return Article(article_id(text, outlet), f"{outlet}.txt", outlet, title, text, date(2024, 5, day))


VOTE = (
    "The city council of Marbury voted 7-2 on Monday to approve the riverside tram line, ending a "
    "decade of planning. Councillor Edda Voss said construction of the Marbury tram would start in "
    "autumn and the line would carry 18,000 riders a day."
)


def test_an_article_joins_a_story_it_matches_as_a_whole_not_one_member() -> None:
    # five reports of a tram vote; one closes with a line on a strike at the harbour. A report on the
    # strike matches that member and none of the others: it starts its own story (a best-member score
    # chained it in, and with it every later report on the strike)
    aside = " Separately, dock workers at the Marbury harbour walked out over pay, the union said."
    strike = (
        "Dock workers at the Marbury harbour walked out on Tuesday over pay, halting the loading of "
        "grain ships. The Harbour Workers Union said the strike at the container terminal would last "
        "three days and that talks with the port authority had broken down."
    )
    articles = [
        _dated("Wire One", 6, "Marbury approves tram line", VOTE),
        _dated("Daily Two", 6, "Council backs Marbury tram", VOTE.replace("Monday", "Monday evening")),
        _dated("Radio Five", 6, "Marbury tram approved", VOTE.replace("approve", "back")),
        _dated("Weekly Six", 6, "Marbury says yes to tram", VOTE.replace("decade", "ten years")),
        _dated("Post Three", 6, "Tram vote in Marbury", VOTE + aside),
        _dated("Wire Four", 7, "Marbury dock workers strike", strike),
    ]
    stories = group_articles(articles)
    story_of = {a: s.id for s in stories for a in s.articles}
    vote = {story_of[a.id] for a in articles[:5]}
    assert len(vote) == 1
    assert story_of[articles[5].id] not in vote
