/**
 * Copy a value to the clipboard: Bondgenoot "copy link" buttons.
 *
 * Markup (no inline script needed; works for content swapped in by htmx too):
 *
 *   <div class="bondgenoot-copy-field">
 *     <input id="invite-link" class="utrecht-textbox utrecht-textbox--html-input"
 *            type="text" value="https://…" readonly>
 *     <button type="button" class="utrecht-button utrecht-button--secondary-action"
 *             data-copy-target="#invite-link"
 *             data-copied-text="Gekopieerd"
 *             data-copy-failed-text="Kopiëren lukte niet. Selecteer de link en kopieer hem zelf.">
 *       Kopieer link
 *     </button>
 *     <p class="bondgenoot-copy-status" role="status" aria-live="polite"></p>
 *   </div>
 *
 * The texts come from data attributes so they are translated server-side.
 * If the parent has no .bondgenoot-copy-status element, one is added.
 *
 * Licence: EUPL-1.2.
 */
(function () {
  "use strict";

  var CLEAR_AFTER_MS = 6000;

  function findStatus(button) {
    var parent = button.parentElement;
    if (!parent) {
      return null;
    }
    var status = parent.querySelector(".bondgenoot-copy-status");
    if (!status) {
      status = document.createElement("p");
      status.className = "bondgenoot-copy-status";
      status.setAttribute("role", "status");
      status.setAttribute("aria-live", "polite");
      parent.appendChild(status);
    }
    return status;
  }

  function announce(button, text) {
    var status = findStatus(button);
    if (!status || !text) {
      return;
    }
    // Empty first, then fill on the next frame, so a second click is announced again.
    status.textContent = "";
    window.clearTimeout(status._bondgenootTimer);
    window.setTimeout(function () {
      status.textContent = text;
      status._bondgenootTimer = window.setTimeout(function () {
        status.textContent = "";
      }, CLEAR_AFTER_MS);
    }, 50);
  }

  function valueOf(target) {
    if ("value" in target && typeof target.value === "string") {
      return target.value;
    }
    return target.textContent || "";
  }

  function selectTarget(target) {
    if (typeof target.select === "function") {
      target.select();
      if (typeof target.setSelectionRange === "function") {
        try {
          target.setSelectionRange(0, target.value.length);
        } catch (e) {
          // some input types do not support selection ranges
        }
      }
    }
  }

  function legacyCopy(target, button) {
    selectTarget(target);
    var ok = false;
    try {
      ok = document.execCommand("copy");
    } catch (e) {
      ok = false;
    }
    if (ok && button) {
      button.focus();
    }
    return ok;
  }

  function copy(button) {
    var selector = button.getAttribute("data-copy-target");
    var target = null;
    try {
      target = selector ? document.querySelector(selector) : null;
    } catch (e) {
      target = null;
    }
    var copiedText = button.getAttribute("data-copied-text") || "";
    var failedText = button.getAttribute("data-copy-failed-text") || "";
    if (!target) {
      announce(button, failedText);
      return;
    }
    var text = valueOf(target);

    function done() {
      // Keep focus on the button: only announce, do not move focus.
      announce(button, copiedText);
    }

    function fail() {
      if (legacyCopy(target, button)) {
        announce(button, copiedText);
      } else {
        // Leave the text selected so the person can copy it by hand.
        selectTarget(target);
        announce(button, failedText);
      }
    }

    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(done, fail);
    } else {
      fail();
    }
  }

  document.addEventListener("click", function (event) {
    var origin = event.target;
    if (!(origin instanceof Element)) {
      return;
    }
    var button = origin.closest("[data-copy-target]");
    if (!button || button.disabled) {
      return;
    }
    event.preventDefault();
    copy(button);
  });
})();
