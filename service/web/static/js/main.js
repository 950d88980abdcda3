// The demo page: read the article (typed, pasted or dropped), POST it to the service,
// and show the answer: highlights, panels and the raw JSON, or a readable error.

import { spansOf } from "./fields.js";
import { renderArticle } from "./highlight.js";
import { attachArticle, renderLegend, select, setSpans } from "./interact.js";
import { renderMap, renderLocations } from "./map.js";
import { renderActors, renderFigures, renderQuotes, renderTimeline } from "./panels.js";
import { showProblem, clearProblem } from "./problems.js";
import { el } from "./dom.js";

const $ = (id) => document.getElementById(id);
const config = document.body.dataset;
const numberFormat = new Intl.NumberFormat("en");

function updateCount() {
  const chars = [...$("article").value].length;
  const limit = Number(config.maxChars);
  $("count").textContent = `${numberFormat.format(chars)} / ${numberFormat.format(limit)} characters`;
  $("count").classList.toggle("over", chars > limit);
}

async function loadFile(file) {
  if (!file) return;
  $("article").value = await file.text();
  updateCount();
  $("status").textContent = `Loaded ${file.name}.`;
}

function wireInput() {
  const drop = $("drop");
  drop.addEventListener("dragover", (event) => {
    event.preventDefault();
    drop.classList.add("dragging");
  });
  drop.addEventListener("dragleave", () => drop.classList.remove("dragging"));
  drop.addEventListener("drop", (event) => {
    event.preventDefault();
    drop.classList.remove("dragging");
    loadFile(event.dataTransfer.files[0]);
  });
  $("file").addEventListener("change", () => loadFile($("file").files[0]));
  $("article").addEventListener("input", updateCount);
  updateCount();
}

function renderSummary(body) {
  const dateline = body.article.dateline;
  const bylines = body.article.bylines.map((byline) => byline.name).join(", ");
  const source = body.date.source ? ` (from the ${body.date.source})` : "";
  const rows = [
    ["published", body.date.published ? `${body.date.published}${source}` : "not stated"],
    ["dateline", dateline ? dateline.text : null],
    ["bylines", bylines || null],
    ["words", numberFormat.format(body.article.words)],
    ["model", `${body.meta.model} · ${body.meta.elapsed_ms} ms`],
  ].filter(([, value]) => value);
  $("summary").replaceChildren(...rows.map(([term, value]) => el("div", {},
    el("dt", { text: term }), el("dd", { text: value }))));
}

function renderResult(text, body) {
  const view = $("article-view");
  select("");
  const placed = renderArticle(view, text, spansOf(body));
  setSpans(placed);
  renderLegend($("legend"), view, placed);
  renderSummary(body);
  renderActors($("actors-list"), body.actors, body.quotes);
  renderMap($("map"), body.locations, config.mapUrl);
  renderLocations($("locations-list"), body.locations);
  renderQuotes($("quotes-list"), body.quotes);
  renderFigures($("figures-table"), body.figures);
  renderTimeline($("timeline"), body.date);
  $("json").textContent = JSON.stringify(body, null, 2);
  $("results").hidden = false;
}

async function extract(event) {
  event.preventDefault();
  const text = $("article").value;
  const payload = { text };
  if ($("published").value) payload.published = $("published").value;
  clearProblem();
  $("extract").disabled = true;
  $("status").textContent = "Extracting…";
  try {
    const response = await fetch(config.extractEndpoint, {
      method: "POST",
      headers: { "Content-Type": "application/json", Accept: "application/json, application/problem+json" },
      body: JSON.stringify(payload),
    });
    if (!response.ok) {
      $("status").textContent = "";
      $("results").hidden = true; // the last article's results would read as this one's
      await showProblem(response);
      return;
    }
    const body = await response.json();
    renderResult(text, body);
    $("status").textContent = `Found ${body.actors.length} actors, ${body.locations.length} locations, `
      + `${body.quotes.length} quotes, ${body.figures.length} figures and ${body.date.mentions.length} dates.`;
  } catch (error) {
    $("status").textContent = "";
    $("results").hidden = true;
    showProblem(null, `The service could not be reached (${error.message}).`);
  } finally {
    $("extract").disabled = false;
  }
}

async function copyJson() {
  const text = $("json").textContent;
  try {
    await navigator.clipboard.writeText(text);
    $("copy-status").textContent = "Copied.";
  } catch {
    const range = document.createRange();
    range.selectNodeContents($("json"));
    window.getSelection().removeAllRanges();
    window.getSelection().addRange(range);
    $("copy-status").textContent = "Selected: press Ctrl+C (⌘C) to copy.";
  }
}

wireInput();
attachArticle($("article-view"));
$("extract-form").addEventListener("submit", extract);
$("copy").addEventListener("click", copyJson);
document.addEventListener("keydown", (event) => {
  if (event.key === "Escape" && document.body.dataset.selected) select("");
});
