"""Item models of the workbench: plain snapshots, no I/O in ``data()``."""
