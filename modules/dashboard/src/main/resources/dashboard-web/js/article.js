// One article: its text with the evidence behind each enrichment highlighted, a map of its places, every version
// with what changed, and where it came from (which reports and correspondents, and how similar the merged ones were).
import { api, el, header, signalBadge, time, urgencyBadge, userText } from './common.js';

const SVG = 'http://www.w3.org/2000/svg';
const status = document.getElementById('status');

function svg(tag, attrs = {}, text) {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, String(value));
  if (text !== undefined) node.textContent = text;
  return node;
}

function evidence(fields) {
  const box = document.getElementById('evidence');
  for (const field of fields) {
    const text = el(field.field === 'headline' ? 'p' : 'div', { class: 'field field-' + field.field, dir: 'auto' });
    for (const segment of field.segments) {
      if (segment.marks.length === 0) {
        text.append(document.createTextNode(segment.text));
        continue;
      }
      const kinds = [...new Set(segment.marks.map(m => m.kind))];
      const title = segment.marks.map(m => m.kind + ': ' + (m.label ?? '') + (m.rule ? ' (' + m.rule + ')' : '')).join('\n');
      text.append(el('mark', { class: 'ev ' + kinds.map(k => 'ev-' + k).join(' '), title }, segment.text));
    }
    box.append(el('h3', { class: 'field-name' }, field.field), text);
  }
}

/** A tile-free map: the places on a graticule, equirectangular around them (no tile server is reachable). */
function map(places) {
  const box = document.getElementById('map');
  if (places.length === 0) {
    box.append(el('p', { class: 'muted' }, 'No places found in this article.'));
    return;
  }
  const W = 420, H = 260;
  const lats = places.map(p => p.latitude), lons = places.map(p => p.longitude);
  let south = Math.min(...lats), north = Math.max(...lats), west = Math.min(...lons), east = Math.max(...lons);
  const pad = Math.max(0.5, (north - south) * 0.25, (east - west) * 0.25);
  south -= pad; north += pad; west -= pad; east += pad;
  const midLat = (south + north) / 2 * Math.PI / 180;
  // keep degrees of longitude and latitude in their true proportion at the middle latitude
  const scale = Math.min(W / ((east - west) * Math.cos(midLat)), H / (north - south));
  const cx = (west + east) / 2, cy = (south + north) / 2;
  const x = lon => W / 2 + (lon - cx) * Math.cos(midLat) * scale;
  const y = lat => H / 2 - (lat - cy) * scale;
  const chart = svg('svg', { viewBox: `0 0 ${W} ${H}`, class: 'map-svg', role: 'img', 'aria-label': 'Map of the places in this article' });
  chart.append(svg('rect', { x: 0, y: 0, width: W, height: H, class: 'map-sea' }));
  const span = Math.max(north - south, east - west);
  const step = [0.25, 0.5, 1, 2, 5, 10, 20, 30].find(s => span / s <= 8) ?? 45;
  for (let lat = Math.ceil(south / step) * step; lat <= north; lat += step) {
    chart.append(svg('line', { x1: 0, x2: W, y1: y(lat), y2: y(lat), class: 'grid' }),
      svg('text', { x: 3, y: y(lat) - 2, class: 'grid-label' }, lat.toFixed(step < 1 ? 2 : 0) + '°'));
  }
  for (let lon = Math.ceil(west / step) * step; lon <= east; lon += step) {
    chart.append(svg('line', { x1: x(lon), x2: x(lon), y1: 0, y2: H, class: 'grid' }),
      svg('text', { x: x(lon) + 2, y: H - 3, class: 'grid-label' }, lon.toFixed(step < 1 ? 2 : 0) + '°'));
  }
  for (const place of places) {
    const g = svg('g', { class: 'place' + (place.dateline ? ' dateline' : '') });
    g.append(svg('title', {}, place.name + (place.detail ? ' / ' + place.detail : '') + ' (' + place.latitude.toFixed(3) + ', ' + place.longitude.toFixed(3) + ')'));
    g.append(svg('circle', { cx: x(place.longitude), cy: y(place.latitude), r: place.dateline ? 6 : 4 }));
    g.append(svg('text', { x: x(place.longitude) + 8, y: y(place.latitude) + 4, class: 'place-label' }, place.name));
    chart.append(g);
  }
  box.append(chart);
}

