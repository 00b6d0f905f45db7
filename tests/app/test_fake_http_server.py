"""The shared loopback fake server: scripted replies in order, recording, 404, refusal."""

from __future__ import annotations

import httpx
import pytest

from tests.fakes.http_server import FakeServer, Reply, unused_port_url


def test_replies_in_order_then_the_last_repeats(fake_server):
    fake_server.add("POST", "/save", Reply(status=429), Reply(json={"job_id": "j"}))
    codes = [httpx.post(fake_server.url + "/save", data={"url": "u"}).status_code for _ in "abc"]
    assert codes == [429, 200, 200]
    assert fake_server.requests_to("/save")[0].form == {"url": ["u"]}


def test_callable_replies_and_unknown_routes(fake_server):
    fake_server.add("GET", "/echo", lambda request: Reply(json=request.query))
    assert httpx.get(fake_server.url + "/echo?a=1").json() == {"a": ["1"]}
    assert httpx.get(fake_server.url + "/nope").status_code == 404
    with pytest.raises(ValueError):
        fake_server.add("GET", "/empty")


def test_body_headers_and_content_type():
    with FakeServer() as server:
        server.add(
            "GET", "/page", Reply(body="<p>é</p>", content_type="text/html", headers={"X-A": "1"})
        )
        response = httpx.get(server.url + "/page")
    assert response.text == "<p>é</p>"
    assert response.headers["content-type"] == "text/html"
    assert response.headers["x-a"] == "1"


def test_unused_port_refuses_connections():
    with pytest.raises(httpx.ConnectError):
        httpx.get(unused_port_url())
