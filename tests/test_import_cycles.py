"""No import cycle at run time: every module of imr_companion can be read knowing only those below it.

A cycle makes the order modules load in matter, and it is how a widget ends
up needing the whole app. Imports inside functions count (they run); those
under `if TYPE_CHECKING:` do not (mypy alone reads them).
"""

from __future__ import annotations

import grimp


def cycles(graph: grimp.ImportGraph) -> list[list[str]]:
    """The groups of modules that import each other, round and back (Tarjan's strongly connected parts)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(module: str) -> None:
        index[module] = low[module] = len(index)
        stack.append(module)
        for imported in graph.find_modules_directly_imported_by(module):
            if imported not in index:
                visit(imported)
                low[module] = min(low[module], low[imported])
            elif imported in stack:
                low[module] = min(low[module], index[imported])
        if low[module] == index[module]:
            group = []
            while True:
                member = stack.pop()
                group.append(member)
                if member == module:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for module in sorted(graph.modules):
        if module not in index:
            visit(module)
    return found


def test_the_package_has_no_import_cycle_at_run_time():
    graph = grimp.build_graph("imr_companion", exclude_type_checking_imports=True, cache_dir=None)
    found = cycles(graph)
    described = []
    for group in found:
        lines = [
            f"  {importer} -> {imported} (line {detail['line_number']})"
            for importer in group
            for imported in group
            for detail in graph.get_import_details(importer=importer, imported=imported)
        ]
        described.append("\n".join(lines))
    assert not found, "Modules that import each other:\n" + "\n\n".join(described)


def test_a_cycle_is_found():
    """The search itself: a graph with a loop of three and a module outside it."""
    graph = grimp.ImportGraph()
    for importer, imported in (("a", "b"), ("b", "c"), ("c", "a"), ("c", "d")):
        graph.add_import(importer=importer, imported=imported)
    assert cycles(graph) == [["a", "b", "c"]]
