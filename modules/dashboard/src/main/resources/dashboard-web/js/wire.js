// The live wire: the listing from /api/articles, then every new version and alert from /api/stream (Server-Sent
// Events; the browser's EventSource reconnects by itself and sends Last-Event-ID, so nothing is missed). The filters
// live in the page's URL, so a view can be bookmarked or shared.
import { api, el, header, signalBadge, time, urgencyBadge, userText } from './common.js';

const FILTERS = ['q', 'desk', 'language', 'urgency', 'place', 'party', 'subject'];
const MAX_ROWS = 500;
const MAX_ALERTS = 50;
const form = document.getElementById('filters');
const wire = document.getElementById('wire');
const alerts = document.getElementById('alerts');
const status = document.getElementById('status');
const connection = document.getElementById('connection');
const rows = new Map();
const alerted = new Map();
let stream = null;

function query() {
  const params = new URLSearchParams(location.search);
  const kept = new URLSearchParams();
  for (const name of FILTERS) {
    const value = params.get(name);
    if (value) kept.set(name, value);
  }
  return kept;
}

function showFilters(params) {
  for (const name of FILTERS) {
    const field = form.elements[name];
    const value = params.get(name) || '';
    if (field.tagName === 'SELECT' && value && ![...field.options].some(o => o.value === value)) {
      field.append(el('option', { value }, value));
    }
    field.value = value;
  }
}

// Choices offered even before any article carries them (a language the wire has not seen yet today).
const ALWAYS = { language: ['ar', 'en', 'fr', 'ku', 'tr'] };

function fillChoices(name, facets, label) {
  const field = form.elements[name];
  const chosen = field.value;
  field.replaceChildren(el('option', { value: '' }, 'all'));
  for (const facet of facets) {
    field.append(el('option', { value: facet.id }, label(facet) + ' (' + facet.count + ')'));
  }
  for (const value of ALWAYS[name] ?? []) {
    if (!facets.some(f => f.id === value)) field.append(el('option', { value }, value));
  }
  if (chosen && ![...field.options].some(o => o.value === chosen)) field.append(el('option', { value: chosen }, chosen));
  field.value = chosen;
}

function chip(kind, item) {
  const button = el('button', { type: 'button', class: 'chip chip-' + kind, dir: 'auto', title: kind + ' ' + item.id }, item.name);
  button.addEventListener('click', () => apply({ [kind]: item.id }));
  return button;
}

function row(article) {
  const link = el('a', { href: '/article.html?id=' + encodeURIComponent(article.articleId) }, article.headline);
  link.setAttribute('dir', 'auto');
  const corroboration = article.correspondents > 1 ? el('span', { class: 'badge corroborated', title: 'correspondents behind it' }, article.correspondents + ' correspondents') : null;
  // the row runs in the article's own direction: an Arabic row reads from the right, time and badges first
  return el('li', { class: 'article', dir: article.direction === 'RTL' ? 'rtl' : 'ltr', 'data-article-id': article.articleId, 'data-signal': article.signal },
    el('div', { class: 'line1' }, time(article.versionCreated), urgencyBadge(article.urgency), signalBadge(article.signal),
      // no dir on the h3: dir="auto" skips children with a dir of their own, so it would always read as LTR
      el('h3', { class: 'headline' }, link)),
    el('div', { class: 'line2' },
      el('span', { class: 'desk' }, article.desk || 'no desk'), ' · ', el('span', { class: 'lang' }, article.language),
      ' · v' + article.version, corroboration ? ' · ' : null, corroboration,
      article.places.map(p => chip('place', p)), article.parties.map(p => chip('party', p))));
}

function show(article, live) {
  const existing = rows.get(article.articleId);
  if (existing && Number(existing.dataset.version) > article.version) return;
  const li = row(article);
  li.dataset.version = article.version;
  if (alerted.has(article.articleId)) mark(li, alerted.get(article.articleId));
  if (existing) existing.remove();
  if (live) {
    wire.prepend(li);
    li.classList.add('fresh');
    setTimeout(() => li.classList.remove('fresh'), 4000);
  } else {
    wire.append(li);
  }
  rows.set(article.articleId, li);
  while (wire.children.length > MAX_ROWS) {
    rows.delete(wire.lastElementChild.dataset.articleId);
    wire.lastElementChild.remove();
  }
  status.textContent = '';
}

