"""The repository and its archive of meetings: discovery, the index and its cache, task tracking."""
