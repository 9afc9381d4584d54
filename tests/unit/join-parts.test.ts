/**
 * joinParts builds each domain service from its parts (server/src/services/<domain>/index.ts):
 * every part's methods under their own names, getters kept live, and no name exposed twice.
 */
import { joinParts } from '@cited-articles/server/src/utils/join-parts';

describe('joinParts', () => {
  it("exposes each part's methods under their own names", () => {
    const service = joinParts({ read: () => 'read' }, { write: (value: number) => value * 2 });
    expect(service.read()).toBe('read');
    expect(service.write(21)).toBe(42);
    expect(Object.keys(service).sort()).toEqual(['read', 'write']);
  });

  it("keeps a part's getter live, as a spread would not", () => {
    let size = 1;
    const service = joinParts({
      get size() {
        return size;
      },
    });
    size = 5;
    expect(service.size).toBe(5);
  });

  it('refuses two parts that expose the same name', () => {
    const first: object = { run: () => 1 };
    const second: object = { run: () => 2 };
    expect(() => joinParts(first, second)).toThrow('Two parts of a service expose "run".');
  });
});
