"""Web addresses compared the way a person means them: one canonical form per page,
with the campaign parameters kept apart as attribution."""

from dataclasses import dataclass
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

_TRACKING_PREFIXES = ("utm_", "hsa_", "mc_", "pk_", "_hs")
_TRACKING = {"gclid", "fbclid", "dclid", "msclkid", "yclid", "spm", "from", "isappinstalled",
             "igshid", "ref", "ref_src", "_ga", "mkt_tok", "scm", "share_source", "wechat_redirect"}
_DEFAULT_PORTS = {"http": 80, "https": 443}
_INDEX_PAGES = ("index.html", "index.htm", "index.php", "default.aspx")


@dataclass(frozen=True)
class Attribution:
    """The campaign a visitor came from, as the site's links tagged it."""

    source: str | None = None
    medium: str | None = None
    campaign: str | None = None


def canonical_url(url: str) -> str:
    """The page a URL means: https, lower-case host without `www.` or a default port, no
    trailing slash or index page, no fragment, no tracking parameters."""
    text = url.strip().strip("<>\"'")
    if "://" not in text:
        text = "https://" + text.lstrip("/")
    parts = urlsplit(text)
    host = (parts.hostname or "").lower().removeprefix("www.")
    port = parts.port if parts.port not in (None, _DEFAULT_PORTS.get(parts.scheme.lower())) else None
    path = parts.path or "/"
    for index in _INDEX_PAGES:
        if path.endswith("/" + index):
            path = path[: -len(index)]
    path = path.rstrip("/") or "/"
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
             if k.lower() not in _TRACKING and not k.lower().startswith(_TRACKING_PREFIXES)]
    netloc = f"{host}:{port}" if port else host
    return urlunsplit(("https", netloc, path, urlencode(sorted(query)), ""))


def attribution(url: str) -> Attribution:
    """The utm_source, utm_medium and utm_campaign of a URL."""
    try:
        query = dict(parse_qsl(urlsplit(url.strip()).query))
    except ValueError:
        return Attribution()
    return Attribution(query.get("utm_source"), query.get("utm_medium"), query.get("utm_campaign"))


def host_of(url: str) -> str:
    """The site a URL belongs to, as compared: lower-case, without `www.`."""
    return (urlsplit(canonical_url(url)).hostname or "").removeprefix("www.")
