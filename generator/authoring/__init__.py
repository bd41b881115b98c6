"""Writing path files: `vagar new` (questions or flags) and `vagar from-issue` (a "Ny väg"
issue), both driven by the field table (``generator.fields``).

- ``choices``: what fields choose from, loose matching, ids made from titles
- ``draft``: answers, and the plain data in the schema's shape they become
- ``item_line``: one item of a list of groups on one line (``--step``, the issue form)
- ``questions``: asking one thing (a text, a term, a number), or reading it once
- ``interview``: answers resolved field by field, by the table, asking when someone can answer
- ``path_yaml``: the commented YAML text of a path, from plain data
- ``new``: the `vagar new` command: flags, checking, saving
- ``issue_form``: the `vagar from-issue` command
"""
