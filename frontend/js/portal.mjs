// Marks the page as scripted (no inline script, so the CSP needs no 'unsafe-inline'),
// then starts GOV.UK Frontend's components. Every page works without this file.
import { initAll } from "govuk-frontend";

document.body.classList.add("js-enabled");
if ("noModule" in HTMLScriptElement.prototype) {
  document.body.classList.add("govuk-frontend-supported");
  initAll();
}
