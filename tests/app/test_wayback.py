"""Save Page Now 2 client against a loopback server speaking the documented SPN2 shapes."""

from __future__ import annotations

import pytest

from app.errors import UserError
from app.interop import wayback
from app.storage.claims import add_claim
from app.storage.sources import add_source, get_source
from tests.fakes.http_server import Reply, unused_port_url

ACCESS = "acc3ssKEY"
SECRET = "s3cretKEY"
PAGE = "https://www.insee.fr/fr/statistiques/1234?x=1"
JOB = "spn2-0123456789abcdef"
STATUS = f"/save/status/{JOB}"
SUBMITTED = Reply(json={"url": PAGE, "job_id": JOB})
PENDING = Reply(json={"status": "pending", "job_id": JOB, "resources": []})
SUCCESS = Reply(
    json={
        "status": "success",
        "job_id": JOB,
        "original_url": PAGE,
        "timestamp": "20260126101500",
        "duration_sec": 6.2,
        "http_status": 200,
        "resources": [PAGE],
    }
)


def _archive(server, **options):
    options.setdefault("poll_interval", 0.01)
    options.setdefault("timeout", 5)
    return wayback.archive_url(
        PAGE, access_key=ACCESS, secret_key=SECRET, base_url=server.url, **options
    )


def test_submit_then_follow_until_success(fake_server):
    fake_server.add("POST", "/save", SUBMITTED)
    fake_server.add("GET", STATUS, PENDING, PENDING, SUCCESS)
    assert _archive(fake_server) == f"https://web.archive.org/web/20260126101500/{PAGE}"
    submit = fake_server.requests_to("/save")[0]
    assert submit.headers["authorization"] == f"LOW {ACCESS}:{SECRET}"
    assert submit.headers["accept"] == "application/json"
    assert submit.form["url"] == [PAGE]
    polls = fake_server.requests_to(STATUS)
    assert len(polls) == 3
    assert polls[0].headers["authorization"] == f"LOW {ACCESS}:{SECRET}"


def test_rate_limited_status_polls_back_off_and_continue(fake_server):
    fake_server.add("POST", "/save", SUBMITTED)
    fake_server.add("GET", STATUS, Reply(status=429), SUCCESS)
    assert _archive(fake_server).endswith(PAGE)


def test_only_web_urls_and_keys_are_required(fake_server):
    with pytest.raises(UserError, match="Only web pages"):
        wayback.archive_url("file:///etc/passwd", access_key=ACCESS, secret_key=SECRET)
    with pytest.raises(UserError, match="No Internet Archive keys"):
        wayback.archive_url(PAGE, access_key=ACCESS, secret_key=None, base_url=fake_server.url)
    assert fake_server.requests == []


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        (Reply(status=401, body="Unauthorized"), "refused the Internet Archive keys"),
        (Reply(status=403, json={"message": "bad"}), "refused the Internet Archive keys"),
        (Reply(status=429, body="Too Many Requests"), "limiting captures"),
        (Reply(status=502, body="<html>Bad gateway</html>"), "not available"),
        (Reply(status=200, body="<html>login</html>"), "not JSON"),
        (
            Reply(
                json={
                    "status": "error",
                    "status_ext": "error:user-session-limit",
                    "message": "You have already reached the limit of active sessions.",
                }
            ),
            "too many captures are running",
        ),
        (
            Reply(status=400, json={"status": "error", "message": f"Bad {ACCESS} and {SECRET}"}),
            r"could not archive the page: Bad \*\*\* and \*\*\*",
        ),
    ],
)
def test_submit_failures(fake_server, reply, expected):
    fake_server.add("POST", "/save", reply)
    with pytest.raises(UserError, match=expected) as info:
        _archive(fake_server)
    message = str(info.value)
    assert ACCESS not in message and SECRET not in message and "\n" not in message
    assert fake_server.requests_to(STATUS) == []


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        (
            Reply(
                json={
                    "status": "error",
                    "job_id": JOB,
                    "status_ext": "error:invalid-host-resolution",
                    "exception": "[Errno -2] Name or service not known",
                    "message": "Couldn't resolve host for https://www.insee.fr/.",
                }
            ),
            "host name does not resolve",
        ),
        (
            Reply(json={"status": "error", "status_ext": "error:new-code", "message": "Odd."}),
            r"Odd\. \(error:new-code\)",
        ),
        (Reply(json={"status": "success", "job_id": JOB}), "without a capture address"),
        (Reply(status=404, body="not found"), r"rejected the request \(HTTP 404\)"),
    ],
)
def test_status_failures(fake_server, reply, expected):
    fake_server.add("POST", "/save", SUBMITTED)
    fake_server.add("GET", STATUS, reply)
    with pytest.raises(UserError, match=expected):
        _archive(fake_server)


