"""`make deploy`'s copy (tools/deploy.sh): rsync to a folder, nothing copied twice, removed pages
removed there, nothing deployed from a folder that is not a finished Liftoff output, and nothing
deleted on the target but what the previous deploy published: a folder that is neither empty nor
marked by a deploy, a target rsync would read as an option, and the output folder are refused."""
import os
import re
import shutil
import subprocess

from conftest import ROOT

DEPLOY = ROOT / "tools" / "deploy.sh"


def deploy(output, target, cwd=None, env=None):
    result = subprocess.run([str(DEPLOY), str(output), str(target)], capture_output=True, text=True,
                            cwd=cwd, env=env)
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


# What a deploy may delete and where it may copy: only what its previous deploy published (the
# target's .liftoff-deploy lists it), and only into an empty folder or one a deploy marked.

RECORD = ".liftoff-deploy"


def make_output(folder, files):
    """A finished Liftoff output (its marker and the given files, relative path → text)."""
    folder.mkdir(parents=True)
    (folder / ".liftoff-output").write_text("")
    for name, text in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    return folder


def write(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)


def snapshot(folder):
    """Every path under folder (hidden ones too) with its bytes (None for a folder)."""
    return {str(p.relative_to(folder)): None if p.is_dir() else p.read_bytes() for p in folder.rglob("*")}


def recorded(target):
    """The paths the target's deploy record lists (NUL-separated)."""
    return set((target / RECORD).read_bytes().decode().split("\0")) - {""}


def test_a_repository_is_refused_and_left_untouched(tmp_path):
    repo = tmp_path / "repo"
    for name in (".git/HEAD", ".git/config", "Sources/liftoff/main.swift", "Makefile", "content/a.md"):
        write(repo / name, f"{name}\n")
    before = snapshot(repo)
    output = make_output(tmp_path / "site", {"index.html": "<p>home</p>"})
    status, log = deploy(output, repo)
    assert status == 1, log
    assert f"{repo} is not empty and was not deployed to by Liftoff" in log and "nothing was copied" in log
    assert snapshot(repo) == before

    # make deploy DEPLOY_TARGET=. : the repository itself, which holds output/
    make_output(repo / "output", {"index.html": "<p>home</p>"})
    before = snapshot(repo)
    status, log = deploy("output", ".", cwd=repo)
    assert status == 1 and "nothing was copied" in log, log
    assert snapshot(repo) == before


def test_a_home_folder_is_refused_and_left_untouched(tmp_path):
    home = tmp_path / "home"
    write(home / ".bashrc", "alias ll='ls -l'\n")
    write(home / "docs" / "thesis.tex", "\\documentclass{article}\n")
    before = snapshot(home)
    output = make_output(tmp_path / "site", {"index.html": "<p>home</p>"})
    status, log = deploy(output, home)
    assert status == 1, log
    assert str(home) in log and RECORD in log and "nothing was copied" in log
    assert snapshot(home) == before


def test_a_target_that_rsync_would_read_as_an_option_is_refused(tmp_path):
    output = make_output(tmp_path / "site", {"index.html": "<p>home</p>"})
    here = tmp_path / "here"
    here.mkdir()
    for target in ("--rsh=ssh:x", "--list-only", "-n"):
        status, log = deploy(output, target, cwd=here)
        assert status in (1, 2), f"{target}: {log}"
        assert "nothing was copied" in log and "index.html" not in log, f"{target}: {log}"
    assert list(here.iterdir()) == []


def test_the_output_folder_a_folder_inside_it_or_one_that_holds_it_is_refused(tmp_path):
    output = make_output(tmp_path / "site", {"index.html": "<p>home</p>", "articles/a/index.html": "a"})
    before = snapshot(output)
    for target in (output, output / "www", output / "articles", tmp_path / "site" / "." / "articles" / ".."):
        status, log = deploy(output, target)
        assert status == 1 and "output folder" in log and "nothing was copied" in log, f"{target}: {log}"
    assert snapshot(output) == before

    around = tmp_path / "around"
    inner = make_output(around / "output", {"index.html": "<p>home</p>"})
    before = snapshot(around)
    status, log = deploy(inner, around)
    assert status == 1 and "holds the output folder" in log, log
    assert snapshot(around) == before


def test_files_a_user_added_survive_and_only_what_the_site_dropped_is_deleted(tmp_path):
    output = make_output(tmp_path / "site", {
        "index.html": "<p>home</p>",
        "articles/old/index.html": "old",
        "articles/old/cover.jpg": "jpeg",
        "articles/new/index.html": "new",
    })
    target = tmp_path / "www"
    target.mkdir()  # an empty folder is a fine first target
    status, log = deploy(output, target)
    assert status == 0, log
    assert recorded(target) == {"index.html", "articles", "articles/old", "articles/old/index.html",
                                "articles/old/cover.jpg", "articles/new", "articles/new/index.html"}
    write(target / "articles" / "old" / "notes.txt", "mine")
    write(target / ".bashrc", "alias ll='ls -l'\n")
    write(target / "docs" / "thesis.tex", "\\documentclass{article}\n")

    shutil.rmtree(output / "articles" / "old")
    status, log = deploy(output, target)
    assert status == 0, log
    assert not (target / "articles" / "old" / "index.html").exists()
    assert not (target / "articles" / "old" / "cover.jpg").exists()
    assert (target / "articles" / "old" / "notes.txt").read_text() == "mine"
    assert (target / ".bashrc").exists() and (target / "docs" / "thesis.tex").exists()
    assert (target / "articles" / "new" / "index.html").read_text() == "new"
    assert recorded(target) == {"index.html", "articles", "articles/new", "articles/new/index.html"}


