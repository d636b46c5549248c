/**
 * Words of the policy language for the editor: what each fact means (LANGUAGE.md "Policy file" and
 * language/policy/facts.ts), the subjects, the severities and the keywords — for completion and hover.
 */
import { FACT_TYPES, type FactName } from '../language/policy/facts';

export const FACT_DOCS: Record<FactName, string> = {
  id: 'The subject\'s id.',
  name: 'The subject\'s name (its quoted title).',
  owner: 'The id of the task\'s `owner` resource; missing without `owner`.',
  budget: 'The `budget` of the task or project; missing without one.',
  cost: 'Total cost: resource cost of booked work plus `cost` items (groups include their children; resources: the cost of their booked work).',
  effort: 'Person-days booked (groups: their children\'s).',
  duration: 'Scheduled length in working days (milestones 0; the project: working days from start to end).',
  start: 'Scheduled first working day (resources: the first day of their work).',
  end: 'Scheduled last working day (resources: the last day of their work).',
  deadline: 'The `deadline` of the task or project; missing without one.',
  slack: 'Total float in working days: how far the task can slip without moving the project end.',
  progress: 'The task\'s `progress`; missing without one.',
  quality: 'The number of `quality` criteria.',
  approvers: 'The number of `quality` criteria with an approver (`by`).',
  assignees: 'The number of resources `assign`ed to the task.',
  children: 'The number of direct subtasks and milestones (the project: its top-level tasks).',
  critical: 'Whether the task is on the critical path (slack 0).',
};

export const TYPE_NAMES: Record<string, string> = {
  number: 'number', duration: 'duration (working days)', percent: 'percent', money: 'amount of money', date: 'date', string: 'string', bool: 'true or false',
};

export function factType(name: string): string | undefined {
  return name in FACT_TYPES ? TYPE_NAMES[FACT_TYPES[name as FactName]] ?? FACT_TYPES[name as FactName] : undefined;
}

export function isFact(name: string): name is FactName {
  return Object.prototype.hasOwnProperty.call(FACT_DOCS, name);
}

export const SUBJECT_DOCS: Record<string, string> = {
  task: 'Every task: leaves and groups (not milestones).',
  leaf: 'Every task without subtasks.',
  group: 'Every task with subtasks.',
  milestone: 'Every milestone.',
  resource: 'Every resource.',
};

export const SEVERITY_DOCS: Record<string, string> = {
  error: 'A violation is an error in the plan.',
  warning: 'A violation is a warning in the plan.',
  info: 'A violation is shown as information.',
  hint: 'A violation is a hint (shown faintly).',
  off: 'The rule is switched off: it is not evaluated (use it to turn off a rule a parent policy defines).',
};

export const POLICY_KEYWORD_DOCS: Record<string, string> = {
  policy: '`policy ID "NAME" { … }` — a set of rules.',
  version: '`version "X.Y.Z"` — the policy\'s version, shown with its violations.',
  extends: '`extends "PATH"` — loads another policy first (relative path or package path); its rules apply unless a rule with the same id here replaces them.',
  rule: '`rule ID SEVERITY "MESSAGE" { [docs "URL"] SUBJECT [where EXPR] require EXPR }`.',
  docs: '`docs "URL"` — the rule\'s documentation; it becomes the diagnostic\'s link.',
  each: '`each task | leaf | group | milestone | resource` — the rule applies to each of these.',
  project: '`project` — the rule applies to the project as a whole.',
  where: '`where EXPR` — only subjects for which the expression holds are checked.',
  require: '`require EXPR` — what must hold; a subject for which it does not is a violation.',
  has: '`has PROPERTY` — whether the subject\'s block writes the property.',
  matches: '`VALUE matches "REGEX"` — a linear-time (RE2) regular expression match.',
  and: 'Both conditions hold.',
  or: 'At least one condition holds.',
  not: 'The condition does not hold.',
};
