"""pytest plugin: file what nbval executed into the book's jupyter-cache, so pages run once.

    pytest --nbval-lax -p tools.nbval_cache ... _build/nbval

nbval stays the executor that checks every notebook. This plugin also records each cell's
outputs, as a notebook front end would show them (``clear_output`` and ``update_display_data``
applied, which nbval itself ignores), and when every cell of a page passed, stores the executed
page in ``_build/.jupyter_cache`` (``--nbval-cache``). MyST-NB's ``cache`` execution mode looks
notebooks up there by a hash of their code cells (source and metadata) and kernelspec, so the
cached notebook is built from the page as MyST-NB itself reads it, with nbval's outputs merged
in; ``jupyter-book build`` then reuses it ("Using cached notebook") instead of executing again.
At the end it prints each page's execution time (kernel start to last cell) and the CPU time
its kernel used (counted when the kernel exits), which machine load changes much less. A kernel
forked by tools/warm_kernel.py's server is not pytest's child: its CPU time is what the server,
its parent, got from os.wait4; the imports the server did once for all pages are not in it.

It works under pytest-xdist (``-n 2 --dist loadfile``: each page runs whole on one worker): the
cells' reports carry their outputs and times to the controlling process, which alone writes the
cache and prints the times. With two pages running at once on two cores, the sum of the page
times is more than the time nbval takes; the CPU times add up as they would one by one.
"""

from __future__ import annotations

import json
import os
import resource
from pathlib import Path

import nbformat
import pytest
from IPython.core.displayhook import DisplayHook
from nbval.kernel import RunningKernel
from nbval.plugin import IPyNbCell, IPyNbFile

LANGUAGE_INFO = {  # what ipykernel reports for Python 3; nbclient stores it the same way
    "name": "python",
    "mimetype": "text/x-python",
    "file_extension": ".py",
    "codemirror_mode": {"name": "ipython", "version": 3},
    "pygments_lexer": "ipython3",
    "nbconvert_exporter": "python",
}

_original_execute = RunningKernel.execute_cell_input
_original_get_message = IPyNbFile.get_kernel_message


def _execute(self, cell_input, allow_stdin=None):
    self.coursekit_msg_id = _original_execute(self, cell_input, allow_stdin=allow_stdin)
    return self.coursekit_msg_id


def _get_message(self, timeout=None, stream="iopub"):
    msg = _original_get_message(self, timeout=timeout, stream=stream)
    if stream == "iopub":
        self.__dict__.setdefault("coursekit_msgs", []).append(msg)
    return msg


def outputs_from_messages(msgs: list[dict], msg_id: str) -> tuple[list, int | None]:
    """The outputs a front end would show for the execute request ``msg_id``."""
    outputs: list = []
    display_ids: dict[str, list[int]] = {}
    clear_pending = False
    count = None
    for msg in msgs:
        if msg["parent_header"].get("msg_id") != msg_id:
            continue
        kind, content = msg["msg_type"], msg["content"]
        if kind == "execute_input":
            count = content.get("execution_count")
        elif kind == "clear_output":
            if content.get("wait"):
                clear_pending = True
            else:
                outputs, display_ids = [], {}
        elif kind == "update_display_data":
            display_id = content.get("transient", {}).get("display_id")
            for i in display_ids.get(display_id, []):
                outputs[i] = nbformat.v4.new_output(
                    "display_data", data=content["data"], metadata=content["metadata"]
                )
        elif kind in ("stream", "display_data", "execute_result", "error"):
            if clear_pending:
                outputs, display_ids, clear_pending = [], {}, False
            out = nbformat.v4.output_from_msg(msg)
            if kind == "stream" and outputs and outputs[-1].get("name") == out.name:
                outputs[-1].text += out.text
                continue
            display_id = content.get("transient", {}).get("display_id")
            if display_id:
                display_ids.setdefault(display_id, []).append(len(outputs))
            outputs.append(out)
    return outputs, count


def pytest_addoption(parser):
    parser.addoption(
        "--nbval-cache", default="_build/.jupyter_cache",
        help="jupyter-cache folder to file executed pages in ('' to disable)",
    )  # fmt: skip


def pytest_configure(config):
    RunningKernel.execute_cell_input = _execute
    IPyNbFile.get_kernel_message = _get_message
    config.coursekit_cpu = _children_cpu()


def _children_cpu(wait: float = 0.0) -> float:
    """CPU seconds of the kernels that ended (a page's kernel, once shut down): this process's
    children, and the kernels that tools/warm_kernel.py's server forked, reaped and filed
    (waiting up to ``wait`` seconds for those: a killed launcher ends before its kernel)."""
    from tools import warm_kernel  # here: `-p tools.warm_kernel`, later, imports it as a plugin

    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime + warm_kernel.forked_cpu(os.getpid(), wait)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_call(item):
    if isinstance(item, IPyNbCell):
        item.parent.coursekit_msgs = []
    yield
    if isinstance(item, IPyNbCell):
        msg_id = getattr(item.parent.kernel, "coursekit_msg_id", None)
        outputs, count = outputs_from_messages(item.parent.coursekit_msgs, msg_id)
        item.coursekit_cell = [item.cell_num, item.cell.source, outputs, count]


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    """Each cell's reports carry what the page record needs, as JSON in user_properties: under
    pytest-xdist the workers execute the pages and only the reports reach the controlling
    process, which files the pages in the cache (one writer) and prints the times."""
    outcome = yield
    if not isinstance(item, IPyNbCell):
        return
    report = outcome.get_result()
    # The kernel's CPU arrives when it exits, in the page's last teardown (RunningKernel.stop
    # deletes its .km).
    stopped = call.when == "teardown" and not hasattr(getattr(item.parent, "kernel", None), "km")
    cpu = _children_cpu(wait=10.0 if stopped else 0.0)
    record = {
        "page": item.parent.nodeid,
        "source": item.parent.nb.metadata.get("coursekit_source"),
        "cpu": cpu - item.config.coursekit_cpu,
    }
    item.config.coursekit_cpu = cpu
    if call.when == "call" and hasattr(item, "coursekit_cell"):
        record["cell"] = item.coursekit_cell
    # A new list: the report's list is the item's own, shared by its three reports.
    report.user_properties = [*report.user_properties, ("coursekit_page", json.dumps(record))]


