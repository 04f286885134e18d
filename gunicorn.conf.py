"""gunicorn settings, read automatically when gunicorn starts in the project root.

Override any of them on the command line (e.g. --workers 4) or with GUNICORN_CMD_ARGS.
"""
import gc
import os
import sys

bind = os.environ.get("BIND", "127.0.0.1:8000")
workers = int(os.environ.get("WORKERS", "2"))
# gthread that hands a thread only complete requests (server/worker.py): a client sending its request slowly
# holds a socket, not a worker; READ_TIMEOUT (seconds, default 10) bounds how long a request may take to arrive
worker_class = "server.worker.RequestBufferingWorker"
threads = int(os.environ.get("THREADS", "2"))
# each connection carries one request, as the sync worker's did: new connections are spread over the workers by
# accept(), while kept-alive ones stay with the worker that took them (set KEEPALIVE=2 for keep-alive)
keepalive = int(os.environ.get("KEEPALIVE", "0"))
# gunicorn refuses longer request lines itself (414, problem+json through the writer below); with no limit
# its parser re-scanned the growing buffer, quadratic in the line's length (8 MB: 11 s of a worker)
limit_request_line = 8190
# X-Forwarded-* and Forwarded are believed only from these addresses (FORWARDED_ALLOW_IPS, comma-separated:
# the reverse proxy in front); by default from nobody, not even 127.0.0.1 (docs/security.md)
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "")
accesslog = os.environ.get("ACCESS_LOG", "-")
# the request line ("%(r)s") would log query strings, and with them any key or token a client put there:
# log the path alone (%(U)s); nor the Basic-auth user name (%(u)s); headers (Authorization) are never logged
access_log_format = '%(h)s %(t)s "%(m)s %(U)s %(H)s" %(s)s %(b)s "%(a)s" %(L)ss'


def post_worker_init(worker):
    # requests gunicorn refuses itself (malformed request line or headers) get problem+json, not HTML
    from api.problems import install_protocol_error_writer

    install_protocol_error_writer(worker)
    # the event loop hands each request to a thread and back: with Python's default 5 ms switch interval
    # each hand-over could wait that long for the GIL; at 0.5 ms the narrow benchmark mix ran ~1.5x faster,
    # ahead of the sync worker (docs/benchmarks.md)
    sys.setswitchinterval(0.0005)
    # actor and topic names for the rows' summaries: read here, not by the worker's first request
    from models.summary import load_reference_names

    load_reference_names()
    # the app, its routes, schemas and modules (~60,000 objects) never become garbage: out of the collector's
    # reach, a full collection walks only what requests and the caches made (~70 ms -> ~10 ms of a stalled
    # worker at the wide benchmark mix, docs/benchmarks.md)
    gc.freeze()
    # without REDIS_URL, batches of articles are extracted in the background of each worker (workers/embedded.py)
    from workers import embedded

    embedded.start()
