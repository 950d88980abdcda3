"""Lemmas on demand: the few tokens an extractor asks about, not every token.

Extractors read the lemma of cue verbs, tense verbs and speaker nouns: a few dozen
tokens per article. The fast parsing modes skip the lemmatizer component (it
lemmatizes every token) and leave it on the Doc; ``lemma`` asks it for one token
and stores the answer, so the value is exactly what the component would have set.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

# Doc.user_data key under which ``parsing.annotate`` leaves the skipped lemmatizer.
LEMMATIZER_KEY = "newsx.lemmatizer"


def attach_lemmatizer(doc: Doc, lemmatizer: object) -> None:
    doc.user_data[LEMMATIZER_KEY] = lemmatizer


def lemma(token: Token) -> str:
    """``token.lemma_``, computed now if the pipeline left it for later."""
    if not token.lemma:  # 0: no component has set it (the lemmatizer never overwrites)
        lemmatizer = token.doc.user_data.get(LEMMATIZER_KEY)
        if lemmatizer is not None:
            token.lemma_ = lemmatizer.lemmatize(token)[0]
    return token.lemma_
