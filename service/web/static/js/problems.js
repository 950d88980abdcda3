// Errors from the service are application/problem+json (RFC 9457): show them as a
// sentence a person can act on, with the field-level messages of a 422 as a list.

import { el } from "./dom.js";

const HINTS = {
  400: "The service could not read the request.",
  413: "The article is longer than this service accepts: shorten it or split it.",
  415: "The request was not sent as text or JSON.",
  422: "The service rejected part of the request:",
  503: "The service is starting and its language pipeline is not loaded yet: try again in a moment.",
};

function fieldErrors(errors) {
  if (!errors || typeof errors !== "object") return null;
  const items = [];
  const walk = (value, path) => {
    if (Array.isArray(value)) {
      for (const message of value) {
        if (typeof message === "string") items.push(el("li", {}, el("code", { text: path || "request" }), `: ${message}`));
        else walk(message, path);
      }
    } else if (value && typeof value === "object") {
      for (const [key, inner] of Object.entries(value)) walk(inner, path ? `${path}.${key}` : key);
    }
  };
  walk(errors, "");
  return items.length ? el("ul", {}, ...items) : null;
}

async function readProblem(response) {
  try {
    const type = response.headers.get("Content-Type") || "";
    if (type.includes("json")) return await response.json();
  } catch {
    // Not JSON after all: fall back to the status line below.
  }
  return { title: response.statusText || "Error", status: response.status };
}

export function clearProblem() {
  const box = document.getElementById("error");
  box.hidden = true;
  box.replaceChildren();
}

/** Show the problem carried by `response`, or `message` when there was no response. */
export async function showProblem(response, message) {
  const box = document.getElementById("error");
  if (!response) {
    box.replaceChildren(el("strong", { text: "No answer" }), el("p", { text: message }));
    box.hidden = false;
    return;
  }
  const problem = await readProblem(response);
  const status = problem.status || response.status;
  box.replaceChildren(
    el("strong", { text: `${problem.title || "Error"} (${status})` }),
    HINTS[status] ? el("p", { className: "hint", text: HINTS[status] }) : null,
    problem.detail ? el("p", { className: "detail", text: problem.detail }) : null,
    fieldErrors(problem.errors),
  );
  box.dataset.status = String(status);
  box.hidden = false;
}
