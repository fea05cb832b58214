/** How a list shows its records: one page at a time, one scrolling table, or a kanban board. */
export type ListMode = 'pages' | 'scroll' | 'kanban';

/** The list's mode and, on a board, the picklist it groups by. */
export interface ListLayout {
  readonly mode: ListMode;
  readonly group: string | undefined;
}

/**
 * The mode from the address: `mode` when it names one, else the picked view's board when it has
 * one, so a bookmark or link `?view=<a kanban view>` opens the board as picking the view does;
 * kanban only where the object has a picklist to group by. The board groups by the address's
 * `group`, else the view's picklist, else the object's first.
 */
export function listLayout(params: URLSearchParams, picklists: readonly string[], viewKanban: string | undefined): ListLayout {
  const param = params.get('mode');
  const viewBoard = viewKanban !== undefined && picklists.includes(viewKanban) ? viewKanban : undefined;
  const wanted = param ?? (viewBoard ? 'kanban' : null);
  const mode: ListMode = wanted === 'scroll' ? 'scroll' : wanted === 'kanban' && picklists.length > 0 ? 'kanban' : 'pages';
  const named = params.get('group');
  const group = named !== null && picklists.includes(named) ? named : (viewBoard ?? picklists[0]);
  return { mode, group: mode === 'kanban' ? group : undefined };
}

/**
 * The address's `mode` for a mode the user picks: the table is the default and needs none, except
 * under a kanban view, where no mode means the board.
 */
export function modeParam(mode: ListMode, viewKanban: string | undefined): string | undefined {
  return mode === 'pages' && viewKanban === undefined ? undefined : mode;
}
