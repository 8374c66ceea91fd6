"""The sample site's articles as their authors wrote them: read from content/, not from the output."""
import datetime
import re

import yaml

from conftest import NOW, ROOT


def other_languages():
    """The tags of site.yml's `languages:` (their files are in content/<tag>/)."""
    settings = yaml.safe_load((ROOT / "site.yml").read_text(encoding="utf-8"))
    return list((settings.get("languages") or {}).keys())


def read_article(path):
    """(slug, front matter, date or None) of an article file."""
    text = path.read_text(encoding="utf-8")
    match = re.match(r"---\n(.*?)\n---\n", text, re.S)
    assert match, f"{path}: no front matter"
    meta = yaml.safe_load(match.group(1))
    name = path.parent.name if path.stem == "index" else path.stem
    prefix = re.match(r"(\d{4}-\d{2}-\d{2})-(.*)", name)
    date = meta.get("date") or (prefix and prefix.group(1))
    slug = meta.get("slug") or (prefix.group(2) if prefix else name)
    if isinstance(date, str):
        date = datetime.date.fromisoformat(date[:10])
    if isinstance(date, datetime.datetime):
        date = date.date()
    return slug, meta, date


def is_public(meta, date):
    now = datetime.datetime.fromisoformat(NOW.replace("Z", "+00:00"))
    return not meta.get("draft") and datetime.datetime.combine(date, datetime.time(), datetime.timezone.utc) <= now


def public_articles():
    """slug → {title, date} of every article of the default language that is published as of NOW
    (not a draft, not future)."""
    articles = {}
    languages = [ROOT / "content" / tag for tag in other_languages()]
    for path in sorted((ROOT / "content").rglob("*.md")):
        if path.parent in (ROOT / "content" / "pages", ROOT / "content" / "launches"):
            continue  # standalone pages and launches: not articles
        if any(folder in path.parents for folder in languages):
            continue  # another language's (test_languages.py)
        slug, meta, date = read_article(path)
        if is_public(meta, date):
            articles[slug] = {"title": meta["title"], "date": date}
    return articles


def translated_articles(tag):
    """slug → {title, date} of the published articles of content/<tag>/ (those at the top of the
    folder; a translation without a date takes its original's)."""
    articles = {}
    for path in sorted((ROOT / "content" / tag).glob("*.md")):
        slug, meta, date = read_article(path)
        if date is None:
            date = read_article(ROOT / "content" / path.name)[2]
        if is_public(meta, date):
            articles[slug] = {"title": meta["title"], "date": date}
    return articles
