// /sample: a form per method of Cti, Callback and Membership, and a live log of every frame both ways.
(function () {
  'use strict';
  const { el } = XucPage;
  const log = document.getElementById('log');

  function line(direction, frame) {
    const text = (direction === 'out' ? '→ ' : '← ') + new Date().toLocaleTimeString() + ' ' + JSON.stringify(frame);
    log.prepend(el('div', { class: direction, 'data-type': frame.msgType || frame.command, text }));
    while (log.childNodes.length > 500) log.lastChild.remove();
  }
  Cti.addTrafficListener(line);
  Cti.setHandler(Cti.MessageType.LINKSTATUSUPDATE, s => line('in', { msgType: 'LinkStatusUpdate', ctiMessage: s }));
  Cti.setHandler(Cti.MessageType.LOGGEDON, m => { document.getElementById('who').textContent = m.login + ' · line ' + (m.phoneNumber || 'none'); });
  document.getElementById('clear').addEventListener('click', () => { log.textContent = ''; });

  function parameterNames(fn) {
    const m = /^[^(]*\(([^)]*)\)/.exec(fn.toString());
    return m ? m[1].split(',').map(s => s.trim()).filter(Boolean) : [];
  }
  function value(text) {
    if (text === '') return undefined;
    try { return JSON.parse(text); } catch (e) { return text; }
  }

  const methods = [];
  Object.keys(Cti.Methods).sort().forEach(name => methods.push(['Cti', name, Cti.Methods[name][1]]));
  methods.push(['Cti', 'getConferenceRooms', []]);
  ['Callback', 'Membership'].forEach(o => Object.keys(window[o]).filter(k => typeof window[o][k] === 'function' && k !== 'init')
    .forEach(k => methods.push([o, k, parameterNames(window[o][k])])));

  const list = document.getElementById('methods');
  methods.forEach(([object, name, args]) => {
    const inputs = args.map(a => el('input', { name: a, placeholder: a, size: 10 }));
    const form = el('form', { 'data-method': object + '.' + name, onsubmit: ev => {
      ev.preventDefault();
      window[object][name](...inputs.map(i => value(i.value)));
    } }, el('div', { class: 'row' }, el('code', { text: object + '.' + name }), inputs, el('button', { type: 'submit', text: 'send' })));
    list.append(form);
  });
  document.getElementById('filter').addEventListener('input', ev => {
    const f = ev.target.value.toLowerCase();
    list.querySelectorAll('form').forEach(form => { form.hidden = !form.dataset.method.toLowerCase().includes(f); });
  });

  Callback.init(Cti);
  Membership.init(Cti);
  XucPage.start({ onSession: () => {} });
})();
