/**
 * Vitest globalSetup of the `moto` project: starts one moto_server for every *.moto.test.ts file
 * and stops it at the end. Test files read the endpoint with `inject('motoEndpoint')`.
 */
import type { TestProject } from 'vitest/node';
import { motoMissingReason, startMoto } from './moto';

declare module 'vitest' {
  export interface ProvidedContext {
    /** moto_server's endpoint, or '' when it could not be started (see motoMissing). */
    motoEndpoint: string;
    /** Why moto is not available ('' when it is). */
    motoMissing: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const missing = motoMissingReason();
  if (missing) {
    project.provide('motoEndpoint', '');
    project.provide('motoMissing', missing);
    console.warn(`moto tests skipped: ${missing}`);
    return async () => {};
  }
  const moto = await startMoto();
  console.log(`moto_server listening on ${moto.endpoint} (started in ${moto.startMs} ms)`);
  project.provide('motoEndpoint', moto.endpoint);
  project.provide('motoMissing', '');
  return () => moto.close();
}
