"""GitHub Pages' size limit, measured as the tar that upload-pages-artifact makes."""

from __future__ import annotations

import subprocess
from pathlib import Path

from helpers import REPO_ROOT, build_site

from generator.host_limits import check_site_size, pages_tar_size


def gnu_tar_size(folder: Path, archive: Path) -> int:
    """The size of the tar of ``folder`` that GNU tar writes to ``archive``, made as
    upload-pages-artifact makes it."""
    subprocess.run(
        ["tar", "--dereference", "--hard-dereference", "--directory", str(folder), "-cf",
         str(archive), "--exclude=.git", "--exclude=.github", "."],
        check=True,
    )  # fmt: skip
    return archive.stat().st_size


def test_the_tar_size_is_exactly_what_gnu_tar_writes(site: Path, tmp_path: Path) -> None:
    expected = gnu_tar_size(site, tmp_path / "artifact.tar")
    size, files = pages_tar_size(site)
    assert size == expected
    assert files == sum(1 for p in site.rglob("*") if p.is_file())


def test_long_names_and_excluded_folders_are_counted_as_tar_does(tmp_path: Path) -> None:
    folder = tmp_path / "site"
    (folder / ("mapp-" + "x" * 120)).mkdir(parents=True)
    (folder / ("mapp-" + "x" * 120) / ("fil-" + "y" * 110 + ".html")).write_text("å" * 700)
    (folder / ".git").mkdir()
    (folder / ".git" / "HEAD").write_text("ref")
    assert pages_tar_size(folder) == (gnu_tar_size(folder, tmp_path / "a.tar"), 1)


def test_the_limits_warn_then_refuse(tmp_path: Path) -> None:
    folder = tmp_path / "site"
    folder.mkdir()
    (folder / "index.html").write_bytes(b"x" * 50_000)
    size, _ = pages_tar_size(folder)
    assert check_site_size(folder, warn_bytes=size, fail_bytes=size).problem == ""
    near = check_site_size(folder, warn_bytes=size - 1, fail_bytes=size)
    assert near.warning and not near.problem
    over = check_site_size(folder, warn_bytes=1, fail_bytes=size - 1)
    assert "GitHub Pages" in over.problem and not over.warning


def _project(tmp_path: Path, plugin_options: str) -> Path:
    """The sample project, with the vagar plugin's options set in a config that inherits."""
    project = tmp_path / "project"
    project.mkdir()
    for name in ("content", "theme"):
        (project / name).symlink_to(REPO_ROOT / name, target_is_directory=True)
    (project / "mkdocs.yml").write_text(
        f"INHERIT: {REPO_ROOT / 'mkdocs.yml'}\nplugins:\n  - vagar:\n{plugin_options}",
        encoding="utf-8",
    )
    return project


def test_a_site_over_the_limit_fails_the_build_and_keeps_the_previous_site(
    tmp_path: Path,
) -> None:
    site = tmp_path / "site"
    site.mkdir()
    (site / "previous.html").write_text("the previous build", encoding="utf-8")
    result = build_site(_project(tmp_path, "      max_site_mb: 1\n"), site)
    assert result.returncode != 0
    assert "GitHub Pages" in result.stderr and "1.0 MB" in result.stderr
    assert "Traceback" not in result.stderr
    assert sorted(p.name for p in site.iterdir()) == ["previous.html"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["project", "site"]


def test_a_site_near_the_limit_warns_and_is_published(tmp_path: Path) -> None:
    site = tmp_path / "site"
    result = build_site(_project(tmp_path, "      warn_site_mb: 1\n"), site)
    assert result.returncode == 0, result.stderr
    assert "WARNING" in result.stderr and "GitHub Pages" in result.stderr
    assert (site / "index.html").is_file()
