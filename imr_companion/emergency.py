"""The general emergency number of the person's region, for Help now before anything else is written.

Only well-known public numbers are listed. Where the region is unknown, Help
now says "your local emergency number" rather than guess one.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

SOMEWHERE_ELSE = "other"


@dataclass(frozen=True)
class Region:
    code: str
    name: str
    number: str


REGIONS: list[Region] = [
    Region("dk", "Denmark", "112"),
    Region("eu", "Elsewhere in Europe (EU, Norway, Iceland, Switzerland)", "112"),
    Region("gb", "United Kingdom", "999"),
    Region("us", "United States", "911"),
    Region("ca", "Canada", "911"),
    Region("au", "Australia", "000"),
    Region("nz", "New Zealand", "111"),
    Region(SOMEWHERE_ELSE, "Somewhere else", ""),
]
REGION_BY_CODE = {region.code: region for region in REGIONS}

# Countries where 112 is the general emergency number: the EU, the rest of the
# EEA, and Switzerland (ISO 3166 codes as they appear in a locale like de_AT).
_EUROPE_112 = frozenset(
    "AT BE BG HR CY CZ EE FI FR DE GR IE IT LV LT LU MT NL PL PT RO SK SI ES SE IS LI NO CH".split()  # noqa: SIM905
)
_BY_COUNTRY = {"DK": "dk", "GB": "gb", "US": "us", "CA": "ca", "AU": "au", "NZ": "nz"}

LOCAL_NUMBER = "your local emergency number"


def region_for_locale(tag: str | None) -> str | None:
    """The region of a locale such as 'da_DK.UTF-8' or 'en-GB'; None when it names no country we know."""
    if not tag:
        return None
    language = tag.split(".")[0].split("@")[0].replace("-", "_")
    parts = language.split("_")
    if len(parts) < 2:
        return None
    country = parts[-1].upper()
    if country in _BY_COUNTRY:
        return _BY_COUNTRY[country]
    if country in _EUROPE_112:
        return "eu"
    return None


def region_from_environment(environ: Mapping[str, str]) -> str | None:
    """The region named by the locale variables, in the order the C library reads them."""
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(name)
        if value and value not in ("C", "POSIX", "C.UTF-8"):
            return region_for_locale(value)
    return None


@dataclass(frozen=True)
class EmergencyRoute:
    """What Help now shows first: who to call and, when known, the number."""

    label: str
    number: str
    """Empty when no region is known: then the label says to call the local number."""


def emergency_route(own_number: str, region_code: str | None) -> EmergencyRoute:
    """The person's own emergency number if set, else their region's general number."""
    if own_number.strip():
        return EmergencyRoute("My emergency number", own_number.strip())
    region = REGION_BY_CODE.get(region_code or "")
    if region is None or not region.number:
        return EmergencyRoute(f"In an emergency, call {LOCAL_NUMBER}.", "")
    return EmergencyRoute("Emergency services", region.number)


def route_for(own_number: str, region_code: str | None, environ: Mapping[str, str]) -> EmergencyRoute:
    """What Help now and the printed pages show first: the chosen region, else the locale's."""
    region = region_code if region_code is not None else region_from_environment(environ)
    return emergency_route(own_number, region)
