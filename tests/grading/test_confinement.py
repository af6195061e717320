"""What student code cannot reach, whoever runs the grader (issue 12).

Student code may write only inside its own folder; it cannot read the course (checks, reference
answers, exercises) wherever that course lies, nor another submission's folder, nor anything in
the temporary folder but its own; it cannot signal the grader or other workers; its SysV shared
memory dies with it and counts against its memory; its children's memory counts too. The
targets are world-readable files and folders open to every uid, so only the confinement (not
the uid a root grader drops to) stands between the student and them. ``as_nobody`` runs a
command as a normal user (uid 65534), for the tests that grade as one.
"""

from __future__ import annotations

import errno
import json
import mmap
import os
import re
import shlex
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from contextlib import suppress
from pathlib import Path

import pytest

from coursekit.grading import GradingFailure, landlock
from coursekit.grading.course import Course
from coursekit.grading.isolation import (
    MEMORY_SLACK_MB,
    SOCKET_BYTES,
    Student,
    Worker,
    _own_namespace,
)
from tests.conftest import require

REPO = Path(__file__).resolve().parents[2]
NOBODY = 65534
ANSWERS = """
import ctypes, os

# Seconds a memory test's processes hold what they built. The watch must see all of it at once,
# and building is slow and uneven on a busy machine (4 s let children that finished at
# different times slip past it), so they hold until the watch stops them.
HOLD = 60

def write(path):
    with open(path, "w") as f:
        f.write("planted by a submission")
    return True

def remove(path):
    os.remove(path)
    return True

def make_folder(path):
    os.mkdir(path)
    return True

def read(path):
    with open(path) as f:
        return f.read()

def listing(path):
    return sorted(os.listdir(path))

def where():
    return __file__

def sleep_for(seconds, child=False):
    import subprocess, time
    if child:  # in a session of its own, as a daemon would
        subprocess.Popen(["sleep", "299"], start_new_session=True)
    time.sleep(seconds)
    return True

def scratch():
    path = os.path.join(os.environ["HOME"], "scratch", "notes.txt")
    os.makedirs(os.path.dirname(path))
    with open(path, "w") as f:
        f.write("mine")
    with open(os.devnull, "w") as f:
        f.write("discarded")
    with open(path) as f:
        return f.read()

def signal(pid):
    os.kill(pid, 0)
    return True

def fill(mib, per_file_mib, hide=False):
    import time
    if hide:  # inside a folder the grader's user cannot list (as the same user)
        os.mkdir("hidden")
        os.chdir("hidden")
    for i in range(mib // per_file_mib):
        with open(f"f{i}", "wb") as f:
            f.write(b"x" * (per_file_mib << 20))
    if hide:
        os.chdir("..")
        os.chmod("hidden", 0)
    time.sleep(2)
    return True

def touch(count):
    import time
    for i in range(count):
        open(f"empty{i}", "w").close()
    time.sleep(2)
    return True

def connect(port):
    import socket
    with socket.create_connection(("127.0.0.1", port), timeout=2):
        return True

def datagram(port):
    import socket
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as udp:
        udp.sendto(b"a hidden test's inputs", ("127.0.0.1", port))
    return True

def pid():
    return os.getpid()

def swap_links(target, pairs, seconds):
    import threading, time
    libc = ctypes.CDLL(None, use_errno=True)
    for i in range(pairs):  # a folder no one may read and a link, swapped again and again
        os.mkdir(f"d{i}", 0)
        os.symlink(target, f"l{i}")

    def swap():  # renameat2(AT_FDCWD, d, AT_FDCWD, l, RENAME_EXCHANGE): x86-64, arm64
        number = {"x86_64": 316, "aarch64": 276}[os.uname().machine]
        while True:
            for i in range(pairs):
                libc.syscall(number, -100, f"d{i}".encode(), -100, f"l{i}".encode(), 2)

    threading.Thread(target=swap, daemon=True).start()
    time.sleep(seconds)
    return True

def shm(key, count, mb):
    libc = ctypes.CDLL(None, use_errno=True)
    made = 0
    for i in range(count):
        if libc.shmget(key + i, mb << 20, 0o1666) < 0:  # IPC_CREAT | 0666
            break
        made += 1
    return made

def find_shm(key):
    return ctypes.CDLL(None).shmget(key, 0, 0o666) >= 0

def add_key(name):  # add_key("user", name, ..., KEY_SPEC_USER_KEYRING): x86-64
    return ctypes.CDLL(None).syscall(248, b"user", name.encode(), b"answers", 7, -4)

def find_key(name):  # keyctl(KEYCTL_SEARCH, KEY_SPEC_USER_KEYRING, "user", name, 0)
    return ctypes.CDLL(None).syscall(250, 10, -4, b"user", name.encode(), 0)

def watch_folder(path):  # inotify_init1(0), then inotify_add_watch(fd, path, IN_ALL_EVENTS)
    libc = ctypes.CDLL(None, use_errno=True)
    fd = libc.syscall(294, 0)
    if fd < 0:
        return -ctypes.get_errno()
    return libc.syscall(254, fd, path.encode(), 0xFFF)

def files_out_of_reach(levels, files, mb):
    folder = os.open(".", os.O_DIRECTORY)
    for _ in range(levels):  # 255 bytes a name: the path soon outgrows PATH_MAX (4096)
        os.mkdir("d" * 255, dir_fd=folder)
        below = os.open("d" * 255, os.O_DIRECTORY, dir_fd=folder)
        os.close(folder)
        folder = below
    for i in range(files):
        fd = os.open(str(i), os.O_WRONLY | os.O_CREAT, 0o600, dir_fd=folder)
        os.write(fd, b"x" * (mb << 20))
        os.close(fd)
    import time
    time.sleep(3)
    return True

def deep(levels):
    folder = os.open(".", os.O_DIRECTORY)
    for _ in range(levels):  # each level opened from the one above: no path grows too long
        os.mkdir("d", dir_fd=folder)
        below = os.open("d", os.O_DIRECTORY, dir_fd=folder)
        os.close(folder)
        folder = below
    return True

def shared_with_a_child(mb):
    import mmap, time
    chunk, shared = 16 << 20, mmap.mmap(-1, mb << 20, flags=mmap.MAP_SHARED)
    (r1, w1), (r2, w2) = os.pipe(), os.pipe()
    child = os.fork()
    for at in range(0, mb << 20, chunk):  # each page touched by both: no one's private page
        if child:
            shared[at:at + chunk] = b"x" * chunk
            os.write(w1, b".")
            os.read(r2, 1)
        else:
            os.read(r1, 1)
            shared[at:at + chunk]
            os.write(w2, b".")
    time.sleep(HOLD)
    if not child:
        os._exit(0)
    return True

def _mmap():
    libc = ctypes.CDLL(None, use_errno=True)
    libc.mmap.restype = ctypes.c_void_p
    libc.mmap.argtypes = [ctypes.c_void_p, ctypes.c_size_t, ctypes.c_int, ctypes.c_int,
                          ctypes.c_int, ctypes.c_long]
    return libc.mmap

def mapped_files(count, mb, page_only):
    import time
    mmap = _mmap()
    for i in range(count):  # allocated, mapped, closed, removed: held by the mapping alone
        fd = os.open(f"f{i}", os.O_RDWR | os.O_CREAT)
        os.posix_fallocate(fd, 0, mb << 20)
        size = 4096 if page_only else mb << 20
        assert mmap(None, size, 3, 1, fd, 0) not in (None, 2**64 - 1)  # MAP_SHARED
        os.close(fd)
        os.unlink(f"f{i}")
    time.sleep(HOLD)
    return True

def many_mappings(children, count):
    import time
    mmap = _mmap()
    for _ in range(children):
        if os.fork() == 0:
            for _ in range(count):  # a page each, shared, never touched: kernel memory only
                mmap(None, 4096, 3, 0x21, -1, 0)  # MAP_SHARED | MAP_ANONYMOUS
            time.sleep(30)  # held until the watch stops them: mapping is slow on a busy machine
            os._exit(0)
    time.sleep(35)
    return True

def nested_namespaces(children, mb):
    import time
    libc = ctypes.CDLL(None, use_errno=True)
    for _ in range(children):
        if os.fork() == 0:  # a pid and IPC namespace of its own, where the watch saw nothing
            libc.unshare(0x10000000 | 0x20000000 | 0x08000000)
            if os.fork() == 0:
                held = b"x" * (mb << 20)
                time.sleep(5)
                os._exit(len(held) == 0)
            time.sleep(5)
            os._exit(0)
    time.sleep(6)
    return True

def leader_exits():
    import threading
    import time
    libc = ctypes.CDLL(None, use_errno=True)
    if os.fork() == 0:
        def hold():
            time.sleep(1)  # its main thread is gone by then: /proc shows this memory nowhere
            held = b"x" * (64 << 20)
            time.sleep(30)
            return held
        threading.Thread(target=hold).start()
        libc.syscall({"x86_64": 60, "aarch64": 93}[os.uname().machine], 0)  # exit, this thread
    time.sleep(20)
    return True

def terminals():
    import glob
    said = {}
    for path in ["/dev/ptmx", "/dev/tty", *glob.glob("/dev/pts/*"), *glob.glob("/dev/tty?*")]:
        try:
            os.close(os.open(path, os.O_RDONLY | os.O_NOCTTY | os.O_NONBLOCK))
            said[path] = 0
        except OSError as exc:
            said[path] = exc.errno
    return said

def task_clock():  # a perf_event_attr: this process's user-space task clock, which
    # perf_event_paranoid 2 (Debian's default) allows without privileges
    import struct
    attr = bytearray(128)
    struct.pack_into("=IIQ", attr, 0, 1, 128, 1)  # PERF_TYPE_SOFTWARE, size, TASK_CLOCK
    struct.pack_into("=Q", attr, 40, 1 | 1 << 5 | 1 << 6)  # disabled, exclude kernel and hv
    return bytes(attr)

def refused_calls():
    import fcntl
    import threading
    libc = ctypes.CDLL(None, use_errno=True)
    said = {}
    for name, call in [("msgget", lambda: libc.msgget(0, 0o1600)),  # IPC_PRIVATE, IPC_CREAT
                       ("semget", lambda: libc.semget(0, 1, 0o1600)),
                       ("unshare", lambda: libc.unshare(0x10000000)),
                       ("memfd_create", lambda: os.memfd_create("m")),
                       ("io_uring_setup",
                        lambda: libc.syscall(425, 8, ctypes.create_string_buffer(120))),
                       ("memfd_secret", lambda: libc.syscall(447, 0)),
                       ("vmsplice", lambda: libc.vmsplice(os.pipe()[1], None, 0, 0)),
                       ("splice", lambda: libc.splice(os.pipe()[0], None, os.pipe()[1], None,
                                                      1, 2)),  # SPLICE_F_NONBLOCK
                       ("tee", lambda: libc.tee(os.pipe()[0], os.pipe()[1], 1, 2)),
                       ("sendfile", lambda: os.sendfile(os.pipe()[1], os.open(".", 0), 0, 1)),
                       ("lease", lambda: fcntl.fcntl(os.open("own", os.O_CREAT | os.O_RDONLY),
                                                     fcntl.F_SETLEASE, fcntl.F_RDLCK)),
                       ("notify", lambda: fcntl.fcntl(os.open(".", os.O_RDONLY), fcntl.F_NOTIFY,
                                                      fcntl.DN_ACCESS)),
                       ("mlock", lambda: libc.mlock(ctypes.create_string_buffer(4096), 4096)),
                       ("record_lock", lambda: fcntl.lockf(os.open("own", os.O_RDWR),
                                                           fcntl.LOCK_EX | fcntl.LOCK_NB)),
                       ("flock", lambda: fcntl.flock(os.open("own", os.O_RDONLY), fcntl.LOCK_EX)),
                       ("setxattr", lambda: os.setxattr("own", "user.k", b"v")),
                       ("unix_socket", lambda: __import__("socket").socket(1).fileno() > 0),
                       ("socketpair", lambda: len(__import__("socket").socketpair())),
                       ("send_fds", lambda: __import__("socket").send_fds(
                           __import__("socket").socketpair()[0], [b"x"], [0])),
                       ("thread_own_fds", lambda: thread_with_own_descriptors(libc)),
                       # close_range(CLOSE_RANGE_UNSHARE), closing nothing: a table of its own
                       ("close_range_unshare", lambda: libc.syscall(436, 1000, 1000, 2)),
                       ("io_setup", lambda: libc.syscall({"x86_64": 206, "aarch64": 0}[
                           os.uname().machine], 8, ctypes.byref(ctypes.c_ulong(0)))),
                       # UFFD_USER_MODE_ONLY: allowed without privileges where the sysctl
                       # vm.unprivileged_userfaultfd is 0 too
                       ("userfaultfd", lambda: libc.syscall({"x86_64": 323, "aarch64": 282}[
                           os.uname().machine], 1)),
                       ("perf_event_open", lambda: libc.syscall({"x86_64": 298, "aarch64": 241}[
                           os.uname().machine], ctypes.create_string_buffer(task_clock()), 0, -1,
                           -1, 0)),
                       # last, its errno fresh: 1 GiB in a file of size 0 (FALLOC_FL_KEEP_SIZE)
                       ("fallocate", lambda: libc.fallocate(os.open("own", os.O_RDWR), 1,
                                                            ctypes.c_long(0),
                                                            ctypes.c_long(1 << 30))),
                       ("posix_fallocate", lambda: os.posix_fallocate(os.open("own", os.O_RDWR),
                                                                      0, 1 << 20))]:
        try:
            said[name] = call()
        except OSError as exc:
            said[name] = -exc.errno
        if said[name] == -1:
            said[name] = -ctypes.get_errno()
    done = []  # threads and processes still start (glibc falls back from clone3 to clone)
    thread = threading.Thread(target=done.append, args=(1,))
    thread.start()
    thread.join()
    pid = os.fork()
    if pid == 0:
        os._exit(7)
    said["thread"], said["fork"] = done, os.waitpid(pid, 0)[1] >> 8
    import shutil  # copies without sendfile
    with open("a", "w") as f:
        f.write("copied")
    shutil.copyfile("a", "b")
    said["copy"] = open("b").read()
    return said

def thread_with_own_descriptors(libc):
    # clone(CLONE_VM | CLONE_FS | CLONE_SIGHAND | CLONE_THREAD | CLONE_SYSVSEM), not CLONE_FILES:
    # a thread of this process with a copy of its descriptor table, asleep in pause()
    libc.clone.argtypes = [ctypes.c_void_p, ctypes.c_void_p, ctypes.c_int, ctypes.c_void_p]
    global _stack
    _stack = ctypes.create_string_buffer(1 << 16)
    return libc.clone(ctypes.cast(libc.pause, ctypes.c_void_p).value,
                      ctypes.addressof(_stack) + (1 << 16) - 64, 0x50B00, None)

def socket_buffers(children, pairs, kb):
    import socket
    import time
    for _ in range(children):
        if os.fork() == 0:
            held = [socket.socketpair() for _ in range(pairs)]
            for a, _b in held:  # kernel memory, queued: no process maps it
                a.setblocking(False)
                a.send(b"x" * (kb << 10))
            time.sleep(HOLD)
            os._exit(0)
    time.sleep(HOLD + 1)
    return True

def epoll_watches(children):
    import select, time
    for _ in range(children):
        if os.fork() == 0:
            polls = [select.epoll() for _ in range(80)]
            targets = [os.eventfd(0) for _ in range(80)]
            numbers = [os.dup(targets[0]) for _ in range(80)]
            for target in targets:  # each file watched under 81 numbers in each of 80 polls
                for number in [target, *numbers]:
                    if number != target:
                        os.dup2(target, number)
                    for poll in polls:
                        poll.register(number, select.EPOLLIN)
            time.sleep(HOLD)
            os._exit(0)
    return [os.wait()[1] for _ in range(children)]

def page_tables(mb):
    import ctypes
    import time
    libc = ctypes.CDLL(None, use_errno=True)
    libc.mmap.restype, libc.madvise.argtypes = ctypes.c_void_p, [ctypes.c_void_p, ctypes.c_size_t,
                                                                  ctypes.c_int]
    libc.mmap.argtypes = [ctypes.c_void_p, ctypes.c_size_t, ctypes.c_int, ctypes.c_int,
                          ctypes.c_int, ctypes.c_long]
    for _ in range(mb // 128):  # 64 GiB read-only: the zero page everywhere, 128 MiB of tables
        at = libc.mmap(None, 64 << 30, 1, 0x22 | 0x4000, -1, 0)  # private, anonymous, no reserve
        libc.madvise(at, 64 << 30, 15)  # MADV_NOHUGEPAGE: a table for every 4 KiB page
        libc.madvise(at, 64 << 30, 22)  # MADV_POPULATE_READ
    time.sleep(HOLD)
    return True

def fork_and_allocate(children, mb):
    import time
    pids = []
    for _ in range(children):
        pid = os.fork()
        if pid == 0:
            held = b"x" * (mb << 20)
            time.sleep(HOLD)
            os._exit(len(held) == 0)
        pids.append(pid)
    return [os.waitpid(p, 0)[1] for p in pids]
"""