ODD_NAMES = ["a page.html", "star*.html", "[x].html", "q?.html", "line\nbreak.html", "-lead.html",
             "back\\slash.html", "both*\\.html", "ends in a space ", "dir [1]/in*side.html"]


def test_odd_file_names_are_deployed_recorded_and_removed(tmp_path):
    output = make_output(tmp_path / "site", {"index.html": "<p>home</p>", **{n: n for n in ODD_NAMES}})
    target = tmp_path / "www"
    status, log = deploy(output, target)
    assert status == 0, log
    for name in ODD_NAMES:
        assert (target / name).read_text() == name
    assert recorded(target) == {"index.html", "dir [1]", *ODD_NAMES}

    # A user's files whose names the gone names would match as unescaped wildcards.
    decoys = ["starX.html", "x.html", "qZ.html", "bothX.html", "dir [1]/inXside.html", "d/x"]
    for name in decoys:
        write(target / name, "mine")
    for name in ODD_NAMES:
        (output / name).unlink()
    (output / "dir [1]").rmdir()
    status, log = deploy(output, target)
    assert status == 0, log
    for name in ODD_NAMES:
        assert not (target / name).exists(), name
    for name in decoys:
        assert (target / name).read_text() == "mine", name
    assert recorded(target) == {"index.html"}


def fake_rsync_failing_on_the_copy(folder):
    """An rsync that copies as told, then fails the copy itself (the --delete run), as a dropped
    connection would."""
    real = shutil.which("rsync")
    folder.mkdir()
    script = folder / "rsync"
    script.write_text(f"""#!/bin/sh
"{real}" "$@"
for argument; do [ "$argument" = --delete ] && exit 12; done
exit 0
""")
    script.chmod(0o755)
    return folder


def test_an_interrupted_deploy_still_lets_the_next_one_delete_what_it_copied(tmp_path):
    output = make_output(tmp_path / "site", {"index.html": "<p>home</p>"})
    target = tmp_path / "www"
    status, log = deploy(output, target)
    assert status == 0, log

    write(output / "late" / "index.html", "late")
    broken = fake_rsync_failing_on_the_copy(tmp_path / "bin")
    env = {**os.environ, "PATH": f"{broken}{os.pathsep}{os.environ['PATH']}"}
    status, log = deploy(output, target, env=env)
    assert status != 0, log
    assert (target / "late" / "index.html").exists()
    assert {"late", "late/index.html"} <= recorded(target), "the record names what the failed deploy copied"

    write(target / "notes.txt", "mine")
    shutil.rmtree(output / "late")
    status, log = deploy(output, target)
    assert status == 0, log
    assert not (target / "late").exists()
    assert (target / "notes.txt").read_text() == "mine"
    assert recorded(target) == {"index.html"}


def test_a_remote_target_loses_only_what_its_previous_deploy_published(tmp_path):
    """host:path through a stand-in for ssh that runs the remote rsync here."""
    calls = tmp_path / "ssh.log"
    ssh = tmp_path / "fake-ssh"
    ssh.write_text(f"""#!/bin/sh
while [ $# -gt 0 ]; do case $1 in -l|-p|-o|-i) shift 2 ;; -*) shift ;; *) break ;; esac; done
echo "$1" >>"{calls}"
shift
exec sh -c "$*"
""")
    ssh.chmod(0o755)
    env = {**os.environ, "RSYNC_RSH": str(ssh)}
    home = tmp_path / "server" / "home"
    write(home / ".bashrc", "alias ll='ls -l'\n")
    write(home / "docs" / "thesis.tex", "\\documentclass{article}\n")
    output = make_output(tmp_path / "site", {"index.html": "<p>home</p>", "old/index.html": "old",
                                             "star*.html": "star"})

    status, log = deploy(output, f"deployhost:{home}", env=env)
    assert status == 0, log
    assert "deployhost" in calls.read_text(), "the deploy went through the remote shell"
    assert (home / "index.html").exists() and (home / "old" / "index.html").exists()
    assert (home / ".bashrc").exists() and (home / "docs" / "thesis.tex").exists(), \
        "a first deploy to a remote deletes nothing"
    assert recorded(home) == {"index.html", "old", "old/index.html", "star*.html"}

    write(home / "starX.html", "mine")
    shutil.rmtree(output / "old")
    (output / "star*.html").unlink()
    status, log = deploy(output, f"someone@deployhost:{home}/", env=env)
    assert status == 0, log
    assert not (home / "old").exists() and not (home / "star*.html").exists()
    assert (home / ".bashrc").exists() and (home / "docs" / "thesis.tex").exists()
    assert (home / "starX.html").read_text() == "mine"
    assert recorded(home) == {"index.html"}
