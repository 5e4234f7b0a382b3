"""Review of edits in git: semantic diffs, redlines, history."""
