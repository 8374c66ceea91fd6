#!/usr/bin/env python3
"""Synthetic articles for `make bench`: the same N articles as a Liftoff site and a Hugo site.

    python3 bench/generate.py N OUTDIR [--seed S] [--theme DIR]

writes
    OUTDIR/liftoff/   site.yml, content/<slug>.md, theme/ (a copy of --theme)
    OUTDIR/hugo/      config.toml, content/articles/<slug>.md, layouts/, assets/ (the same CSS/JS)
    OUTDIR/all.md     every article body, concatenated (for timing the cmark-gfm CLI alone)
    OUTDIR/edit-target  the Liftoff content file (relative to OUTDIR) that the one-edit rebuild changes

Articles are about 8.8 KB each and shaped like the reference "7 days left" post: front matter
(title, description, date, 2-4 tags out of 40, 3 related slugs, a countdown on a third of them,
`updated` on a fifth), a TL;DR paragraph, sections of prose with inline markup, two pipe tables,
a bullet list, a paragraph of links to the related articles (`other.md`), an FAQ with four
questions and a Sources list. The output depends only on N and the seed.

The Hugo site does the same work as Liftoff's default theme where Hugo has a counterpart: the
same layout, head (canonical, Open Graph, Article JSON-LD), header countdown, article page with
tags, reading time, countdown and related-read cards looked up with site.GetPage, heading
anchors and `.md` links resolved by render hooks, tables wrapped in a scrolling box, a paginated
list of all articles, tag index and paginated tag pages, home with the latest 10, an Atom feed
of the latest 20 with full content, sitemap, robots.txt and 404. It does not group a TL;DR or
an FAQ into components nor emit FAQ JSON-LD, so Hugo does slightly less work than Liftoff.
"""

import argparse
import os
import random
import shutil
import sys
from datetime import date, timedelta

NOW = "2026-11-24T17:00:00Z"
TARGET = "2026-12-01T17:00:00Z"
LABEL = "GPT Image 2"
FIRST_DAY = date(2019, 1, 1)
LAST_DAY = date(2026, 11, 23)

TAGS = [
    "countdown", "launch-prep", "gpt-image-2", "release-signals", "pricing", "api", "engineering",
    "evaluation", "benchmarks", "rollout", "fallbacks", "latency", "quality", "cost", "access",
    "waitlist", "rate-limits", "prompts", "workflows", "design", "marketing", "ecommerce",
    "product", "roadmap", "vendors", "contracts", "compliance", "safety", "moderation",
    "monitoring", "observability", "migration", "testing", "teams", "planning", "budget",
    "announcements", "rumors", "analysis", "checklists",
]

