"""How the API is served: the gunicorn worker class gunicorn.conf.py names (server/worker.py)."""
