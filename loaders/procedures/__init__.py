"""The procedures genre: standard operating procedures (作業程序) → procedure and step records.

- :mod:`.procedures`       the parser (:func:`.procedures.parse`): one document, many procedures, their steps
- :mod:`.procedure_flow`   flow charts written as text (mermaid ``graph TD`` blocks, arrow chains)
- :mod:`.procedure_units`  the units named as acting in a step, resolved to unit paths, with their role
- :mod:`.procedure_rules`  rules of office rules a planner asks about like procedures (the acts parser adds them)

Importing the package imports none of its modules: a load of organization acts alone compiles none of
their patterns.
"""
__all__ = ["procedure_flow", "procedure_rules", "procedure_units", "procedures"]
