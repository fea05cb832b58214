/** How a list shows its records: one page at a time, one scrolling table, or a kanban board. */
export type ListMode = 'pages' | 'scroll' | 'kanban';

/** The `mode` of the address; kanban only where the object has a picklist to group by. */
export function listMode(param: string | null, hasPicklist: boolean): ListMode {
  if (param === 'scroll') return 'scroll';
  if (param === 'kanban' && hasPicklist) return 'kanban';
  return 'pages';
}
