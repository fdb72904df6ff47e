// The livestream in the room: an embedded player for YouTube and Vimeo links, a plain link for
// anything else, a line when there is none.

import { el, setText } from "./dom.js";
import { strings } from "./strings.js";

/**
 * Shows url in box; the same url again (a reconnect) leaves a playing video alone. testid "replay" shows the
 * recording after the live part the same way.
 */
export function showLivestream(box, url, testid = "livestream") {
  const embed = embedUrl(url);
  const current = box.firstElementChild;
  // A reconnect: do not restart the video.
  if (current && current.dataset.source === (url ?? "") && (current.dataset.testid ?? testid) === testid) return;
  let node;
  if (embed) {
    node = el("iframe", {
      testid,
      attrs: {
        src: embed,
        title: testid === "replay" ? strings.watchReplay : strings.watchStream,
        allow: "autoplay; encrypted-media; picture-in-picture; fullscreen",
        referrerpolicy: "strict-origin-when-cross-origin",
        sandbox: "allow-scripts allow-same-origin allow-presentation allow-popups allow-popups-to-escape-sandbox",
      },
    });
  } else if (url) {
    node = el("a", {
      testid,
      class: "stream-link",
      text: testid === "replay" ? strings.watchReplay : strings.watchStream,
      attrs: { href: url, target: "_blank", rel: "noopener noreferrer" },
    });
  } else {
    node = el("p", { class: "muted stream-none", text: testid === "replay" ? strings.noReplay : strings.noStream });
  }
  node.dataset.source = url ?? "";
  box.classList.toggle("has-video", Boolean(embed));
  box.replaceChildren(node);
}

/** After a switch of language: the player's title, or the link's or the line's words. */
export function relocalizeLivestream(box) {
  const stream = box.firstElementChild;
  const replay = stream?.dataset.testid === "replay" || (stream && !stream.dataset.testid && document.body.classList.contains("after-live"));
  if (stream?.tagName === "IFRAME") stream.title = replay ? strings.watchReplay : strings.watchStream;
  else if (stream?.tagName === "A") setText(stream, replay ? strings.watchReplay : strings.watchStream);
  else if (stream) setText(stream, replay ? strings.noReplay : strings.noStream);
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
