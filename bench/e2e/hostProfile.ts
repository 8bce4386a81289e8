/**
 * The web host's own CPU profile for the profiling scripts (profile.ts, profileLoadAll.ts): the
 * environment that preloads cpuProfHook.cjs, and the summary of what it wrote when the host stopped.
 */
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { summarise, type Profile } from './profileSummary';

/**
 * The host's environment for a profile written to `<out>/host`: from its start, or with
 * `fromSignal` from the first SIGUSR2 (send it when the part worth profiling begins).
 */
export function hostProfileEnv(out: string, fromSignal = false): NodeJS.ProcessEnv {
  mkdirSync(`${out}/host`, { recursive: true });
  return {
    NODE_OPTIONS: `--require ${__dirname}/cpuProfHook.cjs`,
    DYNOSTAGE_CPU_PROF_DIR: `${out}/host`,
    ...(fromSignal ? { DYNOSTAGE_CPU_PROF_ON: 'signal' } : {}),
  };
}

/** Prints the summary of each profile the host wrote to `<out>/host`. */
export function printHostProfiles(out: string): void {
  const dir = `${out}/host`;
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.cpuprofile'))) {
    console.log(`\n-- host ${f}`);
    console.log(summarise(JSON.parse(readFileSync(`${dir}/${f}`, 'utf8')) as Profile));
  }
}
