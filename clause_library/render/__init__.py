"""Render the library to Markdown for a static-site generator.

Every piece of text that comes from YAML goes through `markup.html`/`markup.md_inline`, so it
reaches the page as data: never as HTML, never as template code.
"""
