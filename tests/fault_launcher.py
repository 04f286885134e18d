"""Runs a command (gunicorn or scripts/worker.py) with the extractor made to fail on marked articles, as an
extractor bug or a crash on some input would: the rest of the ingest path is the real one.

usage: python tests/fault_launcher.py gunicorn ARGS... | python tests/fault_launcher.py SCRIPT ARGS...

An article containing FAILS raises inside extract(); one containing KILLS kills the process extracting it
(SIGKILL, as the kernel's out-of-memory killer would); one containing STALLS never ends (past any time
limit); every time.
"""
from __future__ import annotations

import os
import runpy
import signal
import sys
import time
from pathlib import Path

FAILS = "[lỗi-trích-xuất]"
KILLS = "[tiến-trình-chết]"
STALLS = "[treo-mãi]"


def install() -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    import extraction

    real = extraction.extract

    def extract(text, meta=None):
        if FAILS in text:
            raise RuntimeError("the extractor failed on this article (injected fault)")
        if KILLS in text:
            os.kill(os.getpid(), signal.SIGKILL)
        if STALLS in text:
            time.sleep(3600)
        return real(text, meta)

    extraction.extract = extract


if __name__ == "__main__":
    install()
    command, *args = sys.argv[1:]
    if command == "gunicorn":
        from gunicorn.app.wsgiapp import run

        sys.argv = ["gunicorn", *args]
        sys.exit(run())
    sys.argv = [command, *args]
    runpy.run_path(command, run_name="__main__")
