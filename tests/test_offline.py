import socket

import pytest


def test_the_suite_refuses_network_use():
    with pytest.raises(AssertionError, match="network"):
        socket.create_connection(("127.0.0.1", 9))
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock, pytest.raises(AssertionError):
        sock.connect(("127.0.0.1", 9))


def test_no_network_modules_in_the_app():
    import pathlib

    import imr_companion

    root = pathlib.Path(imr_companion.__file__).parent
    for path in root.rglob("*.py"):
        text = path.read_text()
        for module in ("socket", "urllib", "http.client", "requests", "httpx", "aiohttp"):
            assert f"import {module}" not in text, path
