"""Who to call first, for Help now and the printed plan, before anything else is written.

Only well-known public numbers are listed. Where the region is unknown, Help
now says "your local emergency number" rather than guess one. In Denmark
the region within the country adds the number for help that is urgent but
not life-threatening (verified, with sources, in docs/help-routes-denmark.md:
a number not verified there is never shown).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from imr_companion.i18n import N_, _

SOMEWHERE_ELSE = "other"
DENMARK = "dk"
"""Denmark without a region chosen (and stored data from before regions were asked)."""


@dataclass(frozen=True)
class Region:
    code: str
    name: str
    """English words, marked N_: shown through _()."""
    number: str


REGIONS: list[Region] = [
    Region(DENMARK, N_("Denmark"), "112"),
    Region("eu", N_("Elsewhere in Europe (EU, Norway, Iceland, Switzerland)"), "112"),
    Region("gb", N_("United Kingdom"), "999"),
    Region("us", N_("United States"), "911"),
    Region("ca", N_("Canada"), "911"),
    Region("au", N_("Australia"), "000"),
    Region("nz", N_("New Zealand"), "111"),
    Region(SOMEWHERE_ELSE, N_("Somewhere else"), ""),
]
REGION_BY_CODE = {region.code: region for region in REGIONS}


@dataclass(frozen=True)
class DanishRegion:
    """A region of Denmark: its ISO 3166-2 code, its own name, and its line for urgent help."""

    code: str
    name: str
    """The region's own name, the same in both languages."""
    urgent: str
    """The number for urgent help that is not life-threatening."""
    kind: str
    """'akuttelefon' (1813), 'one-number' (1818) or 'lægevagt'."""


# Each number verified in docs/help-routes-denmark.md (with its sources).
DANISH_REGIONS: list[DanishRegion] = [
    DanishRegion("DK-84", "Region Hovedstaden", "1813", "akuttelefon"),
    DanishRegion("DK-85", "Region Sjælland", "1818", "one-number"),
    DanishRegion("DK-83", "Region Syddanmark", "70 11 07 07", "lægevagt"),
    DanishRegion("DK-82", "Region Midtjylland", "70 11 31 31", "lægevagt"),
    DanishRegion("DK-81", "Region Nordjylland", "70 15 03 00", "lægevagt"),
]
DANISH_REGION_BY_CODE = {region.code: region for region in DANISH_REGIONS}
LIVSLINIEN = "70 201 201"

# Countries where 112 is the general emergency number: the EU, the rest of the
# EEA, and Switzerland (ISO 3166 codes as they appear in a locale like de_AT).
_EUROPE_112 = frozenset(
    "AT BE BG HR CY CZ EE FI FR DE GR IE IT LV LT LU MT NL PL PT RO SK SI ES SE IS LI NO CH".split()  # noqa: SIM905
)
_BY_COUNTRY = {"DK": DENMARK, "GB": "gb", "US": "us", "CA": "ca", "AU": "au", "NZ": "nz"}

LOCAL_NUMBER = N_("In an emergency, call your local emergency number.")


def in_denmark(region_code: str | None) -> bool:
    """Denmark, with or without a region (an unknown DK- code is Denmark without one)."""
    code = (region_code or "").upper()
    return code == "DK" or code.startswith("DK-")


def country_of(region_code: str | None) -> str | None:
    """The country code of REGIONS for a stored region: "dk" for any region of Denmark."""
    return DENMARK if in_denmark(region_code) else region_code


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
class RouteLine:
    """One line of the routes: words and a number, or a sentence alone (number empty)."""

    label: str
    number: str = ""


@dataclass(frozen=True)
class EmergencyRoute:
    """What Help now shows first: who to call and, when known, the number; then more routes."""

    label: str
    number: str
    """Empty when no region is known: then the label says to call the local number."""
    more: tuple[RouteLine, ...] = ()
    """In Denmark: urgent help that is not life-threatening, by region, and someone to talk to."""

    @property
    def lines(self) -> tuple[RouteLine, ...]:
        return (RouteLine(self.label, self.number), *self.more)


def emergency_route(own_number: str, region_code: str | None) -> EmergencyRoute:
    """The person's own emergency number if set, else their region's general number; then more."""
    more = danish_routes(region_code) if in_denmark(region_code) else ()
    if own_number.strip():
        return EmergencyRoute(_("My emergency number"), own_number.strip(), more)
    if in_denmark(region_code):
        return EmergencyRoute(_("If life is in danger"), "112", more)
    region = REGION_BY_CODE.get(region_code or "")
    if region is None or not region.number:
        return EmergencyRoute(_(LOCAL_NUMBER), "")
    return EmergencyRoute(_("Emergency services"), region.number)


def danish_routes(region_code: str | None) -> tuple[RouteLine, ...]:
    """After 112: the region's line for urgent help, what it is for, then Livslinien (never alone)."""
    region = DANISH_REGION_BY_CODE.get((region_code or "").upper())
    lines: list[RouteLine]
    if region is None:
        lines = [RouteLine(_("Urgent, but not life-threatening: call your own doctor or lægevagten."))]
    elif region.kind == "akuttelefon":
        lines = [
            RouteLine(_("Urgent, not life-threatening: Akuttelefonen"), region.urgent),
            RouteLine(
                _("You can also go to a psychiatric emergency room without a referral, day and night.")
            ),
        ]
    elif region.kind == "one-number":
        lines = [
            RouteLine(_("Urgent, not life-threatening"), region.urgent),
            RouteLine(
                _("{number} is also the way in to lægevagten and the psychiatric emergency room.").format(
                    number=region.urgent
                )
            ),
        ]
    else:
        lines = [
            RouteLine(_("Urgent, not life-threatening: Lægevagten"), region.urgent),
            RouteLine(
                _("Lægevagten: weekdays 16-08, weekends and holidays. In the daytime: your own doctor.")
            ),
        ]
    lines.append(RouteLine(_("Thoughts of suicide? Talk to Livslinien"), LIVSLINIEN))
    return tuple(lines)


def route_for(own_number: str, region_code: str | None, environ: Mapping[str, str]) -> EmergencyRoute:
    """What Help now and the printed pages show first: the chosen region, else the locale's."""
    region = region_code if region_code is not None else region_from_environment(environ)
    return emergency_route(own_number, region)
