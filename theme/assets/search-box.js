// Loads search.js the first time a search box is focused (at once on the search page), so that a
// page whose reader never searches downloads nothing more than this.
(function () {
  "use strict";
  var forms = document.querySelectorAll("form[data-search]");
  for (var i = 0; i < forms.length; i++) prepare(forms[i]);

  function prepare(form) {
    var started = false;
    function start() {
      if (started) return;
      started = true;
      import(form.getAttribute("data-search-module")).then(function (search) { search.attach(form); });
    }
    if (form.hasAttribute("data-search-page")) start();
    else form.addEventListener("focusin", start);
  }
})();
