"""Language tags, read one way everywhere: the show's `language` ("en-GB", "pt_BR"), a voice's ("en-us"), the ear's.

A show, an engine and the recognizer each write a language a little differently; every comparison goes through
these two functions, so "pt_BR", "pt-br" and "PT-BR" are one language and "en-GB" speaks "en".
"""

from __future__ import annotations


def normal(tag: str) -> str:
    """The tag in one spelling: lower case, a hyphen between its parts ("pt_BR" -> "pt-br")."""
    return tag.strip().replace("_", "-").lower()


def base(tag: str) -> str:
    """The language alone, without its region ("en-GB" -> "en", "pt_BR" -> "pt"); "" for no tag."""
    return normal(tag).split("-")[0]


def same_language(first: str, second: str) -> bool:
    """Whether two tags name one language, whatever their regions ("en-us" and "en-GB")."""
    return base(first) == base(second)
