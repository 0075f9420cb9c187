"""A short list of calm themes with plain names, and what an older saved choice becomes.

Textual ships twenty-odd themes named after editors (catppuccin-frappe,
dracula...). A person choosing how the app looks needs a few clear choices:
dark, light, high contrast, and a softer pair.
"""

from __future__ import annotations

from typing import NamedTuple

from textual.theme import BUILTIN_THEMES, Theme

from imr_companion.i18n import N_


class ThemeChoice(NamedTuple):
    """A named tuple, not a frozen dataclass: defined before Today's first frame (~0.5 ms less)."""

    name: str
    """Stored in settings; also the Textual theme's name."""
    label: str
    help: str
    """label and help in English, marked for the catalogue: drawn through `_()` in the palette."""


def _renamed(source: str, name: str) -> Theme:
    base = BUILTIN_THEMES[source]
    return Theme(
        name=name,
        primary=base.primary,
        secondary=base.secondary,
        accent=base.accent,
        warning=base.warning,
        error=base.error,
        success=base.success,
        foreground=base.foreground,
        background=base.background,
        surface=base.surface,
        panel=base.panel,
        boost=base.boost,
        dark=base.dark,
        variables=dict(base.variables),
    )


HIGH_CONTRAST = Theme(
    name="high-contrast",
    primary="#FFFF00",
    secondary="#00FFFF",
    accent="#FFFF00",
    warning="#FFD700",
    error="#FF8080",
    success="#00FF00",
    foreground="#FFFFFF",
    background="#000000",
    surface="#000000",
    panel="#202020",
    dark=True,
    variables={
        "text-muted": "#FFFFFF",
        "text-primary": "#FFFF00",
        "text-warning": "#FFD700",
        "border": "#FFFFFF",
        "border-blurred": "#C0C0C0",
        "block-cursor-foreground": "#000000",
        "block-cursor-background": "#FFFF00",
        "block-cursor-text-style": "bold",
        "block-cursor-blurred-foreground": "#000000",
        "block-cursor-blurred-background": "#C0C0C0",
        "footer-key-foreground": "#FFFF00",
        "footer-description-foreground": "#FFFFFF",
        "input-cursor-background": "#FFFFFF",
        "input-cursor-foreground": "#000000",
        "input-selection-background": "#0000FF",
        "button-color-foreground": "#000000",
        "scrollbar": "#C0C0C0",
    },
)

THEMES: list[Theme] = [
    _renamed("textual-dark", "dark"),
    _renamed("textual-light", "light"),
    HIGH_CONTRAST,
    _renamed("nord", "soft-dark"),
    _renamed("solarized-light", "soft-light"),
    _renamed("gruvbox", "warm-dark"),
]
CHOICES: list[ThemeChoice] = [
    ThemeChoice("dark", N_("Dark"), N_("light words on a dark background")),
    ThemeChoice("light", N_("Light"), N_("dark words on a light background")),
    ThemeChoice("high-contrast", N_("High contrast"), N_("white and yellow on black, easiest to read")),
    ThemeChoice("soft-dark", N_("Soft dark"), N_("gentle blue-grey")),
    ThemeChoice("soft-light", N_("Soft light"), N_("warm cream background")),
    ThemeChoice("warm-dark", N_("Warm dark"), N_("brown and amber")),
]
DEFAULT = "dark"


def plain_theme(saved: str) -> str:
    """The theme to use for a saved name, also one saved before the short list existed."""
    if saved in {choice.name for choice in CHOICES}:
        return saved
    if saved in ("nord", "tokyo-night", "catppuccin-frappe", "catppuccin-macchiato", "rose-pine-moon"):
        return "soft-dark"
    if saved in ("solarized-light", "catppuccin-latte", "rose-pine-dawn", "flexoki"):
        return "soft-light"
    if saved in ("gruvbox", "monokai"):
        return "warm-dark"
    old = BUILTIN_THEMES.get(saved)
    return "light" if old is not None and not old.dark else DEFAULT