def _seconds_last_time(cache_dir: str) -> dict[str, float]:
    """Each page's execution time when it was last filed in the cache, by source path."""
    if not cache_dir or not Path(cache_dir).is_dir():
        return {}
    from jupyter_cache import get_cache

    records = sorted(get_cache(cache_dir).list_cache_records(), key=lambda r: r.pk)
    return {r.uri: r.data.get("execution_seconds", 0.0) for r in records}  # the newest wins


def pytest_collection_modifyitems(session, config, items):
    """The pages that took longest last time run first: two workers then finish close together,
    instead of one running a long page alone at the end (xdist hands out the pages in this
    order with --no-loadscope-reorder). The sort is stable: a page's cells keep their order."""
    seconds = _seconds_last_time(config.getoption("nbval_cache"))
    if seconds:
        items.sort(key=lambda item: -seconds.get(
            getattr(item.parent, "nb", None) and item.parent.nb.metadata.get("coursekit_source"),
            0.0))  # fmt: skip


_pages: dict = {}  # page node id -> {"source", "seconds", "cpu", "failed", "cells"}


def pytest_runtest_logreport(report):
    for name, value in report.user_properties:
        if name != "coursekit_page":
            continue
        record = json.loads(value)
        page = _pages.setdefault(record["page"], {
            "source": record["source"], "seconds": 0.0, "cpu": 0.0, "failed": False, "cells": {},
        })  # fmt: skip
        page["seconds"] += report.duration  # setup (the first starts the kernel), call, teardown
        page["cpu"] += record["cpu"]
        page["failed"] |= report.failed or report.skipped
        if "cell" in record:
            index, source, outputs, count = record["cell"]
            page["cells"][index] = (source, nbformat.from_dict(outputs), count)


def cache_page(cache, source: Path, cells: dict, seconds: float) -> int:
    """Store ``source`` (a MyST page) with nbval's outputs; return the cache record id."""
    from jupyter_cache.base import CacheBundleIn
    from myst_nb.core.read import read_myst_markdown_notebook
    from myst_parser.config.main import MdParserConfig

    nb = read_myst_markdown_notebook(source.read_text("utf8"), MdParserConfig(), path=str(source))
    code = [cell for cell in nb.cells if cell.cell_type == "code"]
    executed = [cells[i] for i in sorted(cells)]
    if len(code) != len(executed):
        raise ValueError(f"{source}: MyST-NB reads {len(code)} code cells, nbval ran "
                         f"{len(executed)}")
    for cell, (src, outputs, count) in zip(code, executed, strict=True):
        if cell.source.strip() != src.strip():
            raise ValueError(f"{source}: jupytext and MyST-NB read a code cell differently")
        if DisplayHook.semicolon_at_end_of_expression(src):
            # IPython hides a result after a trailing ";", but under nbval (store_history=False)
            # it checks the previous cell's text instead and shows it.
            outputs = [out for out in outputs if out.output_type != "execute_result"]
        cell.outputs, cell.execution_count = outputs, count
    nb.metadata["language_info"] = LANGUAGE_INFO
    record = cache.cache_notebook_bundle(
        CacheBundleIn(nb, str(source), data={"execution_seconds": seconds}),
        check_validity=False, overwrite=True,
    )  # fmt: skip
    return record.pk


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    pages = _pages
    if not pages or hasattr(config, "workerinput"):  # a pytest-xdist worker: the controller does it
        return
    cache = None
    if config.getoption("nbval_cache"):
        from jupyter_cache import get_cache

        cache = get_cache(config.getoption("nbval_cache"))
    write = terminalreporter.write_line
    terminalreporter.section("page execution times (nbval, kernel start to last cell; kernel CPU)")
    total = total_cpu = 0.0
    for nodeid, page in sorted(pages.items(), key=lambda kv: -kv[1]["seconds"]):
        total += page["seconds"]
        total_cpu += page["cpu"]
        source = page["source"]
        note = ""
        if page["failed"]:
            note = "not cached: a cell failed or was skipped"
        elif cache is not None and source:
            pk = cache_page(cache, Path(source), page["cells"], page["seconds"])
            note = f"cached for the book build, ID={pk}"
        write(f"{page['seconds']:7.1f} s  ({page['cpu']:5.1f} s CPU)  {nodeid}  {note}")
    write(f"{total:7.1f} s  ({total_cpu:5.1f} s CPU)  in all, {len(pages)} pages, each executed "
          "once")
    workers = config.getoption("numprocesses", None)  # pytest-xdist's -n
    if isinstance(workers, int) and workers > 1:
        write(f"pages ran {workers} at a time, sharing the cores: nbval's own time (below) is less "
              "than the sum")
