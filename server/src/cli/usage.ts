/** Help texts: `planc --help`, `planc help CMD`, `planc CMD --help`. */

export const COMMANDS = ['check', 'schedule', 'diff', 'export', 'report', 'lsp'] as const;
export type Command = (typeof COMMANDS)[number];

/** Commands of the contract that later versions bring. */
export const NOT_YET_AVAILABLE: ReadonlySet<string> = new Set(['diff']);

const GENERAL = `planc — Plan as Code: check and schedule project plans (*.plan) and PMO policies (*.policy)

Usage: planc <command> [options]

Commands:
  check [FILES|DIRS...]    report problems in plans and policies (default: the current directory)
  schedule FILE            print the computed schedule of a plan (JSON or CSV)
  diff OLD NEW             compare two versions of a plan (not available in this version)
  export FILE              export a plan's timeline: mermaid, html, svg, csv or ics
  report FILES|DIRS        portfolio report across plans: schedule, budget, policy compliance
  lsp --stdio              run the language server (for Neovim, Helix, Emacs and other LSP clients)
  help [COMMAND]           show help for a command

Options:
  -h, --help               show help
  -v, --version            print the version

Exit codes: 0 success (warnings only), 1 errors found, 2 bad usage or unreadable input.
`;

const HELP: Record<Command, string> = {
  check: `Usage: planc check [FILES|DIRS...] [options]

Checks *.plan and *.policy files. Directories are searched recursively (node_modules and
folders whose name starts with '.' are skipped). With no paths, the current directory is checked.
A file named explicitly is read as a plan unless its name ends in .policy.

Options:
  -f, --format FORMAT      text (default), json, sarif or github
  -p, --policy FILE        apply the policy FILE to every plan, and check it (repeatable)
  -q, --quiet              report errors only
      --show-waived        also list the violations that plans waive, with the waiver's reason
                           (not counted: exit codes and summaries are unchanged)
      --max-warnings N     exit 1 when there are more than N warnings (-1: no limit, the default)
      --color, --no-color  force or disable colours in text output
                           (default: colours on a terminal unless NO_COLOR is set; FORCE_COLOR forces)
  -h, --help               show this help

Policies: each plan gets the policies it names with 'uses' (relative paths, or package paths found
in node_modules folders), then the --policy files; a later rule with the same id wins. Violations
are reported in the plan with code policy/<rule-id>; problems inside policy files are reported in
those files, once. A 'uses' naming no readable file, or a file outside the workspace (the current
directory, the folders named on the command line, and the nearest folder above the plan holding
.git or package.json) and outside node_modules, is policy-not-found; such files are never read.

Formats:
  text     path:line:col: severity code: message, then a summary line
           (waived: path:line:col: waived severity code: message (waived: reason))
  json     a JSON array of {file, range, severity, code, source, message}; ranges are LSP ranges
           (0-based line and character), severity is error, warning, info or hint;
           with --show-waived, waived violations add waived: true and reason
  sarif    SARIF 2.1.0, for code scanning
  github   GitHub Actions annotations (::error file=...,line=...::message)

Exit codes: 0 no errors (warnings allowed), 1 errors (or too many warnings), 2 bad usage or
unreadable input (a missing file, a directory without plans or policies).
`,
  schedule: `Usage: planc schedule FILE [--format json|csv]

Prints the schedule of one plan: the project's dates, cost and budget, and for each task and
milestone (in plan order) its kind, parent, start and end (inclusive, YYYY-MM-DD), duration and
slack (working days), effort (person-days), cost, budget and whether it is critical.
Tasks that cannot be scheduled (in a dependency cycle) have null dates.

Options:
  -f, --format FORMAT      json (default) or csv
  -h, --help               show this help

Exit codes: 0 the schedule was printed (also when the plan has errors: a note goes to stderr),
2 bad usage or unreadable input.
`,
  diff: `Usage: planc diff OLD NEW [--format markdown|json]
       planc diff --git REV [FILES...] [--format markdown|json]

Compares two versions of a plan: moved dates, cost changes, critical path changes, new and fixed
problems. Not available in this version.
`,
  export: `Usage: planc export FILE --format mermaid|html|svg|csv|ics [-o OUT] [--markdown]

Exports the timeline of one plan (dates as 'planc schedule' computes them):
  mermaid  a mermaid gantt chart with explicit start and end dates for every bar (renders on GitHub
           in a \`\`\`mermaid block; --markdown adds that fence); sections for top-level groups,
           critical tasks (crit), progress (done, active), milestones, status date and deadline
  svg      a self-contained SVG gantt chart (any size of plan; it grows taller)
  html     one self-contained page for a browser, offline: summary, SVG timeline, task table
  csv      the schedule as CSV (as 'planc schedule --format csv')
  ics      an iCalendar file: one all-day event per task and milestone
Tasks that cannot be scheduled (in a dependency cycle) are listed with the reason.

Options:
  -f, --format FORMAT      mermaid, html, svg, csv or ics (required)
  -o, --output FILE        write to FILE instead of stdout
      --markdown           with --format mermaid: wrap the chart in a \`\`\`mermaid fence
  -h, --help               show this help

Exit codes: 0 the export was written (also when the plan has errors: a note goes to stderr),
2 bad usage, unreadable input or an unwritable output file.
`,
  report: `Usage: planc report [FILES|DIRS...] [--format markdown|json|html] [--policy FILE]...

Portfolio report across plans, for the PMO: per plan its end against its deadline (calendar days
early or late), its cost against its budget, its errors and warnings and its policy compliance
(violations by rule, waived violations); per rule how many plans break it and how many waive it;
totals. Directories are searched recursively as for 'check'. Each plan gets the policies it
'uses', then the --policy files; every policy file is loaded once for the whole portfolio.

Options:
  -f, --format FORMAT      markdown (default, tables), json or html (one self-contained page)
  -p, --policy FILE        apply the policy FILE to every plan (repeatable)
  -h, --help               show this help

JSON: {plans, rules, policyFiles, totals}
  plans[]      {file, project {id, name}, start, end, deadline, daysLate (end − deadline in
               calendar days; negative: early; null without both), currency, cost, budget,
               budgetRemaining (budget − cost; null without a budget), diagnostics {error, warning,
               info, hint}, policies [files], violations {ruleId: n}, waived {ruleId: n},
               unusedWaivers, compliant (no errors and no unwaived violations)}
  rules[]      {id, severity, message, docs, policy, file, plansViolating, violations,
               plansWaiving, waived}: every rule in effect for some plan, most broken first
  policyFiles[] {file, diagnostics {error, warning, info, hint}}
  totals       {plans, compliant, withErrors, late, overBudget, diagnostics, violations, waived,
               unusedWaivers, cost {currency: sum}, budget {currency: sum}}

Exit codes: 0 the report was printed (whatever the plans' state), 2 bad usage or unreadable input.
`,
  lsp: `Usage: planc lsp [--stdio | --node-ipc | --socket=PORT | --pipe=NAME]

Runs the Plan as Code language server, for any LSP client (Neovim, Helix, Emacs, ...): diagnostics,
outline, hover, navigation, rename, completion, formatting, quick fixes, inlay hints and more for
*.plan files, and syntax checks for *.policy files. It speaks LSP over stdio unless another
transport is named. It is the same server as dist/server.js, which VS Code starts.

Options:
      --stdio              talk over stdin/stdout (the default)
      --node-ipc           talk over Node IPC (when started by a Node client with an IPC channel)
      --socket=PORT        connect to a socket on PORT
      --pipe=NAME          connect to the named pipe NAME
      --clientProcessId=N  exit when process N ends
  -h, --help               show this help

Settings (workspace/configuration, section planAsCode): diagnostics.delay (ms),
inlayHints.enabled, policies.
`,
};

export function generalHelp(): string {
  return GENERAL;
}

export function commandHelp(command: Command): string {
  return HELP[command];
}

export function isCommand(name: string): name is Command {
  return (COMMANDS as readonly string[]).includes(name);
}
