/* print.js — a print button for pages made to be printed (the progress
 * summary): a <button data-print hidden> is shown and prints the page. Without
 * scripts the button stays hidden and the page's hint says to use the
 * browser's print (Ctrl+P); the print stylesheet is the same either way. A
 * file of its own because the CSP allows no inline script or onclick. */
(function () {
  'use strict';

  var buttons = document.querySelectorAll('button[data-print]');

  for (var i = 0; i < buttons.length; i++) {
    buttons[i].hidden = false;
    buttons[i].addEventListener('click', function () {
      window.print();
    });
  }
})();
