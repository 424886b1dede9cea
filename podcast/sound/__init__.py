"""The sound of a part: mixing, jingles, loudness and MP3 encoding."""
