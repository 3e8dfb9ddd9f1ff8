// The ops page: throughput and lag of the last minutes as small charts, the health of the consumer groups (each
// component's), and the dead letters with their reasons and a replay button. Refreshes every 10 s.
import { api, el, header, time } from './common.js';

const SVG = 'http://www.w3.org/2000/svg';
const TOPICS = [['newswire.reports.v1', 'reports in / s'], ['newswire.articles.updates.v1', 'article updates out / s'], ['newswire.dlq.v1', 'dead letters / s']];
const status = document.getElementById('status');

function spark(title, values, unit) {
  const W = 260, H = 60;
  const chart = document.createElementNS(SVG, 'svg');
  chart.setAttribute('viewBox', `0 0 ${W} ${H}`);
  chart.setAttribute('class', 'spark');
  const known = values.filter(v => v !== null);
  const max = Math.max(1, ...known);
  const points = values.map((v, i) => v === null ? null : [(i / Math.max(1, values.length - 1)) * W, H - 4 - (v / max) * (H - 8)]);
  let run = [];
  const flush = () => {
    if (run.length > 1) {
      const line = document.createElementNS(SVG, 'polyline');
      line.setAttribute('points', run.map(p => p.map(n => n.toFixed(1)).join(',')).join(' '));
      chart.append(line);
    }
    run = [];
  };
  points.forEach(p => { if (p) run.push(p); else flush(); });
  flush();
  const last = known.length ? known[known.length - 1] : null;
  return el('figure', { class: 'chart' }, el('figcaption', {}, title + ': ', el('strong', {}, last === null ? '–' : format(last) + unit)), chart,
    el('span', { class: 'muted' }, 'max ' + format(max)));
}

function format(n) {
  return n >= 100 ? Math.round(n).toString() : n.toFixed(n >= 10 ? 1 : 2);
}

function charts(history) {
  const box = document.getElementById('charts');
  box.replaceChildren();
  for (const [topic, label] of TOPICS) {
    box.append(spark(label, history.map(p => p.reachable && topic in p.recordsPerSecond ? p.recordsPerSecond[topic] : null), ''));
  }
  const lag = history.map(p => p.reachable ? Object.entries(p.lag).filter(([g]) => g.startsWith('newswire')).reduce((a, [, v]) => a + v, 0) : null);
  box.append(spark('lag of newswire groups', lag, ' records'));
}

function health(snapshot) {
  const badge = document.getElementById('health');
  const problems = document.getElementById('problems');
  problems.replaceChildren();
  if (!snapshot) {
    badge.dataset.state = 'connecting';
    badge.textContent = 'first sample pending';
    return;
  }
  badge.dataset.state = snapshot.healthy ? 'live' : 'reconnecting';
  badge.textContent = snapshot.healthy ? 'healthy' : 'unhealthy';
  if (snapshot.error) problems.append(el('li', { class: 'error' }, snapshot.error));
  snapshot.problems.forEach(p => problems.append(el('li', { class: 'error' }, p)));
  if (snapshot.healthy) problems.append(el('li', {}, 'No problem: every group within its lag threshold, dead letters below theirs.'));
  const groups = document.getElementById('groups');
  groups.replaceChildren(...snapshot.groups.map(g => el('tr', { class: g.lag > 0 ? 'lagging' : '' },
    el('td', {}, g.groupId), el('td', {}, g.state), el('td', {}, String(g.lag)), el('td', {}, g.worst ?? '—'))));
  document.getElementById('brokers').textContent = 'Brokers: ' + snapshot.brokers.join(', ') + ' · taken ' + new Date(snapshot.takenAt).toLocaleTimeString();
}

function original(value) {
  if (!value || value.encoding === 'none') return '(no bytes)';
  if (value.decoded) return JSON.stringify(value.decoded).slice(0, 160);
  return (value.text ?? value.hex ?? '').slice(0, 160);
}

async function replay(id, button) {
  button.disabled = true;
  button.textContent = 'replaying...';
  try {
    const record = await api('/api/ops/dead-letters/' + encodeURIComponent(id) + '/replay', {
      method: 'POST', headers: { 'Content-Type': 'application/json', 'Accept': 'application/json' }, body: '{}',
    });
    button.textContent = 'replayed to ' + record.replayedTo;
    setTimeout(refresh, 2000);
  } catch (e) {
    button.textContent = 'failed: ' + e.message;
  }
}

function deadLetters(listing) {
  const body = document.getElementById('dead-letters');
  body.replaceChildren();
  if (listing.deadLetters.length === 0) {
    body.append(el('tr', {}, el('td', { colspan: 6, class: 'muted' }, 'No dead letters in the last hour.')));
  }
  for (const d of listing.deadLetters) {
    const button = el('button', { type: 'button', class: 'replay' }, d.replayed ? 'replay again' : 'replay');
    button.addEventListener('click', () => replay(d.id, button));
    body.append(el('tr', { 'data-dead-letter': d.id },
      el('td', {}, time(d.failedAt)), el('td', {}, d.stage),
      el('td', { dir: 'auto' }, d.reason, d.replayOf ? el('div', { class: 'muted' }, 'from the replay of ' + d.replayOf) : null,
        d.replayed ? el('div', {}, el('span', { class: 'badge' }, 'replayed')) : null),
      el('td', {}, el('code', {}, d.originTopic + '/' + d.originPartition + '@' + d.originOffset)),
      el('td', { dir: 'auto' }, el('code', {}, original(d.value))), el('td', {}, button)));
  }
}

async function refresh() {
  try {
    const [ops, listing] = await Promise.all([api('/api/ops'), api('/api/ops/dead-letters?since=1h')]);
    health(ops.status);
    charts(ops.history);
    deadLetters(listing);
    status.textContent = '';
  } catch (e) {
    status.textContent = e.message;
  }
}

header().then(() => {
  refresh();
  setInterval(refresh, 10000);
}).catch(e => { status.textContent = e.message; });
