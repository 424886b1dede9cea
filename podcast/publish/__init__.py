"""Publishing: the episode folder swapped in, the feeds, the pages, the cover, and where the files go."""
