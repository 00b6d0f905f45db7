"""Google Fact Check Tools client against a loopback server speaking the documented shapes."""

from __future__ import annotations

import pytest

from app.errors import UserError
from app.interop import factcheck_api as api
from tests.fakes.http_server import Reply, unused_port_url

KEY = "AIzaSy-test-key-0000"
PATH = api.SEARCH_PATH

# Shape from developers.google.com/fact-check/tools/api/reference/rest/v1alpha1/claims/search
PAGE_ONE = {
    "claims": [
        {
            "text": "La France a importé 300 tonnes de bœuf ukrainien en 2023.",
            "claimant": "Un député",
            "claimDate": "2024-01-15T00:00:00Z",
            "claimReview": [
                {
                    "publisher": {"name": "AFP Factuel", "site": "factuel.afp.com"},
                    "url": "https://factuel.afp.com/doc.afp.com.ABC123",
                    "title": "Non, la France n'a pas importé 300 tonnes de bœuf",
                    "reviewDate": "2024-01-17T10:00:00Z",
                    "textualRating": "Faux",
                    "languageCode": "fr",
                },
                {
                    "publisher": {"site": "example.org"},
                    "url": "https://example.org/check",
                    "textualRating": "Trompeur",
                },
            ],
        },
        {"text": "Claim without reviews"},
    ],
    "nextPageToken": "CAo",
}


def test_search_sends_documented_parameters_and_parses(fake_server):
    fake_server.add("GET", PATH, Reply(json=PAGE_ONE))
    page = api.search_claims(
        "  bœuf   ukrainien ",
        api_key=KEY,
        language_code="fr",
        review_publisher_site_filter="factuel.afp.com",
        max_age_days=30,
        page_size=5,
        base_url=fake_server.url,
    )
    request = fake_server.requests[0]
    assert request.query == {
        "query": ["bœuf ukrainien"],
        "languageCode": ["fr"],
        "reviewPublisherSiteFilter": ["factuel.afp.com"],
        "maxAgeDays": ["30"],
        "pageSize": ["5"],
    }
    assert request.headers["x-goog-api-key"] == KEY
    assert "key" not in request.query
    assert page.next_page_token == "CAo"
    first = page.results[0]
    assert first.claimant == "Un député" and first.claim_date == "2024-01-15T00:00:00Z"
    assert first.reviews[0] == api.PublishedReview(
        publisher_name="AFP Factuel",
        publisher_site="factuel.afp.com",
        url="https://factuel.afp.com/doc.afp.com.ABC123",
        title="Non, la France n'a pas importé 300 tonnes de bœuf",
        review_date="2024-01-17T10:00:00Z",
        textual_rating="Faux",
        language_code="fr",
    )
    assert first.reviews[1].publisher_name == "example.org"
    assert page.results[1].reviews == ()


def test_paging_sends_the_token_and_last_page_has_none(fake_server):
    fake_server.add("GET", PATH, Reply(json={}))
    page = api.search_claims("x", api_key=KEY, page_token="CAo", base_url=fake_server.url)
    assert fake_server.requests[0].query["pageToken"] == ["CAo"]
    assert page.results == [] and page.next_page_token is None


def test_no_key_fails_before_any_request(fake_server):
    with pytest.raises(UserError, match="No Google Fact Check Tools API key"):
        api.search_claims("x", api_key=None, base_url=fake_server.url)
    assert fake_server.requests == []


def test_empty_query_and_bad_numbers_are_refused(fake_server):
    with pytest.raises(UserError, match="Type some text"):
        api.search_claims("   ", api_key=KEY, base_url=fake_server.url)
    with pytest.raises(UserError, match="page size"):
        api.search_claims("x", api_key=KEY, page_size=0, base_url=fake_server.url)
    with pytest.raises(UserError, match="maximum age"):
        api.search_claims("x", api_key=KEY, max_age_days=0, base_url=fake_server.url)
    assert fake_server.requests == []


