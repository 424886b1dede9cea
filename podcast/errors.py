"""The errors a producer can cause or fix, each printed by the CLI as one line.

    PodcastError                 base: str(error) is the whole message
    ├── InputError               a bad argument or input file (names it)
    │   └── DigestError          a digest that cannot be parsed
    ├── ConfigError              podcast.toml or voices/ settings
    ├── MissingToolError         a system program is not installed (says what to install)
    ├── RenderError              the speech engine failed on a segment
    │   └── SchedulerUnreachable the Dask cluster could not be reached (nothing sent)
    ├── AudioError               decoding, mixing or encoding failed
    ├── ProofError               strict proof: a flagged sentence the repairs could not fix
    ├── TaggingError             ID3 tags could not be written
    └── PublishError             the feed or published files could not be written
        └── RemotePublishError   the show folder is published; copying it to a remote destination failed
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from pathlib import Path


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """" (did you mean 'x'?)" for the nearest choice, or "" when none is near: a typo is fixed in one look."""
    near = difflib.get_close_matches(word, sorted(set(choices)), n=1, cutoff=0.7)
    return f" (did you mean {near[0]!r}?)" if near else ""


class PodcastError(Exception):
    """Base of every error the CLI reports as one line."""

    def __reduce__(self) -> tuple[type, tuple[str]]:
        # Errors cross process boundaries (worker pool): rebuild them from the message alone.
        return (_rebuilt, (type(self).__name__, str(self)))  # type: ignore[return-value]


def _rebuilt(name: str, message: str) -> PodcastError:
    error = PodcastError.__new__(globals()[name])
    Exception.__init__(error, message)
    return error


class InputError(PodcastError):
    """A bad argument or input file."""

    def __init__(self, where: str | Path, problem: str) -> None:
        super().__init__(f"{where}: {problem}")
        self.where = str(where)
        self.problem = problem


class DigestError(InputError):
    """A digest that cannot be turned into an episode."""


class ConfigError(InputError):
    """Show or voice settings that cannot be used."""


class MissingToolError(PodcastError):
    """A system program the build needs is not installed."""

    def __init__(self, program: str, package: str) -> None:
        super().__init__(
            f"{program} is not installed: install it with `apt-get install {package}`"
        )


class RenderError(PodcastError):
    """The speech engine could not render a segment."""


class SchedulerUnreachable(RenderError):
    """The cluster could not be reached: nothing was sent, nothing was published."""


class AudioError(PodcastError):
    """Audio could not be decoded, mixed or encoded."""


class ProofError(PodcastError):
    """The show's proof is strict and a sentence was not heard as written: the episode is not published."""


class TaggingError(PodcastError):
    """ID3 tags could not be written."""

    def __init__(self, path: str | Path, cause: Exception) -> None:
        super().__init__(f"{path}: cannot write tags: {cause}")


class PublishError(PodcastError):
    """A published file could not be written."""


class RemotePublishError(PublishError):
    """The show folder is published (the build succeeded); copying it to a remote destination failed."""
