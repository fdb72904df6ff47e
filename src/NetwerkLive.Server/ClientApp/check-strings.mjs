// Checks that the two dictionaries say the same things: every key of en.js is in nl.js and back, at
// every depth, with the same kind of value and, for texts made from values, the same number of them;
// and that every key the pages (data-text, data-placeholder, data-label) and the scripts (strings.x)
// ask for exists. Prints one line per problem and exits 1 if there is any. Run by the browser tests
// (StringDictionaryTests) and by `npm run check`.
import { readFileSync, readdirSync } from "node:fs";
import { en } from "./src/strings/en.js";
import { nl } from "./src/strings/nl.js";

const problems = [];

// A text made from values gives a text for numbers, for names, or for lists of names (whichever it takes).
function givesText(f) {
  const samples = [(i) => i + 1, (i) => `Name ${i + 1}`, (i) => [`Ann ${i}`, `Bram ${i}`]];
  return samples.some((sample) => {
    try {
      const text = f(...Array.from({ length: f.length }, (_, i) => sample(i)));
      return typeof text === "string" && text.length > 0 && !text.includes("undefined");
    } catch {
      return false;
    }
  });
}

function compare(a, b, path) {
  for (const key of Object.keys(a)) {
    const where = path ? `${path}.${key}` : key;
    if (!(key in b)) {
      problems.push(`${where}: in en.js, missing from nl.js`);
      continue;
    }
    const [x, y] = [a[key], b[key]];
    if (typeof x !== typeof y) {
      problems.push(`${where}: a ${typeof x} in en.js but a ${typeof y} in nl.js`);
    } else if (typeof x === "function") {
      if (x.length !== y.length) problems.push(`${where}: takes ${x.length} value(s) in en.js but ${y.length} in nl.js`);
      for (const [lang, f] of [["en", x], ["nl", y]]) {
        if (!givesText(f)) problems.push(`${where}: gives no text in ${lang}.js`);
      }
    } else if (typeof x === "object" && x !== null) {
      compare(x, y, where);
    } else if (typeof x === "string" && (x.length === 0 || y.length === 0)) {
      problems.push(`${where}: an empty text`);
    }
  }
  for (const key of Object.keys(b)) {
    if (!(key in a)) problems.push(`${path ? `${path}.${key}` : key}: in nl.js, missing from en.js`);
  }
}

compare(en, nl, "");

// Plural forms (objects with `other`): Intl.PluralRules needs `other` in both; en and nl also use `one`.
for (const [key, value] of Object.entries(en)) {
  if (value && typeof value === "object" && ("one" in value || "other" in value)) {
    for (const [lang, dict] of [["en", en], ["nl", nl]]) {
      for (const form of ["one", "other"]) {
        if (!(form in (dict[key] ?? {}))) problems.push(`${key}: no '${form}' plural form in ${lang}.js`);
      }
    }
  }
}

// Keys the pages and scripts use.
const pages = new URL("../wwwroot/", import.meta.url);
for (const file of readdirSync(pages).filter((f) => f.endsWith(".html"))) {
  const html = readFileSync(new URL(file, pages), "utf8");
  for (const [, attr, key] of html.matchAll(/data-(text|placeholder|label)="([^"]+)"/g)) {
    if (typeof en[key] !== "string") problems.push(`${file}: data-${attr}="${key}" is not a text in the dictionaries`);
  }
}
const sources = new URL("./src/", import.meta.url);
for (const file of readdirSync(sources).filter((f) => f.endsWith(".js"))) {
  const code = readFileSync(new URL(file, sources), "utf8");
  if (!/import \{[^}]*\bstrings\b[^}]*\} from "\.\/strings\.js"/.test(code)) continue;
  for (const [, key] of code.matchAll(/(?<![\w./])strings\.([A-Za-z_]\w*)/g)) {
    if (!(key in en)) problems.push(`${file}: uses strings.${key}, which the dictionaries do not have`);
  }
  for (const [, key] of code.matchAll(/(?:"data-text": |showNotice\([^)]*?)"([A-Za-z_]\w*)"/g)) {
    if (typeof en[key] !== "string") problems.push(`${file}: sets data-text "${key}", which is not a text in the dictionaries`);
  }
}

for (const problem of problems) console.log(problem);
console.log(problems.length === 0 ? "en.js and nl.js match" : `${problems.length} problem(s)`);
process.exit(problems.length === 0 ? 0 : 1);
