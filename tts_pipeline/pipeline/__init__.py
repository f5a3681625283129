"""The orchestration: options (every default), the Narrator that owns the stages for one article, the
batch over many (input stream, catalog, workers), process-wide settings and the editor preview."""
