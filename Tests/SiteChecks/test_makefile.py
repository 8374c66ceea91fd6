"""The Makefile hands what a user types to its tools as it was typed: TITLE and DEPLOY_TARGET go
through the environment, never into a shell line, and make itself expands none of it. `make new`
writes into a throwaway site (SITE=…); the liftoff binary is never rebuilt here (-o)."""
import os
import shutil
import subprocess

import pytest
import yaml

from conftest import LIFTOFF, ROOT


def make(*arguments):
    """make in the repository, with LIFTOFF as conftest names it and never remade; the variables of
    an enclosing make (make site-check) are not passed on."""
    env = {k: v for k, v in os.environ.items() if k not in ("MAKEFLAGS", "MFLAGS", "MAKELEVEL")}
    command = ["make", "--no-print-directory", "-C", str(ROOT), f"LIFTOFF={LIFTOFF}", "-o", str(LIFTOFF),
               *arguments]
    result = subprocess.run(command, capture_output=True, text=True, env=env, cwd=ROOT)
    return result.returncode, result.stdout + result.stderr


def empty_site(folder):
    folder.mkdir()
    shutil.copy(ROOT / "site.yml", folder / "site.yml")
    (folder / "content").mkdir()
    return folder


def markers(tmp_path):
    """The files an injected `touch` would have made: the tests touch tmp_path/marker and
    tmp_path/marker2 (a relative name would land in the repository, where make runs)."""
    return [p for folder in (tmp_path, ROOT) for p in (folder / "marker", folder / "marker2") if p.exists()]


def new_article(tmp_path, title):
    """make new TITLE=title in an empty site: (status, log, the site folder)."""
    site = empty_site(tmp_path / "site")
    status, log = make("new", f"TITLE={title}", f"SITE={site}")
    return status, log, site


def created_title(site):
    """The YAML title of the one article in the site's content/."""
    created = list((site / "content").iterdir())
    assert len(created) == 1 and created[0].suffix == ".md", created
    text = created[0].read_text(encoding="utf-8")
    assert text.startswith("---\n"), text
    front_matter = text[len("---\n"):].split("\n---\n", 1)[0]
    return yaml.safe_load(front_matter)["title"]


TITLES = {  # each a test, named by what it holds; {marker} is a file the test checks is not made
    "backticks": "Why `touch {marker}` fails",
    "dollar-parenthesis": "Costs $(touch {marker}) nothing",
    "two-dollars": "Twice $$(touch {marker}) over",
    "dollar-digit": "Five $5, $(x), ${{HOME}} and $$ HOME",
    "double-quotes": 'He said "ship it" and "wait"',
    "single-quotes": "It's Sam's 'launch'",
    "backslashes": "Back\\slash, \\n, \\\\ and a trailing \\",
    "emoji": "Launch day \U0001F680 f\u00fcr alle \u2014 \u65e5\u672c\u8a9e",
    "everything": "Mixed `a` $(b) \"c\" 'd' \\e; touch {marker} | cat & #f",
}


@pytest.mark.parametrize("title", TITLES.values(), ids=TITLES.keys())
def test_make_new_takes_the_title_verbatim_and_runs_nothing(tmp_path, title):
    title = title.format(marker=tmp_path / "marker")
    status, log, site = new_article(tmp_path, title)
    assert markers(tmp_path) == [], "the title ran a command"
    assert status == 0, log
    assert created_title(site) == title


def test_make_new_keeps_a_newline_in_the_title(tmp_path):
    """Depends on `liftoff new` escaping a newline in the YAML title (Sources/liftoff/New.swift);
    the Makefile part, the title reaching liftoff whole with no shell error, holds without it."""
    title = f"First line\nsecond line `touch {tmp_path / 'marker'}`"
    status, log, site = new_article(tmp_path, title)
    assert markers(tmp_path) == [], "the title ran a command"
    assert status == 0, log
    assert created_title(site) == title


def test_make_new_without_a_title_is_a_usage_error(tmp_path):
    site = empty_site(tmp_path / "site")
    status, log = make("new", f"SITE={site}")
    assert status == 2 and 'usage: make new TITLE="Your title"' in log
    assert list((site / "content").iterdir()) == []


def test_make_deploy_runs_nothing_from_the_target(tmp_path):
    """The target's name reaches tools/deploy.sh as typed (it may fail as a deploy; it runs nothing).
    -o site: the site is not built again here; deploy.sh copies output/ if a build left one."""
    marker = tmp_path / "marker2"
    for target in (f"{tmp_path}/dir`touch {marker}`", f"{tmp_path}/dir$(touch {marker})",
                   f"{tmp_path}/dir$$(touch {marker})", f"{tmp_path}/dir\"; touch {marker}; \""):
        make("-o", "site", "deploy", f"DEPLOY_TARGET={target}")
        assert markers(tmp_path) == [], target
