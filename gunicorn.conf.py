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
