"""Charts: the organization chart and a procedure's flow chart for print (Graphviz), and the interactive page."""
from __future__ import annotations

from .chart import units_matching, write_chart
from .html_chart import write_html_chart
from .procedure_chart import write_procedure_chart
from .render import PAPERS, Page, output_format

__all__ = ["PAPERS", "Page", "output_format", "units_matching", "write_chart", "write_html_chart",
           "write_procedure_chart"]
