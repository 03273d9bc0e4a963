"""Small pieces of HTML that the templates repeat once per row: rendered in Python.

They were Jinja macros; a macro call costs tens of microseconds, and the story and outlet pages
call these thousands of times (an evidence list per finding, an explanation per article). The
functions are the templates' globals under the macros' names, and write what the macros wrote,
byte for byte, whitespace included.

Escaping: every value passes through `esc`, which is markupsafe's escaping (the function Jinja's
autoescaping uses); only the literal markup written here is trusted. They return `Markup`, so
the templates insert them without escaping them twice.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from markupsafe import Markup, escape

SEVERITY_ICON = {"error": "✖", "warning": "▲", "info": "●"}


def esc(value: Any) -> str:
    """`value` as Jinja's autoescaping writes it: str() of it with & < > ' " escaped.

    For a str this is markupsafe's own replacement chain (its pure-Python version, which its C
    version matches) without a Markup object per value; anything else goes through markupsafe."""
    if type(value) is str:
        return (
            value.replace("&", "&amp;")
            .replace(">", "&gt;")
            .replace("<", "&lt;")
            .replace("'", "&#39;")
            .replace('"', "&#34;")
        )
    return str(escape(value))


def severity(s: str) -> Markup:
    """The severity badge: an icon (hidden from screen readers) and the word."""
    icon = f'<span class="sev-icon" aria-hidden="true">{SEVERITY_ICON.get(s, "")}</span>'
    return Markup(f'<span class="sev sev-{esc(s)}">{icon} {esc(s)}</span>')


def rule_link(root: str, code: str) -> Markup:
    return Markup(_rule_link(root, code))


def _rule_link(root: str, code: str) -> str:
    return f'<a class="rule" href="{esc(root)}rules.html#{esc(code)}">{esc(code)}</a>'


def url(a: Mapping[str, Any]) -> Markup:
    """An article's address: a link only when it is a plain web address (`href`), else text."""
    if a["href"]:
        return Markup(f'<a class="url" href="{esc(a["href"])}" rel="noopener noreferrer nofollow">{esc(a["url"])}</a>')
    if a["url"]:
        return Markup(f'<code class="url">{esc(a["url"])}</code> <small>(not a web link)</small>')
    return Markup('<span class="muted">none</span>')


def reftime(rt: Mapping[str, Any] | None) -> Markup:
    """The time an article is judged as of, and where that came from."""
    if not rt:
        return Markup('<span class="muted">unknown</span>')
    latest = f' – <span class="nw">{esc(rt["latest"])}</span>' if rt["latest"] != rt["earliest"] else ""
    detail = f": {esc(rt['detail'])}" if rt["detail"] else ""
    return Markup(
        f'<span class="reftime"><span class="nw">{esc(rt["earliest"])}</span>{latest}</span>'
        f" <small>from {esc(rt['source'])}{detail}</small>"
    )


def explanation(lines: Sequence[Mapping[str, Any]], cls: str = "explain") -> Markup:
    """The score explained: one line per reason, the points first (see `text.explain_line`)."""
    out = [f'<ul class="{esc(cls)}">\n']
    for line in lines:
        verify = line["verify"]
        points = f'<span class="pts">{esc(line["points"])}</span> ' if line["points"] is not None else ""
        mark = ' <span class="verify-mark">to verify</span>' if verify else ""
        out.append(
            f'  <li class="ex-{esc(line["kind"])}{" ex-verify" if verify else ""}">{points}'
            f'<span class="ex-text">{esc(line["text"])}{mark}</span></li>\n'
        )
    out.append("</ul>")
    return Markup("".join(out))


def evidence_list(root: str, card: Mapping[str, Any], in_story: bool) -> Markup:
    """A finding's evidence: who said what, where, with the compared words marked."""
    return Markup(_evidence_list(root, card, in_story))


def _evidence_list(root: str, card: Mapping[str, Any], in_story: bool) -> str:
    out = ['<ul class="evidence">\n']
    story_slug = card["story_slug"]
    for e in card["evidence"]:
        role = esc(e["role"])
        said = "✗ flagged" if e["role"] == "flagged" else "≈ reference"
        out.append(f'  <li class="ev ev-{role}">\n    <span class="role role-{role}">{said}</span>\n')
        # the next two template lines began and ended with tags: no indent, no line break
        if e["outlet_slug"]:
            out.append(f'<a href="{esc(root)}outlets/{esc(e["outlet_slug"])}.html">{esc(e["outlet"])}</a>')
        else:
            out.append(f'<span class="outlet">{esc(e["outlet"])}</span>')
        if e["in_text"] and story_slug:
            page = "" if in_story else f"{root}stories/{story_slug}.html"
            out.append(f'<a class="goto" href="{esc(page)}#e-{esc(e["key"])}">in the text</a>')
        marked = f'<mark class="m-{role}">{esc(e["marked"])}</mark>' if e["marked"] else ""
        out.append(
            f'    <small class="where">{esc(e["path"])}:{esc(e["line"])}</small>\n'
            f'    <blockquote class="said">{esc(e["before"])}{marked}{esc(e["after"])}</blockquote>\n'
            "  </li>\n"
        )
    out.append("</ul>")
    return "".join(out)


