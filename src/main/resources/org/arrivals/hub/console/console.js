// The console's one script: the live page's numbers come in the HTML the hub sends; this only
// asks for them again every second (an unchanged page answers 304) and swaps them in.
(function () {
  "use strict";
  var live = document.getElementById("live");
  if (!live || !window.fetch) {
    return;
  }
  var etag = null;
  var busy = false;
  function refresh() {
    if (busy || document.hidden) {
      return;
    }
    busy = true;
    var headers = {};
    if (etag) {
      headers["If-None-Match"] = etag;
    }
    fetch("/live/fragment", { credentials: "same-origin", cache: "no-store", headers: headers })
      .then(function (r) {
        if (r.status === 200) {
          etag = r.headers.get("ETag");
          return r.text().then(function (html) {
            live.innerHTML = html;
            live.setAttribute("data-refreshed", String(Date.now()));
          });
        }
        if (r.status === 401) {
          window.location.assign("/signin");
        }
      })
      .catch(function () {
        // the hub is out of reach for a moment: the next tick tries again
      })
      .then(function () {
        busy = false;
      });
  }
  setInterval(refresh, 1000);
  document.addEventListener("visibilitychange", refresh);
})();
