"""What users see: terminal views and export writers by format name."""
