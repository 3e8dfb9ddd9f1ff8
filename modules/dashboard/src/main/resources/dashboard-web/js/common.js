// Shared by the dashboard's pages. Every piece of report text goes on the page through textContent (el() below),
// never through innerHTML, so a headline such as <script> or <img onerror=...> shows as text.

/** Makes an element: attrs are set with setAttribute (class, href, dir, title, data-*); children are nodes or text. */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value !== null && value !== undefined && value !== false) {
      node.setAttribute(name, value === true ? '' : String(value));
    }
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

/** GET or POST JSON from the dashboard's API; a 401 sends the reader to the login page and back. */
export async function api(path, options = {}) {
  const response = await fetch(path, { credentials: 'same-origin', headers: { 'Accept': 'application/json' }, ...options });
  if (response.status === 401) {
    location.assign('/login.html?next=' + encodeURIComponent(location.pathname + location.search));
    throw new Error('not logged in');
  }
  const body = response.status === 204 ? null : await response.json();
  if (!response.ok) {
    throw new Error(body && body.detail ? body.detail : 'HTTP ' + response.status);
  }
  return body;
}

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' });
const timeOnly = new Intl.DateTimeFormat(undefined, { timeStyle: 'medium' });

/** A <time> in the reader's own zone; today's show the time only. */
export function time(iso) {
  if (!iso) return el('time', {}, '');
  const when = new Date(iso);
  const today = new Date().toDateString() === when.toDateString();
  return el('time', { datetime: iso, title: dateTime.format(when) }, today ? timeOnly.format(when) : dateTime.format(when));
}

/** The header's who-am-I, zone and log-out button, on every page. */
export async function header() {
  document.getElementById('zone').textContent = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const session = await api('/api/session');
  document.getElementById('who').textContent = session.displayName;
  document.getElementById('logout').addEventListener('click', async () => {
    await fetch('/api/logout', { method: 'POST', credentials: 'same-origin' });
    location.assign('/login.html');
  });
  return session;
}

/** A badge for a signal (NEW, UPDATE, CORRECTION, WITHDRAWAL). */
export function signalBadge(signal) {
  return el('span', { class: 'badge signal-' + signal.toLowerCase() }, signal);
}

/** A badge for urgency 1 (flash) .. 9; none when unset. */
export function urgencyBadge(urgency) {
  if (urgency === null || urgency === undefined) return null;
  return el('span', { class: 'badge urgency urgency-' + Math.min(urgency, 4), title: 'urgency ' + urgency + ' (1 is a flash)' }, 'U' + urgency);
}

/** Text whose direction the browser decides (Arabic right to left, English left to right, mixed lines readable). */
export function userText(tag, text, attrs = {}) {
  return el(tag, { dir: 'auto', ...attrs }, text ?? '');
}
