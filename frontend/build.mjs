// Builds the committed assets under portal/static/portal/ from GOV.UK Frontend.
import { cpSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import * as sass from "sass";

const out = "../portal/static/portal";
mkdirSync(`${out}/govuk/assets/images`, { recursive: true });

const css = sass.compile("scss/portal.scss", {
  loadPaths: ["node_modules"],
  style: "compressed",
  quietDeps: true,
});
writeFileSync(`${out}/portal.css`, css.css);

// govuk-frontend.min.js is an ES module exporting initAll; our entry imports it by relative path.
cpSync("node_modules/govuk-frontend/dist/govuk/govuk-frontend.min.js", `${out}/govuk/govuk-frontend.min.js`);
const entry = readFileSync("js/portal.mjs", "utf8").replace('"govuk-frontend"', '"./govuk/govuk-frontend.min.js"');
writeFileSync(`${out}/portal.mjs`, entry);
for (const image of ["favicon.ico", "favicon.svg"]) {
  cpSync(`node_modules/govuk-frontend/dist/govuk/assets/images/${image}`, `${out}/govuk/assets/images/${image}`);
}
console.log("built", out);
