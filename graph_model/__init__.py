"""Graph model: records, the OrgGraph, naming, errors, and the genre builders."""
from . import procedures  # noqa: F401  (registers the procedures builder)