@pytest.fixture
def answers(tmp_path) -> Path:
    module = tmp_path / "answers.py"
    module.write_text(ANSWERS)
    return module


@pytest.fixture
def open_folder():
    """A folder every uid may write to, holding a file every uid may change."""
    folder = Path(tempfile.mkdtemp(prefix="coursekit-confinement-", dir="/tmp"))
    folder.chmod(0o777)
    victim = folder / "victim.txt"
    victim.write_text("precious")
    victim.chmod(0o666)
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


def _refused(student, fn: str, *args) -> None:
    """Landlock refuses (EACCES), or the read-only mount namespace before it (EROFS)."""
    with pytest.raises(GradingFailure, match="PermissionError|Read-only file system"):
        getattr(student, fn)(*args)


def test_writes_outside_the_student_folder_are_refused(answers, open_folder):
    require(landlock.abi_version() >= 1, "this kernel has no Landlock (Linux 5.13+)")
    with Worker() as worker:
        student = Student(worker, "k", "answers", answers)
        assert student.scratch() == "mine"  # its own folder and /dev/null stay usable
        assert worker.confinement == ""
        for fn, name in [("write", "planted.txt"), ("write", "victim.txt"),
                         ("remove", "victim.txt"), ("make_folder", "planted")]:  # fmt: skip
            _refused(student, fn, str(open_folder / name))
    assert sorted(p.name for p in open_folder.iterdir()) == ["victim.txt"]
    assert (open_folder / "victim.txt").read_text() == "precious"


def test_the_course_and_hidden_folders_cannot_be_read(answers, open_folder):
    """Nor the rest of the repository: answers in other idioms beside the reference, the
    solutions with torch.optim, the git history (it holds every version of the answers)."""
    require(landlock.abi_version() >= 1, "this kernel has no Landlock (Linux 5.13+)")
    course = Course.at(REPO)
    elsewhere = [REPO / "tests/grading/outside/linear_regression.py",
                 REPO / "tests/grading/torch_optimizers.py", REPO / "README.md"]  # fmt: skip
    elsewhere += [REPO / ".git"] if (REPO / ".git").exists() else []
    with Worker(hidden=[open_folder], course=course) as worker:
        student = Student(worker, "k", "answers", answers)
        assert student.read("/etc/hostname") == Path("/etc/hostname").read_text()
        init = REPO / "coursekit/__init__.py"  # coursekit itself stays readable (public)
        assert student.read(str(init)) == init.read_text()
        for fn, path in [("read", course.reference / "linear_regression.py"),
                         ("read", course.checks / "linear_regression.py"),
                         ("read", open_folder / "victim.txt"), ("listing", open_folder),
                         ("listing", course.exercises), ("read", answers)]:  # fmt: skip
            _refused(student, fn, str(path))
        for path in elsewhere:
            _refused(student, "listing" if path.is_dir() else "read", str(path))


def test_a_class_folder_inside_the_temporary_folder_hides_the_rest_of_it(answers, open_folder):
    """``grade /tmp/class``: the class folder is hidden inside the hidden temporary folder;
    that must not open the temporary folder's other entries (another class, a second
    checkout, another grader's files)."""
    require(landlock.abi_version() >= 1, "this kernel has no Landlock (Linux 5.13+)")
    klass = open_folder / "class"
    klass.mkdir()
    with Worker(hidden=[klass]) as worker:
        student = Student(worker, "k", "answers", answers)
        _refused(student, "read", str(open_folder / "victim.txt"))
        _refused(student, "listing", str(open_folder))


def test_the_reference_of_another_copy_of_the_course_is_hidden(answers, shared_folder, monkeypatch):
    """An instructor's second checkout: the hidden folders are that course's, found from the
    current folder (``Course.default()``) or given, not the repository coursekit came from."""
    require(landlock.abi_version() >= 1, "this kernel has no Landlock (Linux 5.13+)")
    copy = shared_folder / "second-checkout"
    shutil.copytree(REPO / "tests" / "grading" / "reference", copy / "tests/grading/reference")
    shutil.copytree(REPO / "tests" / "grading" / "checks", copy / "tests/grading/checks")
    shutil.copytree(REPO / "exercises", copy / "exercises")
    for path in [copy, *copy.rglob("*")]:  # world-readable: only the confinement hides it
        path.chmod(0o755 if path.is_dir() else 0o644)
    secret = str(copy / "tests/grading/reference/linear_regression.py")
    monkeypatch.chdir(copy)
    with Worker() as worker:  # the course of the current folder, as pytest's fixture uses
        _refused(Student(worker, "a", "answers", answers), "read", secret)
    monkeypatch.chdir("/")
    with Worker(course=Course.at(copy)) as worker:
        _refused(Student(worker, "b", "answers", answers), "read", secret)


def test_the_main_checkout_of_a_git_worktree_is_hidden(answers, shared_folder):
    """A course in a git worktree (its .git a file, "gitdir: ...") keeps its history in the
    main checkout's .git, beside that checkout's own reference answers: both are hidden."""
    require(landlock.abi_version() >= 1, "this kernel has no Landlock (Linux 5.13+)")
    require(shutil.which("git") is not None, "no git")
    main = shared_folder / "main-checkout"
    for part in ("tests/grading/reference", "tests/grading/checks", "exercises"):
        shutil.copytree(REPO / part, main / part)
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", "-C", str(main)]
    for args in (["init", "-q"], ["add", "."], ["commit", "-qm", "course"],
                 ["worktree", "add", "-q", str(shared_folder / "worktree")]):  # fmt: skip
        subprocess.run([*git, *args], check=True, capture_output=True)
    for path in [shared_folder, *shared_folder.rglob("*")]:  # only the confinement hides them
        path.chmod(0o755 if path.is_dir() else 0o644)
    with Worker(course=Course.at(shared_folder / "worktree")) as worker:
        student = Student(worker, "w", "answers", answers)
        _refused(student, "read", str(main / "tests/grading/reference/linear_regression.py"))
        _refused(student, "read", str(main / ".git" / "HEAD"))


def test_two_workers_at_once_cannot_read_each_other(answers, tmp_path):
    """``--jobs 2``: both students' folders exist at once; neither can read the other's
    module, nor list the run folder they share, nor another grader's."""
    require(landlock.abi_version() >= 1, "this kernel has no Landlock (Linux 5.13+)")
    other = tmp_path / "bob.py"
    other.write_text(ANSWERS + "\nSECRET = 'bob'\n")
    with Worker() as alice_worker, Worker() as bob_worker:
        alice = Student(alice_worker, "a", "answers", answers)
        bob = Student(bob_worker, "b", "answers", other)
        bobs_copy = Path(bob.where())
        assert "SECRET = 'bob'" in bobs_copy.read_text()
        _refused(alice, "read", str(bobs_copy))
        _refused(alice, "listing", str(bobs_copy.parent.parent))
        _refused(alice, "listing", str(bobs_copy.parents[2]))  # the run folder
        _refused(alice, "listing", tempfile.gettempdir())
        assert bob.read(str(bobs_copy)) == bobs_copy.read_text()  # its own stays readable


