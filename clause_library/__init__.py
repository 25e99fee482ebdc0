"""The clause library of e-commerce customer-service outsourcing contracts.

Plain Python, no MkDocs: the layers follow the data flow

    yaml_source  -> read YAML files, remember where each value came from
    validation   -> schema and cross-reference checks, all problems in one run
    model        -> typed, validated objects (Library, Clause, Statute ...)
    render       -> Markdown/HTML for pages, escaped
    site_pages   -> which pages the site generates

`load_library(root)` is the one entry point for the rest of the project.
"""

from clause_library.loading import load_library
from clause_library.problems import LibraryInvalid, Problem

__all__ = ["load_library", "LibraryInvalid", "Problem"]
