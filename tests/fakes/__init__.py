"""Stand-ins for the outside world in tests: loopback HTTP servers, an in-memory keyring."""