SUBJECTS = [
    "the launch window", "your prompt pack", "the fallback provider", "the evaluation owner",
    "a staged rollout", "the pricing page", "the rate limit", "the model list endpoint",
    "a side-by-side run", "the image pipeline", "the provider interface", "the go or no-go call",
    "the waitlist", "the release signal", "a limited preview", "general availability",
    "the migration budget", "the scoring rubric", "the rollback plan", "the support team",
    "the design team", "a product manager", "the finance team", "an early customer",
    "the changelog", "the status page", "the cost per image", "median latency",
]
VERBS = [
    "decides", "shapes", "changes", "limits", "speeds up", "slows down", "clarifies",
    "complicates", "protects", "exposes", "determines", "anchors", "frames", "narrows",
    "widens", "simplifies", "derails", "supports", "informs", "outlasts",
]
OBJECTS = [
    "how fast you can respond", "the first day of testing", "what you promise customers",
    "the size of the migration", "every decision after launch", "the shape of the evaluation",
    "how much traffic you can move", "the budget for overlap runs", "the quality bar",
    "which workloads go first", "the rollback path", "the conversation with finance",
    "the timeline for the next sprint", "the risk of a rushed switch", "the final go decision",
    "what the numbers are supposed to show", "the week after the announcement",
]
CLAUSES = [
    "even when the date moves at the last minute", "as long as the owner is named in advance",
    "because nobody has to wait for a meeting", "which is why it belongs in writing",
    "and that is worth more than another forecast", "unless the preview arrives in stages",
    "so the discussion stays about measured results", "before anyone touches production traffic",
    "while the current provider keeps serving users", "when access opens with tight rate limits",
    "and the same holds for the next model release", "if the team agreed on it beforehand",
]
OPENERS = [
    "In practice,", "For most teams,", "On launch day,", "This week,", "Either way,",
    "As a rule,", "In our experience,", "Before the announcement,", "After the first tests,",
    "Put simply,", "Above all,", "Realistically,",
]
EXTRA = [
    "Keep every change **small and reversible**.",
    "Write the answer down and share it *before* the launch, not after.",
    "A prompt pack assembled in a hurry favours whatever looks impressive.",
    "Nothing about the date has been confirmed, and dates have a habit of moving.",
    "The `provider` setting should be the only thing that changes between the two runs.",
    "Finance should not be surprised by a week of doubled image spend.",
    "Treat rumored dates as \"a planning horizon\", not as a commitment.",
    "Teams that prepared can have side-by-side numbers before the day is over.",
    "A limited preview, a waitlist and general availability are very different situations.",
    "The same preparation pays off for any vendor's next model.",
]
TITLE_TOPICS = [
    "GPT Image 2 Countdown", "Release Window", "Launch-Day Checklist", "Image API Swap",
    "Pricing Signals", "Access and Waitlists", "Rate Limits", "Evaluation Plan", "Prompt Packs",
    "Fallback Providers", "Rollout Strategy", "Migration Budget", "Latency Budget",
    "Quality Scoring", "Vendor Contracts", "Status Pages", "Model Changelogs", "Launch Rumors",
]
TITLE_TAILS = [
    "What to Prep", "What Changed This Week", "What We Know So Far", "A Practical Guide",
    "Mistakes to Avoid", "How to Decide Fast", "Questions to Answer First", "The Signals That Matter",
    "What to Leave Alone", "How to Stay Ready", "A Checklist for Teams", "Reading the Evidence",
]
HEADINGS = [
    "What matters right now", "Why the date is uncertain", "How we read the signals",
    "What to finish this week", "Where teams lose time", "How to keep changes reversible",
    "What a good evaluation looks like", "How to brief the rest of the company",
    "What changes after the announcement", "How to budget for overlap runs",
]
TABLE_HEADINGS = [
    "Readiness table", "Mistakes that create churn", "Signals and their weight",
    "Costs side by side", "Who owns what", "Rollout stages",
]
COLUMN_SETS = [
    ("Priority", "What to finish", "Owner"),
    ("Mistake", "Consequence", "Better move"),
    ("Signal", "Weight", "What it tells you"),
    ("Stage", "Traffic share", "Exit criterion"),
    ("Workload", "Metric", "Threshold"),
]
CELLS = [
    "High", "Medium", "Low", "A frozen benchmark prompt pack", "One provider interface",
    "A named owner and a backup", "Budget approval for overlap runs", "A written definition of launch",
    "Broken features", "Missed commitments", "Results that say little", "Repeated replanning",
    "5 %", "25 %", "50 %", "100 %", "p50 under 4 s", "Cost per image", "Human preference score",
    "Changelog entry", "Status page update", "Pricing page change", "Model list endpoint",
    "Strong", "Weak", "Moderate", "`image.generate`", "**Required**", "*Optional*",
]
QUESTIONS = [
    "Does the countdown mean the launch is confirmed?", "What should be ready by the end of the week?",
    "What should we avoid doing this week?", "Is the preparation wasted if the launch slips?",
    "How many prompts does a benchmark pack need?", "Who should own the go or no-go call?",
    "Should we switch off the current provider?", "How do we budget for overlap runs?",
    "What if access arrives in stages?", "How do we score image quality?",
    "When do we tell customers?", "What counts as launched for us?",
]
SOURCE_NAMES = [
    "Image generation API changelog", "Model list endpoint reference", "Image pricing overview",
    "Rate limits guide", "Status page history", "Community launch tracker", "Release notes archive",
    "Developer forum announcement", "Usage policies", "Batch API reference",
]

CSS_JS = ("style.css", "countdown.js")


