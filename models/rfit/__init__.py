"""Resume-fit cross-encoder pipeline (training / export / evaluation only)."""
