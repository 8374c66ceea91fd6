"""Alias pages: each old path sends readers to a published article, and _redirects says the same."""
from urllib.parse import urlparse

from lxml import html as lxml_html

BASE = "https://example.org/"


def test_each_alias_page_leads_to_a_published_article_and_redirects_agree(site, redirects):
    assert redirects, "the sample site has an aliased article"
    lines = (site / "_redirects").read_text().splitlines()
    moves = {line.split()[0]: line.split()[1] for line in lines if line.strip()}
    for name, path in redirects.items():
        tree = lxml_html.parse(str(path))
        canonical = tree.find(".//link[@rel='canonical']").get("href")
        refresh = tree.find(".//meta[@http-equiv='refresh']").get("content")
        assert refresh == f"0; url={canonical}", name
        assert tree.find(".//meta[@name='robots']").get("content") == "noindex", name
        assert canonical.startswith(BASE)
        target = site / urlparse(canonical).path.lstrip("/") / "index.html"
        assert target.is_file(), f"{name} sends readers to {canonical}, which is not published"
        old = "/" + name.removesuffix("index.html")
        assert moves.get(old) == urlparse(canonical).path, f"_redirects does not move {old}"