def sentence(rng):
    s = f"{rng.choice(OPENERS)} {rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)}"
    if rng.random() < 0.6:
        s += f", {rng.choice(CLAUSES)}"
    s += "."
    if rng.random() < 0.25:
        s += " " + rng.choice(EXTRA)
    return s


def paragraph(rng, sentences):
    return " ".join(sentence(rng) for _ in range(sentences))


def table(rng):
    columns = rng.choice(COLUMN_SETS)
    rows = rng.randint(4, 6)
    lines = ["| " + " | ".join(columns) + " |", "|:---|:---|---:|"]
    for _ in range(rows):
        lines.append("| " + " | ".join(rng.choice(CELLS) for _ in columns) + " |")
    return "\n".join(lines)


def yaml_quote(text):
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def make_articles(n, rng):
    articles = []
    span = (LAST_DAY - FIRST_DAY).days
    for i in range(n):
        topic, tail = rng.choice(TITLE_TOPICS), rng.choice(TITLE_TAILS)
        title = f"{topic}: {tail} (Part {i + 1})"
        slug = "-".join(topic.lower().replace(":", "").split()) + f"-{i + 1}"
        day = FIRST_DAY + timedelta(days=rng.randrange(span + 1))
        updated = day + timedelta(days=rng.randint(1, 30)) if rng.random() < 0.2 else None
        if updated and updated > LAST_DAY:
            updated = None
        articles.append({
            "index": i, "title": title, "slug": slug, "date": day, "updated": updated,
            "description": sentence(rng),
            "tags": rng.sample(TAGS, rng.randint(2, 4)),
            "countdown": rng.random() < 1 / 3,
        })
    for a in articles:
        others = set()
        while len(others) < min(3, n - 1):
            j = rng.randrange(n)
            if j != a["index"]:
                others.add(j)
        a["related"] = [articles[j] for j in sorted(others)]
    return articles


def code_blocks(a, rng):
    """Three fenced blocks an engineering article would hold: Python (~15 lines), JSON, bash."""
    n = a["index"]
    names = rng.sample(["prompt", "width", "height", "seed", "style", "quality", "timeout", "retries"], 4)
    python = "\n".join([
        "```python",
        f"def generate_{n}(client, prompts, *, budget_cents={100 + n % 50}):",
        f'    """Run the prompt pack through the new model and keep what it cost (run {n})."""',
        "    results = []",
        "    for prompt in prompts:",
        "        try:",
        f"            image = client.images.generate(prompt=prompt, {names[0]}={rng.randint(1, 9)}, timeout=12)",
        "        except TimeoutError as error:",
        "            results.append({\"prompt\": prompt, \"error\": str(error)})",
        "            continue",
        f"        results.append({{\"prompt\": prompt, \"cents\": image.cost_cents, \"{names[1]}\": image.{names[1]}}})",
        "        if sum(r.get(\"cents\", 0) for r in results) > budget_cents:",
        "            break  # stay inside the day's budget",
        "    return results",
        "```"])
    json_block = "\n".join([
        "```json",
        "{",
        f'  "route": "cohort-{n % 7}",',
        f'  "primary": "gpt-image-2", "share": 0.{rng.randint(1, 9)},',
        f'  "fallback": "current-model",',
        f'  "{names[2]}": {rng.randint(100, 999)},',
        f'  "timeouts": {{"primary": 12, "fallback": 8}}',
        "}",
        "```"])
    bash = "\n".join([
        "```bash",
        "# Compare both providers on the same prompts",
        "for provider in current-model gpt-image-2; do",
        f'  ./bench-prompts --provider "$provider" --{names[3]} {n} --out "results/$provider-{n}.jsonl"',
        "done",
        f"jq -s 'map(select(.error)) | length' results/*-{n}.jsonl",
        "```"])
    return [python, json_block, bash]


