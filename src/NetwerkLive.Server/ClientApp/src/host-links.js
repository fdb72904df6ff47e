// The host console's invitation: the join link with a copy button and its QR code, for a livestream audience
// on phones. The QR code is drawn in the browser (npm qrcode, bundled): the link never goes to another service.

import QRCode from "qrcode";
import { byTestId, copyText, setText } from "./dom.js";
import { strings } from "./strings.js";

const COPIED_SHOWN_MS = 4000;

export class HostLinks {
  constructor(eventId) {
    // The page is served from the public address, so it is the address guests use too (as the API's joinUrl).
    this.joinUrl = `${location.origin}/e/${encodeURIComponent(eventId)}`;
    this.link = byTestId("host-join-link");
    this.copyButton = byTestId("host-copy-join-link");
    this.status = byTestId("host-copy-status");
    this.qr = byTestId("host-join-qr");
    this.link.href = this.joinUrl;
    setText(this.link, this.joinUrl);
    this.copyButton.addEventListener("click", () => this.copy());
    this.relocalize();
    // Medium error correction: still readable from a livestream's compressed video.
    QRCode.toCanvas(this.qr, this.joinUrl, { errorCorrectionLevel: "M", margin: 2, width: 200 }).catch(() => {
      this.qr.hidden = true;
    });
  }

  async copy() {
    clearTimeout(this.clearTimer);
    try {
      await copyText(this.joinUrl);
      setText(this.status, strings.copiedJoinLink);
    } catch {
      setText(this.status, strings.copyFailed);
    }
    this.clearTimer = setTimeout(() => setText(this.status, ""), COPIED_SHOWN_MS);
  }

  relocalize() {
    this.qr.setAttribute("aria-label", strings.qrAlt(this.joinUrl));
  }
}
