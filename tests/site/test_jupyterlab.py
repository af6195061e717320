"""A learner's "open and run" path: JupyterLab opens every chapter .md as a notebook and runs it.

JupyterLab is started headless on localhost the way `make lab` starts it (the repository as
the notebook directory, jupytext's contents manager enabled by its server extension), with a
random token. Through its REST API, every page of the table of contents is opened as a
notebook (contents API, type=notebook, which only works through jupytext), and for every
notebook page a session (what JupyterLab creates when you open a notebook) runs the page's first
code cell in a kernel started in the page's folder, over the kernel's websocket. The pages of
one folder share that kernel (each page's session joins it, as "use the kernel of another
notebook" does), so torch is imported once per folder: that every page also runs on its own
from a fresh kernel, nbval checks.
"""

from __future__ import annotations

import json
import os
import secrets
import socket
import subprocess
import time
import uuid
from pathlib import Path
from urllib.parse import quote

import pytest
import requests

STARTUP_TIMEOUT = 120  # seconds: JupyterLab on a busy 2-core machine
CELL_TIMEOUT = 120  # seconds: the first cell imports torch


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Lab:
    def __init__(self, url: str, token: str):
        self.url, self.token = url, token
        self.http = requests.Session()
        self.http.headers["Authorization"] = f"token {token}"

        self.folder, self.sessions = None, []  # the folder whose kernel runs, its sessions

    def api(self, method: str, path: str, **kwargs):
        response = self.http.request(method, f"{self.url}api/{path}", timeout=60, **kwargs)
        response.raise_for_status()
        return response.json() if response.content else None

    def open_notebook(self, folder: str, name: str) -> str:
        """Open ``folder/name`` as JupyterLab does (a session); return its kernel's id. The
        kernel of the folder's earlier pages is joined; another folder's is shut down first."""
        if folder != self.folder:
            if self.sessions:  # its sessions end with it
                self.api("DELETE", f"kernels/{self.kernel}")
            self.folder, self.sessions = folder, []
        kernel = {"id": self.kernel} if self.sessions else {"name": "python3"}
        session = self.api("POST", "sessions", json={
            "path": f"{folder}/{name}".lstrip("/"), "type": "notebook", "name": name,
            "kernel": kernel,
        })  # fmt: skip
        self.sessions.append(session["id"])
        self.kernel = session["kernel"]["id"]
        return self.kernel


@pytest.fixture(scope="module")
def jupyterlab(jupyter_bin, tmp_path_factory):
    repo = Path(__file__).resolve().parents[2]
    port, token = _free_port(), secrets.token_hex(16)
    runtime = tmp_path_factory.mktemp("jupyter-runtime")
    env = dict(os.environ, JUPYTER_RUNTIME_DIR=str(runtime), MPLBACKEND="Agg")
    log = open(runtime / "lab.log", "w+")  # noqa: SIM115 - closed below
    proc = subprocess.Popen(
        [
            str(jupyter_bin), "lab", "--no-browser", f"--port={port}", "--ip=127.0.0.1",
            f"--IdentityProvider.token={token}", f"--notebook-dir={repo}",
            # CI runs as root, which Jupyter refuses without this flag.
            *(["--allow-root"] if os.geteuid() == 0 else []),
        ],
        stdout=log, stderr=subprocess.STDOUT, env=env, cwd=repo,
    )  # fmt: skip
    lab = Lab(f"http://127.0.0.1:{port}/", token)
    try:
        deadline = time.monotonic() + STARTUP_TIMEOUT
        while True:
            try:
                lab.api("GET", "status")
                break
            except requests.RequestException:
                if proc.poll() is not None or time.monotonic() > deadline:
                    log.seek(0)
                    pytest.fail(f"JupyterLab did not start:\n{log.read()[-3000:]}")
                time.sleep(0.5)
        yield lab
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        log.close()


def test_jupytext_contents_manager_is_active(jupyterlab):
    """Without jupytext, the .md pages would open as text, not notebooks."""
    info = jupyterlab.api("GET", "contents/_toc.yml?content=0")
    assert info["type"] == "file"


def _run_cell(lab: Lab, kernel_id: str, code: str) -> tuple[str, list[str]]:
    """Run `code` in the kernel over its websocket; return (status, error lines)."""
    import websocket

    ws_url = lab.url.replace("http://", "ws://") + f"api/kernels/{kernel_id}/channels"
    ws = websocket.create_connection(
        ws_url, header=[f"Authorization: token {lab.token}"], timeout=CELL_TIMEOUT
    )
    try:
        msg_id = uuid.uuid4().hex
        ws.send(json.dumps({
            "header": {"msg_id": msg_id, "username": "test", "session": uuid.uuid4().hex,
                       "msg_type": "execute_request", "version": "5.3"},
            "parent_header": {}, "metadata": {}, "channel": "shell", "buffers": [],
            "content": {"code": code, "silent": False, "store_history": True,
                        "user_expressions": {}, "allow_stdin": False, "stop_on_error": True},
        }))  # fmt: skip
        errors: list[str] = []
        deadline = time.monotonic() + CELL_TIMEOUT
        while time.monotonic() < deadline:
            msg = json.loads(ws.recv())
            if msg.get("parent_header", {}).get("msg_id") != msg_id:
                continue
            kind = msg["header"]["msg_type"]
            if kind == "error":
                errors += msg["content"]["traceback"]
            if kind == "execute_reply":
                return msg["content"]["status"], errors
        return "timeout", errors
    finally:
        ws.close()


def test_page_opens_as_notebook_and_runs(jupyterlab, notebook_page):
    path = quote(notebook_page.source.name)
    folder = "/".join(notebook_page.docname.split("/")[:-1])
    api_path = f"{quote(folder)}/{path}" if folder else path
    model = jupyterlab.api("GET", f"contents/{api_path}?type=notebook&content=1")
    assert model["type"] == "notebook", f"{api_path} did not open as a notebook"
    cells = model["content"]["cells"]
    assert cells, f"{api_path} opened as an empty notebook"
    code_cells = [c for c in cells if c["cell_type"] == "code"]
    if not notebook_page.is_notebook:
        return  # a plain Markdown page (no kernelspec): opening it is all there is
    assert code_cells, f"{api_path} has a kernelspec but no code cell"
    kernel = jupyterlab.open_notebook(folder, notebook_page.source.name)
    source = code_cells[0]["source"]
    source = "".join(source) if isinstance(source, list) else source
    status, errors = _run_cell(jupyterlab, kernel, source)
    assert status == "ok", (
        f"the first code cell of {api_path} failed in JupyterLab ({status}):\n" + "\n".join(errors)
    )
