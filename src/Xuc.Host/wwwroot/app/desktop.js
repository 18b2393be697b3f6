// The agent desktop (/): agent login and pause, calls, his queues, directory, callbacks, history, DND and forwards.
(function () {
  'use strict';
  const { el, $, duration } = XucPage;
  const M = Cti.MessageType;

  const state = {
    me: null, config: null, agent: null, agentSince: 0, calls: new Map(), sheet: null,
    queues: new Map(), stats: new Map(), waiting: new Map(), membership: new Map(), subscribedCalls: new Set(),
    callbacks: new Map(), favorites: [], asked: false
  };

  // ---- who am I -------------------------------------------------------------------------------------------------------
  Cti.setHandler(M.LOGGEDON, m => {
    state.me = m;
    $('who').textContent = m.login;
    $('line').textContent = m.phoneNumber ? 'line ' + m.phoneNumber : 'no line';
    state.calls.clear();
    renderCalls();
    if (!state.asked) { // subscriptions: cti.js sends them again after a reconnection
      state.asked = true;
      Cti.getList('queue');
      Cti.getList('queuemember');
      Cti.subscribeToQueueStats();
      Callback.getCallbackLists();
    }
    Cti.getCurrentCallsPhoneEvents();
    Cti.getFavorites();
    history();
  });
  Cti.setHandler(M.USERCONFIGUPDATE, c => {
    state.config = c;
    $('who').textContent = (c.fullName || state.me?.login || '') + (c.agentId ? ' · agent ' + c.agentId : '');
    $('dnd').checked = c.dndEnabled;
    ['unc', 'busy', 'na'].forEach(k => {
      $(k + 'Fwd-on').checked = c[k + 'FwdEnabled'];
      if (document.activeElement !== $(k + 'Fwd-to')) $(k + 'Fwd-to').value = c[k + 'FwdDestination'] || '';
    });
    $('agent-panel').hidden = !c.agentId;
    renderQueues();
  });
  Cti.setHandler(M.USERSTATUSES, list => {
    const select = $('user-status');
    select.replaceChildren(...list.map(s => el('option', { value: s.name, text: s.longName || s.name })));
  });
  Cti.setHandler(M.USERSTATUSUPDATE, s => { $('user-status').value = s.status; });
  $('user-status').addEventListener('change', ev => Cti.changeUserStatus(ev.target.value));
  Cti.setHandler(M.PHONESTATUSUPDATE, s => { $('phone-status').textContent = 'phone ' + s.status.toLowerCase().replace(/_/g, ' '); });
  Cti.setHandler(M.VOICEMAILSTATUSUPDATE, v => {
    $('voicemail').textContent = v.voiceMailId ? `Voicemail: ${v.newMessages} new, ${v.oldMessages} old` : '';
  });

  // ---- agent ----------------------------------------------------------------------------------------------------------
  Cti.setHandler(M.AGENTSTATEEVENT, a => {
    if (!state.config || a.agentId !== state.config.agentId) return;
    state.agent = a;
    state.agentSince = Date.now() - (a.since || 0) * 1000;
    $('agent-error').textContent = '';
    renderAgent();
    renderQueues();
  });
  Cti.setHandler(M.AGENTERROR, e => {
    $('agent-error').textContent = e.Error + (e.phoneNb ? ` (logged in on ${e.phoneNb})` : '') + (e.message ? ': ' + e.message : '');
  });
  const agentNames = {
    AgentReady: 'Ready', AgentOnPause: 'Paused', AgentOnWrapup: 'Wrap-up', AgentRinging: 'Ringing', AgentDialing: 'Dialling',
    AgentOnCall: 'On call', AgentLoggedOut: 'Logged out', AgentLogin: 'Logged in'
  };
  function renderAgent() {
    const a = state.agent;
    const name = a ? a.name : 'AgentLoggedOut';
    $('agent-state').textContent = (agentNames[name] || name) + (a && a.name === 'AgentOnPause' && a.cause ? ' (' + a.cause + ')' : '');
    $('agent-state').className = 'state-' + name;
    $('agent-state').dataset.state = name;
    const logged = a && a.name !== 'AgentLoggedOut';
    $('agent-login').disabled = logged;
    $('agent-logout').disabled = !logged;
    $('agent-pause').disabled = !logged || name === 'AgentOnPause';
    $('agent-unpause').disabled = !logged || name !== 'AgentOnPause';
    tick();
  }
  function tick() {
    $('agent-since').textContent = state.agent ? duration((Date.now() - state.agentSince) / 1000) : '';
  }
  setInterval(tick, 1000);
  $('agent-login').addEventListener('click', () => Cti.loginAgent(state.me.phoneNumber, state.config.agentId));
  $('agent-logout').addEventListener('click', () => Cti.logoutAgent(state.config.agentId));
  $('agent-pause').addEventListener('click', () => Cti.pauseAgent(state.config.agentId, $('pause-reason').value || undefined));
  $('agent-unpause').addEventListener('click', () => Cti.unpauseAgent(state.config.agentId));

  // ---- calls ----------------------------------------------------------------------------------------------------------
  function onPhoneEvent(e) {
    if (e.eventType === 'EventReleased') state.calls.delete(e.uniqueId);
    else state.calls.set(e.uniqueId, Object.assign({}, state.calls.get(e.uniqueId), e));
    if (e.eventType === 'EventReleased') [1000, 4000].forEach(ms => setTimeout(history, ms)); // the server writes the row as the PBX ends the call
    renderCalls();
  }
  Cti.setHandler(M.PHONEEVENT, onPhoneEvent);
  Cti.setHandler(M.CURRENTCALLSPHONEEVENTS, m => { state.calls.clear(); (m.events || []).forEach(onPhoneEvent); renderCalls(); });
  Cti.setHandler(M.SHEET, s => { state.sheet = s; renderCalls(); });

  const callNames = { EventRinging: 'ringing', EventEstablished: 'talking', EventOnHold: 'on hold', EventDialing: 'calling' };
  function attached(e) {
    return Object.entries(e.userData || {}).filter(([k]) => k.startsWith('USR_')).map(([k, v]) => el('div', { class: 'small' }, el('span', { class: 'muted', text: k.slice(4) + ': ' }), v));
  }
  function sheetFields(uniqueId) {
    const s = state.sheet;
    if (!s || !s.payload || !s.payload.profile) return [];
    const user = s.payload.profile.user || {};
    const uid = (user.internal || []).find(i => i.name === 'uid');
    if (uid && uid.content !== uniqueId && s.channel && !state.calls.has(uid.content)) return [];
    return (user.sheetInfo || []).slice().sort((a, b) => (a.order || 0) - (b.order || 0)).map(f =>
      el('div', { class: 'small sheet-field' }, el('span', { class: 'muted', text: f.name + ': ' }),
        f.type === 'url' ? el('a', { href: f.value, target: '_blank', rel: 'noopener', text: f.value }) : f.value));
  }
  function renderCalls() {
    const calls = Array.from(state.calls.values());
    const ringing = calls.find(c => c.eventType === 'EventRinging' && c.callDirection !== 'Outgoing');
    const banner = $('incoming');
    banner.hidden = !ringing;
    if (ringing) {
      banner.replaceChildren(
        el('h3', { text: 'Incoming call: ' + (ringing.otherDName || ringing.otherDN) }),
        el('div', { id: 'incoming-number', text: ringing.otherDN }),
        ringing.queueName ? el('div', { id: 'incoming-queue' }, 'via queue ', el('strong', { text: queueLabel(ringing.queueName) })) : null,
        attached(ringing), sheetFields(ringing.uniqueId),
        el('div', { class: 'row' }, el('button', { class: 'primary', id: 'incoming-answer', onclick: () => Cti.answer(ringing.uniqueId), text: 'Answer' }),
          el('button', { class: 'danger', onclick: () => Cti.hangup(ringing.uniqueId), text: 'Decline' })));
    }
    const list = $('calls');
    if (!calls.length) { list.replaceChildren(el('p', { class: 'muted', text: 'No call.' })); return; }
    list.replaceChildren(...calls.map(c => el('div', { class: 'call', 'data-uniqueid': c.uniqueId, 'data-state': c.eventType },
      el('div', { class: 'row' }, el('strong', { text: c.otherDName || c.otherDN || '?' }), el('span', { text: c.otherDN }),
        el('span', { class: 'badge', text: callNames[c.eventType] || c.eventType }),
        c.queueName ? el('span', { class: 'badge', text: queueLabel(c.queueName) }) : null,
        el('span', { class: 'muted small', text: c.callDirection || '' })),
      attached(c),
      el('div', { class: 'row' },
        c.eventType === 'EventRinging' && c.callDirection !== 'Outgoing' ? el('button', { class: 'primary answer', onclick: () => Cti.answer(c.uniqueId), text: 'Answer' }) : null,
        c.eventType === 'EventEstablished' || c.eventType === 'EventOnHold'
          ? el('button', { class: 'hold', onclick: () => Cti.hold(c.uniqueId), text: c.eventType === 'EventOnHold' ? 'Resume' : 'Hold' }) : null,
        el('button', { class: 'danger hangup', onclick: () => Cti.hangup(c.uniqueId), text: 'Hang up' })))));
  }
  $('dial').addEventListener('click', () => { const n = $('dial-number').value.trim(); if (n) Cti.dial(n, {}); });
  $('dial-number').addEventListener('keydown', ev => { if (ev.key === 'Enter') $('dial').click(); });
  $('direct-transfer').addEventListener('click', () => { const n = $('transfer-number').value.trim(); if (n) Cti.directTransfer(n); });
  $('attended-transfer').addEventListener('click', () => { const n = $('transfer-number').value.trim(); if (n) Cti.attendedTransfer(n); });
  $('complete-transfer').addEventListener('click', () => Cti.completeTransfer());
  $('cancel-transfer').addEventListener('click', () => Cti.cancelTransfer());
  '123456789*0#'.split('').forEach(k => $('keypad').append(el('button', { type: 'button', 'data-key': k, onclick: () => Cti.sendDtmf(k), text: k })));

  function ringingCall() { return Array.from(state.calls.values()).find(c => c.eventType === 'EventRinging' && c.callDirection !== 'Outgoing'); }
  document.addEventListener('keydown', ev => {
    const key = ev.key.toLowerCase();
    if (ev.key === 'F8' || (ev.altKey && key === 'a')) {
      ev.preventDefault();
      const c = ringingCall();
      Cti.answer(c ? c.uniqueId : undefined);
    } else if (ev.key === 'F9' || (ev.altKey && key === 'h')) {
      ev.preventDefault();
      Cti.hangup();
    }
  });
  Cti.setHandler(M.ERROR, e => {
    const text = e.Error + (e.message ? ': ' + e.message : '');
    const target = /directory|favorite|contact/i.test(text) ? 'directory-error' : /callback/i.test(text) ? 'callback-error' : 'phone-error';
    $(target).textContent = text;
    setTimeout(() => { if ($(target).textContent === text) $(target).textContent = ''; }, 8000);
  });

  // ---- queues ---------------------------------------------------------------------------------------------------------
  function queueLabel(name) {
    const q = Array.from(state.queues.values()).find(x => x.name === name);
    return q ? q.displayName || q.name : name;
  }
  Cti.setHandler(M.QUEUELIST, list => { list.forEach(q => state.queues.set(q.id, q)); renderQueues(); });
  Cti.setHandler(M.QUEUECONFIG, q => { state.queues.set(q.id, q); renderQueues(); });
  Cti.setHandler(M.QUEUEMEMBERLIST, list => { state.membership.clear(); list.forEach(memberChanged); renderQueues(); });
  Cti.setHandler(M.QUEUEMEMBER, m => { memberChanged(m); renderQueues(); });
  function memberChanged(m) {
    if (!state.config || m.agentId !== state.config.agentId) return;
    if (m.penalty < 0) state.membership.delete(m.queueId); else state.membership.set(m.queueId, m.penalty);
  }
  Cti.setHandler(M.QUEUESTATISTICS, s => {
    const id = s.queueId !== undefined ? s.queueId : (Array.from(state.queues.values()).find(q => q.name === s.queueRef) || {}).id;
    if (id === undefined) return;
    const counters = state.stats.get(id) || {};
    s.counters.forEach(c => { counters[c.statName] = c.value; });
    state.stats.set(id, counters);
    renderQueues();
  });
  Cti.setHandler(M.QUEUECALLS, qc => { state.waiting.set(qc.queueId, qc.calls); renderQueues(); });
  function myQueueIds() {
    const ids = new Set(state.membership.keys());
    if (state.agent && state.agent.name !== 'AgentLoggedOut') (state.agent.queues || []).forEach(id => ids.add(id));
    return Array.from(ids).sort((a, b) => a - b);
  }
  function renderQueues() {
    const ids = myQueueIds();
    ids.forEach(id => { if (!state.subscribedCalls.has(id)) { state.subscribedCalls.add(id); Cti.subscribeToQueueCalls(id); } });
    Array.from(state.subscribedCalls).filter(id => !ids.includes(id)).forEach(id => {
      state.subscribedCalls.delete(id); state.waiting.delete(id); Cti.unSubscribeToQueueCalls(id);
    });
    const active = new Set(state.agent && state.agent.name !== 'AgentLoggedOut' ? state.agent.queues || [] : []);
    $('queues').replaceChildren(...ids.map(id => {
      const q = state.queues.get(id) || { name: '#' + id };
      const s = state.stats.get(id) || {};
      const penalty = state.membership.has(id) ? state.membership.get(id) : '—';
      return el('tr', { 'data-queue': q.name, class: active.has(id) ? '' : 'muted' },
        el('td', {}, q.displayName || q.name, q.number ? el('span', { class: 'muted small', text: ' ' + q.number }) : null),
        el('td', { class: 'num', text: penalty }), el('td', { class: 'num waiting', text: s.WaitingCalls ?? 0 }),
        el('td', { class: 'num', text: duration(s.LongestWaitingTime || 0) }), el('td', { class: 'num', text: s.AvailableAgents ?? 0 }),
        el('td', { class: 'num', text: s.TotalNumberCallsAnswered ?? 0 }));
    }));
    const waiting = ids.flatMap(id => (state.waiting.get(id) || []).map(c => ({ queue: (state.queues.get(id) || {}).name, ...c })));
    $('waiting').replaceChildren(...waiting.map(c => el('div', {}, el('span', { class: 'badge', text: c.queue }), ' ', c.name || c.number, ' ', el('span', { class: 'muted', text: c.number }))));
  }

  // ---- directory and favourites ------------------------------------------------------------------------------------------
  function renderDirectory(result) {
    const headers = result.headers || [];
    const numberAt = Math.max(0, headers.findIndex(h => /^number$/i.test(h)));
    $('directory').replaceChildren(...(result.entries || []).map(e => {
      const number = e.entry[numberAt];
      const name = headers.map((h, i) => /name/i.test(h) ? e.entry[i] : null).filter(Boolean).join(' ') || e.entry[0];
      return el('tr', { 'data-number': number },
        el('td', {}, el('span', { class: 'badge', style: 'background:' + (Cti.PhoneStatusColors[String(e.status)] || '#eee'), title: 'phone status ' + e.status, text: ' ' })),
        el('td', { text: name }), el('td', { text: number }),
        el('td', {}, number ? el('button', { onclick: () => Cti.dial(number, {}), text: 'Call' }) : null,
          number ? el('button', { onclick: () => Cti.directTransfer(number), text: 'Transfer' }) : null,
          e.contactId !== undefined ? el('button', {
            title: 'favourite', onclick: () => (e.favorite ? Cti.removeFavorite : Cti.addFavorite)(e.contactId, e.source), text: e.favorite ? '★' : '☆'
          }) : null));
    }));
  }
  $('directory-search').addEventListener('click', () => { const t = $('directory-term').value.trim(); if (t) Cti.directoryLookUp(t); });
  $('directory-term').addEventListener('keydown', ev => { if (ev.key === 'Enter') $('directory-search').click(); });
  $('favorites-show').addEventListener('click', () => Cti.getFavorites());
  Cti.setHandler(M.DIRECTORYRESULT, renderDirectory);
  Cti.setHandler(M.FAVORITES, renderDirectory);
  Cti.setHandler(M.FAVORITEUPDATED, () => Cti.getFavorites());
  Cti.setHandler(M.PHONEHINTSTATUSEVENT, h => {
    document.querySelectorAll(`#directory tr[data-number="${CSS.escape(h.number)}"] .badge`).forEach(b => {
      b.style.background = Cti.PhoneStatusColors[String(h.status)] || '#eee';
    });
  });

  // ---- callbacks ----------------------------------------------------------------------------------------------------------
  const CB = Callback.MessageType;
  Callback.init(Cti);
  Cti.setHandler(CB.CALLBACKLISTS, lists => {
    state.callbacks.clear();
    (Array.isArray(lists) ? lists : [lists]).forEach(l => (l.callbacks || []).forEach(c => state.callbacks.set(c.uuid, { ...c, listName: l.name })));
    renderCallbacks();
  });
  Cti.setHandler(CB.CALLBACKTAKEN, t => { const c = state.callbacks.get(t.uuid); if (c) { c.agentId = t.agentId; renderCallbacks(); } });
  Cti.setHandler(CB.CALLBACKRELEASED, t => { const c = state.callbacks.get(t.uuid); if (c) { c.agentId = null; renderCallbacks(); } });
  Cti.setHandler(CB.CALLBACKCLOTURED, t => { state.callbacks.delete(t.uuid); renderCallbacks(); });
  Cti.setHandler(CB.CALLBACKSTARTED, t => { const c = state.callbacks.get(t.requestUuid); if (c) { c.started = true; renderCallbacks(); } });
  Cti.setHandler(CB.CALLBACKREQUESTUPDATED, u => { const c = state.callbacks.get(u.request.uuid); if (c) { Object.assign(c, u.request); renderCallbacks(); } });
  function renderCallbacks() {
    const mine = state.config ? state.config.agentId : -1;
    $('callbacks').replaceChildren(...Array.from(state.callbacks.values()).map(c => {
      const taken = c.agentId === mine;
      const status = el('select', {}, Callback.Statuses.map(s => el('option', { text: s })));
      const comment = el('input', { placeholder: 'comment', size: 12 });
      return el('tr', { 'data-callback': c.uuid },
        el('td', { text: [c.firstName, c.lastName].filter(Boolean).join(' ') + (c.company ? ' (' + c.company + ')' : '') }),
        el('td', { text: c.phoneNumber || c.mobilePhoneNumber }),
        el('td', { text: (c.dueDate || '') + (c.preferredPeriod ? ' ' + c.preferredPeriod.name : '') }),
        el('td', { text: c.listName || '' }),
        el('td', {}, c.agentId && !taken ? el('span', { class: 'muted', text: 'taken' })
          : !taken ? el('button', { onclick: () => Callback.takeCallback(c.uuid), text: 'Take' })
            : [el('button', { onclick: () => Callback.startCallback(c.uuid, c.phoneNumber || c.mobilePhoneNumber), text: 'Call' }),
              el('button', { onclick: () => Callback.releaseCallback(c.uuid), text: 'Release' }), status, comment,
              el('button', { onclick: () => Callback.updateCallbackTicket(c.uuid, status.value, comment.value), text: 'Close' })]));
    }));
  }

  // ---- history ------------------------------------------------------------------------------------------------------------
  function history() {
    if (!Cti.WebSocket.isOpen()) return;
    Cti.getUserCallHistory(20);
  }
  $('history-refresh').addEventListener('click', history);
  Cti.setHandler(M.CALLHISTORY, rows => {
    $('history').replaceChildren(...(rows || []).map(r => el('tr', {},
      el('td', { class: 'small', text: r.start }), el('td', { text: r.srcName || r.srcNum }), el('td', { text: r.dstName || r.dstNum }),
      el('td', { text: r.duration }), el('td', { text: r.status + (r.queue ? ' · ' + r.queue : '') }))));
  });

  // ---- DND and forwards ------------------------------------------------------------------------------------------------
  $('dnd').addEventListener('change', ev => Cti.dnd(ev.target.checked));
  ['unc', 'busy', 'na'].forEach(k => {
    const send = () => Cti[k + 'Fwd']($(k + 'Fwd-to').value.trim(), $(k + 'Fwd-on').checked);
    $(k + 'Fwd-on').addEventListener('change', send);
    $(k + 'Fwd-to').addEventListener('change', () => { if ($(k + 'Fwd-on').checked) send(); });
  });

  renderAgent();
  XucPage.start({ onSession: () => {}, onLogout: () => { state.asked = false; state.subscribedCalls.clear(); } });
})();
