"""Running the app: Flask's server for one process in development, gunicorn for several workers."""

from __future__ import annotations

from flask import Flask
from gunicorn.app.base import BaseApplication


class GunicornServer(BaseApplication):
    """gunicorn with the app built (and its models loaded) once in the master, then forked."""

    def __init__(self, app: Flask, options: dict):
        self.application = app
        self.options = options
        super().__init__()

    def load_config(self) -> None:
        for key, value in self.options.items():
            self.cfg.set(key, value)

    def load(self) -> Flask:
        return self.application


def _post_fork(server, worker) -> None:
    from threadpoolctl import threadpool_limits

    # Each worker is one CPU's worth of work: BLAS/OpenMP threads per worker would only oversubscribe the cores.
    threadpool_limits(1)
    # Connections opened in the master must not be shared across processes.
    server.app.application.extensions["botlens"].engine.dispose(close=False)


def run_gunicorn(app: Flask, host: str, port: int, workers: int) -> None:
    GunicornServer(
        app,
        {
            "bind": f"{host}:{port}",
            "workers": workers,
            "preload_app": True,
            "post_fork": _post_fork,
            "accesslog": None,
            "timeout": 120,
            "worker_class": "sync",
        },
    ).run()


def run_development(app: Flask, host: str, port: int) -> None:
    app.run(host=host, port=port, threaded=True, use_reloader=False)
