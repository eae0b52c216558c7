"""Why two contacts were suggested as one buyer: what they share, kept with the suggestion
in a form the window can put in a salesperson's words (and language)."""

from dataclasses import dataclass

from leaddesk.domain.vocabulary import IdentityKind

NAME_AND_COMPANY = "name and company"
NAME_AND_COUNTRY = "name and country"
_SHARED = {kind.value for kind in IdentityKind} | {NAME_AND_COMPANY, NAME_AND_COUNTRY}


@dataclass(frozen=True)
class Why:
    """What a pair shares: an identity kind ("phone", "email", "wechat") with its value, or
    "name and company" / "name and country"; `shared` is empty for a reason stored in
    words before reasons were kept this way, which `value` then holds."""

    shared: str
    value: str = ""

    def stored(self) -> str:
        """The reason as the duplicate_candidates table keeps it."""
        return f"same {self.shared}:{self.value}" if self.value else f"same {self.shared}"


def why_of(reason: str) -> Why:
    """A stored reason read back; one in words stays words."""
    if reason.startswith("same "):
        shared, _, value = reason.removeprefix("same ").partition(":")
        if shared in _SHARED:
            return Why(shared, value)
    return Why("", reason)
