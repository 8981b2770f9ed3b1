// aniprep review: selection, keyboard and actions. Plain JS served from the jar (works offline).
(function () {
  'use strict';
  const token = document.querySelector('meta[name="aniprep-token"]').content;
  const status = document.getElementById('status');
  const KEYS = [];
  function key(k, what, fn) { KEYS.push({k: k, what: what, fn: fn}); }
  // Views add their own shortcuts (window.aniprep.key); a view's key replaces a general one with the same name.
  // The view's keys come first in the ? list, in the order the view gave them.
  let viewKeys = 0;
  function viewKey(k, what, fn) {
    const names = k.split(' / ');
    for (let i = KEYS.length - 1; i >= 0; i--) {
      if (KEYS[i].k.split(' / ').some(x => names.includes(x))) {
        KEYS.splice(i, 1);
        if (i < viewKeys) viewKeys--;
      }
    }
    KEYS.splice(viewKeys++, 0, {k: k, what: what, fn: fn});
  }

  function say(text, bad) {
    status.textContent = text;
    status.className = bad ? 'bad' : 'ok';
  }

  async function post(url, params) {
    const body = new URLSearchParams();
    for (const [k, v] of params) body.append(k, v);
    const res = await fetch(url, {method: 'POST', credentials: 'same-origin',
      headers: {'X-Aniprep-Token': token, 'Content-Type': 'application/x-www-form-urlencoded'}, body: body});
    let json = {};
    try { json = await res.json(); } catch (e) { json = {message: 'error ' + res.status}; }
    if (!res.ok || !json.ok) { say(json.message || ('error ' + res.status), true); return null; }
    sessionStorage.setItem('aniprep-said', json.message);
    if (json.location) location.href = json.location; else location.reload();
    return json;
  }
  window.aniprep = {key: viewKey, post: post, say: say};  // frameAction and ask join below
  const said = sessionStorage.getItem('aniprep-said');
  if (said) { say('done: ' + said); sessionStorage.removeItem('aniprep-said'); }

  // --- selection over tiles (faces or frames) ---
  const tiles = Array.from(document.querySelectorAll('[data-face], [data-frame]'));
  let last = -1;
  let cursor = -1;
  function selected() { return tiles.filter(t => t.classList.contains('sel')); }
  function count() {
    const n = selected().length;
    const c = document.getElementById('selcount');
    if (c) c.textContent = n + ' selected';
  }
  function toggle(t, on) { t.classList.toggle('sel', on === undefined ? !t.classList.contains('sel') : on); t.setAttribute('aria-selected', t.classList.contains('sel')); }
  tiles.forEach((t, i) => {
    t.addEventListener('click', ev => {
      if (ev.target.tagName === 'A') return;
      ev.preventDefault();
      if (ev.shiftKey && last >= 0) {
        const [a, b] = last < i ? [last, i] : [i, last];
        for (let j = a; j <= b; j++) toggle(tiles[j], true);
      } else if (ev.ctrlKey || ev.metaKey) {
        toggle(t);
      } else {
        const was = t.classList.contains('sel') && selected().length === 1;
        tiles.forEach(x => toggle(x, false));
        toggle(t, !was);
      }
      last = i; cursor = i; t.focus(); count();
    });
    t.addEventListener('focus', () => { cursor = i; });
  });
  document.querySelectorAll('.groupsel').forEach(box => box.addEventListener('change', () => {
    box.closest('section').querySelectorAll('[data-face]').forEach(t => toggle(t, box.checked));
    count();
  }));
  function move(d) {
    if (!tiles.length) return;
    cursor = Math.max(0, Math.min(tiles.length - 1, cursor + d));
    tiles[cursor].focus();
  }
  function rowLength() {
    if (tiles.length < 2) return 1;
    const top = tiles[Math.max(cursor, 0)].offsetTop;
    const row = tiles.filter(t => t.offsetTop === top && t.parentNode === tiles[Math.max(cursor, 0)].parentNode);
    return Math.max(1, row.length);
  }
  function current() { return cursor >= 0 ? tiles[cursor] : null; }

  // --- face actions ---
  function groupOf(t) { return t.closest('section'); }
  function faceIds() {
    let s = selected().filter(t => t.dataset.face);
    if (!s.length && current() && current().dataset.face) s = [current()];
    return s;
  }
  function guessName(faces) {
    const g = faces.length ? groupOf(faces[0]) : null;
    return g ? g.dataset.character : '';
  }
  function askName(prompt0, dflt) {
    const v = window.prompt(prompt0 + '\n(existing names: ' + Array.from(document.querySelectorAll('#names option')).map(o => o.value).join(', ') + ')', dflt || '');
    return v == null ? null : v.trim();
  }
  function faceAction(action) {
    const faces = faceIds();
    if (!faces.length) { say('select faces first (click, Shift-click, Ctrl-click, or g for a whole group)', true); return; }
    const params = [['action', action]];
    faces.forEach(f => params.push(['face', f.dataset.face]));
    if (action === 'name') {
      const n = askName('This is… (a character name, existing or new)', '');
      if (!n) return;
      params.push(['name', n]);
    } else if (action === 'not') {
      let n = guessName(faces);
      if (!n) { n = askName('Not… (the name these faces must never get)', ''); if (!n) return; }
      params.push(['name', n]);
    }
    post('/api/faces', params);
  }
  function nameGroup(section) {
    if (!section) return;
    const names = Array.from(document.querySelectorAll('#names option')).map(o => o.value);
    const n = askName('Name the whole group "' + section.querySelector('h2 label').textContent.trim() + '"', section.dataset.character || '');
    if (!n) return;
    if (names.some(x => x.toLowerCase() === n.toLowerCase()) && n !== section.dataset.character
        && !window.confirm(n + ' exists: merge this group into ' + n + '?')) return;
    post('/api/faces', [['action', 'name'], ['name', n], ['group', section.dataset.group]]);
  }
  function mergeGroups() {
    const groups = Array.from(document.querySelectorAll('.groupsel:checked')).map(b => b.closest('section').dataset.group);
    if (groups.length > 1) {
      post('/api/faces', [['action', 'link']].concat(groups.map(g => ['group', g])));
    } else {
      faceAction('link');
    }
  }
  document.querySelectorAll('[data-action]').forEach(b => b.addEventListener('click', () => {
    const a = b.dataset.action;
    if (a === 'link') mergeGroups(); else if (b.closest('#face-actions')) faceAction(a); else frameAction(a);
  }));
  document.querySelectorAll('.namegroup').forEach(b => b.addEventListener('click', () => nameGroup(b.closest('section'))));

  // --- frame actions (frames view and frame page): scope, count, confirm, then one POST ---
  function frameScope() {
    const scope = document.querySelector('input[name="scope"]:checked');
    return scope ? scope.value : 'selection';
  }
  function frameParams(action) {
    const params = [['action', action]];
    const page = document.querySelector('[data-this-frame]');
    const scope = page ? 'this' : frameScope();
    if (scope === 'this' && page) {
      params.push(['frame', page.dataset.thisFrame], ['here', page.dataset.thisFrame], ['back', location.search]);
    } else if (scope === 'filtered') {
      params.push(['filter', location.search.replace(/^\?/, '')]);
    } else {
      let s = selected().filter(t => t.dataset.frame);
      if (!s.length && current() && current().dataset.frame) s = [current()];
      if (!s.length) { say('select frames first, or choose the scope "every filtered frame"', true); return null; }
      s.forEach(t => params.push(['frame', t.dataset.frame]));
    }
    return params;
  }
  // An in-page confirm step (Enter: go on, Escape: cancel) that says what a bulk action will touch.
  function ask(text) {
    let d = document.getElementById('confirm');
    if (!d) {
      d = document.createElement('dialog');
      d.id = 'confirm';
      d.innerHTML = '<p id="confirm-text"></p><form method="dialog"><button value="yes" id="confirm-yes">go on</button> <button value="no">cancel</button></form>';
      document.body.append(d);
    }
    d.querySelector('#confirm-text').textContent = text;
    d.returnValue = '';
    return new Promise(resolve => {
      d.addEventListener('close', () => resolve(d.returnValue === 'yes'), {once: true});
      d.showModal();
      d.querySelector('#confirm-yes').focus();
    });
  }
  async function frameAction(action, value) {
    const params = frameParams(action);
    if (!params) return;
    if (action === 'tag' || action === 'untag') {
      const field = document.getElementById('tag-text');
      let t = value || (field && field.value.trim()) || '';
      if (!t) t = (window.prompt(action === 'tag' ? 'Add the tag:' : 'Remove the tag:', '') || '').trim();
      if (!t) return;
      params.push(['tag', t]);
    } else if (action === 'caption') {
      const field = document.getElementById('caption-text');
      const t = value != null ? value : field ? field.value
        : window.prompt('Caption of these frames (empty: back to the caption stage\'s):', '');
      if (t == null) return;
      params.push(['caption', t]);
    }
    const plan = await request('/api/frames/count', params);
    if (!plan) return;
    if (!plan.changes) { say('nothing to change: ' + plan.message, true); return; }
    const bulk = plan.count > 1 || params.some(p => p[0] === 'filter');
    if (bulk && !(await ask(plan.message.charAt(0).toUpperCase() + plan.message.slice(1) + '. Go on? (undo takes it back)'))) return;
    post('/api/frames', params);
  }
  async function request(url, params) {
    const body = new URLSearchParams();
    params.forEach(([k, v]) => body.append(k, v));
    const res = await fetch(url, {method: 'POST', credentials: 'same-origin',
      headers: {'X-Aniprep-Token': token, 'Content-Type': 'application/x-www-form-urlencoded'}, body: body});
    let json = {};
    try { json = await res.json(); } catch (e) { json = {message: 'error ' + res.status}; }
    if (!res.ok || json.ok === false) { say(json.message || ('error ' + res.status), true); return null; }
    return json;
  }

  // --- history ---
  const undo = document.getElementById('undo');
  const redo = document.getElementById('redo');
  if (undo) undo.addEventListener('click', () => post('/api/undo', []));
  if (redo) redo.addEventListener('click', () => post('/api/redo', []));

  // --- keyboard ---
  const onFaces = !!document.getElementById('face-actions');
  key('?', 'show these shortcuts', () => showKeys());
  if (tiles.length) {
    key('ArrowRight / l', 'next tile', () => move(1));
    key('ArrowLeft / h', 'previous tile', () => move(-1));
    key('ArrowDown / j', 'tile below', () => move(rowLength()));
    key('ArrowUp / k', 'tile above', () => move(-rowLength()));
    key('Space', 'select / unselect the tile', () => { if (current()) { toggle(current()); last = cursor; count(); } });
    key('Shift+Space', 'select from the last selected tile to this one', () => {
      if (current() && last >= 0) { const [a, b] = last < cursor ? [last, cursor] : [cursor, last]; for (let j = a; j <= b; j++) toggle(tiles[j], true); count(); }
    });
    key('Escape', 'select nothing', () => { tiles.forEach(t => toggle(t, false)); count(); });
    key('a', 'select every tile on the page', () => { tiles.forEach(t => toggle(t, true)); count(); });
    key('Enter', 'open the frame of the tile', () => { const a = current() && current().querySelector('a'); if (a) location.href = a.href; });
  }
  key('u / Ctrl+Z', 'undo the last action', () => post('/api/undo', []));
  key('Shift+U / Ctrl+Y', 'redo', () => post('/api/redo', []));
  key('1 / 2 / 3', 'go to Characters / Frames / Dataset', null);
  if (onFaces) {
    key('n', 'this is NAME (asks for the name)', () => faceAction('name'));
    key('x', 'not this group\'s name', () => faceAction('not'));
    key('d', 'not a face (the box is dropped for good)', () => faceAction('notface'));
    key('i', 'ignore these faces', () => faceAction('ignore'));
    key('s', 'split the selection off into a group of its own / merge the checked groups', () => mergeGroups());
    key('c', 'clear my decisions on these faces', () => faceAction('clear'));
    key('g', 'select the whole group of the tile', () => { const s = current() && groupOf(current()); if (s) { s.querySelectorAll('[data-face]').forEach(t => toggle(t, true)); const b = s.querySelector('.groupsel'); if (b) b.checked = true; count(); } });
    key('Shift+N', 'name the group of the tile', () => nameGroup(current() && groupOf(current())));
  }
  // the frames view and a frame's page add their keys with window.aniprep.key (frames.jte, frame.jte)
  window.aniprep.frameAction = frameAction;
  window.aniprep.ask = ask;
  function showKeys() {
    const list = document.getElementById('keylist');
    list.innerHTML = '';
    const table = document.createElement('table');
    KEYS.forEach(k => {
      const tr = document.createElement('tr');
      const a = document.createElement('td'); a.textContent = k.k;
      const b = document.createElement('td'); b.textContent = k.what;
      tr.append(a, b); table.append(tr);
    });
    list.append(table);
    document.getElementById('keys').showModal();
  }
  const help = document.getElementById('help');
  if (help) help.addEventListener('click', showKeys);
  function find(k) { return (KEYS.find(x => x.k.split(' / ').includes(k)) || {}).fn; }
  document.addEventListener('keydown', ev => {
    const tag = ev.target.tagName;
    if (tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || document.querySelector('dialog[open]')) return;
    let k = ev.key;
    if (ev.ctrlKey && (k === 'z' || k === 'Z')) k = ev.shiftKey ? 'Ctrl+Y' : 'Ctrl+Z';
    else if (ev.ctrlKey && k === 'y') k = 'Ctrl+Y';
    else if (ev.ctrlKey || ev.metaKey || ev.altKey) return;
    else if (k === ' ') k = ev.shiftKey ? 'Shift+Space' : 'Space';
    else if (ev.shiftKey && /^[a-z]$/i.test(k)) k = 'Shift+' + k.toUpperCase();  // Shift+3 is '#', not Shift+#
    if (/^[123]$/.test(k)) {
      const links = document.querySelectorAll('header nav a');
      const a = links[Number(k) - 1];
      if (a) { location.href = a.href; ev.preventDefault(); }
      return;
    }
    const fn = find(k);
    if (fn) { ev.preventDefault(); fn(); }
  });
  count();
})();