def body(a, rng, code=False):
    parts = [f"TL;DR: {paragraph(rng, 5)}"]
    for heading in rng.sample(HEADINGS, 2):
        parts += [f"## {heading}", paragraph(rng, 6), paragraph(rng, 5)]
    if code:
        parts += ["## In code", paragraph(rng, 2)] + code_blocks(a, rng)
    parts += [f"## {rng.choice(TABLE_HEADINGS)}", table(rng), paragraph(rng, 4)]
    parts += ["## Questions to answer first",
              "\n".join(f"- {q}" for q in rng.sample(QUESTIONS, 4)), paragraph(rng, 4)]
    parts += [f"## {rng.choice(TABLE_HEADINGS)} in detail", table(rng), paragraph(rng, 4)]
    links = ", ".join(f"[{r['title']}]({r['slug']}.md)" for r in a["related"])
    parts += ["## Related reading",
              f"For the background, read {links}." if links else paragraph(rng, 2),
              paragraph(rng, 5)]
    parts.append("## FAQ")
    for q in rng.sample(QUESTIONS, 4):
        parts += [f"### {q}", paragraph(rng, 4)]
    parts.append("## Sources")
    parts.append("\n".join(
        f"- [{name}](https://example.com/docs/{a['slug']}/{k + 1})"
        for k, name in enumerate(rng.sample(SOURCE_NAMES, 3))))
    return "\n\n".join(parts) + "\n"


def front_matter(a, updated_key):
    """The same front matter for both sites; Hugo calls `updated` `lastmod`."""
    lines = ["---", f"title: {yaml_quote(a['title'])}", f"description: {yaml_quote(a['description'])}",
             f"date: {a['date'].isoformat()}"]
    if a["updated"]:
        lines.append(f"{updated_key}: {a['updated'].isoformat()}")
    lines.append(f"tags: [{', '.join(a['tags'])}]")
    if a["related"]:
        lines.append(f"related: [{', '.join(r['slug'] for r in a['related'])}]")
    if a["countdown"]:
        lines += ["countdown:", f"  target: {TARGET}", f"  label: {LABEL}"]
    lines.append("---")
    return "\n".join(lines) + "\n\n"


def liftoff_front_matter(a):
    return front_matter(a, "updated")


def hugo_front_matter(a):
    return front_matter(a, "lastmod")


SITE_YML = f"""title: GPT Image 2 Status
description: Release window, access and pricing signals for GPT Image 2, and how to be ready on day one.
base_url: https://example.org/
language: en
author: The Countdown desk
countdown:
  target: {TARGET}
  label: {LABEL}
per_page: 20
markdown:
  unsafe_html: false
  smart_punctuation: true
newsletter:
  action: https://example.org/subscribe
footer: "Not affiliated with any model vendor. All trademarks belong to their owners."
# Hugo draws no share cards and has no search: the article rows compare the same work (run.sh's
# cards and search rows turn them on).
cards: false
search: false
"""

HUGO_CONFIG = f"""baseURL = "https://example.org/"
languageCode = "en"
title = "GPT Image 2 Status"
paginate = 20
rssLimit = 20
enableRobotsTXT = true
titleCaseStyle = "none"
disableKinds = ["RSS"]

[params]
description = "Release window, access and pricing signals for GPT Image 2, and how to be ready on day one."
author = "The Countdown desk"
now = "{NOW}"
footer = "Not affiliated with any model vendor. All trademarks belong to their owners."
newsletter = "https://example.org/subscribe"
[params.countdown]
target = "{TARGET}"
label = "{LABEL}"

[taxonomies]
tag = "tags"

[markup.goldmark.renderer]
unsafe = false
[markup.goldmark.extensions]
table = true
strikethrough = true
linkify = true
taskList = true
typographer = true

[mediaTypes."application/atom+xml"]
suffixes = ["xml"]

[outputFormats.Atom]
mediaType = "application/atom+xml"
baseName = "feed"
isPlainText = false
rel = "alternate"

[outputs]
home = ["HTML", "Atom"]
section = ["HTML"]
taxonomy = ["HTML"]
term = ["HTML"]
page = ["HTML"]
"""

