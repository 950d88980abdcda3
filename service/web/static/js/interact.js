// What a reader does with the highlights: details on hover or focus, per-field toggles,
// and selecting an actor or a place to see all its mentions (and an actor's quotes).

import { FIELDS, detailsOf } from "./fields.js";

const tip = () => document.getElementById("tip");

function fillTip(span) {
  const { title, rows } = detailsOf(span);
  const heading = document.createElement("strong");
  heading.textContent = title;
  const list = document.createElement("dl");
  for (const [label, value] of rows) {
    const term = document.createElement("dt");
    term.textContent = label;
    const detail = document.createElement("dd");
    detail.textContent = value;
    list.append(term, detail);
  }
  const field = document.createElement("span");
  field.className = `tip-field f-${span.field}`;
  field.textContent = span.field.replace(/s$/, "");
  tip().replaceChildren(field, heading, list);
}

function placeTip(mark) {
  const box = tip();
  const rect = mark.getClientRects()[0] || mark.getBoundingClientRect();
  box.hidden = false;
  const width = box.offsetWidth;
  const left = Math.max(8, Math.min(rect.left, document.documentElement.clientWidth - width - 8));
  box.style.left = `${left + window.scrollX}px`;
  box.style.top = `${rect.bottom + window.scrollY + 6}px`;
}

function showTip(mark, span) {
  fillTip(span);
  placeTip(mark);
  mark.setAttribute("aria-describedby", "tip");
}

function hideTip(mark) {
  tip().hidden = true;
  if (mark) mark.removeAttribute("aria-describedby");
}

/** Mark every element that stands for `key` (mentions, quotes spoken, panel rows, dots). */
export function select(key) {
  const current = document.body.dataset.selected || "";
  const next = key && key !== current ? key : "";
  for (const element of document.querySelectorAll(".is-selected")) element.classList.remove("is-selected");
  document.body.dataset.selected = next;
  document.getElementById("article-view").classList.toggle("has-selection", Boolean(next));
  if (!next) return;
  const id = CSS.escape(next);
  const selector = `[data-key="${id}"], [data-speaker="${id}"], [data-actor="${id}"]`;
  for (const element of document.querySelectorAll(selector)) element.classList.add("is-selected");
}

/** Scroll to and focus the first mark of the span whose key is `key`. */
export function jumpTo(key) {
  const mark = document.querySelector(`#article-view mark[data-key="${CSS.escape(key)}"][tabindex]`);
  if (!mark) return;
  mark.scrollIntoView({ block: "center" });
  mark.focus({ preventScroll: true });
}

function selectableKey(target) {
  const chip = target.closest(".chip[data-actor]");
  if (chip) return chip.dataset.actor;
  const mark = target.closest("mark.hl");
  if (mark && (mark.dataset.field === "actors" || mark.dataset.field === "locations")) {
    return mark.dataset.key;
  }
  return null;
}

let spanOf = new WeakMap();

/** Tell the handlers which span each <mark> of a newly rendered article shows. */
export function setSpans(placed) {
  spanOf = new WeakMap();
  for (const span of placed) for (const piece of span.pieces) spanOf.set(piece, span);
}

function onKey(event) {
  if (event.key === "Escape") {
    hideTip(event.target.closest("mark.hl"));
    select("");
  } else if (event.key === "Enter" || event.key === " ") {
    const key = selectableKey(event.target);
    if (key) {
      event.preventDefault();
      select(key);
    }
  }
}

/** Wire hover, focus, click and keyboard on the article container (once). */
export function attachArticle(container) {
  const show = (event) => {
    const mark = event.target.closest("mark.hl");
    if (mark && spanOf.has(mark)) showTip(mark, spanOf.get(mark));
  };
  const hide = (event) => hideTip(event.target.closest("mark.hl"));
  container.addEventListener("mouseover", show);
  container.addEventListener("focusin", show);
  container.addEventListener("mouseout", hide);
  container.addEventListener("focusout", hide);
  container.addEventListener("click", (event) => {
    const key = selectableKey(event.target);
    if (key) select(key);
  });
  container.addEventListener("keydown", onKey);
}

/** The legend: one checkbox per field, with its colour, name and count. */
export function renderLegend(legend, container, placed) {
  for (const old of legend.querySelectorAll("label")) old.remove();
  for (const { name, label } of FIELDS) {
    const count = placed.filter((span) => span.field === name).length;
    const box = document.createElement("input");
    box.type = "checkbox";
    box.checked = !container.classList.contains(`hide-${name}`);
    box.dataset.field = name;
    box.onchange = () => container.classList.toggle(`hide-${name}`, !box.checked);
    const swatch = document.createElement("span");
    swatch.className = `swatch f-${name}`;
    const text = document.createElement("span");
    text.textContent = `${label} `;
    const number = document.createElement("small");
    number.textContent = String(count);
    const item = document.createElement("label");
    item.className = "toggle";
    item.append(box, swatch, text, number);
    legend.append(item);
  }
}
