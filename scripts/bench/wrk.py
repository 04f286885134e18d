"""Run wrk against one URL for a fixed duration and parse requests/s and latency percentiles."""
from __future__ import annotations

import re
import subprocess
import tempfile
from dataclasses import dataclass

# wrk prints durations with a unit: "812.00us", "1.23ms", "1.02s"
_UNIT_MS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0}
_PERCENTILE = re.compile(r"^\s*(50|99)(?:\.0+)?%\s+([\d.]+)(us|ms|s|m)\s*$", re.M)
_RPS = re.compile(r"^Requests/sec:\s+([\d.]+)", re.M)
_REQUESTS = re.compile(r"^\s*(\d+) requests in", re.M)
_NON_2XX = re.compile(r"Non-2xx or 3xx responses:\s+(\d+)")
_SOCKET_ERRORS = re.compile(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)")


@dataclass(frozen=True)
class LoadResult:
    requests_per_s: float
    p50_ms: float
    p99_ms: float
    requests: int
    errors: int  # non-2xx responses + connect/read/write/timeout socket errors


def parse_wrk(output: str) -> LoadResult:
    """Numbers from `wrk --latency` output; raises ValueError when wrk printed no summary."""
    rps, total = _RPS.search(output), _REQUESTS.search(output)
    percentiles = {p: float(v) * _UNIT_MS[u] for p, v, u in _PERCENTILE.findall(output)}
    if not rps or not total or set(percentiles) != {"50", "99"}:
        raise ValueError(f"no wrk summary in output:\n{output}")
    non_2xx = _NON_2XX.search(output)
    sockets = _SOCKET_ERRORS.search(output)
    socket_errors = sum(int(n) for n in sockets.groups()) if sockets else 0
    return LoadResult(
        requests_per_s=float(rps.group(1)),
        p50_ms=percentiles["50"],
        p99_ms=percentiles["99"],
        requests=int(total.group(1)),
        errors=(int(non_2xx.group(1)) if non_2xx else 0) + socket_errors,
    )


def run_wrk(url: str, *, threads: int = 2, connections: int = 16, duration_s: int = 10) -> LoadResult:
    """One bounded load run (wrk stops itself after duration_s; the timeout is a safety net)."""
    if not url.startswith("http://127.0.0.1:"):
        raise ValueError(f"benchmarks only send traffic to 127.0.0.1, not {url}")
    command = ["wrk", f"-t{threads}", f"-c{connections}", f"-d{duration_s}s", "--latency", url]
    done = subprocess.run(command, capture_output=True, text=True, timeout=duration_s + 30, check=True)
    return parse_wrk(done.stdout)


# each wrk thread walks the list from its own random start, one path per request
ROTATE_LUA = """
local paths = {}
local i = 0
init = function(args)
  for line in io.lines(args[1]) do paths[#paths + 1] = line end
  math.randomseed(os.time() + #paths + tonumber(tostring({}):sub(8), 16))
  i = math.random(#paths)
end
request = function()
  i = i % #paths + 1
  return wrk.format("GET", paths[i])
end
"""


def run_wrk_mix(base: str, paths: list[str], *, threads: int = 2, connections: int = 16,
                duration_s: int = 10) -> LoadResult:
    """One bounded load run over many paths of one server, each request the next path of the list."""
    if not base.startswith("http://127.0.0.1:"):
        raise ValueError(f"benchmarks only send traffic to 127.0.0.1, not {base}")
    with tempfile.NamedTemporaryFile("w", suffix=".lua") as script, \
            tempfile.NamedTemporaryFile("w", suffix=".txt") as listing:
        script.write(ROTATE_LUA)
        script.flush()
        listing.write("\n".join(paths) + "\n")
        listing.flush()
        command = ["wrk", f"-t{threads}", f"-c{connections}", f"-d{duration_s}s", "--latency", "-s", script.name,
                   base + "/", "--", listing.name]
        done = subprocess.run(command, capture_output=True, text=True, timeout=duration_s + 30, check=True)
    return parse_wrk(done.stdout)
