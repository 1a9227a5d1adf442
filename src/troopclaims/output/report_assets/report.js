// troopclaims report: filter facts by verdict and open every sentence. The page reads the same without it.
(function () {
  "use strict";
  var nav = document.querySelector("nav.filter");
  if (!nav) { return; }
  var facts = Array.prototype.slice.call(document.querySelectorAll("section.fact"));
  var shows = Array.prototype.slice.call(nav.querySelectorAll("button[data-show]"));
  function show(verdict) {
    facts.forEach(function (fact) {
      fact.hidden = verdict !== "all" && fact.getAttribute("data-verdict") !== verdict;
    });
    shows.forEach(function (button) {
      button.setAttribute("aria-pressed", String(button.getAttribute("data-show") === verdict));
    });
  }
  shows.forEach(function (button) {
    button.addEventListener("click", function () { show(button.getAttribute("data-show")); });
  });
  var sentences = nav.querySelector("button[data-sentences]");
  var open = false;
  function openAll(state) {
    open = state;
    document.querySelectorAll("td.claim-text details").forEach(function (details) { details.open = state; });
    sentences.textContent = state ? "Hide sentences" : "Show all sentences";
  }
  sentences.addEventListener("click", function () { openAll(!open); });
  window.addEventListener("beforeprint", function () { openAll(true); });
  show("all");
  nav.hidden = false;
})();
