// Both pages: the "Copy feed address" button (shown only where a script runs).
(function () {
  'use strict';
  var status = document.getElementById('status');
  Array.prototype.forEach.call(document.querySelectorAll('button.copy-feed'), function (button) {
    button.hidden = false;
    button.addEventListener('click', function () {
      var url = button.dataset.url;
      var done = function () { status.textContent = 'Feed address copied: ' + url; button.textContent = 'Copied'; };
      if (navigator.clipboard && navigator.clipboard.writeText) {
        navigator.clipboard.writeText(url).then(done, function () { status.textContent = url; });
      } else { status.textContent = url; }
    });
  });
})();