function mark(li, alert) {
  li.classList.add('alerted');
  if (!li.querySelector('.alert-reason')) {
    li.querySelector('.line1').append(el('span', { class: 'badge alert-reason', title: alert.reason }, 'ALERT'));
  }
}

function showAlert(alert) {
  const item = el('li', { class: 'alert alert-' + alert.category.toLowerCase(), 'data-alert-id': alert.alertId },
    time(alert.raisedAt), ' ', urgencyBadge(alert.urgency), ' ',
    alert.category === 'HEALTH' ? el('strong', {}, 'health') : el('a', { href: '/article.html?id=' + encodeURIComponent(alert.articleId), dir: 'auto' }, alert.headline),
    el('div', { class: 'reason', dir: 'auto' }, alert.reason));
  // newest first by when they were raised: alerts of different partitions arrive in no common order
  item.dataset.raisedAt = alert.raisedAt;
  const later = [...alerts.children].find(other => Date.parse(other.dataset.raisedAt) < Date.parse(alert.raisedAt));
  alerts.insertBefore(item, later ?? null);
  while (alerts.children.length > MAX_ALERTS) alerts.lastElementChild.remove();
  if (alert.category !== 'HEALTH') {
    alerted.set(alert.articleId, alert);
    const li = rows.get(alert.articleId);
    if (li) mark(li, alert);
  }
}

async function load(params) {
  status.textContent = 'Loading...';
  const listing = await api('/api/articles?' + params.toString());
  wire.replaceChildren();
  rows.clear();
  listing.articles.forEach(a => show(a, false));
  status.textContent = listing.articles.length ? '' : 'Nothing on the wire for this view yet; new articles appear here live.';
  fillChoices('desk', listing.facets.desks, f => f.name);
  fillChoices('language', listing.facets.languages, f => f.name);
  fillChoices('place', listing.facets.places, f => f.name + (f.detail ? ' / ' + f.detail : ''));
  fillChoices('party', listing.facets.parties, f => f.name);
  fillChoices('subject', listing.facets.subjects, f => f.name);
}

function connect(params) {
  if (stream) stream.close();
  connection.dataset.state = 'connecting';
  connection.textContent = 'connecting';
  stream = new EventSource('/api/stream?' + params.toString());
  let loaded = false;
  stream.addEventListener('ready', () => {
    connection.dataset.state = 'live';
    connection.textContent = 'live';
    // list once the stream stands at a position: anything newer then comes live, so nothing falls in between
    if (!loaded) {
      loaded = true;
      load(params).catch(e => { status.textContent = e.message; });
    }
  });
  stream.addEventListener('article', e => show(JSON.parse(e.data), true));
  stream.addEventListener('alert', e => showAlert(JSON.parse(e.data)));
  stream.addEventListener('error', () => {
    connection.dataset.state = 'reconnecting';
    connection.textContent = 'reconnecting';
  });
}

function apply(changes) {
  const params = query();
  for (const [name, value] of Object.entries(changes)) {
    if (value) params.set(name, value); else params.delete(name);
  }
  history.pushState(null, '', params.toString() ? '?' + params.toString() : '/');
  showFilters(params);
  connect(params);
}

form.addEventListener('submit', event => {
  event.preventDefault();
  const changes = {};
  for (const name of FILTERS) changes[name] = form.elements[name].value.trim();
  apply(changes);
});
document.getElementById('clear').addEventListener('click', () => apply(Object.fromEntries(FILTERS.map(n => [n, '']))));
window.addEventListener('popstate', () => {
  showFilters(query());
  connect(query());
});

header().then(() => {
  showFilters(query());
  connect(query());
}).catch(e => { status.textContent = e.message; });
