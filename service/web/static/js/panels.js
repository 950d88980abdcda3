// Side panels: actors by salience, quotes grouped by speaker, figures as a table and
// dates on a timeline. Every row leads back into the article.

import { formatNumber } from "./fields.js";
import { el, shorten } from "./dom.js";
import { jumpTo, select } from "./interact.js";

function empty(text) {
  return el("li", { className: "empty", text });
}

export function renderActors(list, actors, quotes) {
  const spoken = new Map();
  for (const quote of quotes) {
    const id = quote.speaker && quote.speaker.actor;
    if (id) spoken.set(id, (spoken.get(id) || 0) + 1);
  }
  const top = Math.max(...actors.map((actor) => actor.salience ?? 0), 1e-9);
  const sorted = [...actors].sort((a, b) => (b.salience ?? 0) - (a.salience ?? 0));
  list.replaceChildren(...sorted.map((actor) => {
    const about = [actor.kind, actor.titles.join(", "), actor.affiliation].filter(Boolean).join(" · ");
    const count = `${actor.mention_count ?? actor.mentions.length} mentions`;
    const said = spoken.get(actor.id) ? ` · ${spoken.get(actor.id)} quotes` : "";
    const bar = el("span", { className: "bar-fill" });
    bar.style.width = `${Math.round(((actor.salience ?? 0) / top) * 100)}%`;
    const button = el("button", { type: "button", className: "row", data: { key: actor.id },
      onclick: () => select(actor.id), title: "Show all mentions and quotes" },
      el("span", { className: "name", text: actor.name }),
      el("span", { className: "about", text: about }),
      el("span", { className: "bar", "aria-hidden": "true" }, bar),
      el("span", { className: "counts", text: `${count}${said} · salience ${actor.salience ?? "–"}` }));
    return el("li", {}, button);
  }));
  if (!actors.length) list.append(empty("No actors found."));
}

function groupBySpeaker(quotes) {
  const groups = new Map();
  for (const quote of quotes) {
    const speaker = quote.speaker;
    const key = speaker ? speaker.actor || `name:${speaker.name}` : "none";
    if (!groups.has(key)) groups.set(key, { speaker, quotes: [] });
    groups.get(key).quotes.push(quote);
  }
  return [...groups.values()].sort((a, b) => b.quotes.length - a.quotes.length);
}

export function renderQuotes(box, quotes) {
  const groups = groupBySpeaker(quotes).map(({ speaker, quotes: said }) => {
    const name = speaker ? speaker.name : "Unattributed";
    const chip = el("button", { type: "button", className: `chip${speaker ? "" : " chip-none"}`,
      data: speaker && speaker.actor ? { actor: speaker.actor } : {}, text: name,
      onclick: speaker && speaker.actor ? () => select(speaker.actor) : null });
    const items = said.map((quote) => el("li", {},
      el("button", { type: "button", className: "row quote-row", data: { key: quote.id },
        onclick: () => jumpTo(quote.id) },
        el("span", { className: `badge kind-${quote.kind}`, text: quote.kind }),
        el("q", { text: shorten(quote.text, 160) }))));
    return el("section", { className: "speaker" },
      el("h3", {}, chip, el("small", { text: ` ${said.length}` })), el("ol", {}, ...items));
  });
  box.replaceChildren(...groups);
  if (!quotes.length) box.append(el("p", { className: "empty", text: "No quotes found." }));
}

export function renderFigures(table, figures) {
  const rows = figures.map((figure, index) => el("tr", {},
    el("td", {}, el("button", { type: "button", className: "link", data: { key: `f${index + 1}` },
      onclick: () => jumpTo(`f${index + 1}`), text: figure.text })),
    el("td", { className: "num", text: formatNumber(figure.value) }),
    el("td", { text: figure.unit ?? "" }),
    el("td", { text: figure.kind }),
    el("td", { text: figure.qualifier ?? "" })));
  if (!figures.length) rows.push(el("tr", {}, el("td", { colspan: "5", className: "empty", text: "No figures found." })));
  table.tBodies[0].replaceChildren(...rows);
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const DAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];

/** "2022-02-03" -> "Thu 3 Feb 2022"; "2022-02" -> "Feb 2022"; ranges joined with an en dash. */
export function formatDateValue(value) {
  if (!value) return "unresolved";
  return value.split("/").map((part) => {
    const [year, month, day] = part.split("-").map(Number);
    if (day) {
      const weekday = DAYS[new Date(Date.UTC(year, month - 1, day)).getUTCDay()];
      return `${weekday} ${day} ${MONTHS[month - 1]} ${year}`;
    }
    return month ? `${MONTHS[month - 1]} ${year}` : String(year);
  }).join(" – ");
}

export function renderTimeline(list, dates) {
  const groups = new Map();
  dates.mentions.forEach((mention, index) => {
    const value = mention.value || "";
    if (!groups.has(value)) groups.set(value, []);
    groups.get(value).push({ mention, key: `d${index + 1}` });
  });
  if (dates.published && !groups.has(dates.published)) groups.set(dates.published, []);
  const values = [...groups.keys()].sort((a, b) => (a === "") - (b === "") || a.localeCompare(b));
  list.replaceChildren(...values.map((value) => {
    const isPublished = value && value === dates.published;
    const mentions = groups.get(value).map(({ mention, key }) => el("button", {
      type: "button", className: "link", data: { key }, onclick: () => jumpTo(key), text: mention.text }));
    return el("li", { className: isPublished ? "published" : null },
      el("time", { datetime: value ? value.split("/")[0] : null, text: formatDateValue(value) }),
      isPublished ? el("span", { className: "badge", text: "published" }) : null,
      el("span", { className: "mentions" }, ...mentions));
  }));
  if (!values.length) list.append(empty("No dates found."));
}
