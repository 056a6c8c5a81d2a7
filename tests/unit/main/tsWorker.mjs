// Starts a TypeScript worker module in tests: Node 20 workers do not inherit --import loaders.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.file);
