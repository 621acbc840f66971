"""Figures of the hostile-input suite (test_hostile_input.py) at the end of a run.

The tests put their counts in ``user_properties`` (``record_property``), which also travel
from pytest-xdist workers to the main process."""

from collections import Counter
from typing import Any


def pytest_terminal_summary(terminalreporter: Any) -> None:
    total: Counter[str] = Counter()
    not_covered: set[str] = set()
    for report in terminalreporter.stats.get("passed", []) + terminalreporter.stats.get(
        "failed", []
    ):
        if getattr(report, "when", "call") != "call":
            continue
        for name, value in getattr(report, "user_properties", []):
            if name == "hostile_input":
                total.update(value)
            elif name == "hostile_input_not_covered":
                not_covered.update(value)
    if total:
        figures = ", ".join(f"{value} {name}" for name, value in sorted(total.items()))
        terminalreporter.write_line(f"hostile input: {figures}")
    if not_covered:
        names = ", ".join(sorted(not_covered))
        terminalreporter.write_line(f"hostile input: no URL arguments known for {names}")
