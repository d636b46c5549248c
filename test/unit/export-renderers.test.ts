/** The export renderers on their own: escaping of hostile names, dates, exclusive ends, unscheduled tasks. */
import * as assert from 'node:assert/strict';
import { analyzePlan } from '../../server/src/language/analyze';
import { escapeIcsText, escapeMermaid, escapeXml, foldIcsLine } from '../../server/src/language/export/escape';
import { renderExport } from '../../server/src/language/export/index';
import { exportModel } from '../../server/src/language/export/model';

const HOSTILE_NAME = 'a: b; #c "d" <e>&';
const PLAN = `project p "Plan: one; #1" {
  start 2027-01-04
  status 2027-01-06
  deadline 2027-01-29
  currency EUR
  budget 10_000
}
resource r { rate 500/d }
task phase "Phase" {
  task a "${HOSTILE_NAME.replace(/"/g, '\\"')}" { duration 5d assign r progress 100% }
  task b "Second" { duration 3d after a progress 40% deadline 2027-01-15 }
  task g "Inner" {
    task c { duration 1d after b }
  }
}
milestone m "Done" { after phase }
task x "Loop x" { duration 2d after y }
task y "Loop y" { duration 1d after x }
`;

describe('export: escaping helpers', () => {
  it('XML escapes & < > " \'', () => {
    assert.equal(escapeXml(HOSTILE_NAME), 'a: b; #c &quot;d&quot; &lt;e&gt;&amp;');
    assert.equal(escapeXml("it's"), 'it&#39;s');
  });
  it('mermaid text: : ; # " < > & % and line breaks become #code; entities', () => {
    const e = escapeMermaid(HOSTILE_NAME);
    assert.equal(e, 'a#58; b#59; #35;c #34;d#34; #60;e#62;#38;');
    assert.doesNotMatch(e.replace(/#\d+;/g, ''), /[:;#"<>&%]/);
    assert.equal(escapeMermaid('50%% done\nnext'), '50#37;#37; done next');
    assert.equal(escapeMermaid('Übergabe – Phase 2'), 'Übergabe #8211; Phase 2');
  });
  it('mermaid text: a name that starts like a gantt keyword gets its first letter encoded', () => {
    assert.equal(escapeMermaid('section one'), '#115;ection one');
    assert.equal(escapeMermaid('Title page'), '#84;itle page');
    assert.equal(escapeMermaid('sections'), 'sections');
    assert.equal(escapeMermaid(''), '#160;');
  });
  it('iCalendar text and folding', () => {
    assert.equal(escapeIcsText('a;b,c\\d\ne'), 'a\\;b\\,c\\\\d\\ne');
    const long = 'SUMMARY:' + 'ä'.repeat(80);
    const folded = foldIcsLine(long);
    for (const line of folded.split('\r\n')) assert.ok(Buffer.byteLength(line, 'utf8') <= 75, line);
    assert.equal(folded.split('\r\n').map((l, i) => (i ? l.slice(1) : l)).join(''), long);
    // One-, two-, three- and four-octet characters: lines as full as they can be, no sequence split.
    const mixed = 'SUMMARY:' + 'a€😀ä'.repeat(40);
    const lines = foldIcsLine(mixed).split('\r\n');
    for (const [i, line] of lines.entries()) {
      const octets = Buffer.byteLength(line, 'utf8');
      assert.ok(octets <= 75, `line ${i}: ${octets} octets`);
      if (i < lines.length - 1) assert.ok(octets > 71, `line ${i} folded early: ${octets} octets`);
      assert.ok(!line.includes('\uFFFD'));
    }
    assert.equal(lines.map((l, i) => (i ? l.slice(1) : l)).join(''), mixed);
    assert.equal(foldIcsLine('SHORT'), 'SHORT');
  });
});

describe('export: model', () => {
  it('depth, progress, deadlines, status, and the reason for unscheduled tasks', () => {
    const m = exportModel(analyzePlan(PLAN));
    const by = new Map(m.tasks.map((t) => [t.id, t]));
    assert.equal(m.project.status, '2027-01-06');
    assert.equal(m.project.deadline, '2027-01-29');
    assert.equal(by.get('c')!.depth, 2);
    assert.equal(by.get('b')!.progress, 0.4);
    assert.equal(by.get('b')!.deadline, '2027-01-15');
    assert.equal(by.get('x')!.unscheduledReason, 'in a dependency cycle: x → y → x');
    assert.equal(by.get('a')!.unscheduledReason, null);
    assert.ok(m.errors > 0);
  });
});

describe('export: mermaid', () => {
  const text = renderExport(analyzePlan(PLAN), 'mermaid');
  const lines = text.split('\n');

  it('a gantt with dateFormat, no mermaid date arithmetic', () => {
    assert.equal(lines[0], 'gantt');
    assert.ok(lines.includes('  dateFormat YYYY-MM-DD'));
    assert.ok(lines.includes('  todayMarker off'));
    assert.doesNotMatch(text, /\bafter\b|\bexcludes\b|\d+d\s*$/m);
  });
  it('explicit start and exclusive end (inclusive end + 1 day), safe ids, tags', () => {
    assert.ok(lines.includes('  section Phase'), text);
    assert.ok(lines.includes('    a#58; b#59; #35;c #34;d#34; #60;e#62;#38;:done, t1, 2027-01-04, 2027-01-09'), text);
    assert.ok(lines.some((l) => /^ {4}Second:(crit, )?active, t2, 2027-01-11, 2027-01-14$/.test(l)), text);
    assert.ok(lines.some((l) => /^ {4}#9656; Inner:(crit, )?t3, 2027-01-14, 2027-01-15$/.test(l)), text);
    assert.ok(lines.some((l) => /^ {4}Done:(crit, )?milestone, t\d+, 2027-01-14, 2027-01-14$/.test(l)), text);
    assert.ok(lines.includes('  title Plan#58; one#59; #35;1'));
  });
  it('critical tasks are crit', () => {
    const report = JSON.parse(JSON.stringify(exportModel(analyzePlan(PLAN)).tasks)) as { id: string; critical: boolean }[];
    assert.equal(report.find((t) => t.id === 'c')!.critical, lines.some((l) => l.startsWith('    c:crit,')));
  });
  it('status date and deadline as milestones; unscheduled tasks as comments with the reason', () => {
    assert.ok(lines.includes('    Status date 2027-01-06:milestone, status, 2027-01-06, 2027-01-06'));
    assert.ok(lines.includes('    Deadline 2027-01-29:milestone, deadline, 2027-01-29, 2027-01-29'));
    assert.ok(lines.includes('  %% unscheduled: x (Loop x): in a dependency cycle#58; x #8594; y #8594; x'), text);
    assert.ok(!lines.some((l) => /^ {4}Loop x/.test(l)));
  });
  it('no raw : ; # in any task text', () => {
    for (const l of lines.filter((l) => l.startsWith('    '))) {
      const textPart = l.slice(4, l.lastIndexOf(':'));
      assert.doesNotMatch(textPart.replace(/#\d+;/g, ''), /[:;#]/, l);
    }
  });
  it('--markdown wraps in a fence', () => {
    const md = renderExport(analyzePlan(PLAN), 'mermaid', { markdown: true });
    assert.ok(md.startsWith('```mermaid\ngantt\n'));
    assert.ok(md.endsWith('```\n'));
  });
});

describe('export: svg', () => {
  const svg = renderExport(analyzePlan(PLAN), 'svg');
  const bars = [...svg.matchAll(/data-id="([^"]*)" data-kind="(\w+)" data-start="([\d-]+)" data-end="([\d-]+)"/g)].map((m) => m.slice(1).join(' '));

  it('one bar per scheduled task with inclusive dates; none for tasks in a cycle', () => {
    assert.deepEqual(bars, [
      'phase group 2027-01-04 2027-01-14',
      'a leaf 2027-01-04 2027-01-08',
      'b leaf 2027-01-11 2027-01-13',
      'g group 2027-01-14 2027-01-14',
      'c leaf 2027-01-14 2027-01-14',
      'm milestone 2027-01-14 2027-01-14',
    ]);
    assert.match(svg, /not scheduled: in a dependency cycle: x → y → x/);
  });
  it('names are XML-escaped, never raw markup', () => {
    assert.ok(svg.includes('a: b; #c &quot;d&quot; &lt;e&gt;&amp;'));
    assert.ok(!svg.includes('<e>'));
    assert.ok(svg.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg"'));
  });
  it('status line, project deadline, task deadline, progress', () => {
    assert.match(svg, /class="status-date" data-date="2027-01-06"/);
    assert.match(svg, /class="project-deadline" data-date="2027-01-29"/);
    assert.match(svg, /class="deadline" data-deadline="2027-01-15"/);
    assert.match(svg, /<rect class="done"/);
    assert.match(svg, />40%</);
  });
  it('a plan with 5,000 tasks renders quickly, one bar each', () => {
    let plan = 'project big { start 2027-01-04 }\n';
    for (let i = 0; i < 5000; i++) plan += `task t${i} { duration ${1 + (i % 4)}d${i % 10 ? ` after t${i - 1}` : ''} }\n`;
    const analysis = analyzePlan(plan);
    const t0 = performance.now();
    const out = renderExport(analysis, 'svg');
    const ms = performance.now() - t0;
    assert.equal(out.match(/data-id=/g)!.length, 5000);
    assert.ok(ms < 2000, `${ms} ms`);
  });
});

describe('export: html', () => {
  const html = renderExport(analyzePlan(PLAN), 'html');
  it('self-contained: strict CSP, no script, no external URL', () => {
    assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;; style-src &#39;sha256-[A-Za-z0-9+/=]+&#39;/);
    assert.doesNotMatch(html, /<script|<link|src="http|href="http|style="/i);
  });
  it('title, summary, table, unscheduled list; hostile names escaped', () => {
    assert.match(html, /<title>Plan: one; #1 — timeline<\/title>/);
    assert.match(html, /of 10,000 EUR budget/);
    assert.ok(html.includes('a: b; #c &quot;d&quot; &lt;e&gt;&amp;'));
    assert.ok(!html.includes('<e>'));
    assert.match(html, /<h2>Not scheduled<\/h2>[\s\S]*<code>x<\/code> Loop x: in a dependency cycle: x → y → x/);
    assert.match(html, /The plan has \d+ errors?/);
  });
  it('the CSP hash matches the style element', async () => {
    const { createHash } = await import('node:crypto');
    const css = /<style>([\s\S]*?)<\/style>/.exec(html)![1];
    const hash = createHash('sha256').update(css, 'utf8').digest('base64');
    assert.ok(html.includes(`sha256-${hash}`));
    assert.equal(html.match(/<style>/g)!.length, 1);
  });
});

describe('export: ics', () => {
  const ics = renderExport(analyzePlan(PLAN), 'ics', { icsStamp: '20270101T000000Z' });
  it('CRLF, folded lines, one all-day VEVENT per scheduled task, exclusive DTEND, stable UID', () => {
    assert.ok(ics.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n'));
    assert.ok(ics.endsWith('END:VCALENDAR\r\n'));
    assert.doesNotMatch(ics.replace(/\r\n/g, ''), /[\r\n]/);
    for (const line of ics.split('\r\n')) assert.ok(Buffer.byteLength(line) <= 75, line);
    const unfolded = ics.replace(/\r\n /g, '');
    assert.equal(unfolded.match(/BEGIN:VEVENT/g)!.length, 6);
    assert.match(unfolded, /UID:a@plan-as-code\r\nDTSTAMP:20270101T000000Z\r\nDTSTART;VALUE=DATE:20270104\r\nDTEND;VALUE=DATE:20270109\r\nSUMMARY:a: b\\; #c "d" <e>&\r\n/);
    assert.match(unfolded, /UID:m@plan-as-code\r\nDTSTAMP:[^\r]*\r\nDTSTART;VALUE=DATE:20270114\r\nDTEND;VALUE=DATE:20270115\r\n/);
    assert.match(unfolded, /DESCRIPTION:2027-01-04 to 2027-01-08 \(5 working days\)\\nProgress 100%\\nCost 2\\,500 EUR/);
    assert.doesNotMatch(unfolded, /UID:x@/);
  });
});

describe('export: csv', () => {
  it('is the schedule CSV', () => {
    const csv = renderExport(analyzePlan(PLAN), 'csv');
    assert.ok(csv.startsWith('id,name,kind,parent,start,end,duration,effort,cost,budget,slack,critical\r\n'));
    assert.ok(csv.includes('a,"a: b; #c ""d"" <e>&",leaf,phase,2027-01-04,2027-01-08,'));
  });
});
