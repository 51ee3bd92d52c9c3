"""The budget genre: budget books (預算總說明) → the agency's units, duties and headcounts.

- :mod:`.budget`          the parser (:func:`.budget.parse`): the book's organization section
- :mod:`.chart`           the organization chart (組織系統圖) and overview (組織概況), however laid out
- :mod:`.staffing_table`  the staffing tables (預算員額表) and the 員額 summary sentence

An organization chart's leadership is read as the acts read posts (:mod:`loaders.acts.posts`).
Importing the package imports none of its modules.
"""
__all__ = ["budget", "chart", "staffing_table"]
