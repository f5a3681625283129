"""Fetch one page over HTTP(S) for the clean/narrate stages: timeouts, redirects, a size cap, clear errors.

Every failure is a BadInput naming the URL and what went wrong (HTTP status, unreachable host, timeout,
a content type that is not a page, a body over the size cap), so the CLI prints one line and exits 2.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

import httpx

from tts_pipeline.errors import BadInput

MAX_PAGE_BYTES = 20 * 1024 * 1024
CONNECT_TIMEOUT_S = 10.0
TOTAL_TIMEOUT_S = 30.0  # the whole download, so a server dripping bytes cannot hold us forever
MAX_REDIRECTS = 5
USER_AGENT = "tts-pipeline/0.1 (article narration; +https://github.com/)"
PAGE_TYPES = ("text/html", "application/xhtml+xml", "text/plain")


@dataclass(frozen=True)
class Fetched:
    data: bytes
    url: str  # after redirects
    content_type: str  # e.g. "text/html"
    charset: str | None  # from the Content-Type header, when given


def is_url(location: str) -> bool:
    return location.lower().startswith(("http://", "https://"))


def fetch(url: str, timeout: float = TOTAL_TIMEOUT_S, max_bytes: int = MAX_PAGE_BYTES) -> Fetched:
    """GET url following redirects; the body must be an HTML or text page no larger than max_bytes."""
    limits = httpx.Timeout(min(timeout, CONNECT_TIMEOUT_S), read=timeout)
    try:
        with (
            httpx.Client(
                follow_redirects=True, max_redirects=MAX_REDIRECTS, timeout=limits, headers={"User-Agent": USER_AGENT}
            ) as client,
            client.stream("GET", url) as response,
        ):
            _check_response(response, url, max_bytes)
            data = _read_capped(response, url, max_bytes, time.monotonic() + timeout, timeout)
            final_url = str(response.url)
            content_type, charset = _content_type(response)
    except httpx.TimeoutException:
        raise BadInput(f"timed out after {timeout:g} s fetching {url}") from None
    except httpx.TooManyRedirects:
        raise BadInput(f"more than {MAX_REDIRECTS} redirects fetching {url}") from None
    except httpx.ConnectError as exc:
        raise BadInput(f"cannot reach {url}: {_reason(exc)}") from None
    except (httpx.InvalidURL, httpx.UnsupportedProtocol) as exc:
        raise BadInput(f"not a usable URL: {url} ({_reason(exc)})") from None
    except httpx.HTTPError as exc:
        raise BadInput(f"fetching {url} failed: {_reason(exc)}") from None
    return Fetched(data, final_url, content_type, charset)


def _reason(exc: Exception) -> str:
    return " ".join(str(exc).split()) or type(exc).__name__


def _content_type(response: httpx.Response) -> tuple[str, str | None]:
    header = response.headers.get("content-type", "")
    media = header.split(";")[0].strip().lower()
    return media, response.charset_encoding


def _check_response(response: httpx.Response, url: str, max_bytes: int) -> None:
    if response.status_code >= 400:
        raise BadInput(f"{url} answered HTTP {response.status_code} {response.reason_phrase}".rstrip())
    media, _ = _content_type(response)
    if media and media not in PAGE_TYPES:
        raise BadInput(f"{url} is {media}, not an HTML or text page")
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > max_bytes:
        raise BadInput(f"{url} is larger than {max_bytes // (1024 * 1024)} MB")


def _read_capped(response: httpx.Response, url: str, max_bytes: int, deadline: float, timeout: float) -> bytes:
    chunks: list[bytes] = []
    size = 0
    for chunk in response.iter_bytes():
        size += len(chunk)
        if size > max_bytes:
            raise BadInput(f"{url} is larger than {max_bytes // (1024 * 1024)} MB")
        if time.monotonic() > deadline:
            raise BadInput(f"timed out after {timeout:g} s fetching {url}")
        chunks.append(chunk)
    return b"".join(chunks)
