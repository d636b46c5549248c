/**
 * The meaning of each keyword of the plan language, as Markdown for hovers and completion items.
 * Written by hand from the language reference (docs/language.md, sections 3–5); keep the two in step.
 */

interface KeywordEntry {
  /** How it is written, e.g. `deadline DATE`. */
  syntax: string;
  /** Where it is allowed and whether it may repeat, e.g. `project, task, milestone · once`. */
  where: string;
  meaning: string;
  example?: string;
}

const DOCS: Record<string, KeywordEntry> = {
  // ------------------------------------------------------------------ blocks
  project: {
    syntax: 'project ID "Name" { … }',
    where: 'top level · exactly one per plan',
    meaning: "The project's frame: its `start` (required), `deadline`, `currency`, `budget`, `calendar`, `status` date, the policies it `uses` and the rules it `waive`s. A plan without one is `missing-project`; a second one is `duplicate-project`.",
    example: 'project web "Website relaunch" {\n  start 2027-01-04\n  deadline 2027-06-30\n  currency EUR\n  budget 250_000\n}',
  },
  calendar: {
    syntax: 'calendar ID { … }   ·   calendar REF',
    where: 'block: top level · property: project, resource · once',
    meaning: 'As a block, a working calendar: `workdays`, `hours` per day and `holiday`s (default Monday to Friday, 8 hours, no holidays). As a property, the calendar to use: on the project it sets the timeline every task is scheduled on; on a resource it limits only that resource — work booked on its days off is `resource-on-leave`.',
    example: 'calendar office {\n  workdays mon-fri\n  hours 8\n  holiday 2027-04-05 "Easter Monday"\n}',
  },
  resource: {
    syntax: 'resource ID "Name" { … }',
    where: 'top level',
    meaning: 'A person, team or supplier that works on tasks: its `rate`, `capacity` (above 100% for a team), `leave` and own `calendar`. Tasks book it with `assign`; it can be a task\'s `owner` or a quality criterion\'s approver (`by`).',
    example: 'resource alice "Alice Kim" { rate 720/d  capacity 100%  leave 2027-02-15..2027-02-19 }',
  },
  task: {
    syntax: 'task ID "Name" { … }',
    where: 'top level or inside a task',
    meaning: 'Work to be done. A task with child tasks or milestones is a **group**: it takes its dates from its children and sums their cost. One without is a **leaf**: it carries the work (`duration` or `effort`, `assign`, `progress`).',
    example: 'task build "Build" {\n  after design\n  effort 20d\n  assign dev 200%\n}',
  },
  milestone: {
    syntax: 'milestone ID "Name" { … }',
    where: 'top level or inside a task',
    meaning: 'A single point in time — a gate, a delivery, a decision. It has no length and no work, but may carry a fixed `cost`, an `owner`, a `deadline` and quality criteria. It sits exactly at its earliest point, or on its `on` day.',
    example: 'milestone launch "Launch" { after build  deadline 2027-04-15 }',
  },

  // ------------------------------------------------------------------ dates
  start: {
    syntax: 'start DATE',
    where: 'project, task · once',
    meaning: "On the project: its earliest working day (required; a non-working day moves to the next working day). On a leaf task: a **pin** — the task starts exactly then; a dependency that ends on or after that day is `start-before-dependency`. On a group: no descendant starts earlier. A pin on a non-working day is `non-working-day`.",
    example: 'start 2027-04-27',
  },
  deadline: {
    syntax: 'deadline DATE',
    where: 'project, task, milestone · once',
    meaning: 'Must finish on or before this day. A scheduled end after it is `deadline-missed` (error), saying by how many working days. A deadline moves nothing: it is a check. The project deadline, when later than the computed end, also gives every task slack.',
    example: 'deadline 2027-03-31',
  },
  on: {
    syntax: 'on DATE',
    where: 'milestone · once',
    meaning: "Pins the milestone to a day: it sits at the later of the start of that day and its earliest point, as long as that is still on the day. Dependencies that push it to a later day are `start-before-dependency`. (In `waive RULE on REF, …` it names the ids a waiver covers.)",
    example: 'milestone board "Board meeting" { on 2027-03-18 }',
  },
  status: {
    syntax: 'status DATE',
    where: 'project · once',
    meaning: 'The status date ("today") for progress checks: a leaf whose end is before it and whose `progress` is below 100% is `late` (warning). Without it, nothing is late.',
    example: 'status 2027-02-15',
  },
  'not before': {
    syntax: 'not before DATE',
    where: 'task, milestone · once',
    meaning: 'A soft floor: start no earlier than this day. When dependencies push the task later it starts later, with no diagnostic. On a group it applies to every descendant.',
    example: 'not before 2027-02-01',
  },

  // ------------------------------------------------------------------ dependencies
  after: {
    syntax: 'after REF [+|- DUR], …   ·   after start of REF [+|- DUR]',
    where: 'task, milestone · repeatable',
    meaning: 'Finish-to-start dependencies: not before REF has finished. `+ 2d` waits two more working days (a lag), `- 1d` may start one working day earlier (a lead); sizes round up to whole days. `after start of REF` is start-to-start. On a group it applies to every child. Put spaces around the sign: `design-2d` is an id.',
    example: 'after design + 2d, start of review',
  },
  'start of': {
    syntax: 'after start of REF [+|- DUR]',
    where: 'inside `after`',
    meaning: "Start-to-start: the task may start once REF has **started** (plus the lag), instead of waiting for REF's end.",
    example: 'after start of wireframes + 3d',
  },

  // ------------------------------------------------------------------ work
  duration: {
    syntax: 'duration DUR',
    where: 'leaf task · once',
    meaning: 'Working time the task takes, whoever works on it; rounded up to whole working days (at least 1). Assigned resources are booked their allocation × the length. Excludes `effort` (`conflicting-properties`).',
    example: 'duration 2w',
  },
  effort: {
    syntax: 'effort DUR',
    where: 'leaf task · once',
    meaning: 'Work to be done. The length follows from the allocations: `ceil(effort / (p1 + p2 + …))` working days, and each resource is booked its share of the effort. Needs `assign` (else `effort-without-assignee`, scheduled as a duration). Excludes `duration`.',
    example: 'effort 6d  assign alice, bob 50%',
  },
  assign: {
    syntax: 'assign REF [PCT], …',
    where: 'leaf task · repeatable',
    meaning: "Resources working on the task and their allocation (default 100%; above 100% for a team; must be above 0%). A resource's allocations on one day must not exceed its `capacity` (`resource-overallocated`), nor fall on its leave (`resource-on-leave`).",
    example: 'assign bob, alice 50%',
  },
  owner: {
    syntax: 'owner REF',
    where: 'task, milestone · once',
    meaning: 'The accountable resource. It is not booked: ownership costs nothing and does not count as load.',
    example: 'owner alice',
  },
  progress: {
    syntax: 'progress PCT',
    where: 'leaf task · once',
    meaning: 'Completion at the project\'s `status` date, 0–100%. A leaf that should have finished before the status date and is below 100% is `late` (warning).',
    example: 'progress 40%',
  },

  // ------------------------------------------------------------------ money
  budget: {
    syntax: 'budget AMOUNT',
    where: 'project, task · once',
    meaning: "Money allowed. A cost above it is `budget-overrun` (warning, with both figures); the budgets of a group's direct children (or of the top-level tasks) adding up to more than it is `budget-overcommitted` (error).",
    example: 'budget 30_000',
  },
  cost: {
    syntax: 'cost AMOUNT ["label"]',
    where: 'task, milestone · repeatable',
    meaning: 'A fixed cost, added to the resource cost of the task (licences, fees, events). Milestone costs count in the project cost.',
    example: 'cost 4_000 "Licences"',
  },
  currency: {
    syntax: 'currency CODE',
    where: 'project · once',
    meaning: 'The ISO currency of every amount in the plan (three upper-case letters, e.g. `EUR`). An amount carrying another code is `currency-mismatch`. Without it, amounts have no currency and are not checked.',
    example: 'currency EUR',
  },
  rate: {
    syntax: 'rate AMOUNT/d   ·   rate AMOUNT/h',
    where: 'resource · once',
    meaning: "What a day or an hour of the resource costs. A `/h` rate is multiplied by the hours per day of the resource's calendar (the project calendar when it has none). An assigned resource without a rate is `unpriced-resource`.",
    example: 'rate 720/d',
  },

  // ------------------------------------------------------------------ quality and policies
  quality: {
    syntax: 'quality "criterion" [by REF]',
    where: 'project, task, milestone · repeatable',
    meaning: 'A quality criterion that must hold, optionally with the resource who approves it. The engine records it and makes it available to policies (`quality` and `approvers` facts).',
    example: 'quality "Zero open P1 defects" by carol',
  },
  by: {
    syntax: 'quality "criterion" by REF',
    where: 'inside `quality`',
    meaning: 'The resource who approves the quality criterion.',
    example: 'quality "Wireframes approved" by carol',
  },
  uses: {
    syntax: 'uses "path"',
    where: 'project · repeatable',
    meaning: 'Applies a policy file: a path relative to the plan, or a package path resolved from `node_modules` (`"@acme/pmo/standard.policy"`). A path naming no readable file is `policy-not-found`.',
    example: 'uses "../pmo/standard.policy"',
  },
  waive: {
    syntax: 'waive RULE [on REF, …] "reason"',
    where: 'project · repeatable',
    meaning: 'Switches a policy rule off for the whole plan, or `on` some ids only — always with a written reason (`waiver-missing-reason` otherwise). A rule that none of the plan\'s policies defines is `unknown-rule`.',
    example: 'waive max-task-length on build "The vendor contract fixes this length"',
  },

  // ------------------------------------------------------------------ resources and calendars
  capacity: {
    syntax: 'capacity PCT',
    where: 'resource · once',
    meaning: 'The share of a full day the resource can work (default 100%; above 100% for a team: `300%` is three people). Allocations above it on any day are `resource-overallocated`.',
    example: 'capacity 50%',
  },
  leave: {
    syntax: 'leave DATE   ·   leave DATE..DATE',
    where: 'resource · repeatable',
    meaning: 'Days off (both ends included). Work booked on them is `resource-on-leave` (warning); tasks are not moved — plan around the leave.',
    example: 'leave 2027-02-15..2027-02-19',
  },
  workdays: {
    syntax: 'workdays DAYS',
    where: 'calendar · once',
    meaning: 'The working days of the week: day names `mon tue wed thu fri sat sun` and forward ranges, separated by commas or spaces. A range that wraps around the weekend (`fri-mon`) is `invalid-value`. Default `mon-fri`.',
    example: 'workdays mon-wed, fri',
  },
  hours: {
    syntax: 'hours N',
    where: 'calendar · once',
    meaning: 'Working hours per day (default 8, above 0 and at most 24). Converts durations, efforts and lags in hours (project calendar) and `/h` rates.',
    example: 'hours 8',
  },
  holiday: {
    syntax: 'holiday DATE ["label"]   ·   holiday DATE..DATE ["label"]',
    where: 'calendar · repeatable',
    meaning: 'Non-working days: they disappear from the timeline of everything scheduled on the calendar.',
    example: 'holiday 2027-12-24..2027-12-31 "Christmas closure"',
  },
};

const ALIASES: Record<string, string> = { not: 'not before', before: 'not before', of: 'start of', 'after start of': 'start of' };

/** Markdown describing a keyword of the plan language, or undefined when the word is not one. */
export function keywordDoc(word: string): string | undefined {
  const key = Object.prototype.hasOwnProperty.call(DOCS, word) ? word : ALIASES[word];
  const entry = key === undefined ? undefined : DOCS[key];
  if (!entry) return undefined;
  let md = '```plan\n' + entry.syntax + '\n```\n\n' + `*${entry.where}*\n\n${entry.meaning}`;
  if (entry.example) md += '\n\n```plan\n' + entry.example + '\n```';
  return md;
}
