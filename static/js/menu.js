// The main menu's drop-downs: one open at a time; a click elsewhere or Escape closes it.
(function () {
  "use strict";
  function groups() { return document.querySelectorAll(".mainnav details.navgroup"); }
  document.addEventListener("toggle", function (event) {
    var opened = event.target;
    if (!opened.matches || !opened.matches(".mainnav details.navgroup") || !opened.open) return;
    groups().forEach(function (other) { if (other !== opened) other.open = false; });
  }, true);
  document.addEventListener("click", function (event) {
    if (event.target.closest && event.target.closest(".mainnav details.navgroup")) return;
    groups().forEach(function (group) { group.open = false; });
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") groups().forEach(function (group) { group.open = false; });
  });
})();
