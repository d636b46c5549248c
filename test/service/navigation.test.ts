import { strict as assert } from 'node:assert';
import { DocumentHighlightKind, type Location } from 'vscode-languageserver-types';
import { definition, documentHighlights, references } from '../../server/src/service/navigation';
import { ctxOf, examplePlan, posOf, r, rangeOf, textAt, URI } from './helpersA';

const PLAN = `project web "Web" {
  start 2027-01-04
  calendar office
  uses "./pmo.policy"
  waive owner-required on build, alice "Agreed with the PMO"
  quality "Launch approved" by carol
}
calendar office { holiday 2027-04-05 }
resource alice "Alice" { rate 700/d  calendar office }
resource carol "Carol" { rate 900/d }
milestone kickoff { on 2027-01-04 }
task design {
  after kickoff
  owner alice
  task wireframes { effort 5d  assign alice }
  task visual { after start of wireframes + 2d  effort 8d  assign alice 50%, carol }
}
task build { after design - 1d, kickoff  duration 2w  assign carol  quality "Tests green" by alice }
`;

const ctx = ctxOf(PLAN);
const where = (locations: Location[]) => locations.map((l) => {
  assert.equal(l.uri, URI);
  return r(l.range);
});

describe('service: navigation', () => {
  describe('definition', () => {
    it('goes from every kind of reference to the declared id', () => {
      const cases: [string, number, string][] = [
        ['kickoff', 2, 'kickoff'],        // after
        ['alice', 3, 'alice'],            // owner
        ['alice', 4, 'alice'],            // assign
        ['carol', 1, 'carol'],            // quality … by
        ['office', 1, 'office'],          // calendar (project)
        ['office', 3, 'office'],          // calendar (resource)
        ['build', 1, 'build'],            // waive … on
        ['alice', 1, 'alice'],            // waive … on, second id
        ['wireframes', 2, 'wireframes'],  // after start of … + lag
        ['design', 2, 'design'],          // after … - lead
      ];
      for (const [needle, occurrence, target] of cases) {
        const declaration = r(rangeOf(PLAN, `${target}`, declarationOccurrence(target)));
        assert.deepEqual(where(definition(ctx, posOf(PLAN, needle, occurrence, 1))), [declaration], `${needle} #${occurrence}`);
      }
    });

    it('on a declaration: the declaration itself', () => {
      assert.deepEqual(where(definition(ctx, posOf(PLAN, 'visual'))), [r(rangeOf(PLAN, 'visual'))]);
    });

    it('at the end of the id (the cursor just after it) still resolves', () => {
      assert.deepEqual(where(definition(ctx, posOf(PLAN, 'kickoff', 2, 'kickoff'.length))), [r(rangeOf(PLAN, 'kickoff', 1))]);
    });

    it('nothing for unknown references, keywords, values and the project id', () => {
      const text = 'project p { start 2027-01-04 }\ntask a { after ghost  duration 1d }';
      const c = ctxOf(text);
      for (const needle of ['ghost', 'after', '1d', 'p', 'start']) assert.deepEqual(definition(c, posOf(text, needle)), [], needle);
    });

    it('a reference of the wrong kind still leads to what it names', () => {
      const text = 'project p { start 2027-01-04 }\nmilestone m { }\ntask a { assign m  duration 1d }';
      assert.deepEqual(where(definition(ctxOf(text), posOf(text, 'm', 2))), [r(rangeOf(text, 'm', 1))]);
    });
  });

  describe('references', () => {
    it('every reference of a resource, with or without its declaration, in document order', () => {
      const refs = references(ctx, posOf(PLAN, 'alice', 3), false);
      assert.deepEqual(refs.map((l) => textAt(PLAN, l.range)), ['alice', 'alice', 'alice', 'alice', 'alice']);
      assert.deepEqual(where(refs), [1, 3, 4, 5, 6].map((n) => r(rangeOf(PLAN, 'alice', n))));
      const withDecl = references(ctx, posOf(PLAN, 'alice', 3), true);
      assert.deepEqual(where(withDecl), [2, 1, 3, 4, 5, 6].map((n) => r(rangeOf(PLAN, 'alice', n))).sort(byPosition));
    });

    it('from the declaration: the same list', () => {
      assert.deepEqual(references(ctx, posOf(PLAN, 'kickoff'), true), references(ctx, posOf(PLAN, 'kickoff', 3), true));
      assert.deepEqual(where(references(ctx, posOf(PLAN, 'kickoff'), true)), [1, 2, 3].map((n) => r(rangeOf(PLAN, 'kickoff', n))));
    });

    it('of a calendar, a task used with a lag and a start-to-start dependency', () => {
      assert.deepEqual(where(references(ctx, posOf(PLAN, 'office'), false)), [1, 3].map((n) => r(rangeOf(PLAN, 'office', n))));
      assert.deepEqual(where(references(ctx, posOf(PLAN, 'design'), false)), [r(rangeOf(PLAN, 'design', 2))]);
      assert.deepEqual(where(references(ctx, posOf(PLAN, 'wireframes'), false)), [r(rangeOf(PLAN, 'wireframes', 2))]);
      assert.deepEqual(where(references(ctx, posOf(PLAN, 'build'), false)), [r(rangeOf(PLAN, 'build', 1))]);
    });

    it('an unknown id: the other references to the same name', () => {
      const text = 'project p { start 2027-01-04 }\ntask a { after ghost  duration 1d }\ntask b { after ghost  duration 1d }';
      assert.deepEqual(where(references(ctxOf(text), posOf(text, 'ghost', 2), true)), [1, 2].map((n) => r(rangeOf(text, 'ghost', n))));
    });

    it('a duplicate declaration stands alone; references belong to the first', () => {
      const text = 'project p { start 2027-01-04 }\ntask a { duration 1d }\ntask a { duration 1d }\ntask b { after a  duration 1d }';
      const c = ctxOf(text);
      assert.deepEqual(where(references(c, posOf(text, 'a', 2), true)), [r(rangeOf(text, 'a', 2))]);
      assert.deepEqual(where(references(c, posOf(text, 'a', 2), false)), []);
      assert.deepEqual(where(references(c, posOf(text, 'a', 3), true)), [1, 3].map((n) => r(rangeOf(text, 'a', n))));
    });

    it('nothing away from ids', () => {
      assert.deepEqual(references(ctx, posOf(PLAN, 'effort'), true), []);
      assert.deepEqual(references(ctx, { line: 100, character: 0 }, true), []);
    });
  });

  describe('document highlights', () => {
    it('the declaration is Write, references are Read', () => {
      const highlights = documentHighlights(ctx, posOf(PLAN, 'carol', 2));
      assert.deepEqual(highlights.map((h) => [r(h.range), h.kind]), [
        [r(rangeOf(PLAN, 'carol', 1)), DocumentHighlightKind.Read],
        [r(rangeOf(PLAN, 'carol', 2)), DocumentHighlightKind.Write],
        [r(rangeOf(PLAN, 'carol', 3)), DocumentHighlightKind.Read],
        [r(rangeOf(PLAN, 'carol', 4)), DocumentHighlightKind.Read],
      ]);
    });

    it('nothing on keywords and values', () => {
      assert.deepEqual(documentHighlights(ctx, posOf(PLAN, 'owner')), []);
      assert.deepEqual(documentHighlights(ctx, posOf(PLAN, '2w')), []);
    });
  });

  it('the example plan (smoke): every id navigates to its declaration and back', () => {
    const text = examplePlan();
    const c = ctxOf(text);
    let checked = 0;
    for (const [name, symbol] of c.analysis.model.symbols) {
      const declPos = c.analysis.lines.position(symbol.block.id!.start);
      const refs = references(c, declPos, false);
      const all = references(c, declPos, true);
      assert.equal(all.length, refs.length + 1, name);
      for (const ref of refs) {
        assert.equal(textAt(text, ref.range), name);
        assert.deepEqual(definition(c, ref.range.start), [{ uri: URI, range: c.analysis.lines.range(symbol.block.id!) }], name);
        const highlights = documentHighlights(c, ref.range.end);
        assert.equal(highlights.length, all.length);
        checked++;
      }
    }
    // Every resolved reference of the plan is found from its declaration.
    assert.equal(checked, c.analysis.model.referenceIdents.length);
    assert.equal(references(c, posOf(text, 'ole', 2), false).length, 23);
  });
});

function declarationOccurrence(id: string): number {
  // In PLAN the declaration of these ids is their n-th occurrence.
  return ({ kickoff: 1, alice: 2, carol: 2, office: 2, build: 2, wireframes: 1, design: 1 } as Record<string, number>)[id];
}

function byPosition(a: string, b: string): number {
  const [al, ac] = a.split('-')[0].split(':').map(Number), [bl, bc] = b.split('-')[0].split(':').map(Number);
  return al - bl || ac - bc;
}
