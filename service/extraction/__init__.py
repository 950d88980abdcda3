"""The NLP core: spaCy plus rules, no web framework. Public surface below.

``run(nlp, text)`` is ``prepare`` -> ``annotate_text`` -> ``extract_from_doc``;
``EXTRACTORS`` declares which response field each extractor fills and what it reads.
"""

from .pipeline import annotate_text, annotate_texts, build_nlp, model_label, run, warm_up
from .preprocess import Prepared, prepare
from .registry import EXTRACTORS, extract_from_doc

__all__ = ["EXTRACTORS", "Prepared", "annotate_text", "annotate_texts", "build_nlp",
           "extract_from_doc", "model_label", "prepare", "run", "warm_up"]
