export {
  buildRequest,
  isQuery,
  type BuildOptions,
  type BuiltRequest,
  type RequestParams,
} from './build';
export {
  parseKeyList,
  type KeyListDuplicate,
  type KeyLineProblem,
  type ParsedKeyList,
} from './keyList';
export { formatPath, parsePath, pathsOverlap, type ParsedPath, type PathSegment } from './path';
export { validateModel, type ModelError } from './validate';
export { binaryError, compareScalars, valueError } from './values';
export { loadAllModel } from './loadAll';
