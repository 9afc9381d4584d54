/**
 * Runs a startup backfill in pages ordered by id (keyset): reads the rows past the last id seen,
 * writes what they need, and goes on until a page comes back empty. A row the write leaves as it
 * was is not read again, since the next page starts past it. Returns the number of rows handled.
 */
export async function backfillInPages<R extends { id: number }>(
  readAfter: (afterId: number) => Promise<R[]>,
  write: (rows: R[]) => Promise<void>
): Promise<number> {
  let handled = 0;
  for (let after = 0; ;) {
    const rows = await readAfter(after);
    if (rows.length === 0) return handled;
    await write(rows);
    handled += rows.length;
    after = rows[rows.length - 1].id;
  }
}