LAYOUTS = {
    "_default/baseof.html": """<!DOCTYPE html>
<html lang="{{ site.LanguageCode }}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
{{- $title := cond .IsHome site.Title (printf "%s · %s" .Title site.Title) }}
{{- $description := cond .IsHome site.Params.description (.Description | default site.Params.description) }}
<title>{{ $title }}</title>
<meta name="description" content="{{ $description }}">
<link rel="canonical" href="{{ .Permalink }}">
{{ with site.Home.OutputFormats.Get "Atom" }}<link rel="alternate" type="application/atom+xml" title="{{ site.Title }}" href="{{ .Permalink }}">{{ end }}
<meta property="og:site_name" content="{{ site.Title }}">
<meta property="og:type" content="{{ cond .IsPage "article" "website" }}">
<meta property="og:title" content="{{ $title }}">
<meta property="og:description" content="{{ $description }}">
<meta property="og:url" content="{{ .Permalink }}">
{{- if .IsPage }}
<meta property="article:published_time" content="{{ .Date.Format "2006-01-02T15:04:05Z07:00" }}">
<meta property="article:modified_time" content="{{ .Lastmod.Format "2006-01-02T15:04:05Z07:00" }}">
{{- end }}
<meta name="twitter:card" content="summary">
<meta name="twitter:title" content="{{ $title }}">
<meta name="twitter:description" content="{{ $description }}">
<meta name="color-scheme" content="light dark">
{{- $css := resources.Get "style.css" | fingerprint }}
<link rel="stylesheet" href="{{ $css.RelPermalink }}">
{{- if .IsPage }}
{{- $ld := dict "@context" "https://schema.org" "@type" "Article" "headline" .Title "description" $description "datePublished" (.Date.Format "2006-01-02T15:04:05Z07:00") "dateModified" (.Lastmod.Format "2006-01-02T15:04:05Z07:00") "mainEntityOfPage" .Permalink "author" (dict "@type" "Organization" "name" site.Params.author) "publisher" (dict "@type" "Organization" "name" site.Title) }}
<script type="application/ld+json">{{ $ld | jsonify | safeJS }}</script>
{{- end }}
</head>
<body>
<a class="skip-link" href="#main">Skip to content</a>
{{ partialCached "header.html" . }}
<main id="main" class="container">
{{ block "main" . }}{{ end }}
</main>
{{ partialCached "footer.html" . }}
{{- $js := resources.Get "countdown.js" | fingerprint }}
<script src="{{ $js.RelPermalink }}" defer></script>
</body>
</html>
""",
    "partials/countdown-values.html": """{{- /* The time left to .target at the build's now (site.Params.now), in Liftoff's words. */ -}}
{{- $seconds := int ((time .target).Sub (time site.Params.now)).Seconds -}}
{{- $launched := le $seconds 0 -}}
{{- $minutes := cond $launched 0 (div $seconds 60) -}}
{{- $days := div $minutes 1440 -}}
{{- $hours := div (mod $minutes 1440) 60 -}}
{{- $mins := mod $minutes 60 -}}
{{- $text := "Launched" -}}
{{- if not $launched -}}
  {{- if ge $days 1 }}{{ $text = printf "%d day%s left" $days (cond (eq $days 1) "" "s") -}}
  {{- else if ge $hours 1 }}{{ $text = printf "%d hour%s left" $hours (cond (eq $hours 1) "" "s") -}}
  {{- else if le $mins 1 }}{{ $text = "Less than 2 minutes left" -}}
  {{- else }}{{ $text = printf "%d minutes left" $mins -}}
  {{- end -}}
{{- end -}}
{{- $detail := printf "%d day%s, %d hour%s, %d minute%s" $days (cond (eq $days 1) "" "s") $hours (cond (eq $hours 1) "" "s") $mins (cond (eq $mins 1) "" "s") -}}
{{- $target := time .target -}}
{{- return (dict "launched" $launched "text" $text "detail" $detail "target" ($target.Format "2006-01-02T15:04:05Z07:00") "label" .label "display" ($target.Format "January 2, 2006, 15:04 UTC")) -}}
""",
    "partials/countdown.html": """{{- $c := partial "countdown-values.html" . -}}
<div class="countdown{{ if $c.launched }} is-launched{{ end }}" data-countdown data-target="{{ $c.target }}">
  <p class="countdown-label">{{ $c.label }}</p>
  <p class="countdown-text" aria-live="polite">{{ $c.text }}</p>
  {{ if not $c.launched }}<p class="countdown-detail">{{ $c.detail }}</p>{{ end }}
  <p class="countdown-target">{{ if $c.launched }}Launched{{ else }}Target{{ end }}: <time datetime="{{ $c.target }}">{{ $c.display }}</time></p>
</div>
""",
    "partials/header.html": """<header class="site-header">
  <div class="container header-row">
    <a class="site-title" href="{{ site.Home.RelPermalink }}">{{ site.Title }}</a>
    <nav class="site-nav" aria-label="Site">
      <a href="{{ site.Home.RelPermalink }}">Home</a>
      <a href="{{ (site.GetPage "/articles").RelPermalink }}">All articles</a>
      <a href="{{ (site.GetPage "/tags").RelPermalink }}">Tags</a>
    </nav>
    {{- with site.Params.countdown }}
    {{- $c := partial "countdown-values.html" . }}
    <p class="countdown-badge{{ if $c.launched }} is-launched{{ end }}" data-countdown data-target="{{ $c.target }}">
      <span class="countdown-badge-label">{{ $c.label }}:</span>
      <span class="countdown-text" aria-live="polite">{{ $c.text }}</span>
    </p>
    {{- end }}
  </div>
</header>
""",
    "partials/footer.html": """<footer class="site-footer">
  <div class="container">
    {{- with site.Params.newsletter }}
    <form class="signup" action="{{ . }}" method="post">
      <h2 class="signup-title">Get updates</h2>
      <p class="signup-text">Short emails when the launch window, access or pricing changes.</p>
      <div class="signup-row">
        <label class="visually-hidden" for="signup-email">Email address</label>
        <input id="signup-email" type="email" name="email" required autocomplete="email" placeholder="you@example.com">
        <button type="submit">Subscribe</button>
      </div>
    </form>
    {{- end }}
    {{ with site.Params.footer }}<p class="footer-note">{{ . }}</p>{{ end }}
    <p class="footer-meta">© {{ (time site.Params.now).Year }} {{ site.Title }}</p>
  </div>
</footer>
""",
    "partials/card.html": """<article class="card">
  <h3 class="card-title"><a href="{{ .RelPermalink }}">{{ .Title }}</a></h3>
  <p class="card-meta"><time datetime="{{ .Date.Format "2006-01-02T15:04:05Z07:00" }}">{{ .Date.Format "January 2, 2006" }}</time>{{ if .Draft }} · <span class="badge">Draft</span>{{ end }}</p>
  {{ with .Description }}<p class="card-description">{{ . }}</p>{{ end }}
</article>
""",
    "partials/pagination.html": """{{- if gt .TotalPages 1 }}
<nav class="pagination" aria-label="Pages">
  {{ if .HasPrev }}<a rel="prev" href="{{ .Prev.URL }}">← Newer</a>{{ end }}
  <span>Page {{ .PageNumber }} of {{ .TotalPages }}</span>
  {{ if .HasNext }}<a rel="next" href="{{ .Next.URL }}">Older →</a>{{ end }}
</nav>
{{- end }}
""",
    "_default/single.html": """{{ define "main" }}
<article class="article">
  <header class="article-header">
    <h1>{{ .Title }}</h1>
    <p class="article-meta">
      <time datetime="{{ .Date.Format "2006-01-02T15:04:05Z07:00" }}">{{ .Date.Format "January 2, 2006" }}</time>
      {{ if .Lastmod.After .Date }} · Updated <time datetime="{{ .Lastmod.Format "2006-01-02T15:04:05Z07:00" }}">{{ .Lastmod.Format "January 2, 2006" }}</time>{{ end }}
      · {{ .ReadingTime }} min read
    </p>
    {{- with .GetTerms "tags" }}
    <ul class="tag-list" aria-label="Tags">
      {{ range . }}<li><a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a></li>{{ end }}
    </ul>
    {{- end }}
  </header>
  {{ with .Params.countdown }}{{ partial "countdown.html" . }}{{ end }}
  <div class="prose">
{{ replace .Content "<table>" "<div class=\\"table-wrap\\" role=\\"region\\" tabindex=\\"0\\"><table>" | replaceRE "</table>" "</table></div>" | safeHTML }}
  </div>
  {{- with .Params.related }}
  <section class="related" aria-labelledby="related-reads">
    <h2 id="related-reads">Related reads</h2>
    <div class="card-grid">
      {{ range . }}{{ with site.GetPage (printf "/articles/%s" .) }}{{ partial "card.html" . }}{{ end }}{{ end }}
    </div>
  </section>
  {{- end }}
</article>
{{ end }}
""",
    "_default/list.html": """{{ define "main" }}
<h1>{{ .Title }}</h1>
{{- $pager := .Paginate .RegularPages.ByDate.Reverse }}
<div class="card-grid">
  {{ range $pager.Pages }}{{ partial "card.html" . }}{{ end }}
</div>
{{ partial "pagination.html" $pager }}
{{ end }}
""",
    "_default/term.html": """{{ define "main" }}
<h1>Tagged “{{ .Data.Term }}”</h1>
{{- $pager := .Paginate .Pages.ByDate.Reverse }}
<div class="card-grid">
  {{ range $pager.Pages }}{{ partial "card.html" . }}{{ end }}
</div>
{{ partial "pagination.html" $pager }}
{{ end }}
""",
    "_default/taxonomy.html": """{{ define "main" }}
<h1>Tags</h1>
<ul class="tag-index">
  {{ range .Data.Terms.Alphabetical }}
  <li><a href="{{ .Page.RelPermalink }}">{{ .Name }}</a> <span class="tag-count">{{ .Count }} article{{ if ne .Count 1 }}s{{ end }}</span></li>
  {{ end }}
</ul>
{{ end }}
""",
    "index.html": """{{ define "main" }}
<section class="hero">
  <h1>{{ site.Title }}</h1>
  <p class="hero-text">{{ site.Params.description }}</p>
  {{ with site.Params.countdown }}{{ partial "countdown.html" . }}{{ end }}
</section>
<section aria-labelledby="latest">
  <h2 id="latest">Latest articles</h2>
  {{- $articles := where site.RegularPages "Section" "articles" }}
  <div class="card-grid">
    {{ range first 10 $articles.ByDate.Reverse }}{{ partial "card.html" . }}{{ end }}
  </div>
  {{ if gt (len $articles) 10 }}<p class="more"><a href="{{ (site.GetPage "/articles").RelPermalink }}">All articles →</a></p>{{ end }}
</section>
{{ end }}
""",
    "404.html": """{{ define "main" }}
<section class="not-found">
  <h1>Page not found</h1>
  <p>This page does not exist, or it has moved.</p>
  <p><a href="{{ site.Home.RelPermalink }}">Go to the home page</a> or browse <a href="{{ (site.GetPage "/articles").RelPermalink }}">all articles</a>.</p>
</section>
{{ end }}
""",
    "index.atom.xml": """{{- $pages := first 20 (where site.RegularPages "Section" "articles").ByDate.Reverse -}}
{{- printf "<?xml version=\\"1.0\\" encoding=\\"utf-8\\"?>" | safeHTML }}
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="{{ site.LanguageCode }}">
<title>{{ site.Title }}</title>
<subtitle>{{ site.Params.description }}</subtitle>
<link href="{{ .Permalink }}feed.xml" rel="self" type="application/atom+xml"/>
<link href="{{ .Permalink }}" rel="alternate" type="text/html"/>
<id>{{ .Permalink }}feed.xml</id>
<updated>{{ (index $pages 0).Lastmod.Format "2006-01-02T15:04:05Z07:00" }}</updated>
<author><name>{{ site.Params.author }}</name></author>
{{- range $pages }}
<entry>
<title>{{ .Title }}</title>
<link href="{{ .Permalink }}" rel="alternate" type="text/html"/>
<id>{{ .Permalink }}</id>
<published>{{ .Date.Format "2006-01-02T15:04:05Z07:00" }}</published>
<updated>{{ .Lastmod.Format "2006-01-02T15:04:05Z07:00" }}</updated>
{{ range .Params.tags }}<category term="{{ . }}"/>
{{ end -}}
<summary>{{ .Description }}</summary>
<content type="html" xml:base="{{ .Permalink }}">{{ .Content | html }}</content>
</entry>
{{- end }}
</feed>
""",
    "robots.txt": """User-agent: *
Allow: /

Sitemap: {{ site.BaseURL }}sitemap.xml
""",
    "_default/_markup/render-heading.html": """<h{{ .Level }} id="{{ .Anchor | safeURL }}">{{ .Text | safeHTML }} <a class="anchor" href="#{{ .Anchor | safeURL }}" aria-label="Link to this section">#</a></h{{ .Level }}>
""",
    "_default/_markup/render-link.html": """{{- $url := .Destination -}}
{{- if and (not (strings.Contains $url ":")) (strings.Contains $url ".md") -}}
  {{- $parts := split $url "#" -}}
  {{- with site.GetPage (printf "/articles/%s" (strings.TrimSuffix ".md" (index $parts 0))) -}}
    {{- $url = .RelPermalink -}}
    {{- if gt (len $parts) 1 }}{{ $url = printf "%s#%s" $url (index $parts 1) }}{{ end -}}
  {{- else -}}
    {{- errorf "link to missing article %q in %s" $url $.Page.File.Path -}}
  {{- end -}}
{{- end -}}
<a href="{{ $url | safeURL }}"{{ with .Title }} title="{{ . }}"{{ end }}>{{ .Text | safeHTML }}</a>
{{- /* no trailing newline */ -}}
""",
}


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def theme_folder(parser, path):
    """The absolute path of a Liftoff theme folder; a usage error when it is not one."""
    theme = os.path.abspath(path)
    if not os.path.isfile(os.path.join(theme, "templates", "base.mustache")):
        parser.error(f"{theme} is not a Liftoff theme (no templates/base.mustache)")
    return theme


