import { move, positionChanges } from './order';

describe('ordering', () => {
  it('moves an item one place and leaves the ends where they are', () => {
    expect(move(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
    expect(move(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
    expect(move(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'b', 'c']);
  });

  it('sends only the positions that changed', () => {
    const categories = [{ categoryId: 'x', position: 2 }, { categoryId: 'y', position: 1 }, { categoryId: 'z', position: 3 }];
    expect(positionChanges(categories)).toEqual([{ id: 'x', position: 1 }, { id: 'y', position: 2 }]);
  });
});
