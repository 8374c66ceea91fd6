"""`make deploy`'s copy (tools/deploy.sh): rsync to a folder, nothing copied twice, removed pages
removed there, and nothing deployed from a folder that is not a finished Liftoff output."""
import re
import shutil
import subprocess

from conftest import ROOT

DEPLOY = ROOT / "tools" / "deploy.sh"


def deploy(output, target):
    result = subprocess.run([str(DEPLOY), str(output), str(target)], capture_output=True, text=True)
    return result.returncode, result.stdout + result.stderr


def transferred(stats):
    return int(re.search(r"Number of regular files transferred: ([\d,]+)", stats).group(1).replace(",", ""))


def test_deploy_copies_the_tree_then_only_changes_and_removes_what_is_gone(site, tmp_path):
    output = tmp_path / "output"
    shutil.copytree(site, output, copy_function=shutil.copy2)  # times kept, as Liftoff keeps them
    target = tmp_path / "www"
    status, log = deploy(output, target)
    assert status == 0, log
    assert transferred(log) > 50
    assert (target / "index.html").read_bytes() == (output / "index.html").read_bytes()
    assert not (target / ".liftoff-output").exists(), "the output's marker is not deployed"

    status, log = deploy(output, target)
    assert status == 0 and transferred(log) == 0, f"a second deploy copied files:\n{log}"

    shutil.rmtree(output / "articles" / "release-signals")
    status, log = deploy(output, target)
    assert status == 0, log
    assert not (target / "articles" / "release-signals").exists()


def test_a_folder_that_is_not_a_published_site_is_never_deployed(tmp_path):
    half = tmp_path / "half"
    half.mkdir()
    (half / "index.html").write_text("<p>half written</p>")
    status, log = deploy(half, tmp_path / "www")
    assert status == 1 and "nothing was copied" in log
    assert not (tmp_path / "www").exists()
    status, log = deploy(half, "")
    assert status == 2 and "usage: make deploy DEPLOY_TARGET=" in log
