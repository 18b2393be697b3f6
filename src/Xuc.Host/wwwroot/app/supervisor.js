// The supervisor page (/supervisor): queues with live statistics and SLA colours, agents with live states and time in
// state, waiting calls, listen, pause/unpause, moving agents between queues and penalties, conference rooms.
(function () {
  'use strict';
  const { el, $, duration } = XucPage;
  const M = Cti.MessageType;
  const state = {
    queues: new Map(), stats: new Map(), waiting: new Map(), agents: new Map(), agentStates: new Map(),
    groups: new Map(), members: new Map(), asked: false, subscribedCalls: new Set()
  };

  // ---- SLA thresholds (kept in this browser) ----------------------------------------------------------------------------
  const thresholdDefaults = { 'wait-warn': 1, 'wait-bad': 3, 'long-warn': 30, 'long-bad': 60, 'sla-warn': 90, 'sla-bad': 80 };
  const thresholds = Object.assign({}, thresholdDefaults, JSON.parse(localStorage.getItem('xuc.sla') || '{}'));
  Object.keys(thresholdDefaults).forEach(k => {
    const input = $('t-' + k);
    input.value = thresholds[k];
    input.addEventListener('change', () => {
      thresholds[k] = Number(input.value);
      localStorage.setItem('xuc.sla', JSON.stringify(thresholds));
      renderQueues();
    });
  });
  function level(value, warn, bad, lowerIsWorse) {
    if (lowerIsWorse) return value < bad ? 'sla-bad' : value < warn ? 'sla-warn' : 'sla-ok';
    return value >= bad ? 'sla-bad' : value >= warn ? 'sla-warn' : 'sla-ok';
  }

  Cti.setHandler(M.LOGGEDON, m => {
    $('who').textContent = m.login;
    if (state.asked) return; // cti.js sends the subscriptions again after a reconnection
    state.asked = true;
    Cti.getList('queue');
    Cti.getList('agentgroup');
    Cti.getList('agent');
    Cti.getList('queuemember');
    Cti.subscribeToQueueStats();
    Cti.subscribeToAgentEvents();
    Cti.getConferenceRooms();
  });
  Cti.setHandler(M.RIGHTPROFILE, p => { $('profile').textContent = p.profile; });

  // ---- queues ---------------------------------------------------------------------------------------------------------
  Cti.setHandler(M.QUEUELIST, list => { list.forEach(q => state.queues.set(q.id, q)); queuesChanged(); });
  Cti.setHandler(M.QUEUECONFIG, q => { state.queues.set(q.id, q); queuesChanged(); });
  function queuesChanged() {
    state.queues.forEach((q, id) => { if (!state.subscribedCalls.has(id)) { state.subscribedCalls.add(id); Cti.subscribeToQueueCalls(id); } });
    renderQueues(); renderAgents(); renderMoveForm();
  }
  Cti.setHandler(M.QUEUESTATISTICS, s => {
    const id = s.queueId !== undefined ? s.queueId : (Array.from(state.queues.values()).find(q => q.name === s.queueRef) || {}).id;
    if (id === undefined) return;
    const counters = state.stats.get(id) || {};
    s.counters.forEach(c => { counters[c.statName] = c.value; });
    state.stats.set(id, counters);
    renderQueues();
  });
  Cti.setHandler(M.QUEUECALLS, qc => { state.waiting.set(qc.queueId, qc.calls || []); renderWaiting(); });
  function renderQueues() {
    $('queues').replaceChildren(...Array.from(state.queues.values()).sort((a, b) => a.id - b.id).map(q => {
      const s = state.stats.get(q.id) || {};
      const n = k => s[k] ?? 0;
      const sla = s.PercentageAnsweredBefore15;
      return el('tr', { 'data-queue': q.name },
        el('td', {}, el('strong', { text: q.displayName || q.name }), el('span', { class: 'muted small', text: ' ' + q.number })),
        el('td', { class: 'num waiting ' + level(n('WaitingCalls'), thresholds['wait-warn'], thresholds['wait-bad']), text: n('WaitingCalls') }),
        el('td', { class: 'num ' + level(n('LongestWaitingTime'), thresholds['long-warn'], thresholds['long-bad']), text: duration(n('LongestWaitingTime')) }),
        el('td', { class: 'num', text: duration(n('EWT')) }),
        el('td', { class: 'num available', text: n('AvailableAgents') }), el('td', { class: 'num talking', text: n('TalkingAgents') }),
        el('td', { class: 'num entered', text: n('TotalNumberCallsEntered') }), el('td', { class: 'num answered', text: n('TotalNumberCallsAnswered') }),
        el('td', { class: 'num abandoned', text: n('TotalNumberCallsAbandonned') }),
        el('td', { class: 'num ' + (sla === undefined || n('TotalNumberCallsEntered') === 0 ? '' : level(sla, thresholds['sla-warn'], thresholds['sla-bad'], true)),
          text: sla === undefined ? '—' : Math.round(sla) + ' %' }));
    }));
  }
  function renderWaiting() {
    const rows = [];
    state.waiting.forEach((calls, id) => calls.forEach(c => rows.push({ queue: state.queues.get(id), ...c })));
    $('waiting').replaceChildren(...(rows.length ? rows.map(c => el('div', { class: 'row waiting-call' },
      el('span', { class: 'badge', text: c.queue ? c.queue.displayName || c.queue.name : '?' }), el('strong', { text: c.name || c.number }),
      el('span', { class: 'muted', text: c.number }), el('span', { class: 'small muted', 'data-since': c.queueTime, text: waited(c.queueTime) })))
      : [el('p', { class: 'muted', text: 'None.' })]));
  }
  function waited(iso) { const t = Date.parse(iso); return isNaN(t) ? '' : duration((Date.now() - t) / 1000); }

  // ---- agents ---------------------------------------------------------------------------------------------------------
  Cti.setHandler(M.AGENTGROUPLIST, list => { list.forEach(g => state.groups.set(g.id, g)); renderAgents(); });
  Cti.setHandler(M.AGENTLIST, list => { list.forEach(a => state.agents.set(a.id, a)); renderAgents(); renderMoveForm(); });
  Cti.setHandler(M.AGENTCONFIG, a => { state.agents.set(a.id, Object.assign({}, state.agents.get(a.id), a)); renderAgents(); renderMoveForm(); });
  Cti.setHandler(M.AGENTSTATEEVENT, s => {
    state.agentStates.set(s.agentId, Object.assign({}, s, { sinceAt: Date.now() - (s.since || 0) * 1000 }));
    renderAgents();
  });
  Cti.setHandler(M.QUEUEMEMBERLIST, list => { state.members.clear(); list.forEach(memberChanged); renderAgents(); });
  Cti.setHandler(M.QUEUEMEMBER, m => { memberChanged(m); renderAgents(); });
  function memberChanged(m) {
    const q = state.members.get(m.agentId) || new Map();
    if (m.penalty < 0) q.delete(m.queueId); else q.set(m.queueId, m.penalty);
    state.members.set(m.agentId, q);
  }
  Cti.setHandler(M.AGENTERROR, e => { $('agent-error').textContent = e.Error + (e.message ? ': ' + e.message : ''); });
  Cti.setHandler(M.ERROR, e => {
    $('agent-error').textContent = e.Error + (e.message ? ': ' + e.message : '');
    setTimeout(() => { $('agent-error').textContent = ''; }, 8000);
  });
  const names = { AgentReady: 'Ready', AgentOnPause: 'Paused', AgentOnWrapup: 'Wrap-up', AgentRinging: 'Ringing',
    AgentDialing: 'Dialling', AgentOnCall: 'On call', AgentLoggedOut: 'Logged out', AgentLogin: 'Logged in' };
  function renderAgents() {
    $('agents').replaceChildren(...Array.from(state.agents.values()).sort((a, b) => a.id - b.id).map(a => {
      const s = state.agentStates.get(a.id) || { name: 'AgentLoggedOut' };
      const logged = s.name !== 'AgentLoggedOut';
      const queues = Array.from((state.members.get(a.id) || new Map()).entries()).sort((x, y) => x[0] - y[0])
        .map(([qid, p]) => { const q = state.queues.get(qid); return (q ? q.name : '#' + qid) + ' (' + p + ')'; }).join(', ');
      return el('tr', { 'data-agent': a.id, 'data-state': s.name },
        el('td', {}, el('strong', { text: (a.firstName + ' ' + a.lastName).trim() }), el('span', { class: 'muted small', text: ' ' + a.number })),
        el('td', { text: (state.groups.get(a.groupId) || {}).displayName || (state.groups.get(a.groupId) || {}).name || '' }),
        el('td', { class: 'state state-' + s.name, text: (names[s.name] || s.name) + (s.name === 'AgentOnPause' && s.cause ? ' (' + s.cause + ')' : '') }),
        el('td', { class: 'num since', 'data-agent-since': a.id, text: logged ? duration((Date.now() - s.sinceAt) / 1000) : '' }),
        el('td', { text: logged ? s.phoneNb || '' : '' }),
        el('td', { class: 'queues small', text: queues }),
        el('td', {},
          logged && s.name !== 'AgentOnPause' ? el('button', { class: 'pause', onclick: () => Cti.pauseAgent(a.id, 'supervisor'), text: 'Pause' }) : null,
          s.name === 'AgentOnPause' ? el('button', { class: 'unpause', onclick: () => Cti.unpauseAgent(a.id), text: 'Ready' }) : null,
          logged ? el('button', { class: 'listen', onclick: () => Cti.listenAgent(a.id), text: 'Listen' }) : null,
          logged ? el('button', { class: 'logout', onclick: () => Cti.logoutAgent(a.id), text: 'Log out' }) : null));
    }));
  }
  setInterval(() => {
    document.querySelectorAll('[data-agent-since]').forEach(td => {
      const s = state.agentStates.get(Number(td.dataset.agentSince));
      if (s && s.name !== 'AgentLoggedOut') td.textContent = duration((Date.now() - s.sinceAt) / 1000);
    });
    document.querySelectorAll('[data-since]').forEach(sp => { sp.textContent = waited(sp.dataset.since); });
  }, 1000);

  // ---- moving agents ----------------------------------------------------------------------------------------------------
  function options(select, items, withNone) {
    const keep = select.value;
    select.replaceChildren(...(withNone ? [el('option', { value: '', text: '—' })] : []), ...items.map(([v, t]) => el('option', { value: v, text: t })));
    if (Array.from(select.options).some(o => o.value === keep)) select.value = keep;
  }
  function renderMoveForm() {
    options($('move-agent'), Array.from(state.agents.values()).map(a => [a.id, a.firstName + ' ' + a.lastName + ' (' + a.number + ')']));
    const qs = Array.from(state.queues.values()).map(q => [q.id, q.displayName || q.name]);
    options($('move-from'), qs, true);
    options($('move-to'), qs, true);
  }
  const num = id => ($(id).value === '' ? undefined : Number($(id).value));
  $('move').addEventListener('click', () => {
    const agent = num('move-agent'), from = num('move-from'), to = num('move-to'), penalty = num('move-penalty') || 0;
    if (agent === undefined || to === undefined) return;
    Cti.setAgentQueue(agent, to, penalty);
    if (from !== undefined && from !== to) Cti.removeAgentFromQueue(agent, from);
  });
  $('add').addEventListener('click', () => {
    const agent = num('move-agent'), to = num('move-to');
    if (agent !== undefined && to !== undefined) Cti.setAgentQueue(agent, to, num('move-penalty') || 0);
  });
  $('remove').addEventListener('click', () => {
    const agent = num('move-agent'), from = num('move-from');
    if (agent !== undefined && from !== undefined) Cti.removeAgentFromQueue(agent, from);
  });

  // ---- conference rooms ------------------------------------------------------------------------------------------------
  Cti.setHandler(M.CONFERENCES, rooms => {
    $('conferences').replaceChildren(...(rooms || []).map(r => el('div', { class: 'call' },
      el('div', { class: 'row' }, el('strong', { text: r.name }), el('span', { class: 'muted', text: r.number }),
        el('button', { onclick: () => Cti.conferenceMuteAll(r.number), text: 'Mute all' }),
        el('button', { onclick: () => Cti.conferenceUnmuteAll(r.number), text: 'Unmute all' })),
      (r.members || []).map(m => el('div', { class: 'row small' }, m.name + ' ' + m.number + (m.muted ? ' (muted)' : ''),
        el('button', { onclick: () => (m.muted ? Cti.conferenceUnmute : Cti.conferenceMute)(r.number, m.joinOrder), text: m.muted ? 'Unmute' : 'Mute' }),
        el('button', { onclick: () => Cti.conferenceKick(r.number, m.joinOrder), text: 'Kick' }))))));
  });

  XucPage.start({ onSession: () => {}, onLogout: () => { state.asked = false; state.subscribedCalls.clear(); } });
})();
