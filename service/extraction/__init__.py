"""The NLP core: spaCy plus rules, no web framework. Public surface below."""

from .pipeline import EXTRACTORS, build_nlp, model_label, run, run_annotated, warm_up

__all__ = ["EXTRACTORS", "build_nlp", "model_label", "run", "run_annotated", "warm_up"]
