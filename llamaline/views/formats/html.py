"""One self-contained HTML page: a vertical timeline to look at, with the evidence one click away.

Everything is inline (CSS, a little vanilla JS, no fonts or scripts from elsewhere), so the page works
offline, from an e-mail attachment or a USB stick. Every string from the corpus goes through
`html.escape`: articles are text written by others, and a quote may contain `<script>`.
"""

from __future__ import annotations

import json
from html import escape
from typing import TextIO
from urllib.parse import quote as url_quote

from ...models import EVENT_TYPES, Event, Mention, Source, Timeline
from ._shared import (
    backing,
    by_period,
    readable,
    single_origin,
    source_name,
    sources_by_id,
    summary,
    time_in_quote,
    when_words,
)

# One colour per event type, in the order of EVENT_TYPES: the same type has the same colour in every export.
_PALETTE = ("#2563eb", "#16a34a", "#9333ea", "#dc2626", "#4b5563", "#ea580c", "#0891b2",
            "#0d9488", "#ca8a04", "#64748b", "#059669", "#db2777", "#7c3aed", "#78716c")
TYPE_COLOURS = dict(zip(EVENT_TYPES, _PALETTE))


def write(timeline: Timeline, out: TextIO) -> None:
    sources = sources_by_id(timeline)
    out.write("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
    out.write("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
    out.write("<meta name=\"generator\" content=\"llamaline\">\n<title>Timeline</title>\n")
    out.write(f"<style>{_CSS}</style>\n</head>\n<body>\n")
    out.write(_header(timeline))
    out.write("<main class=\"timeline\">\n")
    for heading, events in by_period(timeline.events):
        out.write(f"<section class=\"period\">\n<h2><span>{escape(heading)}</span></h2>\n")
        for event in events:
            out.write(_event(event, sources))
        out.write("</section>\n")
    out.write("<p class=\"none\" id=\"none\" hidden>No event matches these filters.</p>\n</main>\n")
    out.write(_sources(timeline))
    out.write(f"<script>{_JS}</script>\n</body>\n</html>\n")


def _header(timeline: Timeline) -> str:
    events = len(timeline.events)
    type_counts = {t: sum(1 for e in timeline.events if e.type == t) for t in EVENT_TYPES}
    chips = "".join(
        f"<label class=\"chip\" style=\"--c:{TYPE_COLOURS[t]}\"><input type=\"checkbox\" value=\"{t}\" checked>"
        f"<span>{t} <small>{n}</small></span></label>"
        for t, n in type_counts.items() if n)
    subjects = sorted({s for e in timeline.events for s in e.subjects}, key=str.casefold)
    options = "".join(f"<option>{escape(s)}</option>" for s in subjects)
    return (
        "<header class=\"top\">\n"
        f"<h1>Timeline</h1>\n<p class=\"summary\">{escape(summary(timeline))}</p>\n"
        "<form class=\"filters\" id=\"filters\" hidden>\n"
        f"<div class=\"types\" role=\"group\" aria-label=\"Event types\">{chips}</div>\n"
        "<div class=\"row\"><label>Subject <select id=\"subject\"><option value=\"\">all subjects</option>"
        f"{options}</select></label>"
        "<button type=\"button\" id=\"reset\">Show all</button>"
        f"<output id=\"shown\">{events} of {events} events</output></div>\n"
        "</form>\n</header>\n")


def _event(event: Event, sources: dict[str, Source]) -> str:
    flags = []
    if event.conflicts:
        flags.append("<span class=\"flag conflict\" title=\"The sources disagree\">sources disagree</span>")
    origin = single_origin(event)
    if origin:
        flags.append(f"<span class=\"flag origin\" title=\"All sources trace this back to one origin\">"
                     f"one origin: {escape(origin)}</span>")
    count = len(event.sources)
    subjects = "".join(
        f"<li><button type=\"button\" title=\"Show only events about {escape(s)}\">{escape(s)}</button></li>"
        for s in event.subjects)
    conflicts = "".join(
        f"<p class=\"disagree\"><b>Sources disagree</b> on {escape(c.field)}: "
        f"{escape(readable(c.detail, sources))}</p>"
        for c in event.conflicts)
    quotes = "".join(_mention(m, sources) for m in event.mentions)
    mentions = len(event.mentions)
    return (
        f"<article class=\"event\" id=\"{escape(event.id)}\" data-type=\"{escape(event.type)}\" "
        f"data-subjects=\"{escape(json.dumps(event.subjects, ensure_ascii=False))}\" "
        f"style=\"--c:{TYPE_COLOURS.get(event.type, '#64748b')}\">\n"
        f"<time class=\"when\" title=\"{_bounds(event)}\">{escape(when_words(event.when))}</time>\n"
        "<div class=\"card\">\n"
        f"<p class=\"meta\"><span class=\"type\">{escape(event.type)}</span>"
        f"<span class=\"count{' single' * (count == 1)}\" title=\"{escape(backing(event))}\">"
        f"{count} source{'s' * (count != 1)}</span>"
        f"{''.join(flags)}</p>\n"
        f"<h3>{escape(event.title)}</h3>\n"
        f"<ul class=\"subjects\">{subjects}</ul>\n{conflicts}"
        f"<details><summary>Sources and quotes ({mentions})</summary>\n<ol class=\"quotes\">{quotes}</ol>\n"
        f"<p class=\"id\"><a href=\"{_fragment(event.id)}\">{escape(event.id)}</a></p></details>\n"
        "</div>\n</article>\n")


def _mention(mention: Mention, sources: dict[str, Source]) -> str:
    source = sources.get(mention.source)
    name = source_name(source, mention.source)
    if len(name) > 60:  # a source without an outlet is named by its title: a headline, often long
        name = name[:57].rstrip() + "…"
    cite = [f"<a href=\"{_fragment('source-' + mention.source)}\">{escape(name)}</a>"]
    if source is not None and source.published is not None:
        cite.append(escape(when_words(source.published)))
    if mention.attributed_to:
        cite.append(f"according to {escape(mention.attributed_to)}")
    return f"<li><blockquote>{_quote(mention)}</blockquote><p class=\"cite\">{' · '.join(cite)}</p></li>\n"


def _bounds(event: Event) -> str:
    """The exact span behind the words, for a tooltip: 'EDTF 2025-04, 2025-04-01 to 2025-04-10'."""
    when = event.when
    return escape(f"EDTF {when.edtf}, {when.start.isoformat()} to {when.end.isoformat()}")


def _fragment(element_id: str) -> str:
    """A link to an element of the page; ids from JSON Lines corpora contain '#'."""
    return "#" + escape(url_quote(element_id, safe=""))


def _quote(mention: Mention) -> str:
    """The quote with its time expression marked."""
    found = time_in_quote(mention)
    if found is None:
        return escape(mention.quote)
    start, end = found
    quote = mention.quote
    return f"{escape(quote[:start])}<mark>{escape(quote[start:end])}</mark>{escape(quote[end:])}"


def _sources(timeline: Timeline) -> str:
    items = []
    for source in timeline.sources:
        parts = [f"<b>{escape(source.title or source.id)}</b>"]
        for value in (source.outlet, source.author and f"by {source.author}"):
            if value:
                parts.append(escape(value))
        parts.append(escape(f"published {when_words(source.published)}" if source.published else "undated"))
        if source.url and source.url.startswith(("http://", "https://")):  # never a javascript: link
            parts.append(f"<a href=\"{escape(source.url)}\" rel=\"noopener noreferrer\">{escape(source.url)}</a>")
        parts.append(f"<code>{escape(source.id)}</code>")
        items.append(f"<li id=\"source-{escape(source.id)}\">{' · '.join(parts)}</li>")
    skipped = "".join(f"<li><code>{escape(s.path)}</code>: {escape(s.reason)}</li>" for s in timeline.skipped)
    html = f"<footer class=\"sources\">\n<h2>Sources</h2>\n<ol>{''.join(items)}</ol>\n"
    if skipped:
        html += f"<details><summary>Files not read ({len(timeline.skipped)})</summary><ul>{skipped}</ul></details>\n"
    return html + "</footer>\n"


_CSS = """
:root{--ink:#1f2937;--muted:#6b7280;--line:#d1d5db;--bg:#f8fafc;--card:#fff;--mark:#fef08a;
font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","DejaVu Sans",sans-serif;color:var(--ink);background:var(--bg)}
@media (prefers-color-scheme:dark){:root{--ink:#e5e7eb;--muted:#9ca3af;--line:#374151;--bg:#111827;--card:#1f2937;--mark:#854d0e}}
*{box-sizing:border-box}
body{margin:0;line-height:1.5}
[hidden]{display:none!important}
.top{max-width:60rem;margin:0 auto;padding:2rem 1.25rem 1rem}
h1{margin:0;font-size:2rem;letter-spacing:-.02em}
.summary{margin:.25rem 0 1rem;color:var(--muted)}
.filters{display:flex;flex-direction:column;gap:.75rem;padding:.75rem;border:1px solid var(--line);border-radius:.75rem;background:var(--card)}
.types{display:flex;flex-wrap:wrap;gap:.4rem}
.chip input{position:absolute;opacity:0;pointer-events:none}
.chip span{display:inline-block;padding:.15rem .6rem;border-radius:999px;border:1.5px solid var(--c);color:var(--c);font-size:.85rem;cursor:pointer;user-select:none}
.chip input:checked+span{background:var(--c);color:#fff}
.chip input:focus-visible+span{outline:2px solid var(--ink);outline-offset:2px}
.chip small{opacity:.8}
.row{display:flex;flex-wrap:wrap;align-items:center;gap:.75rem;font-size:.9rem}
select,button{font:inherit;padding:.2rem .5rem;border-radius:.4rem;border:1px solid var(--line);background:var(--bg);color:var(--ink)}
button{cursor:pointer}
output{margin-left:auto;color:var(--muted)}
.timeline{max-width:60rem;margin:0 auto;padding:0 1.25rem 2rem;position:relative}
.period{position:relative}
.period h2{position:sticky;top:0;z-index:1;margin:0;padding:1.25rem 0 .5rem;font-size:1.05rem;background:linear-gradient(var(--bg) 80%,transparent)}
.period h2 span{display:inline-block;padding:.15rem .75rem;border-radius:999px;background:var(--ink);color:var(--bg)}
.event{display:grid;grid-template-columns:10rem 1fr;gap:0 2rem;position:relative;padding:.5rem 0}
.timeline::before{content:"";position:absolute;left:calc(1.25rem + 11rem);top:1rem;bottom:2rem;width:2px;background:var(--line)}
.event::after{content:"";position:absolute;left:calc(11rem - 6px);top:1.35rem;width:14px;height:14px;border-radius:50%;background:var(--c);box-shadow:0 0 0 4px var(--bg)}
.when{text-align:right;padding-top:.9rem;font-weight:600;color:var(--muted);font-variant-numeric:tabular-nums}
.card{background:var(--card);border:1px solid var(--line);border-left:4px solid var(--c);border-radius:.75rem;padding:.75rem 1rem;box-shadow:0 1px 2px rgba(0,0,0,.05);margin-left:.25rem}
.meta{display:flex;flex-wrap:wrap;gap:.4rem;margin:0;font-size:.8rem}
.meta span{padding:.05rem .5rem;border-radius:999px;background:var(--bg);border:1px solid var(--line)}
.meta .type{background:var(--c);border-color:var(--c);color:#fff;font-weight:600}
.flag.conflict{background:#fee2e2;border-color:#fca5a5;color:#991b1b}
.flag.origin{background:#fef3c7;border-color:#fcd34d;color:#92400e}
.count.single{border-style:dashed;color:var(--muted)}
h3{margin:.35rem 0;font-size:1.15rem;line-height:1.3}
.subjects{display:flex;flex-wrap:wrap;gap:.3rem;list-style:none;margin:0 0 .4rem;padding:0;font-size:.8rem;color:var(--muted)}
.subjects button{border:0;background:none;padding:0;font:inherit;color:inherit;cursor:pointer}
.subjects button::before{content:"#";opacity:.6}
.subjects button:hover{color:var(--ink);text-decoration:underline}
.disagree{margin:.4rem 0;padding:.4rem .6rem;border-radius:.4rem;background:#fef2f2;color:#991b1b;font-size:.85rem}
details summary{cursor:pointer;font-size:.9rem;font-weight:600}
details summary::marker{color:var(--c)}
.quotes{margin:.5rem 0 0;padding-left:1.25rem}
.quotes li{margin:.5rem 0}
blockquote{margin:0;padding-left:.6rem;border-left:3px solid var(--line);font-family:Georgia,"DejaVu Serif",serif}
mark{background:var(--mark);color:inherit;border-radius:.2rem;padding:0 .1rem}
.cite{margin:.15rem 0 0 .6rem;font-size:.8rem;color:var(--muted)}
.cite a,.sources a{color:inherit}
.id{margin:.5rem 0 0;font-size:.75rem;font-family:ui-monospace,monospace}
.id a{color:var(--muted)}
.none{text-align:center;color:var(--muted);padding:2rem}
.sources{max-width:60rem;margin:0 auto;padding:1rem 1.25rem 3rem;font-size:.85rem;color:var(--muted);border-top:1px solid var(--line)}
.sources li{margin:.35rem 0}
.sources li:target{background:var(--mark)}
.event:target .card{outline:3px solid var(--c)}
@media (max-width:40rem){
.event{grid-template-columns:1fr;padding-left:1.5rem}
.timeline::before{left:calc(1.25rem + .35rem)}.event::after{left:0;top:.45rem}
.when{text-align:left;padding:0 0 .25rem}
.card{margin-left:0}}
@media print{.filters{display:none!important}details{display:block}}
"""

# Filters by type and subject; without JavaScript the filter form stays hidden and every event shows.
_JS = """
(function () {
  var form = document.getElementById("filters"), subject = document.getElementById("subject");
  var boxes = Array.prototype.slice.call(form.querySelectorAll(".types input"));
  var events = Array.prototype.slice.call(document.querySelectorAll(".event"));
  var periods = Array.prototype.slice.call(document.querySelectorAll(".period"));
  var shown = document.getElementById("shown"), none = document.getElementById("none");
  function apply() {
    var types = {}, wanted = subject.value, count = 0;
    boxes.forEach(function (box) { types[box.value] = box.checked; });
    events.forEach(function (event) {
      var ok = types[event.dataset.type] &&
        (!wanted || JSON.parse(event.dataset.subjects).indexOf(wanted) >= 0);
      event.hidden = !ok;
      if (ok) count++;
    });
    periods.forEach(function (period) { period.hidden = !period.querySelector(".event:not([hidden])"); });
    shown.textContent = count + " of " + events.length + " events";
    none.hidden = count > 0;
  }
  // A filtered view can be shared as a link: page.html?type=delay&type=release&subject=Meta
  var params = new URLSearchParams(location.search), only = params.getAll("type");
  if (only.length) boxes.forEach(function (box) { box.checked = only.indexOf(box.value) >= 0; });
  if (params.get("subject")) subject.value = params.get("subject");
  form.addEventListener("change", apply);
  document.getElementById("reset").addEventListener("click", function () {
    boxes.forEach(function (box) { box.checked = true; });
    subject.value = "";
    apply();
  });
  // A subject on a card filters by it, keeping that card in view.
  document.querySelector(".timeline").addEventListener("click", function (click) {
    var button = click.target.closest(".subjects button");
    if (!button) return;
    subject.value = button.textContent;
    apply();
    button.scrollIntoView({block: "center"});
  });
  form.hidden = false;
  apply();
  // A link to an event (page.html#id) opens its sources.
  function openTarget() {
    var target = location.hash && document.getElementById(decodeURIComponent(location.hash.slice(1)));
    var details = target && target.querySelector && target.querySelector("details");
    if (details) details.open = true;
  }
  window.addEventListener("hashchange", openTarget);
  openTarget();
})();
"""