def fresh_folder(path):
    """The absolute path of `path`, emptied: what was there is removed."""
    out = os.path.abspath(path)
    if os.path.exists(out):
        shutil.rmtree(out)
    return out


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("n", type=int, help="number of articles")
    parser.add_argument("outdir", help="folder to create (replaced if it exists)")
    parser.add_argument("--seed", type=int, default=20261201)
    parser.add_argument("--theme", default=os.path.join(here, "..", "theme"),
                        help="Liftoff theme to copy (default: the repository's theme/)")
    parser.add_argument("--code", action="store_true",
                        help="three fenced code blocks an article (Python, JSON, bash), for the highlighting rows")
    args = parser.parse_args()
    if args.n < 1:
        parser.error("N must be at least 1")
    theme = theme_folder(parser, args.theme)
    out = fresh_folder(args.outdir)
    liftoff, hugo = os.path.join(out, "liftoff"), os.path.join(out, "hugo")

    rng = random.Random(args.seed)
    articles = make_articles(args.n, rng)

    write(os.path.join(liftoff, "site.yml"), SITE_YML)
    shutil.copytree(theme, os.path.join(liftoff, "theme"))
    write(os.path.join(hugo, "config.toml"), HUGO_CONFIG)
    write(os.path.join(hugo, "content", "articles", "_index.md"), '---\ntitle: "All articles"\n---\n')
    write(os.path.join(hugo, "content", "tags", "_index.md"), '---\ntitle: "Tags"\n---\n')
    for name, text in LAYOUTS.items():
        write(os.path.join(hugo, "layouts", name), text)
    for name in CSS_JS:
        os.makedirs(os.path.join(hugo, "assets"), exist_ok=True)
        shutil.copy(os.path.join(theme, "assets", name), os.path.join(hugo, "assets", name))

    total = 0
    with open(os.path.join(out, "all.md"), "w", encoding="utf-8") as all_md:
        for a in articles:
            text = body(a, rng, code=args.code)
            all_md.write(text + "\n")
            lf = liftoff_front_matter(a) + text
            total += len(lf.encode())
            write(os.path.join(liftoff, "content", a["slug"] + ".md"), lf)
            write(os.path.join(hugo, "content", "articles", a["slug"] + ".md"), hugo_front_matter(a) + text)
    write(os.path.join(out, "edit-target"),
          os.path.join("liftoff", "content", articles[len(articles) // 2]["slug"] + ".md") + "\n")
    print(f"{args.n} articles, {total / 1e6:.1f} MB of Markdown ({total / args.n / 1000:.1f} KB each) in {out}",
          file=sys.stderr)


if __name__ == "__main__":
    main()
