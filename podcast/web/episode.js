// The episode page: seek from the table of contents or the transcript, highlight the sentence being
// spoken and keep it in view (until the reader scrolls; "Follow" brings it back), keyboard shortcuts,
// start at #t=MM:SS (or ?t=; "&play" also starts playing), and copy a link to any story.
// No libraries, no build step.
(function () {
  'use strict';
  var player = document.getElementById('player');
  var sentences = Array.prototype.slice.call(document.querySelectorAll('.transcript .s'));
  var starts = sentences.map(function (s) { return parseFloat(s.dataset.start); });
  var stories = Array.prototype.slice.call(document.querySelectorAll('nav a.seek')).map(function (a) {
    return parseFloat(a.dataset.start);
  });
  var status = document.getElementById('status');
  var followButton = document.getElementById('follow');
  var current = -1;
  var following = true;
  var still = window.matchMedia && window.matchMedia('(prefers-reduced-motion: reduce)').matches;

  document.querySelector('.player .bar').hidden = false;

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
  function play() { var p = player.play(); if (p && p.catch) p.catch(function () {}); }
  function seek(seconds, andPlay) {
    var end = isFinite(player.duration) ? player.duration : Infinity;
    player.currentTime = Math.max(0, Math.min(seconds, end));
    if (andPlay) play();
  }

  function setFollowing(on) {
    following = on;
    followButton.setAttribute('aria-pressed', on ? 'true' : 'false');
    document.body.classList.toggle('free', !on);
  }
  function bringIntoView(sentence) {
    var box = sentence.getBoundingClientRect();
    var top = document.querySelector('.player').getBoundingClientRect().bottom;
    if (box.top >= top + 40 && box.bottom <= window.innerHeight - 40) return;
    sentence.scrollIntoView({ block: 'center', behavior: still ? 'auto' : 'smooth' });
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
    if (current >= 0) {
      sentences[current].classList.add('now');
      sentences[current].setAttribute('aria-current', 'true');
      if (following) bringIntoView(sentences[current]);
    }
  }
  player.addEventListener('timeupdate', highlight);
  player.addEventListener('seeked', highlight);

  // The reader scrolling stops the following; our own scrolling does not. The reader is told apart by what
  // they touch (wheel, finger, scroll keys, the scroll bar), never by scroll events: on a busy machine a smooth
  // scroll's events come late and would read as the reader's.
  function readerScrolled() { if (following && !player.paused) setFollowing(false); }
  window.addEventListener('wheel', readerScrolled, { passive: true });
  window.addEventListener('touchmove', readerScrolled, { passive: true });
  window.addEventListener('pointerdown', function (event) {
    if (event.clientX >= document.documentElement.clientWidth) readerScrolled();  // on the scroll bar
  });
  var scrollKeys = ['ArrowUp', 'ArrowDown', 'PageUp', 'PageDown', 'Home', 'End'];
  document.addEventListener('keydown', function (event) {
    var target = event.target;
    if (scrollKeys.indexOf(event.key) >= 0 && !(target.closest && target.closest('input, textarea, select, audio')))
      readerScrolled();
  });
  followButton.addEventListener('click', function () {
    setFollowing(!following);
    if (following && current >= 0) bringIntoView(sentences[current]);
  });

  function storyStep(direction) {
    var t = player.currentTime, i = -1;
    for (var n = 0; n < stories.length; n++) { if (stories[n] <= t + 0.5) i = n; }
    // Back goes to the start of this story, or to the one before when it has only just begun.
    if (direction < 0 && i >= 0 && t - stories[i] > 3) { seek(stories[i], false); return; }
    var target = Math.max(0, Math.min(stories.length - 1, i + direction));
    if (stories.length) seek(stories[target], false);
  }

  document.addEventListener('click', function (event) {
    var link = event.target.closest('a.seek');
    if (link) {
      event.preventDefault();
      setFollowing(true);  // going to a story: its words come into view
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
    var target = event.target;
    var sentence = target.closest && target.closest('.transcript .s');
    if (sentence && (event.key === 'Enter' || event.key === ' ')) {
      event.preventDefault();
      seek(parseFloat(sentence.dataset.start), true);
      return;
    }
    if (event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return;
    // Controls keep their own keys: a button's space, a link's enter, the player's own arrows.
    if (target.closest && target.closest('a, button, input, textarea, select, audio, [contenteditable]')) return;
    var key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
    if (key === ' ' || key === 'k') { if (player.paused) play(); else player.pause(); }
    else if (key === 'ArrowLeft' || key === 'j') seek(player.currentTime - 15, false);
    else if (key === 'ArrowRight' || key === 'l') seek(player.currentTime + 15, false);
    else if (key === 'n') storyStep(1);
    else if (key === 'p') storyStep(-1);
    else return;
    event.preventDefault();
  });

  function startFromAddress() {
    var fromHash = /(?:^#|&)t=([0-9:.]+)/.exec(location.hash);
    var fromQuery = /[?&]t=([0-9:.]+)/.exec(location.search);
    var t = parseTime((fromHash || fromQuery || [])[1]);
    if (t === null) return;
    var andPlay = /(?:^#|&)play(?:&|$)/.test(location.hash);
    var go = function () { seek(t, andPlay); highlight(); };
    if (player.readyState >= 1) go(); else player.addEventListener('loadedmetadata', go, { once: true });
  }
  window.addEventListener('hashchange', startFromAddress);
  startFromAddress();
})();
