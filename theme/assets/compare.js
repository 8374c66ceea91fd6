// Turns a two-image comparison marked data-compare-slider into a before/after slider: the two
// images stacked, the second revealed from the split. The split follows a range input (arrow
// keys, Home/End, Page Up/Down) and a drag anywhere on the images (mouse, pen, touch).
// The images' captions, which the stacked images would cover, are listed below the slider.
// Without this script both images are shown side by side, each with its caption.
(function () {
  "use strict";
  var figures = document.querySelectorAll("[data-compare-slider]");
  for (var i = 0; i < figures.length; i++) enhance(figures[i]);

  function enhance(figure) {
    var grid = figure.querySelector(".compare-grid");
    var items = grid ? grid.querySelectorAll(".compare-item") : [];
    if (items.length !== 2) return;
    var labels = [label(items[0]), label(items[1])];

    var range = document.createElement("input");
    range.type = "range";
    range.min = "0";
    range.max = "100";
    range.step = "1";
    range.value = "50";
    range.className = "compare-range";
    range.setAttribute("aria-label", "Split between " + labels[0] + " (left) and " + labels[1] + " (right)");
    grid.insertAdjacentElement("afterend", range);
    var captions = document.createElement("div");
    captions.className = "compare-captions";
    for (var k = 0; k < 2; k++) {
      var caption = items[k].querySelector(".compare-caption");
      if (!caption) continue;
      var line = document.createElement("p");
      var name = document.createElement("span");
      name.className = "compare-label";
      name.textContent = labels[k];
      line.appendChild(name);
      line.appendChild(document.createTextNode(" "));
      line.appendChild(caption.cloneNode(true));
      captions.appendChild(line);
    }
    if (captions.firstChild) range.insertAdjacentElement("afterend", captions);
    var divider = document.createElement("span");
    divider.className = "compare-divider";
    divider.setAttribute("aria-hidden", "true");
    grid.appendChild(divider);
    figure.classList.add("is-sliding");

    function show(value) {
      var split = Math.max(0, Math.min(100, Math.round(value)));
      range.value = String(split);
      range.setAttribute("aria-valuetext", split + "% " + labels[0] + ", " + (100 - split) + "% " + labels[1]);
      grid.style.setProperty("--split", split + "%");
    }
    show(50);
    range.addEventListener("input", function () { show(Number(range.value)); });

    function fromPointer(event) {
      var box = grid.getBoundingClientRect();
      if (box.width > 0) show((event.clientX - box.left) / box.width * 100);
    }
    grid.addEventListener("pointerdown", function (event) {
      if (event.button !== 0) return;
      grid.setPointerCapture(event.pointerId);
      grid.classList.add("is-dragging");
      fromPointer(event);
      event.preventDefault();
    });
    grid.addEventListener("pointermove", function (event) {
      if (grid.hasPointerCapture(event.pointerId)) fromPointer(event);
    });
    function release(event) {
      if (!grid.hasPointerCapture(event.pointerId)) return;
      grid.releasePointerCapture(event.pointerId);
      grid.classList.remove("is-dragging");
      range.focus({ preventScroll: true });
    }
    grid.addEventListener("pointerup", release);
    grid.addEventListener("pointercancel", release);
  }

  function label(item) {
    var node = item.querySelector(".compare-label");
    return node ? node.textContent.trim() : "";
  }
})();
