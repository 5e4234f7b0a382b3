"""Words of the minutes: labels per language, dates (CLDR), Markdown text, templates."""
