"""Assembling an episode from its parts: timeline, tags, transcripts and chapters."""
