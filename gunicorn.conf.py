"""gunicorn settings, read automatically when gunicorn starts in the project root.

Override any of them on the command line (e.g. --workers 4) or with GUNICORN_CMD_ARGS.
"""
import os

bind = os.environ.get("BIND", "127.0.0.1:8000")
workers = int(os.environ.get("WORKERS", "2"))
# gunicorn answers over-long request lines itself, with an HTML page; leave the check to the app,
# which answers 414 problem+json (api.MAX_URL_LENGTH)
limit_request_line = 0
accesslog = os.environ.get("ACCESS_LOG", "-")
# the request line ("%(r)s") would log query strings, and with them any key or token a client put there:
# log the path alone (%(U)s); nor the Basic-auth user name (%(u)s); headers (Authorization) are never logged
access_log_format = '%(h)s %(t)s "%(m)s %(U)s %(H)s" %(s)s %(b)s "%(a)s" %(L)ss'


def post_worker_init(worker):
    # requests gunicorn refuses itself (malformed request line or headers) get problem+json, not HTML
    from api.problems import install_protocol_error_writer

    install_protocol_error_writer(worker)
    # without REDIS_URL, batches of articles are extracted in the background of each worker (workers/embedded.py)
    from workers import embedded

    embedded.start()
