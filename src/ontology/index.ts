export * from './plover.js';
export * from './cameo.js';
export * from './actors.js';
