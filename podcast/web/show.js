// The show page: search every episode's transcript in the browser, from search.json (written at build
// time); each hit links to its moment with #t=, and starts playing there.
(function () {
  'use strict';
  var form = document.getElementById('search');
  if (!form || !window.fetch) return;
  var input = document.getElementById('q'), found = document.getElementById('found');
  var list = document.getElementById('hits');
  var index = null, loading = null, timer = null;
  var MAX_HITS = 40;
  form.hidden = false;

  function fold(text) {  // case and accents do not matter
    return text.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  }
  function load() {
    if (!loading) {
      loading = fetch('search.json').then(function (r) { return r.json(); }).then(function (data) {
        index = data;
        index.folded = data.cues.map(function (cue) { return ' ' + fold(cue[2]).replace(/[^\p{L}\p{N}]+/gu, ' ') + ' '; });
      });
    }
    return loading;
  }
  function stamp(seconds) {
    var s = Math.floor(seconds), m = Math.floor(s / 60), h = Math.floor(m / 60);
    var two = function (n) { return (n < 10 ? '0' : '') + n; };
    return h ? h + ':' + two(m % 60) + ':' + two(s % 60) : two(m) + ':' + two(s % 60);
  }
  function search() {
    var terms = fold(input.value).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
    list.textContent = '';
    if (!terms.length) { found.textContent = ''; return; }
    var hits = [];
    for (var i = 0; i < index.cues.length && hits.length < MAX_HITS; i++) {
      var text = index.folded[i];
      if (terms.every(function (t) { return text.indexOf(' ' + t) >= 0; })) hits.push(index.cues[i]);
    }
    hits.forEach(function (cue) {
      var episode = index.episodes[cue[0]];
      var item = document.createElement('li');
      var link = document.createElement('a');
      link.href = episode.page + '#t=' + stamp(cue[1]) + '&play';
      link.textContent = episode.title + ' · ' + stamp(cue[1]);
      var quote = document.createElement('p');
      quote.textContent = cue[2];
      item.appendChild(link);
      item.appendChild(quote);
      list.appendChild(item);
    });
    found.textContent = hits.length === 0 ? 'Nothing found' :
      (hits.length >= MAX_HITS ? 'The first ' + MAX_HITS + ' moments' : hits.length + (hits.length === 1 ? ' moment' : ' moments'));
  }
  input.addEventListener('focus', load);
  input.addEventListener('input', function () {
    clearTimeout(timer);
    timer = setTimeout(function () { load().then(search); }, 120);
  });
  form.addEventListener('submit', function (event) { event.preventDefault(); load().then(search); });
})();
