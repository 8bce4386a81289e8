export * from './types';
export { plan, collapseOps, unplannable } from './plan';
export { RequestBuilder, packLimits, packSized, sizeOp, fitsAlone, opWriteUnits } from './builder';
export type { SizedOp, PackLimits, AddResult } from './builder';
export { toRequestItems, toCliRequestFiles, fromRequestItems } from './requestItems';
export type { RequestItems, WriteRequest, CliRequestFile } from './requestItems';
export { opJsonBytes, itemJsonBytes, valueJsonBytes } from './wireSize';
