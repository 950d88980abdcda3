// Locations: a small offline world map (the bundled Natural Earth outline, places as
// dots, equirectangular: x = longitude + 180, y = 90 - latitude) and the list of places.

import { countryName, formatCoordinates } from "./fields.js";
import { el } from "./dom.js";
import { select } from "./interact.js";

const SVG = "http://www.w3.org/2000/svg";

function svg(tag, attributes = {}) {
  const element = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, String(value));
  return element;
}

function dot(place) {
  const radius = Math.min(1.4 + Math.sqrt(place.mention_count ?? 1) * 0.9, 5);
  const circle = svg("circle", {
    cx: (place.longitude + 180).toFixed(2), cy: (90 - place.latitude).toFixed(2), r: radius.toFixed(2),
    class: "dot", "data-key": place.id, tabindex: "0", role: "button",
    "aria-label": `${place.name}, ${place.mention_count ?? 1} mentions`,
  });
  const title = svg("title");
  title.textContent = `${place.name} (${formatCoordinates(place.latitude, place.longitude)})`;
  circle.append(title);
  circle.addEventListener("click", () => select(place.id));
  circle.addEventListener("keydown", (event) => {
    if (event.key === "Enter" || event.key === " ") {
      event.preventDefault();
      select(place.id);
    }
  });
  return circle;
}

export function renderMap(map, places, outlineUrl) {
  const located = places.filter((place) => place.latitude != null && place.longitude != null);
  // Bigger dots first, so small ones stay visible and clickable on top.
  located.sort((a, b) => (b.mention_count ?? 1) - (a.mention_count ?? 1));
  const outline = svg("image", { href: outlineUrl, x: 0, y: 0, width: 360, height: 180 });
  const sea = svg("rect", { class: "map-sea", x: 0, y: 0, width: 360, height: 180 });
  map.replaceChildren(sea, outline, ...located.map(dot));
}

export function renderLocations(list, places) {
  const sorted = [...places].sort((a, b) => (b.mention_count ?? 0) - (a.mention_count ?? 0));
  list.replaceChildren(...sorted.map((place) => {
    const country = place.country_code && place.kind !== "country" ? countryName(place.country_code) : null;
    const about = [place.kind, country].filter(Boolean).join(" · ");
    return el("li", {}, el("button", { type: "button", className: "row", data: { key: place.id },
      onclick: () => select(place.id) },
      el("span", { className: "name", text: place.name }),
      el("span", { className: "about", text: about }),
      el("span", { className: "counts", text: `${place.mention_count ?? place.mentions.length}×` })));
  }));
  if (!places.length) list.append(el("li", { className: "empty", text: "No locations found." }));
}