def finding_card(root: str, c: Mapping[str, Any], in_story: bool = False, heading: str = "h3") -> Markup:
    """One finding: severity, rule, message and evidence (`in_story`: on its story's page)."""
    h = esc(heading)
    nav = "" if in_story else " data-nav"
    where = ""
    if not in_story and c["story_slug"]:
        page = f"{esc(root)}stories/{esc(c['story_slug'])}.html"
        where = f'<span class="in-story">in <a href="{page}">{esc(c["story_title"])}</a></span>'
    review = c.get("review")
    reviewed = " reviewed" if review and review["status"] != "new" else ""
    return Markup(
        f'<article class="finding card sev-border-{esc(c["severity"])}{reviewed}" id="f-{esc(c["id"])}"{nav}'
        f' data-finding="{esc(c["id"])}" data-rule="{esc(c["rule"])}" data-severity="{esc(c["severity"])}"'
        ' tabindex="-1">\n'
        f'  <{h} class="finding-head">{severity(c["severity"])} {_rule_link(root, c["rule"])}'
        f' <span class="cat">{esc(c["category"])}</span>{_review_mark(review)}\n'
        f"{where}</{h}>\n"
        f'  <p class="finding-message" id="msg-{esc(c["id"])}">{esc(c["message"])}</p>\n'
        f"{_review_note(review)}"
        f"  {_evidence_list(root, c, in_story)}\n"
        f'  <p class="finding-id"><small>finding <code>{esc(c["id"])}</code></small></p>\n'
        "</article>"
    )


def review_mark(review: Mapping[str, Any] | None) -> Markup:
    """A finding's review status as a badge ("new", "reviewed"); nothing when the run was compared
    with nothing."""
    return Markup(_review_mark(review))


def _review_mark(review: Mapping[str, Any] | None) -> str:
    if not review:
        return ""
    if review["status"] == "new":
        return ' <span class="review-mark review-new">new: needs review</span>'
    tick = '<span aria-hidden="true">✓</span>'
    return f' <span class="review-mark review-done">{tick} reviewed: {esc(review["label"])}</span>'


def _review_note(review: Mapping[str, Any] | None) -> str:
    """Why a reviewed finding was accepted (the baseline's reason)."""
    if not review or review["status"] != "baselined":
        return ""
    reason = esc(review["reason"]) if review["reason"] else '<span class="muted">no reason given in the baseline</span>'
    return f'  <p class="review-reason"><strong>Accepted:</strong> {reason}</p>\n'


def article_score_list(items: Sequence[Mapping[str, Any]]) -> Markup:
    """An outlet page's articles, each score explained (the first one open), lowest first."""
    if not items:
        return Markup('<p class="empty">No articles.</p>')
    out = []
    for k, a in enumerate(items):
        article = a["article"]
        copy = f' <span class="copy-mark">copy of {esc(a["copy_of"])}</span>' if a["copy_of"] else ""
        story = f'<a href="../stories/{esc(article["story_slug"])}.html">story</a> · ' if article["story_slug"] else ""
        out.append(
            f'<details class="article-score"{" open" if k == 0 else ""}>\n'
            f'  <summary><span class="rank-score">{esc(a["score"])}</span> {esc(article["title"] or "(untitled)")}'
            f' <small class="muted">{esc(article["published"] or "undated")}</small>{copy}</summary>\n'
            f'  <p class="where">{story}<code>{esc(article["path"])}</code></p>\n'
            f"  {explanation(a['lines'])}\n"
            "</details>"
        )
    return Markup("\n".join(out))


def article_rows(articles: Sequence[Mapping[str, Any]]) -> Markup:
    """The rows of an outlet page's table of articles (article views)."""
    if not articles:
        return Markup('    <tr><td colspan="4">No articles.</td></tr>')
    out = []
    for a in articles:
        title = esc(a["title"] or "(untitled)")
        if a["story_slug"]:
            title = f'<a href="../stories/{esc(a["story_slug"])}.html">{title}</a>'
        out.append(
            "    <tr>\n"
            f'      <th scope="row">{title}</th>\n'
            f"      <td>{esc(a['published'] or 'undated')}</td>\n"
            f"      <td>{reftime(a['reftime'])}</td>\n"
            f"      <td><code>{esc(a['path'])}</code><br>{url(a)}</td>\n"
            "    </tr>"
        )
    return Markup("\n".join(out))


GLOBALS = {
    "severity": severity,
    "rule_link": rule_link,
    "url": url,
    "reftime": reftime,
    "explanation": explanation,
    "evidence_list": evidence_list,
    "finding_card": finding_card,
    "review_mark": review_mark,
    "review_note": lambda review: Markup(_review_note(review)),
    "article_score_list": article_score_list,
    "article_rows": article_rows,
}
