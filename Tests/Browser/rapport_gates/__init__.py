"""Publish-readiness gates for a built Rapport site.

Each gate is a plain function that takes a `Site` (and, for the browser gates, a Selenium driver and
the URL the site is served at) and returns a list of `Problem`s. The pytest files in Tests/Browser are
thin wrappers that fail when a list is non-empty; test_gates_can_fail.py calls the same functions on
deliberately broken copies of the sample site, so every gate is shown to be able to fail.
"""
from .pages import Problem, Site, assert_no_problems, format_problems

__all__ = ["Problem", "Site", "assert_no_problems", "format_problems"]
