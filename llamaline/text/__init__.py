"""Reading articles: corpus files of every kind, their metadata, and the text that citations point into."""
