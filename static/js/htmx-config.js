/**
 * htmx settings for Bondgenoot. Load right after htmx.min.js, both with `defer`:
 *
 *   <meta name="csrf-token" content="{{ csrf_token }}">
 *   <script src="{% static 'vendor/htmx/htmx.min.js' %}" defer></script>
 *   <script src="{% static 'js/htmx-config.js' %}" defer></script>
 *
 * - Works under a strict Content-Security-Policy (no 'unsafe-inline', no
 *   'unsafe-eval'): htmx does not inject its indicator <style> (the rules live
 *   in static/css/bondgenoot.css), does not eval (no hx-on / js: expressions)
 *   and does not run <script> tags found in swapped content.
 * - Adds Django's CSRF token as the X-CSRFToken header to every htmx request
 *   to our own origin, read from <meta name="csrf-token">.
 *
 * Licence: EUPL-1.2.
 */
(function () {
  "use strict";

  if (typeof window.htmx === "undefined") {
    return;
  }

  var config = window.htmx.config;
  config.includeIndicatorStyles = false;
  config.allowEval = false;
  config.allowScriptTags = false;
  config.selfRequestsOnly = true;
  // Re-fetch instead of restoring a page from the local history cache, so
  // nothing personal is kept in the browser's sessionStorage.
  config.historyCacheSize = 0;
  config.refreshOnHistoryMiss = true;

  function csrfToken() {
    var meta = document.querySelector('meta[name="csrf-token"]');
    return meta ? meta.getAttribute("content") : null;
  }

  function isSameOrigin(path) {
    try {
      return new URL(path, window.location.href).origin === window.location.origin;
    } catch (e) {
      return false;
    }
  }

  document.addEventListener("htmx:configRequest", function (event) {
    var detail = event.detail;
    var token = csrfToken();
    if (!token || !detail || !detail.headers) {
      return;
    }
    if (detail.path && !isSameOrigin(detail.path)) {
      return;
    }
    detail.headers["X-CSRFToken"] = token;
  });
})();
