// A tiny router: pushState + replace the view's children, like React/Ember desks do on navigation.
(function () {
  var tickets = {
    '1': ['Ticket 1: bounce to cc:Mail', 'Unable to deliver the message due to a communications failure.', 'See Q227142.'],
    '2': ['Ticket 2: service pack question', 'Customer asks whether KB 191014 applies to them.'],
    '3': ['Ticket 3: printer', 'The printer on floor 2 jams when printing envelopes.'],
  };
  var view = document.getElementById('view');
  function render(id) {
    var lines = tickets[id] || tickets['1'];
    var children = lines.map(function (text, i) {
      var e = document.createElement(i === 0 ? 'h1' : 'p');
      e.textContent = text;
      return e;
    });
    view.replaceChildren.apply(view, children);
  }
  document.querySelector('nav').addEventListener('click', function (ev) {
    var a = ev.target.closest('a[data-ticket]');
    if (!a) return;
    ev.preventDefault();
    history.pushState({ t: a.dataset.ticket }, '', '?t=' + a.dataset.ticket);
    render(a.dataset.ticket);
  });
  window.addEventListener('popstate', function () {
    render(new URLSearchParams(location.search).get('t') || '1');
  });
  render(new URLSearchParams(location.search).get('t') || '1');
})();
