// Small DOM helpers. Text always goes in through textContent: names, chat and contacts come from
// other people, and must never be read as HTML.

/** The element with this data-testid (the pages' stable handles), or throws: a missing one is a bug. */
export function byTestId(testId, root = document) {
  const found = root.querySelector(`[data-testid="${testId}"]`);
  if (!found) {
    throw new Error(`No element with data-testid="${testId}"`);
  }
  return found;
}

/**
 * Creates an element. props: { class, testid, text, attrs: {name: value}, on: {event: handler} };
 * children are elements or strings (added as text nodes).
 */
export function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  if (props.class) node.className = props.class;
  if (props.testid) node.dataset.testid = props.testid;
  if (props.text !== undefined && props.text !== null) node.textContent = String(props.text);
  for (const [name, value] of Object.entries(props.attrs ?? {})) {
    if (value !== undefined && value !== null && value !== false) {
      node.setAttribute(name, value === true ? "" : String(value));
    }
  }
  for (const [event, handler] of Object.entries(props.on ?? {})) {
    node.addEventListener(event, handler);
  }
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    node.append(typeof child === "string" ? document.createTextNode(child) : child);
  }
  return node;
}

export function setText(node, text) {
  node.textContent = text ?? "";
}

export function show(node, visible = true) {
  node.hidden = !visible;
}

/**
 * Runs a click handler at most once at a time, so a double click does not act twice. It marks the
 * button aria-busy rather than disabling it: `disabled` belongs to the page's state (not live, no
 * round running), which may change while the action runs.
 */
export function busy(button, action) {
  return async (event) => {
    if (button.getAttribute("aria-busy") === "true") return;
    button.setAttribute("aria-busy", "true");
    try {
      await action(event);
    } finally {
      button.removeAttribute("aria-busy");
    }
  };
}

/** Inserts li into list keeping the lists' items ordered by a numeric data attribute. */
export function insertOrdered(list, li, key) {
  const value = Number(li.dataset[key]);
  let before = null;
  for (let node = list.lastElementChild; node; node = node.previousElementSibling) {
    if (Number(node.dataset[key]) < value) break;
    before = node;
  }
  list.insertBefore(li, before);
}

/** Copies text to the clipboard, with a fallback for pages not served over https. */
export async function copyText(text) {
  if (navigator.clipboard && window.isSecureContext) {
    await navigator.clipboard.writeText(text);
    return;
  }
  const area = el("textarea", { class: "offscreen", attrs: { readonly: true } });
  area.value = text;
  document.body.append(area);
  area.select();
  const ok = document.execCommand("copy");
  area.remove();
  if (!ok) throw new Error("copy failed");
}

/**
 * Fills the page's fixed texts from strings.js: data-text="key" sets the text, data-placeholder="key"
 * the placeholder, data-label="key" the aria-label. The HTML holds keys, not words, so a
 * translation is one file.
 */
export function localize(strings, root = document) {
  for (const node of root.querySelectorAll("[data-text]")) node.textContent = strings[node.dataset.text];
  for (const node of root.querySelectorAll("[data-placeholder]")) node.placeholder = strings[node.dataset.placeholder];
  for (const node of root.querySelectorAll("[data-label]")) node.setAttribute("aria-label", strings[node.dataset.label]);
}

/**
 * Marks the fields a refusal names (the problem's `errors` keys, mapped to their inputs by
 * fieldTestIds) with aria-invalid, ties them to the error text and moves focus to the first of them;
 * every other field is unmarked. Returns whether a field took the focus.
 */
export function markRefusedFields(fieldTestIds, refused, errorEl) {
  let first = null;
  for (const [field, testId] of Object.entries(fieldTestIds)) {
    const input = byTestId(testId);
    // A field's own hint (aria-describedby in the page) stays; the error is added to it while refused.
    input.dataset.hint ??= input.getAttribute("aria-describedby") ?? "";
    const hint = input.dataset.hint;
    if (refused.includes(field)) {
      input.setAttribute("aria-invalid", "true");
      input.setAttribute("aria-describedby", `${errorEl.id} ${hint}`.trim());
      first ??= input;
    } else {
      input.removeAttribute("aria-invalid");
      if (hint) input.setAttribute("aria-describedby", hint);
      else input.removeAttribute("aria-describedby");
    }
  }
  first?.focus();
  return first !== null;
}