def test_each_grader_has_a_private_run_folder_and_leftovers_are_removed():
    """A run folder left by a grader that was killed (its pid is gone) is removed, never used;
    a new one is made fresh, private to the grader. One whose pid is unknown here but whose
    grader still holds its lock (a grader in another pid namespace sharing /tmp: seen by an
    outside-code run, whose submissions vanished mid-grading) is kept."""
    dead = subprocess.Popen(["true"])
    dead.wait()
    stale = Path(tempfile.gettempdir()) / f"coursekit-grading-{dead.pid}-left"
    (stale / "s0" / "m0").mkdir(parents=True)
    (stale / "s0" / "m0" / "linear_regression.py").write_text("raise SystemExit('planted')")
    elsewhere = Path(tempfile.gettempdir()) / f"coursekit-grading-{dead.pid}-elsewhere"
    (elsewhere / "s0").mkdir(parents=True)
    hold = (f"import fcntl, os, time; fd = os.open({str(elsewhere)!r}, os.O_RDONLY);"
            " fcntl.flock(fd, fcntl.LOCK_EX); print('held', flush=True); time.sleep(60)")
    holder = subprocess.Popen([sys.executable, "-c", hold], stdout=subprocess.PIPE, text=True)
    code = ("from coursekit.grading.isolation import run_folder; p = run_folder();"
            " print(p, oct(p.stat().st_mode & 0o777))")  # fmt: skip
    try:
        assert holder.stdout.readline() == "held\n"
        done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                              cwd=REPO, timeout=120)  # fmt: skip
        assert (elsewhere / "s0").is_dir(), "a live grader's run folder was removed"
    finally:
        holder.kill()
        holder.wait()
        shutil.rmtree(elsewhere, ignore_errors=True)
    assert done.returncode == 0, done.stderr
    fresh, mode = done.stdout.split()
    fresh = Path(fresh)
    assert mode == ("0o710" if os.geteuid() == 0 else "0o700")
    assert not stale.exists(), "a leftover run folder was kept"
    assert not fresh.exists(), "the run folder outlived its grader"
    assert fresh.name.startswith("coursekit-grading-") and fresh.parent == stale.parent


def test_the_files_of_a_submission_are_bounded(answers):
    """Its folder is the one place it may write, and /tmp may be held in memory: a submission
    that writes more than ``FILES_MB`` (even where the grader's user cannot list it) or more
    than ``FILES_COUNT`` files is stopped with a message saying so."""
    with Worker() as worker:
        student = Student(worker, "k", "answers", answers)
        assert student.fill(32, 16)  # small files are fine
        with pytest.raises(GradingFailure, match=r"writing \d+ MiB in \d+ files"):
            student.fill(320, 32, True)
    with Worker() as worker:
        with pytest.raises(GradingFailure, match=r"in 10001 files \(the limit is"):
            Student(worker, "k", "answers", answers).touch(12_000)


def test_student_code_reaches_no_network(answers):
    """A hidden test's inputs cannot leave by the network: no TCP connection (Landlock ABI 4,
    and a network namespace of its own) and, in that namespace, no UDP datagram either."""
    require(landlock.abi_version() >= 4, "this kernel's Landlock has no network rules (6.7+)")
    tcp, udp = socket.create_server(("127.0.0.1", 0)), socket.socket(type=socket.SOCK_DGRAM)
    with tcp, udp:
        udp.bind(("127.0.0.1", 0))
        tcp.settimeout(1)
        udp.settimeout(1)
        with Worker() as worker:
            student = Student(worker, "k", "answers", answers)
            with pytest.raises(GradingFailure, match="Error"):
                student.connect(tcp.getsockname()[1])
            own_network = _own_namespace(worker.pid, "net") is not None
            with suppress(GradingFailure):
                student.datagram(udp.getsockname()[1])
        with pytest.raises(TimeoutError):
            tcp.accept()
        if own_network:  # where the kernel lets the grader make one (not in Docker, say)
            with pytest.raises(TimeoutError):
                udp.recvfrom(64)


def test_student_code_cannot_signal_the_grader(answers):
    """With Landlock ABI 6 the signal is refused (EPERM). In a pid namespace of its own (as
    root, or where unprivileged user namespaces are allowed) the grader has no pid there at
    all (ESRCH): the fallback on kernels without ABI 6."""
    with Worker() as worker:
        student = Student(worker, "k", "answers", answers)
        with pytest.raises(GradingFailure, match="PermissionError|ProcessLookupError"):
            student.signal(os.getpid())
        if os.geteuid() == 0:
            assert student.pid() == 1, "the student process has no pid namespace of its own"
            with pytest.raises(GradingFailure, match="ProcessLookupError"):
                student.signal(os.getpid())


def test_a_link_swapped_into_the_module_folder_is_not_followed(answers, open_folder,
                                                              monkeypatch):  # fmt: skip
    """The student process may already run (it imported another chapter) when the grader
    makes the folder of the next module in the student's folder: a thread of it renames that
    folder and puts a link to anywhere in its place, and the grader (root) wrote the student's
    module there and chowned the target to the worker's uid (the course's checks or reference
    answers replaced by student code). The grader writes through descriptors that follow no
    link. The race is played here deterministically, by the grader's own mkdtemp."""
    made = tempfile.mkdtemp

    def swapped(*args, **kwargs):
        path = made(*args, **kwargs)
        if kwargs.get("prefix") == "m":  # the module's folder, inside the student's
            os.rename(path, f"{path}-moved")
            os.symlink(open_folder, path)
        return path

    monkeypatch.setattr(tempfile, "mkdtemp", swapped)
    owner = open_folder.stat().st_uid
    with Worker() as worker:
        with pytest.raises(GradingFailure, match="its folder was changed"):
            Student(worker, "k", "answers", answers).pid()
    assert sorted(p.name for p in open_folder.iterdir()) == ["victim.txt"]
    assert open_folder.stat().st_uid == owner


@pytest.mark.skipif(os.geteuid() != 0, reason="a normal user's worker may chmod its files")
def test_the_watch_changes_no_mode_through_a_swapped_link(answers, open_folder):
    """The watch of the student's folder chmods a folder the grader cannot list; student code
    swapping such a folder with a link to a file without x bits (RENAME_EXCHANGE, in a loop)
    made a root grader chmod that file, anywhere on the machine, to 0700."""
    victim = open_folder / "victim.txt"
    with Worker() as worker:
        assert Student(worker, "k", "answers", answers).swap_links(str(victim), 20, 2.5)
    assert oct(victim.stat().st_mode & 0o777) == oct(0o666)


def _host_shm(column: int = 0) -> set[int]:
    """One column of every SysV shared memory segment here (0: keys, 1: ids, 3: sizes)."""
    lines = Path("/proc/sysvipc/shm").read_text().splitlines()[1:]
    return {int(line.split()[column]) for line in lines}


def _host_shm_keys() -> set[int]:
    return _host_shm(0)


def _remove_shm(keys) -> None:
    for key in keys:
        subprocess.run(["ipcrm", "-M", str(key)], capture_output=True)


def test_shared_memory_dies_with_the_worker_and_counts_against_its_memory(answers):
    key = 0x5EC7E7
    _remove_shm(range(key, key + 8))  # what an earlier, failed run left
    with Worker(memory_mb=300) as worker:
        student = Student(worker, "k", "answers", answers)
        made = student.shm(key, 8, 100)
        assert 1 <= made <= 3, f"{made} segments of 100 MiB under a 300 MiB limit"
        with Worker() as classmate:
            assert not Student(classmate, "c", "answers", answers).find_shm(key)
    leaked = {key + i for i in range(8)} & _host_shm_keys()
    _remove_shm(leaked)
    assert not leaked, "a segment outlived the worker"


def test_the_memory_limit_covers_child_processes(answers):
    """Four children of 250 MiB each, under a 300 MiB limit: each is within RLIMIT_DATA, all
    together are not."""
    with Worker(memory_mb=300, timeout=60) as worker:
        student = Student(worker, "k", "answers", answers)
        with pytest.raises(GradingFailure, match="MiB of memory, its child processes included"):
            student.fork_and_allocate(4, 250)
        assert student.where()  # a fresh worker serves the next call


def test_page_tables_count_against_the_memory_limit(answers):
    """Terabytes of read-only zero pages, mapped page by page: no process's memory in smaps, no
    RLIMIT_DATA, but gigabytes of kernel page tables (3.5 GiB outlived the watch's eye). The
    tables now count."""
    # 128 MiB of tables a step: a step took 3 s here once, 11 s on a slower machine.
    with Worker(memory_mb=100, timeout=150) as worker:
        student = Student(worker, "k", "answers", answers)
        with pytest.raises(GradingFailure, match="MiB of memory, its child processes included"):
            student.page_tables(1024)
        assert student.where()


def test_memory_that_no_process_holds_alone_counts_too(answers):
    """1.5 GiB under a 300 MiB limit: anonymous memory mapped MAP_SHARED and touched by a child
    too is no process's private memory (the watch missed it); the tree's shares now count.
    (A memfd's memory, which need not be mapped at all, is refused: memfd_create fails.)"""
    with Worker(memory_mb=300, timeout=60) as worker:
        student = Student(worker, "k", "answers", answers)
        with pytest.raises(GradingFailure, match="student process was stopped for"):
            student.shared_with_a_child(1500)
        assert student.where()


@pytest.mark.parametrize("page_only", [False, True], ids=["whole", "a-page"])
def test_files_held_by_a_mapping_alone_count_too(answers, page_only):
    """Files allocated, mapped, closed and removed are in no folder and no descriptor, and
    their pages, never touched, in no smaps: a red team held 1.3 GB of disk that way (and
    1.9 GB of memory with memfds, refused now), past every limit, and filled the grader's
    temporary folder for the classmates graded beside it; a second one mapped one page of
    each file, and a page was all that counted. 384 MiB here, over the files' 256 MiB."""
    if page_only and not _map_files_readable():
        pytest.skip("what a removed file holds is read from /proc/PID/map_files, which needs"
                    " CAP_SYS_ADMIN: a page-sized mapping counts as a page without it")
    with Worker(memory_mb=300, timeout=60) as worker:
        student = Student(worker, "k", "answers", answers)
        with pytest.raises(GradingFailure, match="student process was stopped for writing"):
            student.mapped_files(6, 64, page_only)
        assert student.where()


def _map_files_readable() -> bool:
    """Whether this process may look at what its own mappings hold (CAP_SYS_ADMIN)."""
    with open(__file__) as held, mmap.mmap(held.fileno(), 0, access=mmap.ACCESS_READ):
        with open("/proc/self/maps") as maps:
            spans = [line.split()[0] for line in maps if __file__ in line]
        try:
            return bool(spans) and os.stat(f"/proc/self/map_files/{spans[0]}") is not None
        except OSError:
            return False


def test_kernel_memory_of_many_mappings_counts_too(answers):
    """Each mapping is kernel memory that no smaps shows (about 1.5 KiB for a shared page):
    24 processes of 60,000 held 2 GB past a 1 GB limit. Here 6 of 60,000, about 540 MiB,
    over a 100 MiB limit and its slack."""
    with Worker(memory_mb=100, timeout=60) as worker:
        student = Student(worker, "k", "answers", answers)
        with pytest.raises(GradingFailure, match="MiB of memory, its child processes included"):
            student.many_mappings(6, 60_000)
        assert student.where()