function facts(enrichment) {
  const places = document.getElementById('places');
  for (const p of enrichment.places) {
    places.append(el('li', {}, userText('span', p.name), p.detail ? ' / ' + p.detail : '', ' · ' + p.featureType,
      p.countryCode ? ' · ' + p.countryCode : '', ' · ' + p.latitude.toFixed(3) + ', ' + p.longitude.toFixed(3),
      p.dateline ? el('span', { class: 'badge' }, 'dateline') : null, ' ', el('code', {}, p.id)));
  }
  const list = document.getElementById('enrichment');
  const item = (term, ...values) => list.append(el('dt', {}, term), el('dd', {}, ...values));
  item('Language', (enrichment.detectedLanguage ?? '?') + (enrichment.languageConfidence != null ? ' (' + enrichment.languageConfidence.toFixed(2) + ')' : ''),
    enrichment.direction ? ' · ' + enrichment.direction : '');
  item('Urgency', enrichment.urgency != null ? String(enrichment.urgency) : 'not set', ...enrichment.urgencyReasons.map(r => el('div', { class: 'muted', dir: 'auto' }, r)));
  item('Parties and organisations', ...enrichment.parties.map(p => el('div', {}, userText('span', p.name), ' · ' + (p.detail ?? ''), p.ambiguous ? ' (ambiguous)' : '', ' ', el('code', {}, p.id))));
  item('Dates', ...enrichment.dates.map(d => el('div', {}, d.date + (d.eventDate ? ' (event)' : '') + (d.relative ? ' (relative)' : ''))));
  item('Sources', ...enrichment.claims.map(c => el('div', { dir: 'auto' }, c.source, c.claim ? ': ' + c.claim : '')));
  item('Subjects', ...enrichment.subjects.map(s => el('div', {}, s.name + ' ', el('code', {}, s.id))));
  if (enrichment.warnings.length) item('Warnings', ...enrichment.warnings.map(w => el('div', {}, w.code + ': ' + w.message)));
}

function runs(list) {
  return list.map(r => r.op === 'same' ? document.createTextNode(r.text) : el(r.op === 'added' ? 'ins' : 'del', {}, r.text));
}

function versions(all) {
  const box = document.getElementById('versions');
  for (const v of [...all].reverse()) {
    const card = el('div', { class: 'version', 'data-version': v.version },
      el('div', { class: 'version-head' }, 'v' + v.version + ' ', signalBadge(v.signal), ' ', urgencyBadge(v.urgency), ' ', time(v.versionCreated)));
    if (v.changes) {
      card.append(el('p', { class: 'muted' }, 'Changes from v' + v.changes.fromVersion + ':'),
        el('p', { class: 'diff headline-diff', dir: 'auto' }, ...runs(v.changes.headline)),
        el('div', { class: 'diff body-diff', dir: 'auto' }, ...runs(v.changes.body)));
    } else {
      card.append(userText('p', v.headline, { class: 'headline-text' }), ...v.body.map(p => userText('p', p)));
    }
    card.append(el('p', { class: 'muted' }, 'Report ', el('code', {}, v.triggeringReportId),
      ...v.bylines.map(b => el('span', { dir: 'auto' }, ' · ' + b.name + (b.bio ? ' (' + b.bio + ')' : '')))));
    box.append(card);
  }
}

function provenance(sources) {
  const body = document.getElementById('provenance');
  for (const s of sources) {
    body.append(el('tr', {}, el('td', {}, s.role), el('td', {}, s.correspondentId), el('td', {}, el('code', {}, s.reportId)),
      el('td', {}, s.matchedReportId ? el('code', {}, s.matchedReportId) : '—'),
      el('td', {}, s.similarity != null ? s.similarity.toFixed(2) : '—'), el('td', {}, s.method ?? '—')));
  }
}

async function main() {
  await header();
  const id = new URLSearchParams(location.search).get('id');
  if (!id) {
    status.textContent = 'No article id in the address.';
    return;
  }
  const page = await api('/api/articles/' + encodeURIComponent(id));
  const s = page.summary;
  document.title = 'Newswire: ' + s.headline;
  document.getElementById('headline').textContent = s.headline;
  document.getElementById('meta').append(urgencyBadge(s.urgency) ?? '', ' ', signalBadge(s.signal), ' ',
    (s.desk ?? 'no desk') + ' · ' + s.language + ' · v' + s.version + ' · ' + page.correspondents.length + ' correspondent(s) · first ',
    time(s.firstCreated), ', latest ', time(s.versionCreated));
  if (page.enrichment.present) {
    evidence(page.enrichment.evidence);
    map(page.enrichment.places);
    facts(page.enrichment);
  } else {
    document.getElementById('evidence').append(el('p', { class: 'muted' }, 'Not enriched.'));
  }
  versions(page.versions);
  provenance(page.provenance);
  document.getElementById('article').hidden = false;
  status.textContent = '';
}

main().catch(e => { status.textContent = e.message; });
