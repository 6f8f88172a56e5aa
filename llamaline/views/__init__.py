"""What the user sees: terminal views and export writers by format name."""
