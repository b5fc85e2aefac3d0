/* portal.js — small helps on the public pages, for browsers with scripts: the
 * copy button of the received page. Without it the page is whole (the number
 * and code are on it, with the note to write them down or take a screenshot);
 * the button is hidden until this runs. Same-origin only (the CSP allows no
 * inline script). */
(function () {
  'use strict';

  function copied(button, ok) {
    var status = document.getElementById(button.getAttribute('aria-controls'));

    if (status)
      status.textContent = button.getAttribute(ok ? 'data-done' : 'data-failed');
  }

  /* Browsers without the clipboard API (or not on HTTPS): a hidden selection. */
  function fallback(button, text) {
    var t = document.createElement('textarea');
    var ok = false;

    t.value = text;
    t.setAttribute('readonly', '');
    t.style.position = 'fixed';
    t.style.opacity = '0';
    document.body.appendChild(t);
    t.select();
    try {
      ok = document.execCommand('copy');
    } catch (e) {
      ok = false;
    }
    document.body.removeChild(t);
    copied(button, ok);
  }

  function copy(button) {
    var text = button.getAttribute('data-copy');

    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(function () {
        copied(button, true);
      }, function () {
        fallback(button, text);
      });
    } else {
      fallback(button, text);
    }
  }

  var buttons = document.querySelectorAll('button[data-copy]');
  for (var i = 0; i < buttons.length; i++) {
    buttons[i].hidden = false;
    buttons[i].addEventListener('click', function (e) {
      copy(e.currentTarget);
    });
  }
})();
