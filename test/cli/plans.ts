/**
 * Small plans and policies for the CLI tests, with the results computed by hand from LANGUAGE.md.
 * 2027-01-04 is a Monday.
 */

/** Clean: no diagnostics. design 2027-01-04..05, build 2027-01-06..08, done on 2027-01-08. */
export const CLEAN_PLAN = `project demo "Demo" {
  start 2027-01-04
  currency EUR
  budget 5_000
}

resource dev "Dev" { rate 500/d }

task phase "Phase 1" {
  budget 2_000
  task design "Design" { duration 2d  assign dev }
  task build { after design  duration 3d }
}

milestone done "Done" { after phase }
`;

export const CLEAN_SCHEDULE = {
  project: { id: 'demo', name: 'Demo', start: '2027-01-04', end: '2027-01-08', cost: 1000, budget: 5000, currency: 'EUR' },
  tasks: [
    { id: 'phase', name: 'Phase 1', kind: 'group', parent: null, start: '2027-01-04', end: '2027-01-08', duration: 5, effort: 2, cost: 1000, budget: 2000, slack: 0, critical: true },
    { id: 'design', name: 'Design', kind: 'leaf', parent: 'phase', start: '2027-01-04', end: '2027-01-05', duration: 2, effort: 2, cost: 1000, budget: null, slack: 0, critical: true },
    { id: 'build', name: 'build', kind: 'leaf', parent: 'phase', start: '2027-01-06', end: '2027-01-08', duration: 3, effort: 0, cost: 0, budget: null, slack: 0, critical: true },
    { id: 'done', name: 'Done', kind: 'milestone', parent: null, start: '2027-01-08', end: '2027-01-08', duration: 0, effort: 0, cost: 0, budget: null, slack: 0, critical: true },
  ],
};

export const CLEAN_CSV = [
  'id,name,kind,parent,start,end,duration,effort,cost,budget,slack,critical',
  'phase,Phase 1,group,,2027-01-04,2027-01-08,5,2,1000,2000,0,true',
  'design,Design,leaf,phase,2027-01-04,2027-01-05,2,2,1000,,0,true',
  'build,build,leaf,phase,2027-01-06,2027-01-08,3,0,0,,0,true',
  'done,Done,milestone,,2027-01-08,2027-01-08,0,0,0,,0,true',
];

/**
 * Project start on a Saturday moves to Monday 2027-01-04; a: Mon–Wed 01-04..06;
 * b after a + 1d: the lag ends Thu 01-07, so b works Fri 01-08 and Mon 01-11.
 */
export const WEEKEND_PLAN = `project wk { start 2027-01-02 }
task a { duration 3d }
task b { after a + 1d  duration 2d }
`;

/** One warning: missing-estimate on `t` (line 2, characters 5..6). */
export const WARNING_PLAN = `project w { start 2027-01-04 }
task t { }
`;

/** One error: unknown-reference on `nope` (line 2, characters 15..19). */
export const ERROR_PLAN = `project e { start 2027-01-04 }
task a { after nope  duration 1d }
`;

/** A cycle a → b → a: two dependency-cycle errors; z is still scheduled (2027-01-04..05). */
export const CYCLE_PLAN = `project c { start 2027-01-04 }
task a { after b  duration 1d }
task b { after a  duration 1d }
task z { duration 2d }
`;

/** The example policy of LANGUAGE.md (without `extends`): no syntax errors. */
export const VALID_POLICY = `policy standard "ACME PMO standard" {
  version "2.1.0"

  rule owner-required error "Every task needs an accountable owner" {
    each task require has owner
  }
  rule max-task-length warning "Split leaf tasks longer than 20 working days" {
    each leaf where not has start require duration <= 20d
  }
  rule milestone-gate error "Milestones need a quality criterion with an approver" {
    each milestone require quality >= 1 and approvers >= 1
  }
  rule contingency warning "Keep a 10% contingency on the project budget" {
    project require budget >= cost * 1.1
  }
  rule task-ids info "Task ids are kebab-case" {
    each task require id matches "^[a-z][a-z0-9-]*$"
  }
}
`;

/** One syntax error: the block is not closed, reported on its `{` (line 1, characters 9..10). */
export const BROKEN_POLICY = 'policy p {';
