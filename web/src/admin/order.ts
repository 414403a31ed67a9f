/** The list with the item at `index` moved one place up (-1) or down (+1); the same list when it cannot move. */
export function move<T>(items: T[], index: number, by: -1 | 1): T[] {
  const to = index + by;
  if (index < 0 || index >= items.length || to < 0 || to >= items.length) return items;
  const moved = [...items];
  [moved[index], moved[to]] = [moved[to]!, moved[index]!];
  return moved;
}

/** The position changes to send after a move (ticket-service counts from 1): only the items not already in their place. */
export function positionChanges<T extends { categoryId?: string; position?: number | null }>(items: T[]): { id: string; position: number }[] {
  return items.flatMap((item, index) => (item.categoryId && item.position !== index + 1 ? [{ id: item.categoryId, position: index + 1 }] : []));
}
