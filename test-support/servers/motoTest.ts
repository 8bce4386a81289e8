/** What a *.moto.test.ts file needs: the shared moto_server's endpoint, or why it is missing. */
import { inject } from 'vitest';

/** The endpoint of the moto_server the globalSetup started; undefined (reason printed) without moto. */
export function motoEndpoint(file: string): string | undefined {
  const endpoint = inject('motoEndpoint');
  if (!endpoint) console.warn(`SKIPPED ${file}: ${inject('motoMissing')}`);
  return endpoint || undefined;
}

/**
 * Regions moto keeps apart (each has its own tables): one per test file, so files running in
 * parallel against the one server never see each other's tables.
 */
export const MOTO_REGIONS = {
  agreeBrowse: 'us-east-2',
  agreeCommit: 'us-west-1',
  partiql: 'us-west-2',
  partiqlPaging: 'eu-west-1',
  partiqlService: 'eu-west-2',
  atomic: 'eu-central-1',
  copyAs: 'ap-southeast-1',
  atomicApp: 'eu-north-1',
  partiqlAtomic: 'ap-northeast-1',
  protoNames: 'ap-south-1',
  cliAtomic: 'ca-central-1',
  lightSend: 'sa-east-1',
} as const;
