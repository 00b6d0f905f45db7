"""The workbench panes: thin widgets that show snapshots and forward the checker's intent."""
