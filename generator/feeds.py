"""Atom feeds (RFC 4287) of the newest paths: one for the site, one per occupation.

Readers and counsellors follow new paths in their feed reader. The feeds are built with
ElementTree, so every text is escaped by the XML writer, never by hand.

Three choices the RFC leaves to us:

- **Ids** are ``urn:uuid:`` names made from the path's id (UUID version 5), not page URLs, so
  an entry keeps its identity when the site moves to another address or sub-path.
- **Links** are absolute when MkDocs' ``site_url`` is known. Without it the address is unknown,
  and links are written relative to the feed file itself (``vagar/x/`` in ``feed.xml``,
  ``../../vagar/x/`` in ``yrken/<id>/feed.xml``): feed readers resolve them against the URL
  they fetched the feed from, which carries the sub-path, so they still lead to the page.
- **Times**: a path has a year and never a date (anonymity), but Atom wants a timestamp for
  every entry; an entry's ``updated`` is 1 January of the year the path ended, which says no
  more than the page does. The feed's ``updated`` is the build time.
"""

from __future__ import annotations

import uuid
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from generator.enrich import SiteData, newest_first
from generator.model import Path
from generator.pages import relative, url_for

ATOM = "http://www.w3.org/2005/Atom"
FEED = "feed.xml"
FEED_SIZE = 50
"""Entries in a feed: the newest paths; a reader needs no more than the latest."""
ID_NAMESPACE = uuid.UUID("5b0c0c44-1d5e-4f38-9a7a-2a4b7f1f0c2e")
"""Fixed for this project: the UUIDs of its entries and feeds are made in it."""

Absolute = Callable[[str], str] | None
"""A site-relative URL -> absolute, when ``site_url`` is known; else None."""


def occupation_feed(occupation: Any) -> str:
    """The feed of one occupation's paths, beside its page: ``yrken/<id>/feed.xml``."""
    return url_for("occupation", occupation) + FEED


def entry_id(path: Path) -> str:
    """The entry's id: the same for the same path wherever the site is served."""
    return uuid.uuid5(ID_NAMESPACE, f"path:{path.id}").urn


def _link(target: str, feed_file: str, absolute: Absolute) -> str:
    if absolute is not None:
        return absolute(target)
    return relative(target, feed_file.rpartition("/")[0] + "/" if "/" in feed_file else "")


def atom_feed(
    *,
    file: str,
    title: str,
    page: str,
    paths: Iterable[Path],
    strings: Mapping[str, Any],
    updated: str,
    absolute: Absolute,
) -> str:
    """One Atom feed at ``file`` (site-relative) whose HTML page is ``page``."""
    t = strings
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed", {"{http://www.w3.org/XML/1998/namespace}lang": "sv"})

    def add(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
        element = ET.SubElement(parent, f"{{{ATOM}}}{tag}", attrs)
        if text is not None:
            element.text = text
        return element

    add(feed, "id", uuid.uuid5(ID_NAMESPACE, f"feed:{file}").urn)
    add(feed, "title", title)
    add(feed, "subtitle", t["feed"]["subtitle"])
    add(feed, "updated", updated)
    author = add(feed, "author")
    add(author, "name", t["site_name"])
    add(feed, "link", rel="self", type="application/atom+xml", href=_link(file, file, absolute))
    add(feed, "link", rel="alternate", type="text/html", href=_link(page, file, absolute))
    add(feed, "rights", t["licence"]["feed"])
    for path in list(paths)[:FEED_SIZE]:
        entry = add(feed, "entry")
        add(entry, "id", entry_id(path))
        name = t["example"]["search_title"].format(title=path.title) if path.example else path.title
        add(entry, "title", name)
        add(entry, "updated", f"{path.year}-01-01T00:00:00Z")
        href = _link(url_for("path", path), file, absolute)
        add(entry, "link", rel="alternate", type="text/html", href=href)
        add(entry, "summary", path.summary)
        add(entry, "category", term=path.occupation.id, label=path.occupation.label)
        if path.example:
            add(entry, "category", term="exempel", label=t["example"]["label"])
    ET.indent(feed)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(feed, encoding="unicode") + "\n"


def feeds(
    site: SiteData, strings: Mapping[str, Any], updated: str, absolute: Absolute
) -> dict[str, str]:
    """``feed.xml`` and ``yrken/<id>/feed.xml`` for every occupation with paths."""
    t = strings
    files = {
        FEED: atom_feed(
            file=FEED,
            title=t["feed"]["title"],
            page=url_for("home"),
            paths=newest_first(site.content.paths.values()),
            strings=t,
            updated=updated,
            absolute=absolute,
        )
    }
    for summary in site.occupations.values():
        occupation = summary.occupation
        file = occupation_feed(occupation)
        files[file] = atom_feed(
            file=file,
            title=t["feed"]["occupation_title"].format(label=occupation.label),
            page=url_for("occupation", occupation),
            paths=summary.paths,
            strings=t,
            updated=updated,
            absolute=absolute,
        )
    return files
