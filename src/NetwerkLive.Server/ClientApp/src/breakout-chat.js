// The private chat of a breakout group: the composer and the log. Each message is shown once: the
// sender's own copy comes back as a push as well, and Join() gives the group's chat back after a reload.

import { byTestId } from "./dom.js";
import { messageItem } from "./room.js";

export class BreakoutChat {
  constructor(connection, room) {
    this.connection = connection;
    this.room = room;
    this.keys = new Set();
    // The log scrolls; the list inside it holds the messages.
    this.log = byTestId("breakout-chat-list");
    this.list = this.log.querySelector("ul");
    this.input = byTestId("breakout-chat-input");
    this.sendButton = byTestId("breakout-chat-send");

    this.sendButton.addEventListener("click", () => this.send());
    this.input.addEventListener("keydown", (event) => {
      if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
        event.preventDefault();
        this.sendButton.click();
      }
    });
  }

  /** A new group: nothing of the last one's talk stays. */
  clear() {
    this.list.replaceChildren();
    this.keys.clear();
  }

  async send() {
    const text = this.input.value.trim();
    if (!text) return;
    this.input.value = "";
    this.input.focus();
    const message = await this.room.act(() => this.connection.invoke("SendBreakoutChat", text));
    if (message) this.add(message);
    else if (!this.input.value) this.input.value = text;
  }

  add(message) {
    // Breakout messages have no seq: the sender's own copy comes back as a push as well.
    const key = `${message.senderId}|${message.sentAt}|${message.text}`;
    if (this.keys.has(key)) return;
    this.keys.add(key);
    this.list.append(messageItem(message, { own: message.senderId === this.room.self?.id }));
    this.log.scrollTop = this.log.scrollHeight;
  }
}
