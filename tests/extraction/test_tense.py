"""The tense of the clause around a temporal expression, read from the parse."""

from __future__ import annotations

import pytest

from service.extraction.dates.tense import clause_tense

# (sentence, the expression in it, expected tense)
CASES = [
    ("Macron met Putin on Friday.", "Friday", "past"),
    ("Stoltenberg has said Tuesday that NATO is ready.", "Tuesday", "past"),
    ("Putin will also attend Friday's opening ceremony.", "Friday", "future"),
    ("Talks with Xi on Friday will mark their first meeting.", "Friday", "future"),
    ("The war games are expected to take place Feb. 10-20.", "Feb. 10-20", "future"),
    ("The book is due to be published in May.", "May", "future"),
    ("The joint exercises end Sunday.", "Sunday", "present"),
    ("The GM move follows Tuesday's declaration.", "Tuesday", None),
    ("Officials postponed any action until Tuesday morning.", "Tuesday morning", "future"),
    ("The company has scheduled a news conference Thursday.", "Thursday", "future"),
    ("He said the father would be traveling to Washington Thursday.", "Thursday", "future"),
    ("They would look for ways around Wednesday's ruling.", "Wednesday", None),
    ("Harris declined to comment Tuesday.", "Tuesday", "past"),
    ("It identified companies for the program to run through June.", "June", "future"),
    ("The strike was set to end Friday.", "Friday", "future"),
    ("The deal should be signed in May.", "May", "future"),
    ("The deal should have been signed in May.", "May", "past"),
    ("Aides flew in ahead of Tuesday's summit.", "Tuesday", "near"),
    ("His tweet to invite her to Tuesday's debate was a joke.", "Tuesday", "near"),
    ("She won Tuesday's primary.", "Tuesday", "past"),
]


@pytest.mark.parametrize(("sentence", "expression", "expected"), CASES)
def test_clause_tense_reads_the_governing_verb(nlp, sentence, expression, expected):
    start = sentence.index(expression)
    doc = nlp(sentence)
    assert clause_tense(doc, doc.text, start, start + len(expression)) == expected
