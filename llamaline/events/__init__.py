"""Events: mentions from a document analysis, their types, and the reconciler that merges them into events."""