def test_no_namespace_of_its_own_hides_memory(answers):
    """A red team's children entered a pid namespace of their own (a user namespace makes
    it allowed), where the watch, counting the processes of the worker's namespace, saw none
    of their memory (1.6 GiB past a 1 GiB limit); an IPC namespace of their own lifted the
    SysV limit. unshare, setns and a clone with namespace flags are refused now, as are
    memfds, secret memory and io_uring (a third red team held files and memory there), and
    vmsplice, splice, tee and sendfile (a fourth held 5 GiB of huge pages in pipes)."""
    with Worker(memory_mb=300, timeout=30) as worker:
        student = Student(worker, "k", "answers", answers)
        with pytest.raises(GradingFailure, match="MiB of memory, its child processes included"):
            student.nested_namespaces(4, 250)
        said = student.refused_calls()
    refused = ("unshare", "memfd_create", "io_uring_setup", "memfd_secret", "vmsplice", "splice",
               "tee", "sendfile")
    # Nor SysV message queues and semaphore sets (kernel memory that no watch counts: a fifth red
    # team held 1.3 GB in one-byte messages under a 256 MiB limit).
    refused += ("msgget", "semget")
    # Nor file leases or dnotify (a sixth red team's lease on a file of the grader's uid held a
    # classmate's import for 45 s), nor locked memory (RLIMIT_MEMLOCK 0: it locked 1.9 GiB of
    # the venv's file pages, which count as no process's private memory).
    refused += ("lease", "notify", "mlock")
    # Nor record locks (an eighth red team held 2.4 GB of them, kernel memory, under a 1 GiB
    # limit; flock, one per open file, stays), extended attributes (3 GiB of values on one
    # empty file of a tmpfs folder) or a unix socket (one with a path is reached outside every
    # namespace: a hidden test's inputs went to a local daemon; socketpair stays).
    refused += ("record_lock", "setxattr", "unix_socket")
    # Nor a descriptor sent over a socket pair (SCM_RIGHTS): a file in flight is held by no
    # descriptor, mapping or folder (a ninth red team held 16 GB of removed 64 MiB files so,
    # past a 256 MiB limit); sendmsg and sendmmsg are refused, send stays.
    refused += ("send_fds",)
    # Nor a thread with a descriptor table of its own (clone with CLONE_THREAD, not CLONE_FILES):
    # /proc/PID/fd lists the leader's table only, and a ninth red team's sleeping threads held
    # 15 GB of removed files past a 256 MiB limit. Python's threads share the table.
    refused += ("thread_own_fds", "close_range_unshare")
    # Nor Linux's own AIO (io_setup, io_submit): a pending poll holds its file, closed, where no
    # descriptor shows it (a ninth red team held 3 GB of full socket queues under a 1 GiB limit).
    refused += ("io_setup",)
    # Nor userfaultfd or perf_event_open, which no exercise needs and Docker's default seccomp
    # profile refuses too: a fault handled in user space stalls the kernel mid-copy as long as
    # it likes (the usual aid to a kernel race), and perf counters time the machine's other work.
    refused += ("userfaultfd", "perf_event_open")
    # Nor fallocate, whose FALLOC_FL_KEEP_SIZE skips RLIMIT_FSIZE: a tenth red team reserved
    # 8 GiB of disk in 29 ms in a file of size 0, the whole disk within one look of the watch.
    # It fails as unsupported, so glibc's posix_fallocate writes instead, within the limit.
    assert said == {**dict.fromkeys(refused, -errno.EPERM), "thread": [1], "fork": 7,
                    "copy": "copied", "flock": None, "socketpair": 2,
                    "fallocate": -errno.EOPNOTSUPP, "posix_fallocate": None}, said


def test_no_terminal_can_be_opened(answers):
    """As a normal user the student process has the grader's uid: an eighth red team opened
    the grader's terminal (/dev/pts/N), read the line the instructor typed while grading ran,
    and turned its echo off for good. Terminals are hidden like the reference (a new one,
    /dev/ptmx, too)."""
    require(landlock.abi_version() >= 1, "Landlock hides the terminals; this kernel has none")
    with Worker() as worker:
        said = Student(worker, "k", "answers", answers).terminals()
    assert said["/dev/ptmx"] == errno.EACCES, said
    assert all(e in (errno.EACCES, errno.ENOENT) for e in said.values()), said


def test_a_process_whose_main_thread_ended_alone_is_stopped(answers):
    """A child's main thread ended alone (exit, not exit_group) while a thread of it ran on:
    /proc showed none of its memory, mappings or open files, and an eighth red team held 3.3 GB
    under a 1 GiB limit (and 2.4 GB of removed files past the folder's). Honest code never does
    this (Python cannot end its main thread alone): the worker is stopped, saying why."""
    with Worker(memory_mb=300, timeout=30) as worker:
        student = Student(worker, "k", "answers", answers)
        with pytest.raises(GradingFailure, match="main thread alone"):
            student.leader_exits()
        assert student.where()


