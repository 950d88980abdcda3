// The five highlighted fields: their labels, the spans each contributes, and the
// details a reader sees when hovering or focusing one of them.

export const FIELDS = [
  { name: "quotes", label: "Quotes" },
  { name: "actors", label: "Actors" },
  { name: "locations", label: "Locations" },
  { name: "figures", label: "Figures" },
  { name: "dates", label: "Dates" },
];

// Lower rank nests outside higher rank when two spans start and end at the same place.
export const RANK = Object.fromEntries(FIELDS.map((field, index) => [field.name, index]));

const regionNames = new Intl.DisplayNames(["en"], { type: "region" });
const numberFormat = new Intl.NumberFormat("en");

/** Every highlighted span of a response, with code-point offsets as the service sent them. */
export function spansOf(body) {
  const spans = [];
  for (const actor of body.actors) {
    for (const mention of actor.mentions) {
      spans.push({ field: "actors", key: actor.id, start: mention.start, end: mention.end, item: actor });
    }
  }
  for (const place of body.locations) {
    for (const mention of place.mentions) {
      spans.push({ field: "locations", key: place.id, start: mention.start, end: mention.end, item: place });
    }
  }
  body.quotes.forEach((quote) => {
    spans.push({ field: "quotes", key: quote.id, start: quote.start, end: quote.end, item: quote });
  });
  body.figures.forEach((figure, index) => {
    spans.push({ field: "figures", key: `f${index + 1}`, start: figure.start, end: figure.end, item: figure });
  });
  body.date.mentions.forEach((mention, index) => {
    spans.push({ field: "dates", key: `d${index + 1}`, start: mention.start, end: mention.end, item: mention });
  });
  return spans;
}

/** A country's English name from its ISO code ("NL" -> "Netherlands"), or the code itself. */
export function countryName(code) {
  if (!code) return null;
  try {
    return regionNames.of(code) || code;
  } catch {
    return code;
  }
}

export function formatCoordinates(lat, lon) {
  if (lat == null || lon == null) return null;
  const ns = lat >= 0 ? "N" : "S";
  const ew = lon >= 0 ? "E" : "W";
  return `${Math.abs(lat).toFixed(2)}° ${ns}, ${Math.abs(lon).toFixed(2)}° ${ew}`;
}

export function formatNumber(value) {
  return typeof value === "number" ? numberFormat.format(value) : String(value);
}

function actorRows(actor) {
  return [
    ["kind", actor.kind],
    ["titles", actor.titles.join(", ") || null],
    ["affiliation", actor.affiliation],
    ["also called", actor.aliases.join(", ") || null],
    ["mentions", `${actor.mention_count ?? actor.mentions.length} · salience ${actor.salience ?? "–"}`],
  ];
}

function locationRows(place) {
  return [
    ["kind", place.kind],
    ["country", place.country_code ? `${countryName(place.country_code)} (${place.country_code})` : null],
    ["coordinates", formatCoordinates(place.latitude, place.longitude)],
    ["GeoNames", place.geonames_id != null ? String(place.geonames_id) : null],
  ];
}

function quoteRows(quote) {
  return [
    ["speaker", quote.speaker ? quote.speaker.name : "unattributed"],
    ["kind", quote.kind],
    ["cue", quote.cue],
  ];
}

function figureRows(figure) {
  return [
    ["value", formatNumber(figure.value)],
    ["unit", figure.unit],
    ["kind", figure.kind],
    ["qualifier", figure.qualifier],
  ];
}

function dateRows(mention) {
  return [
    ["resolved", mention.value ?? "unresolved (no publication date)"],
    ["kind", mention.kind],
  ];
}

const DETAILS = {
  actors: (span) => ({ title: span.item.name, rows: actorRows(span.item) }),
  locations: (span) => ({ title: span.item.name, rows: locationRows(span.item) }),
  quotes: (span) => ({ title: "Quote", rows: quoteRows(span.item) }),
  figures: (span) => ({ title: span.item.text, rows: figureRows(span.item) }),
  dates: (span) => ({ title: span.item.text, rows: dateRows(span.item) }),
};

/** The title and the (label, value) rows that describe one span; empty values are dropped. */
export function detailsOf(span) {
  const { title, rows } = DETAILS[span.field](span);
  return { title, rows: rows.filter(([, value]) => value != null && value !== "") };
}
