export * from './types';
export { applyEdit, applyEditWithPatch } from './apply';
export * from './history';
export * from './diff';
export * from './gridView';
export * from './settle';
export { planInputs } from './toPlan';
