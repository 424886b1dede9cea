"""Where parts are made: sentences rendered and cached, parts mixed and encoded, on this machine or a cluster."""
