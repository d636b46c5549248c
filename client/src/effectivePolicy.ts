/**
 * "Plan: Show Effective Policy": the rules in effect for the active plan (the server's
 * `planAsCode/effectivePolicy`), rendered as Markdown for a read-only virtual document. No `vscode`
 * import in the rendering, so it is tested on its own.
 */
import type { EffectivePolicyResult, EffectiveRuleInfo } from '../../server/src/protocol';

export const EFFECTIVE_POLICY_SCHEME = 'plan-effective-policy';

/** A file URI shown relative to the plan's folder when below it (else as a path). */
export function displayPath(fileUri: string, planUri: string): string {
  const file = decodeURIComponent(fileUri.replace(/^file:\/\//, ''));
  const planDir = decodeURIComponent(planUri.replace(/^file:\/\//, '')).replace(/[^/]*$/, '');
  if (planDir && file.startsWith(planDir)) return file.slice(planDir.length);
  return file;
}

function cell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/[\r\n]+/g, ' ').replace(/([*_`[\]<>])/g, '\\$1');
}

function link(fileUri: string, planUri: string, line?: number): string {
  const target = line === undefined ? fileUri : `${fileUri}#L${line + 1}`;
  return `[${cell(displayPath(fileUri, planUri))}](${target.replace(/\)/g, '%29').replace(/ /g, '%20')})`;
}

function waiverText(rule: EffectiveRuleInfo): string {
  if (rule.waivers.length === 0) return '';
  return rule.waivers.map((w) => `${w.on.length ? `on ${w.on.map(cell).join(', ')}` : 'whole plan'}${w.reason ? ` — “${cell(w.reason)}”` : ''} (line ${w.line + 1})`).join('<br>');
}

export function effectivePolicyMarkdown(result: EffectivePolicyResult, planName: string): string {
  const out: string[] = [`# Effective policy of ${cell(planName)}`, ''];
  if (result.entries.length === 0 && result.notFound.length === 0) {
    out.push('This plan uses no policy: add `uses "./standard.policy"` to its project, or set `planAsCode.policies`.', '');
  } else {
    out.push(`Policies used: ${result.entries.map((e) => link(e, result.uri)).join(', ') || 'none'}.`);
    if (result.files.length > result.entries.length) {
      out.push('', `Loaded through \`extends\`: ${result.files.filter((f) => !result.entries.includes(f)).map((f) => link(f, result.uri)).join(', ')}.`);
    }
    if (result.notFound.length > 0) out.push('', `**Not found:** ${result.notFound.map((n) => `\`${cell(n)}\``).join(', ')}.`);
    out.push('');
  }
  if (result.rules.length > 0) {
    const active = result.rules.filter((r) => r.severity !== 'off').length;
    out.push(`${result.rules.length} rule${result.rules.length === 1 ? '' : 's'} (${active} active).`, '');
    out.push('| Rule | Severity | Message | Defined in | Policy | Overrides | Waivers |', '|---|---|---|---|---|---|---|');
    const sorted = [...result.rules].sort((a, b) => a.id.localeCompare(b.id));
    for (const r of sorted) {
      const id = r.docs ? `[\`${cell(r.id)}\`](${r.docs.replace(/\)/g, '%29')})` : `\`${cell(r.id)}\``;
      out.push(`| ${id} | ${r.severity} | ${cell(r.message)} | ${link(r.file, result.uri, r.line)} | ${cell(r.policyId)}${r.policyVersion ? ` ${cell(r.policyVersion)}` : ''} | ${r.overrides.map((o) => `${cell(o.policyId)} (${link(o.file, result.uri)})`).join('<br>')} | ${waiverText(r)} |`);
    }
    out.push('');
  }
  if (result.unknownWaivers.length > 0) {
    out.push(`**Waivers naming no rule:** ${result.unknownWaivers.map((w) => `\`${cell(w)}\``).join(', ')}.`, '');
  }
  return out.join('\n');
}
