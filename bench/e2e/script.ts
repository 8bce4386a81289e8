/**
 * A profiling script's frame (profile.ts, profileBoot.ts, profileLoadAll.ts, traceMillion.ts):
 * dynalite in its own process, the web host (with `hostEnv`), the peer and a browser, all stopped
 * after `run` whatever happened. An error is printed and the process exits 1; otherwise the
 * promise resolves once everything is stopped.
 */
import { launchBrowser, startDynaliteProcess, startEnv, type Env } from './env';

export async function runScript(
  run: (env: Env) => Promise<void>,
  hostEnv?: NodeJS.ProcessEnv,
): Promise<void> {
  try {
    const dynalite = await startDynaliteProcess();
    const env: Env = { ...(await startEnv(dynalite, hostEnv)), browser: await launchBrowser() };
    try {
      await run(env);
    } finally {
      await env.browser.close();
      await env.stop();
    }
  } catch (err: unknown) {
    console.error(err);
    process.exit(1);
  }
}
