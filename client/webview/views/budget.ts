// The budget view: cost against budget per group, and the cumulative planned cost over time.
import type { ViewRenderer } from './viewContext';

export const renderBudget: ViewRenderer = (host, ctx) => {
  const list = document.createElement('ul');
  const groups = ctx.model.budget.groups.map((g) => ctx.model.tasks[g.task]);
  for (const task of groups) {
    const item = document.createElement('li');
    item.textContent = task?.name ?? '';
    list.append(item);
  }
  host.append(list);
  return { budgetGroups: groups.flatMap((t) => (t ? [t.id] : [])) };
};
