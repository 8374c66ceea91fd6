"""What a rebuild opens, seen by strace: a build with nothing to do opens no file of content/, and
a build after one article is edited opens that article and the twenty the feed carries (their
HTML is made on every build), no other."""
import os
import re
import shutil
import subprocess
import time

import pytest

from conftest import LIFTOFF, NOW, ROOT

OPEN = re.compile(r'open(?:at2?)?\((?:[^,]*, )?"([^"]+)"')


def opened(site, output):
    """The files under content/ that one `liftoff build` opens, relative to the site."""
    log = output.parent / "strace.log"
    result = subprocess.run(
        ["strace", "-f", "-qq", "-e", "trace=open,openat,openat2", "-o", str(log),
         str(LIFTOFF), "build", "--source", str(site), "--output", str(output), "--now", NOW],
        capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    paths = set()
    for line in log.read_text(errors="replace").splitlines():
        match = OPEN.search(line)
        if match and "ENOENT" not in line:
            path = match.group(1)
            if path.startswith(str(site) + "/"):
                path = path[len(str(site)) + 1:]
            if path.startswith("content/"):
                paths.add(path)
    return paths, result.stdout


@pytest.fixture
def site(tmp_path):
    """30 articles, one a day in October; the feed (rendered on every build) holds the 20 newest."""
    site = tmp_path / "site"
    (site / "content").mkdir(parents=True)
    shutil.copytree(ROOT / "theme", site / "theme")
    (site / "site.yml").write_text("title: T\nbase_url: https://example.org/\n")
    for day in range(1, 31):
        (site / f"content/a{day:02d}.md").write_text(
            f"---\ntitle: Article {day}\ndate: 2026-10-{day:02d}\ndescription: Day {day}.\n---\n\nText of day {day}.\n")
        # Saved a day ago: a file saved within two seconds of a build is read again by the next one.
        os.utime(site / f"content/a{day:02d}.md", (time.time() - 86400, time.time() - 86400))
    return site


def test_a_build_with_nothing_to_do_opens_no_content_file(site, tmp_path):
    output = tmp_path / "output"
    first, _ = opened(site, output)
    assert len(first) == 30, "the first build reads every article"
    again, summary = opened(site, output)
    assert "is up to date" in summary, summary
    assert again == set(), f"a no-op build opened {sorted(again)}"


def test_an_edit_opens_the_edited_article_and_the_feeds_and_no_other(site, tmp_path):
    output = tmp_path / "output"
    opened(site, output)
    edited = site / "content/a03.md"
    edited.write_text(edited.read_text() + "\nOne more line.\n")
    paths, _ = opened(site, output)
    feed = {f"content/a{day:02d}.md" for day in range(11, 31)}
    assert paths == {"content/a03.md"} | feed, f"opened {sorted(paths - feed)} besides the feed's twenty"
