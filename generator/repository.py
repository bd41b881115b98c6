"""The way in for contributors: links into the project's repository on GitHub.

Only with MkDocs' ``repo_url`` set does the site know where its repository is; without it
every such link is left out (never a guess). The web editor's address reuses MkDocs'
``edit_uri`` as Material does for its edit button: ``repo_url`` joined with ``edit_uri`` is
the editor of ``docs_dir`` (``content/pages/``), so a content file is reached from there by its
path relative to ``docs_dir`` (``../paths/<id>.yaml``). MkDocs' default ``edit_uri`` for
GitHub (``edit/master/docs/``) does not lead to this project's ``docs_dir``; an ``edit_uri``
that does not end in ``docs_dir`` gives no edit links rather than broken ones.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from typing import Any
from urllib.parse import urljoin

ISSUE_FORM = "ny-vag.yml"
"""The "Ny väg" issue form (``.github/ISSUE_TEMPLATE/ny-vag.yml``)."""
GUIDE = "CONTRIBUTING.md"


@dataclass(frozen=True)
class Repository:
    """Where the project's files can be read and edited."""

    url: str
    """``repo_url``, e.g. ``https://github.com/org/vagar``."""
    edit_uri: str = ""
    docs_dir: str = "content/pages"
    """MkDocs' ``docs_dir`` relative to the project root, with slashes."""

    @property
    def _root(self) -> str:
        return self.url.rstrip("/") + "/"

    @property
    def _editor(self) -> str | None:
        """The web editor of ``docs_dir``, when ``edit_uri`` leads there."""
        edit_uri = self.edit_uri.strip()
        docs = self.docs_dir.strip("/") + "/"
        if not edit_uri or not edit_uri.rstrip("/").endswith(docs.rstrip("/")):
            return None
        return urljoin(self._root, edit_uri.rstrip("/") + "/")

    def edit_url(self, source: str) -> str | None:
        """The web editor of a project file (``content/paths/x.yaml``), or None."""
        editor = self._editor
        if editor is None:
            return None
        return urljoin(editor, posixpath.relpath(source, self.docs_dir))

    def edit_link(self, item: Any) -> str:
        """The web editor of the file an item (path or actor) was read from, or ``""``."""
        return self.edit_url(item.source) or ""

    def new_path_url(self) -> str:
        """GitHub's page for a new issue with the "Ny väg" form."""
        return f"{self._root}issues/new?template={ISSUE_FORM}"

    def guide_url(self) -> str:
        """The contributor guide as GitHub shows it: on the branch ``edit_uri`` names, else
        on the default branch (``HEAD``)."""
        editor = self._editor
        if editor is not None and "/edit/" in editor:
            found = urljoin(editor, posixpath.relpath(GUIDE, self.docs_dir))
            return found.replace("/edit/", "/blob/", 1)
        return f"{self._root}blob/HEAD/{GUIDE}"


def no_edit_url(item: object) -> str:
    """The edit link of any item when the repository is unknown: none."""
    return ""
