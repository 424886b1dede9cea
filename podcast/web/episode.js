// The episode page: seek from the table of contents or the transcript, highlight the sentence being
// spoken, start at #t=MM:SS (or ?t=), and copy a link to any story. No libraries, no build step.
(function () {
  'use strict';
  var player = document.getElementById('player');
  var sentences = Array.prototype.slice.call(document.querySelectorAll('.transcript .s'));
  var starts = sentences.map(function (s) { return parseFloat(s.dataset.start); });
  var status = document.getElementById('status');
  var current = -1;

  function parseTime(text) {
    if (!text) return null;
    var parts = text.split(':').map(Number);
    if (parts.some(isNaN)) return null;
    return parts.reduce(function (total, part) { return total * 60 + part; }, 0);
  }
  function stamp(seconds) {
    var s = Math.floor(seconds), m = Math.floor(s / 60);
    return (m < 10 ? '0' : '') + m + ':' + (s % 60 < 10 ? '0' : '') + (s % 60);
  }
  function seek(seconds, play) {
    player.currentTime = seconds;
    if (play) { var p = player.play(); if (p && p.catch) p.catch(function () {}); }
  }
  function highlight() {
    var t = player.currentTime, lo = 0, hi = starts.length - 1, found = -1;
    while (lo <= hi) {  // the last sentence that started at or before t
      var mid = (lo + hi) >> 1;
      if (starts[mid] <= t + 0.05) { found = mid; lo = mid + 1; } else { hi = mid - 1; }
    }
    if (found === current) return;
    if (current >= 0) { sentences[current].classList.remove('now'); sentences[current].removeAttribute('aria-current'); }
    current = found;
    if (current >= 0) { sentences[current].classList.add('now'); sentences[current].setAttribute('aria-current', 'true'); }
  }
  player.addEventListener('timeupdate', highlight);
  player.addEventListener('seeked', highlight);

  document.addEventListener('click', function (event) {
    var link = event.target.closest('a.seek');
    if (link) {
      event.preventDefault();
      seek(parseFloat(link.dataset.start), true);
      history.replaceState(null, '', '#t=' + stamp(parseFloat(link.dataset.start)));
      return;
    }
    var sentence = event.target.closest('.transcript .s');
    if (sentence) { seek(parseFloat(sentence.dataset.start), true); return; }
    var copy = event.target.closest('button.copy');
    if (copy) {
      var url = location.href.split('#')[0].split('?')[0] + '#t=' + copy.dataset.stamp;
      var done = function () { status.textContent = 'Link copied: ' + url; copy.textContent = 'Copied'; };
      if (navigator.clipboard && navigator.clipboard.writeText) {
        navigator.clipboard.writeText(url).then(done, function () { status.textContent = url; });
      } else { status.textContent = url; }
    }
  });
  document.addEventListener('keydown', function (event) {
    var sentence = event.target.closest && event.target.closest('.transcript .s');
    if (sentence && (event.key === 'Enter' || event.key === ' ')) {
      event.preventDefault();
      seek(parseFloat(sentence.dataset.start), true);
    }
  });

  function startFromAddress() {
    var fromHash = /(?:^#|&)t=([0-9:.]+)/.exec(location.hash);
    var fromQuery = /[?&]t=([0-9:.]+)/.exec(location.search);
    var t = parseTime((fromHash || fromQuery || [])[1]);
    if (t === null) return;
    var go = function () { seek(t, false); highlight(); };
    if (player.readyState >= 1) go(); else player.addEventListener('loadedmetadata', go, { once: true });
  }
  window.addEventListener('hashchange', startFromAddress);
  startFromAddress();
})();
