export * from './types';
export { applyEdit, applyEditWithPatch } from './apply';
export { changeAt } from './draft';
export * from './history';
export * from './diff';
export * from './mergeView';
export * from './settle';
export { planInputs } from './toPlan';
