// The livestream in the room: an embedded player for YouTube and Vimeo links, a plain link for
// anything else, a line when there is none.

import { el, setText } from "./dom.js";
import { strings } from "./strings.js";

/** Shows url in box; the same url again (a reconnect) leaves a playing video alone. */
export function showLivestream(box, url) {
  const embed = embedUrl(url);
  const current = box.firstElementChild;
  if (current && current.dataset.source === (url ?? "")) return; // a reconnect: do not restart the video
  let node;
  if (embed) {
    node = el("iframe", {
      testid: "livestream",
      attrs: {
        src: embed,
        title: strings.watchStream,
        allow: "autoplay; encrypted-media; picture-in-picture; fullscreen",
        referrerpolicy: "strict-origin-when-cross-origin",
        sandbox: "allow-scripts allow-same-origin allow-presentation allow-popups allow-popups-to-escape-sandbox",
      },
    });
  } else if (url) {
    node = el("a", {
      testid: "livestream",
      class: "stream-link",
      text: strings.watchStream,
      attrs: { href: url, target: "_blank", rel: "noopener noreferrer" },
    });
  } else {
    node = el("p", { class: "muted stream-none", text: strings.noStream });
  }
  node.dataset.source = url ?? "";
  box.classList.toggle("has-video", Boolean(embed));
  box.replaceChildren(node);
}

/** After a switch of language: the player's title, or the link's or the line's words. */
export function relocalizeLivestream(box) {
  const stream = box.firstElementChild;
  if (stream?.tagName === "IFRAME") stream.title = strings.watchStream;
  else if (stream?.tagName === "A") setText(stream, strings.watchStream);
  else if (stream) setText(stream, strings.noStream);
}

/**
 * The URL to put in an iframe for a YouTube or Vimeo link (embed, watch, share or live links), or
 * null: anything else is shown as a plain link.
 */
export function embedUrl(url) {
  let parsed;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== "https:") return null;
  const host = parsed.hostname.replace(/^www\.|^m\./, "");
  const path = parsed.pathname.split("/").filter(Boolean);
  const id = (value) => (value && /^[\w-]{1,64}$/.test(value) ? value : null);
  let video = null;
  if (host === "youtube.com" || host === "youtube-nocookie.com") {
    if (path[0] === "embed" && id(path[1])) return `https://www.${host}/embed/${path[1]}${parsed.search}`;
    if (path[0] === "watch") video = id(parsed.searchParams.get("v"));
    else if (path[0] === "live" || path[0] === "shorts") video = id(path[1]);
    return video ? `https://www.youtube.com/embed/${video}` : null;
  }
  if (host === "youtu.be") {
    video = id(path[0]);
    return video ? `https://www.youtube.com/embed/${video}` : null;
  }
  if (host === "player.vimeo.com" && path[0] === "video" && /^\d+$/.test(path[1] ?? "")) {
    return `https://player.vimeo.com/video/${path[1]}${parsed.search}`;
  }
  if (host === "vimeo.com" && /^\d+$/.test(path[0] ?? "")) {
    return `https://player.vimeo.com/video/${path[0]}`;
  }
  return null;
}
