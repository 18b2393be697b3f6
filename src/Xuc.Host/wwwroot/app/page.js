/*
 * page.js: what the three pages share: the REST login, the CTI link opened with a token that is refreshed through
 * /auth/check before each reconnection, the link indicator, small DOM helpers. Global XucPage.
 */
(function (root) {
  'use strict';
  const api = '/xuc/api/2.0';
  const storeKey = 'xuc.session';

  function el(tag, attrs, ...children) {
    const e = document.createElement(tag);
    Object.entries(attrs || {}).forEach(([k, v]) => {
      if (v === undefined || v === null || v === false) return;
      if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
      else if (k === 'class') e.className = v;
      else if (k === 'text') e.textContent = v;
      else e.setAttribute(k, v === true ? '' : v);
    });
    children.flat().forEach(c => { if (c !== null && c !== undefined && c !== false) e.append(c instanceof Node ? c : String(c)); });
    return e;
  }

  function duration(seconds) {
    seconds = Math.max(0, Math.floor(seconds));
    const h = Math.floor(seconds / 3600), m = Math.floor(seconds / 60) % 60, s = seconds % 60;
    return (h ? h + ':' + String(m).padStart(2, '0') : String(m)) + ':' + String(s).padStart(2, '0');
  }

  async function login(user, password) {
    const r = await fetch(api + '/auth/login', {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ login: user, password })
    });
    const body = await r.json().catch(() => ({}));
    if (!r.ok) throw new Error(body.message || body.error || ('HTTP ' + r.status));
    return body;
  }

  /** A fresh token for the stored one (GET /auth/check), or null when it is refused (expired, user deleted). */
  async function refresh(token) {
    try {
      const r = await fetch(api + '/auth/check', { headers: { Authorization: 'Bearer ' + token } });
      if (r.status === 401) return null;
      if (!r.ok) return token;
      return (await r.json()).token;
    } catch (e) { return token; } // server down: try the old one, the socket will fail and back off
  }

  function wsUrl(token) {
    return (location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + api + '/cti?token=' + encodeURIComponent(token);
  }

  function saved() { try { return JSON.parse(sessionStorage.getItem(storeKey)); } catch (e) { return null; } }
  function save(s) { if (s) sessionStorage.setItem(storeKey, JSON.stringify(s)); else sessionStorage.removeItem(storeKey); }

  /** Fills the page's empty <form id="login" data-title="..."> with the fields every page shares (its own children follow). */
  function loginForm(form) {
    form.prepend(
      el('h2', { text: (form.dataset.title || 'Xuc') + ' — log in' }),
      el('label', {}, 'Login ', el('input', { name: 'login', autocomplete: 'username', required: true })),
      el('label', {}, 'Password ', el('input', { name: 'password', type: 'password', autocomplete: 'current-password', required: true })),
      el('button', { class: 'primary', type: 'submit', text: 'Log in' }),
      el('p', { id: 'login-error', class: 'error' }));
  }

  /**
   * Shows the login form in `form` until a REST login succeeds (or a stored session is there), then opens the CTI link.
   * onSession({login, token}) is called once the link is asked for; the page sets its handlers before.
   */
  function start(options) {
    const form = document.getElementById('login');
    loginForm(form);
    const app = document.getElementById('app');
    const error = document.getElementById('login-error');
    const linkBadge = document.getElementById('link');
    let session = saved();

    Cti.setHandler(Cti.MessageType.LINKSTATUSUPDATE, s => {
      if (!linkBadge) return;
      linkBadge.textContent = s.status === 'opened' ? 'connected' : 'reconnecting…';
      linkBadge.className = 'badge ' + (s.status === 'opened' ? 'ok' : 'bad');
    });
    Cti.setHandler(Cti.MessageType.LOGGEDONERROR, e => { if (error) error.textContent = 'Session refused: ' + e.Error; });

    function open() {
      form.hidden = true;
      app.hidden = false;
      let first = true;
      Cti.WebSocket.init(async () => {
        if (first) { first = false; return wsUrl(session.token); }
        const fresh = await refresh(session.token);
        if (fresh === null) { stop('Your session has expired: log in again.'); throw new Error('session expired'); }
        session.token = fresh; save(session);
        return wsUrl(fresh);
      }, session.login, '');
      options.onSession(session);
    }

    function stop(message) {
      Cti.WebSocket.close();
      save(null);
      session = null;
      app.hidden = true;
      form.hidden = false;
      if (error) error.textContent = message || '';
    }

    form.addEventListener('submit', async ev => {
      ev.preventDefault();
      error.textContent = '';
      try {
        const r = await login(form.elements.login.value.trim(), form.elements.password.value);
        session = { login: r.login, token: r.token };
        save(session);
        open();
      } catch (e) { error.textContent = 'Login refused: ' + e.message; }
    });
    const logout = document.getElementById('logout');
    if (logout) logout.addEventListener('click', () => { if (options.onLogout) options.onLogout(); stop(''); });
    if (session) open(); else { form.hidden = false; app.hidden = true; }
    return { stop };
  }

  root.XucPage = { el, $: id => document.getElementById(id), duration, login, refresh, wsUrl, start };
})(window);
