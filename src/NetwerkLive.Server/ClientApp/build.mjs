// Bundles the pages' entry points into ../wwwroot/js (git-ignored): one minified file per page,
// with a source map. Run by the server's build (ClientApp.targets) or `npm run build`;
// `npm run watch` rebuilds on every change while you work on the client.
import * as esbuild from "esbuild";

const options = {
  entryPoints: ["src/landing.js", "src/event.js", "src/host.js"],
  outdir: "../wwwroot/js",
  bundle: true,
  minify: true,
  sourcemap: true,
  format: "iife",
  platform: "browser",
  target: ["es2020", "chrome100", "firefox100", "safari15"],
  legalComments: "linked",
  logLevel: "warning",
};

if (process.argv.includes("--watch")) {
  const context = await esbuild.context({ ...options, logLevel: "info" });
  await context.watch();
} else {
  await esbuild.build(options);
}
