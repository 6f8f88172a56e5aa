"""Reading articles: corpus files and metadata, boilerplate, sentences, cue words, names, attribution, and the
one analysis per document that the extractors read."""
