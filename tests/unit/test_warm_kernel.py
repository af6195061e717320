"""tools/warm_kernel.py: nbval's kernels forked from a warm server behave like normal kernels.

Each test starts real kernels with jupyter_client, as nbval does: the warm spec (launcher ->
fork server) and, to compare, the real ``python3`` spec."""

from __future__ import annotations

import ast
import json
import os
import signal
import time
from pathlib import Path

import pytest
from jupyter_client import KernelManager
from jupyter_client.kernelspec import KernelSpecManager

from tools import warm_kernel

pytestmark = pytest.mark.slow
# As `make nbval` runs them: with more, OpenBLAS starts threads when numpy is imported, and the
# server, which must not fork a process with threads, refuses.
ENV = {**os.environ, "OMP_NUM_THREADS": "1"}


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    folder = tmp_path_factory.mktemp("warm")
    server = warm_kernel.start_server(folder, ENV)
    assert server is not None
    yield folder
    warm_kernel.stop_server(server)
    assert not (folder / "server.sock").exists(), "the server did not clean up"


def start(folder: Path | None, env: dict | None = None, cwd: Path | None = None):
    """A kernel from the warm spec in ``folder`` (None: the normal python3 kernel)."""
    if folder is None:
        km = KernelManager(kernel_name="python3")
    else:
        specs = KernelSpecManager(kernel_dirs=[str(folder / "kernels")])
        km = KernelManager(kernel_name=warm_kernel.KERNEL_NAME, kernel_spec_manager=specs)
    km.start_kernel(env={**ENV, **(env or {})}, cwd=str(cwd or Path.cwd()))
    kc = km.client()
    kc.start_channels()
    kc.wait_for_ready(timeout=60)
    return km, kc


def run(kc, code: str, timeout: float = 30, **request) -> tuple[dict, list[dict]]:
    """Execute ``code``; its reply's content and its output messages."""
    outputs = []
    reply = kc.execute_interactive(code, timeout=timeout, output_hook=outputs.append, **request)
    return reply["content"], outputs


def value(kc, expression: str):
    """The value of a JSON-able ``expression`` in the kernel, from the execute reply itself
    (a user expression), not from printed output, whose stream message may come after the
    reply on a loaded machine."""
    content, _ = run(kc, "pass", user_expressions={"v": f"__import__('json').dumps({expression})"})
    result = content["user_expressions"]["v"]
    assert content["status"] == "ok" and result["status"] == "ok", content
    return json.loads(ast.literal_eval(result["data"]["text/plain"]))


STATE = """{
    "torch_already_imported": "torch" in __import__("sys").modules,
    "path": __import__("sys").path, "argv": __import__("sys").argv[1:],
    "cwd": __import__("os").getcwd(), "MPLBACKEND": __import__("os").environ.get("MPLBACKEND"),
    "seeded": (__import__("coursekit").seed_everything(3), [
        __import__("torch").rand(3).tolist(), __import__("numpy").random.rand(3).tolist(),
        __import__("random").random()])[1],
    "threads": __import__("torch").get_num_threads(),
}"""
FIGURE = "import matplotlib.pyplot as plt\nplt.plot([0, 1, 4])\nplt.title('warm')"
UNSEEDED = ("[__import__('torch').initial_seed(), __import__('numpy').random.randint(1 << 30), "
            "__import__('random').getrandbits(30)]")  # fmt: skip


def test_forked_kernel_is_a_normal_kernel(folder, tmp_path):
    """Same sys.path, argv, cwd, seeded numbers, threads and figures as the python3 kernel; its
    own unseeded random states; and it was forked (torch already imported), not started cold."""
    warm, warm_c = start(folder, cwd=tmp_path)
    cold, cold_c = start(None, cwd=tmp_path)
    other, other_c = start(folder, cwd=tmp_path)
    try:
        # First, before anything seeds: two forked kernels must not share the server's states.
        draws = zip(value(warm_c, UNSEEDED), value(other_c, UNSEEDED), strict=True)
        assert all(mine != theirs for mine, theirs in draws), "torch, numpy, random: shared"
        warm_state, cold_state = value(warm_c, STATE), value(cold_c, STATE)
        assert warm_state.pop("torch_already_imported"), "the kernel was not forked"
        assert not cold_state.pop("torch_already_imported")
        for state in (warm_state, cold_state):  # the connection files differ, by name only
            assert state["argv"][0] == "-f"
            state["argv"] = state["argv"][:1]
        assert warm_state == cold_state
        figures = []
        for kc in (warm_c, cold_c):
            reply, outputs = run(kc, FIGURE)
            assert reply["status"] == "ok"
            shown = [m["content"]["data"] for m in outputs if m["msg_type"] == "display_data"]
            assert len(shown) == 1 and "image/png" in shown[0], outputs
            figures.append(shown[0])
        assert figures[0] == figures[1]
        assert len(list((folder / "cpu").glob("*.forked"))) >= 2
    finally:
        for km, kc in ((warm, warm_c), (cold, cold_c), (other, other_c)):
            kc.stop_channels()
            km.shutdown_kernel(now=True)


def test_interrupt_kill_and_exit_status(folder):
    """SIGINT reaches the forked kernel; killing the launcher (how nbval stops a kernel) kills
    the kernel, whose CPU time the server files; the launcher exits with the kernel's status."""
    km, kc = start(folder)
    try:
        pid = value(kc, "__import__('os').getpid()")
        assert pid != km.provisioner.pid, "the kernel is the launcher: not forked"
        # stop_on_error=False: after an error ipykernel otherwise aborts the requests that reach it
        # before its "stop aborting" callback runs, which on a loaded machine can be the next one.
        kc.execute("import time; time.sleep(60)", stop_on_error=False)
        time.sleep(1)
        km.interrupt_kernel()
        reply = kc.get_shell_msg(timeout=10)
        assert reply["content"]["ename"] == "KeyboardInterrupt"
        assert value(kc, "1 + 1") == 2
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)  # SIGKILL to the launcher's process group
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            break
        time.sleep(0.05)
    else:
        pytest.fail("the kernel outlived its killed launcher")
    assert warm_kernel.forked_cpu(os.getpid(), wait=10, folder=folder) > 0
    filed = [json.loads(p.read_text()) for p in (folder / "cpu").glob(f"{os.getpid()}-*.json")]
    assert any(os.WIFSIGNALED(r["status"]) and os.WTERMSIG(r["status"]) == signal.SIGKILL
               for r in filed)  # fmt: skip

    km, kc = start(folder)
    kc.execute("import os; os._exit(3)")
    assert km.provisioner.process.wait(timeout=20) == 3
    kc.stop_channels()
    km.cleanup_resources()


def test_other_settings_get_a_normal_kernel(folder):
    """A kernel whose imports could differ (here PYTHONPATH) is started normally, and says why."""
    km, kc = start(folder, env={"PYTHONPATH": str(Path(__file__).parent)})
    try:
        assert value(kc, "'torch' in __import__('sys').modules") is False
        assert value(kc, "__import__('os').getpid()") == km.provisioner.pid
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)
    why = [p.read_text() for p in (folder / "cold").glob("*.txt")]
    assert any("sys.path" in w for w in why), why
