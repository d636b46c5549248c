/**
 * One self-contained, offline HTML page: title, project summary (dates, cost against budget), the SVG
 * timeline inline, the task table and the tasks that could not be scheduled. No script, no external
 * resource; the Content-Security-Policy allows nothing but the page's one style element (by its hash).
 */
import { createHash } from 'node:crypto';
import { escapeXml } from './escape';
import { money, type ExportModel } from './model';
import { SVG_CSS, svgGantt } from './svg';

const PAGE_CSS = `
:root { color-scheme: light; }
body { margin: 0; background: #f6f8fa; color: #24292f; font: 14px/1.45 system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif; }
main { max-width: 1500px; margin: 0 auto; padding: 24px 28px 40px; }
h1 { font-size: 24px; margin: 0 0 2px; }
h2 { font-size: 17px; margin: 28px 0 10px; }
.sub { color: #57606a; margin: 0 0 18px; }
.cards { display: flex; flex-wrap: wrap; gap: 12px; }
.card { background: #fff; border: 1px solid #d0d7de; border-radius: 8px; padding: 10px 16px; min-width: 150px; }
.card .k { color: #57606a; font-size: 12px; text-transform: uppercase; letter-spacing: .04em; }
.card .v { font-size: 20px; font-weight: 600; }
.card .n { color: #57606a; font-size: 12px; }
.card.bad .v, .bad { color: #c62828; }
.card.good .v { color: #1a7f37; }
.meter { height: 6px; background: #eaeef2; border-radius: 3px; margin-top: 6px; overflow: hidden; }
.meter > div { height: 100%; background: #3b82c4; }
.meter.over > div { background: #c62828; }
.chart { background: #fff; border: 1px solid #d0d7de; border-radius: 8px; overflow-x: auto; }
.chart svg { display: block; }
table { border-collapse: collapse; background: #fff; border: 1px solid #d0d7de; width: 100%; font-size: 13px; }
th, td { padding: 5px 10px; border-bottom: 1px solid #eaeef2; text-align: left; white-space: nowrap; }
th { background: #f6f8fa; position: sticky; top: 0; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
td.name { white-space: normal; }
tr.group td { font-weight: 600; }
tr.crit td.name::after { content: ' ● critical'; color: #c62828; font-size: 11px; font-weight: 400; }
.note { background: #fff8c5; border: 1px solid #d4a72c; border-radius: 6px; padding: 8px 12px; }
ul.unscheduled li { margin: 4px 0; }
code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 12px; background: #eaeef2; padding: 1px 4px; border-radius: 4px; }
footer { color: #57606a; font-size: 12px; margin-top: 28px; }
`;

function pct(p: number | null): string { return p === null ? '' : `${Math.round(p * 100)}%`; }

export function htmlPage(m: ExportModel): string {
  const p = m.project;
  const cur = p.currency;
  // Inline style attributes would need 'unsafe-inline': the meter widths are classes.
  const fills = Array.from({ length: 101 }, (_, i) => `.fill-${i}{width:${i}%}`).join('');
  const css = PAGE_CSS + fills + '\n' + SVG_CSS;
  const hash = createHash('sha256').update(css, 'utf8').digest('base64');
  const csp = `default-src 'none'; style-src 'sha256-${hash}'; img-src data:; base-uri 'none'; form-action 'none'`;
  const e = escapeXml;
  const late = p.deadline !== null && p.end !== null && p.end > p.deadline;
  const over = p.budget !== null && p.cost > p.budget;
  const critical = m.tasks.filter((t) => t.critical).length;
  const unscheduled = m.tasks.filter((t) => t.start === null);
  const cards: string[] = [
    `<div class="card"><div class="k">Start</div><div class="v">${e(p.start ?? '—')}</div></div>`,
    `<div class="card ${p.deadline ? (late ? 'bad' : 'good') : ''}"><div class="k">End</div><div class="v">${e(p.end ?? '—')}</div><div class="n">${p.deadline ? `deadline ${e(p.deadline)}${late ? ' — late' : ' — on time'}` : 'no deadline'}</div></div>`,
    `<div class="card ${p.budget !== null ? (over ? 'bad' : 'good') : ''}"><div class="k">Cost</div><div class="v">${e(money(p.cost, cur))}</div><div class="n">${p.budget !== null ? `of ${e(money(p.budget, cur))} budget${over ? ` — ${e(money(p.cost - p.budget, cur))} over` : ` — ${Math.round((p.cost / (p.budget || 1)) * 100)}% used`}` : 'no budget'}</div>${p.budget !== null ? `<div class="meter${over ? ' over' : ''}"><div class="fill-${Math.min(100, Math.round((p.cost / (p.budget || 1)) * 100))}"></div></div>` : ''}</div>`,
    `<div class="card"><div class="k">Tasks</div><div class="v">${m.tasks.filter((t) => t.kind !== 'group').length}</div><div class="n">${critical} critical${unscheduled.length ? `, <span class="bad">${unscheduled.length} not scheduled</span>` : ''}</div></div>`,
  ];
  if (p.status) cards.push(`<div class="card"><div class="k">Status date</div><div class="v">${e(p.status)}</div></div>`);
  const rows = m.tasks.map((t) => `<tr class="${t.kind}${t.critical ? ' crit' : ''}"><td><code>${e(t.id)}</code></td><td class="name">${'&#160;'.repeat(Math.min(t.depth, 12) * 4)}${e(t.name)}</td><td>${t.kind}</td><td>${e(t.start ?? '—')}</td><td>${e(t.end ?? '—')}</td><td class="num">${t.duration ?? ''}</td><td class="num">${t.slack ?? ''}</td><td class="num">${pct(t.progress)}</td><td>${e(t.deadline ?? '')}</td><td class="num">${e(money(t.cost, cur))}</td><td class="num">${t.budget !== null ? e(money(t.budget, cur)) : ''}</td></tr>`);
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${e(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(p.name)} — timeline</title>
<style>${css}</style>
</head>
<body>
<main>
<h1>${e(p.name)}</h1>
<p class="sub">Project <code>${e(p.id)}</code> · schedule exported by Plan as Code</p>
${m.errors > 0 ? `<p class="note">The plan has ${m.errors} error${m.errors === 1 ? '' : 's'}; the schedule may be incomplete. Run <code>planc check</code> for details.</p>\n` : ''}<div class="cards">
${cards.join('\n')}
</div>
<h2>Timeline</h2>
<div class="chart">
${svgGantt(m, { embedStyle: false })}</div>
${unscheduled.length ? `<h2>Not scheduled</h2>\n<ul class="unscheduled">\n${unscheduled.map((t) => `<li><code>${e(t.id)}</code> ${e(t.name)}: ${e(t.unscheduledReason ?? '')}</li>`).join('\n')}\n</ul>\n` : ''}<h2>Tasks</h2>
<table>
<thead><tr><th>ID</th><th>Name</th><th>Kind</th><th>Start</th><th>End</th><th class="num">Days</th><th class="num">Slack</th><th class="num">Progress</th><th>Deadline</th><th class="num">Cost</th><th class="num">Budget</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table>
<footer>Dates are inclusive working days (YYYY-MM-DD); slack in working days.</footer>
</main>
</body>
</html>
`;
}
