"""Small widgets and renderers shared by the workbench panes."""
