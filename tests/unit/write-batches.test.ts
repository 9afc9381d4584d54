import { writeInBatches } from '@cited-articles/server/src/utils/write-batches';

/**
 * The control flow of writeInBatches on a stand-in for Strapi's transaction (a pure unit: the
 * writes and their timing against a real database are tested through the import route, in
 * tests/api/source-import*.test.ts).
 */
const fakeStrapi = (logged: string[]) =>
  ({
    db: { transaction: (work: () => Promise<unknown>) => work() },
    log: { error: (message: string) => logged.push(message) },
  }) as unknown as Parameters<typeof writeInBatches>[0];

// Each step takes a millisecond or more, so a batch (about 5 ms) never holds all 50 items.
const failingAt = (bad: number) => async (item: number) => {
  await new Promise((resolve) => setTimeout(resolve, 1));
  if (item === bad) throw new Error(`item ${item} refused`);
  return item;
};

it('undoes what was committed and rethrows the step error', async () => {
  const undone: number[][] = [];
  const items = Array.from({ length: 50 }, (_, i) => i);
  await expect(
    writeInBatches(fakeStrapi([]), items, failingAt(49), async (done) => {
      undone.push(done);
    })
  ).rejects.toThrow('item 49 refused');
  expect(undone).toHaveLength(1);
  expect(undone[0].length).toBeGreaterThan(0);
  expect(undone[0].every((item) => item < 49)).toBe(true);
});

it("rethrows the step's error, not the undo's, and logs the undo's", async () => {
  const logged: string[] = [];
  const items = Array.from({ length: 50 }, (_, i) => i);
  await expect(
    writeInBatches(fakeStrapi(logged), items, failingAt(49), async () => {
      throw new Error('database went away');
    })
  ).rejects.toThrow('item 49 refused');
  expect(logged).toEqual([expect.stringContaining('database went away')]);
});

it('ends each transaction with endBatch, and undoes the committed ones when it throws', async () => {
  const ended: number[][] = [];
  const undone: number[][] = [];
  let pending: number[] = [];
  const items = Array.from({ length: 50 }, (_, i) => i);
  const step = async (item: number) => {
    await new Promise((resolve) => setTimeout(resolve, 1));
    pending.push(item);
    return item;
  };
  const endBatch = async () => {
    if (ended.length === 1) throw new Error('second write refused');
    ended.push(pending);
    pending = [];
  };
  await expect(
    writeInBatches(
      fakeStrapi([]),
      items,
      step,
      async (done) => {
        undone.push(done);
      },
      endBatch
    )
  ).rejects.toThrow('second write refused');
  // The first transaction's items were written at its end, and they are what is undone.
  expect(ended).toHaveLength(1);
  expect(undone).toEqual([ended[0]]);
});
