"""Accessibility: axe-core (shipped by axe-selenium-python) in Chromium on every page, in light and
dark mode, with every FAQ answer open so that hidden content is checked too."""
import pytest
from axe_selenium_python import Axe

from conftest import page_urls

BLOCKING = ("serious", "critical")


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_serious_violation_and_contrast_passes(server, browser, pages, scheme):
    browser.execute_cdp_cmd("Emulation.setEmulatedMedia",
                            {"features": [{"name": "prefers-color-scheme", "value": scheme}]})
    problems = []
    contrast_checked = 0
    try:
        for url in page_urls(pages):
            browser.get(server + url)
            assert browser.execute_script(
                f"return matchMedia('(prefers-color-scheme: {scheme})').matches"), f"{scheme} mode is not on"
            browser.execute_script("document.querySelectorAll('details').forEach(d => d.open = true)")
            axe = Axe(browser)
            axe.inject()
            results = axe.run()
            for violation in results["violations"]:
                if violation["impact"] in BLOCKING or violation["id"] == "color-contrast":
                    for node in violation["nodes"][:5]:
                        problems.append(f"{url} [{scheme}] {violation['id']} ({violation['impact']}): "
                                        f"{violation['help']}: {node['target']} {node.get('failureSummary', '')}".strip())
            for rule in results["incomplete"]:
                if rule["id"] == "color-contrast":
                    for node in rule["nodes"][:5]:
                        problems.append(f"{url} [{scheme}] color-contrast could not be decided for {node['target']}: "
                                        f"{node.get('failureSummary') or node['any'][0]['message']}")
            contrast_checked += sum(len(rule["nodes"]) for rule in results["passes"] if rule["id"] == "color-contrast")
    finally:
        browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": []})
    if problems:
        pytest.fail("\n".join(problems), pytrace=False)
    assert contrast_checked > 100, f"axe checked the contrast of only {contrast_checked} elements"
