/**
 * Runs `fn` over `jobs` with at most `limit` in flight. After a failure no new job starts; the
 * ones in flight finish, then the first error is thrown.
 */
export async function runPool<T>(
  jobs: readonly T[],
  limit: number,
  fn: (job: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  let failure: { error: unknown } | undefined;
  const worker = async () => {
    while (!failure && next < jobs.length) {
      const job = jobs[next++] as T;
      try {
        await fn(job);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, jobs.length)) }, worker));
  if (failure) throw failure.error;
}
