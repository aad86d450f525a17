"""Text: reading documents (.txt files, JSONL corpora) and splitting them into sentences."""

from geokit.text.documents import ReadError, iter_documents, read_documents, read_text_file
from geokit.text.sentences import split_sentences

__all__ = ["ReadError", "iter_documents", "read_documents", "read_text_file", "split_sentences"]
