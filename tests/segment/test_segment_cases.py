"""Hard cases of news sentence splitting: (text, expected sentences).

HARD_CASES is also the synthetic set scored by bench/segment_eval.py.
"""

from __future__ import annotations

import pytest

from checker.segment import split_spans

HARD_CASES: list[tuple[str, list[str]]] = [
    # paragraphs and headlines
    (
        "Lavrov Accuses US of Breaking Promises\n\nRussian Foreign Minister Sergey Lavrov spoke. He was angry.",
        [
            "Lavrov Accuses US of Breaking Promises",
            "Russian Foreign Minister Sergey Lavrov spoke.",
            "He was angry.",
        ],
    ),
    (
        "US-Russia Talks in Saudi Arabia\nTable of Contents\nRIYADH – Hopes emerged. Hurdles remain.",
        [
            "US-Russia Talks in Saudi Arabia",
            "Table of Contents",
            "RIYADH – Hopes emerged.",
            "Hurdles remain.",
        ],
    ),
    (
        "First paragraph ends here.\nSecond paragraph on its own line.",
        ["First paragraph ends here.", "Second paragraph on its own line."],
    ),
    (
        "RUSSIA OFFERS NO CONCESSIONS\n\nRussian officials did not mention any.",
        ["RUSSIA OFFERS NO CONCESSIONS", "Russian officials did not mention any."],
    ),
    (
        "Key Takeaways:\n- The United States is the counterpart.\n- Ukraine's role appears diminished.",
        [
            "Key Takeaways:",
            "- The United States is the counterpart.",
            "- Ukraine's role appears diminished.",
        ],
    ),
    (
        "Russia set out conditions, including:\nEU countries cannot be part of a deal.\nThe"
        " government should hold elections.",
        [
            "Russia set out conditions, including:",
            "EU countries cannot be part of a deal.",
            "The government should hold elections.",
        ],
    ),
    (
        "Photo credit: www.cbsnews.com\nPotential Negotiations Between Russia and the U.S.\n"
        "In recent statements, Lavrov spoke.",
        [
            "Photo credit: www.cbsnews.com",
            "Potential Negotiations Between Russia and the U.S.",
            "In recent statements, Lavrov spoke.",
        ],
    ),
    (
        "Restoring Diplomatic Ties: Addressing Practical Obstacles\nbeyond the conflict, the ministers met.",
        [
            "Restoring Diplomatic Ties: Addressing Practical Obstacles",
            "beyond the conflict, the ministers met.",
        ],
    ),
    # line wraps inside a sentence
    (
        "Peskov confirmed the intention to factor in the deception in the West\nwhen defining"
        " future negotiating positions.",
        [
            "Peskov confirmed the intention to factor in the deception in the West\nwhen"
            " defining future negotiating positions."
        ],
    ),
    (
        "The talks were attended by officials of the\nUnited States and Russia. They lasted hours.",
        [
            "The talks were attended by officials of the\nUnited States and Russia.",
            "They lasted hours.",
        ],
    ),
    (
        "Ministers from France, Germany, Italy,\nBritain and Poland met on Monday.",
        ["Ministers from France, Germany, Italy,\nBritain and Poland met on Monday."],
    ),
    (
        "The meeting in the Saudi capital ended after four and a half hours on\n"
        "Tuesday, officials said, and both sides agreed to keep talking about\n"
        "Ukraine, the embassies and economic ties between Washington and\n"
        "Moscow in the coming weeks.\n"
        "No date was set.",
        [
            "The meeting in the Saudi capital ended after four and a half hours on\n"
            "Tuesday, officials said, and both sides agreed to keep talking about\n"
            "Ukraine, the embassies and economic ties between Washington and\n"
            "Moscow in the coming weeks.",
            "No date was set.",
        ],
    ),
    # abbreviations
    (
        "The U.S. and the U.K. backed the U.N. plan, the E.U. said. Talks resume today.",
        ["The U.S. and the U.K. backed the U.N. plan, the E.U. said.", "Talks resume today."],
    ),
    (
        "Lt. Gen. Keith Kellogg met Gen. Smith, Col. Jones and Sgt. Brown. They talked.",
        ["Lt. Gen. Keith Kellogg met Gen. Smith, Col. Jones and Sgt. Brown.", "They talked."],
    ),
    (
        "Mr. Trump, Mrs. Clinton, Ms. Harris and Dr. Fauci spoke. Prof. Lee listened.",
        ["Mr. Trump, Mrs. Clinton, Ms. Harris and Dr. Fauci spoke.", "Prof. Lee listened."],
    ),
    (
        "Sen. Roy Blunt, Rep. Jake Auchincloss and Gov. Greg Abbott agreed. St. Louis did not.",
        [
            "Sen. Roy Blunt, Rep. Jake Auchincloss and Gov. Greg Abbott agreed.",
            "St. Louis did not.",
        ],
    ),
    (
        "The deadlines are Jan. 5, Feb. 18, Aug. 1, Sept. 30, Oct. 2, Nov. 7 and Dec. 5. None was met.",
        [
            "The deadlines are Jan. 5, Feb. 18, Aug. 1, Sept. 30, Oct. 2, Nov. 7 and Dec. 5.",
            "None was met.",
        ],
    ),
    (
        "Apple Inc. and Acme Corp. sued Widgets Ltd. and Smith & Co. over patents. The case is pending.",
        [
            "Apple Inc. and Acme Corp. sued Widgets Ltd. and Smith & Co. over patents.",
            "The case is pending.",
        ],
    ),
    (
        "Shares of Apple Inc. The company said nothing.",
        ["Shares of Apple Inc.", "The company said nothing."],
    ),
    (
        "It was Trump vs. Clinton, and No. 10 Downing Street watched. Others did too.",
        ["It was Trump vs. Clinton, and No. 10 Downing Street watched.", "Others did too."],
    ),
    (
        "They sent food, water, tents, etc. The aid arrived on Monday.",
        ["They sent food, water, tents, etc.", "The aid arrived on Monday."],
    ),
    (
        "They sent food, water, tents, etc. and blankets arrived later.",
        ["They sent food, water, tents, etc. and blankets arrived later."],
    ),
    (
        "Russia wants a deal with the U.S. The talks will resume.",
        ["Russia wants a deal with the U.S.", "The talks will resume."],
    ),
    (
        "U.S. President Donald Trump and U.S. Secretary of State Marco Rubio spoke. The U.S. officials left.",
        [
            "U.S. President Donald Trump and U.S. Secretary of State Marco Rubio spoke.",
            "The U.S. officials left.",
        ],
    ),
    # initials
    (
        "J. R. R. Tolkien wrote the books. George W. Bush read them.",
        ["J. R. R. Tolkien wrote the books.", "George W. Bush read them."],
    ),
    (
        "John F. Kennedy and Richard A. Clarke were named. Both were American.",
        ["John F. Kennedy and Richard A. Clarke were named.", "Both were American."],
    ),
    # times
    (
        "They met at 9 a.m. on Tuesday in Riyadh. It ended at noon.",
        ["They met at 9 a.m. on Tuesday in Riyadh.", "It ended at noon."],
    ),
    (
        "The vote was held at 9 p.m. The next day was quiet.",
        ["The vote was held at 9 p.m.", "The next day was quiet."],
    ),
    (
        "The session starts at 10 a.m. Eastern Time and ends at 4 p.m. ET on Friday.",
        ["The session starts at 10 a.m. Eastern Time and ends at 4 p.m. ET on Friday."],
    ),
    # numbers and amounts
    (
        "Growth slowed to 3.5% and the deal is worth $1.2 billion. Inflation rose 0.3 points.",
        ["Growth slowed to 3.5% and the deal is worth $1.2 billion.", "Inflation rose 0.3 points."],
    ),
    (
        "Russia controls about 20% of Ukraine. In 2014 it took Crimea. It was 2014. Then war.",
        [
            "Russia controls about 20% of Ukraine.",
            "In 2014 it took Crimea.",
            "It was 2014.",
            "Then war.",
        ],
    ),
    (
        "The 4-1/2-hour meeting ended. It was the first since 2022.",
        ["The 4-1/2-hour meeting ended.", "It was the first since 2022."],
    ),
    (
        "The plan has three points:\n1. A ceasefire along the line.\n2. Elections in Ukraine.",
        [
            "The plan has three points:",
            "1. A ceasefire along the line.",
            "2. Elections in Ukraine.",
        ],
    ),
    # ellipses
    (
        "EU countries and Great Britain cannot…be part of any agreement. The West objected.",
        ["EU countries and Great Britain cannot…be part of any agreement.", "The West objected."],
    ),
    (
        "They themselves … have in mind the continuation of the war. Kyiv refused.",
        ["They themselves … have in mind the continuation of the war.", "Kyiv refused."],
    ),
    (
        "He paused and said he was not sure... Then he left the room.",
        ["He paused and said he was not sure...", "Then he left the room."],
    ),
    (
        "Saudi National Security Advisor… Purchase Licensing Rights",
        ["Saudi National Security Advisor…", "Purchase Licensing Rights"],
    ),
    # quotes and parentheses
    (
        'He said. "We will win." Then he left.',
        ["He said.", '"We will win."', "Then he left."],
    ),
    (
        "“Russia wants to do something,” Trump told reporters. “I think I have the power to end this war,” said Trump.",
        [
            "“Russia wants to do something,” Trump told reporters.",
            "“I think I have the power to end this war,” said Trump.",
        ],
    ),
    (
        "Scholz reiterated “there must be no decision over the heads of Ukraine.” Kyiv agreed.",
        [
            "Scholz reiterated “there must be no decision over the heads of Ukraine.”",
            "Kyiv agreed.",
        ],
    ),
    (
        '"Why invite them?" he asked. Nobody answered.',
        ['"Why invite them?" he asked.', "Nobody answered."],
    ),
    (
        "“How should we give in – with Russian people or with rare earth metals?” Lavrov said. He was firm.",
        [
            "“How should we give in – with Russian people or with rare earth metals?” Lavrov said.",
            "He was firm.",
        ],
    ),
    (
        '"Well, which is it?" Scalia asked. "Stop!" she shouted. Then silence.',
        ['"Well, which is it?" Scalia asked.', '"Stop!" she shouted.', "Then silence."],
    ),
    (
        "Is this a shift? Some think so. Others disagree!",
        ["Is this a shift?", "Some think so.", "Others disagree!"],
    ),
    (
        "Kyiv is a “Nazi regime”. Ukraine rejects that. The war goes on (it began in 2022)."
        " (Reporting by Guy Faulconbridge.) Editing by John Smith.",
        [
            "Kyiv is a “Nazi regime”.",
            "Ukraine rejects that.",
            "The war goes on (it began in 2022).",
            "(Reporting by Guy Faulconbridge.)",
            "Editing by John Smith.",
        ],
    ),
    (
        "Saudi Arabia, Tuesday Feb. 18, 2025. (Evelyn Hockstein/Pool Photo via AP)",
        ["Saudi Arabia, Tuesday Feb. 18, 2025.", "(Evelyn Hockstein/Pool Photo via AP)"],
    ),
    (
        "Sen. John McCain (R-Ariz.) was there. He spoke.",
        ["Sen. John McCain (R-Ariz.) was there.", "He spoke."],
    ),
    (
        "He called it ‘a war of choice.’ It was not.",
        ["He called it ‘a war of choice.’", "It was not."],
    ),
    # datelines and dashes
    (
        "RIYADH, Feb 18 (Reuters) – U.S. President Donald Trump's administration said on"
        " Tuesday it had agreed to hold more talks. Kyiv was excluded.",
        [
            "RIYADH, Feb 18 (Reuters) – U.S. President Donald Trump's administration said on"
            " Tuesday it had agreed to hold more talks.",
            "Kyiv was excluded.",
        ],
    ),
    (
        "WASHINGTON, Feb. 18 (AP) — The talks began. They were short.",
        ["WASHINGTON, Feb. 18 (AP) — The talks began.", "They were short."],
    ),
    (
        "MOSCOW – Russian Foreign Minister Sergei Lavrov ruled out concessions. Talks follow.",
        ["MOSCOW – Russian Foreign Minister Sergei Lavrov ruled out concessions.", "Talks follow."],
    ),
    (
        "The two men – veterans of 34 years – negotiated. Nobody else — not even Kyiv — was there.",
        [
            "The two men – veterans of 34 years – negotiated.",
            "Nobody else — not even Kyiv — was there.",
        ],
    ),
    # missing spaces
    (
        "Lavrov criticized Western hypocrisy,accusing the West of abandoning principles of"
        " equality,faithful competition. He went on.",
        [
            "Lavrov criticized Western hypocrisy,accusing the West of abandoning principles of"
            " equality,faithful competition.",
            "He went on.",
        ],
    ),
    (
        "The road will be fraught with obstacles.The statements reveal mistrust.",
        ["The road will be fraught with obstacles.", "The statements reveal mistrust."],
    ),
    (
        "An Interview with Dr.Eleanor Vance. Dr.Vance, thank you. Moscow sees the U.S.as the key actor.",
        [
            "An Interview with Dr.Eleanor Vance.",
            "Dr.Vance, thank you.",
            "Moscow sees the U.S.as the key actor.",
        ],
    ),
    # URLs and domains
    (
        "SOURCE: www.reuters.com\n\nRead more at time.news and pic.twitter.com/judahyo54x now."
        " See https://www.Reuters.com/world/europe.html for more.",
        [
            "SOURCE: www.reuters.com",
            "Read more at time.news and pic.twitter.com/judahyo54x now.",
            "See https://www.Reuters.com/world/europe.html for more.",
        ],
    ),
    (
        "Time.news: The article highlights criticism. Visit Example.Com.Au today.",
        ["Time.news: The article highlights criticism.", "Visit Example.Com.Au today."],
    ),
    (
        "Contact press@Kremlin.ru for comment. Readers can write to us.",
        ["Contact press@Kremlin.ru for comment.", "Readers can write to us."],
    ),
    # sloppy web text
    (
        "Secondly, it's a negotiation tactic. by emphasizing grievances, Russia aims to extract"
        " concessions. and perhaps most importantly, it sows discord.",
        [
            "Secondly, it's a negotiation tactic.",
            "by emphasizing grievances, Russia aims to extract concessions.",
            "and perhaps most importantly, it sows discord.",
        ],
    ),
    (
        "The crowd was approx. five thousand people, est. by the police.",
        ["The crowd was approx. five thousand people, est. by the police."],
    ),
    (
        "Source\nwww.cbsnews.com\nLeave a Comment",
        ["Source", "www.cbsnews.com", "Leave a Comment"],
    ),
    (
        "It’s a clear indication that Moscow sees the U.S.as the key actor to sway ukraine."
        " Time.news: Dr.Vance, what is the biggest red flag?",
        [
            "It’s a clear indication that Moscow sees the U.S.as the key actor to sway ukraine.",
            "Time.news: Dr.Vance, what is the biggest red flag?",
        ],
    ),
    # more abbreviations
    (
        "She earned a Ph.D. in physics. She moved to Washington, D.C. The city was hot."
        " Washington, D.C. Mayor Muriel Bowser spoke.",
        [
            "She earned a Ph.D. in physics.",
            "She moved to Washington, D.C.",
            "The city was hot.",
            "Washington, D.C. Mayor Muriel Bowser spoke.",
        ],
    ),
    (
        "Sen. John McCain (R-Ariz.) and Sen. Chuck Schumer (D-N.Y.) ― both veterans ― spoke. Others stayed.",
        [
            "Sen. John McCain (R-Ariz.) and Sen. Chuck Schumer (D-N.Y.) ― both veterans ― spoke.",
            "Others stayed.",
        ],
    ),
    (
        "He wrote to Texas Gov.\nGreg Abbott on Friday. The letter was short.",
        ["He wrote to Texas Gov.\nGreg Abbott on Friday.", "The letter was short."],
    ),
    (
        "The Rev. Martin Luther King Jr. spoke in Washington. Martin Luther King Jr. The name is known.",
        [
            "The Rev. Martin Luther King Jr. spoke in Washington.",
            "Martin Luther King Jr.",
            "The name is known.",
        ],
    ),
    # attributions and quoted questions
    (
        "Trump is “not ever going to become president, right? Right?!” Mr. Strzok responds. The report followed.",
        [
            "Trump is “not ever going to become president, right?",
            "Right?!” Mr. Strzok responds.",
            "The report followed.",
        ],
    ),
    (
        "Page asks: “Right?!” Mr. Strzok responds: “No. No he won’t.”",
        ["Page asks: “Right?!”", "Mr. Strzok responds: “No.", "No he won’t.”"],
    ),
    (
        '"The president should act." Durbin said. "I agree." The vote was held.',
        ['"The president should act." Durbin said.', '"I agree."', "The vote was held."],
    ),
    (
        "The book “Who Moved My Cheese?” was popular. Really!",
        ["The book “Who Moved My Cheese?” was popular.", "Really!"],
    ),
    (
        "“And you know what it ended up being? A very good relationship.”",
        ["“And you know what it ended up being?", "A very good relationship.”"],
    ),
    # ellipsis after a full stop: the full stop ends the sentence
    (
        '"I love this country. ... The world laughs at us," he said.',
        ['"I love this country.', '... The world laughs at us," he said.'],
    ),
    # paragraph and line separators
    (
        "First para.\r\n\r\nSecond para.\u2029Third para.",
        ["First para.", "Second para.", "Third para."],
    ),
    (
        '"Why invite them?" He said nothing more. (Why?) Lavrov said so.',
        ['"Why invite them?"', "He said nothing more.", "(Why?)", "Lavrov said so."],
    ),
    (
        "Sales rose. iPhone sales fell. The company said so. eBay agreed.",
        ["Sales rose.", "iPhone sales fell.", "The company said so.", "eBay agreed."],
    ),
    # short lines that are not wrapped text: a list of headlines
    (
        "Russia and US agree to more talks\nUkraine left out of Riyadh meeting\nEurope holds"
        " emergency summit in Paris\nOil prices rise on peace hopes\nMarkets in Asia mixed",
        [
            "Russia and US agree to more talks",
            "Ukraine left out of Riyadh meeting",
            "Europe holds emergency summit in Paris",
            "Oil prices rise on peace hopes",
            "Markets in Asia mixed",
        ],
    ),
    # hard-wrapped text, some of whose lines end before capitalized words
    (
        "U.S. Secretary of State Marco Rubio met Saudi Foreign Minister Prince\n"
        "Faisal bin Farhan Al Saud and National Security Advisor Mike Waltz in\n"
        "Riyadh on Tuesday, and the two delegations agreed to appoint teams that\n"
        "will negotiate an end to the war as soon as possible, officials said\n"
        "after the meeting, which lasted four and a half hours and excluded\n"
        "representatives of Kyiv and of the European Union. Talks went well.\n\n"
        "Russian Foreign Minister Sergei Lavrov, speaking for the Kremlin, told\n"
        "reporters the meeting was useful.",
        [
            "U.S. Secretary of State Marco Rubio met Saudi Foreign Minister Prince\n"
            "Faisal bin Farhan Al Saud and National Security Advisor Mike Waltz in\n"
            "Riyadh on Tuesday, and the two delegations agreed to appoint teams that\n"
            "will negotiate an end to the war as soon as possible, officials said\n"
            "after the meeting, which lasted four and a half hours and excluded\n"
            "representatives of Kyiv and of the European Union.",
            "Talks went well.",
            "Russian Foreign Minister Sergei Lavrov, speaking for the Kremlin, told\nreporters the meeting was useful.",
        ],
    ),
    (
        "See https://example.com/search?Query=Lavrov&Lang=en for more. As reported by Yahoo!"
        " News, talks went on. Really! Yes.",
        [
            "See https://example.com/search?Query=Lavrov&Lang=en for more.",
            "As reported by Yahoo! News, talks went on.",
            "Really!",
            "Yes.",
        ],
    ),
]


@pytest.mark.parametrize(("text", "expected"), HARD_CASES, ids=[c[0][:40] for c in HARD_CASES])
def test_hard_case(text: str, expected: list[str]) -> None:
    assert [text[s:e] for s, e in split_spans(text)] == expected
