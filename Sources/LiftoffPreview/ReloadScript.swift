/// The script every preview page loads: reloads on a new build, shows build errors in an overlay.
/// It is added to pages by the preview server only, never to `make` output.
enum ReloadScript {
    static let path = "__liftoff/reload.js"
    static let eventsPath = "__liftoff/events"

    static func source(eventsURL: String) -> String {
        """
        (function () {
          "use strict";
          var seen = null;
          function overlay(messages) {
            var box = document.getElementById("liftoff-errors");
            if (!box) {
              box = document.createElement("div");
              box.id = "liftoff-errors";
              box.setAttribute("role", "alert");
              box.style.cssText = "position:fixed;inset:auto 1rem 1rem 1rem;max-height:60vh;overflow:auto;z-index:2147483647;" +
                "background:#2b0f0f;color:#ffe9e9;border:2px solid #ff6b6b;border-radius:10px;padding:1rem 1.25rem;" +
                "font:14px/1.5 ui-monospace,Menlo,Consolas,monospace;box-shadow:0 8px 30px rgba(0,0,0,.4)";
              document.body.appendChild(box);
            }
            box.textContent = "";
            var title = document.createElement("strong");
            title.textContent = "Build failed: showing the last good build";
            var list = document.createElement("pre");
            list.style.cssText = "margin:.5rem 0 0;white-space:pre-wrap";
            list.textContent = messages.join("\\n");
            box.appendChild(title);
            box.appendChild(list);
          }
          // Only stylesheets changed: point each <link> at its new fingerprinted file.
          function swapStylesheets(urls) {
            var swapped = false;
            document.querySelectorAll('link[rel="stylesheet"]').forEach(function (link) {
              var match = /\\/assets\\/(.+)\\.[0-9a-f]{8}(\\.css)$/.exec(new URL(link.href, location.href).pathname);
              var url = match && urls[match[1] + match[2]];
              if (url) { link.href = url; swapped = true; }
            });
            return swapped;
          }
          var lastOk = true;
          var events = new EventSource("\(eventsURL)");
          events.addEventListener("build", function (event) {
            var state = JSON.parse(event.data);
            if (seen !== null && state.generation !== seen && state.ok) {
              if (!(lastOk && state.stylesheets && swapStylesheets(state.stylesheets))) { location.reload(); return; }
            }
            seen = state.generation;
            lastOk = state.ok;
            var box = document.getElementById("liftoff-errors");
            if (state.ok) { if (box) box.remove(); } else { overlay(state.messages); }
          });
        })();

        """
    }
}
