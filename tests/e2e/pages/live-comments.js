// Adds comments the way a help desk's live updates do, with DOM APIs (no innerHTML of ticket text).
(function () {
  var conversation = document.getElementById('conversation');
  var n = 0;
  var bodies = [
    ['Customer pasted the bounce: ', ['b', 'Unable to deliver the message'], ['br'], ' due to a communications failure.'],
    ['Probably ', ['a', 'KB 191014'], ', installing the service pack tonight.'],
    ['Also seen: support.microsoft.com/kb/227142'],
  ];
  function el(spec) {
    if (typeof spec === 'string') return document.createTextNode(spec);
    var e = document.createElement(spec[0]);
    if (spec[0] === 'a') e.href = '#kb';
    if (spec[1]) e.textContent = spec[1];
    return e;
  }
  function addComment() {
    var article = document.createElement('article');
    article.className = 'zd-comment live';
    article.dataset.n = String(n);
    var p = document.createElement('p');
    bodies[n % bodies.length].forEach(function (s) { p.appendChild(el(s)); });
    article.appendChild(p);
    conversation.appendChild(article);
    n++;
  }
  // Two comments shortly after load, then a text change inside an existing block.
  setTimeout(addComment, 300);
  setTimeout(addComment, 600);
  setTimeout(function () { document.getElementById('status').textContent = 'customer replied: see Q227142'; }, 900);
  document.getElementById('add-comment').addEventListener('click', addComment);
  document.getElementById('add-burst').addEventListener('click', function () {
    for (var i = 0; i < 1500; i++) {
      var row = document.createElement('div');
      row.textContent = i === 1499 ? 'last row cites Q191014' : 'audit row ' + i;
      conversation.appendChild(row);
    }
  });
  document.getElementById('remove-first').addEventListener('click', function () {
    var live = conversation.querySelectorAll('.live');
    if (live.length) live[live.length - 1].remove();
  });
})();
