// Cost and budget semantics of LANGUAGE.md: resource cost from booked effort and rates, fixed
// costs, roll-ups, budget-overrun, budget-overcommitted, unpriced-resource, currency-mismatch.
import { strict as assert } from 'node:assert';
import { describe_, diagnosticsOf, expectCodes, expectRange, only, plan, reportOf, scheduleOf, withCode } from './helpers';

describe('costs', () => {
  describe('resource cost of a leaf', () => {
    it('effort × daily rate', () => {
      const s = scheduleOf(plan`
        resource alice { rate 800/d }
        task api { effort 5d  assign alice }
      `);
      assert.equal(s.api!.cost, 4000);
      assert.equal(s.api!.effort, 5);
    });

    it('an effort is booked in proportion to the allocations', () => {
      // effort 6d, alice 100% + bob 50%: alice books 4 d, bob 2 d.
      const s = scheduleOf(plan`
        resource alice { rate 100/d }
        resource bob { rate 1000/d }
        task t { effort 6d  assign alice, bob 50% }
      `);
      assert.equal(s.t!.cost, 4 * 100 + 2 * 1000);
      assert.equal(s.t!.effort, 6);
    });

    it('a duration task books each resource allocation × length', () => {
      const s = scheduleOf(plan`
        resource bob { rate 200/d }
        task k { duration 3d  assign bob 50% }
      `);
      assert.equal(s.k!.cost, 300);
      assert.equal(s.k!.effort, 1.5);
    });

    it('a duration task books whole days even when the duration was rounded up', () => {
      // duration 1.5d lasts 2 days: bob is booked 2 days.
      const s = scheduleOf(plan`
        resource bob { rate 100/d }
        task k { duration 1.5d  assign bob }
      `);
      assert.equal(s.k!.duration, 2);
      assert.equal(s.k!.cost, 200);
    });

    it('costs of an effort in hours are not rounded: effort 12h at 720/d costs 1080', () => {
      const s = scheduleOf(plan`
        resource r { rate 720/d }
        task t { effort 12h  assign r }
      `);
      assert.equal(s.t!.duration, 2);
      assert.equal(s.t!.cost, 1080);
    });

    it('an hourly rate converts with 8 hours a day by default', () => {
      const s = scheduleOf(plan`
        resource agency { rate 100/h }
        task ui { duration 4d  assign agency 50% }
      `);
      assert.equal(s.ui!.cost, 1600);
    });

    it("an hourly rate converts with the project calendar's hours", () => {
      const s = scheduleOf(`project p { start 2027-01-04  calendar six }
calendar six { hours 6 }
resource r { rate 10/h }
task t { duration 2d  assign r }
`);
      assert.equal(s.t!.cost, 120);
    });

    it("an hourly rate converts with the resource's own calendar hours", () => {
      const s = scheduleOf(plan`
        calendar part { hours 4 }
        resource r { rate 10/h  calendar part }
        task t { duration 2d  assign r }
      `);
      assert.equal(s.t!.cost, 80);
    });

    it('an effort in hours converts with the project calendar hours', () => {
      // 12h with 6 hours a day = 2 person-days.
      const s = scheduleOf(`project p { start 2027-01-04  calendar six }
calendar six { hours 6 }
resource r { rate 100/d }
task t { effort 12h  assign r }
`);
      assert.equal(s.t!.effort, 2);
      assert.equal(s.t!.cost, 200);
    });

    it('costs are rounded to cents in the report', () => {
      // 10 days shared by three at 100%: 3.333… days each at 1, 2 and 4 a day = 23.333…
      const s = scheduleOf(plan`
        resource a { rate 1/d }
        resource b { rate 2/d }
        resource c { rate 4/d }
        task t { effort 10d  assign a, b, c }
      `);
      assert.equal(s.t!.cost, 23.33);
    });

    it('amounts with group separators and decimals', () => {
      const s = scheduleOf(plan`
        resource r { rate 1_200.50/d }
        task t { duration 2d  assign r  cost 1_000 }
      `);
      assert.equal(s.t!.cost, 3401);
    });
  });

  describe('roll-ups', () => {
    it('the example of the language reference: build = 1500 + 4000 + 1600', () => {
      const text = `project shop "Shop" { start 2027-03-01  currency EUR  budget 10_000 }
resource alice  "Alice"  { rate 800/d }
resource agency "Agency" { rate 100/h }

task build "Build" {
  budget 8_000
  cost 1_500 "Licences"
  task api { effort 5d  assign alice }
  task ui  { duration 4d  assign agency 50% }
}
`;
      expectCodes(text, []);
      const r = reportOf(text);
      const build = r.tasks.find((t) => t.id === 'build')!;
      assert.equal(build.cost, 7100);
      assert.equal(build.budget, 8000);
      assert.equal(build.effort, 7);
      assert.equal(r.project.cost, 7100);
      assert.equal(r.project.budget, 10000);
      assert.equal(r.project.currency, 'EUR');
    });

    it('fixed costs add to the resource cost and may repeat', () => {
      const s = scheduleOf(plan`
        resource r { rate 100/d }
        task t { duration 1d  assign r  cost 50 "a"  cost 25 }
      `);
      assert.equal(s.t!.cost, 175);
    });

    it('a group costs its own items plus its children, nested', () => {
      const s = scheduleOf(plan`
        task g {
          cost 10
          task h {
            cost 100
            task x { duration 1d  cost 1000 }
          }
          task y { duration 1d  cost 1 }
        }
      `);
      assert.deepEqual([s.x!.cost, s.h!.cost, s.y!.cost, s.g!.cost], [1000, 1100, 1, 1111]);
    });

    it('milestone costs count in their group and in the project', () => {
      const text = plan`
        milestone launch { cost 3_000 "Launch event" }
        task g {
          milestone gate { cost 500 }
          task x { duration 1d }
        }
      `;
      const r = reportOf(text);
      assert.equal(r.tasks.find((t) => t.id === 'launch')!.cost, 3000);
      assert.equal(r.tasks.find((t) => t.id === 'g')!.cost, 500);
      assert.equal(r.project.cost, 3500);
    });

    it('the project cost is the sum of the top-level tasks and milestones (children counted once)', () => {
      const r = reportOf(plan`
        resource r { rate 10/d }
        task a { duration 2d  assign r }
        task g {
          task b { duration 3d  assign r }
        }
      `);
      assert.equal(r.project.cost, 50);
    });

    it('costs are computed even for tasks caught in a cycle', () => {
      const s = scheduleOf(plan`
        resource r { rate 10/d }
        task a { after b  duration 2d  assign r }
        task b { after a  duration 1d }
      `);
      assert.equal(s.a!.cost, 20);
    });
  });

  describe('budget-overrun', () => {
    it('a task costing more than its budget: warning on the budget property, with both figures', () => {
      const text = plan`
        resource r { rate 600/d }
        task t { duration 2d  assign r  budget 1_000 }
      `;
      const d = expectCodes(text, ['budget-overrun@2'])[0]!;
      expectRange(d, text, 'budget 1_000');
      assert.equal(d.severity, 'warning');
      assert.ok(d.message.includes('1200'), d.message);
      assert.ok(d.message.includes('1000'), d.message);
      assert.ok(d.message.includes('t'), d.message);
    });

    it('a cost equal to the budget is fine', () => {
      expectCodes(plan`
        resource r { rate 500/d }
        task t { duration 2d  assign r  budget 1000 }
      `, []);
    });

    it('a group whose children cost more than its budget', () => {
      const text = plan`
        task g {
          budget 100
          task x { duration 1d  cost 60 }
          task y { duration 1d  cost 60 }
        }
      `;
      const d = expectCodes(text, ['budget-overrun@2'])[0]!;
      assert.ok(d.message.includes('120') && d.message.includes('100'), d.message);
    });

    it('the project costing more than its budget: on the project budget, figures in its currency', () => {
      const text = 'project p { start 2027-01-04  currency EUR  budget 12_500 }\ntask t { duration 1d  cost 13_000 }\n';
      const d = expectCodes(text, ['budget-overrun@0'])[0]!;
      expectRange(d, text, 'budget 12_500');
      assert.ok(d.message.includes('12500 EUR'), d.message);
      assert.ok(d.message.includes('13000 EUR'), d.message);
    });

    it('milestone costs count against the project budget', () => {
      expectCodes('project p { start 2027-01-04  budget 100 }\nmilestone m { cost 150 }\n', ['budget-overrun@0']);
    });
  });

  describe('budget-overcommitted', () => {
    it("the project's top-level budgets add up to more than its budget: error on the project budget", () => {
      const text = `project p "Budgets" { start 2027-03-01  currency EUR  budget 50_000 }
task design { duration 10d  budget 30_000 }
task build  { duration 20d  budget 25_000 }
`;
      const d = expectCodes(text, ['budget-overcommitted@0'])[0]!;
      expectRange(d, text, 'budget 50_000');
      assert.equal(d.severity, 'error');
      assert.ok(d.message.includes('55000'), d.message);
      assert.ok(d.message.includes('50000'), d.message);
    });

    it("a group's direct children's budgets add up to more than its budget", () => {
      const text = plan`
        task g {
          budget 1000
          task x { duration 1d  budget 600 }
          task y { duration 1d  budget 600 }
        }
      `;
      const d = expectCodes(text, ['budget-overcommitted@2'])[0]!;
      expectRange(d, text, 'budget 1000');
    });

    it('only direct children count, not grandchildren', () => {
      expectCodes(plan`
        task g {
          budget 1000
          task h {
            budget 900
            task x { duration 1d  budget 800 }
            task y { duration 1d }
          }
          task z { duration 1d }
        }
      `, []);
    });

    it('budgets that add up exactly are fine', () => {
      expectCodes(plan`
        task g {
          budget 1000
          task x { duration 1d  budget 400 }
          task y { duration 1d  budget 600 }
        }
      `, []);
    });

    it('a group budget does not need its children to have budgets', () => {
      expectCodes(plan`
        task g {
          budget 1000
          task x { duration 1d }
        }
      `, []);
    });
  });

  describe('unpriced-resource', () => {
    it('an assigned resource without a rate: warning on the resource in the assign, costing nothing', () => {
      const text = plan`
        resource r { rate 100/d }
        resource free { capacity 100% }
        task t { duration 2d  assign r 50%, free 50% }
      `;
      const d = expectCodes(text, ['unpriced-resource@3'])[0]!;
      expectRange(d, text, 'free', 2);
      assert.equal(d.severity, 'warning');
      assert.ok(d.message.includes('free'), d.message);
      assert.equal(scheduleOf(text).t!.cost, 100);
    });

    it('a resource without a rate that is not assigned is fine', () => {
      expectCodes(plan`resource idle { capacity 100% }`, []);
    });

    it('an owner or approver without a rate is fine', () => {
      expectCodes(plan`
        resource boss
        task t { duration 1d  owner boss  quality "ok" by boss }
      `, []);
    });
  });

  describe('currency', () => {
    it('an amount in another currency than the project is currency-mismatch on the code', () => {
      const text = `project p { start 2027-03-01  currency EUR }
task extras { duration 1d  cost 500 USD }
`;
      const d = expectCodes(text, ['currency-mismatch@1'])[0]!;
      expectRange(d, text, 'USD');
      assert.equal(d.severity, 'error');
    });

    it('every amount place is checked: budget, cost, rate', () => {
      expectCodes(`project p { start 2027-01-04  currency EUR  budget 100 CHF }
resource r { rate 95 GBP/h }
task t { duration 1d  budget 10 USD  cost 5 JPY }
milestone m { cost 1 SEK }
`, ['currency-mismatch@0', 'currency-mismatch@1', 'currency-mismatch@2', 'currency-mismatch@2', 'currency-mismatch@3']);
    });

    it("the project's own currency code on amounts is fine", () => {
      expectCodes(`project p { start 2027-01-04  currency EUR  budget 100 EUR }
resource r { rate 95 EUR/h }
task t { duration 1d  cost 5 EUR }
`, []);
    });

    it('a currency declared after the amounts still applies to them', () => {
      expectCodes('project p { start 2027-01-04  budget 100 USD  currency EUR }\n', ['currency-mismatch@0']);
    });

    it('the report carries the project currency, or null without one', () => {
      assert.equal(reportOf('project p { start 2027-01-04  currency CHF }').project.currency, 'CHF');
      assert.equal(reportOf('project p { start 2027-01-04 }').project.currency, null);
    });

    it('messages print plain numbers without a currency when the plan has none', () => {
      const d = only('project p { start 2027-01-04  budget 1_000 }\ntask t { duration 1d  cost 2_500.5 }\n', 'budget-overrun');
      assert.ok(d.message.includes('2500.5'), d.message);
      assert.ok(d.message.includes('1000'), d.message);
      assert.doesNotMatch(d.message, /\d,\d/);
    });
  });

  it('a plan full of cost features gives no diagnostic when all is in order', () => {
    const text = `project p { start 2027-01-04  currency EUR  budget 100_000 }
resource a { rate 700 EUR/d }
resource b { rate 90/h  capacity 200% }
task g {
  budget 50_000
  task x { effort 10d  assign a  budget 10_000 }
  task y { duration 5d  assign b 200%  cost 1_000 "licence" }
}
milestone m { after g  cost 500 }
`;
    const all = diagnosticsOf(text);
    assert.deepEqual(all, [], describe_(all));
    const r = reportOf(text);
    assert.equal(r.project.cost, 7000 + 5 * 2 * 720 + 1000 + 500);
    assert.equal(withCode(text, 'budget-overrun').length, 0);
  });
});