def test_a_job_that_stays_pending_times_out(fake_server):
    fake_server.add("POST", "/save", SUBMITTED)
    fake_server.add("GET", STATUS, PENDING)
    with pytest.raises(UserError, match=r"not finished the capture after 0\.2 s"):
        _archive(fake_server, timeout=0.2, poll_interval=0.05)


def test_cancel_stops_following(fake_server):
    fake_server.add("POST", "/save", SUBMITTED)
    fake_server.add("GET", STATUS, PENDING)
    calls = []

    def cancelled() -> bool:
        calls.append(1)
        return len(calls) > 3

    with pytest.raises(wayback.ArchiveCancelled):
        _archive(fake_server, cancelled=cancelled)
    assert len(fake_server.requests_to(STATUS)) <= 3


def test_offline_and_slow_service(fake_server):
    with pytest.raises(UserError, match="unreachable"):
        wayback.archive_url(PAGE, access_key=ACCESS, secret_key=SECRET, base_url=unused_port_url())
    fake_server.add("POST", "/save", Reply(json={"job_id": JOB}, delay=5))
    with pytest.raises(UserError, match="did not answer in time"):
        _archive(fake_server, request_timeout=0.2)


def test_archive_source_stores_the_archive_url(db, fake_server):
    claim = add_claim(db, text="Le chômage a baissé de 2 % en 2025.")
    link = add_source(db, claim.id, url=PAGE)
    fake_server.add("POST", "/save", SUBMITTED)
    fake_server.add("GET", STATUS, SUCCESS)
    archived = wayback.archive_source(
        db,
        link.source.id,
        access_key=ACCESS,
        secret_key=SECRET,
        base_url=fake_server.url,
        poll_interval=0.01,
    )
    assert get_source(db, link.source.id).archive_url == archived
    with pytest.raises(UserError, match="no source 999"):
        wayback.archive_source(db, 999, access_key=ACCESS, secret_key=SECRET)


def test_check_keys_reads_the_account_status(fake_server):
    fake_server.add(
        "GET",
        "/save/status/user",
        Reply(json={"available": 12, "processing": 3, "daily_captures": 40}),
    )
    account = wayback.check_keys(access_key=ACCESS, secret_key=SECRET, base_url=fake_server.url)
    assert account == wayback.WaybackAccount(12, 3, 40, None)
    request = fake_server.requests[0]
    assert request.headers["authorization"] == f"LOW {ACCESS}:{SECRET}"
    assert request.query["_t"][0].isdigit()


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        (Reply(status=401, body="no"), "refused the Internet Archive keys"),
        (Reply(json={"processing": 1}), "unexpected account status"),
    ],
)
def test_check_keys_failures(fake_server, reply, expected):
    fake_server.add("GET", "/save/status/user", reply)
    with pytest.raises(UserError, match=expected):
        wayback.check_keys(access_key=ACCESS, secret_key=SECRET, base_url=fake_server.url)


def test_check_keys_needs_both_keys():
    with pytest.raises(UserError, match="No Internet Archive keys"):
        wayback.check_keys(access_key="", secret_key=SECRET)
