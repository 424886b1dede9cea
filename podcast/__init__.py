"""podcast: turns a daily plain-text news digest into an audio briefing podcast."""

__version__ = "0.1.0"
