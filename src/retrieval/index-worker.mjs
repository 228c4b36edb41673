// Worker-thread bootstrap: loader hooks registered in the main thread do not reach workers on
// Node 20, so the worker registers tsx itself before loading the TypeScript worker body.
import { register } from 'tsx/esm/api';

register();
await import('./index-worker.ts');
