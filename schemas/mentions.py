"""Schemas of the extracted items: dates, actors, locations, quotes and figures."""

from __future__ import annotations

from marshmallow import Schema, fields, validate

from .common import JsonNumber, TextSpanSchema, end_field, start_field

DATE_KINDS = ("date", "range", "month", "year", "time", "duration", "other")
ACTOR_KINDS = ("person", "organization")
ACTOR_MENTION_KINDS = ("name", "title")
LOCATION_KINDS = ("country", "city", "region", "water", "landmark", "other")
QUOTE_KINDS = ("direct", "partial", "indirect")
FIGURE_KINDS = ("count", "percent", "money", "age", "distance", "duration", "other")


def _nullable_string(description: str, example: object) -> fields.String:
    return fields.String(required=True, allow_none=True,
                         metadata={"description": description, "example": example})


class DateMentionSchema(Schema):
    text = fields.String(required=True, metadata={"description": "As written.",
                                                  "example": "Thursday"})
    start = start_field()
    end = end_field()
    value = _nullable_string(
        "ISO 8601 value resolved against the publication date: 2022-02-03, "
        "2022-02-10/2022-02-20, 2022-02, 2014; null when it cannot be anchored.",
        "2022-02-03")
    kind = fields.String(required=True, validate=validate.OneOf(DATE_KINDS),
                         metadata={"description": "Shape of the expression.", "example": "date"})


class ActorMentionSchema(TextSpanSchema):
    kind = fields.String(
        required=True, validate=validate.OneOf(ACTOR_MENTION_KINDS),
        metadata={"description": "name: a proper name; title: a description or pronoun "
                                 "the quote resolver linked to this actor.", "example": "name"})


class ActorSchema(Schema):
    id = fields.String(required=True, metadata={"description": "Actor id, unique in the "
                                                               "response.", "example": "a1"})
    name = fields.String(required=True, metadata={"description": "Fullest proper name used.",
                                                  "example": "Volodymyr Zelenskyy"})
    kind = fields.String(required=True, validate=validate.OneOf(ACTOR_KINDS),
                         metadata={"description": "person or organization.",
                                   "example": "person"})
    aliases = fields.List(fields.String(), required=True,
                          metadata={"description": "Other names used.",
                                    "example": ["Zelenskyy", "Zelensky"]})
    titles = fields.List(fields.String(), required=True,
                         metadata={"description": "Roles stated in the text.",
                                   "example": ["President"]})
    affiliation = _nullable_string("Country or organization of the role.", "Ukraine")
    mentions = fields.List(fields.Nested(ActorMentionSchema), required=True,
                           metadata={"description": "Every mention, in text order."})
    mention_count = fields.Integer(required=True, metadata={"description": "len(mentions).",
                                                            "example": 14})
    salience = fields.Float(required=True, validate=validate.Range(0, 1),
                            metadata={"description": "0..1; the list is sorted by it.",
                                      "example": 0.92})


class LocationSchema(Schema):
    id = fields.String(required=True, metadata={"description": "Location id.", "example": "l1"})
    name = fields.String(required=True, metadata={"description": "Canonical name.",
                                                  "example": "Kyiv"})
    kind = fields.String(required=True, validate=validate.OneOf(LOCATION_KINDS),
                         metadata={"description": "What kind of place.", "example": "city"})
    country_code = _nullable_string("ISO 3166-1 alpha-2 code.", "UA")
    latitude = fields.Float(required=True, allow_none=True,
                            metadata={"description": "WGS84 latitude.", "example": 50.45})
    longitude = fields.Float(required=True, allow_none=True,
                             metadata={"description": "WGS84 longitude.", "example": 30.52})
    geonames_id = fields.Integer(required=True, allow_none=True,
                                 metadata={"description": "GeoNames id.", "example": 703448})
    aliases = fields.List(fields.String(), required=True,
                          metadata={"description": "Other names used.", "example": ["Kiev"]})
    mentions = fields.List(fields.Nested(TextSpanSchema), required=True,
                           metadata={"description": "Every mention, in text order."})
    mention_count = fields.Integer(required=True, metadata={"description": "len(mentions).",
                                                            "example": 3})


class SpeakerSchema(Schema):
    actor = _nullable_string("Id of the speaking actor.", "a2")
    name = fields.String(required=True, metadata={"description": "The speaker's canonical name.",
                                                  "example": "Recep Tayyip Erdogan"})
    mention = fields.Nested(TextSpanSchema, required=True, allow_none=True,
                            metadata={"description": "Words naming the speaker near the quote "
                                                     "(may be a pronoun)."})


class QuoteSchema(Schema):
    id = fields.String(required=True, metadata={"description": "Quote id.", "example": "q1"})
    text = fields.String(required=True, metadata={
        "description": "Content inside the marks; for an indirect quote, the reported "
                       "clause as written.", "example": "Instead of fueling the fire, ..."})
    start = start_field()
    end = end_field()
    kind = fields.String(required=True, validate=validate.OneOf(QUOTE_KINDS),
                         metadata={"description": "direct (marked speech), partial (a marked "
                                                  "fragment) or indirect (reported speech "
                                                  "without marks).", "example": "direct"})
    cue = _nullable_string("The verb of saying as written, or 'colon'.", "said")
    cue_span = fields.Nested(TextSpanSchema, required=True, allow_none=True,
                             metadata={"description": "Where the cue verb is; null for colon."})
    speaker = fields.Nested(SpeakerSchema, required=True, allow_none=True,
                            metadata={"description": "Who said it; null when nobody can be "
                                                     "determined."})
    contains = fields.List(fields.String(), required=True, metadata={
        "description": "Indirect quotes: ids of the quotation-mark quotes inside the "
                       "reported clause (empty for other kinds).", "example": []})


class FigureSchema(Schema):
    text = fields.String(required=True, metadata={"description": "The number as written.",
                                                  "example": "100,000"})
    start = start_field()
    end = end_field()
    value = JsonNumber(required=True, allow_none=True,
                       metadata={"description": "The number; null for vague quantities.",
                                 "example": 100000})
    unit = _nullable_string("What is counted or measured.", "troops")
    kind = fields.String(required=True, validate=validate.OneOf(FIGURE_KINDS),
                         metadata={"description": "What sort of figure.", "example": "count"})
    qualifier = _nullable_string("Approximation word, e.g. about, estimated.", "estimated")
    quote = _nullable_string("Id of the quote the figure sits in.", None)
