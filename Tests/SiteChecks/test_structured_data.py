"""Structured data as search engines read it: every JSON-LD block parses; articles carry Article and
BreadcrumbList; FAQ articles a FAQPage whose questions and answers are the page's FAQ."""
import json
import re

import extruct
import lxml.html
import pytest

BASE_URL = "https://example.org/"


def words(text):
    return re.findall(r"[\w’'.%$-]+", text.replace("\u00a0", " "))


def jsonld_blocks(path):
    """Each <script type="application/ld+json"> parsed strictly, or a readable error."""
    blocks, problems = [], []
    document = lxml.html.fromstring(path.read_bytes())
    for number, script in enumerate(document.xpath('//script[@type="application/ld+json"]'), 1):
        try:
            blocks.append(json.loads(script.text or ""))
        except json.JSONDecodeError as error:
            problems.append(f"JSON-LD block {number} does not parse: {error}")
    return document, blocks, problems


def test_every_jsonld_block_parses(site, pages):
    problems, count = [], 0
    for relative, path in pages.items():
        _, blocks, errors = jsonld_blocks(path)
        count += len(blocks)
        problems += [f"{relative}: {error}" for error in errors]
        for block in blocks:
            if block.get("@context") != "https://schema.org" or "@type" not in block:
                problems.append(f"{relative}: JSON-LD block without schema.org @context and @type: {block}")
    assert count > 0, "no JSON-LD on any page"
    if problems:
        pytest.fail("\n".join(problems), pytrace=False)


def test_articles_carry_article_breadcrumbs_and_their_faq(article_pages, site):
    problems = []
    faq_pages = 0
    for path in article_pages:
        relative = str(path.relative_to(site))
        url = BASE_URL + relative.removesuffix("index.html")
        raw = path.read_text(encoding="utf-8")
        data = extruct.extract(raw, base_url=url, syntaxes=["json-ld"], uniform=True)["json-ld"]
        by_type = {}
        for item in data:
            by_type.setdefault(item.get("@type"), []).append(item)
        document = lxml.html.fromstring(raw)
        title = document.findtext(".//h1").strip()

        # A live article is a LiveBlogPosting (a kind of Article; test_live.py checks the rest).
        articles = by_type.get("Article", []) + by_type.get("LiveBlogPosting", [])
        if len(articles) != 1:
            problems.append(f"{relative}: {len(articles)} Article (or LiveBlogPosting) items, expected 1")
        else:
            article = articles[0]
            if article.get("headline") != title:
                problems.append(f"{relative}: Article headline {article.get('headline')!r} is not the page's title {title!r}")
            for key in ("datePublished", "author", "publisher", "mainEntityOfPage"):
                if not article.get(key):
                    problems.append(f"{relative}: Article has no {key}")
            if article.get("mainEntityOfPage") not in (url, {"@id": url}, {"@type": "WebPage", "@id": url}):
                problems.append(f"{relative}: Article mainEntityOfPage {article.get('mainEntityOfPage')!r} is not {url}")

        crumbs = by_type.get("BreadcrumbList", [])
        if len(crumbs) != 1:
            problems.append(f"{relative}: {len(crumbs)} BreadcrumbList items, expected 1")
        else:
            items = crumbs[0].get("itemListElement", [])
            positions = [item.get("position") for item in items]
            if positions != list(range(1, len(items) + 1)) or len(items) < 2:
                problems.append(f"{relative}: breadcrumb positions {positions}")
            elif items[0].get("item") != BASE_URL or items[-1].get("item") != url or items[-1].get("name") != title:
                problems.append(f"{relative}: breadcrumbs do not run from {BASE_URL} to this page ({url}, {title!r}): {items}")

        # The FAQ a reader sees: each <details> of the FAQ section, its <summary> and its answer.
        visible = [(" ".join(words(item.findtext(".//summary/h3") or item.find(".//summary").text_content())),
                    words(item.find('.//div[@class="faq-answer"]').text_content()))
                   for item in document.xpath('//section[contains(@class, "faq")]//details')]
        faqs = by_type.get("FAQPage", [])
        if not visible:
            if faqs:
                problems.append(f"{relative}: FAQPage data on a page without a visible FAQ")
            continue
        faq_pages += 1
        if len(faqs) != 1:
            problems.append(f"{relative}: the page shows an FAQ but has {len(faqs)} FAQPage items")
            continue
        data_questions = [(" ".join(words(q.get("name", ""))), words(q.get("acceptedAnswer", {}).get("text", "")))
                          for q in faqs[0].get("mainEntity", [])]
        if [q for q, _ in data_questions] != [q for q, _ in visible]:
            problems.append(f"{relative}: FAQPage questions {[q for q, _ in data_questions]} "
                            f"are not the page's {[q for q, _ in visible]}")
            continue
        for (question, answer), (_, shown) in zip(data_questions, visible):
            answer = [w for w in answer if w != "-"]  # list items are "- item" in plain text
            if answer != shown:
                problems.append(f"{relative}: the FAQPage answer to {question!r} is not the answer on the page:\n"
                                f"  data: {' '.join(answer)}\n  page: {' '.join(shown)}")
    assert faq_pages >= 3, f"only {faq_pages} articles with an FAQ found in the sample site"
    if problems:
        pytest.fail("\n".join(problems), pytrace=False)