def _google_error(code: int, status: str, message: str, reason: str | None = None) -> Reply:
    error = {"code": code, "message": message, "status": status}
    if reason:
        error["details"] = [{"@type": "type.googleapis.com/google.rpc.ErrorInfo", "reason": reason}]
    return Reply(status=code, json={"error": error})


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        (
            _google_error(
                400,
                "INVALID_ARGUMENT",
                "API key not valid. Please pass a valid API key.",
                "API_KEY_INVALID",
            ),
            "API key is not valid",
        ),
        (
            _google_error(
                403,
                "PERMISSION_DENIED",
                "Fact Check Tools API has not been used in project 123 before or it is disabled.",
                "SERVICE_DISABLED",
            ),
            "not enabled",
        ),
        (
            _google_error(403, "PERMISSION_DENIED", "Requests from this referer are blocked."),
            "refused the API key",
        ),
        (
            _google_error(429, "RESOURCE_EXHAUSTED", "Quota exceeded", "RATE_LIMIT_EXCEEDED"),
            "quota is used up",
        ),
        (Reply(status=503, body="<html>down</html>"), "HTTP 503"),
        (
            _google_error(400, "INVALID_ARGUMENT", f"Bad value near {KEY}\nmore"),
            "rejected the search",
        ),
    ],
)
def test_http_errors_become_one_clear_message(fake_server, reply, expected):
    fake_server.add("GET", PATH, reply)
    with pytest.raises(UserError, match=expected) as info:
        api.search_claims("x", api_key=KEY, base_url=fake_server.url)
    message = str(info.value)
    assert KEY not in message and "\n" not in message


def test_not_json_is_a_user_error(fake_server):
    fake_server.add("GET", PATH, Reply(body="<html>captive portal</html>"))
    with pytest.raises(UserError, match="not JSON"):
        api.search_claims("x", api_key=KEY, base_url=fake_server.url)


def test_offline_is_a_user_error():
    with pytest.raises(UserError, match="unreachable"):
        api.search_claims("x", api_key=KEY, base_url=unused_port_url())


def test_timeout_is_a_user_error(fake_server):
    fake_server.add("GET", PATH, Reply(json=PAGE_ONE, delay=5))
    with pytest.raises(UserError, match=r"did not answer within 0\.2 s"):
        api.search_claims("x", api_key=KEY, base_url=fake_server.url, timeout=0.2)


def test_results_become_claimreview_objects():
    page = api.parse_search_response(PAGE_ONE)
    objects = api.to_claimreviews(page.results)
    assert len(objects) == 2
    first = objects[0]
    assert first["@type"] == "ClaimReview"
    assert first["claimReviewed"].startswith("La France a importé")
    assert first["itemReviewed"]["author"]["name"] == "Un député"
    assert first["itemReviewed"]["datePublished"] == "2024-01-15T00:00:00Z"
    assert first["author"] == {
        "@type": "Organization",
        "name": "AFP Factuel",
        "url": "https://factuel.afp.com",
    }
    assert first["reviewRating"]["alternateName"] == "Faux"
    assert first["url"] == "https://factuel.afp.com/doc.afp.com.ABC123"
    assert first["inLanguage"] == "fr" and first["datePublished"] == "2024-01-17T10:00:00Z"
    assert "inLanguage" not in objects[1]


def test_results_become_importer_records():
    page = api.parse_search_response(PAGE_ONE)
    records = api.to_review_records(page.results)
    assert len(records) == 2
    first = records[0]
    assert first.claim_text.startswith("La France a importé 300 tonnes")
    assert first.claimant == "Un député"
    assert first.claim_date == "2024-01-15T00:00:00Z"
    assert first.publisher == "AFP Factuel"
    assert first.review_url == "https://factuel.afp.com/doc.afp.com.ABC123"
    assert first.textual_rating == "Faux"
    assert first.date_published == "2024-01-17T10:00:00Z"
    assert first.lang == "fr"
    assert first.title.startswith("Non, la France")
    assert '"ClaimReview"' in first.jsonld
    assert records[1].publisher == "example.org" and records[1].textual_rating == "Trompeur"


def test_results_without_claim_text_are_dropped():
    page = api.parse_search_response(
        {"claims": [{"text": "", "claimReview": [{"textualRating": "Faux"}]}]}
    )
    assert api.to_review_records(page.results) == []


def test_check_key_makes_one_small_search(fake_server):
    fake_server.add("GET", PATH, Reply(json={}))
    api.check_key(KEY, base_url=fake_server.url)
    assert fake_server.requests[0].query["pageSize"] == ["1"]
    error = {"code": 400, "message": "API key not valid.", "status": "INVALID_ARGUMENT"}
    fake_server.add("GET", PATH, Reply(status=400, json={"error": error}))
    with pytest.raises(UserError, match="not valid"):
        api.check_key("wrong", base_url=fake_server.url)
