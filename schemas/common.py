"""Shared pieces of the wire format: spans and offset fields."""

from __future__ import annotations

from marshmallow import Schema, fields

OFFSETS_NOTE = (
    "Offsets are Python str indices (Unicode code points) into the exact submitted text: "
    "text[start:end] equals the item's text. JavaScript counts UTF-16 units and must convert."
)


def start_field() -> fields.Integer:
    return fields.Integer(
        attribute="start_char", required=True,
        metadata={"description": "Start offset (code points, inclusive).", "example": 17},
    )


def end_field() -> fields.Integer:
    return fields.Integer(
        attribute="end_char", required=True,
        metadata={"description": "End offset (code points, exclusive).", "example": 39},
    )


class TextSpanSchema(Schema):
    """A stretch of the submitted text."""

    text = fields.String(required=True, metadata={"description": "The text as written.",
                                                  "example": "Zelenskyy"})
    start = start_field()
    end = end_field()


class JsonNumber(fields.Number):
    """A JSON number that stays an integer when it is one (100000, not 100000.0)."""

    num_type = float

    def _format_num(self, value):  # type: ignore[override]
        number = float(value)
        return int(number) if number.is_integer() and abs(number) < 2**53 else number


class StrictBoolean(fields.Boolean):
    """A JSON boolean and nothing else: marshmallow's Boolean also takes 0/1 and "yes",
    which the spec's ``type: boolean`` refuses (schemathesis checks that both agree)."""

    def _deserialize(self, value, attr, data, **kwargs):
        if not isinstance(value, bool):
            raise self.make_error("invalid", input=value)
        return value
