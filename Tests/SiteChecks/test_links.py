"""Links: every internal link and asset reference in every page (and in the stylesheet) resolves
to a file of the published tree, and every #fragment to an element of its target page."""
import html.parser
import re
import urllib.parse

import pytest

from conftest import build_site

BASE_URL = "https://example.org/"


class References(html.parser.HTMLParser):
    """Collects the URLs a page references (href, src, srcset, poster) and its element ids."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.urls = []
        self.ids = set()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "id" in attrs:
            self.ids.add(attrs["id"])
        if tag == "a" and "name" in attrs:
            self.ids.add(attrs["name"])
        for name in ("href", "src", "poster", "action"):
            if attrs.get(name) is not None and not (tag == "form" and name == "action"):
                self.urls.append((tag, name, attrs[name]))
        if attrs.get("srcset"):
            for candidate in attrs["srcset"].split(","):
                self.urls.append((tag, "srcset", candidate.strip().split(" ")[0]))


def parse(path):
    parser = References()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def page_url(relative, base_path):
    """The URL path a reader sees for a file of the tree (…/index.html → …/)."""
    if relative.endswith("index.html"):
        relative = relative[: -len("index.html")]
    return base_path + relative


def broken_references(tree, base_url):
    """Every reference in the tree that does not resolve, as readable lines."""
    base_path = urllib.parse.urlsplit(base_url).path
    ids = {}

    def ids_of(path):
        if path not in ids:
            ids[path] = parse(path).ids
        return ids[path]

    def resolve(url_path):
        """The file a server returns for a URL path of the site, or None."""
        if not url_path.startswith(base_path):
            return None
        candidate = tree / urllib.parse.unquote(url_path[len(base_path):])
        if candidate.is_dir():
            candidate = candidate / "index.html"
        return candidate if candidate.is_file() else None

    problems = []
    checked = 0
    for path in sorted(tree.rglob("*.html")):
        relative = str(path.relative_to(tree))
        here = page_url(relative, base_path)
        for tag, attribute, url in parse(path).urls:
            where = f"{relative}: <{tag} {attribute}=\"{url}\">"
            if url.startswith(base_url):
                url = base_path + url[len(base_url):]  # canonical and og:url point at the site itself
            parts = urllib.parse.urlsplit(url)
            if parts.scheme in ("mailto", "tel", "data") or (parts.scheme and not url.startswith(base_path)):
                continue  # another host, or not a location: outside this check
            if relative == "404.html" and url and not url.startswith(("/", "#")):
                problems.append(f"{where}: a relative URL on the 404 page breaks at any depth")
                continue
            checked += 1
            target_url = urllib.parse.urljoin(here, url)
            target_path = urllib.parse.urlsplit(target_url).path
            target = resolve(target_path)
            if target is None:
                problems.append(f"{where}: {target_path} is not in the published tree")
                continue
            fragment = urllib.parse.unquote(parts.fragment)
            if fragment and target.suffix == ".html" and fragment not in ids_of(target):
                problems.append(f"{where}: no element with id \"{fragment}\" on {target_path}")
    for path in sorted(tree.rglob("*.css")):
        relative = str(path.relative_to(tree))
        for url in re.findall(r"url\(\s*['\"]?([^'\")]+)", path.read_text(encoding="utf-8")):
            if url.startswith(("data:", "#")) or urllib.parse.urlsplit(url).scheme:
                continue
            checked += 1
            target_path = urllib.parse.urlsplit(urllib.parse.urljoin(base_path + relative, url)).path
            if resolve(target_path) is None:
                problems.append(f"{relative}: url({url}): {target_path} is not in the published tree")
    return checked, problems


def test_every_internal_link_and_asset_resolves(site):
    checked, problems = broken_references(site, BASE_URL)
    assert checked > 100, f"only {checked} references found: is the tree complete?"
    if problems:
        pytest.fail(f"{len(problems)} broken of {checked} references:\n" + "\n".join(problems), pytrace=False)


def test_every_link_resolves_on_a_site_under_a_subpath(workdir):
    """The same site published to https://example.org/launch/: every URL keeps the subpath."""
    base_url = "https://example.org/launch/"
    tree = build_site(workdir / "subpath", base_url=base_url)
    checked, problems = broken_references(tree, base_url)
    assert checked > 100, f"only {checked} references found: is the tree complete?"
    if problems:
        pytest.fail(f"{len(problems)} broken of {checked} references with base URL {base_url}:\n"
                    + "\n".join(problems), pytrace=False)