def test_socket_buffers_count_against_the_memory_limit(answers):
    """A socket's queue is kernel memory that no smaps shows: children each holding 110 socket
    pairs, each filled to its buffer (SO_SNDBUF up to twice net.core.wmem_max: 8 MiB where that
    is 4 MiB), held gigabytes the watch never saw. Each socket now counts as the most it may
    queue (``SOCKET_BYTES``); this test queues only 64 KiB a pair, to spare the machine."""
    sockets = (300 + MEMORY_SLACK_MB << 20) // SOCKET_BYTES + 1
    with Worker(memory_mb=300, timeout=60) as worker:
        student = Student(worker, "k", "answers", answers)
        with pytest.raises(GradingFailure, match="MiB of memory, its child processes included"):
            student.socket_buffers(sockets // 220 + 1, 110, 64)
        assert student.where()


def test_epoll_watches_count_against_the_memory_limit(answers):
    """Each epoll watch is about 200 bytes of kernel memory that no smaps shows, and one file
    under many descriptor numbers is a watch for each: a tenth red team's 4 children held 2
    million (about 400 MiB) the watch never saw (Linux bounds them only at 4% of the machine's
    memory per uid). Each counts as ``EPOLL_WATCH_BYTES`` now: here they are stopped under a
    64 MiB limit (576 MiB with its slack), which they passed before."""
    with Worker(memory_mb=64, timeout=60) as worker:
        student = Student(worker, "k", "answers", answers)
        with pytest.raises(GradingFailure, match="MiB of memory, its child processes included"):
            student.epoll_watches(4)
        assert student.where()


@pytest.mark.skipif(os.uname().machine != "x86_64", reason="the test calls keyctl by number")
def test_no_key_in_the_kernel_keyrings_reaches_the_next_submission(answers):
    """Keys outlive their processes: a submission left one in its uid's keyring (as root a
    slot's uid serves one submission after another) and the next, graded as that uid, read it;
    one made readable by every uid reached a classmate graded at the same time. Student code
    can make no key (a seccomp filter), nor watch folders it may not list (inotify: the names
    of a classmate's files as the grader read them)."""
    with Worker() as worker:
        student = Student(worker, "k", "answers", answers)
        assert student.add_key("coursekit-drop") < 0
        assert student.watch_folder(str(answers.parent)) == -errno.EPERM
    with Worker() as worker:
        assert Student(worker, "k", "answers", answers).find_key("coursekit-drop") < 0


def test_files_too_deep_for_a_path_count_too(answers):
    """300 MiB in files 20 folders of 255-byte names down: no path names them (PATH_MAX), so
    the watch of the student's folder, which scans by path, never counted them."""
    with Worker(timeout=30) as worker:
        with pytest.raises(GradingFailure, match="student process was stopped for writing"):
            Student(worker, "k", "answers", answers).files_out_of_reach(20, 5, 60)


def test_a_folder_thousands_of_levels_deep_is_removed(answers):
    """shutil.rmtree recurses once a level: a tree 3,000 deep raised RecursionError when the
    worker stopped (the submission was lost) and was left behind, and the next run's clean-up
    of old run folders raised it again for every submission of the class."""
    with Worker() as worker:
        worker.start()
        folder = worker.dir
        # The watch may stop it first (a path that long is over the files limit, and the tree
        # is then about 1,500 deep): either way the folder must go.
        with suppress(GradingFailure):
            Student(worker, "k", "answers", answers).deep(3000)
    assert not folder.exists()


def test_confine_says_why_not_where_there_is_no_landlock(monkeypatch):
    monkeypatch.setattr(landlock, "abi_version", lambda: 0)
    assert "no Landlock" in landlock.confine("/tmp")


def test_only_the_system_and_what_is_kept_is_readable_less_the_hidden_folders(tmp_path):
    hidden = tmp_path / "course" / "tests"
    (hidden / "reference").mkdir(parents=True)
    (tmp_path / "course" / "coursekit").mkdir()
    (tmp_path / "course" / "README.md").write_text("x")
    (tmp_path / "elsewhere").mkdir()  # another course, a class not graded: not kept
    keep = tmp_path / "course" / "tests" / ".venv"
    keep.mkdir()
    paths = landlock.readable_paths([str(hidden)], [str(keep), str(tmp_path / "course")])
    inside = sorted(p for p in paths if p.startswith(str(tmp_path)))
    assert inside == sorted(str(p) for p in [tmp_path / "course" / "coursekit", keep,
                                              tmp_path / "course" / "README.md"])  # fmt: skip
    assert "/usr" in paths and "/etc" in paths and "/home" not in paths
    # Merged /usr (/lib -> usr/lib): a folder inside another readable one is no rule of its own.
    assert not [p for p in paths if p.startswith("/usr/")], paths
    assert "/usr/share" not in landlock.readable_paths([str(hidden)], ["/usr/share"])
    assert not any(p == str(hidden) or p.startswith(str(hidden) + "/") for p in paths
                   if p != str(keep))  # fmt: skip
    # A hidden folder inside another hidden one: nothing of the outer one becomes readable.
    nested = landlock.readable_paths([str(tmp_path / "course"), str(hidden / "reference")],
                                     [str(tmp_path / "course")])  # fmt: skip
    assert not any(p.startswith(str(tmp_path / "course")) for p in nested), nested


def test_grade_warns_when_student_code_could_reach_what_it_should_not(monkeypatch, tmp_path):
    from coursekit.grading import cli, runner

    reference = tmp_path / "reference"
    reference.mkdir(mode=0o755)
    monkeypatch.setattr(runner, "REFERENCE_DIR", reference)
    monkeypatch.setattr(cli, "is_root", lambda: False)
    monkeypatch.setattr(landlock, "abi_version", lambda: 0)
    assert "student code can write wherever this user can" in cli.confinement_warning()
    monkeypatch.setattr(cli, "is_root", lambda: True)
    assert f"chmod 700 {reference}" in cli.confinement_warning()
    reference.chmod(0o700)
    assert cli.confinement_warning() == ""
    reference.chmod(0o755)
    monkeypatch.setattr(landlock, "abi_version", lambda: 1)
    assert cli.confinement_warning() == ""


# -- grading as a normal user -------------------------------------------------------------------


def _blocked_ancestor(path: Path) -> Path | None:
    """The highest folder above ``path`` that other users may not pass through, if any."""
    for parent in reversed(path.parents):
        if not parent.stat().st_mode & 0o001:
            return parent
    return None


def as_nobody(argv: list[str]) -> list[str]:
    """``argv`` run as uid and gid 65534 with no groups or capabilities.

    Root only. The interpreter may live where that uid cannot reach (a pyenv Python under
    ``/root``, mode 700): then, in a private mount namespace, an empty world-readable folder
    covers the blocked one and the installation is mounted back at its place inside.
    """
    require(os.geteuid() == 0 and bool(shutil.which("unshare") and shutil.which("setpriv")),
            "needs root, unshare and setpriv to run the grader as a normal user")  # fmt: skip
    prefix = Path(os.path.realpath(sys.base_prefix))
    script = ["set -e"]
    blocked = _blocked_ancestor(prefix)
    if blocked is not None:
        script += ['keep=$(mktemp -d)', f'mount --rbind {shlex.quote(str(prefix))} "$keep"',
                   f"mount -t tmpfs -o mode=0755 coursekit {shlex.quote(str(blocked))}",
                   f"mkdir -p {shlex.quote(str(prefix))}",
                   f'mount --move "$keep" {shlex.quote(str(prefix))}']  # fmt: skip
    script.append(f'exec setpriv --reuid={NOBODY} --regid={NOBODY} --clear-groups'
                  ' --inh-caps=-all --bounding-set=-all -- "$@"')  # fmt: skip
    command = ["unshare", "--mount", "--propagation", "private", "sh", "-c", "\n".join(script),
               "sh"]  # fmt: skip
    probe = subprocess.run([*command, sys.executable, "-c", "import coursekit.grading.course"],
                           cwd=REPO, capture_output=True, text=True, timeout=120)  # fmt: skip
    require(probe.returncode == 0, f"cannot run the interpreter as uid {NOBODY}: {probe.stderr}")
    return command + argv


@pytest.fixture
def shared_folder():
    """A folder uid 65534 may reach (pytest's own tmp_path is private to root), outside the
    temporary folder the grader works in, as a class folder would be."""
    base = "/var/tmp" if os.access("/var/tmp", os.W_OK) else None
    folder = Path(tempfile.mkdtemp(prefix="coursekit-class-", dir=base))
    folder.chmod(0o755)
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


def give_to_nobody(folder: Path) -> None:
    for path in [folder, *folder.rglob("*")]:
        if not path.is_symlink():
            os.chown(path, NOBODY, NOBODY)


CHAPTER = "linear_regression"
KEY = 0x5EC7E8
# Each attack is appended to the reference answers (or to the stubs: then it earns points only
# if the attack works). CLASS is replaced by the class folder.
# The honest module stays a while (its import sleeps 6 s), so that the spy, graded after the
# filler, starts while the honest module's copy is there: it looks at once, and again for 6 s.
# The reader starts as the spy ends, while the writer (graded after the honest module) runs.
HONEST = "\n# HONEST-MARKER\nimport time\ntime.sleep(6)\n"
SPY = """
import glob as _glob, os as _os, time as _time
_found, _deadline = None, _time.time() + 6
while _found is None and _time.time() < _deadline:
    _places = ["/tmp/coursekit-grading-*", CLASS]  # and the folders other processes work in
    for _pid in _os.listdir("/proc"):
        try:
            _places.append(_os.readlink(f"/proc/{_pid}/cwd"))
        except OSError:
            pass
    for _place in _places:
        for _path in _glob.glob(_place + "/**/linear_regression.py", recursive=True):
            try:
                _text = open(_path).read()
            except OSError:
                continue
            if "HONEST-" + "MARKER" in _text:
                _found = _text
    _time.sleep(0.2)
if _found:
    exec(_found)
"""
SHM_WRITER = f"""
import ctypes as _ctypes
_libc = _ctypes.CDLL(None)
_libc.shmat.restype = _ctypes.c_void_p
_source = open(__file__, "rb").read()
_id = _libc.shmget({KEY}, 1 << 20, 0o1666)
if _id >= 0:
    _ctypes.memmove(_libc.shmat(_id, None, 0), _source, len(_source))
"""
# Looks for the writer's segment for WAIT seconds (a writer graded at the same time, --jobs 2).
SHM_READER = f"""
import ctypes as _ctypes, time as _time
_libc = _ctypes.CDLL(None)
_libc.shmat.restype = _ctypes.c_void_p
_deadline = _time.time() + WAIT
while _time.time() < _deadline:
    _id = _libc.shmget({KEY}, 0, 0o666)
    if _id >= 0:
        exec(_ctypes.string_at(_libc.shmat(_id, None, 0)).decode())
        break
    _time.sleep(0.2)
"""
KILLER = """
import os as _os
for _pid in _os.listdir("/proc"):
    try:
        if _pid.isdigit() and CLASS.encode() in open(f"/proc/{_pid}/cmdline", "rb").read():
            _os.kill(int(_pid), 9)
    except OSError:
        pass
"""


@pytest.mark.parametrize("user", ["as-is", "nobody"])
def test_a_class_graded_two_at_a_time_keeps_each_student_to_itself(user, shared_folder):
    """``grade --jobs 2``: a spy looks for a classmate's module, a pair passes the answers
    through SysV shared memory, a third kills every grading process it can name. The grader
    finishes, the spy and the reader earn nothing, and no segment outlives the grader."""
    reference = (REPO / "tests/grading/reference" / f"{CHAPTER}.py").read_text()
    stubs = (REPO / "exercises" / f"{CHAPTER}.py").read_text()
    klass = shared_folder / "class"
    sources = {"a_honest": reference + HONEST, "b_filler": reference, "c_spy": stubs + SPY,
               "d_shm_writer": reference + SHM_WRITER, "e_shm_reader": stubs + SHM_READER,
               "f_killer": reference + KILLER}  # fmt: skip
    for name, source in sources.items():
        (klass / name).mkdir(parents=True)
        source = source.replace("CLASS", repr(str(klass))).replace("WAIT", "6")
        (klass / name / f"{CHAPTER}.py").write_text(source)
    report = shared_folder / "report.json"
    command = [sys.executable, "-m", "coursekit", "grade", str(klass), "--chapter", CHAPTER,
               "--jobs", "2", "--timeout", "20", "--json", str(report)]  # fmt: skip
    if user == "nobody":
        command = as_nobody(command)
        give_to_nobody(shared_folder)
    env = {"PATH": os.environ["PATH"], "HOME": str(shared_folder), "COURSEKIT_COURSE": str(REPO)}
    try:
        done = subprocess.run(command, cwd=REPO, env=env, capture_output=True, timeout=900)
        leaked = KEY in _host_shm_keys()
    finally:
        _remove_shm([KEY])
    assert done.returncode == 0, done.stderr.decode(errors="replace")[-3000:]
    import json

    results = {r["submission"]: r for r in json.loads(report.read_text())}
    assert sorted(results) == sorted(sources)
    assert results["a_honest"]["score"] == results["a_honest"]["max_score"] > 0
    assert results["c_spy"]["score"] == 0, "the spy read a classmate's module"
    assert results["e_shm_reader"]["score"] == 0, "answers passed through shared memory"
    assert not leaked, "a SysV shared memory segment outlived the grader"


@pytest.mark.parametrize("user", ["as-is", "nobody"])
def test_a_second_grade_at_once_keeps_its_class_from_the_first(user, shared_folder):
    """Two ``grade`` runs of one user at once, on two class folders: a spy in the second looks
    for a module of the first's class. As a normal user each worker has the grader's uid, and
    the first's class folder, named nowhere in the second, was readable: the spy earned full
    marks. The grader hides the folders every live grader of its uid lists in its run folder."""
    reference = (REPO / "tests/grading/reference" / f"{CHAPTER}.py").read_text()
    stubs = (REPO / "exercises" / f"{CHAPTER}.py").read_text()
    first, second = shared_folder / "first", shared_folder / "second"
    (first / "a_honest").mkdir(parents=True)
    # The honest module stays 30 s, but not in the spy, which runs what it finds.
    stay = "time.sleep(0 if 'SPY' in globals() else 30)"
    honest = reference + HONEST.replace("time.sleep(6)", stay)
    (first / "a_honest" / f"{CHAPTER}.py").write_text(honest)
    (second / "b_spy").mkdir(parents=True)
    spy = "\nSPY = 1\n" + SPY.replace("CLASS", repr(str(first)))
    (second / "b_spy" / f"{CHAPTER}.py").write_text(stubs + spy)
    home = shared_folder / "home"  # hidden, as is the reports' folder: neither may hold the classes
    home.mkdir()
    env = {"PATH": os.environ["PATH"], "HOME": str(home),
           "COURSEKIT_COURSE": str(REPO)}  # fmt: skip
    commands = []
    for klass in (first, second):
        command = [sys.executable, "-m", "coursekit", "grade", str(klass), "--chapter", CHAPTER,
                   "--timeout", "40", "--json", str(home / f"{klass.name}.json")]  # fmt: skip
        commands.append(as_nobody(command) if user == "nobody" else command)
    if user == "nobody":
        give_to_nobody(shared_folder)
    workers = "coursekit-grading-*/s*"  # a worker's folder: its grader has listed what it hides
    before = set(Path(tempfile.gettempdir()).glob(workers))
    running = subprocess.Popen(commands[0], cwd=REPO, env=env, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)  # fmt: skip
    try:
        deadline = time.time() + 120
        while not set(Path(tempfile.gettempdir()).glob(workers)) - before:
            assert time.time() < deadline and running.poll() is None, "the first never started"
            time.sleep(0.2)
        done = subprocess.run(commands[1], cwd=REPO, env=env, capture_output=True, timeout=600)
    finally:
        running.kill()
        running.wait()
    assert done.returncode == 0, done.stderr.decode(errors="replace")[-3000:]
    spy = json.loads((home / "second.json").read_text())[0]
    assert spy["score"] == 0, "a second grade run read the first one's class"


# Landlock has no rule for chmod, chown, utime or setxattr: as the grader's own uid, student
# code could make the class folder (named on the grader's command line) and its run folder
# unusable to the grader, and every classmate graded after it would score 0.
CHMODDER = """
import os as _os
for _path in (CLASS, ".."):
    try:
        _os.utime(_path, (0, 0))
        _os.chmod(_path, 0)
    except OSError:
        pass
"""


@pytest.mark.parametrize("user", ["as-is", "nobody"])
def test_student_code_changes_no_mode_outside_its_folder(user, shared_folder):
    """Everything but the worker's folder is read-only to it (a mount namespace of its own,
    where the grader can make one): the classmates graded after it keep their points."""
    reference = (REPO / "tests/grading/reference" / f"{CHAPTER}.py").read_text()
    klass = shared_folder / "class"
    for name, source in {"a_chmod": reference + CHMODDER, "b_honest": reference}.items():
        (klass / name).mkdir(parents=True)
        (klass / name / f"{CHAPTER}.py").write_text(source.replace("CLASS", repr(str(klass))))
    report = shared_folder / "report.json"
    command = [sys.executable, "-m", "coursekit", "grade", str(klass), "--chapter", CHAPTER,
               "--jobs", "1", "--json", str(report)]  # fmt: skip
    if user == "nobody":
        command = as_nobody(command)
        give_to_nobody(shared_folder)
    env = {"PATH": os.environ["PATH"], "HOME": str(shared_folder), "COURSEKIT_COURSE": str(REPO)}
    mode = klass.stat().st_mode
    done = subprocess.run(command, cwd=REPO, env=env, capture_output=True, timeout=600)
    assert klass.stat().st_mode == mode, "student code changed the class folder's mode"
    klass.chmod(0o755)
    assert done.returncode == 0, done.stderr.decode(errors="replace")[-3000:]
    import json

    results = {r["submission"]: r for r in json.loads(report.read_text())}
    assert results["b_honest"]["score"] == results["b_honest"]["max_score"] > 0, results


# At import, for three seconds, swaps folders it made unreadable with links to VICTIM and to
# /usr (a folder of far more files than a worker may write).
SWAPPER = """
import ctypes as _ctypes, os as _os, threading as _threading, time as _time
_libc = _ctypes.CDLL(None, use_errno=True)
for _i in range(20):
    _os.mkdir(f"d{_i}", 0)
    _os.symlink(VICTIM if _i % 2 else "/usr", f"l{_i}")


def _swap():  # renameat2(AT_FDCWD, d, AT_FDCWD, l, RENAME_EXCHANGE): x86-64, arm64
    number = {"x86_64": 316, "aarch64": 276}[_os.uname().machine]
    while True:
        for _i in range(20):
            _libc.syscall(number, -100, f"d{_i}".encode(), -100, f"l{_i}".encode(), 2)


_threading.Thread(target=_swap, daemon=True).start()
_time.sleep(3)
"""


@pytest.mark.parametrize("user", ["as-is", "nobody"])
def test_the_watch_follows_no_link_swapped_into_the_folder(user, shared_folder):
    """The watch of the student's folder chmods a folder the grader cannot list (as a normal
    user); a red team's submission swapped such folders with links to a file of the grader's
    user (RENAME_EXCHANGE, in a loop), and the grader, walking by path, made it 0700; as root,
    it walked /usr through such a link and stopped the worker for the files there."""
    reference = (REPO / "tests/grading/reference" / f"{CHAPTER}.py").read_text()
    klass, victim = shared_folder / "class", shared_folder / "victim.txt"
    victim.write_text("precious")
    victim.chmod(0o644)
    (klass / "swapper").mkdir(parents=True)
    (klass / "swapper" / f"{CHAPTER}.py").write_text(
        reference + SWAPPER.replace("VICTIM", repr(str(victim))))
    (result,) = _grade(user, shared_folder, klass)
    assert oct(victim.stat().st_mode & 0o777) == oct(0o644)
    lost = [t["output"][:200] for t in result["tests"] if t["score"] < t["max_score"]]
    assert result["score"] == result["max_score"] > 0, lost


def _grade(user: str, shared_folder: Path, target: Path | list[Path], *options: str,
           **env: str) -> list[dict]:  # fmt: skip
    """The JSON report of ``coursekit grade TARGET... --chapter CHAPTER OPTIONS``, run as the
    grader's user ("as-is") or as uid 65534 ("nobody") with ``env`` added, which must succeed."""
    report = shared_folder / "report.json"
    targets = [str(t) for t in (target if isinstance(target, list) else [target])]
    command = [sys.executable, "-m", "coursekit", "grade", *targets, "--chapter", CHAPTER,
               *options, "--json", str(report)]  # fmt: skip
    if user == "nobody":
        command = as_nobody(command)
        give_to_nobody(shared_folder)
    env = {"PATH": os.environ["PATH"], "HOME": str(shared_folder), "COURSEKIT_COURSE": str(REPO),
           **env}  # fmt: skip
    done = subprocess.run(command, cwd=REPO, env=env, capture_output=True, timeout=600)
    assert done.returncode == 0, done.stderr.decode(errors="replace")[-3000:]
    return json.loads(report.read_text())


# Loses squared_loss's points if a classmate's name is in its process's memory: among Python's
# objects, or (where it may read /proc/self/mem: not as a uid the grader switched to) in any
# anonymous memory. The pattern, split by a character class, is not the name itself.
NAME_READER = """
import gc as _gc, re as _re
_pattern = _re.compile(rb"/b[o]b_secret_name")
for _o in _gc.get_objects():
    for _v in (list(_o.values()) if type(_o) is dict else _o if type(_o) in (list, tuple)
               else ()):
        if type(_v) is str and _pattern.search(_v.encode(errors="replace")):
            squared_loss = None
try:
    with open("/proc/self/maps") as _maps, open("/proc/self/mem", "rb", 0) as _mem:
        for _line in _maps:
            _fields = _line.split()
            _start, _end = (int(x, 16) for x in _fields[0].split("-"))
            if "r" not in _fields[1] or (len(_fields) > 5 and _fields[5] != "[heap]"):
                continue  # files mapped: the libraries, not what the grader sent
            try:
                _mem.seek(_start)
                if _pattern.search(_mem.read(min(_end - _start, 1 << 28))):
                    squared_loss = None
            except (OSError, ValueError, OverflowError):
                pass
except OSError:
    pass
"""


@pytest.mark.parametrize("layout", ["class/<student>", "class/<student>/hw"])
@pytest.mark.parametrize("user", ["as-is", "nobody"])
def test_no_classmate_is_named_in_student_memory(user, layout, shared_folder):
    """The folders a worker hides were sent to it, every classmate's among them: a submission
    found them in its own memory and quoted its classmates' names in its report (then, with
    each submission in its student's folder, graded as ``grade class/*/hw``, the parents)."""
    reference = (REPO / "tests/grading/reference" / f"{CHAPTER}.py").read_text()
    klass, folders = shared_folder / "class", []
    for name, extra in (("bob_secret_name", ""), ("carol", ""), ("zed", NAME_READER)):
        folders.append(klass / name / "hw" if layout.endswith("hw") else klass / name)
        folders[-1].mkdir(parents=True)
        (folders[-1] / f"{CHAPTER}.py").write_text(reference + extra)
    results = _grade(user, shared_folder, folders if layout.endswith("hw") else klass)
    zed = next(r for r in results if "zed" in r["submission"])
    lost = [t["output"][:200] for t in zed["tests"] if t["score"] < t["max_score"]]
    assert zed["score"] == zed["max_score"] > 0, lost


# Loses squared_loss's points if it can read a compiled reference in the bytecode cache.
BYTECODE_READER = """
import glob as _glob
_honest = squared_loss

def squared_loss(y_hat, y):  # called once the grader has imported the reference
    for _path in _glob.glob(PREFIX + "/**/reference/*.pyc", recursive=True):
        try:
            open(_path, "rb").read()
            return None
        except OSError:
            pass
    return _honest(y_hat, y)
"""


@pytest.mark.parametrize("user", ["as-is", "nobody"])
def test_the_bytecode_cache_prefix_is_hidden(user, shared_folder, request):
    """With PYTHONPYCACHEPREFIX set, the grader's import of the reference wrote its bytecode
    there, outside the hidden course: a module of no answers of its own ran it (full marks)."""
    reference = (REPO / "tests/grading/reference" / f"{CHAPTER}.py").read_text()
    # Beside the class folder, not in it: the folder of the report is hidden as it is.
    prefix = Path(tempfile.mkdtemp(prefix="coursekit-pycache-", dir=shared_folder.parent))
    request.addfinalizer(lambda: shutil.rmtree(prefix, ignore_errors=True))
    prefix.chmod(0o755)
    (shared_folder / "class" / "reader").mkdir(parents=True)
    (shared_folder / "class" / "reader" / f"{CHAPTER}.py").write_text(
        reference + BYTECODE_READER.replace("PREFIX", repr(str(prefix))))
    # An earlier run (or the instructor's pytest) left the reference's bytecode there.
    load = (f"from coursekit.grading.course import Course; Course.at({str(REPO)!r})"
            f".reference_module({CHAPTER!r})")
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    subprocess.run([sys.executable, "-c", load], check=True, timeout=120,
                   env={**env, "PYTHONPYCACHEPREFIX": str(prefix)})  # fmt: skip
    assert list(prefix.rglob("reference/*.pyc")), "no bytecode to read"
    if user == "nobody":
        give_to_nobody(prefix)
    (result,) = _grade(user, shared_folder, shared_folder / "class" / "reader",
                       PYTHONPYCACHEPREFIX=str(prefix))  # fmt: skip
    lost = [t["output"][:200] for t in result["tests"] if t["score"] < t["max_score"]]
    assert result["score"] == result["max_score"] > 0, lost


# Loses squared_loss's points if it finds, in /proc, a process whose command line names the
# class folder (the grader's own, or another grader's).
PROC_READER = """
import os as _os
for _pid in _os.listdir("/proc"):
    try:
        if CLASS.encode() in open(f"/proc/{_pid}/cmdline", "rb").read():
            squared_loss = None
    except OSError:
        pass
"""


@pytest.mark.parametrize("user", ["as-is", "nobody"])
def test_student_code_sees_only_its_own_processes(user, shared_folder):
    """``/proc`` is that of the student process's own pid namespace (where it has one): the
    machine's lists every process, the command lines of the graders among them."""
    reference = (REPO / "tests/grading/reference" / f"{CHAPTER}.py").read_text()
    klass = shared_folder / "class"
    (klass / "reader").mkdir(parents=True)
    (klass / "reader" / f"{CHAPTER}.py").write_text(
        reference + PROC_READER.replace("CLASS", repr(str(klass))))
    (result,) = _grade(user, shared_folder, klass)
    lost = [t["output"][:200] for t in result["tests"] if t["score"] < t["max_score"]]
    assert result["score"] == result["max_score"] > 0, lost


# Loses squared_loss's points if it reads any file in the folder of REPORTS (an earlier run's).
REPORT_READER = """
import os as _os
try:
    _names = _os.listdir(REPORTS)
except OSError:
    _names = ["earlier.csv"]
for _name in _names:
    try:
        open(_os.path.join(REPORTS, _name)).read()
        squared_loss = None
    except OSError:
        pass
"""


@pytest.mark.parametrize("user", ["as-is", "nobody"])
def test_student_code_reads_no_earlier_report(user, shared_folder):
    """The folder a report is written into holds earlier runs' reports (every classmate's
    marks, the messages of hidden tests): a submission read them and quoted them back."""
    reference = (REPO / "tests/grading/reference" / f"{CHAPTER}.py").read_text()
    klass, reports = shared_folder / "class", shared_folder / "reports"
    reports.mkdir(mode=0o755)
    (reports / "earlier.csv").write_text("submission,score\nalice,26\n")
    (reports / "earlier.csv").chmod(0o644)
    (klass / "reader").mkdir(parents=True)
    (klass / "reader" / f"{CHAPTER}.py").write_text(
        reference + REPORT_READER.replace("REPORTS", repr(str(reports))))
    (result,) = _grade(user, shared_folder, klass, "--csv", str(reports / "grades.csv"))
    lost = [t["output"][:200] for t in result["tests"] if t["score"] < t["max_score"]]
    assert result["score"] == result["max_score"] > 0, lost


# Loses squared_loss's points if it reads a classmate's module, by its path or through LINK.
CLASSMATE_READER = """
for _path in (CLASSMATE, LINKED):
    try:
        open(_path).read()
        squared_loss = None
    except OSError:
        pass
"""


@pytest.mark.parametrize("user", ["as-is", "nobody"])
def test_a_link_beside_a_hidden_folder_unhides_nothing(user, shared_folder, request):
    """A link to the class folder beside the hidden folders (`current -> class`, as
    instructors keep): the rules that let student code read everything else were made
    through it, and a red team's submission read a classmate's module."""
    reference = (REPO / "tests/grading/reference" / f"{CHAPTER}.py").read_text()
    klass = shared_folder / "class"
    # beside the folder the report goes to (hidden too, with the class in it)
    link = shared_folder.parent / f"{shared_folder.name}-current"
    link.symlink_to(klass)
    request.addfinalizer(link.unlink)
    for name in ("alice", "spy"):
        (klass / name).mkdir(parents=True)
    (klass / "alice" / f"{CHAPTER}.py").write_text(reference)
    reader = CLASSMATE_READER.replace("CLASSMATE", repr(str(klass / "alice" / f"{CHAPTER}.py")))
    reader = reader.replace("LINKED", repr(str(link / "alice" / f"{CHAPTER}.py")))
    (klass / "spy" / f"{CHAPTER}.py").write_text(reference + reader)
    results = {r["submission"]: r for r in _grade(user, shared_folder, klass)}
    lost = [t["output"][:200] for t in results["spy"]["tests"] if t["score"] < t["max_score"]]
    assert results["spy"]["score"] == results["spy"]["max_score"] > 0, lost


# At import: 384 MiB in a folder it then makes unsearchable (0600), then waits.
HIDER = """
import os as _os, time as _time
_os.mkdir("hide")
for _i in range(6):
    _fd = _os.open(f"hide/f{_i}", _os.O_RDWR | _os.O_CREAT, 0o600)
    _os.posix_fallocate(_fd, 0, 64 << 20)
    _os.close(_fd)
_os.chmod("hide", 0o600)
_time.sleep(3)
"""


@pytest.mark.parametrize("user", ["as-is", "nobody"])
def test_an_unsearchable_folder_hides_no_file(user, shared_folder):
    """A folder of mode 0600 lists its names but lets no one (but root) look at them: a red
    team's files in one counted nothing, for a grader running as a normal user, and stayed on
    its disk after the run (its clean-up could not enter the folder either)."""
    reference = (REPO / "tests/grading/reference" / f"{CHAPTER}.py").read_text()
    klass = shared_folder / "class"
    (klass / "hider").mkdir(parents=True)
    (klass / "hider" / f"{CHAPTER}.py").write_text(reference + HIDER)
    before = set(Path(tempfile.gettempdir()).glob("coursekit-grading-*"))
    (result,) = _grade(user, shared_folder, klass)
    assert result["score"] == 0 and all("stopped for writing" in t["output"]
                                        for t in result["tests"]), result["tests"][0]["output"]
    left = [p for p in set(Path(tempfile.gettempdir()).glob("coursekit-grading-*")) - before
            if any(p.rglob("hide"))]  # fmt: skip
    assert not left, f"left on disk: {left}"


# Threads count as processes for RLIMIT_NPROC, and start in microseconds where a fork of a
# process holding torch takes milliseconds: the bomb reaches its limit well within the timeout.
# Small stacks: 2000 threads of 64 KiB stay far below the memory limit (RLIMIT_DATA).
FORK_BOMB = """
def squared_loss(y_hat, y):
    import threading, time
    threading.stack_size(64 << 10)
    made = 0
    try:
        for _ in range(2000):
            threading.Thread(target=time.sleep, args=(10,), daemon=True).start()
            made += 1
    except RuntimeError as exc:
        raise RuntimeError(f"started {made}, then {exc}") from None
    raise RuntimeError(f"started {made}, unbounded")
"""


@pytest.mark.parametrize("user", ["as-is", "nobody"])
def test_a_fork_bomb_stops_at_256_processes(user, shared_folder):
    """As root the worker's own uid, as a normal user its own user namespace, holds at most
    256 processes and threads (``RLIMIT_NPROC``); the grader goes on."""
    folder = shared_folder / "bomber"
    folder.mkdir()
    reference = (REPO / "tests/grading/reference" / f"{CHAPTER}.py").read_text()
    (folder / f"{CHAPTER}.py").write_text(reference + FORK_BOMB)
    command = [sys.executable, "-m", "coursekit", "check", CHAPTER, "--dir", str(folder)]
    if user == "nobody":
        command = as_nobody(command)
        give_to_nobody(shared_folder)
    env = {"PATH": os.environ["PATH"], "HOME": str(shared_folder), "COURSEKIT_COURSE": str(REPO)}
    done = subprocess.run(command, cwd=REPO, env=env, capture_output=True, text=True, timeout=600)
    started = [int(n) for n in re.findall(r"started\s+(\d+),\s+then\s+can't", done.stdout)]
    assert started and max(started) < 256, done.stdout[-3000:] + done.stderr[-2000:]
    assert re.search(r"^total\s+\d+ / \d+", done.stdout, re.M), done.stdout[-2000:]


# A tenth red team. Each module is the stubs and earns the reference's points only if its attack
# works. AF_VSOCK is in no network namespace: in a virtual machine (Firecracker, say) it reaches
# the host, where a hidden test's inputs could be sent. A student process free to use every core
# (30 children spinning slowed a classmate's call 9 times on two cores) takes them from the
# classmate graded beside it: each grading process of `grade` keeps its workers on a core of its
# own, which they may not change.
VSOCK = """
import socket as _socket
try:
    _socket.socket(40, _socket.SOCK_STREAM).close()  # AF_VSOCK
    exec(REFERENCE)
except OSError:
    pass
"""
EVERY_CORE = """
import os as _os
try:
    _os.sched_setaffinity(0, range(_os.cpu_count()))
except OSError:
    pass
if len(_os.sched_getaffinity(0)) > 1:
    exec(REFERENCE)
"""


@pytest.mark.parametrize("user", ["as-is", "nobody"])
def test_student_code_keeps_to_one_core_and_makes_no_vsock(user, shared_folder):
    """``grade --jobs 2``: a submission that may run on more than one core, or make an
    AF_VSOCK socket, earns the reference's points; neither may."""
    vsock = False
    with suppress(OSError), socket.socket(40, socket.SOCK_STREAM):  # the kernel has AF_VSOCK
        vsock = True
    require(len(os.sched_getaffinity(0)) > 1 or vsock,
            "one core and no AF_VSOCK here: nothing to test")  # fmt: skip
    reference = (REPO / "tests/grading/reference" / f"{CHAPTER}.py").read_text()
    stubs = (REPO / "exercises" / f"{CHAPTER}.py").read_text()
    klass = shared_folder / "class"
    for name, attack in {"vsock": VSOCK, "every_core": EVERY_CORE}.items():
        (klass / name).mkdir(parents=True)
        (klass / name / f"{CHAPTER}.py").write_text(
            stubs + attack.replace("REFERENCE", repr(reference)))
    report = _grade(user, shared_folder, klass, "--jobs", "2")
    scores = {r["submission"]: r["score"] for r in report}
    if vsock:
        assert scores["vsock"] == 0, "student code made an AF_VSOCK socket"
    if len(os.sched_getaffinity(0)) > 1:
        assert scores["every_core"] == 0, "student code could run on more than one core"


# Four children of 250 MiB under a 300 MiB limit, each made non-dumpable: as the grader's own
# uid, a normal user's grader may then read neither their memory nor their pid namespace.
HIDDEN_CHILDREN = """
def squared_loss(y_hat, y):
    import ctypes, os, time
    for _ in range(4):
        if os.fork() == 0:
            ctypes.CDLL(None).prctl(4, 0, 0, 0, 0)  # PR_SET_DUMPABLE 0
            held = b"x" * (250 << 20)
            time.sleep(60)  # held until the watch stops them (a busy machine builds unevenly)
            os._exit(len(held) == 0)
    time.sleep(60)
    return (y_hat - y.reshape(y_hat.shape)) ** 2 / 2
"""


@pytest.mark.parametrize("user", ["as-is", "nobody"])
def test_children_that_hide_from_the_memory_watch_are_stopped(user, shared_folder):
    """A child that makes itself non-dumpable cannot escape the memory limit: as root the
    watch reads it anyway; as a normal user it is found by its ancestry and stopped."""
    folder = shared_folder / "hider"
    folder.mkdir()
    reference = (REPO / "tests/grading/reference" / f"{CHAPTER}.py").read_text()
    (folder / f"{CHAPTER}.py").write_text(reference + HIDDEN_CHILDREN)
    tests = [t for r in _grade(user, shared_folder, folder, "--memory", "300") for t in r["tests"]]
    hog = [t for t in tests if t["exercise"] == "squared_loss"]
    assert hog and all(t["score"] == 0 for t in hog), hog
    assert any(re.search("MiB of memory|PR_SET_DUMPABLE", t["output"]) for t in hog), hog


def without_namespaces(argv: list[str], user: str) -> list[str]:
    """``argv`` run where the grader can make no namespace at all: as root without
    ``CAP_SYS_ADMIN`` (a container's default), or as uid 65534 inside a user namespace whose
    limit of user namespaces is 0 (a normal user where unprivileged user namespaces are off)."""
    if user == "root":
        return ["setpriv", "--bounding-set=-sys_admin", "--", *argv]
    no_userns = ("echo 0 > /proc/sys/user/max_user_namespaces && exec setpriv --inh-caps=-all"
                 ' --bounding-set=-all -- "$@"')  # fmt: skip
    return as_nobody(["unshare", "--user", "--map-current-user", "--keep-caps", "sh", "-c",
                      no_userns, "sh", *argv])  # fmt: skip


SHM_HOG = """
def squared_loss(y_hat, y):  # 8 GiB of shared memory, attached (untouched), under a 2 GiB limit
    import ctypes, time
    libc = ctypes.CDLL(None)
    libc.shmat.restype = ctypes.c_void_p
    for _ in range(8):
        libc.shmat(libc.shmget(0, 1 << 30, 0o1600), None, 0)
    time.sleep(3)
    return (y_hat - y.reshape(y_hat.shape)) ** 2 / 2
"""
# A semaphore set names no process that made it; its values could carry data to the next
# submission. The writer leaves one; the reader loses every point if it finds it.
SEM_WRITER = f"""
import ctypes as _ctypes
_ctypes.CDLL(None).semget({KEY}, 1, 0o1666)
"""
SEM_READER = f"""
import ctypes as _ctypes
if _ctypes.CDLL(None).semget({KEY}, 0, 0) >= 0:
    raise ImportError("a semaphore set of an earlier submission is still here")
"""

# A POSIX message queue is a name no /proc file lists: the writer leaves one (Landlock may refuse
# to open it, but not to make it); the reader loses every point if the name is still taken.
MQ_WRITER = f"""
import ctypes as _ctypes, os as _os
_ctypes.CDLL("librt.so.1").mq_open(b"/coursekit-{KEY}", _os.O_CREAT | _os.O_RDONLY, 0o666, None)
"""
MQ_READER = f"""
import ctypes as _ctypes, errno as _errno, os as _os
_rt = _ctypes.CDLL("librt.so.1", use_errno=True)
if _rt.mq_open(b"/coursekit-{KEY}", _os.O_RDONLY) >= 0 or _ctypes.get_errno() == _errno.EACCES:
    raise ImportError("a message queue of an earlier submission is still here")
"""


def _remove_mq() -> bool:
    """Remove the writer's message queue; whether it was there."""
    import ctypes

    return ctypes.CDLL("librt.so.1").mq_unlink(f"/coursekit-{KEY}".encode()) == 0


def _host_sem_keys() -> set[int]:
    return {int(line.split()[0]) for line in Path("/proc/sysvipc/sem").read_text().splitlines()[1:]}


@pytest.mark.parametrize("user", ["root", "nobody"])
def test_without_namespaces_ipc_objects_die_with_their_submission(user, shared_folder):
    """Where no IPC namespace can be made, the grader removes the SysV objects a submission
    made: a segment or semaphore set left by one submission is gone before the next one starts
    (``--jobs 1``), and the segments count against the memory limit (8 GiB of them stop it)."""
    shmmax, shmall = (int(Path(f"/proc/sys/kernel/{n}").read_text()) for n in ("shmmax", "shmall"))
    require(shmmax >= 1 << 30 and shmall * os.sysconf("SC_PAGE_SIZE") >= 8 << 30,
            "the SysV limits here refuse the 8 GiB of segments the attack makes")  # fmt: skip
    reference = (REPO / "tests/grading/reference" / f"{CHAPTER}.py").read_text()
    stubs = (REPO / "exercises" / f"{CHAPTER}.py").read_text()
    klass = shared_folder / "class"
    # --jobs 1: the writer's worker has stopped before the reader starts, so a segment that
    # outlived it is there at once; the reader need not wait 15 s for a writer graded meanwhile.
    sources = {"a_shm_writer": reference + SHM_WRITER,
               "b_shm_reader": stubs + SHM_READER.replace("WAIT", "2"),
               "c_shm_hog": reference + SHM_HOG, "d_sem_writer": reference + SEM_WRITER,
               "e_sem_reader": reference + SEM_READER, "f_mq_writer": reference + MQ_WRITER,
               "g_mq_reader": reference + MQ_READER}  # fmt: skip
    for name, source in sources.items():
        (klass / name).mkdir(parents=True)
        (klass / name / f"{CHAPTER}.py").write_text(source)
    report = shared_folder / "report.json"
    command = [sys.executable, "-m", "coursekit", "grade", str(klass), "--chapter", CHAPTER,
               "--jobs", "1", "--timeout", "20", "--json", str(report)]  # fmt: skip
    if user == "nobody":
        give_to_nobody(shared_folder)
    # (As root the grader does not try a user namespace.)
    for probe in (["unshare", "--ipc", "true"], ["unshare", "--user", "--ipc", "true"]):
        if user == "root" and "--user" in probe:
            continue
        made = subprocess.run(without_namespaces(probe, user), capture_output=True, timeout=60)
        assert made.returncode != 0, f"{probe} works here: the setting is not the one tested"
    env = {"PATH": os.environ["PATH"], "HOME": str(shared_folder), "COURSEKIT_COURSE": str(REPO)}
    before, limits = _host_shm(1), Path("/proc/sys/kernel/shmall").read_text()
    subprocess.run(["ipcrm", "-S", str(KEY)], capture_output=True)  # left by an earlier run
    _remove_mq()
    try:
        done = subprocess.run(without_namespaces(command, user), cwd=REPO, env=env,
                              capture_output=True, timeout=900)  # fmt: skip
    finally:
        leaked = _host_shm(1) - before
        for shmid in leaked:
            subprocess.run(["ipcrm", "-m", str(shmid)], capture_output=True)
        sem_leaked = KEY in _host_sem_keys()
        subprocess.run(["ipcrm", "-S", str(KEY)], capture_output=True)
        mq_leaked = _remove_mq()
    assert done.returncode == 0, done.stderr.decode(errors="replace")[-3000:]
    import json

    results = {r["submission"]: r for r in json.loads(report.read_text())}
    assert results["a_shm_writer"]["score"] == results["a_shm_writer"]["max_score"] > 0
    assert results["b_shm_reader"]["score"] == 0, "answers passed through shared memory"
    hog = [t for t in results["c_shm_hog"]["tests"] if t["exercise"] == "squared_loss"]
    assert hog and all(t["score"] == 0 and "MiB of memory" in t["output"] for t in hog), hog
    assert not leaked, f"{len(leaked)} SysV segments outlived the grader"
    assert results["e_sem_reader"]["score"] == results["e_sem_reader"]["max_score"] > 0
    assert not sem_leaked, "a semaphore set outlived the grader"
    assert results["g_mq_reader"]["score"] == results["g_mq_reader"]["max_score"] > 0
    assert not mq_leaked, "a POSIX message queue outlived the grader"
    assert Path("/proc/sys/kernel/shmall").read_text() == limits, "the host's limit was changed"


# sigmoid_grad computed by torch.sigmoid in a helper forked twice at import: orphaned, it was no
# child of the student process, and without a pid namespace the watch, which counts the
# student process's children, never saw it (an eighth red team, 28/28).
ORPHAN_HELPER = """
import os as _os, pickle as _pk
_asks, _ask_w = _os.pipe()
_answers_r, _answers = _os.pipe()
if _os.fork() == 0:
    if _os.fork() == 0:
        _sig = getattr(torch, "sig" + "moid")
        with _os.fdopen(_asks, "rb") as _in, _os.fdopen(_answers, "wb") as _out:
            while True:
                _s = _sig(_pk.load(_in))
                _pk.dump(_s * (1 - _s), _out)
                _out.flush()
    _os._exit(0)
_os.wait()
_to, _back = _os.fdopen(_ask_w, "wb"), _os.fdopen(_answers_r, "rb")


def sigmoid_grad(x):
    _pk.dump(x.detach().clone(), _to)
    _to.flush()
    return _pk.load(_back)
"""


def test_without_a_pid_namespace_an_orphaned_helper_is_seen(shared_folder):
    """As root without CAP_SYS_ADMIN (a container's default: no pid namespace), a helper that
    the submission forks twice at import becomes a child of the student process (a subreaper),
    which the by-hand watch counts: sigmoid_grad computed there by torch.sigmoid loses."""
    require(os.geteuid() == 0, "without namespaces: root only")
    reference = (REPO / "tests/grading/reference/activations.py").read_text()
    (shared_folder / "class" / "orphan").mkdir(parents=True)
    (shared_folder / "class" / "orphan" / "activations.py").write_text(reference + ORPHAN_HELPER)
    report = shared_folder / "report.json"
    command = [sys.executable, "-m", "coursekit", "grade", str(shared_folder / "class"),
               "--chapter", "activations", "--json", str(report)]  # fmt: skip
    env = {"PATH": os.environ["PATH"], "HOME": str(shared_folder), "COURSEKIT_COURSE": str(REPO)}
    done = subprocess.run(without_namespaces(command, "root"), cwd=REPO, env=env,
                          capture_output=True, timeout=900)  # fmt: skip
    assert done.returncode == 0, done.stderr.decode(errors="replace")[-3000:]
    tests = [t for t in json.loads(report.read_text())[0]["tests"]
             if t["exercise"] == "sigmoid_grad"]  # fmt: skip
    assert tests and all(t["score"] == 0 and "another thread or process" in t["output"]
                         for t in tests), tests  # fmt: skip


@pytest.mark.parametrize("user", ["root", "nobody"])
def test_without_namespaces_native_code_is_seen(user, shared_folder):
    """Where no mount namespace makes the worker's folder noexec, a library the submission
    builds there loads: a sigmoid computed in it, right in value and gradient, must still lose
    its points, loaded at import or opened and closed within each call (``worker._native_code``:
    ctypes's audit event, the executable pages mapped from its folder). Once such code is
    loaded, every "by hand" call after it counts it: what any function does in it is unseen."""
    require(bool(shutil.which("gcc")), "needs gcc to build the submission's library")
    from tests.grading.test_hostile_values import NATIVE

    reference = (REPO / "tests/grading/reference/activations.py").read_text()
    klass = shared_folder / "class"
    loaded = "\ntry:\n    _LIB = _build()\nexcept OSError as exc:\n    _LIB = exc\n"
    for when in ("import", "call", "call-by-proc"):  # by-proc: a bytes path through /proc
        (klass / when).mkdir(parents=True)
        source = f"{reference}\n\nWHEN = {when!r}\n{NATIVE}\n" + loaded * (when == "import")
        (klass / when / "activations.py").write_text(source)
    report = shared_folder / "report.json"
    command = [sys.executable, "-m", "coursekit", "grade", str(klass), "--chapter",
               "activations", "--jobs", "1", "--json", str(report)]  # fmt: skip
    if user == "nobody":
        give_to_nobody(shared_folder)
    env = {"PATH": os.environ["PATH"], "HOME": str(shared_folder), "COURSEKIT_COURSE": str(REPO)}
    done = subprocess.run(without_namespaces(command, user), cwd=REPO, env=env,
                          capture_output=True, timeout=900)  # fmt: skip
    assert done.returncode == 0, done.stderr.decode(errors="replace")[-3000:]
    for result in json.loads(report.read_text()):
        tests = [t for t in result["tests"] if t["exercise"] == "sigmoid"]
        assert tests and all(t["score"] == 0 and "native code of its own" in t["output"]
                             for t in tests), (result["submission"], tests)  # fmt: skip


@pytest.mark.parametrize("namespaces", [True, False])
def test_a_student_process_dies_with_its_grading_process(namespaces, answers):
    """A grading process that dies (the OOM killer, the coordinator's kill) left its student
    process running, unwatched, for good (a sixth red team's replaced os._exit and held 300 MiB
    after `grade` had ended): its zygote, whose socket closes, returns, and each keeper then
    kills its student process. Without a pid namespace (root without CAP_SYS_ADMIN, as in a
    container), also a child in a session of its own (a seventh red team's): every process of
    the worker's uid."""
    require(namespaces or os.geteuid() == 0, "without namespaces: root only")
    # The student process is in a call (an idle one ends when its request pipe closes).
    script = ("import threading, time\n"
              "from coursekit.grading.isolation import Student, Worker\n"
              "worker = Worker(timeout=300, budget=300)\n"
              "student = Student(worker, 'k', 'answers', sys.argv[1])\n"
              "threading.Thread(target=student.sleep_for, args=(200, True), daemon=True).start()\n"
              "while worker.pid is None or not worker.loaded:\n"
              "    time.sleep(0.05)\n"
              "time.sleep(1)\n"
              "print(worker.pid, flush=True)\n"
              "time.sleep(300)\n")  # fmt: skip
    command = [sys.executable, "-c", f"import sys\n{script}", str(answers)]
    command = command if namespaces else without_namespaces(command, "root")
    grader = subprocess.Popen(command, cwd=REPO, stdout=subprocess.PIPE,
                              env={**os.environ, "PYTHONPATH": str(REPO)})  # fmt: skip
    try:
        pid = int(grader.stdout.readline())
        assert Path(f"/proc/{pid}").exists()
    finally:
        grader.kill()
        grader.wait()
    deadline = time.monotonic() + 30
    while _running(pid) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not _running(pid), "the student process outlived its grading process"
    time.sleep(1)
    from tests.grading.test_hostile import _worker_processes

    daemons = _worker_processes((b"sleep", b"299"))
    assert not daemons, "a child in a session of its own outlived its grading process"


def _running(pid: int) -> bool:
    """Whether process ``pid`` exists and is not dead (a zombie not yet reaped is dead)."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] not in "ZX"
    except (OSError, IndexError):
        return False


@pytest.mark.parametrize("user", ["root", "nobody"])
@pytest.mark.parametrize("place", ["home", "elsewhere"])
def test_the_graders_home_and_other_files_are_hidden(user, shared_folder, place):
    """As a normal user the student process has the grader's uid: it read the grader's SSH key
    and an earlier run's reports in its home (a sixth red team). The home ($HOME, and the uid's
    own) is hidden like the course; so is every file outside the system's folders and the
    Python installation (another course's answers in a folder beside the class: readable until
    session 36); here a file every uid may read stands for them."""
    home = shared_folder / "home"
    home.mkdir()
    (shared_folder / place).mkdir(exist_ok=True)
    secret = shared_folder / place / "secret"
    secret.write_text("the key\n")
    reference = (REPO / "tests/grading/reference" / f"{CHAPTER}.py").read_text()
    peek = (f"\ntry:\n    open({str(secret)!r}).read()\nexcept OSError:\n    pass\n"
            "else:\n    raise ImportError('read the grader\\'s files')\n")  # fmt: skip
    (shared_folder / "class" / "peek").mkdir(parents=True)
    (shared_folder / "class" / "peek" / f"{CHAPTER}.py").write_text(reference + peek)
    report = shared_folder / "out" / "report.json"  # its folder is hidden: apart from home
    report.parent.mkdir()
    command = [sys.executable, "-m", "coursekit", "grade", str(shared_folder / "class"),
               "--chapter", CHAPTER, "--json", str(report)]  # fmt: skip
    if user == "nobody":
        give_to_nobody(shared_folder)
        command = as_nobody(command)
    env = {"PATH": os.environ["PATH"], "HOME": str(home), "COURSEKIT_COURSE": str(REPO)}
    done = subprocess.run(command, cwd=REPO, env=env, capture_output=True, timeout=600)
    assert done.returncode == 0, done.stderr.decode(errors="replace")[-3000:]
    (result,) = json.loads(report.read_text())
    assert result["score"] == result["max_score"] > 0, result.get("error") or [
        t["output"] for t in result["tests"] if t["score"] == 0][:1]


def test_coursekit_imports_where_the_venv_lies_in_another_checkout(shared_folder):
    """An instructor grades from a second checkout with the venv of the first (`grade` run in
    the second, `python -m coursekit` taking its coursekit from there): the first checkout is
    hidden as a course, and with it the coursekit its venv's student processes import, so a
    module that imports coursekit (a notebook exported with its `coursekit.check` line) failed
    with PermissionError instead of its own message. That coursekit stays readable."""
    require(landlock.abi_version() >= 1, "this kernel has no Landlock (Linux 5.13+)")
    second = shared_folder / "second-checkout"
    for part in ("coursekit", "tests/grading/reference", "tests/grading/checks", "exercises"):
        shutil.copytree(REPO / part, second / part, ignore=shutil.ignore_patterns("__pycache__"))
    submission = shared_folder / "alice"
    submission.mkdir()
    reference = (REPO / "tests/grading/reference" / f"{CHAPTER}.py").read_text()
    (submission / f"{CHAPTER}.py").write_text(reference + "\nimport coursekit as _kit\n")
    env = {"PATH": os.environ["PATH"], "HOME": str(shared_folder)}
    done = subprocess.run([sys.executable, "-m", "coursekit", "check", CHAPTER, "--dir",
                           str(submission)], cwd=second, env=env, capture_output=True,
                          text=True, timeout=600)  # fmt: skip
    assert "PermissionError" not in done.stdout, done.stdout[-2000:]
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]


def test_a_real_time_signal_is_named_as_the_signal_that_killed_it(tmp_path):
    """A student process killed by a real-time signal (``os.kill(os.getpid(), 40)``; pid 1 of
    its own pid namespace ignores it, so without namespaces: root without CAP_SYS_ADMIN, as in
    a container): Python's ``signal.Signals`` names none of SIGRTMIN+1 to SIGRTMAX-1, and the
    grader's ValueError told the student it "could not use what your code returned"."""
    require(os.geteuid() == 0, "without namespaces: root only")
    folder = tmp_path / "sub"
    folder.mkdir()
    reference = (REPO / "tests/grading/reference/overfitting.py").read_text()
    (folder / "overfitting.py").write_text(
        f"{reference}\n\nimport os as _os\n\ndef l2_penalty(w):\n    _os.kill(_os.getpid(), 40)\n")
    report = tmp_path / "report.json"
    command = [sys.executable, "-m", "coursekit", "grade", str(folder), "--chapter",
               "overfitting", "--json", str(report)]  # fmt: skip
    done = subprocess.run(without_namespaces(command, "root"), cwd=REPO, capture_output=True,
                          timeout=600, env={**os.environ, "PYTHONPATH": str(REPO)})  # fmt: skip
    assert done.returncode == 0, done.stderr.decode(errors="replace")[-3000:]
    tests = [t for r in json.loads(report.read_text()) for t in r["tests"]
             if t["exercise"] == "l2_penalty"]  # fmt: skip
    assert tests and all(t["score"] == 0 for t in tests)
    assert all("killed by signal 40" in t["output"] for t in tests), [t["output"] for t in tests]
