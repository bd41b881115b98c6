"""Vägar till jobb: anonymised success paths of job seekers, from YAML to a searchable site.

The stages, in order: load (YAML with positions) → validate (schema, vocabularies, references)
→ model (frozen dataclasses) → enrich (aggregates) → render (Jinja2 pages) → search (Pagefind).
Only ``generator.plugin`` knows MkDocs.
"""
